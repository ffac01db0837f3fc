/* http.c: the server: libmicrohttpd carrying the API of api.c.
 *
 * A pool of threads answers requests; each thread reads through its own
 * engine (SQLite connections are not shared across threads), opened at its
 * first request. What the server guards against: request bodies over
 * max_body (413, read no further), headers over CONN_MEMORY (libmicrohttpd
 * answers 431), idle connections (closed after IDLE_SECONDS), too many
 * connections (refused past MAX_CONNECTIONS), paths with ".." (400; no file
 * is ever served from disk anyway). Every answer of the API is JSON, errors
 * included; a GET's answer carries an ETag (a hash of its body), and
 * If-None-Match with it gets 304 without the body. One line per request in
 * the Common Log Format goes to the log; the token never does. */
#include "serve.h"
#include "../core/core.h"

#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include <xxhash.h>

/* libmicrohttpd is opened when the server starts (lib_open in core.h
 * says why); libmicrohttpd.so.12 is its ABI since 0.9.53 (2017). */
#ifndef SL_LIBMHD
#define SL_LIBMHD "libmicrohttpd.so.12"
#endif
#define MHD_FUNCS(X) X(lookup_connection_value) X(create_response_from_buffer) X(add_response_header) \
    X(queue_response) X(destroy_response) X(get_connection_info) X(get_connection_values) \
    X(start_daemon) X(get_daemon_info) X(quiesce_daemon) X(stop_daemon)

static struct {
#define X(f) __typeof__(MHD_##f) *f;
    MHD_FUNCS(X)
#undef X
} libmhd;

static bool open_libmhd(err_slot *err)
{
    static const char *const names[] = {
#define X(f) "MHD_" #f,
        MHD_FUNCS(X)
#undef X
    };
    void *syms[sizeof names / sizeof names[0]];
    if (!lib_open(SL_LIBMHD, names, syms, sizeof names / sizeof names[0], 1, err)) return false;
    size_t i = 0;
#define X(f) libmhd.f = (__typeof__(libmhd.f))syms[i++];
    MHD_FUNCS(X)
#undef X
    return true;
}

#define POOL_THREADS 4
#define MAX_CONNECTIONS 256
#define IDLE_SECONDS 30
#define CONN_MEMORY (256 * 1024)

typedef struct server {
    const sv_config *cfg;
    sv_api          *api;
    size_t           max_body;
    pthread_mutex_t  mu;        /* workers, log */
    VEC(struct worker *) workers;   /* every thread's, freed at the end */
} server;

/* What a thread of the pool keeps: its engine, and the answers it gave
 * lately. An answer is given again, unbuilt, while the database is as it
 * was (its data_version unchanged: no connection committed since); the
 * least recently used go first when the cache is over its size. */
typedef struct cached {
    char       *key;       /* "HOST PATH?QUERY" */
    char       *body;
    size_t      len;
    const char *type;
    uint64_t    used;
} cached;

typedef struct worker {
    sl_engine    *reader;
    VEC(cached)   cache;
    size_t        bytes;
    int64_t       version;
    uint64_t      clock;
} worker;

/* One request while it arrives and until it is logged. */
typedef struct request {
    char      *method, *url, *version;
    buf        body;
    bool       too_big, started;
    int        status;
    size_t     sent;
    char       client[64];
} request;

static __thread worker *self;

static void cache_clear(worker *w)
{
    for (size_t i = 0; i < w->cache.n; i++) { free(w->cache.v[i].key); free(w->cache.v[i].body); }
    w->cache.n = 0;
    w->bytes = 0;
}

/* A copy of the answer cached under key, or false. */
static bool cache_get(worker *w, const char *key, sv_reply *out)
{
    for (size_t i = 0; i < w->cache.n; i++) {
        cached *c = &w->cache.v[i];
        if (strcmp(c->key, key)) continue;
        c->used = ++w->clock;
        out->status = 200;
        out->type = c->type;
        out->len = c->len;
        out->body = xmalloc(c->len + 1);
        memcpy(out->body, c->body, c->len + 1);
        return true;
    }
    return false;
}

static void cache_put(worker *w, size_t limit, const char *key, const sv_reply *r)
{
    size_t cost = r->len + strlen(key);
    if (!limit || cost > limit / 4) return;
    while (w->bytes + cost > limit && w->cache.n) {
        size_t old = 0;
        for (size_t i = 1; i < w->cache.n; i++) if (w->cache.v[i].used < w->cache.v[old].used) old = i;
        cached *c = &w->cache.v[old];
        w->bytes -= c->len + strlen(c->key);
        free(c->key);
        free(c->body);
        *c = w->cache.v[--w->cache.n];
    }
    char *body = xmalloc(r->len + 1);
    memcpy(body, r->body, r->len);
    body[r->len] = 0;
    cached c = {xstrdup(key), body, r->len, r->type, ++w->clock};
    VEC_PUSH(w->cache, c);
    w->bytes += cost;
}

