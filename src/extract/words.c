/* words.c: which of a set of lower-case words occur in a string, in one
 * pass over the string, ASCII letters matched in either case.
 *
 * Class and id names are searched for dozens of words each ("share",
 * "related", "byline"...). One strstr per word read every name dozens of
 * times; here each byte of the name is looked at once, against only the
 * words that begin with it and its next byte. Sets that mean different
 * things (boilerplate names, article names) share one pass: each part of
 * the set is added apart and known by its mask. */
#include "ex_internal.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static inline unsigned char lower(unsigned char c) { return c >= 'A' && c <= 'Z' ? c | 32 : c; }

uint64_t ex_words_add(ex_words *ws, const char *const *words, size_t n)
{
    if (ws->n + n > EX_WORDS_MAX) {   /* the sets are the program's own: a bug, not input */
        fprintf(stderr, "ex_words_add: more than %d words\n", EX_WORDS_MAX);
        abort();
    }
    uint64_t mask = 0;
    for (size_t j = 0; j < n; j++) {
        size_t i = ws->n++;
        uint64_t bit = (uint64_t)1 << i;
        ws->w[i] = words[j];
        ws->len[i] = (uint8_t)strlen(words[j]);
        /* under both cases of a letter: the scan looks bytes up as they are */
        unsigned char c0 = (unsigned char)words[j][0];
        ws->by_first[c0] |= bit;
        if (c0 >= 'a' && c0 <= 'z') ws->by_first[c0 - 32] |= bit;
        if (ws->len[i] == 1) {
            ws->single |= bit;
        } else {
            unsigned char c1 = (unsigned char)words[j][1];
            ws->by_second[c1] |= bit;
            if (c1 >= 'a' && c1 <= 'z') ws->by_second[c1 - 32] |= bit;
        }
        mask |= bit;
    }
    return mask;
}

uint64_t ex_words_in(const ex_words *ws, const char *text, size_t n)
{
    const unsigned char *s = (const unsigned char *)text;
    uint64_t found = 0;
    for (size_t i = 0; i < n; i++) {
        uint64_t m = ws->by_first[s[i]];
        if (!m) continue;
        m &= (i + 1 < n ? ws->by_second[s[i + 1]] : 0) | ws->single;
        m &= ~found;
        while (m) {
            unsigned k = (unsigned)__builtin_ctzll(m);
            m &= m - 1;
            size_t len = ws->len[k], j = 2;
            if (len > n - i) continue;
            while (j < len && lower(s[i + j]) == (unsigned char)ws->w[k][j]) j++;
            if (j >= len) found |= (uint64_t)1 << k;
        }
    }
    return found;
}

/* ---- answers about short strings, remembered ---------------------------
 * A page repeats its class names ("card", "nav-item", "post-meta") element
 * after element, and a site repeats them page after page: about half the
 * bytes of class values on the zyte-aeb pages are a value seen before on
 * the same page. Each memo is a thread's table of slots, found by a hash
 * of the string and holding the string itself, so that an answer is given
 * back only for the same bytes; a newer string takes an older one's slot.
 * Strings longer than a slot holds are not remembered. */

#define MEMO_SLOTS 1024              /* a power of two */
#define MEMO_BYTES 118

typedef struct memo_slot {
    uint64_t v;
    uint8_t  len, used;
    char     s[MEMO_BYTES];
} memo_slot;

static uint64_t load8(const char *p)
{
    uint64_t v;
    memcpy(&v, p, 8);
    return v;
}

static memo_slot *memo_slot_of(ex_memo *m, const char *s, size_t n)
{
    if (n > MEMO_BYTES) return NULL;
    if (!m->keyed) {
        pthread_mutex_lock(&m->lock);
        if (!m->keyed) m->keyed = pthread_key_create(&m->key, free) == 0 ? 1 : -1;
        pthread_mutex_unlock(&m->lock);
    }
    if (m->keyed < 0) return NULL;
    memo_slot *t = pthread_getspecific(m->key);
    if (!t) {
        if (!(t = calloc(MEMO_SLOTS, sizeof *t))) return NULL;
        if (pthread_setspecific(m->key, t) != 0) {
            free(t);
            return NULL;
        }
    }
    uint64_t a = 0, b = 0;
    if (n >= 8) {
        a = load8(s);
        b = load8(s + n - 8);
    } else {
        memcpy(&a, s, n);
    }
    uint64_t h = (a * 0x9E3779B97F4A7C15u) ^ (b * 0xC2B2AE3D27D4EB4Fu) ^ n;
    return &t[(h ^ h >> 29) & (MEMO_SLOTS - 1)];
}

bool ex_memo_get(ex_memo *m, const char *s, size_t n, uint64_t *v)
{
    memo_slot *e = memo_slot_of(m, s, n);
    if (!e || !e->used || e->len != n || memcmp(e->s, s, n)) return false;
    *v = e->v;
    return true;
}

void ex_memo_put(ex_memo *m, const char *s, size_t n, uint64_t v)
{
    memo_slot *e = memo_slot_of(m, s, n);
    if (!e) return;
    memcpy(e->s, s, n);
    e->len = (uint8_t)n;
    e->used = 1;
    e->v = v;
}
