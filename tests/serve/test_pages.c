/* test_pages.c: the web page and the Atom feeds of 'storyline serve' over
 * the bundled examples, and 'storyline report': every storyline is listed
 * and linked; a story page has its time axis, events, actors, quotes,
 * timeline and articles; an article page its copies and what they changed;
 * actor and search pages; feeds are Atom; text from articles is escaped. */
#include "server.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

static size_t count(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle)) n++;
    return n;
}

static bool is_html(const answer *a)
{
    char *t = header_of(a, "Content-Type");
    bool ok = t && !strncmp(t, "text/html", 9) && !strncmp(a->body, "<!doctype html>", 15);
    free(t);
    return ok;
}

static answer page(const char *path, long status)
{
    answer a = get(path);
    if (a.status != status) fail_msg("%s: %ld, wanted %ld", path, a.status, status);
    assert_true(is_html(&a));
    return a;
}

static void the_index_links_every_storyline(void **state)
{
    (void)state;
    answer api = get("/api/storylines?limit=1000"), a = page("/", 200);
    size_t i;
    json_t *r;
    json_array_foreach(json_object_get(api.json, "storylines"), i, r) {
        char href[64];
        snprintf(href, sizeof href, "href=\"/stories/%s\"", json_string_value(json_object_get(r, "id")));
        assert_non_null(strstr(a.body, href));
    }
    assert_non_null(strstr(a.body, "action=\"/search\""));
    assert_non_null(strstr(a.body, "href=\"/assets/style.css\""));
    answer_free(&api);
    answer_free(&a);
}

static void a_story_page_has_all_its_parts(void **state)
{
    (void)state;
    answer api = get("/api/storylines?limit=1000");
    size_t i, k;
    json_t *r, *x;
    json_array_foreach(json_object_get(api.json, "storylines"), i, r) {
        const char *id = json_string_value(json_object_get(r, "id"));
        char path[64], href[300];
        snprintf(path, sizeof path, "/api/stories/%s", id);
        answer js = get(path);
        snprintf(path, sizeof path, "/stories/%s", id);
        answer a = page(path, 200);
        /* the time axis: one bar per day with articles at most, bands of events */
        assert_non_null(strstr(a.body, "<svg class=\"axis\""));
        assert_true(count(a.body, "class=\"bar\"") >= 1);
        assert_true(count(a.body, "class=\"band") >= json_array_size(json_object_get(js.json, "events")));
        json_array_foreach(json_object_get(js.json, "events"), k, x) {
            snprintf(href, sizeof href, "href=\"/stories/%s\"", json_string_value(x));
            assert_non_null(strstr(a.body, href));
        }
        json_array_foreach(json_object_get(js.json, "articles"), k, x) {
            snprintf(href, sizeof href, "href=\"/articles/%s\"", json_string_value(x));
            assert_non_null(strstr(a.body, href));
        }
        assert_non_null(strstr(a.body, "<h2 id=\"summary\">"));
        assert_non_null(strstr(a.body, "<h2 id=\"actors\">"));
        assert_non_null(strstr(a.body, "<h2 id=\"timeline\">"));
        assert_non_null(strstr(a.body, "<h2 id=\"articles\">"));
        if (json_array_size(json_object_get(js.json, "quotes"))) assert_non_null(strstr(a.body, "<h2 id=\"quotes\">"));
        assert_true(count(a.body, "href=\"/actors/") >= 3);
        answer_free(&a);
        answer_free(&js);
    }
    answer_free(&api);
}

