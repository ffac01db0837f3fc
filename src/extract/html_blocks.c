/* html_blocks.c: an HTML tree flattened into the blocks the paragraph
 * classifier reads, one block per run of text between block-level tags,
 * with what the markup says about each: inside a link, a heading, a caption;
 * which element holds it (its box) and what that element's class and id
 * names hint at (article or boilerplate).
 *
 * One iterative walk over the tree: a page of deeply nested tags costs heap,
 * never stack. Not here: choosing the article's container or deciding about
 * blocks (html_body.c, boilerplate.c), parsing (html.c). */
#include "ex_internal.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Nesting deeper than this adds no box: the texts below belong to the
 * deepest box. Real pages nest block elements 20 to 60 deep (the deepest
 * page of zyte-aeb about 70); the limit only bounds hostile input. */
#define EX_MAX_NEST 512

typedef enum tag_kind { TAG_INLINE, TAG_BLOCK, TAG_SKIP, TAG_BREAK } tag_kind;

/* What an element adds to the blocks inside it. */
enum { IN_LINK = 1, IN_HEADING = 2, IN_CAPTION = 4, IN_CELL = 8, IN_PRE = 16, OFF_TAG = 32 };

typedef struct tag_info {
    uint8_t kind;
    uint8_t flags;
} tag_info;

/* By tag; the elements not named are inline. Skipped elements hold no
 * reader-visible text (scripts, styles, form controls, media). nav, aside,
 * footer, header and form are kept but hint at boilerplate, as a class
 * name would. */
