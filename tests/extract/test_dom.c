/* test_dom.c: tests of our HTML parser (src/extract/dom_parse.c): small
 * pages, each read to the tree libxml2 2.9.14 builds for it (checked with
 * bench/domdiff), written out in a short form and compared whole:
 * implied and auto-closed elements, end tags, entities, attributes, raw
 * script, comments, white space, hostile input (truncated, not UTF-8,
 * nested 100,000 deep). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "extract/dom.h"
#include "testutil.h"

#include "fixture.h"

/* The tree in one line: name[attr=value attr](children), "text", <!--c-->,
 * siblings apart by a space. No recursion: some trees are very deep. */
static void put(buf *b, const char *s) { buf_append(b, s, strlen(s)); }

static void write_node(buf *b, const ex_node *n)
{
    if (n->type == EX_NODE_TEXT) { put(b, "\""); put(b, n->content); put(b, "\""); return; }
    if (n->type == EX_NODE_COMMENT) { put(b, "<!--"); put(b, n->content); put(b, "-->"); return; }
    put(b, n->name);
    if (n->n_attrs) {
        put(b, "[");
        for (uint32_t i = 0; i < n->n_attrs; i++) {
            if (i) put(b, " ");
            put(b, n->attrs[i].name);
            if (n->attrs[i].value) { put(b, "="); put(b, n->attrs[i].value); }
        }
        put(b, "]");
    }
}

static char *tree(const ex_node *root, arena *a)
{
    if (!root) return arena_strdup(a, "(null)");
    buf b = {0};
    const ex_node *n = root;
    for (;;) {
        write_node(&b, n);
        if (n->children) { put(&b, "("); n = n->children; continue; }
        while (n != root && !n->next) { n = n->parent; put(&b, ")"); }
        if (n == root) break;
        put(&b, " ");
        n = n->next;
    }
    char *s = arena_strndup(a, b.data, b.len);
    buf_free(&b);
    return s;
}

static char *parse(fixture *f, const char *html)
{
    return tree(ex_dom_parse(html, strlen(html), &f->a, 0), &f->a);
}

#define CHECK(html, want) assert_string_equal(parse(f, html), want)

static void test_implied(void **state)
{
    fixture *f = *state;
    CHECK("hello", "html(body(p(\"hello\")))");
    CHECK("<title>t</title><p>x", "html(head(title(\"t\")) body(p(\"x\")))");
    /* 2.9.14 lets span (and most inline elements) close head */
    CHECK("<head><span>x</span><div>y", "html(head body(span(\"x\") div(\"y\")))");
    CHECK("<head><object>x</object>", "html(head(object(\"x\")))");
    CHECK("<html><head></head>x", "html(head body(p(\"x\")))");
    CHECK("<meta charset=utf-8><div>a</div>", "html(head(meta[charset=utf-8]) body(div(\"a\")))");
}

static void test_auto_close(void **state)
{
    fixture *f = *state;
    CHECK("<p>a<p>b<ul><li>1<li>2</ul>",
          "html(body(p(\"a\") p(\"b\") ul(li(\"1\") li(\"2\"))))");
    CHECK("<table><tr><td>a<td>b<tr><td>c</table>",
          "html(body(table(tr(td(\"a\") td(\"b\")) tr(td(\"c\")))))");
    CHECK("<dt>a<dt>b<dd>c", "html(body(dt(\"a\" dt(\"b\")) dd(\"c\")))");
    CHECK("<a>x<a>y", "html(body(a(\"x\") a(\"y\")))");
    CHECK("<p>x<div>y", "html(body(p(\"x\") div(\"y\")))");
    CHECK("<p>x<span>y", "html(body(p(\"x\" span(\"y\"))))");
}

static void test_end_tags(void **state)
{
    fixture *f = *state;
    /* a div's end tag may not close the td above it */
    CHECK("<div><table><tr><td>x</div>y</td></tr></table>",
          "html(body(div(table(tr(td(\"xy\"))))))");
    CHECK("<div>a</span>b</div>c", "html(body(div(\"ab\") \"c\"))");
    CHECK("<div><b>x</div>y", "html(body(div(b(\"x\")) \"y\"))");
    CHECK("<p></ >x</3>y", "html(body(p(\" >x3>y\")))");
    CHECK("<html lang=en><body a=1><html lang=fr><body b=2>x</body></html>",
          "html[lang=en](body[a=1](\"x\"))");
    CHECK("<div><body/>x", "html(body(div \"x\"))");
}

