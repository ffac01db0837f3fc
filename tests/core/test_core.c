/* test_core.c: arena, buf, map, UTF-8, dates, stop words, error slot,
 * datelines. */
#include "testutil.h"
#include "core/core.h"

#include <jansson.h>
#include <unistd.h>
#include <utf8proc.h>

static void arena_hands_out_zeroed_aligned_memory(void **st)
{
    (void)st;
    arena a;
    arena_init(&a);
    for (int round = 0; round < 3; round++) {   /* the kept block is as good as a new one */
        for (int i = 0; i < 1000; i++) {
            unsigned char *p = arena_alloc(&a, (size_t)(i % 97) + 1);
            assert_int_equal((uintptr_t)p % 16, 0);
            for (int k = 0; k < i % 97 + 1; k++) assert_int_equal(p[k], 0);
            memset(p, 0xAB, (size_t)(i % 97) + 1);
            /* strings between, of any length, unaligned */
            char *s = arena_strndup(&a, "abcdefghij", (size_t)(i % 11));
            assert_int_equal(strlen(s), (size_t)(i % 11));
            assert_memory_equal(s, "abcdefghij", (size_t)(i % 11));
        }
        char *big = arena_alloc(&a, 10u * 1024u * 1024u);   /* larger than any block */
        big[10u * 1024u * 1024u - 1] = 1;
        assert_string_equal(arena_printf(&a, "%s-%d", "x", 42), "x-42");
        assert_null(arena_strdup(&a, NULL));
        arena_clear(&a);   /* one block kept, not the one of 10 MiB */
        assert_non_null(a.head);
        assert_int_equal(a.used_total, 0);
        void *first = arena_alloc(&a, 16);   /* at the start of the kept block */
        arena_clear(&a);
        assert_ptr_equal(arena_alloc(&a, 16), first);
        arena_clear(&a);
    }
    arena_reset(&a);
    assert_null(a.head);
}

static void buf_grows_and_stays_terminated(void **st)
{
    (void)st;
    buf b;
    buf_init(&b);
    for (int i = 0; i < 1000; i++) buf_printf(&b, "%d,", i);
    assert_int_equal(strlen(b.data), b.len);
    assert_memory_equal(b.data, "0,1,2,", 6);
    buf_clear(&b);
    assert_string_equal(b.data, "");
    buf_append(&b, "ab\0cd", 5);
    assert_int_equal(b.len, 5);
    char *d = buf_detach(&b);
    assert_null(b.data);
    free(d);
    d = buf_detach(&b);                     /* never appended to: still a string */
    assert_string_equal(d, "");
    free(d);
}

static void map_finds_what_it_stored(void **st)
{
    (void)st;
    map m;
    map_init(&m);
    char key[32];
    for (int i = 0; i < 5000; i++) {
        snprintf(key, sizeof key, "k%d", i);
        bool created;
        *map_put(&m, key, strlen(key), &created) = (uint64_t)i * 3;
        assert_true(created);
    }
    assert_int_equal(m.len, 5000);
    for (int i = 0; i < 5000; i++) {
        snprintf(key, sizeof key, "k%d", i);
        uint64_t *v = map_get(&m, key, strlen(key));
        assert_non_null(v);
        assert_int_equal(*v, (uint64_t)i * 3);
    }
    assert_null(map_get(&m, "absent", 6));
    bool created = true;
    map_put(&m, "k7", 2, &created);
    assert_false(created);
    /* keys longer than the blocks keys are kept in, and with NUL bytes */
    size_t long_len = 200000;
    char *big = malloc(long_len);
    assert_non_null(big);
    memset(big, 'x', long_len);
    big[5] = '\0';
    *map_put(&m, big, long_len, &created) = 42;
    assert_true(created);
    *map_put(&m, big, 5, &created) = 43;   /* its first five bytes: another key */
    assert_true(created);
    assert_int_equal(*map_get(&m, big, long_len), 42);
    assert_int_equal(*map_get(&m, big, 5), 43);
    assert_int_equal(*map_get(&m, "k4999", 5), 4999 * 3);
    free(big);
    map_free(&m);
    assert_int_equal(m.len, 0);
    assert_null(map_get(&m, "k7", 2));
}

