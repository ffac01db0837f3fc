/* limits.c: the limits on input (sl_limits): their defaults, their ranges,
 * and sizes written the way messages give them ("16 MiB").
 *
 * The limits themselves are applied where the bytes are read: whole files
 * and lines in source.c, gzip streams in gunzip.c, WARC records in warc.c
 * and http.c, fetched responses in fetch.c. */
#include "read.h"

#include <stdio.h>

void rd_limits_fill(const sl_limits *in, sl_limits *out)
{
    sl_limits l = in ? *in : (sl_limits){0};
    /* a line holds its page as a JSON string: escapes make it longer */
    if (!l.max_line) l.max_line = l.max_page ? 2 * l.max_page : SL_MAX_LINE;
    if (!l.max_page) l.max_page = SL_MAX_PAGE;
    if (!(l.max_inflate > 0)) l.max_inflate = SL_MAX_INFLATE;
    if (!l.max_inflate_size) l.max_inflate_size = SL_MAX_INFLATE_SIZE;
    *out = l;
}

const char *rd_limits_check(const sl_limits *l)
{
    if (l->max_page && (l->max_page < RD_MIN_SIZE || l->max_page > RD_MAX_SIZE))
        return "the page limit must be from 1 KiB to 1 GiB";
    if (l->max_line && (l->max_line < RD_MIN_SIZE || l->max_line > RD_MAX_SIZE))
        return "the line limit must be from 1 KiB to 1 GiB";
    if (l->max_inflate != 0 && !(l->max_inflate >= 1))   /* NaN too */
        return "the decompression ratio limit must be at least 1";
    if (l->max_inflate_size && l->max_inflate_size < RD_MIN_SIZE)
        return "the decompressed size limit must be at least 1 KiB";
    return NULL;
}

const char *rd_size_str(uint64_t n, char out[32])
{
    static const char *const unit[] = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    int u = 0;
    uint64_t whole = n;
    while (whole >= 1024 && whole % 1024 == 0 && u < 6) { whole /= 1024; u++; }
    if (u > 0 || n < 1024) {
        snprintf(out, 32, "%llu %s", (unsigned long long)whole, unit[u]);
        return out;
    }
    double v = (double)n;
    for (u = 0; v >= 1024 && u < 6; u++) v /= 1024;
    snprintf(out, 32, "%.1f %s", v, unit[u]);
    return out;
}
