/* cluster.h: the cluster stage: documents into events, events into
 * storylines, online, one document at a time.
 *
 * A document is a sparse vector of sublinear term counts; weights by inverse
 * document frequency are applied when vectors are compared, so that stored
 * centroids stay valid as the vocabulary's statistics change. Candidate
 * clusters come from an inverted index on terms, so the work per document
 * does not grow with the number of clusters. Internal symbols use cl_. */
#ifndef SL_CLUSTER_H
#define SL_CLUSTER_H

#include "../analyze/analyze.h"
#include "../core/core.h"

#include <stdio.h>

/* A sparse vector, ids ascending. */
typedef struct cl_vec {
    uint32_t *id;
    float    *w;
    uint32_t  n;
} cl_vec;

typedef struct cl_state cl_state;   /* owns vocabulary, events, storylines */

cl_state *cl_new(void);
void      cl_free(cl_state *cl);

/* ---- vocabulary ---- */
void     cl_vocab_load(cl_state *cl, uint32_t id, const char *term, size_t len, uint32_t df);
void     cl_set_ndocs(cl_state *cl, uint64_t n);
uint64_t cl_ndocs(const cl_state *cl);
/* The document's vector (in a); counts the document in the statistics. */
void     cl_vectorize(cl_state *cl, const an_doc *doc, arena *a, cl_vec *out);
/* Terms are stored as rows (id, term, frequency) and a log of the
 * frequencies changed since the rows were written. A batch stores its new
 * terms as rows (cl_vocab_new) and the (id, frequency) pairs of the stored
 * terms it changed as its log (cl_vocab_log); when cl_vocab_snapshot_due,
 * every term whose row differs from memory instead (cl_vocab_dirty: new or
 * changed since the last snapshot), the log then emptied. A batch's
 * frequencies fall on rows all over the table: at a million synthetic
 * articles, rewriting them was 36% of the pages a batch wrote to the WAL,
 * where its log is a few pages. Due when the log holds four times as many
 * pairs as there are stored terms: reading a pair back is a store into an
 * array, rewriting the rows rewrites most of the table. cl_vocab_clean
 * (snapshot: whether the batch wrote the rows) after the batch is stored.
 * Taken in after the rows (cl_vocab_load): the log in the order stored
 * (cl_vocab_replay: NULL, or why it cannot be one, nothing of it taken in). */
typedef void (*cl_term_fn)(uint32_t id, const char *term, size_t len, uint32_t df, void *ctx);
void        cl_vocab_new(const cl_state *cl, cl_term_fn fn, void *ctx);
void        cl_vocab_log(cl_state *cl, const uint32_t **pairs, size_t *n);
bool        cl_vocab_snapshot_due(const cl_state *cl);
void        cl_vocab_dirty(const cl_state *cl, cl_term_fn fn, void *ctx);
void        cl_vocab_clean(cl_state *cl, bool snapshot);
const char *cl_vocab_replay(cl_state *cl, const uint32_t *pairs, size_t n);
/* Cosine similarity of two document vectors under the current weights. */
double   cl_similarity(const cl_state *cl, const cl_vec *a, const cl_vec *b);
/* Similarity of a document vector to an event's centroid, or -1. */
double   cl_event_similarity(const cl_state *cl, int64_t event, const cl_vec *v);

/* ---- clusters ---- */
typedef enum cl_level { CL_EVENT = 0, CL_STORYLINE = 1 } cl_level;

typedef struct cl_placement {
    int64_t event, storyline;
    bool    new_event, new_storyline;
    bool    merged;                          /* two events became one (cl_place) */
    double  event_score, storyline_score;   /* best candidate's score */
} cl_placement;

/* Place a document (day may be DAY_NONE) into an event and a storyline,
 * creating either if nothing is close enough. day_inferred: the day was
 * guessed from the text, not given; it then only rules out events far
 * away (see cl_params.inferred_max_gap). */
