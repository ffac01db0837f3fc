/* warc.c: WARC files (1.0, 1.1) to HTML pages, one per response record.
 *
 * A record is a "WARC/1.x" line, named header fields, a blank line, then
 * Content-Length bytes of block and two line breaks. Response records whose
 * HTTP message carries 2xx HTML become pages (resource records with an HTML
 * Content-Type too: some crawlers store pages without the HTTP envelope);
 * every other record (request, metadata, warcinfo, revisit, images, errors)
 * is passed over without a message and counted.
 *
 * The bytes come through a pull function, so the same reader serves files
 * (through zlib, which joins the gzip members Common Crawl writes one per
 * record), and the fuzzer (memory). Only the record being read is held in
 * memory. A malformed or truncated record is reported with its byte offset
 * (in the uncompressed stream) and the reader resynchronises on the next
 * line starting "WARC/1.". Not the HTTP message itself (http.c). */
#include "read.h"
#include "read_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* A header block longer than this is not a WARC header. */
#define RD_WARC_MAX_HEAD ((size_t)64 << 10)
#define RD_PULL_CHUNK ((size_t)64 << 10)

struct rd_warc {
    rd_pull_fn  pull;
    void       *ctx;
    const char *input;
    buf         win;        /* bytes read and not yet consumed start at pos */
    size_t      pos;
    uint64_t    base;       /* stream offset of win.data[0] */
    bool        eof;
    bool        failed;     /* pull reported an error: its message is kept */
    err_slot    pull_err;
    long        passed;
    rd_member_fn member_of;  /* compressed offsets, for messages; or NULL */
    /* A record whose block is larger is skipped unread (with a message):
     * holding one in memory would be a way to kill us. */
    uint64_t    max_page;
    /* the current page's strings */
    buf         label, url, id, date;
    rd_http     http;
};

rd_warc *rd_warc_new(rd_pull_fn pull, void *ctx, const char *input)
{
    rd_warc *w = xcalloc(1, sizeof *w);
    w->pull = pull;
    w->ctx = ctx;
    w->input = input;
    rd_warc_max_page(w, 0);
    return w;
}

void rd_warc_max_page(rd_warc *w, uint64_t max_page)
{
    w->max_page = max_page ? max_page : SL_MAX_PAGE;
    w->http.max_body = w->max_page;
}

void rd_warc_free(rd_warc *w)
{
    if (!w) return;
    buf_free(&w->win);
    buf_free(&w->label);
    buf_free(&w->url);
    buf_free(&w->id);
    buf_free(&w->date);
    rd_http_free(&w->http);
    free(w);
}

long rd_warc_passed(const rd_warc *w) { return w->passed; }

void rd_warc_members(rd_warc *w, rd_member_fn member_of) { w->member_of = member_of; }

/* "byte N", and where the source can say, the gzip member holding it: the
 * offset a Common Crawl index gives. */
static const char *where(const rd_warc *w, uint64_t at, char out[96])
{
    long long m = w->member_of ? w->member_of(w->ctx, at) : -1;
    if (m >= 0) snprintf(out, 96, "byte %llu (gzip member at byte %lld)", (unsigned long long)at, m);
    else snprintf(out, 96, "byte %llu", (unsigned long long)at);
    return out;
}

static size_t avail(const rd_warc *w) { return w->win.len - w->pos; }
static const char *cur(const rd_warc *w) { return w->win.data + w->pos; }
static uint64_t offset(const rd_warc *w) { return w->base + w->pos; }

/* Make at least want bytes available unless the stream ends first. Pointers
 * into the window are invalid afterwards. */
static void fill(rd_warc *w, size_t want)
{
    while (avail(w) < want && !w->eof) {
        if (w->pos && w->pos >= w->win.len / 2) {
            memmove(w->win.data, cur(w), avail(w));
            w->base += w->pos;
            w->win.len -= w->pos;
            w->pos = 0;
        }
        buf_reserve(&w->win, RD_PULL_CHUNK);
        long k = w->pull(w->ctx, w->win.data + w->win.len, RD_PULL_CHUNK, &w->pull_err);
        if (k <= 0) {
            w->eof = true;
            w->failed = k < 0;
        } else {
            w->win.len += (size_t)k;
        }
        w->win.data[w->win.len] = '\0';
    }
}

/* Consume n bytes, pulling and dropping what is not in the window yet. */
static void skip(rd_warc *w, uint64_t n)
{
    while (n) {
        if (!avail(w)) fill(w, 1);
        if (!avail(w)) return;
        size_t k = avail(w) < n ? avail(w) : (size_t)n;
        w->pos += k;
        n -= k;
    }
}

