/* shape.c: the shapes of a line that tell boilerplate from prose: how it
 * ends (sentence, teaser), how it opens (label, bullet, sign-off), and
 * typographic traces of breadcrumbs, templates and photo captions.
 *
 * Only generic character classes and token shapes, never lists of phrases:
 * "Read more: X" is caught as a short label before a headline, whatever the
 * label says. Not here: counting words (blocks.c) and weighing the shapes
 * into a class (boilerplate.c). */
#include "ex_internal.h"

#include <string.h>

/* Start of the last code point of t (t.n > 0), stepping back over at most
 * three continuation bytes; a stray byte counts as one character. */
static size_t last_cp_start(ex_span t, int32_t *cp)
{
    size_t i = t.n - 1;
    for (int k = 0; k < 3 && i > 0 && ((unsigned char)t.s[i] & 0xC0) == 0x80; k++) i--;
    int len;
    *cp = u8_decode(t.s + i, t.n - i, &len);
    if (i + (size_t)len != t.n) {
        i = t.n - 1;
        *cp = u8_decode(t.s + i, 1, &len);
    }
    return i;
}

static bool is_closer(int32_t cp)
{
    return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == 0x201D /* ” */ ||
           cp == 0x2019 /* ’ */ || cp == 0xBB /* » */ || cp == 0x203A /* › */;
}

bool ex_ends_sentence(ex_span t, bool *period)
{
    bool closed = false;
    int32_t cp = -1;
    *period = false;
    while (t.n) {
        t.n = last_cp_start(t, &cp);
        /* tokenised text sets closing quotes apart: "season . ''" */
        if (closed && u8_is_space(cp)) continue;
        if (!is_closer(cp)) break;
        closed = true;
        cp = -1;
    }
    /* The full stops of other scripts: ideographic 。 and its half- and
     * full-width forms, Urdu ۔, Devanagari । ॥, Armenian ։, Ethiopic ።,
     * Burmese ။. */
    *period = cp == '.' || cp == 0x3002 || cp == 0xFF61 || cp == 0xFF0E || cp == 0x06D4 ||
              cp == 0x0964 || cp == 0x0965 || cp == 0x0589 || cp == 0x1362 || cp == 0x104B;
    /* An ellipsis inside closing quotes ends a quoted sentence; a bare one
     * ends a teaser (ex_ends_ellipsis). Arabic's question mark is ؟. */
    return *period || cp == '!' || cp == '?' || cp == 0xFF01 || cp == 0xFF1F || cp == 0x061F ||
           (closed && cp == 0x2026);
}

bool ex_ends_ellipsis(ex_span t)
{
    if (t.n >= 3 && memcmp(t.s + t.n - 3, "...", 3) == 0) return true;
    return t.n >= 3 && memcmp(t.s + t.n - 3, "\xE2\x80\xA6", 3) == 0;
}

/* Does the text after a colon go on in lower case? */
static bool lower_after(ex_span t, size_t i)
{
    ex_span rest = ex_trim((ex_span){t.s + i, t.n - i});
    int32_t cp = ex_first_cp(rest);
    return rest.n && u8_is_letter(cp) && !u8_is_upper(cp);
}

/* A label is at most three words of letters, the first capitalised, closed
 * by a colon right after a letter: "Read More:", "Disclaimer:", "Check Also:".
 * Three words and 40 bytes cover the labels of link lists and notices while
 * leaving out sentences that merely contain a colon. What follows a label
 * opens with a capital (a headline, a notice) or nothing; a headline built
 * around a colon goes on in lower case ("Water cuts: what to know"). */
size_t ex_label_len(ex_span t)
{
    size_t words = 0, letters = 0;
    bool in_word = false;
    int len;
    if (!u8_is_upper(ex_first_cp(t))) return 0;
    for (size_t i = 0; i < t.n && i < 40; i += (size_t)len) {
        int32_t cp = u8_decode(t.s + i, t.n - i, &len);
        if (cp == ':') return in_word && letters >= 3 && !lower_after(t, i + 1) ? i + 1 : 0;
        if (u8_is_letter(cp)) {
            if (!in_word && ++words > 3) return 0;
            in_word = true;
            letters++;
        } else if (cp == ' ' && in_word) {
            in_word = false;
        } else if (!(cp == '-' || cp == '\'' || cp == 0x2019) || !in_word) {
            return 0;
        }
    }
    return 0;
}

