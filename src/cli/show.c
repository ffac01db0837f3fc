/* show.c: 'storyline show ID': one event or storyline in full. */
#include "cli.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char help[] =
    "usage: storyline show [--db FILE] [--json] ID\n"
    "\n"
    "One event (eN) or storyline (sN): headline, date span, a short\n"
    "extractive summary, actors, quotes, a timeline, and its articles with\n"
    "outlets and dates (and, for a storyline, its events). A long story shows\n"
    "its newest 200 articles and 100 events, and from its newest 500\n"
    "articles the 100 actors most mentioned, the newest 300 quotes and the\n"
    "timeline. With --json, one object with id, kind, headline, first, last,\n"
    "size, summary, articles (ids), article_details, actors, total_actors,\n"
    "quotes, total_quotes, timeline and, for a storyline, events and\n"
    "total_events.\n";

static void print_json(const sl_story *s)
{
    json_t *j = sv_story_json(s);
    char *t = json_dumps(j, JSON_INDENT(2));
    puts(t);
    free(t);
    json_decref(j);
}

static void print_text(const sl_story *s)
{
    printf("%s %s: %s\n", s->kind, s->id, s->headline ? s->headline : "(no headline)");
    if (s->first) printf("%s .. %s", s->first, s->last ? s->last : s->first);
    else printf("undated");
    printf(", %ld article%s", s->size, s->size == 1 ? "" : "s");
    if (s->storyline) printf(", storyline %s", s->storyline);
    printf("\n\nSummary\n");
    for (size_t i = 0; i < s->n_summary; i++) printf("  - %s\n", s->summary[i]);
    if (s->n_events) {
        if (s->n_events < s->total_events) printf("\nEvents (the newest %zu of %zu)\n", s->n_events, s->total_events);
        else printf("\nEvents\n");
        for (size_t i = 0; i < s->n_events; i++) {
            const sl_event_row *ev = &s->events[i];
            printf("  %-6s %-10s %3ld  %s\n", ev->id, ev->first ? ev->first : "undated", ev->size,
                   ev->headline ? ev->headline : "");
        }
    }
    if (s->n_actors) printf("\nActors\n");
    for (size_t i = 0; i < s->n_actors && i < 15; i++) {
        const sl_actor *x = &s->actors[i];
        printf("  %-13s %s", x->type, x->name);
        for (size_t k = 0; k < x->n_roles && k < 3; k++) printf("%s%s", k ? "; " : " (", x->roles[k]);
        printf("%s, %ld mention%s\n", x->n_roles ? ")" : "", x->mentions, x->mentions == 1 ? "" : "s");
    }
    if (s->n_quotes && s->n_quotes < s->total_quotes) printf("\nQuotes (the newest %zu of %zu)\n", s->n_quotes, s->total_quotes);
    else if (s->n_quotes) printf("\nQuotes\n");
    for (size_t i = 0; i < s->n_quotes; i++) {
        const sl_quote *x = &s->quotes[i];
        /* an unresolved speaker as the text words them: "(the Florida senator)" */
        const char *who = x->speaker ? x->speaker : x->speaker_text ? x->speaker_text : "unknown";
        const char *open = x->speaker ? "" : "(", *close = x->speaker ? "" : ")";
        if (!strcmp(x->kind, "direct")) printf("  %s%s%s: \u201C%s\u201D\n", open, who, close, x->text);
        else printf("  %s%s%s (reported): %s\n", open, who, close, x->text);
    }
    if (s->n_timeline) printf("\nTimeline\n");
    cli_timeline_print(s->timeline, s->n_timeline);
    if ((long)s->n_articles < s->size) printf("\nArticles (the newest %zu of %ld)\n", s->n_articles, s->size);
    else printf("\nArticles\n");
    for (size_t i = 0; i < s->n_articles; i++) {
        const sl_story_article *a = &s->articles[i];
        printf("  %-10s %-24s %s%s%s\n             %s%s%s\n", a->published ? a->published : "undated",
               a->id, a->source ? a->source : "", a->duplicate_of ? "  copy of " : "",
               a->duplicate_of ? a->duplicate_of : "", a->title ? a->title : "(no title)",
               strcmp(s->kind, "storyline") ? "" : "  ", strcmp(s->kind, "storyline") ? "" : a->event);
    }
}

int cli_run_story(int argc, char **argv, const char *help, void (*print)(const sl_story *s, const cli_opts *o))
{
    cli_opts o;
    int r = cli_parse(argc, argv, help, 0, &o);
    if (!r && o.nargs != 1) {
        fprintf(stderr, "storyline %s: give exactly one ID\n\n%s", argv[0], help);
        r = -1;
    }
    if (r) { free(o.args); return r > 0 ? 0 : EXIT_USAGE; }
    sl_engine *e = cli_open(&o, 1);
    int rc = 0;
    sl_story *s = NULL;
    if (!e) rc = EXIT_FAIL;
    else if (sl_story_get(e, o.args[0], &s) != SL_OK) {
        fprintf(stderr, "storyline: %s\n", sl_errmsg(e));
        rc = EXIT_FAIL;
    } else print(s, &o);
    sl_story_free(s);
    sl_close(e);
    free(o.args);
    return rc;
}

static void print_story(const sl_story *s, const cli_opts *o)
{
    if (o->json) print_json(s);
    else print_text(s);
}

int cmd_show(int argc, char **argv) { return cli_run_story(argc, argv, help, print_story); }
