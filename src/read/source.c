/* source.c: walking inputs (files, folders, standard input), telling what
 * each file is (by name, else by its first bytes), and yielding its pages:
 * whole files (plain text, HTML), lines (JSON Lines), records (WARC) and
 * items (feeds).
 *
 * Not the parsing of a JSON record (jsonl.c), a WARC record (warc.c), a
 * feed (feed.c) or the manifest (manifest.c). Files are read through zlib,
 * which passes uncompressed data through unchanged, so .gz needs no special
 * case beyond the name; only .warc.gz goes member by member (gunzip.c), so
 * that one damaged member does not end the file. */
#include "read.h"
#include "read_internal.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

/* KIND_UNKNOWN: a name that does not say; its first bytes decide (sniff.c). */
typedef enum { KIND_TEXT, KIND_JSONL, KIND_HTML, KIND_WARC, KIND_FEED, KIND_UNKNOWN, KIND_SKIP } file_kind;

struct rd_source {
    VEC(char *) files;     /* queue of files still to read */
    size_t      next_file;
    /* the file being read */
    gzFile      gz;
    char       *path;
    file_kind   kind;
    long        line;
    buf         in;        /* read ahead, not yet consumed from in_pos on */
    size_t      in_pos;
    bool        in_eof;
    buf         data;      /* whole file (text, HTML, feed) or current line (JSONL) */
    buf         id, scratch, label;
    rd_record   rec;
    rd_warc    *warc;
    rd_gunzip  *gunzip;    /* a .warc.gz file, read member by member */
    rd_feed    *feed;
    size_t      feed_next;
    long        passed;    /* records of containers that hold no page */
};

static bool has_suffix(const char *s, size_t n, const char *suf)
{
    size_t k = strlen(suf);
    return n >= k && strncasecmp(s + n - k, suf, k) == 0;
}

/* Kind of a file from its name; explicit says whether the user named it
 * (then anything unknown is sniffed, and read as text if nothing else) or a
 * folder walk found it (then files with an unknown suffix are left alone). */
static file_kind kind_of(const char *path, bool explicit)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t n = strlen(base);
    if (has_suffix(base, n, ".gz")) n -= 3;
    if (has_suffix(base, n, ".jsonl") || has_suffix(base, n, ".ndjson")) return KIND_JSONL;
    if (has_suffix(base, n, ".txt") || has_suffix(base, n, ".text")) return KIND_TEXT;
    if (has_suffix(base, n, ".html") || has_suffix(base, n, ".htm")) return KIND_HTML;
    if (has_suffix(base, n, ".warc")) return KIND_WARC;
    if (has_suffix(base, n, ".rss") || has_suffix(base, n, ".atom") || has_suffix(base, n, ".xml"))
        return KIND_FEED;
    if (explicit) return KIND_UNKNOWN;
    if (base[0] == '.') return KIND_SKIP;
    return memchr(base, '.', n) ? KIND_SKIP : KIND_UNKNOWN;
}

void rd_id_from_path(const char *path, buf *out)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t n = strlen(base);
    static const char *const sufs[] = {".gz", ".txt", ".text", ".html", ".htm", ".jsonl", ".ndjson",
                                       ".warc", ".rss", ".atom", ".xml"};
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
    if (names.n > 1) qsort(names.v, names.n, sizeof *names.v, cmp_str);   /* NULL when empty */
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
    if (s->warc) s->passed += rd_warc_passed(s->warc);
    rd_warc_free(s->warc);
    s->warc = NULL;
    rd_gunzip_close(s->gunzip);
    s->gunzip = NULL;
    rd_feed_free(s->feed);
    s->feed = NULL;
}

void rd_close(rd_source *s)
{
    if (!s) return;
    close_file(s);
    for (size_t i = s->next_file; i < s->files.n; i++) free(s->files.v[i]);
    VEC_FREE(s->files);
    buf_free(&s->in);
    buf_free(&s->data);
    buf_free(&s->id);
    buf_free(&s->scratch);
    buf_free(&s->label);
    rd_record_free(&s->rec);
    free(s);
}

