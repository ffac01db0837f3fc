/* test_watch.c: 'storyline watch' against a small HTTP server this test
 * runs on 127.0.0.1 (a forked child serving files from a temporary folder,
 * with ETag and Last-Modified, answering 304 to a matching conditional
 * request and logging every request with its conditional headers).
 *
 * Round one fetches the feed and its article pages and stores them; round
 * two (a new process: the validators come from the database) is answered
 * 304 and fetches nothing else; an item added to the feed is fetched in the
 * next round; an article that answers 404 is reported and not asked again. */
#include "testutil.h"
#include "dbcheck.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdbool.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define BIN "build/storyline"
static char dir[64];
static int port;
static pid_t server;

/* ---- the server ---- */

static uint64_t fnv(const char *p, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)p[i]) * 1099511628211ull;
    return h;
}

/* Value of a request header (case as curl sends it), "" if absent. */
static void header(const char *req, const char *name, char *out, size_t cap)
{
    out[0] = '\0';
    const char *h = strstr(req, name);
    if (!h) return;
    h += strlen(name);
    size_t n = strcspn(h, "\r\n");
    if (n >= cap) n = cap - 1;
    memcpy(out, h, n);
    out[n] = '\0';
}

static void answer(int c, const char *req)
{
    char path[256] = "", inm[128], ims[128], file[512], line[600];
    sscanf(req, "GET %255s", path);
    header(req, "If-None-Match: ", inm, sizeof inm);
    header(req, "If-Modified-Since: ", ims, sizeof ims);
    snprintf(line, sizeof line, "%s/log", dir);
    FILE *log = fopen(line, "a");
    fprintf(log, "GET %s inm=%s ims=%s\n", path, inm, ims);
    fclose(log);
    snprintf(file, sizeof file, "%s/www%s", dir, path);
    size_t n = 0;
    char *body = strstr(path, "..") ? NULL : slurp(file, &n);
    char head[1024];
    if (!body) {
        snprintf(head, sizeof head, "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n"
                                    "Content-Length: 9\r\nConnection: close\r\n\r\nnot here\n");
        (void)!write(c, head, strlen(head));
        return;
    }
    /* -lm feeds send only Last-Modified, so that both validators are tested */
    bool etags = !strstr(path, "-lm");
    char etag[40], lm[64];
    snprintf(etag, sizeof etag, "\"%016llx\"", (unsigned long long)fnv(body, n));
    struct stat st;
    stat(file, &st);
    strftime(lm, sizeof lm, "%a, %d %b %Y %H:%M:%S GMT", gmtime(&st.st_mtime));
    bool same = etags && *inm ? !strcmp(inm, etag) : *ims && !strcmp(ims, lm);
    const char *type = strstr(path, ".html") ? "text/html; charset=utf-8" : "application/rss+xml";
    int k = snprintf(head, sizeof head, "HTTP/1.1 %s\r\nContent-Type: %s\r\nLast-Modified: %s\r\n",
                     same ? "304 Not Modified" : "200 OK", type, lm);
    if (etags) k += snprintf(head + k, sizeof head - (size_t)k, "ETag: %s\r\n", etag);
    snprintf(head + k, sizeof head - (size_t)k, "Content-Length: %zu\r\nConnection: close\r\n\r\n",
             same ? 0 : n);
    (void)!write(c, head, strlen(head));
    if (!same) (void)!write(c, body, n);
    free(body);
}

static void serve(int s)
{
    for (;;) {
        int c = accept(s, NULL, NULL);
        if (c < 0) continue;
        char req[8192];
        size_t n = 0;
        ssize_t k;
        while (n < sizeof req - 1 && (k = read(c, req + n, sizeof req - 1 - n)) > 0) {
            n += (size_t)k;
            req[n] = '\0';
            if (strstr(req, "\r\n\r\n")) break;
        }
        req[n] = '\0';
        answer(c, req);
        close(c);
    }
}

/* ---- helpers ---- */

static void put(const char *name, const char *text)
{
    char p[256];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    FILE *f = fopen(p, "wb");
    fputs(text, f);
    fclose(f);
}

