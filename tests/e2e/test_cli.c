/* test_cli.c: the built storyline binary, run as a user runs it: exit
 * codes, help, JSON output, and the seed checks of the first issue. */
#include "testutil.h"
#include "core/core.h"

#include <jansson.h>

#include <sys/wait.h>
#include <unistd.h>

#define BIN "build/storyline"
static char tmp[64], db[128];

static int setup(void **st)
{
    (void)st;
    if (tmpdir_make(tmp, "/tmp/sl-cli-XXXXXX")) return -1;
    snprintf(db, sizeof db, "%s/seeds.db", tmp);
    return run_capturef(NULL, BIN " ingest --db %s --manifest %s/seeds/published.tsv %s/seeds 2>/dev/null", db,
                shared_dir(), shared_dir());
}

static int teardown(void **st)
{
    (void)st;
    return tmpdir_remove(tmp);
}

static void usage_errors_exit_1_and_help_exits_0(void **st)
{
    (void)st;
    assert_int_equal(run_capturef(NULL, BIN " 2>/dev/null"), 1);
    assert_int_equal(run_capturef(NULL, BIN " frobnicate 2>/dev/null"), 1);
    assert_int_equal(run_capturef(NULL, BIN " ingest 2>/dev/null"), 1);
    assert_int_equal(run_capturef(NULL, BIN " ingest --jobs 0 x.txt 2>/dev/null"), 1);
    assert_int_equal(run_capturef(NULL, BIN " ingest --jobs=many x.txt 2>/dev/null"), 1);
    assert_int_equal(run_capturef(NULL, BIN " stories --bogus 2>/dev/null"), 1);
    assert_int_equal(run_capturef(NULL, BIN " show 2>/dev/null"), 1);
    const char *cmds[] = {"ingest", "articles", "stories", "show", "analyze", "timeline"};
    for (int i = 0; i < 6; i++) {
        char *out;
        assert_int_equal(run_capturef(&out, BIN " %s --help", cmds[i]), 0);
        assert_non_null(strstr(out, "usage: storyline"));
        free(out);
    }
}

static void unusable_input_or_database_exits_2_naming_it(void **st)
{
    (void)st;
    char *out;
    assert_int_equal(run_capturef(&out, BIN " stories --db %s/none.db 2>&1", tmp), 2);
    assert_non_null(strstr(out, "none.db"));
    free(out);
    assert_int_equal(run_capturef(&out, BIN " ingest --db %s/x.db %s/missing.txt 2>&1", tmp, tmp), 2);
    assert_non_null(strstr(out, "missing.txt"));
    free(out);
    assert_int_equal(run_capturef(&out, BIN " show --db %s e999 2>&1", db), 2);
    assert_non_null(strstr(out, "e999"));
    free(out);
    /* An HTML page without an article is skipped with a message naming it. */
    assert_int_equal(run_capturef(&out, "printf '<html><body><nav><a href=/>Home</a></nav></body></html>' > %s/page.html && "
                          BIN " ingest --db %s/h.db %s/page.html 2>&1", tmp, tmp, tmp), 0);
    assert_non_null(strstr(out, "page.html: no article"));
    assert_non_null(strstr(out, "1 unreadable"));
    free(out);
    assert_int_equal(run_capturef(&out, BIN " ingest --db %s/y.db --manifest %s/nope.tsv %s/seeds 2>&1", tmp, tmp,
                          shared_dir()), 2);
    assert_non_null(strstr(out, "nope.tsv"));
    free(out);
}

/* The value of "key" in the JSON line of article id (a crude but exact scan:
 * the line is compact JSON written by jansson). */
static char *field_of(const char *jsonl, const char *id, const char *key)
{
    char want[128];
    snprintf(want, sizeof want, "{\"id\":\"%s", id);
    const char *line = strstr(jsonl, want);
    if (!line) return NULL;
    const char *eol = strchr(line, '\n');
    char k[64];
    snprintf(k, sizeof k, "\"%s\":", key);
    const char *f = strstr(line, k);
    if (!f || (eol && f > eol)) return NULL;
    f += strlen(k);
    if (*f != '"') return strndup(f, strcspn(f, ",}"));
    f++;
    size_t n = 0;
    while (f[n] && !(f[n] == '"' && f[n - 1] != '\\')) n++;
    return strndup(f, n);
}

