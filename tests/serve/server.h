/* server.h: what the tests of tests/serve share: a database of the bundled
 * examples, 'storyline serve' started on it on a free port of 127.0.0.1
 * (group setup and teardown), and HTTP calls through libcurl. */
#ifndef SL_TEST_SERVER_H
#define SL_TEST_SERVER_H

#include "testutil.h"

#include <curl/curl.h>
#include <jansson.h>
#include <signal.h>
#include <stdbool.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/wait.h>

#define TOKEN "tok-3f9a1c77e2"

/* The storyline binary (find_binary), the server's folder, database and
 * log, its port and process. */
static char BIN[256] = "build/storyline";
/* Set before start: the seeds are ingested too (after the examples). */
static bool with_seeds;

static char dir[64], db[128], logf[128];
static int port;
static pid_t server;

/* ---- HTTP ---- */

typedef struct answer {
    long   status;
    char  *body;
    size_t len;
    char  *headers;
    json_t *json;   /* the body parsed, or NULL */
} answer;

static inline size_t gather(char *p, size_t size, size_t n, void *ctx)
{
    char **b = ctx;
    size_t old = *b ? strlen(*b) : 0, k = size * n;
    *b = realloc(*b, old + k + 1);
    memcpy(*b + old, p, k);
    (*b)[old + k] = 0;
    return k;
}

/* One request; header is one extra request header or NULL. */
static inline answer call(const char *method, const char *path, const char *header, const char *body, size_t body_len)
{
    answer a = {0};
    CURL *c = curl_easy_init();
    char url[1024];
    snprintf(url, sizeof url, "http://127.0.0.1:%d%s", port, path);
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_PATH_AS_IS, 1L);
    curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, gather);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &a.body);
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, gather);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, &a.headers);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, 60L);
    if (!strcmp(method, "HEAD")) curl_easy_setopt(c, CURLOPT_NOBODY, 1L);
    struct curl_slist *h = NULL;
    if (header) h = curl_slist_append(h, header);
    h = curl_slist_append(h, "Expect:");
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
    if (body) {
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
        curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)body_len);
    }
    CURLcode rc = curl_easy_perform(c);
    if (rc != CURLE_OK) fail_msg("%s %s: %s", method, path, curl_easy_strerror(rc));
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &a.status);
    curl_slist_free_all(h);
    curl_easy_cleanup(c);
    if (!a.body) a.body = calloc(1, 1);
    if (!a.headers) a.headers = calloc(1, 1);
    a.len = strlen(a.body);
    a.json = json_loads(a.body, 0, NULL);
    return a;
}

static inline answer get(const char *path) { return call("GET", path, NULL, NULL, 0); }

static inline answer post(const char *header, const char *body) { return call("POST", "/api/articles", header, body, strlen(body)); }

static inline void answer_free(answer *a)
{
    free(a->body);
    free(a->headers);
    json_decref(a->json);
}

/* A response header's value (case-insensitive name), malloc'd, or NULL. */
static inline char *header_of(const answer *a, const char *name)
{
    size_t n = strlen(name);
    for (const char *p = a->headers; p && *p;) {
        if (!strncasecmp(p, name, n) && p[n] == ':') {
            const char *v = p + n + 1;
            while (*v == ' ') v++;
            return strndup(v, strcspn(v, "\r\n"));
        }
        p = strchr(p, '\n');
        if (p) p++;
    }
    return NULL;
}

/* Every error is {"error": {"status": S, "message": "..."}} with S the
 * HTTP status, and a message. */
static inline void assert_error(const answer *a, long status)
{
    if (a->status != status) fail_msg("status %ld, wanted %ld: %s", a->status, status, a->body);
    json_t *e = json_object_get(a->json, "error");
    assert_non_null(e);
    assert_int_equal(json_integer_value(json_object_get(e, "status")), status);
    const char *m = json_string_value(json_object_get(e, "message"));
    assert_non_null(m);
    assert_true(strlen(m) > 5);
}

static inline json_t *cli_json(const char *args)
{
    char *out;
    assert_int_equal(run_capturef(&out, "%s %s --db %s --json", BIN, args, db), 0);
    json_t *j = json_loads(out, 0, NULL);
    if (!j) fail_msg("%s: not JSON: %.200s", args, out);
    free(out);
    return j;
}

/* ---- the server ---- */

/* The port a server took, from the first line of its log (waiting up to
 * ten seconds for it); 0 if it never came. */
static inline int port_in_log(const char *path)
{
    int found = 0;
    for (int i = 0; i < 1000 && !found; i++) {
        usleep(10000);
        char *log = slurp(path, NULL);
        const char *p = log ? strstr(log, "http://127.0.0.1:") : NULL;
        if (p) found = atoi(p + strlen("http://127.0.0.1:"));
        free(log);
    }
    return found;
}

static inline int start(void **state)
{
    (void)state;
    curl_global_init(CURL_GLOBAL_DEFAULT);
    snprintf(dir, sizeof dir, "/tmp/sl-serve-XXXXXX");
    if (!mkdtemp(dir)) return -1;
    snprintf(db, sizeof db, "%s/news.db", dir);
    snprintf(logf, sizeof logf, "%s/log", dir);
    if (run_capturef(NULL, "%s ingest --db %s --manifest examples/manifest.tsv examples/pages examples/wire.jsonl"
                     " 2>/dev/null", BIN, db)) return -1;
    if (with_seeds && run_capturef(NULL, "%s ingest --db %s --manifest %s/seeds/published.tsv %s/seeds 2>/dev/null", BIN,
                                   db, shared_dir(), shared_dir()))
        return -1;
    char tok[128];
    snprintf(tok, sizeof tok, "%s/token", dir);
    FILE *f = fopen(tok, "w");
    fprintf(f, "%s\n", TOKEN);
    fclose(f);
    server = fork();
    if (server == 0) {
        FILE *l = freopen(logf, "w", stderr);
        (void)l;
        execl(BIN, BIN, "serve", "--db", db, "--port", "0", "--token-file", tok, "--max-body", "256K", (char *)NULL);
        _exit(127);
    }
    port = port_in_log(logf);
    return port ? 0 : -1;
}

static inline int stop(void **state)
{
    (void)state;
    if (server > 0) { kill(server, SIGKILL); waitpid(server, NULL, 0); }
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    run_capture(cmd, NULL);
    curl_global_cleanup();
    return 0;
}


/* The storyline beside the test's build (build/asan/storyline under make
 * sanitize: the server runs with the sanitizers too); call first in main. */
static inline void find_binary(const char *argv0)
{
    const char *t = strstr(argv0, "/tests/");
    if (t) snprintf(BIN, sizeof BIN, "%.*s/storyline", (int)(t - argv0), argv0);
}

#endif
