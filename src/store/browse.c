/* browse.c: what the server asks of the database: pages of storylines and
 * events, one article with its copies, full-text search.
 *
 * Pages are cut by key, not by offset: a cursor names the last row shown
 * (its last day and id), so the next page costs the same however deep it
 * is and shows no row twice while a writer adds stories. Newest first, as
 * the listings of query.c, from the index clusters(level, last, id). */
#include "store.h"
#include "st_internal.h"

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

/* A cursor is "D.N": the last day (days since 1970, or "u" when undated)
 * and the id of the last row of the page before. */
typedef struct cursor {
    bool    given, undated;
    int64_t day, id;
} cursor;

static bool cursor_parse(const char *s, cursor *c)
{
    memset(c, 0, sizeof *c);
    if (!s || !*s) return true;
    c->given = true;
    char *end;
    if (s[0] == 'u') {
        c->undated = true;
        end = (char *)s + 1;
    } else {
        c->day = strtoll(s, &end, 10);
        if (end == s || c->day < -1000000 || c->day > 10000000) return false;
    }
    if (*end != '.') return false;
    const char *n = end + 1;
    c->id = strtoll(n, &end, 10);
    return end != n && !*end && c->id > 0;
}

static void cursor_print(sqlite3_stmt *s, int day_col_i, int id_col_i, char out[SL_CURSOR_MAX])
{
    if (sqlite3_column_type(s, day_col_i) == SQLITE_NULL)
        snprintf(out, SL_CURSOR_MAX, "u.%lld", (long long)sqlite3_column_int64(s, id_col_i));
    else
        snprintf(out, SL_CURSOR_MAX, "%d.%lld", sqlite3_column_int(s, day_col_i),
                 (long long)sqlite3_column_int64(s, id_col_i));
}

static bool date_arg(const char *s, int32_t *day)
{
    *day = DAY_NONE;
    if (!s || !*s) return true;
    if (strlen(s) != 10) return false;
    *day = day_parse_iso(s, 10);
    return *day != DAY_NONE;
}

sl_status st_check_page(const sl_page_query *q, err_slot *err)
{
    int32_t d;
    if (q->limit < 1 || q->limit > SL_PAGE_MAX)
        return err_set(err, SL_EUSAGE, NULL, 0, "limit %ld is not between 1 and %d", q->limit, SL_PAGE_MAX);
    if (!date_arg(q->since, &d)) return err_set(err, SL_EUSAGE, NULL, 0, "since '%s' is not a date (YYYY-MM-DD)", q->since);
    if (!date_arg(q->until, &d)) return err_set(err, SL_EUSAGE, NULL, 0, "until '%s' is not a date (YYYY-MM-DD)", q->until);
    cursor c;
    if (!cursor_parse(q->cursor, &c))
        return err_set(err, SL_EUSAGE, NULL, 0, "cursor '%s' is not one this server gave", q->cursor);
    return SL_OK;
}

/* The rows of level after the cursor, newest first, one more than the page
 * holds (to tell whether another follows). Undated rows come last and only
 * when no dates bound the page. */
static sqlite3_stmt *page_stmt(st_db *db, int level, const sl_page_query *q, err_slot *err, sl_status *st)
{
    static const char sql[] =
        "SELECT id, parent, headline, first, last, size FROM clusters WHERE level = ?1"
        " AND (?2 IS NULL OR last >= ?2) AND (?3 IS NULL OR first <= ?3)"
        " AND (?4 = 0"
        "   OR (?5 IS NOT NULL AND (last < ?5 OR (last = ?5 AND id < ?6) OR last IS NULL))"
        "   OR (?5 IS NULL AND last IS NULL AND id < ?6))"
        " ORDER BY last DESC, id DESC LIMIT ?7";
    *st = st_check_page(q, err);
    if (*st != SL_OK) return NULL;
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(db->h, sql, -1, &s, NULL) != SQLITE_OK) {
        *st = st_fail(db, err, "reading a page of stories");
        return NULL;
    }
    int32_t since, until;
    cursor c;
    date_arg(q->since, &since);
    date_arg(q->until, &until);
    cursor_parse(q->cursor, &c);
    sqlite3_bind_int(s, 1, level);
    if (since != DAY_NONE) sqlite3_bind_int(s, 2, since);
    if (until != DAY_NONE) sqlite3_bind_int(s, 3, until);
    sqlite3_bind_int(s, 4, c.given);
    if (c.given && !c.undated) sqlite3_bind_int64(s, 5, c.day);
    sqlite3_bind_int64(s, 6, c.id);
    sqlite3_bind_int64(s, 7, q->limit + 1);
    return s;
}

