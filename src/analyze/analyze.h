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
/* The same, stopping after the first max sentences (the same spans as
 * an_sentences' first max), for callers that read no further. */
size_t an_sentences_max(const char *text, size_t len, size_t max, arena *a, an_span **out);
/* Does the full stop at text[dot] close an abbreviation ("Mr.", "Jan.",
 * "U.S.", "No. 10") rather than a sentence? */
bool   an_abbreviation(const char *text, size_t len, size_t dot);

/* A token: a run of letters and digits, with inner apostrophes and hyphens. */
typedef struct an_token { uint32_t start, end; } an_token;
/* Next token at or after *pos; false at the end. */
bool an_next_token(const char *text, size_t len, size_t *pos, an_token *tok);
/* The bytes of a possessive "'s" or "’s" ending the word [start, end), more
 * than a letter before it; 0 when there is none. */
size_t an_possessive(const char *t, size_t start, size_t end);

/* ---- who, said what, when (names.c, actors.c, quotes.c, timex.c) -------- */

typedef enum an_type { AN_PERSON = 0, AN_ORGANISATION = 1, AN_PLACE = 2 } an_type;
const char *an_type_name(an_type t);   /* "person", "organisation", "place" */

/* One mention of a name in a text: byte offsets [start, end) of the name
 * itself ("Song Young-moo"), not of the role before it. */
typedef struct an_mention {
    uint32_t    start, end;
    uint8_t     type;       /* an_type */
    int32_t     actor;      /* index into the actors of the same text */
    const char *role;       /* role the text gives here ("South Korean Defence
                               Minister"), or NULL */
} an_mention;

/* One actor of a text: its mentions merged ("Kim Jong-un", "Kim Jong Un",
 * "Kim"; "Mattis", "Mr Mattis"). */
typedef struct an_actor {
    const char  *name;      /* the fullest form seen */
    const char  *key;       /* folded key for merging across texts:
                               "kim jong un", "south korea" */
    uint8_t      type;      /* an_type */
    const char **roles;     /* distinct roles, first seen first */
    size_t       n_roles;
    const char **aliases;   /* other forms seen */
    size_t       n_aliases;
    uint32_t     mentions;
    uint8_t      sex;       /* a person's: AN_SEX_* bits */
    bool         sure;      /* its type read from a lexicon, a dateline or what
                               only a firm has (conf 3), not guessed */
} an_actor;

/* A person's sex as the text tells it, as bits: by an honorific before a
 * mention ("Mr.", "Ms.": data/lexicon/titles.tsv) or a word of its role
 * ("spokeswoman"), else by the given name (data/lexicon/people.tsv);
 * none, male, female, or both (two people of one name merged). Quotes
 * resolve "he" and "she" with it (actors.c). */
enum { AN_SEX_NONE = 0, AN_SEX_MALE = 1, AN_SEX_FEMALE = 2, AN_SEX_BOTH = 3 };

typedef struct an_names {
    an_mention *mentions;   /* in text order */
    size_t      n_mentions;
    an_actor   *actors;
    size_t      n_actors;
} an_names;

/* Find the people, organisations and places of a text and merge their
 * mentions into actors. Everything is allocated in a. */
void an_find_names(const char *text, size_t len, arena *a, an_names *out);
/* The same, and into rules (when not NULL) the names of the rules alone,
 * before the learned tagger decides (names.c): what clustering links
 * articles by. Its storyline model is fitted on them; fitted again on the
 * tagger's names it linked subjects worse (t17-dev, leave one topic out,
 * B-cubed F1 0.751 against 0.880): the tagger is fitted for the spans and
 * types of names, not for the keys that tell two stories apart. */
void an_find_names_both(const char *text, size_t len, arena *a, an_names *out, an_names *rules);

typedef enum an_quote_kind { AN_DIRECT = 0, AN_INDIRECT = 1 } an_quote_kind;

