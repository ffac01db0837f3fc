/* sentence.c: sentence boundaries in article text.
 *
 * A sentence ends at . ! or ? (with any closing quotes or brackets after
 * it) followed by space and a capital letter, digit or opening quote, or at
 * a paragraph break. A period after a known abbreviation ("Mr.", "Gen.",
 * "Jan.", "Calif.", "No. 10"; an_abbreviation), after a single letter
 * ("U.S.", "J. Smith") or inside a number does not end a sentence, unless
 * the letter closes a run of initials ("U.S.", "p.m.") or the abbreviation
 * is a company form ("Inc.") and a word that opens sentences, or a quote
 * that opens with a capital, follows (next_opens_sentence); after any
 * other word it does ("to meet Kim. He said"). The quotes and time
 * expressions ask an_abbreviation too, so that all agree on where a
 * sentence ends.
 *
 * A run of text with no sentence end (a scrape that lost its punctuation,
 * a page of one endless line) is cut into pieces of at most
 * AN_SENTENCE_MAX bytes at a space: every time expression stores the
 * sentence it sits in, so one sentence of megabytes, stored once per
 * expression, grew the database quadratically (a 1 MB line: 460 MB). */
#include "analyze.h"
#include "speech.h"

#include <string.h>

/* Ten times a long sentence of news prose (about 300 words). */
#define AN_SENTENCE_MAX 2000

static bool is_closer(int32_t cp)
{
    return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == 0x201D || cp == 0x2019 ||
           cp == 0xBB;
}

static bool is_opener(int32_t cp)
{
    return cp == '"' || cp == '\'' || cp == '(' || cp == 0x201C || cp == 0x2018 || cp == 0xAB;
}

/* Abbreviations that close with a full stop inside a sentence, written
 * capitalised as news prose writes them: titles, months, company forms, the
 * US states as news style shortens them, and place prefixes. Lower case. */
static const char *const abbreviations[] = {
    "mr", "mrs", "ms", "messrs", "dr", "prof", "rev", "hon", "pres", "gov", "sen", "rep", "amb", "atty",
    "supt", "insp", "det", "sgt", "cpl", "pvt", "lt", "col", "gen", "maj", "capt", "cmdr", "adm", "brig",
    "jr", "sr", "st", "mt", "ft", "fr", "sec", "dept", "univ", "assn", "ave", "blvd", "rd",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "inc", "corp", "co", "ltd", "bros", "cos", "plc",
    "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "kans", "ky",
    "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn",
    "tex", "va", "vt", "wash", "wis", "wyo",
    NULL};

/* Words that open a sentence and never go on a name or a time: after
 * "8 p.m.", "the U.S." or "Acme Inc." one of them, or a quote that opens
 * with a capital, starts the next sentence ("fell from about 8 p.m. \"We
 * underestimated ...\""), where "8 p.m. Monday", "the U.S. Navy", "the
 * U.S. \"clearly\" needed" and "Acme Inc. shares" go on. */
static const char *const openers[] = {"the", "a", "an", "he", "she", "it", "we", "they", "i", "you", "his", "her",
                                      "its", "their", "our", "this", "that", "these", "those", "there", "but",
                                      "and", "in", "on", "at", "after", "when", "while", "if", "as", "some",
                                      "many", "most", NULL};

static bool next_opens_sentence(const char *text, size_t len, size_t dot)
{
    size_t j = dot + 1;
    while (j < len && (text[j] == ' ' || text[j] == '\n')) j++;
    if (j == dot + 1 || j >= len) return false;
    int k;
    int32_t cp = u8_decode(text + j, len - j, &k);
    if (cp == '"' || cp == 0x201C) {   /* a quote that opens with a capital: the U.S. "clearly" needed */
        j += (size_t)k;
        return j < len && u8_is_upper(u8_decode(text + j, len - j, &k));
    }
    size_t e = j;
    while (e < len && ((text[e] >= 'a' && text[e] <= 'z') || (text[e] >= 'A' && text[e] <= 'Z'))) e++;
    if (e == j || text[j] < 'A' || text[j] > 'Z') return false;
    for (size_t i = 0; openers[i]; i++)
        if (an_word_is(text + j, e - j, openers[i])) return true;
    return false;
}

/* Abbreviations that may end a sentence as well: company forms. */
static const char *const may_end[] = {"inc", "corp", "co", "ltd", "plc", "bros", "cos", NULL};

