/* summary.c: headline and extractive summary of a cluster of articles.
 *
 * A word is central when many of the cluster's articles use it. The headline
 * is the title whose words are most central (without titles, the most
 * central lead sentence, shortened at a word boundary); the summary takes sentences
 * that are central and early in their article (news puts what matters
 * first), skipping any that repeat a chosen one (word overlap above half).
 * Not abstractive, and no quotes attribution: that is the analyze stage's. */
#include "summarize.h"
#include "../analyze/analyze.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define SU_SENTENCES_PER_ARTICLE 8   /* leads only: later sentences are detail */
#define SU_MIN_WORDS 8
#define SU_MAX_WORDS 60
#define SU_REDUNDANT 0.5

typedef struct {
    const char *text;
    uint32_t    start, end;
    size_t      article, position;
    double      score;
    uint64_t   *words;            /* distinct word hashes, sorted */
    size_t      n_words;
    const char *clean;            /* without furniture (su_clean_sentence), once looked at */
} candidate;

typedef struct {
    map  df;                      /* folded word -> articles using it */
    buf  fold;
    size_t n_articles;
} centrality;

/* w[0..n) in increasing order: by insertion when short (a sentence), else
 * by radix, a byte at a time from the lowest (an article's words; qsort
 * with a comparison call per step was 1.5% of ingesting real news). */
static void sort_u64(uint64_t *w, size_t n)
{
    if (n <= 32) {
        for (size_t i = 1; i < n; i++) {
            uint64_t x = w[i];
            size_t j = i;
            for (; j > 0 && w[j - 1] > x; j--) w[j] = w[j - 1];
            w[j] = x;
        }
        return;
    }
    uint64_t *tmp = xmalloc(n * sizeof *tmp), *from = w, *to = tmp;
    for (int shift = 0; shift < 64; shift += 8) {
        size_t count[257] = {0};
        for (size_t i = 0; i < n; i++) count[(from[i] >> shift & 0xff) + 1]++;
        for (int b = 0; b < 256; b++) count[b + 1] += count[b];
        for (size_t i = 0; i < n; i++) to[count[from[i] >> shift & 0xff]++] = from[i];
        uint64_t *t = from;
        from = to;
        to = t;
    }
    free(tmp);   /* eight passes: the sorted words are back in w */
}

/* The hash of the next word of t[0, len) from *pos that is no function
 * word, folded; false at the end. *all counts every word passed. */
static bool next_word(buf *fold, const char *t, size_t len, size_t *pos, size_t *all, uint64_t *h)
{
    an_token tok;
    while (an_next_token(t, len, pos, &tok)) {
        (*all)++;
        u8_fold(t + tok.start, tok.end - tok.start, fold);
        if (stop_is_word(fold->data, fold->len)) continue;
        *h = hash64(fold->data, fold->len, 0);
        return true;
    }
    return false;
}

size_t su_words(buf *fold, const char *t, size_t len, arena *a, uint64_t **out, size_t *all)
{
    size_t cap = 64, n = 0, pos = 0;
    uint64_t *w = arena_alloc(a, cap * sizeof *w), h;
    *all = 0;
    while (next_word(fold, t, len, &pos, all, &h)) {
        if (n == cap) {
            uint64_t *nw = arena_alloc(a, cap * 2 * sizeof *nw);
            memcpy(nw, w, n * sizeof *w);
            w = nw;
            cap *= 2;
        }
        w[n++] = h;
    }
    sort_u64(w, n);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) if (!k || w[i] != w[k - 1]) w[k++] = w[i];
    *out = w;
    return k;
}

/* A word's entry in df: the articles that use it (low 32 bits) and the
 * last of them to count it, plus one (high 32 bits), so that an article's
 * words are counted once each without being sorted first. */
#define DF_COUNT(v) ((v) & 0xffffffffu)

