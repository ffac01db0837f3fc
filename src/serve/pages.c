/* pages.c: the web page: HTML rendered on the server, working without
 * script, one small style sheet built into the binary; and the Atom feeds.
 *
 *   /                         storylines, newest first (paged)
 *   /stories/ID               an event or storyline: time axis (SVG),
 *                             summary, events, actors, quotes by speaker,
 *                             timeline, articles
 *   /articles/ID              an article: its text, its original and copies
 *                             and what each copy changed
 *   /actors/KEY               an actor: storylines, quotes
 *   /search?q=WORDS           full-text search (paged)
 *   /stories/ID/feed.atom      Atom feeds: a storyline's events, an event's
 *   /actors/KEY/feed.atom      articles, the events naming an actor, the
 *   /search/feed.atom?q=WORDS  events of the newest articles matching a search
 *   /assets/style.css
 *
 * Every string from the database is escaped on its way into the page. The
 * story page is also what 'storyline report' writes, as one file. */
#include "serve.h"
#include "../core/core.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define HTML_TYPE "text/html; charset=utf-8"
#define PAGE_ROWS 20

/* ---- writing HTML ---------------------------------------------------------- */

static void esc(buf *b, const char *s)
{
    for (const char *p = s ? s : ""; *p; p++) {
        switch (*p) {
        case '&': buf_puts(b, "&amp;"); break;
        case '<': buf_puts(b, "&lt;"); break;
        case '>': buf_puts(b, "&gt;"); break;
        case '"': buf_puts(b, "&quot;"); break;
        case '\'': buf_puts(b, "&#39;"); break;
        default: buf_putc(b, *p);
        }
    }
}

void sv_urlesc(struct buf *b, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || strchr("-_.~", *p))
            buf_putc(b, (char)*p);
        else {
            buf_putc(b, '%');
            buf_putc(b, hex[*p >> 4]);
            buf_putc(b, hex[*p & 15]);
        }
    }
}

/* printf into the page, with %s arguments escaped: the format itself is
 * markup, every string argument is text. Only %s, %d, %ld, %zu, %%. */
static void h(buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    for (const char *p = fmt; *p; p++) {
        if (*p != '%') { buf_putc(b, *p); continue; }
        p++;
        if (*p == 's') esc(b, va_arg(ap, const char *));
        else if (*p == 'u') sv_urlesc(b, va_arg(ap, const char *));   /* %u: a URL part */
        else if (*p == 'd') buf_printf(b, "%d", va_arg(ap, int));
        else if (*p == 'l' && p[1] == 'd') { buf_printf(b, "%ld", va_arg(ap, long)); p++; }
        else if (*p == 'z' && p[1] == 'u') { buf_printf(b, "%zu", va_arg(ap, size_t)); p++; }
        else if (*p == '%') buf_putc(b, '%');
        else if (!*p) break;
    }
    va_end(ap);
}

typedef struct page_opts {
    bool        standalone;   /* one file (report): style inline, no links to the server */
    const char *feed;         /* the page's Atom feed (a path), or NULL */
} page_opts;

static void page_start(buf *b, const char *title, const page_opts *o)
{
    h(b, "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>%s</title>", title);
    if (o->standalone) {
        buf_puts(b, "<style>");
        buf_puts(b, sv_style_css);
        buf_puts(b, "</style>");
    } else {
        buf_puts(b, "<link rel=\"stylesheet\" href=\"/assets/style.css\">");
    }
    if (o->feed) h(b, "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"%s\" title=\"%s\">", o->feed, title);
    buf_puts(b, "</head><body>");
    if (!o->standalone)
        buf_puts(b, "<header class=\"top\"><a class=\"home\" href=\"/\">storyline</a>"
                    "<form action=\"/search\" method=\"get\" role=\"search\"><input type=\"search\" name=\"q\" "
                    "placeholder=\"Search articles\" aria-label=\"Search articles\"><button>Search</button></form>"
                    "</header>");
    buf_puts(b, "<main>");
}

static void page_end(buf *b) { buf_puts(b, "</main></body></html>\n"); }

static void span_text(buf *b, const char *first, const char *last)
{
    if (!first) h(b, "undated");
    else if (!last || !strcmp(first, last)) h(b, "%s", first);
    else h(b, "%s – %s", first, last);
}

/* A link to a page of the server, or (standalone) the text alone. */
static void link_to(buf *b, const page_opts *o, const char *prefix, const char *id, const char *text)
{
    if (o->standalone) { h(b, "%s", text); return; }
    h(b, "<a href=\"%s%u\">%s</a>", prefix, id, text);
}

/* ---- the time axis ---------------------------------------------------------- */

#define AX_W 760
#define AX_H 130
#define AX_BARS 120   /* at most this many bars: days, or weeks, or longer */

typedef struct bin {
    int   n;
    char  outlets[160];
} bin;

static void add_outlet(bin *x, const char *src)
{
    if (!src || !*src || strstr(x->outlets, src)) return;
    size_t used = strlen(x->outlets);
    if (used + strlen(src) + 3 >= sizeof x->outlets) return;
    if (used) strcat(x->outlets, ", ");
    strcat(x->outlets, src);
}

static int32_t iso_day(const char *s) { return s && strlen(s) >= 10 ? day_parse_iso(s, 10) : DAY_NONE; }

