/* db.c: opening the database, its schema, transactions, and writing
 * articles, terms and clusters.
 *
 * WAL mode with synchronous=NORMAL: a crash loses at most the transaction
 * in flight, never an earlier one, and the file is always consistent. Not
 * the read queries (query.c). */
#include "store.h"
#include "st_internal.h"

#include <ctype.h>
#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>
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
    "  removed TEXT,"                         /* what extraction dropped (schema 5) */
    "  ingested TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));"
    "CREATE INDEX IF NOT EXISTS articles_event ON articles(event, day);"
    "CREATE INDEX IF NOT EXISTS articles_storyline ON articles(storyline, day);"
    /* listings, newest first, without sorting the archive (schema 4) */
    "CREATE INDEX IF NOT EXISTS articles_day ON articles(day);"
    /* an article's copies, for its page (schema 5); copies only */
    "CREATE INDEX IF NOT EXISTS articles_copies ON articles(duplicate_of) WHERE duplicate_of IS NOT NULL;"
    "CREATE TABLE IF NOT EXISTS clusters ("
    "  level INTEGER NOT NULL,"               /* 0 event, 1 storyline */
    "  id INTEGER NOT NULL, parent INTEGER NOT NULL,"
    "  first INTEGER, last INTEGER, size INTEGER NOT NULL,"
    "  headline TEXT, summary TEXT,"          /* summary: JSON list of sentences */
    "  centroid BLOB,"
    "  stale INTEGER NOT NULL DEFAULT 1,"     /* summary older than members */
    "  stated INTEGER,"                       /* days given, not inferred (schema 4) */
    "  PRIMARY KEY (level, id));"
    /* a storyline's newest events without reading all (schema 4; before,
     * clusters_parent was (level, parent) alone) */
    "DROP INDEX IF EXISTS clusters_parent;"
    "CREATE INDEX IF NOT EXISTS clusters_parent_recent ON clusters(level, parent, last, id);"
    "CREATE INDEX IF NOT EXISTS clusters_recent ON clusters(level, last, id);"
    "CREATE INDEX IF NOT EXISTS clusters_stale ON clusters(stale) WHERE stale;"
    /* Schema 6: how many events each storyline has, kept by triggers on
     * every insert, delete and move of an event, so that a story page need
     * not count a storyline's events (40,909 in the largest of a million
     * synthetic articles: 1.6 ms a page). */
    "CREATE TABLE IF NOT EXISTS event_counts (storyline INTEGER PRIMARY KEY, n INTEGER NOT NULL);"
    "CREATE TRIGGER IF NOT EXISTS event_counts_add AFTER INSERT ON clusters WHEN new.level = 0 BEGIN"
    "  INSERT INTO event_counts VALUES (new.parent, 1) ON CONFLICT (storyline) DO UPDATE SET n = n + 1; END;"
    "CREATE TRIGGER IF NOT EXISTS event_counts_drop AFTER DELETE ON clusters WHEN old.level = 0 BEGIN"
    "  UPDATE event_counts SET n = n - 1 WHERE storyline = old.parent; END;"
    "CREATE TRIGGER IF NOT EXISTS event_counts_move AFTER UPDATE OF parent ON clusters"
    "  WHEN new.level = 0 AND new.parent IS NOT old.parent BEGIN"
    "  UPDATE event_counts SET n = n - 1 WHERE storyline = old.parent;"
    "  INSERT INTO event_counts VALUES (new.parent, 1) ON CONFLICT (storyline) DO UPDATE SET n = n + 1; END;"
    /* Who, said what, when: one row per actor, quote and time expression of
     * an article (copies have none: their original holds them). Offsets
     * count characters in the article's text. */
    "CREATE TABLE IF NOT EXISTS actors (article INTEGER NOT NULL, key TEXT NOT NULL, name TEXT NOT NULL,"
    "  type TEXT NOT NULL, roles TEXT, aliases TEXT, mentions INTEGER NOT NULL,"
    "  sure INTEGER);"                           /* its type read, not guessed (schema 11) */
    "CREATE INDEX IF NOT EXISTS actors_article ON actors(article);"
    /* No index on actors(key): no query asks by key, and its inserts, all
     * over the index, were 15% of the committing thread's time at 200,000
     * synthetic articles. Files of schema 3 and before had one. */
    "DROP INDEX IF EXISTS actors_key;"

    "CREATE TABLE IF NOT EXISTS quotes (article INTEGER NOT NULL, speaker TEXT, speaker_key TEXT,"
    "  text TEXT NOT NULL, kind TEXT NOT NULL, start INTEGER, end INTEGER,"
    "  speaker_text TEXT);"                      /* the speaker as the attribution words it (schema 7) */
    "CREATE INDEX IF NOT EXISTS quotes_article ON quotes(article);"
    "CREATE TABLE IF NOT EXISTS times (article INTEGER NOT NULL, text TEXT NOT NULL, value TEXT,"
    "  day INTEGER, granularity INTEGER, start INTEGER, end INTEGER, sentence TEXT, position INTEGER);"
    "CREATE INDEX IF NOT EXISTS times_article ON times(article);"
    "CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(title, text, content='articles',"
    "  content_rowid='row');"
    "CREATE TABLE IF NOT EXISTS terms (id INTEGER PRIMARY KEY, term TEXT NOT NULL, df INTEGER NOT NULL);"
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);"
    /* Schema 2: what watch remembers across restarts (feeds.c). Every table
     * is created if missing, so an older file gains them when opened. */
    "CREATE TABLE IF NOT EXISTS feeds (url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT,"
    "  status INTEGER, checked TEXT);"
    "CREATE TABLE IF NOT EXISTS seen (url TEXT PRIMARY KEY, feed TEXT, status INTEGER NOT NULL,"
    "  tries INTEGER NOT NULL DEFAULT 1,"
    "  fetched TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));"
    /* Schema 3: clusters merged into others; their ids keep resolving. */
    "CREATE TABLE IF NOT EXISTS merged (level INTEGER NOT NULL, id INTEGER NOT NULL,"
    "  into_id INTEGER NOT NULL, PRIMARY KEY (level, id));"
    /* Schema 4: the clustering's candidate index, so that a run started
     * again goes on exactly as one that never stopped: per level and term,
     * the newest clusters posted under it (uint32 positions, id - 1). */
    "CREATE TABLE IF NOT EXISTS postings (level INTEGER NOT NULL, term INTEGER NOT NULL,"
    "  clusters BLOB NOT NULL, PRIMARY KEY (level, term)) WITHOUT ROWID;"
    /* Schema 9: what was posted to those lists since they were stored, a
     * row per batch and level: (term, position) uint32 pairs in the order
     * posted (cl_postings_log). */
    "CREATE TABLE IF NOT EXISTS postings_log (seq INTEGER PRIMARY KEY, level INTEGER NOT NULL,"
    "  posts BLOB NOT NULL);"
    /* Schema 10: the document frequencies of stored terms changed since
     * their rows were written, a row per batch: (id, frequency) uint32
     * pairs (cl_vocab_log). */
    "CREATE TABLE IF NOT EXISTS terms_log (seq INTEGER PRIMARY KEY, dfs BLOB NOT NULL);";