/* A file read whole, after what the buffer held; a missing one leaves it. */
static void files_are_read_whole(void **st)
{
    (void)st;
    char path[] = "/tmp/sl-core-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    for (int i = 0; i < 20000; i++) fputs("line\n", f);   /* more than one chunk */
    fclose(f);
    buf b;
    buf_init(&b);
    buf_puts(&b, "head:");
    assert_true(buf_read_file(&b, path));
    assert_int_equal(b.len, 5 + 5 * 20000);
    assert_memory_equal(b.data, "head:line\n", 10);
    assert_false(buf_read_file(&b, "/nonexistent/sl-core"));
    assert_int_equal(b.len, 5 + 5 * 20000);
    buf_free(&b);
    unlink(path);
}

static void utf8_classes_and_folding(void **st)
{
    (void)st;
    int k;
    assert_int_equal(u8_decode("\xC3\xA9", 2, &k), 0xE9);
    assert_int_equal(k, 2);
    assert_int_equal(u8_decode("\xFF", 1, &k), 0xFFFD);   /* bad byte advances by one */
    assert_int_equal(k, 1);
    assert_int_equal(u8_decode("\xE2\x80", 2, &k), 0xFFFD); /* truncated sequence */
    assert_true(u8_is_upper(0xC9));                          /* É */
    assert_true(u8_is_letter(0x4E2D));                       /* CJK */
    assert_true(u8_is_space(0xA0));
    assert_false(u8_is_alnum('-'));
    buf b;
    buf_init(&b);
    u8_fold("Élysée", strlen("Élysée"), &b);
    assert_string_equal(b.data, "elysee");
    u8_fold("KOREA", 5, &b);
    assert_string_equal(b.data, "korea");
    buf_free(&b);
    size_t n;
    char *s = u8_sanitize("", 0, &n);      /* found by fuzz/fuzz_analyze */
    assert_int_equal(n, 0);
    assert_string_equal(s, "");
    free(s);
    s = u8_sanitize("a\0b\xFF" "c", 5, &n);
    assert_string_equal(s, "a b\xEF\xBF\xBD" "c");
    free(s);
}

/* Scripts written without spaces count their words by characters. */
/* u8_undouble: text encoded twice decoded once; what only looks alike stays. */
static char *undoubled(const char *in)
{
    static char out[256];
    size_t n = strlen(in);
    memcpy(out, in, n);
    out[u8_undouble(out, n)] = 0;
    return out;
}

/* u8_valid says what decoding says: a string is valid when no step of
 * u8_decode gives U+FFFD for a single byte. Each case is tried after ASCII
 * runs of every length up to 9 and before nine more, so that the
 * eight-byte skip meets it at every offset. */
static void utf8_validity(void **st)
{
    (void)st;
    static const char *const cases[] = {
        "plain", "caf\xC3\xA9", "\xE2\x80\x99", "\xF0\x9F\x98\x80", "\xEF\xBF\xBD",
        "\xC3", "\xE2\x80", "\xF0\x9F\x98", "\xC0\xAF", "\xC1\xBF", "\xE0\x80\xAF",
        "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\x80", "\xBF",
        "\xC3\xA9\x80", "\xFF", "\xE2\x28\xA1",
    };
    char s[96];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        for (size_t pad = 0; pad < 72; pad++) {   /* past the 32-byte ASCII steps */
            memset(s, 'a', pad);
            memcpy(s + pad, cases[i], strlen(cases[i]));
            memset(s + pad + strlen(cases[i]), 'b', 9);   /* a whole eight after it */
            size_t n = pad + strlen(cases[i]) + 9;
            s[n] = (char)0xFF;   /* what lies past the end must not be read */
            bool want = true;
            int len;
            for (size_t k = 0; k < n; k += (size_t)len)
                if (u8_decode(s + k, n - k, &len) == 0xFFFD && len == 1) want = false;
            assert_int_equal(u8_valid(s, n), want);
        }
    }
}

/* u8_decode reads UTF-8 as utf8proc_iterate does: every sequence of one
 * to three bytes, and of four by their first three (with the last a
 * continuation byte or not). */
