/* serve.h: the serve stage: storyline's answers as JSON objects (shared
 * with the command line's --json), the HTTP JSON API over them, and the
 * server that carries it (libmicrohttpd). Internal symbols use sv_. */
#ifndef SL_SERVE_H
#define SL_SERVE_H

#include "storyline.h"

#include <jansson.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>

/* ---- the objects (objects.c); every answer is a new reference ---- */
json_t *sv_str(const char *s);   /* a string, or null for NULL */
json_t *sv_article_json(const sl_article_row *a);
json_t *sv_event_json(const sl_event_row *ev);
json_t *sv_storyline_json(const sl_storyline_row *s);
json_t *sv_story_json(const sl_story *s);
json_t *sv_actors_json(const sl_actor *a, size_t n);
json_t *sv_timeline_json(const sl_timeline_entry *t, size_t n);
json_t *sv_hit_json(const sl_hit *h);
json_t *sv_actor_page_json(const sl_actor_page *p);

/* ---- the API (api.c): one request in, one answer out, no HTTP ---- */

/* What the API holds across requests: the database's path, the bearer
 * token of writes, and the one writer engine (opened at the first write,
 * used under a lock, letting other writers in between writes). */
typedef struct sv_api sv_api;
sv_api *sv_api_new(const char *db_path, const char *token);
void    sv_api_free(sv_api *api);

typedef struct sv_request {
    const char *method;         /* "GET", "HEAD", "POST", ... */
    const char *path;           /* decoded, without the query */
    const char *(*arg)(void *ctx, const char *name);   /* a query argument, or NULL */
    void       *arg_ctx;
    const char *authorization;  /* the Authorization header, or NULL */
    const char *host;           /* the Host header, or NULL (feeds' links) */
    const char *body;
    size_t      body_len;
} sv_request;

typedef struct sv_reply {
    int         status;
    char       *body;           /* malloc'd */
    size_t      len;
    const char *type;           /* its media type */
    const char *allow;          /* for 405: the methods the path takes */
    bool        auth_challenge; /* 401: ask for a bearer token */
} sv_reply;

/* Poll feeds (RSS or Atom URLs) round after round, every_minutes apart,
 * through the writer engine (between POSTs), until *stop is set; each
 * round and every failure is logged. */
void sv_api_watch(sv_api *api, const char *const *feeds, size_t n, double every_minutes,
                  const volatile sig_atomic_t *stop, FILE *log);

/* Answer req, reading through reader (an engine opened SL_OPEN_READ by the
 * calling thread). Errors are answered as {"error": {"status", "message"}}. */
void sv_api_handle(sv_api *api, sl_engine *reader, const sv_request *req, sv_reply *out);
void sv_reply_free(sv_reply *r);

struct buf;
/* s percent-encoded for a path segment or a query value (pages.c). */
void sv_urlesc(struct buf *b, const char *s);

/* The web page and the Atom feeds (pages.c): any path outside /api/. */
void sv_page_handle(sl_engine *reader, const sv_request *req, sv_reply *out);
/* The page of a story; standalone: one self-contained file (report). */
void sv_story_html(struct buf *b, const sl_story *s, bool standalone);
/* The same as Markdown (report.c). */
void sv_story_md(struct buf *b, const sl_story *s);

/* Files built into the binary (assets.c): the OpenAPI description of the
 * API, and the web page's style sheet. */
extern const char sv_openapi[];
extern const char sv_style_css[];

/* ---- the server (http.c) ---- */
typedef struct sv_config {
    const char *db_path;
    const char *bind;           /* an IPv4 or IPv6 address; NULL: 127.0.0.1 */
    int         port;           /* 0: any free port (the one taken is logged) */
    const char *token;          /* NULL: writes need no token */
    size_t      max_body;       /* bytes of a request body; 0: SV_MAX_BODY */
    FILE       *log;            /* where the access log and notices go */
    const volatile sig_atomic_t *stop;   /* set (by a signal handler) to stop */
    const char *const *feeds;   /* serve --watch: feeds to poll, or NULL */
    size_t      n_feeds;
    double      every_minutes;  /* between rounds */
    size_t      cache_bytes;    /* answers kept per thread of the pool; 0: none */
} sv_config;

#define SV_MAX_BODY ((size_t)32 << 20)
/* Serve until *stop is set, then finish the requests under way (waiting up
 * to SV_DRAIN_SECONDS) and return 0; non-zero, after logging why, if the
 * server cannot start. */
#define SV_DRAIN_SECONDS 10
int sv_run(const sv_config *cfg);

#endif
