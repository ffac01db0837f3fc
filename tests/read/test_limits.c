/* test_limits.c: what the reader does with inputs that would cost too much:
 * files that are not regular (a FIFO, a device, a socket) in a folder, a
 * page, a line or a gzip stream past its limit, and blank lines. Every one
 * is reported with its input and position, and reading goes on. */
#include "testutil.h"
#include "warcgen.h"
#include "read/read.h"

#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>
#include <zlib.h>

static char dir[64];

static void path_of(char *out, size_t n, const char *name) { snprintf(out, n, "%s/%s", dir, name); }

static void put(const char *name, const char *p, size_t n)
{
    char path[256];
    path_of(path, sizeof path, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fwrite(p, 1, n, f);
    fclose(f);
}

static void puts_file(const char *name, const char *s) { put(name, s, strlen(s)); }

/* n bytes of p as one gzip member appended to out. */
static void gz_member(buf *out, const char *p, size_t n)
{
    z_stream z = {0};
    assert_int_equal(deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY), Z_OK);
    size_t cap = deflateBound(&z, (uLong)n);
    buf_reserve(out, cap);
    z.next_in = (unsigned char *)(uintptr_t)p;
    z.avail_in = (uInt)n;
    z.next_out = (unsigned char *)out->data + out->len;
    z.avail_out = (uInt)cap;
    assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
    out->len += cap - z.avail_out;
    deflateEnd(&z);
}

/* Every result of reading path with limits l: pages as "id|" and messages
 * as "!status:message|", into out. */
static void read_all_of(const char *path, const sl_limits *l, buf *out)
{
    rd_source *s;
    err_slot e;
    assert_int_equal(rd_open(path, &s, &e), SL_OK);
    rd_set_limits(s, l);
    sl_page p;
    sl_status r;
    buf_clear(out);
    while ((r = rd_next(s, &p, &e)) != SL_DONE) {
        if (r == SL_OK) buf_printf(out, "%s|", p.id);
        else buf_printf(out, "!%d:%s|", r, e.msg);
    }
    rd_close(s);
}

static void on_alarm(int sig)
{
    (void)sig;
    static const char msg[] = "test_limits: a read blocked\n";
    (void)!write(2, msg, sizeof msg - 1);
    _exit(1);
}

/* A FIFO, a character device (a link to /dev/zero) and a socket in a folder
 * are reported and skipped without being opened: the FIFO has no writer
 * (open would wait for one) and /dev/zero never ends. A link to a regular
 * file is read. */
static void folder_skips_what_is_not_a_regular_file(void **st)
{
    (void)st;
    char sub[128], p[256];
    path_of(sub, sizeof sub, "odd");
    mkdir(sub, 0700);
    puts_file("odd/a.txt", "The council approved the new budget on Monday after a long debate.\n");
    puts_file("target.txt", "The bridge reopened on Tuesday after two years of repairs.\n");
    path_of(p, sizeof p, "odd/fifo.txt");
    assert_int_equal(mkfifo(p, 0600), 0);
    path_of(p, sizeof p, "odd/zero.txt");
    assert_int_equal(symlink("/dev/zero", p), 0);
    path_of(p, sizeof p, "odd/link.txt");
    assert_int_equal(symlink("../target.txt", p), 0);
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    struct sockaddr_un sa = {.sun_family = AF_UNIX};
    path_of(sa.sun_path, sizeof sa.sun_path, "odd/sock");
    assert_int_equal(bind(fd, (struct sockaddr *)&sa, sizeof sa), 0);
    signal(SIGALRM, on_alarm);
    alarm(20);
    buf out;
    buf_init(&out);
    read_all_of(sub, NULL, &out);
    alarm(0);
    close(fd);
    char want[1024];
    snprintf(want, sizeof want,
             "a|!3:%s/fifo.txt: a FIFO, not a regular file; skipped|link|"
             "!3:%s/sock: a socket, not a regular file; skipped|"
             "!3:%s/zero.txt: a character device, not a regular file; skipped|", sub, sub, sub);
    assert_string_equal(out.data, want);
    buf_free(&out);
}

