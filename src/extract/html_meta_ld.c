/* html_meta_ld.c: JSON-LD (schema.org) metadata: the headline, authors,
 * datePublished and inLanguage of the page's Article object, the
 * datePublished of its WebPage object, and the publisher's or website's
 * name.
 *
 * Reads what one <script type="application/ld+json"> holds, whether a lone
 * object, an array of them or an @graph. Not here: anything else of the
 * page (html_meta.c) or the choice between this and other sources
 * (html_meta_pick.c).
 *
 * The JSON is read by a reader of our own (fast_value) into a small tree
 * in the arena, which takes the common case: valid UTF-8, strings without
 * control characters or escapes of NUL (core/json.c decodes the rest as
 * jansson does), plain numbers of at most
 * LD_NUMBER_MAX characters, nesting at most LD_DEPTH deep. Anything else
 * goes to jansson, whose tree is copied into the same form, so that what
 * is accepted and what is read are jansson's; the reader never decides
 * that a script is bad. jansson took 5% of the instructions of extraction
 * on zyte-aeb (about 150 a byte of JSON-LD, 338 KB on its 181 pages).
 * test_meta_ld checks that both give the same on every JSON-LD script of
 * the HTML sets in ../shared/data and on damaged copies of them. */
#include "html_meta.h"

#include <jansson.h>
#include <string.h>

/* Objects nest @graph in arrays in mainEntity at most three deep on real
 * pages; deeper is not metadata worth the walk. */
#define EX_LD_MAX_DEPTH 6

/* Deeper than this the reader leaves the script to jansson, and what is
 * copied from jansson's tree ends here: the walk below never goes past
 * EX_LD_MAX_DEPTH containers and the three of an author list. */
#define LD_DEPTH 32
/* A longer number, or one with an exponent, goes to jansson, which refuses
 * one too large for its integers or doubles: fifteen characters hold
 * neither. */
#define LD_NUMBER_MAX 15

typedef enum { LD_OTHER, LD_STRING, LD_ARRAY, LD_OBJECT } ld_kind;

/* A JSON value: a string's text (NUL-free, NUL-terminated), an array's or
 * an object's n items, an object's n keys beside them. Numbers, true,
 * false and null are LD_OTHER: nothing here reads them. */
typedef struct ld_val {
    ld_kind        kind;
    uint32_t       n;
    const char    *s;
    struct ld_val *items;
    const char   **keys;
} ld_val;

/* ---- the reader ----------------------------------------------------------- */

typedef struct {
    const char *p, *e;
    arena      *a;
    VEC(ld_val) vals;          /* the items of the containers open, innermost last */
    VEC(const char *) keys;
    buf         text;          /* a string with escapes, decoded */
} ld_reader;

static void ld_blanks(ld_reader *R) { R->p = js_skip_ws(R->p, R->e); }

/* The string whose opening quote is at R->p, decoded into the arena as
 * jansson decodes it; NULL for what only jansson may judge (a control
 * byte, an escape it refuses or of NUL, no end). */
static const char *fast_string(ld_reader *R)
{
    bool esc;
    const char *close = js_string_end(R->p, R->e, &esc), *s = R->p + 1;
    if (!close) return NULL;
    R->p = close + 1;
    if (!esc) return arena_strndup(R->a, s, (size_t)(close - s));
    buf_clear(&R->text);
    if (!js_unescape(s, (size_t)(close - s), false, &R->text)) return NULL;
    return arena_strndup(R->a, R->text.data, R->text.len);
}

/* A number as JSON writes it, short and without an exponent. What follows
 * it is the container's to judge: "012", "1e5" or "12x" leave a byte that
 * is no comma or closing bracket, and so go to jansson. */
static bool fast_number(ld_reader *R)
{
    const char *p = R->p, *e = R->e;
    if (p < e && *p == '-') p++;
    if (p >= e || *p < '0' || *p > '9') return false;
    if (*p == '0') p++;
    else while (p < e && *p >= '0' && *p <= '9') p++;
    if (p < e && *p == '.') {
        const char *d = ++p;
        while (p < e && *p >= '0' && *p <= '9') p++;
        if (p == d) return false;
    }
    if (p - R->p > LD_NUMBER_MAX) return false;
    R->p = p;
    return true;
}

