/* manifest.c: the TSV file that gives plain-text pages their publication
 * date and outlet, as a crawler records them beside the pages.
 *
 * The header line names the columns (file, published, source; any order,
 * extra columns ignored). A file is matched by its name without folder, so a
 * manifest works wherever the pages are moved. */
#include "read.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct { char *published, *source; long line; } entry;

struct rd_manifest {
    map   index;            /* file name -> entry index + 1 */
    VEC(entry) entries;
};

static const char *basename_of(const char *p)
{
    const char *b = strrchr(p, '/');
    return b ? b + 1 : p;
}

/* Split line in place at tabs; returns the number of fields (at most max). */
static int split_tabs(char *line, char **f, int max)
{
    int n = 0;
    f[n++] = line;
    for (char *c = line; *c && n < max; c++)
        if (*c == '\t') { *c = '\0'; f[n++] = c + 1; }
    return n;
}

static void chomp(char *s)
{
    size_t n = strlen(s);
    while (n && (s[n - 1] == '\n' || s[n - 1] == '\r')) s[--n] = '\0';
}

sl_status rd_manifest_of(FILE *f, const char *input, rd_manifest **out, err_slot *err)
{
    *out = NULL;
    char *line = NULL;
    size_t cap = 0;
    char *fields[64];
    int col_file = -1, col_pub = -1, col_src = -1;
    if (getline(&line, &cap, f) > 0) {
        chomp(line);
        int n = split_tabs(line, fields, 64);
        for (int i = 0; i < n; i++) {
            if (strcmp(fields[i], "file") == 0) col_file = i;
            else if (strcmp(fields[i], "published") == 0) col_pub = i;
            else if (strcmp(fields[i], "source") == 0) col_src = i;
        }
    }
    if (col_file < 0) {
        free(line);
        return err_set(err, SL_EINPUT, input, 1, "manifest header has no \"file\" column");
    }
    rd_manifest *m = xcalloc(1, sizeof *m);
    map_init(&m->index);
    for (long lineno = 2; getline(&line, &cap, f) > 0; lineno++) {
        chomp(line);
        if (!*line) continue;
        int n = split_tabs(line, fields, 64);
        if (col_file >= n || !*fields[col_file]) continue;
        entry e = {
            .published = col_pub >= 0 && col_pub < n && *fields[col_pub] ? xstrdup(fields[col_pub]) : NULL,
            .source = col_src >= 0 && col_src < n && *fields[col_src] ? xstrdup(fields[col_src]) : NULL,
            .line = lineno,
        };
        const char *name = basename_of(fields[col_file]);
        VEC_PUSH(m->entries, e);
        *map_put(&m->index, name, strlen(name), NULL) = m->entries.n;
    }
    free(line);
    *out = m;
    return SL_OK;
}

sl_status rd_manifest_load(const char *path, rd_manifest **out, err_slot *err)
{
    *out = NULL;
    FILE *f = fopen(path, "r");
    if (!f) return err_set(err, SL_EIO, path, 0, "cannot open manifest: %s", strerror(errno));
    sl_status st = rd_manifest_of(f, path, out, err);
    fclose(f);
    return st;
}

bool rd_manifest_find(const rd_manifest *m, const char *input, const char **published,
                      const char **source)
{
    if (!m || !input) return false;
    const char *name = basename_of(input);
    uint64_t *v = map_get(&m->index, name, strlen(name));
    if (!v) return false;
    const entry *e = &m->entries.v[*v - 1];
    *published = e->published;
    *source = e->source;
    return true;
}

long rd_manifest_line(const rd_manifest *m, const char *input)
{
    if (!m || !input) return 0;
    const char *name = basename_of(input);
    uint64_t *v = map_get(&m->index, name, strlen(name));
    return v ? m->entries.v[*v - 1].line : 0;
}

void rd_manifest_free(rd_manifest *m)
{
    if (!m) return;
    for (size_t i = 0; i < m->entries.n; i++) {
        free(m->entries.v[i].published);
        free(m->entries.v[i].source);
    }
    VEC_FREE(m->entries);
    map_free(&m->index);
    free(m);
}
