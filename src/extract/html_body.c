/* html_body.c: the article body of an HTML tree.
 *
 * The page is flattened into blocks (html_blocks.c); the element holding
 * the most prose, weighed as Readability does (a paragraph counts fully for
 * its element, half for the one above, a third for the next), scaled down
 * by link density and up or down by class and id hints, is the article's
 * container. Its parent replaces it while the parent adds much more prose
 * (an article split into parts), never leaving an <article>; its siblings
 * holding prose enough, or one paragraph of it, join it. Then the same
 * paragraph classifier as for plain-text scrapes (boilerplate.c) decides
 * block by block, with the HTML evidence as extra features: outside the
 * container, in a caption, under a boilerplate class, mostly link text.
 * Not here: parsing (html.c) or metadata (html_meta.c). */
#include "ex_internal.h"

#include <stdlib.h>
#include <string.h>

/* A block counts for its container by its characters outside links, up to
 * this many: one long run of text (a comment dump, a terms page) must not
 * outweigh an article of several paragraphs. A guard: zyte-aeb scores the
 * same with any cap from 400 up to none. */
#define EX_PROSE_CAP 1000.0

/* Container scores are scaled by these for class and id hints: an article's
 * name lifts a candidate a little, a boilerplate name sinks it (comments
 * are prose too). On zyte-aeb F1 is the same for 1.25 to 1.5 and 0.1 to
 * 0.6, and 0.005 lower without hints. */
#define EX_HINT_ON  1.25
#define EX_HINT_OFF 0.3
/* itemprop="articleBody" is the page's own word for it. */
#define EX_HINT_BODY 2.0

/* A sibling of the container joins it when it holds at least this share of
 * the container's prose (Readability's 0.2). */
#define EX_SIBLING_SHARE 0.2

/* The container's parent replaces it when it adds at least this share of
 * the container's prose: the article was split and only a part was chosen.
 * On zyte-aeb 0.2 takes in too much (P -0.005), 0.7 too little (R -0.005). */
#define EX_CLIMB_SHARE 0.4

/* ...and it is a mere wrapper, passed through on the way up, when it adds
 * at most this share (a heading, a one-line intro around one section of a
 * guide whose other sections lie further up). On wcxb-dev's look half
 * (bench/wcxb.py) 0 gave body F1 0.925, 0.05-0.15 0.926, 0.2 0.927, 0.25-0.3
 * 0.927, 0.35 0.927 and zyte-aeb P -0.002. */
#define EX_WRAP_SHARE 0.2

/* A sibling that is one paragraph of prose (a box with no box inside) joins
 * the container from this many characters: Readability's 80. Articles
 * whose paragraphs are siblings of the part that was chosen (CNN) need it. */
#define EX_SIBLING_PARA 80.0

typedef struct box_sums {
    double score;          /* prose of its own blocks and those one or two boxes down, decayed */
    double prose;          /* prose of every block inside */
    double chars, links;   /* code points inside, and of them inside links */
} box_sums;

/* How much a block says "article text here": its characters outside links
 * when it reads as prose, nothing otherwise. */
static double prose_of(const ex_block *b)
{
    if (b->in_caption || b->link_chars * 2 > b->chars || !ex_reads_as_prose(b)) return 0.0;
    double w = (double)(b->chars - b->link_chars);
    return w < EX_PROSE_CAP ? w : EX_PROSE_CAP;
}

static box_sums *sum_boxes(const ex_html_blocks *hb)
{
    box_sums *s = calloc(hb->n_box ? hb->n_box : 1, sizeof *s);
    if (!s) abort();
    for (size_t i = 0; i < hb->doc.n; i++) {
        const ex_block *b = &hb->doc.b[i];
        int32_t o = (int32_t)hb->owner[i];
        int32_t h = hb->box[o].hinted;
        /* Comments and teasers under a boilerplate name are prose too, but
         * not the article's. */
        double w = h >= 0 && hb->box[h].hint < 0 ? 0.0 : prose_of(b);
        s[o].prose += w;
        s[o].chars += (double)b->chars;
        s[o].links += (double)b->link_chars;
        /* The block's own element (a <p>) is no container: the decay starts
         * at its parent. */
        o = hb->box[o].parent;
        for (int up = 1; up <= 3 && o >= 0; up++, o = hb->box[o].parent)
            s[o].score += w / up;
    }
    /* Children come after their parents: one backward pass sums subtrees. */
    for (size_t i = hb->n_box; i-- > 0;) {
        int32_t p = hb->box[i].parent;
        if (p < 0) continue;
        s[p].prose += s[i].prose;
        s[p].chars += s[i].chars;
        s[p].links += s[i].links;
    }
    return s;
}

static double hint_factor(const ex_html_blocks *hb, size_t i)
{
    int32_t h = hb->box[i].hinted;
    if (h < 0) return 1.0;
    return hb->box[h].hint > 1 ? EX_HINT_BODY : hb->box[h].hint > 0 ? EX_HINT_ON : EX_HINT_OFF;
}

static size_t best_box(const ex_html_blocks *hb, const box_sums *s)
{
    size_t best = 0;
    double top = -1.0;
    for (size_t i = 0; i < hb->n_box; i++) {
        double link = s[i].chars > 0 ? s[i].links / s[i].chars : 0.0;
        double v = s[i].score * (1.0 - link) * hint_factor(hb, i);
        if (v > top) { top = v; best = i; }
    }
    return best;
}

/* Is there a boilerplate hint on a box between block i's own box and the
 * container root (not counting the root, whose name was already weighed)?
 * Nor does a box around chosen, the container as first chosen, count: the
 * climb to root went through it, and what it holds is the article (a
 * page that puts the whole post in a <header>). */
