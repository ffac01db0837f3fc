/* opts.c: the options every subcommand shares, and opening the database. */
#include "cli.h"
#include "core/core.h"

#include <ctype.h>
#include <errno.h>
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A count from 1 to 1024 in s, or 0. */
static int count_of(const char *s)
{
    char *end;
    long n = strtol(s, &end, 10);
    return *s && !*end && n >= 1 && n <= 1024 ? (int)n : 0;
}

/* A size: digits, then K, M, G or T (powers of 1024) with an optional iB
 * or B, or a bare B; false if s is none, or it does not fit. */
static bool size_of(const char *s, uint64_t *out)
{
    if (!isdigit((unsigned char)*s)) return false;
    char *end;
    errno = 0;
    unsigned long long n = strtoull(s, &end, 10);
    if (errno) return false;
    int shift = 0;
    switch (toupper((unsigned char)*end)) {
    case 'K': shift = 10; break;
    case 'M': shift = 20; break;
    case 'G': shift = 30; break;
    case 'T': shift = 40; break;
    }
    if (shift) end++;
    if (shift && toupper((unsigned char)end[0]) == 'I' && toupper((unsigned char)end[1]) == 'B') end += 2;
    else if (toupper((unsigned char)*end) == 'B') end++;
    if (*end || n > (UINT64_MAX >> shift)) return false;
    *out = (uint64_t)n << shift;
    return true;
}

int cli_size(const char *s, const char *cmd, const char *opt, size_t *out)
{
    uint64_t n;
    if (s && size_of(s, &n) && n >= 1 && n <= SIZE_MAX) {
        *out = (size_t)n;
        return 0;
    }
    fprintf(stderr, "storyline %s: %s needs a size (bytes, or with K, M or G: 16M), not '%s'\n", cmd, opt, s ? s : "");
    return EXIT_USAGE;
}

/* The value of option name at argv[*i] ("--name V" or "--name=V"), moving
 * *i past it; NULL if argv[*i] is another option. *missing: it is this
 * option, without a value. */
static const char *value_of(int argc, char **argv, int *i, const char *name, bool *missing)
{
    const char *a = argv[*i];
    size_t k = strlen(name);
    *missing = false;
    if (strncmp(a, name, k) != 0) return NULL;
    if (a[k] == '=') return a + k + 1;
    if (a[k] != '\0') return NULL;
    if (*i + 1 >= argc) { *missing = true; return NULL; }
    return argv[++*i];
}

/* The limits options: 1 if argv[*i] is one (and it is set), 0 if it is
 * none, -1 after printing why its value is bad. */
static int limit_option(int argc, char **argv, int *i, const char *help, int allow, cli_opts *o)
{
    static const struct { const char *name; int allow; uint64_t min, max; const char *range; } sizes[] = {
        {"--max-page", CLI_LIMITS | CLI_MAX_PAGE, (uint64_t)1 << 10, (uint64_t)1 << 30, "from 1K to 1G"},
        {"--max-line", CLI_LIMITS, (uint64_t)1 << 10, (uint64_t)1 << 30, "from 1K to 1G"},
        {"--max-inflate-size", CLI_LIMITS, (uint64_t)1 << 10, (uint64_t)1 << 60, "of at least 1K"},
    };
    uint64_t *field[] = {&o->limits.max_page, &o->limits.max_line, &o->limits.max_inflate_size};
    bool missing;
    const char *v;
    for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
        if (!(allow & sizes[k].allow)) continue;
        if (!(v = value_of(argc, argv, i, sizes[k].name, &missing)) && !missing) continue;
        uint64_t n;
        if (!missing && size_of(v, &n) && n >= sizes[k].min && n <= sizes[k].max) {
            *field[k] = n;
            return 1;
        }
        fprintf(stderr, "storyline %s: %s needs a size %s (bytes, or with K, M or G: 16M)%s%s%s\n\n%s", argv[0],
                sizes[k].name, sizes[k].range, v ? ", not '" : "", v ? v : "", v ? "'" : "", help);
        return -1;
    }
    if (!(allow & CLI_LIMITS)) return 0;
    if (!(v = value_of(argc, argv, i, "--max-inflate", &missing)) && !missing) return 0;
    char *end;
    double r = missing ? 0 : strtod(v, &end);
    if (!missing && end != v && !*end && r >= 1 && r <= 1e9) {
        o->limits.max_inflate = r;
        return 1;
    }
    fprintf(stderr, "storyline %s: --max-inflate needs a ratio of at least 1 (such as 100)%s%s%s\n\n%s", argv[0],
            v ? ", not '" : "", v ? v : "", v ? "'" : "", help);
    return -1;
}

int cli_set_limits(sl_engine *e, const cli_opts *o, const char *cmd)
{
    if (sl_set_limits(e, &o->limits) == SL_OK) return 0;
    fprintf(stderr, "storyline %s: %s\n", cmd, sl_errmsg(e));
    return EXIT_USAGE;
}