static void test_after_root(void **state)
{
    fixture *f = *state;
    /* SAX2 hangs what follows the root's end under the root... */
    CHECK("<html><body></body></html><p>z", "html(body html(p(\"z\")))");
    /* ...unless the document had a child before it */
    CHECK("<!DOCTYPE html><html><body></body></html><p>z", "html(body)");
    CHECK("<!-- c --><html><body></body></html><p>z", "html(body)");
}

static void test_entities(void **state)
{
    fixture *f = *state;
    CHECK("&amp;&lt;&apos;&nbsp;|&amp &AMP; &foo; &#65;&#x42;&#0;&#xD800;&#1114112;&#67|&",
          "html(body(p(\"&<'\xC2\xA0|&amp &AMP; &foo; ABC|&\")))");
    CHECK("<p>&#abc &#; &#128512;", "html(body(p(\"abc  \xF0\x9F\x98\x80\")))");
}

static void test_attributes(void **state)
{
    fixture *f = *state;
    CHECK("<a HREF=\"x&amp;y\" href=z b='q' C=d e checked Selected=s>t</a>",
          "html(body(a[href=x&y b=q c=d e checked=checked selected=s](\"t\")))");
    /* a reference to no character ends the value there */
    CHECK("<a b=\"1&#0;2\" c=\"&amp\">", "html(body(a[b=1 c=&amp]))");
    CHECK("<a =x \"y\" b=1 /c d>", "html(body(a[b=1 d]))");
    CHECK("<a href=x/>y", "html(body(a[href=x/](\"y\")))");
    CHECK("<g:plusone a:b=1>x</g:plusone>", "html(body(plusone[a:b=1](\"x\")))");
}

static void test_raw_text(void **state)
{
    fixture *f = *state;
    CHECK("<script>if (a<b) x=\"</p>\";</script><p>t",
          "html(head(script(\"if (a<b) x=\"</p>\";\")) body(p(\"t\")))");
    CHECK("<style>a</styles>b</STYLE>c", "html(head(style(\"ab\")) body(p(\"c\")))");
    CHECK("<title>a<b>c</title>", "html(head(title(\"a\" b(\"c\"))))");
}

static void test_comments_and_pis(void **state)
{
    fixture *f = *state;
    CHECK("<p>a<!-- c -->b<!-- d --!>e<!-->f<!--->g",
          "html(body(p(\"a\" <!-- c --> \"b\" <!-- d --> \"e\" <!-->f<!---> \"g\")))");
    /* a PI leaves no node, but the text on its two sides stays apart */
    CHECK("<p>a<?php echo 1 ?>b", "html(body(p(\"a\" \"b\")))");
    CHECK("<p>a < b <!x>", "html(body(p(\"a < b <!x>\")))");
}

static void test_self_closing(void **state)
{
    fixture *f = *state;
    CHECK("<div/>x<br>y<img/>z", "html(body(div \"x\" br \"y\" img \"z\"))");
}

static void test_blanks(void **state)
{
    fixture *f = *state;
    CHECK("<html> <head> <title>t</title> </head> <body> <div> <p> a </p> <b>x</b> </div> </body> </html>",
          "html(head(title(\"t\")) body(\" \" div(\" \" p(\" a \") \" \" b(\"x\") \" \") \" \"))");
    /* kept after an li (it takes text), dropped before it (ul does not) */
    CHECK("<ul> <li>a</li> </ul>", "html(body(ul(li(\"a\") \" \")))");
    /* HTML 4.01 Strict: blank text straight in body goes too */
    CHECK("<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\"><body> <div> </div> </body>",
          "html(body(div(\" \")))");
}

