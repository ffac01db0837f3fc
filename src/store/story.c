/* story.c: what a story's articles say together: actors merged across
 * articles, quotes, and the timeline, gathered at query time from the rows
 * facts.c stored.
 *
 * A story's members are given as a SQL condition on the articles table
 * (event, storyline, or a full-text query), so that timelines work for all
 * three the same way. Not the single-article facts (facts.c). */
#include "store.h"
#include "st_internal.h"
#include "../analyze/analyze.h"
#include "../summarize/summarize.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *col(sqlite3_stmt *s, int i) { return (const char *)sqlite3_column_text(s, i); }

/* The articles whose facts make a story's (SL_STORY_FACTS): its newest
 * 500, or a full-text query's newest 500 matches. What show and timeline
 * cost then grows neither with the story nor with the archive. The
 * condition is on column row_col, the article's row: a query that needs no
 * column of the article names the fact's own (x.article), and reads no
 * article rows. */
static sqlite3_stmt *members_query(st_db *db, const st_members_of *m, const char *select_from_where,
                                   const char *row_col, const char *tail)
{
    const char *cond = m->query ? "IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1"
                                  " ORDER BY rowid DESC LIMIT ?2)"
                     : m->level == CL_EVENT ? "IN (SELECT row FROM articles WHERE event = ?1"
                                              " ORDER BY day DESC, row DESC LIMIT ?2)"
                                            : "IN (SELECT row FROM articles WHERE storyline = ?1"
                                              " ORDER BY day DESC, row DESC LIMIT ?2)";
    char sql[1024];
    snprintf(sql, sizeof sql, "%s %s %s %s", select_from_where, row_col, cond, tail);
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(db->h, sql, -1, &s, NULL) != SQLITE_OK) return NULL;
    if (m->query) sqlite3_bind_text(s, 1, m->query, -1, SQLITE_STATIC);
    else sqlite3_bind_int64(s, 1, m->id);
    sqlite3_bind_int(s, 2, SL_STORY_FACTS);
    return s;
}

/* ---- actors ---- */

/* The types an actor's rows may carry, and the mentions each was given:
 * the story shows the type most of its mentions have ("Velten" a place
 * where its datelines name it, a person where a tagger guessed), counting
 * first the rows whose type was read rather than guessed (sl_actor.sure:
 * "shares in Lumora" makes a firm of what the tagger called a person in
 * nine other articles). Ties go to the type seen first. */
static const char *const agg_types[] = {"person", "organisation", "place"};
#define AGG_TYPES 3

typedef struct agg {
    const char *key, *name, *type;
    long mentions, name_mentions;
    long by_type[AGG_TYPES], sure_by_type[AGG_TYPES];
    int first_type;          /* the index of the type seen first, -1 none */
    int first_sure;          /* the same among the rows of a type read, -1 none */
    VEC(const char *) roles;
    VEC(const char *) aliases;
} agg;

/* s (n bytes) onto the list vec_ unless it is there. */
static void add_unique(arena *a, void *vec_, const char *s, size_t n)
{
    VEC(const char *) *v = vec_;
    for (size_t i = 0; i < v->n; i++) if (!strncmp(v->v[i], s, n) && !v->v[i][n]) return;
    VEC_PUSH(*v, arena_strndup(a, s, n));
}

