/* test_jsonl.c: the JSON Lines record reader's own scanner (jsonl.c) gives
 * what jansson alone gives: the same fields, metadata, status and error
 * message, on hand-made records of every kind (escapes, surrogate pairs,
 * nested members, numbers and nulls in known fields, repeated keys, bad
 * JSON) and on 20,000 random records and mutations of them. */
#include "testutil.h"
#include "read/read_internal.h"

typedef struct {
    int       st;
    char      msg[1024];
    rd_record r;
    sl_page   p;
} outcome;

static void parse(const char *line, size_t n, int mode, outcome *o)
{
    err_slot err = {0};
    memset(o, 0, sizeof *o);
    rd_jsonl_mode = mode;
    o->st = rd_jsonl_parse(line, n, "in.jsonl", 7, "in", &o->r, &o->p, &err);
    rd_jsonl_mode = 0;
    if (o->st != SL_OK) snprintf(o->msg, sizeof o->msg, "%s", err.msg);
}

static void same_str(const char *a, const char *b, const char *what, const char *line)
{
    if ((a == NULL) != (b == NULL) || (a && strcmp(a, b)))
        fail_msg("%s differs on %s: scanner \"%s\", jansson \"%s\"", what, line, a ? a : "(none)", b ? b : "(none)");
}

/* Both ways alike; returns the status. */
static int check(const char *line, size_t n)
{
    outcome a, b;
    parse(line, n, 0, &a);
    parse(line, n, 1, &b);
    if (a.st != b.st) fail_msg("status %d against %d on %.*s", a.st, b.st, (int)n, line);
    same_str(a.msg, b.msg, "error", line);
    if (a.st == SL_OK) {
        same_str(a.r.id, b.r.id, "id", line);
        same_str(a.r.url, b.r.url, "url", line);
        same_str(a.r.title, b.r.title, "title", line);
        same_str(a.r.published, b.r.published, "published", line);
        same_str(a.r.source, b.r.source, "source", line);
        same_str(a.r.meta, b.r.meta, "meta", line);
        same_str(a.r.text, b.r.text, "text", line);
        same_str(a.r.charset, b.r.charset, "charset", line);
        assert_int_equal(a.p.format, b.p.format);
        assert_int_equal(a.p.body_len, b.p.body_len);
    }
    rd_record_free(&a.r);
    rd_record_free(&b.r);
    return a.st;
}

static int check_s(const char *line) { return check(line, strlen(line)); }

static void records_read_as_jansson_reads_them(void **st)
{
    (void)st;
    static const char *const ok[] = {
        "{\"id\":\"a1\",\"url\":\"https://x.example/a\",\"title\":\"T\",\"published\":\"2021-01-04\",\"text\":\"Body.\"}",
        "  { \"text\" : \"tab\\tnew\\nline \\\"q\\\" back\\\\ slash \\/ \\b\\f\\r\" }  ",
        "{\"text\":\"caf\\u00e9 \\u20AC \\ud83d\\ude00 \\u0000 after nul\"}",
        "{\"text\":\"x\",\"topic\":\"finan\",\"n\":-1.5e3,\"ok\":true,\"no\":null,\"deep\":{\"a\":[1,{\"b\":\"}]\"}],\"c\":[]}}",
        "{\"id\":42,\"text\":\"numbered\"}",
        "{\"id\":null,\"doc_id\":\"d\",\"text\":\"the id is null: no fallback to doc_id\"}",
        "{\"doc_id\":\"d\",\"body\":\"from body\",\"date\":\"2020-02-02\"}",
        "{\"html\":\"<p>x</p>\",\"content_type\":\"text/html; charset=ISO-8859-1\"}",
        "{\"html\":\"<p>x</p>\",\"charset\":\"utf-8\",\"text\":\"ignored\"}",
        "{\"text\":\"a\",\"text\":\"b\"}",
        "{\"text\":\"a\",\"z\":1,\"z\":2,\"y\":\"\\u00fc\"}",
        "{\"t\\u0065xt\":\"escaped key\"}",
        "{\"text\":\"\",\"title\":\"empty text\"}",
        "{\"text\":\"unicode raw: \xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\"}",
        "{\"text\":\"x\",\"big\":123456789012345678901234567890}",
        "{\"text\":\"x\",\"arr\":[\"a,b\",\"c:d\",{\"e\":\"\\\"\"}]}",
        "{}",
        "{\"title\":\"no text\"}",
        "[1,2]",
        "\"text\"",
        "{\"text\":\"x\",}",
        "{\"text\" \"x\"}",
        "{\"text\":\"unterminated}",
        "{\"text\":\"bad \\x escape\"}",
        "{\"text\":\"lone \\udc00 low\"}",
        "{\"text\":\"lone \\ud800 high\"}",
        "{\"text\":\"short \\u12\"}",
        "{\"text\":\"bad utf8 \xc3\x28\"}",
        "{\"text\":\"surrogate in utf8 \xed\xa0\x80\"}",
        "{\"text\":\"ctl \x01 char\"}",
        "{\"text\":\"x\"} trailing",
        "\xef\xbb\xbf{\"text\":\"bom\"}",
        "{\"text\":\"x\",\"n\":01}",
        "{\"text\":\"x\",\"n\":[1,2}",
        "{\"text\":\"x\",\"n\":tru}",
        "",
        "   ",
    };
    int good = 0;
    for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) good += check_s(ok[i]) == SL_OK;
    assert_int_equal(good, 15);   /* the first 16, but for the integer too big for jansson */
    char deep[400];
    size_t n = (size_t)snprintf(deep, sizeof deep, "{\"text\":\"x\",\"d\":");
    for (int i = 0; i < 100; i++) deep[n++] = '[';
    for (int i = 0; i < 100; i++) deep[n++] = ']';
    deep[n++] = '}';
    assert_int_equal(check(deep, n), SL_OK);
    check("{\"text\":\"nul \0 raw\"}", 20);
}

