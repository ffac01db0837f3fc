/* boilerplate.c: the paragraph classifier: is a block part of the article or
 * something the scrape dragged in with it?
 *
 * The scheme of jusText (Pomikálek, "Removing boilerplate and duplicate
 * content from web corpora", 2011): each block first gets a class from its
 * own features (bad, short, near-good, good), then short and near-good
 * blocks take their final class from the nearest decided neighbours. A
 * plain-text scrape has no links, so jusText's link density is replaced by
 * the shapes of shape.c. Blocks of an HTML page (html_blocks.c) go through
 * the same rules with the markup's evidence on top: link density, being in
 * the article's container (html_body.c), a caption or a boilerplate class;
 * inside the container a block is the article's unless it shows otherwise.
 * Not here: the features themselves (blocks.c, shape.c, html_blocks.c) and
 * titles or bylines (title.c, dateline.c). */
#include "ex_internal.h"

#include <stdlib.h>

/* jusText's length limits, in characters: below 70 a block is too short to
 * judge alone; from 200 on a prose block is content by itself. */
#define EX_LEN_LOW  70
#define EX_LEN_HIGH 200

/* Stop-word density (function words / words). jusText uses 0.30 and 0.32
 * with its list of about 300 English words; stop.c holds about 230, and
 * news prose is thick with names, so its paragraphs measure lower: those of
 * the seeds and of examples/pages run from 0.22 to 0.58. Density does not
 * tell headlines apart (some reach 0.30); the sentence end does that. */
#define EX_STOP_LOW  0.18
#define EX_STOP_HIGH 0.25


/* A line of prices, scores or dates: 30% digits and currency signs, three
 * times what the figures-heaviest news prose reaches. */
bool ex_mostly_figures(const ex_block *b)
{
    return b->nonspace && b->figures * 10 >= b->nonspace * 3;
}

/* Menus and breadcrumbs: two separators ("Home / News / X"), or, with no
 * sentence end, three wide gaps ("News   World   Business"), the trace a
 * menu of links leaves when flattened to text. */
bool ex_navigation(const ex_block *b)
{
    return b->separators >= 2 || (b->gaps >= 3 && !b->terminal);
}

bool ex_hard_bad(const ex_block *b)
{
    return b->words == 0 || b->template_markup || b->caption || ex_navigation(b) ||
           b->label_only || b->label_link || b->signoff || b->ellipsis || ex_mostly_figures(b);
}

/* What the markup of an HTML block settles before its words are read:
 * outside the article's container, in a caption or under a boilerplate
 * class it is bad; mostly link text (Readability's limit of one half) it is
 * a menu or a list of stories. A heading is short: its neighbours decide. */
static bool html_bad(const ex_block *b)
{
    return b->html && (!b->in_main || b->in_caption || b->off_hint || b->link_chars * 2 > b->chars);
}

bool ex_prose_like(const ex_block *b)
{
    return b->terminal && !b->headline && b->alpha_words >= 3 && !ex_hard_bad(b);
}

bool ex_reads_as_prose(const ex_block *b)
{
    return ex_prose_like(b) || (b->words >= EX_LONG_WORDS && !ex_hard_bad(b));
}

static double stop_density(const ex_block *b)
{
    return b->words ? (double)b->stops / (double)b->words : 0.0;
}

/* Inside the article's container, shapes that mark boilerplate in a scrape
 * are the article's own: an ellipsis after whole sentences ends a
 * paragraph a paywall cut short (a teaser's ends its only sentence),
 * figures fill the cells of a table of results, and a <pre> holds code,
 * whose arrows and bars read as a menu's separators. */
static bool excused(const ex_block *b)
{
    if (!b->html) return false;
    ex_block plain = *b;
    if (b->ellipsis && b->inner_stop) plain.ellipsis = false;
    if (!ex_hard_bad(&plain)) return true;
    if (b->in_pre) return !plain.caption && !plain.template_markup && b->words > 0;
    return b->in_cell && !plain.caption && !plain.template_markup && b->words > 0 &&
           !ex_navigation(&plain);
}