/* A damaged file is told as such, with the first lines of SQLite's own
 * check, never read as empty or partly loaded. */
static void integrity_lines(st_db *db, char *out, size_t n)
{
    out[0] = 0;
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(db->h, "PRAGMA integrity_check(3)", -1, &s, NULL) != SQLITE_OK) {
        snprintf(out, n, "; integrity_check cannot run: %s", sqlite3_errmsg(db->h));
        return;
    }
    size_t k = (size_t)snprintf(out, n, "; integrity_check:");
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW && k < n)
        k += (size_t)snprintf(out + k, n - k, " %s;", (const char *)sqlite3_column_text(s, 0));
    if (rc != SQLITE_ROW && rc != SQLITE_DONE && k < n)
        snprintf(out + k, n - k, " (stopped: %s)", sqlite3_errstr(rc));
    sqlite3_finalize(s);
}

sl_status st_fail(st_db *db, err_slot *err, const char *what)
{
    if (!db->h) return err_set(err, SL_EDB, db->path, 0, "%s: out of memory", what);
    int code = sqlite3_errcode(db->h) & 0xff;
    const char *msg = sqlite3_errmsg(db->h);
    if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB) {
        char head[240], check[600];
        snprintf(head, sizeof head, "%s", msg);
        integrity_lines(db, check, sizeof check);
        return err_set(err, SL_EDB, db->path, 0, "%s: the database is damaged (%s)%s", what, head, check);
    }
    return err_set(err, SL_EDB, db->path, 0, "%s: %s", what, msg);
}

/* The end of a loop over rows: SQLITE_DONE is the end, anything else an
 * error (never "no more rows"). */
