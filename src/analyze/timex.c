/* timex.c: time expressions: find the dates a news text mentions and
 * resolve them against the publication day.
 *
 * Recognised (one matcher per family, tried in this order at each token):
 *   ISO dates          "2018-06-15"
 *   year ranges        "1950-53", "1950-1953", "1950–53": two years, "1950"
 *                      and "1953", as TimeML marks each end of a range
 *   day month [year]   "14 June 2018", "14th of June", "12 Jun."
 *   month day [year]   "June 14, 2018", "Jun. 12", "March 01 , 2008"
 *   month year         "December 2007", "June, 2018", "June of 2018"
 *   modified units     "last month", "Earlier this month", "next year",
 *                      "last week", "next Monday", "last December",
 *                      "early June", "mid-2008"
 *   relative days      "yesterday", "today", "tonight", "tomorrow"
 *   ago                "two years ago", "3 days ago", "a month ago"
 *   quarters           "the third quarter", "fourth quarter of 2006", "the
 *                      quarter" (reported on), "the year-ago quarter"
 *   seasons            "this summer", "last fall", "the winter of 2008"
 *   weekends           "the weekend", "last weekend"
 *   weekdays           "on Friday", "Tuesday's summit", "Wednesday, June 13"
 *   decades            "the 1990s", "the mid-1980s", "'90s", "the nineties"
 *   anaphors           "that year", "the following month", "the next day":
 *                      counted from the period named last
 *   month alone        "in December", "since June" (needs a preposition)
 *   years              "in 2018", "2018's", a bare 1800-2199 word,
 *                      "nineteen ninety-six", "the year two thousand"
 *
 * Values: "2018-06-12" (granularity day), "2018-06" (month), "2018" and
 * "1950/1953" (year, where a period a year before a range is named: "a
 * year earlier"); a decade "199", which dates nothing on a timeline. Two forms beyond those of analyze.h, because they are
 * what a reader means and what TimeML annotations say: a week is valued in
 * ISO form "2018-W23" with day = its Monday, a weekend "2018-W23-WE" with
 * day = its Saturday, and a quarter "2009-Q3" with day = its first day, all
 * three at granularity month: a period of days, which a timeline of days
 * does not place ("This week, only the top of the bell tower showed" is
 * no entry for the Monday, nor "the cuts would end next week" for the
 * next). On t17-dev's timelines, placing weeks and weekends on their first
 * day gave AR1-F 0.148 and Date-F1 0.719, not placing them 0.151 and
 * 0.716 (AR1-F higher in 8 of 11 tasks).
 *
 * Relative expressions lean to the past, as news reports what happened: a
 * bare weekday is the publication day itself or the last such day before
 * it, a month-day without a year is the one nearest before (at most about
 * two months ahead). A sentence with a future marker ("will", "next",
 * "scheduled", ...) turns a bare weekday forward and widens the window
 * ahead to half a year. Without a publication day they get value NULL.
 *
 * TimeML's other three types come after the dates, where no date is:
 * durations ("three weeks" P3W, "a three-year deal" P3Y, "for decades"
 * PXDE), sets ("every Monday" XXXX-WXX-1, "daily" P1D) and times of day
 * ("6 p.m." on the publication day, 2013-03-18T18:00; "Friday morning"
 * 2018-06-15TMO). Their day is DAY_NONE and granularity 3: a duration or
 * a set places nothing on a timeline; the store files a time of day under
 * the day its value names (store/facts.c).
 *
 * Not here: numeric dates such as 06/15/2018 (day and month order is a
 * guess), and inferring a publication day (timex_infer.c).
 *
 * Plain C scanning rather than PCRE2: the patterns are a handful of tokens
 * long, a token list makes "word boundary" and "space before a comma"
 * explicit, and one linear pass with bounded lookahead is easy to keep
 * safe on hostile input. */
#include "timex_internal.h"
#include "speech.h"

#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- tokens -------------------------------------------------------------- */

enum { TK_WORD, TK_NUM, TK_PUNCT };

typedef struct tx_tok {
    uint32_t start, end;
    uint8_t  kind;
    uint8_t  gap;       /* before the token: 0 none, 1 space, 2 line break */
    int8_t   num, tens; /* a word's index in number_words and tens_words, or -1 (scan) */
    uint8_t  sig;       /* a word's bit of 63 (sig_of), for word_in */
    int32_t  cp;        /* the code point of a TK_PUNCT */
} tx_tok;

typedef struct tx_scan {
    const char *t;
    char       *low;       /* t with ASCII letters in lower case */
    tx_tok     *tk;
    size_t      n;
    uint8_t    *future;    /* per token: its sentence speaks of the future */
} tx_scan;

/* A list of words for word_in (NULL-terminated), with the mask of them
 * made on first use (list_mask). */
typedef struct tx_list {
    const char *const *w;
    _Atomic uint64_t   mask;
} tx_list;

static bool is_ascii_digit(int32_t c) { return c >= '0' && c <= '9'; }

/* A word's bit of 63 by its first two bytes in lower case (0 past its
 * end) and its length in bytes: a list's mask holds the bits of its words
 * (list_mask), so a word whose bit is missing is not in the list. */
static unsigned sig_of(unsigned char c0, unsigned char c1, size_t len)
{
    return (c0 * 131u + c1 * 31u + (unsigned)len * 7u) % 63u;
}

static unsigned char ascii_lower(unsigned char c) { return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c; }

/* Splits text into words (letters), numbers (ASCII digits) and single
 * punctuation code points; spaces only set the gap of the next token. */
static size_t tokenize(const char *t, uint32_t len, tx_tok *tk)
{
    size_t n = 0;
    uint8_t gap = 0;
    uint32_t i = 0;
    while (i < len) {
        int l;
        int32_t c = u8_decode(t + i, len - i, &l);
        if (u8_is_space(c)) {
            if (c == '\n' || c == '\r' || c == 0x2029) gap = 2;
            else if (gap == 0) gap = 1;
            i += (uint32_t)l;
            continue;
        }
        tx_tok k = {.start = i, .gap = gap, .cp = c};
        k.kind = is_ascii_digit(c) ? TK_NUM : u8_is_letter(c) ? TK_WORD : TK_PUNCT;
        i += (uint32_t)l;
        while (k.kind != TK_PUNCT && i < len) {
            int32_t d = u8_decode(t + i, len - i, &l);
            if (k.kind == TK_NUM ? !is_ascii_digit(d) : !u8_is_letter(d)) break;
            i += (uint32_t)l;
        }
        k.end = i;
        if (k.kind == TK_WORD)
            k.sig = (uint8_t)sig_of(ascii_lower((unsigned char)t[k.start]),
                                    k.end - k.start > 1 ? ascii_lower((unsigned char)t[k.start + 1]) : 0, k.end - k.start);
        tk[n++] = k;
        gap = 0;
    }
    return n;
}

/* ---- token tests ---------------------------------------------------------- */

static bool in_range(const tx_scan *s, size_t i) { return i < s->n; }

static bool adjacent(const tx_scan *s, size_t i) { return in_range(s, i) && s->tk[i].gap == 0; }

/* Is the lower-cased text of word token k the word w? The matchers ask
 * this several times of every token, so the text is lower-cased once
 * (s->low) and nothing is copied. A word's bytes are never NUL, so a
 * shorter w differs at its terminator. */
static bool low_is(const tx_scan *s, const tx_tok *k, const char *w)
{
    const char *p = s->low + k->start;
    size_t n = k->end - k->start;
    for (size_t j = 0; j < n; j++)
        if (p[j] != w[j]) return false;
    return w[n] == '\0';
}

static bool is_word(const tx_scan *s, size_t i, const char *w)
{
    return in_range(s, i) && s->tk[i].kind == TK_WORD && low_is(s, &s->tk[i], w);
}

/* The bits of a list's words (sig_of), with bit 63 set to say it is made:
 * made the first time the list is asked, by whichever thread asks (each
 * makes the same one). */
static uint64_t __attribute__((noinline)) make_mask(tx_list *l)
{
    uint64_t m = 1ull << 63;
    for (int j = 0; l->w[j]; j++) {
        const unsigned char *w = (const unsigned char *)l->w[j];
        m |= 1ull << sig_of(w[0], w[0] ? w[1] : 0, strlen(l->w[j]));
    }
    atomic_store_explicit(&l->mask, m, memory_order_relaxed);
    return m;
}

static inline uint64_t list_mask(tx_list *l)
{
    uint64_t m = atomic_load_explicit(&l->mask, memory_order_relaxed);
    return m ? m : make_mask(l);
}

/* word_in past its first test: the list read word by word. */
static int __attribute__((noinline)) word_in_list(const tx_scan *s, const tx_tok *k, const tx_list *list)
{
    char c0 = s->low[k->start];
    for (int j = 0; list->w[j]; j++)   /* the first letter rules out most, cheaply */
        if (c0 == list->w[j][0] && low_is(s, k, list->w[j])) return j;
    return -1;
}

/* Index of the word at i in a list, or -1. The matchers ask most tokens
 * of many lists, and most tokens are in none: a word whose bit the list's
 * mask lacks is none of its words, and is answered here, inline, without
 * reading the list. */
static inline int word_in(const tx_scan *s, size_t i, tx_list *list)
{
    if (!in_range(s, i) || s->tk[i].kind != TK_WORD || !(list_mask(list) >> s->tk[i].sig & 1)) return -1;
    return word_in_list(s, &s->tk[i], list);
}

static bool is_punct(const tx_scan *s, size_t i, int32_t cp)
{
    return in_range(s, i) && s->tk[i].kind == TK_PUNCT && s->tk[i].cp == cp;
}

static bool is_capitalised(const tx_scan *s, size_t i)
{
    return in_range(s, i) && s->tk[i].kind == TK_WORD && s->t[s->tk[i].start] >= 'A' && s->t[s->tk[i].start] <= 'Z';
}

/* The number at i and its digit count, or -1 (longer than 9 digits too). */
static long num_at(const tx_scan *s, size_t i, int *digits)
{
    if (digits) *digits = 0;   /* callers test the count before the value */
    if (!in_range(s, i) || s->tk[i].kind != TK_NUM) return -1;
    int n = (int)(s->tk[i].end - s->tk[i].start);
    if (n > 9) return -1;
    long v = 0;
    for (int k = 0; k < n; k++) v = v * 10 + (s->t[s->tk[i].start + k] - '0');
    if (digits) *digits = n;
    return v;
}

/* A number of 1 or 2 digits that can be a day of the month. */
static int day_number(const tx_scan *s, size_t i)
{
    int nd;
    long v = num_at(s, i, &nd);
    return nd <= 2 && v >= 1 && v <= 31 ? (int)v : 0;
}

/* A 4-digit year in [lo, hi], or 0. */
static int year_number(const tx_scan *s, size_t i, int lo, int hi)
{
    int nd;
    long v = num_at(s, i, &nd);
    return nd == 4 && v >= lo && v <= hi ? (int)v : 0;
}

/* The word or number at i goes on into a number ("2.5", "2,700"). */
static bool continues_number(const tx_scan *s, size_t i)
{
    return (is_punct(s, i, '.') || is_punct(s, i, ',') || is_punct(s, i, ':')) && adjacent(s, i)
           && adjacent(s, i + 1) && s->tk[i + 1].kind == TK_NUM;
}

/* ---- names of months and weekdays ---------------------------------------- */

static const char *const month_full[] = {"january", "february", "march", "april", "may", "june", "july",
                                         "august", "september", "october", "november", "december", NULL};
static tx_list month_full_list = {month_full, 0};
static const char *const month_abbr[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul",
                                         "aug", "sep", "oct", "nov", "dec", NULL};
static tx_list month_abbr_list = {month_abbr, 0};
static const char *const weekday_name[] = {"monday", "tuesday", "wednesday", "thursday",
                                           "friday", "saturday", "sunday", NULL};
static tx_list weekday_name_list = {weekday_name, 0};

typedef struct tx_month { int m; size_t next; bool full; } tx_month;

/* A capitalised month name at i ("June", "Jun.", "Sept."); the period of an
 * abbreviation is part of it. m = 0 if none. */
static tx_month month_at(const tx_scan *s, size_t i)
{
    tx_month r = {0, i, false};
    if (!is_capitalised(s, i)) return r;
    int k = word_in(s, i, &month_full_list);
    if (k >= 0) return (tx_month){k + 1, i + 1, true};
    k = word_in(s, i, &month_abbr_list);
    if (k < 0 && is_word(s, i, "sept")) k = 8;
    if (k < 0) return r;
    r.m = k + 1;
    r.next = is_punct(s, i + 1, '.') && adjacent(s, i + 1) ? i + 2 : i + 1;
    return r;
}