sl_status st_events_page(st_db *db, const sl_page_query *q, sl_event_fn fn, void *ctx, char next[SL_CURSOR_MAX],
                         err_slot *err)
{
    next[0] = 0;
    sl_status st;
    sqlite3_stmt *s = page_stmt(db, CL_EVENT, q, err, &st);
    if (!s) return st;
    char d1[11], d2[11], id[32], parent[32];
    long shown = 0;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (shown == q->limit) break;
        snprintf(id, sizeof id, "e%lld", (long long)sqlite3_column_int64(s, 0));
        snprintf(parent, sizeof parent, "s%lld", (long long)sqlite3_column_int64(s, 1));
        sl_event_row r = {id, parent, col(s, 2), day_col(s, 3, d1), day_col(s, 4, d2), sqlite3_column_int64(s, 5)};
        cursor_print(s, 4, 0, next);
        shown++;
        if (fn(&r, ctx)) { rc = SQLITE_DONE; next[0] = 0; break; }
    }
    if (rc != SQLITE_ROW) next[0] = 0;   /* no row after the page */
    st = rc == SQLITE_ROW || rc == SQLITE_DONE ? SL_OK : st_fail(db, err, "reading a page of events");
    sqlite3_finalize(s);
    return st;
}

/* A storyline's rows carry its newest events, as the listing's do. */
sl_status st_storylines_page(st_db *db, const sl_page_query *q, sl_storyline_fn fn, void *ctx,
                             char next[SL_CURSOR_MAX], err_slot *err)
{
    next[0] = 0;
    sl_status st;
    sqlite3_stmt *s = page_stmt(db, CL_STORYLINE, q, err, &st);
    if (!s) return st;
    arena a;
    arena_init(&a);
    char d1[11], d2[11];
    long shown = 0;
    int rc;
    st = SL_OK;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (shown == q->limit) break;
        int64_t n = sqlite3_column_int64(s, 0);
        sl_storyline_row r = {
            .id = arena_printf(&a, "s%lld", (long long)n), .headline = col(s, 2),
            .first = day_col(s, 3, d1), .last = day_col(s, 4, d2), .size = sqlite3_column_int64(s, 5),
        };
        sl_event_row *ev;
        st = st_events_of(db, n, "DESC", SL_LIST_EVENTS, &a, &ev, &r.n_events, &r.total_events, err);
        if (st != SL_OK) break;
        r.events = ev;
        cursor_print(s, 4, 0, next);
        shown++;
        int stop = fn(&r, ctx);
        arena_reset(&a);
        if (stop) { rc = SQLITE_DONE; break; }
    }
    if (rc != SQLITE_ROW) next[0] = 0;
    if (st == SL_OK && rc != SQLITE_ROW && rc != SQLITE_DONE) st = st_fail(db, err, "reading a page of storylines");
    if (st != SL_OK) next[0] = 0;
    arena_reset(&a);
    sqlite3_finalize(s);
    return st;
}

/* ---- one article and its copies ---------------------------------------- */

sl_status st_article_get(st_db *db, const char *id, sl_article_fn fn, void *ctx, err_slot *err)
{
    sqlite3_stmt *s;
    char sql[320];
    snprintf(sql, sizeof sql, "SELECT %s FROM articles WHERE id = ?", st_article_cols(db));
    if (sqlite3_prepare_v2(db->h, sql, -1, &s, NULL) != SQLITE_OK) return st_fail(db, err, "reading an article");
    st_bind_text(s, 1, id);
    long n = 0;
    int rc = st_article_rows(s, fn, ctx, &n);
    sl_status st = st_done(db, rc, err, "reading an article");
    sqlite3_finalize(s);
    if (st == SL_OK && !n) return err_set(err, SL_ENOTFOUND, NULL, 0, "no article '%s' in %s", id, db->path);
    return st;
}

