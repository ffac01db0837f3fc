/* html_meta_date.c: the day a metadata date string or a URL names.
 *
 * Metadata dates come in many shapes besides ISO 8601 (the NYT's compact
 * "20170113", "Jan. 13, 2017", RFC 822 "Fri, 13 Jan 2017 10:00:00 GMT",
 * European "13.01.2017"); this reads those, English month names only. Not
 * here: relative or partial dates in running text (analyze/timex.c), or
 * which date of a page is its publication date (html_meta.c). */
#include "html_meta.h"

#include <ctype.h>
#include <pthread.h>
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

/* Month names of the languages of the larger news sites besides English
 * (German, French, Spanish, Italian, Portuguese, Dutch, the Scandinavian
 * languages, Polish and Russian in the genitive a date uses and in the
 * nominative, Turkish) and their usual abbreviations, case-folded and
 * without accents as u8_fold writes them ("août" is "aout", "май" is
 * "маи"). An abbreviation that is also a common English word ("out",
 * "set", "gen") is left out: a short line of English would otherwise read
 * as a date. */
static const struct { const char *name; int month; } foreign_months[] = {
    {"januar", 1}, {"janvier", 1}, {"janv", 1}, {"enero", 1}, {"ene", 1}, {"gennaio", 1},
    {"janeiro", 1}, {"januari", 1}, {"stycznia", 1}, {"styczen", 1}, {"января", 1},
    {"январь", 1}, {"ocak", 1},
    {"februar", 2}, {"fevrier", 2}, {"fevr", 2}, {"febrero", 2}, {"febbraio", 2},
    {"fevereiro", 2}, {"fev", 2}, {"februari", 2}, {"lutego", 2}, {"luty", 2}, {"февраля", 2},
    {"февраль", 2}, {"subat", 2},
    {"marz", 3}, {"mrz", 3}, {"mars", 3}, {"marzo", 3}, {"marco", 3}, {"maart", 3}, {"mrt", 3},
    {"marca", 3}, {"marzec", 3}, {"марта", 3}, {"март", 3}, {"mart", 3},
    {"avril", 4}, {"avr", 4}, {"abril", 4}, {"abr", 4}, {"aprile", 4}, {"kwietnia", 4},
    {"kwiecien", 4}, {"апреля", 4}, {"апрель", 4}, {"nisan", 4},
    {"mai", 5}, {"mayo", 5}, {"maggio", 5}, {"maio", 5}, {"mei", 5}, {"maj", 5}, {"maja", 5},
    {"мая", 5}, {"маи", 5}, {"mayıs", 5},
    {"juni", 6}, {"juin", 6}, {"junio", 6}, {"giugno", 6}, {"giu", 6}, {"junho", 6},
    {"czerwca", 6}, {"czerwiec", 6}, {"июня", 6}, {"июнь", 6}, {"haziran", 6},
    {"juli", 7}, {"juillet", 7}, {"juil", 7}, {"julio", 7}, {"luglio", 7}, {"julho", 7},
    {"lipca", 7}, {"lipiec", 7}, {"июля", 7}, {"июль", 7}, {"temmuz", 7},
    {"aout", 8}, {"agosto", 8}, {"ago", 8}, {"augustus", 8}, {"augusti", 8}, {"sierpnia", 8},
    {"sierpien", 8}, {"августа", 8}, {"август", 8}, {"agustos", 8},
    {"septembre", 9}, {"septiembre", 9}, {"setiembre", 9}, {"settembre", 9}, {"setembro", 9},
    {"wrzesnia", 9}, {"wrzesien", 9}, {"сентября", 9}, {"сентябрь", 9}, {"eylul", 9},
    {"oktober", 10}, {"okt", 10}, {"octobre", 10}, {"octubre", 10}, {"ottobre", 10},
    {"ott", 10}, {"outubro", 10}, {"pazdziernika", 10}, {"pazdziernik", 10}, {"октября", 10},
    {"октябрь", 10}, {"ekim", 10},
    {"novembre", 11}, {"noviembre", 11}, {"novembro", 11}, {"listopada", 11}, {"listopad", 11},
    {"ноября", 11}, {"ноябрь", 11}, {"kasım", 11},
    {"dezember", 12}, {"dez", 12}, {"decembre", 12}, {"diciembre", 12}, {"dic", 12},
    {"dicembre", 12}, {"dezembro", 12}, {"grudnia", 12}, {"grudzien", 12}, {"декабря", 12},
    {"декабрь", 12}, {"aralık", 12},
};

