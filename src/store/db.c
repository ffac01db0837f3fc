/* db.c: opening the database, its schema, transactions, and writing
 * articles, terms and clusters.
 *
 * WAL mode with synchronous=NORMAL: a crash loses at most the transaction
 * in flight, never an earlier one, and the file is always consistent. Not
 * the read queries (query.c). */
#include "store.h"
#include "st_internal.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static const char *const schema =
    "CREATE TABLE IF NOT EXISTS articles ("
    "  row INTEGER PRIMARY KEY,"
    "  id TEXT NOT NULL UNIQUE,"
    "  url TEXT, title TEXT, subtitle TEXT, byline TEXT, dateline TEXT, source TEXT,"
    "  published TEXT,"                       /* YYYY-MM-DD or NULL */
    "  day INTEGER,"                          /* days since 1970-01-01 or NULL */
    "  date_inferred INTEGER NOT NULL DEFAULT 0,"
    "  text TEXT NOT NULL,"
    "  meta TEXT,"                            /* JSON object of other fields */
    "  duplicate_of TEXT,"                    /* id of the article this copies */
    "  event INTEGER NOT NULL, storyline INTEGER NOT NULL,"
    "  minhash BLOB,"
    "  ingested TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));"
    "CREATE INDEX IF NOT EXISTS articles_event ON articles(event, day);"
    "CREATE INDEX IF NOT EXISTS articles_storyline ON articles(storyline, day);"
    "CREATE TABLE IF NOT EXISTS clusters ("
    "  level INTEGER NOT NULL,"               /* 0 event, 1 storyline */
    "  id INTEGER NOT NULL, parent INTEGER NOT NULL,"
    "  first INTEGER, last INTEGER, size INTEGER NOT NULL,"
    "  headline TEXT, summary TEXT,"          /* summary: JSON list of sentences */
    "  centroid BLOB,"
    "  stale INTEGER NOT NULL DEFAULT 1,"     /* summary older than members */
    "  PRIMARY KEY (level, id));"
    "CREATE INDEX IF NOT EXISTS clusters_parent ON clusters(level, parent);"
    "CREATE INDEX IF NOT EXISTS clusters_stale ON clusters(stale) WHERE stale;"
    /* Who, said what, when: one row per actor, quote and time expression of
     * an article (copies have none: their original holds them). Offsets
     * count characters in the article's text. */
    "CREATE TABLE IF NOT EXISTS actors (article INTEGER NOT NULL, key TEXT NOT NULL, name TEXT NOT NULL,"
    "  type TEXT NOT NULL, roles TEXT, aliases TEXT, mentions INTEGER NOT NULL);"
    "CREATE INDEX IF NOT EXISTS actors_article ON actors(article);"
    /* No index on actors(key): no query asks by key, and its inserts, all
     * over the index, were 15% of the committing thread's time at 200,000
     * synthetic articles. Files of schema 3 and before had one. */
    "DROP INDEX IF EXISTS actors_key;"

    "CREATE TABLE IF NOT EXISTS quotes (article INTEGER NOT NULL, speaker TEXT, speaker_key TEXT,"
    "  text TEXT NOT NULL, kind TEXT NOT NULL, start INTEGER, end INTEGER);"
    "CREATE INDEX IF NOT EXISTS quotes_article ON quotes(article);"
    "CREATE TABLE IF NOT EXISTS times (article INTEGER NOT NULL, text TEXT NOT NULL, value TEXT,"
    "  day INTEGER, granularity INTEGER, start INTEGER, end INTEGER, sentence TEXT, position INTEGER);"
    "CREATE INDEX IF NOT EXISTS times_article ON times(article);"
    "CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(title, text, content='articles',"
    "  content_rowid='row');"
    "CREATE TABLE IF NOT EXISTS terms (id INTEGER PRIMARY KEY, term TEXT NOT NULL, df INTEGER NOT NULL);"
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);"
    "INSERT OR IGNORE INTO meta VALUES ('schema', '1');"
    /* Schema 2: what watch remembers across restarts (feeds.c). Every table
     * is created if missing, so an older file gains them when opened. */
    "CREATE TABLE IF NOT EXISTS feeds (url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT,"
    "  status INTEGER, checked TEXT);"
    "CREATE TABLE IF NOT EXISTS seen (url TEXT PRIMARY KEY, feed TEXT, status INTEGER NOT NULL,"
    "  tries INTEGER NOT NULL DEFAULT 1,"
    "  fetched TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));"
    "UPDATE meta SET value = '2' WHERE key = 'schema' AND CAST(value AS INTEGER) < 2;"
    /* Schema 3: clusters merged into others; their ids keep resolving. */
    "CREATE TABLE IF NOT EXISTS merged (level INTEGER NOT NULL, id INTEGER NOT NULL,"
    "  into_id INTEGER NOT NULL, PRIMARY KEY (level, id));"
    "UPDATE meta SET value = '3' WHERE key = 'schema' AND CAST(value AS INTEGER) < 3;";

