/* test_source.c: reading files, folders, gzip, JSON Lines and manifests. */
#include "testutil.h"
#include "read/read.h"

#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

static char dir[64];

static void put(const char *name, const char *text)
{
    char p[256];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    FILE *f = fopen(p, "wb");
    fputs(text, f);
    fclose(f);
}

static int setup(void **st)
{
    (void)st;
    if (tmpdir_make(dir, "/tmp/sl-read-XXXXXX")) return -1;
    char p[256];
    snprintf(p, sizeof p, "%s/sub", dir);
    mkdir(p, 0700);
    put("b.txt", "Second page.\n");
    put("a.txt", "First page.\n");
    put("sub/c", "A page without a suffix.\n");
    put("notes.tsv", "file\tpublished\n");
    put(".hidden.txt", "not read\n");
    put("feed.jsonl",
        "{\"id\": \"x1\", \"title\": \"T\", \"published\": \"2024-03-04T08:00:00Z\", \"source\": \"S\","
        " \"text\": \"Body one.\", \"section\": \"world\"}\n"
        "\n"
        "{not json}\n"
        "{\"doc_id\": 7, \"text\": \"Body two.\"}\n"
        "{\"title\": \"no text\"}\n"
        "[1, 2]\n"
        "{\"text\": \"No id here.\"}\n");
    snprintf(p, sizeof p, "%s/z.txt.gz", dir);
    gzFile g = gzopen(p, "wb");
    gzputs(g, "Compressed page.\n");
    gzclose(g);
    put("manifest.tsv", "source\tfile\tpublished\nOutlet A\ta.txt\t2018-06-14\n\tpath/b.txt\t2018-06-15\n");
    return 0;
}

static int teardown(void **st)
{
    (void)st;
    return tmpdir_remove(dir);
}

static void folder_walk_reads_articles_in_name_order(void **st)
{
    (void)st;
    rd_source *s;
    err_slot e;
    assert_int_equal(rd_open(dir, &s, &e), SL_OK);
    sl_page p;
    const char *want_ids[] = {"a", "b", "x1", "7", "feed-7", "c", "z"};
    size_t got = 0, bad = 0;
    sl_status r;
    while ((r = rd_next(s, &p, &e)) != SL_DONE) {
        if (r == SL_EINPUT) {
            bad++;
            assert_non_null(strstr(e.msg, "feed.jsonl:"));   /* names file and line */
            continue;
        }
        assert_int_equal(r, SL_OK);
        assert_true(got < 7);
        assert_string_equal(p.id, want_ids[got]);
        if (!strcmp(p.id, "x1")) {
            assert_string_equal(p.title, "T");
            assert_string_equal(p.source, "S");
            assert_string_equal(p.published, "2024-03-04T08:00:00Z");
            assert_int_equal(p.line, 1);
            assert_non_null(strstr(p.meta_json, "\"section\""));
            assert_memory_equal(p.body, "Body one.", p.body_len);
        }
        if (!strcmp(p.id, "z")) assert_memory_equal(p.body, "Compressed page.\n", p.body_len);
        got++;
    }
    assert_int_equal(got, 7);
    assert_int_equal(bad, 4);   /* a blank line, not JSON, no text, not an object */
    rd_close(s);
}

static void bad_json_message_names_line(void **st)
{
    (void)st;
    rd_source *s;
    err_slot e;
    char p[256];
    snprintf(p, sizeof p, "%s/feed.jsonl", dir);
    assert_int_equal(rd_open(p, &s, &e), SL_OK);
    sl_page page;
    assert_int_equal(rd_next(s, &page, &e), SL_OK);
    assert_int_equal(rd_next(s, &page, &e), SL_EINPUT);
    char want[300];
    snprintf(want, sizeof want, "%s/feed.jsonl:2: blank line, no record; skipped", dir);
    assert_string_equal(e.msg, want);
    assert_int_equal(rd_next(s, &page, &e), SL_EINPUT);
    snprintf(want, sizeof want, "%s/feed.jsonl:3:", dir);
    assert_memory_equal(e.msg, want, strlen(want));
    rd_close(s);
}

static void missing_input_is_an_io_error(void **st)
{
    (void)st;
    rd_source *s;
    err_slot e;
    assert_int_equal(rd_open("/nonexistent/x.txt", &s, &e), SL_EIO);
    assert_non_null(strstr(e.msg, "/nonexistent/x.txt"));
}

