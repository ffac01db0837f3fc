/* tagger.c: the learned word-by-word view of names: for each word of a
 * text, is it part of a person, an organisation, a place, another kind of
 * name (MISC: nationalities, products, events) or of none?
 *
 * A linear model (an_linear, nine classes: none, and the first or a later
 * word of each of the four kinds) over the features of the word
 * and its neighbours: the words themselves, their shapes, prefixes and
 * suffixes, the classes of words used alike they fall in (wordclass
 * below), the punctuation around them, what the lexicons say of them,
 * whether the text writes them in lower case elsewhere, and what the rules
 * of names.c made of them (the name they are part of, its type and how sure
 * the rules were), and the class of the word before. The model gives each
 * word's classes a probability for each class of the word before; the
 * classes of a text are the most probable path through them (Viterbi), a
 * later word of a kind only after one of its kind it may join. Words in
 * lower case between two more are none, unweighed. names.c turns each
 * first word and the later words of its kind after it into a name
 * (apply_tags).
 *
 * The weights are fitted offline on the train split of the newswire corpus
 * (scripts/fit-tagger; `make tagger`) and kept in data/model/tagger.tsv, of
 * which the build compiles in (scripts/text-table). SL_TAGGER=FILE reads
 * another file; SL_TAGGER=off leaves the names to the rules alone.
 * SL_TAGGER_FEATURES=FILE writes every word's features (for the fit). */
#include "an_names.h"

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern const char an_tagger_builtin[];
extern const char an_wordclass_builtin[];

static an_linear model;
/* Word classes: each word's class at three sizes, kept as the three
 * "weights" of its key (data/model/wordclass.tsv, scripts/fit-wordclass). */
static an_linear wordclass;
static FILE *dump_to;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void load_fixed(void);
static void load_sums(void);
static void collect_keys(const char *text, size_t len, void *ctx);
static void load_kind_rows(void);

static void load(void)
{
    const char *dump = getenv("SL_TAGGER_FEATURES");
    dump_to = dump && *dump ? fopen(dump, "a") : NULL;
    an_linear_load_with(&model, AN_TAG_N, "SL_TAGGER", an_tagger_builtin, collect_keys, NULL);
    an_linear_load(&wordclass, AN_WORDCLASS_SIZES, "SL_WORDCLASS", an_wordclass_builtin);
    load_fixed();
    load_sums();
    load_kind_rows();
}

static _Atomic int use = 1;

void an_tagger_use(bool on) { use = on; }

bool an_tagger_on(void)
{
    pthread_once(&once, load);
    return model.loaded && use;
}

bool an_tag_joinable(const an_scan *s, size_t i)
{
    const an_ntok *a = &s->tok[i], *b = &s->tok[i + 1];
    if (b->sent_start) return false;
    for (uint32_t k = a->end; k < b->start; k++) {
        unsigned char c = (unsigned char)s->text[k];
        if (c == ' ' || c == '-' || c == '.' || c == '&' || c == '\'' || c >= 0x80) continue;
        return false;
    }
    return true;
}

/* Where features go: as text (the dump for the fit), and their weights
 * added to z (the scores); either may be NULL. */
typedef struct sink {
    buf    *text;
    double *z;
} sink;

static void write_feature(sink *o, const char *f, size_t n)
{
    if (o->text) {
        buf_putc(o->text, ' ');
        buf_append(o->text, f, n);
    }
}

static void add_row(double *z, const float *w)
{
    if (w)
        for (int c = 0; c < AN_TAG_N; c++) z[c] += w[c];
}

static void put(sink *o, const char *f, size_t n)
{
    write_feature(o, f, n);
    const float *w = o->z ? an_linear_find(&model, f, n) : NULL;
    if (w)
        for (int c = 0; c < AN_TAG_N; c++) o->z[c] += w[c];
}

/* "name=value", white space in the value as '_' (features are separated by
 * spaces), values cut at FEAT_MAX bytes. */
#define FEAT_MAX 240

static size_t feat_text(char t[FEAT_MAX + 16], const char *name, const char *v, size_t n)
{
    size_t k = strlen(name);
    memcpy(t, name, k);
    t[k++] = '=';
    if (n > FEAT_MAX) n = FEAT_MAX;
    for (size_t i = 0; i < n; i++) t[k++] = v[i] == ' ' || v[i] == '\t' || v[i] == '\n' ? '_' : v[i];
    return k;
}

static void feat(sink *o, const char *name, const char *v, size_t n)
{
    char t[FEAT_MAX + 16];
    put(o, t, feat_text(t, name, v, n));
}

/* "name=a|b" */
static size_t feat2_text(char t[FEAT_MAX + 16], const char *name, const char *a, size_t na, const char *b, size_t nb)
{
    char v[2 * FEAT_MAX + 1];
    if (na > FEAT_MAX) na = FEAT_MAX;
    if (nb > FEAT_MAX) nb = FEAT_MAX;
    memcpy(v, a, na);
    v[na] = '|';
    memcpy(v + na + 1, b, nb);
    return feat_text(t, name, v, na + 1 + nb < FEAT_MAX ? na + 1 + nb : FEAT_MAX);
}

static void feat2(sink *o, const char *name, const char *a, size_t na, const char *b, size_t nb)
{
    char t[FEAT_MAX + 16];
    put(o, t, feat2_text(t, name, a, na, b, nb));
}

/* Features without a value, by number: their weights are looked up once
 * (load_fixed). */
enum { F_CAP, F_UP, F_STOP, F_SS, F_TL, F_INI, F_ABBR, F_POSS, F_BASED, F_LW, F_SSSTOP, F_CAP_NEXT,
       F_CAP_PREV, F_JN, F_NO_GAP_BEFORE, F_NO_GAP_AFTER, F_N };
static const char *const flag_name[F_N] = {"cap", "up", "stop", "ss", "tl", "ini", "abbr", "poss", "based",
                                           "lw", "ssstop", "cap+1", "cap-1", "jn", "g-=_", "g+=_"};
