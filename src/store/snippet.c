/* snippet.c: the passage of a search hit's text that shows its matches.
 *
 * FTS5's snippet() would give it, but SQLite computes every selected
 * column of every ranked match before it sorts them, so a common word made
 * a snippet for each of the thousand articles it ranked. Here the passage
 * is cut for the hits of the page only, from the query's words: the text
 * is split into words as FTS5's unicode61 tokenizer splits it (letters,
 * digits and private-use characters; case and accents folded), and of the
 * windows of ST_SNIPPET_WORDS words the one that holds the most distinct
 * query words (the text's first lines if they hold as many; else the one
 * with the most matches, centred on them) is shown, its matches between
 * SL_MARK_START and SL_MARK_END and an ellipsis where the text goes on. */
#include "store.h"
#include "st_internal.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

/* A word of text or query: where it is and its folded form. */
typedef struct word {
    size_t start, end;
    int    term;        /* the query word it matches, or -1 */
} word;

/* A query word: folded; prefix when the query wrote it with a '*'. */
typedef struct qterm {
    char  *text;
    size_t len;
    bool   prefix;
} qterm;

static bool word_char_multi(int32_t cp)
{
    utf8proc_category_t c = utf8proc_category(cp);
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
           (c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME) ||
           (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO) || c == UTF8PROC_CATEGORY_CO;
}

/* Whether the character at s[0..n) belongs to a word; *len: its bytes. */
static inline bool word_char(const char *s, size_t n, int *len)
{
    unsigned char c = (unsigned char)s[0];
    if (c < 0x80) {
        *len = 1;
        return ((c | 32) >= 'a' && (c | 32) <= 'z') || (c >= '0' && c <= '9');
    }
    return word_char_multi(u8_decode_multi(s, n, len));
}

/* The next word of s[*i..n): its bounds, false when none is left; *ascii:
 * whether it is all ASCII. */
static bool next_word(const char *s, size_t n, size_t *i, size_t *start, size_t *end, bool *ascii)
{
    int len;
    while (*i < n && !word_char(s + *i, n - *i, &len)) *i += (size_t)len;
    if (*i >= n) return false;
    *start = *i;
    *ascii = true;
    while (*i < n && word_char(s + *i, n - *i, &len)) {
        if (len > 1) *ascii = false;
        *i += (size_t)len;
    }
    *end = *i;
    return true;
}

/* The words of an FTS5 query worth marking: its barewords and the words of
 * its "phrases", without the operators AND, OR, NOT and NEAR, NEAR's
 * distance and the names of columns ("title: word"). */
static size_t query_terms(const char *q, qterm *out, size_t max, buf *fold)
{
    size_t n = strlen(q), i = 0, k = 0, start, end;
    bool quoted = false, ascii;
    size_t scanned = 0;   /* quotes counted up to here */
    while (k < max && next_word(q, n, &i, &start, &end, &ascii)) {
        for (; scanned < start; scanned++) if (q[scanned] == '"') quoted = !quoted;
        size_t len = end - start;
        size_t after = end;
        while (after < n && (q[after] == ' ' || q[after] == '\t')) after++;
        bool column = !quoted && after < n && q[after] == ':';
        bool op = !quoted && ((len == 3 && (!memcmp(q + start, "AND", 3) || !memcmp(q + start, "NOT", 3))) ||
                              (len == 2 && !memcmp(q + start, "OR", 2)) || (len == 4 && !memcmp(q + start, "NEAR", 4)));
        bool distance = false;
        if (!quoted) {   /* NEAR(a b, 10): the number after the comma */
            size_t b = start;
            while (b > 0 && (q[b - 1] == ' ' || q[b - 1] == '\t')) b--;
            distance = b > 0 && q[b - 1] == ',';
        }
        if (column || op || distance) continue;
        u8_fold(q + start, len, fold);
        if (!fold->len) continue;
        out[k].text = xstrdup(fold->data);
        out[k].len = fold->len;
        out[k].prefix = !quoted && end < n && q[end] == '*';
        k++;
    }
    return k;
}

/* The query word that the word w (n bytes) matches, or -1. An ASCII word
 * is compared without folding it (a query word folds to lower case). */
static int match(const char *w, size_t n, bool ascii, const qterm *t, size_t nt, buf *fold)
{
    if (!ascii) {
        u8_fold(w, n, fold);
        w = fold->data;
        n = fold->len;
    }
    for (size_t j = 0; j < nt; j++) {
        size_t m = t[j].len;
        if (t[j].prefix ? n < m : n != m) continue;
        if (ascii ? !strncasecmp(w, t[j].text, m) : !memcmp(w, t[j].text, m)) return (int)j;
    }
    return -1;
}

