/* ingest.c: 'storyline ingest': read inputs into the database, showing
 * progress on a terminal and a report at the end. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static const char help[] =
    "usage: storyline ingest [--db FILE] [--manifest TSV] [--jobs N] [--no-wait] [--max-page SIZE]\n"
    "                        [--max-line SIZE] [--max-inflate RATIO] [--max-inflate-size SIZE]\n"
    "                        INPUT...\n"
    "\n"
    "Read articles into the database (default storyline.db), extract each\n"
    "article from its page, fold syndicated copies, and group articles into\n"
    "events and storylines.\n"
    "\n"
    "  INPUT            a file, a folder (read recursively) or - for standard input;\n"
    "                   plain text and HTML are one article per file, .jsonl one per\n"
    "                   line (fields id, url, title, published, source, text or html),\n"
    "                   .warc one per HTML response, .rss/.atom/.xml feeds one per\n"
    "                   item; .gz is decompressed\n"
    "  --db FILE        the database (created if missing)\n"
    "  --no-wait        if another process is writing to the database, exit (2)\n"
    "                   at once, naming it, instead of waiting for it to finish\n"
    "  --manifest TSV   publication dates and outlets of plain-text files: a TSV\n"
    "                   file with a header and the columns file, published, source\n"
    "  --jobs N, -j N   threads (default: one per processor, at most 8): pages are\n"
    "                   extracted and analyzed on all of them while one clusters\n"
    "                   and stores; what is stored is the same for any N\n"
    CLI_LIMITS_HELP
    "\n"
    "An article already in the database (same id) is left as it is. A record or\n"
    "file that is unreadable or over a limit is reported (input and line or byte)\n"
    "and skipped; a folder's FIFOs, devices and sockets are skipped unopened. A\n"
    "published date that is no date is reported; the article is stored without it.\n";

typedef struct { struct timespec start; int tty; } progress;

static double elapsed(const struct timespec *t0)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)(t.tv_sec - t0->tv_sec) + (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

static void show_progress(const sl_ingest_stats *s, void *ctx)
{
    progress *p = ctx;
    if (!p->tty) return;
    double dt = elapsed(&p->start);
    fprintf(stderr, "\r%ld articles read, %ld stored, %.0f articles/s   ", s->read, s->stored,
            dt > 0 ? (double)s->read / dt : 0.0);
    fflush(stderr);
}

int cmd_ingest(int argc, char **argv)
{
    cli_opts o;
    int r = cli_parse(argc, argv, help, CLI_MANIFEST | CLI_JOBS | CLI_WRITE | CLI_LIMITS, &o);
    if (r) { free(o.args); return r > 0 ? 0 : EXIT_USAGE; }
    if (!o.nargs) {
        fprintf(stderr, "storyline ingest: no INPUT given\n\n%s", help);
        free(o.args);
        return EXIT_USAGE;
    }
    sl_engine *e = cli_open(&o, 0);
    if (!e) { free(o.args); return EXIT_FAIL; }
    if (cli_set_limits(e, &o, "ingest")) { sl_close(e); free(o.args); return EXIT_USAGE; }
    int rc = 0, missing = 0;
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    int jobs = o.jobs ? o.jobs : cpus < 1 ? 1 : cpus > 8 ? 8 : (int)cpus;
    if (sl_set_jobs(e, jobs) != SL_OK) {
        fprintf(stderr, "storyline: %s; going on with one\n", sl_errmsg(e));
        sl_set_jobs(e, 1);
    }
    if (o.manifest && sl_load_manifest(e, o.manifest) != SL_OK) {
        fprintf(stderr, "storyline: %s\n", sl_errmsg(e));
        rc = EXIT_FAIL;
    }
    progress p = {.tty = isatty(2)};
    clock_gettime(CLOCK_MONOTONIC, &p.start);
    sl_set_progress(e, show_progress, &p);
    sl_ingest_stats s = {0};
    for (int i = 0; i < o.nargs && rc == 0; i++) {
        sl_status st = sl_ingest_path(e, o.args[i], &s);
        if (st == SL_OK) continue;
        fprintf(stderr, "storyline: %s\n", sl_errmsg(e));
        rc = EXIT_FAIL;
        if (st == SL_EIO) rc = 0, s.skipped_bad++, missing++;   /* an unreadable input: go on */
    }
    if (missing) rc = EXIT_FAIL;
    if (s.passed_over) fprintf(stderr, "passed over %ld container records without an HTML page\n", s.passed_over);
    double dt = elapsed(&p.start);
    if (p.tty) fputs("\r\033[K", stderr);
    fprintf(stderr,
            "read %ld, stored %ld (%ld near-duplicates), skipped %ld (%ld already stored, %ld unreadable, "
            "%ld over a limit)\n",
            s.read, s.stored, s.duplicates, s.skipped_known + s.skipped_bad + s.over_limit, s.skipped_known,
            s.skipped_bad, s.over_limit);
    if (s.bad_dates)
        fprintf(stderr, "%ld published %s no date (stored without %s)\n", s.bad_dates,
                s.bad_dates == 1 ? "date was" : "dates were", s.bad_dates == 1 ? "it" : "them");
    fprintf(stderr, "new events %ld (%ld merged into others), new storylines %ld; %.2f s, %.0f articles/s\n",
            s.new_events, s.merged_events, s.new_storylines, dt, dt > 0 ? (double)s.read / dt : 0.0);
    sl_close(e);
    free(o.args);
    return rc;
}