static void test_truncated(void **state)
{
    fixture *f = *state;
    CHECK("<div class=", "html(body(div[class=]))");
    CHECK("<div class=\"a", "html(body(div[class=a]))");
    CHECK("<p>x<!--", "html(body(p(\"x\")))");
    CHECK("<p>x<!-- never closed <b>y</b>", "html(body(p(\"x\")))");
    CHECK("<p>x<!", "html(body(p(\"x<!\")))");
    CHECK("<p>x<", "html(body(p(\"x<\")))");
    CHECK("<p>x&#x", "html(body(p(\"x\")))");
    CHECK("<script>x", "html(head(script(\"x\")))");
    CHECK("<p>x</", "html(body(p(\"x\")))");
    CHECK("", "(null)");
    CHECK("  \n ", "(null)");
    CHECK("<!-- only a comment -->", "(null)");
}

static void test_not_utf8(void **state)
{
    fixture *f = *state;
    CHECK("<p a=\"\xff\">x\xC3(\xE2\x82</p>",
          "html(body(p[a=\xEF\xBF\xBD](\"x\xEF\xBF\xBD(\xEF\xBF\xBD\xEF\xBF\xBD\")))");
    /* control characters and U+FFFE go, as libxml2 drops them */
    CHECK("<p>a\x01" "b\xEF\xBF\xBE" "c</p>", "html(body(p(\"abc\")))");
}

static void test_deep(void **state)
{
    fixture *f = *state;
    enum { DEPTH = 100000 };
    buf b = {0};
    for (int i = 0; i < DEPTH; i++) put(&b, "<div>");
    put(&b, "x");
    ex_node *root = ex_dom_parse(b.data, b.len, &f->a, 0);
    buf_free(&b);
    assert_non_null(root);
    int depth = 0;
    const ex_node *n = root;
    while (n->children) { n = n->children; depth++; }
    assert_int_equal(depth, DEPTH + 2);   /* body, the divs, the text */
    assert_int_equal(n->type, EX_NODE_TEXT);
    assert_string_equal(n->content, "x");
}

/* A lean parse leaves script and style without their text, but for
 * scripts of JSON; the rest of the tree is the full parse's. */
static void test_lean(void **state)
{
    fixture *f = *state;
    static const char page[] =
        "<script>if (a<b) x=1;</script><style>p{color:red}</style>"
        "<script type='application/ld+json'>{\"@type\":\"NewsArticle\"}</script>"
        "<SCRIPT type=text/javascript>y()</SCRIPT><p>t";
    assert_string_equal(tree(ex_dom_parse(page, strlen(page), &f->a, EX_DOM_LEAN), &f->a),
                        "html(head(script style script[type=application/ld+json]"
                        "(\"{\"@type\":\"NewsArticle\"}\") script[type=text/javascript]) body(p(\"t\")))");
    assert_string_equal(tree(ex_dom_parse(page, strlen(page), &f->a, 0), &f->a),
                        "html(head(script(\"if (a<b) x=1;\") style(\"p{color:red}\") "
                        "script[type=application/ld+json](\"{\"@type\":\"NewsArticle\"}\") "
                        "script[type=text/javascript](\"y()\")) body(p(\"t\")))");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_implied, setup, teardown),
        cmocka_unit_test_setup_teardown(test_auto_close, setup, teardown),
        cmocka_unit_test_setup_teardown(test_end_tags, setup, teardown),
        cmocka_unit_test_setup_teardown(test_after_root, setup, teardown),
        cmocka_unit_test_setup_teardown(test_entities, setup, teardown),
        cmocka_unit_test_setup_teardown(test_attributes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_raw_text, setup, teardown),
        cmocka_unit_test_setup_teardown(test_comments_and_pis, setup, teardown),
        cmocka_unit_test_setup_teardown(test_self_closing, setup, teardown),
        cmocka_unit_test_setup_teardown(test_blanks, setup, teardown),
        cmocka_unit_test_setup_teardown(test_truncated, setup, teardown),
        cmocka_unit_test_setup_teardown(test_not_utf8, setup, teardown),
        cmocka_unit_test_setup_teardown(test_deep, setup, teardown),
        cmocka_unit_test_setup_teardown(test_lean, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
