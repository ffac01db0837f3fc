/* utf8.c: decoding, character classes and case folding for UTF-8 text.
 *
 * Character classes come from utf8proc's Unicode tables; ASCII takes a fast
 * path, inline in core.h, because almost all news text is mostly ASCII. Decoding never fails:
 * a bad byte reads as U+FFFD and advances by one. */
#include "core.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* Strict UTF-8, as utf8proc_iterate reads it (test_core checks every
 * sequence of up to three bytes, and four-byte ones by their first three,
 * against it): no overlong forms, no surrogates, nothing past U+10FFFF.
 * Decoded here because a call into utf8proc for each character outside
 * ASCII cost more than the rest of the decoding. */
int32_t u8_decode_multi(const char *s, size_t n, int *len)
{
    const unsigned char *p = (const unsigned char *)s;
    if (n == 0) { *len = 0; return -1; }
    unsigned c = p[0];
    *len = 1;
    if (c < 0x80) return (int32_t)c;
    if (c < 0xC2 || c > 0xF4) return 0xFFFD;
    if (c < 0xE0) {
        if (n < 2 || (p[1] & 0xC0) != 0x80) return 0xFFFD;
        *len = 2;
        return (int32_t)((c & 0x1Fu) << 6 | (p[1] & 0x3Fu));
    }
    if (c < 0xF0) {
        if (n < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80) return 0xFFFD;
        if ((c == 0xE0 && p[1] < 0xA0) || (c == 0xED && p[1] > 0x9F)) return 0xFFFD;
        *len = 3;
        return (int32_t)((c & 0x0Fu) << 12 | (p[1] & 0x3Fu) << 6 | (p[2] & 0x3Fu));
    }
    if (n < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80) return 0xFFFD;
    if ((c == 0xF0 && p[1] < 0x90) || (c == 0xF4 && p[1] > 0x8F)) return 0xFFFD;
    *len = 4;
    return (int32_t)((c & 0x07u) << 18 | (p[1] & 0x3Fu) << 12 | (p[2] & 0x3Fu) << 6 | (p[3] & 0x3Fu));
}

/* Eight ASCII bytes at a time where it can: most of a page is markup. */
bool u8_valid(const char *text, size_t n)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0;
    while (i < n) {
#if defined(__SSE2__)
        while (i + 32 <= n) {   /* ASCII runs, 32 bytes a step */
            __m128i x = _mm_or_si128(_mm_loadu_si128((const __m128i *)(const void *)(s + i)),
                                     _mm_loadu_si128((const __m128i *)(const void *)(s + i + 16)));
            if (_mm_movemask_epi8(x)) break;
            i += 32;
        }
        if (i == n) break;
#endif
        if (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (!(w & 0x8080808080808080ull)) { i += 8; continue; }
        }
        unsigned c = s[i];
        if (c < 0x80) { i++; continue; }
        size_t k = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
        if (c < 0xC2 || c > 0xF4 || k >= n - i) return false;
        uint32_t v = c & (0x3Fu >> k);
        for (size_t j = 1; j <= k; j++) {
            if ((s[i + j] & 0xC0) != 0x80) return false;
            v = v << 6 | (s[i + j] & 0x3Fu);
        }
        if ((k == 2 && v < 0x800) || (k == 3 && (v < 0x10000 || v > 0x10FFFF)) ||
            (v >= 0xD800 && v <= 0xDFFF))
            return false;
        i += k + 1;
    }
    return true;
}

int u8_encode(int32_t cp, char out[4])
{
    return (int)utf8proc_encode_char(cp, (utf8proc_uint8_t *)out);
}

static utf8proc_category_t cat(int32_t cp) { return utf8proc_category(cp); }

