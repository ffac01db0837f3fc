/* timex_internal.h: what timex.c shares with timex_infer.c: dates as they
 * are written, before they are resolved against a publication day.
 *
 * Private to the analyze stage; the interface of time expressions is
 * an_find_times() in analyze.h. */
#ifndef SL_TIMEX_INTERNAL_H
#define SL_TIMEX_INTERNAL_H

#include "analyze.h"

/* An absolute date as written: "December 7" (y = 0), "14 June 2018",
 * "December 2007" (d = 0), "2018" (m = d = 0). Fields not written are 0.
 * Relative expressions ("last Friday") are not written dates. */
typedef struct an_written_date {
    uint32_t start, end;    /* byte offsets, [start, end) */
    int      y, m, d;
} an_written_date;

/* Every written date of text, in text order; the array lives in a. */
size_t an_find_written_dates(const char *text, size_t len, arena *a, an_written_date **out);

#endif
