/* dom_xml.c: the tree of dom.h copied from libxml2's, and the attribute
 * lookups both builders' trees share.
 *
 * The copy keeps what the extract stage reads (elements, their attributes,
 * text, CDATA as text, comments) and drops the rest (entity references
 * left unexpanded, processing instructions, the DTD). */
#include "dom.h"

#include <string.h>
#include <libxml/tree.h>

const char *ex_attr_value(const ex_node *n, const char *name)
{
    for (uint32_t i = 0; i < n->n_attrs; i++)
        if (!strcmp(n->attrs[i].name, name)) return n->attrs[i].value;
    return NULL;
}

bool ex_has_attr(const ex_node *n, const char *name)
{
    for (uint32_t i = 0; i < n->n_attrs; i++)
        if (!strcmp(n->attrs[i].name, name)) return true;
    return false;
}

/* libxml2 keeps an HTML attribute's value as one text child (none when
 * the attribute has no value). */
static void copy_attrs(const xmlNode *x, ex_node *e, arena *a)
{
    uint32_t n = 0;
    for (const xmlAttr *at = x->properties; at; at = at->next) n++;
    if (!n) return;
    e->attrs = arena_alloc(a, n * sizeof *e->attrs);
    for (const xmlAttr *at = x->properties; at; at = at->next) {
        if (!at->name) continue;
        ex_attr *d = &e->attrs[e->n_attrs++];
        d->name = arena_strdup(a, (const char *)at->name);
        const xmlNode *v = at->children;
        d->value = v && v->type == XML_TEXT_NODE && v->content
                       ? arena_strdup(a, (const char *)v->content) : NULL;
    }
}

static ex_node *copy_node(const xmlNode *x, ex_node *parent, arena *a)
{
    uint8_t type;
    switch (x->type) {
    case XML_ELEMENT_NODE: type = EX_NODE_ELEMENT; break;
    case XML_TEXT_NODE:
    case XML_CDATA_SECTION_NODE: type = EX_NODE_TEXT; break;
    case XML_COMMENT_NODE: type = EX_NODE_COMMENT; break;
    default: return NULL;
    }
    ex_node *e = arena_alloc(a, sizeof *e);
    e->type = type;
    e->parent = parent;
    if (type == EX_NODE_ELEMENT) {
        e->name = arena_strdup(a, x->name ? (const char *)x->name : "");
        copy_attrs(x, e, a);
    } else {
        e->content = arena_strdup(a, x->content ? (const char *)x->content : "");
    }
    if (parent) {
        if (parent->last) parent->last->next = e;
        else parent->children = e;
        parent->last = e;
    }
    return e;
}

ex_node *ex_dom_from_xml(const void *root_, arena *a)
{
    const xmlNode *root = root_;
    if (!root) return NULL;
    ex_node *top = copy_node(root, NULL, a);
    if (!top || top->type != EX_NODE_ELEMENT) return top;
    /* depth first, without recursion: pages nest thousands deep */
    const xmlNode *x = root->children;
    ex_node *parent = top;
    while (x) {
        ex_node *e = copy_node(x, parent, a);
        if (e && e->type == EX_NODE_ELEMENT && x->children) {
            parent = e;
            x = x->children;
            continue;
        }
        while (x != root && !x->next) {
            x = x->parent;
            if (x != root) parent = parent->parent;
        }
        if (x == root) break;
        x = x->next;
    }
    return top;
}
