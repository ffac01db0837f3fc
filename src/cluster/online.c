/* online.c: online clustering of documents into events and of events into
 * storylines.
 *
 * Each document is compared with the centroids of candidate clusters found
 * through an inverted index on its heaviest terms, newest postings first.
 * An event also weighs time: documents days apart are less likely to report
 * one happening. Whether a document opening an event belongs to a storyline,
 * and whether two storylines are one, are decided by learned models
 * (model.c) on similarity features, without a time prior, so that a subject
 * that returns years later joins its old storyline. Not the vocabulary
 * (vocab.c). */
#include "cl_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Terms kept in a centroid, and query terms used to find candidates. */
#define CL_KEEP 300
#define CL_QUERY_TERMS 24
/* Postings read per query term, newest first: bounds the work per document.
 * Candidates whose similarity is computed, those sharing the most query
 * weight with the document: bounds the costly part of that work. With 256
 * and 64, placing took 6.7 s per 51,200 articles at 150,000 synthetic
 * articles; with 64 and 32, 5 s; B-cubed F1 on ecbplus-dev the same (0.907),
 * on 20,000 synthetic articles events 0.850 / 0.852, storylines 0.651 /
 * 0.654. */
#define CL_POSTINGS_PER_TERM 64
#define CL_CANDIDATES 32
/* Candidates an event is compared with in the sweep (cl_sweep): with 4, 8,
 * 16 or 32, ecbplus-dev and 20,000 synthetic articles cluster the same; 8
 * keeps a margin at a quarter of the cost. */
#define CL_SWEEP_CANDIDATES 8

cl_state *cl_new(void)
{
    cl_state *cl = xcalloc(1, sizeof *cl);
    map_init(&cl->vocab);
    /* Where the defaults come from (B-cubed F1 is bench/ecbplus on
     * ../shared/data/ecbplus-dev, 772 documents, 66 events):
     * - storylines: no threshold here. Linking a document to a storyline
     *   and merging two storylines are learned decisions (model.c, weights
     *   in data/model/cluster.tsv, fitted by scripts/fit-model on t17-dev
     *   and ecbplus-dev); bench/clusters measures them on topics held out
     *   of the fit.
     * - time: a seed article a day after its event scored 0.22 on content and
     *   joins through the boost (x1.3 within 3 days); articles weeks apart
     *   lose a factor e every 7 days and are no candidates after 30 days, so
     *   an inquiry three months after a collapse is a new event in the same
     *   storyline (examples/).
     * - inferred_max_gap 180: a day guessed from the text (an_infer_published)
     *   is often right to the year but can be far off (a birth date): it only
     *   rules out events more than half a year away, with no boost or decay.
     *   On ecbplus-dev, where 121 documents get such a day, F1 at threshold
     *   0.24 / 0.26 was 0.848 / 0.847 trusting them like given days, 0.870 /
     *   0.852 ignoring them (precision falls: 0.873 to 0.845 at 0.26), and
     *   0.864 / 0.853, 0.866 / 0.853, 0.866 / 0.853, 0.867 / 0.850 with a
     *   limit of 60, 180, 365, 730 days: a plateau.
     * - event_size_damping 0.05: a centroid of many members smooths away their
     *   differences and draws in documents of a neighbouring event of the
     *   same kind (two title defences by one boxer); the score is divided by
     *   1 + 0.05 ln(size). With the limit above, F1 at thresholds 0.22 / 0.24
     *   was 0.852 / 0.866 without damping and 0.867 / 0.871 with 0.05; with
     *   actor terms too, 0.854 / 0.868 without and 0.872 / 0.869 with. 0.10
     *   (measured before the limit) lost recall: 0.854 / 0.847.
     * - event_threshold 0.23 (with the two above and actor terms): F1 over
     *   0.20..0.26 was 0.864 0.867 0.872 0.870 0.869 0.859 0.843; 0.23 sits in
     *   the middle of the plateau 0.21..0.24 rather than on its peak.
     *   Then, with the second look below and name terms weighing as much as
     *   words (vocab.c), 0.25: F1 over 0.21 0.22 0.23 0.24 0.25 0.26 0.27
     *   0.29 was 0.879 0.880 0.888 0.894 0.892 0.889 0.884 0.866; 0.25 is in
     *   the middle of the plateau 0.23..0.26.
     * - revisit_threshold 0.15: at the end of a batch, 26 of the lone
     *   documents of ecbplus-dev have a candidate event; moving those that
     *   score at least 0.10 / 0.14 / 0.17 / 0.20 / 0.23 gave F1 0.883 / 0.883
     *   / 0.883 / 0.879 / 0.876 (0.870 without a second look); 0.15 sits
     *   inside the plateau. Lower than event_threshold: the event has grown
     *   since the document first missed it, and a lone document is the
     *   likeliest to be an event's odd report. Checked again with the final
     *   event threshold and name weight: 0.891 0.891 0.892 0.890 0.886 0.887
     *   at 0.10 0.13 0.15 0.18 0.21 0.25, 0.878 with no second look.
     * - conflict_factor 0.7: a document leading with a person the event never
     *   names, while the event's leading people are not in the document, is
     *   another happening of the same kind (people_conflict). F1 at 1.0 0.8
     *   0.7 0.6 was 0.892 0.893 0.900 0.885 (precision 0.867 to 0.903).
     *   Counting organisations and places as leads too: 0.881; any person
     *   of the document named twice rather than its two leading ones: 0.898;
     *   only against events of two or more members: 0.897. The event
     *   threshold, checked again with it at 0.22 0.24 0.25 0.26 0.28: 0.889
     *   0.904 0.900 0.899 0.878; 0.25 stays, inside the plateau.
     * - merge_threshold 0.6: two events a document both joins merge when
     *   their centroids are this alike (maybe_merge). F1 with no merges
     *   0.900; at 0.8 0.7 0.65 0.6 0.55 0.5 0.4 0.3: 0.900 0.903 0.903 0.903
     *   0.907 0.898 0.885 0.878 (0, 1, 1, 1, 3, 4, 14, 35 merges): 0.6 sits
     *   inside the plateau, away from the fall below 0.55. Later, the
     *   three merges left on ecbplus-dev were all of two events of one kind
     *   (two drink-driving arrests of two players); leads_apart stops the
     *   one of events led by other people: F1 0.911 -> 0.918, the same for
     *   any threshold from 0.45 to 0.65.
     * - sweep_threshold 0.37: at the end of a batch, events that have grown
     *   alike merge (cl_sweep), under the same time and leading-people
     *   rules. B-cubed F1 on ecbplus-dev in the file's order: 0.918 without
     *   a sweep; 0.927 at 0.33 and 0.35, 0.933 at 0.355, 0.930 from 0.36 to
     *   0.385, 0.927 at 0.39 and 0.42. Below 0.355 a 2008 and a 2011 cable
     *   cut (0.353 alike, no people to tell them apart) merge; above 0.385
     *   the two halves of a jewel heist's reports stay apart. The mean over the file's order
     *   and twelve shuffles of it hardly moves: 0.903 0.904 0.904 0.903
     *   0.902 at 0.33 0.35 0.37 0.39 0.42 (standard deviation 0.011 over
     *   the orders), 0.897 without a sweep (five orders). 0.37 is the
     *   middle of the file order's plateau. Lower than merge_threshold:
     *   there a single document links two events still small; here both
     *   have grown. On 20,000 synthetic articles (at 0.35) event F1 0.852
     *   -> 0.856, storylines 0.669 -> 0.670.
     * - event_span 7: without it, a run of same-kind happenings a few days
     *   apart each (protests in one city after another) chains into one
     *   event that lasts months. On 2,000 articles of the synthetic stream
     *   (bench/gen, seed 1), event B-cubed F1 was 0.702 / 0.742 / 0.787
     *   with no limit / 14 days / 7 days. ecbplus-dev has no dates: no
     *   change there.
     * - reassign_margin 1.1: at the end of a batch a document leaves its
     *   event (of two or more) for another that scores this many times what
     *   its own does without it (cl_reassign): an early document placed
     *   when its event was still unformed. F1 0.903 without, 0.906 at 1.0,
     *   0.907 at 1.1 and 1.3; synthetic 20,000: event F1 0.750 -> 0.755.
     *   reassign_below 0.5: a document that joined its event with at least
     *   this score is not looked at again: ecbplus-dev F1 is the same with
     *   any limit from 0.3 up, synthetic 20,000 event F1 0.850 / 0.850 /
     *   0.850 with none / 0.6 / 0.45, and most of the look's cost (7% of
     *   ingest at 100,000 articles) goes.
     */
    cl->params = (cl_params){
        .event_threshold = 0.25,
        .event_max_gap = 30,
        .event_gap_scale = 7.0,
        .event_grace = 3,
        .event_near_boost = 1.3,
        .inferred_max_gap = 180,
        .event_size_damping = 0.05,
        .revisit_threshold = 0.15,
        .conflict_factor = 0.7,
        .merge_threshold = 0.6,
        .sweep_threshold = 0.37,
        .event_span = 7,
        .reassign_margin = 1.1,
        .reassign_below = 0.5,
    };
    char why[128];
    if (!cl_model_set(cl, cl_model_builtin, strlen(cl_model_builtin), why, sizeof why)) abort();   /* a test catches it */
    return cl;
}

