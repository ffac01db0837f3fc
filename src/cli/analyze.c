/* analyze.c: 'storyline analyze': names, quotes and time expressions of
 * each input article, without a database: storyline as an annotator. */
#include "cli.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char help[] =
    "usage: storyline analyze [--json] [--raw] [--manifest TSV] [--max-page SIZE]\n"
    "                         [--max-line SIZE] [--max-inflate RATIO] [--max-inflate-size SIZE]\n"
    "                         INPUT...\n"
    "\n"
    "For each article: its name mentions (text, start, end, type, actor),\n"
    "actors with roles and aliases, quotes (speaker, text, kind, start, end)\n"
    "and time expressions (text, start, end, type and value: TimeML's DATE,\n"
    "TIME, DURATION and SET, dates resolved against the publication date).\n"
    "Offsets count characters in the\n"
    "article's cleaned text, or, with --raw, in the input text as given.\n"
    "With --json, one JSON object per article per line.\n"
    "\n"
    CLI_LIMITS_HELP
    "\n"
    "A page without an article, a bad record or one over a limit is reported\n"
    "and the others analyzed; the exit status is then 2.\n";

static json_t *analysis_json(const sl_analysis *r)
{
    json_t *j = json_object(), *m = json_array(), *ac = sv_actors_json(r->actors, r->n_actors);
    json_t *q = json_array(), *t = json_array();
    json_object_set_new(j, "id", sv_str(r->id));
    json_object_set_new(j, "title", sv_str(r->title));
    json_object_set_new(j, "published", sv_str(r->published));
    json_object_set_new(j, "date_inferred", json_boolean(r->date_inferred));
    for (size_t i = 0; i < r->n_mentions; i++) {
        const sl_mention *x = &r->mentions[i];
        json_array_append_new(m, json_pack("{s:o,s:I,s:I,s:s,s:o,s:o}", "text", sv_str(x->text), "start",
                                           (json_int_t)x->start, "end", (json_int_t)x->end, "type", x->type,
                                           "actor", sv_str(x->actor), "role", sv_str(x->role)));
    }
    for (size_t i = 0; i < r->n_quotes; i++) {
        const sl_quote *x = &r->quotes[i];
        json_array_append_new(q, json_pack("{s:o,s:o,s:o,s:s,s:I,s:I}", "speaker", sv_str(x->speaker),
                                           "speaker_text", sv_str(x->speaker_text), "text", sv_str(x->text),
                                           "kind", x->kind, "start", (json_int_t)x->start, "end",
                                           (json_int_t)x->end));
    }
    for (size_t i = 0; i < r->n_times; i++) {
        const sl_time *x = &r->times[i];
        json_array_append_new(t, json_pack("{s:o,s:I,s:I,s:o,s:s}", "text", sv_str(x->text), "start",
                                           (json_int_t)x->start, "end", (json_int_t)x->end, "value",
                                           sv_str(x->value), "type", x->type ? x->type : "DATE"));
    }
    json_object_set_new(j, "mentions", m);
    json_object_set_new(j, "actors", ac);
    json_object_set_new(j, "quotes", q);
    json_object_set_new(j, "times", t);
    return j;
}

static void print_text(const sl_analysis *r)
{
    printf("%s  %s%s\n  %s\n", r->id, r->published ? r->published : "undated",
           r->date_inferred ? " (inferred)" : "", r->title ? r->title : "(no title)");
    for (size_t i = 0; i < r->n_actors; i++) {
        const sl_actor *x = &r->actors[i];
        printf("  actor  %-13s %s", x->type, x->name);
        for (size_t k = 0; k < x->n_roles; k++) printf("%s%s", k ? "; " : " [", x->roles[k]);
        printf("%s (%ld)\n", x->n_roles ? "]" : "", x->mentions);
    }
    for (size_t i = 0; i < r->n_quotes; i++)
        printf("  quote  %-8s %s: %s\n", r->quotes[i].kind, r->quotes[i].speaker ? r->quotes[i].speaker : "?",
               r->quotes[i].text);
    for (size_t i = 0; i < r->n_times; i++)
        printf("  time   %-10s %s\n", r->times[i].value ? r->times[i].value : "?", r->times[i].text);
    putchar('\n');
}

typedef struct { int json, raw; sl_engine *e; } ctx;

static int one_input(ctx *c, const char *path)
{
    sl_source *src;
    if (sl_source_open(c->e, path, &src) != SL_OK) {
        fprintf(stderr, "storyline: %s\n", sl_errmsg(c->e));
        return 1;
    }
    sl_page page;
    sl_status st;
    int failed = 0;
    while ((st = sl_source_next(src, &page)) != SL_DONE) {
        const sl_analysis *r;
        if (st != SL_OK || sl_analyze_page(c->e, &page, c->raw, &r) != SL_OK) {
            fprintf(stderr, "storyline: %s\n", sl_errmsg(c->e));
            failed = 1;
            continue;
        }
        if (!c->json) { print_text(r); continue; }
        json_t *j = analysis_json(r);
        char *s = json_dumps(j, JSON_COMPACT);
        puts(s);
        free(s);
        json_decref(j);
    }
    sl_source_close(src);
    return failed;
}

int cmd_analyze(int argc, char **argv)
{
    ctx c = {0};
    for (int i = 1; i < argc; i++)   /* --raw is this command's own option */
        if (!strcmp(argv[i], "--raw")) { c.raw = 1; memmove(&argv[i], &argv[i + 1], (size_t)(argc - i) * sizeof *argv); argc--; i--; }
    cli_opts o;
    int r = cli_parse(argc, argv, help, CLI_MANIFEST | CLI_LIMITS, &o);
    if (!r && !o.nargs) {
        fprintf(stderr, "storyline analyze: no INPUT given\n\n%s", help);
        r = -1;
    }
    if (r) { free(o.args); return r > 0 ? 0 : EXIT_USAGE; }
    c.json = o.json;
    if (sl_open(&c.e, NULL) != SL_OK) {
        fprintf(stderr, "storyline: %s\n", sl_errmsg(c.e));
        sl_close(c.e);
        free(o.args);
        return EXIT_FAIL;
    }
    int rc = cli_set_limits(c.e, &o, "analyze");
    if (!rc && o.manifest && sl_load_manifest(c.e, o.manifest) != SL_OK) {
        fprintf(stderr, "storyline: %s\n", sl_errmsg(c.e));
        rc = EXIT_FAIL;
    }
    for (int i = 0; i < o.nargs && rc != EXIT_USAGE; i++)   /* an unreadable input is reported; the others go on */
        if (one_input(&c, o.args[i])) rc = EXIT_FAIL;
    sl_close(c.e);
    free(o.args);
    return rc;
}
