/* feed.c: news feeds (RSS 2.0, RSS 1.0/RDF, Atom) to their items, each a
 * page: link, title, date, guid and the item's HTML.
 *
 * Parsed with libxml2's XML parser, never touching the network
 * (XML_PARSE_NONET) and never expanding entities: no XML_PARSE_NOENT or
 * DTDLOAD, and the text readers below skip entity references, so neither an
 * external entity (XXE) nor a nest of internal ones (billion laughs) is
 * ever read or multiplied. Recovery mode keeps the many feeds with a stray
 * '&' readable. Not fetching feeds (fetch.c) nor the files they sit in
 * (source.c). */
#include "read.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <limits.h>
#include <string.h>
#include <strings.h>

struct rd_feed {
    arena a;
    const char *title;   /* the channel's or feed's own title: the outlet */
    VEC(sl_page) items;   /* each item as the page it becomes */
};

static bool is(const xmlNode *n, const char *local)
{
    return n && n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, local);
}

static bool in_ns(const xmlNode *n, const char *uri_part)
{
    return n->ns && n->ns->href && strstr((const char *)n->ns->href, uri_part);
}

/* Text of n and its descendants, entity references left out. */
static void text_of(const xmlNode *n, buf *out)
{
    for (const xmlNode *c = n->children; c; c = c->next) {
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
            buf_puts(out, (const char *)c->content);
        else if (c->type == XML_ELEMENT_NODE)
            text_of(c, out);
    }
}

static char *trimmed(arena *a, const buf *b)
{
    size_t s = 0, e = b->len;
    while (s < e && strchr(" \t\r\n", b->data[s])) s++;
    while (e > s && strchr(" \t\r\n", b->data[e - 1])) e--;
    return e > s ? arena_strndup(a, b->data + s, e - s) : NULL;
}

static char *text_field(arena *a, const xmlNode *n, buf *tmp)
{
    buf_clear(tmp);
    text_of(n, tmp);
    return trimmed(a, tmp);
}

static void escape(const char *s, buf *out)
{
    for (; *s; s++) {
        if (*s == '<') buf_puts(out, "&lt;");
        else if (*s == '>') buf_puts(out, "&gt;");
        else if (*s == '&') buf_puts(out, "&amp;");
        else buf_putc(out, *s);
    }
}

/* Children of n written back as XML: inline XHTML, or HTML a feed put in
 * without escaping it. Text nodes come out escaped, as markup needs. */
static void serialize_children(const xmlNode *n, buf *out)
{
    xmlBufferPtr xb = xmlBufferCreate();
    if (!xb) return;
    for (xmlNode *c = n->children; c; c = c->next) {
        if (c->type == XML_ENTITY_REF_NODE) continue;
        xmlNodeDump(xb, n->doc, c, 0, 0);
    }
    buf_append(out, (const char *)xmlBufferContent(xb), (size_t)xmlBufferLength(xb));
    xmlBufferFree(xb);
}

static bool has_element_child(const xmlNode *n)
{
    for (const xmlNode *c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE) return true;
    return false;
}

/* An item's HTML. RSS puts escaped HTML in description and content:encoded;
 * Atom says which with type: html (escaped), xhtml (inline), text (plain,
 * escaped here and made a paragraph). */
static void body_of(const xmlNode *n, bool atom, buf *out)
{
    buf_clear(out);
    xmlChar *type = atom ? xmlGetProp(n, (const xmlChar *)"type") : NULL;
    const char *t = type ? (const char *)type : atom ? "text" : "html";
    if (!strcasecmp(t, "xhtml") || has_element_child(n)) {
        serialize_children(n, out);
    } else if (!strcasecmp(t, "html") || !strcasecmp(t, "text/html")) {
        text_of(n, out);
    } else {
        buf tmp;
        buf_init(&tmp);
        text_of(n, &tmp);
        buf_puts(out, "<p>");
        escape(tmp.data ? tmp.data : "", out);
        buf_puts(out, "</p>");
        buf_free(&tmp);
    }
    xmlFree(type);
}

