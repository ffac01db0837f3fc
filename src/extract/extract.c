/* extract.c: ex_extract, the extract stage's entry: page in, article out.
 *
 * Checks that the page holds text at all, splits it into blocks, lets the
 * classifier pick the body, then looks above the body for title, byline and
 * subtitle and at the body's start for a dateline, and copies the result
 * into the arena; HTML pages go through the HTML front end (html.c,
 * html_meta.c, html_body.c) instead. Not here: any of those decisions
 * themselves (blocks.c, shape.c, boilerplate.c, title.c, dateline.c). */
#include "ex_internal.h"

#include <stdlib.h>
#include <string.h>

/* Text with a broken encoding has a few bad bytes; binary data (images,
 * compressed files, UTF-16) has them everywhere. One in ten tells them apart. */
#define EX_MAX_BAD_SHARE 10

static bool is_control(int32_t cp)
{
    if (cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v') return false;
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

static sl_status check_input(const sl_page *page, const char *s, size_t n, err_slot *err)
{
    size_t total = 0, blank = 0, bad = 0;
    int len;
    for (size_t i = 0; i < n; i += (size_t)len) {
        int32_t cp = u8_decode(s + i, n - i, &len);
        total++;
        if (u8_is_space(cp)) blank++;
        else if (cp == 0xFFFD || is_control(cp)) bad++;
    }
    if (total == blank)
        return err_set(err, SL_EINPUT, page->input, page->line, "empty page: no text to extract");
    if (bad * EX_MAX_BAD_SHARE > total)
        return err_set(err, SL_EINPUT, page->input, page->line,
                       "page looks binary: %zu of %zu characters are invalid or control codes",
                       bad, total);
    return SL_OK;
}

static const char *dup_span(arena *a, ex_span t)
{
    return t.n ? arena_strndup(a, t.s, t.n) : NULL;
}

static void copy_meta(const sl_page *page, arena *a, sl_article *out)
{
    out->id = arena_strdup(a, page->id);
    out->url = arena_strdup(a, page->url);
    out->source = arena_strdup(a, page->source);
    out->meta_json = arena_strdup(a, page->meta_json);
    out->published = page->published ? day_parse_iso(page->published, strlen(page->published))
                                     : SL_NO_DATE;
    out->date_inferred = 0;
}

static bool in_body(const ex_block *b) { return b->cls == EX_GOOD && b->role == EX_ROLE_NONE; }

static size_t first_body(const ex_doc *doc)
{
    size_t i = 0;
    while (i < doc->n && doc->b[i].cls != EX_GOOD) i++;
    return i;
}

/* Paragraphs and text, the paragraphs joined by a blank line (the HTML
 * front end's too). */
void ex_collect_body(const ex_doc *doc, arena *a, sl_article *out)
{
    size_t n = 0, bytes = 0;
    for (size_t i = 0; i < doc->n; i++)
        if (in_body(&doc->b[i])) { n++; bytes += doc->b[i].text.n + 2; }
    out->paragraphs = arena_alloc(a, (n ? n : 1) * sizeof *out->paragraphs);
    char *text = arena_alloc(a, bytes + 1), *p = text;
    for (size_t i = 0; i < doc->n; i++) {
        const ex_block *b = &doc->b[i];
        if (!in_body(b)) continue;
        out->paragraphs[out->n_paragraphs++] = arena_strndup(a, b->text.s, b->text.n);
        if (p != text) { memcpy(p, "\n\n", 2); p += 2; }
        memcpy(p, b->text.s, b->text.n);
        p += b->text.n;
    }
    *p = '\0';
    out->text = text;
    out->text_len = (size_t)(p - text);
    /* what was dropped, line by line, whole lines up to SL_REMOVED_MAX;
     * a last line "\u2026" tells that more was cut */
    buf r;
    buf_init(&r);
    for (size_t i = 0; i < doc->n; i++) {
        const ex_block *b = &doc->b[i];
        if (in_body(b) || b->role != EX_ROLE_NONE) continue;
        if (r.len + b->text.n + 1 + 4 > SL_REMOVED_MAX) {
            buf_puts(&r, "\u2026\n");
            break;
        }
        buf_append(&r, b->text.s, b->text.n);
        buf_putc(&r, '\n');
    }
    out->removed = arena_strndup(a, r.data ? r.data : "", r.len);
    buf_free(&r);
}

/* One tree, read twice: for the metadata, then for the body. */
static sl_status extract_html(const sl_page *page, arena *a, sl_article *out, err_slot *err)
{
    const ex_node *root = ex_html_parse(page, a, err);
    if (!root) return SL_EINPUT;
    ex_html_meta(root, page, a, out);
    return ex_html_body(root, page, a, out, err);
}

/* Plain text carries no charset. Bytes that are not UTF-8 are taken as
 * Windows-1252, as an HTML page without a charset is (html.c): a Latin-1
 * scrape keeps its accents. Text that is mostly UTF-8 (more valid
 * multi-byte sequences than stray bytes: a scrape cut inside a character)
 * stays UTF-8, its stray bytes U+FFFD. Any 8-bit charset decodes, so
 * binary data is told apart before, by its control bytes, as html.c does:
 * random bytes have one in nine, text none. *decoded is set (malloc'd)
 * when the text was decoded. */
#define EX_MAX_CONTROL_SHARE 20

static sl_status text_charset(const sl_page *page, const char *s, size_t n, char **decoded, size_t *out_n,
                              err_slot *err)
{
    size_t control = 0;
    *decoded = NULL;
    if (!u8_is_legacy(s, n)) return SL_OK;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        control += c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v';
    }
    if (control * EX_MAX_CONTROL_SHARE > n)
        return err_set(err, SL_EINPUT, page->input, page->line,
                       "page looks binary: %zu of its %zu bytes are control codes", control, n);
    *decoded = u8_from_cp1252(s, n, out_n);
    return SL_OK;
}

static sl_status extract_text(const sl_page *page, arena *a, sl_article *out, err_slot *err)
{
    const char *raw = page->body ? page->body : "";
    size_t raw_n = page->body ? page->body_len : 0;
    char *decoded;
    sl_status st = text_charset(page, raw, raw_n, &decoded, &raw_n, err);
    if (st != SL_OK) return st;
    if (decoded) raw = decoded;
    st = check_input(page, raw, raw_n, err);
    if (st != SL_OK) { free(decoded); return st; }
    /* Work on a sanitized copy, so that every string handed out is valid
     * UTF-8 without NUL bytes. */
    size_t n;
    char *tmp = u8_sanitize(raw, raw_n, &n);
    free(decoded);
    char *text = arena_strndup(a, tmp, n);
    free(tmp);
    ex_doc doc;
    ex_split(text, n, a, &doc);
    ex_classify(&doc);
    ex_rescue(&doc);
    size_t first = first_body(&doc);
    out->title = dup_span(a, ex_find_title(&doc, first, page->title));
    out->byline = dup_span(a, ex_find_byline(&doc, first));
    out->subtitle = dup_span(a, ex_find_subtitle(&doc, first));
    ex_collect_body(&doc, a, out);
    return SL_OK;
}

sl_status ex_extract(const sl_page *page, arena *a, sl_article *out, err_slot *err)
{
    memset(out, 0, sizeof *out);
    copy_meta(page, a, out);
    sl_status st = page->format == SL_FORMAT_HTML ? extract_html(page, a, out, err)
                                                  : extract_text(page, a, out, err);
    if (st == SL_OK && out->n_paragraphs) {   /* both front ends: "SEOUL, June 14 (AP) -" */
        const char *p0 = out->paragraphs[0];
        out->dateline = dup_span(a, ex_dateline_of((ex_span){p0, strlen(p0)}));
    }
    /* the page did not say: the text does */
    if (st == SL_OK && !out->language && out->text) {
        const char *l = ex_guess_language(out->text, out->text_len);
        if (l) out->language = arena_strdup(a, l);
    }
    return st;
}
