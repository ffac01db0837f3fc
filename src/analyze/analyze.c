/* analyze.c: an article's terms: folded, stemmed words without function
 * words, pairs of adjacent capitalised words as name terms, and the
 * actors the name finder merged (an_add_actors) as actor terms ("p:" for
 * people, "a:" for the others).
 *
 * Name pairs ("n:jong_un") let "Kim Jong-un" and "Kim Jong Un" share terms
 * without a name model; full named-entity recognition is a later stage's
 * job. Not the tokenizer (token.c) nor sentences (sentence.c). */
#include "analyze.h"

#include <libstemmer.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct an_analyzer {
    struct sb_stemmer *stemmer;
    buf   fold, key;
    map   seen;            /* term -> index + 1 in terms, per document */
    VEC(an_term) terms;
    map   stems;           /* folded word -> its an_stem, across documents */
    arena stem_mem;        /* the an_stems */
};

/* A stem as the cache keeps it. */
typedef struct an_stem { uint32_t len; char s[]; } an_stem;

/* Stemming costs about 2,300 instructions a word and news repeats its
 * words, so an analyzer keeps the stems it made; the stemmer's answer
 * depends on the word alone, so the terms are the same. The cache starts
 * over when it holds this many words, which bounds its memory. */
#define STEM_CACHE_MAX 65536

an_analyzer *an_new(void)
{
    an_analyzer *an = xcalloc(1, sizeof *an);
    an->stemmer = sb_stemmer_new("english", NULL);
    map_init(&an->seen);
    map_init(&an->stems);
    arena_init(&an->stem_mem);
    return an;
}

void an_free(an_analyzer *an)
{
    if (!an) return;
    if (an->stemmer) sb_stemmer_delete(an->stemmer);
    buf_free(&an->fold);
    buf_free(&an->key);
    map_free(&an->seen);
    VEC_FREE(an->terms);
    map_free(&an->stems);
    arena_reset(&an->stem_mem);
    free(an);
}

/* The stem of the folded word w, or NULL if the stemmer failed (out of
 * memory). */
static const an_stem *stem_of(an_analyzer *an, const char *w, size_t n)
{
    if (an->stems.len >= STEM_CACHE_MAX) {
        map_free(&an->stems);
        map_init(&an->stems);
        arena_reset(&an->stem_mem);
    }
    uint64_t *slot = map_put(&an->stems, w, n, NULL);
    if (*slot) return (const an_stem *)(uintptr_t)*slot;
    const sb_symbol *st = sb_stemmer_stem(an->stemmer, (const sb_symbol *)w, (int)n);
    if (!st) return NULL;
    size_t len = (size_t)sb_stemmer_length(an->stemmer);
    an_stem *e = arena_alloc(&an->stem_mem, sizeof *e + len + 1);
    e->len = (uint32_t)len;
    memcpy(e->s, st, len);
    *slot = (uint64_t)(uintptr_t)e;
    return e;
}

static void add_term(an_analyzer *an, arena *a, const char *t, size_t n, an_kind kind, float w)
{
    bool created;
    uint64_t *slot = map_put(&an->seen, t, n, &created);
    if (!created) { an->terms.v[*slot - 1].count += w; return; }
    an_term term = {.text = arena_strndup(a, t, n), .len = (uint32_t)n, .kind = (uint8_t)kind, .count = w};
    VEC_PUSH(an->terms, term);
    *slot = an->terms.n;
}

static bool all_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) if (s[i] < '0' || s[i] > '9') return false;
    return true;
}

/* A year (1800 to 2199) says when a story happens; other numbers are noise. */
static bool is_year(const char *s, size_t n)
{
    return n == 4 && all_digits(s, n) && (s[0] == '1' ? s[1] >= '8' : s[0] == '2' && s[1] <= '1');
}

/* Add the word terms of one token: hyphenated tokens give each part. The
 * folded token stays in an->fold for the caller. */
static void add_words(an_analyzer *an, arena *a, const char *tok, size_t n, float w)
{
    u8_fold(tok, n, &an->fold);
    const char *f = an->fold.data;
    size_t fl = an->fold.len;
    for (size_t i = 0; i < fl;) {
        size_t j = i;
        while (j < fl && f[j] != '-') j++;
        size_t pl = j - i;
        if (is_year(f + i, pl)) {
            char key[8] = {'y', ':', f[i], f[i + 1], f[i + 2], f[i + 3]};
            add_term(an, a, key, 6, AN_NAME, w);
        } else if (pl >= 2 && !all_digits(f + i, pl) && !stop_is_word(f + i, pl)) {
            const an_stem *st = stem_of(an, f + i, pl);
            if (st) add_term(an, a, st->s, st->len, AN_WORD, w);
        }
        i = j + 1;
    }
}

static bool capitalised(const char *s, size_t n)
{
    int k;
    return u8_is_upper(u8_decode(s, n, &k));
}

