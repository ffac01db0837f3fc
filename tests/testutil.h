/* testutil.h: helpers shared by the unit tests: paths to the shared data and
 * small file utilities. Tests read ../shared from the project root. */
#ifndef SL_TESTUTIL_H
#define SL_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

/* Folder of the shared seeds and data, relative to the project root, where
 * tests run from. SL_SHARED overrides it. */
static inline const char *shared_dir(void)
{
    const char *s = getenv("SL_SHARED");
    return s && *s ? s : "../shared";
}

/* Read a whole file into a malloc'd NUL-terminated string; NULL if absent. */
static inline char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 4096, n = 0;
    char *p = malloc(cap);
    size_t k;
    while ((k = fread(p + n, 1, cap - n - 1, f)) > 0) {
        n += k;
        if (cap - n - 1 == 0) p = realloc(p, cap *= 2);
    }
    fclose(f);
    p[n] = '\0';
    if (len) *len = n;
    return p;
}

/* Call fn with the text of every page of examples/pages (*.txt); returns
 * how many there were. */
static inline int each_example_page(void (*fn)(const char *text, size_t len, void *ctx), void *ctx)
{
    FILE *p = popen("ls examples/pages/*.txt", "r");
    if (!p) return 0;
    char file[600];
    int pages = 0;
    while (fgets(file, sizeof file, p)) {
        file[strcspn(file, "\n")] = '\0';
        size_t len = 0;
        char *text = slurp(file, &len);
        if (!text) continue;
        fn(text, len, ctx);
        free(text);
        pages++;
    }
    pclose(p);
    return pages;
}

/* Run a shell command; its standard output into *out (malloc'd, never
 * NULL), or dropped when out is NULL; returns its exit status (128 if it
 * did not exit). */
static inline int run_capture(const char *cmd, char **out)
{
    FILE *p = popen(cmd, "r");
    if (!p) { if (out) *out = calloc(1, 1); return 128; }
    size_t cap = 1 << 16, n = 0, k;
    char *b = malloc(cap);
    while ((k = fread(b + n, 1, cap - n - 1, p)) > 0) {
        n += k;
        if (cap - n < 2) b = realloc(b, cap *= 2);
    }
    b[n] = '\0';
    int st = pclose(p);
    if (out) *out = b; else free(b);
    return st != -1 && (st & 0x7f) == 0 ? (st >> 8) & 0xff : 128;   /* WIFEXITED, WEXITSTATUS */
}

/* The same with a printf-style command line. */
static inline int run_capturef(char **out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static inline int run_capturef(char **out, const char *fmt, ...)
{
    char cmd[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(cmd, sizeof cmd, fmt, ap);
    va_end(ap);
    return run_capture(cmd, out);
}

/* The exit status a background command wrote to the file done ("...; echo
 * $? > done"), waiting up to seconds for it; -1 if it never came. */
static inline int background_status(const char *done, int seconds)
{
    for (int i = 0; i < seconds * 100 && access(done, F_OK) != 0; i++) usleep(10000);
    char *s = slurp(done, NULL);
    int rc = s ? atoi(s) : -1;
    free(s);
    return rc;
}

/* A fresh folder from a mkdtemp template (dir holds it; at least 32
 * bytes), and removing it with all it holds. 0 on success. */
static inline int tmpdir_make(char *dir, const char *tmpl)
{
    strcpy(dir, tmpl);
    return mkdtemp(dir) ? 0 : -1;
}

static inline int tmpdir_remove(const char *dir)
{
    char cmd[256];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd);
}

/* The setup and teardown of a cmocka group that needs nothing but a fresh
 * folder, in the char array dir, from the mkdtemp template tmpl. */
#define TMPDIR_GROUP(dir, tmpl)                                              \
    static int setup(void **st) { (void)st; return tmpdir_make(dir, tmpl); } \
    static int teardown(void **st) { (void)st; return tmpdir_remove(dir); }

#endif
