/* test_limits.c: what the reader does with inputs that would cost too much:
 * files that are not regular (a FIFO, a device, a socket) in a folder, a
 * page, a line or a gzip stream past its limit, and blank lines. Every one
 * is reported with its input and position, and reading goes on. Also that
 * gunzip.c's fast path (a small file decompressed at once) gives what its
 * streaming path gives, for clean, lying, truncated and bomb files. */
#include "testutil.h"
#include "warcgen.h"
#include "read/read.h"

#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
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

/* gunzip.c's fast path against its streaming path: the same bytes given to
 * rd_gunzip as a regular file (which may be decompressed at once) and
 * through a pipe (always inflated as a stream) must come out the same. */

/* n bytes of text that compress about 3 times (numbers among words), so that 400 KB of it is
 * more than zlib's 64 KiB reads. */
static char *words(size_t n, unsigned seed)
{
    static const char *const w[] = {"council", "budget", "the", "river", "bridge", "reopened", "after",
                                    "years", "of", "repairs", "mayor", "said", "on", "Monday", "a",
                                    "long", "debate", "voters", "approved", "new", "school", "plan"};
    char *t = malloc(n + 1);
    size_t k = 0;
    while (k < n) {
        seed = seed * 1103515245u + 12345u;
        const char *x = w[(seed >> 16) % (sizeof w / sizeof *w)];
        for (; *x && k < n; x++) t[k++] = *x;
        if (k < n) t[k++] = ' ';
        for (unsigned d = (seed >> 4) % 1000; k < n && d; d /= 10) t[k++] = (char)('0' + d % 10);
        if (k < n) t[k++] = (seed >> 8) % 13 ? ' ' : '\n';
    }
    t[n] = 0;
    return t;
}

/* A member with a header CRC (FHCRC), which zlib checks. */
static void gz_member_hcrc(buf *out, const char *p, size_t n)
{
    z_stream z = {0};
    gz_header h = {0};
    h.hcrc = 1;
    assert_int_equal(deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY), Z_OK);
    assert_int_equal(deflateSetHeader(&z, &h), Z_OK);
    size_t cap = deflateBound(&z, (uLong)n) + 64;
    buf_reserve(out, cap);
    z.next_in = (unsigned char *)(uintptr_t)p;
    z.avail_in = (uInt)n;
    z.next_out = (unsigned char *)out->data + out->len;
    z.avail_out = (uInt)cap;
    assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
    out->len += cap - z.avail_out;
    deflateEnd(&z);
}

/* The last four bytes (the last member's ISIZE) set to v. */
static void set_isize(buf *gz, uint32_t v)
{
    unsigned char *t = (unsigned char *)gz->data + gz->len - 4;
    for (int i = 0; i < 4; i++) t[i] = (unsigned char)(v >> (8 * i));
}

/* Everything rd_gunzip gives from f, piece bytes a pull: the bytes, each
 * message as <status:message> where it comes, then the member each byte is
 * in (asked right after the pull that gave it) as @offset=member wherever
 * that changes. Returns how many pulls gave bytes. */
static size_t transcript(FILE *f, bool stop, const sl_limits *l, size_t piece, buf *out)
{
    err_slot e;
    rd_gunzip *g = rd_gunzip_of(f, "t.gz", &e);
    assert_non_null(g);
    rd_gunzip_limits(g, l);
    rd_gunzip_stop(g, stop);
    char *p = malloc(piece);
    buf where;
    buf_init(&where);
    buf_clear(out);
    size_t pulls = 0;
    uint64_t total = 0;
    long long last = -2;
    long k;
    while ((k = rd_gunzip_pull(g, p, piece, &e)) > 0) {
        assert_true((size_t)k <= piece);
        pulls++;
        buf_append(out, p, (size_t)k);
        for (uint64_t off = total; off < total + (uint64_t)k; off++) {
            long long m = rd_gunzip_member_of(g, off);
            if (m != last) buf_printf(&where, "@%llu=%lld", (unsigned long long)off, m);
            last = m;
        }
        total += (uint64_t)k;
        if (rd_gunzip_message(g, &e)) buf_printf(out, "<%d:%s>", e.status, e.msg);
    }
    if (k < 0) buf_printf(out, "<error %d:%s>", e.status, e.msg);
    if (rd_gunzip_message(g, &e)) buf_printf(out, "<%d:%s>", e.status, e.msg);
    buf_printf(out, "|%s", where.data ? where.data : "");
    rd_gunzip_close(g);
    buf_free(&where);
    free(p);
    return pulls;
}

/* gz as a regular file and through a pipe give the same transcript, with
 * stop on and off, in large and small pulls; it goes in out (as a file,
 * stop off, large pulls), with how many pulls the file and the pipe took. */
