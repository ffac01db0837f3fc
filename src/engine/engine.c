/* engine.c: opening and closing an engine, errors and warnings, and the
 * public query functions, which hand over to the store.
 *
 * Not the ingest path (ingest.c). */
#include "engine.h"
#include "../extract/extract.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void default_warn(const char *msg, void *ctx)
{
    (void)ctx;
    fprintf(stderr, "storyline: %s\n", msg);
}

void eg_warn(sl_engine *e, const char *msg)
{
    if (e->warn) e->warn(msg, e->warn_ctx);
}

/* SL_MODEL: the clustering decisions' weights from a model file instead of
 * the built-in ones (bench/clusters fits one per cross-validation fold). */
static sl_status load_model(sl_engine *e, const char *path)
{
    buf text = {0};
    if (!buf_read_file(&text, path)) {
        buf_free(&text);
        return err_set(&e->err, SL_EIO, path, 0, "cannot read the model file");
    }
    char why[160];
    bool ok = cl_model_set(e->cl, text.data ? text.data : "", text.len, why, sizeof why);
    buf_free(&text);
    return ok ? SL_OK : err_set(&e->err, SL_EINPUT, path, 0, "not a model file: %s", why);
}

/* SL_EVENT_THRESHOLD: the event decision's threshold instead of the
 * built-in one (bench/clusters chooses it per cross-validation fold). */
static sl_status env_threshold(sl_engine *e)
{
    const char *v = getenv("SL_EVENT_THRESHOLD");
    if (!v || !*v) return SL_OK;
    char *end;
    double x = strtod(v, &end);
    if (*end || !(x > 0.0 && x < 1.0))
        return err_set(&e->err, SL_EUSAGE, NULL, 0, "SL_EVENT_THRESHOLD='%s': not a number between 0 and 1", v);
    cl_params_of(e->cl)->event_threshold = x;
    return SL_OK;
}

/* A fresh clustering state with the settings of the environment. */
static sl_status new_cluster_state(sl_engine *e)
{
    cl_free(e->cl);
    e->cl = cl_new();
    if (e->dump) cl_dump_to(e->cl, e->dump);   /* SL_DUMP, opened before a reload */
    sl_status st = env_threshold(e);
    const char *v = getenv("SL_MODEL");
    if (st == SL_OK && v && *v) st = load_model(e, v);
    return st;
}

static void tell_waiting(const char *msg, void *ctx) { eg_warn(ctx, msg); }

/* The writer's lock, and a state that is the file's: loaded when the lock
 * is first taken, loaded again if another writer committed since this one
 * last held it (watch lets go between rounds). */
sl_status eg_writer_take(sl_engine *e)
{
    if (e->lock && e->loaded) return SL_OK;
    if (e->broken) return SL_EDB;
    if (!e->writer || !e->db) return err_set(&e->err, SL_EUSAGE, NULL, 0, "the database was opened read-only");
    sl_status st = e->lock ? SL_OK : st_lock_take(st_path(e->db), !e->no_wait, tell_waiting, e, &e->lock, &e->err);
    if (st != SL_OK) return st;
    int64_t gen = 0;   /* st_generation leaves it unset when it fails */
    st = st_generation(e->db, &gen, &e->err);
    if (st == SL_OK && (!e->loaded || gen != e->generation)) {
        if (e->loaded) {
            dd_free(e->dd);
            e->dd = dd_new();
            st = new_cluster_state(e);
        }
        if (st == SL_OK) st = st_load(e->db, e->cl, e->dd, &e->err);
        e->loaded = st == SL_OK;
    }
    e->generation = gen;
    if (st != SL_OK) {
        e->broken = true;
        st_lock_release(e->lock);
        e->lock = NULL;
    }
    return st;
}

void eg_writer_release(sl_engine *e)
{
    st_lock_release(e->lock);
    e->lock = NULL;
    e->loaded = e->loaded && !e->broken;
}

sl_status sl_open(sl_engine **out, const char *db_path) { return sl_open_db(out, db_path, SL_OPEN_WRITE); }

