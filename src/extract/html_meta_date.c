/* html_meta_date.c: the day a metadata date string or a URL names.
 *
 * Metadata dates come in many shapes besides ISO 8601 (the NYT's compact
 * "20170113", "Jan. 13, 2017", RFC 822 "Fri, 13 Jan 2017 10:00:00 GMT",
 * European "13.01.2017"); this reads those, English month names only. Not
 * here: relative or partial dates in running text (analyze/timex.c), or
 * which date of a page is its publication date (html_meta.c). */
#include "html_meta.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

/* A year outside these is not a publication year but some other number:
 * the web's news starts in the 1990s, and 2100 leaves room. */
#define EX_YEAR_MIN 1990
#define EX_YEAR_MAX 2100

static int32_t ymd(int y, int m, int d)
{
    if (y < EX_YEAR_MIN || y > EX_YEAR_MAX) return SL_NO_DATE;
    return day_from_ymd(y, m, d);
}

/* The number of k digits at s[i], -1 if they are not all digits or a digit
 * follows them (so 4 digits never match inside 5). */
static int digits_at(const char *s, size_t n, size_t i, size_t k)
{
    if (i + k > n) return -1;
    int v = 0;
    for (size_t j = i; j < i + k; j++) {
        if (!isdigit((unsigned char)s[j])) return -1;
        v = v * 10 + (s[j] - '0');
    }
    if (i + k < n && isdigit((unsigned char)s[i + k])) return -1;
    return v;
}

static const char *const months[12] = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
};

/* 1-12 if the word (n bytes) is an English month name or its abbreviation
 * ("Sept" too), else 0. */
static int month_of(const char *w, size_t n)
{
    static const char *const full[12] = {
        "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december",
    };
    if (n < 3) return 0;
    for (int m = 0; m < 12; m++) {
        if (strncasecmp(w, months[m], 3)) continue;
        if (n == 3 || (n == 4 && m == 8 && tolower((unsigned char)w[3]) == 't')) return m + 1;
        if (n <= strlen(full[m]) && !strncasecmp(w, full[m], n)) return m + 1;
    }
    return 0;
}

/* Numeric shapes: 2019-11-20 (ISO), 20191120, 2019/11/20, 2019.11.20,
 * 20.11.2019 and 20/11/2019 (day first when it must be, or with dots), and
 * 11/20/2019 (month first, the US order, when both could be). */
