/* domdiff: our HTML parser (src/extract/dom_parse.c) checked against
 * libxml2's, page by page.
 *
 * usage: domdiff [-q] FILE...        compare the two trees of each page
 *        domdiff -t N FILE...        parse every page N times with each
 *                                    parser and print the MB/s of each
 *        domdiff -p FILE|-e HTML     print both trees of one page
 *
 * A page whose bytes are not valid UTF-8 is skipped (our parser writes
 * U+FFFD where libxml2 switches to Latin-1). Trees are compared node by
 * node: type, element name, attributes in order with values, text. Text is
 * compared with runs of white space collapsed to one space. Text nodes made
 * only of white space that one tree has and the other does not are skipped
 * over, but counted: a page whose only differences are such nodes is
 * reported as "same (N blank)" and counted apart. */
#include "core/core.h"
#include "extract/dom.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <libxml/HTMLparser.h>

#define XML_OPTS (HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | \
                  HTML_PARSE_NONET | HTML_PARSE_NOBLANKS | HTML_PARSE_COMPACT |     \
                  HTML_PARSE_IGNORE_ENC)

static char *read_all(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    size_t k;
    while (buf && (k = fread(buf + len, 1, cap - len, f)) > 0) {
        len += k;
        if (len == cap) buf = realloc(buf, cap *= 2);
    }
    fclose(f);
    *n = len;
    return buf;
}

static bool valid_utf8(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i];
        if (c < 0x80) { i++; continue; }
        size_t k = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
        if (c < 0xC2 || c > 0xF4 || k >= n - i) return false;
        unsigned v = c & (0x3F >> k);
        for (size_t j = 1; j <= k; j++) {
            if ((s[i + j] & 0xC0) != 0x80) return false;
            v = v << 6 | (s[i + j] & 0x3F);
        }
        if ((k == 2 && v < 0x800) || (k == 3 && (v < 0x10000 || v > 0x10FFFF)) ||
            (v >= 0xD800 && v <= 0xDFFF))
            return false;
        i += k + 1;
    }
    return true;
}

static ex_node *parse_xml(const char *s, size_t n, arena *a)
{
    htmlDocPtr doc = htmlReadMemory(s, (int)n, NULL, "utf-8", XML_OPTS);
    if (!doc) return NULL;
    ex_node *root = ex_dom_from_xml(xmlDocGetRootElement(doc), a);
    xmlFreeDoc(doc);
    return root;
}

/* ---- printing ---------------------------------------------------------- */

static void print_text(FILE *f, const char *s, size_t max)
{
    size_t i = 0;
    for (; s[i] && i < max; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\n') fputs("\\n", f);
        else if (c == '\r') fputs("\\r", f);
        else if (c == '\t') fputs("\\t", f);
        else if (c < 0x20) fprintf(f, "\\x%02x", c);
        else fputc(c, f);
    }
    if (s[i]) fputs("...", f);
}

static void print_node(FILE *f, const ex_node *n, int depth)
{
    fprintf(f, "%*s", 2 * depth, "");
    if (n->type == EX_NODE_ELEMENT) {
        fprintf(f, "<%s>", n->name);
        for (uint32_t i = 0; i < n->n_attrs; i++) {
            fprintf(f, " %s", n->attrs[i].name);
            if (n->attrs[i].value) {
                fputs("=\"", f);
                print_text(f, n->attrs[i].value, 200);
                fputc('"', f);
            }
        }
    } else if (n->type == EX_NODE_TEXT) {
        fputc('"', f);
        print_text(f, n->content, 200);
        fputc('"', f);
    } else {
        fputs("<!--", f);
        print_text(f, n->content, 200);
        fputs("-->", f);
    }
    fputc('\n', f);
}

/* Depth first without recursion: trees nest deeper than a C stack. */
static const ex_node *next_node(const ex_node *n, int *depth)
{
    if (n->children) { (*depth)++; return n->children; }
    while (n && !n->next) { n = n->parent; (*depth)--; }
    return n ? n->next : NULL;
}

static void print_tree(FILE *f, const ex_node *root)
{
    if (!root) { fputs("(no tree)\n", f); return; }
    int depth = 0;
    for (const ex_node *n = root; n && depth >= 0; n = next_node(n, &depth))
        print_node(f, n, depth);
}

/* ---- comparing --------------------------------------------------------- */

static bool blank(const char *s)
{
    for (; *s; s++)
        if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r') return false;
    return true;
}

static bool is_blank_text(const ex_node *n)
{
    return n && n->type == EX_NODE_TEXT && blank(n->content);
}