static const tag_info tags[EX_TAG_COUNT] = {
    [EX_TAG_a] = {TAG_INLINE, IN_LINK},
    [EX_TAG_address] = {TAG_BLOCK, 0},
    [EX_TAG_applet] = {TAG_SKIP, 0},
    [EX_TAG_article] = {TAG_BLOCK, 0},
    [EX_TAG_aside] = {TAG_BLOCK, OFF_TAG},
    [EX_TAG_audio] = {TAG_SKIP, 0},
    [EX_TAG_blockquote] = {TAG_BLOCK, 0},
    [EX_TAG_body] = {TAG_BLOCK, 0},
    [EX_TAG_br] = {TAG_BREAK, 0},
    [EX_TAG_button] = {TAG_SKIP, 0},
    [EX_TAG_canvas] = {TAG_SKIP, 0},
    [EX_TAG_caption] = {TAG_BLOCK, IN_CAPTION},
    [EX_TAG_center] = {TAG_BLOCK, 0},
    [EX_TAG_datalist] = {TAG_SKIP, 0},
    [EX_TAG_dd] = {TAG_BLOCK, 0},
    [EX_TAG_details] = {TAG_BLOCK, 0},
    [EX_TAG_dialog] = {TAG_BLOCK, OFF_TAG},
    [EX_TAG_dir] = {TAG_BLOCK, 0},
    [EX_TAG_div] = {TAG_BLOCK, 0},
    [EX_TAG_dl] = {TAG_BLOCK, 0},
    [EX_TAG_dt] = {TAG_BLOCK, 0},
    [EX_TAG_embed] = {TAG_SKIP, 0},
    [EX_TAG_fieldset] = {TAG_BLOCK, 0},
    [EX_TAG_figcaption] = {TAG_BLOCK, IN_CAPTION},
    [EX_TAG_figure] = {TAG_BLOCK, 0},
    [EX_TAG_footer] = {TAG_BLOCK, OFF_TAG},
    [EX_TAG_form] = {TAG_BLOCK, OFF_TAG},
    [EX_TAG_frameset] = {TAG_BLOCK, 0},
    [EX_TAG_h1] = {TAG_BLOCK, IN_HEADING},
    [EX_TAG_h2] = {TAG_BLOCK, IN_HEADING},
    [EX_TAG_h3] = {TAG_BLOCK, IN_HEADING},
    [EX_TAG_h4] = {TAG_BLOCK, IN_HEADING},
    [EX_TAG_h5] = {TAG_BLOCK, IN_HEADING},
    [EX_TAG_h6] = {TAG_BLOCK, IN_HEADING},
    [EX_TAG_head] = {TAG_SKIP, 0},
    [EX_TAG_header] = {TAG_BLOCK, OFF_TAG},
    [EX_TAG_hgroup] = {TAG_BLOCK, 0},
    [EX_TAG_hr] = {TAG_BLOCK, 0},
    [EX_TAG_html] = {TAG_BLOCK, 0},
    [EX_TAG_iframe] = {TAG_SKIP, 0},
    [EX_TAG_input] = {TAG_SKIP, 0},
    [EX_TAG_legend] = {TAG_BLOCK, 0},
    [EX_TAG_li] = {TAG_BLOCK, 0},
    [EX_TAG_link] = {TAG_SKIP, 0},
    [EX_TAG_main] = {TAG_BLOCK, 0},
    [EX_TAG_map] = {TAG_SKIP, 0},
    [EX_TAG_math] = {TAG_SKIP, 0},
    [EX_TAG_menu] = {TAG_BLOCK, OFF_TAG},
    [EX_TAG_meta] = {TAG_SKIP, 0},
    [EX_TAG_meter] = {TAG_SKIP, 0},
    [EX_TAG_nav] = {TAG_BLOCK, OFF_TAG},
    [EX_TAG_noembed] = {TAG_SKIP, 0},
    [EX_TAG_noframes] = {TAG_SKIP, 0},
    [EX_TAG_noscript] = {TAG_SKIP, 0},
    [EX_TAG_object] = {TAG_SKIP, 0},
    [EX_TAG_ol] = {TAG_BLOCK, 0},
    [EX_TAG_option] = {TAG_SKIP, 0},
    [EX_TAG_p] = {TAG_BLOCK, 0},
    [EX_TAG_pre] = {TAG_BLOCK, IN_PRE},
    [EX_TAG_progress] = {TAG_SKIP, 0},
    [EX_TAG_script] = {TAG_SKIP, 0},
    [EX_TAG_section] = {TAG_BLOCK, 0},
    [EX_TAG_select] = {TAG_SKIP, 0},
    [EX_TAG_style] = {TAG_SKIP, 0},
    [EX_TAG_summary] = {TAG_BLOCK, 0},
    [EX_TAG_svg] = {TAG_SKIP, 0},
    [EX_TAG_table] = {TAG_BLOCK, 0},
    [EX_TAG_tbody] = {TAG_BLOCK, 0},
    [EX_TAG_td] = {TAG_BLOCK, IN_CELL},
    [EX_TAG_template] = {TAG_SKIP, 0},
    [EX_TAG_textarea] = {TAG_SKIP, 0},
    [EX_TAG_tfoot] = {TAG_BLOCK, 0},
    [EX_TAG_th] = {TAG_BLOCK, IN_CELL},
    [EX_TAG_thead] = {TAG_BLOCK, 0},
    [EX_TAG_title] = {TAG_SKIP, 0},
    [EX_TAG_tr] = {TAG_BLOCK, 0},
    [EX_TAG_ul] = {TAG_BLOCK, 0},
    [EX_TAG_video] = {TAG_SKIP, 0},
};

static const tag_info *tag_of(const ex_node *n) { return &tags[n->tag]; }

/* ---- class and id hints ---- */

/* Parts of class and id names that mark page furniture: sharing and social
 * widgets, lists of other stories, comments, promotions, subscription and
 * cookie notices, bylines and captions. Matched anywhere in the lower-cased
 * name ("article-share-bar", "relatedStories"). The same idea as
 * Readability's "unlikely candidates", in our own words. */
