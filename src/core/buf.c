/* buf.c: growable NUL-terminated byte strings and the aborting allocators.
 *
 * Running out of memory is not an input error the pipeline could skip, so
 * the allocators abort with a message instead of returning NULL. */
#include "core.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void oom(size_t n)
{
    fprintf(stderr, "storyline: out of memory (asked for %zu bytes)\n", n);
    abort();
}

void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) oom(n);
    return p;
}

void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p) oom(n * size);
    return p;
}

void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) oom(n);
    return q;
}

char *xstrndup(const char *s, size_t n)
{
    char *p = xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *xstrdup(const char *s) { return s ? xstrndup(s, strlen(s)) : NULL; }

void buf_init(buf *b) { b->data = NULL; b->len = b->cap = 0; }

void buf_free(buf *b) { free(b->data); buf_init(b); }

void buf_clear(buf *b) { b->len = 0; if (b->data) b->data[0] = '\0'; }

void buf_reserve(buf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap) return;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1) cap *= 2;
    if (!b->len && b->data) {   /* nothing to keep: no copy of the old bytes */
        free(b->data);
        b->data = xmalloc(cap);
        b->data[0] = '\0';
    } else {
        b->data = xrealloc(b->data, cap);
    }
    b->cap = cap;
}

void buf_append(buf *b, const char *s, size_t n)
{
    buf_reserve(b, n);
    if (n) memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void buf_puts(buf *b, const char *s) { buf_append(b, s, strlen(s)); }

bool buf_json_string(buf *b, const char *s)
{
    size_t n = strlen(s);
    if (!u8_valid(s, n)) return false;
    buf_putc(b, '"');
    size_t run = 0;   /* bytes copied as they are, not yet appended */
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\') { run++; continue; }
        buf_append(b, s + i - run, run);
        run = 0;
        static const char short_escape[] = "btnvfr";   /* \b \t \n (\v none) \f \r */
        if (c == '"' || c == '\\') {
            buf_putc(b, '\\');
            buf_putc(b, (char)c);
        } else if (c >= 8 && c <= 13 && c != 11) {
            buf_putc(b, '\\');
            buf_putc(b, short_escape[c - 8]);
        } else {
            buf_printf(b, "\\u%04X", c);
        }
    }
    buf_append(b, s + n - run, run);
    buf_putc(b, '"');
    return true;
}

void buf_printf(buf *b, const char *fmt, ...)
{
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n > 0) {
        buf_reserve(b, (size_t)n);
        vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap2);
        b->len += (size_t)n;
    } else {
        buf_reserve(b, 0);
        b->data[b->len] = '\0';
    }
    va_end(ap2);
}

char *buf_detach(buf *b)
{
    buf_reserve(b, 0);
    b->data[b->len] = '\0';   /* a buffer never appended to has no NUL yet */
    char *p = b->data;
    buf_init(b);
    return p;
}

bool buf_read_file(buf *b, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) return false;
    size_t start = b->len;
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) buf_append(b, chunk, n);
    bool ok = !ferror(f);
    fclose(f);
    if (!ok && b->data) b->data[b->len = start] = '\0';
    return ok;
}