/* Only a space between two tokens keeps them in one name. */
static bool adjacent(const char *text, an_token prev, an_token cur)
{
    return cur.start == prev.end + 1 && text[prev.end] == ' ';
}

/* Emit a name pair for each two neighbouring parts of a run of capitalised
 * tokens; hyphens split parts, so "Kim Jong-un" and "Kim Jong Un" both give
 * kim_jong and jong_un. The folded token is in an->fold; *prev holds the
 * last part ("" when none). */
static void name_parts(an_analyzer *an, arena *a, buf *prev, float w)
{
    char part[128];
    const char *f = an->fold.data;
    size_t fl = an->fold.len;
    for (size_t i = 0; i < fl;) {
        size_t j = i, m = 0;
        while (j < fl && f[j] != '-') {
            if (f[j] != '\'' && m < sizeof part - 1) part[m++] = f[j];
            j++;
        }
        part[m] = '\0';
        if (m && prev->len) {
            buf_clear(&an->key);
            buf_printf(&an->key, "n:%s_%s", prev->data, part);
            add_term(an, a, an->key.data, an->key.len, AN_NAME, w);
        }
        if (m) { buf_clear(prev); buf_append(prev, part, m); }
        i = j + 1;
    }
}

static void scan(an_analyzer *an, arena *a, const char *text, size_t len, float w)
{
    size_t pos = 0;
    an_token tok, prev = {0, 0};
    buf last;
    buf_init(&last);
    while (an_next_token(text, len, &pos, &tok)) {
        const char *t = text + tok.start;
        size_t n = tok.end - tok.start;
        add_words(an, a, t, n, w);     /* folds the token into an->fold */
        bool cap = capitalised(t, n) && !stop_is_word(an->fold.data, an->fold.len);
        if (!cap || !adjacent(text, prev, tok)) buf_clear(&last);
        if (cap) name_parts(an, a, &last, w);
        prev = tok;
    }
    buf_free(&last);
}

void an_analyze(an_analyzer *an, const sl_article *art, arena *a, an_doc *out)
{
    memset(out, 0, sizeof *out);
    out->article = art;
    an->terms.n = 0;
    map_free(&an->seen);
    map_init(&an->seen);
    /* The title says what the article is about: its words count double. */
    if (art->title) scan(an, a, art->title, strlen(art->title), 2.0f);
    /* The subtitle (standfirst) is the article's lead, kept apart from the
     * body: what it says counts as the body's words do. */
    if (art->subtitle) scan(an, a, art->subtitle, strlen(art->subtitle), 1.0f);
    if (art->text) scan(an, a, art->text, art->text_len, 1.0f);
    out->n_terms = an->terms.n;
    out->terms = arena_alloc(a, (an->terms.n ? an->terms.n : 1) * sizeof *out->terms);
    if (an->terms.n) memcpy(out->terms, an->terms.v, an->terms.n * sizeof *out->terms);
    if (art->text) out->n_sentences = an_sentences(art->text, art->text_len, a, &out->sentences);
}

/* An actor counts half an occurrence per mention. Measured on ecbplus-dev
 * (bench/ecbplus, B-cubed F1 of online events): with the event rules of the
 * time (threshold 0.26), 0.847 without actor terms, 0.853 at 0.5, 0.838 at 1
 * and 0.827 at 2: heavier actors let one shared name, a president or a
 * city, outweigh the words of the event. With the inferred-day limit of
 * cluster/online.c at threshold 0.24: 0.866 without, 0.868 at 0.5. */
#define AN_ACTOR_WEIGHT 0.5f

void an_add_actors(an_doc *doc, const an_names *names, arena *a)
{
    if (!names->n_actors) return;
    an_term *t = arena_alloc(a, (doc->n_terms + names->n_actors) * sizeof *t);
    if (doc->n_terms) memcpy(t, doc->terms, doc->n_terms * sizeof *t);
    size_t n = doc->n_terms;
    for (size_t i = 0; i < names->n_actors; i++) {
        const an_actor *ac = &names->actors[i];
        size_t kl = ac->key ? strlen(ac->key) : 0;
        if (!kl || !ac->mentions) continue;
        char *k = arena_alloc(a, kl + 3);
        k[0] = ac->type == AN_PERSON ? 'p' : 'a';   /* people tell events apart (online.c) */
        k[1] = ':';
        for (size_t j = 0; j < kl; j++) k[2 + j] = ac->key[j] == ' ' ? '_' : ac->key[j];
        k[kl + 2] = '\0';
        size_t j = doc->n_terms;   /* two actors may share a key: one term */
        while (j < n && !(t[j].len == kl + 2 && !memcmp(t[j].text, k, kl + 2))) j++;
        if (j < n) { t[j].count += AN_ACTOR_WEIGHT * (float)ac->mentions; continue; }
        t[n++] = (an_term){.text = k, .len = (uint32_t)(kl + 2), .kind = AN_NAME,
                           .count = AN_ACTOR_WEIGHT * (float)ac->mentions};
    }
    doc->terms = t;
    doc->n_terms = n;
}