static const float *flag_row[F_N];

static void flag(sink *o, int f)
{
    write_feature(o, flag_name[f], strlen(flag_name[f]));
    if (o->z) add_row(o->z, flag_row[f]);
}

/* The word's shape: X an upper-case letter, x another letter, d a digit,
 * ASCII punctuation as itself, anything else '?'; runs of one class as one
 * ("Kim" Xx, "Jong-un" Xx-x, "U.S." X.X., "1990s" dx). */
static size_t shape(const an_scan *s, const an_ntok *k, char out[16])
{
    size_t n = 0;
    int len;
    for (size_t i = k->start; i < k->end && n < 15; i += (size_t)len) {
        int32_t cp = u8_decode(s->text + i, s->len - i, &len);
        char c = u8_is_upper(cp) ? 'X' : u8_is_letter(cp) ? 'x' : u8_is_digit(cp) ? 'd' :
                 cp < 0x80 && cp > ' ' ? (char)cp : '?';
        if (!n || out[n - 1] != c) out[n++] = c;
    }
    out[n] = '\0';
    return n;
}

/* The punctuation between two words (white space left out, quotation marks
 * and dashes of every kind as " ' -), at most three marks; "_" for none. */
static size_t gap(const an_scan *s, uint32_t a, uint32_t b, char out[4])
{
    size_t n = 0;
    int len;
    for (size_t i = a; i < b && n < 3; i += (size_t)len) {
        int32_t cp = u8_decode(s->text + i, s->len - i, &len);
        if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0) continue;
        char c = cp == 0x201C || cp == 0x201D || cp == 0xAB || cp == 0xBB ? '"' :
                 cp == 0x2018 || cp == 0x2019 ? '\'' :
                 cp == 0x2013 || cp == 0x2014 || cp == 0x2010 || cp == 0x2011 ? '-' :
                 cp < 0x80 && cp > ' ' ? (char)cp : '?';
        out[n++] = c;
    }
    if (!n) out[n++] = '_';
    out[n] = '\0';
    return n;
}

/* The first and last (at most) three code points of the key. */
static size_t affix(const char *key, size_t n, bool last)
{
    size_t cps = 0, i = last ? n : 0;
    if (last) {
        while (i > 0 && cps < 3) {
            i--;
            if (((unsigned char)key[i] & 0xC0) != 0x80) cps++;
        }
        return n - i;
    }
    while (i < n && cps < 3) {
        i++;
        while (i < n && ((unsigned char)key[i] & 0xC0) == 0x80) i++;
        cps++;
    }
    return i;
}

/* What the rules made of each word: 0 nothing, else the type (1-3), then
 * B or I, the rules' confidence (0-3) and whether a role came with it. */
typedef struct rule_tag { uint8_t type, begin, conf, role; } rule_tag;

static const char *const type_letter = "-POL";

/* The rules' answer for a word as a feature: "r" (type, B or I, confidence,
 * role) of the word, "rt" (its type alone), "r-1" and "r+1" (those of the
 * words before and after); their weights looked up once (load_fixed). */
enum { R_HERE, R_TYPE, R_BEFORE, R_AFTER, R_N };
static const char *const rule_name[R_N] = {"r", "rt", "r-1", "r+1"};
static const float *rule_row[R_N][4][2][4][2];   /* by type, begin, conf, role */

static size_t rule_text(char t[FEAT_MAX + 16], int name, const rule_tag *r)
{
    char v[5] = {type_letter[r->type], 0};
    if (r->type && name != R_TYPE) {
        v[1] = r->begin ? 'B' : 'I';
        v[2] = (char)('0' + r->conf);
        v[3] = r->role ? 'r' : 0;
    }
    return feat_text(t, rule_name[name], v, strlen(v));
}

static void rule_feat(sink *o, int name, const rule_tag *r)
{
    char t[FEAT_MAX + 16];
    if (r->type > 3 || r->conf > 3) {   /* none such: the long way */
        put(o, t, rule_text(t, name, r));
        return;
    }
    if (o->text) write_feature(o, t, rule_text(t, name, r));
    if (o->z) add_row(o->z, rule_row[name][r->type][r->begin != 0][r->conf][r->role != 0]);
}

/* The lexicon kinds of a word, as "lx=<kind>" each. */
static void lexicon_feats(const an_ntok *k, sink *o)
{
    const lx_entry *e = lx_find(k->key, k->klen, ~0u);   /* the first of its key's entries */
    for (; e && e < lx_entries + lx_n_entries && strlen(e->key) == k->klen &&
           !memcmp(e->key, k->key, k->klen); e++) {
        char v[8];
        int n = snprintf(v, sizeof v, "%d", LX_KIND(e));
        feat(o, "lx", v, (size_t)n);
    }
}

/* What a text's words are, computed once: the rules' answer, lexicon
 * phrases, and each word's shape. */
typedef struct tag_ctx {
    const an_scan *s;
    rule_tag *rt;
    uint8_t  *phrase;        /* in a lexicon phrase of 2+ words: 0x80 first, | kind */
    char    (*shape)[16];    /* each word's shape, when asked for (shape_at) */
    uint8_t  *shape_n;       /* its length, 0 not yet known */
    struct spare_form *spare; /* the sums of a form too long to keep (form_of) */
} tag_ctx;

/* Word i's shape and its length: most words are never asked for theirs. */
static const char *shape_at(const tag_ctx *x, size_t i, size_t *n)
{
    if (!x->shape_n[i]) x->shape_n[i] = (uint8_t)shape(x->s, &x->s->tok[i], x->shape[i]);
    *n = x->shape_n[i];
    return x->shape[i];
}

/* 0 capitalised, 1 a function word, 2 another word in lower case (as the
 * features "cap" and "stop" tell them) */
