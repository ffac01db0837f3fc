/* test_meta_ld.c: the JSON-LD reader of html_meta_ld.c against jansson.
 *
 * ex_meta_ld reads a script with a JSON reader of its own and leaves to
 * jansson whatever that reader does not take; both trees are walked by
 * the same code. These tests read each script both ways (ex_meta_ld_agree)
 * and want the same metadata: on scripts written here for the corners of
 * JSON (escapes, surrogates, NUL, numbers jansson refuses, duplicate keys,
 * nesting, trailing bytes), on every JSON-LD script of the HTML pages in
 * ../shared/data (zyte-aeb, wcxb-dev, readability-testpages), and on
 * damaged copies of those. They also want the reader to take most real
 * scripts, or the fast path would be a dead one. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <zlib.h>

#include "extract/html_meta.h"
#include "testutil.h"

/* Both ways (ex_meta_ld_agree); fails naming the script when they differ.
 * *ours: our reader took it. */
static void check(const char *s, size_t n, bool *ours)
{
    arena a;
    arena_init(&a);
    if (!ex_meta_ld_agree(s, n, &a, ours)) {
        print_error("the readers differ on %.*s\n", (int)(n < 300 ? n : 300), s);
        fail();
    }
    arena_reset(&a);
}

static bool read_ours(const char *s)
{
    bool ours;
    check(s, strlen(s), &ours);
    return ours;
}

static const char *headline_of(const char *s, arena *a)
{
    ex_meta_found f = ex_meta_found_empty();
    ex_meta_ld(s, strlen(s), a, &f);
    return f.ld_headline;
}

/* ---- written here ------------------------------------------------------------ */

static void escapes_decoded_as_jansson_does(void **state)
{
    (void)state;
    arena a;
    arena_init(&a);
    const char *s = "{\"@type\":\"NewsArticle\",\"headline\":\"Caf\\u00e9 \\\"Zed\\\" \\/ \\ud83d\\ude00 fin\"}";
    assert_true(read_ours(s));   /* a surrogate pair joined, as jansson joins it */
    assert_string_equal(headline_of(s, &a), "Caf\xC3\xA9 \"Zed\" / \xF0\x9F\x98\x80 fin");
    const char *t = "{\"@type\":\"NewsArticle\",\"headline\":\"Caf\\u00e9 \\\"Zed\\\"\\t\\/ fin\"}";
    assert_true(read_ours(t));
    assert_string_equal(headline_of(t, &a), "Caf\xC3\xA9 \"Zed\" / fin");
    arena_reset(&a);
}

static void what_jansson_refuses_is_refused(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "{\"@type\":\"Article\",\"headline\":\"a\\u0000b\"}",          /* NUL */
        "{\"@type\":\"Article\",\"headline\":\"a\\ud800b\"}",          /* lone surrogate */
        "{\"@type\":\"Article\",\"headline\":\"a\x01" "b\"}",          /* control byte */
        "{\"@type\":\"Article\",\"headline\":\"a\\qb\"}",              /* unknown escape */
        "{\"@type\":\"Article\",\"headline\":\"ok\",\"n\":123456789012345678901234567890}",
        "{\"@type\":\"Article\",\"headline\":\"ok\",\"n\":1e999}",
        "{\"@type\":\"Article\",\"headline\":\"ok\",\"n\":012}",
        "{\"@type\":\"Article\",\"headline\":\"ok\",\"n\":1.}",
        "{\"@type\":\"Article\",\"headline\":\"ok\",}",
        "{\"@type\":\"Article\",\"headline\":\"ok\"} x }",
        "{\"@type\":\"Article\",\"headline\":\"caf\xC3\"}",           /* cut UTF-8 */
        "{\"@type\":\"Article\",\"headline\":\"ok\",\"b\":tru}",
    };
    arena a;
    arena_init(&a);
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        assert_false(read_ours(bad[i]));
        assert_null(headline_of(bad[i], &a));
    }
    arena_reset(&a);
}

static void what_both_take(void **state)
{
    (void)state;
    static const char *const good[] = {
        "{\"@type\":\"Article\",\"headline\":\"first\",\"headline\":\"second\"}",   /* the last one */
        "[{\"@type\":\"WebSite\",\"name\":\"Site\"},{\"@type\":[\"Thing\",\"NewsArticle\"],\"headline\":\"H\","
        "\"author\":[{\"name\":\"Ann Lee\"},\"Bo Ng\"],\"datePublished\":\"2020-05-01\",\"n\":-0.5,\"t\":true,"
        "\"f\":false,\"z\":null,\"e\":{},\"l\":[]}]",
        " \t\r\n{ \"@graph\" : [ { \"@type\" : \"WebPage\" , \"datePublished\" : \"2019-01-02T03:04:05Z\" } ] } \n",
        "{\"@type\":\"Article\",\"headline\":\"x\",\"n\":123456789012345}",
        "{\"mainEntity\":{\"@type\":\"Report\",\"headline\":\"R\",\"publisher\":{\"name\":\"P\"}}}",
    };
    for (size_t i = 0; i < sizeof good / sizeof *good; i++) assert_true(read_ours(good[i]));
    arena a;
    arena_init(&a);
    assert_string_equal(headline_of(good[0], &a), "second");
    arena_reset(&a);
}

