/* vocab.c: the vocabulary: term ids, document frequencies, weights and the
 * similarity of document vectors.
 *
 * The vocabulary only grows and owns its strings. Document frequencies are
 * counted online as documents arrive, so a term's weight reflects the stream
 * seen so far; the weight is smoothed as scikit-learn's TF-IDF does,
 * ln((1+N)/(1+df)) + 1, so no term weighs zero. */
#include "cl_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Weight of name terms (name pairs, years, actors) against words. Names tell
 * events apart ("Tara Reid" vs "Lindsay Lohan" in two rehab stories), and
 * 1.5 served when name pairs were the only names; since actors became terms
 * (analyze.c) the names are counted twice over, and on ecbplus-dev
 * (bench/ecbplus, with the second look of online.c) B-cubed F1 at event
 * thresholds 0.23 / 0.25 was 0.883 / 0.872 at 1.5, 0.888 / 0.892 at 1.0,
 * 0.871 / 0.858 at 2.0 and, at 0.24 / 0.26, 0.891 / 0.885 at 0.8 against
 * 0.894 / 0.889 at 1.0. */
#define CL_NAME_WEIGHT 1.0f

/* A term's df_dirty: its frequency changed in this batch; its row in the
 * store is older than its frequency (changed since the last snapshot). */
enum { DF_BATCH = 1, DF_SNAPSHOT = 2 };

uint8_t cl_term_class(const char *t, size_t n)
{
    if (n < 3 || t[1] != ':') return CL_TERM_OTHER;
    return t[0] == 'p' ? CL_TERM_PERSON : t[0] == 'a' || t[0] == 'n' || t[0] == 'y' ? CL_TERM_NAME : CL_TERM_OTHER;
}

static uint32_t term_id(cl_state *cl, const char *t, size_t n)
{
    bool created;
    uint64_t *slot = map_put(&cl->vocab, t, n, &created);
    if (created) {
        VEC_PUSH(cl->terms, xstrndup(t, n));
        VEC_PUSH(cl->df, 0);
        VEC_PUSH(cl->log_df, 0.0f);
        VEC_PUSH(cl->df_dirty, 0);
        VEC_PUSH(cl->term_class, cl_term_class(t, n));
        *slot = cl->terms.n;          /* id + 1 */
    }
    return (uint32_t)(*slot - 1);
}

void cl_vocab_load(cl_state *cl, uint32_t id, const char *term, size_t len, uint32_t df)
{
    while (cl->terms.n <= id) {       /* ids are dense; fill any gap */
        VEC_PUSH(cl->terms, NULL);
        VEC_PUSH(cl->df, 0);
        VEC_PUSH(cl->log_df, 0.0f);
        VEC_PUSH(cl->df_dirty, 0);
        VEC_PUSH(cl->term_class, 0);
    }
    cl->term_class.v[id] = cl_term_class(term, len);
    free(cl->terms.v[id]);
    cl->terms.v[id] = xstrndup(term, len);
    cl->df.v[id] = df;
    cl->log_df.v[id] = (float)log1p((double)df);
    *map_put(&cl->vocab, term, len, NULL) = (uint64_t)id + 1;
    if (id >= cl->terms_stored) cl->terms_stored = id + 1;
}

void cl_set_ndocs(cl_state *cl, uint64_t n)
{
    cl->ndocs = n;
    cl->log_n = log1p((double)n);
}
uint64_t cl_ndocs(const cl_state *cl) { return cl->ndocs; }

double cl_idf(const cl_state *cl, uint32_t id)
{
    return cl->log_n - (id < cl->log_df.n ? cl->log_df.v[id] : 0.0) + 1.0;
}