static void utf8_decoded_as_utf8proc_decodes_it(void **st)
{
    (void)st;
    static const unsigned char tails[] = {0x80, 0xBF, 0x41, 0xC0};
    unsigned char s[4];
    for (unsigned a = 0; a < 256; a++)
        for (unsigned b = 0; b < 256; b++)
            for (unsigned c = 0; c < 256; c++)
                for (unsigned d = 0; d < (a >= 0xF0 ? 4u : 1u); d++)
                    for (size_t n = 1; n <= 4; n++) {
                        s[0] = (unsigned char)a, s[1] = (unsigned char)b, s[2] = (unsigned char)c;
                        s[3] = tails[d];
                        if (a < 0xF0 && n == 4) s[3] = 0x80;
                        utf8proc_int32_t want;
                        utf8proc_ssize_t k = utf8proc_iterate(s, (utf8proc_ssize_t)n, &want);
                        int len;
                        int32_t got = u8_decode((const char *)s, n, &len);
                        if (k <= 0) {
                            if (got != 0xFFFD || len != 1)
                                fail_msg("%02X %02X %02X %02X (%zu): %X/%d, utf8proc refuses it",
                                         a, b, c, s[3], n, (unsigned)got, len);
                        } else if (got != want || len != (int)k) {
                            fail_msg("%02X %02X %02X %02X (%zu): %X/%d, utf8proc %X/%d", a, b, c, s[3], n,
                                     (unsigned)got, len, (unsigned)want, (int)k);
                        }
                        if (a < 0xC0 && n > 1) break;   /* one byte decides */
                    }
}

static void first_of_three_bytes_found(void **st)
{
    (void)st;
    unsigned char s[80];
    /* every length and every place of the byte sought, across the
     * sixteen-byte steps; bytes over 0x7F are not taken for others */
    for (size_t n = 0; n <= sizeof s; n++) {
        memset(s, 0xE9, n);
        assert_ptr_equal(mem_find3(s, s + n, '<', '&', 0), s + n);
        for (size_t at = 0; at < n; at++) {
            static const unsigned char sought[] = {'<', '&', 0};
            for (size_t k = 0; k < 3; k++) {
                memset(s, at % 2 ? 'a' : 0x80 | '<', n);
                s[at] = sought[k];
                if (at + 1 < n) s[n - 1] = '&';   /* a later one does not count */
                assert_ptr_equal(mem_find3(s, s + n, '<', '&', 0), s + at);
            }
        }
    }
}

/* u8_fold folds words of Latin, Greek and Cyrillic letters, marks and
 * punctuation one code point at a time from a table: every pair of them
 * (and of printable ASCII) must fold as utf8proc folds the pair. */
static void latin_words_fold_as_utf8proc_folds_them(void **st)
{
    (void)st;
    int32_t cps[128 + 0x530 + 0x70 + 0x40];
    size_t n = 0;
    for (int32_t c = 0x20; c < 0x7F; c++) cps[n++] = c;
    for (int32_t c = 0x80; c < 0x530; c++) cps[n++] = c;
    for (int32_t c = 0x2000; c < 0x2070; c++) cps[n++] = c;
    for (int32_t c = 0x3000; c < 0x3040; c++) cps[n++] = c;
    buf got;
    buf_init(&got);
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < n; j++) {
            utf8proc_uint8_t in[8], *want = NULL;
            utf8proc_ssize_t m = utf8proc_encode_char(cps[i], in);
            m += utf8proc_encode_char(cps[j], in + m);
            utf8proc_ssize_t k = utf8proc_map(in, m, &want, UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK |
                                                            UTF8PROC_COMPOSE | UTF8PROC_COMPAT);
            assert_true(k >= 0);
            u8_fold((const char *)in, (size_t)m, &got);
            if (got.len != (size_t)k || memcmp(got.data, want, (size_t)k))
                fail_msg("U+%04X U+%04X folds to \"%s\", not \"%s\"", (unsigned)cps[i], (unsigned)cps[j],
                         got.data, (const char *)want);
            free(want);
        }
    }
    buf_free(&got);
}

/* watch and serve open libcurl and libmicrohttpd at first use: a missing
 * library or symbol is a message naming it, never a crash. */
static void libraries_opened_at_first_use(void **st)
{
    (void)st;
    err_slot err = {0};
    void *syms[2] = {NULL, NULL};
    static const char *const cos_only[] = {"cos"};
    assert_true(lib_open("libm.so.6", cos_only, syms, 1, 3, &err));
    assert_true(((double (*)(double))syms[0])(0.0) == 1.0);
    assert_false(lib_open("libstoryline-none.so.0", cos_only, syms, 1, 3, &err));
    assert_int_equal(err.status, 3);
    assert_non_null(strstr(err.msg, "libstoryline-none.so.0"));
    static const char *const one_missing[] = {"cos", "storyline_no_such_function"};
    assert_false(lib_open("libm.so.6", one_missing, syms, 2, 3, &err));
    assert_non_null(strstr(err.msg, "storyline_no_such_function"));
}

