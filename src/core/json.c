/* json.c: JSON strings as jansson reads them, for the readers of our own
 * that take the common case before jansson (read/jsonl.c for JSON Lines
 * records, extract/html_meta_ld.c for JSON-LD): where a string ends, and
 * its escapes decoded. Not values or documents, which each reader walks
 * in its own way, nor JSON written out (buf_json_string). */
#include "core.h"

#include <string.h>

const char *js_skip_ws(const char *p, const char *end)
{
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')) p++;
    return p;
}

/* The first quote, backslash or control byte of [p, end), or end: a
 * text's bytes sixteen at a time where SSE2 is there. */
static const char *special(const char *p, const char *end)
{
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"'), bs = _mm_set1_epi8('\\'), ctl = _mm_set1_epi8(0x1F);
    while (end - p >= 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
        __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, bs)),
                                   _mm_cmpeq_epi8(_mm_max_epu8(x, ctl), ctl));
        unsigned m = (unsigned)_mm_movemask_epi8(hit);
        if (m) return p + __builtin_ctz(m);
        p += 16;
    }
#endif
    while (p < end && *p != '"' && *p != '\\' && (unsigned char)*p >= 0x20) p++;
    return p;
}

const char *js_string_end(const char *p, const char *end, bool *esc)
{
    *esc = false;
    for (p++; p < end; p++) {
        p = special(p, end);
        if (p == end) break;
        unsigned char c = (unsigned char)*p;
        if (c == '"') return p;
        if (c < 0x20) return NULL;
        *esc = true;             /* a backslash: the next byte is escaped */
        if (++p == end) return NULL;
    }
    return NULL;
}

static int hex4(const char *p)
{
    int v = 0;
    for (int i = 0; i < 4; i++) {
        char c = p[i];
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0) return -1;
        v = v * 16 + d;
    }
    return v;
}

bool js_unescape(const char *s, size_t n, bool allow_nul, buf *out)
{
    size_t start = out->len;
    const char *p = s, *end = s + n;
    buf_reserve(out, n);
    while (p < end) {
        const char *bs = memchr(p, '\\', (size_t)(end - p));
        size_t run = (size_t)((bs ? bs : end) - p);
        buf_append(out, p, run);
        p += run;
        if (!bs) break;
        if (p + 1 >= end) goto bad;
        char c = p[1];
        p += 2;
        switch (c) {
        case '"': case '\\': case '/': buf_putc(out, c); continue;
        case 'b': buf_putc(out, '\b'); continue;
        case 'f': buf_putc(out, '\f'); continue;
        case 'n': buf_putc(out, '\n'); continue;
        case 'r': buf_putc(out, '\r'); continue;
        case 't': buf_putc(out, '\t'); continue;
        case 'u': break;
        default: goto bad;
        }
        int cp = end - p >= 4 ? hex4(p) : -1;
        if (cp < 0 || (cp == 0 && !allow_nul)) goto bad;
        p += 4;
        if (cp >= 0xDC00 && cp <= 0xDFFF) goto bad;       /* a low surrogate alone */
        if (cp >= 0xD800 && cp <= 0xDBFF) {               /* a pair */
            int lo = end - p >= 6 && p[0] == '\\' && p[1] == 'u' ? hex4(p + 2) : -1;
            if (lo < 0xDC00 || lo > 0xDFFF) goto bad;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            p += 6;
        }
        char u[4];
        buf_append(out, u, (size_t)u8_encode(cp, u));
    }
    return true;
bad:
    out->len = start;
    if (out->data) out->data[start] = '\0';
    return false;
}