static ex_class classify_one(const ex_block *b)
{
    if (html_bad(b) || (ex_hard_bad(b) && !excused(b))) return EX_BAD;
    /* Inside the article's container, text is the article's unless it shows
     * otherwise: a sentence is good, any other line (a heading, a list
     * item, a recipe's ingredient) is short and goes with its neighbours. */
    if (b->html) return ex_reads_as_prose(b) ? EX_GOOD : EX_SHORT;
    double d = stop_density(b);
    if (!b->terminal)
        return b->words >= EX_LONG_WORDS && d >= EX_STOP_LOW ? EX_NEARGOOD : EX_BAD;
    /* A title-cased line or a list item may sit inside an article, but never
     * makes the case for one on its own. */
    if (b->headline || b->bullet || b->chars < EX_LEN_LOW) return EX_SHORT;
    if (d >= EX_STOP_HIGH) return b->chars >= EX_LEN_HIGH ? EX_GOOD : EX_NEARGOOD;
    return d >= EX_STOP_LOW ? EX_NEARGOOD : EX_BAD;
}

/* Some scrapes put every sentence on a line of its own, so no line is long
 * enough to be good alone. A run of at least EX_RUN_MIN prose lines that
 * together are as long as a good paragraph, with a paragraph's density of
 * function words, is judged as that paragraph would be. */
#define EX_RUN_MIN 3

/* List items stay out: a list of short points is a summary box, not prose. */
static bool in_run(const ex_block *b, ex_class cf)
{
    return cf != EX_GOOD && !b->bullet && ex_prose_like(b) && !html_bad(b);
}

static void promote_prose_runs(const ex_doc *doc, ex_class *cf)
{
    size_t i = 0;
    while (i < doc->n) {
        if (!in_run(&doc->b[i], cf[i])) { i++; continue; }
        size_t j = i, chars = 0, words = 0, stops = 0;
        while (j < doc->n && in_run(&doc->b[j], cf[j])) {
            chars += doc->b[j].chars;
            words += doc->b[j].words;
            stops += doc->b[j].stops;
            j++;
        }
        if (j - i >= EX_RUN_MIN && chars >= EX_LEN_HIGH && stops >= EX_STOP_HIGH * (double)words)
            for (size_t k = i; k < j; k++) cf[k] = EX_GOOD;
        i = j;
    }
}

/* For every block, the class of the nearest block before it and after it
 * that is not short (nor near-good, if asked); the page's edges count as
 * bad. One pass each way, so that long runs of short lines stay linear. */
typedef struct ex_sides { ex_class *before, *after; } ex_sides;

static ex_sides sides_of(const ex_class *cls, size_t n, bool skip_neargood)
{
    ex_sides s = {xmalloc(n * sizeof *s.before), xmalloc(n * sizeof *s.after)};
    ex_class last = EX_BAD;
    for (size_t i = 0; i < n; i++) {
        s.before[i] = last;
        if (cls[i] != EX_SHORT && !(skip_neargood && cls[i] == EX_NEARGOOD)) last = cls[i];
    }
    last = EX_BAD;
    for (size_t i = n; i-- > 0;) {
        s.after[i] = last;
        if (cls[i] != EX_SHORT && !(skip_neargood && cls[i] == EX_NEARGOOD)) last = cls[i];
    }
    return s;
}

static void sides_free(ex_sides s) { free(s.before); free(s.after); }

/* jusText: a short block between good ones is good, between bad ones bad;
 * between the two it is good only when near-good text leads from the bad
 * side towards it. Here it must also read as prose, since a short line that
 * is no sentence is a heading or a label, not a paragraph. */
static ex_class revise_short(const ex_block *b, size_t i, ex_sides far, ex_sides near)
{
    ex_class prev = far.before[i], next = far.after[i];
    if (b->html) return prev == EX_GOOD || next == EX_GOOD ? EX_GOOD : EX_BAD;
    if (!ex_prose_like(b) || (prev == EX_BAD && next == EX_BAD)) return EX_BAD;
    if (prev == EX_GOOD && next == EX_GOOD) return EX_GOOD;
    if (prev == EX_BAD && near.before[i] == EX_NEARGOOD) return EX_GOOD;
    if (next == EX_BAD && near.after[i] == EX_NEARGOOD) return EX_GOOD;
    return EX_BAD;
}

/* Two cases of a plain-text article that the scheme above cuts: a sentence
 * thick with names between two good paragraphs ("Page suffered a heart
 * attack nine days earlier ...", function words 0.17), and the lead
 * sentences above the first good paragraph when they are short ("A
 * publicist says Tara Reid has checked herself into rehab."), which the
 * page's edge, counted as boilerplate, pulls out. Both are sentences next
 * to the article: they are kept. Lines above the lead that are no
 * sentence (a menu, a headline, a date) stop the climb, so a scrape's
 * header stays out; so does a climb that ends below anything but a title.
 * On ecbplus-dev (plain article text, 278,061 words) the scheme above
 * dropped 10,079 words, 8,323 with these rules. */