static int weekday_at(const tx_scan *s, size_t i)
{
    if (!is_capitalised(s, i)) return -1;
    return word_in(s, i, &weekday_name_list);
}

/* ---- hits: what a matcher found, before resolution ---------------------- */

typedef enum tx_kind {
    TX_DATE,      /* y (0: infer), m, d */
    TX_MONTH,     /* y (0: infer), m; dir for "last/next/this December" */
    TX_YEAR,      /* y */
    TX_RANGE,     /* y .. y2 */
    TX_WEEKDAY,   /* wd 0 = Monday; dir */
    TX_REL,       /* unit, off from the publication day */
    TX_QUARTER,   /* q, y (0: infer) */
    TX_SAME_DAY,  /* "the same day": the day mentioned last */
    TX_SEASON,    /* m: 1 spring, 2 summer, 3 fall, 4 winter; y (0: infer); dir */
    TX_WEEKEND,   /* dir */
    TX_HOLIDAY,   /* q: index in holidays; y (0: infer); dir */
    TX_YEAR_BEFORE, /* a year before the period named last; dir DIR_LAST
                     * for "a year ago", which only a quarter anchors */
    TX_DECADE,    /* y: its first year */
    TX_ANAPHOR,   /* unit, off from the period the text named last */
} tx_kind;

enum { U_DAY, U_WEEK, U_MONTH, U_YEAR, U_QUARTER, U_SAME };
/* dir: how to pick among candidates. */
enum { DIR_CONTEXT, DIR_LAST, DIR_NEXT, DIR_THIS, DIR_AHEAD };

typedef struct tx_hit {
    uint32_t start, end;
    uint32_t mid;           /* TX_RANGE: where its second year starts */
    size_t   next;          /* first token after the match */
    uint8_t  kind;          /* tx_kind */
    uint8_t  dir;
    int      y, m, d, y2, wd, unit, off, q;
    bool     yrel;          /* the year is the publication year + off */
    bool     before;        /* a year before what the rest names ("the
                             * year-ago third quarter") */
} tx_hit;

static bool hit_end(const tx_scan *s, tx_hit *h, size_t first, size_t next)
{
    h->start = s->tk[first].start;
    h->end = s->tk[next - 1].end;
    h->next = next;
    return true;
}

/* An ordinal suffix right after a day number ("14th"). */
static size_t skip_ordinal(const tx_scan *s, size_t i)
{
    static const char *const suf[] = {"st", "nd", "rd", "th", NULL};
    static tx_list suf_list = {suf, 0};
    return adjacent(s, i) && word_in(s, i, &suf_list) >= 0 ? i + 1 : i;
}

/* An optional comma and a year after a date: returns the index after it and
 * sets *y, or returns i unchanged. */
static int spelled_year(const tx_scan *s, size_t i, bool asked, size_t *next);

static size_t trailing_year(const tx_scan *s, size_t i, int *y)
{
    size_t j = is_punct(s, i, ',') ? i + 1 : i;
    int v = year_number(s, j, 1000, 2999);
    size_t after;
    if (!v && in_range(s, j) && s->tk[j].gap < 2 && (v = spelled_year(s, j, true, &after))) {
        *y = v;
        return after;
    }
    if (!v || (adjacent(s, j + 1) && (s->tk[j + 1].kind != TK_PUNCT || continues_number(s, j + 1)))) return i;
    *y = v;
    return j + 1;
}

/* "last year", "this year", "next year" at i, optionally after "of":
 * returns the index after it and sets *off, or returns i. */
static size_t relative_year(const tx_scan *s, size_t i, int *off)
{
    static const char *const mods[] = {"last", "this", "next", NULL};
    static tx_list mods_list = {mods, 0};
    size_t j = is_word(s, i, "of") ? i + 1 : i;
    int k = word_in(s, j, &mods_list);
    if (k < 0 || !is_word(s, j + 1, "year")) return i;
    *off = k == 0 ? -1 : k == 1 ? 0 : 1;
    return j + 2;
}

/* ---- matchers: one per family; each returns true and fills h ------------- */

/* "2018-06-15" */
static bool match_iso(const tx_scan *s, size_t i, tx_hit *h)
{
    int y = year_number(s, i, 1000, 2999), nm, nd;
    if (!y || !is_punct(s, i + 1, '-') || !adjacent(s, i + 1) || !adjacent(s, i + 2)) return false;
    long m = num_at(s, i + 2, &nm);
    if (nm != 2 || !is_punct(s, i + 3, '-') || !adjacent(s, i + 3) || !adjacent(s, i + 4)) return false;
    long d = num_at(s, i + 4, &nd);
    if (nd != 2 || day_from_ymd(y, (int)m, (int)d) == DAY_NONE) return false;
    *h = (tx_hit){.kind = TX_DATE, .y = y, .m = (int)m, .d = (int)d};
    return hit_end(s, h, i, i + 5);
}

/* "1950-53", "1950-1953", "1950–53" */
static bool match_year_range(const tx_scan *s, size_t i, tx_hit *h)
{
    int y = year_number(s, i, 1000, 2999), nd;
    if (!y || !adjacent(s, i + 1) || !adjacent(s, i + 2)) return false;
    if (!is_punct(s, i + 1, '-') && !is_punct(s, i + 1, 0x2013) && !is_punct(s, i + 1, '/')) return false;
    long v = num_at(s, i + 2, &nd);
    if (v < 0 || (nd != 2 && nd != 4) || continues_number(s, i + 3)) return false;
    int y2 = nd == 2 ? y - y % 100 + (int)v : (int)v;
    if (y2 <= y || y2 - y >= 100) return false;
    *h = (tx_hit){.kind = TX_RANGE, .y = y, .y2 = y2, .mid = s->tk[i + 2].start};
    return hit_end(s, h, i, i + 3);
}

/* A group named after a day, "the March 8 coalition", "the April 6
 * movement": the words after a month and day name a group, not a date. */
static bool names_a_group(const tx_scan *s, size_t i)
{
    static const char *const groups[] = {"coalition", "movement", "alliance", "bloc", "camp", "front",
                                         "group", "party", "forces", NULL};
    static tx_list groups_list = {groups, 0};
    return word_in(s, i, &groups_list) >= 0 || (is_capitalised(s, i) && word_in(s, i + 1, &groups_list) >= 0);
}

/* "14 June 2018", "14th of June", "12 Jun." */
static bool match_day_month(const tx_scan *s, size_t i, tx_hit *h)
{
    int d = day_number(s, i);
    if (!d || (i > 0 && s->tk[i].gap == 0 && s->tk[i - 1].kind != TK_PUNCT)) return false;
    size_t j = skip_ordinal(s, i + 1);
    if (is_word(s, j, "of")) j++;
    tx_month mo = month_at(s, j);
    if (!mo.m || names_a_group(s, mo.next)) return false;   /* "the 14 March alliance" */
    int y = 0;
    j = trailing_year(s, mo.next, &y);
    if (day_from_ymd(y ? y : 2000, mo.m, d) == DAY_NONE) return false;
    *h = (tx_hit){.kind = TX_DATE, .y = y, .m = mo.m, .d = d};
    return hit_end(s, h, i, j);
}

/* "June 14, 2018", "Jun. 12", "December 2007", "June of 2018" */
static bool match_month_day(const tx_scan *s, size_t i, tx_hit *h)
{
    tx_month mo = month_at(s, i);
    if (!mo.m) return false;
    size_t j = mo.next;
    int d = day_number(s, j), y = 0;
    if (d && !continues_number(s, j + 1) && !(adjacent(s, j + 1) && s->tk[j + 1].kind == TK_NUM)) {
        if (names_a_group(s, skip_ordinal(s, j + 1))) return false;
        j = trailing_year(s, skip_ordinal(s, j + 1), &y);
        if (day_from_ymd(y ? y : 2000, mo.m, d) == DAY_NONE) return false;
        *h = (tx_hit){.kind = TX_DATE, .y = y, .m = mo.m, .d = d};
        return hit_end(s, h, i, j);
    }
    int off = 0;
    size_t rel = relative_year(s, j, &off);
    if (rel != j) {
        *h = (tx_hit){.kind = TX_MONTH, .m = mo.m, .off = off, .yrel = true};
        return hit_end(s, h, i, rel);
    }
    size_t k = is_word(s, j, "of") ? j + 1 : j;
    size_t after = trailing_year(s, k, &y);
    if (!y) return false;
    *h = (tx_hit){.kind = TX_MONTH, .y = y, .m = mo.m};
    return hit_end(s, h, i, after);
}

/* A full month name alone after a preposition: "in December", "since June". */
static bool match_month_alone(const tx_scan *s, size_t i, tx_hit *h)
{
    static const char *const prep[] = {"in", "since", "by", "until", "till", "through", "during",
                                       "before", "after", "from", "of", "to", "between", "for", NULL};
    static tx_list prep_list = {prep, 0};
    tx_month mo = month_at(s, i);
    if (!mo.m || !mo.full || i == 0) return false;
    bool listed = i > 1 && (is_word(s, i - 1, "and") || is_word(s, i - 1, "or")) && month_at(s, i - 2).full;
    if (!listed && word_in(s, i - 1, &prep_list) < 0) return false;
    *h = (tx_hit){.kind = TX_MONTH, .m = mo.m};
    return hit_end(s, h, i, mo.next);
}

/* Is i the start of a date a weekday can lead ("Friday, June 15")? */
static bool match_date_after_weekday(const tx_scan *s, size_t i, tx_hit *h)
{
    size_t j = is_punct(s, i, ',') ? i + 1 : i;
    if (!in_range(s, j) || s->tk[i].gap == 2 || s->tk[j].gap == 2) return false;
    return (match_day_month(s, j, h) || match_month_day(s, j, h)) && h->kind == TX_DATE;
}

/* "Friday", "Tuesday's"; a date right after it wins ("Wednesday 15 March"). */
static bool match_weekday(const tx_scan *s, size_t i, tx_hit *h)
{
    static const char *const named[] = {"black", "cyber", "good", "super", "bloody", "ash", "easter",
                                        "holy", "palm", "maundy", NULL};
    static tx_list named_list = {named, 0};
    int wd = weekday_at(s, i);
    if (wd < 0 || (i > 0 && is_capitalised(s, i - 1) && word_in(s, i - 1, &named_list) >= 0)) return false;
    if (i > 0 && (is_word(s, i - 1, "every") || is_word(s, i - 1, "each"))) return false;   /* a set */
    if (match_date_after_weekday(s, i + 1, h)) {
        h->start = s->tk[i].start;
        return true;
    }
    bool until = i > 0 && (is_word(s, i - 1, "until") || is_word(s, i - 1, "till"));
    *h = (tx_hit){.kind = TX_WEEKDAY, .wd = wd, .dir = until ? DIR_AHEAD : DIR_CONTEXT};
    return hit_end(s, h, i, i + 1);
}

/* The unit after a modifier: a weekday, week, month, year or month name. */
static bool modified_unit(const tx_scan *s, size_t j, int dir, tx_hit *h)
{
    static const char *const units[] = {"day", "week", "month", "year", "quarter", NULL};
    static tx_list units_list = {units, 0};
    int wd = weekday_at(s, j), u = word_in(s, j, &units_list);
    int off = dir == DIR_LAST ? -1 : dir == DIR_NEXT ? 1 : 0;
    tx_month mo = month_at(s, j);
    if (wd >= 0) *h = (tx_hit){.kind = TX_WEEKDAY, .wd = wd, .dir = (uint8_t)dir};
    else if (mo.m && mo.full) *h = (tx_hit){.kind = TX_MONTH, .m = mo.m, .dir = (uint8_t)dir};
    else if (u == 4) *h = (tx_hit){.kind = TX_QUARTER, .q = 0, .off = off, .dir = DIR_THIS};
    else if (u > U_DAY) *h = (tx_hit){.kind = TX_REL, .unit = u, .off = off};
    else return false;
    h->next = j + 1;
    return true;
}

/* A decade: "1990s", "1990's", "'90s", "the nineties", "the mid-1980s";
 * its first year, or 0. A decade in words needs "the" or "early", "mid",
 * "late" before it ("in her twenties" is an age). *next after it. */
