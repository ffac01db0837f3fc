/* engine.h: the pipeline driver: the sl_engine behind the public API.
 *
 * The engine owns each stage's long-lived state (analyzer, vocabulary and
 * clusters, duplicate index, database) and runs every page through read,
 * extract, analyze, dedup, cluster and store, in batches. It holds no
 * pipeline logic of its own beyond ordering and bookkeeping. */
#ifndef SL_ENGINE_H
#define SL_ENGINE_H

#include "storyline.h"
#include "../core/core.h"
#include "../analyze/analyze.h"
#include "../cluster/cluster.h"
#include "../dedup/dedup.h"
#include "../read/read.h"
#include "../store/store.h"

/* Where a page is on its way through eg_prepare (pool.c). */
typedef enum eg_state { EG_QUEUED, EG_RUNNING, EG_READY } eg_state;

/* A document waiting in the batch, with its own arena. */
typedef struct eg_pending {
    arena      a;
    sl_page    page;         /* the page as given, copied into a */
    const char *fail;        /* why the page holds no article, or NULL */
    eg_state   state;        /* set and read under the pool's lock */
    struct eg_pending *next; /* the pool's queue */
    sl_article art;
    an_doc     doc;
    dd_sig     sig;
    size_t     seq;          /* arrival order, to keep the sort stable */
    int64_t    copy_of;      /* dedup: -1, a stored row, or -(batch index + 2) */
    int64_t    dd_slot;      /* this article's slot in the duplicate index */
    int64_t    row;          /* its row once stored */
    int64_t    placed_event; /* its event once clustered */
    cl_placement where;      /* its event and storyline once clustered */
    const char *dup_of;      /* id of the article it copies, or NULL */
    bool       has_copy;     /* a later article of the batch copies it */
    int32_t    day;          /* art.published, or DAY_NONE if that is weak
                                (an_infer_published): the day clustering uses */
    cl_vec     vec;
    sl_analysis facts;       /* names, quotes, times (char offsets) */
} eg_pending;

/* Articles per transaction; a batch is sorted by publication date before
 * clustering. */
#define EG_BATCH 512
/* Full batches the workers may prepare ahead of the one being clustered
 * and stored: a batch whose commit stalls on the disk or on a merge of the
 * full-text index (up to seconds at a million articles) no longer leaves
 * the workers idle once they have prepared the next one. A crash loses
 * the pages of these and of the filling batch, never a stored one (the
 * next run reads them again). */
#define EG_AHEAD 4

/* Pages in flight: documents in arrival order and their ids. */
typedef struct eg_batch {
    VEC(eg_pending *) p;
    map ids;
} eg_batch;

typedef struct eg_pool eg_pool;

struct sl_engine {
    err_slot        err;
    st_db          *db;
    cl_state       *cl;
    dd_index       *dd;
    an_analyzer    *an;
    rd_manifest    *manifest;
    sl_limits       limits;  /* as given (zero fields: defaults; limits.c) */
    sl_warn_fn      warn;
    void           *warn_ctx;
    sl_progress_fn  progress;
    void           *progress_ctx;
    eg_batch        filling; /* pages as they arrive */
    eg_batch        sealed[EG_AHEAD];   /* full batches, being prepared, in order: */
    int             first_sealed, n_sealed;   /* the oldest, committed next, and how many */
    eg_pool        *pool;    /* worker threads, or NULL: prepare inline */
    int             jobs;    /* threads at work, the calling one counted (sl_set_jobs) */
    FILE           *dump;    /* SL_DUMP: the clustering's features, or NULL */
    VEC(cl_row)     merged;  /* clusters merged away in the batch being stored */
    double          prof[7]; /* STORYLINE_PROFILE: seconds per step (ingest.c) */
    long            prof_batches;
    size_t          seq;
    bool            broken;  /* a database error left memory and file apart */
    bool            writer, no_wait;   /* opened SL_OPEN_WRITE (and SL_OPEN_NO_WAIT) */
    st_lock        *lock;    /* the writer's lock, while held */
    bool            loaded;  /* cl and dd hold the file's state ... */
    int64_t         generation;   /* ... as of this generation */
    arena           scratch; /* sl_extract_page's article */
    sl_article      extracted;
    buf             tmp;
};

void eg_warn(sl_engine *e, const char *msg);

/* Writing: take the writer's lock if not held (waiting for another writer,
 * unless SL_OPEN_NO_WAIT) and bring the clustering state up to the file's
 * (engine.c); every write goes through it. eg_writer_release lets another
 * writer in (watch, between rounds); the next eg_writer_take reloads what
 * it wrote. */
sl_status eg_writer_take(sl_engine *e);
void      eg_writer_release(sl_engine *e);



/* The public form of a text's facts, with character offsets (analysis.c). */
void eg_fill_analysis(arena *a, const char *text, size_t len, const an_facts *f, const char *id,
                      sl_analysis *out);

/* Extract, analyze and sign the page of p, on any thread (ingest.c). */
void eg_prepare(an_analyzer *an, eg_pending *p);
/* Cluster and store every page in flight, batch by batch, each in one
 * transaction (ingest.c). */
sl_status eg_commit_batch(sl_engine *e, sl_ingest_stats *stats);
void eg_batch_free(eg_batch *b);

/* Worker threads for eg_prepare (pool.c). eg_pool_new returns NULL if no
 * thread starts; eg_pool_free joins them (queued jobs are left undone). */
eg_pool *eg_pool_new(int workers);
void     eg_pool_free(eg_pool *p);
void     eg_pool_submit(eg_pool *p, eg_pending *j);
/* Return once j is prepared, preparing queued pages with own meanwhile. */
void     eg_pool_wait(eg_pool *p, eg_pending *j, an_analyzer *own);
/* Refresh headline and summary of every changed cluster (summarize.c). */
sl_status eg_summarize_stale(sl_engine *e);
#endif
