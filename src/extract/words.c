/* words.c: which of a set of lower-case words occur in a string, in one
 * pass over the string.
 *
 * Class and id names are searched for dozens of words each ("share",
 * "related", "byline"...). One strstr per word read every name dozens of
 * times; here each byte of the name is looked at once, against only the
 * words that begin with it and its next byte. */
#include "ex_internal.h"

#include <string.h>

void ex_words_init(ex_words *ws, const char *const *words, size_t n)
{
    memset(ws, 0, sizeof *ws);
    if (n > EX_WORDS_MAX) n = EX_WORDS_MAX;
    ws->n = n;
    for (size_t i = 0; i < n; i++) {
        ws->w[i] = words[i];
        ws->len[i] = (uint8_t)strlen(words[i]);
        ws->by_first[(unsigned char)words[i][0]] |= (uint64_t)1 << i;
        if (ws->len[i] == 1) ws->single |= (uint64_t)1 << i;
        else ws->by_second[(unsigned char)words[i][1]] |= (uint64_t)1 << i;
    }
}

uint64_t ex_words_in(const ex_words *ws, const char *s, size_t n)
{
    uint64_t found = 0;
    for (size_t i = 0; i < n; i++) {
        uint64_t m = ws->by_first[(unsigned char)s[i]];
        if (!m) continue;
        m &= (i + 1 < n ? ws->by_second[(unsigned char)s[i + 1]] : 0) | ws->single;
        m &= ~found;
        while (m) {
            unsigned k = (unsigned)__builtin_ctzll(m);
            m &= m - 1;
            size_t len = ws->len[k], j = 2;
            if (len > n - i) continue;
            while (j < len && s[i + j] == ws->w[k][j]) j++;
            if (j >= len) found |= (uint64_t)1 << k;
        }
    }
    return found;
}
