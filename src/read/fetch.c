/* fetch.c: one HTTP GET with libcurl: a feed with its validators
 * (If-None-Match, If-Modified-Since) or an article page.
 *
 * Every request has a time limit, follows at most a few redirects and only
 * to http or https, and stops reading past the page limit; libcurl
 * undoes gzip/deflate and chunking. One curl handle is kept per fetcher so
 * that requests to one host reuse the connection. Not what to fetch or
 * when (engine/watch.c), nor the parsing of what comes back (feed.c). */
#include "read.h"
#include "read_internal.h"

#include <curl/curl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* libcurl is opened at first use (lib_open in core.h says why); its
 * ABI has been libcurl.so.4 since 2006. */
#ifndef SL_LIBCURL
#define SL_LIBCURL "libcurl.so.4"
#endif
#define CURL_FUNCS(X) X(global_init) X(global_cleanup) X(easy_init) X(easy_cleanup) X(easy_setopt) \
    X(easy_perform) X(easy_getinfo) X(easy_strerror) X(easy_reset) X(easy_header) X(slist_append) \
    X(slist_free_all) X(url) X(url_set) X(url_get) X(url_cleanup) X(free)

static struct {
#define X(f) __typeof__(curl_##f) *f;
    CURL_FUNCS(X)
#undef X
} libcurl;
static pthread_once_t libcurl_once = PTHREAD_ONCE_INIT;
static err_slot libcurl_err;   /* status 0: opened */

static void libcurl_open(void)
{
    static const char *const names[] = {
#define X(f) "curl_" #f,
        CURL_FUNCS(X)
#undef X
    };
    void *syms[sizeof names / sizeof names[0]];
    if (!lib_open(SL_LIBCURL, names, syms, sizeof names / sizeof names[0], SL_EIO, &libcurl_err)) return;
    size_t i = 0;
#define X(f) libcurl.f = (__typeof__(libcurl.f))syms[i++];
    CURL_FUNCS(X)
#undef X
}

/* libcurl, opened once; false with the reason in err when it cannot be. */
static bool have_libcurl(err_slot *err)
{
    pthread_once(&libcurl_once, libcurl_open);
    if (!libcurl_err.status) return true;
    if (err) *err = libcurl_err;
    return false;
}

struct rd_fetcher {
    CURL    *curl;
    long     timeout;
    uint64_t max_body;
    char     errbuf[CURL_ERROR_SIZE];
};

/* Where the body goes, and how large it may grow. */
typedef struct { buf *b; uint64_t max; } sink;

rd_fetcher *rd_fetcher_new(long timeout_seconds, err_slot *err)
{
    if (!have_libcurl(err)) return NULL;
    /* reference-counted by libcurl: fetchers may come and go */
    if (libcurl.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
        err_set(err, SL_EIO, SL_LIBCURL, 0, "cannot start libcurl");
        return NULL;
    }
    rd_fetcher *f = xcalloc(1, sizeof *f);
    f->curl = libcurl.easy_init();
    f->timeout = timeout_seconds > 0 ? timeout_seconds : 30;
    f->max_body = SL_MAX_PAGE;
    if (!f->curl) {
        free(f);
        libcurl.global_cleanup();
        err_set(err, SL_EIO, SL_LIBCURL, 0, "cannot start libcurl");
        return NULL;
    }
    return f;
}

void rd_fetcher_max_body(rd_fetcher *f, uint64_t max_body) { f->max_body = max_body ? max_body : SL_MAX_PAGE; }

void rd_fetcher_free(rd_fetcher *f)
{
    if (!f) return;
    libcurl.easy_cleanup(f->curl);
    free(f);
    libcurl.global_cleanup();
}

void rd_response_free(rd_response *r)
{
    buf_free(&r->body);
    buf_free(&r->etag);
    buf_free(&r->last_modified);
    buf_free(&r->url);
}

static size_t on_body(char *p, size_t size, size_t n, void *ctx)
{
    sink *s = ctx;
    size_t k = size * n;
    if (s->b->len + k > s->max) return 0;   /* makes curl stop with a write error */
    buf_append(s->b, p, k);
    return k;
}