static const char *const off_parts[] = {
    "comment", "share", "sharing", "social", "related", "recommend", "promo",
    "sidebar", "newsletter", "subscri", "signup", "advert", "sponsor", "cookie",
    "consent", "breadcrumb", "navigation", "navbar", "footer", "masthead", "byline",
    "author", "caption", "credit", "trending", "popular", "outbrain",
    "taboola", "toolbar", "disclaimer", "more-stories",
    "most-read", "newsfeed", "tags", "rating", "dateline", "timestamp",
};

/* Whole words (between - _ space and case changes are not split) that are
 * too short to match inside other names: "ad" is in "header", "nav" in
 * "canvas". */
static const char *const off_words[] = {"ad", "ads", "nav", "menu", "tag", "meta", "banner",
                                        "modal", "popup", "print", "date", "time"};

/* Names of the article's own container. */
static const char *const on_parts[] = {"article", "content", "story", "post", "entry",
                                       "body", "text", "main", "blog", "prose"};

/* Both part lists searched in one pass, each known by its mask. */
static ex_words parts;
static uint64_t off_mask, on_mask;
static size_t off_word_max;   /* the longest of off_words: a longer token is none */
static size_t off_word_len[sizeof off_words / sizeof off_words[0]];
static uint32_t off_word_first[256];   /* the off_words beginning with each byte */
_Static_assert(sizeof off_words / sizeof off_words[0] <= 32, "off_word_first has 32 bits");
static pthread_once_t parts_once = PTHREAD_ONCE_INIT;

static void parts_init(void)
{
    off_mask = ex_words_add(&parts, off_parts, sizeof off_parts / sizeof off_parts[0]);
    on_mask = ex_words_add(&parts, on_parts, sizeof on_parts / sizeof on_parts[0]);
    for (size_t i = 0; i < sizeof off_words / sizeof off_words[0]; i++) {
        off_word_len[i] = strlen(off_words[i]);
        off_word_first[(unsigned char)off_words[i][0]] |= 1u << i;
        if (off_word_len[i] > off_word_max) off_word_max = off_word_len[i];
    }
}

/* How many tokens of s (split at space, '-' and '_') are off_words. */
static bool name_sep(char c) { return c == ' ' || c == '-' || c == '_'; }

static int count_off_words(const char *s)
{
    int k = 0;
    while (*s) {
        const char *e = s;
        while (*e && !name_sep(*e)) e++;
        size_t len = (size_t)(e - s);
        if (len && len <= off_word_max)
            for (uint32_t m = off_word_first[(unsigned char)s[0]]; m; m &= m - 1) {
                unsigned i = (unsigned)__builtin_ctz(m);
                k += off_word_len[i] == len && !memcmp(s, off_words[i], len);
            }
        s = e;
        while (name_sep(*s)) s++;
    }
    return k;
}

/* The value of attribute name of n, lower-cased into out (cut at 255
 * bytes: the hints are in the first words). */
static void attr_lower(const ex_node *n, const char *name, char out[256])
{
    out[0] = '\0';
    const char *v = ex_attr_value(n, name);
    if (!v) return;
    size_t k = 0;
    for (const char *p = v; *p && k < 255; p++)
        out[k++] = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
    out[k] = '\0';
}

/* WordPress's post_class() and its imitators name the post's taxonomy in
 * the article element's classes: "tag-diy category-reviews author-jane".
 * Those say what the post is about, not what the element is: blank them. */
static void drop_taxonomy(char *cls)
{
    static const struct { const char *s; size_t n; } prefixes[] = {
        {"tag-", 4}, {"category-", 9}, {"author-", 7}, {"format-", 7}, {"status-", 7}, {"type-", 5},
    };
    for (char *p = cls; *p;) {
        char *e = p;
        while (*e && *e != ' ') e++;
        size_t len = (size_t)(e - p);
        for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++)
            if (len > prefixes[i].n && p[0] == prefixes[i].s[0] && !memcmp(p, prefixes[i].s, prefixes[i].n))
                memset(p, ' ', len);
        p = e;
        while (*p == ' ') p++;
    }
}

