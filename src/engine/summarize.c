/* summarize.c: refreshing the headline and summary of every event and
 * storyline whose articles changed, in one transaction at the end of a run.
 *
 * A run that stops before this leaves those clusters marked stale in the
 * database, and the next run summarizes them. */
#include "engine.h"
#include "../summarize/summarize.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

/* Articles read per cluster: the earliest ones carry the story's lead. */
#define EG_SUMMARY_ARTICLES 24
#define EG_EVENT_SENTENCES 3
#define EG_STORYLINE_SENTENCES 5

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

static void summarize_one(cl_level level, int64_t id, void *ctx)
{
    sl_engine *e = ctx;
    if (e->err.status != SL_OK) return;
    arena a;
    arena_init(&a);
    members ms = {.a = &a};
    su_summary sum;
    if (st_members(e->db, level, id, EG_SUMMARY_ARTICLES, add_member, &ms, &e->err) != SL_OK) {
        VEC_FREE(ms.arts);
        arena_reset(&a);
        return;
    }
    su_summarize(ms.arts.v, ms.arts.n, level == CL_EVENT ? EG_EVENT_SENTENCES : EG_STORYLINE_SENTENCES,
                 &a, &sum);
    json_t *arr = json_array();
    for (size_t i = 0; i < sum.n; i++) json_array_append_new(arr, json_string(sum.sentences[i]));
    char *js = json_dumps(arr, JSON_COMPACT);
    st_summary_put(e->db, level, id, sum.headline, js, &e->err);
    free(js);
    json_decref(arr);
    VEC_FREE(ms.arts);
    arena_reset(&a);
}

sl_status eg_summarize_stale(sl_engine *e)
{
    sl_status st = eg_writer_take(e);
    if (st != SL_OK) return st;
    err_clear(&e->err);
    st = st_begin(e->db, &e->err);
    if (st == SL_OK) st = st_stale_each(e->db, summarize_one, e, &e->err);
    if (st == SL_OK) st = (sl_status)e->err.status;
    if (st == SL_OK) st = st_commit(e->db, &e->err);
    if (st != SL_OK) st_rollback(e->db);
    return st;
}