static bool fast_word(ld_reader *R, const char *w)
{
    size_t n = strlen(w);
    if ((size_t)(R->e - R->p) < n || memcmp(R->p, w, n)) return false;
    R->p += n;
    return true;
}

static bool fast_value(ld_reader *R, ld_val *out, int depth);

/* The items pushed since base, moved into the arena as out's. */
static void close_container(ld_reader *R, ld_val *out, size_t base, size_t kbase, ld_kind kind)
{
    size_t n = R->vals.n - base;
    *out = (ld_val){.kind = kind, .n = (uint32_t)n};
    if (n) {
        out->items = arena_alloc(R->a, n * sizeof *out->items);
        memcpy(out->items, R->vals.v + base, n * sizeof *out->items);
    }
    if (kind == LD_OBJECT && n) {
        out->keys = arena_alloc(R->a, n * sizeof *out->keys);
        memcpy(out->keys, R->keys.v + kbase, n * sizeof *out->keys);
    }
    R->vals.n = base;
    R->keys.n = kbase;
}

static bool fast_container(ld_reader *R, ld_val *out, int depth)
{
    bool object = *R->p == '{';
    char close = object ? '}' : ']';
    size_t base = R->vals.n, kbase = R->keys.n;
    R->p++;
    ld_blanks(R);
    if (R->p < R->e && *R->p == close) {
        R->p++;
        close_container(R, out, base, kbase, object ? LD_OBJECT : LD_ARRAY);
        return true;
    }
    for (;;) {
        if (object) {
            if (R->p >= R->e || *R->p != '"') return false;
            const char *k = fast_string(R);
            if (!k) return false;
            VEC_PUSH(R->keys, k);
            ld_blanks(R);
            if (R->p >= R->e || *R->p != ':') return false;
            R->p++;
            ld_blanks(R);
        }
        ld_val v;
        if (!fast_value(R, &v, depth + 1)) return false;
        VEC_PUSH(R->vals, v);
        ld_blanks(R);
        if (R->p < R->e && *R->p == ',') {
            R->p++;
            ld_blanks(R);
            continue;
        }
        if (R->p < R->e && *R->p == close) break;
        return false;
    }
    R->p++;
    close_container(R, out, base, kbase, object ? LD_OBJECT : LD_ARRAY);
    return true;
}

/* The value at R->p (no blank before it) into *out; false when jansson is
 * to read the script instead. */
static bool fast_value(ld_reader *R, ld_val *out, int depth)
{
    if (R->p >= R->e || depth > LD_DEPTH) return false;
    *out = (ld_val){.kind = LD_OTHER};
    switch (*R->p) {
    case '{': case '[': return fast_container(R, out, depth);
    case '"':
        out->kind = LD_STRING;
        return (out->s = fast_string(R)) != NULL;
    case 't': return fast_word(R, "true");
    case 'f': return fast_word(R, "false");
    case 'n': return fast_word(R, "null");
    default: return fast_number(R);
    }
}

/* ---- jansson's tree, in the same form ------------------------------------- */

/* Strings stay jansson's: the tree is walked before it is let go. */
static void from_jansson(json_t *j, ld_val *out, arena *a, int depth)
{
    *out = (ld_val){.kind = LD_OTHER};
    if (json_is_string(j)) {
        *out = (ld_val){.kind = LD_STRING, .s = json_string_value(j)};
    } else if (json_is_array(j) && depth <= LD_DEPTH) {
        size_t n = json_array_size(j);
        *out = (ld_val){.kind = LD_ARRAY, .n = (uint32_t)n, .items = arena_alloc(a, (n ? n : 1) * sizeof(ld_val))};
        for (size_t i = 0; i < n; i++) from_jansson(json_array_get(j, i), &out->items[i], a, depth + 1);
    } else if (json_is_object(j) && depth <= LD_DEPTH) {
        size_t n = json_object_size(j), i = 0;
        *out = (ld_val){.kind = LD_OBJECT, .n = (uint32_t)n, .items = arena_alloc(a, (n ? n : 1) * sizeof(ld_val)),
                        .keys = arena_alloc(a, (n ? n : 1) * sizeof(const char *))};
        const char *k;
        json_t *v;
        json_object_foreach(j, k, v) {
            out->keys[i] = k;
            from_jansson(v, &out->items[i++], a, depth + 1);
        }
    }
}

