/* http.c: an HTTP response as a WARC record stores it, to its body:
 * status line and headers read, chunks joined, gzip or deflate undone, and
 * the Content-Type's media type and charset found.
 *
 * Not the WARC record around it (warc.c) nor fetching over the network
 * (fetch.c: libcurl does all of this there). The message is hostile: every
 * length is checked against what is there, and decompression stops at the
 * page limit (max_body) so that a small record cannot expand into
 * gigabytes. */
#include "read_internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zlib.h>

const char rd_http_too_large[] = "body larger than the page limit";

static bool ci_eq(const char *s, size_t n, const char *word)
{
    return strlen(word) == n && strncasecmp(s, word, n) == 0;
}

/* One line starting at *pos (without CR LF or LF); false if none is left. */
static bool next_line(const char *p, size_t n, size_t *pos, const char **line, size_t *len)
{
    if (*pos >= n) return false;
    const char *nl = memchr(p + *pos, '\n', n - *pos);
    size_t end = nl ? (size_t)(nl - p) : n;
    *line = p + *pos;
    *len = end - *pos;
    if (*len && (*line)[*len - 1] == '\r') (*len)--;
    *pos = nl ? end + 1 : n;
    return true;
}

void rd_media_type(const char *ct, size_t n, rd_media *out)
{
    memset(out, 0, sizeof *out);
    size_t i = 0;
    while (i < n && (ct[i] == ' ' || ct[i] == '\t')) i++;
    size_t start = i;
    while (i < n && ct[i] != ';' && ct[i] != ' ' && ct[i] != '\t') i++;
    size_t tn = i - start < sizeof out->type - 1 ? i - start : sizeof out->type - 1;
    for (size_t k = 0; k < tn; k++) out->type[k] = (char)tolower((unsigned char)ct[start + k]);
    /* parameters: only charset matters here; its value may be quoted */
    for (; i + 8 <= n; i++) {
        if (strncasecmp(ct + i, "charset=", 8) != 0) continue;
        if (i > 0 && ct[i - 1] != ';' && ct[i - 1] != ' ' && ct[i - 1] != '\t') continue;
        size_t v = i + 8, k = 0;
        if (v < n && (ct[v] == '"' || ct[v] == '\'')) v++;
        while (v < n && k + 1 < sizeof out->charset &&
               (ct[v] == '-' || ct[v] == '_' || ct[v] == '.' || ct[v] == ':' ||
                (ct[v] >= '0' && ct[v] <= '9') || ((ct[v] | 0x20) >= 'a' && (ct[v] | 0x20) <= 'z')))
            out->charset[k++] = ct[v++];
        out->charset[k] = '\0';
        break;
    }
}

bool rd_media_is_html(const rd_media *m)
{
    return !strcmp(m->type, "text/html") || !strcmp(m->type, "application/xhtml+xml");
}

/* Join the chunks of a chunked body into out. */
static const char *dechunk(const char *p, size_t n, uint64_t max, buf *out)
{
    size_t pos = 0;
    for (;;) {
        const char *line;
        size_t len;
        if (!next_line(p, n, &pos, &line, &len)) return "chunked body ends without its last chunk";
        size_t size = 0, k = 0;
        for (; k < len; k++) {
            char c = line[k];
            int d = c >= '0' && c <= '9' ? c - '0' : (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10 : -1;
            if (d < 0) break;
            if (size > (SIZE_MAX >> 4)) return "chunk size too large";
            size = size * 16 + (size_t)d;
        }
        if (k == 0 || (k < len && line[k] != ';' && line[k] != ' ' && line[k] != '\t'))
            return "bad chunk size line";
        if (size == 0) return NULL;   /* trailers, if any, say nothing we use */
        if (size > n - pos) return "truncated chunk";
        if (out->len + size > max) return rd_http_too_large;
        buf_append(out, p + pos, size);
        pos += size;
        if (pos < n && p[pos] == '\r') pos++;
        if (pos < n && p[pos] == '\n') pos++;
    }
}

/* Inflate p into out: windowBits 15+32 takes gzip or zlib headers; a raw
 * deflate stream (what some servers send as "deflate") is tried after. */
static const char *inflate_into(const char *p, size_t n, int window_bits, uint64_t max, buf *out)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, window_bits) != Z_OK) return "cannot start zlib";
    z.next_in = (Bytef *)(uintptr_t)p;
    z.avail_in = (uInt)(n > UINT32_MAX ? UINT32_MAX : n);
    int r = Z_OK;
    while (r == Z_OK) {
        buf_reserve(out, 65536);
        z.next_out = (Bytef *)out->data + out->len;
        z.avail_out = 65536;
        r = inflate(&z, Z_NO_FLUSH);
        out->len += 65536 - z.avail_out;
        out->data[out->len] = '\0';
        if (out->len > max) { r = Z_MEM_ERROR; break; }
        if (r == Z_BUF_ERROR && z.avail_in == 0) break;   /* input ends early: keep what came */
        if (r == Z_OK && z.avail_out != 0 && z.avail_in == 0) break;
    }
    inflateEnd(&z);
    if (r == Z_MEM_ERROR) return rd_http_too_large;
    if (r == Z_DATA_ERROR || r == Z_NEED_DICT) return "body is not valid gzip or deflate data";
    return NULL;
}