static const char *skip_space(const char *p)
{
    while (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r') p++;
    return p;
}

/* A JSON array of strings without escapes, as facts.c stores most role and
 * alias lists: walked here (add: its strings onto vec), since parsing them
 * with jansson took an eighth of a story page. False if json is not such
 * an array. */
static bool plain_list(arena *a, void *vec, const char *json, bool add)
{
    const char *p = skip_space(json);
    if (*p++ != '[') return false;
    p = skip_space(p);
    if (*p == ']') return !*skip_space(p + 1);
    for (;;) {
        if (*p != '"') return false;
        const char *end = p + 1;
        while (*end && *end != '"' && *end != '\\' && (unsigned char)*end >= 0x20) end++;
        if (*end != '"') return false;   /* an escape, a control character or the end: jansson's */
        if (add) add_unique(a, vec, p + 1, (size_t)(end - p - 1));
        p = skip_space(end + 1);
        if (*p == ']') return !*skip_space(p + 1);
        if (*p++ != ',') return false;
        p = skip_space(p);
    }
}

static void add_json_list(arena *a, void *vec, const char *json)
{
    if (!json) return;
    if (plain_list(a, vec, json, false)) {
        plain_list(a, vec, json, true);
        return;
    }
    json_t *arr = json_loads(json, 0, NULL);
    for (size_t i = 0; json_is_array(arr) && i < json_array_size(arr); i++) {
        const json_t *e = json_array_get(arr, i);
        if (json_is_string(e)) add_unique(a, vec, json_string_value(e), json_string_length(e));
    }
    json_decref(arr);
}

static int cmp_agg(const void *x, const void *y)
{
    long a = ((const agg *)x)->mentions, b = ((const agg *)y)->mentions;
    return (a < b) - (a > b);
}

sl_status st_story_actors(st_db *db, const st_members_of *m, arena *a, sl_actor **out, size_t *n, err_slot *err)
{
    sqlite3_stmt *s = members_query(db, m, db->actor_sure ? "SELECT x.key, x.name, x.type, x.roles, x.aliases,"
                                                            " x.mentions, x.sure FROM actors x WHERE"
                                                          : "SELECT x.key, x.name, x.type, x.roles, x.aliases,"
                                                            " x.mentions, NULL FROM actors x WHERE",
                                    "x.article", "");
    if (!s) return st_fail(db, err, "reading actors");
    map index;
    map_init(&index);
    VEC(agg) v = {0};
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        const char *key = col(s, 0), *name = col(s, 1);
        if (!key || !name) continue;   /* NOT NULL columns: a damaged row */
        bool created;
        uint64_t *slot = map_put(&index, key, strlen(key), &created);
        if (created) {
            agg g = {.key = arena_strdup(a, key), .type = arena_strdup(a, col(s, 2) ? col(s, 2) : ""),
                     .first_type = -1, .first_sure = -1};
            VEC_PUSH(v, g);
            *slot = v.n;
        }
        agg *g = &v.v[*slot - 1];
        long mentions = sqlite3_column_int64(s, 5);
        bool sure = sqlite3_column_int(s, 6) != 0;
        g->mentions += mentions;
        for (int t = 0; col(s, 2) && t < AGG_TYPES; t++)
            if (!strcmp(col(s, 2), agg_types[t])) {
                g->by_type[t] += mentions > 0 ? mentions : 1;
                if (g->first_type < 0) g->first_type = t;
                if (!sure) continue;
                g->sure_by_type[t] += mentions > 0 ? mentions : 1;
                if (g->first_sure < 0) g->first_sure = t;
            }
        if (!g->name || mentions > g->name_mentions) {   /* the form most used names the actor */
            if (g->name) add_unique(a, &g->aliases, g->name, strlen(g->name));
            g->name = arena_strdup(a, name);
            g->name_mentions = mentions;
        } else {
            add_unique(a, &g->aliases, name, strlen(name));
        }
        add_json_list(a, &g->roles, col(s, 3));
        add_json_list(a, &g->aliases, col(s, 4));
    }
    sl_status st = st_done(db, rc, err, "reading actors");
    sqlite3_finalize(s);
    if (v.n > 1) qsort(v.v, v.n, sizeof *v.v, cmp_agg);   /* v.v is NULL when empty */
    sl_actor *r = arena_alloc(a, (v.n + 1) * sizeof *r);
    for (size_t i = 0; i < v.n; i++) {
        agg *g = &v.v[i];
        if (g->first_type >= 0) {
            const long *count = g->first_sure >= 0 ? g->sure_by_type : g->by_type;
            int best = g->first_sure >= 0 ? g->first_sure : g->first_type;
            for (int t = 0; t < AGG_TYPES; t++)
                if (count[t] > count[best]) best = t;
            g->type = agg_types[best];
        }
        size_t na = 0;   /* the name itself is no alias */
        const char **al = arena_alloc(a, (g->aliases.n + 1) * sizeof *al);
        for (size_t k = 0; k < g->aliases.n; k++) if (strcmp(g->aliases.v[k], g->name)) al[na++] = g->aliases.v[k];
        const char **ro = arena_alloc(a, (g->roles.n + 1) * sizeof *ro);
        if (g->roles.n) memcpy(ro, g->roles.v, g->roles.n * sizeof *ro);
        r[i] = (sl_actor){g->name, g->type, g->key, ro, g->roles.n, al, na, g->mentions, g->first_sure >= 0};
        VEC_FREE(g->roles);
        VEC_FREE(g->aliases);
    }
    *out = r;
    *n = v.n;
    VEC_FREE(v);
    map_free(&index);
    return st;
}