static int word_kind(const an_ntok *k) { return k->cap ? 0 : k->klen && stop_is_word(k->key, k->klen) ? 1 : 2; }

/* The classes of a word (of the sizes that names gives a feature name)
 * as features "name=class". Words that stand in like places in text stand
 * in one class, so what the fit learned of "Nairobi" reaches "Lusaka". */
static void class_features(const an_ntok *k, const char *const names[AN_WORDCLASS_SIZES], sink *o)
{
    const float *c = an_linear_find(&wordclass, k->key, k->klen);
    if (!c) return;
    for (int l = 0; l < AN_WORDCLASS_SIZES; l++) {
        if (!names[l]) continue;
        char v[16], *e = v + sizeof v, *d = e;
        int k = (int)c[l];
        unsigned x = k < 0 ? 0u - (unsigned)k : (unsigned)k;
        do *--d = (char)('0' + x % 10); while (x /= 10);   /* as "%d" writes it */
        if (k < 0) *--d = '-';
        feat(o, names[l], d, (size_t)(e - d));
    }
}

int an_word_class(const char *key, size_t n, int size)
{
    pthread_once(&once, load);
    const float *c = an_linear_find(&wordclass, key, n);
    return c && size >= 0 && size < AN_WORDCLASS_SIZES ? (int)c[size] : -1;
}

static const char *const self_class[AN_WORDCLASS_SIZES] = {"c1", "c2", "c3"};

/* The features a word's form alone decides (its text and key): the word,
 * its shape, affixes and length, its case, whether it is a function word,
 * its lexicon kinds and its word classes. */
static void form_features(const an_ntok *k, const char *sh, size_t shn, sink *o)
{
    feat(o, "w", k->key, k->klen);
    feat(o, "s", sh, shn);
    feat(o, "p", k->key, affix(k->key, k->klen, false));
    size_t sx = affix(k->key, k->klen, true);
    feat(o, "x", k->key + k->klen - sx, sx);
    char len = (char)('0' + (k->end - k->start > 4 ? 5 : k->end - k->start));
    feat(o, "n", &len, 1);
    if (k->cap) flag(o, F_CAP);
    if (k->upper) flag(o, F_UP);
    if (!k->cap && k->klen && stop_is_word(k->key, k->klen)) flag(o, F_STOP);
    lexicon_feats(k, o);
    class_features(k, self_class, o);
}

/* The neighbours a word's features name: the word before, after, two
 * before, two after ("<>" past either end of the text). */
enum { NEAR_N = 4 };
static const char *const near_word[NEAR_N] = {"w-1", "w+1", "w-2", "w+2"};
static const char *const near_shape[NEAR_N] = {"s-1", "s+1", "s-2", "s+2"};
static const int near_step[NEAR_N] = {-1, 1, -2, 2};
static const char *const near_class[NEAR_N][AN_WORDCLASS_SIZES] = {
    {NULL, "c2-1", "c3-1"}, {NULL, "c2+1", "c3+1"}, {NULL}, {NULL}};

/* The features of a word as neighbour r of another. */
static void near_features(const an_ntok *k, const char *sh, size_t shn, int r, sink *o)
{
    feat(o, near_word[r], k->key, k->klen);
    feat(o, near_shape[r], sh, shn);
    class_features(k, near_class[r], o);
}

/* Token i + step, or s->n when there is none. */
static size_t near_token(const an_scan *s, size_t i, int step)
{
    return step < 0 && i < (size_t)-step ? s->n : i + (size_t)step < s->n ? i + (size_t)step : s->n;
}

/* What a word's form tells of the features of context_features the model
 * may have (form_hint): none of "ww-=a|b" or "ww+=a|b" but for a word a
 * that some pair has first (HINT_LEFT) and a word b some pair has second
 * (HINT_RIGHT), and no "sr=" but for the shapes some "sr=" names
 * (HINT_SR). Looking for the others finds nothing; most words are in no
 * pair. The words and shapes are read from the model (collect_keys). */
enum { HINT_LEFT = 1, HINT_RIGHT = 2, HINT_SR = 4 };

/* Of the hints of the words before, at and after (hint[0..2]; NULL: not
 * known), whether the pair of words a and b may have a weight. Writing the
 * features out, every one is written. */
static bool may_pair(const sink *o, const uint8_t *hint, int a, int b)
{
    return !hint || o->text || ((hint[a] & HINT_LEFT) && (hint[b] & HINT_RIGHT));
}

/* The features of token i that its form does not decide: where it stands,
 * the punctuation and case around it, what the rules made of it and its
 * neighbours, the pairs of words it is part of. */
