/* source.c: walking inputs (files, folders, standard input), telling what
 * each file is (by name, else by its first bytes), and yielding its pages:
 * whole files (plain text, HTML), lines (JSON Lines), records (WARC) and
 * items (feeds), within the limits (sl_limits) on pages and lines.
 *
 * Not the parsing of a JSON record (jsonl.c), a WARC record (warc.c), a
 * feed (feed.c) or the manifest (manifest.c). A file that starts with
 * gzip's magic is read through gunzip.c, whatever its name, which also
 * stops a gzip bomb; a WARC file member by member past a damaged member, any
 * other file only up to it. Only regular files are opened from a folder: a
 * FIFO without a writer would block open(), and a device never ends. */
#include "read.h"
#include "read_internal.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* KIND_UNKNOWN: a name that does not say; its first bytes decide (sniff.c). */
typedef enum { KIND_TEXT, KIND_JSONL, KIND_HTML, KIND_WARC, KIND_FEED, KIND_UNKNOWN, KIND_SKIP } file_kind;

/* A file to read; walked: found in a folder, not named by the user. */
typedef struct { char *path; bool walked; } queued;

struct rd_source {
    VEC(queued) files;     /* queue of files still to read */
    size_t      next_file;
    sl_limits   limits;    /* every field filled in */
    /* the file being read */
    FILE       *f;         /* NULL when no file is open (owned by gunzip if set) */
    rd_gunzip  *gunzip;    /* a gzip file: its content comes through it */
    char       *path;
    file_kind   kind;
    long long   size;      /* of an uncompressed regular file, else -1 */
    long        line;
    buf         in;        /* read ahead, not yet consumed from in_pos on */
    size_t      in_pos;
    bool        in_eof;
    bool        cut;       /* gzip data ended the file early: cut_err says why */
    err_slot    cut_err;
    buf         data;      /* whole file (text, HTML, feed) or current line (JSONL) */
    buf         id, scratch, label;
    rd_record   rec;
    rd_warc    *warc;
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
        else if (kind_of(p.data, false) != KIND_SKIP) VEC_PUSH(s->files, ((queued){xstrdup(p.data), true}));
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
    rd_limits_fill(NULL, &s->limits);
    if (strcmp(path, "-") != 0 && S_ISDIR(st.st_mode)) walk(s, path, 0);
    else VEC_PUSH(s->files, ((queued){xstrdup(path), false}));
    *out = s;
    return SL_OK;
}

void rd_set_limits(rd_source *s, const sl_limits *l) { rd_limits_fill(l, &s->limits); }

static void close_file(rd_source *s)
{
    if (s->gunzip) rd_gunzip_close(s->gunzip);   /* it owns s->f */
    else if (s->f) fclose(s->f);
    s->gunzip = NULL;
    s->f = NULL;
    free(s->path);
    s->path = NULL;
    if (s->warc) s->passed += rd_warc_passed(s->warc);
    rd_warc_free(s->warc);
    s->warc = NULL;
    rd_feed_free(s->feed);
    s->feed = NULL;
}