static void deep_nesting_left_to_jansson(void **state)
{
    (void)state;
    buf b;
    buf_init(&b);
    for (int i = 0; i < 40; i++) buf_puts(&b, "{\"a\":");
    buf_puts(&b, "1");
    for (int i = 0; i < 40; i++) buf_putc(&b, '}');
    bool ours;
    check(b.data, b.len, &ours);
    assert_false(ours);
    buf_clear(&b);
    for (int i = 0; i < 5000; i++) buf_putc(&b, '[');   /* past jansson's own limit */
    for (int i = 0; i < 5000; i++) buf_putc(&b, ']');
    check(b.data, b.len, &ours);
    assert_false(ours);
    buf_free(&b);
}

/* ---- the scripts of real pages ----------------------------------------------- */

typedef struct {
    size_t scripts, ours, damaged;
    uint64_t rng;
} tally;

static uint64_t next(tally *t)
{
    t->rng ^= t->rng << 13;
    t->rng ^= t->rng >> 7;
    t->rng ^= t->rng << 17;
    return t->rng;
}

/* Copies of s with one change each: a byte replaced by one that matters
 * to JSON, a byte dropped, or the text cut short. */
static void damaged(const char *s, size_t n, tally *t)
{
    static const char bytes[] = "\"\\{}[],:0-9eE.u \x01\xC3\x80tfn";
    char *c = malloc(n + 1);
    for (int k = 0; k < 6 && n; k++) {
        memcpy(c, s, n);
        size_t at = (size_t)(next(t) % n), len = n;
        switch (k % 3) {
        case 0: c[at] = bytes[next(t) % (sizeof bytes - 1)]; break;
        case 1: memmove(c + at, c + at + 1, n - at - 1); len--; break;
        default: len = at; break;
        }
        check(c, len, NULL);
        t->damaged++;
    }
    free(c);
}

static void scripts_of(const char *html, size_t n, tally *t)
{
    static const char mark[] = "application/ld+json";
    const char *p = html, *e = html + n;
    while ((p = memmem(p, (size_t)(e - p), mark, sizeof mark - 1))) {
        const char *gt = memchr(p, '>', (size_t)(e - p));
        if (!gt) break;
        const char *end = memmem(gt + 1, (size_t)(e - gt - 1), "</script", 8);
        if (!end) break;
        bool ours;
        check(gt + 1, (size_t)(end - gt - 1), &ours);
        t->scripts++;
        t->ours += ours;
        damaged(gt + 1, (size_t)(end - gt - 1), t);
        p = end;
    }
}

static char *gunzip_file(const char *path, size_t *len)
{
    gzFile g = gzopen(path, "rb");
    if (!g) return NULL;
    buf b;
    buf_init(&b);
    char chunk[65536];
    int k;
    while ((k = gzread(g, chunk, sizeof chunk)) > 0) buf_append(&b, chunk, (size_t)k);
    gzclose(g);
    *len = b.len;
    return b.data ? b.data : xstrdup("");
}

static void same_on_the_pages_of_shared_data(void **state)
{
    (void)state;
    char cmd[1024];
    snprintf(cmd, sizeof cmd,
             "ls %s/data/zyte-aeb/html/*.html.gz %s/data/wcxb-dev/html/*.html.gz"
             " %s/data/readability-testpages/*/source.html.gz 2>/dev/null",
             shared_dir(), shared_dir(), shared_dir());
    FILE *ls = popen(cmd, "r");
    assert_non_null(ls);
    tally t = {.rng = 0x9E3779B97F4A7C15ull};
    size_t pages = 0;
    char path[1024];
    while (fgets(path, sizeof path, ls)) {
        path[strcspn(path, "\n")] = '\0';
        size_t n;
        char *html = gunzip_file(path, &n);
        if (!html) continue;
        scripts_of(html, n, &t);
        free(html);
        pages++;
    }
    pclose(ls);
    print_message("%zu pages, %zu JSON-LD scripts (%zu read by ours), %zu damaged copies\n", pages, t.scripts,
                  t.ours, t.damaged);
    assert_true(pages > 900);
    assert_true(t.scripts > 500);
    assert_true(t.ours * 10 >= t.scripts * 9);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(escapes_decoded_as_jansson_does),
        cmocka_unit_test(what_jansson_refuses_is_refused),
        cmocka_unit_test(what_both_take),
        cmocka_unit_test(deep_nesting_left_to_jansson),
        cmocka_unit_test(same_on_the_pages_of_shared_data),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