sl_status st_done(st_db *db, int rc, err_slot *err, const char *what)
{
    return rc == SQLITE_DONE ? SL_OK : st_fail(db, err, what);
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

/* ---- whose file this is --------------------------------------------------
 *
 * A storyline database says so in its header: application_id "STLN" and its
 * schema version in user_version. Files from before schema 4 carry neither
 * but have a meta table naming their schema; they are brought forward. Any
 * other SQLite file is refused before anything is written to it. */
#define ST_APP_ID 0x53544c4e   /* "STLN" */

typedef struct st_kind {
    int  version;     /* 0: empty file, a new database */
    bool foreign;     /* someone else's file */
    long app_id, tables;
} st_kind;

static int64_t scalar(sqlite3 *h, const char *sql, int *rc)
{
    sqlite3_stmt *s;
    int64_t v = -1;
    *rc = sqlite3_prepare_v2(h, sql, -1, &s, NULL);
    if (*rc != SQLITE_OK) return -1;
    *rc = sqlite3_step(s);
    if (*rc == SQLITE_ROW) {
        v = sqlite3_column_int64(s, 0);
        *rc = SQLITE_OK;
    } else if (*rc == SQLITE_DONE) {
        *rc = SQLITE_OK;   /* no row: -1 */
    }
    sqlite3_finalize(s);
    return v;
}

static sl_status identify(st_db *db, st_kind *k, err_slot *err)
{
    int rc;
    memset(k, 0, sizeof *k);
    k->app_id = (long)scalar(db->h, "PRAGMA application_id", &rc);
    if (rc == SQLITE_OK) k->tables = (long)scalar(db->h, "SELECT count(*) FROM sqlite_master", &rc);
    int64_t version = rc == SQLITE_OK ? scalar(db->h, "PRAGMA user_version", &rc) : 0;
    if (rc != SQLITE_OK) return st_fail(db, err, "cannot read the database");
    if (k->app_id == ST_APP_ID) {
        k->version = (int)version;
        return SL_OK;
    }
    if (k->app_id != 0) { k->foreign = true; return SL_OK; }
    if (k->tables == 0) return SL_OK;   /* a new database */
    /* Before schema 4: the meta table's word, if the tables are ours. */
    int64_t legacy = scalar(db->h,
        "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'schema'"
        " AND (SELECT count(*) FROM sqlite_master WHERE type = 'table'"
        "      AND name IN ('articles', 'clusters', 'terms')) = 3", &rc);
    if (rc != SQLITE_OK || legacy < 1 || legacy >= 4) k->foreign = true;
    else k->version = (int)legacy;
    return SL_OK;
}

/* The current schema from any earlier one (0: none), in one transaction. */
static sl_status migrate(st_db *db, int from, err_slot *err)
{
    char *msg = NULL;
    char sql[160];
    snprintf(sql, sizeof sql, "PRAGMA application_id = %d; PRAGMA user_version = %d;", ST_APP_ID, ST_SCHEMA);
    int rc = sqlite3_exec(db->h, "BEGIN IMMEDIATE", NULL, NULL, &msg);
    if (rc == SQLITE_OK) rc = sqlite3_exec(db->h, schema, NULL, NULL, &msg);
    /* Schema 4: whether an event's days were stated rather than inferred
     * is kept (NULL in older rows: as before, dated means stated). */
    if (rc == SQLITE_OK && from > 0 && from < 4)
        rc = sqlite3_exec(db->h, "ALTER TABLE clusters ADD COLUMN stated INTEGER", NULL, NULL, &msg);
    /* Schema 5: what extraction dropped from each page (NULL in older rows). */
    if (rc == SQLITE_OK && from > 0 && from < 5)
        rc = sqlite3_exec(db->h, "ALTER TABLE articles ADD COLUMN removed TEXT", NULL, NULL, &msg);
    /* Schema 6: the events of each storyline counted once; the triggers
     * keep the counts from now on. */
    if (rc == SQLITE_OK && from > 0 && from < 6)
        rc = sqlite3_exec(db->h, "DELETE FROM event_counts; INSERT INTO event_counts"
                                 " SELECT parent, count(*) FROM clusters WHERE level = 0 GROUP BY parent",
                          NULL, NULL, &msg);
    /* Schema 7: each quote's speaker as its attribution words it (NULL in
     * older rows). */
    if (rc == SQLITE_OK && from > 0 && from < 7)
        rc = sqlite3_exec(db->h, "ALTER TABLE quotes ADD COLUMN speaker_text TEXT", NULL, NULL, &msg);
    /* Schema 8: a week or weekend is a period, not the day it starts
     * (timex.c), and a timeline of days no longer places it. */
    if (rc == SQLITE_OK && from > 0 && from < 8)
        rc = sqlite3_exec(db->h, "UPDATE times SET granularity = 1 WHERE granularity = 0"
                                 " AND value GLOB '[0-9][0-9][0-9][0-9]-W[0-9]*'", NULL, NULL, &msg);
    /* Schema 11: whether an actor's type was read rather than guessed
     * (NULL in older rows: guessed). */
    if (rc == SQLITE_OK && from > 0 && from < 11)
        rc = sqlite3_exec(db->h, "ALTER TABLE actors ADD COLUMN sure INTEGER", NULL, NULL, &msg);
    char meta[80];
    snprintf(meta, sizeof meta, "INSERT OR REPLACE INTO meta VALUES ('schema', '%d')", ST_SCHEMA);
    if (rc == SQLITE_OK) rc = sqlite3_exec(db->h, meta, NULL, NULL, &msg);
    if (rc == SQLITE_OK) rc = sqlite3_exec(db->h, sql, NULL, NULL, &msg);
    if (rc == SQLITE_OK) rc = sqlite3_exec(db->h, "COMMIT", NULL, NULL, &msg);
    if (rc != SQLITE_OK) {
        st_rollback(db);
        const char *why = msg ? msg : sqlite3_errmsg(db->h);
        if (from) err_set(err, SL_EDB, db->path, 0, "cannot bring schema %d up to %d: %s", from, ST_SCHEMA, why);
        else err_set(err, SL_EDB, db->path, 0, "cannot create the schema: %s", why);
        sqlite3_free(msg);
        return SL_EDB;
    }
    return SL_OK;
}

/* A reader who may not write beside the file (a read-only folder) cannot
 * make the WAL's shared-memory file. When no WAL is there (no writer is at
 * work and the last one checkpointed everything), the file alone is the
 * whole database and can be read as immutable. */
static bool reopen_immutable(st_db *db)
{
    int code = sqlite3_errcode(db->h) & 0xff;
    if (code != SQLITE_READONLY && code != SQLITE_CANTOPEN) return false;
    buf wal = {0};
    buf_puts(&wal, db->path);
    buf_puts(&wal, "-wal");
    struct stat sb;
    bool no_wal = stat(wal.data, &sb) != 0 || sb.st_size == 0;
    buf_free(&wal);
    if (!no_wal) return false;
    buf uri = {0};
    buf_puts(&uri, "file:");
    for (const unsigned char *p = (const unsigned char *)db->path; *p; p++) {
        if (isalnum(*p) || strchr("/._-~", *p)) buf_append(&uri, (const char *)p, 1);
        else buf_printf(&uri, "%%%02X", *p);
    }
    buf_puts(&uri, "?immutable=1");
    sqlite3_close(db->h);
    int rc = sqlite3_open_v2(uri.data, &db->h, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI, NULL);
    buf_free(&uri);
    return rc == SQLITE_OK;
}

/* SQLite counts the memory it holds under one lock that every thread's
 * allocations take; nothing here reads the count. Set before SQLite's
 * first use (after it, SQLite refuses the change and nothing is lost). */
static void memstatus_off(void) { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); }

static void sqlite_once(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, memstatus_off);
}

/* The file and the WAL's two beside it. */
static void unlink_database(const char *path)
{
    buf side = {0};
    const char *const suffixes[] = {"-wal", "-shm"};
    for (int i = 0; i < 2; i++) {
        buf_clear(&side);
        buf_puts(&side, path);
        buf_puts(&side, suffixes[i]);
        unlink(side.data);
    }
    buf_free(&side);
    unlink(path);
}