cl_params *cl_params_of(cl_state *cl) { return &cl->params; }

static void set_free(cl_set *s)
{
    for (size_t i = 0; i < s->c.n; i++) { free(s->c.v[i].ids); free(s->c.v[i].w); free(s->c.v[i].heads); }
    VEC_FREE(s->c);
    for (size_t i = 0; i < s->post.n; i++) VEC_FREE(s->post.v[i]);
    VEC_FREE(s->post);
    VEC_FREE(s->post_dirty);
    VEC_FREE(s->dirty_terms);
    VEC_FREE(s->log);
    VEC_FREE(s->cand);
    VEC_FREE(s->acc);
}

void cl_free(cl_state *cl)
{
    if (!cl) return;
    map_free(&cl->vocab);
    for (size_t i = 0; i < cl->terms.n; i++) free(cl->terms.v[i]);
    VEC_FREE(cl->terms);
    VEC_FREE(cl->df);
    VEC_FREE(cl->log_df);
    VEC_FREE(cl->df_dirty);
    VEC_FREE(cl->term_class);
    VEC_FREE(cl->dense);
    VEC_FREE(cl->dirty_ids);
    VEC_FREE(cl->snap_ids);
    VEC_FREE(cl->df_log);
    set_free(&cl->events);
    set_free(&cl->storylines);
    buf_free(&cl->blob);
    free(cl);
}

/* ---- centroids ---------------------------------------------------------- */

typedef struct { uint32_t id; float w; double key; } ranked;

/* The k-th largest of x[0..n) (k counted from 0); reorders x. */
static double kth_largest(double *x, uint32_t n, uint32_t k)
{
    uint32_t lo = 0, hi = n - 1;
    while (lo < hi) {
        double pivot = x[lo + (hi - lo) / 2];
        uint32_t i = lo, j = hi;
        while (i <= j) {
            while (x[i] > pivot) i++;
            while (x[j] < pivot) j--;
            if (i <= j) {
                double t = x[i]; x[i] = x[j]; x[j] = t;
                i++;
                if (j == 0) break;
                j--;
            }
        }
        if (k <= j) hi = j;
        else if (k >= i) lo = i;
        else break;
    }
    return x[k];
}

/* Keep the CL_KEEP terms with the largest weight times idf, in id order. A
 * selection, not a sort: this runs on every join of a large cluster. Ties
 * at the cut keep the lower ids. */
static void prune(const cl_state *cl, cl_cluster *c)
{
    if (c->n <= CL_KEEP) return;
    double *key = xmalloc(2 * (size_t)c->n * sizeof *key), *sel = key + c->n;
    for (uint32_t i = 0; i < c->n; i++) sel[i] = key[i] = c->w[i] * cl_idf(cl, c->ids[i]);
    double cut = kth_largest(sel, c->n, CL_KEEP - 1);
    uint32_t above = 0;
    for (uint32_t i = 0; i < c->n; i++) above += key[i] > cut;
    uint32_t ties = CL_KEEP - above, k = 0;
    for (uint32_t i = 0; i < c->n; i++) {
        if (key[i] < cut || (key[i] == cut && !ties)) continue;
        if (key[i] == cut) ties--;
        c->ids[k] = c->ids[i];
        c->w[k++] = c->w[i];
    }
    c->n = k;
    c->norm_n = c->name_norm_n = c->heads_at = 0;
    free(key);
}

static float unit_scale(const cl_vec *v)
{
    double norm = 0;
    for (uint32_t k = 0; k < v->n; k++) norm += (double)v->w[k] * v->w[k];
    return norm > 0 ? (float)(1.0 / sqrt(norm)) : 1.0f;
}

/* Add v times scale to c's centroid. */
static void centroid_add_scaled(const cl_state *cl, cl_cluster *c, const cl_vec *v, float scale)
{
    uint32_t cap = c->n + v->n;
    uint32_t *ids = xmalloc((cap + 1) * sizeof *ids);
    float *w = xmalloc((cap + 1) * sizeof *w);
    uint32_t i = 0, j = 0, k = 0;
    while (i < c->n || j < v->n) {
        if (j >= v->n || (i < c->n && c->ids[i] < v->id[j])) { ids[k] = c->ids[i]; w[k++] = c->w[i++]; }
        else if (i >= c->n || v->id[j] < c->ids[i]) { ids[k] = v->id[j]; w[k++] = v->w[j++] * scale; }
        else { ids[k] = c->ids[i]; w[k++] = c->w[i++] + v->w[j++] * scale; }
    }
    free(c->ids);
    free(c->w);
    c->ids = ids;
    c->w = w;
    c->n = k;
    c->norm_n = c->name_norm_n = c->heads_at = 0;
    prune(cl, c);
}

/* Members count alike, whatever their length: each is added with unit norm. */
static void centroid_add(const cl_state *cl, cl_cluster *c, const cl_vec *v)
{
    centroid_add_scaled(cl, c, v, unit_scale(v));
}

static double centroid_similarity(const cl_state *cl, const cl_cluster *c, const cl_vec *v)
{
    cl_vec cv = {c->ids, c->w, c->n};
    return cl_similarity(cl, &cv, v);
}

/* c's length under the current weights (of all terms, or of names), kept
 * until c changes or the stream grows by 2%: weights drift slowly, and this
 * is half the work of a similarity. */
static double centroid_norm(const cl_state *cl, cl_cluster *c, bool names)
{
    uint64_t *at = names ? &c->name_norm_n : &c->norm_n;
    double *len = names ? &c->name_norm : &c->norm;
    if (*at && cl->ndocs <= *at + *at / 50) return *len;
    cl_vec cv = {c->ids, c->w, c->n};
    *len = cl_norm(cl, &cv, names);
    *at = cl->ndocs ? cl->ndocs : 1;
    return *len;
}

/* ---- clusters, postings ------------------------------------------------- */

static cl_cluster *cluster_at(cl_set *s, int64_t id)
{
    while ((int64_t)s->c.n < id) {
        cl_cluster empty = {.id = (int64_t)s->c.n + 1, .first = DAY_NONE, .last = DAY_NONE};
        VEC_PUSH(s->c, empty);
    }
    return &s->c.v[id - 1];
}

static void grow_postings(cl_set *s, uint32_t term)
{
    while (s->post.n <= term) {
        cl_postings empty = {0};
        VEC_PUSH(s->post, empty);
        VEC_PUSH(s->post_dirty, 0);
    }
}

static void mark_posted(cl_set *s, uint32_t term)
{
    if (s->post_dirty.v[term]) return;
    s->post_dirty.v[term] = 1;
    VEC_PUSH(s->dirty_terms, term);
}

/* A list keeps its newest CL_POSTINGS_PER_TERM: gather reads no more.
 * What changes a list is logged for the store (cl_postings_log), but not
 * when it is the log being read back (cl_postings_replay). */