static int decade_at(const tx_scan *s, size_t i, size_t *next)
{
    static const char *const names[] = {"twenties", "thirties", "forties", "fifties", "sixties", "seventies",
                                        "eighties", "nineties", NULL};
    static tx_list names_list = {names, 0};
    static const char *const edge[] = {"the", "early", "mid", "late", NULL};
    static tx_list edge_list = {edge, 0};
    int nd;
    long v = num_at(s, i, &nd);
    size_t j = i + 1;
    bool apos = (is_punct(s, i, '\'') || is_punct(s, i, 0x2019)) && adjacent(s, i + 1);
    if (apos) {   /* "'90s" */
        v = num_at(s, i + 1, &nd);
        if (nd != 2 || v % 10 || (v >= 20 && v < 30)) return 0;
        v += v >= 30 ? 1900 : 2000;
        nd = 4;
        j = i + 2;
    } else if (v >= 0 && (is_punct(s, j, '\'') || is_punct(s, j, 0x2019)) && adjacent(s, j)) {
        j++;   /* "1990's" */
    }
    if (v >= 0) {
        if (nd != 4 || v % 10 || v < 1000 || v > 2990 || !adjacent(s, j) || !is_word(s, j, "s")) return 0;
        if (adjacent(s, j + 1) && s->tk[j + 1].kind != TK_PUNCT) return 0;
        *next = j + 1;
        return (int)v;
    }
    int k = word_in(s, i, &names_list);
    if (k < 0 || i == 0 || (word_in(s, i - 1, &edge_list) < 0 && !is_punct(s, i - 1, '-'))) return 0;
    *next = i + 1;
    return 1920 + 10 * k;
}

static bool match_decade(const tx_scan *s, size_t i, tx_hit *h)
{
    size_t next;
    int y = decade_at(s, i, &next);
    if (!y) return false;
    *h = (tx_hit){.kind = TX_DECADE, .y = y};
    return hit_end(s, h, i, next);
}

/* "last month", "Earlier this month", "next Monday", "last December",
 * "early June", "mid-2008", "late last year". */
static bool match_modified(const tx_scan *s, size_t i, tx_hit *h)
{
    static const char *const edge[] = {"earlier", "later", "early", "late", "mid", NULL};
    static tx_list edge_list = {edge, 0};
    static const char *const mods[] = {"last", "next", "this", "coming", "previous", NULL};
    static tx_list mods_list = {mods, 0};
    static const int dirs[] = {DIR_LAST, DIR_NEXT, DIR_THIS, DIR_NEXT, DIR_LAST};
    size_t j = i;
    if (word_in(s, j, &edge_list) >= 0) j += is_punct(s, j + 1, '-') ? 2 : 1;
    int k = word_in(s, j, &mods_list);
    if (k < 0) {
        /* "early June", "mid-2008": an edge word before a month or a year */
        if (j == i) return false;
        tx_month mo = month_at(s, j);
        size_t after;
        int dec = decade_at(s, j, &after);
        int y = dec ? 0 : year_number(s, j, 1800, 2199);
        if (mo.m && mo.full) *h = (tx_hit){.kind = TX_MONTH, .m = mo.m, .next = mo.next};
        else if (dec) *h = (tx_hit){.kind = TX_DECADE, .y = dec, .next = after};
        else if (y && !continues_number(s, j + 1) && !(adjacent(s, j + 1) && s->tk[j + 1].kind == TK_WORD))
            *h = (tx_hit){.kind = TX_YEAR, .y = y, .next = j + 1};
        else return false;
        if (mo.m) h->next = trailing_year(s, mo.next, &h->y);
        return hit_end(s, h, i, h->next);
    }
    if (!modified_unit(s, j + 1, dirs[k], h)) return false;
    return hit_end(s, h, i, h->next);
}

/* "yesterday", "today", "tonight", "tomorrow" */
static bool match_relative_day(const tx_scan *s, size_t i, tx_hit *h)
{
    static const char *const w[] = {"yesterday", "today", "tonight", "tomorrow", NULL};
    static tx_list w_list = {w, 0};
    static const int off[] = {-1, 0, 0, 1};
    int k = word_in(s, i, &w_list);
    if (k < 0) return false;
    *h = (tx_hit){.kind = TX_REL, .unit = U_DAY, .off = off[k]};
    return hit_end(s, h, i, i + 1);
}

/* "that year", "that same month", "the same week", "the following day",
 * "the next day", "the next morning": a period
 * counted from the one the text named last (an_find_times), so that
 * "In March 2009 ... later that year ... the following year" reads 2009,
 * 2010. "the same day" is match_the_day's; "the next year" without
 * "day" is left out, as it is as often the coming year ("over the next
 * year"). A unit stuck to a hyphen ("that year-end") is not one. */
static bool match_anaphor(const tx_scan *s, size_t i, tx_hit *h)
{
    static const char *const units[] = {"day", "week", "month", "year", "quarter", NULL};
    static tx_list units_list = {units, 0};
    size_t j;
    int off = 0;
    bool same = false;
    if (is_word(s, i, "that")) j = is_word(s, i + 1, "same") ? i + 2 : i + 1;
    else if (!is_word(s, i, "the")) return false;
    else if ((same = is_word(s, i + 1, "same"))) j = i + 2;
    else if (is_word(s, i + 1, "following")) { j = i + 2; off = 1; }
    else if (is_word(s, i + 1, "latest") && is_word(s, i + 2, "period")) j = i + 2;
    else if (is_word(s, i + 1, "next") && (is_word(s, i + 2, "day") || is_word(s, i + 2, "morning"))) { j = i + 2; off = 1; }
    else return false;
    int u = word_in(s, j, &units_list);
    if (u < 0 && off == 1 && is_word(s, j, "morning")) u = U_DAY;
    /* "that period", "the latest period": the period named last itself,
     * of whatever length ("net rose in the third quarter ... the latest
     * period") */
    if (u < 0 && off == 0 && !same && is_word(s, j, "period")) u = U_SAME;
    if (u < 0 || (u == U_DAY && is_word(s, i, "the") && is_word(s, i + 1, "same"))) return false;
    if ((is_punct(s, j + 1, '-') && adjacent(s, j + 1)) || is_punct(s, j + 1, '\'') || is_punct(s, j + 1, 0x2019))
        return false;
    *h = (tx_hit){.kind = TX_ANAPHOR, .unit = u, .off = off};
    return hit_end(s, h, i, j + 1);
}

/* "the day", "on the day" (the publication day: "stocks closed up on the
 * day") and "the same day" (the day mentioned last); not "the day after",
 * "the day of the vote", "the day when ...". */
static bool match_the_day(const tx_scan *s, size_t i, tx_hit *h)
{
    static const char *const stop[] = {"after", "before", "of", "when", "that", "which", "earlier", "later",
                                       "following", "before", "he", "she", "they", "it", "we", "i", NULL};
    static tx_list stop_list = {stop, 0};
    if (!is_word(s, i, "the")) return false;
    bool same = is_word(s, i + 1, "same");
    size_t j = i + 1 + same;
    if (!is_word(s, j, "day") || word_in(s, j + 1, &stop_list) >= 0 || is_punct(s, j + 1, '\'')
        || is_punct(s, j + 1, 0x2019))
        return false;
    *h = (tx_hit){.kind = same ? TX_SAME_DAY : TX_REL, .unit = U_DAY};
    return hit_end(s, h, i, j + 1);
}

/* Units of a duration, singular then plural, and their TimeML codes; the
 * first six are parts of a day (a "T" goes before their count). */
static const char *const unit_words[] = {"second", "seconds", "minute", "minutes", "hour", "hours", "day",
    "days", "week", "weeks", "month", "months", "year", "years", "decade", "decades", "century",
    "centuries", "quarter", "quarters", NULL};
static tx_list unit_words_list = {unit_words, 0};
static const char *const unit_codes[] = {"S", "S", "M", "M", "H", "H", "D", "D", "W", "W", "M", "M", "Y", "Y",
    "DE", "DE", "CE", "CE", "Q", "Q"};
enum { UNIT_DECADE = 14, UNIT_CENTURY = 16, UNIT_QUARTER = 18 };   /* their indexes in unit_words */
static const char *const number_words[] = {"zero", "one", "two", "three", "four", "five", "six", "seven",
    "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen", NULL};
static tx_list number_words_list = {number_words, 0};
static const char *const tens_words[] = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
    "ninety", NULL};
static tx_list tens_words_list = {tens_words, 0};

/* The index of the word at i in number_words, in tens_words, or -1: asked
 * of nearly every token, so scan looks them up once. */
static int number_word(const tx_scan *s, size_t i) { return in_range(s, i) ? s->tk[i].num : -1; }
static int tens_word(const tx_scan *s, size_t i) { return in_range(s, i) ? s->tk[i].tens : -1; }

enum { COUNT_NONE = -1, COUNT_VAGUE = -2 };

/* A count of units at i: digits, number words ("twenty-five"), "a"/"an" (1), or a
 * vague one ("several", "few": COUNT_VAGUE); *next after it. */
static long units_count_at(const tx_scan *s, size_t i, size_t *next)
{
    static const char *const vague[] = {"several", "few", "many", "some", NULL};
    static tx_list vague_list = {vague, 0};
    int nd;
    long v = num_at(s, i, &nd);
    if (v >= 0) {
        if (continues_number(s, i + 1)) return COUNT_NONE;   /* 2.5 years: no count of units */
        if (i > 0 && is_punct(s, i - 1, '/') && adjacent(s, i)) return COUNT_NONE;   /* the 2 of "5 1/2 hours" */
        *next = i + 1;
        return v;
    }
    int k = number_word(s, i);
    if (k >= 0) { *next = i + 1; return k; }
    k = tens_word(s, i);
    if (k >= 0) {
        long t = (k + 2) * 10;
        /* "twenty-four" or "twenty four" */
        bool hyphen = is_punct(s, i + 1, '-') && adjacent(s, i + 1) && adjacent(s, i + 2);
        size_t at = hyphen ? i + 2 : i + 1;
        int u = hyphen || (in_range(s, at) && s->tk[at].gap == 1) ? number_word(s, at) : -1;
        *next = u >= 1 && u <= 9 ? at + 1 : i + 1;
        return u >= 1 && u <= 9 ? t + u : t;
    }
    if (is_word(s, i, "a") || is_word(s, i, "an")) { *next = i + 1; return 1; }
    if (word_in(s, i, &vague_list) >= 0) { *next = i + 1; return COUNT_VAGUE; }
    return COUNT_NONE;
}

/* A year said in words, as transcripts write it: "nineteen ninety-six",
 * "nineteen eighty", "eighteen twelve"; "two thousand", "two thousand and
 * three", "two thousand ten" only where a year is asked for (after "year"
 * or a month: asked), since elsewhere it is a count. 0 if none; *next
 * after it. */
static int spelled_year(const tx_scan *s, size_t i, bool asked, size_t *next)
{
    int c = number_word(s, i);
    if (c == 18 || c == 19) {
        size_t j = i + 1;
        int t = in_range(s, j) && s->tk[j].gap == 1 ? tens_word(s, j) : -1;
        int teen = in_range(s, j) && s->tk[j].gap == 1 ? number_word(s, j) : -1;
        int y;
        if (t >= 0) {
            y = c * 100 + (t + 2) * 10;
            bool hyphen = is_punct(s, j + 1, '-') && adjacent(s, j + 1) && adjacent(s, j + 2);
            size_t at = hyphen ? j + 2 : j + 1;
            int u = hyphen || (in_range(s, at) && s->tk[at].gap == 1) ? number_word(s, at) : -1;
            if (u >= 1 && u <= 9) { y += u; j = at; }
        } else if (teen >= 10) {
            y = c * 100 + teen;
        } else {
            return 0;
        }
        if (is_word(s, j + 1, "hundred") || is_word(s, j + 1, "thousand")) return 0;
        *next = j + 1;
        return y;
    }
    if (!asked || c != 2 || !is_word(s, i + 1, "thousand")) return 0;
    size_t j = i + 2, k = is_word(s, j, "and") ? j + 1 : j;
    size_t after = k;
    long v = units_count_at(s, k, &after);
    if (v >= 1 && v <= 99 && s->tk[k].kind == TK_WORD && !is_word(s, k, "a") && !is_word(s, k, "an")
        && !is_word(s, after, "hundred")) {
        *next = after;
        return 2000 + (int)v;
    }
    if (is_word(s, j, "and") || is_word(s, j, "hundred")) return 0;
    *next = j;
    return 2000;
}