sl_status st_open(const char *path, st_mode mode, st_db **out, err_slot *err)
{
    st_db *db = xcalloc(1, sizeof *db);
    db->path = xstrdup(path);
    db->readonly = mode == ST_READ;
    *out = db;
    struct stat before;
    bool existed = stat(path, &before) == 0;
    if (db->readonly && !existed)
        return err_set(err, SL_EDB, path, 0, "no such database (run 'storyline ingest' first)");
    if (existed && !S_ISREG(before.st_mode))
        return err_set(err, SL_EDB, path, 0, "not a regular file");
    sqlite_once();
    /* a reader is one thread's (each of the server's threads opens its
     * own), so SQLite need not lock the connection for every call */
    int flags = db->readonly ? SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    if (sqlite3_open_v2(path, &db->h, flags, NULL) != SQLITE_OK) return st_fail(db, err, "cannot open database");
    sqlite3_busy_timeout(db->h, 10000);
    st_kind k;
    sl_status st = identify(db, &k, err);
    if (st != SL_OK && db->readonly && reopen_immutable(db)) st = identify(db, &k, err);
    if (st != SL_OK) goto fail;
    if (k.foreign) {
        st = err_set(err, SL_EDB, path, 0,
                     "not a storyline database (application_id %#lx, %ld schema objects); left unchanged",
                     (unsigned long)k.app_id, k.tables);
        goto fail;
    }
    if (k.version > ST_SCHEMA) {
        st = err_set(err, SL_EDB, path, 0, "written by a newer storyline (schema %d; this one knows up to %d)",
                     k.version, ST_SCHEMA);
        goto fail;
    }
    db->ranked = st_rank_register(db->h);
    if (db->readonly) {
        /* Readers see schema 3 and later alike. */
        if (k.version < 3) {
            st = k.version ? err_set(err, SL_EDB, path, 0, "schema %d is too old to read: run 'storyline ingest"
                                     " --db %s' once to bring it up to date", k.version, path)
                           : err_set(err, SL_EDB, path, 0, "an empty file, not a storyline database");
            goto fail;
        }
        /* A 64 MB page cache: a server's reader keeps the pages its
         * answers read (the cache stays valid until a writer commits),
         * instead of reading them again from the file for every request. */
        if (sqlite3_exec(db->h, "PRAGMA query_only = 1; PRAGMA cache_size = -65536", NULL, NULL, NULL) != SQLITE_OK) {
            st = st_fail(db, err, "cannot open read-only");
            goto fail;
        }
        /* a file from before schema 5 has no removed column: read it as NULL */
        if (k.version < 5) db->article_cols = ST_ARTICLE_COLS_4;
        /* before schema 6 a storyline's events are counted when asked */
        db->event_counts = k.version >= 6;
        /* before schema 7 a quote's speaker words were not kept: NULL */
        db->quote_words = k.version >= 7;
        /* before schema 11 no actor's type was marked read: all guessed */
        db->actor_sure = k.version >= 11;
        return SL_OK;
    }
    char *msg = NULL;
    /* A 256 MB page cache and a checkpoint every 64 MB of WAL (not 4 MB):
     * the indexes of a large store stay in memory, and a page changed by
     * many batches is copied back once per checkpoint. 100,000 synthetic
     * articles (bench/gen): 1576 -> 1753 articles/s, peak RSS 328 -> 527 MB. */
    if (sqlite3_exec(db->h, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
                            "PRAGMA foreign_keys=OFF; PRAGMA cache_size=-262144; PRAGMA wal_autocheckpoint=0;",
                     NULL, NULL, &msg) != SQLITE_OK) {
        st = err_set(err, SL_EDB, path, 0, "cannot set up the database: %s", msg ? msg : "?");
        sqlite3_free(msg);
        goto fail;
    }
    if (k.version < ST_SCHEMA && (st = migrate(db, k.version, err)) != SL_OK) goto fail;
    db->event_counts = true;
    db->quote_words = true;
    db->actor_sure = true;
    db->created = !existed;
    db->ckpt_pages = ST_CKPT_PAGES;
    sqlite3_wal_hook(db->h, wal_grew, db);
    return SL_OK;
fail:
    /* A file this call created and could not make a database of goes. */
    if (!existed && !db->readonly) {
        sqlite3_close(db->h);
        db->h = NULL;
        unlink_database(path);
    }
    return st;
}

const char *st_path(const st_db *db) { return db->path; }

