/* day.c: calendar dates as a count of days since 1970-01-01 (proleptic
 * Gregorian), the one date representation the pipeline uses.
 *
 * Only dates: clustering and timelines work in days, and a time of day in
 * a scraped page is too often wrong or in an unknown zone to be worth more. */
#include "core.h"


static int days_in_month(int y, int m)
{
    static const int dm[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
    return dm[m - 1];
}

/* Howard Hinnant's days-from-civil algorithm, restated. */
int32_t day_from_ymd(int y, int m, int d)
{
    if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return DAY_NONE;
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void day_to_ymd(int32_t z, int *y, int *m, int *d)
{
    z += 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    int doe = z - era * 146097;
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp + (mp < 10 ? 3 : -9);
    *y = yoe + era * 400 + (*m <= 2);
}

static int digits(const char *s, size_t n, size_t at, int count)
{
    int v = 0;
    if (at + (size_t)count > n) return -1;
    for (int i = 0; i < count; i++) {
        char c = s[at + (size_t)i];
        if (c < '0' || c > '9') return -1;
        v = v * 10 + (c - '0');
    }
    return v;
}

int32_t day_parse_iso(const char *s, size_t n)
{
    while (n && (*s == ' ' || *s == '\t')) { s++; n--; }
    int y = digits(s, n, 0, 4);
    if (y < 0) return DAY_NONE;
    if (n == 4) return DAY_NONE;            /* a bare year is not a date */
    if (s[4] != '-') {                       /* basic format: 20180615 */
        int m = digits(s, n, 4, 2), d = digits(s, n, 6, 2);
        if (m < 0 || d < 0 || (n > 8 && s[8] != 'T')) return DAY_NONE;
        return day_from_ymd(y, m, d);
    }
    int m = digits(s, n, 5, 2);
    if (m < 0) return DAY_NONE;
    if (n == 7) return DAY_NONE;             /* year-month only */
    if (n < 10 || s[7] != '-') return DAY_NONE;
    int d = digits(s, n, 8, 2);
    if (d < 0) return DAY_NONE;
    if (n > 10 && s[10] != 'T' && s[10] != ' ' && s[10] != 't') return DAY_NONE;
    return day_from_ymd(y, m, d);
}

void day_format(int32_t day, char out[11])
{
    if (day == DAY_NONE) { out[0] = '\0'; return; }
    int y, m, d;
    day_to_ymd(day, &y, &m, &d);
    unsigned uy = (unsigned)y % 10000u, um = (unsigned)m % 100u, ud = (unsigned)d % 100u;
    out[0] = (char)('0' + uy / 1000); out[1] = (char)('0' + uy / 100 % 10);
    out[2] = (char)('0' + uy / 10 % 10); out[3] = (char)('0' + uy % 10);
    out[4] = '-'; out[5] = (char)('0' + um / 10); out[6] = (char)('0' + um % 10);
    out[7] = '-'; out[8] = (char)('0' + ud / 10); out[9] = (char)('0' + ud % 10);
    out[10] = '\0';
}