static const char para[] =
    "<p>Officials in Seoul said on Tuesday that the allies would go ahead with the joint drills, "
    "which had been scaled back twice this year to make room for talks with Pyongyang.</p>"
    "<p>The defence ministry said thousands of troops would take part over two weeks, and that "
    "the exercises were defensive in nature, as they had been for decades.</p>";

static void article(const char *name, const char *title)
{
    char p[2048];
    snprintf(p, sizeof p, "<!DOCTYPE html><html><head><title>%s</title></head><body><h1>%s</h1>%s"
                          "<p>%s was reported by our correspondent in the capital.</p></body></html>",
             title, title, para, title);
    put(name, p);
}

static char feed_xml[4096];

static void feed_item(const char *path, const char *title, const char *date)
{
    size_t n = strlen(feed_xml);
    snprintf(feed_xml + n, sizeof feed_xml - n,
             "<item><title>%s</title><link>http://127.0.0.1:%d/%s</link><pubDate>%s</pubDate>"
             "<description>teaser</description></item>", title, port, path, date);
}

static void write_feed(const char *name)
{
    char p[4200];
    snprintf(p, sizeof p, "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>%s"
                          "</channel></rss>", feed_xml);
    put(name, p);
}

/* The server's log since the last call (then emptied). */
static char *take_log(void)
{
    char p[128];
    snprintf(p, sizeof p, "%s/log", dir);
    char *s = slurp(p, NULL);
    unlink(p);
    return s ? s : strdup("");
}

static size_t count(const char *s, const char *what)
{
    size_t n = 0;
    for (const char *p = s; (p = strstr(p, what)); p += strlen(what)) n++;
    return n;
}

static int watch_once(char **out, const char *feed)
{
    return run_capturef(out, BIN " watch --db %s/w.db --once --timeout 10 http://127.0.0.1:%d/%s 2>&1", dir, port, feed);
}

/* ---- the tests ---- */

static void rounds_fetch_new_articles_once_and_ask_conditionally(void **st)
{
    (void)st;
    feed_xml[0] = '\0';
    feed_item("a.html", "Drills go ahead", "Tue, 05 Mar 2019 09:00:00 +0900");
    feed_item("b.html", "Troops gather", "Wed, 06 Mar 2019 10:00:00 +0900");
    feed_item("gone.html", "Missing page", "Wed, 06 Mar 2019 11:00:00 +0900");
    write_feed("www/news.xml");
    article("www/a.html", "Drills go ahead");
    article("www/b.html", "Troops gather");
    char *out, *log;

    /* round one: the feed, then each article page; the 404 is reported */
    assert_int_equal(watch_once(&out, "news.xml"), 0);
    assert_non_null(strstr(out, "/gone.html: HTTP 404; skipped"));
    assert_non_null(strstr(out, "pages 2 fetched, 1 failed"));
    free(out);
    log = take_log();
    assert_non_null(strstr(log, "GET /news.xml inm= ims=\n"));
    assert_int_equal(count(log, "GET /a.html"), 1);
    assert_int_equal(count(log, "GET /b.html"), 1);
    assert_int_equal(count(log, "GET /gone.html"), 1);
    free(log);
    assert_int_equal(run_capturef(&out, BIN " articles --all --db %s/w.db --json", dir), 0);
    char want[128];
    snprintf(want, sizeof want, "\"id\":\"http://127.0.0.1:%d/a.html\"", port);
    assert_non_null(strstr(out, want));
    assert_non_null(strstr(out, "\"published\":\"2019-03-05\""));   /* the item's date */
    assert_non_null(strstr(out, "\"published\":\"2019-03-06\""));
    assert_non_null(strstr(out, "joint drills"));
    assert_non_null(strstr(out, "\"feed\":\"http://127.0.0.1:"));
    free(out);

    /* round two, a new process: If-None-Match from the database, 304, nothing else */
    assert_int_equal(watch_once(&out, "news.xml"), 0);
    assert_non_null(strstr(out, "1 unchanged"));
    free(out);
    log = take_log();
    assert_int_equal(count(log, "GET "), 1);
    assert_non_null(strstr(log, "GET /news.xml inm=\""));
    free(log);

    /* a new item: the feed changed, only the new article is fetched */
    feed_item("c.html", "Talks resume", "Thu, 07 Mar 2019 08:00:00 +0900");
    write_feed("www/news.xml");
    article("www/c.html", "Talks resume");
    assert_int_equal(watch_once(&out, "news.xml"), 0);
    assert_non_null(strstr(out, "pages 1 fetched, 0 failed"));
    free(out);
    log = take_log();
    assert_int_equal(count(log, "GET "), 2);
    assert_int_equal(count(log, "GET /c.html"), 1);
    free(log);
    assert_int_equal(run_capturef(&out, BIN " articles --all --db %s/w.db --json", dir), 0);
    assert_int_equal(count(out, "\"id\":"), 3);
    free(out);
}

