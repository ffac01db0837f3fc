/* html_body.c: the article body of an HTML tree.
 *
 * A first version: the text of every <p> element, in document order. Not
 * here: parsing (html.c) or metadata (html_meta.c). */
#include "ex_internal.h"

#include <string.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

/* Append node's text to b with runs of white space made one space. */
static void text_of(xmlNode *node, buf *b)
{
    xmlChar *c = xmlNodeGetContent(node);
    if (!c) return;
    bool space = true;
    for (const xmlChar *p = c; *p; p++) {
        bool sp = *p == ' ' || *p == '\n' || *p == '\t' || *p == '\r' || *p == '\f';
        if (sp) { if (!space) buf_putc(b, ' '); space = true; }
        else { buf_putc(b, (char)*p); space = false; }
    }
    while (b->len && b->data[b->len - 1] == ' ') b->data[--b->len] = '\0';
    xmlFree(c);
}

sl_status ex_html_body(ex_html_doc *doc, const sl_page *page, arena *a, sl_article *out,
                       err_slot *err)
{
    VEC(const char *) paras = {0};
    buf text, para;
    buf_init(&text);
    buf_init(&para);
    /* Iterative walk: a page of deeply nested tags must not exhaust the stack. */
    xmlNode *n = xmlDocGetRootElement(doc);
    while (n) {
        bool descend = true;
        if (n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, "p")) {
            buf_clear(&para);
            text_of(n, &para);
            if (para.len) {
                VEC_PUSH(paras, arena_strndup(a, para.data, para.len));
                if (text.len) buf_puts(&text, "\n\n");
                buf_append(&text, para.data, para.len);
            }
            descend = false;
        }
        if (descend && n->children) { n = n->children; continue; }
        while (n && !n->next) n = n->parent;
        if (n) n = n->next;
    }
    buf_free(&para);
    if (!paras.n) {
        buf_free(&text);
        VEC_FREE(paras);
        return err_set(err, SL_EINPUT, page->input, page->line, "no article found in the page");
    }
    out->paragraphs = arena_alloc(a, paras.n * sizeof *out->paragraphs);
    memcpy(out->paragraphs, paras.v, paras.n * sizeof *paras.v);
    out->n_paragraphs = paras.n;
    out->text = arena_strndup(a, text.data, text.len);
    out->text_len = text.len;
    buf_free(&text);
    VEC_FREE(paras);
    return SL_OK;
}
