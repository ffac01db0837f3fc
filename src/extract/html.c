/* html.c: an HTML page's charset found and decoded, and the page parsed
 * into the tree of dom.h by our parser (dom_parse.c), or by libxml2 when
 * checking ours against it (SL_HTML_PARSER=libxml2).
 *
 * The charset is taken, in this order, from a byte-order mark, the
 * container (HTTP Content-Type header), the page's own <meta> tags in its
 * first bytes, and else guessed: UTF-8 when the bytes are valid UTF-8,
 * Windows-1252 (what browsers assume for Latin-1 labels) otherwise. Not
 * here: what the tree says (html_meta.c) or where its article is
 * (html_body.c). */
#include "ex_internal.h"

#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <libxml/HTMLparser.h>

/* Browsers look for a <meta> charset in the first 1024 bytes; pages with a
 * long <head> put it later, so we look a little further. */
#define EX_CHARSET_SCAN 4096

static bool ci_prefix(const char *s, size_t n, const char *lit)
{
    size_t k = strlen(lit);
    if (n < k) return false;
    for (size_t i = 0; i < k; i++)
        if (tolower((unsigned char)s[i]) != lit[i]) return false;
    return true;
}

/* A charset label: letters, digits, - _ . : ; copied into out (lower case). */
static bool copy_label(const char *s, size_t n, char out[32])
{
    size_t i = 0, k = 0;
    while (i < n && (s[i] == ' ' || s[i] == '"' || s[i] == '\'' || s[i] == '=')) i++;
    while (i < n && k < 31 && (isalnum((unsigned char)s[i]) || strchr("-_.:", s[i])))
        out[k++] = (char)tolower((unsigned char)s[i++]);
    out[k] = '\0';
    return k > 0;
}

/* "charset=" inside a <meta ...> tag among the first bytes. */
static bool meta_charset(const char *s, size_t n, char out[32])
{
    if (n > EX_CHARSET_SCAN) n = EX_CHARSET_SCAN;
    for (size_t i = 0; i + 5 < n; i++) {
        if (s[i] != '<' || !ci_prefix(s + i + 1, n - i - 1, "meta")) continue;
        const char *end = memchr(s + i, '>', n - i);
        size_t tag_n = end ? (size_t)(end - (s + i)) : n - i;
        for (size_t j = i; j + 8 <= i + tag_n; j++)
            if (ci_prefix(s + j, i + tag_n - j, "charset"))
                if (copy_label(s + j + 7, i + tag_n - j - 7, out)) return true;
        i += tag_n;
    }
    return false;
}

static bool has_multibyte(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) if ((unsigned char)s[i] >= 0xC2) return true;
    return false;
}

static bool cp1252_holes(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D) return true;
    }
    return false;
}

/* The label iconv (or libxml2) is told; ISO-8859-1 and US-ASCII labels mean
 * Windows-1252 on the web (WHATWG Encoding), which differs in 0x80-0x9F.
 * *valid: the bytes were found to be UTF-8 on the way (so the parser need
 * not look again). */
static const char *charset_of(const sl_page *page, const char *s, size_t n, char label[32],
                              bool *valid)
{
    *valid = false;
    if (n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3)) return "utf-8";
    if (n >= 2 && !memcmp(s, "\xFF\xFE", 2)) return "utf-16le";
    if (n >= 2 && !memcmp(s, "\xFE\xFF", 2)) return "utf-16be";
    if (!(page->charset && copy_label(page->charset, strlen(page->charset), label)) &&
        !meta_charset(s, n, label))
        return (*valid = u8_valid(s, n)) ? "utf-8" : "windows-1252";
    if (!strcmp(label, "utf-8") || !strcmp(label, "utf8")) return "utf-8";
    /* A page labelled with a legacy charset whose bytes are nonetheless
     * valid UTF-8 with letters beyond ASCII is UTF-8: by chance, text in a
     * single- or double-byte charset almost never forms valid sequences
     * (a real page of the Readability tests says gb2312 and is UTF-8). */
    if (has_multibyte(s, n) && (*valid = u8_valid(s, n))) return "utf-8";
    if (!strcmp(label, "iso-8859-1") || !strcmp(label, "latin1") ||
        !strcmp(label, "us-ascii") || !strcmp(label, "ascii"))
        return "windows-1252";
    return label;
}

/* Control bytes (NUL and C0 codes other than white space) in the first
 * EX_SNIFF_BYTES of the page: HTML in any 8-bit charset or UTF-8 has none,
 * random or compressed bytes about one in nine (28 of 256 values). One in
 * twenty tells them apart. libxml2 parses anything, so the check is ours,
 * and comes before it: its iconv would complain of such bytes on stderr. */