static sl_engine *thread_reader(server *sv, sv_reply *out)
{
    if (self) return self->reader;
    sl_engine *e;
    if (sl_open_db(&e, sv->cfg->db_path, SL_OPEN_READ) != SL_OK) {
        out->status = 503;
        out->type = "application/json; charset=utf-8";
        json_t *j = json_pack("{s:{s:i,s:o}}", "error", "status", 503, "message", sv_str(sl_errmsg(e)));
        out->body = json_dumps(j, JSON_COMPACT);
        out->len = strlen(out->body);
        json_decref(j);
        sl_close(e);
        return NULL;
    }
    self = xcalloc(1, sizeof *self);
    self->reader = e;
    self->version = -1;
    pthread_mutex_lock(&sv->mu);
    VEC_PUSH(sv->workers, self);
    pthread_mutex_unlock(&sv->mu);
    return e;
}

static const char *query_arg(void *ctx, const char *name)
{
    return libmhd.lookup_connection_value(ctx, MHD_GET_ARGUMENT_KIND, name);
}

/* Does If-None-Match (a list of entity tags, or *) name etag? */
static bool etag_matches(const char *inm, const char *etag)
{
    if (!inm) return false;
    size_t n = strlen(etag);
    for (const char *p = inm; *p;) {
        while (*p == ' ' || *p == ',') p++;
        if (*p == '*') return true;
        if (!strncmp(p, "W/", 2)) p += 2;
        if (!strncmp(p, etag, n) && (p[n] == 0 || p[n] == ',' || p[n] == ' ')) return true;
        while (*p && *p != ',') p++;
    }
    return false;
}

static enum MHD_Result send_reply(struct MHD_Connection *c, request *rq, sv_reply *r)
{
    char etag[24] = "";
    bool not_modified = false;
    if (r->status == 200 && (!strcmp(rq->method, "GET") || !strcmp(rq->method, "HEAD"))) {
        snprintf(etag, sizeof etag, "\"%016llx\"", (unsigned long long)XXH64(r->body, r->len, 0));
        not_modified = etag_matches(libmhd.lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_IF_NONE_MATCH), etag);
    }
    struct MHD_Response *resp;
    if (not_modified) {
        sv_reply_free(r);
        r->status = 304;
        resp = libmhd.create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
    } else {
        resp = libmhd.create_response_from_buffer(r->len, r->body, MHD_RESPMEM_MUST_FREE);
        r->body = NULL;   /* libmicrohttpd frees it */
        if (r->type) libmhd.add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, r->type);
    }
    if (!resp) return MHD_NO;
    if (*etag) libmhd.add_response_header(resp, MHD_HTTP_HEADER_ETAG, etag);
    libmhd.add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-cache");
    libmhd.add_response_header(resp, "X-Content-Type-Options", "nosniff");
    if (r->allow) libmhd.add_response_header(resp, MHD_HTTP_HEADER_ALLOW, r->allow);
    if (r->auth_challenge) libmhd.add_response_header(resp, MHD_HTTP_HEADER_WWW_AUTHENTICATE, "Bearer realm=\"storyline\"");
    rq->status = r->status;
    rq->sent = not_modified ? 0 : r->len;
    enum MHD_Result ok = libmhd.queue_response(c, (unsigned)r->status, resp);
    libmhd.destroy_response(resp);
    return ok;
}

static void error_reply(sv_reply *r, int status, const char *msg)
{
    memset(r, 0, sizeof *r);
    r->status = status;
    r->type = "application/json; charset=utf-8";
    json_t *j = json_pack("{s:{s:i,s:o}}", "error", "status", status, "message", sv_str(msg));
    r->body = json_dumps(j, JSON_COMPACT);
    r->len = strlen(r->body);
    json_decref(j);
}

static void client_of(struct MHD_Connection *c, char out[64])
{
    snprintf(out, 64, "-");
    const union MHD_ConnectionInfo *ci = libmhd.get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    if (!ci || !ci->client_addr) return;
    const struct sockaddr *sa = ci->client_addr;
    if (sa->sa_family == AF_INET) inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr, out, 64);
    else if (sa->sa_family == AF_INET6) inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)sa)->sin6_addr, out, 64);
}

