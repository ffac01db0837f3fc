/* dom_xml.c: the tree of dom.h copied from libxml2's, and the attribute
 * lookups both builders' trees share.
 *
 * The copy keeps what the extract stage reads (elements, their attributes,
 * text, CDATA as text, comments) and drops the rest (entity references
 * left unexpanded, processing instructions, the DTD). */
#include "dom.h"

#include <pthread.h>
#include <string.h>
#include <libxml/tree.h>

#define EX_TAG_NAME(name) #name,
static const char *const tag_names[EX_TAG_COUNT] = {"", EX_TAGS(EX_TAG_NAME)};
#undef EX_TAG_NAME

/* The tags by first letter: tag_from[c - 'a'] up to tag_from[c - 'a' + 1]
 * (tag_names is in alphabetical order). */
static uint8_t tag_from[27];
static pthread_once_t tag_once = PTHREAD_ONCE_INIT;

static void tags_init(void)
{
    size_t t = 1;
    for (int c = 0; c < 26; c++) {
        tag_from[c] = (uint8_t)t;
        while (t < EX_TAG_COUNT && tag_names[t][0] == 'a' + c) t++;
    }
    tag_from[26] = (uint8_t)t;
}

ex_tag ex_tag_of(const char *s, size_t n)
{
    if (!n || s[0] < 'a' || s[0] > 'z') return EX_TAG_OTHER;
    pthread_once(&tag_once, tags_init);
    for (size_t t = tag_from[s[0] - 'a']; t < tag_from[s[0] - 'a' + 1]; t++)
        if (!strncmp(tag_names[t], s, n) && !tag_names[t][n]) return (ex_tag)t;
    return EX_TAG_OTHER;
}

/* Asked of every element for a few names each: the first byte rules out
 * most attributes without a call. */
const char *ex_attr_value(const ex_node *n, const char *name)
{
    for (uint32_t i = 0; i < n->n_attrs; i++)
        if (n->attrs[i].name[0] == name[0] && !strcmp(n->attrs[i].name, name)) return n->attrs[i].value;
    return NULL;
}

bool ex_has_attr(const ex_node *n, const char *name)
{
    for (uint32_t i = 0; i < n->n_attrs; i++)
        if (n->attrs[i].name[0] == name[0] && !strcmp(n->attrs[i].name, name)) return true;
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
        e->tag = (uint8_t)ex_tag_of(e->name, strlen(e->name));
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