/* ---- the walk ------------------------------------------------------------- */

/* The value of key in o, the last if the key is there twice (as jansson
 * keeps it); NULL if none or o is no object. */
static const ld_val *get(const ld_val *o, const char *key)
{
    const ld_val *r = NULL;
    if (o && o->kind == LD_OBJECT)
        for (uint32_t i = 0; i < o->n; i++)
            if (o->keys[i][0] == key[0] && !strcmp(o->keys[i], key)) r = &o->items[i];
    return r;
}

static const char *str_of(const ld_val *o, const char *key)
{
    const ld_val *v = get(o, key);
    return v && v->kind == LD_STRING ? v->s : NULL;
}

static const char *clean(arena *a, const char *s)
{
    return s ? ex_meta_clean(a, s, strnlen(s, EX_META_MAX_TEXT)) : NULL;
}

static bool type_is(const char *t, const char *suffix)
{
    size_t n = strlen(t), k = strlen(suffix);
    return n >= k && !strcmp(t + n - k, suffix);
}

/* Article, NewsArticle, ReportageNewsArticle, BlogPosting, LiveBlogPosting,
 * Report, ...: the schema.org types a news or blog page describes itself as. */
static bool article_type(const char *t)
{
    if (!strncmp(t, "http://schema.org/", 18)) t += 18;
    else if (!strncmp(t, "https://schema.org/", 19)) t += 19;
    return type_is(t, "Article") || type_is(t, "Posting") || !strcmp(t, "Report");
}

static bool has_type(const ld_val *o, bool (*test)(const char *))
{
    const ld_val *t = get(o, "@type");
    if (!t) return false;
    if (t->kind == LD_STRING) return test(t->s);
    if (t->kind == LD_ARRAY)
        for (uint32_t i = 0; i < t->n; i++)
            if (t->items[i].kind == LD_STRING && test(t->items[i].s)) return true;
    return false;
}

static bool website_type(const char *t) { return !strcmp(t, "WebSite") || !strcmp(t, "Organization") || !strcmp(t, "NewsMediaOrganization"); }

/* WebPage, ItemPage, AboutPage, ...: the page itself, whose datePublished
 * is the article's on pages that describe no Article (Yoast's graph puts
 * it on both). */
static bool page_type(const char *t)
{
    if (!strncmp(t, "http://schema.org/", 18)) t += 18;
    else if (!strncmp(t, "https://schema.org/", 19)) t += 19;
    return type_is(t, "Page");
}

/* author: "Name", {"name": "Name"}, or an array of either. */
static void add_authors(const ld_val *v, arena *a, ex_meta_found *f, int depth)
{
    if (!v || depth > 2) return;
    if (v->kind == LD_STRING) {
        const char *name = clean(a, v->s);
        ex_meta_add_name(a, &f->ld_author, name ? ex_meta_clean_byline(a, name) : NULL);
    } else if (v->kind == LD_OBJECT) {
        const ld_val *name = get(v, "name");
        if (name && name->kind == LD_STRING) add_authors(name, a, f, depth + 1);
    } else if (v->kind == LD_ARRAY) {
        for (uint32_t i = 0; i < v->n; i++) add_authors(&v->items[i], a, f, depth + 1);
    }
}

static void read_article(const ld_val *o, arena *a, ex_meta_found *f)
{
    const char *h = str_of(o, "headline");
    f->ld_headline = clean(a, h ? h : str_of(o, "name"));
    add_authors(get(o, "author"), a, f, 0);
    const char *d = str_of(o, "datePublished");
    if (!d) d = str_of(o, "dateCreated");
    if (d) f->ld_date = ex_meta_date(d, strlen(d));
    d = str_of(o, "dateModified");
    if (d && f->modified == SL_NO_DATE) f->modified = ex_meta_date(d, strlen(d));
    const char *l = str_of(o, "inLanguage");
    if (l && !f->lang_ld) f->lang_ld = clean(a, l);
    const ld_val *pub = get(o, "publisher");
    if (pub && pub->kind == LD_OBJECT && !f->site_name) f->site_name = clean(a, str_of(pub, "name"));
}