/* Line n (1-based) of a seed file, without its newline. */
static char *seed_line(const char *file, int n)
{
    char p[256];
    snprintf(p, sizeof p, "%s/seeds/%s", shared_dir(), file);
    char *t = slurp(p, NULL);
    assert_non_null(t);
    char *s = t;
    for (int i = 1; i < n; i++) s = strchr(s, '\n') + 1;
    char *r = strndup(s, strcspn(s, "\n"));
    free(t);
    return r;
}

static void articles_json_has_every_field_and_the_seed_titles(void **st)
{
    (void)st;
    char *out;
    assert_int_equal(run_capturef(&out, BIN " articles --all --json --db %s", db), 0);
    const char *keys[] = {"id", "url", "title", "published", "source", "event", "storyline",
                          "duplicate_of", "text"};
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
        char k[32];
        snprintf(k, sizeof k, "\"%s\":", keys[i]);
        assert_non_null(strstr(out, k));
    }
    /* Titles: the headline line of each page (JSON escapes none of them). */
    struct { const char *id, *file; int line; } titles[] = {
        {"001_590f7964106db202", "001_590f7964106db202.txt", 4},
        {"003_7c0ab15546612602", "003_7c0ab15546612602.txt", 1},
        {"004_275ad719f9795c82", "004_275ad719f9795c82.txt", 1},
    };
    for (int i = 0; i < 3; i++) {
        char *want = seed_line(titles[i].file, titles[i].line), *got = field_of(out, titles[i].id, "title");
        assert_non_null(got);
        assert_string_equal(got, want);
        free(want);
        free(got);
    }
    char *pub = field_of(out, "000_9377510d9d5253c6", "published");
    assert_string_equal(pub, "2018-06-15");
    free(pub);
    char *dup = field_of(out, "000_9377510d9d5253c6", "duplicate_of");
    assert_string_equal(dup, "null");
    free(dup);
    free(out);
}

static void stories_and_show_describe_the_storyline(void **st)
{
    (void)st;
    char *out;
    assert_int_equal(run_capturef(&out, BIN " stories --db %s", db), 0);
    assert_non_null(strstr(out, "s1"));
    assert_non_null(strstr(out, "2018-06-14..2025-12-07"));
    free(out);
    assert_int_equal(run_capturef(&out, BIN " stories --json --db %s", db), 0);
    assert_int_equal(out[0], '{');
    assert_non_null(strstr(out, "\"events\":["));
    free(out);
    assert_int_equal(run_capturef(&out, BIN " show --json --db %s s1", db), 0);
    const char *keys[] = {"\"id\": \"s1\"", "\"kind\": \"storyline\"", "\"headline\":", "\"first\": \"2018-06-14\"",
                          "\"last\": \"2025-12-07\"", "\"summary\": [", "\"articles\": [", "\"events\": ["};
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
        if (!strstr(out, keys[i])) fail_msg("show --json lacks %s:\n%s", keys[i], out);
    }
    free(out);
    assert_int_equal(run_capturef(&out, BIN " show --db %s e1", db), 0);
    assert_non_null(strstr(out, "event e1:"));
    assert_non_null(strstr(out, "Summary"));
    free(out);
}

static void reingest_changes_nothing(void **st)
{
    (void)st;
    char *before, *after, *msg;
    run_capturef(&before, BIN " articles --all --json --db %s", db);
    assert_int_equal(run_capturef(&msg, BIN " ingest --db %s --manifest %s/seeds/published.tsv %s/seeds 2>&1", db,
                          shared_dir(), shared_dir()), 0);
    assert_non_null(strstr(msg, "stored 0"));
    assert_non_null(strstr(msg, "5 already stored"));
    run_capturef(&after, BIN " articles --all --json --db %s", db);
    assert_string_equal(before, after);
    free(before);
    free(after);
    free(msg);
}