/* From the index of copies (schema 5); a file of schema 4 read as it is
 * has none, and finds them through the event's index (a copy is stored in
 * the event of the article it copies): a scan of the event. */
sl_status st_copies_each(st_db *db, const char *id, sl_article_fn fn, void *ctx, err_slot *err)
{
    sqlite3_stmt *s;
    char sql[400];
    snprintf(sql, sizeof sql, "SELECT %s FROM articles WHERE %sduplicate_of = ?1 ORDER BY day IS NULL, day, row",
             st_article_cols(db), db->article_cols ? "event = (SELECT event FROM articles WHERE id = ?1) AND " : "");
    if (sqlite3_prepare_v2(db->h, sql, -1, &s, NULL) != SQLITE_OK) return st_fail(db, err, "reading an article's copies");
    st_bind_text(s, 1, id);
    long n = 0;
    int rc = st_article_rows(s, fn, ctx, &n);
    sl_status st = st_done(db, rc, err, "reading an article's copies");
    sqlite3_finalize(s);
    return st;
}

/* ---- full-text search ---------------------------------------------------- */

/* FTS5's bm25() reads the whole doclist of every term of a query, once per
 * search, to weigh each term by how rare it is: a common word costs in
 * proportion to the archive. sl_rank() is BM25 without that weight (k1 1.2,
 * b 0.75; a title match counts four times a body match): the terms a search
 * asks for all occur in every hit, so what sets the hits apart is how often
 * and in how short a text, and every quantity it reads is the row's own or
 * kept by FTS5 as a total. */
#define RANK_K1 1.2
#define RANK_B 0.75
#define RANK_TITLE 4.0

static void sl_rank(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    (void)argv;
    sqlite3_int64 rows = 0;
    int inst = 0;
    if (api->xRowCount(fts, &rows) != SQLITE_OK || api->xInstCount(fts, &inst) != SQLITE_OK) {
        sqlite3_result_error(ctx, "sl_rank: cannot read the row", -1);
        return;
    }
    double score = 0;
    for (int col = 0; col < 2; col++) {
        sqlite3_int64 total = 0;
        int len = 0;
        if (api->xColumnTotalSize(fts, col, &total) != SQLITE_OK || api->xColumnSize(fts, col, &len) != SQLITE_OK) {
            sqlite3_result_error(ctx, "sl_rank: cannot read the sizes", -1);
            return;
        }
        double tf = 0;
        for (int i = 0; i < inst; i++) {
            int phrase, c, off;
            if (api->xInst(fts, i, &phrase, &c, &off) == SQLITE_OK && c == col) tf++;
        }
        double avg = rows > 0 && total > 0 ? (double)total / (double)rows : 1.0;
        double part = tf * (RANK_K1 + 1) / (tf + RANK_K1 * (1 - RANK_B + RANK_B * len / avg));
        score += col == 0 ? RANK_TITLE * part : part;
    }
    sqlite3_result_double(ctx, score);
}

bool st_rank_register(sqlite3 *h)
{
    fts5_api *api = NULL;
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(h, "SELECT fts5(?1)", -1, &s, NULL) != SQLITE_OK) return false;
    sqlite3_bind_pointer(s, 1, (void *)&api, "fts5_api_ptr", NULL);
    sqlite3_step(s);
    sqlite3_finalize(s);
    return api && api->iVersion >= 2 && api->xCreateFunction(api, "sl_rank", NULL, sl_rank, NULL) == SQLITE_OK;
}

void st_search_window(st_db *db, int64_t articles) { db->search_window = articles; }

/* A query FTS5 cannot parse is the caller's mistake, not the file's (whose
 * failures are SQLITE_CORRUPT, SQLITE_IOERR and the like). */
static sl_status search_failed(st_db *db, const char *query, int rc, err_slot *err)
{
    if (rc == SQLITE_ERROR) return err_set(err, SL_EUSAGE, NULL, 0, "search '%s': %s", query, sqlite3_errmsg(db->h));
    return st_fail(db, err, "searching");
}