long rd_passed(const rd_source *s) { return s->passed + (s->warc ? rd_warc_passed(s->warc) : 0); }

static sl_status read_error(rd_source *s, err_slot *err)
{
    int zerr;
    const char *msg = gzerror(s->gz, &zerr);
    return err_set(err, SL_EIO, s->path, 0, "cannot read: %s", zerr == Z_ERRNO ? strerror(errno) : msg);
}

/* Read ahead until want bytes wait in s->in or the file ends. */
static sl_status fill_in(rd_source *s, size_t want, err_slot *err)
{
    while (s->in.len - s->in_pos < want && !s->in_eof) {
        if (s->in_pos && s->in_pos >= s->in.len / 2) {
            memmove(s->in.data, s->in.data + s->in_pos, s->in.len - s->in_pos);
            s->in.len -= s->in_pos;
            s->in_pos = 0;
        }
        buf_reserve(&s->in, 65536);
        int k = gzread(s->gz, s->in.data + s->in.len, 65536);
        if (k < 0) { s->in_eof = true; return read_error(s, err); }
        if (k == 0) s->in_eof = true;
        s->in.len += (size_t)k;
        s->in.data[s->in.len] = '\0';
    }
    return SL_OK;
}

/* The WARC reader's bytes: what was read ahead, then the rest of the file. */
static long pull(void *ctx, char *dst, size_t n, err_slot *err)
{
    rd_source *s = ctx;
    size_t have = s->in.len - s->in_pos;
    if (have) {
        size_t k = have < n ? have : n;
        memcpy(dst, s->in.data + s->in_pos, k);
        s->in_pos += k;
        return (long)k;
    }
    int k = gzread(s->gz, dst, (unsigned)(n > 1u << 30 ? 1u << 30 : n));
    if (k < 0) {
        read_error(s, err);
        return -1;
    }
    return k;
}

/* One line (without its newline) into s->data; false at end of file. */
static bool read_line(rd_source *s, err_slot *err, sl_status *st)
{
    buf_clear(&s->data);
    size_t from = s->in_pos;
    for (;;) {
        const char *nl = from < s->in.len ? memchr(s->in.data + from, '\n', s->in.len - from) : NULL;
        if (nl || s->in_eof) {
            size_t end = nl ? (size_t)(nl - s->in.data) : s->in.len;
            buf_append(&s->data, s->in.data + s->in_pos, end - s->in_pos);
            s->in_pos = nl ? end + 1 : end;
            if (s->data.len && s->data.data[s->data.len - 1] == '\r') s->data.data[--s->data.len] = '\0';
            return nl || s->data.len;
        }
        from = s->in.len - s->in_pos;   /* relative: fill_in may move the bytes */
        *st = fill_in(s, from + 65536, err);
        from += s->in_pos;
        if (*st != SL_OK) return false;
    }
}

static sl_status read_all(rd_source *s, err_slot *err)
{
    sl_status st = fill_in(s, SIZE_MAX, err);
    buf_clear(&s->data);
    buf_append(&s->data, s->in.data + s->in_pos, s->in.len - s->in_pos);
    s->in_pos = s->in.len;
    return st;
}

/* Does the file start with gzip's magic? (A .gz name may be wrong.) */
static bool gzip_magic(const char *path)
{
    unsigned char m[2] = {0};
    FILE *f = fopen(path, "rb");
    bool yes = f && fread(m, 1, 2, f) == 2 && m[0] == 0x1f && m[1] == 0x8b;
    if (f) fclose(f);
    return yes;
}