/* A relative link is taken against the feed's URL; an item without a link
 * but with content and a guid is itself the article. */
static void relative_links_and_items_without_links(void **st)
{
    (void)st;
    article("www/rel.html", "Envoys meet");
    char p[2048];
    snprintf(p, sizeof p,
             "<rss><channel><title>Relative News</title>"
             "<item><title>Envoys meet</title><link>rel.html</link></item>"
             "<item><title>Inline</title><guid>inline-1</guid><description><![CDATA[%s]]></description></item>"
             "</channel></rss>", para);
    put("www/rel.xml", p);
    free(take_log());
    char *out, *log;
    assert_int_equal(watch_once(&out, "rel.xml"), 0);
    free(out);
    log = take_log();
    assert_int_equal(count(log, "GET /rel.html"), 1);
    free(log);
    assert_int_equal(run_capturef(&out, BIN " articles --all --db %s/w.db --json", dir), 0);
    assert_non_null(strstr(out, "\"id\":\"inline-1\""));
    assert_non_null(strstr(out, "\"source\":\"Relative News\""));
    free(out);
}

static void last_modified_alone_is_used_too(void **st)
{
    (void)st;
    feed_xml[0] = '\0';
    feed_item("a.html", "Drills go ahead", "Tue, 05 Mar 2019 09:00:00 +0900");
    write_feed("www/news-lm.xml");
    free(take_log());
    char *out, *log;
    assert_int_equal(watch_once(&out, "news-lm.xml"), 0);
    free(out);
    log = take_log();
    assert_int_equal(count(log, "GET /a.html"), 0);   /* fetched before, from the other feed */
    free(log);
    assert_int_equal(watch_once(&out, "news-lm.xml"), 0);
    assert_non_null(strstr(out, "1 unchanged"));
    free(out);
    log = take_log();
    assert_non_null(strstr(log, "GET /news-lm.xml inm= ims="));
    assert_null(strstr(log, "ims=\n"));
    free(log);
}

static void failures_are_reported_and_the_round_goes_on(void **st)
{
    (void)st;
    char *out;
    /* a missing feed, a feed that is not one, and a port nobody listens on */
    put("www/page.xml", "<html><body>not a feed</body></html>");
    assert_int_equal(run_capturef(&out, BIN " watch --db %s/w.db --once --timeout 5 http://127.0.0.1:%d/none.xml "
                               "http://127.0.0.1:%d/page.xml http://127.0.0.1:1/x.xml 2>&1", dir, port, port), 0);
    assert_non_null(strstr(out, "/none.xml: HTTP 404"));
    assert_non_null(strstr(out, "/page.xml: not a feed"));
    assert_non_null(strstr(out, "127.0.0.1:1/x.xml: "));
    assert_non_null(strstr(out, "3 failed"));
    free(out);
    assert_int_equal(run_capturef(&out, BIN " watch --db %s/w.db --every x http://a/ 2>&1", dir), 1);
    assert_non_null(strstr(out, "--every needs a number"));
    free(out);
    assert_int_equal(run_capturef(&out, BIN " watch --db %s/w.db --once 2>&1", dir), 1);
    assert_non_null(strstr(out, "no FEED_URL given"));
    free(out);
    assert_int_equal(run_capturef(&out, BIN " watch --help"), 0);
    assert_non_null(strstr(out, "usage: storyline watch"));
    free(out);
}

/* A page larger than --max-page is reported and not asked for again: it
 * would be as large the next time. */