/* "two years ago", "3 days ago", "a month ago" */
static bool match_ago(const tx_scan *s, size_t i, tx_hit *h)
{
    static const char *const units[] = {"day", "days", "week", "weeks", "month", "months", "year", "years", NULL};
    static tx_list units_list = {units, 0};
    size_t j = i;
    long c = units_count_at(s, i, &j);   /* "Twenty-five years ago": all of the number */
    int n = c >= 1 && c <= 999 ? (int)c : 0, u = word_in(s, j, &units_list);
    if (!n || u < 0 || !is_word(s, j + 1, "ago")) return false;
    /* "a year ago" in business news is the quarter reported on, a year
     * before (TX_YEAR_BEFORE); elsewhere the year before publication */
    if (n == 1 && u / 2 == U_YEAR)
        *h = (tx_hit){.kind = TX_YEAR_BEFORE, .unit = U_YEAR, .off = -1, .dir = DIR_LAST};
    /* "a week ago" is a day, as "three days ago" is */
    else if (u / 2 == U_WEEK) *h = (tx_hit){.kind = TX_REL, .unit = U_DAY, .off = -7 * n};
    else *h = (tx_hit){.kind = TX_REL, .unit = u / 2, .off = -n};
    return hit_end(s, h, i, j + 2);
}

/* Holidays of the calendar that news dates events by: a fixed day, the
 * n-th weekday of a month (n -1: the last), or a day counted from Easter
 * Sunday. The days are those of the United States where a holiday is
 * kept on different days elsewhere (Thanksgiving, Labor Day, Mother's
 * Day). Names are words apart; "'s" is a word of its own, "." an optional
 * full stop ("St. Patrick's Day"). */
enum { HOL_FIXED, HOL_NTH, HOL_EASTER, HOL_ELECTION, HOL_AFTER_THANKSGIVING };

static const struct holiday {
    const char *name;
    uint8_t     rule;
    int8_t      m, d;      /* HOL_FIXED: month and day; HOL_NTH: month and n */
    int8_t      wd;        /* HOL_NTH: 0 Monday .. 6 Sunday */
    int16_t     off;       /* HOL_EASTER: days from Easter Sunday */
} holidays[] = {
    {"new year 's day", HOL_FIXED, 1, 1, 0, 0},      {"new year 's eve", HOL_FIXED, 12, 31, 0, 0},
    {"valentine 's day", HOL_FIXED, 2, 14, 0, 0},    {"st . patrick 's day", HOL_FIXED, 3, 17, 0, 0},
    {"saint patrick 's day", HOL_FIXED, 3, 17, 0, 0}, {"fourth of july", HOL_FIXED, 7, 4, 0, 0},
    {"bastille day", HOL_FIXED, 7, 14, 0, 0},         {"halloween", HOL_FIXED, 10, 31, 0, 0},
    {"veterans day", HOL_FIXED, 11, 11, 0, 0},        {"armistice day", HOL_FIXED, 11, 11, 0, 0},
    {"remembrance day", HOL_FIXED, 11, 11, 0, 0},     {"christmas eve", HOL_FIXED, 12, 24, 0, 0},
    {"christmas day", HOL_FIXED, 12, 25, 0, 0},       {"christmas", HOL_FIXED, 12, 25, 0, 0},
    {"boxing day", HOL_FIXED, 12, 26, 0, 0},
    {"martin luther king day", HOL_NTH, 1, 3, 0, 0},  {"presidents day", HOL_NTH, 2, 3, 0, 0},
    {"mother 's day", HOL_NTH, 5, 2, 6, 0},           {"memorial day", HOL_NTH, 5, -1, 0, 0},
    {"father 's day", HOL_NTH, 6, 3, 6, 0},           {"labor day", HOL_NTH, 9, 1, 0, 0},
    {"columbus day", HOL_NTH, 10, 2, 0, 0},           {"thanksgiving day", HOL_NTH, 11, 4, 3, 0},
    {"thanksgiving", HOL_NTH, 11, 4, 3, 0},           {"black friday", HOL_AFTER_THANKSGIVING, 0, 0, 0, 0},
    {"election day", HOL_ELECTION, 0, 0, 0, 0},
    {"ash wednesday", HOL_EASTER, 0, 0, 0, -46},      {"palm sunday", HOL_EASTER, 0, 0, 0, -7},
    {"maundy thursday", HOL_EASTER, 0, 0, 0, -3},     {"good friday", HOL_EASTER, 0, 0, 0, -2},
    {"easter sunday", HOL_EASTER, 0, 0, 0, 0},        {"easter monday", HOL_EASTER, 0, 0, 0, 1},
    {"easter", HOL_EASTER, 0, 0, 0, 0},               {"pentecost", HOL_EASTER, 0, 0, 0, 49},
};

/* The token after holiday name k when it is written at i, else 0. */
static size_t holiday_name_at(const tx_scan *s, size_t i, const char *name)
{
    char w[24];
    for (const char *p = name; *p; ) {
        size_t n = strcspn(p, " ");
        if (n >= sizeof w) return 0;
        memcpy(w, p, n);
        w[n] = 0;
        p += n + (p[n] == ' ');
        if (!strcmp(w, ".")) {
            if (is_punct(s, i, '.') && adjacent(s, i)) i++;
        } else if (!strcmp(w, "'s")) {
            if (!(is_punct(s, i, '\'') || is_punct(s, i, 0x2019)) || !adjacent(s, i) || !adjacent(s, i + 1) ||
                !is_word(s, i + 1, "s"))
                return 0;
            i += 2;
        } else if (!is_word(s, i, w)) {
            return 0;
        } else {
            i++;
        }
    }
    return i;
}

/* "Thanksgiving", "last Christmas", "Easter 2019", "Christmas of 2008":
 * a holiday's day, the year inferred as for a day without one. The name
 * is capitalised, as a holiday's is. */
static bool match_holiday(const tx_scan *s, size_t i, tx_hit *h)
{
    static const char *const mods[] = {"last", "next", "this", "past", NULL};
    static tx_list mods_list = {mods, 0};
    static const int dirs[] = {DIR_LAST, DIR_NEXT, DIR_THIS, DIR_LAST};
    size_t j = i;
    int k = word_in(s, j, &mods_list);
    if (k >= 0) j++;
    if (!is_capitalised(s, j)) return false;
    char c0 = s->low[s->tk[j].start];   /* every name opens with a word: its first letter rules out most */
    for (size_t n = 0; n < sizeof holidays / sizeof *holidays; n++) {
        if (holidays[n].name[0] != c0) continue;
        size_t end = holiday_name_at(s, j, holidays[n].name);
        if (!end) continue;
        *h = (tx_hit){.kind = TX_HOLIDAY, .q = (int)n, .dir = (uint8_t)(k >= 0 ? dirs[k] : DIR_CONTEXT)};
        size_t after = is_word(s, end, "of") ? end + 1 : end;
        int y = k < 0 ? year_number(s, after, 1800, 2199) : 0;
        if (y && !(adjacent(s, after + 1) && s->tk[after + 1].kind != TK_PUNCT)) {
            h->y = y;
            end = after + 1;
        }
        return hit_end(s, h, i, end);
    }
    return false;
}

/* "a year earlier", "year-earlier" and "year-ago" (as in "a year-earlier
 * loss"), "the year-earlier period": the period the text named last, a
 * year before ("sales rose in the third quarter from $5 million a year
 * earlier" is the third quarter of the year before). "the year-ago
 * quarter" is match_the_quarter's. */
static bool match_year_before(const tx_scan *s, size_t i, tx_hit *h)
{
    size_t j = i;
    bool the = is_word(s, j, "the");
    if (the || is_word(s, j, "a") || is_word(s, j, "one")) j++;
    if (!is_word(s, j, "year")) return false;
    size_t end;
    if (!the && j > i && is_word(s, j + 1, "earlier") && s->tk[j + 1].gap == 1) {
        end = j + 2;
    } else if (is_punct(s, j + 1, '-') && adjacent(s, j + 1) && adjacent(s, j + 2) &&
               (is_word(s, j + 2, "earlier") || is_word(s, j + 2, "ago"))) {
        end = j + 3;
        if (the && !is_word(s, end, "period")) return false;
        if (the) end++;
        else if (j > i) i = j;   /* "a year-earlier loss": the adjective alone */
    } else {
        return false;
    }
    *h = (tx_hit){.kind = TX_YEAR_BEFORE, .unit = U_YEAR, .off = -1, .dir = DIR_CONTEXT};
    return hit_end(s, h, i, end);
}

/* "the third quarter", "fourth quarter of 2006", "third-quarter",
 * "the first quarter of last year"; "Q3 2009" is left out. */
static bool match_quarter(const tx_scan *s, size_t i, tx_hit *h)
{
    static const char *const ord[] = {"first", "second", "third", "fourth", "final", NULL};
    static tx_list ord_list = {ord, 0};
    /* "the year-ago third quarter", "the 1988 third quarter" */
    size_t at = i;
    bool before = is_word(s, i, "year") && is_punct(s, i + 1, '-') && adjacent(s, i + 1) && adjacent(s, i + 2)
                  && (is_word(s, i + 2, "ago") || is_word(s, i + 2, "earlier"));
    int named = !before && i > 0 && is_word(s, i - 1, "the") ? year_number(s, i, 1800, 2199) : 0;
    if (named && adjacent(s, i + 1)) named = 0;
    at += before ? 3 : named ? 1 : 0;
    int q = word_in(s, at, &ord_list);
    size_t j = at + 1;
    if (q < 0) return false;
    if (is_punct(s, j, '-') && adjacent(s, j) && adjacent(s, j + 1)) j++;
    if (!is_word(s, j, "quarter")) return false;
    *h = (tx_hit){.kind = TX_QUARTER, .q = q > 3 ? 4 : q + 1, .y = named, .before = before};
    j++;
    size_t rel = named ? j : relative_year(s, j, &h->off);
    if (rel != j) {
        h->yrel = true;
        j = rel;
    } else if (!named && (is_word(s, j, "of") || is_word(s, j, "in"))) {
        int y = year_number(s, j + 1, 1800, 2199);
        if (y) { h->y = y; j += 2; }
    }
    return hit_end(s, h, i, j);
}

/* "the quarter", "the latest quarter", "the current quarter", "the
 * year-ago quarter": the quarter a company reports on, as business news
 * uses it (quarter_value), or the same a year before. */
static bool match_the_quarter(const tx_scan *s, size_t i, tx_hit *h)
{
    static const char *const mods[] = {"latest", "recent", "current", NULL};
    static tx_list mods_list = {mods, 0};
    if (!is_word(s, i, "the")) return false;
    size_t j = i + 1;
    if (is_word(s, j, "comparable")) j++;
    /* "the year-ago quarter", "the year-earlier quarter": the same quarter
     * a year before */
    bool year_ago = is_word(s, j, "year") && is_punct(s, j + 1, '-') && adjacent(s, j + 1) && adjacent(s, j + 2) &&
                    (is_word(s, j + 2, "ago") || is_word(s, j + 2, "earlier"));
    if (year_ago) j += 3;
    if (is_word(s, j, "most") && is_word(s, j + 1, "recent")) j++;
    int k = year_ago ? -1 : word_in(s, j, &mods_list);
    if (k >= 0) j++;
    if (!is_word(s, j, "quarter") || is_word(s, j + 1, "of") || is_punct(s, j + 1, '-')) return false;
    *h = (tx_hit){.kind = TX_QUARTER, .q = 0, .off = year_ago ? -4 : 0, .dir = k == 2 ? DIR_THIS : DIR_CONTEXT};
    return hit_end(s, h, i, j + 1);
}

/* "this summer", "last fall", "next spring", "the winter", "this past
 * spring", "winter of 2008", "the summer of 1999", "autumn 2010". "fall" is
 * a verb and a noun as well: only after this, last, next or past, or with
 * a year. */
static bool match_season(const tx_scan *s, size_t i, tx_hit *h)
{
    static const char *const seasons[] = {"spring", "summer", "fall", "autumn", "winter", NULL};
    static tx_list seasons_list = {seasons, 0};
    static const char *const mods[] = {"this", "last", "next", "the", "early", "late", NULL};
    static tx_list mods_list = {mods, 0};
    static const int dirs[] = {DIR_THIS, DIR_LAST, DIR_NEXT, DIR_CONTEXT, DIR_CONTEXT, DIR_CONTEXT};
    size_t j = i;
    int k = word_in(s, j, &mods_list), dir = k >= 0 ? dirs[k] : DIR_CONTEXT;
    if (k >= 0) j++;
    bool past = is_word(s, j, "past");
    if (past) { dir = DIR_LAST; j++; }
    int se = word_in(s, j, &seasons_list);
    if (se < 0) return false;
    int season = se == 4 ? 4 : se == 3 ? 3 : se + 1;
    size_t after = is_word(s, j + 1, "of") ? j + 2 : j + 1;
    int y = year_number(s, after, 1800, 2199);
    if (y && adjacent(s, after + 1) && s->tk[after + 1].kind != TK_PUNCT) y = 0;
    bool weak = se == 2 && !(past || k == 0 || k == 1 || k == 2);   /* "fall" */
    if (!y && (k < 0 || weak)) return false;
    *h = (tx_hit){.kind = TX_SEASON, .m = season, .y = y, .dir = (uint8_t)dir};
    return hit_end(s, h, i, y ? after + 1 : j + 1);
}

