/* query.c: reading the database for the command line, the API and the
 * summarizer: articles, storylines with their events, one story in full.
 *
 * Events are shown as "e<N>" and storylines as "s<N>"; the prefix says which
 * table a bare number would be ambiguous in. Not the writes (db.c). */
#include "store.h"
#include "st_internal.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


static const char *col(sqlite3_stmt *s, int i) { return (const char *)sqlite3_column_text(s, i); }

static const char *day_col(sqlite3_stmt *s, int i, char out[11])
{
    if (sqlite3_column_type(s, i) == SQLITE_NULL) return NULL;
    day_format(sqlite3_column_int(s, i), out);
    return out;
}

sl_status st_members(st_db *db, cl_level level, int64_t id, int limit, st_member_fn fn, void *ctx, err_slot *err)
{
    sqlite3_stmt *s = level == CL_EVENT
        ? st_prepare(db, ST_MEMBERS_EVENT, "SELECT id, title, text, duplicate_of, day FROM articles"
                     " WHERE event = ? ORDER BY duplicate_of IS NOT NULL, day IS NULL, day, row LIMIT ?")
        : st_prepare(db, ST_MEMBERS_STORYLINE, "SELECT id, title, text, duplicate_of, day FROM articles"
                     " WHERE storyline = ? ORDER BY duplicate_of IS NOT NULL, day IS NULL, day, row LIMIT ?");
    if (!s) return st_fail(db, err, "prepare");
    sqlite3_bind_int64(s, 1, id);
    sqlite3_bind_int(s, 2, limit);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        st_member m = {col(s, 0), col(s, 1), col(s, 2), col(s, 3),
                       sqlite3_column_type(s, 4) == SQLITE_NULL ? DAY_NONE : sqlite3_column_int(s, 4)};
        fn(&m, ctx);
    }
    sqlite3_reset(s);
    return st_done(db, rc, err, "reading a story's articles");
}

const char *st_article_cols(const st_db *db) { return db->article_cols ? db->article_cols : ST_ARTICLE_COLS; }

int st_article_rows(sqlite3_stmt *s, sl_article_fn fn, void *ctx, long *n)
{
    char ev[32], sl[32];
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        snprintf(ev, sizeof ev, "e%lld", (long long)sqlite3_column_int64(s, 7));
        snprintf(sl, sizeof sl, "s%lld", (long long)sqlite3_column_int64(s, 8));
        sl_article_row a = {
            .id = col(s, 0), .url = col(s, 1), .title = col(s, 2), .published = col(s, 3),
            .source = col(s, 4), .byline = col(s, 5), .dateline = col(s, 6), .event = ev,
            .storyline = sl, .duplicate_of = col(s, 9), .text = col(s, 10), .meta_json = col(s, 11),
            .date_inferred = sqlite3_column_int(s, 12), .removed = col(s, 13),
        };
        (*n)++;
        if (fn(&a, ctx)) return SQLITE_DONE;
    }
    return rc;
}

sl_status st_articles_each(st_db *db, sl_article_fn fn, void *ctx, err_slot *err)
{
    sqlite3_stmt *s;
    char sql[320];
    snprintf(sql, sizeof sql, "SELECT %s FROM articles ORDER BY day DESC, row DESC", st_article_cols(db));
    if (sqlite3_prepare_v2(db->h, sql, -1, &s, NULL) != SQLITE_OK) return st_fail(db, err, "reading articles");
    long n = 0;
    int rc = st_article_rows(s, fn, ctx, &n);
    sqlite3_finalize(s);
    return rc == SQLITE_DONE ? SL_OK : st_fail(db, err, "reading articles");
}

