/* extract.c: 'storyline extract': the article of each page, printed, with no
 * database: title, author, date, language and body of HTML pages and
 * plain-text scrapes alike. Printing only; extraction is the library's. */
#include "cli.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char help[] =
    "usage: storyline extract [--json] [--with-html] [--max-page SIZE] [--max-line SIZE]\n"
    "                         [--max-inflate RATIO] [--max-inflate-size SIZE] FILE...\n"
    "\n"
    "Print the article of each page (HTML, plain text, JSON Lines, WARC,\n"
    "feeds; '-' reads standard input) without touching a database: title,\n"
    "author, publication date, language and the body, paragraphs separated\n"
    "by a blank line. With --json, one JSON object per page per line with\n"
    "id, url, title, author, published, language, text (and subtitle,\n"
    "dateline, date_inferred); --with-html adds html, the body as clean HTML.\n"
    "\n"
    CLI_LIMITS_HELP
    "\n"
    "A page without an article (empty, binary, only boilerplate), a bad record\n"
    "or one over a limit is reported and the others printed; the exit status is\n"
    "then 2.\n";

/* s with &, <, > and " escaped, written to f */
static void put_escaped(const char *s, FILE *f)
{
    for (; *s; s++) {
        switch (*s) {
        case '&': fputs("&amp;", f); break;
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '"': fputs("&quot;", f); break;
        default: fputc(*s, f);
        }
    }
}

/* The body as HTML: the title as a heading, then one element per paragraph. */
static char *article_html(const sl_article *a)
{
    char *mem = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&mem, &len);
    if (!f) return NULL;
    fputs("<article>", f);
    if (a->title) { fputs("<h1>", f); put_escaped(a->title, f); fputs("</h1>", f); }
    for (size_t i = 0; i < a->n_paragraphs; i++) {
        fputs("<p>", f);
        put_escaped(a->paragraphs[i], f);
        fputs("</p>", f);
    }
    fputs("</article>", f);
    fclose(f);
    return mem;
}

static json_t *article_json(const sl_article *a, int with_html)
{
    char day[11];
    sl_day_format(a->published, day);
    json_t *j = json_object();
    json_object_set_new(j, "id", sv_str(a->id));
    json_object_set_new(j, "url", sv_str(a->url));
    json_object_set_new(j, "title", sv_str(a->title));
    json_object_set_new(j, "author", sv_str(a->byline));
    json_object_set_new(j, "published", sv_str(day[0] ? day : NULL));
    json_object_set_new(j, "date_inferred", json_boolean(a->date_inferred));
    json_object_set_new(j, "language", sv_str(a->language));
    json_object_set_new(j, "subtitle", sv_str(a->subtitle));
    json_object_set_new(j, "dateline", sv_str(a->dateline));
    json_object_set_new(j, "text", sv_str(a->text));
    json_object_set_new(j, "removed", sv_str(a->removed));
    if (with_html) {
        char *h = article_html(a);
        json_object_set_new(j, "html", sv_str(h));
        free(h);
    }
    return j;
}

static void print_text(const sl_article *a)
{
    char day[11];
    sl_day_format(a->published, day);
    printf("== %s\n", a->id ? a->id : "");
    if (a->title) printf("title:     %s\n", a->title);
    if (a->byline) printf("author:    %s\n", a->byline);
    if (day[0]) printf("published: %s%s\n", day, a->date_inferred ? " (inferred)" : "");
    if (a->language) printf("language:  %s\n", a->language);
    if (a->url) printf("url:       %s\n", a->url);
    printf("\n%s\n\n", a->text ? a->text : "");
}

typedef struct { int json, with_html; sl_engine *e; } ctx;

/* Every page of one input; 1 if the input, or any of its pages, cannot be
 * used. A bad page is reported and the next one read. */
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
        const sl_article *a;
        if (st != SL_OK || sl_extract_page(c->e, &page, &a) != SL_OK) {
            fprintf(stderr, "storyline: %s\n", sl_errmsg(c->e));
            failed = 1;
            continue;
        }
        if (!c->json) { print_text(a); continue; }
        json_t *j = article_json(a, c->with_html);
        char *s = json_dumps(j, JSON_COMPACT);
        puts(s);
        free(s);
        json_decref(j);
    }
    sl_source_close(src);
    return failed;
}

int cmd_extract(int argc, char **argv)
{
    ctx c = {0};
    for (int i = 1; i < argc; i++)   /* --with-html is this command's own option */
        if (!strcmp(argv[i], "--with-html")) {
            c.with_html = 1;
            memmove(&argv[i], &argv[i + 1], (size_t)(argc - i) * sizeof *argv);
            argc--;
            i--;
        }
    cli_opts o;
    int r = cli_parse(argc, argv, help, CLI_LIMITS, &o);
    if (!r && !o.nargs) {
        fprintf(stderr, "storyline extract: no FILE given\n\n%s", help);
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
    int rc = cli_set_limits(c.e, &o, "extract");
    for (int i = 0; i < o.nargs && rc != EXIT_USAGE; i++)
        if (one_input(&c, o.args[i])) rc = EXIT_FAIL;
    sl_close(c.e);
    free(o.args);
    return rc;
}