static void standard_input_and_gzip_are_read(void **st)
{
    (void)st;
    char *out;
    assert_int_equal(run_capturef(&out, "gzip -c %s/seeds/003_7c0ab15546612602.txt > %s/p.txt.gz && "
                                BIN " ingest --db %s/gz.db %s/p.txt.gz 2>&1 && "
                                "printf '{\"id\":\"in1\",\"text\":\"Rescuers reached the village on Monday.\"}\\n' | "
                                BIN " ingest --db %s/gz.db - 2>&1 && " BIN " articles --all --db %s/gz.db",
                          shared_dir(), tmp, tmp, tmp, tmp, tmp), 0);
    assert_true(!strncmp(out, "p ", 2) || strstr(out, "\np "));
    assert_non_null(strstr(out, "in1"));
    free(out);
}

static void extract_prints_the_article_without_a_database(void **st)
{
    (void)st;
    char *out, here[4096], shared[4096];
    assert_non_null(getcwd(here, sizeof here));
    assert_non_null(realpath(shared_dir(), shared));
    assert_int_equal(run_capturef(&out, "cd %s && %s/" BIN " extract --json --with-html %s/seeds/001_590f7964106db202.txt",
                          tmp, here, shared), 0);
    char *title = field_of(out, "001_590f7964106db202", "title");
    assert_string_equal(title, "South Korea says alliance with US ‘as robust as ever’");
    char *html = field_of(out, "001_590f7964106db202", "html");
    assert_non_null(html);
    assert_true(!strncmp(html, "<article><h1>South Korea says", 29));
    assert_non_null(strstr(out, "as robust as ever,” two days after"));
    /* the link list is gone from the text, and told among what was removed */
    char *text = field_of(out, "001_590f7964106db202", "text");
    char *removed = field_of(out, "001_590f7964106db202", "removed");
    assert_non_null(strstr(text, "two days after"));
    assert_null(strstr(text, "Check Also"));
    assert_non_null(strstr(removed, "Check Also"));
    free(text);
    free(removed);
    free(title);
    free(html);
    free(out);
    /* no database was created where it ran */
    assert_int_equal(run_capturef(NULL, "test -e %s/storyline.db", tmp), 1);
    assert_int_equal(run_capturef(NULL, BIN " extract 2>/dev/null"), 1);
    assert_int_equal(run_capturef(NULL, BIN " extract /nonexistent/page.html 2>/dev/null"), 2);
}

/* extract --json writes its own JSON: quotes, backslashes and tabs are
 * escaped so that a JSON reader gets the text back, and a file name that
 * is not UTF-8 (the page's id) is repaired, never written raw. */
static void extract_json_escapes_what_json_needs(void **st)
{
    (void)st;
    char path[256], *out;
    snprintf(path, sizeof path, "%s/odd\xff name.html", tmp);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("<html><head><title>A \"quoted\" \\ back\\slash title</title></head><body><article>"
          "<p>The minister said \"no\" to the plan on Tuesday, and the opposition said the "
          "C:\\budget\\2025 file showed why, in a long paragraph that reads as prose.</p>"
          "<pre>one\ttab and more words after it, so that the line is long enough to stay.</pre>"
          "</article></body></html>", f);
    fclose(f);
    assert_int_equal(run_capturef(&out, BIN " extract --json '%s'", path), 0);
    json_error_t jerr;
    json_t *j = json_loads(out, 0, &jerr);
    assert_non_null(j);
    assert_string_equal(json_string_value(json_object_get(j, "title")),
                        "A \"quoted\" \\ back\\slash title");
    const char *text = json_string_value(json_object_get(j, "text"));
    assert_non_null(text);
    assert_non_null(strstr(text, "said \"no\" to"));
    assert_non_null(strstr(text, "C:\\budget\\2025"));
    assert_non_null(strstr(out, "\\\"quoted\\\" \\\\ back"));   /* escaped as JSON, not dropped */
    const char *id = json_string_value(json_object_get(j, "id"));
    assert_non_null(id);
    assert_true(u8_valid(id, strlen(id)));
    assert_non_null(strstr(id, "\xEF\xBF\xBD"));   /* U+FFFD for the bad byte */
    json_decref(j);
    free(out);
    unlink(path);
}