sl_status st_events_of(st_db *db, int64_t storyline, const char *order, int limit, arena *a,
                           sl_event_row **out, size_t *n, size_t *total, err_slot *err)
{
    char sql[480];
    snprintf(sql, sizeof sql,
             "SELECT id, parent, headline, first, last, size FROM (SELECT id, parent, headline, first, last, size"
             " FROM clusters WHERE level = 0"
             " AND parent = ?1 ORDER BY last DESC, id DESC LIMIT ?2) ORDER BY last IS NULL, last %s, id %s",
             order, order);
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(db->h, sql, -1, &s, NULL) != SQLITE_OK) return st_fail(db, err, "reading events");
    sqlite3_bind_int64(s, 1, storyline);
    sqlite3_bind_int(s, 2, limit);
    VEC(sl_event_row) v = {0};
    char d1[11], d2[11];
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        sl_event_row r = {
            .id = arena_printf(a, "e%lld", (long long)sqlite3_column_int64(s, 0)),
            .storyline = arena_printf(a, "s%lld", (long long)sqlite3_column_int64(s, 1)),
            .headline = arena_strdup(a, col(s, 2)),
            .first = arena_strdup(a, day_col(s, 3, d1)),
            .last = arena_strdup(a, day_col(s, 4, d2)),
            .size = sqlite3_column_int64(s, 5),
        };
        VEC_PUSH(v, r);
    }
    sl_status st = st_done(db, rc, err, "reading events");
    sqlite3_finalize(s);
    *total = v.n;
    if (st == SL_OK && v.n == (size_t)limit) {
        const char *count = db->event_counts
            ? "SELECT coalesce((SELECT n FROM event_counts WHERE storyline = ?), 0)"
            : "SELECT count(*) FROM clusters WHERE level = 0 AND parent = ?";
        if (sqlite3_prepare_v2(db->h, count, -1, &s, NULL) != SQLITE_OK)
            return st_fail(db, err, "counting events");
        sqlite3_bind_int64(s, 1, storyline);
        rc = sqlite3_step(s);
        if (rc == SQLITE_ROW) *total = (size_t)sqlite3_column_int64(s, 0);
        else st = st_fail(db, err, "counting events");
        sqlite3_finalize(s);
    }
    *out = arena_alloc(a, (v.n + 1) * sizeof **out);
    if (v.n) memcpy(*out, v.v, v.n * sizeof **out);
    *n = v.n;
    VEC_FREE(v);
    return st;
}

sl_status st_storylines_each(st_db *db, sl_storyline_fn fn, void *ctx, err_slot *err)
{
    sqlite3_stmt *s;
    /* DESC puts NULL last: undated storylines come at the end */
    if (sqlite3_prepare_v2(db->h, "SELECT id, headline, first, last, size FROM clusters WHERE level = 1"
                                  " ORDER BY last DESC, id DESC", -1, &s, NULL) != SQLITE_OK)
        return st_fail(db, err, "reading storylines");
    sl_status st = SL_OK;
    arena a;
    arena_init(&a);
    char d1[11], d2[11];
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        sl_storyline_row r = {
            .id = arena_printf(&a, "s%lld", (long long)sqlite3_column_int64(s, 0)),
            .headline = col(s, 1), .first = day_col(s, 2, d1), .last = day_col(s, 3, d2),
            .size = sqlite3_column_int64(s, 4),
        };
        sl_event_row *ev;
        st = st_events_of(db, sqlite3_column_int64(s, 0), "DESC", SL_LIST_EVENTS, &a, &ev, &r.n_events, &r.total_events,
                       err);
        if (st != SL_OK) break;
        r.events = ev;
        int stop = fn(&r, ctx);
        arena_reset(&a);
        if (stop) break;
    }
    if (st == SL_OK && rc != SQLITE_ROW) st = st_done(db, rc, err, "reading storylines");
    arena_reset(&a);
    sqlite3_finalize(s);
    return st;
}

/* ---- one story ------------------------------------------------------------ */

typedef struct story_box {
    sl_story s;      /* first: sl_story_free casts back */
    arena    a;
} story_box;

void sl_story_free(sl_story *s)
{
    if (!s) return;
    story_box *b = (story_box *)s;
    arena_reset(&b->a);
    free(b);
}

static bool parse_story_id(const char *id, cl_level *level, int64_t *n)
{
    if (!id || (id[0] != 'e' && id[0] != 's') || !id[1]) return false;
    char *end;
    long long v = strtoll(id + 1, &end, 10);
    if (*end || v <= 0) return false;
    *level = id[0] == 'e' ? CL_EVENT : CL_STORYLINE;
    *n = v;
    return true;
}

/* An id merged into another (db.c's st_cluster_merged) answers as the one
 * that took it, however many merges ago. */
static sl_status resolve_merged(st_db *db, cl_level level, int64_t *id, err_slot *err)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(db->h, "SELECT into_id FROM merged WHERE level = ? AND id = ?", -1, &s, NULL) != SQLITE_OK)
        return st_fail(db, err, "reading merged clusters");
    int rc = SQLITE_DONE;
    for (int hops = 0; hops < 1000; hops++) {
        sqlite3_reset(s);
        sqlite3_bind_int(s, 1, (int)level);
        sqlite3_bind_int64(s, 2, *id);
        if ((rc = sqlite3_step(s)) != SQLITE_ROW) break;
        *id = sqlite3_column_int64(s, 0);
    }
    sl_status st = rc == SQLITE_ROW ? SL_OK : st_done(db, rc, err, "reading merged clusters");
    sqlite3_finalize(s);
    return st;
}