bool an_abbreviation(const char *text, size_t len, size_t dot)
{
    size_t b = dot;
    while (b > 0 && ((text[b - 1] >= 'a' && text[b - 1] <= 'z') || (text[b - 1] >= 'A' && text[b - 1] <= 'Z'))) b--;
    size_t n = dot - b;
    if (n == 0 || (b > 0 && ((unsigned char)text[b - 1] >= 0x80 || (text[b - 1] >= '0' && text[b - 1] <= '9'))))
        return false;   /* no word, or the end of a word of other letters or digits */
    /* an initial, or a letter of "U.S." or "a.m.": the last letter of a
     * run of them may end a sentence */
    if (n == 1) return !(b >= 2 && text[b - 1] == '.' && next_opens_sentence(text, len, dot));
    if (text[b] < 'A' || text[b] > 'Z') return false;
    for (size_t i = 0; may_end[i]; i++)
        if (an_word_is(text + b, n, may_end[i])) return !next_opens_sentence(text, len, dot);
    /* "No. 10", "Nos. 3 and 4": a number follows */
    if (an_word_is(text + b, n, "no") || an_word_is(text + b, n, "nos")) {
        size_t j = dot + 1;
        while (j < len && text[j] == ' ') j++;
        return j > dot + 1 && j < len && text[j] >= '0' && text[j] <= '9';
    }
    for (size_t i = 0; abbreviations[i]; i++)
        if (an_word_is(text + b, n, abbreviations[i])) return true;
    return false;
}

typedef struct { an_span *v; size_t n, cap; arena *a; } spans;

static void push(spans *s, size_t start, size_t end)
{
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 16;
        an_span *nv = arena_alloc(s->a, s->cap * sizeof *nv);
        if (s->n) memcpy(nv, s->v, s->n * sizeof *nv);
        s->v = nv;
    }
    s->v[s->n++] = (an_span){(uint32_t)start, (uint32_t)end};
}

size_t an_sentences(const char *text, size_t len, arena *a, an_span **out)
{
    return an_sentences_max(text, len, SIZE_MAX, a, out);
}

size_t an_sentences_max(const char *text, size_t len, size_t max, arena *a, an_span **out)
{
    spans s = {.a = a};
    size_t start = 0, i = 0;
    int k;
    while (i < len && max) {
        int32_t cp = u8_decode(text + i, len - i, &k);
        size_t end = 0, next = 0;
        if (i - start >= AN_SENTENCE_MAX) {   /* cut at the last space, else here */
            size_t cut = i;
            while (cut > start + AN_SENTENCE_MAX / 2 && text[cut - 1] != ' ' && text[cut - 1] != '\n') cut--;
            if (cut == start + AN_SENTENCE_MAX / 2) cut = i;
            end = cut;
            next = cut;
        } else if (cp == '\n' && i + 1 < len && text[i + 1] == '\n') {
            end = i;
            next = i + 2;
        } else if (cp == '.' || cp == '!' || cp == '?') {
            size_t j = i + 1;
            while (j < len) {       /* more terminators and closing quotes */
                int k2;
                int32_t c2 = u8_decode(text + j, len - j, &k2);
                if (c2 == '.' || c2 == '!' || c2 == '?' || is_closer(c2)) j += (size_t)k2; else break;
            }
            if (j >= len) { end = len; next = len; }
            else if (text[j] == ' ' || text[j] == '\n') {
                size_t m = j;
                while (m < len && (text[m] == ' ' || text[m] == '\n')) m++;
                int k3;
                int32_t c3 = m < len ? u8_decode(text + m, len - m, &k3) : 'A';
                bool starts = u8_is_upper(c3) || u8_is_digit(c3) || is_opener(c3);
                if (starts && !(cp == '.' && j == i + 1 && an_abbreviation(text, len, i))) { end = j; next = m; }
            }
        }
        if (end) {
            while (start < end && (text[start] == ' ' || text[start] == '\n')) start++;
            if (end > start) push(&s, start, end);
            start = i = next;
            if (s.n == max) break;
            continue;
        }
        i += (size_t)k;
    }
    while (start < len && (text[start] == ' ' || text[start] == '\n')) start++;
    size_t end = len;
    while (end > start && (text[end - 1] == ' ' || text[end - 1] == '\n')) end--;
    if (end > start && s.n < max) push(&s, start, end);
    *out = s.v;
    return s.n;
}
