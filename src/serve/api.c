/* api.c: the HTTP JSON API, without HTTP: a request (method, path, query
 * arguments, body) in, a status and a JSON body out.
 *
 *   GET  /api/storylines              storylines, newest first (paged)
 *   GET  /api/events                  events, newest first (paged)
 *   GET  /api/stories/ID              one event or storyline (as show --json);
 *        /api/storylines/sN, /api/events/eN the same, of that kind only
 *   GET  /api/stories/ID/timeline     its timeline (as timeline --json)
 *   GET  /api/articles/ID             one article, its copies and original
 *   GET  /api/actors/KEY              an actor: storylines, quotes, spellings
 *   GET  /api/search?q=WORDS          full-text search, best first (paged)
 *   GET  /api/timeline?q=WORDS        a timeline of the articles matching
 *   POST /api/articles                one JSON article, a JSON array of them
 *                                     or JSON Lines; bearer token if set
 *   GET  /api/openapi.json            the OpenAPI description of all this
 *
 * Paged answers take limit (default 20, at most SL_PAGE_MAX) and cursor
 * (the next of the page before), and give next (null after the last). */
#include "serve.h"
#include "../core/core.h"
#include "../read/read.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#define PAGE_DEFAULT 20

struct sv_api {
    char           *db_path;
    char           *token;
    pthread_mutex_t write_mu;   /* one write at a time, on writer */
    sl_engine      *writer;     /* opened at the first write */
};

sv_api *sv_api_new(const char *db_path, const char *token)
{
    sv_api *api = xcalloc(1, sizeof *api);
    api->db_path = xstrdup(db_path);
    api->token = token ? xstrdup(token) : NULL;
    pthread_mutex_init(&api->write_mu, NULL);
    return api;
}

void sv_api_free(sv_api *api)
{
    if (!api) return;
    sl_close(api->writer);
    pthread_mutex_destroy(&api->write_mu);
    if (api->token) memset(api->token, 0, strlen(api->token));
    free(api->token);
    free(api->db_path);
    free(api);
}

void sv_reply_free(sv_reply *r)
{
    free(r->body);
    memset(r, 0, sizeof *r);
}

/* ---- answers ------------------------------------------------------------ */

static void reply_json(sv_reply *out, int status, json_t *j)
{
    out->status = status;
    out->type = "application/json; charset=utf-8";
    out->body = json_dumps(j, JSON_COMPACT);
    out->len = out->body ? strlen(out->body) : 0;
    json_decref(j);
}