void rd_close(rd_source *s)
{
    if (!s) return;
    close_file(s);
    for (size_t i = s->next_file; i < s->files.n; i++) free(s->files.v[i].path);
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

/* Up to n bytes of the file's content (inflated if it is gzip); -1 with a
 * message when it cannot be read. */
static long content_read(rd_source *s, char *dst, size_t n, err_slot *err)
{
    if (s->gunzip) return rd_gunzip_pull(s->gunzip, dst, n, err);
    size_t k = fread(dst, 1, n, s->f);
    if (k == 0 && ferror(s->f)) {
        err_set(err, SL_EIO, s->path, 0, "cannot read: %s", strerror(errno));
        return -1;
    }
    return (long)k;
}

/* Read ahead until want bytes wait in s->in or the file ends. Outside a
 * WARC file, whose reader goes on past a damaged gzip member, a message
 * from the gzip reader ends the file: s->cut and s->cut_err say so. */
static sl_status fill_in(rd_source *s, size_t want, err_slot *err)
{
    while (s->in.len - s->in_pos < want && !s->in_eof) {
        if (s->in_pos && s->in_pos >= s->in.len / 2) {
            memmove(s->in.data, s->in.data + s->in_pos, s->in.len - s->in_pos);
            s->in.len -= s->in_pos;
            s->in_pos = 0;
        }
        if (s->gunzip && s->in.len == 0 && rd_gunzip_take(s->gunzip, &s->in)) {
            s->in_pos = 0;   /* a small gzip file, decompressed at once: all of it */
            s->in_eof = true;
            break;
        }
        /* In one read into a buffer sized once (with room for the read
         * that finds the end), not grown by halves on the way: a gzip file
         * decompressed at once (at most 1 MiB, in memory already), or as
         * much of a regular file as is wanted. */
        size_t chunk = 65536, want_more = want - (s->in.len - s->in_pos);
        uint64_t known = s->gunzip ? rd_gunzip_ready(s->gunzip) : 0;
        if (known > chunk) chunk = (size_t)known;
        else if (!s->gunzip && s->size > (long long)s->in.len && want_more > chunk) {
            known = (uint64_t)(s->size - (long long)s->in.len);
            chunk = known < want_more ? (size_t)known : want_more;
        }
        buf_reserve(&s->in, chunk > 65536 ? chunk + 65536 : chunk);
        long k = content_read(s, s->in.data + s->in.len, chunk, err);
        if (k < 0) { s->in_eof = true; return SL_EIO; }
        if (k == 0) s->in_eof = true;
        s->in.len += (size_t)k;
        s->in.data[s->in.len] = '\0';
        if (s->gunzip && s->kind != KIND_WARC && rd_gunzip_message(s->gunzip, &s->cut_err))
            s->in_eof = s->cut = true;
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
    return content_read(s, dst, n, err);
}

static long long member_of(void *ctx, uint64_t off)
{
    rd_source *s = ctx;
    return s->gunzip ? rd_gunzip_member_of(s->gunzip, off) : -1;
}

/* One line (without its newline) into s->data; false at the end of the
 * file. A line longer than the line limit is not kept: *too_long is set
 * and the rest of it read past, so that memory stays within the limit. */
static bool read_line(rd_source *s, err_slot *err, sl_status *st, bool *too_long)
{
    buf_clear(&s->data);
    *too_long = false;
    size_t scanned = 0;   /* bytes after in_pos known to hold no newline */
    for (;;) {
        size_t have = s->in.len - s->in_pos;
        const char *base = s->in.data + s->in_pos;
        const char *nl = have > scanned ? memchr(base + scanned, '\n', have - scanned) : NULL;
        if (!nl && have > s->limits.max_line) {
            *too_long = true;
            s->in_pos = s->in.len;
            have = 0;
        }
        if (nl || s->in_eof) {
            size_t end = nl ? (size_t)(nl - base) : have;
            if (!nl && s->cut) return false;   /* a line cut off with the gzip data */
            if (end > s->limits.max_line) *too_long = true;
            if (!*too_long) buf_append(&s->data, base, end);
            s->in_pos += nl ? end + 1 : end;
            if (s->data.len && s->data.data[s->data.len - 1] == '\r') s->data.data[--s->data.len] = '\0';
            return nl || s->data.len || *too_long;
        }
        scanned = have;
        *st = fill_in(s, have + 65536, err);
        if (*st != SL_OK) return false;
    }
}

/* The whole file into s->data, if it is within the page limit. */
static sl_status read_all(rd_source *s, err_slot *err)
{
    char a[32], b[32];
    uint64_t max = s->limits.max_page;
    if (s->size >= 0 && (uint64_t)s->size > max)   /* known without reading it */
        return err_set(err, SL_ELIMIT, s->path, 0, "%s, larger than the page limit of %s (--max-page); skipped",
                       rd_size_str((uint64_t)s->size, a), rd_size_str(max, b));
    sl_status st = fill_in(s, max + 1, err);
    if (st != SL_OK) return st;
    if (s->cut) {
        *err = s->cut_err;
        return (sl_status)err->status;
    }
    if (s->in.len - s->in_pos > max)
        return err_set(err, SL_ELIMIT, s->path, 0, "more than %s, the page limit (--max-page); skipped",
                       rd_size_str(max, b));
    if (s->in_pos == 0) {   /* the page is all that was read: hand the buffer over */
        buf t = s->data;
        s->data = s->in;
        s->in = t;
        buf_clear(&s->in);
        return SL_OK;
    }
    buf_clear(&s->data);
    buf_append(&s->data, s->in.data + s->in_pos, s->in.len - s->in_pos);
    s->in_pos = s->in.len;
    return SL_OK;
}

static const char *file_type(mode_t m)
{
    return S_ISFIFO(m) ? "a FIFO" : S_ISCHR(m) ? "a character device" : S_ISBLK(m) ? "a block device"
         : S_ISSOCK(m) ? "a socket" : S_ISDIR(m) ? "a folder" : "not a regular file";
}

/* Open the file of s->path for reading into s->f. A file found in a folder
 * must be regular (a symbolic link to one is): anything else is reported
 * and skipped without being opened. A path the user named may also be a
 * FIFO or a device, read as a stream like standard input; O_NONBLOCK keeps
 * open() of a FIFO without a writer from waiting for one (reading it then
 * finds its end). */
static sl_status open_stream(rd_source *s, bool walked, err_slot *err)
{
    struct stat st;
    int fd;
    s->size = -1;
    if (!strcmp(s->path, "-")) {
        fd = dup(0);
        if (fd < 0) return err_set(err, SL_EIO, "-", 0, "cannot read standard input: %s", strerror(errno));
    } else {
        if (stat(s->path, &st) != 0) return err_set(err, SL_EIO, s->path, 0, "cannot open: %s", strerror(errno));
        if ((walked && !S_ISREG(st.st_mode)) || S_ISSOCK(st.st_mode) || S_ISDIR(st.st_mode))
            return err_set(err, SL_EIO, s->path, 0, "%s, not a regular file; skipped", file_type(st.st_mode));
        fd = open(s->path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
        if (fd < 0) return err_set(err, SL_EIO, s->path, 0, "cannot open: %s", strerror(errno));
        int fl = fcntl(fd, F_GETFL);
        if (fl != -1) fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
    }
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) s->size = (long long)st.st_size;
    else if (walked) {   /* it changed between stat and open */
        close(fd);
        return err_set(err, SL_EIO, s->path, 0, "not a regular file; skipped");
    }
    if (!(s->f = fdopen(fd, "rb"))) {
        close(fd);
        return err_set(err, SL_EIO, s->path, 0, "cannot open: %s", strerror(errno));
    }
    return SL_OK;
}

/* A file that starts with gzip's magic (whatever its name) is read through
 * the gzip reader, which is handed the bytes already read. */
static sl_status start_gzip(rd_source *s, err_slot *err)
{
    sl_status st = fill_in(s, 2, err);
    if (st != SL_OK) return st;
    size_t have = s->in.len - s->in_pos;
    if (have < 2 || (unsigned char)s->in.data[0] != 0x1f || (unsigned char)s->in.data[1] != 0x8b) return SL_OK;
    FILE *f = s->f;
    s->f = NULL;
    if (!(s->gunzip = rd_gunzip_of(f, s->path, err))) return SL_EIO;   /* it closed f */
    s->f = f;
    rd_gunzip_limits(s->gunzip, &s->limits);
    rd_gunzip_stop(s->gunzip, true);   /* until the file is known to be WARC */
    rd_gunzip_unread(s->gunzip, s->in.data, have);
    buf_clear(&s->in);
    s->in_pos = 0;
    s->in_eof = false;
    s->size = -1;
    return SL_OK;
}

static sl_status open_next_file(rd_source *s, err_slot *err)
{
    close_file(s);
    if (s->next_file >= s->files.n) return SL_DONE;
    queued *q = &s->files.v[s->next_file++];
    s->path = q->path;   /* close_file frees it */
    q->path = NULL;
    s->line = 0;
    s->kind = kind_of(s->path, true);
    buf_clear(&s->in);
    s->in_pos = 0;
    s->in_eof = s->cut = false;
    sl_status st = open_stream(s, q->walked, err);
    if (st == SL_OK) st = start_gzip(s, err);
    if (st != SL_OK) return st;
    if (s->kind == KIND_UNKNOWN || s->kind == KIND_TEXT) {
        st = fill_in(s, RD_SNIFF_BYTES, err);
        if (st != SL_OK) return st;
        static const file_kind by_sniff[] = {
            [RD_SNIFF_UNKNOWN] = KIND_TEXT, [RD_SNIFF_JSONL] = KIND_JSONL, [RD_SNIFF_HTML] = KIND_HTML,
            [RD_SNIFF_WARC] = KIND_WARC, [RD_SNIFF_FEED] = KIND_FEED};
        rd_sniffed what = rd_sniff(s->in.data ? s->in.data : "", s->in.len);
        /* a named .txt file is text, unless it is JSON Lines (as it always was) */
        if (s->kind == KIND_UNKNOWN || what == RD_SNIFF_JSONL) s->kind = by_sniff[what];
    }
    if (s->kind == KIND_WARC) {   /* its reader finds the next record after a damaged member */
        s->warc = rd_warc_new(pull, s, s->path);
        rd_warc_max_page(s->warc, s->limits.max_page);
        if (s->gunzip) {
            rd_warc_members(s->warc, member_of);
            rd_gunzip_stop(s->gunzip, false);
        }
    }
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
    if (s->gunzip) rd_gunzip_close(s->gunzip);   /* the path stays: the page names it */
    else fclose(s->f);
    s->gunzip = NULL;
    s->f = NULL;
    if (st != SL_OK) return st;
    if (s->kind != KIND_FEED) {
        page_from_file(s, page);
        *ready = true;
        return SL_OK;
    }
    s->feed_next = 0;
    return rd_feed_parse(s->data.data ? s->data.data : "", s->data.len, s->path, &s->feed, err);
}

/* The next line's record, or why there is none. */
static sl_status next_record(rd_source *s, bool too_long, sl_page *page, err_slot *err)
{
    char a[32], b[32];
    if (too_long)
        return err_set(err, SL_ELIMIT, s->path, s->line, "line longer than the line limit of %s (--max-line); skipped",
                       rd_size_str(s->limits.max_line, a));
    size_t i = 0;
    while (i < s->data.len && strchr(" \t\r", s->data.data[i])) i++;
    /* a blank line holds no record; one that lost its record is worth a word */
    if (i == s->data.len) return err_set(err, SL_EINPUT, s->path, s->line, "blank line, no record; skipped");
    rd_id_from_path(s->path, &s->id);
    sl_status st = rd_jsonl_parse(s->data.data, s->data.len, s->path, s->line, s->id.data, &s->rec, page, err);
    if (st == SL_OK && page->body_len > s->limits.max_page)
        return err_set(err, SL_ELIMIT, s->path, s->line, "a page of %s, larger than the page limit of %s (--max-page); skipped",
                       rd_size_str(page->body_len, a), rd_size_str(s->limits.max_page, b));
    return st;
}

sl_status rd_next(rd_source *s, sl_page *page, err_slot *err)
{
    for (;;) {
        if (s->feed) {
            if (next_item(s, page)) return SL_OK;
            close_file(s);
        }
        if (s->warc) {
            if (s->cut) {   /* while its first bytes were sniffed */
                s->cut = false;
                *err = s->cut_err;
                return (sl_status)err->status;
            }
            if (rd_gunzip_message(s->gunzip, err)) return (sl_status)err->status;
            sl_status st = rd_warc_next(s->warc, page, err);
            /* a record broken by a damaged or cut member: the member says why */
            if (st == SL_EINPUT && rd_gunzip_message(s->gunzip, err)) return (sl_status)err->status;
            if (st != SL_DONE) return st;
            if (rd_gunzip_message(s->gunzip, err)) return (sl_status)err->status;
            close_file(s);
        }
        if (!s->f) {
            bool ready;
            sl_status st = start_file(s, page, &ready, err);
            if (st != SL_OK || ready) return st;
            continue;
        }
        sl_status st = SL_OK;
        bool too_long;
        if (!read_line(s, err, &st, &too_long)) {
            if (st == SL_OK && s->cut) {
                *err = s->cut_err;
                st = (sl_status)err->status;
            }
            close_file(s);
            if (st != SL_OK) return st;
            continue;
        }
        s->line++;
        return next_record(s, too_long, page, err);
    }
}
