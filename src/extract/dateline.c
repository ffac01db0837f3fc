/* dateline.c: the byline above the body ("By Jane Doe and John Roe,
 * Reuters") and the dateline that opens the first paragraph ("SEOUL,
 * June 14 (Reuters) - ").
 *
 * Both are found by shape: a byline is "By" and a few capitalised names; a
 * dateline is a few capitalised words, with a date, an agency in brackets
 * or a place in capitals, closed by a dash. The paragraph keeps its
 * dateline; only a copy of it is reported. Not here: resolving the date or
 * place it names (the analyze stage). */
#include "ex_internal.h"

#include <string.h>

/* A person's name runs 1 to 4 capitalised words; a byline names at most a
 * handful of people and an agency, 16 words in all. */
#define EX_NAME_WORDS   4
#define EX_BYLINE_WORDS 16

/* A dateline is a place, a date and an agency: at most 8 words, found in
 * the first 100 bytes of the paragraph. */
#define EX_DATELINE_WORDS 8
#define EX_DATELINE_BYTES 100

static bool is_connector(ex_span tok)
{
    return (tok.n == 3 && memcmp(tok.s, "and", 3) == 0) || (tok.n == 1 && tok.s[0] == '&');
}

/* The names after "By ", up to a separator ("By Jane Doe | 9 July 2025");
 * empty when a word is neither a name nor "and". */
static ex_span byline_names(ex_span rest)
{
    size_t pos = 0, run = 0, words = 0;
    ex_span tok, end = {0};
    bool last_connector = false;
    while (ex_next_token(rest, &pos, &tok)) {
        if (ex_is_separator_token(tok)) break;
        if (++words > EX_BYLINE_WORDS) return (ex_span){NULL, 0};
        last_connector = is_connector(tok);
        if (last_connector) { run = 0; continue; }
        ex_span core = ex_core(tok);
        if (!core.n || !u8_is_upper(ex_first_cp(core)) || ++run > EX_NAME_WORDS)
            return (ex_span){NULL, 0};
        if (tok.s[tok.n - 1] == ',') run = 0;
        end = core;
    }
    if (!end.n || last_connector) return (ex_span){NULL, 0};
    return (ex_span){rest.s, (size_t)(end.s + end.n - rest.s)};
}

static ex_span byline_of(ex_span t)
{
    if (t.n < 4 || !(t.s[0] == 'B' && (t.s[1] == 'y' || t.s[1] == 'Y')) || t.s[2] != ' ')
        return (ex_span){NULL, 0};
    return byline_names(ex_trim((ex_span){t.s + 3, t.n - 3}));
}

ex_span ex_find_byline(ex_doc *doc, size_t first_body)
{
    for (size_t i = 0; i < first_body; i++) {
        if (doc->b[i].role != EX_ROLE_NONE) continue;
        ex_span names = byline_of(doc->b[i].text);
        if (!names.n) continue;
        doc->b[i].role = EX_ROLE_BYLINE;
        return names;
    }
    return (ex_span){NULL, 0};
}

/* Every word outside brackets opens with a capital or a digit, and there is
 * a sign of a dateline: an agency in brackets, a date, a place in capitals. */
static bool dateline_shape(ex_span p)
{
    if (p.n < 2 || !u8_is_upper(ex_first_cp(p))) return false;
    size_t pos = 0, words = 0, caps_first = 0;
    int depth = 0;
    bool bracket = false, digit = false;
    ex_span tok;
    while (ex_next_token(p, &pos, &tok)) {
        if (++words > EX_DATELINE_WORDS) return false;
        ex_span core = ex_core(tok);
        int32_t cp = ex_first_cp(core);
        if (depth == 0 && tok.s[0] != '(' && core.n && !u8_is_upper(cp) && !u8_is_digit(cp))
            return false;
        for (size_t i = 0; i < tok.n; i++) {
            if (tok.s[i] == '(') depth++;
            else if (tok.s[i] == ')' && depth > 0) { depth--; bracket = true; }
            else if (tok.s[i] >= '0' && tok.s[i] <= '9') digit = true;
        }
        if (words == 1) {
            caps_first = core.n;
            for (size_t i = 0; i < core.n; i++)
                if (!(core.s[i] >= 'A' && core.s[i] <= 'Z')) caps_first = 0;
        }
    }
    return depth == 0 && (bracket || digit || caps_first >= 3);
}

/* Where the dateline ends: a dash after a space or a bracket ("(AP) —",
 * "Desk) -South"), or a colon right after a bracket ("(IANS):"). A hyphen
 * inside a word ("Kyung-wha") is no end. */
static size_t dateline_end(ex_span t)
{
    int len;
    for (size_t i = 1; i < t.n && i < EX_DATELINE_BYTES; i += (size_t)len) {
        int32_t cp = u8_decode(t.s + i, t.n - i, &len);
        char before = t.s[i - 1];
        bool dash = cp == '-' || cp == 0x2013 || cp == 0x2014;
        if ((dash && (before == ' ' || before == ')')) || (cp == ':' && before == ')')) return i;
        if (cp == '"' || cp == 0x201C) return 0;   /* a quotation: the sentence has begun */
    }
    return 0;
}

ex_span ex_dateline_of(ex_span para)
{
    size_t end = dateline_end(para);
    if (!end) return (ex_span){NULL, 0};
    ex_span prefix = ex_trim((ex_span){para.s, end});
    return dateline_shape(prefix) ? prefix : (ex_span){NULL, 0};
}