/* A FIFO named by the user is read as a stream, like standard input (bash
 * gives <(...) as one); with no writer it is empty at once, not a wait. */
static void a_named_fifo_without_writer_does_not_block(void **st)
{
    (void)st;
    char p[256];
    path_of(p, sizeof p, "lonely.fifo");
    assert_int_equal(mkfifo(p, 0600), 0);
    signal(SIGALRM, on_alarm);
    alarm(20);
    rd_source *s;
    err_slot e;
    assert_int_equal(rd_open(p, &s, &e), SL_OK);
    sl_page page;
    assert_int_equal(rd_next(s, &page, &e), SL_OK);
    assert_int_equal(page.body_len, 0);
    assert_int_equal(rd_next(s, &page, &e), SL_DONE);
    rd_close(s);
    alarm(0);
}

/* A page over the limit, as a file (its size known at once, or only by
 * reading it through gzip), a JSON record or a WARC record, is skipped with
 * a message; the next is read. */
static void pages_over_the_limit_are_skipped(void **st)
{
    (void)st;
    char sub[128];
    path_of(sub, sizeof sub, "pages");
    mkdir(sub, 0700);
    char big[2000];
    memset(big, 'x', sizeof big);
    for (size_t i = 7; i < sizeof big; i += 8) big[i] = ' ';
    put("pages/1-big.txt", big, sizeof big);
    buf gz, w, line;
    buf_init(&gz);
    buf_init(&w);
    buf_init(&line);
    gz_member(&gz, big, sizeof big);
    put("pages/2-big.txt.gz", gz.data, gz.len);
    puts_file("pages/3-small.txt", "A small page.\n");
    buf_printf(&line, "{\"id\": \"j1\", \"text\": \"short\"}\n{\"id\": \"j2\", \"text\": \"%.*s\"}\n"
                      "{\"id\": \"j3\", \"text\": \"short\"}\n", 1500, big);
    put("pages/4.jsonl", line.data, line.len);
    response(&w, "http://n.test/big", "Content-Type: text/html\r\n", big, sizeof big);
    response(&w, "http://n.test/small", "Content-Type: text/html\r\n", "<p>small</p>", 12);
    put("pages/5.warc", w.data, w.len);
    sl_limits l = {.max_page = 1024};
    buf out;
    buf_init(&out);
    read_all_of(sub, &l, &out);
    char want[2048];
    snprintf(want, sizeof want,
             "!7:%s/1-big.txt: 2.0 KiB, larger than the page limit of 1 KiB (--max-page); skipped|"
             "!7:%s/2-big.txt.gz: more than 1 KiB, the page limit (--max-page); skipped|"
             "3-small|"
             "j1|!7:%s/4.jsonl:2: a page of 1.5 KiB, larger than the page limit of 1 KiB (--max-page); skipped|j3|"
             "!7:%s/5.warc: byte 0: record of 2.0 KiB, larger than the page limit of 1 KiB (--max-page); skipped|"
             "http://n.test/small|", sub, sub, sub, sub);
    assert_string_equal(out.data, want);
    buf_free(&out);
    buf_free(&gz);
    buf_free(&w);
    buf_free(&line);
}

/* A line over the line limit is skipped without being held (the rest of it
 * is read past), and the lines after it keep their numbers; so is a last
 * line without a line break. */
static void lines_over_the_limit_are_skipped(void **st)
{
    (void)st;
    size_t n = 300000;   /* several of the reader's 64 KiB reads */
    char *longtext = malloc(n + 1);
    memset(longtext, 'y', n);
    longtext[n] = '\0';
    buf b;
    buf_init(&b);
    buf_printf(&b, "{\"id\": \"l1\", \"text\": \"one\"}\n{\"id\": \"l2\", \"text\": \"%s\"}\n"
                   "{\"id\": \"l3\", \"text\": \"three\"}\n{\"id\": \"l4\", \"text\": \"%s\"}", longtext, longtext);
    put("long.jsonl", b.data, b.len);
    char p[256];
    path_of(p, sizeof p, "long.jsonl");
    sl_limits l = {.max_line = 4096};
    buf out;
    buf_init(&out);
    read_all_of(p, &l, &out);
    char want[1024];
    snprintf(want, sizeof want,
             "l1|!7:%s:2: line longer than the line limit of 4 KiB (--max-line); skipped|l3|"
             "!7:%s:4: line longer than the line limit of 4 KiB (--max-line); skipped|", p, p);
    assert_string_equal(out.data, want);
    buf_free(&out);
    buf_free(&b);
    free(longtext);
}