static void an_article_page_shows_its_copies(void **state)
{
    (void)state;
    answer api = get("/api/articles/c1-tidewater-night-cuts");
    assert_int_equal(api.status, 200);
    const char *orig = json_string_value(json_object_get(json_object_get(api.json, "original"), "id"));
    assert_non_null(orig);
    answer a = page("/articles/c1-tidewater-night-cuts", 200);
    char href[128];
    snprintf(href, sizeof href, "A copy of <a href=\"/articles/%s\">", orig);
    assert_non_null(strstr(a.body, href));
    assert_non_null(strstr(a.body, "<h2 id=\"copies\">"));
    assert_int_equal(count(a.body, "<strong>(first)</strong>"), 1);
    assert_non_null(strstr(a.body, "the original"));
    /* beside the text, what extraction removed from the page: the outlet's menu */
    const char *removed = strstr(a.body, "<details class=\"removed\"");
    assert_non_null(removed);
    assert_non_null(strstr(removed, "<li>Newswire | Regions"));
    const char *text = strstr(a.body, "<div class=\"text\">"), *menu = strstr(text, "Newswire | Regions");
    assert_true(menu > removed);   /* only in the removed lines, not in the text */
    answer_free(&a);
    answer_free(&api);
    a = page("/articles/no-such-article", 404);
    answer_free(&a);
}

static void actor_and_search_pages(void **state)
{
    (void)state;
    answer a = page("/actors/piet%20molnar", 200);
    assert_non_null(strstr(a.body, "<h1>Piet Molnar</h1>"));
    assert_non_null(strstr(a.body, "href=\"/stories/s"));
    assert_non_null(strstr(a.body, "<blockquote>"));
    answer_free(&a);
    a = page("/actors/nobody%20at%20all", 404);
    answer_free(&a);
    a = page("/search?q=water", 200);
    assert_true(count(a.body, "<mark>") >= 1);
    assert_non_null(strstr(a.body, "href=\"/search/feed.atom?q=water\""));
    answer_free(&a);
    /* a common word fills more than a page: a link to the next */
    a = page("/search?q=the", 200);
    assert_int_equal(count(a.body, "<li><span class=\"story-title\">"), 20);
    const char *more = strstr(a.body, "href=\"/search?q=the&amp;cursor=20\"");
    assert_non_null(more);
    answer b = page("/search?q=the&cursor=20", 200);
    assert_true(count(b.body, "<li><span class=\"story-title\">") >= 1);
    answer_free(&b);
    answer_free(&a);
    a = page("/search?q=%22open", 200);   /* a search FTS5 cannot read is told, not failed */
    assert_non_null(strstr(a.body, "cannot be read"));
    answer_free(&a);
}

/* A feed is Atom: XML whose root is feed, with an entry per event (of a
 * storyline), per storyline (of an actor) or per matching article. */
static int atom_entries(const char *path)
{
    answer a = get(path);
    if (a.status != 200) fail_msg("%s: %ld", path, a.status);
    char *t = header_of(&a, "Content-Type");
    assert_non_null(strstr(t, "application/atom+xml"));
    free(t);
    xmlDocPtr doc = xmlReadMemory(a.body, (int)a.len, "feed.atom", NULL, XML_PARSE_NONET | XML_PARSE_NOERROR);
    assert_non_null(doc);
    xmlNodePtr root = xmlDocGetRootElement(doc);
    assert_string_equal((const char *)root->name, "feed");
    assert_string_equal((const char *)root->ns->href, "http://www.w3.org/2005/Atom");
    int n = 0;
    bool updated = false;
    for (xmlNodePtr c = root->children; c; c = c->next) {
        n += c->type == XML_ELEMENT_NODE && !strcmp((const char *)c->name, "entry");
        updated |= c->type == XML_ELEMENT_NODE && !strcmp((const char *)c->name, "updated");
    }
    assert_true(updated);
    xmlFreeDoc(doc);
    answer_free(&a);
    return n;
}

static void feeds_are_atom(void **state)
{
    (void)state;
    answer s = get("/api/stories/s1");
    assert_int_equal(atom_entries("/stories/s1/feed.atom"), (int)json_array_size(json_object_get(s.json, "events")));
    const char *ev = json_string_value(json_array_get(json_object_get(s.json, "events"), 0));
    char path[64];
    snprintf(path, sizeof path, "/stories/%s/feed.atom", ev);
    assert_true(atom_entries(path) >= 1);
    answer_free(&s);
    assert_true(atom_entries("/actors/piet%20molnar/feed.atom") >= 1);
    assert_true(atom_entries("/search/feed.atom?q=water") >= 2);
    answer a = page("/search/feed.atom", 400);
    answer_free(&a);
    /* a feed's links name the host it was asked from, also when the same
     * feed was asked from another just before */
    answer x = call("GET", "/stories/s1/feed.atom", "Host: news.example.org", NULL, 0);
    answer y = get("/stories/s1/feed.atom");
    assert_non_null(strstr(x.body, "<link href=\"http://news.example.org/stories/s1\"/>"));
    assert_null(strstr(y.body, "news.example.org"));
    assert_non_null(strstr(y.body, "http://127.0.0.1:"));
    answer_free(&x);
    answer_free(&y);
}