void cl_place(cl_state *cl, const cl_vec *v, int32_t day, bool day_inferred, cl_placement *out);
/* The event a document joined may turn out to be one with the runner-up
 * candidate: when their centroids are close enough (merge_threshold), the
 * smaller is merged into the larger (and, if it was all of its storyline,
 * that storyline into the larger's). out->event then names the event that
 * stays. cl_dirty reports the merged clusters (cl_row.merged_into); until
 * it is called, cl_resolve maps a merged id to the cluster that took it. */
int64_t cl_resolve(const cl_state *cl, cl_level level, int64_t id);
/* Second look at a document that opened an event of its own: if that event
 * still holds only it and another event now scores at least
 * revisit_threshold (events grow as the batch goes on), move the document
 * there; its own event (and its storyline, if it held only it) is dropped
 * before it is ever stored. Call before the clusters are written (cl_dirty).
 * Returns true and updates *where if the document moved; *dropped_storyline
 * tells whether its storyline went with its event. */
bool cl_revisit(cl_state *cl, const cl_vec *v, int32_t day, bool day_inferred, cl_placement *where,
                bool *dropped_storyline);
/* Second look at a document whose event holds others too (and which joined
 * it with a score below reassign_below): if, without it,
 * another event scores at least event_threshold and reassign_margin times
 * its own, it moves there (and to that event's storyline). Returns true and
 * updates *where if it moved. */
bool cl_reassign(cl_state *cl, const cl_vec *v, int32_t day, bool day_inferred, cl_placement *where);
/* Count a document (a near-duplicate) in an existing event (or the one it
 * was merged into) and its storyline without changing their centroids. */
void cl_count_in(cl_state *cl, int64_t event, int32_t day, cl_placement *out);
/* At the end of a batch, once its documents are placed and looked at again:
 * each event changed since the last cl_clean is compared with the events it
 * shares the most heavy terms with (through the index, as a document is),
 * and pairs whose centroids are sweep_threshold alike merge, most alike
 * first, as in cl_place (same time and leading-people rules). An event
 * first reported in words another did not use, or split by an early
 * document that opened its own, becomes one once both have grown. Then
 * each storyline changed since the last cl_clean is compared with its
 * candidates, and pairs the storyline_merge model calls one merge (model.c).
 * Returns the number of event merges. */
uint32_t cl_sweep(cl_state *cl);

/* A cluster as stored: the centroid as a blob of (uint32 id, float w)
 * pairs, little-endian. */
typedef struct cl_row {
    cl_level    level;
    int64_t     id, parent;      /* parent: an event's storyline; 0 for storylines */
    int64_t     merged_into;     /* not 0: this cluster was merged into that one
                                    (same level) and is gone; its members
                                    belong to that one */
    int32_t     first, last;     /* DAY_NONE if no dated document */
    uint32_t    size;
    bool        stated;          /* a member's day was given, not inferred */
    bool        created;         /* new since the last cl_clean (cl_dirty) */
    const void *centroid;
    size_t      centroid_len;
} cl_row;

/* Take in a stored cluster (the vocabulary first: centroids name terms).
 * Returns NULL, or why the row cannot be a cluster (nothing taken in):
 * an id below 1, a centroid that is not whole pairs, names a term not
 * loaded, is not in ascending order or has a weight that is not finite. */
const char *cl_load(cl_state *cl, const cl_row *row);
/* Ids handed out so far per level (cl_ids_used), stored and taken in again
 * (cl_ids_reserve, after the clusters) so that a run started again hands
 * out the ids an uninterrupted run would: an id can be used and dropped
 * in one batch, never stored. */
int64_t     cl_ids_used(const cl_state *cl, cl_level level);
void        cl_ids_reserve(cl_state *cl, cl_level level, int64_t n);