/* Longest foreign month name, in bytes (a Cyrillic letter takes two). */
#define EX_MONTH_MAX_BYTES 24

/* foreign_months by name: month_of is asked about every word of a
 * date-like line. */
static map foreign_map;
static pthread_once_t foreign_once = PTHREAD_ONCE_INIT;

static void foreign_init(void)
{
    map_init(&foreign_map);
    for (size_t i = 0; i < sizeof foreign_months / sizeof *foreign_months; i++) {
        const char *name = foreign_months[i].name;
        uint64_t *v = map_put(&foreign_map, name, strlen(name), NULL);
        if (!*v) *v = (uint64_t)foreign_months[i].month;   /* the first entry wins, as in the list */
    }
}

/* 1-12 if the word (n bytes) is an English month name or its abbreviation
 * ("Sept" too), or a month name of another language in foreign_months,
 * else 0. */
static int month_of(const char *w, size_t n)
{
    static const char *const full[12] = {
        "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december",
    };
    if (n < 3) return 0;
    /* the letters English months begin with */
    bool english = memchr("jfmasondJFMASOND", w[0], 16) != NULL;
    for (int m = 0; english && m < 12; m++) {
        if (strncasecmp(w, months[m], 3)) continue;
        if (n == 3 || (n == 4 && m == 8 && tolower((unsigned char)w[3]) == 't')) return m + 1;
        if (n <= strlen(full[m]) && !strncasecmp(w, full[m], n)) return m + 1;
    }
    if (n > EX_MONTH_MAX_BYTES || isdigit((unsigned char)w[0])) return 0;
    char low[EX_MONTH_MAX_BYTES + 1];
    bool ascii = true;
    for (size_t i = 0; i < n; i++) {
        ascii = ascii && !((unsigned char)w[i] & 0x80);
        low[i] = (char)tolower((unsigned char)w[i]);
    }
    low[n] = 0;
    const char *key = low;
    buf folded;
    buf_init(&folded);
    if (!ascii) key = u8_fold(w, n, &folded) ? folded.data : "";
    pthread_once(&foreign_once, foreign_init);
    const uint64_t *found = map_get(&foreign_map, key, strlen(key));
    buf_free(&folded);
    return found ? (int)*found : 0;
}

/* The end of the word that starts at s[i]: letters and digits, also
 * outside ASCII ("août", "марта"), but not a no-break space or other
 * punctuation between a month and its day. */
static size_t word_end(const char *s, size_t n, size_t i)
{
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            if (!isalnum(c)) break;
            i++;
            continue;
        }
        int len = 1;
        int32_t cp = u8_decode(s + i, n - i, &len);
        if (len < 1 || !u8_is_alnum(cp)) break;
        i += (size_t)len;
    }
    return i;
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

/* A word between a day and its month: "the 3rd of May", "4 de agosto". */
static bool connective(const char *w, size_t n)
{
    return (n == 2 && (!strncasecmp(w, "of", 2) || !strncasecmp(w, "de", 2))) ||
           (n == 3 && !strncasecmp(w, "del", 3));
}

/* "November 20, 2019", "Nov. 20 2019", "20 November 2019", "Wed, 20 Nov
 * 2019 10:00:00 GMT", "Published 20 Nov 2019": a month word with a day
 * number beside it and a four-digit year after. */
static int32_t worded_date(const char *s, size_t n)
{
    int month = 0, day = -1, year = -1, prev_num = -1;
    for (size_t i = 0; i < n; ) {
        size_t j = word_end(s, n, i);
        if (j == i) { i++; continue; }
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
            } else if (!month) {
                prev_num = -1;   /* "22, 2022Updated: January 2": 22 is not January's */
            }
        } else if (!month && (month = month_of(w, len)) != 0) {
            if (prev_num > 0) day = prev_num;
        } else if (!month && !connective(w, len)) {
            prev_num = -1;   /* "20 comments, May 2019": the 20 is not the day */
        }
        i = j;
    }
    if (!month || day < 1 || year < 0) return SL_NO_DATE;
    return ymd(year, month, day);
}

/* A numeric date inside a line, after a word: "Published: 2025.12.17",
 * "Posted on the 15/12/2025 at 19:00". Only a run of digits, dots, dashes
 * and slashes that starts after a space or a label counts, and never the
 * compact 20191120 form, which in text is as often an id or a number. */
