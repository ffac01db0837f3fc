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

#endif