sl_status st_fail(st_db *db, err_slot *err, const char *what)
{
    return err_set(err, SL_EDB, db->path, 0, "%s: %s", what, sqlite3_errmsg(db->h));
}


sqlite3_stmt *st_prepare(st_db *db, int which, const char *sql)
{
    if (!db->stmt[which] && sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT,
                                               &db->stmt[which], NULL) != SQLITE_OK)
        return NULL;
    sqlite3_reset(db->stmt[which]);
    sqlite3_clear_bindings(db->stmt[which]);
    return db->stmt[which];
}

/* ---- checkpoints ---------------------------------------------------------
 *
 * A checkpoint copies the pages of the WAL back into the database file and
 * waits for the disk twice (fsync). Run by the committing connection, as
 * SQLite's automatic checkpoint does, it stalled ingest for the length of
 * that I/O every 64 MB of WAL. A thread of its own, on a connection of its
 * own, runs it instead (PASSIVE: it never blocks the writer, and copies
 * what was committed when it began); the writer goes on with the next
 * batch. Should the WAL still reach twice the mark (the thread cannot
 * start, or cannot keep up), the writer checkpoints itself, as before. */
#define ST_CKPT_PAGES 16384   /* 64 MB of 4 KB pages */

struct st_ckpt {
    pthread_t       th;
    pthread_mutex_t mu;
    pthread_cond_t  cv;
    sqlite3        *h;
    bool            want, stop;
};