static void context_features(const tag_ctx *x, size_t i, const uint8_t *hint, sink *o)
{
    const an_scan *s = x->s;
    const an_ntok *k = &s->tok[i];
    const rule_tag *rt = x->rt;
    char g[4];
    if (k->sent_start) flag(o, F_SS);
    if (k->title_line) flag(o, F_TL);
    if (k->initials) flag(o, F_INI);
    if (k->abbr) flag(o, F_ABBR);
    if (k->poss) flag(o, F_POSS);
    if (k->based) flag(o, F_BASED);
    if (k->cap && k->klen && map_get(&s->lower, k->key, k->klen)) flag(o, F_LW);
    if (k->cap && k->sent_start && k->klen && stop_is_word(k->key, k->klen)) flag(o, F_SSSTOP);
    if (x->phrase[i]) {
        char v[8];
        int n = snprintf(v, sizeof v, "%c%d", x->phrase[i] & 0x80 ? 'B' : 'I', x->phrase[i] & 0x7f);
        feat(o, "lxp", v, (size_t)n);
    }
    size_t gn = gap(s, i ? s->tok[i - 1].full_end : 0, k->start, g);
    if (gn == 1 && g[0] == '_') flag(o, F_NO_GAP_BEFORE);
    else feat(o, "g-", g, gn);
    gn = gap(s, k->full_end, i + 1 < s->n ? s->tok[i + 1].start : (uint32_t)s->len, g);
    if (gn == 1 && g[0] == '_') flag(o, F_NO_GAP_AFTER);
    else feat(o, "g+", g, gn);
    if (i + 1 < s->n && s->tok[i + 1].cap) flag(o, F_CAP_NEXT);
    if (i > 0 && s->tok[i - 1].cap) flag(o, F_CAP_PREV);
    /* the rules' answer, here and around */
    rule_feat(o, R_HERE, &rt[i]);
    rule_feat(o, R_TYPE, &rt[i]);
    if (i > 0) rule_feat(o, R_BEFORE, &rt[i - 1]);
    if (i + 1 < s->n) rule_feat(o, R_AFTER, &rt[i + 1]);
    /* pairs; those the hints rule out are not looked for */
    if (i > 0 && may_pair(o, hint, 0, 1))
        feat2(o, "ww-", s->tok[i - 1].key, s->tok[i - 1].klen, k->key, k->klen);
    if (i + 1 < s->n && may_pair(o, hint, 1, 2))
        feat2(o, "ww+", k->key, k->klen, s->tok[i + 1].key, s->tok[i + 1].klen);
    if (!hint || o->text || (hint[1] & HINT_SR)) {
        char sr[3] = {type_letter[rt[i].type], k->sent_start ? 's' : '-', 0};
        size_t shn;
        const char *sh = shape_at(x, i, &shn);
        feat2(o, "sr", sh, shn, sr, 2);
    }
    if (i > 0 && an_tag_joinable(s, i - 1)) flag(o, F_JN);
}

/* Token i's features ("bias" is implied), one by one. */
static void token_features(const tag_ctx *x, size_t i, sink *o)
{
    const an_scan *s = x->s;
    size_t shn;
    const char *sh = shape_at(x, i, &shn);
    form_features(&s->tok[i], sh, shn, o);
    for (int r = 0; r < NEAR_N; r++) {
        size_t j = near_token(s, i, near_step[r]);
        if (j < s->n) {
            sh = shape_at(x, j, &shn);
            near_features(&s->tok[j], sh, shn, r, o);
        } else {
            feat(o, near_word[r], "<>", 2);
        }
    }
    context_features(x, i, NULL, o);
}

/* The class of the word before, when it may be of one name with this one
 * ("L=x" when not), as "L=c", "Lw=c|word", "Ls=c|shape" and "Lc=c|kind"
 * (kind: C capitalised, S a function word, W another word in lower case):
 * the fit takes it from the gold classes (fit-tagger's prev_features), the
 * tagger from the path it weighs (prev_row). */
static const char *const class_code = "OPpGgLlMm";   /* upper case: a name's first word */

/* The weights of the features of the class before that do not depend on
 * the word ("L=c", "L=x", "Lc=c|kind"), looked up once (load_fixed). */
static const float *fixed_l[AN_TAG_N], *fixed_lx, *fixed_lc[AN_TAG_N][3];
static const char word_kinds[] = "CSW";

static void load_fixed(void)
{
    char f[FEAT_MAX + 16];
    for (int k = 0; k < F_N; k++) flag_row[k] = an_linear_find(&model, flag_name[k], strlen(flag_name[k]));
    for (int name = 0; name < R_N; name++)
        for (uint8_t type = 0; type < 4; type++)
            for (uint8_t begin = 0; begin < 2; begin++)
                for (uint8_t conf = 0; conf < 4; conf++)
                    for (uint8_t role = 0; role < 2; role++) {
                        rule_tag r = {type, begin, conf, role};
                        rule_row[name][type][begin][conf][role] = an_linear_find(&model, f, rule_text(f, name, &r));
                    }
    fixed_lx = an_linear_find(&model, "L=x", 3);
    for (int p = 0; p < AN_TAG_N; p++) {
        snprintf(f, sizeof f, "L=%c", class_code[p]);
        fixed_l[p] = an_linear_find(&model, f, 3);
        for (int k = 0; k < 3; k++) {
            snprintf(f, sizeof f, "Lc=%c|%c", class_code[p], word_kinds[k]);
            fixed_lc[p][k] = an_linear_find(&model, f, 6);
        }
    }
}

static void shape_row(int w, const char *sh, size_t shn, int p, double *z);

/* The weights of prev_features for class p before a word joined to it,
 * into z: those of the class and the word ("Lw", "Ls") looked up, the rest
 * from load_fixed. Both ways of scoring sum them here. */
static void prev_row(const an_ntok *k, const char *sh, size_t shn, int p, double *z)
{
    sink o = {NULL, z};
    feat2(&o, "Lw", class_code + p, 1, k->key, k->klen);
    shape_row(word_kind(k), sh, shn, p, z);
}

/* z[c] - log sum_c' exp z[c'], computed from the largest. */
static void log_softmax(double z[AN_TAG_N])
{
    double top = z[0], sum = 0;
    for (int c = 1; c < AN_TAG_N; c++) if (z[c] > top) top = z[c];
    for (int c = 0; c < AN_TAG_N; c++) sum += exp(z[c] - top);
    double norm = top + log(sum);
    for (int c = 0; c < AN_TAG_N; c++) z[c] -= norm;
}

/* log p(class | word, class before) into lp[prev] for each class before
 * that is live, from the word's own scores z0: the model is fitted word by
 * word, so these are the steps a best path (Viterbi) adds up. Without a
 * join to the word before, every row is the one of "L=x". */
static void step_scores(const tag_ctx *x, size_t i, bool joinable, const double *z0, const bool *live,
                        double lp[AN_TAG_N][AN_TAG_N])
{
    size_t shn;
    const char *sh = shape_at(x, i, &shn);
    for (int p = 0; p < AN_TAG_N; p++) {
        if (!live[p]) continue;
        memcpy(lp[p], z0, AN_TAG_N * sizeof *z0);
        if (joinable) prev_row(&x->s->tok[i], sh, shn, p, lp[p]);
        else add_row(lp[p], fixed_lx);
        log_softmax(lp[p]);
    }
}

