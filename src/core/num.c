/* num.c: decimal numbers read as strtod reads them, quickly.
 *
 * The learned models (the .tsv files of data/model) are read at a
 * process's first analysis: about 300,000 numbers such as "-1.25", most
 * of the time that takes in glibc's strtod, whose general algorithm works
 * in multiple precision. A number of at most 15 significant digits, no
 * exponent and at most 15 after the point is read here as its digits (an
 * integer below 2^53, exact in a double) divided by a power of ten (exact
 * up to 10^22): one correctly rounded division, so the nearest double to
 * the decimal, which is what strtod gives. Anything else goes to strtod. */
#include "core.h"

#include <stdlib.h>

double num_read(const char *s, char **end)
{
    static const double pow10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7,
                                   1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
    const char *p = s;
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\v' || *p == '\f' || *p == '\r') p++;
    bool neg = *p == '-';
    if (*p == '-' || *p == '+') p++;
    uint64_t m = 0;
    int digits = 0, frac = 0;
    for (; *p >= '0' && *p <= '9' && digits < 15; p++, digits++) m = m * 10 + (uint64_t)(*p - '0');
    if (*p == '.') {
        p++;
        for (; *p >= '0' && *p <= '9' && digits < 15; p++, digits++, frac++) m = m * 10 + (uint64_t)(*p - '0');
    }
    if (!digits || (*p >= '0' && *p <= '9') || *p == 'e' || *p == 'E' || *p == 'x' || *p == 'X' || *p == '.')
        return strtod(s, end);
    double d = (double)m / pow10[frac];
    if (end) *end = (char *)p;
    return neg ? -d : d;
}