/* Can a record start at win.data[at] (where "WARC/1." is)? At the start of
 * a line, or of a gzip member: after a damaged or cut member the next one
 * begins a record, though no line break comes before it. */
static bool record_start(const rd_warc *w, size_t at)
{
    if (at > 0 && w->win.data[at - 1] == '\n') return true;
    uint64_t off = w->base + at;
    return w->member_of && off > 0 && w->member_of(w->ctx, off) != w->member_of(w->ctx, off - 1);
}

/* Move to the next record start ("WARC/1.") after the current byte. */
static void resync(rd_warc *w)
{
    static const char mark[] = "WARC/1.";
    const size_t k = sizeof mark - 1;
    if (avail(w)) w->pos++;
    for (;;) {
        fill(w, k);
        const char *from = cur(w), *end = w->win.data + w->win.len, *hit;
        for (; (hit = memmem(from, (size_t)(end - from), mark, k)); from = hit + 1) {
            size_t at = (size_t)(hit - w->win.data);
            if (record_start(w, at)) { w->pos = at; return; }
        }
        if (w->eof) { w->pos = w->win.len; return; }
        /* keep a tail that may hold the start of the mark, and the byte before it */
        w->pos = w->win.len - k;
        fill(w, avail(w) + RD_PULL_CHUNK);
    }
}

/* Where the header block ends (just past its blank line), or 0 if it does
 * not end within RD_WARC_MAX_HEAD. Accepts bare LF line ends too. */
static size_t head_length(rd_warc *w)
{
    size_t from = 0;
    for (;;) {
        const char *p = cur(w), *nl;
        while ((nl = memchr(p + from, '\n', avail(w) - from))) {
            size_t at = (size_t)(nl - p) + 1;
            if (at < avail(w) && p[at] == '\n') return at + 1;
            if (at + 1 < avail(w) && p[at] == '\r' && p[at + 1] == '\n') return at + 2;
            if (at + 1 >= avail(w)) break;   /* need one more byte to tell */
            from = at;
        }
        if (w->eof || avail(w) >= RD_WARC_MAX_HEAD) return 0;
        fill(w, avail(w) + RD_PULL_CHUNK);
    }
}

typedef struct warc_head {
    char     type[32];
    rd_media media;          /* the record's Content-Type */
    uint64_t length;
    bool     has_length;
} warc_head;

static void copy_value(buf *out, const char *v, size_t n)
{
    buf_clear(out);
    if (n >= 2 && v[0] == '<' && v[n - 1] == '>') { v++; n -= 2; }   /* <urn:uuid:...>, WARC 1.0 URIs */
    buf_append(out, v, n);
}

/* Read the named fields of the header block p[0..n). */
static const char *parse_head(rd_warc *w, const char *p, size_t n, warc_head *h)
{
    memset(h, 0, sizeof *h);
    buf_clear(&w->url);
    buf_clear(&w->id);
    buf_clear(&w->date);
    const char *end = p + n, *line = memchr(p, '\n', n);
    while (line && ++line < end) {
        const char *nl = memchr(line, '\n', (size_t)(end - line));
        size_t len = (size_t)((nl ? nl : end) - line);
        if (len && line[len - 1] == '\r') len--;
        const char *colon = memchr(line, ':', len);
        if (colon) {
            size_t kn = (size_t)(colon - line), vs = kn + 1;
            while (vs < len && (line[vs] == ' ' || line[vs] == '\t')) vs++;
            const char *v = line + vs;
            size_t vn = len - vs;
            while (vn && (v[vn - 1] == ' ' || v[vn - 1] == '\t')) vn--;
            if (kn == 9 && !strncasecmp(line, "WARC-Type", kn)) {
                size_t k = vn < sizeof h->type - 1 ? vn : sizeof h->type - 1;
                memcpy(h->type, v, k);
                h->type[k] = '\0';
            } else if (kn == 14 && !strncasecmp(line, "Content-Length", kn)) {
                if (!vn || vn > 15 || strspn(v, "0123456789") < vn) return "bad Content-Length";
                h->length = strtoull(v, NULL, 10);
                h->has_length = true;
            } else if (kn == 12 && !strncasecmp(line, "Content-Type", kn)) {
                rd_media_type(v, vn, &h->media);
            } else if (kn == 15 && !strncasecmp(line, "WARC-Target-URI", kn)) {
                copy_value(&w->url, v, vn);
            } else if (kn == 14 && !strncasecmp(line, "WARC-Record-ID", kn)) {
                copy_value(&w->id, v, vn);
            } else if (kn == 9 && !strncasecmp(line, "WARC-Date", kn)) {
                copy_value(&w->date, v, vn);
            }
        }
        line = nl;
    }
    if (!h->has_length) return "no Content-Length";
    return NULL;
}

