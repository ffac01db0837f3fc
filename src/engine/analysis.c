/* analysis.c: sl_analyze_page: one page's names, actors, quotes and time
 * expressions, with offsets in characters, for storyline as an annotator.
 *
 * Not stored: ingest stores the same facts through store/facts.c. */
#include "engine.h"
#include "../extract/extract.h"

#include <stdlib.h>
#include <string.h>

/* For every byte offset of text, the number of characters (code points)
 * that start before it: the character offset, at character boundaries,
 * which is where the analyzers' offsets fall. */
static uint32_t *char_index(const char *text, size_t len, arena *a)
{
    uint32_t *ix = arena_alloc(a, (len + 1) * sizeof *ix);
    uint32_t c = 0;
    for (size_t i = 0; i <= len; i++) {
        ix[i] = c;
        if (i < len && ((unsigned char)text[i] & 0xC0) != 0x80) c++;
    }
    return ix;
}

static const char *span_text(arena *a, const char *text, uint32_t s, uint32_t e)
{
    return arena_strndup(a, text + s, e > s ? e - s : 0);
}

static void fill_actors(arena *a, const an_names *nm, sl_analysis *out)
{
    sl_actor *act = arena_alloc(a, (nm->n_actors + 1) * sizeof *act);
    for (size_t i = 0; i < nm->n_actors; i++) {
        const an_actor *x = &nm->actors[i];
        act[i] = (sl_actor){x->name, an_type_name((an_type)x->type), x->key, x->roles, x->n_roles,
                            x->aliases, x->n_aliases, (long)x->mentions, x->sure ? 1 : 0};
    }
    out->actors = act;
    out->n_actors = nm->n_actors;
}

void eg_fill_analysis(arena *a, const char *text, size_t len, const an_facts *f, const char *id,
                 sl_analysis *out)
{
    uint32_t *ix = char_index(text, len, a);
    const an_names *nm = &f->names;
    sl_mention *m = arena_alloc(a, (nm->n_mentions + 1) * sizeof *m);
    for (size_t i = 0; i < nm->n_mentions; i++) {
        const an_mention *x = &nm->mentions[i];
        m[i] = (sl_mention){span_text(a, text, x->start, x->end), an_type_name((an_type)x->type),
                            x->actor >= 0 && (size_t)x->actor < nm->n_actors ? nm->actors[x->actor].name : NULL,
                            x->role, ix[x->start], ix[x->end]};
    }
    out->mentions = m;
    out->n_mentions = nm->n_mentions;
    fill_actors(a, nm, out);
    sl_quote *q = arena_alloc(a, (f->n_quotes + 1) * sizeof *q);
    for (size_t i = 0; i < f->n_quotes; i++) {
        const an_quote *x = &f->quotes[i];
        const an_actor *sp = x->speaker >= 0 && (size_t)x->speaker < nm->n_actors ? &nm->actors[x->speaker] : NULL;
        q[i] = (sl_quote){sp ? sp->name : NULL, sp ? sp->key : NULL, an_quote_text(x, text, a),
                          x->kind == AN_DIRECT ? "direct" : "indirect", id, ix[x->start], ix[x->end],
                          x->speaker_end > x->speaker_start ? span_text(a, text, x->speaker_start, x->speaker_end)
                                                            : NULL};
    }
    out->quotes = q;
    out->n_quotes = f->n_quotes;
    sl_time *t = arena_alloc(a, (f->n_times + 1) * sizeof *t);
    /* the day of a dateline is when the story was filed, not a day its
     * first sentence tells of: it dates no sentence (sl_time) */
    size_t dl_end = len ? dl_dateline(text, len, NULL) : 0;
    for (size_t i = 0; i < f->n_times; i++) {
        const an_timex *x = &f->times[i];
        const an_span *snt = f->n_sentences && x->start >= dl_end ? &f->sentences[an_sentence_at(f, x->start)] : NULL;
        static const char *const types[] = {"DATE", "TIME", "DURATION", "SET"};
        t[i] = (sl_time){span_text(a, text, x->start, x->end), x->value,
                         snt ? span_text(a, text, snt->start, snt->end) : NULL, ix[x->start], ix[x->end],
                         types[x->type <= AN_TX_SET ? x->type : AN_TX_DATE], x->day, x->granularity};
        /* a time of a day ("Friday morning", 2018-06-15TMO) is filed under
         * that day, as a date of it */
        if (x->type == AN_TX_TIME && x->value && strlen(x->value) > 10 && x->value[10] == 'T' &&
            (t[i].day = day_parse_iso(x->value, 10)) != DAY_NONE)
            t[i].granularity = 0;
    }
    out->times = t;
    out->n_times = f->n_times;
}

sl_status sl_analyze_page(sl_engine *e, const sl_page *page_in, int raw, const sl_analysis **out)
{
    *out = NULL;
    sl_page page = *page_in;
    const char *pub, *src;
    if (e->manifest && rd_manifest_find(e->manifest, page.input, &pub, &src) && (!page.published || !*page.published))
        page.published = pub;
    arena_reset(&e->scratch);
    arena *a = &e->scratch;
    sl_article art;
    sl_status st = ex_extract(&page, a, &art, &e->err);
    if (st != SL_OK) return st;
    const char *text = art.text;
    size_t len = art.text_len;
    if (raw) {   /* decoded as extract decodes plain text: Latin-1 keeps its accents */
        const char *b = page.body ? page.body : "";
        size_t n = page.body ? page.body_len : 0;
        char *dec = page.format == SL_FORMAT_TEXT && u8_is_legacy(b, n) ? u8_from_cp1252(b, n, &n) : NULL;
        text = u8_sanitize_in(a, dec ? dec : b, n, &len);
        free(dec);
    }
    sl_analysis *res = arena_alloc(a, sizeof *res);
    res->id = art.id;
    res->title = art.title;
    int32_t day = art.published;
    if (day == DAY_NONE && (day = an_infer_published(&art, page.body, page.body ? page.body_len : 0, a, NULL)) != DAY_NONE) res->date_inferred = 1;
    if (day != DAY_NONE) {
        char d[11];
        day_format(day, d);
        res->published = arena_strdup(a, d);
    }
    an_facts f;
    an_find_facts(text, len, day, a, &f);
    res->text = text;
    eg_fill_analysis(a, text, len, &f, art.id, res);
    *out = res;
    return SL_OK;
}
