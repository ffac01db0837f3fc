/* test_inputs.c: the built binary on the containers of issue 4: a WARC file
 * (its HTML responses stored, the rest passed over and counted, the fetch
 * time used as the date only when the page has none), a feed file, and an
 * HTML file without a suffix; and on binary files and output that cannot
 * be written (issue 14). */
#include "testutil.h"
#include "warcgen.h"

#include <unistd.h>

#define BIN "build/storyline"
static char dir[64];

static const char dated_text[] =
    "<p>SEOUL, June 14, 2018 (Yonhap) -- South Korea and the United States are expected to "
    "announce the suspension of their joint military drills, officials said on Thursday.</p>"
    "<p>The decision follows the summit in Singapore, where the leaders agreed to work toward "
    "the denuclearisation of the peninsula.</p>";
static const char undated_text[] =
    "<p>Officials said the allies would go ahead with the exercises, which had been scaled back "
    "twice to make room for talks with the North.</p>"
    "<p>The defence ministry said thousands of troops would take part over two weeks.</p>";

static void write_file(const char *name, const char *p, size_t n)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    fwrite(p, 1, n, f);
    fclose(f);
}

static void warc_feed_and_sniffed_html_are_ingested(void **st)
{
    (void)st;
    buf w, page;
    buf_init(&w);
    buf_init(&page);
    record(&w, "warcinfo", NULL, "application/warc-fields", "software: t\r\n", 13);
    buf_printf(&page, "<html><head><title>Drills suspended</title></head><body>%s</body></html>", dated_text);
    response(&w, "http://news.test/dated", "Content-Type: text/html\r\n", page.data, page.len);
    buf_clear(&page);
    buf_printf(&page, "<html><head><title>Drills go ahead</title></head><body>%s</body></html>", undated_text);
    response(&w, "http://news.test/undated", "Content-Type: text/html\r\n", page.data, page.len);
    response(&w, "http://news.test/logo.png", "Content-Type: image/png\r\n", "PNG", 3);
    write_file("crawl.warc", w.data, w.len);
    buf_clear(&page);
    buf_printf(&page, "<rss><channel><title>Wire</title><item><title>Talks</title><guid>wire-1</guid>"
                      "<link>http://wire.test/1</link><pubDate>Fri, 15 Jun 2018 09:00:00 +0900</pubDate>"
                      "<description><![CDATA[%s]]></description></item></channel></rss>", undated_text);
    write_file("wire.rss", page.data, page.len);
    buf_clear(&page);
    buf_printf(&page, "\n<!doctype html><html><head><title>Saved page</title></head><body>%s</body></html>",
               dated_text);
    write_file("saved", page.data, page.len);
    buf_free(&w);
    buf_free(&page);

    char *out;
    assert_int_equal(run_capturef(&out, BIN " ingest --db %s/t.db %s 2>&1", dir, dir), 0);
    assert_non_null(strstr(out, "passed over 2 container records"));   /* warcinfo, image */
    assert_non_null(strstr(out, "read 4, stored 4"));
    free(out);
    assert_int_equal(run_capturef(&out, BIN " articles --db %s/t.db --json", dir), 0);
    /* the page's own date (its dateline) beats the fetch time */
    assert_non_null(strstr(out, "\"id\":\"http://news.test/dated\",\"url\":\"http://news.test/dated\","
                                "\"title\":\"Drills suspended\",\"published\":\"2018-06-14\""));
    /* no date in the page: the WARC-Date, as a last resort */
    assert_non_null(strstr(out, "\"id\":\"http://news.test/undated\",\"url\":\"http://news.test/undated\","
                                "\"title\":\"Drills go ahead\",\"published\":\"2019-03-02\""));
    assert_non_null(strstr(out, "\"id\":\"wire-1\",\"url\":\"http://wire.test/1\",\"title\":\"Talks\","
                                "\"published\":\"2018-06-15\",\"source\":\"Wire\""));
    assert_non_null(strstr(out, "\"id\":\"saved\""));
    free(out);
}

/* The first line of out holding needle, for messages in failures. */
static void expect(const char *out, const char *needle)
{
    if (!strstr(out, needle)) fail_msg("expected \"%s\" in:\n%s", needle, out);
}

/* extract on a binary file names it and exits 2; the other files are
 * still printed. */
static void extract_refuses_binary_files(void **st)
{
    (void)st;
    char bin[8192];
    for (size_t i = 0; i < sizeof bin; i++) bin[i] = (char)((i * 2654435761u) >> 13);
    write_file("blob.bin", bin, sizeof bin);
    write_file("ok.txt", dated_text, strlen(dated_text));
    char *out;
    assert_int_equal(run_capturef(&out, BIN " extract --json %s/blob.bin %s/ok.txt 2>&1", dir, dir), 2);
    char want[256];
    snprintf(want, sizeof want, "storyline: %s/blob.bin: page looks binary: ", dir);
    expect(out, want);
    expect(out, "{\"id\":\"ok\",");
    free(out);
}

/* Output that cannot be written (a full disk) is an error, whatever the
 * command. */
static void write_errors_exit_2(void **st)
{
    (void)st;
    write_file("w.txt", dated_text, strlen(dated_text));
    char *out;
    assert_int_equal(run_capturef(&out, BIN " ingest --db %s/w.db %s/w.txt 2>&1", dir, dir), 0);
    free(out);
    const char *cmds[] = {"articles --json --db %s/w.db", "articles --db %s/w.db", "stories --json --db %s/w.db",
                          "show --db %s/w.db e1", "timeline --db %s/w.db s1", "extract --json %s/w.txt",
                          "analyze %s/w.txt", "analyze --raw --json %s/w.txt"};
    for (size_t i = 0; i < sizeof cmds / sizeof *cmds; i++) {
        char cmd[512], full[600];
        snprintf(cmd, sizeof cmd, cmds[i], dir);
        snprintf(full, sizeof full, BIN " %s 2>&1 >/dev/full", cmd);
        int rc = run_capture(full, &out);
        if (rc != 2 || !strstr(out, "storyline: cannot write to standard output: No space left on device"))
            fail_msg("'%s' > /dev/full: exit %d, said: %s", cmd, rc, out);
        free(out);
    }
    assert_int_equal(run_capturef(&out, BIN " ingest --help 2>&1 >/dev/full"), 2);
    expect(out, "storyline: cannot write to standard output: No space left on device");
    free(out);
}

TMPDIR_GROUP(dir, "/tmp/sl-inputs-XXXXXX")

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(warc_feed_and_sniffed_html_are_ingested),
        cmocka_unit_test(extract_refuses_binary_files),
        cmocka_unit_test(write_errors_exit_2),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
