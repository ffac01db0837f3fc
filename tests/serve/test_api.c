/* test_api.c: 'storyline serve' on a free port of 127.0.0.1, over a database
 * of the bundled examples, called over HTTP (libcurl) with good and bad
 * requests: every endpoint, paging, ETags, the token, malformed and
 * oversized bodies, unknown ids and paths, path traversal; a POSTed
 * article shows up in its story; what another process ingests shows up
 * too; SIGTERM ends the server with 0 and an access log without the token. */
#include "server.h"

/* ---- the tests ---- */

/* ids of a page's rows (key "storylines" or "events") appended to all */
static const char *walk_page(const char *path, const char *key, json_t *all)
{
    static char next[64];
    answer a = get(path);
    assert_int_equal(a.status, 200);
    json_t *rows = json_object_get(a.json, key);
    assert_true(json_is_array(rows));
    size_t i;
    json_t *r;
    json_array_foreach(rows, i, r) json_array_append(all, json_object_get(r, "id"));
    json_t *n = json_object_get(a.json, "next");
    const char *s = json_string_value(n);
    snprintf(next, sizeof next, "%s", s ? s : "");
    answer_free(&a);
    return next[0] ? next : NULL;
}

static void pages_cover(const char *what, int limit)
{
    char path[256];
    json_t *whole = json_array(), *paged = json_array();
    snprintf(path, sizeof path, "/api/%s?limit=1000", what);
    assert_null(walk_page(path, what, whole));
    assert_true(json_array_size(whole) >= 3);
    const char *cur = NULL;
    int pages = 0;
    do {
        if (cur) snprintf(path, sizeof path, "/api/%s?limit=%d&cursor=%s", what, limit, cur);
        else snprintf(path, sizeof path, "/api/%s?limit=%d", what, limit);
        cur = walk_page(path, what, paged);
        pages++;
        assert_true(pages < 100);
    } while (cur);
    /* the same rows in the same order, none twice, and no empty last page */
    assert_true(json_equal(whole, paged));
    assert_int_equal(pages, (json_array_size(whole) + (size_t)limit - 1) / (size_t)limit);
    json_decref(whole);
    json_decref(paged);
}

static void lists_page_through_every_story_once(void **state)
{
    (void)state;
    pages_cover("events", 2);
    pages_cover("events", 1);
    pages_cover("storylines", 1);
    /* newest first: each event's last day is no later than the one before */
    answer a = get("/api/events?limit=1000");
    size_t i;
    json_t *r;
    const char *prev = NULL;
    json_array_foreach(json_object_get(a.json, "events"), i, r) {
        const char *last = json_string_value(json_object_get(r, "last"));
        assert_non_null(json_string_value(json_object_get(r, "storyline")));
        if (prev && last) assert_true(strcmp(last, prev) <= 0);
        if (last) prev = last;
    }
    answer_free(&a);
}

static void dates_bound_the_pages(void **state)
{
    (void)state;
    answer all = get("/api/events?limit=1000"), since = get("/api/events?since=2025-01-01"),
           until = get("/api/events?until=2024-01-01&limit=1000");
    size_t i, n_since = 0, n_until = 0;
    json_t *r;
    json_array_foreach(json_object_get(all.json, "events"), i, r) {
        const char *first = json_string_value(json_object_get(r, "first"));
        const char *last = json_string_value(json_object_get(r, "last"));
        n_since += last && strcmp(last, "2025-01-01") >= 0;
        n_until += first && strcmp(first, "2024-01-01") <= 0;
    }
    assert_true(n_since > 0 && n_until > 0);
    assert_int_equal(json_array_size(json_object_get(since.json, "events")), n_since);
    assert_int_equal(json_array_size(json_object_get(until.json, "events")), n_until);
    json_array_foreach(json_object_get(since.json, "events"), i, r)
        assert_true(strcmp(json_string_value(json_object_get(r, "last")), "2025-01-01") >= 0);
    answer_free(&all);
    answer_free(&since);
    answer_free(&until);
}

static void bad_arguments_get_a_json_400(void **state)
{
    (void)state;
    const char *paths[] = {
        "/api/events?limit=0", "/api/events?limit=abc", "/api/storylines?limit=1001", "/api/events?cursor=zz",
        "/api/events?cursor=12", "/api/storylines?since=2025-13-01", "/api/events?until=yesterday",
        "/api/search", "/api/search?q=", "/api/search?q=%22unbalanced", "/api/search?q=water&cursor=-4",
        "/api/timeline", "/api/stories/s1/timeline?dates=0",
    };
    for (size_t i = 0; i < sizeof paths / sizeof *paths; i++) {
        answer a = get(paths[i]);
        if (a.status != 400) fail_msg("%s: %ld %s", paths[i], a.status, a.body);
        assert_error(&a, 400);
        answer_free(&a);
    }
}