/* The query string again (libmicrohttpd hands the path and the decoded
 * arguments apart), for the log: unsafe bytes percent-encoded. */
static enum MHD_Result add_arg(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
    (void)kind;
    buf *b = cls;
    buf_putc(b, b->len ? '&' : '?');
    sv_urlesc(b, key);
    if (value) {
        buf_putc(b, '=');
        sv_urlesc(b, value);
    }
    return MHD_YES;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                                  const char *version, const char *upload, size_t *upload_size, void **req_cls)
{
    server *sv = cls;
    request *rq = *req_cls;
    if (!rq) {
        rq = xcalloc(1, sizeof *rq);
        rq->method = xstrdup(method);
        buf q;
        buf_init(&q);
        libmhd.get_connection_values(c, MHD_GET_ARGUMENT_KIND, add_arg, &q);
        rq->url = xmalloc(strlen(url) + q.len + 1);
        strcpy(rq->url, url);
        if (q.len) strcat(rq->url, q.data);
        buf_free(&q);
        rq->version = xstrdup(version);
        buf_init(&rq->body);
        client_of(c, rq->client);
        *req_cls = rq;
        const char *cl = libmhd.lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
        if (!cl || strtoull(cl, NULL, 10) <= sv->max_body) return MHD_YES;
        rq->too_big = true;   /* answered at once: the body is never read */
    }
    if (*upload_size && !rq->too_big) {
        if (!rq->too_big && rq->body.len + *upload_size <= sv->max_body) buf_append(&rq->body, upload, *upload_size);
        else rq->too_big = true;
        *upload_size = 0;
        return MHD_YES;
    }
    sv_reply r = {0};
    if (rq->too_big) {
        char msg[128];
        snprintf(msg, sizeof msg, "the request body is over the limit of %zu bytes", sv->max_body);
        error_reply(&r, 413, msg);
    } else if (strstr(url, "..")) {
        error_reply(&r, 400, "a path with '..' is refused");
    } else {
        sl_engine *e = thread_reader(sv, &r);
        if (e) {
            sv_request q = {
                .method = method, .path = url, .arg = query_arg, .arg_ctx = c,
                .authorization = libmhd.lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_AUTHORIZATION),
                .host = libmhd.lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_HOST),
                .body = rq->body.data ? rq->body.data : "", .body_len = rq->body.len,
            };
            bool get = !strcmp(method, "GET") || !strcmp(method, "HEAD");
            int64_t version = -1;
            if (get && sv->cfg->cache_bytes) {
                if (sl_data_version(e, &version) != SL_OK) version = -2;
                if (version != self->version) cache_clear(self);
                self->version = version;
            }
            /* the key: the host asked (feeds link to it) and the path with its query */
            buf key;
            buf_init(&key);
            if (get && sv->cfg->cache_bytes) buf_printf(&key, "%s %s", q.host ? q.host : "", rq->url);
            if (get && sv->cfg->cache_bytes && version >= 0 && cache_get(self, key.data, &r)) {
                /* given again */
            } else {
                if (!strncmp(url, "/api/", 5)) sv_api_handle(sv->api, e, &q, &r);
                else sv_page_handle(e, &q, &r);
                if (get && r.status == 200 && version >= 0) cache_put(self, sv->cfg->cache_bytes, key.data, &r);
            }
            buf_free(&key);
        }
    }
    enum MHD_Result ok = send_reply(c, rq, &r);
    sv_reply_free(&r);
    return ok;
}

/* The access log: Common Log Format, one line per request. */
static void on_completed(void *cls, struct MHD_Connection *c, void **req_cls, enum MHD_RequestTerminationCode why)
{
    (void)c;
    (void)why;
    server *sv = cls;
    request *rq = *req_cls;
    if (!rq) return;
    char when[64];
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(when, sizeof when, "%d/%b/%Y:%H:%M:%S +0000", &tm);
    pthread_mutex_lock(&sv->mu);
    fprintf(sv->cfg->log, "%s - - [%s] \"%s %s %s\" %d %zu\n", rq->client, when, rq->method, rq->url, rq->version,
            rq->status ? rq->status : 500, rq->sent);
    fflush(sv->cfg->log);
    pthread_mutex_unlock(&sv->mu);
    free(rq->method);
    free(rq->url);
    free(rq->version);
    buf_free(&rq->body);
    free(rq);
    *req_cls = NULL;
}

static void *watch_thread(void *arg)
{
    server *sv = arg;
    sv_api_watch(sv->api, sv->cfg->feeds, sv->cfg->n_feeds, sv->cfg->every_minutes, sv->cfg->stop, sv->cfg->log);
    return NULL;
}