static void a_page_over_the_limit_is_skipped_for_good(void **st)
{
    (void)st;
    char big[8192];
    size_t n = (size_t)snprintf(big, sizeof big, "<!DOCTYPE html><html><head><title>Big</title></head><body>");
    while (n + sizeof para + 32 < sizeof big) n += (size_t)snprintf(big + n, sizeof big - n, "%s", para);
    snprintf(big + n, sizeof big - n, "</body></html>");
    put("www/big.html", big);
    article("www/small.html", "Small page");
    feed_xml[0] = '\0';
    feed_item("big.html", "Big page", "Fri, 08 Mar 2019 08:00:00 +0900");
    feed_item("small.html", "Small page", "Fri, 08 Mar 2019 09:00:00 +0900");
    write_feed("www/limits.xml");
    free(take_log());
    char *out, *log;
    assert_int_equal(run_capturef(&out, BIN " watch --db %s/w.db --once --max-page 4K --timeout 10 "
                                        "http://127.0.0.1:%d/limits.xml 2>&1", dir, port), 0);
    char want[256];
    snprintf(want, sizeof want, "storyline: http://127.0.0.1:%d/big.html: response larger than the page limit of "
                                "4 KiB (--max-page); skipped", port);
    if (!strstr(out, want)) fail_msg("expected \"%s\" in:\n%s", want, out);
    assert_non_null(strstr(out, "pages 1 fetched, 1 failed"));
    free(out);
    feed_item("c.html", "Talks resume", "Thu, 07 Mar 2019 08:00:00 +0900");   /* the feed changes */
    write_feed("www/limits.xml");
    free(take_log());
    assert_int_equal(run_capturef(&out, BIN " watch --db %s/w.db --once --max-page 4K --timeout 10 "
                                        "http://127.0.0.1:%d/limits.xml 2>&1", dir, port), 0);
    free(out);
    log = take_log();
    assert_int_equal(count(log, "GET /big.html"), 0);
    free(log);
    assert_int_equal(run_capturef(&out, BIN " watch --db %s/w.db --once --max-page 1 http://a/ 2>&1", dir), 1);
    assert_non_null(strstr(out, "storyline watch: --max-page needs a size from 1K to 1G"));
    free(out);
}

static void a_signal_ends_watching_with_status_0(void **st)
{
    (void)st;
    char db[128], url[128];
    snprintf(db, sizeof db, "%s/w.db", dir);
    snprintf(url, sizeof url, "http://127.0.0.1:%d/news.xml", port);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        freopen("/dev/null", "w", stderr);
        execl(BIN, BIN, "watch", "--db", db, "--every", "60", url, (char *)NULL);
        _exit(127);
    }
    free(take_log());
    for (int i = 0; i < 100; i++) {   /* wait for the first round to ask the server */
        char p[128];
        snprintf(p, sizeof p, "%s/log", dir);
        if (access(p, F_OK) == 0) break;
        usleep(50000);
    }
    usleep(200000);   /* the round is done, the pause has begun */
    kill(pid, SIGTERM);
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
}

/* Between rounds watch lets go of the database: an ingest started then
 * does not wait, and the next round builds on what it stored (ids go on
 * from the file, not from what watch loaded before). */
