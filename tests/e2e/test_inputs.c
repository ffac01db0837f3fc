/* test_inputs.c: the built binary on the containers of issue 4: a WARC file
 * (its HTML responses stored, the rest passed over and counted, the fetch
 * time used as the date only when the page has none), a feed file, and an
 * HTML file without a suffix; and on the bad inputs of issue 14: a gzip
 * bomb, a FIFO and a device in a folder, pages and lines over the limits,
 * blank lines, dates that are no date, Latin-1 text, binary files, and
 * output that cannot be written. */
#include "testutil.h"
#include "warcgen.h"

#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

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
    assert_int_equal(run_capturef(&out, BIN " articles --all --db %s/t.db --json", dir), 0);
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

/* The inputs of issue 14 in one folder, ingested in one run: every one
 * over a limit, unreadable or odd is reported with its path (and line),
 * counted, and the run goes on; what is stored is kept. */
static void bad_inputs_are_reported_counted_and_passed(void **st)
{
    (void)st;
    char sub[128], p[256];
    snprintf(sub, sizeof sub, "%s/in14", dir);
    mkdir(sub, 0700);
    /* a gzip bomb: 64 MiB of zeros in about 64 KiB */
    snprintf(p, sizeof p, "%s/bomb.jsonl.gz", sub);
    gzFile g = gzopen(p, "wb9");
    char *zeros = calloc(1, 1 << 20);
    for (int i = 0; i < 64; i++) gzwrite(g, zeros, 1 << 20);
    gzclose(g);
    free(zeros);
    /* a page over --max-page 4K */
    buf b;
    buf_init(&b);
    while (b.len < 6000) buf_puts(&b, "The talks went on for hours and nobody would say what was agreed. ");
    write_file("in14/big.txt", b.data, b.len);
    snprintf(p, sizeof p, "%s/fifo.txt", sub);
    assert_int_equal(mkfifo(p, 0600), 0);
    snprintf(p, sizeof p, "%s/zero.txt", sub);
    assert_int_equal(symlink("/dev/zero", p), 0);
    write_file("in14/good.txt", dated_text, strlen(dated_text));
    /* JSON Lines: a good record, a line over --max-line 8K, a blank line, a
     * record whose date is no date */
    buf_clear(&b);
    buf_puts(&b, "{\"id\": \"j1\", \"published\": \"2018-06-15\", \"text\": \"Negotiators from both Koreas met at "
                 "the border village on Friday and agreed to hold military talks next week, officials said.\"}\n");
    buf_puts(&b, "{\"id\": \"j2\", \"text\": \"");
    while (b.len < 20000) buf_puts(&b, "padding words that make the line long ");
    buf_puts(&b, "\"}\n\n");
    buf_puts(&b, "{\"id\": \"j4\", \"published\": \"2020-13-45\", \"text\": \"The ministry said the exercise "
                 "would be scaled back to make room for diplomacy, and that troops would stay in their barracks.\"}\n");
    write_file("in14/lines.jsonl", b.data, b.len);
    buf_free(&b);

    char *out;
    assert_int_equal(run_capturef(&out, "timeout 120 " BIN " ingest --jobs 2 --db %s/in14.db --max-page 4K --max-line 8K "
                                        "%s 2>&1", dir, sub), 0);
    char want[512];
    snprintf(want, sizeof want, "storyline: %s/bomb.jsonl.gz: gzip member at byte 0: decompresses to more than 100 "
                                "times its size (--max-inflate); the rest of the file skipped", sub);
    expect(out, want);
    snprintf(want, sizeof want, "storyline: %s/big.txt: 5.9 KiB, larger than the page limit of 4 KiB (--max-page); skipped", sub);
    expect(out, want);
    snprintf(want, sizeof want, "storyline: %s/fifo.txt: a FIFO, not a regular file; skipped", sub);
    expect(out, want);
    snprintf(want, sizeof want, "storyline: %s/zero.txt: a character device, not a regular file; skipped", sub);
    expect(out, want);
    snprintf(want, sizeof want, "storyline: %s/lines.jsonl:2: line longer than the line limit of 8 KiB (--max-line); skipped", sub);
    expect(out, want);
    snprintf(want, sizeof want, "storyline: %s/lines.jsonl:3: blank line, no record; skipped", sub);
    expect(out, want);
    snprintf(want, sizeof want, "storyline: %s/lines.jsonl:4: published \"2020-13-45\" is not a date; stored without it", sub);
    expect(out, want);
    /* read: bomb, big, good, four lines; the FIFO and the device are no records */
    expect(out, "read 7, stored 3 (0 near-duplicates), skipped 6 (0 already stored, 3 unreadable, 3 over a limit)\n"
                "1 published date was no date (stored without it)\n");
    free(out);
    assert_int_equal(run_capturef(&out, BIN " articles --json --db %s/in14.db", dir), 0);
    expect(out, "{\"id\":\"j4\",\"url\":null,\"title\":null,\"published\":null,");
    expect(out, "{\"id\":\"j1\",");
    expect(out, "{\"id\":\"good\",");
    free(out);
    /* again: what was stored is there, nothing new */
    assert_int_equal(run_capturef(&out, "timeout 120 " BIN " ingest --db %s/in14.db --max-page 4K --max-line 8K %s 2>&1",
                                  dir, sub), 0);
    expect(out, "read 7, stored 0 (0 near-duplicates), skipped 9 (3 already stored, 3 unreadable, 3 over a limit)");
    free(out);
}

