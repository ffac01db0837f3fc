/* html_meta_ld.c: JSON-LD (schema.org) metadata: the headline, authors,
 * datePublished and inLanguage of the page's Article object, the
 * datePublished of its WebPage object, and the publisher's or website's
 * name.
 *
 * Reads what one <script type="application/ld+json"> holds, whether a lone
 * object, an array of them or an @graph. Not here: anything else of the
 * page (html_meta.c) or the choice between this and other sources
 * (html_meta_pick.c). */
#include "html_meta.h"

#include <jansson.h>
#include <string.h>

/* Objects nest @graph in arrays in mainEntity at most three deep on real
 * pages; deeper is not metadata worth the walk. */
#define EX_LD_MAX_DEPTH 6

static const char *str_of(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    return json_is_string(v) ? json_string_value(v) : NULL;
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

static bool has_type(json_t *o, bool (*test)(const char *))
{
    json_t *t = json_object_get(o, "@type");
    if (json_is_string(t)) return test(json_string_value(t));
    size_t i;
    json_t *v;
    json_array_foreach(t, i, v)
        if (json_is_string(v) && test(json_string_value(v))) return true;
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
static void add_authors(json_t *v, arena *a, ex_meta_found *f, int depth)
{
    if (depth > 2) return;
    if (json_is_string(v)) {
        const char *name = clean(a, json_string_value(v));
        ex_meta_add_name(a, &f->ld_author, name ? ex_meta_clean_byline(a, name) : NULL);
    } else if (json_is_object(v)) {
        json_t *name = json_object_get(v, "name");
        if (json_is_string(name)) add_authors(name, a, f, depth + 1);
    } else if (json_is_array(v)) {
        size_t i;
        json_t *e;
        json_array_foreach(v, i, e) add_authors(e, a, f, depth + 1);
    }
}

static void read_article(json_t *o, arena *a, ex_meta_found *f)
{
    const char *h = str_of(o, "headline");
    f->ld_headline = clean(a, h ? h : str_of(o, "name"));
    add_authors(json_object_get(o, "author"), a, f, 0);
    const char *d = str_of(o, "datePublished");
    if (!d) d = str_of(o, "dateCreated");
    if (d) f->ld_date = ex_meta_date(d, strlen(d));
    d = str_of(o, "dateModified");
    if (d && f->modified == SL_NO_DATE) f->modified = ex_meta_date(d, strlen(d));
    const char *l = str_of(o, "inLanguage");
    if (l && !f->lang_ld) f->lang_ld = clean(a, l);
    json_t *pub = json_object_get(o, "publisher");
    if (json_is_object(pub) && !f->site_name) f->site_name = clean(a, str_of(pub, "name"));
}

static void visit(json_t *v, arena *a, ex_meta_found *f, int depth)
{
    if (depth > EX_LD_MAX_DEPTH) return;
    size_t i;
    json_t *e;
    if (json_is_array(v)) {
        json_array_foreach(v, i, e) visit(e, a, f, depth + 1);
        return;
    }
    if (!json_is_object(v)) return;
    json_t *graph = json_object_get(v, "@graph");
    if (graph) visit(graph, a, f, depth + 1);
    /* The first article object is the page's; later ones are related links. */
    if (!f->ld_headline && f->ld_date == SL_NO_DATE && !f->ld_author && has_type(v, article_type))
        read_article(v, a, f);
    else if (has_type(v, website_type) && !f->site_name)
        f->site_name = clean(a, str_of(v, "name"));
    else if (f->ld_page_date == SL_NO_DATE && has_type(v, page_type)) {
        const char *d = str_of(v, "datePublished");
        if (d) f->ld_page_date = ex_meta_date(d, strlen(d));
    }
    json_t *main = json_object_get(v, "mainEntity");
    if (main) visit(main, a, f, depth + 1);
}

void ex_meta_ld(const char *s, size_t n, arena *a, ex_meta_found *f)
{
    /* Some CMSs wrap the JSON in an HTML comment or CDATA markers
     * ("<![CDATA[ {...} ]]>", "//<![CDATA[ ... //]]>"). */
    const char *cdata = memmem(s, n < 32 ? n : 32, "<![CDATA[", 9);
    if (cdata) { n -= (size_t)(cdata + 9 - s); s = cdata + 9; }
    const char *open = memchr(s, '{', n), *arr = memchr(s, '[', n);
    if (arr && (!open || arr < open)) open = arr;
    if (!open) return;
    n -= (size_t)(open - s);
    s = open;
    const char *cdata_end = memmem(s, n, "]]>", 3);
    if (cdata && cdata_end) n = (size_t)(cdata_end - s);
    const char *close = NULL;
    for (size_t i = n; i > 0; i--)
        if (s[i - 1] == '}' || s[i - 1] == ']') { close = s + i; break; }
    if (!close) return;
    json_error_t err;
    json_t *root = json_loadb(s, (size_t)(close - s), JSON_DECODE_ANY, &err);
    if (!root) return;
    visit(root, a, f, 0);
    json_decref(root);
}