static void post_logged(cl_set *s, uint32_t term, uint32_t pos, bool log)
{
    grow_postings(s, term);
    cl_postings *pl = &s->post.v[term];
    if (pl->n && pl->v[pl->n - 1] == pos) return;
    if (pl->n == CL_POSTINGS_PER_TERM) memmove(pl->v, pl->v + 1, --pl->n * sizeof *pl->v);
    else s->entries++;
    VEC_PUSH(*pl, pos);
    mark_posted(s, term);
    s->pending++;
    if (log) {
        VEC_PUSH(s->log, term);
        VEC_PUSH(s->log, pos);
    }
}

static void post(cl_set *s, uint32_t term, uint32_t pos) { post_logged(s, term, pos, true); }

/* The heaviest terms of v under the current weights, heaviest first. A
 * query leaves out terms no other document has (df 1): they cannot find a
 * cluster. An index keeps them: the next document may share them. */
static uint32_t top_terms(const cl_state *cl, const cl_vec *v, bool query, ranked *q)
{
    uint32_t nq = 0;
    for (uint32_t i = 0; i < v->n; i++) {
        if (query && (v->id[i] >= cl->df.n || cl->df.v[v->id[i]] < 2)) continue;
        double x = v->w[i] * cl_idf(cl, v->id[i]);
        uint32_t k = nq < CL_QUERY_TERMS ? nq++ : CL_QUERY_TERMS;
        while (k > 0 && q[k - 1].key < x) { if (k < CL_QUERY_TERMS) q[k] = q[k - 1]; k--; }
        if (k < CL_QUERY_TERMS) q[k] = (ranked){v->id[i], 0, x};
    }
    return nq;
}

/* Index a cluster under the heaviest terms of v (the document just added). */
static void index_terms(const cl_state *cl, cl_set *s, uint32_t pos, const cl_vec *v)
{
    ranked q[CL_QUERY_TERMS];
    uint32_t n = top_terms(cl, v, false, q);
    for (uint32_t i = 0; i < n; i++) post(s, q[i].id, pos);
}

static void widen(cl_cluster *c, int32_t day)
{
    if (day == DAY_NONE) return;
    if (c->first == DAY_NONE || day < c->first) c->first = day;
    if (c->last == DAY_NONE || day > c->last) c->last = day;
}

static int64_t new_cluster(cl_set *s, int64_t parent)
{
    int64_t id = (int64_t)s->c.n + 1;
    cl_cluster *c = cluster_at(s, id);
    c->parent = parent;
    c->used = c->created = true;
    return id;
}

static void join(cl_state *cl, cl_set *s, int64_t id, const cl_vec *v, int32_t day, bool inferred)
{
    cl_cluster *c = &s->c.v[id - 1];
    centroid_add(cl, c, v);
    widen(c, day);
    c->stated |= day != DAY_NONE && !inferred;
    c->size++;
    c->dirty = true;
    index_terms(cl, s, (uint32_t)(id - 1), v);
}

/* ---- scoring ------------------------------------------------------------ */

static int32_t gap_days(const cl_cluster *c, int32_t day)
{
    if (day == DAY_NONE || c->first == DAY_NONE) return -1;   /* unknown */
    if (day < c->first) return c->first - day;
    if (day > c->last) return day - c->last;
    return 0;
}

/* The time prior's decay for days beyond what is allowed: a factor e
 * every event_gap_scale days; 1 for none. */
static double fade(const cl_params *p, int32_t days_over)
{
    return days_over > 0 ? exp(-(double)days_over / p->event_gap_scale) : 1.0;
}

/* Score of a candidate event under the time prior: articles within a few
 * days of an event are more likely to report it (a boost), articles further
 * away less (a decay). No date on either side: content alone decides. */
static double timed_score(const cl_params *p, double sim, int32_t gap)
{
    if (gap < 0) return sim;
    if (gap <= p->event_grace) return sim * p->event_near_boost;
    return sim * fade(p, gap - p->event_grace);
}

/* A cluster of many members smooths their differences away and draws in
 * what is merely alike: its score is divided by 1 + damping ln(size). */
static double damped(double score, double damping, const cl_cluster *c)
{
    return score / (1.0 + damping * log(c->size > 1 ? (double)c->size : 1.0));
}

/* Score of a candidate event of size members for a document of similarity
 * sim, gap days away (-1 if unknown); -1 if it is no candidate. */
static double event_score(const cl_params *p, double sim, const cl_cluster *c, int32_t day, bool inferred)
{
    int32_t gap = gap_days(c, day);
    if (inferred) {
        if (gap > p->inferred_max_gap) return -1.0;
        gap = -1;                  /* close enough: content decides */
    }
    if (gap > p->event_max_gap) return -1.0;
    double sc = timed_score(p, sim, gap);
    /* An event is days, not months: one that has run long since its first
     * day draws documents less, however recent its last one. */
    if (!inferred && gap >= 0 && day != DAY_NONE && day - c->first > p->event_span) {
        if (day - c->first > p->event_span + p->event_max_gap) return -1.0;
        sc *= fade(p, day - c->first - p->event_span);
    }
    return damped(sc, p->event_size_damping, c);
}

static bool is_class(const cl_state *cl, uint32_t id, uint8_t k) { return id < cl->term_class.n && cl->term_class.v[id] == k; }

/* Weight of term id in a vector (ids ascending), 0 if absent. */
static float weight_of(const uint32_t *ids, const float *w, uint32_t n, uint32_t id)
{
    uint32_t lo = 0, hi = n;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (ids[mid] < id) lo = mid + 1;
        else hi = mid;
    }
    return lo < n && ids[lo] == id ? w[lo] : 0.0f;
}

/* The (at most) two heaviest terms of class k of a vector. */
static void top_two(const cl_state *cl, uint8_t k, const uint32_t *ids, const float *w, uint32_t n, uint32_t top[2],
                    float tw[2])
{
    top[0] = top[1] = UINT32_MAX;
    tw[0] = tw[1] = 0;
    for (uint32_t i = 0; i < n; i++) {
        if (!is_class(cl, ids[i], k)) continue;
        if (w[i] > tw[0]) { top[1] = top[0]; tw[1] = tw[0]; top[0] = ids[i]; tw[0] = w[i]; }
        else if (w[i] > tw[1]) { top[1] = ids[i]; tw[1] = w[i]; }
    }
}

/* Do the document and the event lead with different terms of class k: one
 * of the document's two heaviest (of weight at least min_w) that the event
 * never has, while one of the event's two heaviest is not in the document?
 * For people: a boxer's title defence against another challenger. */
static bool leads_conflict(const cl_state *cl, uint8_t k, float min_w, const cl_cluster *c, const cl_vec *v)
{
    uint32_t dp[2], ep[2];
    float dw[2], ew[2];
    top_two(cl, k, v->id, v->w, v->n, dp, dw);
    bool new_lead = false;
    for (int i = 0; i < 2; i++)
        if (dw[i] >= min_w && weight_of(c->ids, c->w, c->n, dp[i]) == 0.0f) new_lead = true;
    if (!new_lead) return false;
    top_two(cl, k, c->ids, c->w, c->n, ep, ew);
    for (int i = 0; i < 2; i++)
        if (ew[i] > 0 && ew[i] >= 0.5f * ew[0] && weight_of(v->id, v->w, v->n, ep[i]) == 0.0f) return true;
    return false;
}

/* A person named twice weighs 1 + ln(2 x 0.5) = 1 (analyze.c's actor
 * weight): people named once do not lead. Years, tried the same way (a
 * year of the document the event never mentions), did not help on
 * ecbplus-dev: B-cubed F1 0.887 with any year, 0.900 (no change) with
 * years named twice. */
static bool people_conflict(const cl_state *cl, const cl_cluster *c, const cl_vec *v)
{
    return leads_conflict(cl, CL_TERM_PERSON, 1.0f, c, v);
}

/* The surname of a person term: its last word of two letters or more
 * ("bush" of "p:george_w_bush"; "w" is an initial). */
static const char *surname(const char *t, size_t *len)
{
    const char *end = t + strlen(t), *p = end;
    while (p > t + 2) {
        const char *q = p;
        while (q > t + 2 && q[-1] != '_') q--;
        if (p - q >= 2) { *len = (size_t)(p - q); return q; }
        p = q > t + 2 ? q - 1 : q;
    }
    *len = (size_t)(end - t - 2);
    return t + 2;
}