static sl_status open_next_file(rd_source *s, err_slot *err)
{
    close_file(s);
    if (s->next_file >= s->files.n) return SL_DONE;
    s->path = s->files.v[s->next_file++];
    s->line = 0;
    s->kind = kind_of(s->path, true);
    buf_clear(&s->in);
    s->in_pos = 0;
    s->in_eof = false;
    size_t plen = strlen(s->path);
    if (s->kind == KIND_WARC && plen > 3 && !strcasecmp(s->path + plen - 3, ".gz") && gzip_magic(s->path)) {
        /* so that a damaged gzip member costs one record, not the rest */
        if (!(s->gunzip = rd_gunzip_open(s->path, err))) return SL_EIO;
        s->warc = rd_warc_new(rd_gunzip_pull, s->gunzip, s->path);
        rd_warc_members(s->warc, rd_gunzip_member_of);
        return SL_OK;
    }
    s->gz = strcmp(s->path, "-") == 0 ? gzdopen(dup(0), "rb") : gzopen(s->path, "rb");
    if (!s->gz) return err_set(err, SL_EIO, s->path, 0, "cannot open: %s", strerror(errno));
    gzbuffer(s->gz, 1 << 16);
    if (s->kind == KIND_UNKNOWN || s->kind == KIND_TEXT) {
        sl_status st = fill_in(s, RD_SNIFF_BYTES, err);
        if (st != SL_OK) return st;
        static const file_kind by_sniff[] = {
            [RD_SNIFF_UNKNOWN] = KIND_TEXT, [RD_SNIFF_JSONL] = KIND_JSONL, [RD_SNIFF_HTML] = KIND_HTML,
            [RD_SNIFF_WARC] = KIND_WARC, [RD_SNIFF_FEED] = KIND_FEED};
        rd_sniffed what = rd_sniff(s->in.data ? s->in.data : "", s->in.len);
        /* a named .txt file is text, unless it is JSON Lines (as it always was) */
        if (s->kind == KIND_UNKNOWN || what == RD_SNIFF_JSONL) s->kind = by_sniff[what];
    }
    if (s->kind == KIND_WARC) s->warc = rd_warc_new(pull, s, s->path);
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

/* The next item of the open feed; an item without a guid is named by its
 * link, or else by the file and its place in it. */
static bool next_item(rd_source *s, sl_page *page)
{
    if (s->feed_next >= rd_feed_count(s->feed)) return false;
    rd_feed_item(s->feed, s->feed_next++, page);
    if (!page->id) {
        rd_id_from_path(s->path, &s->id);
        buf_clear(&s->label);
        buf_printf(&s->label, "%s-%zu", s->id.data, s->feed_next);
        page->id = page->url ? page->url : s->label.data;
    }
    return true;
}

/* Open the next file; read a whole-file page (*ready then says the page is
 * filled), or parse a whole feed. */
static sl_status start_file(rd_source *s, sl_page *page, bool *ready, err_slot *err)
{
    *ready = false;
    sl_status st = open_next_file(s, err);
    if (st != SL_OK || s->kind == KIND_JSONL || s->kind == KIND_WARC) return st;
    st = read_all(s, err);
    gzclose(s->gz);   /* the path stays: the page names it */
    s->gz = NULL;
    if (st != SL_OK) return st;
    if (s->kind != KIND_FEED) {
        page_from_file(s, page);
        *ready = true;
        return SL_OK;
    }
    s->feed_next = 0;
    return rd_feed_parse(s->data.data ? s->data.data : "", s->data.len, s->path, &s->feed, err);
}

sl_status rd_next(rd_source *s, sl_page *page, err_slot *err)
{
    for (;;) {
        if (s->feed) {
            if (next_item(s, page)) return SL_OK;
            close_file(s);
        }
        if (rd_gunzip_message(s->gunzip, err)) return SL_EINPUT;
        if (s->warc) {
            sl_status st = rd_warc_next(s->warc, page, err);
            if (st != SL_DONE) return st;
            if (rd_gunzip_message(s->gunzip, err)) return SL_EINPUT;
            close_file(s);
        }
        if (!s->gz) {
            bool ready;
            sl_status st = start_file(s, page, &ready, err);
            if (st != SL_OK || ready) return st;
            continue;
        }
        sl_status st = SL_OK;
        if (!read_line(s, err, &st)) {
            close_file(s);
            if (st != SL_OK) return st;
            continue;
        }
        s->line++;
        size_t i = 0;
        while (i < s->data.len && strchr(" \t\r", s->data.data[i])) i++;
        if (i == s->data.len) continue;   /* blank line */
        rd_id_from_path(s->path, &s->id);
        return rd_jsonl_parse(s->data.data, s->data.len, s->path, s->line, s->id.data,
                              &s->rec, page, err);
    }
}
