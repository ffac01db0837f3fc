/* extract.c: 'storyline extract': the article of each page, printed, with no
 * database: title, author, date, language and body of HTML pages and
 * plain-text scrapes alike. Printing only; extraction is the library's. */
#include "cli.h"
#include "core/core.h"

#include <stdbool.h>
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

/* s as a JSON string, or null for NULL, escaped as jansson escapes
 * (quote, backslash, control characters; nothing else), text that is
 * not UTF-8 repaired as sv_str does: jansson's dump took a twentieth of
 * extraction's time, most of it on the body. */
/* The first byte of [p, e) that JSON must escape (a control byte, '"' or
 * '\\'), or e: sixteen bytes a step with SSE2. */
static const char *json_special(const char *p, const char *e)
{
#if defined(__SSE2__)
    const __m128i c1f = _mm_set1_epi8(0x1F), quote = _mm_set1_epi8('"'), bs = _mm_set1_epi8('\\');
    for (; e - p >= 16; p += 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
        __m128i hit = _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(x, c1f), x),
                                   _mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, bs)));
        unsigned m = (unsigned)_mm_movemask_epi8(hit);
        if (m) return p + __builtin_ctz(m);
    }
#endif
    while (p < e && (unsigned char)*p >= 0x20 && *p != '"' && *p != '\\') p++;
    return p;
}

static void put_json_string(FILE *f, const char *s)
{
    if (!s) { fputs("null", f); return; }
    size_t n = strlen(s);
    if (!u8_valid(s, n)) {   /* a file name, say: repaired as sv_str does */
        char *clean = u8_sanitize(s, n, NULL);
        put_json_string(f, clean);
        free(clean);
        return;
    }
    putc('"', f);
    const char *e = s + n;
    for (const char *p = s;;) {
        const char *run = p;
        p = json_special(p, e);
        fwrite(run, 1, (size_t)(p - run), f);
        if (p == e) break;
        unsigned char c = (unsigned char)*p++;
        switch (c) {
        case '"': fputs("\\\"", f); break;
        case '\\': fputs("\\\\", f); break;
        case '\b': fputs("\\b", f); break;
        case '\f': fputs("\\f", f); break;
        case '\n': fputs("\\n", f); break;
        case '\r': fputs("\\r", f); break;
        case '\t': fputs("\\t", f); break;
        default: fprintf(f, "\\u%04X", c);
        }
    }
    putc('"', f);
}

static void put_json_field(FILE *f, const char *key, const char *value, bool first)
{
    fprintf(f, "%s\"%s\":", first ? "{" : ",", key);
    put_json_string(f, value);
}

/* One page's article as one line of JSON. */
static void print_json(FILE *f, const sl_article *a, int with_html)
{
    char day[11];
    sl_day_format(a->published, day);
    put_json_field(f, "id", a->id, true);
    put_json_field(f, "url", a->url, false);
    put_json_field(f, "title", a->title, false);
    put_json_field(f, "author", a->byline, false);
    put_json_field(f, "published", day[0] ? day : NULL, false);
    fprintf(f, ",\"date_inferred\":%s", a->date_inferred ? "true" : "false");
    put_json_field(f, "language", a->language, false);
    put_json_field(f, "subtitle", a->subtitle, false);
    put_json_field(f, "dateline", a->dateline, false);
    put_json_field(f, "text", a->text, false);
    put_json_field(f, "removed", a->removed, false);
    if (with_html) {
        char *h = article_html(a);
        put_json_field(f, "html", h, false);
        free(h);
    }
    fputs("}\n", f);
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
        print_json(stdout, a, c->with_html);
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
