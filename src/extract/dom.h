/* dom.h: an HTML page's tree as the extract stage reads it.
 *
 * Two builders give the same tree: ex_dom_parse, our own parser (dom_parse.c),
 * and ex_dom_from_xml, a copy of libxml2's HTML tree (dom_xml.c), kept to
 * check the first against the second on whole corpora. Every node and
 * string lives in the arena given to the builder.
 *
 * Private to src/extract/. */
#ifndef SL_EX_DOM_H
#define SL_EX_DOM_H

#include "core/core.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The values are libxml2's node types, so both builders read alike. */
typedef enum ex_node_type {
    EX_NODE_ELEMENT = 1,
    EX_NODE_TEXT    = 3,   /* also the content of <script> and <style> */
    EX_NODE_COMMENT = 8,
} ex_node_type;

/* The elements the extract stage tells apart, named as in HTML; any other
 * is EX_TAG_OTHER. */
#define EX_TAGS(X)                                                                      \
    X(a) X(address) X(applet) X(article) X(aside) X(audio) X(blockquote) X(body) X(br)  \
    X(button) X(canvas) X(caption) X(center) X(datalist) X(dd) X(details) X(dialog)     \
    X(dir) X(div) X(dl) X(dt) X(embed) X(fieldset) X(figcaption) X(figure) X(footer)    \
    X(form) X(frameset) X(h1) X(h2) X(h3) X(h4) X(h5) X(h6) X(head) X(header) X(hgroup) \
    X(hr) X(html) X(iframe) X(input) X(legend) X(li) X(link) X(main) X(map) X(math)     \
    X(menu) X(meta) X(meter) X(nav) X(noembed) X(noframes) X(noscript) X(object) X(ol)  \
    X(option) X(p) X(pre) X(progress) X(script) X(section) X(select) X(style)           \
    X(summary) X(svg) X(table) X(tbody) X(td) X(template) X(textarea) X(tfoot) X(th)    \
    X(thead) X(time) X(title) X(tr) X(ul) X(video)

#define EX_TAG_ENUM(name) EX_TAG_##name,
typedef enum ex_tag { EX_TAG_OTHER, EX_TAGS(EX_TAG_ENUM) EX_TAG_COUNT } ex_tag;
#undef EX_TAG_ENUM

/* The tag of the lower-case element name s[0..n). */
ex_tag ex_tag_of(const char *s, size_t n);

typedef struct ex_attr {
    const char *name;    /* lower case */
    const char *value;   /* entities decoded; NULL when written without one */
} ex_attr;

typedef struct ex_node ex_node;
struct ex_node {
    ex_node    *parent, *children, *last, *next;
    const char *name;     /* elements: the tag name in lower case; else NULL */
    const char *content;  /* text and comments: NUL-terminated UTF-8; else NULL */
    ex_attr    *attrs;    /* elements: in page order, no name twice */
    uint32_t    n_attrs;
    uint8_t     type;     /* ex_node_type */
    uint8_t     tag;      /* elements: ex_tag of name */
};

/* The value of attribute name (lower case) of n: NULL when n has no such
 * attribute or it has no value. */
const char *ex_attr_value(const ex_node *n, const char *name);
/* Does n carry attribute name at all (with or without a value)? */
bool        ex_has_attr(const ex_node *n, const char *name);

/* The root element (<html>, made when the page has none) of the page
 * s[0..n), which is UTF-8 (bytes that are not become U+FFFD), built in a;
 * NULL when the page holds nothing to build from. Tags, attributes,
 * entities, implied and auto-closed elements are read as libxml2 2.9's
 * HTML parser reads them (HTML_PARSE_RECOVER | HTML_PARSE_NOBLANKS); flags
 * below. */
ex_node *ex_dom_parse(const char *s, size_t n, arena *a, unsigned flags);
/* A flag of ex_dom_parse: script and style elements are left without their
 * text, which nothing of the extract stage reads (and which is half the
 * bytes of a page), but for scripts of JSON (JSON-LD). The tree is
 * libxml2's but for those text nodes. */
#define EX_DOM_LEAN 1u
/* A flag of ex_dom_parse: the caller has found s to be valid UTF-8
 * (u8_valid), so the parser does not look again. */
#define EX_DOM_VALID 2u

/* The same tree copied from libxml2's (root: an xmlNode *, the document's
 * root element). */
ex_node *ex_dom_from_xml(const void *root, arena *a);

#endif