#define EX_SNIFF_BYTES 65536
#define EX_MAX_CONTROL_SHARE 20

static bool looks_binary(const sl_page *page, size_t *bad, size_t *seen)
{
    size_t n = page->body_len < EX_SNIFF_BYTES ? page->body_len : EX_SNIFF_BYTES, i = 0;
    const unsigned char *s = (const unsigned char *)page->body;
    *bad = 0;
    *seen = n;
#if defined(__SSE2__)
    /* sixteen bytes a step: those under 0x20 that are not white space */
    const __m128i c1f = _mm_set1_epi8(0x1F), tab = _mm_set1_epi8('\t'), nl = _mm_set1_epi8('\n'),
                  cr = _mm_set1_epi8('\r'), ff = _mm_set1_epi8('\f');
    for (; i + 16 <= n; i += 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        __m128i ctl = _mm_cmpeq_epi8(_mm_min_epu8(x, c1f), x);
        __m128i ws = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, tab), _mm_cmpeq_epi8(x, nl)),
                                  _mm_or_si128(_mm_cmpeq_epi8(x, cr), _mm_cmpeq_epi8(x, ff)));
        unsigned m = (unsigned)_mm_movemask_epi8(_mm_andnot_si128(ws, ctl));
        for (; m; m &= m - 1) (*bad)++;
    }
#endif
    for (; i < n; i++) {
        unsigned char c = s[i];
        *bad += c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f';
    }
    return *bad * EX_MAX_CONTROL_SHARE > n;
}

/* Is s[i..] the end tag </name (followed by white space or '>')? */
static bool end_tag_at(const char *s, size_t n, size_t i, const char *name)
{
    size_t k = strlen(name);
    return i + 2 + k < n && s[i + 1] == '/' && !strncasecmp(s + i + 2, name, k) &&
           (s[i + 2 + k] == '>' || isspace((unsigned char)s[i + 2 + k]));
}

/* Pages that close body and html early and go on ("</body></html> <div
 * class='blog'>..."): a browser puts what follows into the body as if the
 * end tags were not there, but libxml2 drops it once anything has gone to
 * <head> late. So when an element starts after a </body> or </html>,
 * all such end tags are blanked in a copy of the page (NULL: the page is
 * parsed as it is). */
static char *without_early_end(const char *s, size_t n)
{
    /* the first end tag, as pages write it (lower or upper case): one pass
     * from '<' to '<' (four searches of the whole page cost a parse's
     * fifth) */
    static const char *const tags[] = {"</body", "</html", "</BODY", "</HTML"};
    const char *first = NULL;
    for (const char *p = memchr(s, '<', n); p && !first; p = memchr(p + 1, '<', n - (size_t)(p + 1 - s))) {
        if (n - (size_t)(p - s) < 6 || p[1] != '/') continue;
        for (size_t k = 0; k < 4 && !first; k++)
            if (!memcmp(p, tags[k], 6)) first = p;
    }
    bool more = false;   /* an element starts after it */
    for (const char *p = first; p && !more; ) {
        size_t i = (size_t)(p - s);
        more = i + 1 < n && isalpha((unsigned char)s[i + 1]);
        p = i + 1 < n ? memchr(p + 1, '<', n - i - 1) : NULL;
    }
    if (!more) return NULL;
    char *c = malloc(n);
    if (!c) return NULL;
    memcpy(c, s, n);
    for (size_t i = 0; i < n; i++) {
        if (c[i] != '<' || !(end_tag_at(c, n, i, "body") || end_tag_at(c, n, i, "html"))) continue;
        for (; i < n && c[i] != '>'; i++) c[i] = ' ';
        if (i < n) c[i] = ' ';
    }
    return c;
}

/* The page as libxml2 reads it, copied into our tree: the reference the
 * parser of dom_parse.c is checked against (SL_HTML_PARSER=libxml2). */
static const ex_node *parse_libxml2(const char *s, size_t n, const char *url, const char *cs,
                                    arena *a)
{
    const int opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                     HTML_PARSE_NONET | HTML_PARSE_NOBLANKS | HTML_PARSE_COMPACT |
                     HTML_PARSE_IGNORE_ENC;
    htmlDocPtr doc = htmlReadMemory(s, (int)n, url, cs, opts);
    if (!doc)   /* a label libxml2's iconv does not know: let it sniff */
        doc = htmlReadMemory(s, (int)n, url, NULL, opts & ~HTML_PARSE_IGNORE_ENC);
    const ex_node *root = doc ? ex_dom_from_xml(xmlDocGetRootElement(doc), a) : NULL;
    if (doc) xmlFreeDoc(doc);
    return root;
}

