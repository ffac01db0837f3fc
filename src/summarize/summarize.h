/* summarize.h: the summarize stage: headline and extractive summary of an
 * event or storyline from its articles.
 *
 * Internal symbols use the prefix su_. */
#ifndef SL_SUMMARIZE_H
#define SL_SUMMARIZE_H

#include "../core/core.h"

typedef struct su_article {
    const char *title, *text;
    int32_t     day;
    bool        duplicate;     /* a copy adds no new sentence */
} su_article;

typedef struct su_summary {
    const char  *headline;
    const char **sentences;    /* in story order: by article date, then position */
    size_t       n;
} su_summary;

/* The distinct content words of t[0..len) (folded, no stop words) as
 * sorted hashes in *out (in a); their number is returned, and the number of
 * all its words goes to *all. fold is scratch. */
size_t su_words(buf *fold, const char *t, size_t len, arena *a, uint64_t **out, size_t *all);
/* How much two sentences repeat each other: the shared share (Jaccard) of
 * their su_words; 1 when both have none. */
double su_overlap(const uint64_t *x, size_t nx, const uint64_t *y, size_t ny);

/* Summarize up to max_sentences sentences; strings live in a. */
void su_summarize(const su_article *arts, size_t n, size_t max_sentences, arena *a, su_summary *out);

/* A dated sentence of an article: day it is about, the article's own day,
 * and its position (sentence number; -1 for an article's lead standing in
 * for its publication day). */
typedef struct su_dated {
    int32_t     day;
    const char *sentence;
    const char *article;
    int32_t     article_day;
    int32_t     position;
} su_dated;

typedef struct su_entry {
    int32_t     day;
    const char *text;
    const char *article;
} su_entry;

/* s without what a page put before its sentence: a wire header, a time
 * stamp, a comment header or a dateline in capitals (clean.c); a pointer
 * into s, s itself if there is none. */
const char *su_clean_sentence(const char *s);
/* A sentence that tells a reader nothing as a timeline entry: fewer than
 * four words, or more capitals than small letters ("THIS IS A RUSH
 * TRANSCRIPT ."). */
bool su_says_little(const char *s);
/* A photo's caption: people placed in a picture (", left ,"), what a
 * picture shows ("This file photo shows", "is seen"), a photo credit. */
bool su_caption(const char *s);
/* A sentence in a person's own voice outside any quotation: one that
 * speaks to the reader ("you", "your": a promotion, a comment) or of
 * itself ("I think", "my"), or exclaims ("!"): a reader's comment, a
 * transcript or an advertisement, not the story's report. */
bool su_personal(const char *s);

/* The timeline of the max_dates most-mentioned dates, oldest first, with
 * up to per_date sentences each. Sorts in; entries live in a. */
size_t su_timeline(su_dated *in, size_t n, size_t max_dates, size_t per_date, arena *a, su_entry **out);

#endif