/* A header of the last response (after redirects) into out, "" if absent. */
static void header_of(CURL *c, const char *name, buf *out)
{
    struct curl_header *h;
    buf_clear(out);
    if (libcurl.easy_header(c, name, 0, CURLH_HEADER, -1, &h) == CURLHE_OK && h->value)
        buf_puts(out, h->value);
}

sl_status rd_fetch(rd_fetcher *f, const char *url, const char *etag, const char *last_modified,
                   rd_response *out, err_slot *err)
{
    CURL *c = f->curl;
    buf_clear(&out->body);
    out->status = 0;
    memset(&out->media, 0, sizeof out->media);
    libcurl.easy_reset(c);
    struct curl_slist *hdrs = NULL;
    buf h;
    buf_init(&h);
    if (etag && *etag) {
        buf_printf(&h, "If-None-Match: %s", etag);
        hdrs = libcurl.slist_append(hdrs, h.data);
    }
    if (last_modified && *last_modified) {
        buf_clear(&h);
        buf_printf(&h, "If-Modified-Since: %s", last_modified);
        hdrs = libcurl.slist_append(hdrs, h.data);
    }
    buf_free(&h);
    f->errbuf[0] = '\0';
    libcurl.easy_setopt(c, CURLOPT_URL, url);
    libcurl.easy_setopt(c, CURLOPT_HTTPHEADER, hdrs);
    libcurl.easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    libcurl.easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    libcurl.easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
    libcurl.easy_setopt(c, CURLOPT_MAXREDIRS, 5L);
    libcurl.easy_setopt(c, CURLOPT_TIMEOUT, f->timeout);
    libcurl.easy_setopt(c, CURLOPT_CONNECTTIMEOUT, f->timeout < 10 ? f->timeout : 10L);
    libcurl.easy_setopt(c, CURLOPT_NOSIGNAL, 1L);   /* signals are the caller's: they stop watch */
    libcurl.easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
    libcurl.easy_setopt(c, CURLOPT_USERAGENT, "storyline/" SL_VERSION " (news feed reader)");
    libcurl.easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
    sink body = {&out->body, f->max_body};
    libcurl.easy_setopt(c, CURLOPT_WRITEDATA, &body);
    libcurl.easy_setopt(c, CURLOPT_ERRORBUFFER, f->errbuf);
    CURLcode rc = libcurl.easy_perform(c);
    libcurl.slist_free_all(hdrs);
    if (rc == CURLE_WRITE_ERROR) {
        char x[32];
        return err_set(err, SL_ELIMIT, url, 0, "response larger than the page limit of %s (--max-page); skipped",
                       rd_size_str(f->max_body, x));
    }
    if (rc != CURLE_OK) return err_set(err, SL_EIO, url, 0, "%s", f->errbuf[0] ? f->errbuf : libcurl.easy_strerror(rc));
    libcurl.easy_getinfo(c, CURLINFO_RESPONSE_CODE, &out->status);
    char *ct = NULL, *eff = NULL;
    libcurl.easy_getinfo(c, CURLINFO_CONTENT_TYPE, &ct);
    if (ct) rd_media_type(ct, strlen(ct), &out->media);
    libcurl.easy_getinfo(c, CURLINFO_EFFECTIVE_URL, &eff);
    buf_clear(&out->url);
    buf_puts(&out->url, eff ? eff : url);
    header_of(c, "ETag", &out->etag);
    header_of(c, "Last-Modified", &out->last_modified);
    return SL_OK;
}

bool rd_url_resolve(const char *base, const char *ref, buf *out)
{
    buf_clear(out);
    if (!have_libcurl(NULL)) return false;
    CURLU *u = libcurl.url();
    char *full = NULL;
    bool ok = u && libcurl.url_set(u, CURLUPART_URL, base, 0) == CURLUE_OK &&
              libcurl.url_set(u, CURLUPART_URL, ref, 0) == CURLUE_OK &&
              libcurl.url_get(u, CURLUPART_URL, &full, 0) == CURLUE_OK;
    buf_clear(out);
    if (ok) buf_puts(out, full);
    libcurl.free(full);
    libcurl.url_cleanup(u);
    return ok;
}
