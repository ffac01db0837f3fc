/* lexicon.c: lookup in the lexicons of data/lexicon/ (countries, places,
 * organisations, titles, given names, words that are not names).
 *
 * The tables are generated (lexicon_tables.c) and sorted by key; several
 * entries may share a key ("georgia" is a country and a state) and lie next
 * to each other. A lookup goes through a hash index of the keys. Not the
 * normalising of keys (names.c) nor any decision about what a name is. */
#include "an_names.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* An index of the table by key, filled once at program start (before any
 * thread exists) and only read after that, as stop.c's set is: names.c
 * and roles.c look up every word of a text and every phrase it starts,
 * nearly all in vain, and a binary search spent a dozen string
 * comparisons on each. A slot holds a key's first entry and how many
 * entries share it; count 0 is an empty slot. */
#define LX_SLOTS 8192u                 /* a power of two, over twice the keys */

typedef struct lx_slot { uint32_t hash; uint16_t first; uint8_t len, count; } lx_slot;

static lx_slot slots[LX_SLOTS];

/* The hashes (| 1, 0 an empty slot) of every proper prefix of every key:
 * a phrase that is none of them cannot grow into a key (lx_may_grow). Two
 * prefixes of one hash are one, which can only make a phrase grow in vain. */
static uint32_t *prefixes;
static uint32_t prefix_mask;

static void prefix_add(uint32_t h)
{
    uint32_t k = h & prefix_mask;
    while (prefixes[k] && prefixes[k] != h) k = (k + 1) & prefix_mask;
    prefixes[k] = h;
}

__attribute__((constructor)) static void build_index(void)
{
    size_t keys = 0;
    for (size_t i = 0; i < lx_n_entries;) {
        const char *key = lx_entries[i].key;
        size_t n = strlen(key), j = i + 1;
        while (j < lx_n_entries && strcmp(lx_entries[j].key, key) == 0) j++;
        if (n > UINT8_MAX || j - i > UINT8_MAX || j > UINT16_MAX || ++keys > LX_SLOTS / 2) {
            fprintf(stderr, "storyline: the lexicon outgrew its index (lexicon.c)\n");
            abort();
        }
        uint32_t h = hash_fnv(key, n), k = h & (LX_SLOTS - 1);
        while (slots[k].count) k = (k + 1) & (LX_SLOTS - 1);
        slots[k] = (lx_slot){h, (uint16_t)i, (uint8_t)n, (uint8_t)(j - i)};
        i = j;
    }
    size_t chars = 0;
    for (size_t i = 0; i < lx_n_entries; i++) chars += strlen(lx_entries[i].key);
    size_t cap = 1024;
    while (cap < 2 * chars) cap *= 2;
    prefixes = calloc(cap, sizeof *prefixes);
    if (!prefixes) return;   /* lx_may_grow then says yes to all */
    prefix_mask = (uint32_t)(cap - 1);
    for (size_t i = 0; i < lx_n_entries; i++) {
        const char *key = lx_entries[i].key;
        for (size_t n = strlen(key); n-- > 1;) prefix_add(hash_fnv(key, n) | 1);
    }
}

bool lx_may_grow(const char *key, size_t n)
{
    if (!prefixes) return true;
    uint32_t h = hash_fnv(key, n) | 1;
    for (uint32_t k = h & prefix_mask; prefixes[k]; k = (k + 1) & prefix_mask)
        if (prefixes[k] == h) return true;
    return false;
}

const lx_entry *lx_find(const char *key, size_t n, unsigned mask)
{
    if (!n || n > UINT8_MAX) return NULL;
    uint32_t h = hash_fnv(key, n);
    for (uint32_t k = h & (LX_SLOTS - 1); slots[k].count; k = (k + 1) & (LX_SLOTS - 1)) {
        const lx_slot *s = &slots[k];
        if (s->hash != h || s->len != n || memcmp(lx_entries[s->first].key, key, n) != 0) continue;
        for (size_t i = s->first; i < (size_t)s->first + s->count; i++)
            if (mask & LX_BIT(LX_KIND(&lx_entries[i]))) return &lx_entries[i];
        return NULL;
    }
    return NULL;
}

const char *lx_canonical(const lx_entry *e)
{
    switch (LX_KIND(e)) {
    case LX_COUNTRY: case LX_COUNTRY_ALIAS: return lx_country_names[e->ref];
    case LX_CAPITAL: return lx_capital_names[e->ref];
    case LX_PLACE:   return lx_place_names[e->ref];
    case LX_ORG:     return lx_org_names[e->ref];
    default:         return NULL;
    }
}