static int cmp_pair(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

void cl_vectorize(cl_state *cl, const an_doc *doc, arena *a, cl_vec *out)
{
    struct pair { uint32_t id; float w; } *p = arena_alloc(a, (doc->n_terms + 1) * sizeof *p);
    for (size_t i = 0; i < doc->n_terms; i++) {
        const an_term *t = &doc->terms[i];
        p[i].id = term_id(cl, t->text, t->len);
        p[i].w = (1.0f + logf(t->count)) * (t->kind == AN_NAME ? CL_NAME_WEIGHT : 1.0f);
        cl->df.v[p[i].id]++;
        cl->log_df.v[p[i].id] = (float)log1p((double)cl->df.v[p[i].id]);
        if (!(cl->df_dirty.v[p[i].id] & DF_BATCH)) {
            cl->df_dirty.v[p[i].id] |= DF_BATCH;
            VEC_PUSH(cl->dirty_ids, p[i].id);
        }
    }
    cl_set_ndocs(cl, cl->ndocs + 1);
    qsort(p, doc->n_terms, sizeof *p, cmp_pair);
    out->n = (uint32_t)doc->n_terms;
    out->id = arena_alloc(a, (out->n + 1) * sizeof *out->id);
    out->w = arena_alloc(a, (out->n + 1) * sizeof *out->w);
    for (uint32_t i = 0; i < out->n; i++) { out->id[i] = p[i].id; out->w[i] = p[i].w; }
}

static void tell(const cl_state *cl, uint32_t id, cl_term_fn fn, void *ctx)
{
    const char *t = cl->terms.v[id];
    if (t) fn(id, t, strlen(t), cl->df.v[id], ctx);
}

void cl_vocab_new(const cl_state *cl, cl_term_fn fn, void *ctx)
{
    for (size_t i = 0; i < cl->dirty_ids.n; i++)
        if (cl->dirty_ids.v[i] >= cl->terms_stored) tell(cl, cl->dirty_ids.v[i], fn, ctx);
}

void cl_vocab_log(cl_state *cl, const uint32_t **pairs, size_t *n)
{
    cl->df_log.n = 0;
    for (size_t i = 0; i < cl->dirty_ids.n; i++) {
        uint32_t id = cl->dirty_ids.v[i];
        if (id >= cl->terms_stored) continue;
        VEC_PUSH(cl->df_log, id);
        VEC_PUSH(cl->df_log, cl->df.v[id]);
    }
    *pairs = cl->df_log.v;
    *n = cl->df_log.n;
}

bool cl_vocab_snapshot_due(const cl_state *cl)
{
    return cl->df_pending + cl->dirty_ids.n >= 4 * (uint64_t)cl->terms_stored;
}

void cl_vocab_dirty(const cl_state *cl, cl_term_fn fn, void *ctx)
{
    for (size_t i = 0; i < cl->snap_ids.n; i++)
        if (!(cl->df_dirty.v[cl->snap_ids.v[i]] & DF_BATCH)) tell(cl, cl->snap_ids.v[i], fn, ctx);
    for (size_t i = 0; i < cl->dirty_ids.n; i++) tell(cl, cl->dirty_ids.v[i], fn, ctx);
}

/* A stored term whose row no longer holds its frequency, once. */
static void mark_since_snapshot(cl_state *cl, uint32_t id)
{
    if (cl->df_dirty.v[id] & DF_SNAPSHOT) return;
    cl->df_dirty.v[id] |= DF_SNAPSHOT;
    VEC_PUSH(cl->snap_ids, id);
}

void cl_vocab_clean(cl_state *cl, bool snapshot)
{
    if (snapshot) {
        for (size_t i = 0; i < cl->snap_ids.n; i++) cl->df_dirty.v[cl->snap_ids.v[i]] = 0;
        cl->snap_ids.n = 0;
        cl->df_pending = 0;
    } else {
        for (size_t i = 0; i < cl->dirty_ids.n; i++) {
            uint32_t id = cl->dirty_ids.v[i];
            if (id < cl->terms_stored) {
                mark_since_snapshot(cl, id);
                cl->df_pending++;
            }
        }
    }
    for (size_t i = 0; i < cl->dirty_ids.n; i++) cl->df_dirty.v[cl->dirty_ids.v[i]] &= (uint8_t)~DF_BATCH;
    cl->dirty_ids.n = 0;
    cl->df_log.n = 0;
    cl->terms_stored = (uint32_t)cl->terms.n;
}

const char *cl_vocab_replay(cl_state *cl, const uint32_t *pairs, size_t n)
{
    if (n % 2) return "a term log of an odd length";
    for (size_t i = 0; i < n; i += 2)
        if (pairs[i] >= cl->terms.n || !cl->terms.v[pairs[i]]) return "a term log naming a term that is not stored";
    for (size_t i = 0; i < n; i += 2) {
        uint32_t id = pairs[i];
        cl->df.v[id] = pairs[i + 1];
        cl->log_df.v[id] = (float)log1p((double)pairs[i + 1]);
        mark_since_snapshot(cl, id);
    }
    cl->df_pending += n / 2;
    return NULL;
}

double cl_similarity(const cl_state *cl, const cl_vec *a, const cl_vec *b)
{
    double dot = 0, len = cl_norm(cl, a, false) * cl_norm(cl, b, false);
    uint32_t i = 0, j = 0;
    while (i < a->n && j < b->n) {
        if (a->id[i] < b->id[j]) i++;
        else if (a->id[i] > b->id[j]) j++;
        else {
            double idf = cl_idf(cl, a->id[i]);
            dot += a->w[i] * b->w[j] * idf * idf;
            i++, j++;
        }
    }
    return len > 0 ? dot / len : 0.0;
}

/* The class of term id (cl_term_class); a word if the id is not known. */
static uint8_t class_of(const cl_state *cl, uint32_t id)
{
    return id < cl->term_class.n ? cl->term_class.v[id] : CL_TERM_OTHER;
}

static bool is_name(const cl_state *cl, uint32_t id) { return class_of(cl, id) != CL_TERM_OTHER; }

double cl_norm(const cl_state *cl, const cl_vec *v, bool names)
{
    double n = 0;
    for (uint32_t k = 0; k < v->n; k++) {
        if (names && !is_name(cl, v->id[k])) continue;
        double x = v->w[k] * cl_idf(cl, v->id[k]);
        n += x * x;
    }
    return sqrt(n);
}

void cl_scatter(cl_state *cl, const cl_vec *v, bool on)
{
    for (uint32_t k = 0; k < v->n; k++) {
        while (cl->dense.n <= v->id[k]) VEC_PUSH(cl->dense, 0.0f);
        double idf = cl_idf(cl, v->id[k]);
        cl->dense.v[v->id[k]] = on ? (float)(v->w[k] * idf * idf) : 0.0f;
    }
}

/* The weights scattered are the document's times idf squared: each
 * centroid term then costs one load and one multiply (this loop is the
 * costliest of placing a document). */
double cl_dot_scattered(const cl_state *cl, const cl_vec *c, bool names)
{
    double dot = 0;
    const float *d = cl->dense.v;
    uint32_t nd = (uint32_t)cl->dense.n;
    for (uint32_t i = 0; i < c->n; i++) {
        uint32_t id = c->id[i];
        if (id >= nd || d[id] == 0.0f || (names && !is_name(cl, id))) continue;
        dot += (double)c->w[i] * d[id];
    }
    return dot;
}

/* Per class of term (words, people, other names: cl_term_class), the dot
 * product of c with the scattered document and c's squared length under
 * the current weights, in one pass over c. */
void cl_dot_classes(const cl_state *cl, const cl_vec *c, double dot[CL_NCLASS], double len2[CL_NCLASS])
{
    for (int k = 0; k < CL_NCLASS; k++) dot[k] = len2[k] = 0;
    const float *d = cl->dense.v;
    uint32_t nd = (uint32_t)cl->dense.n;
    for (uint32_t i = 0; i < c->n; i++) {
        uint32_t id = c->id[i];
        uint8_t k = class_of(cl, id);
        double x = c->w[i] * cl_idf(cl, id);
        len2[k] += x * x;
        if (id < nd) dot[k] += (double)c->w[i] * d[id];
    }
}

void cl_len2_classes(const cl_state *cl, const cl_vec *v, double len2[CL_NCLASS])
{
    for (int k = 0; k < CL_NCLASS; k++) len2[k] = 0;
    for (uint32_t i = 0; i < v->n; i++) {
        uint32_t id = v->id[i];
        uint8_t k = class_of(cl, id);
        double x = v->w[i] * cl_idf(cl, id);
        len2[k] += x * x;
    }
}