/* Articles per day (or per week, month: at most AX_BARS bars) as bars,
 * events as bands behind them; hovering tells dates, counts and outlets. */
static void time_axis(buf *b, const sl_story *s)
{
    int32_t d0 = INT32_MAX, d1 = INT32_MIN;
    for (size_t i = 0; i < s->n_articles; i++) {
        int32_t d = iso_day(s->articles[i].published);
        if (d == DAY_NONE) continue;
        if (d < d0) d0 = d;
        if (d > d1) d1 = d;
    }
    for (size_t i = 0; i < s->n_events; i++) {
        int32_t f = iso_day(s->events[i].first), l = iso_day(s->events[i].last);
        if (f != DAY_NONE && f < d0) d0 = f;
        if (l != DAY_NONE && l > d1) d1 = l;
    }
    if (d0 > d1) { h(b, "<p class=\"meta\">No dated articles: no time axis.</p>"); return; }
    int32_t days = d1 - d0 + 1;
    int32_t width = (days + AX_BARS - 1) / AX_BARS;   /* days per bar */
    int32_t nbins = (days + width - 1) / width;
    bin *bins = xcalloc((size_t)nbins, sizeof *bins);
    int maxn = 1;
    for (size_t i = 0; i < s->n_articles; i++) {
        int32_t d = iso_day(s->articles[i].published);
        if (d == DAY_NONE) continue;
        bin *x = &bins[(d - d0) / width];
        x->n++;
        add_outlet(x, s->articles[i].source);
        if (x->n > maxn) maxn = x->n;
    }
    const double left = 4, plot_w = AX_W - 8, top = 8, plot_h = AX_H - 30;
    double bw = plot_w / nbins;
    buf_printf(b, "<svg class=\"axis\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"articles per %s\">", AX_W, AX_H,
               width == 1 ? "day" : "period");
    /* events as bands */
    const sl_event_row one = {s->id, s->storyline, s->headline, s->first, s->last, s->size};
    const sl_event_row *ev = s->n_events ? s->events : &one;
    size_t nev = s->n_events ? s->n_events : 1;
    for (size_t i = 0; i < nev; i++) {
        int32_t f = iso_day(ev[i].first), l = iso_day(ev[i].last);
        if (f == DAY_NONE) continue;
        if (l == DAY_NONE) l = f;
        double x0 = left + (double)(f - d0) / width * bw, x1 = left + (double)(l - d0 + 1) / width * bw;
        if (x1 - x0 < 3) x1 = x0 + 3;
        buf_printf(b, "<rect class=\"band%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"><title>",
                   i % 2 ? " alt" : "", x0, top, x1 - x0, plot_h);
        h(b, "%s: ", ev[i].id);
        span_text(b, ev[i].first, ev[i].last);
        h(b, ", %ld articles — %s</title></rect>", ev[i].size, ev[i].headline ? ev[i].headline : "");
    }
    char da[11], db_[11];
    for (int32_t i = 0; i < nbins; i++) {
        if (!bins[i].n) continue;
        double bh = plot_h * bins[i].n / maxn;
        buf_printf(b, "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"><title>",
                   left + i * bw + bw * 0.1, top + plot_h - bh, bw * 0.8 > 1 ? bw * 0.8 : 1, bh);
        day_format(d0 + i * width, da);
        day_format(d0 + i * width + width - 1, db_);
        if (width == 1) h(b, "%s", da);
        else h(b, "%s – %s", da, db_);
        h(b, ": %d article%s — %s</title></rect>", bins[i].n, bins[i].n == 1 ? "" : "s", bins[i].outlets);
    }
    day_format(d0, da);
    day_format(d1, db_);
    buf_printf(b, "<line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\" stroke=\"#9aa4ae\"/>", left, top + plot_h,
               left + plot_w, top + plot_h);
    buf_printf(b, "<text x=\"%.0f\" y=\"%d\">%s</text><text x=\"%.0f\" y=\"%d\" text-anchor=\"end\">%s</text>", left,
               AX_H - 6, da, left + plot_w, AX_H - 6, db_);
    buf_printf(b, "<text x=\"%.0f\" y=\"%d\" text-anchor=\"middle\">%s, most %d</text>", left + plot_w / 2, AX_H - 6,
               width == 1 ? "articles per day" : width == 7 ? "articles per week" : "articles per period", maxn);
    buf_puts(b, "</svg>");
    free(bins);
}

/* ---- the story page ------------------------------------------------------------- */

