/* feeds.c: what `storyline watch` remembers between rounds and restarts:
 * each feed's HTTP validators (ETag, Last-Modified) for conditional
 * requests, and every article URL fetched with its last status.
 *
 * Not the articles themselves (db.c) nor the polling (engine/watch.c).
 * Each write stands alone (autocommit) unless a batch transaction is open:
 * a restart must not fetch again what was fetched before it. */
#include "store.h"
#include "st_internal.h"

static void column_into(sqlite3_stmt *s, int i, buf *out)
{
    buf_clear(out);
    if (sqlite3_column_type(s, i) != SQLITE_NULL)
        buf_append(out, (const char *)sqlite3_column_text(s, i), (size_t)sqlite3_column_bytes(s, i));
}

sl_status st_feed_get(st_db *db, const char *url, buf *etag, buf *last_modified, err_slot *err)
{
    buf_clear(etag);
    buf_clear(last_modified);
    sqlite3_stmt *s = st_prepare(db, ST_FEED_GET, "SELECT etag, last_modified FROM feeds WHERE url = ?");
    if (!s) return st_fail(db, err, "prepare");
    sqlite3_bind_text(s, 1, url, -1, SQLITE_STATIC);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        column_into(s, 0, etag);
        column_into(s, 1, last_modified);
    }
    sqlite3_reset(s);   /* no read transaction left open (db.c) */
    return rc == SQLITE_ROW ? SL_OK : st_done(db, rc, err, "reading a feed's state");
}

sl_status st_feed_put(st_db *db, const char *url, const char *etag, const char *last_modified,
                      long status, err_slot *err)
{
    sqlite3_stmt *s = st_prepare(db, ST_FEED_PUT,
        "INSERT INTO feeds (url, etag, last_modified, status, checked)"
        " VALUES (?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ','now'))"
        " ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,"
        " status = excluded.status, checked = excluded.checked");
    if (!s) return st_fail(db, err, "prepare");
    sqlite3_bind_text(s, 1, url, -1, SQLITE_STATIC);
    st_bind_text(s, 2, etag);
    st_bind_text(s, 3, last_modified);
    sqlite3_bind_int64(s, 4, status);
    if (sqlite3_step(s) != SQLITE_DONE) return st_fail(db, err, "storing a feed's state");
    return SL_OK;
}

sl_status st_seen_get(st_db *db, const char *url, long *status, long *tries, err_slot *err)
{
    *status = *tries = 0;
    sqlite3_stmt *s = st_prepare(db, ST_SEEN_GET, "SELECT status, tries FROM seen WHERE url = ?");
    if (!s) return st_fail(db, err, "prepare");
    sqlite3_bind_text(s, 1, url, -1, SQLITE_STATIC);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        *status = (long)sqlite3_column_int64(s, 0);
        *tries = (long)sqlite3_column_int64(s, 1);
    }
    sqlite3_reset(s);
    return rc == SQLITE_ROW ? SL_OK : st_done(db, rc, err, "reading what was fetched");
}

sl_status st_seen_put(st_db *db, const char *url, const char *feed, long status, err_slot *err)
{
    sqlite3_stmt *s = st_prepare(db, ST_SEEN_PUT,
        "INSERT INTO seen (url, feed, status) VALUES (?, ?, ?)"
        " ON CONFLICT (url) DO UPDATE SET status = excluded.status, tries = tries + 1,"
        " fetched = strftime('%Y-%m-%dT%H:%M:%SZ','now')");
    if (!s) return st_fail(db, err, "prepare");
    sqlite3_bind_text(s, 1, url, -1, SQLITE_STATIC);
    st_bind_text(s, 2, feed);
    sqlite3_bind_int64(s, 3, status);
    if (sqlite3_step(s) != SQLITE_DONE) return st_fail(db, err, "remembering an article URL");
    return SL_OK;
}