static void visit(const ld_val *v, arena *a, ex_meta_found *f, int depth)
{
    if (!v || depth > EX_LD_MAX_DEPTH) return;
    if (v->kind == LD_ARRAY) {
        for (uint32_t i = 0; i < v->n; i++) visit(&v->items[i], a, f, depth + 1);
        return;
    }
    if (v->kind != LD_OBJECT) return;
    visit(get(v, "@graph"), a, f, depth + 1);
    /* The first article object is the page's; later ones are related links. */
    if (!f->ld_headline && f->ld_date == SL_NO_DATE && !f->ld_author && has_type(v, article_type))
        read_article(v, a, f);
    else if (has_type(v, website_type) && !f->site_name)
        f->site_name = clean(a, str_of(v, "name"));
    else if (f->ld_page_date == SL_NO_DATE && has_type(v, page_type)) {
        const char *d = str_of(v, "datePublished");
        if (d) f->ld_page_date = ex_meta_date(d, strlen(d));
    }
    visit(get(v, "mainEntity"), a, f, depth + 1);
}

/* The JSON s (n bytes) read by our reader, or by jansson when ours leaves
 * it (always when by_jansson), and walked into f; true if ours read it. */
static bool read_json(const char *s, size_t n, arena *a, ex_meta_found *f, bool by_jansson)
{
    ld_val root;
    if (!by_jansson && u8_valid(s, n)) {
        ld_reader R = {.p = s, .e = s + n, .a = a};
        bool ok = fast_value(&R, &root, 0);
        if (ok) ld_blanks(&R);
        ok = ok && R.p == R.e;
        VEC_FREE(R.vals);
        VEC_FREE(R.keys);
        buf_free(&R.text);
        if (ok) {
            visit(&root, a, f, 0);
            return true;
        }
    }
    json_error_t err;
    json_t *j = json_loadb(s, n, JSON_DECODE_ANY, &err);
    if (!j) return false;
    from_jansson(j, &root, a, 0);
    visit(&root, a, f, 0);
    json_decref(j);
    return false;
}

static bool ex_meta_ld_by(const char *s, size_t n, arena *a, ex_meta_found *f, bool by_jansson)
{
    /* Some CMSs wrap the JSON in an HTML comment or CDATA markers
     * ("<![CDATA[ {...} ]]>", "//<![CDATA[ ... //]]>"). */
    const char *cdata = memmem(s, n < 32 ? n : 32, "<![CDATA[", 9);
    if (cdata) { n -= (size_t)(cdata + 9 - s); s = cdata + 9; }
    const char *open = memchr(s, '{', n), *arr = memchr(s, '[', n);
    if (arr && (!open || arr < open)) open = arr;
    if (!open) return false;
    n -= (size_t)(open - s);
    s = open;
    const char *cdata_end = memmem(s, n, "]]>", 3);
    if (cdata && cdata_end) n = (size_t)(cdata_end - s);
    const char *close = NULL;
    for (size_t i = n; i > 0; i--)
        if (s[i - 1] == '}' || s[i - 1] == ']') { close = s + i; break; }
    if (!close) return false;
    return read_json(s, (size_t)(close - s), a, f, by_jansson);
}

void ex_meta_ld(const char *s, size_t n, arena *a, ex_meta_found *f) { ex_meta_ld_by(s, n, a, f, false); }

static bool same(const char *x, const char *y) { return x == y || (x && y && !strcmp(x, y)); }

bool ex_meta_ld_agree(const char *s, size_t n, arena *a, bool *ours)
{
    ex_meta_found fast = ex_meta_found_empty(), slow = ex_meta_found_empty();
    bool took = ex_meta_ld_by(s, n, a, &fast, false);
    ex_meta_ld_by(s, n, a, &slow, true);
    if (ours) *ours = took;
    return same(fast.ld_headline, slow.ld_headline) && same(fast.ld_author, slow.ld_author) &&
           same(fast.site_name, slow.site_name) && same(fast.lang_ld, slow.lang_ld) &&
           fast.ld_date == slow.ld_date && fast.ld_page_date == slow.ld_page_date && fast.modified == slow.modified;
}