static void quotes_by_speaker(buf *b, const sl_story *s, const page_opts *o)
{
    if (!s->n_quotes) return;
    h(b, "<h2 id=\"quotes\">Quotes</h2>");
    if (s->n_quotes < s->total_quotes) h(b, "<p class=\"meta\">The newest %zu of %zu.</p>", s->n_quotes, s->total_quotes);
    /* speakers in the order they first speak, each with all their quotes in
     * order: a counting sort over groups, so that thousands of quotes cost
     * one pass, not one pass a speaker */
    size_t n = s->n_quotes, groups = 0;
    size_t *group = xcalloc(n, sizeof *group), *start = xcalloc(n + 1, sizeof *start), *order = xcalloc(n, sizeof *order);
    map seen;
    map_init(&seen);
    for (size_t i = 0; i < n; i++) {
        const char *who = s->quotes[i].speaker;
        bool created;
        uint64_t *slot = map_put(&seen, who ? who : "", who ? strlen(who) : 0, &created);
        if (created) *slot = groups++;
        group[i] = (size_t)*slot;
        start[group[i] + 1]++;
    }
    map_free(&seen);
    for (size_t g = 0; g < groups; g++) start[g + 1] += start[g];
    for (size_t i = 0; i < n; i++) order[start[group[i]]++] = i;   /* start[g] ends as group g's end */
    for (size_t k = 0; k < n; k++) {
        const sl_quote *q = &s->quotes[order[k]];
        if (k == 0 || group[order[k - 1]] != group[order[k]]) {
            h(b, "<div class=\"speaker\">");
            if (q->speaker && q->speaker_key) link_to(b, o, "/actors/", q->speaker_key, q->speaker);
            else h(b, "%s", q->speaker ? q->speaker : "Unattributed");
            h(b, "</div>");
        }
        if (!strcmp(q->kind, "direct")) h(b, "<blockquote>“%s”", q->text);
        else h(b, "<blockquote>%s", q->text);
        h(b, "<span class=\"src\">");
        if (!q->speaker && q->speaker_text) h(b, "%s, ", q->speaker_text);   /* who the text says spoke */
        link_to(b, o, "/articles/", q->article, q->article);
        h(b, "%s</span></blockquote>", strcmp(q->kind, "direct") ? " (reported)" : "");
    }
    free(group);
    free(start);
    free(order);
}

void sv_story_html(struct buf *b, const sl_story *s, bool standalone)
{
    char feed[96];
    snprintf(feed, sizeof feed, "/stories/%s/feed.atom", s->id);
    page_opts o = {standalone, standalone ? NULL : feed};
    page_start(b, s->headline ? s->headline : s->id, &o);
    h(b, "<p class=\"meta\">%s %s · ", !strcmp(s->kind, "event") ? "Event" : "Storyline", s->id);
    span_text(b, s->first, s->last);
    h(b, " · %ld article%s", s->size, s->size == 1 ? "" : "s");
    if (s->n_events) h(b, " · %zu event%s", s->total_events, s->total_events == 1 ? "" : "s");
    if (s->storyline) {
        h(b, " · in storyline ");
        link_to(b, &o, "/stories/", s->storyline, s->storyline);
    }
    if (!standalone) h(b, " · <a href=\"%s\">Atom feed</a>", feed);
    h(b, "</p><h1>%s</h1>", s->headline ? s->headline : "(no headline)");
    time_axis(b, s);
    if (s->n_summary) {
        h(b, "<h2 id=\"summary\">Summary</h2><ul class=\"summary\">");
        for (size_t i = 0; i < s->n_summary; i++) h(b, "<li>%s</li>", s->summary[i]);
        h(b, "</ul>");
    }
    if (s->n_events) {
        h(b, "<h2 id=\"events\">Events</h2>");
        if (s->n_events < s->total_events) h(b, "<p class=\"meta\">The newest %zu of %zu.</p>", s->n_events, s->total_events);
        h(b, "<ul class=\"plain\">");
        for (size_t i = s->n_events; i-- > 0;) {   /* newest first */
            const sl_event_row *e = &s->events[i];
            h(b, "<li><span class=\"story-title\">");
            link_to(b, &o, "/stories/", e->id, e->headline ? e->headline : e->id);
            h(b, "</span><br><span class=\"meta\">%s · ", e->id);
            span_text(b, e->first, e->last);
            h(b, " · %ld article%s</span></li>", e->size, e->size == 1 ? "" : "s");
        }
        h(b, "</ul>");
    }
    if (s->n_actors) {
        h(b, "<h2 id=\"actors\">Actors</h2><ul class=\"actors\">");
        for (size_t i = 0; i < s->n_actors && i < 25; i++) {
            const sl_actor *a = &s->actors[i];
            h(b, "<li>");
            link_to(b, &o, "/actors/", a->key, a->name);
            h(b, " <span class=\"role\">%s", a->type);
            for (size_t k = 0; k < a->n_roles && k < 3; k++) h(b, "; %s", a->roles[k]);
            h(b, "; %ld mention%s</span></li>", a->mentions, a->mentions == 1 ? "" : "s");
        }
        h(b, "</ul>");
    }
    quotes_by_speaker(b, s, &o);
    if (s->n_timeline) {
        h(b, "<h2 id=\"timeline\">Timeline</h2><table><tbody>");
        for (size_t i = 0; i < s->n_timeline; i++) {
            const sl_timeline_entry *t = &s->timeline[i];
            h(b, "<tr><td class=\"date\">%s</td><td>%s <span class=\"copy\">", t->date, t->text);
            link_to(b, &o, "/articles/", t->article, t->article);
            h(b, "</span></td></tr>");
        }
        h(b, "</tbody></table>");
    }
    h(b, "<h2 id=\"articles\">Articles</h2>");
    if ((long)s->n_articles < s->size) h(b, "<p class=\"meta\">The newest %zu of %ld.</p>", s->n_articles, s->size);
    h(b, "<table><thead><tr><th>Date</th><th>Outlet</th><th>Title</th>%s</tr></thead><tbody>",
      s->n_events ? "<th class=\"hide-narrow\">Event</th>" : "");
    for (size_t i = s->n_articles; i-- > 0;) {   /* newest first */
        const sl_story_article *a = &s->articles[i];
        h(b, "<tr><td class=\"date\">%s</td><td>%s</td><td>", a->published ? a->published : "undated",
          a->source ? a->source : "");
        if (standalone && a->url) h(b, "<a href=\"%s\">%s</a>", a->url, a->title ? a->title : a->id);
        else link_to(b, &o, "/articles/", a->id, a->title ? a->title : a->id);
        if (a->duplicate_of) h(b, " <span class=\"copy\">copy of %s</span>", a->duplicate_of);
        h(b, "</td>");
        if (s->n_events) h(b, "<td class=\"hide-narrow\">%s</td>", a->event);
        h(b, "</tr>");
    }
    h(b, "</tbody></table>");
    page_end(b);
}

