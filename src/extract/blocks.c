/* blocks.c: splitting a plain-text page into blocks and counting what is in
 * each (characters, words, capitals, function words, figures).
 *
 * A block is one non-empty line, trimmed of white space (NBSP included):
 * scrapes either separate paragraphs by blank lines or put one per line, so
 * a line is the one unit both agree on. Not here: the shapes of a line
 * (shape.c) and any decision about it (boilerplate.c). */
#include "ex_internal.h"

#include <string.h>
#include <utf8proc.h>

ex_span ex_trim(ex_span t)
{
    int len;
    while (t.n) {
        int32_t cp = u8_decode(t.s, t.n, &len);
        if (!u8_is_space(cp)) break;
        t.s += len;
        t.n -= (size_t)len;
    }
    /* Trailing spaces: walk forward, remembering where the last non-space ends,
     * since UTF-8 cannot be decoded backwards safely when it is invalid. */
    size_t end = 0;
    for (size_t i = 0; i < t.n; i += (size_t)len) {
        int32_t cp = u8_decode(t.s + i, t.n - i, &len);
        if (!u8_is_space(cp)) end = i + (size_t)len;
    }
    t.n = end;
    return t;
}

/* ASCII white space (1) and the bytes that start other characters (2),
 * which must be decoded to tell: the tokenizer's loops look a byte up. */
static const uint8_t space_or_multi[256] = {
    [' '] = 1, ['\t'] = 1, ['\n'] = 1, ['\v'] = 1, ['\f'] = 1, ['\r'] = 1, [0x80 ... 0xFF] = 2,
};

bool ex_next_token(ex_span t, size_t *pos, ex_span *tok)
{
    const unsigned char *s = (const unsigned char *)t.s;
    int len;
    size_t i = *pos;
    while (i < t.n) {
        uint8_t k = space_or_multi[s[i]];
        if (!k) break;
        if (k == 1) { i++; continue; }
        if (!u8_is_space(u8_decode_multi(t.s + i, t.n - i, &len))) break;
        i += (size_t)len;
    }
    if (i >= t.n) { *pos = t.n; return false; }
    size_t start = i;
    while (i < t.n) {
        uint8_t k = space_or_multi[s[i]];
        if (!k) { i++; continue; }
        if (k == 1 || u8_is_space(u8_decode_multi(t.s + i, t.n - i, &len))) break;
        i += (size_t)len;
    }
    tok->s = t.s + start;
    tok->n = i - start;
    *pos = i;
    return true;
}

ex_span ex_core(ex_span tok)
{
    size_t first = tok.n, end = 0;
    int len;
    for (size_t i = 0; i < tok.n; i += (size_t)len) {
        if (!u8_is_alnum(u8_decode(tok.s + i, tok.n - i, &len))) continue;
        if (first == tok.n) first = i;
        end = i + (size_t)len;
    }
    if (first == tok.n) return (ex_span){tok.s, 0};
    return (ex_span){tok.s + first, end - first};
}

int32_t ex_first_cp(ex_span t)
{
    int len;
    return t.n ? u8_decode(t.s, t.n, &len) : -1;
}

/* An ASCII word (curly apostrophes allowed) folds by lowering its
 * letters, without utf8proc (which allocates): the common case. 16 bytes
 * is more than the longest function word in stop.c (10 letters); longer
 * or other non-ASCII words take the full fold. */
#define EX_STOP_MAX_BYTES 16

