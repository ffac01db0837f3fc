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
#include <stdlib.h>
#include <string.h>

struct rd_fetcher {
    CURL    *curl;
    long     timeout;
    uint64_t max_body;
    char     errbuf[CURL_ERROR_SIZE];
};

/* Where the body goes, and how large it may grow. */
typedef struct { buf *b; uint64_t max; } sink;

rd_fetcher *rd_fetcher_new(long timeout_seconds)
{
    /* reference-counted by libcurl: fetchers may come and go */
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) return NULL;
    rd_fetcher *f = xcalloc(1, sizeof *f);
    f->curl = curl_easy_init();
    f->timeout = timeout_seconds > 0 ? timeout_seconds : 30;
    f->max_body = SL_MAX_PAGE;
    if (!f->curl) { free(f); curl_global_cleanup(); return NULL; }
    return f;
}

void rd_fetcher_max_body(rd_fetcher *f, uint64_t max_body) { f->max_body = max_body ? max_body : SL_MAX_PAGE; }

void rd_fetcher_free(rd_fetcher *f)
{
    if (!f) return;
    curl_easy_cleanup(f->curl);
    free(f);
    curl_global_cleanup();
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
    if (curl_easy_header(c, name, 0, CURLH_HEADER, -1, &h) == CURLHE_OK && h->value)
        buf_puts(out, h->value);
}

sl_status rd_fetch(rd_fetcher *f, const char *url, const char *etag, const char *last_modified,
                   rd_response *out, err_slot *err)
{
    CURL *c = f->curl;
    buf_clear(&out->body);
    out->status = 0;
    memset(&out->media, 0, sizeof out->media);
    curl_easy_reset(c);
    struct curl_slist *hdrs = NULL;
    buf h;
    buf_init(&h);
    if (etag && *etag) {
        buf_printf(&h, "If-None-Match: %s", etag);
        hdrs = curl_slist_append(hdrs, h.data);
    }
    if (last_modified && *last_modified) {
        buf_clear(&h);
        buf_printf(&h, "If-Modified-Since: %s", last_modified);
        hdrs = curl_slist_append(hdrs, h.data);
    }
    buf_free(&h);
    f->errbuf[0] = '\0';
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, hdrs);
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(c, CURLOPT_MAXREDIRS, 5L);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, f->timeout);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, f->timeout < 10 ? f->timeout : 10L);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);   /* signals are the caller's: they stop watch */
    curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(c, CURLOPT_USERAGENT, "storyline/" SL_VERSION " (news feed reader)");
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
    sink body = {&out->body, f->max_body};
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &body);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, f->errbuf);
    CURLcode rc = curl_easy_perform(c);
    curl_slist_free_all(hdrs);
    if (rc == CURLE_WRITE_ERROR) {
        char x[32];
        return err_set(err, SL_ELIMIT, url, 0, "response larger than the page limit of %s (--max-page); skipped",
                       rd_size_str(f->max_body, x));
    }
    if (rc != CURLE_OK) return err_set(err, SL_EIO, url, 0, "%s", f->errbuf[0] ? f->errbuf : curl_easy_strerror(rc));
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &out->status);
    char *ct = NULL, *eff = NULL;
    curl_easy_getinfo(c, CURLINFO_CONTENT_TYPE, &ct);
    if (ct) rd_media_type(ct, strlen(ct), &out->media);
    curl_easy_getinfo(c, CURLINFO_EFFECTIVE_URL, &eff);
    buf_clear(&out->url);
    buf_puts(&out->url, eff ? eff : url);
    header_of(c, "ETag", &out->etag);
    header_of(c, "Last-Modified", &out->last_modified);
    return SL_OK;
}

bool rd_url_resolve(const char *base, const char *ref, buf *out)
{
    CURLU *u = curl_url();
    char *full = NULL;
    bool ok = u && curl_url_set(u, CURLUPART_URL, base, 0) == CURLUE_OK &&
              curl_url_set(u, CURLUPART_URL, ref, 0) == CURLUE_OK &&
              curl_url_get(u, CURLUPART_URL, &full, 0) == CURLUE_OK;
    buf_clear(out);
    if (ok) buf_puts(out, full);
    curl_free(full);
    curl_url_cleanup(u);
    return ok;
}
