/* list.c: 'storyline articles' and 'storyline stories': listings as text
 * or JSON Lines. */
#include "cli.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Rows a listing shows unless told otherwise: a screenful or two, at the
 * same cost in any size of archive. */
#define ARTICLES_SHOWN 100
#define STORIES_SHOWN 20

static const char articles_help[] =
    "usage: storyline articles [--db FILE] [--json] [--limit N | --all]\n"
    "\n"
    "Stored articles, newest first (undated last), two lines each: id, date,\n"
    "event, storyline, the article it copies (if any), and title. With --json,\n"
    "JSON Lines with id, url, title, published, source, byline, dateline,\n"
    "event, storyline, duplicate_of and text (paragraphs separated by a blank\n"
    "line).\n"
    "\n"
    "  --limit N   the newest N (default 100)\n"
    "  --all       every article (an export: its time grows with the archive)\n";

static const char stories_help[] =
    "usage: storyline stories [--db FILE] [--json] [--limit N | --all]\n"
    "\n"
    "Storylines, newest first (undated last), each with its newest 10 events:\n"
    "dates, sizes, headlines. With --json, one JSON object per storyline per\n"
    "line (events and total_events).\n"
    "\n"
    "  --limit N   the newest N storylines (default 20)\n"
    "  --all       every storyline\n";

static int print_article(const sl_article_row *a, void *ctx)
{
    cli_opts *o = ctx;
    if (cli_listing_full(o, ARTICLES_SHOWN)) return 1;
    if (o->json) {
        json_t *j = sv_article_json(a);
        char *s = json_dumps(j, JSON_COMPACT);
        puts(s);
        free(s);
        json_decref(j);
    } else {
        printf("%-24s %-10s %-6s %-6s %s%s%s\n", a->id, a->published ? a->published : "-", a->event,
               a->storyline, a->duplicate_of ? "[copy of " : "", a->duplicate_of ? a->duplicate_of : "",
               a->duplicate_of ? "] " : "");
        printf("%*s%s\n", 25, "", a->title ? a->title : "(no title)");
    }
    return 0;
}

static sl_status list_articles(sl_engine *e, cli_opts *o) { return sl_articles_each(e, print_article, o); }

int cmd_articles(int argc, char **argv) { return cli_run_listing(argc, argv, articles_help, list_articles); }

static void span(const char *first, const char *last, char *out, size_t n)
{
    if (!first) snprintf(out, n, "undated");
    else if (!last || !strcmp(first, last)) snprintf(out, n, "%s", first);
    else snprintf(out, n, "%s..%s", first, last);
}

static int print_storyline(const sl_storyline_row *s, void *ctx)
{
    cli_opts *o = ctx;
    if (cli_listing_full(o, STORIES_SHOWN)) return 1;
    if (o->json) {
        json_t *j = sv_storyline_json(s);
        char *t = json_dumps(j, JSON_COMPACT);
        puts(t);
        free(t);
        json_decref(j);
        return 0;
    }
    char sp[32];
    span(s->first, s->last, sp, sizeof sp);
    printf("%s  %s  %ld article%s, %zu event%s\n  %s\n", s->id, sp, s->size, s->size == 1 ? "" : "s",
           s->total_events, s->total_events == 1 ? "" : "s", s->headline ? s->headline : "(no headline)");
    for (size_t i = 0; i < s->n_events; i++) {
        const sl_event_row *ev = &s->events[i];
        span(ev->first, ev->last, sp, sizeof sp);
        printf("    %-6s %-22s %3ld  %s\n", ev->id, sp, ev->size, ev->headline ? ev->headline : "");
    }
    if (s->n_events < s->total_events) printf("    ... and %zu older events (storyline show %s lists 100)\n",
                                              s->total_events - s->n_events, s->id);
    putchar('\n');
    return 0;
}

static sl_status list_storylines(sl_engine *e, cli_opts *o) { return sl_storylines_each(e, print_storyline, o); }

int cmd_stories(int argc, char **argv) { return cli_run_listing(argc, argv, stories_help, list_storylines); }