bool ex_is_stop(ex_span core, buf *fold)
{
    char low[EX_STOP_MAX_BYTES] = {0};   /* zeroed: gcc's LTO cannot see that core.n bytes are set */
    if (core.n <= EX_STOP_MAX_BYTES) {
        size_t i = 0;
        bool curly = false;
        for (; i < core.n; i++) {
            unsigned char c = (unsigned char)core.s[i];
            if (c < 0x80) {
                low[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
                continue;
            }
            /* a curly apostrophe ("don’t") folds to itself */
            if (c != 0xE2 || i + 2 >= core.n || (unsigned char)core.s[i + 1] != 0x80 ||
                (unsigned char)core.s[i + 2] != 0x99)
                break;
            memcpy(low + i, core.s + i, 3);
            i += 2;
            curly = true;
        }
        if (i == core.n) {
            buf_clear(fold);   /* callers read the folded word (title.c) */
            buf_append(fold, low, core.n);
            return curly ? stop_is_word(low, core.n) : stop_is_ascii_word(low, core.n);
        }
    }
    size_t k = u8_fold(core.s, core.n, fold);
    return stop_is_word(fold->data, k);
}

bool ex_span_eq(ex_span a, ex_span b)
{
    return a.n == b.n && memcmp(a.s, b.s, a.n) == 0;
}

static void count_chars(ex_block *b)
{
    int len;
    for (size_t i = 0; i < b->text.n; i += (size_t)len) {
        int32_t cp = u8_decode(b->text.s + i, b->text.n - i, &len);
        b->chars++;
        if (u8_is_space(cp)) continue;
        b->nonspace++;
        /* of ASCII, only '$' is a currency sign (category Sc) */
        if (u8_is_digit(cp) || (cp < 0x80 ? cp == '$' : utf8proc_category(cp) == UTF8PROC_CATEGORY_SC))
            b->figures++;
    }
}

static bool is_ascii(ex_span t)
{
    unsigned char any = 0;
    for (size_t i = 0; i < t.n; i++) any |= (unsigned char)t.s[i];
    return any < 0x80;
}

static bool ascii_alnum(unsigned char c) { return (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z'); }

/* A word of ASCII, the common case, counted without decoding: what
 * count_word does for any word, to the same counts. */
static void count_ascii_word(ex_block *b, ex_span tok)
{
    const unsigned char *s = (const unsigned char *)tok.s;
    size_t first = 0, end = tok.n;
    while (first < end && !ascii_alnum(s[first])) first++;
    if (first == end) return;
    while (!ascii_alnum(s[end - 1])) end--;
    b->words++;
    unsigned c = s[first];
    if ((c | 32) < 'a' || (c | 32) > 'z') return;
    b->alpha_words++;
    size_t n = end - first;
    bool stop = false;
    if (n < 16) {   /* no function word is longer (stop_is_word) */
        char low[16];
        for (size_t i = 0; i < n; i++) {
            unsigned char d = s[first + i];
            low[i] = (char)(d >= 'A' && d <= 'Z' ? d + 32 : d);
        }
        stop = stop_is_ascii_word(low, n);
    }
    if (stop) b->stops++;
    if (c <= 'Z') {
        b->caps++;
        if (!stop) b->content_caps++;
    }
}

static void count_word(ex_block *b, ex_span tok, buf *fold)
{
    if (is_ascii(tok)) {
        count_ascii_word(b, tok);
        return;
    }
    ex_span core = ex_core(tok);
    if (!core.n) return;
    /* Chinese, Japanese, Thai...: one token of many words */
    size_t k = u8_unspaced_words(core.s, core.n);
    if (!k) k = 1;
    b->words += k;
    int32_t cp = ex_first_cp(core);
    if (!u8_is_letter(cp)) return;
    b->alpha_words += k;
    bool stop = ex_is_stop(core, fold);
    if (stop) b->stops++;
    if (u8_is_upper(cp)) {
        b->caps++;
        if (!stop) b->content_caps++;
    }
}

/* One pass over the tokens feeds both the word counts and the shapes. */
void ex_measure(ex_block *b, buf *fold)
{
    count_chars(b);
    ex_shape_run run = {0};
    size_t pos = 0;
    ex_span tok;
    while (ex_next_token(b->text, &pos, &tok)) {
        count_word(b, tok, fold);
        ex_shape_token(b, &run, tok);
    }
    ex_shape(b, &run);
}

static void add_block(ex_doc *doc, size_t *cap, ex_span line, arena *a, buf *fold)
{
    if (doc->n == *cap) {
        size_t ncap = *cap ? *cap * 2 : 64;
        ex_block *nb = arena_alloc(a, ncap * sizeof *nb);
        if (doc->n) memcpy(nb, doc->b, doc->n * sizeof *nb);
        doc->b = nb;
        *cap = ncap;
    }
    ex_block *b = &doc->b[doc->n++];
    memset(b, 0, sizeof *b);
    b->text = line;
    ex_measure(b, fold);
}

void ex_split(const char *s, size_t n, arena *a, ex_doc *doc)
{
    size_t cap = 0;
    buf fold;
    buf_init(&fold);
    doc->b = NULL;
    doc->n = 0;
    size_t start = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && s[i] != '\n' && s[i] != '\r') continue;
        ex_span line = ex_trim((ex_span){s + start, i - start});
        if (line.n) add_block(doc, &cap, line, a, &fold);
        start = i + 1;
    }
    buf_free(&fold);
}