static bool off_below(const ex_html_blocks *hb, size_t i, size_t root, size_t chosen)
{
    int32_t h = hb->box[hb->owner[i]].hinted;
    while (h > (int32_t)root) {
        bool around = (size_t)h <= chosen && chosen < hb->box[h].end;
        if (hb->box[h].hint < 0 && !around) return true;
        int32_t p = hb->box[h].parent;
        h = p >= 0 ? hb->box[p].hinted : -1;
    }
    return false;
}

/* Is box i, or a box around it, an <article>? */
static bool within_article(const ex_html_blocks *hb, int32_t i)
{
    for (; i >= 0; i = hb->box[i].parent)
        if (hb->box[i].article) return true;
    return false;
}

static void mark_box(ex_html_blocks *hb, size_t root, size_t chosen)
{
    const ex_box *r = &hb->box[root];
    for (size_t i = r->first_block; i < r->end_block && i < hb->doc.n; i++) {
        hb->doc.b[i].in_main = true;
        hb->doc.b[i].off_hint = off_below(hb, i, root, chosen);
    }
}

/* The container, its siblings with prose enough, and the text lying
 * directly in their parent between them. */
static void choose_main(ex_html_blocks *hb)
{
    if (!hb->n_box) return;
    box_sums *s = sum_boxes(hb);
    size_t best = best_box(hb, s), chosen = best;
    /* A folded panel is one section of several (an accordion's): the climb
     * starts at what holds it and its button. */
    for (int32_t f = (int32_t)best; f >= 0; f = hb->box[f].parent)
        if (hb->box[f].folded) {
            if (hb->box[f].parent >= 0) best = (size_t)hb->box[f].parent;
            break;
        }
    /* An article split into several elements (a column per few paragraphs)
     * leaves the best one holding a part: go up while the element above holds
     * much more prose than the one we have. */
    /* An <article> is one whole story (HTML's own definition): never climb
     * out of one into a list of others, only into an <article> around it
     * (a guide whose items are articles of their own). */
    for (int32_t below = (int32_t)best, up = hb->box[best].parent;
         up >= 0 && (!hb->box[below].article || within_article(hb, up));
         below = up, up = hb->box[up].parent) {
        if (s[up].prose <= (1.0 + EX_WRAP_SHARE) * s[best].prose) continue;     /* a mere wrapper */
        if (s[up].prose - s[best].prose < EX_CLIMB_SHARE * s[best].prose) break;
        best = (size_t)up;
    }
    int32_t parent = hb->box[best].parent;
    size_t lo = hb->box[best].first_block, hi = hb->box[best].end_block;
    mark_box(hb, best, chosen);
    if (parent >= 0) {
        for (size_t i = (size_t)parent + 1; i < hb->box[parent].end;
             i = hb->box[i].end > i ? hb->box[i].end : i + 1) {
            bool enough = s[i].prose >= EX_SIBLING_SHARE * s[best].prose ||
                          (hb->box[i].end == i + 1 && s[i].prose >= EX_SIBLING_PARA);
            bool other_story = hb->box[i].article && hb->box[best].article;
            if (i == best || hb->box[i].hint < 0 || s[i].prose <= 0 || !enough || other_story)
                continue;
            mark_box(hb, i, chosen);
            if (hb->box[i].first_block < lo) lo = hb->box[i].first_block;
            if (hb->box[i].end_block > hi) hi = hb->box[i].end_block;
        }
        for (size_t i = lo; i < hi && i < hb->doc.n; i++)
            if (hb->owner[i] == (uint32_t)parent) hb->doc.b[i].in_main = true;
    }
    free(s);
}

/* The headline inside the article's container opens the body as its first
 * good block: it is the title, given apart, when more follows. */
static void drop_headline(ex_doc *doc, const char *title)
{
    if (!title) return;
    size_t i = 0;
    while (i < doc->n && doc->b[i].cls != EX_GOOD) i++;
    if (i == doc->n || !ex_span_eq(doc->b[i].text, (ex_span){title, strlen(title)})) return;
    for (size_t j = i + 1; j < doc->n; j++)
        if (doc->b[j].cls == EX_GOOD) { doc->b[i].role = EX_ROLE_TITLE; return; }
}

/* The article among the blocks of doc, read with or without what the page
 * hides; false when there is no text or no article. */
static bool find_body(const ex_node *doc, arena *a, bool hidden_too, sl_article *out, bool *text)
{
    ex_html_blocks hb;
    ex_html_flatten(doc, a, hidden_too, &hb);
    *text = hb.doc.n > 0;
    if (!hb.doc.n) return false;
    choose_main(&hb);
    ex_classify(&hb.doc);
    ex_rescue(&hb.doc);
    drop_headline(&hb.doc, out->title);
    ex_collect_body(&hb.doc, a, out);
    return out->n_paragraphs > 0;
}

sl_status ex_html_body(const ex_node *doc, const sl_page *page, arena *a, sl_article *out,
                       err_slot *err)
{
    bool text, hidden_text;
    /* Nothing visible: pages that ship the article hidden for a script to
     * reveal (streamed server rendering, "read more" folds). */
    if (find_body(doc, a, false, out, &text) || find_body(doc, a, true, out, &hidden_text))
        return SL_OK;
    if (!text && !hidden_text)
        return err_set(err, SL_EINPUT, page->input, page->line,
                       "no article found in the page: it holds no text");
    return err_set(err, SL_EINPUT, page->input, page->line, "no article found in the page");
}
