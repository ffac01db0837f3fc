/* objects.c: the JSON objects of storyline's answers: an article, an event,
 * a storyline, a story in full, actors, timelines, search hits. The command
 * line's --json and the HTTP API print the same objects from here. */
#include "serve.h"
#include "../core/core.h"

#include <stdlib.h>
#include <string.h>

/* Stored text is valid UTF-8 except what came from outside the extractor
 * (a manifest's outlet names): such text is repaired rather than dropped. */
json_t *sv_str(const char *s)
{
    if (!s) return json_null();
    json_t *j = json_string(s);
    if (j) return j;
    char *clean = u8_sanitize(s, strlen(s), NULL);
    j = json_string(clean);
    free(clean);
    return j ? j : json_null();
}

static json_t *strings(const char *const *v, size_t n)
{
    json_t *arr = json_array();
    for (size_t i = 0; i < n; i++) json_array_append_new(arr, sv_str(v[i]));
    return arr;
}

json_t *sv_article_json(const sl_article_row *a)
{
    json_t *j = json_object();
    json_object_set_new(j, "id", sv_str(a->id));
    json_object_set_new(j, "url", sv_str(a->url));
    json_object_set_new(j, "title", sv_str(a->title));
    json_object_set_new(j, "published", sv_str(a->published));
    json_object_set_new(j, "source", sv_str(a->source));
    json_object_set_new(j, "byline", sv_str(a->byline));
    json_object_set_new(j, "dateline", sv_str(a->dateline));
    json_object_set_new(j, "event", sv_str(a->event));
    json_object_set_new(j, "storyline", sv_str(a->storyline));
    json_object_set_new(j, "duplicate_of", sv_str(a->duplicate_of));
    json_t *meta = a->meta_json ? json_loads(a->meta_json, 0, NULL) : NULL;
    if (meta) json_object_set_new(j, "meta", meta);
    json_object_set_new(j, "text", sv_str(a->text));
    if (a->removed) json_object_set_new(j, "removed", sv_str(a->removed));
    return j;
}

json_t *sv_event_json(const sl_event_row *ev)
{
    json_t *j = json_object();
    json_object_set_new(j, "id", sv_str(ev->id));
    json_object_set_new(j, "headline", sv_str(ev->headline));
    json_object_set_new(j, "first", sv_str(ev->first));
    json_object_set_new(j, "last", sv_str(ev->last));
    json_object_set_new(j, "size", json_integer(ev->size));
    return j;
}

json_t *sv_storyline_json(const sl_storyline_row *s)
{
    json_t *j = json_object();
    json_object_set_new(j, "id", sv_str(s->id));
    json_object_set_new(j, "kind", json_string("storyline"));
    json_object_set_new(j, "headline", sv_str(s->headline));
    json_object_set_new(j, "first", sv_str(s->first));
    json_object_set_new(j, "last", sv_str(s->last));
    json_object_set_new(j, "size", json_integer(s->size));
    json_t *ev = json_array();
    for (size_t i = 0; i < s->n_events; i++) json_array_append_new(ev, sv_event_json(&s->events[i]));
    json_object_set_new(j, "events", ev);
    json_object_set_new(j, "total_events", json_integer((json_int_t)s->total_events));
    return j;
}

static json_t *actor_json(const sl_actor *x)
{
    return json_pack("{s:o,s:o,s:s,s:o,s:o,s:I}", "name", sv_str(x->name), "key", sv_str(x->key), "type", x->type,
                     "roles", strings(x->roles, x->n_roles), "aliases", strings(x->aliases, x->n_aliases),
                     "mentions", (json_int_t)x->mentions);
}

json_t *sv_actors_json(const sl_actor *a, size_t n)
{
    json_t *arr = json_array();
    for (size_t i = 0; i < n; i++) json_array_append_new(arr, actor_json(&a[i]));
    return arr;
}

static json_t *quote_json(const sl_quote *x)
{
    return json_pack("{s:o,s:o,s:o,s:s,s:o}", "speaker", sv_str(x->speaker), "speaker_text",
                     sv_str(x->speaker_text), "text", sv_str(x->text), "kind", x->kind, "article", sv_str(x->article));
}

json_t *sv_actor_page_json(const sl_actor_page *p)
{
    json_t *j = actor_json(&p->actor);
    json_object_set_new(j, "articles", json_integer(p->articles));
    json_t *sl = json_array(), *ev = json_array(), *q = json_array();
    for (int k = 0; k < 2; k++) {
        const sl_actor_story *v = k ? p->events : p->storylines;
        for (size_t i = 0; i < (k ? p->n_events : p->n_storylines); i++)
            json_array_append_new(k ? ev : sl, json_pack("{s:o,s:o,s:o,s:o,s:I}", "id", sv_str(v[i].id), "headline",
                                                         sv_str(v[i].headline), "first", sv_str(v[i].first), "last",
                                                         sv_str(v[i].last), "articles", (json_int_t)v[i].articles));
    }
    for (size_t i = 0; i < p->n_quotes; i++) json_array_append_new(q, quote_json(&p->quotes[i]));
    json_object_set_new(j, "storylines", sl);
    json_object_set_new(j, "events", ev);
    json_object_set_new(j, "quotes", q);
    return j;
}