/* The non-ASCII halves of the classes in core.h. */
bool u8_is_letter_multi(int32_t cp)
{
    utf8proc_category_t c = cat(cp);
    return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

bool u8_is_upper_multi(int32_t cp)
{
    utf8proc_category_t c = cat(cp);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

bool u8_is_digit_multi(int32_t cp) { return cat(cp) == UTF8PROC_CATEGORY_ND; }

bool u8_is_space_multi(int32_t cp)
{
    if (cp == 0xA0 || cp == 0xFEFF || cp == 0x200B) return true;
    utf8proc_category_t c = cat(cp);
    return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL || c == UTF8PROC_CATEGORY_ZP;
}

static size_t fold_ascii(const char *s, size_t n, buf *out)
{
    buf_reserve(out, n);
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        out->data[i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
    }
    out->len = n;
    out->data[n] = '\0';
    return n;
}

/* Folding as u8_fold does it (case folded, marks stripped, compatibility
 * forms composed), of each code point alone, made by utf8proc once, for
 * U+0080..U+052F (Latin-1, Latin Extended-A and B, IPA, modifiers,
 * combining marks, Greek, Cyrillic), General Punctuation (U+2000..U+206F)
 * and CJK punctuation (U+3000..U+303F): a word of these and ASCII folds to
 * the folds of its code points one after the other, as marks fold to
 * nothing and none of them folds to anything that composes with its
 * neighbour (test_core checks every pair against utf8proc). utf8proc_map
 * costs some thousand instructions and a malloc a word; words like
 * "café", "naïve", "word—word" or Russian ones are common. Longer folds
 * (U+2034 is three primes) are left to utf8proc. */
static const struct { int32_t from, to; uint16_t at; } fold_ranges[] = {
    {0x80, 0x530, 0}, {0x2000, 0x2070, 0x4B0}, {0x3000, 0x3040, 0x520},
};
#define FOLD_ENTRIES 0x560
typedef struct { uint8_t n; char s[7]; } fold_entry;   /* n 0xFF: not here */
static fold_entry fold_tab[FOLD_ENTRIES];
static pthread_once_t fold_once = PTHREAD_ONCE_INIT;

static void fold_tab_build(void)
{
    for (size_t r = 0; r < sizeof fold_ranges / sizeof fold_ranges[0]; r++)
        for (int32_t cp = fold_ranges[r].from; cp < fold_ranges[r].to; cp++) {
            fold_entry *f = &fold_tab[fold_ranges[r].at + (cp - fold_ranges[r].from)];
            utf8proc_uint8_t in[4], *res = NULL;
            utf8proc_ssize_t m = utf8proc_encode_char(cp, in);
            utf8proc_ssize_t k = utf8proc_map(in, m, &res, UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK |
                                                           UTF8PROC_COMPOSE | UTF8PROC_COMPAT);
            f->n = 0xFF;
            if (k >= 0 && (size_t)k <= sizeof f->s) {
                f->n = (uint8_t)k;
                memcpy(f->s, res, (size_t)k);
            }
            free(res);
        }
}

/* The table's entry of cp, or NULL. */
static const fold_entry *fold_of(int32_t cp)
{
    for (size_t r = 0; r < sizeof fold_ranges / sizeof fold_ranges[0]; r++)
        if (cp >= fold_ranges[r].from && cp < fold_ranges[r].to) {
            const fold_entry *f = &fold_tab[fold_ranges[r].at + (cp - fold_ranges[r].from)];
            return f->n == 0xFF ? NULL : f;
        }
    return NULL;
}

/* s folded by the table; false (out to be cleared) when a code point of s
 * is not in it or s is not valid UTF-8. */
static bool fold_by_table(const char *s, size_t n, buf *out)
{
    pthread_once(&fold_once, fold_tab_build);
    buf_reserve(out, n);
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            buf_putc(out, (char)(c >= 'A' && c <= 'Z' ? c + 32 : c));
            i++;
            continue;
        }
        int len;
        int32_t cp = u8_decode_multi(s + i, n - i, &len);
        const fold_entry *f = len > 1 ? fold_of(cp) : NULL;   /* 1: not UTF-8 */
        if (!f) return false;
        buf_append(out, f->s, f->n);
        i += (size_t)len;
    }
    return true;
}

size_t u8_fold(const char *s, size_t n, buf *out)
{
    buf_clear(out);
    size_t i = 0;
    for (; i < n; i++) if ((unsigned char)s[i] >= 0x80) break;
    if (i == n) return fold_ascii(s, n, out);
    if (fold_by_table(s, n, out)) return out->len;
    buf_clear(out);
    utf8proc_uint8_t *res = NULL;
    utf8proc_ssize_t k = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &res,
                                      UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | UTF8PROC_COMPOSE |
                                      UTF8PROC_COMPAT);
    if (k < 0) return fold_ascii(s, n, out);   /* invalid UTF-8: fold bytewise */
    buf_append(out, (const char *)res, (size_t)k);
    free(res);
    return out->len;
}

char *u8_sanitize(const char *s, size_t n, size_t *out_len)
{
    buf b;
    buf_init(&b);
    buf_reserve(&b, n);
    size_t i = 0;
    if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) i = 3; /* byte-order mark */
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            buf_putc(&b, c == 0 ? ' ' : (char)c);
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                              (utf8proc_ssize_t)(n - i > 4 ? 4 : n - i), &cp);
        if (k <= 0) {
            buf_append(&b, "\xEF\xBF\xBD", 3);
            i++;
        } else {
            buf_append(&b, s + i, (size_t)k);
            i += (size_t)k;
        }
    }
    if (out_len) *out_len = b.len;
    return buf_detach(&b);
}