/* Text equal once runs of white space are one space and the ends trimmed. */
static bool same_text(const char *a, const char *b)
{
    for (;;) {
        while (*a == ' ' || *a == '\t' || *a == '\n' || *a == '\r') a++;
        while (*b == ' ' || *b == '\t' || *b == '\n' || *b == '\r') b++;
        if (!*a || !*b) return !*a && !*b;
        while (*a && *b && *a == *b && !(*a == ' ' || *a == '\t' || *a == '\n' || *a == '\r'))
            a++, b++;
        bool wa = *a == ' ' || *a == '\t' || *a == '\n' || *a == '\r' || !*a;
        bool wb = *b == ' ' || *b == '\t' || *b == '\n' || *b == '\r' || !*b;
        if (!wa || !wb) return false;
    }
}

static bool same_strs(const char *a, const char *b)
{
    if (!a || !b) return a == b;
    return !strcmp(a, b);
}

static const char *node_diff(const ex_node *x, const ex_node *y)
{
    if (x->type != y->type) return "node type";
    if (x->type == EX_NODE_ELEMENT) {
        if (strcmp(x->name, y->name)) return "element name";
        if (x->n_attrs != y->n_attrs) return "number of attributes";
        for (uint32_t i = 0; i < x->n_attrs; i++) {
            if (strcmp(x->attrs[i].name, y->attrs[i].name)) return "attribute name";
            if (!same_strs(x->attrs[i].value, y->attrs[i].value)) return "attribute value";
        }
        return NULL;
    }
    if (x->type == EX_NODE_COMMENT)
        return strcmp(x->content, y->content) ? "comment" : NULL;
    return same_text(x->content, y->content) ? NULL : "text";
}

static void print_path(FILE *f, const ex_node *n)
{
    const char *names[64];
    int k = 0, depth = 0;
    for (const ex_node *p = n->parent; p; p = p->parent, depth++)
        if (k < 64) names[k++] = p->name;
    if (depth > k) fputs("...", f);
    while (k > 0) fprintf(f, "/%s", names[--k]);
}

/* The next sibling-or-later node in document order, skipping blank text. */
static const ex_node *skip_blank(const ex_node *n, size_t *blanks)
{
    while (n && is_blank_text(n)) { n = n->next; (*blanks)++; }
    return n;
}

typedef struct diff {
    const char *what;
    const ex_node *x, *y;   /* libxml2's node, ours (either may be NULL) */
    size_t blanks;
} diff;

/* Walk both trees in step, children lists side by side, without recursion
 * (the parent pointers lead back up). */
static diff compare(const ex_node *x, const ex_node *y)
{
    diff d = {0};
    if (!x || !y) {
        if (x != y) { d.what = "one tree is missing"; d.x = x; d.y = y; }
        return d;
    }
    for (;;) {
        const char *w = node_diff(x, y);
        if (w) { d.what = w; d.x = x; d.y = y; return d; }
        const ex_node *cx = x->children, *cy = y->children;
        size_t bx = 0, by = 0;
        cx = skip_blank(cx, &bx); cy = skip_blank(cy, &by);
        if (cx && cy) {
            d.blanks += bx + by;
            x = cx; y = cy;
            continue;
        }
        if (cx || cy) {
            d.what = cx ? "child missing in ours" : "extra child in ours";
            d.x = cx ? cx : x; d.y = cy ? cy : y;
            return d;
        }
        d.blanks += bx + by;
        /* climb until a sibling pair continues */
        for (;;) {
            const ex_node *nx = x->next, *ny = y->next;
            bx = by = 0;
            nx = skip_blank(nx, &bx); ny = skip_blank(ny, &by);
            d.blanks += bx + by;
            if (nx && ny) { x = nx; y = ny; break; }
            if (nx || ny) {
                d.what = nx ? "sibling missing in ours" : "extra sibling in ours";
                d.x = nx ? nx : x; d.y = ny ? ny : y;
                return d;
            }
            x = x->parent; y = y->parent;
            if (!x || !y) return d;
        }
    }
}

/* Blank text nodes on one side only: counted apart from real differences. */
static size_t blank_mismatch(const ex_node *x, const ex_node *y)
{
    size_t nx = 0, ny = 0;
    int dx = 0, dy = 0;
    for (const ex_node *n = x; n && dx >= 0; n = next_node(n, &dx)) nx += is_blank_text(n);
    for (const ex_node *n = y; n && dy >= 0; n = next_node(n, &dy)) ny += is_blank_text(n);
    return nx > ny ? nx - ny : ny - nx;
}