static void stories_and_timelines_are_the_cli_objects(void **state)
{
    (void)state;
    answer list = get("/api/storylines?limit=1000");
    size_t i;
    json_t *r;
    json_array_foreach(json_object_get(list.json, "storylines"), i, r) {
        const char *id = json_string_value(json_object_get(r, "id"));
        char path[128], args[128];
        snprintf(path, sizeof path, "/api/stories/%s", id);
        snprintf(args, sizeof args, "show %s", id);
        answer a = get(path);
        json_t *cli = cli_json(args);
        assert_int_equal(a.status, 200);
        assert_true(json_equal(a.json, cli));
        json_decref(cli);
        answer_free(&a);
        snprintf(path, sizeof path, "/api/storylines/%s", id);
        a = get(path);
        assert_int_equal(a.status, 200);
        answer_free(&a);
        snprintf(path, sizeof path, "/api/stories/%s/timeline", id);
        snprintf(args, sizeof args, "timeline %s", id);
        a = get(path);
        cli = cli_json(args);
        assert_int_equal(a.status, 200);
        assert_true(json_array_size(json_object_get(a.json, "timeline")) > 0);
        assert_true(json_equal(a.json, cli));
        json_decref(cli);
        answer_free(&a);
    }
    answer_free(&list);
    /* an event under its own path, not under the storylines' */
    answer ev = get("/api/events?limit=1");
    const char *eid = json_string_value(json_object_get(json_array_get(json_object_get(ev.json, "events"), 0), "id"));
    char path[128];
    snprintf(path, sizeof path, "/api/events/%s", eid);
    answer a = get(path);
    assert_int_equal(a.status, 200);
    assert_string_equal(json_string_value(json_object_get(a.json, "kind")), "event");
    answer_free(&a);
    snprintf(path, sizeof path, "/api/storylines/%s", eid);
    a = get(path);
    assert_error(&a, 404);
    answer_free(&a);
    answer_free(&ev);
    const char *missing[] = {"/api/stories/s9999", "/api/stories/e0", "/api/stories/zz", "/api/articles/no-such-article",
                             "/api/stories/s9999/timeline", "/api/nothing", "/api/stories/s1/summary"};
    for (size_t k = 0; k < sizeof missing / sizeof *missing; k++) {
        a = get(missing[k]);
        if (a.status != 404) fail_msg("%s: %ld %s", missing[k], a.status, a.body);
        assert_error(&a, 404);
        answer_free(&a);
    }
}

static void an_article_shows_its_original_and_copies(void **state)
{
    (void)state;
    char *out;
    assert_int_equal(run_capturef(&out, "%s articles --db %s --json --all", BIN, db), 0);
    /* the first copy in the listing, and its original */
    json_t *copy = NULL;
    for (char *line = strtok(out, "\n"); line && !copy; line = strtok(NULL, "\n")) {
        json_t *j = json_loads(line, 0, NULL);
        if (json_string_value(json_object_get(j, "duplicate_of"))) copy = j;
        else json_decref(j);
    }
    free(out);
    assert_non_null(copy);
    const char *id = json_string_value(json_object_get(copy, "id"));
    const char *orig = json_string_value(json_object_get(copy, "duplicate_of"));
    char path[256];
    snprintf(path, sizeof path, "/api/articles/%s", id);
    answer a = get(path);
    assert_int_equal(a.status, 200);
    json_t *o = json_object_get(a.json, "original");
    assert_string_equal(json_string_value(json_object_get(o, "id")), orig);
    assert_string_equal(json_string_value(json_object_get(a.json, "text")),
                        json_string_value(json_object_get(copy, "text")));
    assert_true(json_string_length(json_object_get(a.json, "removed")) > 0);
    bool listed = false;
    size_t i;
    json_t *c;
    json_array_foreach(json_object_get(a.json, "copies"), i, c)
        listed |= !strcmp(json_string_value(json_object_get(c, "id")), id);
    assert_true(listed);
    answer_free(&a);
    /* the original lists the copy, and has no original */
    snprintf(path, sizeof path, "/api/articles/%s", orig);
    a = get(path);
    assert_int_equal(a.status, 200);
    assert_true(json_is_null(json_object_get(a.json, "original")));
    listed = false;
    json_array_foreach(json_object_get(a.json, "copies"), i, c)
        listed |= !strcmp(json_string_value(json_object_get(c, "id")), id);
    assert_true(listed);
    answer_free(&a);
    json_decref(copy);
}

