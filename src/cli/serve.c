/* serve.c: 'storyline serve': the HTTP JSON API over one database, until
 * SIGINT or SIGTERM. Argument parsing and signals only; the server is
 * sv_run (serve/http.c). */
#include "cli.h"
#include "serve/serve.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char help[] =
    "usage: storyline serve [--db FILE] [--bind ADDR] [--port N] [--token-file FILE]\n"
    "                       [--max-body SIZE] [--cache SIZE] [--watch FEEDS_FILE [--every MINUTES]]\n"
    "\n"
    "Serve the database over HTTP: the web page at / (storylines, stories with\n"
    "their time axis, articles with their copies, actors, search), Atom feeds\n"
    "of stories, actors and searches, and a JSON API under /api/ (described at\n"
    "/api/openapi.json), with POST /api/articles to store articles (JSON, a\n"
    "JSON array, or JSON Lines). The server reads beside 'ingest' or 'watch' in\n"
    "other processes; a POST writes when no other process is writing (else it\n"
    "answers 503). With --watch it also polls the feeds, and writes what they\n"
    "bring between POSTs.\n"
    "\n"
    "  --db FILE          the database (default storyline.db); it must exist\n"
    "  --bind ADDR        the address to listen on (default 127.0.0.1)\n"
    "  --port N           the port (default 8080; 0: any free one, logged)\n"
    "  --token-file FILE  POST needs 'Authorization: Bearer TOKEN', TOKEN being\n"
    "                     the file's first line\n"
    "  --max-body SIZE    refuse request bodies over SIZE (default 32M; K, M, G)\n"
    "  --cache SIZE       answers each of the 4 threads keeps and gives again while\n"
    "                     the database is unchanged (default 8M; 0: none)\n"
    "  --watch FILE       poll the RSS or Atom feeds listed in FILE (one URL a\n"
    "                     line; # starts a comment), as 'storyline watch' does\n"
    "  --every MINUTES    pause between rounds of --watch (default 15)\n"
    "\n"
    "One line per request goes to standard error (Common Log Format). SIGINT\n"
    "or SIGTERM stops taking connections, lets those under way finish (up to\n"
    "10 s) and exits 0.\n";

static volatile sig_atomic_t stop_requested;

static void on_signal(int sig)
{
    (void)sig;
    stop_requested = 1;
}

/* The token: the file's first line, without its line end; NULL after
 * printing why if it cannot be read or is empty. */
static char *read_token(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "storyline serve: %s: %s\n", path, strerror(errno));
        return NULL;
    }
    char line[4096];
    char *tok = fgets(line, sizeof line, f) ? line : NULL;
    fclose(f);
    if (tok) tok[strcspn(tok, "\r\n")] = 0;
    if (!tok || !*tok) {
        fprintf(stderr, "storyline serve: %s: no token on its first line\n", path);
        return NULL;
    }
    char *t = strdup(tok);
    memset(line, 0, sizeof line);
    return t;
}

/* The feeds of --watch: one URL a line, blank lines and # comments
 * skipped; NULL after printing why if the file cannot be read or lists
 * none. */
static char **read_feeds(const char *path, size_t *n)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "storyline serve: %s: %s\n", path, strerror(errno));
        return NULL;
    }
    char **v = NULL, line[8192];
    *n = 0;
    while (fgets(line, sizeof line, f)) {
        char *s = line + strspn(line, " \t");
        s[strcspn(s, "#\r\n")] = 0;
        size_t k = strlen(s);
        while (k && (s[k - 1] == ' ' || s[k - 1] == '\t')) s[--k] = 0;
        if (!k) continue;
        v = realloc(v, (*n + 1) * sizeof *v);
        v[(*n)++] = strdup(s);
    }
    fclose(f);
    if (!*n) {
        fprintf(stderr, "storyline serve: %s lists no feed\n", path);
        free(v);
        return NULL;
    }
    return v;
}