static void *ckpt_main(void *arg)
{
    st_ckpt *c = arg;
    pthread_mutex_lock(&c->mu);
    for (;;) {
        while (!c->want && !c->stop) pthread_cond_wait(&c->cv, &c->mu);
        if (c->stop) break;
        c->want = false;
        pthread_mutex_unlock(&c->mu);
        sqlite3_wal_checkpoint_v2(c->h, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
        pthread_mutex_lock(&c->mu);
    }
    pthread_mutex_unlock(&c->mu);
    return NULL;
}

static st_ckpt *ckpt_start(st_db *db)
{
    st_ckpt *c = xcalloc(1, sizeof *c);
    if (sqlite3_open_v2(db->path, &c->h, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
        sqlite3_close(c->h);
        free(c);
        return NULL;
    }
    sqlite3_busy_timeout(c->h, 10000);
    pthread_mutex_init(&c->mu, NULL);
    pthread_cond_init(&c->cv, NULL);
    if (pthread_create(&c->th, NULL, ckpt_main, c) != 0) {
        pthread_mutex_destroy(&c->mu);
        pthread_cond_destroy(&c->cv);
        sqlite3_close(c->h);
        free(c);
        return NULL;
    }
    return c;
}

/* After each commit: pages is the WAL's length in pages. */
static int wal_grew(void *arg, sqlite3 *h, const char *name, int pages)
{
    st_db *db = arg;
    if (pages < db->ckpt_pages) return SQLITE_OK;
    if (!db->ckpt && !db->ckpt_failed && !(db->ckpt = ckpt_start(db)))
        db->ckpt_failed = true;   /* checkpoint here from now on; do not retry every commit */
    if (!db->ckpt || pages >= 2 * db->ckpt_pages) {
        sqlite3_wal_checkpoint_v2(h, name, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
        return SQLITE_OK;
    }
    pthread_mutex_lock(&db->ckpt->mu);
    db->ckpt->want = true;
    pthread_cond_signal(&db->ckpt->cv);
    pthread_mutex_unlock(&db->ckpt->mu);
    return SQLITE_OK;
}

void st_checkpoint_every(st_db *db, int pages) { db->ckpt_pages = pages > 0 ? pages : ST_CKPT_PAGES; }

/* Joins the thread; the last connection to close checkpoints what is left. */
static void ckpt_stop(st_db *db)
{
    st_ckpt *c = db->ckpt;
    if (!c) return;
    pthread_mutex_lock(&c->mu);
    c->stop = true;
    pthread_cond_signal(&c->cv);
    pthread_mutex_unlock(&c->mu);
    pthread_join(c->th, NULL);
    pthread_mutex_destroy(&c->mu);
    pthread_cond_destroy(&c->cv);
    sqlite3_close(c->h);
    free(c);
    db->ckpt = NULL;
}

sl_status st_open(const char *path, st_db **out, err_slot *err)
{
    st_db *db = xcalloc(1, sizeof *db);
    db->path = xstrdup(path);
    *out = db;
    if (sqlite3_open_v2(path, &db->h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
        return st_fail(db, err, "cannot open database");
    sqlite3_busy_timeout(db->h, 10000);
    char *msg = NULL;
    /* A 256 MB page cache and a checkpoint every 64 MB of WAL (not 4 MB):
     * the indexes of a large store stay in memory, and a page changed by
     * many batches is copied back once per checkpoint. 100,000 synthetic
     * articles (bench/gen): 1576 -> 1753 articles/s, peak RSS 328 -> 527 MB. */
    if (sqlite3_exec(db->h, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
                            "PRAGMA foreign_keys=OFF; PRAGMA cache_size=-262144; PRAGMA wal_autocheckpoint=0;",
                     NULL, NULL, &msg) != SQLITE_OK ||
        sqlite3_exec(db->h, schema, NULL, NULL, &msg) != SQLITE_OK) {
        err_set(err, SL_EDB, path, 0, "not a usable storyline database: %s", msg ? msg : "?");
        sqlite3_free(msg);
        return SL_EDB;
    }
    db->ckpt_pages = ST_CKPT_PAGES;
    sqlite3_wal_hook(db->h, wal_grew, db);
    return SL_OK;
}

void st_close(st_db *db)
{
    if (!db) return;
    ckpt_stop(db);
    for (int i = 0; i < ST_NSTMT; i++) sqlite3_finalize(db->stmt[i]);
    sqlite3_close(db->h);
    free(db->path);
    free(db);
}

sl_status st_begin(st_db *db, err_slot *err)
{
    if (sqlite3_exec(db->h, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) return st_fail(db, err, "begin");
    return SL_OK;
}

sl_status st_commit(st_db *db, err_slot *err)
{
    if (sqlite3_exec(db->h, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) return st_fail(db, err, "commit");
    return SL_OK;
}

void st_rollback(st_db *db)
{
    if (!sqlite3_get_autocommit(db->h)) sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
}

bool st_article_known(st_db *db, const char *id)
{
    sqlite3_stmt *s = st_prepare(db, ST_KNOWN, "SELECT 1 FROM articles WHERE id = ?");
    if (!s) return false;
    sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
    bool found = sqlite3_step(s) == SQLITE_ROW;
    /* A statement left on a row holds a read transaction: the WAL could
     * never be checkpointed and would grow without end. */
    sqlite3_reset(s);
    return found;
}

void st_bind_text(sqlite3_stmt *s, int i, const char *t)
{
    if (t && *t) sqlite3_bind_text(s, i, t, -1, SQLITE_STATIC);
    else sqlite3_bind_null(s, i);
}


sl_status st_article_put(st_db *db, const sl_article *a, const st_placed *p, int64_t *rowid,
                         err_slot *err)
{
    sqlite3_stmt *s = st_prepare(db, ST_PUT_ARTICLE,
        "INSERT INTO articles (id, url, title, subtitle, byline, dateline, source, published, day,"
        " date_inferred, text, meta, duplicate_of, event, storyline, minhash)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    if (!s) return st_fail(db, err, "prepare");
    char day[11];
    day_format(a->published, day);
    sqlite3_bind_text(s, 1, a->id, -1, SQLITE_STATIC);
    st_bind_text(s, 2, a->url);
    st_bind_text(s, 3, a->title);
    st_bind_text(s, 4, a->subtitle);
    st_bind_text(s, 5, a->byline);
    st_bind_text(s, 6, a->dateline);
    st_bind_text(s, 7, a->source);
    st_bind_text(s, 8, day);
    if (a->published != DAY_NONE) sqlite3_bind_int(s, 9, a->published);
    sqlite3_bind_int(s, 10, a->date_inferred);
    sqlite3_bind_text(s, 11, a->text ? a->text : "", a->text ? (int)a->text_len : 0, SQLITE_STATIC);
    st_bind_text(s, 12, a->meta_json);
    st_bind_text(s, 13, p->duplicate_of);
    sqlite3_bind_int64(s, 14, p->event);
    sqlite3_bind_int64(s, 15, p->storyline);
    if (p->sig && p->sig->shingles) sqlite3_bind_blob(s, 16, p->sig, sizeof *p->sig, SQLITE_STATIC);
    if (sqlite3_step(s) != SQLITE_DONE) return st_fail(db, err, "storing an article");
    *rowid = sqlite3_last_insert_rowid(db->h);
    s = st_prepare(db, ST_PUT_FTS, "INSERT INTO articles_fts (rowid, title, text) VALUES (?,?,?)");
    if (!s) return st_fail(db, err, "prepare");
    sqlite3_bind_int64(s, 1, *rowid);
    st_bind_text(s, 2, a->title);
    sqlite3_bind_text(s, 3, a->text ? a->text : "", a->text ? (int)a->text_len : 0, SQLITE_STATIC);
    if (sqlite3_step(s) != SQLITE_DONE) return st_fail(db, err, "indexing an article");
    return SL_OK;
}

sl_status st_term_put(st_db *db, uint32_t id, const char *term, size_t len, uint32_t df, err_slot *err)
{
    sqlite3_stmt *s = st_prepare(db, ST_PUT_TERM, "INSERT OR REPLACE INTO terms (id, term, df) VALUES (?,?,?)");
    if (!s) return st_fail(db, err, "prepare");
    sqlite3_bind_int64(s, 1, id);
    sqlite3_bind_text(s, 2, term, (int)len, SQLITE_STATIC);
    sqlite3_bind_int64(s, 3, df);
    if (sqlite3_step(s) != SQLITE_DONE) return st_fail(db, err, "storing a term");
    return SL_OK;
}

sl_status st_cluster_put(st_db *db, const cl_row *r, err_slot *err)
{
    sqlite3_stmt *s = st_prepare(db, ST_PUT_CLUSTER,
        "INSERT INTO clusters (level, id, parent, first, last, size, centroid) VALUES (?,?,?,?,?,?,?)"
        " ON CONFLICT (level, id) DO UPDATE SET parent = excluded.parent, first = excluded.first,"
        " last = excluded.last, size = excluded.size, centroid = excluded.centroid, stale = 1");
    if (!s) return st_fail(db, err, "prepare");
    sqlite3_bind_int(s, 1, (int)r->level);
    sqlite3_bind_int64(s, 2, r->id);
    sqlite3_bind_int64(s, 3, r->parent);
    if (r->first != DAY_NONE) sqlite3_bind_int(s, 4, r->first);
    if (r->last != DAY_NONE) sqlite3_bind_int(s, 5, r->last);
    sqlite3_bind_int64(s, 6, r->size);
    sqlite3_bind_blob(s, 7, r->centroid, (int)r->centroid_len, SQLITE_STATIC);
    if (sqlite3_step(s) != SQLITE_DONE) return st_fail(db, err, "storing a cluster");
    return SL_OK;
}

static sl_status exec_ids(st_db *db, int which, const char *sql, int64_t a, int64_t b, int64_t c, err_slot *err)
{
    sqlite3_stmt *s = st_prepare(db, which, sql);
    if (!s) return st_fail(db, err, "prepare");
    sqlite3_bind_int64(s, 1, a);
    sqlite3_bind_int64(s, 2, b);
    if (sqlite3_bind_parameter_count(s) >= 3) sqlite3_bind_int64(s, 3, c);
    if (sqlite3_step(s) != SQLITE_DONE) return st_fail(db, err, "merging clusters");
    return SL_OK;
}

sl_status st_cluster_merged(st_db *db, int level, int64_t id, int64_t into, err_slot *err)
{
    sl_status st = exec_ids(db, ST_MERGE_NOTE, "INSERT OR REPLACE INTO merged (level, id, into_id) VALUES (?,?,?)",
                            level, id, into, err);
    if (st == SL_OK)
        st = exec_ids(db, ST_MERGE_DROP, "DELETE FROM clusters WHERE level = ? AND id = ?", level, id, 0, err);
    if (st != SL_OK) return st;
    if (level == CL_EVENT)
        return exec_ids(db, ST_MERGE_EVENT,
                        "UPDATE articles SET event = ?1,"
                        " storyline = (SELECT parent FROM clusters WHERE level = 0 AND id = ?1) WHERE event = ?2",
                        into, id, 0, err);
    st = exec_ids(db, ST_MERGE_STORYLINE, "UPDATE articles SET storyline = ?1 WHERE storyline = ?2", into, id, 0, err);
    if (st == SL_OK)
        st = exec_ids(db, ST_MERGE_PARENT, "UPDATE clusters SET parent = ?1 WHERE level = 0 AND parent = ?2", into, id,
                      0, err);
    return st;
}

sl_status st_ndocs_put(st_db *db, uint64_t n, err_slot *err)
{
    sqlite3_stmt *s = st_prepare(db, ST_PUT_META, "INSERT OR REPLACE INTO meta (key, value) VALUES ('ndocs', ?)");
    if (!s) return st_fail(db, err, "prepare");
    sqlite3_bind_int64(s, 1, (sqlite3_int64)n);
    if (sqlite3_step(s) != SQLITE_DONE) return st_fail(db, err, "storing statistics");
    return SL_OK;
}

sl_status st_summary_put(st_db *db, cl_level level, int64_t id, const char *headline,
                         const char *summary_json, err_slot *err)
{
    sqlite3_stmt *s = st_prepare(db, ST_PUT_SUMMARY,
        "UPDATE clusters SET headline = ?, summary = ?, stale = 0 WHERE level = ? AND id = ?");
    if (!s) return st_fail(db, err, "prepare");
    st_bind_text(s, 1, headline);
    st_bind_text(s, 2, summary_json);
    sqlite3_bind_int(s, 3, (int)level);
    sqlite3_bind_int64(s, 4, id);
    if (sqlite3_step(s) != SQLITE_DONE) return st_fail(db, err, "storing a summary");
    return SL_OK;
}

sl_status st_load(st_db *db, cl_state *cl, dd_index *dd, err_slot *err)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(db->h, "SELECT id, term, df FROM terms", -1, &s, NULL) != SQLITE_OK)
        return st_fail(db, err, "loading terms");
    while (sqlite3_step(s) == SQLITE_ROW)
        cl_vocab_load(cl, (uint32_t)sqlite3_column_int64(s, 0), (const char *)sqlite3_column_text(s, 1),
                      (size_t)sqlite3_column_bytes(s, 1), (uint32_t)sqlite3_column_int64(s, 2));
    sqlite3_finalize(s);
    if (sqlite3_prepare_v2(db->h, "SELECT value FROM meta WHERE key = 'ndocs'", -1, &s, NULL) != SQLITE_OK)
        return st_fail(db, err, "loading statistics");
    if (sqlite3_step(s) == SQLITE_ROW) cl_set_ndocs(cl, (uint64_t)sqlite3_column_int64(s, 0));
    sqlite3_finalize(s);
    if (sqlite3_prepare_v2(db->h, "SELECT level, id, parent, first, last, size, centroid FROM clusters"
                                  " ORDER BY level, id", -1, &s, NULL) != SQLITE_OK)
        return st_fail(db, err, "loading clusters");
    while (sqlite3_step(s) == SQLITE_ROW) {
        cl_row r = {
            .level = (cl_level)sqlite3_column_int(s, 0),
            .id = sqlite3_column_int64(s, 1),
            .parent = sqlite3_column_int64(s, 2),
            .first = sqlite3_column_type(s, 3) == SQLITE_NULL ? DAY_NONE : sqlite3_column_int(s, 3),
            .last = sqlite3_column_type(s, 4) == SQLITE_NULL ? DAY_NONE : sqlite3_column_int(s, 4),
            .size = (uint32_t)sqlite3_column_int64(s, 5),
            .centroid = sqlite3_column_blob(s, 6),
            .centroid_len = (size_t)sqlite3_column_bytes(s, 6),
        };
        cl_load(cl, &r);
    }
    sqlite3_finalize(s);
    if (sqlite3_prepare_v2(db->h, "SELECT level, id, into_id FROM merged", -1, &s, NULL) != SQLITE_OK)
        return st_fail(db, err, "loading merged clusters");
    while (sqlite3_step(s) == SQLITE_ROW) {
        cl_row r = {.level = (cl_level)sqlite3_column_int(s, 0), .id = sqlite3_column_int64(s, 1),
                    .merged_into = sqlite3_column_int64(s, 2)};
        cl_load(cl, &r);
    }
    sqlite3_finalize(s);
    if (sqlite3_prepare_v2(db->h, "SELECT row, minhash FROM articles WHERE minhash IS NOT NULL"
                                  " AND duplicate_of IS NULL ORDER BY row", -1, &s, NULL) != SQLITE_OK)
        return st_fail(db, err, "loading signatures");
    while (sqlite3_step(s) == SQLITE_ROW) {
        if ((size_t)sqlite3_column_bytes(s, 1) != sizeof(dd_sig)) continue;
        dd_sig sig;
        memcpy(&sig, sqlite3_column_blob(s, 1), sizeof sig);
        dd_add(dd, sqlite3_column_int64(s, 0), &sig);
    }
    sqlite3_finalize(s);
    return SL_OK;
}

bool st_article_ref(st_db *db, int64_t rowid, buf *id, int64_t *event)
{
    sqlite3_stmt *s = st_prepare(db, ST_ARTICLE_ID, "SELECT id, event FROM articles WHERE row = ?");
    if (!s) return false;
    sqlite3_bind_int64(s, 1, rowid);
    if (sqlite3_step(s) != SQLITE_ROW) return false;
    buf_clear(id);
    buf_puts(id, (const char *)sqlite3_column_text(s, 0));
    *event = sqlite3_column_int64(s, 1);
    sqlite3_reset(s);   /* see st_article_known */
    return true;
}

sl_status st_stale_each(st_db *db, st_stale_fn fn, void *ctx, err_slot *err)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(db->h, "SELECT level, id FROM clusters WHERE stale ORDER BY level, id",
                           -1, &s, NULL) != SQLITE_OK)
        return st_fail(db, err, "reading clusters");
    VEC(int64_t) rows = {0};   /* collected first: fn writes to the same table */
    while (sqlite3_step(s) == SQLITE_ROW) {
        VEC_PUSH(rows, sqlite3_column_int64(s, 0));
        VEC_PUSH(rows, sqlite3_column_int64(s, 1));
    }
    sqlite3_finalize(s);
    for (size_t i = 0; i + 1 < rows.n; i += 2) fn((cl_level)rows.v[i], rows.v[i + 1], ctx);
    VEC_FREE(rows);
    return SL_OK;
}
