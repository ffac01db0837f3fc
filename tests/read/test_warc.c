/* test_warc.c: WARC files: HTML responses become pages, every other record
 * is passed over, gzip (one member per record or one for the file) is read
 * through, HTTP chunking and compression are undone, and a broken record is
 * reported with its byte offset while the reader goes on with the next. */
#include "testutil.h"
#include "warcgen.h"
#include "read/read.h"
#include "read/read_internal.h"

#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

static char dir[64];

static const char article[] =
    "<html><head><title>Drills resume</title></head><body><p>Seoul and Washington resumed "
    "joint military drills on Monday, officials said.</p></body></html>";

/* Memory as the WARC reader's byte source, handed out in small pieces so
 * that records straddle the reader's refills. */
typedef struct { const char *p; size_t n, at, piece; } mem;

static long mem_pull(void *ctx, char *dst, size_t n, err_slot *err)
{
    (void)err;
    mem *m = ctx;
    size_t k = m->n - m->at;
    if (k > n) k = n;
    if (m->piece && k > m->piece) k = m->piece;
    memcpy(dst, m->p + m->at, k);
    m->at += k;
    return (long)k;
}

/* A WARC of: warcinfo, request, an HTML response, an image response, a
 * chunked gzip HTML response, a 404 page, a resource record with HTML. */
static void sample(buf *w)
{
    buf_init(w);
    record(w, "warcinfo", NULL, "application/warc-fields", "software: test\r\n", 16);
    record(w, "request", "http://news.test/a", "application/http; msgtype=request",
           "GET /a HTTP/1.1\r\nHost: news.test\r\n\r\n", 36);
    response(w, "http://news.test/a", "Content-Type: text/html; charset=ISO-8859-1\r\n", article, strlen(article));
    response(w, "http://news.test/logo.png", "Content-Type: image/png\r\n", "\x89PNG", 4);
    /* gzip the article, then send it in two chunks */
    unsigned char gz[1024];
    z_stream z = {0};
    deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    z.next_in = (unsigned char *)article;
    z.avail_in = (uInt)strlen(article);
    z.next_out = gz;
    z.avail_out = sizeof gz;
    deflate(&z, Z_FINISH);
    size_t gn = sizeof gz - z.avail_out, half = gn / 2;
    deflateEnd(&z);
    buf chunked;
    buf_init(&chunked);
    buf_printf(&chunked, "%zx;ext=1\r\n", half);
    buf_append(&chunked, (char *)gz, half);
    buf_printf(&chunked, "\r\n%zX\r\n", gn - half);
    buf_append(&chunked, (char *)gz + half, gn - half);
    buf_puts(&chunked, "\r\n0\r\n\r\n");
    response(w, "http://news.test/b",
             "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n",
             chunked.data, chunked.len);
    buf_free(&chunked);
    buf http;
    buf_init(&http);
    buf_puts(&http, "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<html>gone</html>");
    record(w, "response", "http://news.test/gone", "application/http; msgtype=response", http.data, http.len);
    buf_free(&http);
    record(w, "resource", "http://news.test/c", "text/html; charset=utf-8", article, strlen(article));
}