bool st_close_discarding(st_db *db)
{
    if (!db || db->readonly || !db->created) return false;
    int rc;
    int64_t rows = scalar(db->h, "SELECT (SELECT count(*) FROM articles) + (SELECT count(*) FROM seen)"
                                 " + (SELECT count(*) FROM feeds)", &rc);
    if (rc != SQLITE_OK || rows != 0) return false;
    char *path = xstrdup(db->path);
    st_close(db);
    unlink_database(path);
    free(path);
    return true;
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

bool st_snapshot_begin(st_db *db)
{
    return sqlite3_get_autocommit(db->h) && sqlite3_exec(db->h, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
}

void st_snapshot_end(st_db *db, bool began)
{
    if (began) sqlite3_exec(db->h, "COMMIT", NULL, NULL, NULL);   /* ends a read: cannot fail to write */
}

void st_rollback(st_db *db)
{
    if (!sqlite3_get_autocommit(db->h)) sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
}

sl_status st_article_known(st_db *db, const char *id, bool *known, err_slot *err)
{
    *known = false;
    sqlite3_stmt *s = st_prepare(db, ST_KNOWN, "SELECT 1 FROM articles WHERE id = ?");
    if (!s) return st_fail(db, err, "prepare");
    sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
    int rc = sqlite3_step(s);
    *known = rc == SQLITE_ROW;
    /* A statement left on a row holds a read transaction: the WAL could
     * never be checkpointed and would grow without end. */
    sqlite3_reset(s);
    return rc == SQLITE_ROW ? SL_OK : st_done(db, rc, err, "looking an article up");
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
        " date_inferred, text, meta, duplicate_of, event, storyline, minhash, removed)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
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
    st_bind_text(s, 17, a->removed);
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

sl_status st_terms_log_put(st_db *db, const uint32_t *pairs, size_t n, err_slot *err)
{
    if (!n) return SL_OK;
    sqlite3_stmt *s = st_prepare(db, ST_PUT_TERMS_LOG, "INSERT INTO terms_log (dfs) VALUES (?)");
    if (!s) return st_fail(db, err, "prepare");
    sqlite3_bind_blob64(s, 1, pairs, (sqlite3_uint64)(n * sizeof *pairs), SQLITE_STATIC);
    if (sqlite3_step(s) != SQLITE_DONE) return st_fail(db, err, "storing term frequencies");
    return SL_OK;
}

/* A statement without parameters or rows, kept prepared. */
static sl_status step_once(st_db *db, int which, const char *sql, const char *what, err_slot *err)
{
    sqlite3_stmt *s = st_prepare(db, which, sql);
    if (!s) return st_fail(db, err, "prepare");
    if (sqlite3_step(s) != SQLITE_DONE) return st_fail(db, err, what);
    return SL_OK;
}

sl_status st_terms_log_clear(st_db *db, err_slot *err)
{
    return step_once(db, ST_CLEAR_TERMS_LOG, "DELETE FROM terms_log", "storing term frequencies", err);
}

/* A new cluster is inserted and an old one updated, never the one for the
 * other: an id that is taken already, or missing, means the memory of this
 * writer and the file disagree, and the batch is refused. */
sl_status st_cluster_put(st_db *db, const cl_row *r, err_slot *err)
{
    sqlite3_stmt *s = r->created
        ? st_prepare(db, ST_PUT_CLUSTER, "INSERT INTO clusters (first, last, size, centroid, stated, parent, level, id)"
                     " VALUES (?,?,?,?,?,?,?,?)")
        : st_prepare(db, ST_SET_CLUSTER, "UPDATE clusters SET first = ?, last = ?, size = ?, centroid = ?, stated = ?,"
                     " parent = ?, stale = 1 WHERE level = ? AND id = ?");
    if (!s) return st_fail(db, err, "prepare");
    if (r->first != DAY_NONE) sqlite3_bind_int(s, 1, r->first);
    if (r->last != DAY_NONE) sqlite3_bind_int(s, 2, r->last);
    sqlite3_bind_int64(s, 3, r->size);
    sqlite3_bind_blob(s, 4, r->centroid, (int)r->centroid_len, SQLITE_STATIC);
    sqlite3_bind_int(s, 5, r->stated);
    sqlite3_bind_int64(s, 6, r->parent);
    sqlite3_bind_int(s, 7, (int)r->level);
    sqlite3_bind_int64(s, 8, r->id);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_CONSTRAINT || (rc == SQLITE_DONE && sqlite3_changes(db->h) != 1))
        return err_set(err, SL_EDB, db->path, 0, "%s %c%lld is %s the database: another process changed it",
                       r->level == CL_EVENT ? "event" : "storyline", r->level == CL_EVENT ? 'e' : 's',
                       (long long)r->id, r->created ? "already in" : "missing from");
    if (rc != SQLITE_DONE) return st_fail(db, err, "storing a cluster");
    return SL_OK;
}

sl_status st_postings_put(st_db *db, cl_level level, uint32_t term, const uint32_t *pos, size_t n, err_slot *err)
{
    sqlite3_stmt *s = st_prepare(db, ST_PUT_POSTINGS, "INSERT OR REPLACE INTO postings (level, term, clusters) VALUES (?,?,?)");
    if (!s) return st_fail(db, err, "prepare");
    sqlite3_bind_int(s, 1, (int)level);
    sqlite3_bind_int64(s, 2, term);
    sqlite3_bind_blob(s, 3, n ? (const void *)pos : "", (int)(n * sizeof *pos), SQLITE_STATIC);
    if (sqlite3_step(s) != SQLITE_DONE) return st_fail(db, err, "storing the candidate index");
    return SL_OK;
}

sl_status st_postings_log_put(st_db *db, cl_level level, const uint32_t *pairs, size_t n, err_slot *err)
{
    if (!n) return SL_OK;
    sqlite3_stmt *s = st_prepare(db, ST_PUT_POSTINGS_LOG, "INSERT INTO postings_log (level, posts) VALUES (?,?)");
    if (!s) return st_fail(db, err, "prepare");
    sqlite3_bind_int(s, 1, (int)level);
    sqlite3_bind_blob64(s, 2, pairs, (sqlite3_uint64)(n * sizeof *pairs), SQLITE_STATIC);
    if (sqlite3_step(s) != SQLITE_DONE) return st_fail(db, err, "storing the candidate index");
    return SL_OK;
}

sl_status st_postings_log_clear(st_db *db, err_slot *err)
{
    return step_once(db, ST_CLEAR_POSTINGS_LOG, "DELETE FROM postings_log", "storing the candidate index", err);
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

static sl_status put_meta(st_db *db, const char *key, int64_t v, err_slot *err)
{
    sqlite3_stmt *s = st_prepare(db, ST_PUT_META, "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)");
    if (!s) return st_fail(db, err, "prepare");
    sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
    sqlite3_bind_int64(s, 2, v);
    return sqlite3_step(s) == SQLITE_DONE ? SL_OK : st_fail(db, err, "storing statistics");
}

sl_status st_batch_end(st_db *db, const cl_state *cl, err_slot *err)
{
    sl_status st = put_meta(db, "ndocs", (int64_t)cl_ndocs(cl), err);
    if (st == SL_OK) st = put_meta(db, "event_ids", cl_ids_used(cl, CL_EVENT), err);
    if (st == SL_OK) st = put_meta(db, "storyline_ids", cl_ids_used(cl, CL_STORYLINE), err);
    if (st != SL_OK) return st;
    sqlite3_stmt *s;
    s = st_prepare(db, ST_PUT_GENERATION, "INSERT INTO meta (key, value) VALUES ('generation', 1)"
                   " ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1");
    if (!s) return st_fail(db, err, "prepare");
    if (sqlite3_step(s) != SQLITE_DONE) return st_fail(db, err, "storing statistics");
    return SL_OK;
}

/* FTS5 keeps its index as segments that its automerge joins level by
 * level, and a search reads the word's list in every segment: at a million
 * articles the index held enough of them that a search ran at x0.85 of its
 * speed at 10,000 (bench/serve, "pakistani" under load), and at x1.0 once
 * merged into one ('optimize'). Merging costs a pass over the index, so it
 * is done when the archive has doubled since the last time: over a whole
 * archive that is at most twice the index written again, and a search
 * reads at most about half of the archive in unmerged segments. */
sl_status st_fts_tidy(st_db *db, bool *done, err_slot *err)
{
    *done = false;
    int rc;
    int64_t rows = scalar(db->h, "SELECT coalesce(max(row), 0) FROM articles", &rc);
    int64_t last = rc == SQLITE_OK ? scalar(db->h, "SELECT coalesce((SELECT CAST(value AS INTEGER) FROM meta"
                                                   " WHERE key = 'fts_merged'), 0)", &rc) : 0;
    if (rc != SQLITE_OK) return st_fail(db, err, "reading the size of the full-text index");
    if (rows <= 0 || rows < 2 * last) return SL_OK;
    sl_status st = st_begin(db, err);
    if (st != SL_OK) return st;
    if (sqlite3_exec(db->h, "INSERT INTO articles_fts (articles_fts) VALUES ('optimize')", NULL, NULL, NULL) !=
        SQLITE_OK)
        st = st_fail(db, err, "merging the full-text index");
    if (st == SL_OK) st = put_meta(db, "fts_merged", rows, err);
    if (st == SL_OK) st = st_commit(db, err);
    if (st != SL_OK) st_rollback(db);
    *done = st == SL_OK;
    return st;
}

sl_status st_generation(st_db *db, int64_t *out, err_slot *err)
{
    sqlite3_stmt *s = st_prepare(db, ST_GET_GENERATION, "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'generation'");
    if (!s) return st_fail(db, err, "prepare");
    int rc = sqlite3_step(s);
    *out = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
    if (rc == SQLITE_ROW) rc = sqlite3_step(s);
    sqlite3_reset(s);   /* no read transaction left open */
    return st_done(db, rc, err, "reading the generation");
}

sl_status st_data_version(st_db *db, int64_t *out, err_slot *err)
{
    sqlite3_stmt *s = st_prepare(db, ST_DATA_VERSION, "PRAGMA data_version");
    if (!s) return st_fail(db, err, "prepare");
    int rc = sqlite3_step(s);
    *out = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
    if (rc == SQLITE_ROW) rc = sqlite3_step(s);
    sqlite3_reset(s);
    return st_done(db, rc, err, "reading the data version");
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

/* ---- loading what the clustering knows ------------------------------------
 *
 * Every value read back is checked before it is used: an id is an index
 * into memory, so an id out of range (negative, or far beyond the rows
 * there are) would crash or ask for gigabytes. Cluster ids run from 1 up
 * (a merged one keeps its id in the merged table), term ids from 0 without
 * gaps. A bad value refuses the whole file: half a state is worse than
 * none. */

static sl_status bad_value(st_db *db, err_slot *err, const char *what, long long v)
{
    return err_set(err, SL_EDB, db->path, 0, "the database is damaged: %s %lld is out of range;"
                   " nothing was loaded or changed", what, v);
}

static sl_status count_rows(st_db *db, const char *sql, int64_t *out, err_slot *err)
{
    int rc;
    *out = scalar(db->h, sql, &rc);
    return rc == SQLITE_OK && *out >= 0 ? SL_OK : st_fail(db, err, "counting rows");
}

/* Days a cluster can span: years 1 to 9999. */
#define ST_DAY_MIN (-719162)
#define ST_DAY_MAX 2932896

static bool day_ok(sqlite3_stmt *s, int i, int32_t *out)
{
    if (sqlite3_column_type(s, i) == SQLITE_NULL) { *out = DAY_NONE; return true; }
    int64_t v = sqlite3_column_int64(s, i);
    *out = (int32_t)v;
    return v >= ST_DAY_MIN && v <= ST_DAY_MAX;
}

/* A log row's uint32 pairs (column col) into *pairs (malloc'd, NULL for
 * none: a blob need not be aligned), *n uint32; what names a blob that
 * holds a piece of a pair. */
static sl_status log_pairs(st_db *db, sqlite3_stmt *s, int col, const char *what, uint32_t **pairs, size_t *n,
                           err_slot *err)
{
    size_t bytes = (size_t)sqlite3_column_bytes(s, col);
    *pairs = NULL;
    *n = 0;
    if (bytes % (2 * sizeof(uint32_t))) return bad_value(db, err, what, (long long)bytes);
    if (bytes) memcpy(*pairs = xmalloc(bytes), sqlite3_column_blob(s, col), bytes);
    *n = bytes / sizeof **pairs;
    return SL_OK;
}

/* A log read back (why: NULL), or why it cannot be one. */
static sl_status replayed(st_db *db, const char *why, err_slot *err)
{
    if (!why) return SL_OK;
    return err_set(err, SL_EDB, db->path, 0, "the database is damaged: %s; nothing was loaded or changed", why);
}

static sl_status load_terms(st_db *db, cl_state *cl, err_slot *err)
{
    int64_t n;
    sl_status st = count_rows(db, "SELECT count(*) FROM terms", &n, err);
    if (st != SL_OK) return st;
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(db->h, "SELECT id, term, df FROM terms ORDER BY id", -1, &s, NULL) != SQLITE_OK)
        return st_fail(db, err, "loading terms");
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        int64_t id = sqlite3_column_int64(s, 0), df = sqlite3_column_int64(s, 2);
        const char *term = (const char *)sqlite3_column_text(s, 1);
        if (id < 0 || id >= n) { st = bad_value(db, err, "term id", id); break; }
        if (df < 0 || df > UINT32_MAX) { st = bad_value(db, err, "document frequency", df); break; }
        if (!term || !*term) { st = bad_value(db, err, "empty term", id); break; }
        cl_vocab_load(cl, (uint32_t)id, term, (size_t)sqlite3_column_bytes(s, 1), (uint32_t)df);
    }
    if (st == SL_OK) st = st_done(db, rc, err, "loading terms");
    sqlite3_finalize(s);
    if (st != SL_OK) return st;
    /* the frequencies changed since the rows were written, in order */
    if (sqlite3_prepare_v2(db->h, "SELECT dfs FROM terms_log ORDER BY seq", -1, &s, NULL) != SQLITE_OK)
        return st_fail(db, err, "loading terms");
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        uint32_t *pairs;
        size_t n;
        if ((st = log_pairs(db, s, 0, "term log of bytes", &pairs, &n, err)) != SL_OK) break;
        st = replayed(db, cl_vocab_replay(cl, pairs, n), err);
        free(pairs);
        if (st != SL_OK) break;
    }
    if (st == SL_OK) st = st_done(db, rc, err, "loading terms");
    sqlite3_finalize(s);
    if (st != SL_OK) return st;
    int64_t ndocs;
    st = count_rows(db, "SELECT coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'ndocs'), 0)", &ndocs, err);
    if (st == SL_OK) cl_set_ndocs(cl, (uint64_t)ndocs);
    return st;
}

static sl_status load_clusters(st_db *db, cl_state *cl, err_slot *err)
{
    /* The highest id each level may hold: its rows, live and merged, and
     * one for each article (an event an article opened can be dropped
     * again in the same batch, its id never stored). */
    int64_t bound[2];
    sl_status st = count_rows(db, "SELECT (SELECT count(*) FROM clusters WHERE level = 0)"
                                  " + (SELECT count(*) FROM merged WHERE level = 0)"
                                  " + (SELECT count(*) FROM articles)", &bound[0], err);
    if (st == SL_OK)
        st = count_rows(db, "SELECT (SELECT count(*) FROM clusters WHERE level = 1)"
                            " + (SELECT count(*) FROM merged WHERE level = 1)"
                            " + (SELECT count(*) FROM articles)", &bound[1], err);
    if (st != SL_OK) return st;
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(db->h, "SELECT level, id, parent, first, last, size, centroid, stated FROM clusters"
                                  " ORDER BY level, id", -1, &s, NULL) != SQLITE_OK)
        return st_fail(db, err, "loading clusters");
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        int64_t level = sqlite3_column_int64(s, 0), size = sqlite3_column_int64(s, 5);
        cl_row r = {.id = sqlite3_column_int64(s, 1), .parent = sqlite3_column_int64(s, 2),
                    .centroid = sqlite3_column_blob(s, 6), .centroid_len = (size_t)sqlite3_column_bytes(s, 6)};
        if (level != CL_EVENT && level != CL_STORYLINE) { st = bad_value(db, err, "cluster level", level); break; }
        r.level = (cl_level)level;
        if (r.id < 1 || r.id > bound[level]) { st = bad_value(db, err, level ? "storyline id" : "event id", r.id); break; }
        if (level == CL_EVENT ? r.parent < 0 || r.parent > bound[CL_STORYLINE] : r.parent != 0) {
            st = bad_value(db, err, "parent of a cluster", r.parent);
            break;
        }
        if (size < 0 || size > UINT32_MAX) { st = bad_value(db, err, "cluster size", size); break; }
        r.size = (uint32_t)size;
        if (!day_ok(s, 3, &r.first) || !day_ok(s, 4, &r.last)) {
            st = bad_value(db, err, "day of a cluster", sqlite3_column_int64(s, r.first == DAY_NONE ? 3 : 4));
            break;
        }
        /* before schema 4 not stored: a dated cluster counts as stated */
        r.stated = sqlite3_column_type(s, 7) == SQLITE_NULL ? r.first != DAY_NONE : sqlite3_column_int(s, 7) != 0;
        const char *why = cl_load(cl, &r);
        if (why) {
            st = err_set(err, SL_EDB, db->path, 0, "the database is damaged: %s %c%lld: %s;"
                         " nothing was loaded or changed", level ? "storyline" : "event", level ? 's' : 'e',
                         (long long)r.id, why);
            break;
        }
    }
    if (st == SL_OK) st = st_done(db, rc, err, "loading clusters");
    sqlite3_finalize(s);
    if (st != SL_OK) return st;
    if (sqlite3_prepare_v2(db->h, "SELECT level, id, into_id FROM merged", -1, &s, NULL) != SQLITE_OK)
        return st_fail(db, err, "loading merged clusters");
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        int64_t level = sqlite3_column_int64(s, 0);
        cl_row r = {.id = sqlite3_column_int64(s, 1), .merged_into = sqlite3_column_int64(s, 2)};
        if (level != CL_EVENT && level != CL_STORYLINE) { st = bad_value(db, err, "cluster level", level); break; }
        r.level = (cl_level)level;
        if (r.id < 1 || r.id > bound[level]) { st = bad_value(db, err, "merged cluster id", r.id); break; }
        if (r.merged_into < 1 || r.merged_into > bound[level] || r.merged_into == r.id) {
            st = bad_value(db, err, "cluster merged into", r.merged_into);
            break;
        }
        const char *why = cl_load(cl, &r);
        if (why) { st = err_set(err, SL_EDB, db->path, 0, "the database is damaged: %s", why); break; }
    }
    if (st == SL_OK) st = st_done(db, rc, err, "loading merged clusters");
    sqlite3_finalize(s);
    static const char *const used[2] = {
        "SELECT coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'event_ids'), 0)",
        "SELECT coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'storyline_ids'), 0)",
    };
    for (int level = 0; level < 2 && st == SL_OK; level++) {
        int64_t n;
        st = count_rows(db, used[level], &n, err);
        if (st == SL_OK && n > bound[level]) st = bad_value(db, err, level ? "storyline ids used" : "event ids used", n);
        if (st == SL_OK) cl_ids_reserve(cl, (cl_level)level, n);
    }
    return st;
}