json_t *sv_timeline_json(const sl_timeline_entry *t, size_t n)
{
    json_t *arr = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(arr, json_pack("{s:s,s:o,s:o}", "date", t[i].date, "text", sv_str(t[i].text),
                                             "article", sv_str(t[i].article)));
    return arr;
}

json_t *sv_story_json(const sl_story *s)
{
    json_t *j = json_object();
    json_object_set_new(j, "id", sv_str(s->id));
    json_object_set_new(j, "kind", sv_str(s->kind));
    json_object_set_new(j, "headline", sv_str(s->headline));
    json_object_set_new(j, "first", sv_str(s->first));
    json_object_set_new(j, "last", sv_str(s->last));
    json_object_set_new(j, "size", json_integer(s->size));
    if (s->storyline) json_object_set_new(j, "storyline", sv_str(s->storyline));
    json_t *sum = json_array();
    for (size_t i = 0; i < s->n_summary; i++) json_array_append_new(sum, sv_str(s->summary[i]));
    json_object_set_new(j, "summary", sum);
    json_t *ids = json_array(), *det = json_array();
    for (size_t i = 0; i < s->n_articles; i++) {
        const sl_story_article *a = &s->articles[i];
        json_array_append_new(ids, sv_str(a->id));
        json_t *d = json_object();
        json_object_set_new(d, "id", sv_str(a->id));
        json_object_set_new(d, "title", sv_str(a->title));
        json_object_set_new(d, "source", sv_str(a->source));
        json_object_set_new(d, "published", sv_str(a->published));
        json_object_set_new(d, "url", sv_str(a->url));
        json_object_set_new(d, "event", sv_str(a->event));
        json_object_set_new(d, "duplicate_of", sv_str(a->duplicate_of));
        json_array_append_new(det, d);
    }
    json_object_set_new(j, "articles", ids);
    json_object_set_new(j, "article_details", det);
    if (!strcmp(s->kind, "storyline")) {
        json_t *ev = json_array();
        for (size_t i = 0; i < s->n_events; i++) json_array_append_new(ev, sv_str(s->events[i].id));
        json_object_set_new(j, "events", ev);
        json_object_set_new(j, "total_events", json_integer((json_int_t)s->total_events));
    }
    json_object_set_new(j, "actors", sv_actors_json(s->actors, s->n_actors));
    json_object_set_new(j, "total_actors", json_integer((json_int_t)s->total_actors));
    json_t *q = json_array();
    for (size_t i = 0; i < s->n_quotes; i++) json_array_append_new(q, quote_json(&s->quotes[i]));
    json_object_set_new(j, "quotes", q);
    json_object_set_new(j, "total_quotes", json_integer((json_int_t)s->total_quotes));
    json_object_set_new(j, "timeline", sv_timeline_json(s->timeline, s->n_timeline));
    return j;
}

/* The snippet's marks become <mark> elements around HTML-escaped text, so
 * that a page can show it as it is. */
static char *snippet_html(const char *s)
{
    buf b;
    buf_init(&b);
    for (const char *p = s ? s : ""; *p; p++) {
        switch (*p) {
        case SL_MARK_START: buf_puts(&b, "<mark>"); break;
        case SL_MARK_END: buf_puts(&b, "</mark>"); break;
        case '<': buf_puts(&b, "&lt;"); break;
        case '>': buf_puts(&b, "&gt;"); break;
        case '&': buf_puts(&b, "&amp;"); break;
        case '"': buf_puts(&b, "&quot;"); break;
        default: buf_putc(&b, *p);
        }
    }
    return buf_detach(&b);
}

json_t *sv_hit_json(const sl_hit *h)
{
    json_t *j = json_object();
    json_object_set_new(j, "id", sv_str(h->id));
    json_object_set_new(j, "title", sv_str(h->title));
    json_object_set_new(j, "published", sv_str(h->published));
    json_object_set_new(j, "source", sv_str(h->source));
    json_object_set_new(j, "event", sv_str(h->event));
    json_object_set_new(j, "storyline", sv_str(h->storyline));
    char *html = snippet_html(h->snippet);
    json_object_set_new(j, "snippet_html", sv_str(html));
    free(html);
    json_object_set_new(j, "score", json_real(h->score));
    return j;
}