/* ---- the article page ------------------------------------------------------------ */

typedef struct art {
    char *id, *title, *source, *published, *url, *byline, *dateline, *event, *storyline, *duplicate_of, *text;
    char *removed;
} art;

static char *dup_or_null(const char *s) { return s ? xstrdup(s) : NULL; }

static int take_art(const sl_article_row *a, void *ctx)
{
    art *x = ctx;
    *x = (art){dup_or_null(a->id), dup_or_null(a->title), dup_or_null(a->source), dup_or_null(a->published),
               dup_or_null(a->url), dup_or_null(a->byline), dup_or_null(a->dateline), dup_or_null(a->event),
               dup_or_null(a->storyline), dup_or_null(a->duplicate_of), dup_or_null(a->text),
               dup_or_null(a->removed)};
    return 1;
}

static void art_free(art *x)
{
    free(x->id); free(x->title); free(x->source); free(x->published); free(x->url); free(x->byline);
    free(x->dateline); free(x->event); free(x->storyline); free(x->duplicate_of); free(x->text); free(x->removed);
    memset(x, 0, sizeof *x);
}

typedef VEC(art) arts;

static int add_art(const sl_article_row *a, void *ctx)
{
    art x;
    take_art(a, &x);
    VEC_PUSH(*(arts *)ctx, x);
    return 0;
}

/* The paragraphs of a text (joined by blank lines), as pointers into a
 * copy of it. */
typedef VEC(const char *) paras;
static char *split_paras(const char *text, paras *out)
{
    char *t = xstrdup(text ? text : "");
    for (char *p = t; p && *p;) {
        char *end = strstr(p, "\n\n");
        if (end) *end = 0;
        if (*p) VEC_PUSH(*out, p);
        p = end ? end + 2 : NULL;
    }
    return t;
}

static bool holds(const paras *v, const char *p)
{
    for (size_t i = 0; i < v->n; i++) if (!strcmp(v->v[i], p)) return true;
    return false;
}

/* What a copy changed against the original, paragraph by paragraph. */
static void changes(buf *b, const char *orig, const char *copy)
{
    paras po = {0}, pc = {0};
    char *to = split_paras(orig, &po), *tc = split_paras(copy, &pc);
    size_t added = 0, dropped = 0;
    for (size_t i = 0; i < pc.n; i++) added += !holds(&po, pc.v[i]);
    for (size_t i = 0; i < po.n; i++) dropped += !holds(&pc, po.v[i]);
    if (!added && !dropped) h(b, "the same text");
    else {
        h(b, "<details class=\"changes\"><summary>%zu paragraph%s changed or added, %zu dropped</summary>", added,
          added == 1 ? "" : "s", dropped);
        for (size_t i = 0; i < po.n; i++) if (!holds(&pc, po.v[i])) h(b, "<p><del>%s</del></p>", po.v[i]);
        for (size_t i = 0; i < pc.n; i++) if (!holds(&po, pc.v[i])) h(b, "<p><ins>%s</ins></p>", pc.v[i]);
        h(b, "</details>");
    }
    free(to);
    free(tc);
    VEC_FREE(po);
    VEC_FREE(pc);
}

static void copy_row(buf *b, const art *x, const art *orig, bool first, bool is_orig)
{
    h(b, "<tr><td class=\"date\">%s</td><td>%s", x->published ? x->published : "undated", x->source ? x->source : "");
    if (first) h(b, " <strong>(first)</strong>");
    h(b, "</td><td><a href=\"/articles/%u\">%s</a></td><td>", x->id, x->title ? x->title : x->id);
    if (is_orig) h(b, "the original");
    else changes(b, orig->text, x->text);
    h(b, "</td></tr>");
}

