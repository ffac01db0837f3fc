/* fuzz_http.c: libFuzzer target for HTTP responses as storyline reads
 * them: the message stored in a WARC record (http.c: status line,
 * headers, chunks, gzip or deflate), its page through the HTML front end
 * with the charset its Content-Type names, a Content-Type on its own (as
 * libcurl hands it over for watch), and a feed's link resolved against
 * the feed's URL (fetch.c).
 *
 * The input is the whole response; its first line is also the
 * Content-Type, and its first two lines the base URL and the link. */
#include "fuzz_extract.h"
#include "read/read_internal.h"

#include <stdlib.h>
#include <string.h>

/* Line i (0 or 1) of p, NUL-terminated, in a fresh allocation. */
static char *line_of(const uint8_t *p, size_t n, int i)
{
    const uint8_t *nl = memchr(p, '\n', n);
    if (i == 1) {
        if (!nl) return NULL;
        n -= (size_t)(nl + 1 - p);
        p = nl + 1;
        nl = memchr(p, '\n', n);
    }
    size_t len = nl ? (size_t)(nl - p) : n;
    char *s = malloc(len + 1);
    memcpy(s, p, len);
    s[len] = '\0';
    return s;
}

static void extract(const rd_http *h)
{
    sl_page page = {.input = "fuzz.warc", .id = "fuzz", .body = h->body.data ? h->body.data : "",
                    .body_len = h->body.len, .format = SL_FORMAT_HTML,
                    .charset = *h->media.charset ? h->media.charset : NULL};
    fuzz_extract(&page);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    rd_http h = {0};
    const char *why = rd_http_parse((const char *)data, size, &h);
    if (h.page && (why || h.status < 200 || h.status > 299 || !rd_media_is_html(&h.media))) abort();
    if (h.body.len > RD_HTTP_MAX_BODY) abort();
    if (!memchr(h.media.type, 0, sizeof h.media.type) || !memchr(h.media.charset, 0, sizeof h.media.charset))
        abort();
    if (h.page) extract(&h);
    rd_http_free(&h);

    const uint8_t *nl = memchr(data, '\n', size);
    rd_media m;
    rd_media_type((const char *)data, nl ? (size_t)(nl - data) : size, &m);
    (void)rd_media_is_html(&m);

    char *base = line_of(data, size, 0), *ref = line_of(data, size, 1);
    if (ref) {
        buf out;
        buf_init(&out);
        if (rd_url_resolve(base, ref, &out) && !out.len) abort();
        buf_free(&out);
    }
    free(base);
    free(ref);
    return 0;
}