/* An id of four words or more ("evolve-shared-mutable-history") is the
 * slug of a section's heading, as documentation generators and Markdown
 * renderers make them: its words are the author's, not the template's. */
static bool heading_slug(const char *id)
{
    int words = 1;
    for (const char *p = id; *p; p++) words += (*p == '-' || *p == '_') && p[1] && p[1] != '-';
    return *id && words >= 4;
}

/* How many of a (lower-cased) class or id's names say boilerplate and how
 * many an article, as (off << 16) | on. */
static uint64_t name_counts(const char *s)
{
    if (!*s) return 0;
    uint64_t found = ex_words_in(&parts, s, strlen(s));
    unsigned off = (unsigned)__builtin_popcountll(found & off_mask) + (unsigned)count_off_words(s);
    unsigned on = (unsigned)__builtin_popcountll(found & on_mask);
    return (uint64_t)off << 16 | on;
}

/* -1 when n's class or id names boilerplate, +1 when they name an article
 * (+2 when schema.org microdata marks the article's body), 0 otherwise.
 * Names that say both are weighed by count, boilerplate winning ties:
 * "comment-content" is a comment, but "article__content entry
 * author-jane" (WordPress adds author-, category-, tag- classes) the
 * article. */
static int hint_of(const ex_node *n, const tag_info *t)
{
    if (t->flags & OFF_TAG) return -1;
    if (!n->n_attrs) return 0;
    char cls[256], id[256], prop[256];
    attr_lower(n, "itemprop", prop);
    if (!strcmp(prop, "articlebody")) return 2;   /* schema.org says so */
    attr_lower(n, "id", id);
    if (heading_slug(id)) id[0] = '\0';
    pthread_once(&parts_once, parts_init);
    /* the class value's counts, remembered by its bytes: (off << 16) | on */
    static ex_memo memo = EX_MEMO_INIT;
    const char *raw = ex_attr_value(n, "class");
    uint64_t counts = 0;
    size_t raw_n = raw ? strlen(raw) : 0;
    if (raw && !ex_memo_get(&memo, raw, raw_n, &counts)) {
        attr_lower(n, "class", cls);
        drop_taxonomy(cls);
        counts = name_counts(cls);
        ex_memo_put(&memo, raw, raw_n, counts);
    }
    if (*id) counts += name_counts(id);
    int off = (int)(counts >> 16), on = (int)(counts & 0xffff);
    return off >= on ? -(off > 0) : 1;
}

/* A segment React's streaming server renderer sends hidden, for its
 * script to move into place: <div hidden id="S:0">, revealed by
 * $RC("B:0","S:0"). The page shows it; on Next.js sites it is often the
 * whole article, while what is visible before the script runs is the
 * header and the footer. */
static bool streamed_segment(const ex_node *n)
{
    char id[256];
    attr_lower(n, "id", id);
    if (id[0] != 's' || id[1] != ':' || !id[2]) return false;
    for (const char *p = id + 2; *p; p++)
        if (*p < '0' || *p > '9') return false;
    return true;
}

/* A folded panel the reader opens in place: the region of an accordion
 * (WAI-ARIA's pattern: role="region", labelled by the button that opens
 * it; "1. Understand your bill", then the section itself), or HTML's
 * hidden="until-found", which the browser's find in page also opens. Its
 * text is the page's, only folded; a menu's folded level is a list, a
 * menu or a dialog, never a region. */
static bool folded_panel(const ex_node *n)
{
    const char *h = ex_attr_value(n, "hidden");
    if (h && !strcasecmp(h, "until-found")) return true;
    const char *role = ex_attr_value(n, "role");
    return role && !strcasecmp(role, "region") && ex_attr_value(n, "aria-labelledby");
}

/* What the page shows of an element: all of it, nothing (the hidden
 * attribute but for a streamed segment, an inline style with display:none:
 * menus' folded levels, templates, consent dialogs), or a folded panel
 * shown here as the page would on a click. */
