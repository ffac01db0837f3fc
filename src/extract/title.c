/* title.c: finding the title and subtitle among the lines above the body.
 *
 * The title is a headline-shaped line before the first body paragraph;
 * among several, the one the page repeats (a breadcrumb ending in it) and
 * the one whose words the body uses win. The subtitle (standfirst) is the
 * headline-shaped line right after it. Not here: the classifier that finds
 * the body (boilerplate.c) and bylines (dateline.c). */
#include "ex_internal.h"

#include <string.h>

/* A candidate must share at least a quarter of its content words, and two
 * or more, with the body, unless the page repeats it: site names, menu
 * items and section labels share one word at most, headlines share most. */
#define EX_MIN_OVERLAP 0.25
#define EX_MIN_SHARED  2

/* The article header (masthead, menus, headline, standfirst, byline) is
 * seldom more than a few dozen lines; looking no further up than this keeps
 * a page of many thousand lines from costing time quadratic in them. */
#define EX_HEADER_BLOCKS 100

/* Headlines run 3 to 25 words; standfirsts, a sentence or two, up to 40. */
#define EX_TITLE_WORDS    25
#define EX_SUBTITLE_WORDS 40

/* The words of a headline: 3 to max_words of them, no sentence ending
 * inside or in an ellipsis, and no trace of a menu, caption, template,
 * sign-off, list item or price. */
static bool headline_words(const ex_block *b, size_t max_words)
{
    return b->words >= 3 && b->words <= max_words && !b->ellipsis && !b->inner_stop &&
           !b->bullet && !b->caption && !b->signoff && !b->template_markup &&
           !ex_navigation(b) && !ex_mostly_figures(b);
}

/* ...and not a label ("Read more: X") nor part of one. */
static bool headline_shape(const ex_block *b, size_t max_words)
{
    return headline_words(b, max_words) && !b->separators && !ex_label_len(b->text);
}

/* A title may end in a question or exclamation mark, not in a full stop. */
static bool title_like(const ex_block *b)
{
    return headline_shape(b, EX_TITLE_WORDS) && !b->period_end;
}

/* "Sorrel's" counts as "sorrel" when comparing a headline with the body. */
static void strip_possessive(buf *w)
{
    if (w->len > 2 && memcmp(w->data + w->len - 2, "'s", 2) == 0) w->len -= 2;
    else if (w->len > 4 && memcmp(w->data + w->len - 4, "\xE2\x80\x99s", 4) == 0) w->len -= 4;
    w->data[w->len] = '\0';
}

/* Calls fn on the folded content words (letters first, no function words). */
static void each_content_word(ex_span t, buf *fold, void (*fn)(const buf *w, void *ctx), void *ctx)
{
    size_t pos = 0;
    ex_span tok;
    while (ex_next_token(t, &pos, &tok)) {
        ex_span core = ex_core(tok);
        if (!core.n || !u8_is_letter(ex_first_cp(core)) || ex_is_stop(core, fold)) continue;
        strip_possessive(fold);
        fn(fold, ctx);
    }
}

static void add_word(const buf *w, void *ctx) { map_put(ctx, w->data, w->len, NULL); }

typedef struct overlap { const map *body; size_t seen, shared; } overlap;

static void count_shared(const buf *w, void *ctx)
{
    overlap *o = ctx;
    o->seen++;
    if (map_get(o->body, w->data, w->len)) o->shared++;
}

/* The content words of a page's body, gathered when first asked for: most
 * pages have no header line that needs them, and a long body costs a pass
 * over all its words. */
typedef struct body {
    const ex_doc *doc;
    map           words;
    bool          built;
} body;

static const map *body_words(body *bd, buf *fold)
{
    if (!bd->built) {
        const ex_doc *doc = bd->doc;
        for (size_t i = 0; i < doc->n; i++)
            if (doc->b[i].cls == EX_GOOD && doc->b[i].role == EX_ROLE_NONE)
                each_content_word(doc->b[i].text, fold, add_word, &bd->words);
        bd->built = true;
    }
    return &bd->words;
}

/* Does b speak of what the body speaks of: a quarter of its content words,
 * and at least two, found in the body? With no body to compare with, a lone
 * headline is not rejected for want of one. */
static bool shares_with_body(const ex_block *b, body *bd, buf *fold)
{
    const map *body = body_words(bd, fold);
    if (!body->len) return true;
    overlap o = {body, 0, 0};
    each_content_word(b->text, fold, count_shared, &o);
    return o.shared >= EX_MIN_SHARED && (double)o.shared >= EX_MIN_OVERLAP * (double)o.seen;
}

