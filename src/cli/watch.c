/* watch.c: 'storyline watch': poll news feeds and ingest each new article,
 * until interrupted or for a given number of rounds. Argument parsing,
 * signals and printing only; the polling is sl_watch (engine/watch.c). */
#include "cli.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char help[] =
    "usage: storyline watch [--db FILE] [--every MINUTES] [--once | --rounds N]\n"
    "                       [--timeout SECONDS] [--no-wait] [--max-page SIZE] FEED_URL...\n"
    "\n"
    "Poll RSS or Atom feeds and ingest the article page of every new item (as\n"
    "HTML, with the item's title and date). Feeds are asked with the ETag and\n"
    "Last-Modified they last sent, so an unchanged feed costs one 304; every\n"
    "article URL is fetched once. Both are kept in the database, across restarts.\n"
    "\n"
    "  --db FILE          the database (created if missing)\n"
    "  --every MINUTES    pause between rounds (default 15)\n"
    "  --once             one round, then exit (same as --rounds 1)\n"
    "  --rounds N         N rounds, then exit (default: until interrupted)\n"
    "  --timeout SECONDS  limit of each request (default 30)\n"
    "  --max-page SIZE    skip a feed or page larger than SIZE (default 16M; K, M,\n"
    "                     G: KiB, MiB, GiB); such a page is not asked for again\n"
    "  --no-wait          if another process is writing to the database, exit (2)\n"
    "                     at once instead of waiting for it\n"
    "\n"
    "Watch writes to the database during a round only: between rounds an\n"
    "'ingest' can run, and the next round waits for it and builds on what it\n"
    "stored.\n"
    "\n"
    "A feed or page that fails is reported with its URL and the HTTP status or\n"
    "network error, and watching goes on. SIGINT or SIGTERM stops after the page\n"
    "being fetched; what was fetched is stored, and the exit status is 0.\n";

/* The one piece of global state: a signal handler can reach nothing else. */
static volatile sig_atomic_t stop_requested;

static void on_signal(int sig)
{
    (void)sig;
    stop_requested = 1;
}

static void show_round(const sl_watch_stats *s, void *ctx)
{
    (void)ctx;
    fprintf(stderr,
            "round %ld: feeds %ld changed, %ld unchanged, %ld failed; pages %ld fetched, %ld failed; "
            "stored %ld so far (%ld already stored)\n",
            s->rounds, s->feeds_changed, s->feeds_unchanged, s->feeds_failed, s->pages_fetched,
            s->pages_failed, s->ingest.stored, s->ingest.skipped_known);
}

/* A number option's value; -1 after printing why if it is not one. */
static double number(const char *opt, const char *v)
{
    char *end;
    double d = v ? strtod(v, &end) : -1;
    if (!v || end == v || *end || d < 0) {
        fprintf(stderr, "storyline watch: %s needs a number\n\n%s", opt, help);
        return -1;
    }
    return d;
}

/* Take this command's own options out of argv; cli_parse sees the rest. */
static int own_options(int *argc, char **argv, sl_watch_opts *o)
{
    for (int i = 1; i < *argc; i++) {
        const char *a = argv[i];
        int used = 1;
        double v = 0;
        if (!strcmp(a, "--once")) o->rounds = 1;
        else if (!strcmp(a, "--every") || !strcmp(a, "--rounds") || !strcmp(a, "--timeout")) {
            if ((v = number(a, i + 1 < *argc ? argv[i + 1] : NULL)) < 0) return -1;
            if (a[2] == 'e') o->every_minutes = v;
            else if (a[2] == 'r') o->rounds = (long)v;
            else o->timeout_seconds = (long)v;
            used = 2;
        } else {
            continue;
        }
        memmove(&argv[i], &argv[i + used], (size_t)(*argc - i - used + 1) * sizeof *argv);
        *argc -= used;
        i--;
    }
    return 0;
}

int cmd_watch(int argc, char **argv)
{
    sl_watch_opts wo = {.every_minutes = 15, .timeout_seconds = 30, .stop = &stop_requested,
                        .on_round = show_round};
    if (own_options(&argc, argv, &wo)) return EXIT_USAGE;
    cli_opts o;
    int r = cli_parse(argc, argv, help, CLI_WRITE | CLI_MAX_PAGE, &o);
    if (!r && !o.nargs) {
        fprintf(stderr, "storyline watch: no FEED_URL given\n\n%s", help);
        r = -1;
    }
    if (r) { free(o.args); return r > 0 ? 0 : EXIT_USAGE; }
    sl_engine *e = cli_open(&o, 0);
    if (!e) { free(o.args); return EXIT_FAIL; }
    if (cli_set_limits(e, &o, "watch")) { sl_close(e); free(o.args); return EXIT_USAGE; }
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;   /* no SA_RESTART: a pause wakes up at once */
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sl_watch_stats s = {0};
    int rc = 0;
    if (sl_watch(e, (const char *const *)o.args, (size_t)o.nargs, &wo, &s) != SL_OK) {
        fprintf(stderr, "storyline: %s\n", sl_errmsg(e));
        rc = EXIT_FAIL;
    }
    sl_close(e);
    free(o.args);
    return rc;
}