static void count_article(centrality *c, const su_article *art)
{
    const char *t = art->text ? art->text : "";
    size_t len = art->text ? strlen(art->text) : 0, pos = 0, all = 0;
    uint64_t mark = (uint64_t)(c->n_articles + 1) << 32, h;
    while (next_word(&c->fold, t, len, &pos, &all, &h)) {
        uint64_t *v = map_put(&c->df, (const char *)&h, sizeof h, NULL);
        if ((*v & ~(uint64_t)0xffffffffu) != mark) *v = mark | (DF_COUNT(*v) + 1);
    }
    c->n_articles++;
}

/* Mean share of the cluster's articles that use each word. */
static double central(const centrality *c, const uint64_t *w, size_t n)
{
    if (!n || !c->n_articles) return 0.0;
    double s = 0;
    for (size_t i = 0; i < n; i++) {
        uint64_t *v = map_get(&c->df, (const char *)&w[i], sizeof w[i]);
        s += v ? (double)DF_COUNT(*v) / (double)c->n_articles : 0.0;
    }
    return s / (double)n;
}

double su_overlap(const uint64_t *x, size_t nx, const uint64_t *y, size_t ny)
{
    size_t i = 0, j = 0, same = 0;
    while (i < nx && j < ny) {
        if (x[i] < y[j]) i++;
        else if (x[i] > y[j]) j++;
        else { same++; i++; j++; }
    }
    size_t uni = nx + ny - same;
    return uni ? (double)same / (double)uni : 1.0;
}

static int cmp_score(const void *a, const void *b)
{
    double x = (*(candidate *const *)a)->score, y = (*(candidate *const *)b)->score;
    return (x < y) - (x > y);
}

static int cmp_order(const void *a, const void *b)
{
    const candidate *x = *(candidate *const *)a, *y = *(candidate *const *)b;
    if (x->article != y->article) return x->article < y->article ? -1 : 1;
    return x->position < y->position ? -1 : x->position > y->position;
}

/* A lead longer than this many bytes is cut at the last space before it. */
#define SU_HEADLINE_MAX 90

/* s[0..len) as a headline: cut at a word boundary and marked with an
 * ellipsis when it is too long; trailing spaces and clause punctuation go. */
static const char *shorten(const char *s, size_t len, arena *a)
{
    bool cut = false;
    if (len > SU_HEADLINE_MAX) {
        size_t k = SU_HEADLINE_MAX;
        while (k > 0 && s[k] != ' ') k--;
        len = k ? k : SU_HEADLINE_MAX;
        while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80) len--;   /* never inside a character */
        cut = true;
    }
    while (len > 0 && strchr(" \t\n,;:-", s[len - 1])) len--;
    buf b = {0};
    buf_append(&b, s, len);
    if (cut) buf_puts(&b, "\xe2\x80\xa6");
    const char *out = arena_strndup(a, b.data ? b.data : "", b.len);
    buf_free(&b);
    return out;
}

/* With no title in the cluster, the headline is the most central lead
 * sentence: the first of at least SU_MIN_WORDS / 2 words in an article
 * that says something once its page furniture is gone (not "March 3 ,
 * 2011 | By Ann Lee ...", not a photo's caption: su_says_little,
 * su_caption), originals first, copies if there is nothing else, and
 * any lead rather than none; shortened. */
static const char *lead_headline(centrality *c, const su_article *arts, size_t n, arena *a)
{
    const char *best = NULL;   /* cleaned of its furniture */
    double best_score = -1;
    /* passes: originals, then copies, then both again taking furniture
     * rather than no headline */
    for (int pass = 0; pass < 4 && !best; pass++) {
        for (size_t i = 0; i < n; i++) {
            if (!arts[i].text || (pass % 2 == 0 && arts[i].duplicate)) continue;
            an_span *sp;
            size_t ns = an_sentences_max(arts[i].text, strlen(arts[i].text), SU_SENTENCES_PER_ARTICLE, a, &sp);
            for (size_t k = 0; k < ns; k++) {
                uint64_t *w;
                size_t all, nw = su_words(&c->fold, arts[i].text + sp[k].start, sp[k].end - sp[k].start, a, &w, &all);
                if (all < SU_MIN_WORDS / 2) continue;
                const char *clean = su_clean_sentence(arena_strndup(a, arts[i].text + sp[k].start, sp[k].end - sp[k].start));
                if (pass < 2 && (su_says_little(clean) || su_caption(clean) || su_personal(clean))) continue;
                double sc = central(c, w, nw);
                if (sc > best_score) best_score = sc, best = clean;
                break;
            }
        }
    }
    return best ? shorten(best, strlen(best), a) : NULL;
}

