/* dateline.c: the place in capitals that opens a wire story ("VELTEN, June
 * 29 (Northline Wire) - ", "VENICE , LA. -- ", "PORT SORREL — "), found by
 * shape alone, for the stages that must step over it: the quotes (what was
 * said starts after it) and the sentences a summary or a timeline shows.
 * Not the dateline of extraction
 * (src/extract/dateline.c), which also takes a place in mixed case from the
 * first paragraph of a page and reports it. */
#include "core.h"

#include <string.h>

static bool upper(char c) { return c >= 'A' && c <= 'Z'; }
static bool lower(char c) { return c >= 'a' && c <= 'z'; }
static bool digit(char c) { return c >= '0' && c <= '9'; }

static size_t blanks(const char *s, size_t n, size_t i)
{
    while (i < n && s[i] == ' ') i++;
    return i;
}

/* The end of a dash at s[i] ("-" before a blank, "--", an em or en dash),
 * 0 when there is none. */
static size_t dl_dash(const char *s, size_t n, size_t i)
{
    if (i + 3 <= n && (!memcmp(s + i, "\xE2\x80\x94", 3) || !memcmp(s + i, "\xE2\x80\x93", 3))) return i + 3;
    if (i + 2 <= n && s[i] == '-' && s[i + 1] == '-') return i + 2;
    if (i + 1 < n && s[i] == '-' && s[i + 1] == ' ') return i + 1;
    return 0;
}

/* The end of a day and month at i ("July 9", "Oct. 20", "9 July", "July 9,
 * 2025"), or i when there is none. */
static size_t day_at(const char *s, size_t n, size_t i)
{
    static const char *const months[] = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul",
        "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", NULL};
    size_t q = i, day = 0;
    while (q < n && digit(s[q])) q++, day++;            /* "9 July" */
    if (day) q = blanks(s, n, q);
    size_t w = q;
    while (q < n && (upper(s[q]) || lower(s[q]))) q++;
    bool month = false;
    for (size_t k = 0; months[k] && !month; k++)
        month = strlen(months[k]) == q - w && !memcmp(s + w, months[k], q - w);
    if (!month || day > 2) return i;
    if (q < n && s[q] == '.') q++;
    if (!day) {                                          /* "July 9" */
        q = blanks(s, n, q);
        while (q < n && digit(s[q])) q++, day++;
        if (!day || day > 2) return i;
    }
    size_t y = blanks(s, n, q < n && s[q] == ',' ? q + 1 : q), d = 0;   /* ", 2025" */
    while (y + d < n && digit(s[y + d])) d++;
    return d == 4 ? y + 4 : q;
}

size_t dl_dateline(const char *s, size_t n, dl_parts *parts)
{
    dl_parts d = {0};
    size_t i = blanks(s, n, 0), words = 0, end = 0;
    /* the place: words of two or more capitals (with full stops,
     * apostrophes, slashes), commas between: "VENICE , LA." */
    while (words < 6) {
        size_t j = blanks(s, n, i), w = j;
        while (j < n && (upper(s[j]) || s[j] == '.' || s[j] == '\'' || s[j] == '/')) j++;
        if (j - w < 2 || (j < n && lower(s[j]))) break;
        words++;
        end = j;
        i = blanks(s, n, j);
        if (i < n && s[i] == ',') i++;
    }
    if (!words) return 0;
    d.place_end = end;
    i = blanks(s, n, day_at(s, n, blanks(s, n, i)));   /* its day */
    /* the credit, in brackets or in a tokeniser's -LRB- -RRB- */
    bool lrb = i + 5 <= n && !memcmp(s + i, "-LRB-", 5);
    if (i < n && (s[i] == '(' || lrb)) {
        size_t j = i + 1;
        while (j < n && j < i + 48 && s[j] != ')' && s[j] != '\n' && !(lrb && j + 5 <= n && !memcmp(s + j, "-RRB-", 5)))
            j++;
        if (j >= n || j >= i + 48 || s[j] == '\n') return 0;
        d.credit_start = blanks(s, n, i + (lrb ? 5 : 1));
        d.credit_end = j;
        while (d.credit_end > d.credit_start && s[d.credit_end - 1] == ' ') d.credit_end--;
        i = blanks(s, n, j + (lrb ? 5 : 1));
    }
    size_t e = dl_dash(s, n, i);
    if (!e) return 0;
    if (parts) *parts = d;
    return blanks(s, n, e);
}

bool dl_stamp_word(const char *w, size_t n, bool intro)
{
    static const char *const words[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
        "sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "january",
        "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "am", "pm", "time", "edt", "est", "cdt", "cst", "mdt", "mst", "pdt", "pst", "bst", "gmt", "utc",
        "cet", "cest", "ist", "et", "uk", "local", NULL};
    static const char *const intros[] = {"at", "on", "updated", "posted", "published", "last", "first",
                                         "originally", "modified", "date", NULL};
    if (!n || n > 10) return false;
    char low[11];
    for (size_t i = 0; i < n; i++) low[i] = (char)(upper(w[i]) ? w[i] + 32 : w[i]);
    low[n] = 0;
    for (size_t i = 0; words[i]; i++)
        if (!strcmp(low, words[i])) return true;
    for (size_t i = 0; intro && intros[i]; i++)
        if (!strcmp(low, intros[i])) return true;
    return false;
}