/* A blank line holds no record: it is reported with its line, like a bad
 * record. The line break that ends the last record is no blank line. */
static void blank_lines_are_reported(void **st)
{
    (void)st;
    puts_file("blank.jsonl", "{\"id\": \"b1\", \"text\": \"one\"}\n\n \t\r\n{\"id\": \"b4\", \"text\": \"four\"}\n");
    char p[256];
    path_of(p, sizeof p, "blank.jsonl");
    buf out;
    buf_init(&out);
    read_all_of(p, NULL, &out);
    char want[1024];
    snprintf(want, sizeof want, "b1|!2:%s:2: blank line, no record; skipped|!2:%s:3: blank line, no record; skipped|b4|",
             p, p);
    assert_string_equal(out.data, want);
    puts_file("clean.jsonl", "{\"id\": \"c1\", \"text\": \"one\"}\r\n{\"id\": \"c2\", \"text\": \"two\"}\r\n");
    path_of(p, sizeof p, "clean.jsonl");
    read_all_of(p, NULL, &out);
    assert_string_equal(out.data, "c1|c2|");
    buf_free(&out);
}

/* A gzip bomb: 8 MiB of zeros in 8 KiB. The member is cut once it has
 * given 1 MiB, more than 100 times what it consumed; in JSON Lines the
 * rest of the file is skipped, the records before it are read. */
static void a_gzip_bomb_stops_at_the_ratio(void **st)
{
    (void)st;
    size_t n = (size_t)8 << 20;
    char *zeros = calloc(n, 1);
    buf gz;
    buf_init(&gz);
    const char *good = "{\"id\": \"g1\", \"text\": \"one\"}\n{\"id\": \"g2\", \"text\": \"two\"}\n";
    gz_member(&gz, good, strlen(good));
    size_t bomb_at = gz.len;
    gz_member(&gz, zeros, n);
    put("bomb.jsonl.gz", gz.data, gz.len);
    char p[256];
    path_of(p, sizeof p, "bomb.jsonl.gz");
    buf out;
    buf_init(&out);
    read_all_of(p, NULL, &out);
    char want[1024];
    snprintf(want, sizeof want, "g1|g2|!7:%s: gzip member at byte %zu: decompresses to more than 100 times its "
                                "size (--max-inflate); the rest of the file skipped|", p, bomb_at);
    assert_string_equal(out.data, want);
    /* the same as plain text: the page is not kept */
    buf_clear(&gz);
    gz_member(&gz, zeros, n);
    put("bomb.txt.gz", gz.data, gz.len);
    path_of(p, sizeof p, "bomb.txt.gz");
    read_all_of(p, NULL, &out);
    snprintf(want, sizeof want, "!7:%s: gzip member at byte 0: decompresses to more than 100 times its size "
                                "(--max-inflate); the rest of the file skipped|", p);
    assert_string_equal(out.data, want);
    /* a ratio limit above deflate's 1032 lets it through to the size limit */
    sl_limits l = {.max_inflate = 5000, .max_inflate_size = (uint64_t)2 << 20};
    read_all_of(p, &l, &out);
    assert_non_null(strstr(out.data, "bomb.txt.gz: gzip data up to byte "));
    assert_non_null(strstr(out.data, " decompresses to more than 2 MiB (--max-inflate-size); the rest of the file skipped|"));
    /* many small members, each under the free 1 MiB, meet the file's ratio */
    buf_clear(&gz);
    for (int i = 0; i < 24; i++) gz_member(&gz, zeros, (size_t)512 << 10);
    put("bombs.txt.gz", gz.data, gz.len);
    path_of(p, sizeof p, "bombs.txt.gz");
    read_all_of(p, NULL, &out);
    assert_non_null(strstr(out.data, "more than 100 times its size (--max-inflate); the rest of the file skipped|"));
    assert_non_null(strstr(out.data, "bombs.txt.gz: gzip data up to byte "));
    buf_free(&out);
    buf_free(&gz);
    free(zeros);
}