/* A match of a search: its row and score. */
typedef struct st_match {
    int64_t row;
    double  score;
} st_match;
typedef VEC(st_match) st_matches;

/* Best first; of two alike, the newer. */
static int by_score(const void *a, const void *b)
{
    const st_match *x = a, *y = b;
    if (x->score != y->score) return x->score < y->score ? 1 : -1;
    return x->row < y->row ? 1 : x->row > y->row ? -1 : 0;
}

/* Ranking weighs every match it is given, and a common word matches most
 * of the archive. The matches ranked are those among the newest stored
 * articles (rowid is the order of storing): the newest SL_SEARCH_WINDOW,
 * or 2, 4, 8... times as many, the first window that holds the hits asked
 * for (need) or the whole archive. (Steps of 10 ranked up to ten times the
 * hits asked for: 89 matches of a rare word at a million articles for 36
 * at 10,000, and a search a fifth slower.) A common word is ranked in
 * a small window, a rare one finds its few matches anywhere: neither
 * costs more as the archive grows. The index gives the matches newest
 * first with their scores (rank: the SQL of the score), in one pass that
 * stops at the first edge of a window with enough matches behind it.
 * *from: the window's first rowid. */
static sl_status search_matches(st_db *db, const char *query, long need, const char *rank, st_matches *out,
                                int64_t *from, err_slot *err)
{
    *from = 0;
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(db->h, "SELECT coalesce(max(row), 0) FROM articles", -1, &s, NULL) != SQLITE_OK)
        return st_fail(db, err, "searching");
    int rc = sqlite3_step(s);
    int64_t last = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
    sqlite3_finalize(s);
    if (rc != SQLITE_ROW) return st_fail(db, err, "searching");
    char sql[200];
    snprintf(sql, sizeof sql, "SELECT rowid, %s FROM articles_fts WHERE articles_fts MATCH ?1 ORDER BY rowid DESC", rank);
    if (sqlite3_prepare_v2(db->h, sql, -1, &s, NULL) != SQLITE_OK) return st_fail(db, err, "searching");
    st_bind_text(s, 1, query);
    int64_t w = db->search_window > 0 ? db->search_window : SL_SEARCH_WINDOW;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        int64_t row = sqlite3_column_int64(s, 0);
        /* a row past the window's edge: stop if the window holds enough,
         * else widen it */
        bool enough = false;
        while (w < last && row < last - w + 1 && !(enough = (long)out->n >= need)) w *= 2;
        if (enough) {
            *from = last - w + 1;
            rc = SQLITE_DONE;
            break;
        }
        st_match m = {row, sqlite3_column_double(s, 1)};
        VEC_PUSH(*out, m);
    }
    sl_status st = rc == SQLITE_DONE ? SL_OK : search_failed(db, query, rc, err);
    sqlite3_finalize(s);
    return st;
}

/* The page of matches in the order asked for, into m's first *n. Newest
 * first orders by the day published, which the articles table holds. */
static sl_status search_page(st_db *db, const char *query, long offset, long limit, int order, const char *rank,
                             st_matches *m, int64_t from, size_t *n, err_slot *err)
{
    if (order != SL_SEARCH_NEWEST) {
        *n = 0;
        if (!m->n) return SL_OK;   /* m->v is NULL: no qsort or memmove of it */
        qsort(m->v, m->n, sizeof *m->v, by_score);
        size_t first = (size_t)offset < m->n ? (size_t)offset : m->n;
        *n = m->n - first < (size_t)limit ? m->n - first : (size_t)limit;
        memmove(m->v, m->v + first, *n * sizeof *m->v);
        return SL_OK;
    }
    char sql[500];
    snprintf(sql, sizeof sql,
             "SELECT a.row, %s FROM articles_fts JOIN articles a ON a.row = articles_fts.rowid"
             " WHERE articles_fts MATCH ?1 AND articles_fts.rowid >= ?4"
             " ORDER BY a.day IS NULL, a.day DESC, a.row DESC LIMIT ?2 OFFSET ?3", rank);
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(db->h, sql, -1, &s, NULL) != SQLITE_OK) return st_fail(db, err, "searching");
    st_bind_text(s, 1, query);
    sqlite3_bind_int64(s, 2, limit);
    sqlite3_bind_int64(s, 3, offset);
    sqlite3_bind_int64(s, 4, from);
    m->n = 0;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        st_match x = {sqlite3_column_int64(s, 0), sqlite3_column_double(s, 1)};
        VEC_PUSH(*m, x);
    }
    *n = m->n;
    sl_status st = rc == SQLITE_DONE ? SL_OK : search_failed(db, query, rc, err);
    sqlite3_finalize(s);
    return st;
}

