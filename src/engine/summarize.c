/* summarize.c: refreshing the headline and summary of every event and
 * storyline whose articles changed, in one transaction at the end of a run.
 * The calling thread reads each cluster's articles and stores its summary;
 * the summaries themselves are made by as many threads as ingest has jobs
 * (sl_set_jobs), a chunk of clusters at a time, each from its own
 * articles alone, so the result is the same with any number of jobs.
 *
 * A run that stops before this leaves those clusters marked stale in the
 * database, and the next run summarizes them. */
#include "engine.h"
#include "../summarize/summarize.h"

#include <jansson.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

/* Articles read per cluster: the earliest ones carry the story's lead. */
#define EG_SUMMARY_ARTICLES 24
#define EG_EVENT_SENTENCES 3
#define EG_STORYLINE_SENTENCES 5
/* Clusters read, summarized and stored at a time. */
#define EG_SUMMARY_CHUNK 64

typedef struct {
    VEC(su_article) arts;
    arena *a;
} members;

static void add_member(const st_member *m, void *ctx)
{
    members *ms = ctx;
    su_article s = {arena_strdup(ms->a, m->title), arena_strdup(ms->a, m->text), m->day,
                    m->duplicate_of != NULL};
    VEC_PUSH(ms->arts, s);
}

/* One cluster: its articles, read by the calling thread, and its summary. */
typedef struct stale {
    cl_level   level;
    int64_t    id;
    arena      a;
    members    ms;
    su_summary sum;
    bool       read;
} stale;

typedef struct {
    VEC(stale) v;
} stale_list;

static void add_stale(cl_level level, int64_t id, void *ctx)
{
    stale_list *l = ctx;
    stale s = {.level = level, .id = id};
    VEC_PUSH(l->v, s);
}

typedef struct {
    stale         *v;
    size_t         n;
    _Atomic size_t next;
} chunk;

static void *summarize_chunk(void *arg)
{
    chunk *c = arg;
    for (size_t i; (i = atomic_fetch_add(&c->next, 1)) < c->n;) {
        stale *s = &c->v[i];
        if (s->read)
            su_summarize(s->ms.arts.v, s->ms.arts.n, s->level == CL_EVENT ? EG_EVENT_SENTENCES : EG_STORYLINE_SENTENCES,
                         &s->a, &s->sum);
    }
    return NULL;
}

static void put_summary(sl_engine *e, const stale *s)
{
    json_t *arr = json_array();
    for (size_t i = 0; i < s->sum.n; i++) json_array_append_new(arr, json_string(s->sum.sentences[i]));
    char *js = json_dumps(arr, JSON_COMPACT);
    st_summary_put(e->db, s->level, s->id, s->sum.headline, js, &e->err);
    free(js);
    json_decref(arr);
}

/* Clusters v[0, n): read, summarized by up to e->jobs threads, stored. */
static void summarize_some(sl_engine *e, stale *v, size_t n)
{
    for (size_t i = 0; i < n && e->err.status == SL_OK; i++) {
        arena_init(&v[i].a);
        v[i].ms.a = &v[i].a;
        v[i].read = st_members(e->db, v[i].level, v[i].id, EG_SUMMARY_ARTICLES, add_member, &v[i].ms, &e->err) == SL_OK;
    }
    chunk c = {.v = v, .n = n};
    pthread_t th[7];
    int started = 0;
    for (int k = 1; k < e->jobs && k <= 7 && (size_t)k < n; k++)
        if (pthread_create(&th[started], NULL, summarize_chunk, &c) == 0) started++;
    summarize_chunk(&c);
    for (int k = 0; k < started; k++) pthread_join(th[k], NULL);
    for (size_t i = 0; i < n; i++) {
        if (v[i].read && e->err.status == SL_OK) put_summary(e, &v[i]);
        VEC_FREE(v[i].ms.arts);
        arena_reset(&v[i].a);
    }
}

sl_status eg_summarize_stale(sl_engine *e)
{
    sl_status st = eg_writer_take(e);
    if (st != SL_OK) return st;
    err_clear(&e->err);
    st = st_begin(e->db, &e->err);
    stale_list l = {0};
    if (st == SL_OK) st = st_stale_each(e->db, add_stale, &l, &e->err);
    for (size_t i = 0; st == SL_OK && i < l.v.n; i += EG_SUMMARY_CHUNK) {
        summarize_some(e, l.v.v + i, l.v.n - i < EG_SUMMARY_CHUNK ? l.v.n - i : EG_SUMMARY_CHUNK);
        st = (sl_status)e->err.status;
    }
    VEC_FREE(l.v);
    if (st == SL_OK) st = st_commit(e->db, &e->err);
    if (st != SL_OK) st_rollback(e->db);
    return st;
}
