/* dbcheck.h: what the end-to-end tests check in a storyline database
 * through SQLite itself: one value, consistency of stored counts, and the
 * whole clustering state as text. */
#ifndef SL_DBCHECK_H
#define SL_DBCHECK_H

#include "testutil.h"

#include <sqlite3.h>

static inline void exec_sql(const char *db, const char *sql)
{
    sqlite3 *h;
    assert_int_equal(sqlite3_open(db, &h), SQLITE_OK);
    char *msg = NULL;
    if (sqlite3_exec(h, sql, NULL, NULL, &msg) != SQLITE_OK) fail_msg("%s: %s", sql, msg);
    sqlite3_close(h);
}

static inline long long value_of(const char *db, const char *sql)
{
    sqlite3 *h;
    sqlite3_stmt *s;
    assert_int_equal(sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    if (sqlite3_prepare_v2(h, sql, -1, &s, NULL) != SQLITE_OK) fail_msg("%s: %s", sql, sqlite3_errmsg(h));
    assert_int_equal(sqlite3_step(s), SQLITE_ROW);
    long long v = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    sqlite3_close(h);
    return v;
}

/* Every stored count agrees with the rows it counts, every article's
 * event and storyline exist and agree, and SQLite finds the file whole. */
static inline void assert_consistent(const char *db)
{
    static const char *const zero[] = {
        "SELECT count(*) FROM clusters c WHERE level = 0 AND size != (SELECT count(*) FROM articles a WHERE a.event = c.id)",
        "SELECT count(*) FROM clusters c WHERE level = 1 AND size != (SELECT count(*) FROM articles a WHERE a.storyline = c.id)",
        "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM clusters c WHERE c.level = 0 AND c.id = a.event)",
        "SELECT count(*) FROM articles a JOIN clusters e ON e.level = 0 AND e.id = a.event WHERE e.parent != a.storyline",
        "SELECT count(*) FROM clusters e WHERE level = 0 AND NOT EXISTS"
        " (SELECT 1 FROM clusters s WHERE s.level = 1 AND s.id = e.parent)",
    };
    for (size_t i = 0; i < sizeof zero / sizeof *zero; i++) {
        long long n = value_of(db, zero[i]);
        if (n) fail_msg("%s: %lld rows break: %s", db, n, zero[i]);
    }
    sqlite3 *h;
    sqlite3_stmt *s;
    assert_int_equal(sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(h, "PRAGMA integrity_check", -1, &s, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(s), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(s, 0), "ok");
    sqlite3_finalize(s);
    sqlite3_close(h);
}

/* Everything a run leaves that a later run builds on, as text to compare:
 * articles and their places, clusters with centroids and headlines,
 * merges, terms and frequencies (rows and log), the candidate index. */
static inline char *state_of(const char *db)
{
    static const char *const queries[] = {
        "SELECT id, event, storyline, duplicate_of, day FROM articles ORDER BY id",
        "SELECT level, id, parent, first, last, size, hex(centroid), stated, headline FROM clusters ORDER BY level, id",
        "SELECT level, id, into_id FROM merged ORDER BY level, id",
        "SELECT id, term, df FROM terms ORDER BY id",
        "SELECT level, term, hex(clusters) FROM postings ORDER BY level, term",
        "SELECT level, hex(posts) FROM postings_log ORDER BY seq",
        "SELECT hex(dfs) FROM terms_log ORDER BY seq",
        "SELECT value FROM meta WHERE key = 'ndocs'",
    };
    sqlite3 *h;
    assert_int_equal(sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    size_t cap = 1 << 20, n = 0;
    char *out = malloc(cap);
    for (size_t q = 0; q < sizeof queries / sizeof *queries; q++) {
        sqlite3_stmt *s;
        assert_int_equal(sqlite3_prepare_v2(h, queries[q], -1, &s, NULL), SQLITE_OK);
        while (sqlite3_step(s) == SQLITE_ROW) {
            for (int i = 0; i < sqlite3_column_count(s); i++) {
                const char *v = (const char *)sqlite3_column_text(s, i);
                size_t k = v ? strlen(v) : 4;
                while (n + k + 2 >= cap) out = realloc(out, cap *= 2);
                memcpy(out + n, v ? v : "NULL", k);
                n += k;
                out[n++] = i + 1 < sqlite3_column_count(s) ? '\t' : '\n';
            }
        }
        sqlite3_finalize(s);
    }
    sqlite3_close(h);
    out[n] = 0;
    return out;
}

/* Fail, saying where, unless two states (state_of) are the same; what
 * names the runs compared. */
static inline void assert_same_state(const char *want, const char *got, const char *what)
{
    if (!strcmp(want, got)) return;
    size_t i = 0;
    while (want[i] && want[i] == got[i]) i++;
    while (i && want[i - 1] != '\n') i--;
    fail_msg("%s: the state differs from an uninterrupted run at\n%.300s\nvs\n%.300s", what, want + i, got + i);
}

#endif