static void summary_from_json(story_box *b, const char *json)
{
    json_t *arr = json ? json_loads(json, 0, NULL) : NULL;
    size_t n = json_is_array(arr) ? json_array_size(arr) : 0;
    const char **sent = arena_alloc(&b->a, (n + 1) * sizeof *sent);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        json_t *v = json_array_get(arr, i);
        if (json_is_string(v)) sent[k++] = arena_strdup(&b->a, json_string_value(v));
    }
    json_decref(arr);
    b->s.summary = sent;
    b->s.n_summary = k;
}

static sl_status story_articles(st_db *db, story_box *b, cl_level level, int64_t id, err_slot *err)
{
    sqlite3_stmt *s;
    /* the newest SL_STORY_ARTICLES, from the index, then oldest first */
    const char *sql = level == CL_EVENT
        ? "SELECT id, title, source, published, url, duplicate_of, event FROM (SELECT row, day, id, title, source,"
          " published, url, duplicate_of, event FROM articles WHERE event = ?1 ORDER BY day DESC, row DESC LIMIT ?2)"
          " ORDER BY day IS NULL, day, row"
        : "SELECT id, title, source, published, url, duplicate_of, event FROM (SELECT row, day, id, title, source,"
          " published, url, duplicate_of, event FROM articles WHERE storyline = ?1 ORDER BY day DESC, row DESC"
          " LIMIT ?2) ORDER BY day IS NULL, day, row";
    if (sqlite3_prepare_v2(db->h, sql, -1, &s, NULL) != SQLITE_OK) return st_fail(db, err, "reading articles");
    sqlite3_bind_int64(s, 1, id);
    sqlite3_bind_int(s, 2, SL_STORY_ARTICLES);
    VEC(sl_story_article) v = {0};
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        sl_story_article a = {
            arena_strdup(&b->a, col(s, 0)), arena_strdup(&b->a, col(s, 1)), arena_strdup(&b->a, col(s, 2)),
            arena_strdup(&b->a, col(s, 3)), arena_strdup(&b->a, col(s, 4)), arena_strdup(&b->a, col(s, 5)),
            arena_printf(&b->a, "e%lld", (long long)sqlite3_column_int64(s, 6)),
        };
        VEC_PUSH(v, a);
    }
    sl_status st = st_done(db, rc, err, "reading articles");
    sqlite3_finalize(s);
    sl_story_article *arr = arena_alloc(&b->a, (v.n + 1) * sizeof *arr);
    if (v.n) memcpy(arr, v.v, v.n * sizeof *arr);
    b->s.articles = arr;
    b->s.n_articles = v.n;
    VEC_FREE(v);
    return st;
}

static sl_status story_facts(st_db *db, story_box *b, cl_level level, int64_t id, err_slot *err)
{
    st_members_of m = {level, id, NULL};
    sl_actor *ac;
    sl_quote *q;
    sl_timeline_entry *t;
    sl_status st = st_story_actors(db, &m, &b->a, &ac, &b->s.total_actors, err);
    if (st == SL_OK)
        st = st_story_quotes(db, &m, ac, b->s.total_actors, SL_STORY_QUOTES, &b->a, &q, &b->s.n_quotes,
                             &b->s.total_quotes, err);
    b->s.n_actors = b->s.total_actors < SL_STORY_ACTORS ? b->s.total_actors : SL_STORY_ACTORS;
    if (st == SL_OK) st = st_story_timeline(db, &m, SL_TIMELINE_DATES, 1, &b->a, &t, &b->s.n_timeline, err);
    if (st != SL_OK) return st;
    b->s.actors = ac;
    b->s.quotes = q;
    b->s.timeline = t;
    return SL_OK;
}