static void search_ranks_marks_and_pages(void **state)
{
    (void)state;
    answer a = get("/api/search?q=water&limit=2");
    assert_int_equal(a.status, 200);
    json_t *hits = json_object_get(a.json, "hits");
    assert_int_equal(json_array_size(hits), 2);
    const char *next = json_string_value(json_object_get(a.json, "next"));
    assert_non_null(next);
    double s0 = json_real_value(json_object_get(json_array_get(hits, 0), "score"));
    double s1 = json_real_value(json_object_get(json_array_get(hits, 1), "score"));
    assert_true(s0 >= s1);
    const char *snip = json_string_value(json_object_get(json_array_get(hits, 0), "snippet_html"));
    assert_non_null(strstr(snip, "<mark>"));
    assert_non_null(strcasestr(snip, "<mark>water</mark>"));
    char path[128];
    snprintf(path, sizeof path, "/api/search?q=water&limit=2&cursor=%s", next);
    answer b = get(path);
    assert_int_equal(b.status, 200);
    const char *first2 = json_string_value(json_object_get(json_array_get(json_object_get(b.json, "hits"), 0), "id"));
    size_t i;
    json_t *h;
    json_array_foreach(hits, i, h) assert_string_not_equal(json_string_value(json_object_get(h, "id")), first2);
    answer_free(&b);
    answer_free(&a);
    /* a phrase; a word no article has */
    a = get("/api/search?q=%22water%20cuts%22");
    assert_int_equal(a.status, 200);
    assert_true(json_array_size(json_object_get(a.json, "hits")) > 0);
    answer_free(&a);
    a = get("/api/search?q=zyxwvutsrq");
    assert_int_equal(a.status, 200);
    assert_int_equal(json_array_size(json_object_get(a.json, "hits")), 0);
    assert_true(json_is_null(json_object_get(a.json, "next")));
    answer_free(&a);
    a = get("/api/timeline?q=water");
    assert_int_equal(a.status, 200);
    assert_true(json_array_size(json_object_get(a.json, "timeline")) > 0);
    answer_free(&a);
}

static void an_unchanged_answer_is_304(void **state)
{
    (void)state;
    answer a = get("/api/storylines");
    assert_int_equal(a.status, 200);
    char *etag = header_of(&a, "ETag");
    assert_non_null(etag);
    char h[128];
    snprintf(h, sizeof h, "If-None-Match: %s", etag);
    answer b = call("GET", "/api/storylines", h, NULL, 0);
    assert_int_equal(b.status, 304);
    assert_int_equal(b.len, 0);
    answer c = call("GET", "/api/storylines", "If-None-Match: \"0000000000000000\"", NULL, 0);
    assert_int_equal(c.status, 200);
    assert_true(json_equal(a.json, c.json));
    answer d = call("HEAD", "/api/storylines", NULL, NULL, 0);
    assert_int_equal(d.status, 200);
    assert_int_equal(d.len, 0);
    answer_free(&a);
    answer_free(&b);
    answer_free(&c);
    answer_free(&d);
    free(etag);
}

static void writing_needs_the_token(void **state)
{
    (void)state;
    const char *one = "{\"id\":\"t-none\",\"text\":\"Nothing to see.\"}";
    const char *auth[] = {NULL, "Authorization: Bearer wrong", "Authorization: Bearer " TOKEN "x",
                          "Authorization: Basic " TOKEN, "Authorization: Bearer"};
    for (size_t i = 0; i < sizeof auth / sizeof *auth; i++) {
        answer a = post(auth[i], one);
        assert_error(&a, 401);
        char *www = header_of(&a, "WWW-Authenticate");
        assert_non_null(www);
        assert_non_null(strstr(www, "Bearer"));
        free(www);
        answer_free(&a);
    }
    answer a = get("/api/articles/t-none");
    assert_error(&a, 404);
    answer_free(&a);
}

static const char *const lifted =
    "{\"id\":\"t-lifted\",\"title\":\"Orvano lifts the last of its water restrictions\",\"published\":\"2025-10-20\","
    "\"source\":\"Test Wire\",\"text\":\"ORVANO, Oct 20 - The city of Orvano lifted the last of its water "
    "restrictions on Monday after the autumn rains refilled its reservoirs, the mayor said. The night water cuts "
    "ended last week, and the city's reservoirs now hold well over half of their capacity.\"}";

