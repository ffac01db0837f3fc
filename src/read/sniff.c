/* sniff.c: what a file holds, from its first bytes: JSON Lines, HTML, WARC,
 * a news feed, or else plain text.
 *
 * Used for files whose name does not say (no suffix, standard input, .xml)
 * and for HTTP bodies without a Content-Type. Not a validator: it reads
 * past a BOM, white space, XML declarations, processing instructions and
 * comments to the first element and judges by its name alone. */
#include "read_internal.h"

#include <string.h>
#include <strings.h>

static bool starts_ci(const char *p, size_t n, const char *word)
{
    size_t k = strlen(word);
    return n >= k && strncasecmp(p, word, k) == 0;
}

/* Past the first occurrence of end at or after i; n if absent. */
static size_t past(const char *p, size_t n, size_t i, const char *end)
{
    size_t k = strlen(end);
    for (; i + k <= n; i++)
        if (memcmp(p + i, end, k) == 0) return i + k;
    return n;
}

static bool name_end(const char *p, size_t n, size_t i)
{
    return i >= n || p[i] == '>' || p[i] == ' ' || p[i] == '\t' || p[i] == '\r' ||
           p[i] == '\n' || p[i] == '/';
}

/* The first element's name decides: the feed roots, or html. */
static rd_sniffed by_root(const char *p, size_t n, size_t i)
{
    size_t s = i, colon = 0;
    while (i < n && !name_end(p, n, i)) {
        if (p[i] == ':') colon = i + 1 - s;
        i++;
    }
    const char *name = p + s, *local = name + colon;
    size_t len = i - s, llen = len - colon;
    if ((llen == 3 && !strncmp(local, "rss", 3)) || (llen == 4 && !strncmp(local, "feed", 4)) ||
        (llen == 3 && !strncmp(local, "RDF", 3)))
        return RD_SNIFF_FEED;
    if (len == 4 && !strncasecmp(name, "html", 4)) return RD_SNIFF_HTML;
    return RD_SNIFF_UNKNOWN;
}

rd_sniffed rd_sniff(const char *p, size_t n)
{
    size_t i = 0;
    if (n >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3)) i = 3;
    for (;;) {
        while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' || p[i] == '\n' || p[i] == '\f')) i++;
        if (i >= n) return RD_SNIFF_UNKNOWN;
        if (p[i] == '{') return RD_SNIFF_JSONL;
        if (starts_ci(p + i, n - i, "WARC/1.")) return RD_SNIFF_WARC;
        if (p[i] != '<') return RD_SNIFF_UNKNOWN;
        if (starts_ci(p + i, n - i, "<?")) { i = past(p, n, i + 2, "?>"); continue; }
        if (starts_ci(p + i, n - i, "<!--")) { i = past(p, n, i + 4, "-->"); continue; }
        if (starts_ci(p + i, n - i, "<!doctype")) {
            size_t j = i + 9;
            while (j < n && (p[j] == ' ' || p[j] == '\t' || p[j] == '\r' || p[j] == '\n')) j++;
            if (starts_ci(p + j, n - j, "html") && name_end(p, n, j + 4)) return RD_SNIFF_HTML;
            i = past(p, n, j, ">");
            continue;
        }
        return by_root(p, n, i + 1);
    }
}