static sl_status fail(rd_warc *w, uint64_t at, err_slot *err, const char *why)
{
    char pos[96];
    return err_set(err, SL_EINPUT, w->input, 0, "%s: %s; skipped to the next record", where(w, at, pos), why);
}

static bool page_of(rd_warc *w, const warc_head *h, const char *block, size_t n,
                    uint64_t at, sl_page *page, const char **why)
{
    *why = NULL;
    const char *charset;
    if (!strcasecmp(h->type, "response") && !strcmp(h->media.type, "application/http")) {
        if ((*why = rd_http_parse(block, n, &w->http))) return false;
        if (!w->http.page) return false;   /* not 2xx HTML */
        charset = w->http.media.charset;
    } else if (!strcasecmp(h->type, "resource") && rd_media_is_html(&h->media)) {
        buf_clear(&w->http.body);
        buf_append(&w->http.body, block, n);
        charset = h->media.charset;
    } else {
        return false;
    }
    memset(page, 0, sizeof *page);
    buf_clear(&w->label);
    char pos[96];
    buf_printf(&w->label, "%s at %s", w->input, where(w, at, pos));
    page->input = w->label.data;
    /* The URL names the article across crawls (a re-crawl is the same
     * article); the record id only when a record has no URL. */
    page->id = w->url.len ? w->url.data : w->id.len ? w->id.data : NULL;
    page->url = w->url.len ? w->url.data : NULL;
    page->fetched = w->date.len ? w->date.data : NULL;
    page->body = w->http.body.data;
    page->body_len = w->http.body.len;
    page->format = SL_FORMAT_HTML;
    page->charset = *charset ? charset : NULL;
    return true;
}

sl_status rd_warc_next(rd_warc *w, sl_page *page, err_slot *err)
{
    for (;;) {
        /* records are separated by CR LF CR LF; be lenient about how many */
        for (;;) {
            fill(w, 1);
            if (!avail(w) || (*cur(w) != '\r' && *cur(w) != '\n')) break;
            w->pos++;
        }
        if (!avail(w)) {
            if (!w->failed) return SL_DONE;
            w->failed = false;   /* report once; the next call ends */
            char pos[96];
            return err_set(err, SL_EIO, w->input, 0, "%s: %s", where(w, offset(w), pos), w->pull_err.msg);
        }
        uint64_t at = offset(w);
        fill(w, 7);
        if (avail(w) < 7 || memcmp(cur(w), "WARC/1.", 7) != 0) {
            resync(w);
            return fail(w, at, err, "not the start of a WARC record (no WARC/1.x line)");
        }
        size_t hn = head_length(w);
        if (!hn) {
            const char *why = w->eof ? "truncated record header" : "record header too long";
            resync(w);
            return fail(w, at, err, why);
        }
        warc_head h;
        const char *why = parse_head(w, cur(w), hn, &h);
        if (why) { resync(w); return fail(w, at, err, why); }
        bool wanted = (!strcasecmp(h.type, "response") && !strcmp(h.media.type, "application/http")) ||
                      (!strcasecmp(h.type, "resource") && rd_media_is_html(&h.media));
        if (!wanted || h.length > w->max_page) {
            w->pos += hn;
            skip(w, h.length);
            if (!wanted) { w->passed++; continue; }
            char pos[96], a[32], b[32];
            return err_set(err, SL_ELIMIT, w->input, 0,
                           "%s: record of %s, larger than the page limit of %s (--max-page); skipped",
                           where(w, at, pos), rd_size_str(h.length, a), rd_size_str(w->max_page, b));
        }
        /* the header stays in the window until the block is there, so that
         * a truncated record can be searched for the start of the next */
        size_t n = (size_t)h.length;
        fill(w, hn + n);
        if (avail(w) < hn + n) {
            char pos[96];
            err_set(err, SL_EINPUT, w->input, 0,
                    "%s: truncated record: Content-Length %zu but only %zu bytes follow",
                    where(w, at, pos), n, avail(w) - hn);
            resync(w);
            return SL_EINPUT;
        }
        const char *block = cur(w) + hn;
        w->pos += hn + n;
        if (page_of(w, &h, block, n, at, page, &why)) return SL_OK;
        if (why == rd_http_too_large) {
            char pos[96], b[32];
            return err_set(err, SL_ELIMIT, w->input, 0,
                           "%s: the page decodes to more than the page limit of %s (--max-page); skipped",
                           where(w, at, pos), rd_size_str(w->max_page, b));
        }
        if (why) return fail(w, at, err, why);
        w->passed++;
    }
}
