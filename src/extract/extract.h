/* extract.h: the extract stage: raw page to article.
 *
 * Finds the title, subtitle, byline and dateline of a page and keeps the
 * article's paragraphs, dropping what the scrape dragged in (navigation,
 * breadcrumbs, paywall offers, link lists, captions and credits, sign-offs,
 * disclaimers, footers). A paragraph classifier driven by features of the
 * text decides, not a list of phrases. Internal symbols use the prefix ex_. */
#ifndef SL_EXTRACT_H
#define SL_EXTRACT_H

#include "storyline.h"
#include "../core/core.h"

/* Global setup of the HTML front end, done once however often called
 * (sl_open_db calls it): libxml2's, and the choice of parser. Pages are
 * parsed by our own parser (dom_parse.c); with SL_HTML_PARSER=libxml2 in
 * the environment, by libxml2, the reference ours is checked against
 * (bench/htmlcheck). Without a call, our own parser is used. */
void ex_init(void);

/* Extract the article of page into out; every string out points to is
 * allocated in a. out->id, url, source and meta_json are copied from the
 * page; out->published is parsed from page->published (SL_NO_DATE if absent
 * or not a date). Returns SL_OK, or SL_EINPUT with a message in err naming
 * page->input and page->line when the page holds no article (empty, binary,
 * nothing but boilerplate). */
sl_status ex_extract(const sl_page *page, arena *a, sl_article *out, err_slot *err);

#endif