static void html_responses_become_pages_and_the_rest_is_passed_over(void **st)
{
    (void)st;
    buf w;
    sample(&w);
    for (size_t piece = 0; piece <= 7; piece += 7) {   /* whole, then 7 bytes at a time */
        mem m = {w.data, w.len, 0, piece};
        rd_warc *r = rd_warc_new(mem_pull, &m, "t.warc");
        sl_page p;
        err_slot e;
        assert_int_equal(rd_warc_next(r, &p, &e), SL_OK);
        assert_string_equal(p.url, "http://news.test/a");
        assert_string_equal(p.id, "http://news.test/a");
        assert_string_equal(p.fetched, "2019-03-02T10:00:00Z");
        assert_string_equal(p.charset, "ISO-8859-1");
        assert_int_equal(p.format, SL_FORMAT_HTML);
        assert_null(p.published);
        assert_int_equal(p.body_len, strlen(article));
        assert_memory_equal(p.body, article, p.body_len);
        assert_non_null(strstr(p.input, "t.warc at byte "));
        assert_int_equal(rd_warc_next(r, &p, &e), SL_OK);   /* chunked + gzip */
        assert_string_equal(p.url, "http://news.test/b");
        assert_null(p.charset);
        assert_int_equal(p.body_len, strlen(article));
        assert_memory_equal(p.body, article, p.body_len);
        assert_int_equal(rd_warc_next(r, &p, &e), SL_OK);   /* resource record */
        assert_string_equal(p.url, "http://news.test/c");
        assert_string_equal(p.charset, "utf-8");
        assert_int_equal(rd_warc_next(r, &p, &e), SL_DONE);
        assert_int_equal(rd_warc_passed(r), 4);   /* warcinfo, request, image, 404 */
        rd_warc_free(r);
    }
    buf_free(&w);
}

/* Garbage before a record, a record with a bad length and a truncated last
 * record: each is one message naming its byte offset, and the good records
 * around them are still read. */
static void broken_records_are_reported_at_their_offset_and_skipped(void **st)
{
    (void)st;
    buf w;
    buf_init(&w);
    buf_puts(&w, "junk that is no record\r\n");
    size_t first = w.len;
    response(&w, "http://news.test/1", "Content-Type: text/html\r\n", article, strlen(article));
    size_t bad = w.len;
    buf_puts(&w, "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 12x\r\n\r\nwhatever\r\n\r\n");
    response(&w, "http://news.test/2", "Content-Type: text/html\r\n", article, strlen(article));
    size_t cut = w.len;
    response(&w, "http://news.test/3", "Content-Type: text/html\r\n", article, strlen(article));
    w.len -= 40;   /* the file ends inside the last record */
    mem m = {w.data, w.len, 0, 5};
    rd_warc *r = rd_warc_new(mem_pull, &m, "bad.warc");
    sl_page p;
    err_slot e;
    char want[128];
    assert_int_equal(rd_warc_next(r, &p, &e), SL_EINPUT);
    assert_string_equal(e.msg, "bad.warc: byte 0: not the start of a WARC record (no WARC/1.x line); "
                               "skipped to the next record");
    assert_int_equal(rd_warc_next(r, &p, &e), SL_OK);
    assert_string_equal(p.url, "http://news.test/1");
    snprintf(want, sizeof want, "bad.warc at byte %zu", first);
    assert_string_equal(p.input, want);
    assert_int_equal(rd_warc_next(r, &p, &e), SL_EINPUT);
    snprintf(want, sizeof want, "bad.warc: byte %zu: bad Content-Length", bad);
    assert_memory_equal(e.msg, want, strlen(want));
    assert_int_equal(rd_warc_next(r, &p, &e), SL_OK);
    assert_string_equal(p.url, "http://news.test/2");
    assert_int_equal(rd_warc_next(r, &p, &e), SL_EINPUT);
    snprintf(want, sizeof want, "bad.warc: byte %zu: truncated record", cut);
    assert_memory_equal(e.msg, want, strlen(want));
    assert_int_equal(rd_warc_next(r, &p, &e), SL_DONE);
    rd_warc_free(r);
    buf_free(&w);
}

/* A Content-Length that is too long swallows the start of the next record;
 * resynchronising inside the truncated block finds it again. */
static void a_lying_length_does_not_lose_the_next_record(void **st)
{
    (void)st;
    buf w;
    buf_init(&w);
    buf_puts(&w, "WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http\r\n"
                 "Content-Length: 999999\r\n\r\nHTTP/1.1 200 OK\r\n\r\n");
    response(&w, "http://news.test/next", "Content-Type: text/html\r\n", article, strlen(article));
    mem m = {w.data, w.len, 0, 0};
    rd_warc *r = rd_warc_new(mem_pull, &m, "lie.warc");
    sl_page p;
    err_slot e;
    assert_int_equal(rd_warc_next(r, &p, &e), SL_EINPUT);
    assert_non_null(strstr(e.msg, "byte 0: truncated record"));
    assert_int_equal(rd_warc_next(r, &p, &e), SL_OK);
    assert_string_equal(p.url, "http://news.test/next");
    assert_int_equal(rd_warc_next(r, &p, &e), SL_DONE);
    rd_warc_free(r);
    buf_free(&w);
}