static long story_size(const char *id)
{
    char path[64];
    snprintf(path, sizeof path, "/api/stories/%s", id);
    answer a = get(path);
    long n = (long)json_integer_value(json_object_get(a.json, "size"));
    answer_free(&a);
    return n;
}

static void a_posted_article_joins_its_story(void **state)
{
    (void)state;
    /* the water story, asked for before (the server keeps answers while the
     * database is unchanged: the POST must make it answer anew) */
    answer w = get("/api/articles/c1-tidewater-night-cuts");
    char water[32];
    snprintf(water, sizeof water, "%s", json_string_value(json_object_get(w.json, "storyline")));
    answer_free(&w);
    long before = story_size(water);
    assert_int_equal(story_size(water), before);
    char body[4096];
    /* good, not JSON, no text, an empty text, no id or url, good again */
    snprintf(body, sizeof body,
             "%s\n{\"id\": \"t-broken\"\n{\"id\":\"t-notext\",\"title\":\"x\"}\n{\"id\":\"t-empty\",\"text\":\"\"}\n"
             "{\"text\":\"No id at all.\"}\n"
             "{\"id\":\"t-second\",\"published\":\"2023-06-21\",\"text\":\"PORT SORREL - Prosecutors questioned two "
             "engineers on Wednesday over the collapse of the Tollan Bridge, the prosecutor's office said.\"}\n",
             lifted);
    answer a = post("Authorization: Bearer " TOKEN, body);
    assert_error(&a, 400);   /* some records were bad ... */
    json_t *arts = json_object_get(a.json, "articles"), *errs = json_object_get(a.json, "errors");
    size_t i;
    json_t *x;
    int stored = 0;
    json_array_foreach(arts, i, x) stored += json_is_true(json_object_get(x, "stored"));
    assert_int_equal(stored, 2);   /* ... and the good ones were kept */
    assert_int_equal(json_array_size(errs), 4);
    bool line2 = false, line5 = false;
    json_array_foreach(errs, i, x) {
        const char *m = json_string_value(json_object_get(x, "message"));
        line2 |= strstr(m, ":2:") && strstr(m, "not JSON");
        line5 |= json_integer_value(json_object_get(x, "record")) == 5;
    }
    assert_true(line2 && line5);
    answer_free(&a);
    /* where it landed, and that its story lists it */
    a = get("/api/articles/t-lifted");
    assert_int_equal(a.status, 200);
    const char *ev = json_string_value(json_object_get(a.json, "event"));
    char path[128];
    snprintf(path, sizeof path, "/api/stories/%s", ev);
    answer s = get(path);
    assert_int_equal(s.status, 200);
    bool listed = false;
    json_array_foreach(json_object_get(s.json, "articles"), i, x) listed |= !strcmp(json_string_value(x), "t-lifted");
    assert_true(listed);
    /* the water story, not the bridge's, one article larger */
    assert_string_equal(json_string_value(json_object_get(s.json, "storyline")), water);
    assert_int_equal(story_size(water), before + 1);
    answer_free(&s);
    answer_free(&a);
    /* posted again: already stored, nothing new, 200 */
    a = post("Authorization: Bearer " TOKEN, lifted);
    assert_int_equal(a.status, 200);
    assert_int_equal(json_integer_value(json_object_get(json_object_get(a.json, "counts"), "already_stored")), 1);
    answer_free(&a);
    /* no id: the url stands for one */
    a = post("Authorization: Bearer " TOKEN,
             "{\"url\":\"https://news.example/orvano-1\",\"text\":\"The Orvano water board reopened the Cardel "
             "Reservoir on Friday.\"}");
    assert_int_equal(a.status, 200);
    assert_string_equal(json_string_value(json_object_get(json_array_get(json_object_get(a.json, "articles"), 0), "id")),
                        "https://news.example/orvano-1");
    answer_free(&a);
    /* a JSON array of articles */
    a = post("Authorization: Bearer " TOKEN,
             "[{\"id\":\"t-arr1\",\"text\":\"The Orvano reservoirs are full again, the water board said.\"},"
             " {\"id\":\"t-arr2\",\"text\":\"Lumora Pay said on Friday it had paid the privacy fine.\"}]");
    assert_int_equal(a.status, 200);
    assert_int_equal(json_array_size(json_object_get(a.json, "articles")), 2);
    answer_free(&a);
}

