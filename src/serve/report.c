/* report.c: one event or storyline as a Markdown document, to mail or to
 * paste (the HTML form is the story page itself, sv_story_html
 * standalone). Text from the articles is escaped so that it reads as
 * written, never as markup. */
#include "serve.h"
#include "../core/core.h"

#include <string.h>

static void md(buf *b, const char *s)
{
    for (const char *p = s ? s : ""; *p; p++) {
        if (strchr("\\`*_[]<>|#", *p)) buf_putc(b, '\\');
        buf_putc(b, *p == '\n' ? ' ' : *p);
    }
}

static void span(buf *b, const char *first, const char *last)
{
    if (!first) buf_puts(b, "undated");
    else if (!last || !strcmp(first, last)) buf_puts(b, first);
    else buf_printf(b, "%s to %s", first, last);
}

void sv_story_md(struct buf *b, const sl_story *s)
{
    buf_puts(b, "# ");
    md(b, s->headline ? s->headline : "(no headline)");
    buf_printf(b, "\n\n%s %s, ", !strcmp(s->kind, "event") ? "Event" : "Storyline", s->id);
    span(b, s->first, s->last);
    buf_printf(b, ", %ld article%s", s->size, s->size == 1 ? "" : "s");
    if (s->n_events) buf_printf(b, ", %zu event%s", s->total_events, s->total_events == 1 ? "" : "s");
    if (s->storyline) buf_printf(b, ", in storyline %s", s->storyline);
    buf_puts(b, ".\n");
    if (s->n_summary) {
        buf_puts(b, "\n## Summary\n\n");
        for (size_t i = 0; i < s->n_summary; i++) { buf_puts(b, "- "); md(b, s->summary[i]); buf_putc(b, '\n'); }
    }
    if (s->n_events) {
        buf_puts(b, "\n## Events\n\n| Event | Dates | Articles | Headline |\n|---|---|---|---|\n");
        for (size_t i = s->n_events; i-- > 0;) {
            const sl_event_row *e = &s->events[i];
            buf_printf(b, "| %s | ", e->id);
            span(b, e->first, e->last);
            buf_printf(b, " | %ld | ", e->size);
            md(b, e->headline);
            buf_puts(b, " |\n");
        }
    }
    if (s->n_actors) {
        buf_puts(b, "\n## Actors\n\n");
        for (size_t i = 0; i < s->n_actors && i < 25; i++) {
            const sl_actor *a = &s->actors[i];
            buf_puts(b, "- **");
            md(b, a->name);
            buf_printf(b, "** (%s", a->type);
            for (size_t k = 0; k < a->n_roles && k < 3; k++) { buf_puts(b, "; "); md(b, a->roles[k]); }
            buf_printf(b, "), %ld mention%s\n", a->mentions, a->mentions == 1 ? "" : "s");
        }
    }
    if (s->n_quotes) {
        buf_puts(b, "\n## Quotes\n\n");
        for (size_t i = 0; i < s->n_quotes; i++) {
            const sl_quote *q = &s->quotes[i];
            buf_puts(b, "> ");
            if (!strcmp(q->kind, "direct")) buf_puts(b, "\u201C");
            md(b, q->text);
            if (!strcmp(q->kind, "direct")) buf_puts(b, "\u201D");
            buf_puts(b, "\n>\n> \u2014 ");
            md(b, q->speaker ? q->speaker : "unattributed");
            buf_puts(b, !strcmp(q->kind, "direct") ? "" : " (reported)");
            buf_printf(b, ", %s\n\n", q->article);
        }
    }
    if (s->n_timeline) {
        buf_puts(b, "\n## Timeline\n\n");
        for (size_t i = 0; i < s->n_timeline; i++) {
            buf_printf(b, "- **%s** ", s->timeline[i].date);
            md(b, s->timeline[i].text);
            buf_putc(b, '\n');
        }
    }
    buf_puts(b, "\n## Articles\n\n| Date | Outlet | Title |\n|---|---|---|\n");
    for (size_t i = s->n_articles; i-- > 0;) {
        const sl_story_article *a = &s->articles[i];
        buf_printf(b, "| %s | ", a->published ? a->published : "undated");
        md(b, a->source);
        buf_puts(b, " | ");
        if (a->url) buf_puts(b, "[");
        md(b, a->title ? a->title : a->id);
        if (a->url) {
            buf_puts(b, "](<");
            for (const char *p = a->url; *p; p++) if (*p != '>' && *p != '<' && *p != ' ') buf_putc(b, *p);
            buf_puts(b, ">)");
        }
        if (a->duplicate_of) buf_printf(b, " (copy of %s)", a->duplicate_of);
        buf_puts(b, " |\n");
    }
}