static void an_ingest_between_rounds_does_not_wait_and_is_built_on(void **st)
{
    (void)st;
    feed_xml[0] = '\0';
    feed_item("r1.html", "Drills go ahead", "Tue, 05 Mar 2019 09:00:00 +0900");
    write_feed("www/rounds.xml");
    article("www/r1.html", "Drills go ahead");
    char db[128];
    snprintf(db, sizeof db, "%s/between.db", dir);
    /* rounds 3 s apart; the second finds a new item */
    assert_int_equal(run_capturef(NULL, "(" BIN " watch --db %s --every 0.05 --rounds 2 http://127.0.0.1:%d/rounds.xml"
                                  " > %s.log 2>&1; echo $? > %s.done) >/dev/null 2>&1 &", db, port, db, db), 0);
    char *out = NULL;
    for (int i = 0; i < 500; i++) {   /* the first round stored its article */
        free(out);
        run_capturef(&out, BIN " articles --db %s 2>/dev/null", db);
        if (*out) break;
        usleep(10000);
    }
    assert_true(*out);
    free(out);
    char *msg;
    assert_int_equal(run_capturef(&msg, BIN " ingest --no-wait --db %s --manifest %s/seeds/published.tsv %s/seeds 2>&1",
                                  db, shared_dir(), shared_dir()), 0);
    free(msg);
    /* another subject: a new event and storyline, whose ids must follow the ingest's */
    feed_item("r2.html", "Museum fire in Lyon", "Wed, 06 Mar 2019 10:00:00 +0900");
    write_feed("www/rounds.xml");
    put("www/r2.html", "<html><head><title>Museum fire in Lyon</title></head><body><h1>Museum fire in Lyon</h1>"
        "<p>A fire broke out overnight in the fine arts museum of Lyon, the city's mayor said on Wednesday, and "
        "firefighters saved most of the paintings.</p><p>The museum will stay closed for a month while experts "
        "assess the damage to its roof and its collection of tapestries.</p></body></html>");
    char done[160];
    snprintf(done, sizeof done, "%s.done", db);
    assert_int_equal(background_status(done, 10), 0);
    assert_int_equal(value_of(db, "SELECT count(*) FROM articles"), 7);
    assert_consistent(db);
    free(take_log());
}

/* A feed of n generated articles on a few subjects, each page its own. */
static void big_feed(const char *name, int n)
{
    static const char *const topics[] = {"harbour strike", "river flood", "budget vote", "airport fire",
                                         "school closure", "railway merger", "hospital fraud"};
    char p[256];
    snprintf(p, sizeof p, "%s/www/%s", dir, name);
    FILE *f = fopen(p, "wb");
    fputs("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Big</title>", f);
    for (int i = 0; i < n; i++) {
        const char *topic = topics[i % 7];
        char title[128], page[64], body[1024];
        snprintf(title, sizeof title, "The %s in district %d, day %d", topic, i % 13, i / 7);
        snprintf(page, sizeof page, "www/big/%04d.html", i);
        snprintf(body, sizeof body, "<html><head><title>%s</title></head><body><h1>%s</h1><p>Officials said the %s "
                 "in district %d went on for a %s day, and council member %s asked for a hearing.</p><p>The %s had "
                 "begun weeks earlier, residents said.</p></body></html>", title, title, topic, i % 13,
                 i % 2 ? "second" : "third", i % 3 ? "Ana Ruiz" : "Tom Berg", topic);
        put(page, body);
        fprintf(f, "<item><title>%s</title><link>http://127.0.0.1:%d/big/%04d.html</link>"
                   "<pubDate>%s, %02d Mar 2021 09:00:00 +0000</pubDate></item>", title, port, i,
                i % 2 ? "Mon" : "Tue", 1 + i / 50);
    }
    fputs("</channel></rss>", f);
    fclose(f);
}

/* SIGKILL at random moments of a round, round after round, then a round
 * to the end: every article stored once, the file whole, and the state
 * that of a run never killed. */