static const char *pick_headline(centrality *c, const su_article *arts, size_t n, arena *a)
{
    const char *best = NULL;
    double best_score = -1;
    for (int pass = 0; pass < 2 && !best; pass++) {
        for (size_t i = 0; i < n; i++) {
            if (!arts[i].title || !*arts[i].title || (pass == 0 && arts[i].duplicate)) continue;
            uint64_t *w;
            size_t all;
            size_t k = su_words(&c->fold, arts[i].title, strlen(arts[i].title), a, &w, &all);
            double s = central(c, w, k);
            if (s > best_score) { best_score = s; best = arts[i].title; }
        }
    }
    return best ? arena_strdup(a, best) : lead_headline(c, arts, n, a);
}

void su_summarize(const su_article *arts, size_t n, size_t max_sentences, arena *a, su_summary *out)
{
    memset(out, 0, sizeof *out);
    centrality c = {0};
    map_init(&c.df);
    for (size_t i = 0; i < n; i++) if (!arts[i].duplicate) count_article(&c, &arts[i]);
    out->headline = pick_headline(&c, arts, n, a);
    VEC(candidate) cands = {0};
    for (size_t i = 0; i < n; i++) {
        if (arts[i].duplicate || !arts[i].text) continue;
        an_span *sp;
        size_t ns = an_sentences_max(arts[i].text, strlen(arts[i].text), SU_SENTENCES_PER_ARTICLE, a, &sp);
        for (size_t k = 0; k < ns; k++) {
            candidate cd = {.text = arts[i].text, .start = sp[k].start, .end = sp[k].end,
                            .article = i, .position = k};
            size_t all;
            cd.n_words = su_words(&c.fold, cd.text + cd.start, cd.end - cd.start, a, &cd.words, &all);
            if (all < SU_MIN_WORDS || all > SU_MAX_WORDS) continue;
            cd.score = central(&c, cd.words, cd.n_words) / (1.0 + 0.15 * (double)k);
            VEC_PUSH(cands, cd);
        }
    }
    candidate **order = xmalloc((cands.n + 1) * sizeof *order);
    for (size_t i = 0; i < cands.n; i++) order[i] = &cands.v[i];
    qsort(order, cands.n, sizeof *order, cmp_score);
    /* central, not a repeat, and not a photo's caption or page furniture
     * once cleaned (su_caption, su_says_little) */
    size_t chosen = 0;
    /* a sentence in someone's own voice (su_personal: a reader's
     * comment, a promotion) only when nothing else is left */
    for (int pass = 0; pass < 2 && !chosen; pass++)
        for (size_t i = 0; i < cands.n && chosen < max_sentences; i++) {
            bool repeat = false;
            for (size_t j = 0; j < chosen && !repeat; j++)
                repeat = su_overlap(order[i]->words, order[i]->n_words, order[j]->words, order[j]->n_words) > SU_REDUNDANT;
            if (repeat) continue;
            if (!order[i]->clean)
                order[i]->clean = su_clean_sentence(arena_strndup(a, order[i]->text + order[i]->start, order[i]->end - order[i]->start));
            if (su_caption(order[i]->clean) || su_says_little(order[i]->clean)) continue;
            if (pass == 0 && su_personal(order[i]->clean)) continue;
            order[chosen++] = order[i];
        }
    qsort(order, chosen, sizeof *order, cmp_order);
    out->sentences = arena_alloc(a, (chosen + 1) * sizeof *out->sentences);
    for (size_t i = 0; i < chosen; i++) out->sentences[i] = order[i]->clean;
    out->n = chosen;
    free(order);
    VEC_FREE(cands);
    map_free(&c.df);
    buf_free(&c.fold);
}
