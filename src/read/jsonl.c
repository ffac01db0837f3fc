/* jsonl.c: one JSON Lines record to a page.
 *
 * The known fields are id (or doc_id), url, title, published (or date),
 * source, and text (or body), or html instead of text with content_type
 * and charset saying how it is encoded; every other field is kept, as a
 * JSON object, in the page's metadata. Not the line splitting (source.c). */
#include "read_internal.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

void rd_record_free(rd_record *r)
{
    free(r->id); free(r->url); free(r->title); free(r->published);
    free(r->source); free(r->meta); free(r->text); free(r->charset);
    memset(r, 0, sizeof *r);
}

/* A field as a malloc'd string: strings as they are, numbers printed,
 * anything else (null, objects) absent. */
static char *field(json_t *o, const char *name, const char *alt)
{
    json_t *v = json_object_get(o, name);
    if (!v && alt) v = json_object_get(o, alt);
    if (json_is_string(v)) return xstrndup(json_string_value(v), json_string_length(v));
    if (json_is_integer(v)) {
        buf b;
        buf_init(&b);
        buf_printf(&b, "%lld", (long long)json_integer_value(v));
        return buf_detach(&b);
    }
    return NULL;
}

static const char *const known[] = {"id", "doc_id", "url", "title", "published", "date",
                                    "source", "text", "body", "html", "content_type", "charset"};

static bool is_known(const char *k)
{
    for (size_t i = 0; i < sizeof known / sizeof *known; i++)
        if (strcmp(k, known[i]) == 0) return true;
    return false;
}

sl_status rd_jsonl_parse(const char *line, size_t len, const char *input, long lineno,
                         const char *file_id, rd_record *r, sl_page *p, err_slot *err)
{
    rd_record_free(r);
    memset(p, 0, sizeof *p);
    json_error_t je;
    json_t *o = json_loadb(line, len, JSON_ALLOW_NUL, &je);
    if (!o) return err_set(err, SL_EINPUT, input, lineno, "column %d: not JSON: %s", je.column, je.text);
    if (!json_is_object(o)) {
        json_decref(o);
        return err_set(err, SL_EINPUT, input, lineno, "not a JSON object");
    }
    /* a crawler's record carries the page as it came: markup beats text */
    r->text = field(o, "html", NULL);
    bool html = r->text != NULL;
    if (!html) r->text = field(o, "text", "body");
    if (!r->text) {
        json_decref(o);
        return err_set(err, SL_EINPUT, input, lineno, "no \"text\" or \"html\" field");
    }
    r->charset = field(o, "charset", NULL);
    char *ctype = field(o, "content_type", NULL);
    if (ctype && !r->charset) {
        rd_media m;
        rd_media_type(ctype, strlen(ctype), &m);
        if (*m.charset) r->charset = xstrdup(m.charset);
    }
    free(ctype);
    r->id = field(o, "id", "doc_id");
    if (!r->id && file_id) {   /* no id: the file's name and the line make one */
        buf b;
        buf_init(&b);
        buf_printf(&b, "%s-%ld", file_id, lineno);
        r->id = buf_detach(&b);
    }
    r->url = field(o, "url", NULL);
    r->title = field(o, "title", NULL);
    r->published = field(o, "published", "date");
    r->source = field(o, "source", NULL);
    json_t *meta = json_object();
    const char *k;
    json_t *v;
    json_object_foreach(o, k, v) if (!is_known(k)) json_object_set(meta, k, v);
    if (json_object_size(meta)) r->meta = json_dumps(meta, JSON_COMPACT | JSON_ENSURE_ASCII);
    json_decref(meta);
    json_decref(o);

    p->input = input;
    p->line = lineno;
    p->id = r->id;
    p->url = r->url;
    p->title = r->title;
    p->published = r->published;
    p->source = r->source;
    p->meta_json = r->meta;
    p->body = r->text;
    p->body_len = strlen(r->text);
    p->format = html ? SL_FORMAT_HTML : SL_FORMAT_TEXT;
    p->charset = r->charset;
    return SL_OK;
}