static void watch_killed_at_random_moments_ends_as_an_uninterrupted_run(void **st)
{
    (void)st;
    char p[128];
    snprintf(p, sizeof p, "%s/www/big", dir);
    mkdir(p, 0700);
    big_feed("big.xml", 1300);
    char ref[128], killed[128];
    snprintf(ref, sizeof ref, "%s/ref.db", dir);
    snprintf(killed, sizeof killed, "%s/kw.db", dir);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    assert_int_equal(run_capturef(NULL, BIN " watch --db %s --once http://127.0.0.1:%d/big.xml >/dev/null 2>&1", ref,
                                  port), 0);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    /* kills fall anywhere within the time one whole round takes */
    int span = (int)((t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000) + 1;
    assert_int_equal(value_of(ref, "SELECT count(*) FROM articles"), 1300);
    char *want = state_of(ref);
    unsigned seed = (unsigned)time(NULL) ^ (unsigned)getpid();
    srand(seed);
    char moments[256] = "";
    size_t k = 0;
    int midway = 0;
    for (int round = 0; round < 6; round++) {
        int ms = 10 + rand() % span;
        if (round) k += (size_t)snprintf(moments + k, sizeof moments - k, ",%d", ms);
        else k += (size_t)snprintf(moments + k, sizeof moments - k, "first batch");
        /* the first kill waits for the round's first committed batch */
        if (round == 0)
            assert_int_equal(run_capturef(NULL, "(" BIN " watch --db %s --once http://127.0.0.1:%d/big.xml >/dev/null 2>&1 &"
                                          " pid=$!; while [ -z \"$(" BIN " articles --limit 1 --db %s 2>/dev/null)\" ];"
                                          " do sleep 0.005; done; kill -9 $pid; wait $pid) 2>/dev/null; exit 0", killed,
                                          port, killed), 0);
        else
            assert_int_equal(run_capturef(NULL, "(" BIN " watch --db %s --once http://127.0.0.1:%d/big.xml >/dev/null 2>&1 &"
                                          " pid=$!; sleep %d.%03d; kill -9 $pid; wait $pid) 2>/dev/null; exit 0", killed,
                                          port, ms / 1000, ms % 1000), 0);
        if (access(killed, F_OK) != 0 || !value_of(killed, "SELECT count(*) FROM sqlite_master WHERE name = 'articles'"))
            continue;   /* killed before the schema was committed */
        long long n = value_of(killed, "SELECT count(*) FROM articles");
        midway += n > 0 && n < 1300;
    }
    char *last;
    assert_int_equal(run_capturef(&last, BIN " watch --db %s --once http://127.0.0.1:%d/big.xml 2>&1", killed, port), 0);
    assert_consistent(killed);
    long long stored = value_of(killed, "SELECT count(DISTINCT id) FROM articles");
    if (stored != 1300)
        fail_msg("kills after %s ms (seed %u): %lld articles stored; the last round said:\n%.3000s", moments, seed, stored, last);
    free(last);
    assert_int_equal(value_of(killed, "SELECT count(*) FROM articles"), 1300);
    long long seen = value_of(killed, "SELECT count(*) FROM seen WHERE status = 200");
    if (seen != 1300)
        fail_msg("kills after %s ms (seed %u): %lld article URLs marked fetched, of %lld seen rows; feeds: %lld", moments,
                 seed, seen, value_of(killed, "SELECT count(*) FROM seen"), value_of(killed, "SELECT count(*) FROM feeds"));
    char *got = state_of(killed);
    char what[400];
    snprintf(what, sizeof what, "kills after %s ms (seed %u, %d midway)", moments, seed, midway);
    assert_same_state(want, got, what);
    if (!midway) fail_msg("no kill (after %s ms of a %d ms round) caught a round with some batches stored", moments, span);
    free(want);
    free(got);
    free(take_log());
}

static int setup(void **st)
{
    (void)st;
    if (tmpdir_make(dir, "/tmp/sl-watch-XXXXXX")) return -1;
    char p[128];
    snprintf(p, sizeof p, "%s/www", dir);
    mkdir(p, 0700);
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t len = sizeof a;
    if (s < 0 || bind(s, (struct sockaddr *)&a, sizeof a) || listen(s, 16) ||
        getsockname(s, (struct sockaddr *)&a, &len))
        return -1;
    port = ntohs(a.sin_port);
    server = fork();
    if (server == 0) {
        signal(SIGPIPE, SIG_IGN);   /* a client killed mid-answer must not take the server with it */
        serve(s);
    }
    close(s);
    return server > 0 ? 0 : -1;
}

static int teardown(void **st)
{
    (void)st;
    kill(server, SIGKILL);
    waitpid(server, NULL, 0);
    return tmpdir_remove(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rounds_fetch_new_articles_once_and_ask_conditionally),
        cmocka_unit_test(relative_links_and_items_without_links),
        cmocka_unit_test(last_modified_alone_is_used_too),
        cmocka_unit_test(failures_are_reported_and_the_round_goes_on),
        cmocka_unit_test(a_page_over_the_limit_is_skipped_for_good),
        cmocka_unit_test(a_signal_ends_watching_with_status_0),
        cmocka_unit_test(an_ingest_between_rounds_does_not_wait_and_is_built_on),
        cmocka_unit_test(watch_killed_at_random_moments_ends_as_an_uninterrupted_run),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