static sl_status load_postings(st_db *db, cl_state *cl, err_slot *err)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(db->h, "SELECT level, term, clusters FROM postings", -1, &s, NULL) != SQLITE_OK)
        return st_fail(db, err, "loading the candidate index");
    int rc;
    sl_status st = SL_OK;
    long lists = 0;
    uint32_t pos[256];
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        int64_t level = sqlite3_column_int64(s, 0), term = sqlite3_column_int64(s, 1);
        size_t bytes = (size_t)sqlite3_column_bytes(s, 2);
        if (level != CL_EVENT && level != CL_STORYLINE) { st = bad_value(db, err, "posting level", level); break; }
        if (term < 0 || term > UINT32_MAX) { st = bad_value(db, err, "posting term", term); break; }
        if (bytes % sizeof *pos || bytes > sizeof pos) { st = bad_value(db, err, "posting list of bytes", (long long)bytes); break; }
        if (bytes) memcpy(pos, sqlite3_column_blob(s, 2), bytes);
        const char *why = cl_postings_load(cl, (cl_level)level, (uint32_t)term, pos, bytes / sizeof *pos);
        if (why) {
            st = err_set(err, SL_EDB, db->path, 0, "the database is damaged: %s (term %lld); nothing was loaded or changed",
                         why, (long long)term);
            break;
        }
        lists++;
    }
    if (st == SL_OK) st = st_done(db, rc, err, "loading the candidate index");
    sqlite3_finalize(s);
    if (st != SL_OK) return st;
    /* what was posted since the lists were stored, in order */
    if (sqlite3_prepare_v2(db->h, "SELECT level, posts FROM postings_log ORDER BY seq", -1, &s, NULL) != SQLITE_OK)
        return st_fail(db, err, "loading the candidate index");
    long logs = 0;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        int64_t level = sqlite3_column_int64(s, 0);
        if (level != CL_EVENT && level != CL_STORYLINE) { st = bad_value(db, err, "posting log level", level); break; }
        uint32_t *pairs;
        size_t n;
        if ((st = log_pairs(db, s, 1, "posting log of bytes", &pairs, &n, err)) != SL_OK) break;
        st = replayed(db, cl_postings_replay(cl, (cl_level)level, pairs, n), err);
        free(pairs);
        if (st != SL_OK) break;
        logs++;
    }
    if (st == SL_OK) st = st_done(db, rc, err, "loading the candidate index");
    sqlite3_finalize(s);
    if (st == SL_OK && !lists && !logs) cl_index_centroids(cl);   /* a store from before schema 4 */
    return st;
}