static void same_both_ways(const buf *gz, const sl_limits *l, buf *out, size_t *file_pulls, size_t *pipe_pulls)
{
    static const size_t pieces[] = {(size_t)1 << 20, 1000, 1};
    put("same.gz", gz->data, gz->len);
    char path[256];
    path_of(path, sizeof path, "same.gz");
    buf a, b;
    buf_init(&a);
    buf_init(&b);
    for (int stop = 0; stop < 2; stop++)
        for (size_t i = 0; i < sizeof pieces / sizeof *pieces; i++) {
            if (pieces[i] == 1 && gz->len > ((size_t)64 << 10)) continue;   /* slow under ASan */
            FILE *f = fopen(path, "rb");
            assert_non_null(f);
            size_t fp = transcript(f, stop, l, pieces[i], &a);
            int fds[2];
            assert_int_equal(pipe(fds), 0);
            pid_t pid = fork();
            assert_true(pid >= 0);
            if (pid == 0) {
                close(fds[0]);
                for (size_t at = 0; at < gz->len;) {
                    ssize_t k = write(fds[1], gz->data + at, gz->len - at);
                    if (k <= 0) _exit(1);
                    at += (size_t)k;
                }
                _exit(0);
            }
            close(fds[1]);
            FILE *pf = fdopen(fds[0], "rb");
            assert_non_null(pf);
            size_t pp = transcript(pf, stop, l, pieces[i], &b);
            int status;
            assert_int_equal(waitpid(pid, &status, 0), pid);
            assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
            assert_int_equal(a.len, b.len);
            assert_memory_equal(a.data, b.data, a.len);
            if (!stop && i == 0) {
                buf_clear(out);
                buf_append(out, a.data, a.len);
                if (file_pulls) *file_pulls = fp;
                if (pipe_pulls) *pipe_pulls = pp;
            }
        }
    buf_free(&a);
    buf_free(&b);
}

/* s is in out, whose bytes may hold NULs. */
static bool has(const buf *out, const char *s) { return memmem(out->data, out->len, s, strlen(s)) != NULL; }

/* out starts with the n bytes of p, then members ("|" and its map). */
static void gives(const buf *out, const char *p, size_t n, const char *members)
{
    assert_true(out->len == n + strlen(members));
    assert_memory_equal(out->data, p, n);
    assert_string_equal(out->data + n, members);
}

/* A clean page of one member comes whole in one pull from a file (zlib,
 * reading 64 KiB at a time, gives it in several through a pipe), the same
 * bytes; and pieces of it in small pulls. */
static void gzip_a_clean_page_is_decompressed_at_once(void **st)
{
    (void)st;
    size_t n = 400000;
    char *t = words(n, 1);
    buf gz, out;
    buf_init(&gz);
    buf_init(&out);
    gz_member(&gz, t, n);
    assert_true(gz.len > ((size_t)64 << 10) && gz.len < SL_INFLATE_FREE);
    size_t fp, pp;
    same_both_ways(&gz, NULL, &out, &fp, &pp);
    gives(&out, t, n, "|@0=0");
    assert_int_equal(fp, 1);
    assert_true(pp > 1);
    /* an empty page, and one of a byte */
    buf_clear(&gz);
    gz_member(&gz, "", 0);
    same_both_ways(&gz, NULL, &out, NULL, NULL);
    assert_string_equal(out.data, "|");
    buf_clear(&gz);
    gz_member(&gz, "x", 1);
    same_both_ways(&gz, NULL, &out, NULL, NULL);
    assert_string_equal(out.data, "x|@0=0");
    buf_free(&gz);
    buf_free(&out);
    free(t);
}

/* Members, an empty one among them, each in its own pulls and each byte
 * in its member; the last member's ISIZE (small) is no bound on the rest. */