/* ---- quotes ---- */

static sl_status count_quotes(st_db *db, const st_members_of *m, size_t *total, err_slot *err)
{
    sqlite3_stmt *s = members_query(db, m, "SELECT count(*) FROM quotes q WHERE", "q.article", "");
    if (!s) return st_fail(db, err, "reading quotes");
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) *total = (size_t)sqlite3_column_int64(s, 0);
    sl_status st = rc == SQLITE_ROW ? SL_OK : st_done(db, rc, err, "reading quotes");
    sqlite3_finalize(s);
    return st;
}

typedef VEC(sl_quote) quote_vec;

/* The quote of a row of s (speaker, speaker_key, text, kind, article id,
 * start, end) onto v; a speaker who is one of the actors (names: key -> 1
 * + index) is named as that actor is. */
static void add_quote(sqlite3_stmt *s, const map *names, const sl_actor *actors, arena *a, quote_vec *v)
{
    const char *key = col(s, 1), *kind = col(s, 3), *speaker = col(s, 0);
    if (!col(s, 2) || !col(s, 4)) return;   /* NOT NULL columns: a damaged row */
    uint64_t *who = key ? map_get(names, key, strlen(key)) : NULL;
    if (who) speaker = actors[*who - 1].name;
    sl_quote q = {arena_strdup(a, speaker), arena_strdup(a, key), arena_strdup(a, col(s, 2)),
                  kind && !strcmp(kind, "direct") ? "direct" : "indirect", arena_strdup(a, col(s, 4)),
                  (size_t)sqlite3_column_int64(s, 5), (size_t)sqlite3_column_int64(s, 6),
                  arena_strdup(a, col(s, 7))};
    VEC_PUSH(*v, q);
}

/* The newest limit quotes onto v, newest first, read article by article
 * from the newest member on (undated ones first, as in the full order
 * turned around) until limit are found. A story's 500 articles hold
 * thousands of quotes: sorting them all with their words to keep 50 was a
 * third of the time of a story page. */
static sl_status newest_quotes(st_db *db, const st_members_of *m, const map *names, const sl_actor *actors,
                               size_t limit, arena *a, quote_vec *v, err_slot *err)
{
    sqlite3_stmt *mem = members_query(db, m, "SELECT a.row, a.id FROM articles a WHERE", "a.row",
                                      "ORDER BY a.day IS NULL DESC, a.day DESC, a.row DESC");
    if (!mem) return st_fail(db, err, "reading quotes");
    sqlite3_stmt *s;
    char sql[160];
    snprintf(sql, sizeof sql, "SELECT speaker, speaker_key, text, kind, ?2, start, end, %s FROM quotes"
                              " WHERE article = ?1 ORDER BY start DESC", db->quote_words ? "speaker_text" : "NULL");
    if (sqlite3_prepare_v2(db->h, sql, -1, &s, NULL) != SQLITE_OK) {
        sl_status st = st_fail(db, err, "reading quotes");
        sqlite3_finalize(mem);
        return st;
    }
    int rc = SQLITE_DONE;
    while (v->n < limit && (rc = sqlite3_step(mem)) == SQLITE_ROW) {
        sqlite3_reset(s);
        sqlite3_bind_int64(s, 1, sqlite3_column_int64(mem, 0));
        sqlite3_bind_text(s, 2, col(mem, 1), -1, SQLITE_TRANSIENT);
        while (v->n < limit && (rc = sqlite3_step(s)) == SQLITE_ROW) add_quote(s, names, actors, a, v);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE) break;
    }
    sl_status st = v->n >= limit || rc == SQLITE_DONE ? SL_OK : st_fail(db, err, "reading quotes");
    sqlite3_finalize(s);
    sqlite3_finalize(mem);
    return st;
}