/* Text from articles never becomes markup: a title and a text with tags. */
static void article_text_is_escaped(void **state)
{
    (void)state;
    answer a = post("Authorization: Bearer " TOKEN,
                    "{\"id\":\"t-tags\",\"title\":\"<script>alert('x')</script> & <b>bold</b>\","
                    "\"published\":\"2025-01-02\",\"text\":\"The <img src=x onerror=alert(1)> reservoir of Orvano "
                    "was at \\\"21 per cent\\\" & falling, the water board said on Thursday.\"}");
    assert_int_equal(a.status, 200);
    answer_free(&a);
    a = page("/articles/t-tags", 200);
    assert_null(strstr(a.body, "<script>"));
    assert_null(strstr(a.body, "<img"));
    assert_null(strstr(a.body, "<b>bold"));
    assert_non_null(strstr(a.body, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;"));
    answer_free(&a);
    a = page("/search?q=reservoir", 200);
    assert_null(strstr(a.body, "<img"));
    answer_free(&a);
}

static void other_paths_and_methods(void **state)
{
    (void)state;
    answer a = get("/assets/style.css");
    assert_int_equal(a.status, 200);
    char *t = header_of(&a, "Content-Type");
    assert_non_null(strstr(t, "text/css"));
    free(t);
    answer_free(&a);
    const char *missing[] = {"/nope", "/stories/", "/stories/s9999", "/stories/s1/extra", "/etc/passwd", "/articles/"};
    for (size_t i = 0; i < sizeof missing / sizeof *missing; i++) {
        a = page(missing[i], 404);
        answer_free(&a);
    }
    a = call("POST", "/stories/s1", NULL, "x", 1);
    assert_int_equal(a.status, 405);
    answer_free(&a);
}

static void a_report_is_one_file(void **state)
{
    (void)state;
    char *out;
    assert_int_equal(run_capturef(&out, "%s report --db %s s1", BIN, db), 0);
    assert_true(!strncmp(out, "<!doctype html>", 15));
    assert_non_null(strstr(out, "<style>"));
    assert_non_null(strstr(out, "<svg class=\"axis\""));
    assert_null(strstr(out, "href=\"/"));   /* nothing that needs the server */
    assert_null(strstr(out, "stylesheet"));
    free(out);
    assert_int_equal(run_capturef(&out, "%s report --db %s --format md s1", BIN, db), 0);
    assert_true(!strncmp(out, "# ", 2));
    assert_non_null(strstr(out, "\n## Events\n"));
    assert_non_null(strstr(out, "\n## Articles\n"));
    free(out);
    assert_int_equal(run_capturef(&out, "%s report --db %s s9999 2>&1", BIN, db), 2);
    assert_non_null(strstr(out, "s9999"));
    free(out);
    assert_int_equal(run_capturef(&out, "%s report --db %s --format pdf s1 2>&1", BIN, db), 1);
    free(out);
}

/* serve --watch: a second server polls this one's Atom feed of an event
 * and stores the article pages it links, between the POSTs it also takes;
 * SIGTERM stops both the polling and the server. The second server is
 * stopped before anything is checked, so that no failure leaves it
 * running. */
static void a_watching_server_stores_what_feeds_bring(void **state)
{
    (void)state;
    char bdb[160], feeds[160], blog[160], seed[160];
    snprintf(bdb, sizeof bdb, "%s/b.db", dir);
    snprintf(feeds, sizeof feeds, "%s/feeds.txt", dir);
    snprintf(blog, sizeof blog, "%s/b.log", dir);
    snprintf(seed, sizeof seed, "%s/one.jsonl", dir);
    FILE *f = fopen(seed, "w");
    fprintf(f, "{\"id\":\"b-1\",\"published\":\"2024-01-05\",\"text\":\"A quiet day at the harbour of Kessick.\"}\n");
    fclose(f);
    assert_int_equal(run_capturef(NULL, "%s ingest --db %s %s 2>/dev/null", BIN, bdb, seed), 0);
    answer w = get("/api/articles/c1-tidewater-night-cuts");
    char event[32];
    snprintf(event, sizeof event, "%s", json_string_value(json_object_get(w.json, "event")));
    answer_free(&w);
    f = fopen(feeds, "w");
    fprintf(f, "# the examples' first water event\n\nhttp://127.0.0.1:%d/stories/%s/feed.atom\n", port, event);
    fclose(f);
    pid_t b = fork();
    if (b == 0) {
        FILE *l = freopen(blog, "w", stderr);
        l = freopen("/dev/null", "w", stdout);
        (void)l;
        execl(BIN, BIN, "serve", "--db", bdb, "--port", "0", "--watch", feeds, "--every", "0.01", (char *)NULL);
        _exit(127);
    }
    int a_port = port, b_port = port_in_log(blog);
    /* the pages of the feed arrive in b's database */
    size_t hits = 0;
    long posted = 0;
    if (b_port) {
        port = b_port;
        for (int i = 0; i < 300 && hits < 2; i++) {
            answer a = get("/api/search?q=reservoirs");
            hits = json_array_size(json_object_get(a.json, "hits"));
            answer_free(&a);
            if (hits < 2) usleep(100000);
        }
        answer a = post(NULL, "{\"id\":\"b-2\",\"text\":\"The Kessick harbour reopened on Monday.\"}");
        posted = a.status;
        answer_free(&a);
        port = a_port;
    }
    kill(b, SIGTERM);
    int st = 0;
    for (int i = 0; i < 2000 && waitpid(b, &st, WNOHANG) == 0; i++) usleep(10000);
    if (!WIFEXITED(st)) { kill(b, SIGKILL); waitpid(b, NULL, 0); }
    assert_true(b_port > 0);
    assert_true(hits >= 2);
    assert_int_equal(posted, 200);
    assert_true(WIFEXITED(st));
    assert_int_equal(WEXITSTATUS(st), 0);
    char *log = slurp(blog, NULL);
    assert_non_null(strstr(log, "watching feeds"));
    assert_non_null(strstr(log, "watch round: feeds 1 changed"));
    assert_non_null(strstr(log, "\"POST /api/articles HTTP/1.1\" 200"));
    free(log);
    /* and the feeds were asked for by the watcher, on a's log */
    log = slurp(logf, NULL);
    char line[96];
    snprintf(line, sizeof line, "\"GET /stories/%s/feed.atom HTTP/1.1\" 200", event);
    assert_non_null(strstr(log, line));
    assert_non_null(strstr(log, "\"GET /articles/"));
    free(log);
    assert_int_equal(run_capturef(NULL, "%s serve --db %s --every 5 2>/dev/null", BIN, bdb), 1);
    assert_int_equal(run_capturef(NULL, "%s serve --db %s --watch %s/none.txt 2>/dev/null", BIN, bdb, dir), 2);
}

int main(int argc, char **argv)
{
    (void)argc;
    find_binary(argv[0]);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_index_links_every_storyline),
        cmocka_unit_test(a_story_page_has_all_its_parts),
        cmocka_unit_test(an_article_page_shows_its_copies),
        cmocka_unit_test(actor_and_search_pages),
        cmocka_unit_test(feeds_are_atom),
        cmocka_unit_test(article_text_is_escaped),
        cmocka_unit_test(other_paths_and_methods),
        cmocka_unit_test(a_report_is_one_file),
        cmocka_unit_test(a_watching_server_stores_what_feeds_bring),
    };
    return cmocka_run_group_tests(tests, start, stop);
}