/* A later word of a kind only right after a word of that kind it joins. */
static bool may_follow(int prev, int c, bool joinable)
{
    if (c == 0 || AN_TAG_BEGINS(c)) return true;
    return joinable && prev != 0 && AN_TAG_KIND(prev) == AN_TAG_KIND(c);
}

/* ---- the same scores, summed ahead -------------------------------------
 * Most of a word's features are decided by its form (form_features, and
 * near_features as another word's neighbour), and forms recur from text to
 * text. Each thread keeps, for the forms it met last, their weights
 * summed: as the word itself, as each of the four neighbours, and for each
 * class of the word before ("L", "Lc", "Lw", "Ls" of prev_row) with the
 * exponentials of those sums, so that a step's normaliser is one sum of
 * products and one log instead of nine exponentials. The rest
 * (context_features) is looked up word by word. The scores are those of
 * token_features and step_scores up to rounding (an_tagger_compare checks
 * it); writing the features out (SL_TAGGER_FEATURES) takes the long way. */

/* On 300 t17-dev articles 8,192 slots summed 65,785 of the 1,138,643
 * forms asked for; 65,536 sum half as many (33,444): analyze 7,687 M ->
 * 7,469 M instructions. The rows of the class before are most of a form's
 * sums, so a slot points to its kind's (kind_rows) or keeps its own apart. */
#define FORM_SLOTS 65536    /* forms per thread, direct-mapped: about 29 MB */
#define FORM_BYTES 56       /* a longer form (text and key) is summed each time */
#define OWN_SLOTS 8192      /* rows of forms with rows of their own ("Lw"): about 11 MB */

/* The weights of class p before a word, and their exponentials. */
typedef struct kind_rows {
    double prev[AN_TAG_N][AN_TAG_N], eprev[AN_TAG_N][AN_TAG_N];
} kind_rows;

typedef struct form_sums {
    double self[AN_TAG_N];
    double near[NEAR_N][AN_TAG_N];
    const kind_rows *rows;   /* of the class before this word: its kind's, or its own */
    uint8_t hint;            /* HINT_*: what context_features may find of it */
} form_sums;

/* A form: its text and key, and how it is written. */
typedef struct form_key {
    uint64_t  h;
    uint16_t  n, kn;                    /* bytes of text and of key in b */
    uint8_t   cap, upper, used;
    char      b[FORM_BYTES];
} form_key;

typedef struct form_slot {
    form_key  k;
    bool      own;                      /* v.rows are in the thread's own[] */
    form_sums v;
} form_slot;

/* Most forms share the rows of their kind and shape (rows_of_kind); the
 * few with rows of their own keep them here, by the same hash, so that a
 * form slot stays small. A form whose rows were pushed out sums them again. */
typedef struct own_slot {
    form_key  k;
    kind_rows rows;
} own_slot;

/* A form too long for the cache, summed each time. */
typedef struct spare_form {
    form_sums v;
    kind_rows rows;
} spare_form;

typedef struct form_cache {
    form_slot slot[FORM_SLOTS];
    own_slot  own[OWN_SLOTS];
} form_cache;

/* The rows of "w-1=<>" and the like, and of the class before when the
 * words do not join ("L=x"), with its exponentials. */
static double end_rows[NEAR_N][AN_TAG_N], apart_row[AN_TAG_N], apart_exp[AN_TAG_N];

static pthread_key_t forms_key;
static bool forms_keyed;

static void load_sums(void)
{
    for (int r = 0; r < NEAR_N; r++) {
        sink o = {NULL, end_rows[r]};
        feat(&o, near_word[r], "<>", 2);
    }
    add_row(apart_row, fixed_lx);
    for (int c = 0; c < AN_TAG_N; c++) apart_exp[c] = exp(apart_row[c]);
    forms_keyed = pthread_key_create(&forms_key, free) == 0;
}

static form_cache *thread_forms(void)
{
    if (!forms_keyed) return NULL;
    form_cache *c = pthread_getspecific(forms_key);
    if (!c && (c = calloc(1, sizeof *c)) && pthread_setspecific(forms_key, c) != 0) {
        free(c);
        c = NULL;
    }
    return c;
}

/* The rows of the class before (prev_row) of most words a form misses in
 * the cache are alike: the model has "Lw=<class>|<word>" for some two
 * thousand words and "Ls=<class>|<shape>" for about a dozen shapes, and a
 * word without "Lw" has the rows of its kind (word_kind) and shape, or of
 * its kind alone when its shape has no "Ls". At load, the words those
 * features name are kept (lw_words), and the rows of each kind with each
 * such shape and with none, and their exponentials, are summed once, by
 * the same steps as prev_row, so that they are the same to the bit. A word
 * with "Lw" is summed as before. */
#define LS_SHAPES 64

static map lw_words;          /* the words "Lw" names (read only once loaded) */
static map pair_first, pair_second, sr_shapes;   /* what form_hint looks for (likewise) */
static bool sr_any;           /* an "sr=" line of another form: every shape may have one */
static char ls_shape[LS_SHAPES][16];
static uint8_t ls_len[LS_SHAPES];
static int ls_n = -1;         /* -1: too many, or not loaded: no kind rows */
static kind_rows *rows_by[LS_SHAPES + 1][3];   /* by shape (ls_n: none) and kind */

/* The value of an "Lw=" (kind 0) or "Ls=" (kind 1) line past "<class>|"
 * into *v, *n; -1 for another line. */
static int prev_line(const char *line, const char *eol, const char **v, size_t *n)
{
    if (eol - line < 6 || line[0] != 'L' || (line[1] != 'w' && line[1] != 's') || line[2] != '=' || line[4] != '|')
        return -1;
    const char *tab = memchr(line, '\t', (size_t)(eol - line));
    if (!tab || tab < line + 5) return -1;
    *v = line + 5;
    *n = (size_t)(tab - *v);
    return line[1] == 's';
}

