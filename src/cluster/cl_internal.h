/* cl_internal.h: private to the cluster stage: the state behind cl_state. */
#ifndef SL_CL_INTERNAL_H
#define SL_CL_INTERNAL_H

#include "cluster.h"

#include <stdio.h>

/* A centroid: sum of member vectors, ids ascending, pruned to CL_KEEP terms. */
typedef struct cl_cluster {
    int64_t  id, parent;
    int32_t  first, last;
    uint32_t size;
    uint32_t n, cap;
    uint32_t *ids;
    float    *w;
    bool     dirty, used;
    bool     created;          /* since the last cl_clean: not stored yet */
    bool     stated;           /* a member's day was given, not guessed from its text */
    int64_t  merged_into;      /* the cluster that took this one in, or 0 */
    uint32_t stamp;            /* candidate dedup within one placement */
    int32_t  last_term;        /* query term that last added to acc */
    float    acc;              /* query weight shared with the document */
    uint32_t link_stamp;       /* best_storyline: link_ are of this call */
    double   link_all, link_names, link_subject;   /* best cosines of a member event */
    double   norm, name_norm;  /* lengths under the weights of ... */
    uint64_t norm_n, name_norm_n;   /* ... this many documents; 0: not known */
    uint32_t *heads, heads_n;  /* its heaviest terms (CL_F_CORE) under the weights of ... */
    uint64_t heads_at;         /* ... this many documents; 0: not known */
} cl_cluster;

typedef VEC(uint32_t) cl_postings;   /* cluster positions, append order */

typedef struct cl_set {
    VEC(cl_cluster) c;         /* position = id - 1 */
    VEC(cl_postings) post;     /* by term id: the newest CL_POSTINGS_PER_TERM */
    VEC(uint8_t)  post_dirty;  /* by term id: its list changed since the last snapshot
                                  (cl_clean(cl, true)) */
    VEC(uint32_t) dirty_terms; /* those terms */
    VEC(uint32_t) log;         /* (term, position) pairs posted since cl_clean, in order */
    uint64_t entries;          /* positions held in all lists */
    uint64_t pending;          /* pairs posted since the last snapshot */
    VEC(uint32_t) cand;        /* candidate positions of one placement */
    VEC(double)   acc;         /* their shared query weights, for selection */
    uint32_t stamp;
} cl_set;

/* ---- learned decisions (model.c) ---- */
/* The features of a decision, in the model file's names: per-class cosines
 * (words, people, other names, all terms), the days between (log1p), no
 * days to compare, one side naming no people / no other names, and the
 * candidate's size (ln); for a storyline, the cosine (of all terms, of
 * other names) of its member event most like the document; subject and
 * event_subject: the geometric mean of the words' and other names'
 * cosines (of the centroid, of that event), high only when both are alike
 * (two uprisings share their words, not their places); name_share: the
 * share of the document's other-name mentions (not weighed by rarity) whose
 * names the candidate holds at all, high when the lasting names of a
 * subject (its places, its companies) are there, however many rarer names
 * either side adds; core: the share of the document's length (weight
 * times idf) on the candidate's heaviest terms, what it is most about,
 * which unlike a cosine does not fall as a storyline grows and spreads.
 * bias is always 1. */
typedef enum cl_feature {
    CL_F_BIAS, CL_F_WORDS, CL_F_PEOPLE, CL_F_NAMES, CL_F_ALL, CL_F_GAP, CL_F_UNDATED,
    CL_F_NO_PEOPLE, CL_F_NO_NAMES, CL_F_SIZE, CL_F_EVENT, CL_F_EVENT_NAMES, CL_F_SUBJECT,
    CL_F_EVENT_SUBJECT, CL_F_NAME_SHARE, CL_F_CORE, CL_NFEAT
} cl_feature;
/* storyline: does a document that opens an event belong to a candidate
 * storyline; storyline_merge: are two storylines one (cl_sweep). */
typedef enum cl_decision { CL_D_STORYLINE, CL_D_STORYLINE_MERGE, CL_NDECISION } cl_decision;
/* A decision is taken when its probability is at least its threshold
 * (chosen by scripts/fit-model on the training data; 0.5 if not given). */
typedef struct cl_model {
    double w[CL_NDECISION][CL_NFEAT];
    double threshold[CL_NDECISION];
} cl_model;

double cl_model_p(const cl_model *m, cl_decision d, const double f[CL_NFEAT]);
bool   cl_model_parse(cl_model *m, const char *text, size_t len, char *why, size_t why_len);
extern const char cl_model_builtin[];   /* data/model/cluster.tsv, by scripts/text-table */

struct cl_state {
    map       vocab;           /* term -> id */
    VEC(char *) terms;         /* id -> term */
    VEC(uint32_t) df;
    VEC(float)    log_df;      /* ln(1 + df), kept with df: weights without a log call */
    VEC(uint8_t)  df_dirty;    /* DF_BATCH, DF_SNAPSHOT (vocab.c) */
    VEC(uint8_t)  term_class;  /* by term id: cl_term_class */
    VEC(uint32_t) dirty_ids;   /* frequency changed in this batch */
    VEC(uint32_t) snap_ids;    /* stored terms changed since the last snapshot */
    VEC(uint32_t) df_log;      /* this batch's (id, df) pairs (cl_vocab_log) */
    uint32_t  terms_stored;    /* terms with a row in the store: ids below */
    uint64_t  df_pending;      /* pairs in the store's log since the last snapshot */
    uint64_t  ndocs;
    double    log_n;           /* ln(1 + ndocs) */
    cl_set    events, storylines;
    VEC(float) dense;          /* cl_scatter: zero but while a document is placed */
    cl_params params;
    uint32_t  link_stamp;
    cl_model  model;           /* learned decisions (model.c) */
    FILE     *dump;            /* features of every decision, for fitting */
    const char *dump_doc;      /* the document being placed, as dump names it */
    buf       blob;
};

/* What a term is: a person ("p:" actor term), another name (actor, name
 * pair, year), or a word. */
enum { CL_TERM_OTHER = 0, CL_TERM_PERSON = 1, CL_TERM_NAME = 2, CL_NCLASS = 3 };
uint8_t cl_term_class(const char *t, size_t n);

double cl_idf(const cl_state *cl, uint32_t id);
/* Length of v under the current weights, and the dot product of two
 * vectors; with names, over the name terms alone (people, other actors,
 * name pairs, years). */
double cl_norm(const cl_state *cl, const cl_vec *v, bool names);
/* The document being placed, spread over a dense array by term id (on), or
 * taken off it again (!on), so that its dot product with a centroid is one
 * pass over the centroid. The array holds weight times idf squared under
 * the weights of the moment: scatter again after the stream grows. */
void   cl_scatter(cl_state *cl, const cl_vec *v, bool on);
double cl_dot_scattered(const cl_state *cl, const cl_vec *c, bool names);
/* Per class of term: c's dot product with the scattered document, and the
 * squared length of c (cl_dot_classes) or of v (cl_len2_classes). */
void   cl_dot_classes(const cl_state *cl, const cl_vec *c, double dot[CL_NCLASS], double len2[CL_NCLASS]);
void   cl_len2_classes(const cl_state *cl, const cl_vec *v, double len2[CL_NCLASS]);


#endif