sl_status st_story_quotes(st_db *db, const st_members_of *m, const sl_actor *actors, size_t n_actors, size_t limit,
                          arena *a, sl_quote **out, size_t *n, size_t *total, err_slot *err)
{
    *out = NULL;
    *n = *total = 0;
    map names;   /* actor key -> 1 + its index in actors */
    map_init(&names);
    for (size_t i = 0; i < n_actors; i++) *map_put(&names, actors[i].key, strlen(actors[i].key), NULL) = i + 1;
    quote_vec v = {0};
    sl_status st;
    if (limit) {   /* newest first, then turned around */
        st = newest_quotes(db, m, &names, actors, limit, a, &v, err);
        for (size_t i = 0; i < v.n / 2; i++) {
            sl_quote t = v.v[i];
            v.v[i] = v.v[v.n - 1 - i];
            v.v[v.n - 1 - i] = t;
        }
    } else {
        sqlite3_stmt *s = members_query(db, m, db->quote_words
                                        ? "SELECT q.speaker, q.speaker_key, q.text, q.kind, a.id, q.start, q.end,"
                                          " q.speaker_text FROM quotes q JOIN articles a ON a.row = q.article WHERE"
                                        : "SELECT q.speaker, q.speaker_key, q.text, q.kind, a.id, q.start, q.end,"
                                          " NULL FROM quotes q JOIN articles a ON a.row = q.article WHERE",
                                        "a.row", "ORDER BY a.day IS NULL, a.day, a.row, q.start");
        if (!s) st = st_fail(db, err, "reading quotes");
        else {
            int rc;
            while ((rc = sqlite3_step(s)) == SQLITE_ROW) add_quote(s, &names, actors, a, &v);
            st = st_done(db, rc, err, "reading quotes");
            sqlite3_finalize(s);
        }
    }
    map_free(&names);
    *out = arena_alloc(a, (v.n + 1) * sizeof **out);
    if (v.n) memcpy(*out, v.v, v.n * sizeof **out);
    *n = *total = v.n;
    VEC_FREE(v);
    if (st == SL_OK && limit && *n == limit) st = count_quotes(db, m, total, err);
    return st;
}

/* ---- timeline ---- */

#define LEAD_BYTES 4096   /* twice the longest sentence the splitter gives (sentence.c) */

/* Each article's lead stands for its publication day, unless the article
 * itself dates a sentence on that day, or the lead names a day of its own
 * ("In August, visitors queued ...", "... said on Monday"): it tells of
 * that day, and is dated there already. A dateline's day dates no sentence
 * (sl_time). */