static int shape_index(const char *sh, size_t n)
{
    for (int j = 0; j < ls_n; j++)
        if (ls_len[j] == n && !memcmp(ls_shape[j], sh, n)) return j;
    return -1;
}

/* The words of "ww-=a|b" and "ww+=a|b", split at every '|' (a word may
 * hold one), and the shapes of "sr=<shape>|<two letters>". */
static void hint_line(const char *line, const char *eol)
{
    const char *tab = memchr(line, '\t', (size_t)(eol - line));
    if (!tab) return;
    if (tab - line > 4 && line[0] == 'w' && line[1] == 'w' && (line[2] == '-' || line[2] == '+') && line[3] == '=') {
        for (const char *v = line + 4, *bar = v; (bar = memchr(bar, '|', (size_t)(tab - bar))); bar++) {
            map_put(&pair_first, v, (size_t)(bar - v), NULL);
            map_put(&pair_second, bar + 1, (size_t)(tab - bar - 1), NULL);
        }
    } else if (tab - line >= 3 && !memcmp(line, "sr=", 3)) {
        const char *v = line + 3;
        if (tab - v >= 3 && tab[-3] == '|') map_put(&sr_shapes, v, (size_t)(tab - 3 - v), NULL);
        else sr_any = true;
    }
}

static void collect_keys(const char *text, size_t len, void *ctx)
{
    (void)ctx;
    map_init(&lw_words);
    ls_n = 0;
    for (const char *p = text, *end = text + len; p < end;) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol) eol = end;
        hint_line(p, eol);
        const char *v;
        size_t n;
        int k = prev_line(p, eol, &v, &n);
        if (k == 0) map_put(&lw_words, v, n, NULL);
        if (k == 1 && ls_n >= 0 && shape_index(v, n) < 0) {
            if (ls_n == LS_SHAPES || n >= sizeof ls_shape[0]) ls_n = -1;
            else memcpy(ls_shape[ls_n], v, n), ls_len[ls_n++] = (uint8_t)n;
        }
        p = eol + 1;
    }
}

/* The weights of prev_features for class p before a word of kind w (its
 * word_kind) and shape sh, but for "Lw": prev_row's last steps. */
static void shape_row(int w, const char *sh, size_t shn, int p, double *z)
{
    sink o = {NULL, z};
    feat2(&o, "Ls", class_code + p, 1, sh, shn);
    add_row(z, fixed_l[p]);
    add_row(z, fixed_lc[p][w]);
}

/* After load_fixed: the rows of each kind of word without "Lw", for each
 * shape the model has "Ls" for and for the others. */
static void load_kind_rows(void)
{
    if (ls_n < 0) return;
    for (int j = 0; j <= ls_n; j++)
        for (int w = 0; w < 3; w++) {
            kind_rows *r = rows_by[j][w] = xcalloc(1, sizeof *r);
            for (int p = 0; p < AN_TAG_N; p++) {
                shape_row(w, j < ls_n ? ls_shape[j] : "", j < ls_n ? ls_len[j] : 0, p, r->prev[p]);
                for (int c = 0; c < AN_TAG_N; c++) r->eprev[p][c] = exp(r->prev[p][c]);
            }
        }
}

/* The rows of word k of shape sh when they are its kind's and shape's
 * alone (no "Lw" for its key), else NULL. */
static const kind_rows *rows_of_kind(const an_ntok *k, const char *sh, size_t shn)
{
    if (ls_n < 0 || (size_t)k->klen + 2 >= FEAT_MAX) return NULL;
    for (size_t j = 0; j < k->klen; j++)   /* written '_' in a feature */
        if (k->key[j] == ' ' || k->key[j] == '\t' || k->key[j] == '\n') return NULL;
    if (map_get(&lw_words, k->key, k->klen)) return NULL;
    int j = shape_index(sh, shn);
    return rows_by[j < 0 ? ls_n : j][word_kind(k)];
}

/* The hints (HINT_*) of word k of shape sh; a key a feature would write
 * otherwise (white space as '_', cut short) or that holds a '|' may be in
 * any pair. */
static uint8_t form_hint(const an_ntok *k, const char *sh, size_t shn)
{
    uint8_t h = 0;
    bool plain = k->klen < 100 && !memchr(k->key, '|', k->klen);
    for (size_t j = 0; plain && j < k->klen; j++)
        if (k->key[j] == ' ' || k->key[j] == '\t' || k->key[j] == '\n') plain = false;
    if (!plain || map_get(&pair_first, k->key, k->klen)) h |= HINT_LEFT;
    if (!plain || map_get(&pair_second, k->key, k->klen)) h |= HINT_RIGHT;
    if (sr_any || memchr(sh, '|', shn) || map_get(&sr_shapes, sh, shn)) h |= HINT_SR;
    return h;
}

/* The rows of the class before word k of shape sh, summed into *r. */
static void own_rows(const an_ntok *k, const char *sh, size_t shn, kind_rows *r)
{
    memset(r, 0, sizeof *r);   /* prev_row adds to what is there */
    for (int p = 0; p < AN_TAG_N; p++) {
        prev_row(k, sh, shn, p, r->prev[p]);
        for (int c = 0; c < AN_TAG_N; c++) r->eprev[p][c] = exp(r->prev[p][c]);
    }
}

/* The sums of word k's form into *v; its rows are its kind's, or summed
 * into *own (true). */
static bool sum_form(form_sums *v, const an_ntok *k, const char *sh, size_t shn, kind_rows *own)
{
    memset(v, 0, sizeof *v);
    sink o = {NULL, v->self};
    form_features(k, sh, shn, &o);
    for (int r = 0; r < NEAR_N; r++) {
        o.z = v->near[r];
        near_features(k, sh, shn, r, &o);
    }
    v->hint = form_hint(k, sh, shn);
    v->rows = rows_of_kind(k, sh, shn);
    if (v->rows) return false;
    own_rows(k, sh, shn, own);
    v->rows = own;
    return true;
}