sl_status sl_open_db(sl_engine **out, const char *db_path, int flags)
{
    ex_init();   /* the HTML parser's global setup, before any thread uses it */
    sl_engine *e = xcalloc(1, sizeof *e);
    *out = e;
    e->warn = default_warn;
    map_init(&e->filling.ids);
    for (int i = 0; i < EG_AHEAD; i++) map_init(&e->sealed[i].ids);
    arena_init(&e->scratch);
    e->an = an_new();
    e->dd = dd_new();
    sl_status st = new_cluster_state(e);
    if (st != SL_OK) return st;
    if (!e->an) return err_set(&e->err, SL_EIO, NULL, 0, "cannot start the English stemmer");
    if (!db_path) return SL_OK;   /* extract and analyze only */
    e->writer = flags & SL_OPEN_WRITE;
    e->no_wait = flags & SL_OPEN_NO_WAIT;
    if (!e->writer) return st_open(db_path, ST_READ, &e->db, &e->err);
    /* The lock before the file: a new file is made by one writer only. */
    st = st_lock_take(db_path, !e->no_wait, tell_waiting, e, &e->lock, &e->err);
    if (st == SL_OK) st = st_open(db_path, ST_WRITE, &e->db, &e->err);
    if (st == SL_OK) st = eg_writer_take(e);
    if (st != SL_OK) e->broken = true;
    return st;
}

void sl_close(sl_engine *e)
{
    if (!e) return;
    eg_pool_free(e->pool);   /* first: its threads may hold pages of the batches */
    eg_batch_free(&e->filling);
    for (int i = 0; i < EG_AHEAD; i++) eg_batch_free(&e->sealed[i]);
    VEC_FREE(e->merged);
    arena_reset(&e->scratch);
    buf_free(&e->tmp);
    /* a writer that made the file and stored nothing leaves nothing; the
     * lock goes last (and its file too, then: no one else knew the name) */
    if (e->lock && st_close_discarding(e->db)) {
        st_lock_forget(e->lock);
        e->lock = NULL;
    } else {
        st_close(e->db);
    }
    st_lock_release(e->lock);
    cl_free(e->cl);
    if (e->dump) fclose(e->dump);
    dd_free(e->dd);
    an_free(e->an);
    rd_manifest_free(e->manifest);
    free(e);
}

const char *sl_errmsg(const sl_engine *e) { return e ? e->err.msg : "no engine"; }

void sl_set_warn(sl_engine *e, sl_warn_fn fn, void *ctx)
{
    e->warn = fn ? fn : default_warn;
    e->warn_ctx = fn ? ctx : NULL;
}

void sl_set_progress(sl_engine *e, sl_progress_fn fn, void *ctx) { e->progress = fn; e->progress_ctx = ctx; }

sl_status sl_set_jobs(sl_engine *e, int jobs)
{
    if (e->filling.p.n || e->n_sealed)
        return err_set(&e->err, SL_EINPUT, NULL, 0, "the number of jobs is set before ingesting");
    eg_pool_free(e->pool);
    e->pool = NULL;
    /* The calling thread is one of the jobs: it clusters and stores, and
     * prepares pages whenever it would otherwise wait. */
    e->jobs = 1;
    if (jobs > 1 && !(e->pool = eg_pool_new(jobs - 1)))
        return err_set(&e->err, SL_EIO, NULL, 0, "cannot start %d worker threads", jobs - 1);
    e->jobs = jobs > 1 ? jobs : 1;
    return SL_OK;
}

sl_status sl_load_manifest(sl_engine *e, const char *tsv_path)
{
    rd_manifest *m;
    sl_status st = rd_manifest_load(tsv_path, &m, &e->err);
    if (st != SL_OK) return st;
    rd_manifest_free(e->manifest);
    e->manifest = m;
    return SL_OK;
}

sl_status sl_extract_page(sl_engine *e, const sl_page *page, const sl_article **out)
{
    arena_clear(&e->scratch);
    sl_status st = ex_extract(page, &e->scratch, &e->extracted, &e->err);
    *out = st == SL_OK ? &e->extracted : NULL;
    return st;
}

void sl_day_format(int32_t day, char out[11]) { day_format(day, out); }

/* Each query reads one moment of the file, whatever a writer commits
 * meanwhile. */
