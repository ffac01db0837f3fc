/* jsonl.c: one JSON Lines record to a page.
 *
 * The known fields are id (or doc_id), url, title, published (or date),
 * source, and text (or body), or html instead of text with content_type
 * and charset saying how it is encoded; every other field is kept, as a
 * JSON object, in the page's metadata. Not the line splitting (source.c).
 *
 * A record is first read by a scanner of our own (scan_record), which
 * takes the common case: valid UTF-8, an object whose known fields are
 * strings, each named once. It decodes those strings itself and hands
 * only the other members to jansson, for the metadata. Anything else (a
 * field that is a number or null, a key with an escape, invalid JSON) goes
 * to jansson whole, which gives the answer and the error message as
 * before; the scanner never decides an error. jansson took 6% of ingest
 * on the synthetic stream, reading long texts a byte at a time. */
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

static const char *const known[] = {"id", "doc_id", "url", "title", "published", "date",
                                    "source", "text", "body", "html", "content_type", "charset"};
enum { N_KNOWN = sizeof known / sizeof *known };

static int known_index(const char *k, size_t n)
{
    for (int i = 0; i < N_KNOWN; i++)
        if (strlen(known[i]) == n && memcmp(k, known[i], n) == 0) return i;
    return -1;
}

/* ---- the scanner ---------------------------------------------------------- */

/* A record as the scanner found it: the raw text between the quotes of
 * each known field's string (NULL: absent), and the other members'
 * "key":value texts, comma-separated, for jansson. */
typedef struct {
    const char *val[N_KNOWN];
    size_t      len[N_KNOWN];
    buf        *others;
} scanned;

/* Past one value of any kind at p, or NULL. Only its extent is found:
 * jansson reads it (and may still refuse it). */
static const char *value_end(const char *p, const char *end)
{
    char open[64];
    int depth = 0;
    bool esc;
    while (p < end) {
        char c = *p;
        if (c == '"') {
            if (!(p = js_string_end(p, end, &esc))) return NULL;
            p++;
        } else if (c == '{' || c == '[') {
            if (depth == (int)sizeof open) return NULL;
            open[depth++] = c;
            p++;
        } else if (c == '}' || c == ']') {
            if (!depth) return p;        /* the end of a scalar: the caller decides */
            if (open[depth - 1] != (c == '}' ? '{' : '[')) return NULL;
            depth--;
            p++;
        } else if (depth && (c == ',' || c == ':' || c == ' ' || c == '\t' || c == '\n' || c == '\r')) {
            p++;
        } else if (c == ',' || c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            return p;                /* the end of a scalar at depth 0 */
        } else if (c == ':') {
            return NULL;
        } else {
            p++;                     /* a number or literal's byte */
        }
        if (!depth && (c == '"' || c == '}' || c == ']')) return p;
    }
    return depth ? NULL : p;
}

/* Reads line as an object of the common case into out; false: leave it
 * to jansson. */
static bool scan_record(const char *line, size_t len, scanned *out)
{
    const char *p = line, *end = line + len;
    if (!u8_valid(line, len)) return false;
    p = js_skip_ws(p, end);
    if (p == end || *p != '{') return false;
    p = js_skip_ws(p + 1, end);
    if (p < end && *p == '}') return js_skip_ws(p + 1, end) == end;
    for (;;) {
        if (p == end || *p != '"') return false;
        bool esc;
        const char *kend = js_string_end(p, end, &esc);
        if (!kend || esc) return false;
        const char *key = p + 1, *member = p;
        int k = known_index(key, (size_t)(kend - key));
        p = js_skip_ws(kend + 1, end);
        if (p == end || *p != ':') return false;
        p = js_skip_ws(p + 1, end);
        if (p == end) return false;
        if (k >= 0) {
            if (out->val[k] || *p != '"') return false;   /* twice, or not a string */
            const char *vend = js_string_end(p, end, &esc);
            if (!vend) return false;
            out->val[k] = p + 1;
            out->len[k] = (size_t)(vend - p - 1);
            p = vend + 1;
        } else {
            const char *vend = value_end(p, end);
            if (!vend || vend == p) return false;
            if (out->others->len) buf_putc(out->others, ',');
            buf_append(out->others, member, (size_t)(vend - member));
            p = vend;
        }
        p = js_skip_ws(p, end);
        if (p < end && *p == ',') {
            p = js_skip_ws(p + 1, end);
            continue;
        }
        if (p < end && *p == '}') return js_skip_ws(p + 1, end) == end;
        return false;
    }
}

/* The string s[0..n) (between its quotes) decoded as jansson decodes it
 * (JSON_ALLOW_NUL: \u0000 too), malloc'd, into *out; false on an escape
 * jansson refuses. */
static bool decode(const char *s, size_t n, char **out, size_t *out_len)
{
    buf b;
    buf_init(&b);
    if (!js_unescape(s, n, true, &b)) {
        buf_free(&b);
        return false;
    }
    *out_len = b.len;
    *out = buf_detach(&b);
    return true;
}

/* ---- the record ----------------------------------------------------------- */

/* Where a record's fields come from: jansson's object, or the scanner's
 * strings already decoded (dec, by known index). */
typedef struct {
    json_t *o;
    char   *dec[N_KNOWN];
    size_t  dec_len[N_KNOWN];
} source;