int sv_run(const sv_config *cfg)
{
    err_slot err = {0};
    if (!open_libmhd(&err)) {   /* one server a process: opened once */
        fprintf(cfg->log, "storyline serve: %s\n", err.msg);
        return 2;
    }
    server sv = {.cfg = cfg, .max_body = cfg->max_body ? cfg->max_body : SV_MAX_BODY};
    pthread_mutex_init(&sv.mu, NULL);
    const char *bind = cfg->bind ? cfg->bind : "127.0.0.1";
    struct sockaddr_in a4;
    struct sockaddr_in6 a6;
    memset(&a4, 0, sizeof a4);
    memset(&a6, 0, sizeof a6);
    struct sockaddr *sa;
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO | MHD_USE_ITC;
    if (inet_pton(AF_INET, bind, &a4.sin_addr) == 1) {
        a4.sin_family = AF_INET;
        a4.sin_port = htons((uint16_t)cfg->port);
        sa = (struct sockaddr *)&a4;
    } else if (inet_pton(AF_INET6, bind, &a6.sin6_addr) == 1) {
        a6.sin6_family = AF_INET6;
        a6.sin6_port = htons((uint16_t)cfg->port);
        sa = (struct sockaddr *)&a6;
        flags |= MHD_USE_IPv6;
    } else {
        fprintf(cfg->log, "storyline serve: --bind %s is not an IPv4 or IPv6 address\n", bind);
        return 1;
    }
    sv.api = sv_api_new(cfg->db_path, cfg->token);
    struct MHD_Daemon *d = libmhd.start_daemon(
        flags, (uint16_t)cfg->port, NULL, NULL, on_request, &sv,
        MHD_OPTION_SOCK_ADDR, sa,
        MHD_OPTION_THREAD_POOL_SIZE, (unsigned)POOL_THREADS,
        MHD_OPTION_CONNECTION_LIMIT, (unsigned)MAX_CONNECTIONS,
        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)IDLE_SECONDS,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)CONN_MEMORY,
        MHD_OPTION_NOTIFY_COMPLETED, on_completed, &sv,
        MHD_OPTION_END);
    if (!d) {
        fprintf(cfg->log, "storyline serve: cannot listen on %s port %d: %s\n", bind, cfg->port, strerror(errno));
        sv_api_free(sv.api);
        pthread_mutex_destroy(&sv.mu);
        return 2;
    }
    pthread_t watcher;
    bool watching = cfg->n_feeds && pthread_create(&watcher, NULL, watch_thread, &sv) == 0;
    if (cfg->n_feeds && !watching) fprintf(cfg->log, "storyline serve: cannot start watching the feeds\n");
    const union MHD_DaemonInfo *info = libmhd.get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
    int port = info ? info->port : cfg->port;
    fprintf(cfg->log, "storyline: serving %s on http://%s%s%s:%d/ (pid %d)%s\n", cfg->db_path,
            strchr(bind, ':') ? "[" : "", bind, strchr(bind, ':') ? "]" : "", port, (int)getpid(),
            cfg->n_feeds ? ", watching feeds" : "");
    fflush(cfg->log);

    while (!*cfg->stop) {
        struct timespec ts = {0, 100 * 1000 * 1000};
        nanosleep(&ts, NULL);
    }
    if (watching) pthread_join(watcher, NULL);   /* it stops on *stop, after its page */
    /* Drain: take no new connection, let those under way finish. */
    MHD_socket listen_fd = libmhd.quiesce_daemon(d);
    for (int i = 0; i < SV_DRAIN_SECONDS * 10; i++) {
        info = libmhd.get_daemon_info(d, MHD_DAEMON_INFO_CURRENT_CONNECTIONS);
        if (!info || info->num_connections == 0) break;
        struct timespec ts = {0, 100 * 1000 * 1000};
        nanosleep(&ts, NULL);
    }
    libmhd.stop_daemon(d);
    if (listen_fd != MHD_INVALID_SOCKET) close(listen_fd);
    for (size_t i = 0; i < sv.workers.n; i++) {
        cache_clear(sv.workers.v[i]);
        VEC_FREE(sv.workers.v[i]->cache);
        sl_close(sv.workers.v[i]->reader);
        free(sv.workers.v[i]);
    }
    VEC_FREE(sv.workers);
    sv_api_free(sv.api);
    pthread_mutex_destroy(&sv.mu);
    fprintf(cfg->log, "storyline: stopped serving %s\n", cfg->db_path);
    return 0;
}
