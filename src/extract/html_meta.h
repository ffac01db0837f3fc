/* html_meta.h: what the files of the HTML metadata reader share: the
 * candidates found in one walk of the tree, and the string and date helpers
 * that clean them.
 *
 * Private to html_meta*.c (the walk in html_meta.c, JSON-LD in
 * html_meta_ld.c, dates in html_meta_date.c, the choices between
 * candidates in html_meta_pick.c). Not the stage's interface: that is
 * ex_html_meta in ex_internal.h. */
#ifndef SL_EX_HTML_META_H
#define SL_EX_HTML_META_H

#include "ex_internal.h"

/* A headline element, author element or meta value longer than this is not
 * one: real headlines run under 300 bytes, and a page's longest ones in the
 * Readability test pages stay under 200. */
#define EX_META_MAX_TEXT 600
/* Names of people rarely pass 100 characters; a longer "author" element is
 * a box with a biography in it (Readability uses the same bound). */
#define EX_META_MAX_BYLINE 100
#define EX_META_MAX_H1 4
#define EX_META_MAX_AUTHORS 8

/* Everything the page says about itself, each NULL (or SL_NO_DATE) where it
 * says nothing. Strings are cleaned (entities decoded, white space made one
 * space, trimmed) and live in the arena. */
typedef struct ex_meta_found {
    /* title */
    const char *html_title;                 /* <title> */
    const char *ld_headline;                /* JSON-LD Article headline (or name) */
    const char *og_title, *twitter_title, *dc_title;
    const char *item_headline;              /* itemprop=headline element */
    const char *h1[EX_META_MAX_H1];
    size_t      n_h1;
    /* the first date in a short line of text shortly after each h1, the
     * last shortly before it, and the first that is labelled an update
     * ("Last updated: ...") */
    int32_t     h1_date[EX_META_MAX_H1], h1_before[EX_META_MAX_H1], h1_updated[EX_META_MAX_H1];
    const char *site_name;                  /* og:site_name, JSON-LD publisher */
    /* author: each a list joined by ", " */
    const char *ld_author, *meta_author, *item_author, *rel_author, *class_author;
    const char *class_author_box;   /* from an author element too long to be a byline itself (a box, a rail) */
    /* publication day, best first */
    int32_t     ld_date, ld_page_date, meta_date, item_date, time_pub, time_any, text_date;
    /* the day of the last revision (article:modified_time, dateModified):
     * a bound on the publication when nothing else dates the page */
    int32_t     modified;
    const char *canonical_url;              /* link rel=canonical or og:url */
    /* language: raw values, normalised when chosen */
    const char *lang_html, *lang_http, *lang_og, *lang_ld;
    const char *subtitle;
} ex_meta_found;

/* ---- html_meta.c ---- */
/* Nothing found yet: every date SL_NO_DATE, every string NULL. */
ex_meta_found ex_meta_found_empty(void);
/* s (n bytes) with HTML entities decoded, white space collapsed and
 * trimmed, in a; NULL when nothing is left. */
const char *ex_meta_clean(arena *a, const char *s, size_t n);
/* Append name to the ", "-joined list *list unless it is already there. */
void ex_meta_add_name(arena *a, const char **list, const char *name);

/* ---- html_meta_ld.c ---- */
/* Read one <script type="application/ld+json"> (n bytes) into f: the
 * first Article-like object's headline, authors, datePublished and
 * inLanguage, and the publisher's name. Bad JSON is ignored. */
void ex_meta_ld(const char *s, size_t n, arena *a, ex_meta_found *f);
/* Do the reader of html_meta_ld.c (with jansson for what it leaves) and
 * jansson alone find the same in the script s? *ours (if not NULL): the
 * reader of our own read it. For test_meta_ld and fuzz_jsonld. */
bool ex_meta_ld_agree(const char *s, size_t n, arena *a, bool *ours);

/* ---- html_meta_date.c ---- */
/* The day a date string names: ISO 8601, compact 20191120, 2019/11/20,
 * 20.11.2019, "November 20, 2019", "20 Nov 2019", RFC 822. SL_NO_DATE if
 * none. Only the first EX_META_MAX_TEXT bytes are read. */
int32_t ex_meta_date(const char *s, size_t n);
/* Where a worded date ("March 25, 2015", "25 Mar") starts in s, n if it
 * holds none: the end of a byline that runs on into its date. */
size_t  ex_meta_date_at(const char *s, size_t n);
/* Does s open with a "by" label ("By ", "Written by: ", "par ")? */
bool    ex_meta_by_label(const char *s);
/* Is s written as a name: in scripts with case, its words of four letters
 * or more capitalised, but for particles ("van", "der") and a single
 * word ("jsteinhardt")? "Personal finance", "5 min read" are not. */
bool    ex_meta_name_like(const char *s);
/* Space-separated words of s, a token of Chinese or Thai counting as the
 * words it holds. */
size_t  ex_meta_words(const char *s);
/* The day in a URL's path: /2019/11/20/, /2019-11-20, /20191120/. */
int32_t ex_meta_url_date(const char *url);

/* ---- html_meta_pick.c ---- */
/* The headline among the candidates, or NULL. */
const char *ex_meta_pick_title(const ex_meta_found *f, arena *a);
/* "By Jane Doe and John Roe" as "Jane Doe, John Roe"; NULL when what is
 * left does not read as names (a URL, empty, too long). */
const char *ex_meta_clean_byline(arena *a, const char *s);
/* ISO 639-1 code (lower case) of a language tag ("en-US", "en_GB", "EN"),
 * or NULL. */
const char *ex_meta_lang(arena *a, const char *tag);

#endif