bool ex_is_separator_token(ex_span tok)
{
    static const char *const seps[] = {"|", "/", ">", "<", "\xC2\xBB" /* » */,
                                       "\xC2\xAB" /* « */, "\xE2\x80\xBA" /* › */,
                                       "\xE2\x80\xB9" /* ‹ */, "\xE2\x80\xA2" /* • */,
                                       "\xC2\xB7" /* · */, "::"};
    /* Asked of every token: the length and the first byte rule out most
     * before strlen. */
    if (tok.n > 3 || !tok.n) return false;
    unsigned char c = (unsigned char)tok.s[0];
    if (c != '|' && c != '/' && c != '>' && c != '<' && c != 0xC2 && c != 0xE2 && c != ':') return false;
    for (size_t i = 0; i < sizeof seps / sizeof seps[0]; i++)
        if (tok.n && tok.s[0] == seps[i][0] && tok.n == strlen(seps[i]) && memcmp(tok.s, seps[i], tok.n) == 0)
            return true;
    return false;
}

static bool is_bullet_cp(int32_t cp)
{
    return cp == '-' || cp == '*' || cp == 0x2022 /* • */ || cp == 0xB7 /* · */ ||
           cp == 0x2023 /* ‣ */ || cp == 0x25AA /* ▪ */ || cp == 0x25E6 /* ◦ */ ||
           cp == 0x2013 /* – */ || cp == 0x25BA /* ► */ || cp == 0x2043 /* ⁃ */;
}

static bool opens_with_bullet(ex_span t)
{
    int len;
    if (!t.n) return false;
    int32_t cp = u8_decode(t.s, t.n, &len);
    return is_bullet_cp(cp) && (size_t)len < t.n && u8_is_space(u8_decode(t.s + len, t.n - len, &len));
}

/* Agency and editor sign-offs: "--IANS", or one short token wholly in lower
 * or upper case ("ksk", "AP"). Six letters is the longest agency or
 * editor's-initials tag seen in wire copy. */
static bool is_signoff(const ex_block *b)
{
    if (b->text.n >= 2 && b->text.s[0] == '-' && b->text.s[1] == '-') return true;
    if (b->words != 1 || b->alpha_words != 1 || b->nonspace > 8) return false;
    size_t upper = 0, lower = 0, digits = 0;
    int len;
    for (size_t i = 0; i < b->text.n; i += (size_t)len) {
        int32_t cp = u8_decode(b->text.s + i, b->text.n - i, &len);
        if (u8_is_upper(cp)) upper++;
        else if (u8_is_letter(cp)) lower++;
        else if (u8_is_digit(cp)) digits++;
    }
    return !digits && upper + lower <= 6 && (upper == 0 || lower == 0);
}

static bool is_template(ex_span t)
{
    /* one memchr finds most lines free of braces */
    const char *b = memchr(t.s, '{', t.n);
    if (!b) return false;
    size_t rest = t.n - (size_t)(b - t.s);
    return (memmem(b, rest, "{{", 2) && memmem(t.s, t.n, "}}", 2)) ||
           (memmem(b, rest, "{%", 2) && memmem(t.s, t.n, "%}", 2));
}

/* A picture code from an agency's archive: letters and at least five digits
 * in one token ("epa06805872"); dates and model names have fewer digits. */
static bool is_picture_code(ex_span tok)
{
    ex_span c = ex_core(tok);
    size_t letters = 0, digits = 0;
    int len;
    for (size_t i = 0; i < c.n; i += (size_t)len) {
        int32_t cp = u8_decode(c.s + i, c.n - i, &len);
        if (u8_is_letter(cp)) letters++;
        else if (u8_is_digit(cp)) digits++;
    }
    return letters && digits >= 5;
}

/* "(L)", "(R)", "(C)", "(L-R)": where a person stands in a photo. */
static bool is_position_marker(ex_span tok)
{
    while (tok.n && (tok.s[tok.n - 1] == ',' || tok.s[tok.n - 1] == ';')) tok.n--;
    if (tok.n < 3 || tok.n > 7 || tok.s[0] != '(' || tok.s[tok.n - 1] != ')') return false;
    for (size_t i = 1; i + 1 < tok.n; i++)
        if (!strchr("LRC-", tok.s[i])) return false;
    return true;
}