/* "the weekend", "this weekend", "last weekend", "next weekend"; not "the
 * weekend of June 5" (a date follows). */
static bool match_weekend(const tx_scan *s, size_t i, tx_hit *h)
{
    static const char *const mods[] = {"the", "this", "last", "next", NULL};
    static tx_list mods_list = {mods, 0};
    static const int dirs[] = {DIR_CONTEXT, DIR_THIS, DIR_LAST, DIR_NEXT};
    int k = word_in(s, i, &mods_list);
    if (k < 0 || !is_word(s, i + 1, "weekend") || is_word(s, i + 2, "of")) return false;
    *h = (tx_hit){.kind = TX_WEEKEND, .dir = (uint8_t)dirs[k]};
    return hit_end(s, h, i, i + 2);
}

/* The token before i is stuck to it and makes it part of something else:
 * "$2018", "A2018", "-2018", "1,2018"; "(2018" is fine. */
static bool glued_to_quantity(const tx_scan *s, size_t i)
{
    if (i == 0 || s->tk[i].gap != 0) return false;
    const tx_tok *p = &s->tk[i - 1];
    return p->kind != TK_PUNCT || !(p->cp == '(' || p->cp == '[' || p->cp == '"' || p->cp == '\''
                                    || p->cp == 0x201C || p->cp == 0x2018);
}

/* A bare 4-digit year that is a word of its own and not a quantity:
 * "in 2018", "2018's"; not "$2018", "2,700", "2018 troops", "1990s". */
static bool match_year(const tx_scan *s, size_t i, tx_hit *h)
{
    static const char *const before[] = {"about", "around", "some", "nearly", "almost", "over", "under",
                                         "than", "roughly", "approximately", "only", "just", "no", "number", NULL};
    static tx_list before_list = {before, 0};
    static const char *const after[] = {"people", "troops", "soldiers", "yards", "miles", "km", "kilometres",
                                        "kilometers", "metres", "meters", "feet", "employees", "workers", "jobs",
                                        "units", "cars", "vehicles", "shares", "tons", "tonnes", "dollars", "euros",
                                        "points", "pages", "residents", "members", "percent", "per", "aircraft",
                                        "planes", "times", "hours", "minutes", "won", "yen", NULL};
    static tx_list after_list = {after, 0};
    size_t next;
    int y = spelled_year(s, i, i > 0 && is_word(s, i - 1, "year"), &next);
    if (y) {
        *h = (tx_hit){.kind = TX_YEAR, .y = y};
        return hit_end(s, h, i, next);
    }
    y = year_number(s, i, 1800, 2199);
    if (!y) return false;
    if (glued_to_quantity(s, i)) return false;
    if (i > 0 && word_in(s, i - 1, &before_list) >= 0) return false;
    if (adjacent(s, i + 1) && !(is_punct(s, i + 1, '\'') || is_punct(s, i + 1, 0x2019))
        && (s->tk[i + 1].kind != TK_PUNCT || continues_number(s, i + 1) || is_punct(s, i + 1, '%')))
        return false;
    if (word_in(s, i + 1, &after_list) >= 0) return false;
    *h = (tx_hit){.kind = TX_YEAR, .y = y};
    return hit_end(s, h, i, i + 1);
}

/* A matcher is asked only where may_start says one can begin: one that
 * begins at a word of another kind adds it to starter_words. */
typedef bool (*tx_matcher)(const tx_scan *, size_t, tx_hit *);

static const tx_matcher matchers[] = {
    match_iso, match_year_range, match_day_month, match_month_day, match_modified, match_relative_day,
    match_ago, match_decade, match_quarter, match_the_quarter, match_year_before, match_holiday, match_season, match_weekend, match_anaphor, match_the_day, match_weekday,
    match_month_alone, match_year,
};

/* Lower-case words a matcher may begin with: the modifiers, edges, days,
 * determiners, ordinals, seasons and decades the matchers above test at
 * the token they are asked about. */
static const char *const starter_words[] = {"earlier", "later", "early", "late", "mid", "last", "next", "this",
    "coming", "previous", "past", "yesterday", "today", "tonight", "tomorrow", "that", "the", "a", "an", "year",
    "first", "second", "third", "fourth", "final", "spring", "summer", "fall", "autumn", "winter", "twenties",
    "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties", NULL};
static tx_list starter_words_list = {starter_words, 0};

/* Can a matcher begin at token i? A number, an apostrophe ("'90s"), a
 * number word, a capitalised word (months, weekdays, holidays) or one of
 * starter_words; most tokens are none, and the matchers are not asked. */
static bool may_start(const tx_scan *s, size_t i)
{
    const tx_tok *k = &s->tk[i];
    if (k->kind == TK_NUM) return true;
    if (k->kind == TK_PUNCT) return k->cp == '\'' || k->cp == 0x2019;
    return k->num >= 0 || k->tens >= 0 || is_capitalised(s, i) || word_in(s, i, &starter_words_list) >= 0;
}

static bool match_at(const tx_scan *s, size_t i, tx_hit *h)
{
    if (!may_start(s, i)) return false;
    for (size_t k = 0; k < sizeof matchers / sizeof *matchers; k++)
        if (matchers[k](s, i, h)) return true;
    return false;
}

/* ---- sentences that speak of the future ---------------------------------- */

static bool ends_sentence(const tx_scan *s, size_t i)
{
    if (in_range(s, i + 1) && s->tk[i + 1].gap == 2) return true;
    if (!in_range(s, i) || s->tk[i].kind != TK_PUNCT) return false;
    int32_t c = s->tk[i].cp;
    if (c == '!' || c == '?') return true;
    /* a period after an abbreviation ("Jan.") or an initial does not end
     * one: the rule of an_sentences */
    if (c != '.' || i == 0 || (in_range(s, i + 1) && s->tk[i + 1].gap == 0)) return false;
    return !an_abbreviation(s->t, s->tk[s->n - 1].end, s->tk[i].start);
}

/* "will", "'ll", "should", "next", "upcoming", "effective" (a change
 * announced ahead of its day), ... and "set to", "plans to". */
static bool future_word(const tx_scan *s, size_t i)
{
    static const char *const w[] = {"will", "shall", "ll", "should", "upcoming", "scheduled", "slated",
                                    "next", "coming", "tomorrow", "effective", NULL};
    static tx_list w_list = {w, 0};
    static const char *const before_to[] = {"set", "plan", "plans", "planned", "planning", "expected", "hope", "hopes",
                                            "hoped", "hoping", "aim", "aims", "intend", "intends", "due", NULL};
    static tx_list before_to_list = {before_to, 0};
    /* "next to" is a place: "the blasts next to the embassies" */
    if (word_in(s, i, &w_list) >= 0) return !(is_word(s, i, "next") && is_word(s, i + 1, "to"));
    /* reported future: "said the rules would take effect in June"; not
     * "would have" */
    if (is_word(s, i, "would") && !is_word(s, i + 1, "have") && !is_word(s, i + 1, "ve")) return true;
    return word_in(s, i, &before_to_list) >= 0 && is_word(s, i + 1, "to");
}

/* How far after a time expression a future marker still governs it
 * ("Friday's summit will ..."); further on it belongs to another clause
 * ("announced Friday that it will give ..."). */
#define FUTURE_AFTER 4

/* Words that open another clause: a future marker after one of them speaks
 * of that clause ("said after the summit on Tuesday that the allies should
 * stop", seed 004), not of the time expression before it. */
static bool clause_opener(const tx_scan *s, size_t i)
{
    static const char *const w[] = {"that", "which", "who", "because", "but", "while", "although", NULL};
    static tx_list w_list = {w, 0};
    return word_in(s, i, &w_list) >= 0;
}

/* Marks each token whose sentence has a future marker before it, or at
 * most FUTURE_AFTER tokens after it: one pass forward, one backward. */
static void mark_future(tx_scan *s)
{
    uint8_t *brk = xmalloc(s->n + 1), *marker = xmalloc(s->n + 1);
    bool seen = false;
    for (size_t i = 0; i < s->n; i++) {
        s->future[i] = seen;
        marker[i] = future_word(s, i);
        seen = seen || marker[i];
        brk[i] = ends_sentence(s, i);
        if (brk[i]) seen = false;
    }
    size_t dist = FUTURE_AFTER + 1;
    for (size_t i = s->n; i-- > 0;) {
        if (brk[i] || clause_opener(s, i)) dist = FUTURE_AFTER + 1;
        if (dist <= FUTURE_AFTER) s->future[i] = 1;
        dist = marker[i] ? 1 : dist + 1;
    }
    free(brk);
    free(marker);
}

/* A past-tense verb right before the expression wins over any future
 * marker: "said Friday", "announced on Tuesday". */
static bool past_cue(const tx_scan *s, size_t i)
{
    static const char *const w[] = {"said", "announced", "told", "reported", "met", "held", "revealed",
                                    "confirmed", "stated", "added", "was", "were", NULL};
    static tx_list w_list = {w, 0};
    if (i > 0 && is_word(s, i - 1, "on")) i--;
    if (i == 0 || s->tk[i - 1].kind != TK_WORD) return false;
    if (word_in(s, i - 1, &w_list) >= 0) return true;
    /* a speech verb in the past: "predicted Wednesday", "testified Monday" */
    const tx_tok *k = &s->tk[i - 1];
    size_t n = k->end - k->start;
    return n > 4 && s->low[k->end - 2] == 'e' && s->low[k->end - 1] == 'd' && an_speech_verb(s->t + k->start, n);
}

/* ---- resolution ----------------------------------------------------------- */

static int weekday_of(int32_t day) { return (int)(((int64_t)day % 7 + 7 + 3) % 7); }

/* Easter Sunday of year y (Gregorian; the anonymous algorithm of 1876). */
static int32_t easter(int y)
{
    int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451, month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
    return day_from_ymd(y, month, day);
}

/* The n-th weekday wd of month m in year y; n -1: the last. */
static int32_t nth_weekday(int y, int m, int n, int wd)
{
    if (n < 0) {
        int32_t last = (m == 12 ? day_from_ymd(y + 1, 1, 1) : day_from_ymd(y, m + 1, 1)) - 1;
        return last - (weekday_of(last) - wd + 7) % 7;
    }
    int32_t first = day_from_ymd(y, m, 1);
    return first + (wd - weekday_of(first) + 7) % 7 + 7 * (n - 1);
}

static int32_t holiday_in(int q, int y)
{
    const struct holiday *o = &holidays[q];
    switch (o->rule) {
    case HOL_FIXED: return day_from_ymd(y, o->m, o->d);
    case HOL_NTH: return nth_weekday(y, o->m, o->d, o->wd);
    case HOL_EASTER: return easter(y) + o->off;
    case HOL_ELECTION: return nth_weekday(y, 11, 1, 0) + 1;   /* the Tuesday after the first Monday */
    default: return nth_weekday(y, 11, 4, 3) + 1;              /* the day after Thanksgiving */
    }
}

/* The holiday of the year written, else the last one before publication
 * ("last Christmas"), the next after it, the one of its year ("this
 * Christmas"), or the latest no further ahead than a day without a year
 * may lie (nearest_year's window). */
static int32_t resolve_holiday(const tx_hit *h, int32_t pub, bool future)
{
    if (h->y) return holiday_in(h->q, h->y);
    int py, pm, pd;
    day_to_ymd(pub, &py, &pm, &pd);
    if (h->dir == DIR_THIS) return holiday_in(h->q, py);
    if (h->dir == DIR_NEXT) {
        int32_t d = holiday_in(h->q, py);
        return d > pub ? d : holiday_in(h->q, py + 1);
    }
    int window = h->dir == DIR_LAST ? -1 : future ? 183 : 61;
    for (int y = py + 1; y >= py - 1; y--) {
        int32_t d = holiday_in(h->q, y);
        if (d - pub <= window) return d;
    }
    return DAY_NONE;
}

