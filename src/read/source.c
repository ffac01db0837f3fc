/* source.c: walking inputs (files, folders, standard input) and yielding
 * pages from plain-text files and JSON Lines.
 *
 * Not the parsing of a JSON record (jsonl.c) nor of the manifest
 * (manifest.c). Files are read through zlib, which passes uncompressed data
 * through unchanged, so .gz needs no special case beyond the name. */
#include "read.h"
#include "read_internal.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

typedef enum { KIND_TEXT, KIND_JSONL, KIND_HTML, KIND_SKIP } file_kind;

struct rd_source {
    VEC(char *) files;     /* queue of files still to read */
    size_t      next_file;
    /* the file being read */
    gzFile      gz;
    char       *path;
    file_kind   kind;
    long        line;
    buf         data;      /* whole file (text) or current line (JSONL) */
    buf         id, scratch;
    rd_record   rec;
};

static bool has_suffix(const char *s, size_t n, const char *suf)
{
    size_t k = strlen(suf);
    return n >= k && strncasecmp(s + n - k, suf, k) == 0;
}

/* Kind of a file from its name; explicit says whether the user named it
 * (then anything unknown is read as text) or a folder walk found it. */
static file_kind kind_of(const char *path, bool explicit)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t n = strlen(base);
    if (has_suffix(base, n, ".gz")) n -= 3;
    if (has_suffix(base, n, ".jsonl") || has_suffix(base, n, ".ndjson")) return KIND_JSONL;
    if (has_suffix(base, n, ".txt") || has_suffix(base, n, ".text")) return KIND_TEXT;
    if (has_suffix(base, n, ".html") || has_suffix(base, n, ".htm")) return KIND_HTML;
    if (explicit) return KIND_TEXT;   /* sniffed again when opened */
    if (base[0] == '.') return KIND_SKIP;
    return memchr(base, '.', n) ? KIND_SKIP : KIND_TEXT;
}

void rd_id_from_path(const char *path, buf *out)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t n = strlen(base);
    static const char *const sufs[] = {".gz", ".txt", ".text", ".html", ".htm", ".jsonl", ".ndjson"};
    for (bool again = true; again;) {
        again = false;
        for (size_t i = 0; i < sizeof sufs / sizeof *sufs; i++) {
            if (n > strlen(sufs[i]) && has_suffix(base, n, sufs[i])) {
                n -= strlen(sufs[i]);
                again = true;
            }
        }
    }
    buf_clear(out);
    buf_append(out, base, n);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Add the files under dir, sorted, so that runs are reproducible. */