static void doubled_utf8_decoded_once(void **st)
{
    (void)st;
    /* "Investor’s" and "—" encoded twice */
    const char *two = "Investor\xC3\xA2\xC2\x80\xC2\x99s guide \xC3\xA2\xC2\x80\xC2\x94 part 1";
    assert_true(u8_has_doubled(two, strlen(two)));
    assert_string_equal(undoubled(two), "Investor\xE2\x80\x99s guide \xE2\x80\x94 part 1");
    /* "Ã©" as written, with no C1 control among its bytes, stays */
    const char *latin = "Caf\xC3\x83\xC2\xA9 and \xC3\xA2 alone";
    assert_false(u8_has_doubled(latin, strlen(latin)));
    assert_string_equal(undoubled(latin), latin);
    /* a run that would decode to an overlong form or a surrogate stays */
    const char *overlong = "x\xC3\xA0\xC2\x80\xC2\x80y", *surrogate = "x\xC3\xAD\xC2\xA0\xC2\x80y";
    assert_string_equal(undoubled(overlong), overlong);
    assert_string_equal(undoubled(surrogate), surrogate);
    /* cut short at the end: left as it is */
    const char *cut = "end \xC3\xA2\xC2\x80";
    assert_string_equal(undoubled(cut), cut);
}

static void unspaced_words_counted(void **st)
{
    (void)st;
    assert_int_equal(u8_unspaced_words("storm", 5), 0);
    assert_int_equal(u8_unspaced_words("caf\xC3\xA9", 5), 0);
    const char *zh = "港口委员会星期二投票";   /* ten Han characters */
    assert_int_equal(u8_unspaced_words(zh, strlen(zh)), 5);
    const char *th = "ท่าเรือปิด";   /* ten Thai code points */
    assert_int_equal(u8_unspaced_words(th, strlen(th)), 3);
}

static void dates_round_trip(void **st)
{
    (void)st;
    assert_int_equal(day_from_ymd(1970, 1, 1), 0);
    assert_int_equal(day_from_ymd(2018, 6, 15) - day_from_ymd(2018, 6, 14), 1);
    assert_int_equal(day_from_ymd(2018, 2, 29), DAY_NONE);
    assert_int_equal(day_from_ymd(2024, 2, 29) + 1, day_from_ymd(2024, 3, 1));
    char out[11];
    for (int32_t d = -719000; d < 2900000; d += 997) {
        int y, m, dd;
        day_to_ymd(d, &y, &m, &dd);
        assert_int_equal(day_from_ymd(y, m, dd), d);
    }
    day_format(day_from_ymd(2025, 12, 7), out);
    assert_string_equal(out, "2025-12-07");
    assert_int_equal(day_parse_iso("2018-06-15", 10), day_from_ymd(2018, 6, 15));
    assert_int_equal(day_parse_iso("2018-06-15T23:59:00+09:00", 25), day_from_ymd(2018, 6, 15));
    assert_int_equal(day_parse_iso("20180615", 8), day_from_ymd(2018, 6, 15));
    assert_int_equal(day_parse_iso("2018-13-01", 10), DAY_NONE);
    assert_int_equal(day_parse_iso("June 2018", 9), DAY_NONE);
    assert_int_equal(day_parse_iso("2018", 4), DAY_NONE);
    assert_int_equal(day_parse_iso("2018-06-1", 9), DAY_NONE);   /* never reads past n */
    day_format(DAY_NONE, out);
    assert_string_equal(out, "");
}