/* The 50 MB one-line text of issue 14, scaled down: over the page limit it
 * is skipped at once; under it, a line without a sentence end is stored
 * without the database growing with the square of its length (each time
 * expression stored a copy of its sentence: the whole line). */
static void a_page_on_one_line(void **st)
{
    (void)st;
    buf b;
    buf_init(&b);
    unsigned x = 7;
    static const char *const words[] = {"officials", "said", "on", "thursday", "that", "talks", "would", "resume",
                                        "next", "week", "in", "seoul", "and", "washington", "the", "government"};
    while (b.len < 200000) {
        x = x * 1103515245u + 12345u;
        buf_printf(&b, "%s ", words[(x >> 16) % 16]);
    }
    write_file("line.txt", b.data, b.len);
    buf_free(&b);
    char *out;
    assert_int_equal(run_capturef(&out, BIN " ingest --db %s/line1.db --max-page 64K %s/line.txt 2>&1", dir, dir), 0);
    expect(out, "line.txt: 195.3 KiB, larger than the page limit of 64 KiB (--max-page); skipped");
    expect(out, "read 1, stored 0 (0 near-duplicates), skipped 1 (0 already stored, 0 unreadable, 1 over a limit)");
    free(out);
    assert_int_equal(run_capturef(&out, BIN " ingest --db %s/line2.db %s/line.txt 2>&1", dir, dir), 0);
    expect(out, "read 1, stored 1");
    free(out);
    char db[256];
    snprintf(db, sizeof db, "%s/line2.db", dir);
    struct stat sb;
    assert_int_equal(stat(db, &sb), 0);
    if (sb.st_size > 8 << 20) fail_msg("a 200 KB line made a database of %lld bytes", (long long)sb.st_size);
}

/* A published date from the manifest that is no date is reported with the
 * manifest's line; Latin-1 text is read as Windows-1252, as HTML is. */
static void manifest_dates_and_latin1_text(void **st)
{
    (void)st;
    char sub[128];
    snprintf(sub, sizeof sub, "%s/man", dir);
    mkdir(sub, 0700);
    write_file("man/m.txt", dated_text, strlen(dated_text));
    static const char latin1[] = "La r\xE9union des ministres \xE0 Gen\xE8ve a \xE9t\xE9 report\xE9" "e \xE0 "
                                 "la semaine prochaine, a d\xE9" "clar\xE9 le porte-parole du gouvernement mardi.\n";
    write_file("man/latin1.txt", latin1, sizeof latin1 - 1);
    write_file("man.tsv", "file\tpublished\tsource\nm.txt\t2018-02-30\tWire\n", 44);
    char *out;
    assert_int_equal(run_capturef(&out, BIN " ingest --db %s/man.db --manifest %s/man.tsv %s 2>&1", dir, dir, sub), 0);
    char want[512];
    snprintf(want, sizeof want, "storyline: %s/m.txt: published \"2018-02-30\" from the manifest (line 2) is not a date; "
                                "stored without it", sub);
    expect(out, want);
    free(out);
    assert_int_equal(run_capturef(&out, BIN " articles --json --db %s/man.db", dir), 0);
    expect(out, "La réunion des ministres à Genève a été reportée à la semaine prochaine");
    expect(out, "{\"id\":\"m\",\"url\":null,\"title\":null,\"published\":\"2018-06-14\"");   /* from its dateline */
    free(out);
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
 * command; so is a limit that is no size. */
static void write_errors_and_bad_limits_exit_nonzero(void **st)
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
    const char *bad[] = {"--max-page abc", "--max-page 0", "--max-page 2G", "--max-line=12Q", "--max-inflate 0.5",
                         "--max-inflate", "--max-inflate-size 10"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        assert_int_equal(run_capturef(&out, BIN " ingest --db %s/w.db %s %s/w.txt 2>&1", dir, bad[i], dir), 1);
        char opt[32];
        snprintf(opt, sizeof opt, "%.*s", (int)strcspn(bad[i], " ="), bad[i]);
        char want[64];
        snprintf(want, sizeof want, "storyline ingest: %s needs a ", opt);
        if (!strstr(out, want)) fail_msg("'%s': %s", bad[i], out);
        free(out);
    }
    assert_int_equal(run_capturef(NULL, BIN " extract --max-page=1M --max-inflate 50 %s/w.txt >/dev/null", dir), 0);
    assert_int_equal(run_capturef(NULL, BIN " watch --max-line 1M x 2>/dev/null"), 1);   /* not watch's */
}

TMPDIR_GROUP(dir, "/tmp/sl-inputs-XXXXXX")

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(warc_feed_and_sniffed_html_are_ingested),
        cmocka_unit_test(bad_inputs_are_reported_counted_and_passed),
        cmocka_unit_test(a_page_on_one_line),
        cmocka_unit_test(manifest_dates_and_latin1_text),
        cmocka_unit_test(extract_refuses_binary_files),
        cmocka_unit_test(write_errors_and_bad_limits_exit_nonzero),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