/* Two spellings of one surname: equal, or of eight letters or more and at
 * most two edits apart ("berdymukhamedov", "berdimuhamedov"). */
static bool same_surname(const char *a, size_t na, const char *b, size_t nb)
{
    if (na == nb && !memcmp(a, b, na)) return true;
    if (na < 8 || nb < 8 || na > 40 || nb > 40 || (na > nb ? na - nb : nb - na) > 2) return false;
    unsigned d[41];
    for (size_t j = 0; j <= nb; j++) d[j] = (unsigned)j;
    for (size_t i = 1; i <= na; i++) {
        unsigned diag = d[0], row_min = (unsigned)i;
        d[0] = (unsigned)i;
        for (size_t j = 1; j <= nb; j++) {
            unsigned up = d[j], best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best) best = up + 1;
            if (d[j - 1] + 1 < best) best = d[j - 1] + 1;
            d[j] = best;
            diag = up;
            if (best < row_min) row_min = best;
        }
        if (row_min > 2) return false;
    }
    return d[nb] <= 2;
}

/* Weight in c of the person term id under any spelling of its surname:
 * one event says "Obama", another "Barack Obama", a third "President
 * Obama"; to tell events apart they are one man. */
static float person_weight(const cl_state *cl, const cl_cluster *c, uint32_t id)
{
    size_t ln, lm;
    const char *sn = surname(cl->terms.v[id], &ln);
    float sum = 0;
    for (uint32_t i = 0; i < c->n; i++) {
        if (!is_class(cl, c->ids[i], CL_TERM_PERSON)) continue;
        const char *sm = surname(cl->terms.v[c->ids[i]], &lm);
        if (same_surname(sn, ln, sm, lm)) sum += c->w[i];
    }
    return sum;
}

/* Is one of x's (at most two) leading people, per member, named in y less
 * than half as much? */
static bool lead_missing(const cl_state *cl, const cl_cluster *x, const cl_cluster *y)
{
    uint32_t p[2];
    float w[2];
    top_two(cl, CL_TERM_PERSON, x->ids, x->w, x->n, p, w);
    for (int i = 0; i < 2; i++) {
        if (p[i] == UINT32_MAX || !(w[i] > 0) || w[i] < 0.5f * w[0]) continue;
        if (person_weight(cl, y, p[i]) / y->size < 0.5f * person_weight(cl, x, p[i]) / x->size) return true;
    }
    return false;
}

/* Two events each led by people the other hardly names report two
 * happenings, however alike their words: two players' drink-driving
 * arrests, two boxers' title defences. Found on ecbplus-dev, where the
 * merges this rule stops were all of two events of one kind (see
 * cl_params.merge_threshold); the half is the middle of the plateau 0.4 to
 * 0.7 where B-cubed F1 was the same. */
static bool leads_apart(const cl_state *cl, const cl_cluster *a, const cl_cluster *b)
{
    return lead_missing(cl, a, b) && lead_missing(cl, b, a);
}

/* Cosine of c's centroid with the vector scattered by cl_scatter, of
 * length v_len (over name terms alone if names). */
static double scattered_cosine(const cl_state *cl, cl_cluster *c, double v_len, bool names)
{
    cl_vec cv = {c->ids, c->w, c->n};
    double len = centroid_norm(cl, c, names) * v_len;
    return len > 0 ? cl_dot_scattered(cl, &cv, names) / len : 0.0;
}

/* Score of event c for document v (of length v_norm, scattered by
 * cl_scatter); the conflict test is skipped when the score cannot beat best
 * anyway. */
static double event_candidate_score(const cl_state *cl, cl_cluster *c, const cl_vec *v, double v_norm, int32_t day,
                                    bool inferred, double best)
{
    double sim = scattered_cosine(cl, c, v_norm, false);
    if (sim * cl->params.event_near_boost > best && cl->params.conflict_factor < 1.0 && people_conflict(cl, c, v))
        sim *= cl->params.conflict_factor;
    return event_score(&cl->params, sim, c, day, inferred);
}

static double cosine_of(double dot, double a2, double b2) { return a2 > 0 && b2 > 0 ? dot / sqrt(a2 * b2) : 0.0; }

/* The similarity features of cluster c against the scattered vector of
 * squared lengths per class v2: the cosines of words, people, other names
 * and all terms, "subject" (words and names together), and whether either
 * side lacks people or other names. Into f at their cl_feature places. */
static void class_cosines(const cl_state *cl, const cl_cluster *c, const double v2[CL_NCLASS], double f[CL_NFEAT])
{
    double dot[CL_NCLASS], c2[CL_NCLASS];
    cl_vec cv = {c->ids, c->w, c->n};
    cl_dot_classes(cl, &cv, dot, c2);
    f[CL_F_WORDS] = cosine_of(dot[CL_TERM_OTHER], c2[CL_TERM_OTHER], v2[CL_TERM_OTHER]);
    f[CL_F_PEOPLE] = cosine_of(dot[CL_TERM_PERSON], c2[CL_TERM_PERSON], v2[CL_TERM_PERSON]);
    f[CL_F_NAMES] = cosine_of(dot[CL_TERM_NAME], c2[CL_TERM_NAME], v2[CL_TERM_NAME]);
    f[CL_F_ALL] = cosine_of(dot[0] + dot[1] + dot[2], c2[0] + c2[1] + c2[2], v2[0] + v2[1] + v2[2]);
    f[CL_F_SUBJECT] = sqrt(f[CL_F_WORDS] * f[CL_F_NAMES]);
    f[CL_F_NO_PEOPLE] = !(c2[CL_TERM_PERSON] > 0 && v2[CL_TERM_PERSON] > 0);
    f[CL_F_NO_NAMES] = !(c2[CL_TERM_NAME] > 0 && v2[CL_TERM_NAME] > 0);
}

/* The features (cl_feature) of cluster c against the scattered vector
 * (cl_scatter) whose squared lengths per class are v2, dated day (DAY_NONE
 * if not), or, for a cluster against a cluster, of first..last. */
static void pair_features(const cl_state *cl, const cl_cluster *c, const double v2[CL_NCLASS], int32_t first,
                          int32_t last, double f[CL_NFEAT])
{
    class_cosines(cl, c, v2, f);
    f[CL_F_BIAS] = 1.0;
    bool dated = first != DAY_NONE && c->first != DAY_NONE;
    int32_t gap = !dated ? 0 : last < c->first ? c->first - last : first > c->last ? first - c->last : 0;
    f[CL_F_GAP] = log1p((double)gap);
    f[CL_F_UNDATED] = !dated;
    f[CL_F_SIZE] = log(c->size > 1 ? (double)c->size : 1.0);
    f[CL_F_EVENT] = f[CL_F_EVENT_NAMES] = f[CL_F_EVENT_SUBJECT] = f[CL_F_NAME_SHARE] = f[CL_F_CORE] = 0;
}

static void dump_features(const cl_state *cl, char kind, const char *a, int64_t b, const double f[CL_NFEAT])
{
    fprintf(cl->dump, "%c\t%s\t%lld", kind, a, (long long)b);
    for (int k = 1; k < CL_NFEAT; k++) fprintf(cl->dump, "\t%.5g", f[k]);
    fputc('\n', cl->dump);
}

/* Candidates of s for v into s->cand: the clusters that share the most
 * query weight with v through the postings (the heaviest terms of v, the
 * newest postings of each), at most max of them. timed: s holds events,
 * and those out of reach of day are passed over. */