static void write_file(const char *name, const char *p, size_t n)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    fwrite(p, 1, n, f);
    fclose(f);
}

/* Each record its own gzip member, as Common Crawl writes them; the
 * compressed offset of each member goes into starts (if not NULL). */
static void write_gz_members(const char *name, const buf *w, long *starts)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    size_t at = 0;
    while (at < w->len) {
        const char *next = memmem(w->data + at + 1, w->len - at - 1, "WARC/1.", 7);
        size_t end = next ? (size_t)(next - w->data) : w->len;
        unsigned char out[8192];
        z_stream z = {0};
        deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
        z.next_in = (unsigned char *)w->data + at;
        z.avail_in = (uInt)(end - at);
        z.next_out = out;
        z.avail_out = sizeof out;
        assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
        if (starts) *starts++ = ftell(f);
        fwrite(out, 1, sizeof out - z.avail_out, f);
        deflateEnd(&z);
        at = end;
    }
    fclose(f);
}

static void files_plain_gzip_per_record_and_whole_and_sniffed(void **st)
{
    (void)st;
    buf w;
    sample(&w);
    write_file("plain.warc", w.data, w.len);
    write_gz_members("members.warc.gz", &w, NULL);
    char path[256];
    snprintf(path, sizeof path, "%s/whole.warc.gz", dir);
    gzFile g = gzopen(path, "wb");
    gzwrite(g, w.data, (unsigned)w.len);
    gzclose(g);
    write_file("crawl-no-suffix", w.data, w.len);   /* sniffed by its first line */
    rd_source *s;
    err_slot e;
    assert_int_equal(rd_open(dir, &s, &e), SL_OK);
    sl_page p;
    size_t n = 0;
    sl_status r;
    while ((r = rd_next(s, &p, &e)) != SL_DONE) {
        assert_int_equal(r, SL_OK);
        assert_int_equal(p.format, SL_FORMAT_HTML);
        assert_non_null(strstr(p.body, "joint military drills"));
        n++;
    }
    assert_int_equal(n, 4 * 3);
    assert_int_equal(rd_passed(s), 4 * 4);
    rd_close(s);
    buf_free(&w);
}

/* A damaged gzip member costs its record, not the rest of the file; a file
 * cut inside its last member says so. */
static void a_corrupt_gzip_member_is_skipped(void **st)
{
    (void)st;
    buf w;
    buf_init(&w);
    for (int i = 0; i < 4; i++) {
        char uri[64];
        snprintf(uri, sizeof uri, "http://news.test/%d", i);
        response(&w, uri, "Content-Type: text/html\r\n", article, strlen(article));
    }
    long starts[8];
    char sub[128], path[256];
    snprintf(sub, sizeof sub, "%s/gz", dir);
    mkdir(sub, 0700);
    write_gz_members("gz/damaged.warc.gz", &w, starts);
    snprintf(path, sizeof path, "%s/gz/damaged.warc.gz", dir);
    size_t n = 0;
    char *raw = slurp(path, &n);
    assert_non_null(raw);
    for (long i = starts[1] + 20; i < starts[1] + 40; i++) raw[i] ^= 0x5a;   /* inside member 2 */
    write_file("gz/damaged.warc.gz", raw, n);
    write_file("gz/truncated.warc.gz", raw, (size_t)starts[3] + 30);       /* cut in member 4 */
    free(raw);
    rd_source *s;
    err_slot e;
    assert_int_equal(rd_open(sub, &s, &e), SL_OK);
    sl_page p;
    sl_status r;
    char seen[256] = "", want[64];
    size_t gz_msgs = 0, at_member_2 = 0;
    snprintf(want, sizeof want, "gzip member at byte %ld: corrupt", starts[1]);
    while ((r = rd_next(s, &p, &e)) != SL_DONE) {
        if (r == SL_OK) {
            strcat(seen, strrchr(p.url, '/'));
            if (!strcmp(p.url, "http://news.test/2")) {   /* labelled with its member too */
                char label[64];
                snprintf(label, sizeof label, "(gzip member at byte %ld)", starts[2]);
                assert_non_null(strstr(p.input, label));
            }
            continue;
        }
        assert_int_equal(r, SL_EINPUT);
        gz_msgs += strstr(e.msg, "gzip member at byte ") != NULL;
        at_member_2 += strstr(e.msg, want) != NULL;
    }
    rd_close(s);
    /* damaged: 0, 2, 3 (1 is lost); truncated: 0, 2 (1 damaged, 3 cut) */
    assert_string_equal(seen, "/0/2/3/0/2");
    assert_int_equal(gz_msgs, 3);       /* damaged twice, then the cut */
    assert_int_equal(at_member_2, 2);
    buf_free(&w);
}