static sl_status load_signatures(st_db *db, dd_index *dd, err_slot *err)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(db->h, "SELECT row, minhash FROM articles WHERE minhash IS NOT NULL"
                                  " AND duplicate_of IS NULL ORDER BY row", -1, &s, NULL) != SQLITE_OK)
        return st_fail(db, err, "loading signatures");
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if ((size_t)sqlite3_column_bytes(s, 1) != sizeof(dd_sig)) continue;   /* none stored: not comparable */
        dd_sig sig;
        memcpy(&sig, sqlite3_column_blob(s, 1), sizeof sig);
        dd_add(dd, sqlite3_column_int64(s, 0), &sig);
    }
    sl_status st = st_done(db, rc, err, "loading signatures");
    sqlite3_finalize(s);
    return st;
}

/* One read transaction: a state from one moment. */
sl_status st_load(st_db *db, cl_state *cl, dd_index *dd, err_slot *err)
{
    if (sqlite3_exec(db->h, "BEGIN", NULL, NULL, NULL) != SQLITE_OK) return st_fail(db, err, "begin");
    sl_status st = load_terms(db, cl, err);
    if (st == SL_OK) st = load_clusters(db, cl, err);
    if (st == SL_OK) st = load_postings(db, cl, err);
    if (st == SL_OK) st = load_signatures(db, dd, err);
    sqlite3_exec(db->h, "COMMIT", NULL, NULL, NULL);
    return st;
}