static char *field_of(source *src, int k)
{
    if (!src->o) return src->dec[k] ? xstrndup(src->dec[k], src->dec_len[k]) : NULL;
    json_t *v = json_object_get(src->o, known[k]);
    if (json_is_string(v)) return xstrndup(json_string_value(v), json_string_length(v));
    if (json_is_integer(v)) {
        buf b;
        buf_init(&b);
        buf_printf(&b, "%lld", (long long)json_integer_value(v));
        return buf_detach(&b);
    }
    return NULL;
}

/* A field as a malloc'd string: strings as they are, numbers printed,
 * anything else (null, objects) absent; alt (if >= 0) when name is absent. */
static char *field(source *src, int name, int alt)
{
    bool has = src->o ? json_object_get(src->o, known[name]) != NULL : src->dec[name] != NULL;
    return field_of(src, has || alt < 0 ? name : alt);
}

static bool is_known(const char *k) { return known_index(k, strlen(k)) >= 0; }

enum { K_ID, K_DOC_ID, K_URL, K_TITLE, K_PUBLISHED, K_DATE, K_SOURCE, K_TEXT, K_BODY, K_HTML, K_CTYPE, K_CHARSET };

/* The record's other members as compact JSON, or NULL when there are none
 * (or, from the scanner, when jansson refuses them: *bad). */
static char *meta_of(source *src, const buf *others, bool *bad)
{
    json_t *meta;
    *bad = false;
    if (src->o) {
        meta = json_object();
        const char *k;
        json_t *v;
        json_object_foreach(src->o, k, v) if (!is_known(k)) json_object_set(meta, k, v);
    } else {
        if (!others->len) return NULL;
        buf t;
        buf_init(&t);
        buf_putc(&t, '{');
        buf_append(&t, others->data, others->len);
        buf_putc(&t, '}');
        json_error_t je;
        meta = json_loadb(t.data, t.len, JSON_ALLOW_NUL, &je);
        buf_free(&t);
        if (!meta) {
            *bad = true;
            return NULL;
        }
    }
    char *out = json_object_size(meta) ? json_dumps(meta, JSON_COMPACT | JSON_ENSURE_ASCII) : NULL;
    json_decref(meta);
    return out;
}

static void source_free(source *src)
{
    if (src->o) json_decref(src->o);
    for (int k = 0; k < N_KNOWN; k++) free(src->dec[k]);
}

/* The scanner's reading of line into src, or false (src left empty). */
static bool scan_source(const char *line, size_t len, source *src, buf *others)
{
    scanned sc = {.others = others};
    bool ok = scan_record(line, len, &sc);
    for (int k = 0; ok && k < N_KNOWN; k++) {
        if (!sc.val[k]) continue;
        ok = decode(sc.val[k], sc.len[k], &src->dec[k], &src->dec_len[k]);
    }
    if (!ok) {
        source_free(src);
        memset(src, 0, sizeof *src);
    }
    return ok;
}

int rd_jsonl_mode = 0;   /* tests: 1 jansson only */

sl_status rd_jsonl_parse(const char *line, size_t len, const char *input, long lineno,
                         const char *file_id, rd_record *r, sl_page *p, err_slot *err)
{
    rd_record_free(r);
    memset(p, 0, sizeof *p);
    source src = {0};
    buf others;
    buf_init(&others);
    bool scanned_ok = rd_jsonl_mode != 1 && scan_source(line, len, &src, &others);
    bool bad_meta = false;
    if (scanned_ok) {
        r->meta = meta_of(&src, &others, &bad_meta);
        if (bad_meta) {
            source_free(&src);
            memset(&src, 0, sizeof src);
            scanned_ok = false;
        }
    }
    buf_free(&others);
    if (!scanned_ok) {
        json_error_t je;
        src.o = json_loadb(line, len, JSON_ALLOW_NUL, &je);
        if (!src.o) return err_set(err, SL_EINPUT, input, lineno, "column %d: not JSON: %s", je.column, je.text);
        if (!json_is_object(src.o)) {
            source_free(&src);
            return err_set(err, SL_EINPUT, input, lineno, "not a JSON object");
        }
    }
    /* a crawler's record carries the page as it came: markup beats text */
    r->text = field(&src, K_HTML, -1);
    bool html = r->text != NULL;
    if (!html) r->text = field(&src, K_TEXT, K_BODY);
    if (!r->text) {
        source_free(&src);
        free(r->meta);
        r->meta = NULL;
        return err_set(err, SL_EINPUT, input, lineno, "no \"text\" or \"html\" field");
    }
    r->charset = field(&src, K_CHARSET, -1);
    char *ctype = field(&src, K_CTYPE, -1);
    if (ctype && !r->charset) {
        rd_media m;
        rd_media_type(ctype, strlen(ctype), &m);
        if (*m.charset) r->charset = xstrdup(m.charset);
    }
    free(ctype);
    r->id = field(&src, K_ID, K_DOC_ID);
    if (!r->id && file_id) {   /* no id: the file's name and the line make one */
        buf b;
        buf_init(&b);
        buf_printf(&b, "%s-%ld", file_id, lineno);
        r->id = buf_detach(&b);
    }
    r->url = field(&src, K_URL, -1);
    r->title = field(&src, K_TITLE, -1);
    r->published = field(&src, K_PUBLISHED, K_DATE);
    r->source = field(&src, K_SOURCE, -1);
    if (src.o) {
        bool unused;
        r->meta = meta_of(&src, NULL, &unused);
    }
    source_free(&src);

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