/* SL_ENOTFOUND, naming id, if the event or storyline is not stored. */
static sl_status story_exists(st_db *db, cl_level level, int64_t n, const char *id, err_slot *err)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(db->h, "SELECT 1 FROM clusters WHERE level = ? AND id = ?", -1, &s, NULL) != SQLITE_OK)
        return st_fail(db, err, "reading a story");
    sqlite3_bind_int(s, 1, (int)level);
    sqlite3_bind_int64(s, 2, n);
    int rc = sqlite3_step(s);
    sqlite3_finalize(s);
    if (rc == SQLITE_ROW) return SL_OK;
    if (rc != SQLITE_DONE) return st_fail(db, err, "reading a story");
    return err_set(err, SL_ENOTFOUND, NULL, 0, "no %s '%s' in %s", level == CL_EVENT ? "event" : "storyline", id,
                   db->path);
}

typedef struct timeline_box {
    sl_timeline t;   /* first: sl_timeline_free casts back */
    arena       a;
} timeline_box;

void sl_timeline_free(sl_timeline *t)
{
    if (!t) return;
    timeline_box *b = (timeline_box *)t;
    arena_reset(&b->a);
    free(b);
}

sl_status st_timeline_get(st_db *db, const char *id, const char *query, size_t dates, size_t per_date,
                          sl_timeline **out, err_slot *err)
{
    *out = NULL;
    st_members_of m = {CL_EVENT, 0, query};
    if (!query && !parse_story_id(id, &m.level, &m.id))
        return err_set(err, SL_ENOTFOUND, NULL, 0, "'%s' is not an event (eN) or storyline (sN) id", id ? id : "");
    if (!query) {
        sl_status st = resolve_merged(db, m.level, &m.id, err);
        if (st == SL_OK) st = story_exists(db, m.level, m.id, id, err);
        if (st != SL_OK) return st;
    }
    timeline_box *b = xcalloc(1, sizeof *b);
    arena_init(&b->a);
    sl_timeline_entry *e;
    sl_status st = st_story_timeline(db, &m, dates, per_date, &b->a, &e, &b->t.n, err);
    if (st != SL_OK) { sl_timeline_free(&b->t); return st; }
    b->t.entries = e;
    *out = &b->t;
    return SL_OK;
}

sl_status st_story_get(st_db *db, const char *id, sl_story **out, err_slot *err)
{
    *out = NULL;
    cl_level level;
    int64_t n;
    if (!parse_story_id(id, &level, &n))
        return err_set(err, SL_ENOTFOUND, NULL, 0, "'%s' is not an event (eN) or storyline (sN) id", id);
    sl_status merged = resolve_merged(db, level, &n, err);
    if (merged != SL_OK) return merged;
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(db->h, "SELECT parent, headline, first, last, summary, size FROM clusters"
                                  " WHERE level = ? AND id = ?", -1, &s, NULL) != SQLITE_OK)
        return st_fail(db, err, "reading a story");
    sqlite3_bind_int(s, 1, (int)level);
    sqlite3_bind_int64(s, 2, n);
    int rc = sqlite3_step(s);
    if (rc != SQLITE_ROW) {
        sl_status st = rc == SQLITE_DONE ? SL_OK : st_fail(db, err, "reading a story");
        sqlite3_finalize(s);
        if (st != SL_OK) return st;
        return err_set(err, SL_ENOTFOUND, NULL, 0, "no %s '%s' in %s",
                       level == CL_EVENT ? "event" : "storyline", id, db->path);
    }
    story_box *b = xcalloc(1, sizeof *b);
    arena_init(&b->a);
    char d[11];
    b->s.id = arena_printf(&b->a, "%c%lld", level == CL_EVENT ? 'e' : 's', (long long)n);   /* after merges */
    b->s.kind = level == CL_EVENT ? "event" : "storyline";
    b->s.storyline = level == CL_EVENT ? arena_printf(&b->a, "s%lld", (long long)sqlite3_column_int64(s, 0)) : NULL;
    b->s.headline = arena_strdup(&b->a, col(s, 1));
    b->s.first = arena_strdup(&b->a, day_col(s, 2, d));
    b->s.last = arena_strdup(&b->a, day_col(s, 3, d));
    summary_from_json(b, col(s, 4));
    b->s.size = sqlite3_column_int64(s, 5);
    sqlite3_finalize(s);
    sl_status st = story_articles(db, b, level, n, err);
    if (st == SL_OK && level == CL_STORYLINE) {
        sl_event_row *ev;
        st = st_events_of(db, n, "ASC", SL_STORY_EVENTS, &b->a, &ev, &b->s.n_events, &b->s.total_events, err);
        b->s.events = ev;
    }
    if (st == SL_OK) st = story_facts(db, b, level, n, err);
    if (st != SL_OK) { sl_story_free(&b->s); return st; }
    *out = &b->s;
    return SL_OK;
}