sl_status sl_articles_each(sl_engine *e, sl_article_fn fn, void *ctx)
{
    if (!e->db) return SL_EDB;
    return st_articles_each(e->db, fn, ctx, &e->err);   /* one statement: one moment */
}

sl_status sl_storylines_each(sl_engine *e, sl_storyline_fn fn, void *ctx)
{
    if (!e->db) return SL_EDB;
    bool began = st_snapshot_begin(e->db);
    sl_status st = st_storylines_each(e->db, fn, ctx, &e->err);
    st_snapshot_end(e->db, began);
    return st;
}

sl_status sl_story_get(sl_engine *e, const char *id, sl_story **out)
{
    *out = NULL;
    if (!e->db) return SL_EDB;
    bool began = st_snapshot_begin(e->db);
    sl_status st = st_story_get(e->db, id, out, &e->err);
    st_snapshot_end(e->db, began);
    return st;
}

sl_status sl_timeline_get(sl_engine *e, const char *id, const char *query, size_t dates, size_t per_date,
                          sl_timeline **out)
{
    *out = NULL;
    if (!e->db) return SL_EDB;
    bool began = st_snapshot_begin(e->db);
    sl_status st = st_timeline_get(e->db, id, query, dates, per_date, out, &e->err);
    st_snapshot_end(e->db, began);
    return st;
}

sl_status sl_storylines_page(sl_engine *e, const sl_page_query *q, sl_storyline_fn fn, void *ctx,
                             char next[SL_CURSOR_MAX])
{
    next[0] = 0;
    if (!e->db) return SL_EDB;
    bool began = st_snapshot_begin(e->db);
    sl_status st = st_storylines_page(e->db, q, fn, ctx, next, &e->err);
    st_snapshot_end(e->db, began);
    return st;
}

sl_status sl_events_page(sl_engine *e, const sl_page_query *q, sl_event_fn fn, void *ctx, char next[SL_CURSOR_MAX])
{
    next[0] = 0;
    if (!e->db) return SL_EDB;
    return st_events_page(e->db, q, fn, ctx, next, &e->err);   /* one statement: one moment */
}

sl_status sl_article_get(sl_engine *e, const char *id, sl_article_fn fn, void *ctx)
{
    if (!e->db) return SL_EDB;
    return st_article_get(e->db, id, fn, ctx, &e->err);
}

sl_status sl_copies_each(sl_engine *e, const char *id, sl_article_fn fn, void *ctx)
{
    if (!e->db) return SL_EDB;
    return st_copies_each(e->db, id, fn, ctx, &e->err);
}

sl_status sl_search(sl_engine *e, const char *query, long offset, long limit, int order, sl_hit_fn fn, void *ctx)
{
    if (!e->db) return SL_EDB;
    return st_search(e->db, query, offset, limit, order, fn, ctx, &e->err);
}

sl_status sl_actor_get(sl_engine *e, const char *key, sl_actor_page **out)
{
    *out = NULL;
    if (!e->db) return SL_EDB;
    bool began = st_snapshot_begin(e->db);
    sl_status st = st_actor_get(e->db, key, out, &e->err);
    st_snapshot_end(e->db, began);
    return st;
}

sl_status sl_data_version(sl_engine *e, int64_t *out)
{
    *out = 0;
    if (!e->db) return SL_EDB;
    return st_data_version(e->db, out, &e->err);
}

void sl_writer_release(sl_engine *e)
{
    if (e && e->lock) eg_writer_release(e);
}

/* ---- the public reader: rd_source with the engine's error slot ---------- */

struct sl_source {
    rd_source *rd;
    sl_engine *e;
};

sl_status sl_source_open(sl_engine *e, const char *path, sl_source **out)
{
    *out = NULL;
    rd_source *rd;
    sl_status st = rd_open(path, &rd, &e->err);
    if (st != SL_OK) return st;
    rd_set_limits(rd, &e->limits);
    *out = xcalloc(1, sizeof **out);
    (*out)->rd = rd;
    (*out)->e = e;
    return SL_OK;
}

sl_status sl_source_next(sl_source *s, sl_page *page) { return rd_next(s->rd, page, &s->e->err); }

void sl_source_close(sl_source *s)
{
    if (!s) return;
    rd_close(s->rd);
    free(s);
}
