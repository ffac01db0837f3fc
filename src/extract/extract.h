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

/* Extract the article of page into out; every string out points to is
 * allocated in a. out->id, url, source and meta_json are copied from the
 * page; out->published is parsed from page->published (SL_NO_DATE if absent
 * or not a date). Returns SL_OK, or SL_EINPUT with a message in err naming
 * page->input and page->line when the page holds no article (empty, binary,
 * nothing but boilerplate). */
/* Global setup of the HTML parser: call once before extracting on more than
 * one thread (extracting on one thread needs no call). */
void ex_init(void);

sl_status ex_extract(const sl_page *page, arena *a, sl_article *out, err_slot *err);

#endif