int cli_parse(int argc, char **argv, const char *help, int allow, cli_opts *o)
{
    memset(o, 0, sizeof *o);
    o->db = "storyline.db";
    o->limit = -1;
    o->args = calloc((size_t)argc + 1, sizeof *o->args);
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int lim = limit_option(argc, argv, &i, help, allow, o);
        if (lim < 0) return -1;
        if (lim > 0) continue;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            fputs(help, stdout);
            return 1;
        } else if (!strcmp(a, "--json")) {
            o->json = 1;
        } else if ((allow & CLI_WRITE) && !strcmp(a, "--no-wait")) {
            o->no_wait = 1;
        } else if ((allow & CLI_LIMIT) && !strcmp(a, "--all")) {
            o->limit = 0;
        } else if ((allow & CLI_LIMIT) && (!strcmp(a, "--limit") || !strncmp(a, "--limit=", 8))) {
            const char *v = a[7] == '=' ? a + 8 : i + 1 < argc ? argv[++i] : "";
            char *end;
            long n = strtol(v, &end, 10);
            if (!*v || *end || n < 1) {
                fprintf(stderr, "storyline %s: --limit needs a number of rows (1 or more)\n\n%s", argv[0], help);
                return -1;
            }
            o->limit = n;
        } else if ((allow & CLI_JOBS) && (!strcmp(a, "--jobs") || !strcmp(a, "-j"))) {
            if (i + 1 >= argc || !(o->jobs = count_of(argv[i + 1]))) {
                fprintf(stderr, "storyline %s: %s needs a number of threads (1 to 1024)\n\n%s", argv[0], a, help);
                return -1;
            }
            i++;
        } else if ((allow & CLI_JOBS) && !strncmp(a, "--jobs=", 7)) {
            if (!(o->jobs = count_of(a + 7))) {
                fprintf(stderr, "storyline %s: --jobs needs a number of threads (1 to 1024)\n\n%s", argv[0], help);
                return -1;
            }
        } else if (!strcmp(a, "--db") || ((allow & CLI_MANIFEST) && !strcmp(a, "--manifest"))) {
            if (i + 1 >= argc) {
                fprintf(stderr, "storyline %s: %s needs a file name\n\n%s", argv[0], a, help);
                return -1;
            }
            if (!strcmp(a, "--db")) o->db = argv[++i]; else o->manifest = argv[++i];
        } else if (!strncmp(a, "--db=", 5)) {
            o->db = a + 5;
        } else if ((allow & CLI_MANIFEST) && !strncmp(a, "--manifest=", 11)) {
            o->manifest = a + 11;
        } else if (a[0] == '-' && a[1] == '-' && a[2] == '\0') {
            while (++i < argc) o->args[o->nargs++] = argv[i];
        } else if (a[0] == '-' && a[1] != '\0') {
            fprintf(stderr, "storyline %s: unknown option '%s'\n\n%s", argv[0], a, help);
            return -1;
        } else {
            o->args[o->nargs++] = argv[i];
        }
    }
    return 0;
}

sl_engine *cli_open(const cli_opts *o, int read_only)
{
    sl_engine *e;
    int flags = read_only ? SL_OPEN_READ : SL_OPEN_WRITE | (o->no_wait ? SL_OPEN_NO_WAIT : 0);
    if (sl_open_db(&e, o->db, flags) != SL_OK) {
        fprintf(stderr, "storyline: %s\n", sl_errmsg(e));
        sl_close(e);
        return NULL;
    }
    return e;
}

int cli_listing_full(cli_opts *o, long default_limit)
{
    long limit = o->limit < 0 ? default_limit : o->limit;
    if (limit && o->shown >= limit) {
        o->more = 1;
        return 1;
    }
    o->shown++;
    return 0;
}

int cli_run_listing(int argc, char **argv, const char *help,
                    sl_status (*list)(sl_engine *e, cli_opts *o))
{
    cli_opts o;
    int r = cli_parse(argc, argv, help, CLI_LIMIT, &o);
    if (!r && o.nargs) {
        fprintf(stderr, "storyline %s: unexpected argument '%s'\n\n%s", argv[0], o.args[0], help);
        r = -1;
    }
    if (r) { free(o.args); return r > 0 ? 0 : EXIT_USAGE; }
    sl_engine *e = cli_open(&o, 1);
    int rc = 0;
    if (!e || list(e, &o) != SL_OK) {
        if (e) fprintf(stderr, "storyline: %s\n", sl_errmsg(e));
        rc = EXIT_FAIL;
    } else if (o.more) {
        fprintf(stderr, "storyline: the newest %ld shown; --limit N or --all for more\n", o.shown);
    }
    sl_close(e);
    free(o.args);
    return rc;
}