static void gzip_members_are_decompressed_at_once(void **st)
{
    (void)st;
    size_t n = 400000;
    char *t = words(n, 2);
    buf gz, out;
    buf_init(&gz);
    buf_init(&out);
    gz_member(&gz, t, n / 2);
    gz_member(&gz, "", 0);
    size_t m3 = gz.len;
    gz_member(&gz, t + n / 2, n / 2 - 10);
    size_t m4 = gz.len;
    gz_member(&gz, t + n - 10, 10);
    assert_true(gz.len > ((size_t)64 << 10));
    size_t fp, pp;
    same_both_ways(&gz, NULL, &out, &fp, &pp);
    char members[128];
    snprintf(members, sizeof members, "|@0=0@%zu=%zu@%zu=%zu", n / 2, m3, n - 10, m4);
    gives(&out, t, n, members);
    assert_int_equal(fp, 3);   /* a pull ends at a member's end, as inflate's does */
    assert_true(pp > 3);
    /* a member past the allowance in all: zlib's, the same */
    buf_clear(&gz);
    gz_member(&gz, t, n);
    gz_member(&gz, t, n);
    gz_member(&gz, t, n);
    gz_member(&gz, t, n);
    gz_member(&gz, t, n);
    gz_member(&gz, t, n);
    gz_member(&gz, "end", 3);
    same_both_ways(&gz, NULL, &out, NULL, NULL);
    assert_int_equal(out.len, 6 * n + 3 + strlen(strchr(out.data + 6 * n + 3, '|')));
    /* a corrupt member in the middle: the same message, the same resync */
    buf_clear(&gz);
    gz_member(&gz, t, 5000);
    size_t bad = gz.len;
    gz_member(&gz, t + 5000, 5000);
    gz_member(&gz, "tail", 4);
    gz.data[bad + 30] ^= 0x55;
    same_both_ways(&gz, NULL, &out, NULL, NULL);
    char want[128];
    snprintf(want, sizeof want, "gzip member at byte %zu: corrupt, skipped to the next member (zlib: ", bad);
    assert_true(has(&out, want));
    assert_true(has(&out, "tail"));
    /* trailing zeros after the last member */
    buf_clear(&gz);
    gz_member(&gz, t, 5000);
    buf_append(&gz, "\0\0\0\0\0\0\0\0", 8);
    same_both_ways(&gz, NULL, &out, NULL, NULL);
    assert_true(has(&out, "gzip member at byte "));
    buf_free(&gz);
    buf_free(&out);
    free(t);
}

/* An ISIZE that lies (too small, too large, past the bound) gives zlib's
 * message about the member; a header CRC, right or wrong, is zlib's to
 * check. */
static void gzip_a_lying_size_or_a_header_crc_gives_zlibs_answer(void **st)
{
    (void)st;
    size_t n = 20000;
    char *t = words(n, 3);
    buf gz, out;
    buf_init(&gz);
    buf_init(&out);
    static const uint32_t lies[] = {0, 1, 19999, 20001, 100000, 2000000, 0xffffffffu};
    for (size_t i = 0; i < sizeof lies / sizeof *lies; i++) {
        buf_clear(&gz);
        gz_member(&gz, t, n);
        set_isize(&gz, lies[i]);
        same_both_ways(&gz, NULL, &out, NULL, NULL);
        assert_true(has(&out, "t.gz: gzip member at byte 0: corrupt, skipped to the next member "
                                         "(zlib: incorrect length check)"));
    }
    /* the lie in an earlier member, the last one's true */
    buf_clear(&gz);
    gz_member(&gz, t, n);
    set_isize(&gz, 7);
    gz_member(&gz, t, 100);
    same_both_ways(&gz, NULL, &out, NULL, NULL);
    assert_true(has(&out, "(zlib: incorrect length check)"));
    /* a header CRC: right, then wrong */
    buf_clear(&gz);
    gz_member_hcrc(&gz, t, n);
    assert_true(gz.data[3] & 0x02);
    same_both_ways(&gz, NULL, &out, NULL, NULL);
    gives(&out, t, n, "|@0=0");
    gz.data[10] ^= 1;
    same_both_ways(&gz, NULL, &out, NULL, NULL);
    assert_true(has(&out, "(zlib: header crc mismatch)"));
    buf_free(&gz);
    buf_free(&out);
    free(t);
}

/* A file cut anywhere: zlib's message, after what it gave. */
static void gzip_a_truncated_file_gives_zlibs_answer(void **st)
{
    (void)st;
    size_t n = 100000;
    char *t = words(n, 4);
    buf gz, cut, out;
    buf_init(&gz);
    buf_init(&cut);
    buf_init(&out);
    gz_member(&gz, t, n / 2);
    size_t second = gz.len;
    gz_member(&gz, t + n / 2, n / 2);
    size_t at[] = {1, 9, 10, 30, second / 2, second - 1, second, second + 5, gz.len - 8, gz.len - 4, gz.len - 1};
    for (size_t i = 0; i < sizeof at / sizeof *at; i++) {
        buf_clear(&cut);
        buf_append(&cut, gz.data, at[i]);
        same_both_ways(&cut, NULL, &out, NULL, NULL);
        if (at[i] == second) continue;   /* a whole member: no message */
        char want[128];
        snprintf(want, sizeof want, "gzip member at byte %zu: ", at[i] > second ? second : 0);
        assert_true(has(&out, want));
    }
    buf_free(&gz);
    buf_free(&cut);
    buf_free(&out);
    free(t);
}

/* Bombs small enough to be read whole are stopped as before, with the same
 * message, whatever their ISIZE says; and so is a clean page over a low
 * --max-inflate-size. */