/* Does another line of the header (blocks from..to) repeat line i, alone or
 * at the end of a breadcrumb ("Home / News / Title")? */
static bool repeated(const ex_doc *doc, size_t from, size_t to, size_t i)
{
    ex_span t = doc->b[i].text;
    for (size_t j = from; j < to; j++) {
        ex_span o = doc->b[j].text;
        if (j == i || o.n < t.n || memcmp(o.s + o.n - t.n, t.s, t.n) != 0) continue;
        if (o.n == t.n) return true;
        ex_span head = ex_trim((ex_span){o.s, o.n - t.n}), tok = {0}, last = {0};
        size_t pos = 0;
        while (ex_next_token(head, &pos, &tok)) last = tok;
        if (head.n < o.n - t.n && ex_is_separator_token(last)) return true;
    }
    return false;
}

static bool title_given(ex_doc *doc, size_t first_body, ex_span given)
{
    for (size_t i = 0; i < first_body; i++)
        if (ex_span_eq(doc->b[i].text, given)) { doc->b[i].role = EX_ROLE_TITLE; return true; }
    return false;
}

/* A masthead: a title-cased name of at most three content words ("THE
 * SORREL COURIER", "The Globe Dispatch"). Only a fallback as a title. */
static bool masthead_like(const ex_block *b)
{
    return b->headline && b->alpha_words - b->stops <= 3;
}

/* How good a title candidate is, compared field by field: repetition is the
 * strongest evidence; then not being a masthead; then lying in the last
 * stretch between navigation lines (menus, breadcrumbs) and the body, since
 * mastheads and taglines sit above the navigation; then coming first, since
 * the standfirst follows the headline. */
typedef struct title_rank { bool repeated, plain; size_t segment, index; } title_rank;

static bool outranks(title_rank a, title_rank b)
{
    if (a.repeated != b.repeated) return a.repeated;
    if (a.plain != b.plain) return a.plain;
    if (a.segment != b.segment) return a.segment > b.segment;
    return a.index < b.index;
}

/* Is block i a title candidate? Then fill in its rank. */
static bool candidate(const ex_doc *doc, size_t from, size_t to, size_t i, body *body,
                      buf *fold, title_rank *r)
{
    const ex_block *b = &doc->b[i];
    bool rep = repeated(doc, from, to, i);
    /* A breadcrumb's last step is the headline even when shaped like a label. */
    if (!(title_like(b) || (rep && headline_words(b, EX_TITLE_WORDS) && !b->period_end)))
        return false;
    if (!rep && !shares_with_body(b, body, fold)) return false;
    r->repeated = rep;
    r->plain = !masthead_like(b);
    r->index = i;
    return true;
}

ex_span ex_find_title(ex_doc *doc, size_t first_body, const char *given)
{
    ex_span g = ex_trim((ex_span){given ? given : "", given ? strlen(given) : 0});
    if (g.n) { title_given(doc, first_body, g); return g; }
    body body = {doc, {0}, false};
    buf fold;
    map_init(&body.words);
    buf_init(&fold);
    title_rank best = {0}, r;
    bool found = false;
    size_t segment = 0, from = first_body > EX_HEADER_BLOCKS ? first_body - EX_HEADER_BLOCKS : 0;
    for (size_t i = from; i < first_body; i++) {
        if (ex_navigation(&doc->b[i])) segment++;
        r.segment = segment;
        if (candidate(doc, from, first_body, i, &body, &fold, &r) && (!found || outranks(r, best))) {
            best = r;
            found = true;
        }
    }
    map_free(&body.words);
    buf_free(&fold);
    if (!found) return (ex_span){NULL, 0};
    doc->b[best.index].role = EX_ROLE_TITLE;
    return doc->b[best.index].text;
}

ex_span ex_find_subtitle(ex_doc *doc, size_t first_body)
{
    size_t i = 0;
    while (i < first_body && doc->b[i].role != EX_ROLE_TITLE) i++;
    for (i++; i < first_body && doc->b[i].role == EX_ROLE_BYLINE; i++) {}
    if (i >= first_body || !headline_shape(&doc->b[i], EX_SUBTITLE_WORDS)) return (ex_span){NULL, 0};
    body body = {doc, {0}, false};
    buf fold;
    map_init(&body.words);
    buf_init(&fold);
    bool shares = shares_with_body(&doc->b[i], &body, &fold);
    map_free(&body.words);
    buf_free(&fold);
    if (!shares) return (ex_span){NULL, 0};
    doc->b[i].role = EX_ROLE_SUBTITLE;
    return doc->b[i].text;
}