/* Our HTML parser reads every page of the dev corpora as libxml2 did:
 * extract --json gives the same bytes, messages included, either way
 * (SL_HTML_PARSER=libxml2 is the old path). bench/htmlcheck names the page
 * and field when they part. */
static void own_html_parser_gives_libxml2s_articles(void **st)
{
    (void)st;
    static const char *const sets[] = {"zyte-aeb/html/*.html.gz",
                                       "readability-testpages/*/source.html.gz", "wcxb-dev/html/*"};
    for (size_t i = 0; i < sizeof sets / sizeof sets[0]; i++) {
        char *ref, *ours;
        run_capturef(&ref, "SL_HTML_PARSER=libxml2 " BIN " extract --json %s/data/%s 2>&1",
                     shared_dir(), sets[i]);
        run_capturef(&ours, "SL_HTML_PARSER= " BIN " extract --json %s/data/%s 2>&1", shared_dir(),
                     sets[i]);
        assert_true(strlen(ref) > 100000);   /* the pages were there and read */
        size_t k = 0;
        while (ref[k] && ref[k] == ours[k]) k++;
        if (ref[k] || ours[k])
            print_error("%s: the parsers part at byte %zu: libxml2 \"%.60s\" ours \"%.60s\"\n",
                        sets[i], k, ref + k, ours + k);
        assert_string_equal(ref + k, ours + k);
        free(ref);
        free(ours);
    }
}

static void analyze_and_timeline_answer_in_json(void **st)
{
    (void)st;
    char *out;
    assert_int_equal(run_capturef(&out, BIN " analyze --json --manifest %s/seeds/published.tsv %s/seeds/003_7c0ab15546612602.txt",
                          shared_dir(), shared_dir()), 0);
    const char *keys[] = {"\"id\":\"003_7c0ab15546612602\"", "\"published\":\"2025-12-07\"", "\"mentions\":[",
                          "\"actors\":[", "\"quotes\":[", "\"times\":["};
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
        if (!strstr(out, keys[i])) fail_msg("analyze --json lacks %s:\n%s", keys[i], out);
    free(out);
    assert_int_equal(run_capturef(NULL, BIN " analyze --raw %s/seeds/003_7c0ab15546612602.txt > /dev/null", shared_dir()), 0);
    assert_int_equal(run_capturef(NULL, BIN " analyze %s/nothing.txt 2>/dev/null", tmp), 2);
    /* The seeds' storyline: the summit in Singapore, the talks at Panmunjom,
     * the Song-Mattis call, their meeting in Seoul, and December 2025. */
    assert_int_equal(run_capturef(&out, BIN " timeline --json --db %s s1", db), 0);
    assert_non_null(strstr(out, "\"timeline\": ["));
    const char *dates[] = {"2018-06-12", "2018-06-14", "2018-06-15", "2018-06-28", "2025-12-07"};
    const char *prev = out;
    for (size_t i = 0; i < 5; i++) {
        char want[64];
        snprintf(want, sizeof want, "\"date\": \"%s\"", dates[i]);
        const char *at = strstr(out, want);
        if (!at || at < prev) fail_msg("timeline lacks %s in order:\n%s", dates[i], out);
        prev = at;
    }
    /* 14 June is told by what two of its articles report (the diplomats'
     * pledge), not by a quote of that day nor by what only one tells */
    const char *d14 = strstr(out, "\"date\": \"2018-06-14\"");
    const char *d15 = strstr(out, "\"date\": \"2018-06-15\"");
    const char *told = strstr(out, "work together to ensure");
    if (!told || told < d14 || told > d15) fail_msg("14 June is not told by the pledge:\n%s", out);
    const char *quote = strstr(out, "is as robust as ever");
    assert_true(!quote || quote > d15);
    free(out);
    assert_int_equal(run_capturef(&out, BIN " timeline --db %s --dates 1 --query 'leverage'", db), 0);
    assert_non_null(strstr(out, "2025-12-07"));
    assert_null(strstr(out, "2018-"));
    free(out);
    assert_int_equal(run_capturef(NULL, BIN " timeline --db %s --query 'drills AND (' 2>/dev/null", db), 2);
    assert_int_equal(run_capturef(NULL, BIN " timeline --db %s --dates 0 s1 2>/dev/null", db), 1);
    assert_int_equal(run_capturef(NULL, BIN " timeline --db %s 2>/dev/null", db), 1);
    assert_int_equal(run_capturef(&out, BIN " show --json --db %s s1", db), 0);
    assert_non_null(strstr(out, "\"actors\": ["));
    assert_non_null(strstr(out, "\"quotes\": ["));
    assert_non_null(strstr(out, "\"timeline\": ["));
    free(out);
}