enum { SHOWN, HIDDEN, FOLDED };
static int shown(const ex_node *n)
{
    for (uint32_t i = 0; i < n->n_attrs; i++) {
        const ex_attr *at = &n->attrs[i];
        if (!strcmp(at->name, "hidden")) {
            if (streamed_segment(n)) continue;
            return folded_panel(n) ? FOLDED : HIDDEN;
        }
        if (strcmp(at->name, "style") || !at->value)
            continue;
        char style[256];
        attr_lower(n, "style", style);
        char *d = strstr(style, "display");
        if (!d) continue;
        d += strspn(d + 7, " :") + 7;
        if (!strncmp(d, "none", 4)) return folded_panel(n) ? FOLDED : HIDDEN;
    }
    return SHOWN;
}

/* ---- the walk ---- */

typedef struct open_el {
    const ex_node *node;
    int32_t        box;    /* -1 until a block is found inside */
    int8_t         hint;
    bool           article;
    bool           folded;
} open_el;

typedef struct raw_block {
    size_t   off, len, link;
    uint32_t owner;
    uint8_t  flags;
} raw_block;

typedef struct walker {
    buf  text;               /* every block's text, back to back */
    size_t start;            /* where the block being read starts in text */
    size_t link;             /* its code points inside links */
    bool space;              /* white space is pending */
    bool after_br;           /* a <br> and nothing but white space since */
    unsigned in[5];          /* open links, headings, captions, cells, pre (by flag bit) */
    VEC(raw_block) blocks;
    VEC(ex_box) boxes;
    VEC(open_el) stack;
    VEC(const tag_info *) path;  /* the kind of every element the walk is inside */
    bool hidden_too;         /* read what the page hides (hidden, display:none) */
} walker;

/* The box of the innermost open element, giving boxes to the open elements
 * that have none yet: those are the innermost ones, so parents are numbered
 * before their children. */
static uint32_t current_box(walker *w)
{
    size_t i = w->stack.n;
    while (i > 0 && w->stack.v[i - 1].box < 0) i--;
    for (; i < w->stack.n; i++) {
        open_el *e = &w->stack.v[i];
        int32_t parent = i ? w->stack.v[i - 1].box : -1;
        ex_box box = {.parent = parent, .first_block = (uint32_t)w->blocks.n, .hint = e->hint,
                      .article = e->article, .folded = e->folded};
        box.hinted = e->hint ? (int32_t)w->boxes.n : parent >= 0 ? w->boxes.v[parent].hinted : -1;
        e->box = (int32_t)w->boxes.n;
        VEC_PUSH(w->boxes, box);
    }
    return (uint32_t)w->stack.v[w->stack.n - 1].box;
}

static void flush(walker *w)
{
    size_t len = w->text.len - w->start;
    if (len && w->stack.n) {
        uint8_t flags = (uint8_t)((w->in[1] ? IN_HEADING : 0) | (w->in[2] ? IN_CAPTION : 0) |
                                  (w->in[3] ? IN_CELL : 0) | (w->in[4] ? IN_PRE : 0));
        raw_block rb = {w->start, len, w->link, current_box(w), flags};
        VEC_PUSH(w->blocks, rb);
    } else {
        w->text.len = w->start;
    }
    w->start = w->text.len;
    w->link = 0;
    w->space = false;
    w->after_br = false;
}

static bool is_space(unsigned char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; }

/* Text with runs of white space made one space, none at a block's start.
 * libxml2 passes on bytes that are not UTF-8 when a page lies about its
 * charset: each becomes U+FFFD, so every string handed out is valid. */