static void reply_error(sv_reply *out, int status, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void reply_error(sv_reply *out, int status, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    reply_json(out, status, json_pack("{s:{s:i,s:o}}", "error", "status", status, "message", sv_str(msg)));
}

/* An engine's failure as an answer: no such thing 404, a bad argument 400,
 * anything else (the file) 500. */
static void reply_status(sv_reply *out, sl_engine *e, sl_status st)
{
    int status = st == SL_ENOTFOUND ? 404 : st == SL_EUSAGE || st == SL_EINPUT ? 400 : 500;
    reply_error(out, status, "%s", sl_errmsg(e));
}

static const char *arg(const sv_request *r, const char *name)
{
    return r->arg ? r->arg(r->arg_ctx, name) : NULL;
}

/* A whole-number argument: def when absent; false (answered 400) if it is
 * not a number from lo to hi. */
static bool num_arg(const sv_request *r, const char *name, long def, long lo, long hi, long *v, sv_reply *out)
{
    const char *s = arg(r, name);
    *v = def;
    if (!s) return true;
    char *end;
    long x = strtol(s, &end, 10);
    if (!*s || *end || x < lo || x > hi) {
        reply_error(out, 400, "%s '%s' is not a number from %ld to %ld", name, s, lo, hi);
        return false;
    }
    *v = x;
    return true;
}

/* ---- reading ------------------------------------------------------------- */

static int add_storyline(const sl_storyline_row *s, void *ctx)
{
    json_array_append_new(ctx, sv_storyline_json(s));
    return 0;
}

static int add_event(const sl_event_row *ev, void *ctx)
{
    json_t *j = sv_event_json(ev);
    json_object_set_new(j, "storyline", sv_str(ev->storyline));
    json_array_append_new(ctx, j);
    return 0;
}

static void list_page(sl_engine *e, const sv_request *r, bool storylines, sv_reply *out)
{
    sl_page_query q = {arg(r, "since"), arg(r, "until"), arg(r, "cursor"), 0};
    if (!num_arg(r, "limit", PAGE_DEFAULT, 1, SL_PAGE_MAX, &q.limit, out)) return;
    json_t *rows = json_array();
    char next[SL_CURSOR_MAX];
    sl_status st = storylines ? sl_storylines_page(e, &q, add_storyline, rows, next)
                              : sl_events_page(e, &q, add_event, rows, next);
    if (st != SL_OK) {
        json_decref(rows);
        reply_status(out, e, st);
        return;
    }
    reply_json(out, 200, json_pack("{s:o,s:o}", storylines ? "storylines" : "events", rows, "next",
                                   next[0] ? json_string(next) : json_null()));
}

static void story(sl_engine *e, const char *id, char kind, sv_reply *out)
{
    if (kind && id[0] != kind) {
        reply_error(out, 404, "'%s' is not %s id", id, kind == 'e' ? "an event (eN)" : "a storyline (sN)");
        return;
    }
    sl_story *s;
    sl_status st = sl_story_get(e, id, &s);
    if (st != SL_OK) { reply_status(out, e, st); return; }
    reply_json(out, 200, sv_story_json(s));
    sl_story_free(s);
}

static void timeline(sl_engine *e, const sv_request *r, const char *id, sv_reply *out)
{
    const char *q = id ? NULL : arg(r, "q");
    if (!id && (!q || !*q)) { reply_error(out, 400, "give the words to search for: /api/timeline?q=WORDS"); return; }
    long dates, per;
    if (!num_arg(r, "dates", SL_TIMELINE_DATES, 1, 100, &dates, out)) return;
    if (!num_arg(r, "per_date", 1, 1, 20, &per, out)) return;
    sl_timeline *t;
    sl_status st = sl_timeline_get(e, id, q, (size_t)dates, (size_t)per, &t);
    if (st != SL_OK) { reply_status(out, e, st); return; }
    reply_json(out, 200, json_pack("{s:o,s:o}", id ? "id" : "query", sv_str(id ? id : q), "timeline",
                                   sv_timeline_json(t->entries, t->n)));
    sl_timeline_free(t);
}

static int take_article(const sl_article_row *a, void *ctx)
{
    *(json_t **)ctx = sv_article_json(a);
    return 1;
}

/* A copy in a list: who published it, when, and where to read it. */
static json_t *copy_json(const sl_article_row *a)
{
    return json_pack("{s:o,s:o,s:o,s:o,s:o}", "id", sv_str(a->id), "title", sv_str(a->title), "source",
                     sv_str(a->source), "published", sv_str(a->published), "url", sv_str(a->url));
}

static int add_copy(const sl_article_row *a, void *ctx)
{
    json_array_append_new(ctx, copy_json(a));
    return 0;
}

static int take_copy(const sl_article_row *a, void *ctx)
{
    *(json_t **)ctx = copy_json(a);
    return 1;
}

static void article(sl_engine *e, const char *id, sv_reply *out)
{
    json_t *j = NULL;
    sl_status st = sl_article_get(e, id, take_article, &j);
    if (st != SL_OK) { json_decref(j); reply_status(out, e, st); return; }
    /* the copies are the original's: a copy shows its original and siblings */
    const char *orig = json_string_value(json_object_get(j, "duplicate_of"));
    json_t *original = NULL, *copies = json_array();
    if (orig && (st = sl_article_get(e, orig, take_copy, &original)) == SL_ENOTFOUND) st = SL_OK;
    if (st == SL_OK) st = sl_copies_each(e, orig ? orig : id, add_copy, copies);
    if (st != SL_OK) {
        json_decref(j); json_decref(original); json_decref(copies);
        reply_status(out, e, st);
        return;
    }
    json_object_set_new(j, "original", original ? original : json_null());
    json_object_set_new(j, "copies", copies);
    reply_json(out, 200, j);
}

static void actor(sl_engine *e, const char *key, sv_reply *out)
{
    sl_actor_page *p;
    sl_status st = sl_actor_get(e, key, &p);
    if (st != SL_OK) { reply_status(out, e, st); return; }
    reply_json(out, 200, sv_actor_page_json(p));
    sl_actor_page_free(p);
}

static int add_hit(const sl_hit *h, void *ctx)
{
    json_array_append_new(ctx, sv_hit_json(h));
    return 0;
}

static void search(sl_engine *e, const sv_request *r, sv_reply *out)
{
    const char *q = arg(r, "q");
    if (!q || !*q) { reply_error(out, 400, "give the words to search for: /api/search?q=WORDS"); return; }
    long limit, offset = 0;
    if (!num_arg(r, "limit", PAGE_DEFAULT, 1, SL_PAGE_MAX, &limit, out)) return;
    /* a search's cursor is the number of hits shown before */
    const char *c = arg(r, "cursor");
    if (c) {
        char *end;
        offset = strtol(c, &end, 10);
        if (!*c || *end || offset < 0 || offset > 1000000) {
            reply_error(out, 400, "cursor '%s' is not one this server gave", c);
            return;
        }
    }
    json_t *hits = json_array();
    /* one more than the page, to tell whether another follows */
    sl_status st = sl_search(e, q, offset, limit + 1, SL_SEARCH_BEST, add_hit, hits);
    if (st != SL_OK) { json_decref(hits); reply_status(out, e, st); return; }
    json_t *next = json_null();
    if ((long)json_array_size(hits) > limit) {
        json_array_remove(hits, (size_t)limit);
        next = json_sprintf("%ld", offset + limit);
    }
    reply_json(out, 200, json_pack("{s:o,s:o,s:o}", "query", sv_str(q), "hits", hits, "next", next));
}

/* ---- writing ------------------------------------------------------------- */

/* The token compared in time that does not depend on where they differ. */
static bool token_ok(const sv_api *api, const char *authorization)
{
    if (!api->token) return true;
    if (!authorization || strncasecmp(authorization, "Bearer ", 7)) return false;
    const char *given = authorization + 7;
    size_t n = strlen(api->token), m = strlen(given);
    unsigned diff = n != m;
    for (size_t i = 0; i < n; i++) diff |= (unsigned char)api->token[i] ^ (unsigned char)(i < m ? given[i] : 0);
    return diff == 0;
}

typedef struct post_ctx {
    json_t *errors;   /* what went wrong, record by record */
} post_ctx;

static void collect_warning(const char *msg, void *ctx)
{
    post_ctx *p = ctx;
    json_array_append_new(p->errors, json_pack("{s:o}", "message", sv_str(msg)));
}

static void add_error(post_ctx *p, long line, const char *msg)
{
    json_array_append_new(p->errors, json_pack("{s:I,s:o}", "record", (json_int_t)line, "message", sv_str(msg)));
}

static int take_place(const sl_article_row *a, void *ctx)
{
    json_t **j = ctx;
    *j = json_pack("{s:o,s:o,s:o}", "event", sv_str(a->event), "storyline", sv_str(a->storyline), "duplicate_of",
                   sv_str(a->duplicate_of));
    return 1;
}

/* The records of a body: one JSON object, a JSON array of objects, or JSON
 * Lines; each as a compact line with its number (1 for a lone object,
 * position in the array from 1, line in JSON Lines). */
typedef struct record {
    char *text;
    long  line;
} record;
typedef VEC(record) records;

static void split_records(const char *body, size_t len, records *out, post_ctx *p)
{
    json_error_t je;
    json_t *whole = json_loadb(body, len, JSON_ALLOW_NUL, &je);
    if (json_is_object(whole) || json_is_array(whole)) {
        size_t n = json_is_array(whole) ? json_array_size(whole) : 1;
        for (size_t i = 0; i < n; i++) {
            json_t *o = json_is_array(whole) ? json_array_get(whole, i) : whole;
            record r = {json_dumps(o, JSON_COMPACT | JSON_ENCODE_ANY), (long)i + 1};
            VEC_PUSH(*out, r);
        }
        json_decref(whole);
        return;
    }
    json_decref(whole);
    long line = 0;
    for (size_t i = 0; i < len;) {
        const char *nl = memchr(body + i, '\n', len - i);
        size_t end = nl ? (size_t)(nl - body) : len;
        line++;
        size_t a = i, b = end;
        while (a < b && (body[a] == ' ' || body[a] == '\t' || body[a] == '\r')) a++;
        while (b > a && (body[b - 1] == ' ' || body[b - 1] == '\t' || body[b - 1] == '\r')) b--;
        if (b > a) {
            record r = {xstrndup(body + a, b - a), line};
            VEC_PUSH(*out, r);
        }
        i = end + 1;
    }
    if (!out->n) add_error(p, 0, "the body holds no article (one JSON object, an array of them, or JSON Lines)");
}

/* The writer engine, opened at the first write (under write_mu); NULL,
 * with why, if it cannot be. It never waits for another process's
 * writing: the lock is taken per write, and a write while another process
 * holds it fails (503 for a POST; a round of watch is tried again at the
 * next). */
static sl_engine *writer(sv_api *api, char *why, size_t n)
{
    if (api->writer) return api->writer;
    sl_engine *w;
    if (sl_open_db(&w, api->db_path, SL_OPEN_WRITE | SL_OPEN_NO_WAIT) != SL_OK) {
        snprintf(why, n, "%s", sl_errmsg(w));
        sl_close(w);
        return NULL;
    }
    sl_writer_release(w);   /* opening took the lock: let others in until a write */
    return api->writer = w;
}

/* A writer that failed on its file is not used again: the next write opens
 * a new one. */
static void writer_failed(sv_api *api)
{
    sl_close(api->writer);
    api->writer = NULL;
}

/* Store the POSTed articles: every good record is kept, each bad one is
 * named with why; 200 if all were good, 400 if any was not. */
static void post_articles(sv_api *api, sl_engine *reader, const sv_request *r, sv_reply *out)
{
    if (!token_ok(api, r->authorization)) {
        out->auth_challenge = true;
        reply_error(out, 401, "writing needs the bearer token (Authorization: Bearer TOKEN)");
        return;
    }
    post_ctx p = {json_array()};
    records recs = {0};
    split_records(r->body ? r->body : "", r->body_len, &recs, &p);

    pthread_mutex_lock(&api->write_mu);
    char why[1024];
    sl_engine *w = writer(api, why, sizeof why);
    if (!w) {
        reply_error(out, 503, "cannot write now: %s", why);
        goto done;
    }
    sl_set_warn(w, collect_warning, &p);
    json_t *articles = json_array();
    rd_record rec = {0};
    err_slot err = {0};
    sl_ingest_stats stats = {0};
    sl_status st = SL_OK;
    for (size_t i = 0; i < recs.n && st != SL_EDB; i++) {
        sl_page page;
        if (rd_jsonl_parse(recs.v[i].text, strlen(recs.v[i].text), "request body", recs.v[i].line, NULL, &rec,
                           &page, &err) != SL_OK) {
            add_error(&p, recs.v[i].line, err.msg);
            continue;
        }
        if (!page.id) {
            if (!page.url) {
                add_error(&p, recs.v[i].line, "a record needs an \"id\" (or a \"url\" to stand for one)");
                continue;
            }
            page.id = page.url;
        }
        json_t *idv = json_string(page.id);
        if (!idv) { add_error(&p, recs.v[i].line, "the id is not UTF-8"); continue; }
        st = sl_ingest_page(w, &page, &stats);
        if (st == SL_OK) json_array_append_new(articles, json_pack("{s:o,s:I}", "id", idv, "record",
                                                                   (json_int_t)recs.v[i].line));
        else {
            json_decref(idv);
            add_error(&p, recs.v[i].line, sl_errmsg(w));
        }
    }
    rd_record_free(&rec);
    if (st != SL_EDB) st = sl_ingest_flush(w, &stats);
    sl_set_warn(w, NULL, NULL);
    sl_writer_release(w);
    if (st == SL_EDB) {
        reply_error(out, 503, "cannot write now: %s", sl_errmsg(w));
        json_decref(articles);
        writer_failed(api);
        goto done;
    }
    /* where each landed, as any reader now sees it */
    size_t i;
    json_t *a;
    json_array_foreach(articles, i, a) {
        json_t *where = NULL;
        const char *id = json_string_value(json_object_get(a, "id"));
        if (sl_article_get(reader, id, take_place, &where) == SL_OK && where) {
            json_object_update(a, where);
            json_object_set_new(a, "stored", json_true());
        } else {
            json_object_set_new(a, "stored", json_false());
        }
        json_decref(where);
    }
    size_t bad = json_array_size(p.errors);
    json_t *j = json_pack("{s:o,s:O,s:{s:I,s:I,s:I,s:I}}", "articles", articles, "errors", p.errors, "counts",
                          "stored", (json_int_t)stats.stored, "already_stored", (json_int_t)stats.skipped_known,
                          "duplicates", (json_int_t)stats.duplicates, "skipped",
                          (json_int_t)(stats.skipped_bad + stats.over_limit));
    /* an answer with errors is an error answer too, as every 4xx is */
    if (bad)
        json_object_set_new(j, "error", json_pack("{s:i,s:o}", "status", 400, "message",
                                                  json_sprintf("%zu record%s not stored, see errors; the others were",
                                                               bad, bad == 1 ? " was" : "s were")));
    reply_json(out, bad ? 400 : 200, j);
done:
    pthread_mutex_unlock(&api->write_mu);
    for (size_t k = 0; k < recs.n; k++) free(recs.v[k].text);
    VEC_FREE(recs);
    json_decref(p.errors);
}

/* ---- routing ------------------------------------------------------------- */

/* path after prefix, if it starts with it; "" for the prefix itself. */
static const char *after(const char *path, const char *prefix)
{
    size_t n = strlen(prefix);
    return strncmp(path, prefix, n) ? NULL : path + n;
}

/* A single path segment (an id): no slash, not empty. */
static bool segment(const char *s) { return s && *s && !strchr(s, '/'); }

void sv_api_handle(sv_api *api, sl_engine *reader, const sv_request *r, sv_reply *out)
{
    memset(out, 0, sizeof *out);
    const char *p = r->path, *rest;
    bool get = !strcmp(r->method, "GET") || !strcmp(r->method, "HEAD");
    if (!strcmp(p, "/api/articles") && !strcmp(r->method, "POST")) {
        post_articles(api, reader, r, out);
        return;
    }
    if (!strcmp(p, "/api/articles")) {
        out->allow = "POST";
        reply_error(out, 405, "%s /api/articles: articles are POSTed here; read one at /api/articles/ID", r->method);
        return;
    }
    bool known = !strcmp(p, "/api/storylines") || !strcmp(p, "/api/events") || !strcmp(p, "/api/search") ||
                 !strcmp(p, "/api/timeline") || !strcmp(p, "/api/openapi.json") ||
                 segment(after(p, "/api/stories/")) || segment(after(p, "/api/storylines/")) ||
                 segment(after(p, "/api/events/")) || segment(after(p, "/api/articles/")) ||
                 segment(after(p, "/api/actors/")) ||
                 ((rest = after(p, "/api/stories/")) && strstr(rest, "/timeline") &&
                  !strcmp(strchr(rest, '/'), "/timeline") && rest[0] != '/');
    if (!known) { reply_error(out, 404, "no such resource: %s (see /api/openapi.json)", p); return; }
    if (!get) {
        out->allow = "GET, HEAD";
        reply_error(out, 405, "%s %s: this resource is only read (GET)", r->method, p);
        return;
    }
    if (!strcmp(p, "/api/openapi.json")) {
        out->status = 200;
        out->type = "application/json; charset=utf-8";
        out->body = xstrdup(sv_openapi);
        out->len = strlen(out->body);
        return;
    }
    if (!strcmp(p, "/api/storylines")) list_page(reader, r, true, out);
    else if (!strcmp(p, "/api/events")) list_page(reader, r, false, out);
    else if (!strcmp(p, "/api/search")) search(reader, r, out);
    else if (!strcmp(p, "/api/timeline")) timeline(reader, r, NULL, out);
    else if ((rest = after(p, "/api/storylines/"))) story(reader, rest, 's', out);
    else if ((rest = after(p, "/api/events/"))) story(reader, rest, 'e', out);
    else if ((rest = after(p, "/api/articles/"))) article(reader, rest, out);
    else if ((rest = after(p, "/api/actors/"))) actor(reader, rest, out);
    else {
        rest = after(p, "/api/stories/");
        const char *slash = strchr(rest, '/');
        if (!slash) story(reader, rest, 0, out);
        else {
            char id[64];
            snprintf(id, sizeof id, "%.*s", (int)(slash - rest), rest);
            timeline(reader, r, id, out);
        }
    }
}

/* ---- watching feeds (serve --watch) ------------------------------------------ */

typedef struct round_log {
    FILE *log;
} round_log;

static void log_round(const sl_watch_stats *s, void *ctx)
{
    FILE *log = ctx;
    fprintf(log, "storyline: watch round: feeds %ld changed, %ld unchanged, %ld failed; pages %ld fetched, %ld failed;"
                 " %ld stored\n", s->feeds_changed, s->feeds_unchanged, s->feeds_failed, s->pages_fetched,
            s->pages_failed, s->ingest.stored);
    fflush(log);
}

static void log_warning(const char *msg, void *ctx)
{
    fprintf(ctx, "storyline: watch: %s\n", msg);
    fflush(ctx);
}

void sv_api_watch(sv_api *api, const char *const *feeds, size_t n, double every_minutes,
                  const volatile sig_atomic_t *stop, FILE *log)
{
    while (!*stop) {
        pthread_mutex_lock(&api->write_mu);
        char why[1024];
        sl_engine *w = writer(api, why, sizeof why);
        if (!w) log_warning(why, log);
        else {
            sl_watch_stats stats = {0};
            sl_watch_opts o = {.every_minutes = 0, .rounds = 1, .timeout_seconds = 30, .stop = stop,
                               .on_round = log_round, .ctx = log};
            sl_set_warn(w, log_warning, log);
            if (sl_watch(w, feeds, n, &o, &stats) != SL_OK) {
                log_warning(sl_errmsg(w), log);
                writer_failed(api);
            } else {
                sl_set_warn(w, NULL, NULL);
            }
        }
        pthread_mutex_unlock(&api->write_mu);
        for (double left = every_minutes * 60; left > 0 && !*stop; left -= 0.2) {
            struct timespec ts = {0, 200 * 1000 * 1000};
            nanosleep(&ts, NULL);
        }
    }
}
