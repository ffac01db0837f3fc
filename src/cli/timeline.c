/* timeline.c: 'storyline timeline': what happened when, in one story or in
 * the articles matching a query; and the JSON and text forms of actors and
 * timelines that show and analyze share. */
#include "cli.h"

#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char help[] =
    "usage: storyline timeline [--db FILE] [--json] [--dates N] [--per-date K] (ID | --query WORDS)\n"
    "\n"
    "A dated timeline of an event (eN) or storyline (sN), or of the newest 500\n"
    "stored articles matching WORDS (full-text search: words, \"a phrase\", OR, NOT):\n"
    "the N dates the articles mention most (default 12), oldest first, each with\n"
    "up to K sentences (default 1) that say what happened, and their article.\n";

void cli_timeline_print(const sl_timeline_entry *t, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        bool same = i && !strcmp(t[i].date, t[i - 1].date);
        printf("  %-10s %s\n  %-10s   (%s)\n", same ? "" : t[i].date, t[i].text, "", t[i].article);
    }
}

static long number(const char *s, const char *opt)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (*end || v <= 0) {
        fprintf(stderr, "storyline timeline: %s needs a positive number, not '%s'\n", opt, s);
        return -1;
    }
    return v;
}

/* Take --dates, --per-date and --query out of argv; -1 on bad usage. */
static int own_options(int *argc, char **argv, long *dates, long *per_date, const char **query)
{
    for (int i = 1; i < *argc; i++) {
        long *target = !strcmp(argv[i], "--dates") ? dates : !strcmp(argv[i], "--per-date") ? per_date : NULL;
        bool q = !strcmp(argv[i], "--query");
        if (!target && !q) continue;
        if (i + 1 >= *argc) {
            fprintf(stderr, "storyline timeline: %s needs a value\n\n%s", argv[i], help);
            return -1;
        }
        if (q) *query = argv[i + 1];
        else if ((*target = number(argv[i + 1], argv[i])) < 0) return -1;
        memmove(&argv[i], &argv[i + 2], (size_t)(*argc - i - 1) * sizeof *argv);
        *argc -= 2;
        i--;
    }
    return 0;
}

int cmd_timeline(int argc, char **argv)
{
    long dates = SL_TIMELINE_DATES, per_date = 1;
    const char *query = NULL;
    cli_opts o = {0};
    int r = own_options(&argc, argv, &dates, &per_date, &query);
    if (!r) r = cli_parse(argc, argv, help, 0, &o);
    if (!r && (query ? o.nargs != 0 : o.nargs != 1)) {
        fprintf(stderr, "storyline timeline: give one ID or --query WORDS\n\n%s", help);
        r = -1;
    }
    if (r) { free(o.args); return r > 0 ? 0 : EXIT_USAGE; }
    sl_engine *e = cli_open(&o, 1);
    sl_timeline *t = NULL;
    int rc = 0;
    if (!e) rc = EXIT_FAIL;
    else if (sl_timeline_get(e, query ? NULL : o.args[0], query, (size_t)dates, (size_t)per_date, &t) != SL_OK) {
        fprintf(stderr, "storyline: %s\n", sl_errmsg(e));
        rc = EXIT_FAIL;
    } else if (o.json) {
        json_t *j = json_pack("{s:o,s:o}", query ? "query" : "id", sv_str(query ? query : o.args[0]),
                              "timeline", sv_timeline_json(t->entries, t->n));
        char *s = json_dumps(j, JSON_INDENT(2));
        puts(s);
        free(s);
        json_decref(j);
    } else {
        cli_timeline_print(t->entries, t->n);
    }
    sl_timeline_free(t);
    sl_close(e);
    free(o.args);
    return rc;
}
