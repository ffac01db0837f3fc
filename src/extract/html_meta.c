/* html_meta.c: the article's metadata read from an HTML tree: title and
 * language.
 *
 * A first version: the <title> element and <html lang>. Not here: the body
 * (html_body.c) or parsing (html.c). */
#include "ex_internal.h"

#include <string.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

/* The text of node with runs of white space made one space, in a. */
static const char *node_text(xmlNode *node, arena *a)
{
    xmlChar *c = xmlNodeGetContent(node);
    if (!c) return NULL;
    size_t n = strlen((const char *)c), k = 0;
    char *out = arena_alloc(a, n + 1);
    bool space = true;
    for (size_t i = 0; i < n; i++) {
        char ch = (char)c[i];
        bool sp = ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r' || ch == '\f';
        if (sp) { if (!space) out[k++] = ' '; space = true; }
        else { out[k++] = ch; space = false; }
    }
    while (k && out[k - 1] == ' ') k--;
    out[k] = '\0';
    xmlFree(c);
    return k ? out : NULL;
}

static xmlNode *child_named(xmlNode *parent, const char *name)
{
    for (xmlNode *c = parent ? parent->children : NULL; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && !strcmp((const char *)c->name, name)) return c;
    return NULL;
}

void ex_html_meta(ex_html_doc *doc, const sl_page *page, arena *a, sl_article *out)
{
    xmlNode *root = xmlDocGetRootElement(doc);
    if (!root) return;
    if (page->title) out->title = arena_strdup(a, page->title);
    else out->title = node_text(child_named(child_named(root, "head"), "title"), a);
    xmlChar *lang = xmlGetProp(root, (const xmlChar *)"lang");
    if (lang) {
        size_t n = 0;
        while (lang[n] && lang[n] != '-' && lang[n] != '_' && n < 3) n++;
        if (n == 2) out->language = arena_strndup(a, (const char *)lang, 2);
        xmlFree(lang);
    }
}