static void ids_drop_folder_and_suffixes(void **st)
{
    (void)st;
    buf b;
    buf_init(&b);
    rd_id_from_path("a/b/001_x.txt.gz", &b);
    assert_string_equal(b.data, "001_x");
    rd_id_from_path("page.html", &b);
    assert_string_equal(b.data, "page");
    rd_id_from_path("dump.jsonl", &b);
    assert_string_equal(b.data, "dump");
    rd_id_from_path("report.v2", &b);
    assert_string_equal(b.data, "report.v2");
    buf_free(&b);
}

static void manifest_columns_in_any_order(void **st)
{
    (void)st;
    char p[256];
    snprintf(p, sizeof p, "%s/manifest.tsv", dir);
    rd_manifest *m;
    err_slot e;
    assert_int_equal(rd_manifest_load(p, &m, &e), SL_OK);
    const char *pub, *src;
    assert_true(rd_manifest_find(m, "/some/where/a.txt", &pub, &src));
    assert_string_equal(pub, "2018-06-14");
    assert_string_equal(src, "Outlet A");
    assert_true(rd_manifest_find(m, "b.txt", &pub, &src));
    assert_null(src);
    assert_false(rd_manifest_find(m, "c.txt", &pub, &src));
    rd_manifest_free(m);
    snprintf(p, sizeof p, "%s/b.txt", dir);      /* no header with "file" */
    assert_int_equal(rd_manifest_load(p, &m, &e), SL_EINPUT);
}

/* Every container yields HTML pages: a file sniffed as HTML, JSON Lines
 * with html, a feed file; an .xml file that is no feed is reported. */
static void html_pages_from_sniffed_files_jsonl_and_feeds(void **st)
{
    (void)st;
    char sub[128], p[256];
    snprintf(sub, sizeof sub, "%s/html", dir);
    mkdir(sub, 0700);
    snprintf(p, sizeof p, "%s/html/a-page", dir);
    FILE *f = fopen(p, "wb");
    fputs("\xEF\xBB\xBF\n  <!DOCTYPE html><html><body><p>Hello</p></body></html>", f);
    fclose(f);
    snprintf(p, sizeof p, "%s/html/b.jsonl", dir);
    f = fopen(p, "wb");
    fputs("{\"id\": \"h1\", \"html\": \"<p>x</p>\", \"content_type\": \"text/html; charset=Shift_JIS\"}\n"
          "{\"id\": \"h2\", \"html\": \"<p>y</p>\", \"charset\": \"koi8-r\", \"text\": \"ignored\"}\n", f);
    fclose(f);
    snprintf(p, sizeof p, "%s/html/c.rss", dir);
    f = fopen(p, "wb");
    fputs("<rss><channel><item><title>I1</title><link>http://n.test/1</link>"
          "<description>&lt;p&gt;one&lt;/p&gt;</description></item>"
          "<item><title>I2</title><description>two</description></item></channel></rss>", f);
    fclose(f);
    snprintf(p, sizeof p, "%s/html/d.xml", dir);
    f = fopen(p, "wb");
    fputs("<config><x/></config>", f);
    fclose(f);
    rd_source *s;
    err_slot e;
    assert_int_equal(rd_open(sub, &s, &e), SL_OK);
    sl_page pg;
    const char *ids[] = {"a-page", "h1", "h2", "http://n.test/1", "c-2"};
    for (size_t i = 0; i < 5; i++) {
        assert_int_equal(rd_next(s, &pg, &e), SL_OK);
        assert_string_equal(pg.id, ids[i]);
        assert_int_equal(pg.format, SL_FORMAT_HTML);
        if (i == 1) assert_string_equal(pg.charset, "Shift_JIS");
        if (i == 2) assert_string_equal(pg.charset, "koi8-r");
        if (i == 2) assert_memory_equal(pg.body, "<p>y</p>", pg.body_len);
        if (i == 3) assert_string_equal(pg.title, "I1");
    }
    assert_int_equal(rd_next(s, &pg, &e), SL_EINPUT);
    assert_non_null(strstr(e.msg, "d.xml: not a feed"));
    assert_int_equal(rd_next(s, &pg, &e), SL_DONE);
    rd_close(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(folder_walk_reads_articles_in_name_order),
        cmocka_unit_test(bad_json_message_names_line),
        cmocka_unit_test(missing_input_is_an_io_error),
        cmocka_unit_test(ids_drop_folder_and_suffixes),
        cmocka_unit_test(manifest_columns_in_any_order),
        cmocka_unit_test(html_pages_from_sniffed_files_jsonl_and_feeds),
    };
    return cmocka_run_group_tests_name("read", tests, setup, teardown);
}
