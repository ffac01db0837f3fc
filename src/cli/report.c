/* report.c: 'storyline report ID': one event or storyline as one
 * self-contained file (HTML with its time axis inline, or Markdown). */
#include "cli.h"
#include "core/core.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char help[] =
    "usage: storyline report [--db FILE] [--format html|md] ID > FILE\n"
    "\n"
    "One event (eN) or storyline (sN) as one file to mail or print: headline,\n"
    "dates, the time axis (HTML: an inline SVG of articles per day with the\n"
    "events as bands), summary, events, actors, quotes by speaker, timeline\n"
    "and articles (linked to their pages). HTML (the default) needs no other\n"
    "file and no network; Markdown is plain text.\n";

/* --format: the one option of this command, read before the story is printed. */
static const char *format = "html";

static void print_report(const sl_story *s, const cli_opts *o)
{
    (void)o;
    buf b;
    buf_init(&b);
    if (!strcmp(format, "md")) sv_story_md(&b, s);
    else sv_story_html(&b, s, true);
    fwrite(b.data, 1, b.len, stdout);
    buf_free(&b);
}

int cmd_report(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        bool eq = !strncmp(argv[i], "--format=", 9);
        if (strcmp(argv[i], "--format") && !eq) continue;
        if (!eq && i + 1 >= argc) {
            fprintf(stderr, "storyline report: --format needs html or md\n\n%s", help);
            return EXIT_USAGE;
        }
        format = eq ? argv[i] + 9 : argv[i + 1];
        int used = eq ? 1 : 2;
        memmove(&argv[i], &argv[i + used], (size_t)(argc - i - used + 1) * sizeof *argv);
        argc -= used;
        i--;
    }
    if (strcmp(format, "html") && strcmp(format, "md")) {
        fprintf(stderr, "storyline report: --format %s: give html or md\n\n%s", format, help);
        return EXIT_USAGE;
    }
    return cli_run_story(argc, argv, help, print_report);
}