static const char *decode(const char *p, size_t n, uint64_t max, buf *out)
{
    size_t before = out->len;
    const char *why = inflate_into(p, n, 15 + 32, max, out);
    if (why && out->len == before) why = inflate_into(p, n, -15, max, out);
    return why;
}

const char *rd_http_parse(const char *p, size_t n, rd_http *h)
{
    buf_clear(&h->body);
    buf_clear(&h->scratch);
    h->status = 0;
    h->page = false;
    memset(&h->media, 0, sizeof h->media);
    size_t pos = 0;
    const char *line;
    size_t len;
    if (!next_line(p, n, &pos, &line, &len) || len < 12 || strncmp(line, "HTTP/", 5) != 0)
        return "no HTTP status line";
    const char *sp = memchr(line, ' ', len);
    if (!sp || (size_t)(sp - line) + 4 > len) return "bad HTTP status line";
    for (int k = 1; k <= 3; k++) {
        if (sp[k] < '0' || sp[k] > '9') return "bad HTTP status code";
        h->status = h->status * 10 + (sp[k] - '0');
    }
    bool chunked = false, have_type = false;
    const char *coding = NULL;
    size_t coding_n = 0;
    for (;;) {
        if (!next_line(p, n, &pos, &line, &len)) return "HTTP headers do not end";
        if (len == 0) break;
        const char *colon = memchr(line, ':', len);
        if (!colon) continue;   /* a folded or broken line: nothing we need */
        size_t kn = (size_t)(colon - line), vs = kn + 1;
        while (vs < len && (line[vs] == ' ' || line[vs] == '\t')) vs++;
        const char *v = line + vs;
        size_t vn = len - vs;
        while (vn && (v[vn - 1] == ' ' || v[vn - 1] == '\t')) vn--;
        if (ci_eq(line, kn, "content-type")) {
            rd_media_type(v, vn, &h->media);
            have_type = true;
        } else if (ci_eq(line, kn, "transfer-encoding")) {
            chunked = vn >= 7 && strncasecmp(v + vn - 7, "chunked", 7) == 0;
        } else if (ci_eq(line, kn, "content-encoding")) {
            coding = v;
            coding_n = vn;
        }
    }
    /* Without a Content-Type the body speaks for itself. */
    if (!have_type && rd_sniff(p + pos, n - pos) == RD_SNIFF_HTML) strcpy(h->media.type, "text/html");
    if (!rd_media_is_html(&h->media) || h->status < 200 || h->status > 299) return NULL;
    const char *body = p + pos;
    size_t body_n = n - pos;
    uint64_t max = h->max_body ? h->max_body : RD_HTTP_MAX_BODY;
    if (chunked) {
        const char *why = dechunk(body, body_n, max, &h->scratch);
        if (why) return why;
        body = h->scratch.data ? h->scratch.data : "";
        body_n = h->scratch.len;
    }
    const char *why = NULL;
    if (coding && (ci_eq(coding, coding_n, "gzip") || ci_eq(coding, coding_n, "x-gzip") ||
                   ci_eq(coding, coding_n, "deflate")))
        why = decode(body, body_n, max, &h->body);
    else if (coding && !ci_eq(coding, coding_n, "identity")) why = "unsupported Content-Encoding";
    else if (body_n > max) why = rd_http_too_large;
    else buf_append(&h->body, body, body_n);
    if (why == rd_http_too_large) buf_clear(&h->body);   /* inflate stopped a chunk past the limit */
    h->page = !why;
    return why;
}

void rd_http_free(rd_http *h)
{
    buf_free(&h->body);
    buf_free(&h->scratch);
}