static int32_t resolve_weekday(const tx_hit *h, int32_t pub, bool future)
{
    int w0 = weekday_of(pub);
    int back = (w0 - h->wd + 7) % 7, fwd = (h->wd - w0 + 7) % 7;
    switch (h->dir) {
    case DIR_LAST: return pub - (back ? back : 7);
    case DIR_NEXT: return pub + (fwd ? fwd : 7);
    case DIR_AHEAD: return pub + fwd;
    default: return future ? pub + fwd : pub - back;
    }
}

/* The year of month m (day d, or 0) nearest before the publication day,
 * allowing window_days ahead of it. 0 if none (Feb 29 far from a leap year). */
static int nearest_year(int32_t pub, int m, int d, int window_days)
{
    int py, pm, pd;
    day_to_ymd(pub, &py, &pm, &pd);
    for (int y = py + 1; y >= py - 4; y--) {
        int32_t day = day_from_ymd(y, m, d ? d : 1);
        if (day != DAY_NONE && day - pub <= window_days) return y;
    }
    return 0;
}

static int month_year(const tx_hit *h, int32_t pub, bool future)
{
    int py, pm, pd;
    day_to_ymd(pub, &py, &pm, &pd);
    if (h->dir == DIR_LAST) return h->m < pm ? py : py - 1;
    if (h->dir == DIR_NEXT) return h->m > pm ? py : py + 1;
    if (h->dir == DIR_THIS) return py;
    if (h->yrel) return py + h->off;
    return nearest_year(pub, h->m, 0, future ? 183 : 61);
}

/* week: a week (1) or its weekend (2); q: a quarter; season: 1 to 4. */
/* form: what a value names beyond its day. A holiday is as often a season
 * ("the Christmas sales", "over Thanksgiving") as the day itself, and a
 * decade is no day at all: both name a value but date no event (no day on
 * a timeline, as a time of day has none). */
enum { TV_PLAIN, TV_HOLIDAY, TV_DECADE };
typedef struct tx_val { int32_t day; int gran; int week; int q; int y2; int season; int form; } tx_val;

static tx_val relative_unit(const tx_hit *h, int32_t pub)
{
    int py, pm, pd;
    day_to_ymd(pub, &py, &pm, &pd);
    switch (h->unit) {
    case U_DAY: return (tx_val){pub + h->off, 0, 0, 0, 0, 0, TV_PLAIN};
    case U_WEEK: return (tx_val){pub - weekday_of(pub) + 7 * h->off, 0, 1, 0, 0, 0, TV_PLAIN};
    case U_MONTH: {
        int mi = py * 12 + (pm - 1) + h->off;
        return (tx_val){day_from_ymd(mi / 12, mi % 12 + 1, 1), 1, 0, 0, 0, 0, TV_PLAIN};
    }
    default: return (tx_val){day_from_ymd(py + h->off, 1, 1), 2, 0, 0, 0, 0, TV_PLAIN};
    }
}

/* A quarter without a year is this year's if it begins within about a
 * quarter of the publication day, else last year's ("the fourth quarter"
 * in January). "last quarter" counts back from the current one. */
static tx_val quarter_value(const tx_hit *h, int32_t pub)
{
    int y = h->y, q = h->q, py = 0, pm = 1, pd;
    if (pub != DAY_NONE) day_to_ymd(pub, &py, &pm, &pd);
    if (!q) {
        int idx = py * 4 + (pm - 1) / 3 + h->off;
        /* "the quarter": in the first 50 days of a quarter, when results
         * are reported, the one before */
        if (h->dir == DIR_CONTEXT && pub - day_from_ymd(py, (pm - 1) / 3 * 3 + 1, 1) < 50) idx--;
        y = idx / 4;
        q = idx % 4 + 1;
    } else if (h->yrel) {
        y = py + h->off;
    } else if (!y) {
        y = day_from_ymd(py, (q - 1) * 3 + 1, 1) <= pub + 92 ? py : py - 1;
    }
    return (tx_val){day_from_ymd(y, (q - 1) * 3 + 1, 1), 1, 0, q, 0, 0, TV_PLAIN};
}

/* A season as a count of seasons since year 0 (spring first); winter is
 * that of the December it begins in, so January is the last year's. */
static int season_index(int y, int season) { return y * 4 + season - 1; }

static int season_of(int32_t day)
{
    int y, m, d;
    day_to_ymd(day, &y, &m, &d);
    if (m < 3) return season_index(y - 1, 4);
    return season_index(y, (m - 3) / 3 + 1);
}

/* "last summer" is the summer before the current season, "next summer"
 * the one after it, "this summer" and "the summer" the nearest; of two as
 * near, "this" takes the coming one, "the" the past one unless the
 * sentence speaks of the future. */
static tx_val season_value(const tx_hit *h, int32_t pub, bool future)
{
    int c;
    if (h->y) {
        c = season_index(h->y, h->m);
    } else {
        int p = season_of(pub), base = season_index(p / 4, h->m);
        if (h->dir == DIR_LAST) c = base < p ? base : base - 4;
        else if (h->dir == DIR_NEXT) c = base > p ? base : base + 4;
        else {
            c = base;
            for (int alt = base - 4; alt <= base + 4; alt += 8) {
                int da = abs(alt - p), dc = abs(c - p);
                if (da < dc || (da == dc && (future || h->dir == DIR_THIS ? alt > c : alt < c))) c = alt;
            }
        }
    }
    if (c < season_index(1, 1)) return (tx_val){DAY_NONE, 0, 0, 0, 0, 0, TV_PLAIN};   /* before the calendar */
    int y = c / 4, se = c % 4 + 1;
    return (tx_val){day_from_ymd(y, se * 3, 1), 1, 0, 0, 0, se, TV_PLAIN};
}

/* The Saturday of the weekend meant: "this weekend" that of the current
 * week, "last weekend" the one before, "next weekend" the coming one (on
 * a weekend, the one after); "the weekend" the last one, or in a sentence
 * of the future the coming one. */
static tx_val weekend_value(const tx_hit *h, int32_t pub, bool future)
{
    int w0 = weekday_of(pub);
    int32_t sat = pub - w0 + 5;   /* this week's */
    bool weekend = w0 >= 5;
    switch (h->dir) {
    case DIR_LAST: sat -= 7; break;
    case DIR_NEXT: if (weekend) sat += 7; break;
    case DIR_THIS: break;
    default: if (!weekend && !future) sat -= 7;
    }
    return (tx_val){sat, 0, 2, 0, 0, 0, TV_PLAIN};
}

/* The day and granularity a hit denotes; day DAY_NONE if it needs a
 * publication day that is not known. */
static tx_val resolve_any(const tx_hit *h, int32_t pub, bool future)
{
    bool known = pub != DAY_NONE;
    tx_val none = {DAY_NONE, 0, 0, 0, 0, 0, TV_PLAIN};
    int y;
    switch (h->kind) {
    case TX_DATE:
        y = h->y ? h->y : known ? nearest_year(pub, h->m, h->d, future ? 183 : 61) : 0;
        return y ? (tx_val){day_from_ymd(y, h->m, h->d), 0, 0, 0, 0, 0, TV_PLAIN} : none;
    case TX_MONTH:
        y = h->y ? h->y : known ? month_year(h, pub, future) : 0;
        return y ? (tx_val){day_from_ymd(y, h->m, 1), 1, 0, 0, 0, 0, TV_PLAIN} : none;
    case TX_YEAR: return (tx_val){day_from_ymd(h->y, 1, 1), 2, 0, 0, 0, 0, TV_PLAIN};
    case TX_RANGE: return (tx_val){day_from_ymd(h->y, 1, 1), 2, 0, 0, h->y2, 0, TV_PLAIN};
    case TX_WEEKDAY: return known ? (tx_val){resolve_weekday(h, pub, future), 0, 0, 0, 0, 0, TV_PLAIN} : none;
    case TX_SEASON: return h->y || known ? season_value(h, pub, future) : none;
    case TX_WEEKEND: return known ? weekend_value(h, pub, future) : none;
    case TX_HOLIDAY: return h->y || known ? (tx_val){resolve_holiday(h, pub, future), 0, 0, 0, 0, 0, TV_HOLIDAY} : none;
    case TX_QUARTER: return (h->y && h->q) || known ? quarter_value(h, pub) : none;
    case TX_DECADE: return (tx_val){day_from_ymd(h->y, 1, 1), 2, 0, 0, 0, 0, TV_DECADE};
    default: return known ? relative_unit(h, pub) : none;   /* TX_REL, TX_SAME_DAY */
    }
}

/* The same, but DAY_NONE for a day past the calendar's years 1 to 9999
 * ("next week" in a page dated 9999-12-31): no date can name it. */
static tx_val in_calendar(tx_val v)
{
    if (v.day != DAY_NONE && (v.day < day_from_ymd(1, 1, 1) || v.day > day_from_ymd(9999, 12, 31)))
        v.day = DAY_NONE;
    return v;
}

static tx_val resolve(const tx_hit *h, int32_t pub, bool future) { return in_calendar(resolve_any(h, pub, future)); }

/* The period h (TX_ANAPHOR) names, counted from last, the period the text
 * named last, or from last_day, the day it named last (the publication
 * day before any): none where last is coarser than the unit ("that
 * month" after "in 2009"). */
static tx_val anaphor_value(const tx_hit *h, tx_val last, int32_t last_day)
{
    tx_val none = {DAY_NONE, 0, 0, 0, 0, 0, TV_PLAIN};
    if (h->unit == U_DAY) return last_day == DAY_NONE ? none : (tx_val){last_day + h->off, 0, 0, 0, 0, 0, TV_PLAIN};
    if (last.day == DAY_NONE || h->unit == U_SAME) return last;
    int y, m, d;
    day_to_ymd(last.day, &y, &m, &d);
    bool fine = !last.week && !last.season && !last.q;   /* a day or month */
    switch (h->unit) {
    case U_WEEK:
        if (last.gran != 0) return none;
        return (tx_val){last.day - weekday_of(last.day) + 7 * h->off, 0, 1, 0, 0, 0, TV_PLAIN};
    case U_MONTH: {
        if (!fine || last.gran > 1) return none;
        int mi = y * 12 + (m - 1) + h->off;
        return (tx_val){day_from_ymd(mi / 12, mi % 12 + 1, 1), 1, 0, 0, 0, 0, TV_PLAIN};
    }
    case U_QUARTER: {
        if (last.gran > 1 || last.week || last.season) return none;
        int qi = y * 4 + (m - 1) / 3 + h->off;
        return (tx_val){day_from_ymd(qi / 4, qi % 4 * 3 + 1, 1), 1, 0, qi % 4 + 1, 0, 0, TV_PLAIN};
    }
    default: return (tx_val){day_from_ymd(y + h->off, 1, 1), 2, 0, 0, 0, 0, TV_PLAIN};
    }
}

/* ISO week "2018-W23" of the Monday day: the week belongs to the year of
 * its Thursday. */
static char *week_value(int32_t monday, arena *a)
{
    int y, m, d;
    day_to_ymd(monday + 3, &y, &m, &d);
    int week = (monday + 3 - day_from_ymd(y, 1, 1)) / 7 + 1;
    return arena_printf(a, "%04d-W%02d", y, week);
}

/* v a year earlier, at its own granularity (a quarter stays a quarter). */
static tx_val year_earlier(tx_val v)
{
    int y, m, d;
    day_to_ymd(v.day, &y, &m, &d);
    if (v.week) {
        v.day -= 364;   /* 52 weeks: the same weekday, the same week number or next to it */
        return v;
    }
    if (m == 2 && d == 29) d = 28;
    v.day = day_from_ymd(y - 1, m, d);
    if (v.y2) v.y2--;
    return v;
}

static char *format_value(tx_val v, arena *a)
{
    if (v.day == DAY_NONE) return NULL;
    if (v.week == 2) return arena_printf(a, "%s-WE", week_value(v.day - 5, a));
    if (v.week) return week_value(v.day, a);
    int y, m, d;
    day_to_ymd(v.day, &y, &m, &d);
    if (v.season) {
        static const char *const codes[] = {"SP", "SU", "FA", "WI"};
        return arena_printf(a, "%04d-%s", y, codes[v.season - 1]);
    }
    if (v.q) return arena_printf(a, "%04d-Q%d", y, v.q);
    if (v.form == TV_DECADE) return arena_printf(a, "%03d", y / 10);
    if (v.y2) return arena_printf(a, "%04d/%04d", y, v.y2);
    if (v.gran == 2) return arena_printf(a, "%04d", y);
    if (v.gran == 1) return arena_printf(a, "%04d-%02d", y, m);
    return arena_printf(a, "%04d-%02d-%02d", y, m, d);
}

