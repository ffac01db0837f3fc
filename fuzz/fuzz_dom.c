/* fuzz_dom.c: libFuzzer target for our HTML parser alone (dom_parse.c):
 * any bytes as a page. Checks the tree it builds holds together: every
 * child's parent is its parent and the last child is last; element names
 * are lower case and tagged as ex_tag_of says; text, comments and
 * attribute values are valid UTF-8 as long as strlen says. The walk is
 * iterative, as the parser's is: the input may nest without bound. */
#include "extract/dom.h"

#include <stdlib.h>
#include <string.h>

static void check_utf8(const char *s)
{
    if (s && !u8_valid(s, strlen(s))) abort();
}

static void check_node(const ex_node *n)
{
    if (n->type == EX_NODE_ELEMENT) {
        if (!n->name || !*n->name || n->content) abort();
        for (const char *p = n->name; *p; p++)
            if (*p >= 'A' && *p <= 'Z') abort();
        if (n->tag != ex_tag_of(n->name, strlen(n->name))) abort();
        for (uint32_t i = 0; i < n->n_attrs; i++) {
            if (!n->attrs[i].name || !*n->attrs[i].name) abort();
            check_utf8(n->attrs[i].value);
            for (uint32_t j = 0; j < i; j++)   /* no name twice */
                if (!strcmp(n->attrs[i].name, n->attrs[j].name)) abort();
        }
    } else if (n->type == EX_NODE_TEXT || n->type == EX_NODE_COMMENT) {
        if (!n->content || n->children || n->name) abort();
        check_utf8(n->content);
    } else {
        abort();
    }
    const ex_node *last = NULL;
    for (const ex_node *c = n->children; c; c = c->next) {
        if (c->parent != n) abort();
        last = c;
    }
    if (last != n->last) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    arena a;
    arena_init(&a);
    /* the first byte's lowest bit picks a lean parse or a full one */
    unsigned flags = size && (data[0] & 1) ? EX_DOM_LEAN : 0;
    const ex_node *root = ex_dom_parse((const char *)data, size, &a, flags);
    if (root && (root->type != EX_NODE_ELEMENT || root->parent)) abort();
    for (const ex_node *n = root; n;) {
        check_node(n);
        if (n->children) { n = n->children; continue; }
        while (n != root && !n->next) n = n->parent;
        if (n == root) break;
        n = n->next;
    }
    arena_reset(&a);
    return 0;
}