/* An all-capitals word of two letters or more, slashes allowed: the words of
 * an agency credit ("EPA/YONHAP", "OUT"). A full stop disqualifies it, so a
 * sentence ending in an acronym is not a credit. */
static bool is_caps_word(ex_span tok)
{
    size_t letters = 0;
    int len;
    for (size_t i = 0; i < tok.n; i += (size_t)len) {
        int32_t cp = u8_decode(tok.s + i, tok.n - i, &len);
        if (u8_is_upper(cp)) letters++;
        else if (cp != '/' && cp != '-' && cp != '&') return false;
    }
    return letters >= 2;
}

/* Code points between two tokens: the white space of the gap. */
static size_t gap_chars(ex_span prev, ex_span tok)
{
    size_t spaces = 0;
    int len;
    for (const char *p = prev.s + prev.n; p < tok.s; p += len) {
        u8_decode(p, (size_t)(tok.s - p), &len);
        spaces++;
    }
    return spaces;
}

/* Is prev a plain lower-case word (two letters or more) or a number? */
static bool lower_or_number(ex_span prev)
{
    ex_span core = ex_core(prev);
    bool lower = core.n >= 2, digits = core.n >= 1;
    int len;
    for (size_t i = 0; i < core.n; i += (size_t)len) {
        int32_t cp = u8_decode(core.s + i, core.n - i, &len);
        if (!u8_is_letter(cp) || u8_is_upper(cp)) lower = false;
        if (!u8_is_digit(cp)) digits = false;
    }
    return lower || digits;
}

void ex_shape_token(ex_block *b, ex_shape_run *r, ex_span tok)
{
    if (r->i > 0) {
        /* Two spaces or more between tokens, not after a sentence end
         * (where some typists put two), make a gap. A sentence ends
         * between prev and tok ("2023. Northline", "town. (Photo") only
         * after a plain lower-case word or a number, so that "U.S.
         * President" and "p.m. Monday" do not count. Whether prev ends a
         * sentence is asked only when one of them needs it. */
        bool wide = gap_chars(r->prev, tok) >= 2;
        int32_t next = ex_first_cp(tok);
        bool opens = u8_is_upper(next) || next == '(' || next == '"' || next == 0x201C;
        if (wide || opens) {
            bool period;
            bool ends = ex_ends_sentence(r->prev, &period);
            if (wide && !ends) b->gaps++;
            if (opens && ends && lower_or_number(r->prev)) b->inner_stop = true;
        }
    }
    r->prev = tok;
    if (r->i == 0) r->code = is_picture_code(tok);
    if (is_position_marker(tok)) r->marker = true;
    if (r->i > 0 && ex_is_separator_token(tok)) b->separators++;
    r->caps_tail = is_caps_word(tok) ? r->caps_tail + 1 : 0;
    r->i++;
}

void ex_shape(ex_block *b, const ex_shape_run *r)
{
    ex_span t = b->text;
    b->ellipsis = ex_ends_ellipsis(t);
    b->terminal = ex_ends_sentence(t, &b->period_end) && !b->ellipsis;
    b->template_markup = is_template(t);
    size_t label = ex_label_len(t);
    if (label) {
        ex_span rest = ex_trim((ex_span){t.s + label, t.n - label});
        bool period;
        ex_ends_sentence(rest, &period);
        b->label_only = rest.n == 0;
        /* The rest is a headline: no closing full stop (a question is fine). */
        b->label_link = rest.n && !period && !ex_ends_ellipsis(rest);
    }
    b->bullet = opens_with_bullet(t);
    b->signoff = is_signoff(b);
    /* Each sign alone can occur in prose; two together, or an archive
     * code, make a caption. */
    int score = (int)r->code + (int)r->marker + (r->caps_tail >= 2);
    b->caption = r->code || score >= 2;
    /* Title case: at least 4 in 5 content words capitalised, a rate that
     * sentence-case prose, even thick with names, stays below. */
    size_t content = b->alpha_words - b->stops;
    b->headline = b->words >= 3 && b->words <= 25 && content >= 2 &&
                  b->content_caps * 5 >= content * 4;
}