static void stop_words_are_function_words(void **st)
{
    (void)st;
    assert_true(stop_is_word("the", 3));
    assert_true(stop_is_word("don\xE2\x80\x99t", 7));   /* curly apostrophe */
    assert_false(stop_is_word("drills", 6));
    assert_false(stop_is_word("", 0));
    /* the ASCII lookup answers as the other on ASCII words, prefixes of
     * function words, and words of 15 and 16 letters */
    static const char *const words[] = {"the", "th", "t", "", "don't", "into", "in", "drills", "of",
                                        "ofx", "themselves", "themselve", "abcdefghijklmno",
                                        "abcdefghijklmnop", "would", "wouldn't", "a", "I"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        assert_int_equal(stop_is_ascii_word(words[i], strlen(words[i])),
                         stop_is_word(words[i], strlen(words[i])));
    assert_true(stop_is_ascii_word("themselves", 10));
}

static void error_names_input_and_line(void **st)
{
    (void)st;
    err_slot e;
    err_clear(&e);
    assert_int_equal(err_set(&e, 2, "feed.jsonl", 17, "bad %s", "json"), 2);
    assert_string_equal(e.msg, "feed.jsonl:17: bad json");
    err_set(&e, 3, "page.txt", 0, "empty");
    assert_string_equal(e.msg, "page.txt: empty");
}

/* num_read gives strtod's double, bit for bit, and stops where it stops:
 * on the models' numbers, on edge cases that go to strtod, and on a
 * million random decimals of 1 to 17 digits. */
static void same_number_as_strtod(const char *t)
{
    char *e1, *e2;
    double a = strtod(t, &e1), b = num_read(t, &e2);
    if (memcmp(&a, &b, sizeof a) || e1 != e2) fail_msg("\"%s\": strtod %.17g (+%td), num_read %.17g (+%td)", t, a,
                                                       e1 - t, b, e2 - t);
}

static void numbers_read_as_strtod_reads_them(void **st)
{
    (void)st;
    static const char *const cases[] = {
        "0", "-0", "+0", "1", "-1.25", "0.5", "3.", ".5", "-.5", "+.5", ".", "-", "+", "", "x", " \t 2.75",
        "1e5", "1.5e-3", "1E5", "0x1p3", "inf", "-nan", "1.5.2", "12\t-3.5", "123456789012345", "1234567890123456",
        "12345678901234567", "0.123456789012345", "0.1234567890123456", "123456789012345.5", "0.1", "0.2", "0.3",
        "9007199254740993", "99999999999999.9", "-0.000000000000001", "0.0000000000000001", "17.0 ", "5abc",
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) same_number_as_strtod(cases[i]);
    uint64_t x = 88172645463325252u;
    char t[64];
    for (int r = 0; r < 1000000; r++) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        int digits = 1 + (int)(x % 17), point = (int)((x >> 8) % (unsigned)(digits + 2)) - 1, k = 0;
        if (x >> 20 & 1) t[k++] = '-';
        uint64_t y = x >> 24;
        for (int d = 0; d < digits; d++) {
            if (d == point) t[k++] = '.';
            t[k++] = (char)('0' + (d ? y % 10 : (y % 9) + 1));
            y = y / 10 ? y / 10 : x * 2654435761u >> 7;
        }
        t[k] = '\0';
        same_number_as_strtod(t);
    }
}

/* buf_json_string writes what jansson's json_dumps writes for the same
 * string, and refuses what json_string refuses: every byte from 1 to 255
 * alone and inside text, every control character, quotes, backslashes,
 * multibyte characters, and broken, overlong and surrogate sequences. */
static void json_strings_as_jansson_writes_them(void **st)
{
    (void)st;
    const char *samples[] = {"", "plain", "say \"no\"", "back\\slash", "tab\there", "line\nbreak\r\n",
                             "\x01\x1f\x7f", "caf\xc3\xa9 \xe2\x80\x99s \xf0\x9f\x98\x80", "a/b",
                             "\xc3", "\xc0\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80", "ok\xff", "\xe2\x80",
                             "\u2028 and \u2029"};
    char one[8];
    buf b;
    buf_init(&b);
    for (int k = 0; k < (int)(sizeof samples / sizeof *samples) + 2 * 255; k++) {
        const char *str;
        if (k < (int)(sizeof samples / sizeof *samples)) {
            str = samples[k];
        } else {
            int c = (k - (int)(sizeof samples / sizeof *samples)) % 255 + 1;
            bool inside = k - (int)(sizeof samples / sizeof *samples) >= 255;
            snprintf(one, sizeof one, inside ? "a%cb" : "%c", c);
            str = one;
        }
        json_t *j = json_string(str);
        buf_clear(&b);
        bool ok = buf_json_string(&b, str);
        if (!j) {
            if (ok) fail_msg("sample %d: jansson refuses it, buf_json_string wrote %s", k, b.data);
            assert_int_equal(b.len, 0);
            continue;
        }
        char *want = json_dumps(j, JSON_COMPACT | JSON_ENCODE_ANY);
        json_decref(j);
        if (!ok || strcmp(want, b.data)) fail_msg("sample %d: jansson %s, buf_json_string %s", k, want, b.data);
        free(want);
    }
    buf_free(&b);
}

/* Where the story starts after a dateline in capitals, where its place
 * ends and where its credit lies; 0 for what only looks like one. */