/* s[0..n) in charset cs as UTF-8 (malloc'd, its length in *out_n); a byte
 * that does not decode becomes U+FFFD. NULL when iconv knows no such
 * charset. */
static char *to_utf8(const char *s, size_t n, const char *cs, size_t *out_n)
{
    iconv_t cd = iconv_open("UTF-8", cs);
    if (cd == (iconv_t)-1) return NULL;
    size_t cap = n * 3 + 16;   /* a byte gives at most three (or U+FFFD's three) */
    if (!strncmp(cs, "utf-16", 6)) cap = n * 2 + 16;   /* two bytes give at most four */
    char *out = malloc(cap);
    if (!out) { iconv_close(cd); return NULL; }
    char *in = (char *)s, *o = out;
    size_t in_left = n, out_left = cap;
    while (in_left) {
        if (iconv(cd, &in, &in_left, &o, &out_left) != (size_t)-1) break;
        if (errno == E2BIG || out_left < 3) break;   /* cannot happen: cap is enough */
        memcpy(o, "\xEF\xBF\xBD", 3);               /* EILSEQ or EINVAL: one byte skipped */
        o += 3, out_left -= 3;
        in++, in_left--;
        iconv(cd, NULL, NULL, NULL, NULL);
    }
    iconv_close(cd);
    *out_n = (size_t)(o - out);
    return out;
}

/* The page through our own parser, in UTF-8 first when it is not (valid:
 * s is known to be valid UTF-8). */
static const ex_node *parse_own(const char *s, size_t n, const char *cs, bool valid, arena *a)
{
    if (!strcmp(cs, "utf-8")) return ex_dom_parse(s, n, a, EX_DOM_LEAN | (valid ? EX_DOM_VALID : 0));
    size_t m;
    char *u = to_utf8(s, n, cs, &m);
    if (!u) {   /* a label iconv does not know: guessed as with no label */
        valid = u8_valid(s, n);
        return parse_own(s, n, valid ? "utf-8" : "windows-1252", valid, a);
    }
    const ex_node *root = ex_dom_parse(u, m, a, EX_DOM_LEAN | EX_DOM_VALID);   /* iconv's is */
    free(u);
    return root;
}

static bool use_libxml2;

const ex_node *ex_html_parse(const sl_page *page, arena *a, err_slot *err)
{
    const char *s = page->body ? page->body : "";
    size_t n = page->body ? page->body_len : 0;
    size_t i = 0;
    while (i < n && isspace((unsigned char)s[i])) i++;
    if (i == n) {
        err_set(err, SL_EINPUT, page->input, page->line, "empty page: no HTML to parse");
        return NULL;
    }
    if (n > (size_t)INT32_MAX) {
        err_set(err, SL_EINPUT, page->input, page->line, "page too large: %zu bytes", n);
        return NULL;
    }
    char label[32];
    bool valid;
    const char *cs = charset_of(page, s, n, label, &valid);
    size_t bad, seen;
    if (strncmp(cs, "utf-16", 6) && looks_binary(page, &bad, &seen)) {
        err_set(err, SL_EINPUT, page->input, page->line,
                "page looks binary: %zu of its first %zu bytes are control codes", bad, seen);
        return NULL;
    }
    /* iconv's Windows-1252 has no 0x81 0x8D 0x8F 0x90 0x9D and stops the
     * parse at the first; browsers pass them through, as Latin-1 does. */
    if (!strcmp(cs, "windows-1252") && cp1252_holes(s, n)) cs = "iso-8859-1";
    char *mended = without_early_end(s, n);
    if (mended) s = mended;
    /* a page encoded twice shows "â€™" for "’": decoded once more */
    if (!strcmp(cs, "utf-8") && u8_has_doubled(s, n)) {
        if (!mended && (mended = malloc(n))) memcpy(mended, s, n);
        if (mended) n = u8_undouble(mended, n), s = mended, valid = false;
    }
    const ex_node *root = use_libxml2 ? parse_libxml2(s, n, page->url, cs, a) : parse_own(s, n, cs, valid, a);
    free(mended);
    if (!root)
        err_set(err, SL_EINPUT, page->input, page->line, "not an HTML page: nothing could be parsed");
    return root;
}

static void init_once(void)
{
    const char *p = getenv("SL_HTML_PARSER");
    use_libxml2 = p && !strcmp(p, "libxml2");
    xmlInitParser();
}

void ex_init(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, init_once);
}