static int value_of(int argc, char **argv, int i, const char *opt, const char **out)
{
    if (i + 1 >= argc) {
        fprintf(stderr, "storyline serve: %s needs a value\n\n%s", opt, help);
        return -1;
    }
    *out = argv[i + 1];
    return 0;
}

int cmd_serve(int argc, char **argv)
{
    const char *bind = NULL, *port_s = NULL, *token_file = NULL, *max_body_s = NULL, *watch = NULL, *every = NULL,
               *cache_s = NULL;
    for (int i = 1; i < argc; i++) {
        const char **slot = !strcmp(argv[i], "--bind") ? &bind : !strcmp(argv[i], "--port") ? &port_s
                          : !strcmp(argv[i], "--token-file") ? &token_file
                          : !strcmp(argv[i], "--max-body") ? &max_body_s : !strcmp(argv[i], "--watch") ? &watch
                          : !strcmp(argv[i], "--every") ? &every : !strcmp(argv[i], "--cache") ? &cache_s : NULL;
        if (!slot) continue;
        if (value_of(argc, argv, i, argv[i], slot)) return EXIT_USAGE;
        memmove(&argv[i], &argv[i + 2], (size_t)(argc - i - 1) * sizeof *argv);
        argc -= 2;
        i--;
    }
    cli_opts o;
    int r = cli_parse(argc, argv, help, 0, &o);
    if (!r && o.nargs) {
        fprintf(stderr, "storyline serve: unexpected argument '%s'\n\n%s", o.args[0], help);
        r = -1;
    }
    if (r) { free(o.args); return r > 0 ? 0 : EXIT_USAGE; }
    free(o.args);
    sv_config cfg = {.db_path = o.db, .bind = bind, .port = 8080, .log = stderr, .stop = &stop_requested};
    if (port_s) {
        char *end;
        long p = strtol(port_s, &end, 10);
        if (!*port_s || *end || p < 0 || p > 65535) {
            fprintf(stderr, "storyline serve: --port %s is not a port (0 to 65535)\n", port_s);
            return EXIT_USAGE;
        }
        cfg.port = (int)p;
    }
    if (max_body_s && cli_size(max_body_s, "serve", "--max-body", &cfg.max_body)) return EXIT_USAGE;
    cfg.cache_bytes = (size_t)8 << 20;
    if (cache_s && !strcmp(cache_s, "0")) cfg.cache_bytes = 0;
    else if (cache_s && cli_size(cache_s, "serve", "--cache", &cfg.cache_bytes)) return EXIT_USAGE;
    cfg.every_minutes = 15;
    if (every) {
        char *end;
        cfg.every_minutes = strtod(every, &end);
        if (!*every || *end || cfg.every_minutes < 0 || cfg.every_minutes > 100000) {
            fprintf(stderr, "storyline serve: --every %s is not a number of minutes\n", every);
            return EXIT_USAGE;
        }
    }
    if (every && !watch) {
        fprintf(stderr, "storyline serve: --every needs --watch FEEDS_FILE\n");
        return EXIT_USAGE;
    }
    char **feeds = NULL;
    if (watch && !(feeds = read_feeds(watch, &cfg.n_feeds))) return EXIT_FAIL;
    cfg.feeds = (const char *const *)feeds;
    /* the database must be one, before anyone connects */
    cli_opts ro = {.db = o.db};
    sl_engine *e = cli_open(&ro, 1);
    if (!e) return EXIT_FAIL;
    sl_close(e);
    char *token = NULL;
    if (token_file && !(token = read_token(token_file))) {
        for (size_t i = 0; i < cfg.n_feeds; i++) free(feeds[i]);
        free(feeds);
        return EXIT_FAIL;
    }
    cfg.token = token;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);
    int rc = sv_run(&cfg);
    for (size_t i = 0; i < cfg.n_feeds; i++) free(feeds[i]);
    free(feeds);
    if (token) { memset(token, 0, strlen(token)); free(token); }
    return rc ? EXIT_FAIL : 0;
}
