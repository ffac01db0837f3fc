/* map.c: string-keyed hash map with open addressing and linear probing.
 *
 * Used for vocabularies and id lookups. Keys are copied, one after another
 * into blocks of the map's own (a map of a text's words is made and freed
 * for every article: one allocation per key cost more than the hashing);
 * the table keeps its load under 0.7 by doubling. There is no delete: the
 * pipeline's maps only grow, and a map is freed as a whole. */
#include "core.h"

#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

uint64_t hash64(const void *p, size_t n, uint64_t seed) { return XXH3_64bits_withSeed(p, n, seed); }

struct map_keys {
    struct map_keys *next;
    size_t           used, cap;
    char             data[];
};

void map_init(map *m) { m->slots = NULL; m->cap = m->len = 0; m->keys = NULL; }

void map_free(map *m)
{
    for (struct map_keys *b = m->keys, *next; b; b = next) {
        next = b->next;
        free(b);
    }
    free(m->slots);
    map_init(m);
}

/* A copy of key, NUL-terminated, in the map's blocks. */
static char *keep_key(map *m, const char *key, size_t klen)
{
    struct map_keys *b = m->keys;
    if (!b || b->cap - b->used < klen + 1) {
        size_t cap = b ? 2 * b->cap : 1024;
        if (cap > 65536) cap = 65536;
        if (cap < klen + 1) cap = klen + 1;
        struct map_keys *nb = xmalloc(sizeof *nb + cap);
        *nb = (struct map_keys){b, 0, cap};
        m->keys = b = nb;
    }
    char *k = b->data + b->used;
    memcpy(k, key, klen);
    k[klen] = '\0';
    b->used += klen + 1;
    return k;
}

static map_slot *find(const map *m, const char *key, size_t klen, uint32_t h)
{
    size_t mask = m->cap - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        map_slot *s = &m->slots[i];
        if (!s->key) return s;
        if (s->hash == h && s->klen == klen && memcmp(s->key, key, klen) == 0) return s;
    }
}

static void grow(map *m)
{
    size_t old_cap = m->cap;
    map_slot *old = m->slots;
    m->cap = old_cap ? old_cap * 2 : 64;
    m->slots = xcalloc(m->cap, sizeof *m->slots);
    for (size_t i = 0; i < old_cap; i++) {
        if (!old[i].key) continue;
        *find(m, old[i].key, old[i].klen, old[i].hash) = old[i];
    }
    free(old);
}

uint64_t *map_get(const map *m, const char *key, size_t klen)
{
    if (!m->cap) return NULL;
    map_slot *s = find(m, key, klen, (uint32_t)hash64(key, klen, 0));
    return s->key ? &s->val : NULL;
}

uint64_t *map_put(map *m, const char *key, size_t klen, bool *created)
{
    if ((m->len + 1) * 10 >= m->cap * 7) grow(m);
    uint32_t h = (uint32_t)hash64(key, klen, 0);
    map_slot *s = find(m, key, klen, h);
    if (created) *created = !s->key;
    if (!s->key) {
        s->key = keep_key(m, key, klen);
        s->klen = (uint32_t)klen;
        s->hash = h;
        s->val = 0;
        m->len++;
    }
    return &s->val;
}
