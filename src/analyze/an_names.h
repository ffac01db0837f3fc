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
/* May the phrase key grow into a key of the lexicon (is it a proper
 * prefix of one)? No means no longer phrase starting so is in it. */
bool lx_may_grow(const char *key, size_t n);
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
    uint8_t  learned;        /* the typer's type + 1 for a name only it typed, else 0 */
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

/* A linear model over named features with k classes (typer.c): the weights
 * of the typer (k 3: person, organisation, place; data/model/typer.tsv) or
 * of the tagger (tagger.c). an_linear_parse reads its text; an_linear_pick
 * gives the class whose features' weights sum highest, -1 without weights. */
#define AN_MAX_CLASSES 12
typedef struct an_linear {
    float *w;                /* n rows of k weights */
    size_t n;
    int    k;
    float  bias[AN_MAX_CLASSES];
    bool   loaded;           /* at least one line read */
    struct an_slot { uint32_t lo, row; } *slots;   /* rows by feature hash (typer.c) */
    uint32_t *hi;            /* per row: its feature's hash's upper half */
    size_t   hmask;
} an_linear;
void an_linear_parse(an_linear *m, int k, const char *text, size_t len);
int  an_linear_pick(const an_linear *m, const char *features, size_t len);
/* The k weights of one feature, or NULL. */
const float *an_linear_find(const an_linear *m, const char *f, size_t n);
/* Add the weights of the (space-separated) features to z[0..k), no bias. */
void an_linear_add(const an_linear *m, const char *features, size_t len, double *z);
void an_linear_free(an_linear *m);
/* The weights named by the environment variable var: none when it says
 * "off", the file it names (none, with a message, if unreadable), else
 * the compiled-in text builtin. */
void an_linear_load(an_linear *m, int k, const char *var, const char *builtin);
/* The same, and each(text, len, ctx) then sees the text the weights were
 * read from (nothing when var is "off"). */
void an_linear_load_with(an_linear *m, int k, const char *var, const char *builtin,
                         void (*each)(const char *text, size_t len, void *ctx), void *ctx);

/* tagger.c: the learned class of each word into tags (s->n of them), from
 * the words and the rules' candidates so far: 0 for none, else 2k - 1 for
 * the first word of a name of kind k (enum an_tag_kind) and 2k for a word
 * that goes on with it; false when there are no weights (SL_TAGGER=off),
 * tags then untouched. an_tagger_on says whether there are weights. */
enum an_tag_kind { AN_TAG_O, AN_TAG_PER, AN_TAG_ORG, AN_TAG_LOC, AN_TAG_MISC };
#define AN_TAG_N 9                              /* classes: none, then B and I of each kind */
#define AN_TAG_KIND(t) (((t) + 1) / 2)
#define AN_TAG_BEGINS(t) ((t) % 2 == 1)
bool an_tag(an_scan *s, uint8_t *tags);
/* May tokens i and i + 1, tagged alike, be one name? Not across a sentence
 * or punctuation other than . - & and apostrophes ("St. Louis",
 * "Guinea-Bissau", "AT&T", "People's Front"). */
bool an_tag_joinable(const an_scan *s, size_t i);
bool an_tagger_on(void);
/* The class of a word (by its key) among words used alike, at size 0, 1
 * or 2 (50, 200 and 800 classes; data/model/wordclass.tsv, written by
 * scripts/fit-wordclass; SL_WORDCLASS=FILE reads another, "off" none), or
 * -1 for a word the table does not hold. The tagger's features name them. */
#define AN_WORDCLASS_SIZES 3
int an_word_class(const char *key, size_t n, int size);
/* Tests of the rules alone turn the tagger off for the whole process (and
 * back on); nothing else does. */
void an_tagger_use(bool on);
/* Tests: with compare on, the tagger scores each word both the long way
 * (its features one by one) and from its forms' sums, and an_tagger_compared
 * gives the largest difference seen since and the words compared. */
void   an_tagger_compare(bool on);
double an_tagger_compared(long *words);

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
