/* token.c: splitting text into word tokens.
 *
 * A token is a run of letters and digits; an apostrophe or hyphen inside a
 * run (don't, Jong-un, U.S-based) is kept so names stay whole. Not the
 * folding or stemming of tokens (analyze.c). */
#include "analyze.h"

#include <string.h>

static bool joiner(int32_t cp)
{
    return cp == '\'' || cp == '-' || cp == 0x2019 /* ’ */ || cp == 0x2010 || cp == 0x2011;
}

bool an_next_token(const char *text, size_t len, size_t *pos, an_token *tok)
{
    size_t i = *pos;
    int k;
    while (i < len) {
        int32_t cp = u8_decode(text + i, len - i, &k);
        if (u8_is_alnum(cp)) break;
        i += (size_t)k;
    }
    if (i >= len) { *pos = len; return false; }
    size_t start = i, end = i;
    while (i < len) {
        int32_t cp = u8_decode(text + i, len - i, &k);
        if (u8_is_alnum(cp)) { i += (size_t)k; end = i; continue; }
        if (joiner(cp) && i + (size_t)k < len) {
            int k2;
            int32_t nx = u8_decode(text + i + k, len - i - (size_t)k, &k2);
            if (u8_is_alnum(nx)) { i += (size_t)k; continue; }
        }
        break;
    }
    tok->start = (uint32_t)start;
    tok->end = (uint32_t)end;
    *pos = end;
    return true;
}

size_t an_possessive(const char *t, size_t start, size_t end)
{
    if (end - start >= 3 && (t[end - 1] == 's' || t[end - 1] == 'S')) {
        if (t[end - 2] == '\'') return 2;
        if (end - start >= 5 && !memcmp(t + end - 4, "\xE2\x80\x99", 3)) return 4;
    }
    return 0;
}