static int32_t numeric_date(const char *s, size_t n)
{
    int y = digits_at(s, n, 0, 4);
    if (y >= 0 && n > 4 && s[4] == '-')
        return y < EX_YEAR_MIN || y > EX_YEAR_MAX ? SL_NO_DATE : day_parse_iso(s, n);
    if (y >= 0 && n >= 10 && (s[4] == '/' || s[4] == '.') && s[7] == s[4]) {
        int m = digits_at(s, n, 5, 2), d = digits_at(s, n, 8, 2);
        return m < 0 || d < 0 ? SL_NO_DATE : ymd(y, m, d);
    }
    if (y >= 0) return SL_NO_DATE;
    if (n >= 8 && isdigit((unsigned char)s[0]) && isdigit((unsigned char)s[7])) {
        bool compact = true;   /* 20170113 or the NYT's 20170113033838 */
        for (size_t i = 0; i < 8; i++) compact = compact && isdigit((unsigned char)s[i]);
        if (compact) return ymd((s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
                                (s[3] - '0'), (s[4] - '0') * 10 + (s[5] - '0'),
                                (s[6] - '0') * 10 + (s[7] - '0'));
    }
    size_t i = 0;
    int a = -1, b = -1;
    for (size_t k = 1; k <= 2 && a < 0; k++) a = digits_at(s, n, 0, k), i = k;
    if (a < 0 || i >= n || !strchr("./-", s[i])) return SL_NO_DATE;
    char sep = s[i++];
    size_t j = i;
    for (size_t k = 1; k <= 2 && b < 0; k++) b = digits_at(s, n, i, k), j = i + k;
    if (b < 0 || j >= n || s[j] != sep) return SL_NO_DATE;
    y = digits_at(s, n, j + 1, 4);
    if (y < 0) return SL_NO_DATE;
    if (sep == '.' || a > 12) return ymd(y, b, a);
    return ymd(y, a, b);
}

/* "November 20, 2019", "Nov. 20 2019", "20 November 2019", "Wed, 20 Nov
 * 2019 10:00:00 GMT", "Published 20 Nov 2019": a month word with a day
 * number beside it and a four-digit year after. */
static int32_t worded_date(const char *s, size_t n)
{
    int month = 0, day = -1, year = -1, prev_num = -1;
    for (size_t i = 0; i < n; ) {
        if (!isalnum((unsigned char)s[i])) { i++; continue; }
        size_t j = i;
        while (j < n && isalnum((unsigned char)s[j])) j++;
        const char *w = s + i;
        size_t len = j - i;
        bool clock = j < n && s[j] == ':';   /* 10:00 is a time, not a day */
        if (isdigit((unsigned char)w[0])) {
            int v = 0;
            size_t k = 0;
            while (k < len && isdigit((unsigned char)w[k]) && k < 5) v = v * 10 + (w[k++] - '0');
            bool ordinal = k < len;   /* 20th, 1st */
            if (month && !clock && k == 4 && !ordinal) { year = v; break; }
            if (!clock && k <= 2) {
                if (!month) prev_num = v;
                else if (day < 0) day = v;
            }
        } else if (!month && (month = month_of(w, len)) != 0) {
            if (prev_num > 0) day = prev_num;
        } else if (!month && !(len == 2 && !strncasecmp(w, "of", 2))) {
            prev_num = -1;   /* "20 comments, May 2019": the 20 is not the day */
        }
        i = j;
    }
    if (!month || day < 1 || year < 0) return SL_NO_DATE;
    return ymd(year, month, day);
}

int32_t ex_meta_date(const char *s, size_t n)
{
    if (!s) return SL_NO_DATE;
    if (n > EX_META_MAX_TEXT) n = EX_META_MAX_TEXT;
    while (n && isspace((unsigned char)*s)) { s++; n--; }
    while (n && isspace((unsigned char)s[n - 1])) n--;
    if (!n) return SL_NO_DATE;
    int32_t d = numeric_date(s, n);
    if (d != SL_NO_DATE) return d;
    return worded_date(s, n);
}

int32_t ex_meta_url_date(const char *url)
{
    size_t n = strnlen(url, 4096);
    /* Skip the scheme and host: a host name holds no date. */
    const char *p = strstr(url, "://");
    size_t i = p ? (size_t)(p - url) + 3 : 0;
    while (i < n && url[i] != '/') i++;
    for (; i < n; i++) {
        if (url[i] != '/' && url[i] != '-' && url[i] != '_') continue;
        int y = digits_at(url, n, i + 1, 4), m = -1, d = -1;
        if (y >= 0 && i + 5 < n && strchr("/-_", url[i + 5])) {
            char sep = url[i + 5];
            m = digits_at(url, n, i + 6, 2);
            if (m >= 0 && i + 8 < n && url[i + 8] == sep) d = digits_at(url, n, i + 9, 2);
        } else if (digits_at(url, n, i + 1, 8) >= 0) {   /* /20191120/ */
            const char *t = url + i + 1;
            y = (t[0] - '0') * 1000 + (t[1] - '0') * 100 + (t[2] - '0') * 10 + (t[3] - '0');
            m = (t[4] - '0') * 10 + (t[5] - '0');
            d = (t[6] - '0') * 10 + (t[7] - '0');
        }
        if (y >= 0 && m >= 1 && d >= 1) {
            int32_t day = ymd(y, m, d);
            if (day != SL_NO_DATE) return day;
        }
    }
    return SL_NO_DATE;
}

size_t ex_meta_date_at(const char *s, size_t n)
{
    size_t prev = n;   /* start of the previous word, n at the first */
    for (size_t i = 0; i < n; ) {
        if (!isalnum((unsigned char)s[i])) { i++; continue; }
        size_t j = i;
        while (j < n && isalnum((unsigned char)s[j])) j++;
        if (month_of(s + i, j - i)) {
            size_t k = j;
            while (k < n && (s[k] == ' ' || s[k] == '.' || s[k] == ',')) k++;
            if (k < n && isdigit((unsigned char)s[k])) return i;          /* March 25 */
            if (prev < n && isdigit((unsigned char)s[prev])) return prev; /* 25 March */
        }
        prev = i;
        i = j;
    }
    return n;
}