static void walk(rd_source *s, const char *dir, int depth)
{
    DIR *d = opendir(dir);
    if (!d || depth > 64) { if (d) closedir(d); return; }
    VEC(char *) names = {0};
    struct dirent *ent;
    while ((ent = readdir(d))) {
        if (ent->d_name[0] == '.') continue;
        VEC_PUSH(names, xstrdup(ent->d_name));
    }
    closedir(d);
    qsort(names.v, names.n, sizeof *names.v, cmp_str);
    buf p;
    buf_init(&p);
    for (size_t i = 0; i < names.n; i++) {
        buf_clear(&p);
        buf_printf(&p, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", names.v[i]);
        struct stat st;
        if (stat(p.data, &st) == 0 && S_ISDIR(st.st_mode)) walk(s, p.data, depth + 1);
        else if (kind_of(p.data, false) != KIND_SKIP) VEC_PUSH(s->files, xstrdup(p.data));
        free(names.v[i]);
    }
    buf_free(&p);
    VEC_FREE(names);
}

sl_status rd_open(const char *path, rd_source **out, err_slot *err)
{
    *out = NULL;
    struct stat st;
    if (strcmp(path, "-") != 0 && stat(path, &st) != 0)
        return err_set(err, SL_EIO, path, 0, "cannot open: %s", strerror(errno));
    rd_source *s = xcalloc(1, sizeof *s);
    if (strcmp(path, "-") != 0 && S_ISDIR(st.st_mode)) walk(s, path, 0);
    else VEC_PUSH(s->files, xstrdup(path));
    *out = s;
    return SL_OK;
}

static void close_file(rd_source *s)
{
    if (s->gz) gzclose(s->gz);
    s->gz = NULL;
    free(s->path);
    s->path = NULL;
}

void rd_close(rd_source *s)
{
    if (!s) return;
    close_file(s);
    for (size_t i = s->next_file; i < s->files.n; i++) free(s->files.v[i]);
    VEC_FREE(s->files);
    buf_free(&s->data);
    buf_free(&s->id);
    buf_free(&s->scratch);
    rd_record_free(&s->rec);
    free(s);
}

/* Read one line (without its newline) into s->data; false at end of file. */
static bool read_line(rd_source *s)
{
    buf_clear(&s->data);
    char chunk[8192];
    for (;;) {
        if (!gzgets(s->gz, chunk, sizeof chunk)) return s->data.len > 0;
        size_t k = strlen(chunk);
        buf_append(&s->data, chunk, k);
        if (k && chunk[k - 1] == '\n') {
            s->data.data[--s->data.len] = '\0';
            if (s->data.len && s->data.data[s->data.len - 1] == '\r') s->data.data[--s->data.len] = '\0';
            return true;
        }
    }
}

static sl_status read_all(rd_source *s, err_slot *err)
{
    buf_clear(&s->data);
    char chunk[65536];
    int k;
    while ((k = gzread(s->gz, chunk, sizeof chunk)) > 0) buf_append(&s->data, chunk, (size_t)k);
    if (k < 0) {
        int zerr;
        const char *msg = gzerror(s->gz, &zerr);
        return err_set(err, SL_EIO, s->path, 0, "cannot read: %s", zerr == Z_ERRNO ? strerror(errno) : msg);
    }
    return SL_OK;
}

static sl_status open_next_file(rd_source *s, err_slot *err)
{
    close_file(s);
    if (s->next_file >= s->files.n) return SL_DONE;
    s->path = s->files.v[s->next_file++];
    s->line = 0;
    s->kind = kind_of(s->path, true);
    s->gz = strcmp(s->path, "-") == 0 ? gzdopen(dup(0), "rb") : gzopen(s->path, "rb");
    if (!s->gz) return err_set(err, SL_EIO, s->path, 0, "cannot open: %s", strerror(errno));
    gzbuffer(s->gz, 1 << 16);
    if (s->kind != KIND_TEXT) return SL_OK;
    /* A file of unknown kind (or standard input) that starts with '{' is JSON Lines. */
    int c;
    while ((c = gzgetc(s->gz)) == ' ' || c == '\n' || c == '\r' || c == '\t') {}
    if (c == '{') s->kind = KIND_JSONL;
    if (c != -1) gzungetc(c, s->gz);
    return SL_OK;
}

static void page_from_file(rd_source *s, sl_page *p)
{
    memset(p, 0, sizeof *p);
    rd_id_from_path(s->path, &s->id);
    p->input = s->path;
    p->id = strcmp(s->path, "-") == 0 ? "stdin" : s->id.data;
    p->body = s->data.data ? s->data.data : "";
    p->body_len = s->data.len;
    p->format = s->kind == KIND_HTML ? SL_FORMAT_HTML : SL_FORMAT_TEXT;
}

sl_status rd_next(rd_source *s, sl_page *page, err_slot *err)
{
    for (;;) {
        if (!s->gz) {
            sl_status st = open_next_file(s, err);
            if (st != SL_OK) return st;
            if (s->kind != KIND_JSONL) {
                st = read_all(s, err);
                if (st == SL_OK) page_from_file(s, page);
                gzclose(s->gz);   /* the path stays: the page names it */
                s->gz = NULL;
                return st;
            }
        }
        if (!read_line(s)) { close_file(s); continue; }
        s->line++;
        size_t i = 0;
        while (i < s->data.len && strchr(" \t\r", s->data.data[i])) i++;
        if (i == s->data.len) continue;   /* blank line */
        rd_id_from_path(s->path, &s->id);
        return rd_jsonl_parse(s->data.data, s->data.len, s->path, s->line, s->id.data,
                              &s->rec, page, err);
    }
}