/* Many small articles, as JSON Lines, for the interruption test. */
static void write_stream(const char *path, int n)
{
    static const char *const words[] = {"harbour", "council", "river", "budget", "strike", "school",
        "airport", "storm", "election", "factory", "bridge", "hospital", "museum", "railway", "court"};
    FILE *f = fopen(path, "w");
    for (int i = 0; i < n; i++) {
        fprintf(f, "{\"id\":\"gen-%d\",\"published\":\"2024-%02d-%02d\",\"text\":\"", i, 1 + i / 2000 % 12,
                1 + i % 28);
        for (int k = 0; k < 6; k++)
            fprintf(f, "The %s of district %d said on Monday that the %s plan %d would go ahead. ",
                    words[(i + k) % 15], i % 97, words[(i * 7 + k) % 15], i);
        fputs("\"}\n", f);
    }
    fclose(f);
}

static int count_articles(const char *dbpath)
{
    char *out;
    run_capturef(&out, BIN " articles --all --json --db %s 2>/dev/null", dbpath);
    int n = 0;
    for (char *p = out; (p = strchr(p, '\n')); p++) n++;
    free(out);
    return n;
}

static void killed_ingest_keeps_whole_batches_and_resumes(void **st)
{
    (void)st;
    char stream[128], kdb[128];
    snprintf(stream, sizeof stream, "%s/stream.jsonl", tmp);
    snprintf(kdb, sizeof kdb, "%s/killed.db", tmp);
    write_stream(stream, 20000);
    /* Start, wait for the first committed batch, then kill without warning. */
    assert_int_equal(run_capturef(NULL, BIN " ingest --db %s %s 2>/dev/null & pid=$!; "
                                "while [ \"$(" BIN " articles --all --db %s 2>/dev/null | head -n 1 | wc -l)\" -eq 0 ]; "
                                "do sleep 0.02; done; kill -9 $pid; wait $pid 2>/dev/null; exit 0", kdb, stream, kdb), 0);
    int n = count_articles(kdb);
    assert_true(n > 0 && n < 20000);
    assert_int_equal(n % 512, 0);   /* whole batches (EG_BATCH) or nothing */
    char *msg;
    assert_int_equal(run_capturef(&msg, BIN " ingest --db %s %s 2>&1", kdb, stream), 0);
    char want[64];
    snprintf(want, sizeof want, "%d already stored", n);
    assert_non_null(strstr(msg, want));
    free(msg);
    assert_int_equal(count_articles(kdb), 20000);
}

int main(void)
{
    if (access(BIN, X_OK) != 0) {
        fprintf(stderr, "build " BIN " first (make)\n");
        return 1;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(usage_errors_exit_1_and_help_exits_0),
        cmocka_unit_test(unusable_input_or_database_exits_2_naming_it),
        cmocka_unit_test(articles_json_has_every_field_and_the_seed_titles),
        cmocka_unit_test(stories_and_show_describe_the_storyline),
        cmocka_unit_test(reingest_changes_nothing),
        cmocka_unit_test(standard_input_and_gzip_are_read),
        cmocka_unit_test(extract_prints_the_article_without_a_database),
        cmocka_unit_test(extract_json_escapes_what_json_needs),
        cmocka_unit_test(own_html_parser_gives_libxml2s_articles),
        cmocka_unit_test(analyze_and_timeline_answer_in_json),
        cmocka_unit_test(killed_ingest_keeps_whole_batches_and_resumes),
    };
    return cmocka_run_group_tests_name("e2e", tests, setup, teardown);
}