static size_t after(const char *s, dl_parts *parts) { return dl_dateline(s, strlen(s), parts); }

static void assert_credit(const char *s, const dl_parts *d, const char *want)
{
    assert_int_equal(d->credit_end - d->credit_start, strlen(want));
    assert_memory_equal(s + d->credit_start, want, strlen(want));
}

static void datelines_in_capitals(void **st)
{
    (void)st;
    dl_parts d;
    const char *s = "VELTEN, June 29 (Northline Wire) - Prosecutors opened a case.";
    assert_string_equal(s + after(s, &d), "Prosecutors opened a case.");
    assert_int_equal(d.place_end, 6);
    assert_credit(s, &d, "Northline Wire");
    s = "PORT LEVEN , ME. -- A tide of oil reached the coast.";
    assert_string_equal(s + after(s, &d), "A tide of oil reached the coast.");
    assert_int_equal(d.place_end, strlen("PORT LEVEN , ME."));
    assert_int_equal(d.credit_start, d.credit_end);
    s = "OSTBURG, 9 Oct. 2024 \xE2\x80\x93 The river rose.";
    assert_string_equal(s + after(s, NULL), "The river rose.");
    s = "RIYADH , June 3 -LRB- Reuters -RRB- - Saudi Arabia confirmed a case.";
    assert_string_equal(s + after(s, &d), "Saudi Arabia confirmed a case.");
    assert_credit(s, &d, "Reuters");
    s = "ORVANO \xE2\x80\x94 Taps ran dry.";
    assert_string_equal(s + after(s, NULL), "Taps ran dry.");
    /* a heading, a name and a score, an acronym's expansion, a lone capital */
    const char *none[] = {"OLD ALLIES, OLD ENEMIES\nMany fighters hid.", "NATO, Sweden 2 - the score was level.",
                          "KRDA (Kenya Rural Development Agency) said it would build.", "I - the writer - agree.",
                          "Velten, June 29 - Prosecutors opened a case.", "VELTEN (an unclosed credit - yes"};
    for (size_t i = 0; i < sizeof none / sizeof *none; i++) assert_int_equal(after(none[i], NULL), 0);
    assert_int_equal(after("LYON -not a dash", NULL), 0);
}

/* The words of a date or time stamp, in any case; the words that introduce
 * one only when asked for; nothing longer or other. */
static void stamp_words(void **st)
{
    (void)st;
    const char *yes[] = {"Tuesday", "TUE", "sept", "December", "pm", "EDT", "gmt", "local"};
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++) assert_true(dl_stamp_word(yes[i], strlen(yes[i]), false));
    const char *intro[] = {"Posted", "published", "Updated", "on", "originally", "date"};
    for (size_t i = 0; i < sizeof intro / sizeof *intro; i++) {
        assert_true(dl_stamp_word(intro[i], strlen(intro[i]), true));
        assert_false(dl_stamp_word(intro[i], strlen(intro[i]), false));
    }
    const char *no[] = {"Tuesdays", "Talks", "the", "resumed", "", "septembers"};
    for (size_t i = 0; i < sizeof no / sizeof *no; i++) assert_false(dl_stamp_word(no[i], strlen(no[i]), true));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(arena_hands_out_zeroed_aligned_memory),
        cmocka_unit_test(doubled_utf8_decoded_once),
        cmocka_unit_test(utf8_validity),
        cmocka_unit_test(numbers_read_as_strtod_reads_them),
        cmocka_unit_test(utf8_decoded_as_utf8proc_decodes_it),
        cmocka_unit_test(first_of_three_bytes_found),
        cmocka_unit_test(latin_words_fold_as_utf8proc_folds_them),
        cmocka_unit_test(libraries_opened_at_first_use),
        cmocka_unit_test(buf_grows_and_stays_terminated),
        cmocka_unit_test(map_finds_what_it_stored),
        cmocka_unit_test(files_are_read_whole),
        cmocka_unit_test(utf8_classes_and_folding),
        cmocka_unit_test(unspaced_words_counted),
        cmocka_unit_test(dates_round_trip),
        cmocka_unit_test(stop_words_are_function_words),
        cmocka_unit_test(error_names_input_and_line),
        cmocka_unit_test(json_strings_as_jansson_writes_them),
        cmocka_unit_test(datelines_in_capitals),
        cmocka_unit_test(stamp_words),
    };
    return cmocka_run_group_tests_name("core", tests, NULL, NULL);
}