static void gzip_bombs_read_whole_are_stopped_the_same(void **st)
{
    (void)st;
    size_t n = (size_t)8 << 20;
    char *zeros = calloc(n, 1);
    buf gz, out;
    buf_init(&gz);
    buf_init(&out);
    const char *msg = "t.gz: gzip member at byte 0: decompresses to more than 100 times its size (--max-inflate); "
                      "skipped to the next member>";
    gz_member(&gz, zeros, n);
    assert_true(gz.len < SL_INFLATE_FREE);
    same_both_ways(&gz, NULL, &out, NULL, NULL);
    assert_true(has(&out, msg));
    set_isize(&gz, 1000);   /* claims to be small */
    same_both_ways(&gz, NULL, &out, NULL, NULL);
    assert_true(has(&out, msg));
    /* many small members: the file's ratio */
    buf_clear(&gz);
    for (int i = 0; i < 24; i++) gz_member(&gz, zeros, (size_t)512 << 10);
    same_both_ways(&gz, NULL, &out, NULL, NULL);
    assert_true(has(&out, "more than 100 times its size (--max-inflate); the rest of the file skipped>"));
    /* the size limit, on a clean page */
    char *t = words(20000, 5);
    buf_clear(&gz);
    gz_member(&gz, t, 20000);
    sl_limits l = {.max_inflate_size = (uint64_t)4 << 10};
    same_both_ways(&gz, &l, &out, NULL, NULL);
    assert_true(has(&out, " decompresses to more than 4 KiB (--max-inflate-size); the rest of the file skipped>"));
    l.max_inflate_size = 20000;   /* exactly its size: no limit */
    same_both_ways(&gz, &l, &out, NULL, NULL);
    gives(&out, t, 20000, "|@0=0");
    buf_free(&gz);
    buf_free(&out);
    free(t);
    free(zeros);
}

/* A page in one gzip member is handed over whole (rd_gunzip_take), one in
 * several members is pulled: the source gives the same page either way,
 * and the reader takes nothing once a pull has begun. */
static void gzip_pages_come_whole_through_the_source(void **st)
{
    (void)st;
    size_t n = 300000;
    char *t = words(n, 7);
    buf gz, two, page;
    buf_init(&gz);
    buf_init(&two);
    buf_init(&page);
    gz_member(&gz, t, n);
    gz_member(&two, t, n / 3);
    gz_member(&two, t + n / 3, n - n / 3);
    const buf *files[] = {&gz, &two};
    for (int k = 0; k < 2; k++) {
        put("whole.html.gz", files[k]->data, files[k]->len);
        char path[256];
        path_of(path, sizeof path, "whole.html.gz");
        rd_source *s;
        err_slot e;
        sl_page p;
        assert_int_equal(rd_open(path, &s, &e), SL_OK);
        assert_int_equal(rd_next(s, &p, &e), SL_OK);
        assert_int_equal(p.body_len, n);
        assert_memory_equal(p.body, t, n);
        assert_int_equal(p.body[n], '\0');
        assert_int_equal(rd_next(s, &p, &e), SL_DONE);
        rd_close(s);
        /* the gzip reader alone: whole for one member only, never after a pull */
        err_slot ge;
        rd_gunzip *g = rd_gunzip_open(path, &ge);
        assert_non_null(g);
        assert_int_equal(rd_gunzip_take(g, &page), k == 0);
        if (k == 0) {
            assert_int_equal(page.len, n);
            assert_memory_equal(page.data, t, n);
            char c;
            assert_int_equal(rd_gunzip_pull(g, &c, 1, &ge), 0);
        }
        rd_gunzip_close(g);
        g = rd_gunzip_open(path, &ge);
        char c;
        assert_int_equal(rd_gunzip_pull(g, &c, 1, &ge), 1);
        assert_false(rd_gunzip_take(g, &page));
        rd_gunzip_close(g);
    }
    buf_free(&gz);
    buf_free(&two);
    buf_free(&page);
    free(t);
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
        cmocka_unit_test(gzip_a_clean_page_is_decompressed_at_once),
        cmocka_unit_test(gzip_members_are_decompressed_at_once),
        cmocka_unit_test(gzip_a_lying_size_or_a_header_crc_gives_zlibs_answer),
        cmocka_unit_test(gzip_a_truncated_file_gives_zlibs_answer),
        cmocka_unit_test(gzip_bombs_read_whole_are_stopped_the_same),
        cmocka_unit_test(gzip_pages_come_whole_through_the_source),
        cmocka_unit_test(limits_are_checked_and_filled),
    };
    return cmocka_run_group_tests_name("limits", tests, setup, teardown);
}