/* ---- the scan ------------------------------------------------------------ */

typedef VEC(tx_hit) tx_hits;

/* Tokenizes text and collects every hit; the caller frees s (scan_free)
 * and the hits. Texts beyond 4 GiB are cut there (offsets are 32 bits). */
static void scan(const char *text, size_t len, tx_scan *s, tx_hits *hits)
{
    uint32_t n = len > UINT32_MAX ? UINT32_MAX : (uint32_t)len;
    s->t = text;
    s->low = xmalloc((size_t)n + 1);
    for (uint32_t k = 0; k < n; k++) {
        unsigned char c = (unsigned char)text[k];
        s->low[k] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    s->tk = xmalloc(((size_t)n + 1) * sizeof *s->tk);
    s->n = tokenize(text, n, s->tk);
    for (size_t i = 0; i < s->n; i++) {
        /* every number word is 3 to 9 letters long and begins with one of
         * "zotfsen" (the tens, 5 to 7 and "tfsen"): most words are ruled
         * out before the lists are read */
        uint32_t len = s->tk[i].end - s->tk[i].start;
        char c0 = s->low[s->tk[i].start];
        bool may = s->tk[i].kind == TK_WORD && len >= 3 && len <= 9 && c0 && strchr("zotfsen", c0);
        s->tk[i].num = (int8_t)(may ? word_in(s, i, &number_words_list) : -1);
        s->tk[i].tens = (int8_t)(may && len >= 5 && len <= 7 && c0 != 'z' && c0 != 'o' ? word_in(s, i, &tens_words_list) : -1);
    }
    s->future = xcalloc(s->n + 1, 1);
    mark_future(s);
    for (size_t i = 0; i < s->n;) {
        tx_hit h;
        if (match_at(s, i, &h)) {
            VEC_PUSH(*hits, h);
            i = h.next;
        } else {
            i++;
        }
    }
}

static void scan_free(tx_scan *s)
{
    free(s->low);
    free(s->tk);
    free(s->future);
}

static size_t first_token_at(const tx_scan *s, uint32_t start)
{
    size_t lo = 0, hi = s->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (s->tk[mid].start < start) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

/* ---- durations, sets and times of day ----------------------------------- */

/* "three weeks", "a three-year deal", "10 days", "several months", "for
 * decades": a duration, valued "P3W", "P3Y", "P10D", "PXM", "PXDE" (hours
 * and less "PT5H"). Not a date counted from another ("two years ago", "a
 * day later") nor a rate ("twice a day"). Before "before" or "after" it is
 * a duration all the same ("two days before the launch"), as TimeML has
 * it: the word is a signal, not a part of the expression. Not the ordinal
 * "a second" of "a second term". */
static bool duration_at(const tx_scan *s, size_t i, an_timex *x, arena *a, size_t *next)
{
    static const char *const relative[] = {"ago", "from", "since", NULL};
    static tx_list relative_list = {relative, 0};
    static const char *const after_second[] = {"ago", "later", "earlier", "before", "after", "or", "and", "to",
                                               "of", "in", "for", "on", "at", NULL};
    static tx_list after_second_list = {after_second, 0};
    static const char *const rates[] = {"twice", "times", "once", "per", NULL};
    static tx_list rates_list = {rates, 0};
    static const char *const more[] = {"more", "additional", "extra", "further", NULL};
    static tx_list more_list = {more, 0};
    size_t j = 0, u;
    /* "for the year ended March 31", "the fiscal year ending in June": a
     * year of accounts, the date after it its end (TimeML: "the year" P1Y) */
    if (is_word(s, i, "the")) {
        size_t y = is_word(s, i + 1, "fiscal") ? i + 2 : i + 1;
        if (is_word(s, y, "year") && (is_word(s, y + 1, "ended") || is_word(s, y + 1, "ending"))) {
            *x = (an_timex){.start = s->tk[i].start, .end = s->tk[y].end, .day = DAY_NONE, .granularity = 3,
                            .type = AN_TX_DURATION, .value = "P1Y"};
            *next = y + 1;
            return true;
        }
    }
    long n = units_count_at(s, i, &j);
    bool hyphen = false;
    if (n == COUNT_NONE) {
        /* "for years", "over decades": a vague span of a day or more;
         * "in recent weeks", "the coming months": one up to or from now */
        bool lead = is_word(s, i, "for") || is_word(s, i, "over");
        if (!lead && !is_word(s, i, "recent") && !is_word(s, i, "coming")) return false;
        int k = word_in(s, i + 1, &unit_words_list);
        if (k < 6 || k % 2 == 0 || word_in(s, i + 2, &relative_list) >= 0) return false;
        *x = (an_timex){.start = s->tk[lead ? i + 1 : i].start, .end = s->tk[i + 1].end, .day = DAY_NONE,
                        .granularity = 3, .type = AN_TX_DURATION, .value = arena_printf(a, "PX%s", unit_codes[k])};
        *next = i + 2;
        return true;
    }
    if (n >= 1 && word_in(s, j, &more_list) >= 0) j++;   /* "two more weeks", "an additional year" */
    hyphen = is_punct(s, j, '-') && adjacent(s, j) && adjacent(s, j + 1);
    u = hyphen ? j + 1 : j;
    int k = word_in(s, u, &unit_words_list);
    if (k < 0 || (hyphen && k % 2) || word_in(s, u + 1, &relative_list) >= 0) return false;
    /* an age: "a 6-year-old boy", "52 years old" */
    if (is_word(s, u + 1, "old") || (is_punct(s, u + 1, '-') && adjacent(s, u + 1) && is_word(s, u + 2, "old")))
        return false;
    bool article = is_word(s, i, "a") || is_word(s, i, "an");
    if (article && k % 2) return false;                                   /* "a days" */
    if (k / 2 == UNIT_QUARTER / 2 && (article || hyphen || is_word(s, u + 1, "of") || n == COUNT_VAGUE))
        return false;                                                     /* "a quarter of", "three-quarter" */
    if (k == 0 && in_range(s, u + 1) && s->tk[u + 1].kind == TK_WORD && word_in(s, u + 1, &after_second_list) < 0)
        return false;                                                     /* "a second term" */
    if (article && i > 0 && (word_in(s, i - 1, &rates_list) >= 0 || s->tk[i - 1].kind == TK_NUM ||
                             word_in(s, i - 1, &unit_words_list) >= 0))
        return false;                                                     /* "24 hours a day" */
    if (i > 1 && s->tk[i].kind == TK_NUM && continues_number(s, i - 1) && s->tk[i - 2].kind == TK_NUM &&
        adjacent(s, i - 1))
        return false;                                                     /* the "5" of "2.5 years" */
    if (n == COUNT_VAGUE && !(k % 2)) return false;                       /* "some day" */
    const char *t = k < 6 ? "T" : "";
    /* ISO 8601 counts decades and centuries in years: "two decades" P20Y,
     * as TimeBank writes them; a vague count keeps TimeML's unit (PXDE). */
    long years = k / 2 == UNIT_DECADE / 2 ? 10 : k / 2 == UNIT_CENTURY / 2 ? 100 : 0;
    x->value = n == COUNT_VAGUE ? arena_printf(a, "P%sX%s", t, unit_codes[k])
               : years          ? arena_printf(a, "P%ldY", n * years)
                                : arena_printf(a, "P%s%ld%s", t, n, unit_codes[k]);
    x->start = s->tk[i].start;
    x->end = s->tk[u].end;
    x->day = DAY_NONE;
    x->granularity = 3;
    x->type = AN_TX_DURATION;
    *next = u + 1;
    return true;
}

/* "every Monday" (XXXX-WXX-1), "each week" (P1W), and the adverbs "daily",
 * "weekly", "monthly", "annually": what recurs. */
static bool set_at(const tx_scan *s, size_t i, an_timex *x, arena *a, size_t *next)
{
    static const char *const adverbs[] = {"daily", "nightly", "weekly", "monthly", "annually", "yearly",
                                          "hourly", NULL};
    static tx_list adverbs_list = {adverbs, 0};
    static const char *const adverb_values[] = {"P1D", "P1D", "P1W", "P1M", "P1Y", "P1Y", "PT1H"};
    size_t end;
    const char *value = NULL;
    int k = word_in(s, i, &adverbs_list);
    if (k >= 0 && !is_capitalised(s, i) && !(i > 0 && (is_word(s, i - 1, "the") || is_word(s, i - 1, "a")))) {
        value = adverb_values[k];
        end = i;
    } else if (is_word(s, i, "every") || is_word(s, i, "each")) {
        int w = word_in(s, i + 1, &weekday_name_list), u = word_in(s, i + 1, &unit_words_list);
        if (w >= 0) value = arena_printf(a, "XXXX-WXX-%d", w + 1);
        else if (u >= 0 && !(u % 2)) value = arena_printf(a, "P%s1%s", u < 6 ? "T" : "", unit_codes[u]);
        end = i + 1;
    }
    if (!value) return false;
    *x = (an_timex){.start = s->tk[i].start, .end = s->tk[end].end, .day = DAY_NONE, .granularity = 3,
                    .type = AN_TX_SET, .value = value};
    *next = end + 1;
    return true;
}

/* "6 p.m.", "10:30 a.m.", "6pm", "at 14:30", "noon": a time of the
 * publication day, "2013-03-18T18:00" (unresolved without one), unless a
 * date next to it gives it another day (clock_days). */
static bool time_at(const tx_scan *s, size_t i, int32_t pub, an_timex *x, arena *a, size_t *next)
{
    int nd, nd2;
    /* "noon", "midday", "midnight" (TimeML writes midnight T24:00) */
    static const char *const named[] = {"noon", "midday", "midnight", NULL};
    static tx_list named_list = {named, 0};
    int k = word_in(s, i, &named_list);
    if (k >= 0) {
        int y, m, d;
        if (pub != DAY_NONE) day_to_ymd(pub, &y, &m, &d);
        *x = (an_timex){.start = s->tk[i].start, .end = s->tk[i].end, .day = DAY_NONE, .granularity = 3,
                        .type = AN_TX_TIME,
                        .value = pub == DAY_NONE ? NULL
                                                 : arena_printf(a, "%04d-%02d-%02dT%s", y, m, d, k == 2 ? "24:00" : "12:00")};
        *next = i + 1;
        return true;
    }
    long h = num_at(s, i, &nd), mi = 0;
    if (h < 0 || nd > 2 || h > 23) return false;
    size_t j = i + 1;
    bool minutes = is_punct(s, j, ':') && adjacent(s, j) && adjacent(s, j + 1) && (mi = num_at(s, j + 1, &nd2)) >= 0 &&
                   nd2 == 2 && mi <= 59;
    if (minutes) j += 2;
    int half = -1;   /* 0 a.m., 1 p.m. */
    size_t end = j - 1;
    if ((is_word(s, j, "a") || is_word(s, j, "p")) && is_punct(s, j + 1, '.') && adjacent(s, j + 1) &&
        is_word(s, j + 2, "m") && adjacent(s, j + 2)) {
        half = is_word(s, j, "p");
        end = is_punct(s, j + 3, '.') && adjacent(s, j + 3) ? j + 3 : j + 2;
    } else if (is_word(s, j, "am") || is_word(s, j, "pm")) {
        half = is_word(s, j, "pm");
        end = j;
    } else if (!(minutes && i > 0 && is_word(s, i - 1, "at"))) {
        return false;   /* a bare "14:30" only after "at" */
    }
    if (half >= 0 && (h < 1 || h > 12)) return false;
    long hour = half < 0 ? h : h % 12 + (half ? 12 : 0);
    char *value = NULL;
    if (pub != DAY_NONE) {
        int y, m, d;
        day_to_ymd(pub, &y, &m, &d);
        value = arena_printf(a, "%04d-%02d-%02dT%02ld:%02ld", y, m, d, hour, mi);
    }
    *x = (an_timex){.start = s->tk[i].start, .end = s->tk[end].end, .day = DAY_NONE, .granularity = 3,
                    .type = AN_TX_TIME, .value = value};
    *next = end + 1;
    return true;
}

/* Parts of the day and their TimeML codes: "Friday morning" is the
 * morning of that Friday, 1998-08-07TMO. */
static const char *const day_parts[] = {"morning", "afternoon", "evening", "night", "overnight", NULL};
static tx_list day_parts_list = {day_parts, 0};
static const char *const day_part_codes[] = {"MO", "AF", "EV", "NI", "NI"};

/* "this morning", "this afternoon", "last night": a part of the
 * publication day (last night: of the day before). */
static bool day_part_at(const tx_scan *s, size_t i, int32_t pub, an_timex *x, arena *a, size_t *next)
{
    int k = word_in(s, i + 1, &day_parts_list);
    bool last = is_word(s, i, "last");
    if (k < 0 || k == 4 || !(is_word(s, i, "this") || (last && k == 3))) return false;
    char *value = NULL;
    if (pub != DAY_NONE) {
        int y, m, d;
        day_to_ymd(pub - last, &y, &m, &d);
        value = arena_printf(a, "%04d-%02d-%02dT%s", y, m, d, day_part_codes[k]);
    }
    *x = (an_timex){.start = s->tk[i].start, .end = s->tk[i + 1].end, .day = DAY_NONE, .granularity = 3,
                    .type = AN_TX_TIME, .value = value};
    *next = i + 2;
    return true;
}

/* "now", "currently", "recently", "the past", "the future": TimeML's
 * PRESENT_REF, PAST_REF and FUTURE_REF, dates with no day (granularity 3).
 * Words annotated so in most of their uses in TimeBank and AQUAINT
 * (TempEval-3 train: "now" 59 of 85, "recently" 12 of 20, "currently" 10
 * of 16); not "current" (9 of 21), "recent" (6 of 29) or "soon" (4 of 18).
 * "the past" and "the future" only where no noun or number follows ("the
 * past two years" is a duration, "the future president" no time). */
static bool reference_at(const tx_scan *s, size_t i, an_timex *x, size_t *next)
{
    static const char *const words[] = {"now", "currently", "recently", NULL};
    static tx_list words_list = {words, 0};
    static const char *const values[] = {"PRESENT_REF", "PRESENT_REF", "PAST_REF"};
    static const char *const joins[] = {"and", "or", "but", "of", "in", "to", "for", "with", "is", "was", "will",
                                        "that", "as", "at", "on", "by", NULL};
    static tx_list joins_list = {joins, 0};
    int k = word_in(s, i, &words_list);
    size_t end = i;
    const char *value = k >= 0 ? values[k] : NULL;
    /* "the near future", "the foreseeable future", "the near term", "the
     * short term": the time to come */
    if (k < 0 && is_word(s, i, "the") && ((is_word(s, i + 2, "future") &&
                                           (is_word(s, i + 1, "near") || is_word(s, i + 1, "foreseeable"))) ||
                                          (is_word(s, i + 2, "term") &&
                                           (is_word(s, i + 1, "near") || is_word(s, i + 1, "short"))))) {
        value = "FUTURE_REF";
        end = i + 2;
    } else if (k < 0 && is_word(s, i, "the") && (is_word(s, i + 1, "past") || is_word(s, i + 1, "future"))) {
        /* a noun or number after it: "the past two years", "the future president" */
        if (in_range(s, i + 2) && (s->tk[i + 2].kind == TK_NUM ||
                                   (s->tk[i + 2].kind == TK_WORD && word_in(s, i + 2, &joins_list) < 0)))
            return false;
        value = is_word(s, i + 1, "past") ? "PAST_REF" : "FUTURE_REF";
        end = i + 1;
    }
    if (!value) return false;
    *x = (an_timex){.start = s->tk[i].start, .end = s->tk[end].end, .day = DAY_NONE, .granularity = 3,
                    .type = AN_TX_DATE, .value = value};
    *next = end + 1;
    return true;
}

/* Durations, sets, times of day and references to the present, past or
 * future outside the dates found (hits, in text order), into *v. */
static void find_others(const tx_scan *s, const tx_hit *hits, size_t nh, int32_t pub, arena *a, void *vec)
{
    VEC(an_timex) *v = vec;
    size_t hk = 0;
    for (size_t i = 0; i < s->n;) {
        while (hk < nh && hits[hk].end <= s->tk[i].start) hk++;
        if (hk < nh && hits[hk].start <= s->tk[i].start) { i++; continue; }   /* inside a date */
        an_timex x;
        size_t next = i + 1;
        if (set_at(s, i, &x, a, &next) || time_at(s, i, pub, &x, a, &next) || day_part_at(s, i, pub, &x, a, &next) ||
            duration_at(s, i, &x, a, &next) || reference_at(s, i, &x, &next)) {
            if (hk < nh && hits[hk].start < x.end) { i++; continue; }   /* runs into a date */
            VEC_PUSH(*v, x);
            i = next;
        } else {
            i++;
        }
    }
}

/* Is the time x a clock time ("6 p.m.", "noon") with a value of the form
 * DAYTHH:MM? */
static bool clock_time(const an_timex *x)
{
    return x->type == AN_TX_TIME && x->value && strlen(x->value) == 16 && x->value[10] == 'T' &&
           x->value[11] >= '0' && x->value[11] <= '9';
}

/* Tokens that may stand between a clock time and its date: a time zone,
 * "local time", the time elsewhere in brackets, a comma, "on": "5 p.m.
 * EST, Nov. 9". */
static size_t skip_zone(const tx_scan *s, size_t i)
{
    static const char *const zones[] = {"est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "gmt", "utc", "et",
                                        "bst", "cet", "cest", NULL};
    static tx_list zones_list = {zones, 0};
    if (word_in(s, i, &zones_list) >= 0) i++;
    else if (is_word(s, i, "local") && is_word(s, i + 1, "time")) i += 2;
    /* the same time elsewhere, in brackets: "10:35 a.m. (0735 GMT) Friday" */
    if (is_punct(s, i, '('))
        for (size_t j = i + 1; j < s->n && j <= i + 6; j++)
            if (is_punct(s, j, ')')) { i = j + 1; break; }
    if (is_punct(s, i, ',')) i++;
    if (is_word(s, i, "on")) i++;
    return i;
}

/* A clock time takes its day from a date next to it: right after it ("10
 * p.m. Wednesday", "5 p.m. EST, Nov. 9") or right before it with "at"
 * between ("Nov. 9 at 5 p.m."): that day at that hour. The date stays an
 * expression of its own, as MEANTIME annotates it (TimeBank joins the two). */
static void clock_days(const tx_scan *s, const an_timex *dates, size_t nd, an_timex *times, size_t nt, arena *a)
{
    for (size_t j = 0; j < nt; j++) {
        an_timex *x = &times[j];
        if (!clock_time(x)) continue;
        size_t after = skip_zone(s, first_token_at(s, x->end));
        size_t first = first_token_at(s, x->start);
        for (size_t k = 0; k < nd; k++) {
            const an_timex *d = &dates[k];
            if (d->type != AN_TX_DATE || d->granularity != 0 || !d->value || strlen(d->value) != 10) continue;
            bool follows = in_range(s, after) && s->tk[after].start == d->start;
            bool before = first >= 2 && is_word(s, first - 1, "at") && s->tk[first - 2].end == d->end;
            if (follows || before) {
                x->value = arena_printf(a, "%s%s", d->value, x->value + 10);
                break;
            }
        }
    }
}

/* Each range of years among the n expressions *r (one per hit) becomes its
 * two years, "1950" and "53" (1953), as TimeML marks a range: *r is
 * replaced when there is one. The count after. */
static size_t split_ranges(const tx_scan *s, const tx_hit *hits, size_t n, arena *a, an_timex **r)
{
    size_t ranges = 0;
    for (size_t k = 0; k < n; k++) ranges += hits[k].kind == TX_RANGE;
    if (!ranges) return n;
    an_timex *out = arena_alloc(a, (n + ranges) * sizeof *out), *in = *r;
    size_t m = 0;
    for (size_t k = 0; k < n; k++) {
        out[m++] = in[k];
        if (hits[k].kind != TX_RANGE) continue;
        an_timex *first = &out[m - 1], *second = &out[m++];
        *second = *first;
        first->end = s->tk[first_token_at(s, hits[k].start)].end;
        second->start = hits[k].mid;
        first->value = arena_printf(a, "%04d", hits[k].y);
        second->value = arena_printf(a, "%04d", hits[k].y2);
        second->day = day_from_ymd(hits[k].y2, 1, 1);
    }
    *r = out;
    return m;
}

size_t an_find_times(const char *text, size_t len, int32_t published, arena *a, an_timex **out)
{
    tx_scan s;
    tx_hits hits = {0};
    scan(text, len, &s, &hits);
    an_timex *r = arena_alloc(a, (hits.n ? hits.n : 1) * sizeof *r);
    int32_t last_day = published;
    tx_val last = {.day = DAY_NONE};   /* the period named last, for TX_YEAR_BEFORE */
    for (size_t k = 0; k < hits.n; k++) {
        const tx_hit *h = &hits.v[k];
        size_t i = first_token_at(&s, h->start);
        tx_val v;
        if (h->kind == TX_YEAR_BEFORE && last.day != DAY_NONE && (h->dir != DIR_LAST || last.q)) {
            v = year_earlier(last);
            if (v.day < day_from_ymd(1, 1, 1)) v.day = DAY_NONE;
        } else if (h->kind == TX_ANAPHOR) {
            v = in_calendar(anaphor_value(h, last, last_day));
        } else {
            v = resolve(h, h->kind == TX_SAME_DAY ? last_day : published, s.future[i] && !past_cue(&s, i));
            if (h->before && v.day != DAY_NONE) v = year_earlier(v);
        }
        if (v.day != DAY_NONE && v.gran == 0 && !v.week) last_day = v.day;
        /* the comparison's period is not a new one: "a year earlier" twice
         * is the same year */
        if (v.day != DAY_NONE && h->kind != TX_YEAR_BEFORE && v.form != TV_DECADE) last = v;
        r[k] = (an_timex){.start = h->start, .end = h->end, .day = v.day, .granularity = (uint8_t)v.gran,
                          .value = format_value(v, a), .type = AN_TX_DATE};
        if (v.form != TV_PLAIN) {   /* a holiday or a decade: a value, no day */
            r[k].day = DAY_NONE;
            r[k].granularity = 3;
        }
        if (v.week) r[k].granularity = 1;   /* a week or a weekend is no day: see the values above */
        /* "Friday morning", "tomorrow night": that day's part, a TIME */
        int part = (h->kind == TX_WEEKDAY || (h->kind == TX_REL && h->unit == U_DAY)) && !v.week && v.gran == 0
                   ? word_in(&s, h->next, &day_parts_list) : -1;
        if (part >= 0 && part != 4 && s.tk[h->next].gap == 1) {
            r[k].end = s.tk[h->next].end;
            r[k].type = AN_TX_TIME;
            r[k].value = r[k].value ? arena_printf(a, "%sT%s", r[k].value, day_part_codes[part]) : NULL;
            r[k].day = DAY_NONE;
            r[k].granularity = 3;
            hits.v[k].end = r[k].end;   /* the others' pass keeps off it */
        } else if (h->kind == TX_REL && h->unit == U_DAY && h->off == 0 && is_word(&s, i, "tonight") && r[k].value) {
            r[k].type = AN_TX_TIME;
            r[k].value = arena_printf(a, "%sTNI", r[k].value);
            r[k].day = DAY_NONE;
            r[k].granularity = 3;
        }
    }
    size_t n = split_ranges(&s, hits.v, hits.n, a, &r);
    VEC(an_timex) others = {0};
    find_others(&s, hits.v, hits.n, published, a, &others);
    clock_days(&s, r, n, others.v, others.n, a);
    if (others.n) {   /* both in text order: merge */
        an_timex *all = arena_alloc(a, (n + others.n) * sizeof *all);
        size_t i = 0, j = 0, k = 0;
        while (i < n || j < others.n)
            all[k++] = j >= others.n || (i < n && r[i].start <= others.v[j].start) ? r[i++] : others.v[j++];
        r = all;
        n = k;
    }
    VEC_FREE(others);
    scan_free(&s);
    VEC_FREE(hits);
    *out = r;
    return n;
}

size_t an_find_written_dates(const char *text, size_t len, arena *a, an_written_date **out)
{
    tx_scan s;
    tx_hits hits = {0};
    scan(text, len, &s, &hits);
    an_written_date *r = arena_alloc(a, (hits.n ? hits.n : 1) * sizeof *r);
    size_t n = 0;
    for (size_t k = 0; k < hits.n; k++) {
        const tx_hit *h = &hits.v[k];
        if (h->kind == TX_DATE || (h->kind == TX_MONTH && h->dir == DIR_CONTEXT) || h->kind == TX_YEAR)
            r[n++] = (an_written_date){h->start, h->end, h->y, h->m, h->kind == TX_DATE ? h->d : 0};
    }
    scan_free(&s);
    VEC_FREE(hits);
    *out = r;
    return n;
}