static void http_messages(void **st)
{
    (void)st;
    rd_http h = {0};
    const char *ok = "HTTP/1.0 200 OK\nContent-type: Application/XHTML+XML; charset=\"windows-1252\"\n\n<p>x</p>";
    assert_null(rd_http_parse(ok, strlen(ok), &h));
    assert_string_equal(h.media.type, "application/xhtml+xml");
    assert_string_equal(h.media.charset, "windows-1252");
    assert_string_equal(h.body.data, "<p>x</p>");
    const char *sniffed = "HTTP/1.1 200 OK\r\n\r\n  <!doctype html><p>y</p>";
    assert_null(rd_http_parse(sniffed, strlen(sniffed), &h));
    assert_string_equal(h.media.type, "text/html");
    const char *badchunk = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n";
    assert_string_equal(rd_http_parse(badchunk, strlen(badchunk), &h), "bad chunk size line");
    const char *shortchunk = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\nff\r\nabc";
    assert_string_equal(rd_http_parse(shortchunk, strlen(shortchunk), &h), "truncated chunk");
    const char *notgz = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\nplain";
    assert_non_null(rd_http_parse(notgz, strlen(notgz), &h));
    /* a body that decodes past the limit is refused and not kept */
    static char zeros[256 << 10];
    unsigned char gz[4096];
    z_stream z = {0};
    deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY);
    z.next_in = (unsigned char *)zeros;
    z.avail_in = sizeof zeros;
    z.next_out = gz;
    z.avail_out = sizeof gz;
    assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
    buf bomb;
    buf_init(&bomb);
    buf_puts(&bomb, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n");
    buf_append(&bomb, (char *)gz, sizeof gz - z.avail_out);
    deflateEnd(&z);
    h.max_body = 100000;
    assert_ptr_equal(rd_http_parse(bomb.data, bomb.len, &h), rd_http_too_large);
    assert_false(h.page);
    assert_int_equal(h.body.len, 0);
    h.max_body = 0;
    assert_null(rd_http_parse(bomb.data, bomb.len, &h));   /* the default, 16 MiB, lets it through */
    assert_int_equal(h.body.len, sizeof zeros);
    buf_free(&bomb);
    assert_string_equal(rd_http_parse("HTTP/1.1", 8, &h), "no HTTP status line");
    rd_http_free(&h);
}

TMPDIR_GROUP(dir, "/tmp/sl-warc-XXXXXX")

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(html_responses_become_pages_and_the_rest_is_passed_over),
        cmocka_unit_test(broken_records_are_reported_at_their_offset_and_skipped),
        cmocka_unit_test(a_lying_length_does_not_lose_the_next_record),
        cmocka_unit_test(files_plain_gzip_per_record_and_whole_and_sniffed),
        cmocka_unit_test(a_corrupt_gzip_member_is_skipped),
        cmocka_unit_test(http_messages),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