static void bodies_over_the_limit_are_413(void **state)
{
    (void)state;
    size_t n = 300 * 1024;
    char *big = malloc(n + 1);
    memset(big, 'a', n);
    big[n] = 0;
    answer a = call("POST", "/api/articles", "Authorization: Bearer " TOKEN, big, n);
    assert_error(&a, 413);
    answer_free(&a);
    free(big);
    a = post("Authorization: Bearer " TOKEN, "");
    assert_error(&a, 400);
    answer_free(&a);
}

static void methods_and_paths_are_checked(void **state)
{
    (void)state;
    answer a = call("DELETE", "/api/events", NULL, NULL, 0);
    assert_error(&a, 405);
    char *allow = header_of(&a, "Allow");
    assert_non_null(allow);
    assert_non_null(strstr(allow, "GET"));
    free(allow);
    answer_free(&a);
    a = get("/api/articles");
    assert_error(&a, 405);
    answer_free(&a);
    const char *sneaky[] = {"/api/../../etc/passwd", "/api/articles/..%2F..%2Fetc%2Fpasswd", "/api/stories/..",
                            "/../etc/passwd", "/assets/../../etc/passwd"};
    for (size_t i = 0; i < sizeof sneaky / sizeof *sneaky; i++) {
        a = get(sneaky[i]);
        if (a.status != 400 && a.status != 404) fail_msg("%s: %ld", sneaky[i], a.status);
        assert_error(&a, a.status);
        assert_null(strstr(a.body, "root:"));
        answer_free(&a);
    }
}

/* Every path the API serves is described, and the description is JSON. */
static void the_openapi_description_lists_every_path(void **state)
{
    (void)state;
    answer a = get("/api/openapi.json");
    assert_int_equal(a.status, 200);
    json_t *paths = json_object_get(a.json, "paths");
    const char *served[] = {"/api/storylines", "/api/events", "/api/stories/{id}", "/api/storylines/{id}",
                            "/api/events/{id}", "/api/stories/{id}/timeline", "/api/timeline",
                            "/api/articles/{id}", "/api/articles", "/api/search", "/api/openapi.json",
                            "/api/actors/{key}"};
    for (size_t i = 0; i < sizeof served / sizeof *served; i++)
        if (!json_object_get(paths, served[i])) fail_msg("%s is not described", served[i]);
    assert_int_equal(json_object_size(paths), sizeof served / sizeof *served);
    answer_free(&a);
}

/* A story's actor, followed: its storylines hold the story, its quotes are
 * its own, and a name no article holds is 404. */
static void an_actor_has_its_storylines_and_quotes(void **state)
{
    (void)state;
    answer list = get("/api/storylines?limit=1000");
    size_t i, k;
    json_t *r, *x;
    int followed = 0, worded = 0;
    json_array_foreach(json_object_get(list.json, "storylines"), i, r) {
        const char *sid = json_string_value(json_object_get(r, "id"));
        char path[256];
        snprintf(path, sizeof path, "/api/stories/%s", sid);
        answer s = get(path);
        /* every quote says how its attribution words the speaker, or null */
        json_array_foreach(json_object_get(s.json, "quotes"), k, x) {
            json_t *w = json_object_get(x, "speaker_text");
            assert_true(json_is_string(w) || json_is_null(w));
            worded += json_is_string(w);
        }
        /* the first person quoted in the story */
        const char *key = NULL;
        json_array_foreach(json_object_get(s.json, "actors"), k, x)
            if (!key && !strcmp(json_string_value(json_object_get(x, "type")), "person")) key = json_string_value(json_object_get(x, "key"));
        if (key) {
            char *esc = curl_easy_escape(NULL, key, 0);
            snprintf(path, sizeof path, "/api/actors/%s", esc);
            curl_free(esc);
            answer a = get(path);
            assert_int_equal(a.status, 200);
            assert_string_equal(json_string_value(json_object_get(a.json, "key")), key);
            assert_true(json_integer_value(json_object_get(a.json, "articles")) >= 1);
            bool holds = false;
            json_array_foreach(json_object_get(a.json, "storylines"), k, x)
                holds |= !strcmp(json_string_value(json_object_get(x, "id")), sid);
            assert_true(holds);
            const char *name = json_string_value(json_object_get(a.json, "name"));
            json_array_foreach(json_object_get(a.json, "quotes"), k, x)
                assert_string_equal(json_string_value(json_object_get(x, "speaker")), name);
            answer_free(&a);
            followed++;
        }
        answer_free(&s);
    }
    assert_true(followed >= 2);
    assert_true(worded > 0);
    answer_free(&list);
    answer a = get("/api/actors/nobody%20at%20all");
    assert_error(&a, 404);
    answer_free(&a);
}