/* ---- dates ---- */

static int month_of(const char *s)
{
    static const char names[] = "janfebmaraprmayjunjulaugsepoctnovdec";
    for (int m = 0; m < 12; m++)
        if (!strncasecmp(s, names + 3 * m, 3)) return m + 1;
    return 0;
}

static bool digits(const char **p, int min, int max, int *v)
{
    int k = 0;
    *v = 0;
    while (k < max && **p >= '0' && **p <= '9') { *v = *v * 10 + (**p - '0'); (*p)++; k++; }
    return k >= min;
}

/* RFC 822 (as RSS uses it: "Tue, 10 Jun 2003 04:00:00 GMT") to ISO 8601.
 * The date stays the one the outlet wrote, in its own time zone: that is
 * the date the article carries. */
static char *rfc822_to_iso(arena *a, const char *s)
{
    const char *p = s;
    while (*p == ' ') p++;
    if (((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z')) {   /* day name */
        while (*p && *p != ',' && *p != ' ') p++;
        while (*p == ',' || *p == ' ') p++;
    }
    int d, y, hh = 0, mm = 0, ss = 0;
    if (!digits(&p, 1, 2, &d)) return NULL;
    while (*p == ' ' || *p == '-') p++;
    int m = strlen(p) >= 3 ? month_of(p) : 0;
    if (!m) return NULL;
    while (*p && *p != ' ' && *p != '-') p++;
    while (*p == ' ' || *p == '-') p++;
    const char *ys = p;
    if (!digits(&p, 2, 4, &y)) return NULL;
    if (p - ys == 2) y += y < 70 ? 2000 : 1900;
    if (day_from_ymd(y, m, d) == DAY_NONE) return NULL;
    while (*p == ' ') p++;
    bool time = digits(&p, 1, 2, &hh) && *p == ':' && (p++, digits(&p, 2, 2, &mm));
    if (time && *p == ':') { p++; digits(&p, 2, 2, &ss); }
    if (!time || hh > 23 || mm > 59 || ss > 60) return arena_printf(a, "%04d-%02d-%02d", y, m, d);
    return arena_printf(a, "%04d-%02d-%02dT%02d:%02d:%02d", y, m, d, hh, mm, ss);
}

static char *date_field(arena *a, const xmlNode *n, buf *tmp)
{
    char *s = text_field(a, n, tmp);
    if (!s) return NULL;
    if (day_parse_iso(s, strlen(s)) != DAY_NONE) return s;
    return rfc822_to_iso(a, s);
}

/* ---- items ---- */

/* Atom's link to the article: rel alternate, or no rel at all. */
static char *atom_link(arena *a, const xmlNode *n)
{
    xmlChar *rel = xmlGetProp(n, (const xmlChar *)"rel");
    xmlChar *href = rel && strcmp((const char *)rel, "alternate") ? NULL : xmlGetProp(n, (const xmlChar *)"href");
    char *r = href ? arena_strdup(a, (const char *)href) : NULL;
    xmlFree(rel);
    xmlFree(href);
    return r;
}

static void read_item(rd_feed *f, const xmlNode *it, bool atom, const char *input, buf *tmp)
{
    arena *a = &f->a;
    sl_page item = {.format = SL_FORMAT_HTML};
    char *content = NULL, *summary = NULL, *updated = NULL;
    size_t content_n = 0, summary_n = 0;
    for (const xmlNode *c = it->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        const char *name = (const char *)c->name;
        if (!strcmp(name, "title") && !item.title) item.title = text_field(a, c, tmp);
        else if (!strcmp(name, "link") && !item.url) item.url = atom ? atom_link(a, c) : text_field(a, c, tmp);
        else if ((!strcmp(name, "guid") || (atom && !strcmp(name, "id"))) && !item.id) item.id = text_field(a, c, tmp);
        else if ((!strcmp(name, "pubDate") || !strcmp(name, "published") || !strcmp(name, "date")) && !item.published)
            item.published = date_field(a, c, tmp);
        else if (!strcmp(name, "updated") && !updated) updated = date_field(a, c, tmp);
        else if ((!strcmp(name, "encoded") && in_ns(c, "purl.org/rss/1.0/modules/content")) ||
                 (atom && !strcmp(name, "content"))) {
            if (content) continue;
            body_of(c, atom, tmp);
            content = arena_strndup(a, tmp->data ? tmp->data : "", tmp->len);
            content_n = tmp->len;
        } else if ((!strcmp(name, "description") || !strcmp(name, "summary")) && !summary) {
            body_of(c, atom, tmp);
            summary = arena_strndup(a, tmp->data ? tmp->data : "", tmp->len);
            summary_n = tmp->len;
        }
    }
    if (!item.url && !atom) {   /* RSS 1.0 names the item by rdf:about */
        xmlChar *about = xmlGetProp(it, (const xmlChar *)"about");
        item.url = about ? arena_strdup(a, (const char *)about) : NULL;
        xmlFree(about);
    }
    if (!item.published) item.published = updated;
    item.body = content_n ? content : summary_n ? summary : "";
    item.body_len = content_n ? content_n : summary_n;
    item.input = arena_printf(a, "%s item %zu", input, f->items.n + 1);
    VEC_PUSH(f->items, item);
}

static void read_items(rd_feed *f, const xmlNode *parent, const char *input, buf *tmp)
{
    for (const xmlNode *c = parent->children; c; c = c->next) {
        if (is(c, "title") && !f->title) f->title = text_field(&f->a, c, tmp);
        else if (is(c, "item")) read_item(f, c, false, input, tmp);
        else if (is(c, "entry")) read_item(f, c, true, input, tmp);
        else if (is(c, "channel")) read_items(f, c, input, tmp);   /* RSS 2.0 nests items here */
    }
}

sl_status rd_feed_parse(const char *xml, size_t n, const char *input, rd_feed **out, err_slot *err)
{
    *out = NULL;
    if (n > INT_MAX) return err_set(err, SL_EINPUT, input, 0, "feed larger than 2 GiB");
    xmlParserCtxtPtr ctx = xmlNewParserCtxt();
    if (!ctx) return err_set(err, SL_EINPUT, input, 0, "cannot start the XML parser");
    int opts = XML_PARSE_NONET | XML_PARSE_RECOVER | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
               XML_PARSE_NOBLANKS | XML_PARSE_COMPACT;
    xmlDocPtr doc = xmlCtxtReadMemory(ctx, xml, (int)n, NULL, NULL, opts);
    xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
    sl_status st = SL_OK;
    if (!root) {
        const xmlError *e = &ctx->lastError;
        st = err_set(err, SL_EINPUT, input, e->line > 0 ? e->line : 0, "not XML: %s",
                     e->message ? e->message : "no root element");
        size_t k = strlen(err->msg);
        if (k && err->msg[k - 1] == '\n') err->msg[k - 1] = '\0';
    } else if (!is(root, "rss") && !is(root, "feed") && !is(root, "RDF")) {
        st = err_set(err, SL_EINPUT, input, 0, "not a feed: the root element is <%.60s>",
                     (const char *)root->name);
    } else {
        rd_feed *f = xcalloc(1, sizeof *f);
        arena_init(&f->a);
        buf tmp;
        buf_init(&tmp);
        read_items(f, root, input, &tmp);
        buf_free(&tmp);
        /* the title may come after the items (Atom allows it) */
        for (size_t i = 0; i < f->items.n; i++) f->items.v[i].source = f->title;
        *out = f;
    }
    xmlFreeDoc(doc);
    xmlFreeParserCtxt(ctx);
    return st;
}

size_t rd_feed_count(const rd_feed *f) { return f ? f->items.n : 0; }

void rd_feed_item(const rd_feed *f, size_t i, sl_page *page) { *page = f->items.v[i]; }

void rd_feed_free(rd_feed *f)
{
    if (!f) return;
    arena_reset(&f->a);
    VEC_FREE(f->items);
    free(f);
}