sl_status st_article_ref(st_db *db, int64_t rowid, buf *id, int64_t *event, err_slot *err)
{
    sqlite3_stmt *s = st_prepare(db, ST_ARTICLE_ID, "SELECT id, event FROM articles WHERE row = ?");
    if (!s) return st_fail(db, err, "prepare");
    sqlite3_bind_int64(s, 1, rowid);
    int rc = sqlite3_step(s);
    if (rc != SQLITE_ROW) {
        sqlite3_reset(s);
        return rc == SQLITE_DONE ? SL_ENOTFOUND : st_fail(db, err, "looking an article up");
    }
    buf_clear(id);
    buf_puts(id, (const char *)sqlite3_column_text(s, 0));
    *event = sqlite3_column_int64(s, 1);
    sqlite3_reset(s);   /* see st_article_known */
    return SL_OK;
}

sl_status st_stale_each(st_db *db, st_stale_fn fn, void *ctx, err_slot *err)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(db->h, "SELECT level, id FROM clusters WHERE stale ORDER BY level, id",
                           -1, &s, NULL) != SQLITE_OK)
        return st_fail(db, err, "reading clusters");
    VEC(int64_t) rows = {0};   /* collected first: fn writes to the same table */
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        VEC_PUSH(rows, sqlite3_column_int64(s, 0));
        VEC_PUSH(rows, sqlite3_column_int64(s, 1));
    }
    sl_status st = st_done(db, rc, err, "reading clusters");
    sqlite3_finalize(s);
    if (st != SL_OK) {
        VEC_FREE(rows);
        return st;
    }
    for (size_t i = 0; i + 1 < rows.n; i += 2) fn((cl_level)rows.v[i], rows.v[i + 1], ctx);
    VEC_FREE(rows);
    return SL_OK;
}
