/* main.c: the storyline command: dispatch to a subcommand, and make sure
 * what it printed was written.
 *
 * Argument parsing and printing only; the pipeline lives in the library.
 * Exit status: 0 success, 1 bad usage, 2 input, database or output
 * unusable. */
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

static const char usage[] =
    "usage: storyline COMMAND [OPTIONS]\n"
    "\n"
    "Turn raw news pages into events and storylines, kept in one SQLite file.\n"
    "\n"
    "commands:\n"
    "  ingest     read articles (text, HTML, JSON Lines, WARC, feeds, gzip) into the database\n"
    "  articles   list the stored articles\n"
    "  stories    list storylines, newest first, with their events\n"
    "  show       one event or storyline: headline, summary, articles\n"
    "  timeline   what happened when, in a story or in articles matching words\n"
    "  analyze    names, quotes and dates of articles, without a database\n"
    "  extract    the article of each page (title, author, date, body), no database\n"
    "  watch      poll RSS/Atom feeds and ingest each new article page\n"
    "  serve      the web page, Atom feeds and an HTTP JSON API over the database\n"
    "  report     one event or storyline as one HTML or Markdown file\n"
    "\n"
    "Run 'storyline COMMAND --help' for a command's options.\n";

static int run(int argc, char **argv)
{
    if (argc < 2) {
        fputs(usage, stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
        fputs(usage, stdout);
        return 0;
    }
    if (!strcmp(cmd, "--version")) {
        puts("storyline " SL_VERSION);
        return 0;
    }
    if (!strcmp(cmd, "ingest")) return cmd_ingest(argc - 1, argv + 1);
    if (!strcmp(cmd, "articles")) return cmd_articles(argc - 1, argv + 1);
    if (!strcmp(cmd, "stories")) return cmd_stories(argc - 1, argv + 1);
    if (!strcmp(cmd, "show")) return cmd_show(argc - 1, argv + 1);
    if (!strcmp(cmd, "analyze")) return cmd_analyze(argc - 1, argv + 1);
    if (!strcmp(cmd, "extract")) return cmd_extract(argc - 1, argv + 1);
    if (!strcmp(cmd, "timeline")) return cmd_timeline(argc - 1, argv + 1);
    if (!strcmp(cmd, "watch")) return cmd_watch(argc - 1, argv + 1);
    if (!strcmp(cmd, "serve")) return cmd_serve(argc - 1, argv + 1);
    if (!strcmp(cmd, "report")) return cmd_report(argc - 1, argv + 1);
    fprintf(stderr, "storyline: unknown command '%s'\n\n%s", cmd, usage);
    return EXIT_USAGE;
}

/* A full disk or a closed pipe shows only when standard output is flushed,
 * often not before the command returns: a command whose output was lost
 * must not exit 0. Every command's output is checked here, once. */
static int check_stdout(int rc)
{
    int failed = ferror(stdout) != 0;
    errno = 0;
    failed |= fflush(stdout) != 0;
    int why = errno;
    failed |= fclose(stdout) != 0;
    if (!why) why = errno;
    if (!failed) return rc;
    if (why) fprintf(stderr, "storyline: cannot write to standard output: %s\n", strerror(why));
    else fputs("storyline: cannot write to standard output\n", stderr);
    return rc ? rc : EXIT_FAIL;
}

int main(int argc, char **argv)
{
    return check_stdout(run(argc, argv));
}
