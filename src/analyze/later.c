/* later.c: the second pass over a text, once its full names are known: a
 * lone capitalised word that is a part of a person named in full ("Wi",
 * "Mattis", "Song") is a mention of that person, wherever it stands, even
 * opening a sentence and even if no lexicon knows it.
 *
 * The part is the family name: the last word, or also the first for names
 * written family name first ("Wi Sung-lac", "Kim Jong-un"). The most recent
 * full name before the word wins, else the first one after it. Words joining
 * two such parts by a hyphen ("Trump-Kim") are an adjective, not a name.
 * Not the finding of full names (names.c) nor the merging into actors
 * (actors.c), which reads the key this pass gives. */
#include "an_names.h"

#include <stdlib.h>
#include <string.h>

typedef struct an_part {
    const char *key;
    uint16_t klen;
    uint32_t t0;             /* where the full name starts */
    const char *full;        /* its key */
} an_part;

typedef VEC(an_part) partvec;

static int by_start(const void *x, const void *y)
{
    const an_cand *a = x, *b = y;
    return a->t0 < b->t0 ? -1 : a->t0 > b->t0;
}

/* "Wi Sung-lac", "Kim Jong-un": a known family name, or two words with a
 * lower-case part after a hyphen at the end (a Korean given name). */
static bool family_first(const an_scan *s, const an_cand *c)
{
    const an_ntok *f = &s->tok[c->t0];
    if (lx_find(f->key, f->klen, LX_BIT(LX_SURNAME_FIRST))) return true;
    return c->t1 - c->t0 == 2 && s->tok[c->t1 - 1].hyph_lower;
}

static void push_part(partvec *v, const an_scan *s, size_t t, const an_cand *c)
{
    an_part p = {.key = s->tok[t].key, .klen = s->tok[t].klen, .t0 = c->t0, .full = c->key};
    VEC_PUSH(*v, p);
}

/* Order of parts by key, then by where their full name starts. */
static int key_cmp(const an_part *p, const char *key, size_t klen)
{
    if (p->klen != klen) return p->klen < klen ? -1 : 1;
    return memcmp(p->key, key, klen);
}

static int by_key(const void *x, const void *y)
{
    const an_part *a = x, *b = y;
    int c = key_cmp(a, b->key, b->klen);
    return c ? c : a->t0 < b->t0 ? -1 : a->t0 > b->t0;
}

/* The parts of the full person names, sorted by key and then text order,
 * so that full_name_for finds a word's in a few steps: going through all
 * of them for every lone word made a page of megabytes quadratic. */
static void collect_parts(const an_scan *s, partvec *v)
{
    for (size_t i = 0; i < s->cands.n; i++) {
        const an_cand *c = &s->cands.v[i];
        if (c->skip || c->type != AN_PERSON || c->t1 - c->t0 < 2 || c->conf < 1) continue;
        push_part(v, s, c->t1 - 1, c);
        if (family_first(s, c)) push_part(v, s, c->t0, c);
    }
    if (v->n > 1) qsort(v->v, v->n, sizeof *v->v, by_key);
}

/* The full name a word with this key belongs to, as seen from token t: the
 * latest one starting before t, else the first after it. */
static const char *full_name_for(const partvec *v, const char *key, size_t klen, size_t t)
{
    size_t lo = 0, hi = v->n;
    while (lo < hi) {   /* the first part with this key */
        size_t mid = lo + (hi - lo) / 2;
        if (key_cmp(&v->v[mid], key, klen) < 0) lo = mid + 1; else hi = mid;
    }
    if (lo == v->n || key_cmp(&v->v[lo], key, klen) != 0) return NULL;
    size_t first = lo;
    hi = v->n;
    while (lo < hi) {   /* the first part with this key from t on */
        size_t mid = lo + (hi - lo) / 2;
        int c = key_cmp(&v->v[mid], key, klen);
        if (c < 0 || (c == 0 && v->v[mid].t0 < t)) lo = mid + 1; else hi = mid;
    }
    return lo > first ? v->v[lo - 1].full : v->v[first].full;
}

/* "Trump-Kim": every hyphen-joined part is a known family name. */
static bool joins_people(const an_scan *s, const partvec *v, size_t t)
{
    const an_ntok *k = &s->tok[t];
    if (k->hyph_lower || !memchr(k->key, ' ', k->klen)) return false;
    for (const char *p = k->key, *end = k->key + k->klen; p < end;) {
        const char *sp = memchr(p, ' ', (size_t)(end - p));
        size_t n = (size_t)((sp ? sp : end) - p);
        if (!full_name_for(v, p, n, t)) return false;
        p += n + 1;
    }
    return true;
}

/* Per token: the single-word candidate on it + 1, UINT32_MAX inside a
 * longer one, 0 for none; dropped candidates are none (the tagger's
 * verdict on a lone word gives way to the full name it is part of). */
static uint32_t *cover(an_scan *s)
{
    uint32_t *c = arena_alloc(s->a, (s->n + 1) * sizeof *c);
    memset(c, 0, (s->n + 1) * sizeof *c);
    for (size_t i = 0; i < s->cands.n; i++) {
        const an_cand *x = &s->cands.v[i];
        if (x->skip) continue;
        for (size_t t = x->t0; t < x->t1; t++) c[t] = x->t1 - x->t0 == 1 ? (uint32_t)i + 1 : UINT32_MAX;
    }
    return c;
}

/* Could token t be a person's family name standing alone here? */
static bool lone_word(an_scan *s, size_t t)
{
    const an_ntok *k = &s->tok[t];
    if (!k->cap || !k->klen || lx_find(k->key, k->klen, LX_NAMED | LX_TITLES)) return false;
    /* "Will" opening a sentence of a text that says "will" is the verb */
    return !(k->sent_start && map_get(&s->lower, k->key, k->klen));
}

static void mark(an_scan *s, uint32_t on, size_t t, const char *full)
{
    if (on == 0) {
        an_cand c = {.t0 = (uint32_t)t, .t1 = (uint32_t)t + 1};
        VEC_PUSH(s->cands, c);
        on = (uint32_t)s->cands.n;
    }
    an_cand *c = &s->cands.v[on - 1];
    c->type = AN_PERSON;
    if (c->conf < 2) c->conf = 2;
    c->key = full;
    c->back = 1;
}

void an_find_later_mentions(an_scan *s)
{
    if (s->cands.n > 1) qsort(s->cands.v, s->cands.n, sizeof *s->cands.v, by_start);
    partvec parts = {0};
    collect_parts(s, &parts);
    uint32_t *on = cover(s);
    for (size_t t = 0; parts.n && t < s->n; t++) {
        if (on[t] == UINT32_MAX || !lone_word(s, t)) continue;
        if (joins_people(s, &parts, t)) {
            if (on[t]) s->cands.v[on[t] - 1].skip = 1;
            continue;
        }
        const char *full = full_name_for(&parts, s->tok[t].key, s->tok[t].klen, t);
        if (full) mark(s, on[t], t, full);
    }
    VEC_FREE(parts);
}