/* A random record: known and other keys, values of every kind, strings
 * with escapes and UTF-8. */
static void random_string(buf *b, unsigned *seed)
{
    static const char *const parts[] = {"a", "Z", " ", "\\n", "\\\"", "\\\\", "\\/", "\\u00e9", "\\uD83D\\uDE00",
                                        "\xc3\xa9", "\xe2\x82\xac", "{", "}", "[", "]", ",", ":", "\\t", "\\u0000", "x1"};
    buf_putc(b, '"');
    int n = (int)(rand_r(seed) % 12);
    for (int i = 0; i < n; i++) buf_puts(b, parts[rand_r(seed) % (sizeof parts / sizeof *parts)]);
    buf_putc(b, '"');
}

static void random_value(buf *b, unsigned *seed, int depth)
{
    switch (rand_r(seed) % (depth > 2 ? 4 : 6)) {
    case 0: random_string(b, seed); break;
    case 1: buf_printf(b, "%d", (int)(rand_r(seed) % 2000) - 1000); break;
    case 2: buf_puts(b, rand_r(seed) % 2 ? "true" : "null"); break;
    case 3: buf_puts(b, "-0.25e2"); break;
    case 4:
        buf_putc(b, '[');
        for (int i = 0, n = (int)(rand_r(seed) % 3); i < n; i++) {
            if (i) buf_putc(b, ',');
            random_value(b, seed, depth + 1);
        }
        buf_putc(b, ']');
        break;
    default:
        buf_putc(b, '{');
        for (int i = 0, n = (int)(rand_r(seed) % 3); i < n; i++) {
            if (i) buf_putc(b, ',');
            random_string(b, seed);
            buf_putc(b, ':');
            random_value(b, seed, depth + 1);
        }
        buf_putc(b, '}');
    }
}

static void random_records_and_their_mutations(void **st)
{
    (void)st;
    static const char *const keys[] = {"id", "doc_id", "url", "title", "published", "date", "source", "text",
                                       "body", "html", "content_type", "charset", "topic", "extra"};
    unsigned seed = 12345;
    int oks = 0;
    for (int round = 0; round < 10000; round++) {
        buf b;
        buf_init(&b);
        buf_puts(&b, rand_r(&seed) % 4 ? "{" : " { ");
        int n = 1 + (int)(rand_r(&seed) % 6);
        for (int i = 0; i < n; i++) {
            if (i) buf_puts(&b, rand_r(&seed) % 3 ? "," : " , ");
            buf_printf(&b, "\"%s\":", keys[rand_r(&seed) % (sizeof keys / sizeof *keys)]);
            if (rand_r(&seed) % 4) random_string(&b, &seed);
            else random_value(&b, &seed, 0);
        }
        buf_putc(&b, '}');
        oks += check(b.data, b.len) == SL_OK;
        /* the same with a byte changed, dropped or doubled */
        size_t at = rand_r(&seed) % b.len;
        int how = (int)(rand_r(&seed) % 3);
        if (how == 0) b.data[at] = "\"\\{}[],:u0 \x80\xff"[rand_r(&seed) % 14];
        else if (how == 1) { memmove(b.data + at, b.data + at + 1, b.len - at - 1); b.len--; }
        else buf_putc(&b, b.data[at]);
        check(b.data, b.len);
        buf_free(&b);
    }
    assert_true(oks > 3000);   /* many were records: the comparison was of fields, not of errors */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(records_read_as_jansson_reads_them),
        cmocka_unit_test(random_records_and_their_mutations),
    };
    return cmocka_run_group_tests_name("jsonl", tests, NULL, NULL);
}