/* A quote: [start, end) is the quoted words (without the quote marks for a
 * direct quote; the reported clause for indirect speech). */
typedef struct an_quote {
    uint32_t start, end;
    uint8_t  kind;          /* an_quote_kind */
    int32_t  speaker;       /* index into names->actors, or -1 if unknown */
    uint32_t cue_start, cue_end;   /* "she added", "told reporters", "according to" */
    /* A quote that runs on past its cue ("A," she said, "B.") is one quote
     * over both pieces; [cut_start, cut_end) is what lies between them
     * (the marks and the cue), not the speaker's words. Both 0 if none. */
    uint32_t cut_start, cut_end;
    /* The speaker as the text names them in the quote's attribution ("the
     * Florida senator", "a spokesman for the company", "she"), whoever
     * speaker resolves to; both 0 when no phrase names them (a quote that
     * goes on from the one before, a partial quote in a sentence about
     * someone). */
    uint32_t speaker_start, speaker_end;
} an_quote;

/* The words of quote q of text: its span without the cut, the pieces
 * joined by ", " where the first closed on a comma, else by a space. */
const char *an_quote_text(const an_quote *q, const char *text, arena *a);

/* Find quotes and attribute them to the actors of names. */
size_t an_find_quotes(const char *text, size_t len, const an_names *names, arena *a, an_quote **out);

/* A time expression resolved against the publication day. value is an ISO
 * date ("2018-06-12"), month ("2018-06"), year ("2018"; a range "1950-53"
 * is two expressions, one per year) or, for "a year earlier" than a range,
 * a range of years ("1949/1952"); NULL when it cannot be resolved (no
 * publication day for a relative expression). day is the first day it
 * denotes, or DAY_NONE. */
/* TimeML's four types of time expression. */
typedef enum an_timex_type { AN_TX_DATE = 0, AN_TX_TIME, AN_TX_DURATION, AN_TX_SET } an_timex_type;

typedef struct an_timex {
    uint32_t    start, end;
    const char *value;
    int32_t     day;
    uint8_t     granularity;  /* 0 day, 1 month (or a week, weekend or quarter: its first day), 2 year; 3 not a date (day DAY_NONE) */
    uint8_t     type;         /* an_timex_type */
} an_timex;

size_t an_find_times(const char *text, size_t len, int32_t published, arena *a, an_timex **out);

/* A publication day for an article that has none: from a page header
 * ("Updated: 15 March 2023"), its dateline ("Seoul, December 7" with a year
 * from a copyright line or the text) or the most likely explicit full date
 * in its text; DAY_NONE if there is no evidence. page (may be NULL) is the
 * page as scraped: headers and footers are boilerplate, gone from art.
 * *weak (weak may be NULL) is set when the day is only the latest date the
 * text names, which may be years off (a death reported with the dates of a
 * life): good enough to anchor "Thursday", not to cluster by. */
int32_t an_infer_published(const sl_article *art, const char *page, size_t page_len, arena *a, bool *weak);

/* Everything the analyzers find in one text, with the sentence each time
 * expression and quote sits in (facts.c). */
typedef struct an_facts {
    an_names  names;
    an_names  rule_names;   /* the rules' alone, for clustering (an_find_names_both) */
    an_quote *quotes;
    size_t    n_quotes;
    an_timex *times;
    size_t    n_times;
    an_span  *sentences;
    size_t    n_sentences;
} an_facts;

void an_find_facts(const char *text, size_t len, int32_t published, arena *a, an_facts *out);
/* Add the actors of names to doc's terms, one "a:<key>" name term each
 * ("a:hasim_rahman"), so that a surname alone ("Rahman") counts for its
 * actor; a term's count grows with the actor's mentions. */
void an_add_actors(an_doc *doc, const an_names *names, arena *a);
/* Index of the sentence holding byte offset pos (the last one before it). */
size_t an_sentence_at(const an_facts *f, uint32_t pos);

#endif