/* Two matched words with nothing but spaces between them. */
static bool joined(const char *text, const word *a, const word *b)
{
    if (a->term < 0 || b->term < 0) return false;
    for (size_t i = a->end; i < b->start; i++) if (text[i] != ' ') return false;
    return true;
}

#define ST_SNIPPET_TERMS 32

char *st_snippet(const char *query, const char *text, int words)
{
    if (!text) text = "";
    if (words < 1) words = 1;
    buf fold;
    buf_init(&fold);
    qterm terms[ST_SNIPPET_TERMS];
    size_t nt = query_terms(query ? query : "", terms, ST_SNIPPET_TERMS, &fold);
    VEC(word) v = {0};
    size_t n = strlen(text), i = 0, start, end;
    bool ascii, more = false;
    size_t seen[ST_SNIPPET_TERMS] = {0}, lead = 0;   /* the first words' distinct matches */
    while (next_word(text, n, &i, &start, &end, &ascii)) {
        /* the first words hold every query word: no window holds more */
        if (v.n == (size_t)words && nt && lead == nt) { more = true; break; }
        word w = {start, end, match(text + start, end - start, ascii, terms, nt, &fold)};
        if (v.n < (size_t)words && w.term >= 0 && !seen[w.term]++) lead++;
        VEC_PUSH(v, w);
    }
    /* the window [best, best + words) with the most distinct terms, then
     * the most matches; counted by sliding */
    size_t best = 0, best_distinct = 0, best_hits = 0, hits = 0, distinct = 0;
    int count[ST_SNIPPET_TERMS] = {0};
    size_t span = (size_t)words < v.n ? (size_t)words : v.n;
    for (size_t e = 0; e < v.n; e++) {
        if (v.v[e].term >= 0 && count[v.v[e].term]++ == 0) distinct++;
        if (v.v[e].term >= 0) hits++;
        if (e >= span) {
            int t = v.v[e - span].term;
            if (t >= 0) { hits--; if (--count[t] == 0) distinct--; }
        }
        if (e + 1 >= span && (distinct > best_distinct || (distinct == best_distinct && hits > best_hits))) {
            best = e + 1 - span;
            best_distinct = distinct;
            best_hits = hits;
        }
    }
    /* a news text says most in its first lines: they are shown when they
     * hold as many of the words as any window; else the matches centred in
     * the best window, as far as the text allows */
    if (lead && lead == best_distinct) best = 0;
    else if (best_hits) {
        size_t first = best, last = best + span - 1;
        while (v.v[first].term < 0) first++;
        while (v.v[last].term < 0) last--;
        size_t room = span - (last - first + 1), pad = room / 2;
        best = first > pad ? first - pad : 0;
        if (best + span > v.n) best = v.n - span;
    }
    buf out;
    buf_init(&out);
    if (best > 0) buf_puts(&out, "\xe2\x80\xa6");
    for (size_t k = best; k < best + span; k++) {
        if (k > best) buf_append(&out, text + v.v[k - 1].end, v.v[k].start - v.v[k - 1].end);
        /* matched words apart by spaces only (a phrase) share one mark */
        bool open = v.v[k].term >= 0 && !(k > best && joined(text, &v.v[k - 1], &v.v[k]));
        bool close = v.v[k].term >= 0 && !(k + 1 < best + span && joined(text, &v.v[k], &v.v[k + 1]));
        if (open) buf_putc(&out, SL_MARK_START);
        buf_append(&out, text + v.v[k].start, v.v[k].end - v.v[k].start);
        if (close) buf_putc(&out, SL_MARK_END);
    }
    if (best + span < v.n || more) buf_puts(&out, "\xe2\x80\xa6");
    else if (span) {   /* what ends the text, a full stop, up to a line's end or a few characters */
        size_t e = v.v[v.n - 1].end, stop = e;
        while (stop < n && text[stop] != '\n' && stop - e < 8) stop++;
        while (stop > e && stop < n && ((unsigned char)text[stop] & 0xC0) == 0x80) stop--;   /* not inside a character */
        buf_append(&out, text + e, stop - e);
    }
    for (size_t j = 0; j < nt; j++) free(terms[j].text);
    VEC_FREE(v);
    buf_free(&fold);
    return buf_detach(&out);
}