sl_status st_search(st_db *db, const char *query, long offset, long limit, int order, sl_hit_fn fn, void *ctx,
                    err_slot *err)
{
    if (!query || !*query) return err_set(err, SL_EUSAGE, NULL, 0, "empty search");
    if (limit < 1 || limit > SL_PAGE_MAX)
        return err_set(err, SL_EUSAGE, NULL, 0, "limit %ld is not between 1 and %d", limit, SL_PAGE_MAX);
    if (offset < 0) return err_set(err, SL_EUSAGE, NULL, 0, "negative offset %ld", offset);
    /* sl_rank weighs a title match above a body match */
    const char *rank = db->ranked ? "sl_rank(articles_fts)" : "-bm25(articles_fts, 4.0, 1.0)";
    st_matches m = {0};
    int64_t from;
    size_t n = 0;
    /* newest first needs the window only, not the scores the pass reads */
    sl_status st = search_matches(db, query, offset + limit, order == SL_SEARCH_NEWEST ? "0" : rank, &m, &from, err);
    if (st == SL_OK) st = search_page(db, query, offset, limit, order, rank, &m, from, &n, err);
    /* only the hits of the page are read, and their passages cut */
    sqlite3_stmt *s = NULL;
    if (st == SL_OK && n &&
        sqlite3_prepare_v2(db->h, "SELECT id, title, published, source, event, storyline, text FROM articles"
                                  " WHERE row = ?1", -1, &s, NULL) != SQLITE_OK)
        st = st_fail(db, err, "searching");
    char ev[32], sl[32];
    for (size_t i = 0; st == SL_OK && i < n; i++) {
        sqlite3_reset(s);
        sqlite3_bind_int64(s, 1, m.v[i].row);
        int rc = sqlite3_step(s);
        if (rc != SQLITE_ROW) { st = rc == SQLITE_DONE ? SL_OK : st_fail(db, err, "searching"); continue; }
        char *snip = st_snippet(query, col(s, 6), ST_SNIPPET_WORDS);
        snprintf(ev, sizeof ev, "e%lld", (long long)sqlite3_column_int64(s, 4));
        snprintf(sl, sizeof sl, "s%lld", (long long)sqlite3_column_int64(s, 5));
        sl_hit h = {col(s, 0), col(s, 1), col(s, 2), col(s, 3), ev, sl, snip, m.v[i].score};
        int stop = fn(&h, ctx);
        free(snip);
        if (stop) break;
    }
    sqlite3_finalize(s);
    VEC_FREE(m);
    return st;
}

/* ---- one actor ------------------------------------------------------------ */

typedef struct actor_box {
    sl_actor_page p;   /* first: sl_actor_page_free casts back */
    arena         a;
} actor_box;

void sl_actor_page_free(sl_actor_page *p)
{
    if (!p) return;
    actor_box *b = (actor_box *)p;
    arena_reset(&b->a);
    free(b);
}

/* The articles that name an actor are found through the full-text index
 * (its key is its name, case-folded, and so a phrase the index knows):
 * there is no index of actors by key, which would cost every ingest. Of
 * the newest SL_STORY_FACTS articles with the phrase, those whose actors
 * hold the key are the actor's. */