static void add_text(walker *w, const char *t)
{
    /* ASCII other than white space, copied a run at a time */
    static const uint8_t plain[256] = {[0x00 ... 0x08] = 1, [0x0B] = 1, [0x0E ... 0x1F] = 1,
                                       [0x21 ... 0x7F] = 1};
    const unsigned char *s = (const unsigned char *)t;
    size_t n = strlen(t);
    int len;
    for (size_t i = 0; i < n; i += (size_t)len) {
        unsigned char c = s[i];
        len = 1;
        if (is_space(c)) { w->space = true; continue; }
        if (w->space && w->text.len > w->start) buf_putc(&w->text, ' ');
        w->space = false;
        w->after_br = false;
        if (c < 0x80) {
            size_t j = i + 1;
            while (j < n && plain[s[j]]) j++;
            buf_append(&w->text, t + i, j - i);
            if (w->in[0]) w->link += j - i;   /* a character each */
            len = (int)(j - i);
            continue;
        }
        if (w->in[0]) w->link++;
        int32_t cp = u8_decode(t + i, n - i, &len);
        if (cp == 0xFFFD && !(len == 3 && c == 0xEF)) buf_append(&w->text, "\xEF\xBF\xBD", 3);
        else buf_append(&w->text, t + i, (size_t)len);
    }
}

static void count(walker *w, const tag_info *t, int step)
{
    for (int bit = 0; bit < 5; bit++)
        if (t->flags & (1 << bit)) w->in[bit] += (unsigned)step;
}

/* A <button> whose markup was never closed holds the rest of the page
 * (libxml2 nests it all inside, a browser shows it): one with a block
 * element among its first nodes is read as a block, not skipped. */
#define EX_BUTTON_LOOK 64

static bool open_button(const ex_node *b)
{
    if (b->tag != EX_TAG_button) return false;
    size_t seen = 0;
    for (const ex_node *n = b->children; n && seen < EX_BUTTON_LOOK; seen++) {
        if (n->type == EX_NODE_ELEMENT) {
            if (n->tag == EX_TAG_p || n->tag == EX_TAG_div || n->tag == EX_TAG_section ||
                n->tag == EX_TAG_article || n->tag == EX_TAG_main) return true;
        }
        if (n->type == EX_NODE_ELEMENT && n->children) { n = n->children; continue; }
        while (n != b && !n->next) n = n->parent;
        if (n == b) break;
        n = n->next;
    }
    return false;
}

/* Opens n; false when its content is not read (text, comments, skipped). */
static bool enter(walker *w, const ex_node *n)
{
    if (n->type == EX_NODE_TEXT) {
        if (n->content) add_text(w, n->content);
        return false;
    }
    if (n->type != EX_NODE_ELEMENT) return false;
    const tag_info *t = tag_of(n);
    int show = w->hidden_too ? SHOWN : shown(n);
    if ((t->kind == TAG_SKIP && !open_button(n)) || show == HIDDEN) return false;
    if (t->kind == TAG_BREAK) {
        /* One <br> breaks a line inside a paragraph; two in a row end it,
         * as in pages that make paragraphs of <br><br>. */
        if (w->after_br) flush(w);
        else { w->space = true; w->after_br = true; }
        return false;
    }
    bool block = t->kind == TAG_BLOCK;
    if (block) flush(w);
    /* html and body carry the page template's classes, not the article's;
     * inline elements' names (a link's, a word's) are read only from the
     * block they are in, which keeps the walk cheap. */
    int hint = block && n->tag != EX_TAG_body && n->tag != EX_TAG_html ? hint_of(n, t) : 0;
    if ((block || hint) && w->stack.n < EX_MAX_NEST) {
        open_el e = {n, -1, (int8_t)hint, n->tag == EX_TAG_article, show == FOLDED};
        VEC_PUSH(w->stack, e);
    }
    count(w, t, 1);
    VEC_PUSH(w->path, t);
    return true;
}

static void leave(walker *w, const ex_node *n)
{
    const tag_info *t = w->path.n ? w->path.v[--w->path.n] : tag_of(n);
    if (t->kind == TAG_BLOCK) flush(w);
    count(w, t, -1);
    if (w->stack.n && w->stack.v[w->stack.n - 1].node == n) {
        int32_t box = w->stack.v[--w->stack.n].box;
        if (box >= 0) {
            w->boxes.v[box].end = (uint32_t)w->boxes.n;
            w->boxes.v[box].end_block = (uint32_t)w->blocks.n;
        }
    }
}

