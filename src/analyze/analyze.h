/* analyze.h: the analyze stage: article to document.
 *
 * Turns an article into what the later stages compare: the terms of its
 * title and body (folded, stemmed, without function words), the names it
 * mentions, and its sentences. Internal symbols use the prefix an_. */
#ifndef SL_ANALYZE_H
#define SL_ANALYZE_H

#include "storyline.h"
#include "../core/core.h"

typedef enum an_kind { AN_WORD = 0, AN_NAME = 1 } an_kind;

/* One distinct term of a document with its weighted count. */
typedef struct an_term {
    const char *text;     /* "drill", or "n:kim_jong" for a name pair */
    uint32_t    len;
    uint8_t     kind;     /* an_kind */
    float       count;    /* occurrences; title occurrences count double */
} an_term;

/* A span of text: byte offsets [start, end). */
typedef struct an_span { uint32_t start, end; } an_span;

typedef struct an_doc {
    const sl_article *article;
    an_term          *terms;       /* distinct, in first-seen order */
    size_t            n_terms;
    an_span          *sentences;   /* into article->text */
    size_t            n_sentences;
} an_doc;

/* The analyzer owns a stemmer and scratch space: one per engine (not shared
 * between threads). */
typedef struct an_analyzer an_analyzer;
an_analyzer *an_new(void);
void         an_free(an_analyzer *an);

/* Analyze an article; everything is allocated in a. */
void an_analyze(an_analyzer *an, const sl_article *art, arena *a, an_doc *out);

/* Split text into sentences (abbreviations such as "Mr." and "U.S." and
 * decimal points do not end one); returns the count, spans in *out (arena). */
size_t an_sentences(const char *text, size_t len, arena *a, an_span **out);

/* A token: a run of letters and digits, with inner apostrophes and hyphens. */
typedef struct an_token { uint32_t start, end; } an_token;
/* Next token at or after *pos; false at the end. */
bool an_next_token(const char *text, size_t len, size_t *pos, an_token *tok);

#endif