static sl_status actor_stories(st_db *db, const st_members_of *m, const char *key, cl_level level, actor_box *b,
                               err_slot *err)
{
    char sql[900];
    snprintf(sql, sizeof sql,
             "SELECT c.id, c.headline, c.first, c.last, n FROM (SELECT a.%s AS k, count(*) AS n"
             " FROM actors x JOIN articles a ON a.row = x.article WHERE x.key = ?3 AND a.row IN"
             " (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1 ORDER BY rowid DESC LIMIT ?2)"
             " GROUP BY a.%s) JOIN clusters c ON c.level = %d AND c.id = k ORDER BY c.last DESC, c.id DESC",
             level == CL_EVENT ? "event" : "storyline", level == CL_EVENT ? "event" : "storyline", (int)level);
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(db->h, sql, -1, &s, NULL) != SQLITE_OK) return st_fail(db, err, "reading an actor's stories");
    st_bind_text(s, 1, m->query);
    sqlite3_bind_int(s, 2, SL_STORY_FACTS);
    st_bind_text(s, 3, key);
    VEC(sl_actor_story) v = {0};
    char d1[11], d2[11];
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        sl_actor_story r = {arena_printf(&b->a, "%c%lld", level == CL_EVENT ? 'e' : 's',
                                         (long long)sqlite3_column_int64(s, 0)),
                            arena_strdup(&b->a, col(s, 1)), arena_strdup(&b->a, day_col(s, 2, d1)),
                            arena_strdup(&b->a, day_col(s, 3, d2)), sqlite3_column_int64(s, 4)};
        if (level == CL_STORYLINE) b->p.articles += r.articles;
        VEC_PUSH(v, r);
    }
    sl_status st = st_done(db, rc, err, "reading an actor's stories");
    sqlite3_finalize(s);
    sl_actor_story *arr = arena_alloc(&b->a, (v.n + 1) * sizeof *arr);
    if (v.n) memcpy(arr, v.v, v.n * sizeof *arr);
    if (level == CL_EVENT) { b->p.events = arr; b->p.n_events = v.n; }
    else { b->p.storylines = arr; b->p.n_storylines = v.n; }
    VEC_FREE(v);
    return st;
}

sl_status st_actor_get(st_db *db, const char *key, sl_actor_page **out, err_slot *err)
{
    *out = NULL;
    if (!key || !*key) return err_set(err, SL_ENOTFOUND, NULL, 0, "no actor named ''");
    actor_box *b = xcalloc(1, sizeof *b);
    arena_init(&b->a);
    /* the key as one FTS5 phrase: "..." with its quotes doubled */
    buf q;
    buf_init(&q);
    buf_putc(&q, '"');
    for (const char *p = key; *p; p++) {
        if (*p == '"') buf_putc(&q, '"');
        buf_putc(&q, *p);
    }
    buf_putc(&q, '"');
    st_members_of m = {CL_EVENT, 0, arena_strdup(&b->a, q.data)};
    buf_free(&q);
    sl_actor *actors;
    size_t n_actors = 0;
    sl_quote *quotes;
    size_t n_quotes = 0, all_quotes;
    sl_status st = st_story_actors(db, &m, &b->a, &actors, &n_actors, err);
    const sl_actor *me = NULL;
    for (size_t i = 0; st == SL_OK && i < n_actors && !me; i++) if (!strcmp(actors[i].key, key)) me = &actors[i];
    if (st == SL_OK && !me) st = err_set(err, SL_ENOTFOUND, NULL, 0, "no actor '%s' in %s", key, db->path);
    if (st == SL_OK) st = st_story_quotes(db, &m, actors, n_actors, 0, &b->a, &quotes, &n_quotes, &all_quotes, err);
    if (st == SL_OK) st = actor_stories(db, &m, key, CL_STORYLINE, b, err);
    if (st == SL_OK) st = actor_stories(db, &m, key, CL_EVENT, b, err);
    if (st != SL_OK) { sl_actor_page_free(&b->p); return st; }
    b->p.actor = *me;
    size_t k = 0;
    for (size_t i = 0; i < n_quotes; i++)
        if (quotes[i].speaker_key && !strcmp(quotes[i].speaker_key, key)) quotes[k++] = quotes[i];
    b->p.quotes = quotes;
    b->p.n_quotes = k;
    *out = &b->p;
    return SL_OK;
}
