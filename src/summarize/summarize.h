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

/* Summarize up to max_sentences sentences; strings live in a. */
void su_summarize(const su_article *arts, size_t n, size_t max_sentences, arena *a, su_summary *out);

#endif
