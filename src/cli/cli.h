/* cli.h: the subcommands of the storyline command and what they share. */
#ifndef SL_CLI_H
#define SL_CLI_H

#include "storyline.h"
#include "serve/serve.h"

#define EXIT_USAGE 1
#define EXIT_FAIL 2

int cmd_ingest(int argc, char **argv);
int cmd_articles(int argc, char **argv);
int cmd_stories(int argc, char **argv);
int cmd_show(int argc, char **argv);
int cmd_analyze(int argc, char **argv);
int cmd_timeline(int argc, char **argv);
int cmd_extract(int argc, char **argv);
int cmd_watch(int argc, char **argv);
int cmd_serve(int argc, char **argv);
int cmd_report(int argc, char **argv);

/* Common options: --db FILE, --json, --help, and those allow names
 * (CLI_MANIFEST: --manifest TSV; CLI_JOBS: --jobs N; CLI_WRITE: --no-wait;
 * CLI_LIMIT: --limit N and --all; CLI_LIMITS: --max-page SIZE, --max-line
 * SIZE, --max-inflate RATIO, --max-inflate-size SIZE; CLI_MAX_PAGE:
 * --max-page alone). cli_parse consumes them and leaves the other arguments
 * in args (NULL-terminated); returns -1 on bad usage (after printing why), 1
 * if --help was given, 0 otherwise. */
enum { CLI_MANIFEST = 1, CLI_JOBS = 2, CLI_WRITE = 4, CLI_LIMIT = 8, CLI_LIMITS = 16, CLI_MAX_PAGE = 32 };
typedef struct cli_opts {
    const char *db;
    int         json;
    int         no_wait;    /* --no-wait: another writer is an error, not a wait */
    long        limit;      /* --limit N; 0: --all; -1: not given */
    long        shown;      /* rows a listing printed so far */
    int         more;       /* a listing stopped at its limit with rows left */
    const char *manifest;
    int         jobs;       /* 0: not given */
    sl_limits   limits;     /* 0 in a field: not given */
    char      **args;
    int         nargs;
} cli_opts;

/* The limits options of the help texts, and what they say of the defaults. */
#define CLI_LIMITS_HELP \
    "  --max-page SIZE  skip a page (a file, a WARC record, a JSON record's text)\n" \
    "                   larger than SIZE (default 16M; K, M, G: KiB, MiB, GiB)\n" \
    "  --max-line SIZE  skip a JSON Lines line longer than SIZE (default: twice\n" \
    "                   the page limit, 32M)\n" \
    "  --max-inflate RATIO\n" \
    "                   stop gzip data that decompresses to more than RATIO times\n" \
    "                   its size, past its first MiB (default 100; text gives 3-15)\n" \
    "  --max-inflate-size SIZE\n" \
    "                   stop a compressed file past SIZE decompressed (default 32G)\n"

int cli_parse(int argc, char **argv, const char *help, int allow, cli_opts *o);
/* A size option's value (digits, then K, M, G), or EXIT_USAGE after
 * printing why it is none. */
int cli_size(const char *s, const char *cmd, const char *opt, size_t *out);
/* Give the engine the limits options named (the others keep their
 * defaults); 0, or EXIT_USAGE after printing why. */
int cli_set_limits(sl_engine *e, const cli_opts *o, const char *cmd);
/* Open the engine, or print why not; NULL on failure. read_only: the
 * command only reads (SL_OPEN_READ: a missing database is an error, not a
 * new file); else it writes (SL_OPEN_WRITE, waiting for another writer
 * unless --no-wait). */
sl_engine *cli_open(const cli_opts *o, int read_only);

/* The text form of a timeline, shared by show and timeline (timeline.c);
 * the JSON forms of everything are serve/objects.c's. */
void           cli_timeline_print(const sl_timeline_entry *t, size_t n);

/* The skeleton of a read-only command without arguments: parse the common
 * options, open the database, run list(engine, opts), report errors. */
int cli_run_listing(int argc, char **argv, const char *help,
                    sl_status (*list)(sl_engine *e, cli_opts *o));
/* The skeleton of a command on one story (show, report): parse the common
 * options and one ID, open the database, fetch the story, print(story). */
int cli_run_story(int argc, char **argv, const char *help, void (*print)(const sl_story *s, const cli_opts *o));
/* Called by a listing before it prints a row: 1 (stop, rows are left) once
 * the limit (--limit N, else default_limit; none with --all) is reached. */
int cli_listing_full(cli_opts *o, long default_limit);

#endif