static uint32_t gather(cl_state *cl, cl_set *s, const cl_vec *v, int32_t day, bool inferred, bool timed, uint32_t max)
{
    if (++s->stamp == 0) s->stamp = 1;
    ranked q[CL_QUERY_TERMS];
    uint32_t nq = top_terms(cl, v, true, q);
    /* First, the query weight each candidate shares with the document, from
     * the postings alone; events out of reach in time are passed over. */
    s->cand.n = 0;
    for (uint32_t t = 0; t < nq; t++) {
        if (q[t].id >= s->post.n) continue;
        const uint32_t *pl = s->post.v[q[t].id].v;
        size_t n = s->post.v[q[t].id].n, stop = n > CL_POSTINGS_PER_TERM ? n - CL_POSTINGS_PER_TERM : 0;
        for (size_t k = n; k-- > stop;) {
            cl_cluster *c = &s->c.v[pl[k]];
            if (!c->used) continue;
            if (c->stamp != s->stamp) {
                c->stamp = s->stamp;
                c->last_term = -1;
                c->acc = -1.0f;
                if (timed && event_score(&cl->params, 1.0, c, day, inferred) < 0) continue;
                c->acc = 0.0f;
                VEC_PUSH(s->cand, pl[k]);
            }
            if (c->acc < 0 || c->last_term == (int32_t)t) continue;
            c->last_term = (int32_t)t;
            c->acc += (float)q[t].key;
        }
    }
    /* Then only the few that share the most. */
    uint32_t nc = (uint32_t)s->cand.n;
    if (nc > max) {
        s->acc.n = 0;
        for (uint32_t i = 0; i < nc; i++) VEC_PUSH(s->acc, s->c.v[s->cand.v[i]].acc);
        double cut = kth_largest(s->acc.v, nc, max - 1);
        uint32_t k = 0;
        for (uint32_t i = 0; i < nc && k < max; i++)
            if (s->c.v[s->cand.v[i]].acc >= cut) s->cand.v[k++] = s->cand.v[i];
        nc = k;
    }
    return nc;
}

/* The best event of s for v, by score; returns 0 if none has a score. The
 * runner-up goes to *second (0 if none) unless second is NULL. */
static int64_t best_of(cl_state *cl, cl_set *s, const cl_vec *v, int32_t day, bool inferred,
                       bool timed, double *score, int64_t *second, double *second_score)
{
    *score = 0.0;
    int64_t best = 0, next = 0;
    double next_score = 0.0;
    /* the full similarity of the few candidates that share the most */
    uint32_t nc = gather(cl, s, v, day, inferred, timed, CL_CANDIDATES);
    double v_norm = cl_norm(cl, v, false);
    cl_scatter(cl, v, true);
    for (uint32_t i = 0; i < nc; i++) {
        cl_cluster *c = &s->c.v[s->cand.v[i]];
        double sc = event_candidate_score(cl, c, v, v_norm, day, inferred, *score);
        if (sc > *score) {
            next = best, next_score = *score;
            *score = sc, best = c->id;
        } else if (sc > next_score) {
            next = c->id, next_score = sc;
        }
    }
    cl_scatter(cl, v, false);
    if (second) *second = next, *second_score = next_score;
    return best;
}

/* Candidate storylines of v (squared lengths per class v2) into
 * cl->storylines.cand, at most max from each source: those whose
 * centroids share the most with v, and those of the events most like v at
 * any distance in time (a storyline's subject drifts, and a new report
 * often continues one of its events more than its whole). Each gets the
 * cosines of its member event most like v (link_). Storyline self and its
 * events are left out (0: none). v must be scattered (cl_scatter). */
static void storyline_candidates(cl_state *cl, const cl_vec *v, const double v2[CL_NCLASS], int32_t day,
                                 int64_t self, uint32_t max)
{
    cl_set *s = &cl->storylines, *ev = &cl->events;
    uint32_t ne = gather(cl, ev, v, DAY_NONE, false, false, max);
    gather(cl, s, v, day, false, false, max);
    if (++cl->link_stamp == 0) cl->link_stamp = 1;
    size_t k = 0;
    for (size_t i = 0; i < s->cand.n; i++) {
        cl_cluster *c = &s->c.v[s->cand.v[i]];
        if (c->id == self) continue;
        c->link_stamp = cl->link_stamp;
        c->link_all = c->link_names = c->link_subject = 0;
        s->cand.v[k++] = s->cand.v[i];
    }
    s->cand.n = k;
    for (uint32_t i = 0; i < ne; i++) {
        cl_cluster *e = &ev->c.v[ev->cand.v[i]];
        int64_t sl = cl_resolve(cl, CL_STORYLINE, e->parent);
        if (sl < 1 || sl > (int64_t)s->c.n || sl == self || !s->c.v[sl - 1].used) continue;
        cl_cluster *c = &s->c.v[sl - 1];
        if (c->link_stamp != cl->link_stamp) {
            c->link_stamp = cl->link_stamp;
            c->link_all = c->link_names = c->link_subject = 0;
            VEC_PUSH(s->cand, (uint32_t)(sl - 1));
        }
        double f[CL_NFEAT];
        class_cosines(cl, e, v2, f);
        if (f[CL_F_ALL] > c->link_all) c->link_all = f[CL_F_ALL];
        if (f[CL_F_NAMES] > c->link_names) c->link_names = f[CL_F_NAMES];
        if (f[CL_F_SUBJECT] > c->link_subject) c->link_subject = f[CL_F_SUBJECT];
    }
}

/* The share of v's weight on other names (not weighed by idf) that is on
 * names c holds (CL_F_NAME_SHARE); 0 when v names none. */
static double name_share(const cl_state *cl, const cl_cluster *c, const cl_vec *v)
{
    double in = 0, all = 0;
    for (uint32_t i = 0; i < v->n; i++) {
        if (!is_class(cl, v->id[i], CL_TERM_NAME)) continue;
        all += v->w[i];
        if (weight_of(c->ids, c->w, c->n, v->id[i]) > 0) in += v->w[i];
    }
    return all > 0 ? in / all : 0.0;
}

/* The share of the length of the scattered vector (cl_scatter; squared
 * length len2, under weight times idf) on the terms c is most about, its
 * CL_QUERY_TERMS heaviest (CL_F_CORE): high when the vector is about what c
 * is about, however many other terms c has gathered, where a cosine falls
 * as a storyline grows and spreads. c's heaviest terms are kept until it
 * changes or the stream grows by 2%, as its length is (centroid_norm). */
static double core_share(const cl_state *cl, cl_cluster *c, double len2)
{
    if (!(len2 > 0)) return 0.0;
    if (!c->heads_at || cl->ndocs > c->heads_at + c->heads_at / 50) {
        ranked q[CL_QUERY_TERMS];
        cl_vec cv = {c->ids, c->w, c->n};
        c->heads_n = top_terms(cl, &cv, false, q);
        if (!c->heads) c->heads = xmalloc(CL_QUERY_TERMS * sizeof *c->heads);
        for (uint32_t k = 0; k < c->heads_n; k++) c->heads[k] = q[k].id;
        c->heads_at = cl->ndocs ? cl->ndocs : 1;
    }
    const float *d = cl->dense.v;
    double in = 0;
    for (uint32_t k = 0; k < c->heads_n; k++) {
        uint32_t id = c->heads[k];
        if (id >= cl->dense.n || d[id] == 0.0f) continue;
        double x = d[id] / cl_idf(cl, id);   /* the scattered weight is w times idf squared */
        in += x * x;
    }
    return in / len2;
}

/* The features of storyline c for v, scattered (v2, dated first..last):
 * pair_features, the share of v on what c is most about, the cosines of
 * c's member event most like v and the share of v's names that c holds. */
static void storyline_features(const cl_state *cl, cl_cluster *c, const cl_vec *v, const double v2[CL_NCLASS],
                               int32_t first, int32_t last, double f[CL_NFEAT])
{
    pair_features(cl, c, v2, first, last, f);
    f[CL_F_CORE] = core_share(cl, c, v2[0] + v2[1] + v2[2]);
    f[CL_F_NAME_SHARE] = name_share(cl, c, v);
    f[CL_F_EVENT] = c->link_all;
    f[CL_F_EVENT_NAMES] = c->link_names;
    f[CL_F_EVENT_SUBJECT] = c->link_subject;
}

/* The storyline most likely to hold v, with that probability in *score
 * (0 if there is no candidate), under the learned storyline model. */