/* The candidate index (the newest clusters posted under each term) is
 * stored as a snapshot of its lists and a log of what was posted since.
 * A batch stores its log (cl_postings_log: (term, position) pairs, in the
 * order posted) and, when cl_postings_snapshot_due, the lists instead
 * (cl_postings_dirty: each list changed since the last snapshot, cluster
 * positions id - 1, oldest first), the log then emptied. Due when the log
 * holds as many pairs as the lists hold positions: a batch writes a few
 * pages of log where rewriting the lists it touched wrote thousands (at a
 * million synthetic articles, 58% of the pages a batch wrote to the WAL),
 * and reading a store back replays at most as much log as it loads lists.
 *
 * Taken in after the clusters: the lists (cl_postings_load), then the log
 * in the order stored (cl_postings_replay); each returns NULL or why its
 * input cannot be one (nothing of it taken in). A store that kept neither
 * (before schema 4) has them rebuilt from the centroids
 * (cl_index_centroids). */
const char *cl_postings_load(cl_state *cl, cl_level level, uint32_t term, const uint32_t *pos, size_t n);
const char *cl_postings_replay(cl_state *cl, cl_level level, const uint32_t *pairs, size_t n);
void        cl_index_centroids(cl_state *cl);
void        cl_postings_log(const cl_state *cl, cl_level level, const uint32_t **pairs, size_t *n);
bool        cl_postings_snapshot_due(const cl_state *cl);
typedef void (*cl_postings_fn)(cl_level level, uint32_t term, const uint32_t *pos, size_t n, void *ctx);
void        cl_postings_dirty(cl_state *cl, cl_postings_fn fn, void *ctx);
typedef void (*cl_row_fn)(const cl_row *row, void *ctx);
/* Clusters changed since the last cl_clean, events first. */
void cl_dirty(cl_state *cl, cl_row_fn fn, void *ctx);
/* After a batch is stored: clusters and the log are clean; the lists too
 * when the batch stored them (snapshot). */
void cl_clean(cl_state *cl, bool snapshot);

/* Thresholds; see online.c for where the defaults come from. */
typedef struct cl_params {
    double event_threshold;      /* min score to join an event */
    int    event_max_gap;        /* days beyond which an event is not a candidate */
    double event_gap_scale;      /* days over which the time factor decays by e */
    int    event_grace;          /* days apart that cost nothing */
    int    event_span;           /* days since an event's first beyond which
                                    its score decays (by e every
                                    event_gap_scale days) */
    double event_near_boost;     /* the score's factor within the grace days */
    int    inferred_max_gap;     /* days beyond which an event is not a
                                    candidate for a document with an inferred day */
    double event_size_damping;   /* an event's score is divided by
                                    1 + this * ln(size) */
    double revisit_threshold;    /* min score to move a lone document (cl_revisit) */
    double reassign_margin;      /* another event must score this many times a
                                    document's own to take it (cl_reassign) */
    double reassign_below;       /* only documents placed with a lower score
                                    are looked at again (cl_reassign) */
    double merge_threshold;      /* min similarity of two events' centroids
                                    for them to merge (within event_max_gap,
                                    or inferred_max_gap for guessed days, and
                                    under the time prior when both are dated) */
    double sweep_threshold;      /* the same at the end of a batch (cl_sweep) */
    double conflict_factor;      /* an event whose leading people the document
                                    does not name, while it names others, has
                                    its similarity multiplied by this */
} cl_params;
cl_params *cl_params_of(cl_state *cl);

/* The weights of the learned decisions, as the text of a model file
 * (data/model/cluster.tsv: decision, feature, weight, tab-separated); the
 * built-in ones otherwise. False, with the reason in why, if the text is
 * not one; the weights in use are then unchanged. */
bool cl_model_set(cl_state *cl, const char *text, size_t len, char *why, size_t why_len);
/* Write the features of every decision to f (NULL: stop), each line naming
 * the document set by cl_dump_doc, for scripts/fit-model:
 *   S doc candidate feature...   a storyline scored for a document
 *   P doc event storyline        where the document was placed
 *   M storyline storyline feature...   two storylines the sweep compared */
void cl_dump_to(cl_state *cl, FILE *f);
void cl_dump_doc(cl_state *cl, const char *doc);

#endif
