/* fixture.h: the cmocka fixture the extract stage's suites share: an arena
 * for the article, the article, the error slot, and a file's text when a
 * test loads one (freed with the fixture). */
#ifndef SL_TEST_EXTRACT_FIXTURE_H
#define SL_TEST_EXTRACT_FIXTURE_H

#include "testutil.h"
#include "extract/ex_internal.h"

typedef struct fixture {
    arena       a;
    sl_article  art;
    err_slot    err;
    char       *file;     /* a seed's text, when one is loaded */
    size_t      file_len;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    arena_init(&f->a);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    arena_reset(&f->a);
    free(f->file);
    free(f);
    return 0;
}

#endif