static int64_t best_storyline(cl_state *cl, const cl_vec *v, int32_t day, double *score)
{
    cl_set *s = &cl->storylines;
    *score = 0.0;
    double v2[CL_NCLASS], f[CL_NFEAT];
    cl_len2_classes(cl, v, v2);
    cl_scatter(cl, v, true);
    storyline_candidates(cl, v, v2, day, 0, CL_CANDIDATES);
    int64_t best = 0;
    for (size_t i = 0; i < s->cand.n; i++) {
        cl_cluster *c = &s->c.v[s->cand.v[i]];
        storyline_features(cl, c, v, v2, day, day, f);
        if (cl->dump && cl->dump_doc) dump_features(cl, 'S', cl->dump_doc, c->id, f);
        double sc = cl_model_p(&cl->model, CL_D_STORYLINE, f);
        if (sc > *score) *score = sc, best = c->id;
    }
    cl_scatter(cl, v, false);
    return best;
}

double cl_event_similarity(const cl_state *cl, int64_t event, const cl_vec *v)
{
    if (event < 1 || event > (int64_t)cl->events.c.n) return -1.0;
    return centroid_similarity(cl, &cl->events.c.v[event - 1], v);
}

/* Take v times scale back out of c's centroid; terms that fall to zero or
 * below are dropped. */
static void centroid_remove(cl_cluster *c, const cl_vec *v, float scale)
{
    uint32_t i = 0, j = 0, k = 0;
    for (; i < c->n; i++) {
        float w = c->w[i];
        while (j < v->n && v->id[j] < c->ids[i]) j++;
        if (j < v->n && v->id[j] == c->ids[i]) w -= v->w[j] * scale;
        if (w > 1e-6f) { c->ids[k] = c->ids[i]; c->w[k++] = w; }
    }
    c->n = k;
    c->norm_n = c->name_norm_n = c->heads_at = 0;
}

int64_t cl_resolve(const cl_state *cl, cl_level level, int64_t id)
{
    const cl_set *s = level == CL_EVENT ? &cl->events : &cl->storylines;
    while (id >= 1 && id <= (int64_t)s->c.n && s->c.v[id - 1].merged_into) id = s->c.v[id - 1].merged_into;
    return id;
}

/* Move all of from into the cluster into: centroid, size, days, postings.
 * from is gone, and says where it went. */
static void absorb(cl_state *cl, cl_set *s, int64_t into, int64_t from)
{
    cl_cluster *a = &s->c.v[into - 1], *b = &s->c.v[from - 1];
    cl_vec bv = {b->ids, b->w, b->n};
    centroid_add_scaled(cl, a, &bv, 1.0f);
    a->size += b->size;
    widen(a, b->first);
    widen(a, b->last);
    a->stated |= b->stated;
    a->dirty = true;
    index_terms(cl, s, (uint32_t)(into - 1), &bv);
    b->used = false;
    b->size = 0;
    b->n = 0;
    b->merged_into = into;
    b->dirty = true;
}

/* Merge events x and y if their centroids are at least min_sim alike
 * (under the time prior when both have stated days), they lie within
 * event_max_gap days of each other (inferred_max_gap when a day of either
 * was guessed from a text) and their leading people do not say they are
 * two happenings (leads_apart): the smaller goes into the larger (the
 * older on a tie). Its storyline gives up its members to the
 * larger's; a storyline left empty goes into the larger's too. Returns the
 * event kept, or 0 if there was no merge. */
static int64_t merge_events(cl_state *cl, int64_t x, int64_t y, double min_sim)
{
    cl_cluster *a = &cl->events.c.v[x - 1], *b = &cl->events.c.v[y - 1];
    if (a == b || !a->used || !b->used) return 0;
    int32_t gap = -1;
    if (a->first != DAY_NONE && b->first != DAY_NONE)
        gap = a->last < b->first ? b->first - a->last : b->last < a->first ? a->first - b->last : 0;
    /* days guessed from the text rule out only what is far (event_score) */
    if (gap > (a->stated && b->stated ? cl->params.event_max_gap : cl->params.inferred_max_gap)) return 0;
    cl_vec av = {a->ids, a->w, a->n}, bv = {b->ids, b->w, b->n};
    double sim = cl_similarity(cl, &av, &bv);
    if (a->stated && b->stated) {
        /* the time prior of event_score, without its boost: events days
         * apart, or that would last longer than event_span together, are
         * less likely one. On 20,000 synthetic articles (bench/gen, seed 1)
         * the sweep without it made 645 merges of other events for 102
         * right ones (event B-cubed F1 0.852 -> 0.809); with it, event F1
         * 0.856. */
        const cl_params *p = &cl->params;
        int32_t span = (a->last > b->last ? a->last : b->last) - (a->first < b->first ? a->first : b->first);
        sim *= fade(p, gap - p->event_grace) * fade(p, span - p->event_span);
    }
    if (sim < min_sim || leads_apart(cl, a, b)) return 0;
    bool keep_a = a->size > b->size || (a->size == b->size && a->id < b->id);
    cl_cluster *keep = keep_a ? a : b, *gone = keep_a ? b : a;
    int64_t keep_sl = cl_resolve(cl, CL_STORYLINE, keep->parent), gone_sl = cl_resolve(cl, CL_STORYLINE, gone->parent);
    keep->parent = keep_sl;
    if (keep_sl != gone_sl) {
        cl_cluster *from = &cl->storylines.c.v[gone_sl - 1], *to = &cl->storylines.c.v[keep_sl - 1];
        if (from->size <= gone->size) {   /* the event was all of its storyline */
            absorb(cl, &cl->storylines, keep_sl, gone_sl);
        } else {
            cl_vec gv = {gone->ids, gone->w, gone->n};
            centroid_add_scaled(cl, to, &gv, 1.0f);
            index_terms(cl, &cl->storylines, (uint32_t)(keep_sl - 1), &gv);
            to->size += gone->size;
            widen(to, gone->first);
            widen(to, gone->last);
            to->dirty = true;
            centroid_remove(from, &gv, 1.0f);
            from->size -= gone->size;
            from->dirty = true;
        }
    }
    absorb(cl, &cl->events, keep->id, gone->id);
    return keep->id;
}

/* The document joined out->event while the runner-up event also took it:
 * if the two events report one happening, they become one. */
static void maybe_merge(cl_state *cl, cl_placement *out, int64_t other)
{
    int64_t keep = merge_events(cl, out->event, other, cl->params.merge_threshold);
    if (!keep) return;
    out->merged = true;
    out->event = keep;
    out->storyline = cl->events.c.v[keep - 1].parent;
}

void cl_place(cl_state *cl, const cl_vec *v, int32_t day, bool day_inferred, cl_placement *out)
{
    memset(out, 0, sizeof *out);
    int64_t runner_up;
    double runner_up_score;
    int64_t ev = best_of(cl, &cl->events, v, day, day_inferred, true, &out->event_score, &runner_up, &runner_up_score);
    if (ev && out->event_score >= cl->params.event_threshold) {
        out->event = ev;
        /* the event's storyline may have gone into another (maybe_merge) */
        cl_cluster *c = &cl->events.c.v[ev - 1];
        out->storyline = c->parent = cl_resolve(cl, CL_STORYLINE, c->parent);
        out->storyline_score = 1.0;
    } else {
        int64_t sl = best_storyline(cl, v, day, &out->storyline_score);
        if (!sl || out->storyline_score < cl->model.threshold[CL_D_STORYLINE]) {
            sl = new_cluster(&cl->storylines, 0);
            out->new_storyline = true;
        }
        out->event = new_cluster(&cl->events, sl);
        out->storyline = sl;
        out->new_event = true;
    }
    join(cl, &cl->events, out->event, v, day, day_inferred);
    join(cl, &cl->storylines, out->storyline, v, day, day_inferred);
    if (!out->new_event && runner_up && runner_up_score >= cl->params.event_threshold)
        maybe_merge(cl, out, runner_up);
    if (cl->dump && cl->dump_doc)
        fprintf(cl->dump, "P\t%s\t%lld\t%lld\n", cl->dump_doc, (long long)out->event, (long long)out->storyline);
}

void cl_dump_to(cl_state *cl, FILE *f) { cl->dump = f; }
void cl_dump_doc(cl_state *cl, const char *doc) { cl->dump_doc = doc; }