static sl_status add_leads(st_db *db, const st_members_of *m, arena *a, void *vec_, err_slot *err)
{
    VEC(su_dated) *v = vec_;
    sqlite3_stmt *s = members_query(db, m, "SELECT a.id, a.day, a.text, (SELECT min(t.start) FROM times t WHERE"
                                           " t.article = a.row AND t.day IS NOT NULL AND t.sentence IS NOT NULL) FROM articles a WHERE a.duplicate_of IS NULL"
                                           " AND a.day IS NOT NULL AND NOT EXISTS (SELECT 1 FROM times t WHERE"
                                           " t.article = a.row AND t.granularity = 0 AND t.day = a.day AND t.sentence IS NOT NULL) AND", "a.row", "");
    if (!s) return st_fail(db, err, "reading leads");
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        const char *text = col(s, 2);
        an_span *sp;
        if (!text) continue;
        /* the lead is in the opening: splitting whole texts would cost the
         * most of a story page */
        size_t len = strlen(text);
        if (len > LEAD_BYTES) {
            len = LEAD_BYTES;
            while (len && ((unsigned char)text[len] & 0xC0) == 0x80) len--;   /* not inside a character */
        }
        if (!an_sentences_max(text, len, 1, a, &sp)) continue;
        if (sqlite3_column_type(s, 3) != SQLITE_NULL) {   /* times count characters, not bytes */
            sqlite3_int64 chars = 0;
            for (size_t i = 0; i < sp[0].end; i++) chars += ((unsigned char)text[i] & 0xC0) != 0x80;
            if (sqlite3_column_int64(s, 3) < chars) continue;   /* the lead names a day of its own */
        }
        su_dated d = {sqlite3_column_int(s, 1), arena_strndup(a, text + sp[0].start, sp[0].end - sp[0].start),
                      arena_strdup(a, col(s, 0)), sqlite3_column_int(s, 1), -1};
        VEC_PUSH(*v, d);
    }
    sl_status st = st_done(db, rc, err, "reading leads");
    sqlite3_finalize(s);
    return st;
}

sl_status st_story_timeline(st_db *db, const st_members_of *m, size_t dates, size_t per_date, arena *a,
                            sl_timeline_entry **out, size_t *n, err_slot *err)
{
    sqlite3_stmt *s = members_query(db, m, "SELECT t.day, t.sentence, a.id, a.day, t.position FROM times t"
                                           " JOIN articles a ON a.row = t.article WHERE t.granularity = 0"
                                           " AND t.day IS NOT NULL AND t.sentence IS NOT NULL AND", "a.row", "");
    if (!s) return st_fail(db, err, "reading time expressions");
    VEC(su_dated) v = {0};
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (!col(s, 1) || !col(s, 2)) continue;
        su_dated d = {sqlite3_column_int(s, 0), arena_strdup(a, col(s, 1)), arena_strdup(a, col(s, 2)),
                      sqlite3_column_type(s, 3) == SQLITE_NULL ? DAY_NONE : sqlite3_column_int(s, 3),
                      sqlite3_column_int(s, 4)};
        VEC_PUSH(v, d);
    }
    int code = sqlite3_errcode(db->h) & 0xff;
    if (rc != SQLITE_DONE && (!m->query || code != SQLITE_ERROR)) {   /* the file failed */
        sl_status st = st_fail(db, err, "reading time expressions");
        sqlite3_finalize(s);
        VEC_FREE(v);
        return st;
    }
    if (rc != SQLITE_DONE) {   /* a full-text query FTS5 cannot parse ends here */
        err_set(err, SL_EUSAGE, NULL, 0, "%s%s%s", m->query ? "query '" : "", m->query ? m->query : "",
                m->query ? "': " : "");
        size_t k = strlen(err->msg);
        snprintf(err->msg + k, sizeof err->msg - k, "%s", sqlite3_errmsg(db->h));
        sqlite3_finalize(s);
        VEC_FREE(v);
        return SL_EUSAGE;
    }
    sqlite3_finalize(s);
    sl_status st = add_leads(db, m, a, &v, err);
    if (st != SL_OK) {
        VEC_FREE(v);
        return st;
    }
    su_entry *e;
    size_t ne = su_timeline(v.v, v.n, dates, per_date, a, &e);
    VEC_FREE(v);
    sl_timeline_entry *r = arena_alloc(a, (ne + 1) * sizeof *r);
    for (size_t i = 0; i < ne; i++) {
        char d[11];
        day_format(e[i].day, d);
        r[i] = (sl_timeline_entry){arena_strdup(a, d), e[i].text, e[i].article};
    }
    *out = r;
    *n = ne;
    return SL_OK;
}