/* In a WARC file, a bomb member costs its record: the reader goes on at the
 * next member, which starts a record though no line break comes before it. */
static void a_warc_bomb_member_costs_its_record(void **st)
{
    (void)st;
    size_t n = (size_t)8 << 20;
    char *zeros = calloc(n, 1);
    buf w, gz;
    buf_init(&w);
    buf_init(&gz);
    response(&w, "http://n.test/before", "Content-Type: text/html\r\n", "<p>before</p>", 13);
    gz_member(&gz, w.data, w.len);
    size_t bomb_at = gz.len;
    buf_clear(&w);
    response(&w, "http://n.test/bomb", "Content-Type: text/html\r\n", zeros, n);
    gz_member(&gz, w.data, w.len);
    buf_clear(&w);
    response(&w, "http://n.test/after", "Content-Type: text/html\r\n", "<p>after</p>", 12);
    gz_member(&gz, w.data, w.len);
    put("bomb.warc.gz", gz.data, gz.len);
    char p[256];
    path_of(p, sizeof p, "bomb.warc.gz");
    buf out;
    buf_init(&out);
    read_all_of(p, NULL, &out);
    char want[1024];
    snprintf(want, sizeof want, "http://n.test/before|!7:%s: gzip member at byte %zu: decompresses to more than "
                                "100 times its size (--max-inflate); skipped to the next member|http://n.test/after|",
             p, bomb_at);
    assert_string_equal(out.data, want);
    buf_free(&out);
    buf_free(&w);
    buf_free(&gz);
    free(zeros);
}

static void limits_are_checked_and_filled(void **st)
{
    (void)st;
    sl_limits l = {0}, full;
    assert_null(rd_limits_check(&l));
    rd_limits_fill(&l, &full);
    assert_true(full.max_page == SL_MAX_PAGE && full.max_line == SL_MAX_LINE);
    assert_true(full.max_inflate == SL_MAX_INFLATE && full.max_inflate_size == SL_MAX_INFLATE_SIZE);
    l.max_page = (uint64_t)1 << 20;
    rd_limits_fill(&l, &full);
    assert_true(full.max_line == (uint64_t)2 << 20);   /* follows the page limit */
    l.max_page = 100;
    assert_non_null(rd_limits_check(&l));
    l = (sl_limits){.max_line = (uint64_t)2 << 30};
    assert_non_null(rd_limits_check(&l));
    l = (sl_limits){.max_inflate = 0.5};
    assert_non_null(rd_limits_check(&l));
    char s[32];
    assert_string_equal(rd_size_str((uint64_t)16 << 20, s), "16 MiB");
    assert_string_equal(rd_size_str(1536, s), "1.5 KiB");
    assert_string_equal(rd_size_str(900, s), "900 bytes");
}

TMPDIR_GROUP(dir, "/tmp/sl-limits-XXXXXX")

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(folder_skips_what_is_not_a_regular_file),
        cmocka_unit_test(a_named_fifo_without_writer_does_not_block),
        cmocka_unit_test(pages_over_the_limit_are_skipped),
        cmocka_unit_test(lines_over_the_limit_are_skipped),
        cmocka_unit_test(blank_lines_are_reported),
        cmocka_unit_test(a_gzip_bomb_stops_at_the_ratio),
        cmocka_unit_test(a_warc_bomb_member_costs_its_record),
        cmocka_unit_test(limits_are_checked_and_filled),
    };
    return cmocka_run_group_tests_name("limits", tests, setup, teardown);
}
