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
