/* cl_internal.h: private to the cluster stage: the state behind cl_state. */
#ifndef SL_CL_INTERNAL_H
#define SL_CL_INTERNAL_H

#include "cluster.h"

/* A centroid: sum of member vectors, ids ascending, pruned to CL_KEEP terms. */
typedef struct cl_cluster {
    int64_t  id, parent;
    int32_t  first, last;
    uint32_t size;
    uint32_t n, cap;
    uint32_t *ids;
    float    *w;
    bool     dirty, used;
    bool     stated;           /* a member's day was given, not guessed from its text */
    int64_t  merged_into;      /* the cluster that took this one in, or 0 */
    uint32_t stamp;            /* candidate dedup within one placement */
    int32_t  last_term;        /* query term that last added to acc */
    float    acc;              /* query weight shared with the document */
    double   norm, name_norm;  /* lengths under the weights of ... */
    uint64_t norm_n, name_norm_n;   /* ... this many documents; 0: not known */
} cl_cluster;

typedef VEC(uint32_t) cl_postings;   /* cluster positions, append order */

typedef struct cl_set {
    VEC(cl_cluster) c;         /* position = id - 1 */
    VEC(cl_postings) post;     /* by term id */
    VEC(uint32_t) cand;        /* candidate positions of one placement */
    VEC(double)   acc;         /* their shared query weights, for selection */
    uint32_t stamp;
} cl_set;

struct cl_state {
    map       vocab;           /* term -> id */
    VEC(char *) terms;         /* id -> term */
    VEC(uint32_t) df;
    VEC(float)    log_df;      /* ln(1 + df), kept with df: weights without a log call */
    VEC(uint8_t)  df_dirty;
    VEC(uint8_t)  term_class;  /* by term id: cl_term_class */
    VEC(uint32_t) dirty_ids;
    size_t    terms_told;      /* terms below this id were reported (cl_vocab_dirty) */
    uint64_t  ndocs;
    double    log_n;           /* ln(1 + ndocs) */
    cl_set    events, storylines;
    VEC(float) dense;          /* cl_scatter: zero but while a document is placed */
    cl_params params;
    buf       blob;
};

/* What a term is: a person ("p:" actor term), another name (actor, name
 * pair, year), or a word. */
enum { CL_TERM_OTHER = 0, CL_TERM_PERSON = 1, CL_TERM_NAME = 2 };
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

#endif
