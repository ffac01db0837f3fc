/* an_names.h: private to the analyze stage: what names.c, roles.c, later.c,
 * actors.c and lexicon.c share to find names, their roles and their actors.
 *
 * Not an interface for other stages: they use an_find_names (analyze.h). */
#ifndef SL_AN_NAMES_H
#define SL_AN_NAMES_H

#include "analyze.h"

/* ---- lexicon (lexicon.c, lexicon_tables.c from data/lexicon/) ----------- */

typedef enum lx_kind {
    LX_COUNTRY, LX_COUNTRY_ALIAS, LX_DEMONYM, LX_CAPITAL, LX_PLACE, LX_PLACE_HEAD,
    LX_ORG, LX_ORG_HEAD, LX_HONORIFIC, LX_TITLE, LX_RANK, LX_MODIFIER,
    LX_GIVEN, LX_SURNAME_FIRST, LX_NONNAME, LX_SURNAME
} lx_kind;
#define LX_ABBR   0x100    /* written with a full stop ("Gen."): a name may follow it */
#define LX_KIND(e) ((e)->kind & 0xff)
#define LX_BIT(k)  (1u << (k))

typedef struct lx_entry { const char *key; uint16_t kind; uint16_t ref; } lx_entry;

extern const lx_entry lx_entries[];
extern const size_t lx_n_entries;
extern const int lx_max_words;             /* words in the longest key */
extern const char *const lx_country_names[];
extern const char *const lx_capital_names[];
extern const char *const lx_place_names[];
extern const char *const lx_org_names[];
extern const uint16_t lx_capital_country[];

/* The first entry with this normalised key whose kind is in mask, or NULL. */
const lx_entry *lx_find(const char *key, size_t n, unsigned mask);
/* The name an entry stands for ("South Korea" for "ROK"), or NULL. */
const char *lx_canonical(const lx_entry *e);

#define LX_TITLES  (LX_BIT(LX_HONORIFIC) | LX_BIT(LX_TITLE) | LX_BIT(LX_RANK))
#define LX_ROLEISH (LX_TITLES | LX_BIT(LX_MODIFIER))
#define LX_NAMED   (LX_BIT(LX_COUNTRY) | LX_BIT(LX_COUNTRY_ALIAS) | LX_BIT(LX_CAPITAL) | \
                    LX_BIT(LX_PLACE) | LX_BIT(LX_ORG))

/* ---- tokens as names.c sees them ---------------------------------------- */

typedef struct an_ntok {
    uint32_t start, end;     /* the word, without a possessive 's */
    uint32_t full_end;       /* with it */
    const char *key;         /* normalised (see an_key_append) */
    uint16_t klen;
    uint8_t cap;             /* starts with an upper-case letter */
    uint8_t upper;           /* all letters upper case, two or more */
    uint8_t poss;            /* ends in 's or s' */
    uint8_t sent_start;      /* first word of a sentence, line or quote */
    uint8_t hyph_lower;      /* "Young-moo": a part after a hyphen in lower case */
    uint8_t abbr;            /* followed by "." and a title abbreviation or an initial */
    uint8_t initials;        /* "U.S.": letters with full stops, the last one included */
    uint8_t title_line;      /* on a short line of capitalised words: a menu or headline */
    uint8_t based;           /* "Craiova-based", "Seoul-born": a place, its suffix cut off */
} an_ntok;

/* A name found in the text, before actors exist. */
typedef struct an_cand {
    uint32_t t0, t1;         /* tokens [t0, t1) of the name */
    uint8_t  type;           /* an_type */
    uint8_t  conf;           /* 0 a guess, 1 context, 2 shape or title, 3 lexicon */
    uint8_t  skip;           /* dropped after all */
    uint8_t  back;           /* a lone family name; key is its full name's (later.c) */
    const char *key;         /* actor key */
    const char *role;        /* before the name or in apposition, or NULL */
    const char *canon;       /* the lexicon's name for it ("United States" for "US"), or NULL */
} an_cand;

typedef struct an_scan {
    const char *text;
    size_t len;
    arena *a;
    an_ntok *tok;
    size_t n;
    VEC(an_cand) cands;
    buf key;
    map lower;               /* words of the text seen in lower case */
} an_scan;

/* typer.c: the type the learned typer gives a name from its features (a
 * space-separated list, names.c's type_features), or -1 when it has no
 * weights (SL_TYPER=off). */
int an_typer_type(const char *features, size_t len);

/* A typer's weights (an_typer_parse reads the text of data/model/typer.tsv;
 * an_typer_pick is an_typer_type with them). */
typedef struct an_typer {
    map    weights;          /* feature -> index of its three weights in w */
    float *w;
    size_t n;
    float  bias[3];
    bool   loaded;           /* at least one line read */
} an_typer;
void an_typer_parse(an_typer *m, const char *text, size_t len);
int  an_typer_pick(const an_typer *m, const char *features, size_t len);
void an_typer_free(an_typer *m);

/* Append token i's key to b, with the separator the gap before it implies. */
void an_key_append(const an_scan *s, size_t i, buf *b);
/* The longest lexicon phrase starting at token i, over at most `max` tokens,
 * whose kind is in mask; its token count in *ntok. */
const lx_entry *an_lex_at(an_scan *s, size_t i, size_t max, unsigned mask, size_t *ntok);
/* May token i and i + 1 belong to one name? */
bool an_joinable(const an_scan *s, size_t i);

/* roles.c: the role in the words before token t0 ("Pentagon spokesperson"),
 * or NULL; *titled says whether a title or honorific stands right before
 * t0, which makes the name a person even without a role ("Mr"). */
const char *an_role_before(an_scan *s, size_t t0, bool *titled);
/* The role of a title ending right before token r and running on to the
 * name at cut ("Minister" + "of National Defence"), or NULL. */
const char *an_role_through(an_scan *s, size_t r, size_t cut);
/* The role in an apposition after the name ending at token t1 ("Kim
 * Do-gyun, South Korea's chief delegate,"), or NULL. */
const char *an_role_after(an_scan *s, size_t t1);

/* later.c: lone family names of people named in full elsewhere in the
 * text become their mentions; sorts the candidates by position. */
void an_find_later_mentions(an_scan *s);

/* actors.c: merge candidates into actors; fills out. */
void an_build_actors(an_scan *s, an_names *out);

#endif