static bool same_form(const form_key *e, uint64_t h, const an_ntok *k, const char *t, size_t n)
{
    return e->used && e->h == h && e->n == n && e->kn == k->klen && e->cap == k->cap && e->upper == k->upper &&
           !memcmp(e->b, t, n) && !memcmp(e->b + n, k->key, k->klen);
}

static void set_form(form_key *e, uint64_t h, const an_ntok *k, const char *t, size_t n)
{
    e->h = h;
    e->n = (uint16_t)n;
    e->kn = k->klen;
    e->cap = k->cap;
    e->upper = k->upper;
    e->used = 1;
    memcpy(e->b, t, n);
    memcpy(e->b + n, k->key, k->klen);
}

/* The sums of token i's form: the thread's, or summed into x->spare for a
 * form too long to keep. Valid until the next call. */
static const form_sums *form_of(const tag_ctx *x, size_t i, form_cache *fc)
{
    const an_ntok *k = &x->s->tok[i];
    const char *t = x->s->text + k->start;
    size_t n = k->end - k->start, shn;
    if (n + k->klen > FORM_BYTES) {
        const char *sh = shape_at(x, i, &shn);
        sum_form(&x->spare->v, k, sh, shn, &x->spare->rows);
        return &x->spare->v;
    }
    uint64_t h = hash64(t, n, k->klen);
    form_slot *e = &fc->slot[h & (FORM_SLOTS - 1)];
    own_slot *o = &fc->own[h & (OWN_SLOTS - 1)];
    if (!same_form(&e->k, h, k, t, n)) {
        const char *sh = shape_at(x, i, &shn);
        e->own = sum_form(&e->v, k, sh, shn, &o->rows);
        if (e->own) set_form(&o->k, h, k, t, n);
        set_form(&e->k, h, k, t, n);
    } else if (e->own && !same_form(&o->k, h, k, t, n)) {   /* another form took the rows' place */
        const char *sh = shape_at(x, i, &shn);
        own_rows(k, sh, shn, &o->rows);
        set_form(&o->k, h, k, t, n);
    }
    return &e->v;
}

/* Token i's scores into z (which holds the bias), as token_features would
 * give them; its form's sums are returned for the step. The neighbours
 * come first: the form of i is the last one asked for. */
static const form_sums *fast_scores(const tag_ctx *x, size_t i, form_cache *forms, double *z)
{
    const an_scan *s = x->s;
    uint8_t hint[3] = {0, 0, 0};   /* of the words before, at and after i */
    for (int r = 0; r < NEAR_N; r++) {
        size_t j = near_token(s, i, near_step[r]);
        const double *row = end_rows[r];
        if (j < s->n) {
            const form_sums *f = form_of(x, j, forms);
            row = f->near[r];
            if (near_step[r] == -1 || near_step[r] == 1) hint[1 + near_step[r]] = f->hint;
        }
        for (int c = 0; c < AN_TAG_N; c++) z[c] += row[c];
    }
    const form_sums *f = form_of(x, i, forms);
    for (int c = 0; c < AN_TAG_N; c++) z[c] += f->self[c];
    hint[1] = f->hint;
    sink o = {NULL, z};
    context_features(x, i, hint, &o);
    return f;
}

/* step_scores from the sums: log p(c | p) = z0[c] + prev[p][c] - log sum_c'
 * exp(z0[c'] - m) exp(prev[p][c']) - m, m the largest of z0. */
static void fast_step(const form_sums *f, bool joinable, const double *z0, const bool *live,
                      double lp[AN_TAG_N][AN_TAG_N])
{
    double m = z0[0], e0[AN_TAG_N];
    for (int c = 1; c < AN_TAG_N; c++) if (z0[c] > m) m = z0[c];
    for (int c = 0; c < AN_TAG_N; c++) e0[c] = exp(z0[c] - m);
    for (int p = 0; p < AN_TAG_N; p++) {
        if (!live[p]) continue;
        const double *add = joinable ? f->rows->prev[p] : apart_row, *eadd = joinable ? f->rows->eprev[p] : apart_exp;
        double sum = 0;
        for (int c = 0; c < AN_TAG_N; c++) sum += e0[c] * eadd[c];
        double norm = m + log(sum);
        for (int c = 0; c < AN_TAG_N; c++) lp[p][c] = z0[c] + add[c] - (sum > 0 && isfinite(norm) ? norm : 0);
        if (!(sum > 0) || !isfinite(norm)) log_softmax(lp[p]);   /* out of double's range: the long way */
    }
}

/* Tests: each scored word both ways, the largest difference kept. */
static _Atomic int comparing;
static double compared_diff;
static long compared_words;

void an_tagger_compare(bool on)
{
    comparing = on;
    compared_diff = 0;
    compared_words = 0;
}

double an_tagger_compared(long *words)
{
    if (words) *words = compared_words;
    return compared_diff;
}

static void compare(const tag_ctx *x, size_t i, bool joinable, const bool *live, const double *z0,
                    double lp[AN_TAG_N][AN_TAG_N])
{
    double z[AN_TAG_N], lp1[AN_TAG_N][AN_TAG_N];
    for (int c = 0; c < AN_TAG_N; c++) z[c] = model.bias[c];
    sink o = {NULL, z};
    token_features(x, i, &o);
    step_scores(x, i, joinable, z, live, lp1);
    for (int c = 0; c < AN_TAG_N; c++) {
        double d = fabs(z[c] - z0[c]);
        for (int p = 0; p < AN_TAG_N; p++)
            if (live[p] && (joinable || p == 0) && fabs(lp1[p][c] - lp[p][c]) > d) d = fabs(lp1[p][c] - lp[p][c]);
        if (!(d <= compared_diff)) compared_diff = d;   /* NaN too */
    }
    compared_words++;
}

