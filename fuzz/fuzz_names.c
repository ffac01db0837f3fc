/* fuzz_names.c: libFuzzer target for names, roles and actors (names.c,
 * roles.c, actors.c) on raw bytes, unterminated: nothing may be read past
 * the length, and every mention must lie inside it and point at an actor. */
#include "analyze/analyze.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size ? size : 1);
    if (size) memcpy(text, data, size);
    arena a;
    arena_init(&a);
    an_names n;
    an_find_names(text, size, &a, &n);
    for (size_t i = 0; i < n.n_mentions; i++) {
        const an_mention *m = &n.mentions[i];
        if (m->start >= m->end || m->end > size || m->actor < 0 || (size_t)m->actor >= n.n_actors) abort();
    }
    arena_reset(&a);
    free(text);
    return 0;
}