bool cl_revisit(cl_state *cl, const cl_vec *v, int32_t day, bool day_inferred, cl_placement *where,
                bool *dropped_storyline)
{
    *dropped_storyline = false;
    if (where->event < 1 || where->event > (int64_t)cl->events.c.n) return false;
    cl_cluster *own = &cl->events.c.v[where->event - 1];
    if (own->size != 1) return false;
    own->used = false;             /* not a candidate for itself */
    double score;
    /* The lower bar of a second look is for an event's odd report, not for
     * one months away: here an inferred day counts as a stated one (a
     * dateline's day is as good as the metadata's; an A1 report of the
     * example corpus had joined A2, 97 days later). ecbplus-dev B-cubed F1
     * stays 0.892 either way. */
    (void)day_inferred;
    int64_t to = best_of(cl, &cl->events, v, day, false, true, &score, NULL, NULL);
    if (!to || score < cl->params.revisit_threshold) {
        own->used = true;
        return false;
    }
    own->dirty = false;            /* dropped: never stored */
    own->size = 0;
    cl_cluster *sl = cluster_at(&cl->storylines, where->storyline);
    if (sl->size <= 1) {
        *dropped_storyline = true;
        sl->used = sl->dirty = false;
        sl->size = 0;
    } else {
        centroid_remove(sl, v, unit_scale(v));
        sl->size--;
    }
    int64_t to_sl = cl_resolve(cl, CL_STORYLINE, cl->events.c.v[to - 1].parent);
    join(cl, &cl->events, to, v, day, day_inferred);
    join(cl, &cl->storylines, to_sl, v, day, day_inferred);
    *where = (cl_placement){.event = to, .storyline = to_sl, .event_score = score, .storyline_score = 1.0};
    return true;
}

bool cl_reassign(cl_state *cl, const cl_vec *v, int32_t day, bool day_inferred, cl_placement *where)
{
    int64_t ev = cl_resolve(cl, CL_EVENT, where->event);
    if (ev < 1 || ev > (int64_t)cl->events.c.n || where->event_score >= cl->params.reassign_below) return false;
    cl_cluster *own = &cl->events.c.v[ev - 1];
    if (own->size < 2 || !own->used) return false;
    uint32_t n = own->n;
    uint32_t *ids = xmalloc((n + 1) * sizeof *ids);
    float *w = xmalloc((n + 1) * sizeof *w);
    memcpy(ids, own->ids, n * sizeof *ids);
    memcpy(w, own->w, n * sizeof *w);
    float scale = unit_scale(v);
    centroid_remove(own, v, scale);
    own->size--;
    double score;
    int64_t to = best_of(cl, &cl->events, v, day, day_inferred, true, &score, NULL, NULL);
    cl_scatter(cl, v, true);
    double mine = event_candidate_score(cl, own, v, cl_norm(cl, v, false), day, day_inferred, 0.0);
    cl_scatter(cl, v, false);
    if (!to || to == ev || score < cl->params.event_threshold || score < mine * cl->params.reassign_margin) {
        memcpy(own->ids, ids, n * sizeof *ids);   /* as it was */
        memcpy(own->w, w, n * sizeof *w);
        own->n = n;
        own->norm_n = own->name_norm_n = own->heads_at = 0;
        own->size++;
        free(ids);
        free(w);
        return false;
    }
    free(ids);
    free(w);
    own->dirty = true;
    int64_t to_sl = cl_resolve(cl, CL_STORYLINE, cl->events.c.v[to - 1].parent);
    if (to_sl != own->parent) {
        cl_cluster *sl = cluster_at(&cl->storylines, own->parent);
        centroid_remove(sl, v, scale);
        sl->size--;
        sl->dirty = true;
        join(cl, &cl->storylines, to_sl, v, day, day_inferred);
    }
    join(cl, &cl->events, to, v, day, day_inferred);
    *where = (cl_placement){.event = to, .storyline = to_sl, .event_score = score, .storyline_score = 1.0};
    return true;
}

typedef struct { double sim; int64_t a, b; } cl_pair;

static int cmp_pair_desc(const void *x, const void *y)
{
    const cl_pair *p = x, *q = y;
    if (p->sim != q->sim) return p->sim < q->sim ? 1 : -1;
    return p->a != q->a ? (p->a > q->a) - (p->a < q->a) : (p->b > q->b) - (p->b < q->b);
}

/* Two storylines are one subject when the storyline_merge model says so:
 * each storyline changed since the last cl_clean is compared, as a
 * document would be, with its candidate storylines (storyline_candidates),
 * and pairs whose probability reaches the model's threshold merge, most
 * likely first, the smaller into the larger.
 * A subject first reported in other words, or a report that opened a
 * storyline of its own before its subject had grown, joins it here. */
static void sweep_storylines(cl_state *cl)
{
    cl_set *s = &cl->storylines;
    VEC(cl_pair) pairs = {0};
    for (size_t i = 0; i < s->c.n; i++) {
        cl_cluster *a = &s->c.v[i];
        if (!a->dirty || !a->used) continue;
        cl_vec av = {a->ids, a->w, a->n};
        double a2[CL_NCLASS], f[CL_NFEAT];
        cl_len2_classes(cl, &av, a2);
        cl_scatter(cl, &av, true);
        storyline_candidates(cl, &av, a2, DAY_NONE, a->id, CL_SWEEP_CANDIDATES);
        for (size_t k = 0; k < s->cand.n; k++) {
            cl_cluster *c = &s->c.v[s->cand.v[k]];
            storyline_features(cl, c, &av, a2, a->first, a->last, f);
            f[CL_F_SIZE] = log(a->size < c->size ? (a->size > 1 ? a->size : 1) : (c->size > 1 ? c->size : 1));
            if (cl->dump) {
                char an[24];
                snprintf(an, sizeof an, "%lld", (long long)a->id);
                dump_features(cl, 'M', an, c->id, f);
            }
            double p = cl_model_p(&cl->model, CL_D_STORYLINE_MERGE, f);
            if (p >= cl->model.threshold[CL_D_STORYLINE_MERGE] && c->used) VEC_PUSH(pairs, ((cl_pair){p, a->id < c->id ? a->id : c->id, a->id < c->id ? c->id : a->id}));
        }
        cl_scatter(cl, &av, false);
    }
    if (pairs.n) qsort(pairs.v, pairs.n, sizeof *pairs.v, cmp_pair_desc);
    for (size_t i = 0; i < pairs.n; i++) {
        int64_t x = cl_resolve(cl, CL_STORYLINE, pairs.v[i].a), y = cl_resolve(cl, CL_STORYLINE, pairs.v[i].b);
        if (x == y) continue;
        cl_cluster *a = &s->c.v[x - 1], *b = &s->c.v[y - 1];
        bool keep_a = a->size > b->size || (a->size == b->size && a->id < b->id);
        absorb(cl, s, keep_a ? x : y, keep_a ? y : x);
    }
    VEC_FREE(pairs);
}

uint32_t cl_sweep(cl_state *cl)
{
    cl_set *s = &cl->events;
    double min_sim = cl->params.sweep_threshold;
    VEC(cl_pair) pairs = {0};
    for (size_t i = 0; i < s->c.n; i++) {
        cl_cluster *a = &s->c.v[i];
        if (!a->dirty || !a->used) continue;
        cl_vec av = {a->ids, a->w, a->n};
        a->used = false;                /* not a candidate for itself */
        uint32_t nc = gather(cl, s, &av, DAY_NONE, false, false, CL_SWEEP_CANDIDATES);
        a->used = true;
        double a_norm = centroid_norm(cl, a, false);
        cl_scatter(cl, &av, true);
        for (uint32_t k = 0; k < nc; k++) {
            cl_cluster *c = &s->c.v[s->cand.v[k]];
            double sim = scattered_cosine(cl, c, a_norm, false);
            if (sim >= min_sim) VEC_PUSH(pairs, ((cl_pair){sim, a->id < c->id ? a->id : c->id, a->id < c->id ? c->id : a->id}));
        }
        cl_scatter(cl, &av, false);
    }
    if (pairs.n) qsort(pairs.v, pairs.n, sizeof *pairs.v, cmp_pair_desc);
    uint32_t merged = 0;
    for (size_t i = 0; i < pairs.n; i++) {
        int64_t x = cl_resolve(cl, CL_EVENT, pairs.v[i].a), y = cl_resolve(cl, CL_EVENT, pairs.v[i].b);
        if (x != y && merge_events(cl, x, y, min_sim)) merged++;
    }
    VEC_FREE(pairs);
    sweep_storylines(cl);
    return merged;
}

