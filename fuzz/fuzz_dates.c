/* fuzz_dates.c: libFuzzer target for every date parser: ISO 8601
 * (core/day.c: JSON, feeds, the manifest), the shapes of metadata dates and
 * dates in URLs (extract/html_meta_date.c), and the time expressions of
 * running text resolved against a publication day, with the day inferred
 * from a text that has none (analyze/timex.c, timex_infer.c).
 *
 * The bytes go in unterminated and as they are (an_infer_published reads
 * the raw page); the article text is sanitized first, as the pipeline's is.
 * The first byte picks the publication day, the edges of the calendar
 * included, so that "next year" is resolved from 9999 too. */
#include "analyze/analyze.h"
#include "analyze/timex_internal.h"
#include "extract/html_meta.h"

#include <stdlib.h>
#include <string.h>

static void check_day(int32_t day)
{
    if (day == DAY_NONE) return;
    int y, m, d;
    day_to_ymd(day, &y, &m, &d);
    if (day_from_ymd(y, m, d) != day) abort();
    char iso[11];
    day_format(day, iso);
    if (day_parse_iso(iso, strlen(iso)) != day) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    check_day(day_parse_iso(s, size));
    check_day(ex_meta_date(s, size));
    size_t at = ex_meta_date_at(s, size);
    if (at > size) abort();
    char *url = malloc(size + 1);
    memcpy(url, data, size);
    url[size] = '\0';
    check_day(ex_meta_url_date(url));
    free(url);

    const int32_t days[4] = {DAY_NONE, day_from_ymd(2018, 6, 15), day_from_ymd(1, 1, 1),
                             day_from_ymd(9999, 12, 31)};
    int32_t published = days[size ? data[0] % 4 : 0];
    arena a;
    arena_init(&a);
    an_timex *t;
    size_t n = an_find_times(s, size, published, &a, &t);
    for (size_t i = 0; i < n; i++) {
        if (t[i].start >= t[i].end || t[i].end > size || t[i].granularity > 3 || t[i].type > AN_TX_SET) abort();
        /* a duration, set or time of day is no date: no day, granularity 3;
         * nor is a reference ("now", PRESENT_REF), though TimeML types it
         * DATE, nor are a holiday and a decade, which date no event */
        bool ref = t[i].type == AN_TX_DATE && t[i].value && strstr(t[i].value, "_REF");
        if (((t[i].type != AN_TX_DATE || ref) && t[i].granularity != 3) ||
            (t[i].granularity == 3 && t[i].day != DAY_NONE))
            abort();
        check_day(t[i].day);
    }
    an_written_date *w;
    n = an_find_written_dates(s, size, &a, &w);
    for (size_t i = 0; i < n; i++)
        if (w[i].start >= w[i].end || w[i].end > size || w[i].m < 0 || w[i].m > 12 || w[i].d < 0 || w[i].d > 31)
            abort();

    size_t len;
    char *text = u8_sanitize_in(&a, s, size, &len);
    const char *nl = memchr(text, '\n', len);
    sl_article art = {.text = text, .text_len = len,
                      .dateline = arena_strndup(&a, text, nl ? (size_t)(nl - text) : len)};
    bool weak;
    check_day(an_infer_published(&art, s, size, &a, &weak));
    art.dateline = NULL;
    check_day(an_infer_published(&art, NULL, 0, &a, NULL));
    arena_reset(&a);
    return 0;
}