/* Paths more than this many nats below the best one so far are not
 * followed (a factor of e^-20: none of them could win but by a margin the
 * fitted weights never give one word). Only saves time. */
#define TAG_BEAM 20.0

bool an_tag(an_scan *s, uint8_t *tags)
{
    pthread_once(&once, load);
    if (!use || (!model.loaded && !dump_to)) return false;
    tag_ctx x = {.s = s};
    x.rt = calloc(s->n + 1, sizeof *x.rt);
    x.phrase = calloc(s->n + 1, 1);
    x.shape = calloc(s->n + 1, sizeof *x.shape);
    x.shape_n = calloc(s->n + 1, 1);
    x.spare = malloc(sizeof *x.spare);
    form_cache *forms = thread_forms();
    double (*best)[AN_TAG_N] = calloc(s->n + 1, sizeof *best);
    uint8_t (*from)[AN_TAG_N] = calloc(s->n + 1, sizeof *from);
    bool ok = x.rt && x.phrase && x.shape && x.shape_n && x.spare && best && from;
    for (size_t c = 0; ok && c < s->cands.n; c++) {
        const an_cand *a = &s->cands.v[c];
        if (a->skip) continue;
        for (size_t t = a->t0; t < a->t1 && t < s->n; t++)
            x.rt[t] = (rule_tag){(uint8_t)(a->type + 1), t == a->t0, a->conf, a->role != NULL};
    }
    for (size_t i = 0; ok && i < s->n; i++) {
        /* a phrase of two words or more begins only where the lexicon has
         * a longer key beginning with the word (as an_lex_at asks) */
        if (s->tok[i].poss || !lx_may_grow(s->tok[i].key, s->tok[i].klen)) continue;
        size_t nt = 0;
        const lx_entry *e = an_lex_at(s, i, (size_t)lx_max_words, LX_NAMED, &nt);
        if (!e || nt < 2) continue;
        for (size_t t = i; t < i + nt && t < s->n; t++)
            if (!x.phrase[t]) x.phrase[t] = (uint8_t)((t == i ? 0x80 : 0) | LX_KIND(e));
    }
    buf text;
    buf_init(&text);
    if (ok && dump_to) fputs("DOC\n", dump_to);
    /* best[i][c]: the best path's log probability ending in class c at i */
    for (size_t i = 0; ok && i < s->n; i++) {
        double z0[AN_TAG_N], lp[AN_TAG_N][AN_TAG_N];
        for (int c = 0; c < AN_TAG_N; c++) z0[c] = model.bias[c];
        /* a word in lower case between two more is none: not weighed (a
         * name may open in lower case, "afrol News", go on in it, "Bank of
         * Uganda", or end in it, "Nile river", but always next to a
         * capital) */
        bool plain = !s->tok[i].cap && !x.rt[i].type && (i == 0 || !s->tok[i - 1].cap) &&
                     (i + 1 >= s->n || !s->tok[i + 1].cap);
        if (dump_to) {
            buf_clear(&text);
            sink o = {&text, model.loaded && !plain ? z0 : NULL};
            token_features(&x, i, &o);
            fprintf(dump_to, "%u\t%u\t%.*s\n", s->tok[i].start, s->tok[i].end, (int)text.len - 1, text.data + 1);
        }
        if (!model.loaded) continue;
        if (plain) {
            double top = i ? -INFINITY : 0;
            for (int p = 0; i > 0 && p < AN_TAG_N; p++)
                if (best[i - 1][p] > top) top = best[i - 1][p], from[i][0] = (uint8_t)p;
            best[i][0] = top;
            for (int c = 1; c < AN_TAG_N; c++) best[i][c] = -INFINITY;
            continue;
        }
        bool joinable = i > 0 && an_tag_joinable(s, i - 1);
        bool live[AN_TAG_N] = {false};
        double top = -INFINITY;
        for (int p = 0; i > 0 && p < AN_TAG_N; p++) if (best[i - 1][p] > top) top = best[i - 1][p];
        for (int p = 0; p < AN_TAG_N; p++)
            live[p] = i == 0 ? p == 0 : joinable ? best[i - 1][p] >= top - TAG_BEAM : p == 0;
        if (forms && !dump_to) {
            fast_step(fast_scores(&x, i, forms, z0), joinable, z0, live, lp);
            if (comparing) compare(&x, i, joinable, live, z0, lp);
        } else {
            sink o = {NULL, z0};
            if (!dump_to) token_features(&x, i, &o);   /* else summed above */
            step_scores(&x, i, joinable, z0, live, lp);
        }
        for (int c = 0; c < AN_TAG_N; c++) {
            best[i][c] = -INFINITY;
            if (i == 0) {
                if (may_follow(0, c, false)) best[i][c] = lp[0][c];
                continue;
            }
            for (int p = 0; p < AN_TAG_N; p++) {
                if (!may_follow(p, c, joinable) || best[i - 1][p] < top - TAG_BEAM) continue;
                double v = best[i - 1][p] + lp[joinable ? p : 0][c];
                if (v > best[i][c]) best[i][c] = v, from[i][c] = (uint8_t)p;
            }
        }
    }
    if (dump_to) fflush(dump_to);
    if (ok && model.loaded && s->n) {
        int c = 0;
        for (int k = 1; k < AN_TAG_N; k++) if (best[s->n - 1][k] > best[s->n - 1][c]) c = k;
        for (size_t i = s->n; i-- > 0;) {
            tags[i] = (uint8_t)c;
            c = from[i][c];
        }
    }
    buf_free(&text);
    free(x.rt);
    free(x.phrase);
    free(x.shape);
    free(x.shape_n);
    free(x.spare);
    free(best);
    free(from);
    return ok && model.loaded;
}