char *u8_sanitize_in(arena *a, const char *s, size_t n, size_t *out_len)
{
    size_t k;
    char *tmp = u8_sanitize(s, n, &k);
    char *r = arena_strndup(a, tmp, k);
    free(tmp);
    if (out_len) *out_len = k;
    return r;
}

bool u8_is_legacy(const char *s, size_t n)
{
    size_t multi = 0, invalid = 0;
    int len;
    for (size_t i = 0; i < n; i += (size_t)len) {
        if ((unsigned char)s[i] < 0x80) { len = 1; continue; }
        int32_t cp = u8_decode_multi(s + i, n - i, &len);
        if (cp == 0xFFFD && len == 1) invalid++;   /* a real U+FFFD takes three bytes */
        else multi++;
    }
    return invalid > multi;
}

/* Windows-1252's 0x80-0x9F (WHATWG Encoding); its five holes (0x81 0x8D
 * 0x8F 0x90 0x9D) stay the C1 controls ISO-8859-1 makes of them. */
static const uint16_t cp1252_c1[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

char *u8_from_cp1252(const char *s, size_t n, size_t *out_len)
{
    buf b;
    buf_init(&b);
    buf_reserve(&b, n + n / 4);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) { buf_putc(&b, c == 0 ? ' ' : (char)c); continue; }
        char enc[4];
        int k = u8_encode(c < 0xA0 ? cp1252_c1[c - 0x80] : c, enc);
        buf_append(&b, enc, (size_t)k);
    }
    if (out_len) *out_len = b.len;
    return buf_detach(&b);
}

size_t u8_unspaced_words(const char *s, size_t n)
{
    size_t han = 0, sea = 0;
    int len;
    for (size_t i = 0; i < n; i += (size_t)len) {
        if ((unsigned char)s[i] < 0xE0) { len = 1; continue; }   /* below U+0800 */
        int32_t cp = u8_decode(s + i, n - i, &len);
        if ((cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
            (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF))
            han++;
        else if ((cp >= 0x0E00 && cp <= 0x0EFF) || (cp >= 0x1000 && cp <= 0x109F) ||
                 (cp >= 0x1780 && cp <= 0x17FF))
            sea++;
    }
    return (han + 1) / 2 + (sea + 3) / 4;
}

/* The Latin-1 byte a two-byte UTF-8 character at s stands for (C2 80 ..
 * C3 BF: U+0080 .. U+00FF), or -1. */
static int latin1_at(const unsigned char *s, const unsigned char *end)
{
    if (end - s < 2 || (s[0] != 0xC2 && s[0] != 0xC3) || (s[1] & 0xC0) != 0x80) return -1;
    return ((s[0] & 0x03) << 6) | (s[1] & 0x3F);
}

size_t u8_undouble(char *text, size_t n)
{
    unsigned char *s = (unsigned char *)text, *end = s + n, *r = s, *w = s;
    while (r < end) {
        int lead = *r == 0xC3 ? latin1_at(r, end) : -1;
        int need = lead >= 0xC2 && lead <= 0xDF ? 1 : lead >= 0xE0 && lead <= 0xEF ? 2 : lead >= 0xF0 && lead <= 0xF4 ? 3 : 0;
        unsigned char seq[4];
        bool control = false, ok = need > 0;
        for (int k = 0; ok && k < need; k++) {
            int c = latin1_at(r + 2 + 2 * k, end);
            ok = c >= 0x80 && c <= 0xBF;
            if (ok) seq[1 + k] = (unsigned char)c, control |= c <= 0x9F;
        }
        /* no overlong forms, surrogates or code points past U+10FFFF */
        if (ok) {
            seq[0] = (unsigned char)lead;
            ok = control && !(lead == 0xE0 && seq[1] < 0xA0) && !(lead == 0xED && seq[1] > 0x9F) &&
                 !(lead == 0xF0 && seq[1] < 0x90) && !(lead == 0xF4 && seq[1] > 0x8F);
        }
        if (!ok) {
            *w++ = *r++;
            continue;
        }
        memcpy(w, seq, (size_t)need + 1);
        w += need + 1;
        r += 2 * (need + 1);
    }
    return (size_t)(w - s);
}

bool u8_has_doubled(const char *text, size_t n)
{
    const unsigned char *s = (const unsigned char *)text, *end = s + n;
    for (const unsigned char *p = s; (p = memchr(p, 0xC2, (size_t)(end - p))) && p + 1 < end; p++)
        if (p[1] >= 0x80 && p[1] <= 0x9F && p >= s + 2 && p[-2] == 0xC3) return true;
    return false;
}