static int32_t numeric_inside(const char *s, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        unsigned char p = (unsigned char)s[i - 1];
        if (!isdigit((unsigned char)s[i]) || isalnum(p) || strchr("./-_", p) || p & 0x80) continue;
        size_t e = i, digits = 0;
        while (e < n && isdigit((unsigned char)s[e])) e++;
        digits = e - i;
        while (e < n && (isdigit((unsigned char)s[e]) || strchr("./-", s[e]))) e++;
        if (digits == 1 || digits == 2 || digits == 4) {
            int32_t d = numeric_date(s + i, e - i);
            if (d != SL_NO_DATE) return d;
        }
        i = e;
    }
    return SL_NO_DATE;
}

/* The number of one to four digits that ends at s[e] (exclusive), spaces
 * before e skipped; -1 if none. *from is where it starts. */
static int number_before(const char *s, size_t e, size_t *from)
{
    while (e && s[e - 1] == ' ') e--;
    size_t b = e;
    while (b && e - b < 4 && isdigit((unsigned char)s[b - 1])) b--;
    if (b == e || (b && isdigit((unsigned char)s[b - 1]))) return -1;
    int v = 0;
    for (size_t i = b; i < e; i++) v = v * 10 + (s[i] - '0');
    *from = b;
    return v;
}

/* The number before unit (3 bytes of UTF-8) that ends at s[e], spaces
 * skipped on both sides ("12월 17일"); -1 if none. */
static int unit_number_before(const char *s, size_t e, const char *unit, size_t *from)
{
    while (e && s[e - 1] == ' ') e--;
    if (e < 3 || memcmp(s + e - 3, unit, 3)) return -1;
    return number_before(s, e - 3, from);
}

/* Chinese and Japanese "2025年12月17日", Korean "2025년 12월 17일": each
 * number followed by its unit; the units in UTF-8. */
static int32_t cjk_date(const char *s, size_t n)
{
    static const char *const units[2][3] = {
        {"\xe5\xb9\xb4", "\xe6\x9c\x88", "\xe6\x97\xa5"},   /* 年 月 日 */
        {"\xeb\x85\x84", "\xec\x9b\x94", "\xec\x9d\xbc"},   /* 년 월 일 */
    };
    for (size_t u = 0; u < 2; u++) {
        const char *day = s;
        size_t left = n;
        const char *hit;
        while ((hit = memmem(day, left, units[u][2], 3)) != NULL) {
            size_t e = (size_t)(hit - s), b;
            int d = number_before(s, e, &b), m = d > 0 ? unit_number_before(s, b, units[u][1], &b) : -1;
            int y = m > 0 ? unit_number_before(s, b, units[u][0], &b) : -1;
            if (y >= 1000) {
                int32_t r = ymd(y, m, d);
                if (r != SL_NO_DATE) return r;
            }
            left -= (size_t)(hit + 3 - day);
            day = hit + 3;
        }
    }
    return SL_NO_DATE;
}

int32_t ex_meta_date(const char *s, size_t n)
{
    if (!s) return SL_NO_DATE;
    if (n > EX_META_MAX_TEXT) n = EX_META_MAX_TEXT;
    while (n && isspace((unsigned char)*s)) { s++; n--; }
    while (n && isspace((unsigned char)s[n - 1])) n--;
    if (!n) return SL_NO_DATE;
    int32_t d = numeric_date(s, n);
    if (d == SL_NO_DATE) d = worded_date(s, n);
    if (d == SL_NO_DATE) d = numeric_inside(s, n);
    if (d == SL_NO_DATE) d = cjk_date(s, n);
    return d;
}

int32_t ex_meta_url_date(const char *url)
{
    /* a slash written %2F ("blog.example%2Farticles%2F2025-12-15%2Btitle")
     * is a slash */
    char plain[4097];
    size_t n = 0;
    for (const char *p = url; *p && n < sizeof plain - 1; p++) {
        if (p[0] == '%' && p[1] == '2' && (p[2] == 'F' || p[2] == 'f')) {
            plain[n++] = '/';
            p += 2;
        } else {
            plain[n++] = *p;
        }
    }
    plain[n] = '\0';
    url = plain;
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
        size_t j = word_end(s, n, i);
        if (j == i) { i++; continue; }
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