/* The server reads beside a writer in another process. */
static void what_another_process_ingests_shows_up(void **state)
{
    (void)state;
    answer before = get("/api/events?limit=1000");
    char path[256];
    snprintf(path, sizeof path, "%s/more.jsonl", dir);
    FILE *f = fopen(path, "w");
    fprintf(f, "{\"id\":\"t-other\",\"published\":\"2024-06-26\",\"title\":\"Lumora Pay appeals its privacy fine\","
               "\"text\":\"Lumora Pay said on Wednesday it would appeal the record privacy fine.\"}\n");
    fclose(f);
    assert_int_equal(run_capturef(NULL, "%s ingest --db %s %s 2>/dev/null", BIN, db, path), 0);
    answer a = get("/api/articles/t-other");
    assert_int_equal(a.status, 200);
    const char *ev = json_string_value(json_object_get(a.json, "event"));
    /* a listing asked for before shows the change too */
    answer after = get("/api/events?limit=1000");
    assert_false(json_equal(before.json, after.json));
    size_t i;
    json_t *r;
    long size_before = 0, size_after = 0;
    json_array_foreach(json_object_get(before.json, "events"), i, r)
        if (!strcmp(json_string_value(json_object_get(r, "id")), ev)) size_before = (long)json_integer_value(json_object_get(r, "size"));
    json_array_foreach(json_object_get(after.json, "events"), i, r)
        if (!strcmp(json_string_value(json_object_get(r, "id")), ev)) size_after = (long)json_integer_value(json_object_get(r, "size"));
    assert_int_equal(size_after, size_before + 1);
    answer_free(&before);
    answer_free(&after);
    answer_free(&a);
}

/* Last: SIGTERM, exit 0, and a log of every request without the token. */
static void sigterm_ends_it_cleanly(void **state)
{
    (void)state;
    assert_int_equal(kill(server, SIGTERM), 0);
    int st = 0;
    for (int i = 0; i < 2000 && waitpid(server, &st, WNOHANG) == 0; i++) usleep(10000);
    server = 0;
    assert_true(WIFEXITED(st));
    assert_int_equal(WEXITSTATUS(st), 0);
    char *log = slurp(logf, NULL);
    assert_non_null(strstr(log, "\"GET /api/storylines?limit=1000 HTTP/1.1\" 200 "));
    assert_non_null(strstr(log, "\"POST /api/articles HTTP/1.1\" 401 "));
    assert_null(strstr(log, TOKEN));
    free(log);
}

static void a_missing_database_is_refused(void **state)
{
    (void)state;
    char *out;
    assert_int_equal(run_capturef(&out, "%s serve --db %s/none.db --port 0 2>&1", BIN, dir), 2);
    assert_non_null(strstr(out, "none.db"));
    free(out);
    assert_int_equal(run_capturef(&out, "%s serve --db %s --port 70000 2>&1", BIN, db), 1);
    free(out);
    struct stat sb;
    char p[256];
    snprintf(p, sizeof p, "%s/none.db", dir);
    assert_int_not_equal(stat(p, &sb), 0);
}

int main(int argc, char **argv)
{
    (void)argc;
    find_binary(argv[0]);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(lists_page_through_every_story_once),
        cmocka_unit_test(dates_bound_the_pages),
        cmocka_unit_test(bad_arguments_get_a_json_400),
        cmocka_unit_test(stories_and_timelines_are_the_cli_objects),
        cmocka_unit_test(an_article_shows_its_original_and_copies),
        cmocka_unit_test(search_ranks_marks_and_pages),
        cmocka_unit_test(an_unchanged_answer_is_304),
        cmocka_unit_test(writing_needs_the_token),
        cmocka_unit_test(a_posted_article_joins_its_story),
        cmocka_unit_test(bodies_over_the_limit_are_413),
        cmocka_unit_test(methods_and_paths_are_checked),
        cmocka_unit_test(the_openapi_description_lists_every_path),
        cmocka_unit_test(an_actor_has_its_storylines_and_quotes),
        cmocka_unit_test(what_another_process_ingests_shows_up),
        cmocka_unit_test(a_missing_database_is_refused),
        cmocka_unit_test(sigterm_ends_it_cleanly),
    };
    return cmocka_run_group_tests(tests, start, stop);
}