static bool sentence_line(const ex_block *b)
{
    if (b->html || b->bullet || ex_hard_bad(b)) return false;
    if (!b->terminal) {   /* a sentence broken over lines: "... explaining:" */
        int32_t last = b->text.n ? (unsigned char)b->text.s[b->text.n - 1] : 0;
        return (last == ':' || last == ';' || last == ',') && !b->headline && b->alpha_words >= 3;
    }
    /* title case ending in a full stop is a sentence full of names */
    if (b->headline && !b->period_end) return false;
    return b->alpha_words >= 2;
}

static void fill_prose(ex_doc *doc)
{
    size_t first = doc->n;
    for (size_t i = 0; i < doc->n; i++) {
        if (doc->b[i].cls != EX_GOOD) continue;
        if (first == doc->n) first = i;
        size_t j = i + 1;   /* a run of sentences up to the next good block */
        while (j < doc->n && doc->b[j].cls != EX_GOOD && sentence_line(&doc->b[j])) j++;
        if (j < doc->n && doc->b[j].cls == EX_GOOD)
            for (size_t k = i + 1; k < j; k++) doc->b[k].cls = EX_GOOD;
    }
    if (first == doc->n) return;   /* no article here (ex_rescue's case) */
    size_t top = first;
    while (top > 0 && sentence_line(&doc->b[top - 1])) top--;
    /* anything but a title above it (a menu, more lines): a header */
    if (top > 1 || (top == 1 && ex_hard_bad(&doc->b[0]))) return;
    for (size_t i = top; i < first; i++) doc->b[i].cls = EX_GOOD;
}

void ex_classify(ex_doc *doc)
{
    size_t n = doc->n;
    if (!n) return;
    ex_class *cf = xmalloc(n * sizeof *cf), *cls = xmalloc(n * sizeof *cls);
    for (size_t i = 0; i < n; i++) cf[i] = classify_one(&doc->b[i]);
    promote_prose_runs(doc, cf);
    for (size_t i = 0; i < n; i++) doc->b[i].cf = cf[i];
    ex_sides far = sides_of(cf, n, true), near = sides_of(cf, n, false);
    for (size_t i = 0; i < n; i++)
        cls[i] = cf[i] == EX_SHORT ? revise_short(&doc->b[i], i, far, near) : cf[i];
    sides_free(far);
    sides_free(near);
    /* Near-good blocks next to good text (shorts now decided) are good. */
    ex_sides s = sides_of(cls, n, true);
    for (size_t i = 0; i < n; i++) {
        bool lone = s.before[i] == EX_BAD && s.after[i] == EX_BAD;
        doc->b[i].cls = cls[i] != EX_NEARGOOD ? cls[i] : lone ? EX_BAD : EX_GOOD;
    }
    sides_free(s);
    free(cf);
    free(cls);
    fill_prose(doc);
}

/* The longest block passing keep(), or n. Blocks whose markup rules them
 * out are never rescued: a page of menus has no article. */
static size_t longest(const ex_doc *doc, bool (*keep)(const ex_block *))
{
    size_t best = doc->n;
    for (size_t i = 0; i < doc->n; i++)
        if (keep(&doc->b[i]) && !html_bad(&doc->b[i]) && (best == doc->n || doc->b[i].chars > doc->b[best].chars)) best = i;
    return best;
}

static bool not_hard_bad(const ex_block *b) { return !ex_hard_bad(b); }
static bool any_block(const ex_block *b) { (void)b; return true; }

void ex_rescue(ex_doc *doc)
{
    for (size_t i = 0; i < doc->n; i++)
        if (doc->b[i].cls == EX_GOOD) return;
    /* A short article is still an article: keep its prose, which is every
     * sentence at least half as long as the longest (shorter ones near it are
     * notices and buttons); failing prose, the longest clean line. */
    size_t top = longest(doc, ex_prose_like);
    if (top < doc->n) {
        for (size_t i = 0; i < doc->n; i++)
            if (ex_prose_like(&doc->b[i]) && !html_bad(&doc->b[i]) &&
                doc->b[i].chars * 2 >= doc->b[top].chars)
                doc->b[i].cls = EX_GOOD;
        return;
    }
    top = longest(doc, not_hard_bad);
    if (top == doc->n) top = longest(doc, any_block);
    if (top < doc->n) doc->b[top].cls = EX_GOOD;
}