static void print_diff(FILE *f, const char *path, const diff *d)
{
    const ex_node *at = d->x ? d->x : d->y;
    fprintf(f, "%s: differ: %s at ", path, d->what);
    if (at) print_path(f, at);
    fputc('\n', f);
    fputs("  libxml2: ", f);
    if (d->x) print_node(f, d->x, 0); else fputs("(none)\n", f);
    fputs("  ours:    ", f);
    if (d->y) print_node(f, d->y, 0); else fputs("(none)\n", f);
}

/* ---- timing ------------------------------------------------------------ */

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

typedef struct page { char *s; size_t n; } page;

static void timing(page *pages, size_t np, int reps)
{
    size_t bytes = 0;
    for (size_t i = 0; i < np; i++) bytes += pages[i].n;
    arena a;
    arena_init(&a);
    double t0 = now();
    for (int r = 0; r < reps; r++)
        for (size_t i = 0; i < np; i++) {
            htmlDocPtr doc = htmlReadMemory(pages[i].s, (int)pages[i].n, NULL, "utf-8", XML_OPTS);
            xmlFreeDoc(doc);
        }
    double t1 = now();
    for (int r = 0; r < reps; r++)
        for (size_t i = 0; i < np; i++) {
            ex_dom_parse(pages[i].s, pages[i].n, &a, 0);
            arena_reset(&a);
        }
    double t2 = now();
    double mb = (double)bytes * reps / 1e6;
    printf("%zu pages, %.1f MB x %d\n", np, bytes / 1e6, reps);
    printf("libxml2 htmlReadMemory (tree only): %7.1f MB/s  %7.0f pages/s\n",
           mb / (t1 - t0), np * reps / (t1 - t0));
    printf("ex_dom_parse:                       %7.1f MB/s  %7.0f pages/s\n",
           mb / (t2 - t1), np * reps / (t2 - t1));
    arena_reset(&a);
}

static int print_both(const char *s, size_t n)
{
    arena a;
    arena_init(&a);
    puts("== libxml2");
    print_tree(stdout, parse_xml(s, n, &a));
    puts("== ours");
    print_tree(stdout, ex_dom_parse(s, n, &a, 0));
    arena_reset(&a);
    return 0;
}

int main(int argc, char **argv)
{
    bool quiet = false;
    int reps = 0, i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (!strcmp(argv[i], "-q")) quiet = true;
        else if (!strcmp(argv[i], "-t") && i + 1 < argc) reps = atoi(argv[++i]);
        else if (!strcmp(argv[i], "-e") && i + 1 < argc)
            return print_both(argv[i + 1], strlen(argv[i + 1]));
        else if (!strcmp(argv[i], "-p") && i + 1 < argc) {
            size_t n;
            char *s = read_all(argv[i + 1], &n);
            if (!s) { perror(argv[i + 1]); return 2; }
            return print_both(s, n);
        } else {
            fprintf(stderr, "usage: domdiff [-q] [-t N] FILE... | -p FILE | -e HTML\n");
            return 2;
        }
    }
    size_t pages = 0, same = 0, same_blank = 0, differ = 0, skipped = 0;
    page *kept = NULL;
    size_t nkept = 0;
    for (; i < argc; i++) {
        size_t n;
        char *s = read_all(argv[i], &n);
        if (!s) { perror(argv[i]); continue; }
        if (!valid_utf8((unsigned char *)s, n)) {
            skipped++;
            if (!quiet && !reps) printf("%s: skipped: not UTF-8\n", argv[i]);
            free(s);
            continue;
        }
        if (reps) {
            kept = realloc(kept, (nkept + 1) * sizeof *kept);
            kept[nkept++] = (page){s, n};
            continue;
        }
        pages++;
        arena a;
        arena_init(&a);
        ex_node *x = parse_xml(s, n, &a), *y = ex_dom_parse(s, n, &a, 0);
        diff d = compare(x, y);
        if (d.what) {
            differ++;
            print_diff(stdout, argv[i], &d);
        } else {
            size_t b = blank_mismatch(x, y);
            if (b) same_blank++; else same++;
            if (!quiet) {
                if (b) printf("%s: same (%zu blank)\n", argv[i], b);
                else printf("%s: same\n", argv[i]);
            }
        }
        arena_reset(&a);
        free(s);
    }
    if (reps) {
        timing(kept, nkept, reps);
        for (size_t k = 0; k < nkept; k++) free(kept[k].s);
        free(kept);
        return 0;
    }
    printf("pages %zu, identical %zu, identical but for blank text %zu, differing %zu"
           " (not UTF-8, skipped: %zu)\n", pages, same, same_blank, differ, skipped);
    return differ ? 1 : 0;
}