static sl_status article_page(buf *b, sl_engine *e, const char *id)
{
    art a = {0}, o = {0};
    arts copies = {0};
    sl_status st = sl_article_get(e, id, take_art, &a);
    const char *oid = st == SL_OK && a.duplicate_of ? a.duplicate_of : id;
    if (st == SL_OK && a.duplicate_of && (st = sl_article_get(e, a.duplicate_of, take_art, &o)) == SL_ENOTFOUND) st = SL_OK;
    if (st == SL_OK) st = sl_copies_each(e, oid, add_art, &copies);
    if (st != SL_OK) { art_free(&a); art_free(&o); goto done; }
    const art *orig = a.duplicate_of ? (o.id ? &o : NULL) : &a;
    page_opts po = {0};
    page_start(b, a.title ? a.title : a.id, &po);
    h(b, "<p class=\"meta\">%s · %s", a.source ? a.source : "unknown outlet", a.published ? a.published : "undated");
    h(b, " · event <a href=\"/stories/%u\">%s</a> · storyline <a href=\"/stories/%u\">%s</a>", a.event, a.event,
      a.storyline, a.storyline);
    if (a.url) h(b, " · <a href=\"%s\" rel=\"noopener noreferrer\">original page</a>", a.url);
    h(b, "</p><h1>%s</h1>", a.title ? a.title : "(no title)");
    if (a.byline || a.dateline)
        h(b, "<p class=\"meta\">%s%s%s</p>", a.byline ? a.byline : "", a.byline && a.dateline ? " · " : "",
          a.dateline ? a.dateline : "");
    if (a.duplicate_of) h(b, "<p class=\"meta\">A copy of <a href=\"/articles/%u\">%s</a>.</p>", a.duplicate_of,
                          orig && orig->title ? orig->title : a.duplicate_of);
    h(b, "<div class=\"beside\"><div class=\"text\">");
    paras ps = {0};
    char *t = split_paras(a.text, &ps);
    for (size_t i = 0; i < ps.n; i++) h(b, "<p>%s</p>", ps.v[i]);
    free(t);
    VEC_FREE(ps);
    h(b, "</div>");
    /* beside the text, what extraction took out of the page */
    if (!a.removed) h(b, "<p class=\"meta\">Stored before storyline kept what extraction removed.</p>");
    else if (!*a.removed) h(b, "<p class=\"meta\">Extraction removed nothing from this page.</p>");
    else {
        size_t lines = 0;
        for (const char *p = a.removed; *p; p++) lines += *p == '\n';
        h(b, "<details class=\"removed\" id=\"removed\" open><summary>What extraction removed (%zu line%s)</summary>"
             "<ul>", lines, lines == 1 ? "" : "s");
        char *save = NULL;
        for (char *line = strtok_r(a.removed, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
            h(b, "<li>%s</li>", line);
        h(b, "</ul></details>");
    }
    h(b, "</div>");
    if (copies.n && orig) {
        /* who published first: the earliest date, the original on a tie */
        const char *first = orig->published;
        for (size_t i = 0; i < copies.n; i++)
            if (copies.v[i].published && (!first || strcmp(copies.v[i].published, first) < 0)) first = copies.v[i].published;
        h(b, "<h2 id=\"copies\">Syndicated copies</h2><table><thead><tr><th>Date</th><th>Outlet</th><th>Title</th>"
             "<th>What changed</th></tr></thead><tbody>");
        bool marked = false;
        bool f = first && orig->published && !strcmp(first, orig->published);
        copy_row(b, orig, orig, f, true);
        marked = f;
        for (size_t i = 0; i < copies.n; i++) {
            f = !marked && first && copies.v[i].published && !strcmp(first, copies.v[i].published);
            marked |= f;
            copy_row(b, &copies.v[i], orig, f, false);
        }
        h(b, "</tbody></table>");
    }
    page_end(b);
    art_free(&a);
    art_free(&o);
done:
    for (size_t i = 0; i < copies.n; i++) art_free(&copies.v[i]);
    VEC_FREE(copies);
    return st;
}

/* ---- the actor page ----------------------------------------------------------------- */

static void actor_page(buf *b, const sl_actor_page *p)
{
    char feed[512];
    buf f;
    buf_init(&f);
    buf_puts(&f, "/actors/");
    sv_urlesc(&f, p->actor.key);
    buf_puts(&f, "/feed.atom");
    snprintf(feed, sizeof feed, "%s", f.data);
    buf_free(&f);
    page_opts o = {false, feed};
    page_start(b, p->actor.name, &o);
    h(b, "<p class=\"meta\">%s · %ld mention%s in %ld article%s · <a href=\"%s\">Atom feed</a></p><h1>%s</h1>",
      p->actor.type, p->actor.mentions, p->actor.mentions == 1 ? "" : "s", p->articles, p->articles == 1 ? "" : "s",
      feed, p->actor.name);
    if (p->actor.n_roles) {
        h(b, "<p>");
        for (size_t i = 0; i < p->actor.n_roles; i++) h(b, "%s%s", i ? "; " : "", p->actor.roles[i]);
        h(b, "</p>");
    }
    if (p->actor.n_aliases) {
        h(b, "<p class=\"meta\">Also written: ");
        for (size_t i = 0; i < p->actor.n_aliases; i++) h(b, "%s%s", i ? ", " : "", p->actor.aliases[i]);
        h(b, "</p>");
    }
    h(b, "<h2 id=\"storylines\">Storylines</h2><ul class=\"plain\">");
    for (size_t i = 0; i < p->n_storylines; i++) {
        const sl_actor_story *s = &p->storylines[i];
        h(b, "<li><span class=\"story-title\"><a href=\"/stories/%u\">%s</a></span><br><span class=\"meta\">", s->id,
          s->headline ? s->headline : s->id);
        span_text(b, s->first, s->last);
        h(b, " · named in %ld article%s</span></li>", s->articles, s->articles == 1 ? "" : "s");
    }
    h(b, "</ul>");
    if (p->n_quotes) {
        h(b, "<h2 id=\"quotes\">Quotes</h2>");
        for (size_t i = 0; i < p->n_quotes; i++) {
            const sl_quote *q = &p->quotes[i];
            h(b, strcmp(q->kind, "direct") ? "<blockquote>%s" : "<blockquote>“%s”", q->text);
            h(b, "<span class=\"src\"><a href=\"/articles/%u\">%s</a></span></blockquote>", q->article, q->article);
        }
    }
    page_end(b);
}

/* ---- the list of storylines, and search --------------------------------------------- */

static int index_row(const sl_storyline_row *s, void *ctx)
{
    buf *b = ctx;
    h(b, "<li><span class=\"story-title\"><a href=\"/stories/%u\">%s</a></span><br><span class=\"meta\">", s->id,
      s->headline ? s->headline : "(no headline)");
    span_text(b, s->first, s->last);
    h(b, " · %ld article%s · %zu event%s</span>", s->size, s->size == 1 ? "" : "s", s->total_events,
      s->total_events == 1 ? "" : "s");
    if (s->n_events > 1) {
        h(b, "<ul class=\"events\">");
        for (size_t i = 0; i < s->n_events && i < 3; i++) {
            const sl_event_row *e = &s->events[i];
            h(b, "<li><a href=\"/stories/%u\">%s</a> <span class=\"meta\">", e->id, e->headline ? e->headline : e->id);
            span_text(b, e->first, e->last);
            h(b, "</span></li>");
        }
        h(b, "</ul>");
    }
    h(b, "</li>");
    return 0;
}

static sl_status index_page(buf *b, sl_engine *e, const char *cursor)
{
    page_opts o = {0};
    sl_page_query q = {NULL, NULL, cursor, PAGE_ROWS};
    char next[SL_CURSOR_MAX];
    buf rows;
    buf_init(&rows);
    sl_status st = sl_storylines_page(e, &q, index_row, &rows, next);
    if (st == SL_OK) {
        page_start(b, "storyline: storylines", &o);
        h(b, "<h1>Storylines</h1><p class=\"meta\">Newest first.</p><ul class=\"plain\">");
        buf_append(b, rows.data ? rows.data : "", rows.len);
        h(b, "</ul>");
        if (!rows.len) h(b, "<p>No storylines yet: ingest some articles.</p>");
        if (*next) h(b, "<p class=\"pager\"><a rel=\"next\" href=\"/?cursor=%u\">Older storylines</a></p>", next);
        page_end(b);
    }
    buf_free(&rows);
    return st;
}

typedef struct hits_ctx {
    buf *b;
    long n;
} hits_ctx;

static int search_row(const sl_hit *x, void *ctx)
{
    hits_ctx *c = ctx;
    if (++c->n > PAGE_ROWS) return 1;   /* the extra hit only tells that a next page exists */
    h(c->b, "<li><span class=\"story-title\"><a href=\"/articles/%u\">%s</a></span><br><span class=\"meta\">%s · %s"
            " · <a href=\"/stories/%u\">%s</a></span><div class=\"snippet\">",
      x->id, x->title ? x->title : x->id, x->source ? x->source : "", x->published ? x->published : "undated",
      x->event, x->event);
    /* the snippet: text escaped, matches marked */
    for (const char *p = x->snippet ? x->snippet : ""; *p; p++) {
        if (*p == SL_MARK_START) buf_puts(c->b, "<mark>");
        else if (*p == SL_MARK_END) buf_puts(c->b, "</mark>");
        else {
            char one[2] = {*p, 0};
            esc(c->b, one);
        }
    }
    h(c->b, "</div></li>");
    return 0;
}

static sl_status search_page(buf *b, sl_engine *e, const char *q, const char *cursor)
{
    long offset = cursor ? strtol(cursor, NULL, 10) : 0;
    if (offset < 0 || offset > 1000000) offset = 0;
    buf rows;
    buf_init(&rows);
    hits_ctx c = {&rows, 0};
    sl_status st = q && *q ? sl_search(e, q, offset, PAGE_ROWS + 1, SL_SEARCH_BEST, search_row, &c) : SL_OK;
    if (st != SL_OK && st != SL_EUSAGE) { buf_free(&rows); return st; }
    buf feed;
    buf_init(&feed);
    buf_puts(&feed, "/search/feed.atom?q=");
    sv_urlesc(&feed, q);
    page_opts o = {false, q && *q ? feed.data : NULL};
    page_start(b, q && *q ? q : "Search", &o);
    h(b, "<h1>Search</h1><form action=\"/search\" method=\"get\"><input type=\"search\" name=\"q\" value=\"%s\" "
         "aria-label=\"Search\"> <button>Search</button></form>", q ? q : "");
    if (st == SL_EUSAGE) h(b, "<p>That search cannot be read: %s</p>", sl_errmsg(e));
    else if (q && *q) {
        h(b, "<p class=\"meta\">Words, \"a phrase\", OR, NOT, prefix*. Best matches first. "
             "<a href=\"%s\">Atom feed of new matches</a></p><ul class=\"plain\">", feed.data);
        buf_append(b, rows.data ? rows.data : "", rows.len);
        h(b, "</ul>");
        if (!c.n) h(b, "<p>No article matches.</p>");
        if (c.n > PAGE_ROWS) {
            char next[32];
            snprintf(next, sizeof next, "%ld", offset + PAGE_ROWS);
            h(b, "<p class=\"pager\"><a rel=\"next\" href=\"/search?q=%u&amp;cursor=%s\">More</a></p>", q, next);
        }
    }
    page_end(b);
    buf_free(&feed);
    buf_free(&rows);
    return SL_OK;
}

/* ---- Atom feeds ------------------------------------------------------------------------ */

typedef struct feed {
    buf         entries;
    char        updated[32];   /* the newest entry's, ISO 8601 */
    const char *base;          /* http://host */
} feed;

static void feed_entry(feed *f, const char *title, const char *path, const char *day, const char *summary)
{
    char when[32];
    snprintf(when, sizeof when, "%sT00:00:00Z", day && strlen(day) == 10 ? day : "1970-01-01");
    if (strcmp(when, f->updated) > 0) snprintf(f->updated, sizeof f->updated, "%s", when);
    h(&f->entries, "<entry><title>%s</title><id>%s%s</id><link href=\"%s%s\"/><updated>%s</updated>",
      title ? title : path, f->base, path, f->base, path, when);
    if (summary) h(&f->entries, "<summary>%s</summary>", summary);
    h(&f->entries, "</entry>\n");
}

static void feed_finish(buf *b, feed *f, const char *title, const char *page, const char *self)
{
    if (!*f->updated) snprintf(f->updated, sizeof f->updated, "1970-01-01T00:00:00Z");
    h(b, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"
         "<title>%s</title><id>%s%s</id><link rel=\"self\" href=\"%s%s\"/><link href=\"%s%s\"/>"
         "<updated>%s</updated><author><name>storyline</name></author><generator>storyline</generator>\n",
      title, f->base, page, f->base, self, f->base, page, f->updated);
    buf_append(b, f->entries.data ? f->entries.data : "", f->entries.len);
    buf_puts(b, "</feed>\n");
    buf_free(&f->entries);
}

static void path_of(char *out, size_t n, const char *prefix, const char *id)
{
    buf p;
    buf_init(&p);
    buf_puts(&p, prefix);
    sv_urlesc(&p, id);
    snprintf(out, n, "%s", p.data);
    buf_free(&p);
}

/* A storyline's feed: its events, newest first; an event's: its articles. */
static void story_feed(buf *b, const sl_story *s, const char *base)
{
    feed f = {.base = base};
    buf_init(&f.entries);
    char path[256], sum[160];
    for (size_t i = s->n_events; i-- > 0;) {
        const sl_event_row *e = &s->events[i];
        path_of(path, sizeof path, "/stories/", e->id);
        snprintf(sum, sizeof sum, "%ld article%s, %s to %s", e->size, e->size == 1 ? "" : "s",
                 e->first ? e->first : "undated", e->last ? e->last : "undated");
        feed_entry(&f, e->headline, path, e->last ? e->last : e->first, sum);
    }
    for (size_t i = s->n_events ? 0 : s->n_articles; i-- > 0;) {
        const sl_story_article *a = &s->articles[i];
        path_of(path, sizeof path, "/articles/", a->id);
        feed_entry(&f, a->title, path, a->published, a->source);
    }
    char page[128], self[160];
    path_of(page, sizeof page, "/stories/", s->id);
    snprintf(self, sizeof self, "%s/feed.atom", page);
    feed_finish(b, &f, s->headline ? s->headline : s->id, page, self);
}

/* An actor's feed: the events that name it, newest first. */
static void actor_feed(buf *b, const sl_actor_page *p, const char *base)
{
    feed f = {.base = base};
    buf_init(&f.entries);
    char path[256], sum[160];
    for (size_t i = 0; i < p->n_events; i++) {
        const sl_actor_story *s = &p->events[i];
        path_of(path, sizeof path, "/stories/", s->id);
        snprintf(sum, sizeof sum, "%s named in %ld article%s of it", p->actor.name, s->articles,
                 s->articles == 1 ? "" : "s");
        feed_entry(&f, s->headline, path, s->last ? s->last : s->first, sum);
    }
    char page[512], self[560];
    path_of(page, sizeof page, "/actors/", p->actor.key);
    snprintf(self, sizeof self, "%s/feed.atom", page);
    feed_finish(b, &f, p->actor.name, page, self);
}

/* The events of a saved search, in the order their newest matching
 * article comes, each once. */
#define FEED_EVENTS 50
typedef struct search_events {
    feed  *f;
    char   seen[FEED_EVENTS][32];
    size_t n;
} search_events;

static int feed_hit(const sl_hit *x, void *ctx)
{
    search_events *se = ctx;
    for (size_t i = 0; i < se->n; i++) if (!strcmp(se->seen[i], x->event)) return 0;
    snprintf(se->seen[se->n++], sizeof se->seen[0], "%s", x->event);
    char path[256], sum[600];
    path_of(path, sizeof path, "/stories/", x->event);
    snprintf(sum, sizeof sum, "Newest match: %s (%s, %s)", x->title ? x->title : x->id, x->source ? x->source : "",
             x->published ? x->published : "undated");
    feed_entry(se->f, x->title, path, x->published, sum);
    return se->n == FEED_EVENTS;
}

/* A saved search: the events of the newest articles that match, each
 * once, newest first. */
static sl_status search_feed(buf *b, sl_engine *e, const char *q, const char *base)
{
    feed f = {.base = base};
    buf_init(&f.entries);
    search_events se = {.f = &f};
    sl_status st = sl_search(e, q, 0, SL_PAGE_MAX, SL_SEARCH_NEWEST, feed_hit, &se);
    if (st != SL_OK) { buf_free(&f.entries); return st; }
    buf page, self;
    buf_init(&page);
    buf_init(&self);
    buf_puts(&page, "/search?q=");
    sv_urlesc(&page, q);
    buf_puts(&self, "/search/feed.atom?q=");
    sv_urlesc(&self, q);
    char title[300];
    snprintf(title, sizeof title, "storyline: %s", q);
    feed_finish(b, &f, title, page.data, self.data);
    buf_free(&page);
    buf_free(&self);
    return SL_OK;
}

/* ---- routing ------------------------------------------------------------------------ */

static void html_error(sv_reply *out, int status, const char *msg)
{
    buf b;
    buf_init(&b);
    page_opts o = {0};
    page_start(&b, "storyline: not found", &o);
    h(&b, "<h1>%s</h1><p>%s</p><p><a href=\"/\">All storylines</a></p>",
      status == 404 ? "Not found" : status == 405 ? "Not allowed" : status >= 500 ? "Server error" : "Bad request", msg);
    page_end(&b);
    out->status = status;
    out->type = HTML_TYPE;
    out->len = b.len;
    out->body = buf_detach(&b);
}

static void engine_error(sv_reply *out, sl_engine *e, sl_status st)
{
    html_error(out, st == SL_ENOTFOUND ? 404 : st == SL_EUSAGE ? 400 : 500, sl_errmsg(e));
}

static const char *after(const char *path, const char *prefix)
{
    size_t n = strlen(prefix);
    return strncmp(path, prefix, n) ? NULL : path + n;
}

/* "ID" of "ID/suffix" into out, if rest is that; else false. */
static bool id_then(const char *rest, const char *suffix, char *out, size_t n)
{
    size_t k = strlen(rest), s = strlen(suffix);
    if (k <= s || strcmp(rest + k - s, suffix) || k - s >= n) return false;
    memcpy(out, rest, k - s);
    out[k - s] = 0;
    return !strchr(out, '/');
}

void sv_page_handle(sl_engine *e, const sv_request *r, sv_reply *out)
{
    memset(out, 0, sizeof *out);
    const char *p = r->path, *rest;
    if (strcmp(r->method, "GET") && strcmp(r->method, "HEAD")) {
        out->allow = "GET, HEAD";
        html_error(out, 405, "The web page is only read.");
        return;
    }
    char base[300];
    snprintf(base, sizeof base, "http://%s", r->host && *r->host && !strpbrk(r->host, "<>\"' ") ? r->host : "localhost");
    const char *q = r->arg ? r->arg(r->arg_ctx, "q") : NULL;
    const char *cursor = r->arg ? r->arg(r->arg_ctx, "cursor") : NULL;
    buf b;
    buf_init(&b);
    sl_status st = SL_OK;
    const char *type = HTML_TYPE;
    char id[256];
    if (!strcmp(p, "/assets/style.css")) {
        buf_puts(&b, sv_style_css);
        type = "text/css; charset=utf-8";
    } else if (!strcmp(p, "/")) {
        st = index_page(&b, e, cursor);
    } else if (!strcmp(p, "/search")) {
        st = search_page(&b, e, q, cursor);
    } else if (!strcmp(p, "/search/feed.atom")) {
        if (!q || !*q) { html_error(out, 400, "A feed of a search needs its words: /search/feed.atom?q=WORDS"); buf_free(&b); return; }
        st = search_feed(&b, e, q, base);
        type = "application/atom+xml; charset=utf-8";
    } else if ((rest = after(p, "/stories/")) || (rest = after(p, "/actors/"))) {
        bool actor = p[1] == 'a', is_feed = id_then(rest, "/feed.atom", id, sizeof id);
        if (!is_feed) {
            if (!*rest || strchr(rest, '/') || strlen(rest) >= sizeof id) { html_error(out, 404, "No such page."); buf_free(&b); return; }
            snprintf(id, sizeof id, "%s", rest);
        }
        if (actor) {
            sl_actor_page *ap;
            st = sl_actor_get(e, id, &ap);
            if (st == SL_OK && is_feed) actor_feed(&b, ap, base);
            else if (st == SL_OK) actor_page(&b, ap);
            sl_actor_page_free(ap);
        } else {
            sl_story *s;
            st = sl_story_get(e, id, &s);
            if (st == SL_OK && is_feed) story_feed(&b, s, base);
            else if (st == SL_OK) sv_story_html(&b, s, false);
            sl_story_free(s);
        }
        if (is_feed) type = "application/atom+xml; charset=utf-8";
    } else if ((rest = after(p, "/articles/")) && *rest && !strchr(rest, '/')) {
        st = article_page(&b, e, rest);
    } else {
        html_error(out, 404, "No such page.");
        buf_free(&b);
        return;
    }
    if (st != SL_OK) {
        buf_free(&b);
        engine_error(out, e, st);
        return;
    }
    out->status = 200;
    out->type = type;
    out->len = b.len;
    out->body = buf_detach(&b);
}