void cl_count_in(cl_state *cl, int64_t event, int32_t day, cl_placement *out)
{
    memset(out, 0, sizeof *out);
    event = cl_resolve(cl, CL_EVENT, event);
    cl_cluster *e = cluster_at(&cl->events, event);
    e->size++;
    widen(e, day);
    e->dirty = true;
    out->event = event;
    out->storyline = e->parent = cl_resolve(cl, CL_STORYLINE, e->parent);
    if (e->parent) {
        cl_cluster *s = cluster_at(&cl->storylines, e->parent);
        s->size++;
        widen(s, day);
        s->dirty = true;
    }
}

/* ---- persistence -------------------------------------------------------- */

const char *cl_load(cl_state *cl, const cl_row *row)
{
    if (row->id < 1) return "an id below 1";
    size_t n = row->centroid_len / 8;
    if (row->centroid_len % 8 || n > UINT32_MAX / 2) return "a centroid of broken length";
    const unsigned char *p = row->centroid;
    uint32_t prev = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t id;
        float w;
        memcpy(&id, p + 8 * i, 4);
        memcpy(&w, p + 8 * i + 4, 4);
        if (id >= cl->terms.n) return "a centroid naming a term that is not stored";
        if (i && id <= prev) return "a centroid out of order";
        if (!isfinite(w)) return "a centroid weight that is not a number";
        prev = id;
    }
    cl_set *s = row->level == CL_EVENT ? &cl->events : &cl->storylines;
    cl_cluster *c = cluster_at(s, row->id);
    if (row->merged_into) {   /* gone: only where it went is kept */
        c->merged_into = row->merged_into;
        c->used = false;
        return NULL;
    }
    c->parent = row->parent;
    c->first = row->first;
    c->last = row->last;
    c->stated = row->stated;
    c->size = row->size;
    c->used = true;
    free(c->ids);
    free(c->w);
    c->ids = xmalloc((n + 1) * sizeof *c->ids);
    c->w = xmalloc((n + 1) * sizeof *c->w);
    for (size_t i = 0; i < n; i++) {
        memcpy(&c->ids[i], p + 8 * i, 4);
        memcpy(&c->w[i], p + 8 * i + 4, 4);
    }
    c->n = (uint32_t)n;
    c->norm_n = c->name_norm_n = c->heads_at = 0;
    return NULL;
}

int64_t cl_ids_used(const cl_state *cl, cl_level level)
{
    return (int64_t)(level == CL_EVENT ? cl->events.c.n : cl->storylines.c.n);
}

void cl_ids_reserve(cl_state *cl, cl_level level, int64_t n)
{
    if (n > 0) cluster_at(level == CL_EVENT ? &cl->events : &cl->storylines, n);
}

const char *cl_postings_load(cl_state *cl, cl_level level, uint32_t term, const uint32_t *pos, size_t n)
{
    cl_set *s = level == CL_EVENT ? &cl->events : &cl->storylines;
    if (term >= cl->terms.n) return "a posting list of a term that is not stored";
    if (n > CL_POSTINGS_PER_TERM) return "a posting list too long";
    for (size_t i = 0; i < n; i++)
        if (pos[i] >= s->c.n) return "a posting list naming a cluster that is not stored";
    grow_postings(s, term);
    cl_postings *pl = &s->post.v[term];
    s->entries -= pl->n;
    pl->n = 0;
    for (size_t i = 0; i < n; i++) VEC_PUSH(*pl, pos[i]);
    s->entries += n;
    return NULL;
}

const char *cl_postings_replay(cl_state *cl, cl_level level, const uint32_t *pairs, size_t n)
{
    cl_set *s = level == CL_EVENT ? &cl->events : &cl->storylines;
    if (n % 2) return "a posting log of an odd length";
    for (size_t i = 0; i < n; i += 2) {
        if (pairs[i] >= cl->terms.n) return "a posting log naming a term that is not stored";
        if (pairs[i + 1] >= s->c.n) return "a posting log naming a cluster that is not stored";
    }
    for (size_t i = 0; i < n; i += 2) post_logged(s, pairs[i], pairs[i + 1], false);
    return NULL;
}

void cl_postings_log(const cl_state *cl, cl_level level, const uint32_t **pairs, size_t *n)
{
    const cl_set *s = level == CL_EVENT ? &cl->events : &cl->storylines;
    *pairs = s->log.v;
    *n = s->log.n;
}

bool cl_postings_snapshot_due(const cl_state *cl)
{
    uint64_t pending = cl->events.pending + cl->storylines.pending;
    return pending > 0 && pending >= cl->events.entries + cl->storylines.entries;
}

/* Stores of schema 3 and before kept no posting lists: each cluster is
 * indexed under the heaviest terms of its centroid, and every list is
 * stored with the next batch. */
void cl_index_centroids(cl_state *cl)
{
    cl_set *sets[2] = {&cl->events, &cl->storylines};
    for (int k = 0; k < 2; k++)
        for (size_t i = 0; i < sets[k]->c.n; i++) {
            cl_cluster *c = &sets[k]->c.v[i];
            if (!c->used) continue;
            cl_vec v = {c->ids, c->w, c->n};
            index_terms(cl, sets[k], (uint32_t)i, &v);
        }
}

void cl_postings_dirty(cl_state *cl, cl_postings_fn fn, void *ctx)
{
    cl_set *sets[2] = {&cl->events, &cl->storylines};
    for (int k = 0; k < 2; k++)
        for (size_t i = 0; i < sets[k]->dirty_terms.n; i++) {
            uint32_t t = sets[k]->dirty_terms.v[i];
            fn(k ? CL_STORYLINE : CL_EVENT, t, sets[k]->post.v[t].v, sets[k]->post.v[t].n, ctx);
        }
}

static void emit(cl_state *cl, cl_set *s, cl_level level, cl_row_fn fn, void *ctx)
{
    for (size_t i = 0; i < s->c.n; i++) {
        cl_cluster *c = &s->c.v[i];
        if (!c->dirty || (!c->used && !c->merged_into)) continue;
        buf_clear(&cl->blob);
        for (uint32_t k = 0; k < c->n; k++) {
            buf_append(&cl->blob, (const char *)&c->ids[k], 4);
            buf_append(&cl->blob, (const char *)&c->w[k], 4);
        }
        /* a chain of merges in one batch is told by its end */
        int64_t into = c->merged_into ? cl_resolve(cl, level, c->id) : 0;
        if (level == CL_EVENT) c->parent = cl_resolve(cl, CL_STORYLINE, c->parent);   /* its storyline may be gone */
        cl_row row = {level, c->id, c->parent, into, c->first, c->last, c->size, c->stated, c->created,
                      cl->blob.data, cl->blob.len};
        fn(&row, ctx);
    }
}

void cl_dirty(cl_state *cl, cl_row_fn fn, void *ctx)
{
    emit(cl, &cl->events, CL_EVENT, fn, ctx);
    emit(cl, &cl->storylines, CL_STORYLINE, fn, ctx);
}

void cl_clean(cl_state *cl, bool snapshot)
{
    cl_set *sets[2] = {&cl->events, &cl->storylines};
    for (int k = 0; k < 2; k++) {
        sets[k]->log.n = 0;
        if (!snapshot) continue;
        for (size_t i = 0; i < sets[k]->dirty_terms.n; i++) sets[k]->post_dirty.v[sets[k]->dirty_terms.v[i]] = 0;
        sets[k]->dirty_terms.n = 0;
        sets[k]->pending = 0;
    }
    for (size_t i = 0; i < cl->events.c.n; i++) cl->events.c.v[i].dirty = cl->events.c.v[i].created = false;
    for (size_t i = 0; i < cl->storylines.c.n; i++)
        cl->storylines.c.v[i].dirty = cl->storylines.c.v[i].created = false;
}