static void walk(walker *w, const ex_node *root)
{
    const ex_node *n = root;
    while (n) {
        if (enter(w, n)) {
            if (n->children) { n = n->children; continue; }
            leave(w, n);
        }
        while (n != root && !n->next) {
            n = n->parent;
            leave(w, n);
        }
        if (n == root) break;
        n = n->next;
    }
    flush(w);
    while (w->stack.n) leave(w, w->stack.v[w->stack.n - 1].node);
}

/* Blocks never start or end with ASCII white space (add_text drops it):
 * only other spaces (NBSP) need the full trim. */
static bool edges_ascii(const char *s, size_t n)
{
    return n && (unsigned char)s[0] < 0x80 && (unsigned char)s[n - 1] < 0x80;
}

/* Bytes that are not continuation bytes (10xxxxxx), eight at a time
 * (without POPCNT, which x86-64's baseline lacks). */
static size_t code_points(ex_span t)
{
    const uint64_t ones = 0x0101010101010101ull;
    size_t k = 0, i = 0;
    for (; i + 8 <= t.n; i += 8) {
        uint64_t w;
        memcpy(&w, t.s + i, 8);
        uint64_t cont = (w >> 7) & ~(w >> 6) & ones;   /* 1 in each continuation byte */
        k += 8 - (size_t)((cont * ones) >> 56);        /* their sum in the top byte */
    }
    for (; i < t.n; i++) k += ((unsigned char)t.s[i] & 0xC0) != 0x80;
    return k;
}

void ex_html_flatten(const ex_node *root, arena *a, bool hidden_too, ex_html_blocks *out)
{
    memset(out, 0, sizeof *out);
    if (!root) return;
    walker w = {.hidden_too = hidden_too};
    buf_init(&w.text);
    walk(&w, root);
    char *text = arena_strndup(a, w.text.data ? w.text.data : "", w.text.len);
    size_t nb = w.blocks.n;
    out->doc.b = arena_alloc(a, (nb ? nb : 1) * sizeof *out->doc.b);
    out->owner = arena_alloc(a, (nb ? nb : 1) * sizeof *out->owner);
    buf fold;
    buf_init(&fold);
    for (size_t i = 0; i < nb; i++) {
        const raw_block *rb = &w.blocks.v[i];
        ex_block *b = &out->doc.b[out->doc.n];
        b->text = edges_ascii(text + rb->off, rb->len) ? (ex_span){text + rb->off, rb->len}
                                                       : ex_trim((ex_span){text + rb->off, rb->len});
        b->html = true;
        b->heading = rb->flags & IN_HEADING;
        b->in_caption = rb->flags & IN_CAPTION;
        b->in_cell = rb->flags & IN_CELL;
        b->in_pre = rb->flags & IN_PRE;
        /* Mostly link text is a menu or a list of stories whatever its words
         * say (boilerplate.c): only its length is needed. Blocks are kept
         * even when only NBSP is left, so that block numbers stay those the
         * boxes were given. */
        b->chars = code_points(b->text);
        b->link_chars = rb->link < b->chars ? rb->link : b->chars;
        if (b->link_chars * 2 <= b->chars) {
            b->chars = 0;
            ex_measure(b, &fold);
        }
        out->owner[out->doc.n++] = rb->owner;
    }
    buf_free(&fold);
    out->n_box = w.boxes.n;
    out->box = arena_alloc(a, (w.boxes.n ? w.boxes.n : 1) * sizeof *out->box);
    if (w.boxes.n) memcpy(out->box, w.boxes.v, w.boxes.n * sizeof *out->box);
    buf_free(&w.text);
    VEC_FREE(w.blocks);
    VEC_FREE(w.boxes);
    VEC_FREE(w.stack);
    VEC_FREE(w.path);
}
