/* arena.c: bump allocator, one per document, freed in one call.
 *
 * Blocks grow geometrically so a document of any size needs few of them; a
 * request larger than a block gets a block of its own. Not thread-safe: an
 * arena belongs to one document on one thread. */
#include "core.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct arena_block {
    arena_block *next;
    size_t cap, used;
    _Alignas(16) unsigned char data[];
};

#define ARENA_MIN_BLOCK (16u * 1024u)
#define ARENA_MAX_BLOCK (4u * 1024u * 1024u)

void arena_init(arena *a) { a->head = NULL; a->used_total = 0; }

/* n bytes (n a multiple of align, a power of two up to 16), not zeroed. */
static void *bump(arena *a, size_t n, size_t align)
{
    arena_block *b = a->head;
    size_t at = b ? (b->used + align - 1) & ~(align - 1) : 0;
    if (!b || at > b->cap || b->cap - at < n) {
        size_t cap = b ? b->cap * 2 : ARENA_MIN_BLOCK;
        if (cap > ARENA_MAX_BLOCK) cap = ARENA_MAX_BLOCK;
        if (cap < n) cap = n;
        arena_block *nb = xmalloc(sizeof *nb + cap);
        nb->cap = cap;
        nb->used = 0;
        nb->next = b;
        a->head = b = nb;
        at = 0;
    }
    void *p = b->data + at;
    b->used = at + n;
    a->used_total += n;
    return p;
}

void *arena_alloc(arena *a, size_t n)
{
    n = (n + 15u) & ~(size_t)15u;
    if (n == 0) n = 16;
    void *p = bump(a, n, 16);
    memset(p, 0, n);
    return p;
}

/* Strings need no alignment and no zeroing: they are copied over. */
char *arena_strndup(arena *a, const char *s, size_t n)
{
    char *p = bump(a, n + 1, 1);
    if (n) memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *arena_strdup(arena *a, const char *s)
{
    return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

char *arena_printf(arena *a, const char *fmt, ...)
{
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *p = arena_alloc(a, (size_t)(n < 0 ? 0 : n) + 1);
    if (n > 0) vsnprintf(p, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    return p;
}

void arena_clear(arena *a)
{
    arena_block *keep = NULL;
    for (arena_block *b = a->head; b; b = b->next)
        if (b->cap <= ARENA_MAX_BLOCK && (!keep || b->cap > keep->cap)) keep = b;
    for (arena_block *b = a->head; b;) {
        arena_block *next = b->next;
        if (b != keep) free(b);
        b = next;
    }
    a->head = keep;
    if (keep) {
        keep->next = NULL;
        keep->used = 0;
    }
    a->used_total = 0;
}

void arena_reset(arena *a)
{
    arena_block *b = a->head;
    while (b) {
        arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
    a->used_total = 0;
}
