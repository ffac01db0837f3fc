/* lexicon.c: lookup in the lexicons of data/lexicon/ (countries, places,
 * organisations, titles, given names, words that are not names).
 *
 * The tables are generated (lexicon_tables.c) and sorted by key, so a lookup
 * is a binary search; several entries may share a key ("georgia" is a
 * country and a state) and lie next to each other. Not the normalising of
 * keys (names.c) nor any decision about what a name is. */
#include "an_names.h"

#include <string.h>

static int cmp_key(const char *entry, const char *key, size_t n)
{
    int c = strncmp(entry, key, n);
    if (c) return c;
    return entry[n] ? 1 : 0;    /* entry longer than key: sorts after */
}

const lx_entry *lx_find(const char *key, size_t n, unsigned mask)
{
    if (!n || memchr(key, '\0', n)) return NULL;
    size_t lo = 0, hi = lx_n_entries;
    while (lo < hi) {            /* first entry not below key */
        size_t mid = lo + (hi - lo) / 2;
        if (cmp_key(lx_entries[mid].key, key, n) < 0) lo = mid + 1;
        else hi = mid;
    }
    for (size_t i = lo; i < lx_n_entries && cmp_key(lx_entries[i].key, key, n) == 0; i++)
        if (mask & LX_BIT(LX_KIND(&lx_entries[i]))) return &lx_entries[i];
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
