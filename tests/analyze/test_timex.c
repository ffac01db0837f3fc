/* test_timex.c: time expressions found and resolved (timex.c) and the
 * publication day inferred from a text (timex_infer.c). The sentences are
 * written for these tests; the seed checks find their phrases at run time. */
#include "testutil.h"

#include <ctype.h>
#include "analyze/analyze.h"

static arena A;

static int setup(void **st) { (void)st; arena_init(&A); return 0; }
static int teardown(void **st) { (void)st; arena_reset(&A); return 0; }

/* The value of the time expression that starts at phrase (its first
 * occurrence in text, or occurrence `nth`); "-" when no expression starts
 * there, "NULL" for an unresolved one. */
static const char *value_at_nth(const char *text, size_t len, int32_t pub, const char *phrase, int nth)
{
    const char *p = text;
    for (int k = 0; p; k++) {
        p = memmem(p, len - (size_t)(p - text), phrase, strlen(phrase));
        if (!p || k == nth) break;
        p++;
    }
    if (!p) return "not in text";
    an_timex *t;
    size_t n = an_find_times(text, len, pub, &A, &t);
    for (size_t k = 0; k < n; k++)
        if (text + t[k].start >= p && text + t[k].start < p + strlen(phrase))
            return t[k].value ? t[k].value : "NULL";
    return "-";
}

static const char *value_at(const char *text, int32_t pub, const char *phrase)
{
    return value_at_nth(text, strlen(text), pub, phrase, 0);
}

#define FRI_2018_06_15 day_from_ymd(2018, 6, 15)

static void weekdays_lean_to_the_past(void **st)
{
    (void)st;
    int32_t pub = FRI_2018_06_15;
    const char *t = "The ministers spoke on Friday. Thursday's vote failed. Tuesday's summit ended well. "
                    "They met last Friday and on Sunday.";
    assert_string_equal(value_at(t, pub, "Friday."), "2018-06-15");
    assert_string_equal(value_at(t, pub, "Thursday"), "2018-06-14");
    assert_string_equal(value_at(t, pub, "Tuesday"), "2018-06-12");
    assert_string_equal(value_at(t, pub, "last Friday"), "2018-06-08");
    assert_string_equal(value_at(t, pub, "Sunday"), "2018-06-10");
}

static void future_sentences_turn_weekdays_forward(void **st)
{
    (void)st;
    int32_t pub = FRI_2018_06_15;
    const char *t = "The drills will resume on Tuesday. Talks open next Monday. "
                    "Flights stop from next Monday. Ports stay shut until Sunday. "
                    "She said Wednesday that they will return. The vote is set to begin on Thursday.";
    assert_string_equal(value_at(t, pub, "Tuesday"), "2018-06-19");
    assert_string_equal(value_at(t, pub, "next Monday"), "2018-06-18");
    assert_string_equal(value_at_nth(t, strlen(t), pub, "next Monday", 1), "2018-06-18");
    assert_string_equal(value_at(t, pub, "Sunday"), "2018-06-17");
    assert_string_equal(value_at(t, pub, "Wednesday"), "2018-06-13");   /* "said" wins */
    /* an intention in the past still looks ahead of the day it was written:
     * both days of "Thursday or Friday" */
    const char *h = "Aid workers hoped to get supplies in by Thursday or Friday.";
    int32_t wed = day_from_ymd(2018, 6, 13);
    assert_string_equal(value_at(h, wed, "Thursday"), "2018-06-14");
    assert_string_equal(value_at(h, wed, "Friday"), "2018-06-15");
    /* a change "effective" on a day is announced ahead of it */
    assert_string_equal(value_at("The new pact is effective Oct. 1.", pub, "Oct. 1"), "2018-10-01");
    /* so does any speech verb in the past */
    assert_string_equal(value_at("Cuba predicted Wednesday that the boy will return.", pub, "Wednesday"),
                        "2018-06-13");
    assert_string_equal(value_at(t, pub, "Thursday"), "2018-06-21");
    /* reported future and intentions turn a bare month or weekday forward;
     * "would have" does not */
    const char *w = "The minister said the rules would take effect in October. Aid workers hope to land by "
                    "Saturday. He said the plan would have passed in March.";
    assert_string_equal(value_at(w, pub, "October"), "2018-10");
    assert_string_equal(value_at(w, pub, "Saturday"), "2018-06-16");
    assert_string_equal(value_at(w, pub, "March"), "2018-03");
    /* "planning to" is an intention; "next to" a place, not a time ahead */
    const char *q = "Protesters were planning to march on Monday. Bombs went off next to the embassies on Tuesday.";
    assert_string_equal(value_at(q, pub, "Monday"), "2018-06-18");
    assert_string_equal(value_at(q, pub, "Tuesday"), "2018-06-12");
    /* A future marker in a later clause does not reach back (seed 004). */
    const char *u = "Trump said after the summit on Tuesday that the allies should stop the drills.";
    assert_string_equal(value_at(u, pub, "Tuesday"), "2018-06-12");
}

/* The type of the expression starting at phrase, or "-". */
static const char *type_at(const char *text, int32_t pub, const char *phrase)
{
    static const char *const names[] = {"DATE", "TIME", "DURATION", "SET"};
    const char *p = strstr(text, phrase);
    an_timex *t;
    size_t n = p ? an_find_times(text, strlen(text), pub, &A, &t) : 0;
    for (size_t k = 0; k < n; k++)
        if (text + t[k].start == p) return t[k].type <= AN_TX_SET ? names[t[k].type] : "?";
    return "-";
}

/* TimeML's other three types: durations, sets and times of day, with
 * their values; none of them is a date (day DAY_NONE). */
static void durations_sets_and_times_of_day(void **st)
{
    (void)st;
    int32_t pub = day_from_ymd(2013, 3, 18);
    const char *t = "The talks lasted three weeks and he signed a three-year deal. For decades the plant ran "
                    "24 hours a day, and twenty-five days passed. The board meets every Monday and reports "
                    "monthly; the vote starts at 6 p.m. and ends at 10:30 a.m. He takes pills twice a day. "
                    "Twenty-five years ago several months passed, and in 2.5 years the monthly report ends. "
                    "The mill stood two decades and the bridge a century.";
    assert_string_equal(value_at(t, pub, "three weeks"), "P3W");
    assert_string_equal(type_at(t, pub, "three weeks"), "DURATION");
    assert_string_equal(value_at(t, pub, "three-year"), "P3Y");
    assert_string_equal(value_at(t, pub, "decades"), "PXDE");
    /* counted decades and centuries in years, as ISO 8601 has no such unit */
    assert_string_equal(value_at(t, pub, "two decades"), "P20Y");
    assert_string_equal(value_at(t, pub, "a century"), "P100Y");
    assert_string_equal(value_at(t, pub, "24 hours"), "PT24H");
    assert_string_equal(value_at(t, pub, "twenty-five days"), "P25D");
    assert_string_equal(value_at(t, pub, "every Monday"), "XXXX-WXX-1");
    assert_string_equal(type_at(t, pub, "every Monday"), "SET");
    assert_string_equal(value_at(t, pub, "monthly;"), "P1M");
    assert_string_equal(value_at(t, pub, "6 p.m."), "2013-03-18T18:00");
    assert_string_equal(type_at(t, pub, "6 p.m."), "TIME");
    assert_string_equal(value_at(t, pub, "10:30 a.m."), "2013-03-18T10:30");
    assert_string_equal(value_at(t, pub, "several months"), "PXM");
    /* not durations: a rate, a date counted back, a decimal's tail, a noun */
    assert_string_equal(value_at(t, pub, "a day."), "-");
    assert_string_equal(value_at(t, pub, "Twenty-five years ago"), "1988");
    assert_string_equal(type_at(t, pub, "Twenty-five years ago"), "DATE");
    assert_string_equal(value_at(t, pub, "5 years"), "-");
    assert_string_equal(value_at(t, pub, "monthly report"), "-");
    /* a count in two words; not the denominator of a fraction */
    const char *more = "It took twenty four hours, then 5 1/2 hours more.";
    assert_string_equal(value_at(more, pub, "twenty four hours"), "PT24H");
    assert_string_equal(value_at(more, pub, "2 hours"), "-");
    /* parts of a day are times of that day */
    const char *parts = "The vote ended Friday morning. This morning officials met; last night the rebels fired, "
                        "and tonight they rest. Tomorrow evening talks resume.";
    assert_string_equal(value_at(parts, pub, "Friday morning"), "2013-03-15TMO");
    assert_string_equal(type_at(parts, pub, "Friday morning"), "TIME");
    assert_string_equal(value_at(parts, pub, "This morning"), "2013-03-18TMO");
    assert_string_equal(value_at(parts, pub, "last night"), "2013-03-17TNI");
    assert_string_equal(value_at(parts, pub, "tonight"), "2013-03-18TNI");
    assert_string_equal(value_at(parts, pub, "Tomorrow evening"), "2013-03-19TEV");
    /* an age is no duration */
    const char *age = "A 6-year-old boy and his 52 years old uncle waited.";
    assert_string_equal(value_at(age, pub, "6-year"), "-");
    assert_string_equal(value_at(age, pub, "52 years"), "-");
    /* a time of day without a publication day has no value */
    assert_string_equal(value_at(t, DAY_NONE, "6 p.m."), "NULL");
    an_timex *x;
    size_t n = an_find_times(t, strlen(t), pub, &A, &x);
    for (size_t k = 0; k < n; k++)
        if (x[k].type != AN_TX_DATE) assert_true(x[k].day == DAY_NONE && x[k].granularity == 3);
}

/* Durations before "before" and "after" (TimeML's signals), the ordinal
 * "a second", and the references to the present, past and future. */
static void signals_ordinals_and_references(void **st)
{
    (void)st;
    int32_t pub = day_from_ymd(2013, 3, 18);
    const char *t = "Five years after its launch the phone ships two days before the show. He won a second "
                    "term and paused for a second. Sales are now higher; the firm recently cut jobs, as in the "
                    "past, and will hire in the future. Over the past two years and the past decade it grew, as in the past "
                    "eleven months under the future president.";
    assert_string_equal(value_at(t, pub, "Five years"), "P5Y");
    assert_string_equal(type_at(t, pub, "two days"), "DURATION");
    assert_string_equal(value_at(t, pub, "two days"), "P2D");
    assert_string_equal(value_at(t, pub, "a second term"), "-");
    assert_string_equal(value_at(t, pub, "a second."), "PT1S");
    assert_string_equal(value_at(t, pub, "now"), "PRESENT_REF");
    assert_string_equal(type_at(t, pub, "now"), "DATE");
    assert_string_equal(value_at(t, pub, "recently"), "PAST_REF");
    assert_string_equal(value_at(t, pub, "the past,"), "PAST_REF");
    assert_string_equal(value_at(t, pub, "the future"), "FUTURE_REF");
    assert_string_equal(value_at(t, pub, "the past two"), "P2Y");   /* a duration, not PAST_REF */
    assert_string_equal(value_at(t, pub, "the past decade"), "-");
    assert_string_equal(value_at(t, pub, "the past eleven"), "P11M");
    assert_string_equal(value_at(t, pub, "the future president"), "-");
    const char *f = "Rates stay low in the near future and the short term, not in the short-term market.";
    assert_string_equal(value_at(f, pub, "the near future"), "FUTURE_REF");
    assert_string_equal(value_at(f, pub, "the short term"), "FUTURE_REF");
    assert_string_equal(value_at(f, pub, "the short-term"), "-");
    an_timex *x;
    size_t n = an_find_times(t, strlen(t), pub, &A, &x);
    for (size_t k = 0; k < n; k++)
        if (x[k].value && !strcmp(x[k].value + strlen(x[k].value) - 4, "_REF"))
            assert_true(x[k].day == DAY_NONE && x[k].granularity == 3);
}

static void month_days_without_a_year_take_the_nearest_past(void **st)
{
    (void)st;
    int32_t pub = FRI_2018_06_15;
    const char *t = "They met on Jun. 12 and again on June 21, after talks on December 7 and Sept. 3.";
    assert_string_equal(value_at(t, pub, "Jun. 12"), "2018-06-12");
    assert_string_equal(value_at(t, pub, "June 21"), "2018-06-21");
    assert_string_equal(value_at(t, pub, "December 7"), "2017-12-07");
    assert_string_equal(value_at(t, pub, "Sept. 3"), "2017-09-03");
    /* across the new year */
    const char *u = "Officials first met on December 28 to plan it.";
    assert_string_equal(value_at(u, day_from_ymd(2019, 1, 3), "December 28"), "2018-12-28");
    /* the future widens the window ahead */
    const char *v = "The accord will be signed on October 2.";
    assert_string_equal(value_at(v, pub, "October 2"), "2018-10-02");
}

static void full_dates_in_every_written_form(void **st)
{
    (void)st;
    const char *t = "Filed 14 June 2018; signed June 14, 2018; dated March 01 , 2008; "
                    "stamped 2018-06-15; due the 3rd of May, 2019; Wednesday 15 March 2023 07:40.";
    int32_t none = DAY_NONE;
    assert_string_equal(value_at(t, none, "14 June"), "2018-06-14");
    assert_string_equal(value_at(t, none, "June 14"), "2018-06-14");
    assert_string_equal(value_at(t, none, "March 01"), "2008-03-01");
    assert_string_equal(value_at(t, none, "2018-06-15"), "2018-06-15");
    assert_string_equal(value_at(t, none, "3rd"), "2019-05-03");
    assert_string_equal(value_at(t, none, "Wednesday"), "2023-03-15");   /* weekday leads the date */
    an_timex *x;
    size_t n = an_find_times(t, strlen(t), none, &A, &x);
    assert_int_equal(n, 6);
    assert_int_equal(x[0].day, day_from_ymd(2018, 6, 14));
    assert_int_equal(x[0].granularity, 0);
    assert_int_equal(x[0].end - x[0].start, strlen("14 June 2018"));
}

static void months_years_and_ranges(void **st)
{
    (void)st;
    int32_t pub = FRI_2018_06_15;
    const char *t = "No talks since December 2007 or during the 1950-53 war, nor in 1950–1953; "
                    "prices in 2018 and 2018's harvest; the June of 2016 vote; elections in December.";
    assert_string_equal(value_at(t, pub, "December 2007"), "2007-12");
    /* a range is its two years, as TimeML marks it */
    assert_string_equal(value_at(t, pub, "1950-53"), "1950");
    assert_string_equal(value_at(t, pub, "53 war"), "1953");
    assert_string_equal(value_at(t, pub, "1950\xE2\x80\x93" "1953"), "1950");
    assert_string_equal(value_at(t, pub, "1953;"), "1953");
    assert_string_equal(value_at(t, pub, "2018 and"), "2018");
    assert_string_equal(value_at(t, pub, "2018's"), "2018");
    assert_string_equal(value_at(t, pub, "June of 2016"), "2016-06");
    assert_string_equal(value_at(t, pub, "December."), "2017-12");
    an_timex *x;
    an_find_times(t, strlen(t), pub, &A, &x);
    assert_int_equal(x[0].granularity, 1);
    assert_int_equal(x[0].day, day_from_ymd(2007, 12, 1));
    assert_int_equal(x[1].granularity, 2);
    assert_int_equal(x[1].day, day_from_ymd(1950, 1, 1));
}

static void relative_units(void **st)
{
    (void)st;
    int32_t pub = FRI_2018_06_15;
    const char *t = "Last month they met. Earlier this month, this year, last year and next year all count. "
                    "Yesterday, today and tomorrow. Last week too, two years ago, a week ago, "
                    "the third quarter, the first quarter of last year, early June, mid-2008.";
    assert_string_equal(value_at(t, pub, "Last month"), "2018-05");
    assert_string_equal(value_at(t, pub, "Earlier this month"), "2018-06");
    assert_string_equal(value_at(t, pub, "this year"), "2018");
    assert_string_equal(value_at(t, pub, "last year"), "2017");
    assert_string_equal(value_at(t, pub, "next year"), "2019");
    assert_string_equal(value_at(t, pub, "Yesterday"), "2018-06-14");
    assert_string_equal(value_at(t, pub, "today"), "2018-06-15");
    assert_string_equal(value_at(t, pub, "tomorrow"), "2018-06-16");
    assert_string_equal(value_at(t, pub, "Last week"), "2018-W23");      /* ISO week, day = its Monday */
    assert_string_equal(value_at(t, pub, "two years ago"), "2016");
    assert_string_equal(value_at(t, pub, "a week ago"), "2018-06-08");
    assert_string_equal(value_at(t, pub, "third quarter"), "2018-Q3");
    assert_string_equal(value_at(t, pub, "first quarter"), "2017-Q1");
    assert_string_equal(value_at(t, pub, "early June"), "2018-06");
    assert_string_equal(value_at(t, pub, "mid-2008"), "2008");
    an_timex *x;
    size_t n = an_find_times(t, strlen(t), pub, &A, &x);
    size_t weeks = 0;
    for (size_t k = 0; k < n; k++)   /* a week is a period: its Monday, but no day to place */
        if (!strcmp(x[k].value, "2018-W23")) {
            assert_int_equal(x[k].day, day_from_ymd(2018, 6, 4));
            assert_int_equal(x[k].granularity, 1);
            weeks++;
        }
    assert_true(weeks > 0);
}

/* Seasons (TimeML's 2018-SU), weekends (2018-W24-WE) and the quarter
 * business news reports on: the one just ended in the first 50 days of a
 * quarter, else the current one. */
static void seasons_weekends_and_reported_quarters(void **st)
{
    (void)st;
    int32_t pub = FRI_2018_06_15;
    const char *t = "This summer, last summer, next spring and last fall. This winter. The summer of 1999 and "
                    "autumn 2010. This past spring. After the fall in prices, the weekend was calm. This weekend, "
                    "last weekend and next weekend.";
    assert_string_equal(value_at(t, pub, "This summer"), "2018-SU");
    assert_string_equal(value_at(t, pub, "last summer"), "2017-SU");
    assert_string_equal(value_at(t, pub, "next spring"), "2019-SP");
    assert_string_equal(value_at(t, pub, "last fall"), "2017-FA");
    assert_string_equal(value_at(t, pub, "This winter"), "2018-WI");   /* the coming one */
    assert_string_equal(value_at(t, pub, "The summer of 1999"), "1999-SU");
    assert_string_equal(value_at(t, pub, "autumn 2010"), "2010-FA");
    assert_string_equal(value_at(t, pub, "This past spring"), "2018-SP");
    assert_string_equal(value_at(t, pub, "the fall in"), "-");
    assert_string_equal(value_at(t, pub, "the weekend"), "2018-W23-WE");   /* the last one */
    assert_string_equal(value_at(t, pub, "This weekend"), "2018-W24-WE");
    assert_string_equal(value_at(t, pub, "last weekend"), "2018-W23-WE");
    assert_string_equal(value_at(t, pub, "next weekend"), "2018-W24-WE");
    assert_string_equal(value_at("Talks will go on over the weekend.", pub, "the weekend"), "2018-W24-WE");
    an_timex *x;
    size_t n = an_find_times(t, strlen(t), pub, &A, &x);
    size_t weekends = 0;
    for (size_t k = 0; k < n; k++)   /* a weekend is two days: its Saturday, no day to place */
        if (strstr(x[k].value, "-WE")) {
            assert_true(x[k].day == day_from_ymd(2018, 6, 9) || x[k].day == day_from_ymd(2018, 6, 16));
            assert_int_equal(x[k].granularity, 1);
            weekends++;
        }
    assert_int_equal(weekends, 4);
    const char *q = "Profit rose in the quarter, from the year-ago quarter; the current quarter and last quarter "
                    "look weaker.";
    int32_t july = day_from_ymd(2018, 7, 20);
    assert_string_equal(value_at(q, july, "the quarter"), "2018-Q2");
    assert_string_equal(value_at(q, july, "the year-ago quarter"), "2017-Q2");
    assert_string_equal(value_at(q, july, "the current quarter"), "2018-Q3");
    assert_string_equal(value_at(q, july, "last quarter"), "2018-Q2");
    assert_string_equal(value_at(q, pub, "the quarter"), "2018-Q2");   /* 75 days into the second */
}

/* "a year earlier" is the period named last, a year before, at its own
 * granularity; twice in a row it is the same period. "a year ago" is the
 * year before publication, unless a quarter is being reported on. */
static void a_year_earlier_is_the_last_period_a_year_before(void **st)
{
    (void)st;
    int32_t pub = day_from_ymd(1989, 11, 2);
    const char *t = "Net income in the third quarter rose to $5 million from $4 million a year earlier. "
                    "Sales fell from a year-earlier $90 million, and in the year-earlier period costs rose. "
                    "The plant opened on May 3, 1987. A year earlier the site was a farm.";
    assert_string_equal(value_at(t, pub, "a year earlier."), "1988-Q3");
    assert_string_equal(value_at(t, pub, "year-earlier $90"), "1988-Q3");
    assert_string_equal(value_at(t, pub, "the year-earlier period"), "1988-Q3");
    assert_string_equal(value_at(t, pub, "A year earlier the"), "1986-05-03");
    const char *q = "Profit in the third quarter rose from $3 million a year ago.";
    assert_string_equal(value_at(q, pub, "a year ago"), "1988-Q3");
    const char *y = "The plant opened on May 3, 1987. A year ago it closed.";
    assert_string_equal(value_at(y, pub, "A year ago"), "1988");
    /* with nothing named before it, the year before publication */
    assert_string_equal(value_at("A year earlier it was a farm.", pub, "A year earlier"), "1988");
    /* "a year-old record" is an age, and "the year ahead" is no comparison */
    assert_string_equal(value_at("It broke a year-old record.", pub, "year"), "-");
}

/* Years said in words, decades, and a quarter named with the year before
 * it or "year-ago" in front of it. */
static void spelled_years_decades_and_named_quarters(void **st)
{
    (void)st;
    int32_t pub = day_from_ymd(1998, 2, 27);
    const char *t = "Prices rose in nineteen ninety-six and in January nineteen ninety-seven, and in the year "
                    "two thousand. Two thousand people came. It was nineteen hundred feet high.";
    assert_string_equal(value_at(t, pub, "nineteen ninety-six"), "1996");
    assert_string_equal(value_at(t, pub, "January nineteen"), "1997-01");
    assert_string_equal(value_at(t, pub, "two thousand."), "2000");
    assert_string_equal(value_at(t, pub, "Two thousand people"), "-");    /* a count */
    assert_string_equal(value_at(t, pub, "nineteen hundred"), "-");
    const char *d = "In the early 1980s and the 1990s, in the '70s, the 1960's and the nineties, not in her "
                    "twenties; the mid-1950s, 1980s-era cars.";
    assert_string_equal(value_at(d, pub, "early 1980s"), "198");
    assert_string_equal(value_at(d, pub, "1990s"), "199");
    assert_string_equal(value_at(d, pub, "'70s"), "197");
    assert_string_equal(value_at(d, pub, "1960's"), "196");
    assert_string_equal(value_at(d, pub, "nineties"), "199");
    assert_string_equal(value_at(d, pub, "twenties"), "-");
    assert_string_equal(value_at(d, pub, "mid-1950s"), "195");
    /* a decade places nothing on a timeline */
    an_timex *x;
    const char *n = "In the 1990s it grew.";
    assert_int_equal(an_find_times(n, strlen(n), pub, &A, &x), 1);
    assert_int_equal(x[0].day, DAY_NONE);
    int32_t oct = day_from_ymd(1989, 10, 27);
    const char *q = "Profit fell from the year-ago third quarter and from the 1988 third quarter.";
    assert_string_equal(value_at(q, oct, "year-ago third"), "1988-Q3");
    assert_string_equal(value_at(q, oct, "1988 third"), "1988-Q3");
}

/* "that year", "the following year", "the next day": counted from the
 * period named last; unresolved where that is coarser than the unit. */
static void anaphoric_periods_follow_the_last_one_named(void **st)
{
    (void)st;
    int32_t pub = day_from_ymd(2011, 1, 5);
    const char *t = "In March 2009 the plant closed. Later that year it opened, and the following year it "
                    "sold. On June 3, 2010, it burned; the next day it rained, and that same week it snowed. "
                    "In 2005 it was built. That month it rained. He said that year-end results were weak.";
    assert_string_equal(value_at(t, pub, "that year"), "2009");
    assert_string_equal(value_at(t, pub, "the following year"), "2010");
    assert_string_equal(value_at(t, pub, "the next day"), "2010-06-04");
    assert_string_equal(value_at(t, pub, "that same week"), "2010-W22");
    assert_string_equal(value_at(t, pub, "That month"), "NULL");
    assert_string_equal(value_at(t, pub, "that year-end"), "-");
    /* "the latest period" is the period named last, whatever its length;
     * "the same period a year earlier" is left to "a year earlier" */
    const char *q = "Net rose in the third quarter. The latest period had a gain. In the same period a year "
                    "earlier it fell.";
    assert_string_equal(value_at(q, pub, "The latest period"), "2010-Q3");
    assert_string_equal(value_at(q, pub, "the same period"), "-");
    /* with nothing named before, the day is the publication day */
    assert_string_equal(value_at("The next day it rained.", pub, "The next day"), "2011-01-06");
}

/* Durations counted with "more", "in recent weeks", "the coming months",
 * quarters; "a quarter of" is a share. */
static void more_durations(void **st)
{
    (void)st;
    int32_t pub = FRI_2018_06_15;
    const char *t = "In recent years and in the coming months, for two more weeks and an additional year, "
                    "over the past two quarters, a quarter of the vote and three quarters of voters.";
    assert_string_equal(value_at(t, pub, "recent years"), "PXY");
    assert_string_equal(value_at(t, pub, "coming months"), "PXM");
    assert_string_equal(value_at(t, pub, "two more weeks"), "P2W");
    assert_string_equal(value_at(t, pub, "an additional year"), "P1Y");
    assert_string_equal(value_at(t, pub, "two quarters"), "P2Q");
    assert_string_equal(value_at(t, pub, "a quarter of"), "-");
    assert_string_equal(value_at(t, pub, "three quarters"), "-");
    /* "later" and "earlier" after a count make TimeML's duration; "ago" a date */
    const char *l = "Three months later it fell; a few days earlier it rose; two days ago it stopped.";
    assert_string_equal(value_at(l, pub, "Three months"), "P3M");
    assert_string_equal(value_at(l, pub, "few days"), "PXD");
    assert_string_equal(value_at(l, pub, "two days ago"), "2018-06-13");
    /* a year of accounts is a duration and its end a date; a year alone is neither */
    const char *f = "Sales for the year ended March 31 rose. In the fiscal year ending in June they fell. "
                    "All the year was hard.";
    assert_string_equal(value_at(f, pub, "the year ended"), "P1Y");
    assert_string_equal(value_at(f, pub, "March 31"), "2018-03-31");
    assert_string_equal(value_at(f, pub, "the fiscal year"), "P1Y");
    assert_string_equal(value_at(f, pub, "the year was"), "-");
}

/* Every number word counts, as a word and capitalised, alone and with
 * its tens ("ninety-nine"): scan looks them up once per token. */
static void every_number_word_counts(void **st)
{
    (void)st;
    static const char *const ones[] = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
                                       "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
                                       "sixteen", "seventeen", "eighteen", "nineteen"};
    static const char *const tens[] = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
    int32_t pub = FRI_2018_06_15;
    for (int n = 2; n < 100; n++) {
        const char *w = n < 20 ? ones[n] : tens[n / 10 - 2];
        char want[16], cap[16], t[96];
        snprintf(want, sizeof want, "P%dW", n);
        snprintf(cap, sizeof cap, "%c%s", w[0] - 32, w + 1);   /* "Seventeen" */
        for (int up = 0; up < 2; up++) {
            const char *first = up ? cap : w;
            if (n < 20 || n % 10 == 0) snprintf(t, sizeof t, "It ran for %s weeks.", first);
            else snprintf(t, sizeof t, "It ran for %s-%s weeks.", first, ones[n % 10]);
            if (strcmp(value_at(t, pub, first), want))
                fail_msg("\"%s\": %s, not %s", t, value_at(t, pub, first), want);
        }
    }
}

/* Holidays: fixed days, the n-th weekday of a month, days counted from
 * Easter; the year as for a day written without one. */
static void holidays_are_days(void **st)
{
    (void)st;
    int32_t pub = day_from_ymd(2000, 1, 7);
    const char *t = "Sales rose over Thanksgiving Day. Last Christmas was cold. Christmas of 2008 was warm. "
                    "We met on Good Friday. On Election Day voters came. New Year's Eve was loud. "
                    "Memorial Day and St. Patrick's Day passed. China Eastern flew.";
    assert_string_equal(value_at(t, pub, "Thanksgiving Day"), "1999-11-25");
    assert_string_equal(value_at(t, pub, "Last Christmas"), "1999-12-25");
    assert_string_equal(value_at(t, pub, "Christmas of 2008"), "2008-12-25");
    assert_string_equal(value_at(t, pub, "Good Friday"), "1999-04-02");      /* Easter 1999: April 4 */
    assert_string_equal(value_at(t, pub, "Election Day"), "1999-11-02");
    assert_string_equal(value_at(t, pub, "New Year's Eve"), "1999-12-31");
    assert_string_equal(value_at(t, pub, "Memorial Day"), "1999-05-31");
    assert_string_equal(value_at(t, pub, "St. Patrick's Day"), "1999-03-17");
    assert_string_equal(value_at(t, pub, "Eastern"), "-");
    assert_string_equal(value_at("He will be back by Easter.", pub, "Easter"), "2000-04-23");
    assert_string_equal(value_at("Talks resume after next Christmas.", day_from_ymd(2000, 12, 26),
                                 "next Christmas"), "2001-12-25");
    assert_string_equal(value_at("Sales were weak this past Christmas.", pub, "past Christmas"), "1999-12-25");
    /* a lower-case word is no holiday */
    assert_string_equal(value_at("a christmas tree", pub, "christmas"), "-");
    /* its value names the day, but it dates no event: "the Christmas sales" */
    an_timex *x;
    const char *sales = "Stores hope for the Christmas sales.";
    assert_int_equal(an_find_times(sales, strlen(sales), pub, &A, &x), 1);
    assert_string_equal(x[0].value, "1999-12-25");
    assert_int_equal(x[0].day, DAY_NONE);
}

/* A clock time next to a date is of that day; the date stays a date.
 * Noon and midnight are clock times. */
static void clock_times_take_the_day_next_to_them(void **st)
{
    (void)st;
    int32_t pub = FRI_2018_06_15;
    const char *t = "Polls closed at 10 p.m. Wednesday and counting began at noon Thursday. The deadline is "
                    "5 p.m. EST, June 9; the vote was June 12 at 6 p.m. Talks ran until midnight. At 9 a.m. it rained.";
    assert_string_equal(value_at(t, pub, "10 p.m."), "2018-06-13T22:00");
    assert_string_equal(value_at(t, pub, "Wednesday"), "2018-06-13");
    assert_string_equal(value_at(t, pub, "noon"), "2018-06-14T12:00");
    assert_string_equal(value_at(t, pub, "5 p.m."), "2018-06-09T17:00");
    /* the same time elsewhere, in brackets, stands between them */
    assert_string_equal(value_at("It blew up at 10:35 a.m. (0735 GMT) Thursday.", pub, "10:35"), "2018-06-14T10:35");
    assert_string_equal(value_at(t, pub, "6 p.m."), "2018-06-12T18:00");
    assert_string_equal(value_at(t, pub, "midnight"), "2018-06-15T24:00");
    assert_string_equal(value_at(t, pub, "9 a.m."), "2018-06-15T09:00");
    assert_string_equal(value_at(t, DAY_NONE, "noon"), "NULL");
}

static void without_a_publication_day_relative_ones_stay_open(void **st)
{
    (void)st;
    const char *t = "On Friday, last month and on June 21 they met; on 14 June 2018 and in 2017 too.";
    assert_string_equal(value_at(t, DAY_NONE, "Friday"), "NULL");
    assert_string_equal(value_at(t, DAY_NONE, "last month"), "NULL");
    assert_string_equal(value_at(t, DAY_NONE, "June 21"), "NULL");
    assert_string_equal(value_at(t, DAY_NONE, "14 June"), "2018-06-14");
    assert_string_equal(value_at(t, DAY_NONE, "2017"), "2017");
    an_timex *x;
    an_find_times(t, strlen(t), DAY_NONE, &A, &x);
    assert_int_equal(x[0].day, DAY_NONE);
}

/* Found by fuzz_dates: "next week" in a page dated 9999-12-31 fell in the
 * year 10000, which day_from_ymd refuses, and the ISO week was counted from
 * DAY_NONE (a signed overflow). A day past the calendar is no day. */
static void relative_days_past_the_calendar_stay_open(void **st)
{
    (void)st;
    const char *t = "Talks resume next week and tomorrow, and in the spring of next year. "
                    "They met last week, three days ago and on Friday.";
    int32_t last = day_from_ymd(9999, 12, 31), first = day_from_ymd(1, 1, 1);
    assert_string_equal(value_at(t, last, "next week"), "NULL");
    assert_string_equal(value_at(t, last, "tomorrow"), "NULL");
    assert_string_equal(value_at(t, last, "next year"), "NULL");
    assert_string_equal(value_at(t, last, "last week"), "9999-W51");
    assert_string_equal(value_at(t, first, "last week"), "NULL");
    assert_string_equal(value_at(t, first, "three days ago"), "NULL");
    assert_string_equal(value_at(t, first, "Friday"), "NULL");
    assert_string_equal(value_at(t, first, "tomorrow"), "0001-01-02");
}

static void leap_days(void **st)
{
    (void)st;
    const char *t = "It began on February 29, 2020, not on 29 February 2019, and ended on February 29.";
    assert_string_equal(value_at(t, DAY_NONE, "February 29, 2020"), "2020-02-29");
    assert_string_equal(value_at(t, DAY_NONE, "February 2019"), "2019-02"); /* no such day: the month */
    /* no year: the last leap year not after publication */
    assert_string_equal(value_at_nth(t, strlen(t), day_from_ymd(2023, 6, 1), "February 29", 1), "2020-02-29");
}

static void quantities_and_verbs_are_not_dates(void **st)
{
    (void)st;
    /* a group named after a day is no date; a vote on one is */
    int32_t dec = day_from_ymd(2009, 12, 4);
    assert_string_equal(value_at("Leaders of the March 8 coalition met.", dec, "March"), "-");
    assert_string_equal(value_at("The 14 March alliance and the April 6 Youth Movement marched.", dec, "14"), "-");
    assert_string_equal(value_at("The 14 March alliance and the April 6 Youth Movement marched.", dec, "April"), "-");
    assert_string_equal(value_at("The March 8 vote was close.", dec, "March"), "2009-03-08");
    int32_t pub = FRI_2018_06_15;
    const char *t = "He ran 4,051 yards for 2,700 fans, paid $2018, sold 2000 cars in the 1990s and 2018.5 km; "
                    "they may march on Monday. A march in May 2018 and some 1900 troops. The A320 flew.";
    an_timex *x;
    size_t n = an_find_times(t, strlen(t), pub, &A, &x);
    assert_int_equal(n, 3);
    assert_memory_equal(t + x[0].start, "1990s", 5);   /* a decade, not the year 1990 */
    assert_string_equal(x[0].value, "199");
    assert_memory_equal(t + x[1].start, "Monday", 6);
    assert_memory_equal(t + x[2].start, "May 2018", 8);
    assert_string_equal(x[2].value, "2018-05");
}

static void hostile_input_stays_in_bounds(void **st)
{
    (void)st;
    /* ends inside a pattern and inside a UTF-8 sequence; no terminator */
    char buf[] = {'J', 'u', 'n', 'e', ' ', '1', '4', ',', ' ', '2', '0', '1', '8', '-', '0', '6', '-', '\xE2', '\x80'};
    an_timex *x;
    for (size_t len = 0; len <= sizeof buf; len++) {
        size_t n = an_find_times(buf, len, FRI_2018_06_15, &A, &x);
        for (size_t k = 0; k < n; k++) assert_true(x[k].end <= len && x[k].start < x[k].end);
    }
    assert_int_equal(an_find_times("", 0, DAY_NONE, &A, &x), 0);
}

/* ---- the seeds ------------------------------------------------------------ */

static char *seed(const char *name, size_t *len)
{
    char path[512];
    snprintf(path, sizeof path, "%s/seeds/%s", shared_dir(), name);
    char *t = slurp(path, len);
    if (!t) fail_msg("cannot read %s", path);
    return t;
}

static void seed_dates_resolve(void **st)
{
    (void)st;
    struct { const char *file; int y, m, d; const char *phrase, *want; } cases[] = {
        {"000_9377510d9d5253c6.txt", 2018, 6, 15, "Jun. 12", "2018-06-12"},
        {"000_9377510d9d5253c6.txt", 2018, 6, 15, "Tuesday's", "2018-06-12"},
        {"000_9377510d9d5253c6.txt", 2018, 6, 15, "on Friday", "2018-06-15"},
        {"003_7c0ab15546612602.txt", 2025, 12, 7, "December 7", "2025-12-07"},
        {"003_7c0ab15546612602.txt", 2025, 12, 7, "Last month", "2025-11"},
        {"004_275ad719f9795c82.txt", 2018, 6, 14, "December 2007", "2007-12"},
        {"004_275ad719f9795c82.txt", 2018, 6, 14, "1950-53", "1950"},
        {"004_275ad719f9795c82.txt", 2018, 6, 14, "53", "1953"},
        {"002_9557aefa0f7c0ab6.txt", 2018, 6, 28, "June 21", "2018-06-21"},
        {"002_9557aefa0f7c0ab6.txt", 2018, 6, 28, "Earlier this month", "2018-06"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        size_t len;
        char *t = seed(cases[k].file, &len);
        const char *got = value_at_nth(t, len, day_from_ymd(cases[k].y, cases[k].m, cases[k].d), cases[k].phrase, 0);
        if (strcmp(got, cases[k].want))
            fail_msg("%s: \"%s\" gave %s, want %s", cases[k].file, cases[k].phrase, got, cases[k].want);
        free(t);
    }
}

/* The span of "on Friday" is the weekday alone, as in TimeML. */
static void seed_on_friday_is_the_weekday(void **st)
{
    (void)st;
    size_t len;
    char *t = seed("000_9377510d9d5253c6.txt", &len);
    const char *p = memmem(t, len, "on Friday", 9);
    assert_non_null(p);
    an_timex *x;
    size_t n = an_find_times(t, len, FRI_2018_06_15, &A, &x);
    bool seen = false;
    for (size_t k = 0; k < n; k++)
        if (t + x[k].start == p + 3 && x[k].end - x[k].start == 6) seen = !strcmp(x[k].value, "2018-06-15");
    assert_true(seen);
    free(t);
}

/* ---- publication day inference ------------------------------------------ */

static void infers_from_a_dateline_and_the_year_of_the_text(void **st)
{
    (void)st;
    const char *text = "Talks resumed. The 2025 budget was passed in 2025, after the 2024 vote.";
    sl_article art = {.dateline = "Seoul, December 7 (Newswire)", .text = text, .text_len = strlen(text)};
    assert_int_equal(an_infer_published(&art, NULL, 0, &A, NULL), day_from_ymd(2025, 12, 7));
    /* a dateline at the start of the first paragraph */
    const char *para = "LIMA, March 3 - Voting began in 2021 as planned.";
    const char *paras[] = {para};
    sl_article art2 = {.paragraphs = paras, .n_paragraphs = 1, .text = para, .text_len = strlen(para)};
    assert_int_equal(an_infer_published(&art2, NULL, 0, &A, NULL), day_from_ymd(2021, 3, 3));
}

static void infers_from_a_page_header(void **st)
{
    (void)st;
    const char *text = "Home | World\nUpdated: Wednesday 15 March 2023 07:40\nThe council met on 2 May 2024 "
                       "and will meet again.";
    sl_article art = {.text = text, .text_len = strlen(text)};
    assert_int_equal(an_infer_published(&art, NULL, 0, &A, NULL), day_from_ymd(2023, 3, 15));
}

/* The page as scraped holds what extraction removed: a header with the date,
 * a footer with the copyright year (found on examples/pages, where a village
 * drowned in 1964 gave the dateline "October 15" the wrong year). */
static void infers_from_the_page_around_the_article(void **st)
{
    (void)st;
    const char *text = "CARDEL, October 15 - The village drowned in 1964 shows again, as in 1964 and 1976.";
    sl_article art = {.text = text, .text_len = strlen(text)};
    const char *page = "Evening Post\nCARDEL, October 15 - ...\n\xC2\xA9 2025 Evening Post. All rights reserved.";
    assert_int_equal(an_infer_published(&art, page, strlen(page), &A, NULL), day_from_ymd(2025, 10, 15));
    assert_int_equal(an_infer_published(&art, NULL, 0, &A, NULL), day_from_ymd(1964, 10, 15));
    const char *page2 = "News | Local\nUpdated: Wednesday 15 March 2023 07:40\nCARDEL, October 15 - ...";
    assert_int_equal(an_infer_published(&art, page2, strlen(page2), &A, NULL), day_from_ymd(2023, 3, 15));
}

static void infers_the_latest_full_date_or_nothing(void **st)
{
    (void)st;
    const char *text = "The pact of 4 July 1998 was renewed on June 2, 2004, and again in 2010.";
    sl_article art = {.text = text, .text_len = strlen(text)};
    assert_int_equal(an_infer_published(&art, NULL, 0, &A, NULL), day_from_ymd(2004, 6, 2));
    /* only the latest date named: a weak day; a header's is not */
    bool weak = false;
    assert_int_equal(an_infer_published(&art, NULL, 0, &A, &weak), day_from_ymd(2004, 6, 2));
    assert_true(weak);
    const char *page = "Updated: Wednesday 15 March 2023 07:40\nThe pact of 4 July 1998 ...";
    assert_int_equal(an_infer_published(&art, page, strlen(page), &A, &weak), day_from_ymd(2023, 3, 15));
    assert_false(weak);
    const char *none = "Nobody said when: last Friday, perhaps, or in May.";
    sl_article art2 = {.text = none, .text_len = strlen(none)};
    assert_int_equal(an_infer_published(&art2, NULL, 0, &A, NULL), DAY_NONE);
    sl_article empty = {0};
    assert_int_equal(an_infer_published(&empty, NULL, 0, &A, NULL), DAY_NONE);
}

/* A scraped page that states its date on a line of its own above the
 * article, with its weekday, time and zone, and no word that says so. The
 * day is weak: clustering takes the article as undated (ingest.c), as it
 * did before the line was read. A line with other words is no date line. */
static void infers_from_a_date_line(void **st)
{
    (void)st;
    const char *text = "Crews restored power to the harbour district after the storm of 4 July 1998 was recalled.";
    sl_article art = {.text = text, .text_len = strlen(text)};
    const char *lines[] = {
        "Harbour district back on the grid\nSeptember 18th, 2013, 05:31 GMT\nCrews restored power ...",
        "Harbour district back on the grid\nWed, Sep 18 2013 at 11:47 AM\nCrews restored power ...",
        "Harbour district back on the grid\n18 September 2013 - 21:29\nCrews restored power ...",
        "Harbour district back on the grid\nSeptember 18, 2013 | 5:03pm\nCrews restored power ...",
    };
    for (size_t k = 0; k < sizeof lines / sizeof *lines; k++) {
        bool weak = false;
        assert_int_equal(an_infer_published(&art, lines[k], strlen(lines[k]), &A, &weak), day_from_ymd(2013, 9, 18));
        assert_true(weak);
    }
    /* "Posted" makes it a header (infers_from_a_page_header): a day as
     * strong as metadata */
    const char *posted = "Posted on Wed Sep 18, 2013 08:45 AM PDT\nHarbour district back on the grid\nCrews ...";
    bool weak = true;
    assert_int_equal(an_infer_published(&art, posted, strlen(posted), &A, &weak), day_from_ymd(2013, 9, 18));
    assert_false(weak);
    /* words beside the date: a sentence, not the page's date line; the
     * latest date of the text stands */
    const char *told = "Harbour district back on the grid\nPower returned on September 18, 2013\nCrews ...";
    assert_int_equal(an_infer_published(&art, told, strlen(told), &A, NULL), day_from_ymd(1998, 7, 4));
    /* a date alone on a line far down the page heads a part of it */
    char far[2048];
    memset(far, 'x', sizeof far);
    memcpy(far, "Harbour district\n", 17);
    for (size_t i = 100; i < 1200; i += 100) far[i] = ' ';
    const char *late = "\nSeptember 18, 2013\nMore.";
    memcpy(far + 1200, late, strlen(late) + 1);
    assert_int_equal(an_infer_published(&art, far, strlen(far), &A, NULL), day_from_ymd(1998, 7, 4));
}

/* Time words are words in any case: each list's words are looked up
 * through a filter of their first two letters and length (word_in), which
 * must read "LAST", "Last" and "last" alike. Every phrase here is found and
 * valued the same in lower case, capitalised and in capitals. */
static void time_words_in_any_case(void **st)
{
    (void)st;
    int32_t pub = FRI_2018_06_15;
    static const char *const phrases[] = {
        "yesterday", "tonight", "tomorrow", "last week", "next month", "this year", "three weeks ago",
        "twenty years ago", "earlier this year", "later this month", "the weekend", "next weekend",
        "this spring", "last winter", "the first quarter", "two more weeks", "for decades", "every day",
        "a year earlier", "several months", "eleven days", "that same day",
        /* a word of every kind a matcher may begin with (timex.c's may_start) */
        "winter 2008", "spring of 2009", "summer 2010", "fall 2011", "autumn 2012", "year-earlier",
        "previous week", "coming month", "mid-2008", "late 2009", "the twenties", "the thirties",
        "the forties", "the fifties", "the sixties", "the seventies", "the eighties", "the nineties",
        "second quarter", "third quarter", "fourth quarter", "final quarter", "today", "one year ago",
        "an hour", "2018", "'90s", NULL};
    for (int k = 0; phrases[k]; k++) {
        char forms[3][96];   /* lower case, Capitalised, CAPITALS */
        size_t n = strlen(phrases[k]);
        for (int f = 0; f < 3; f++) {
            snprintf(forms[f], sizeof forms[f], "It happened %s and ended.", phrases[k]);
            char *p = forms[f] + 12;
            for (size_t j = 0; j < n; j++)
                if (f == 2 || (f == 1 && (j == 0 || p[j - 1] == ' '))) p[j] = (char)toupper((unsigned char)p[j]);
        }
        const char *want = value_at(forms[0], pub, phrases[k]);
        if (!strcmp(want, "-")) fail_msg("'%s' is no time expression in lower case", phrases[k]);
        for (int f = 1; f < 3; f++) {
            char phrase[64];
            snprintf(phrase, sizeof phrase, "%.*s", (int)n, forms[f] + 12);
            const char *got = value_at(forms[f], pub, phrase);
            if (strcmp(want, got)) fail_msg("'%s': %s in lower case, %s as '%s'", phrases[k], want, got, phrase);
        }
    }
}

/* An edge or modifier word is the start of its expression, not left out
 * of it: "late 2009" from "late", not "2009" alone. */
static void modifiers_begin_their_expression(void **st)
{
    (void)st;
    static const char *const phrases[] = {"late 2009", "earlier this year", "later this month", "early June",
                                          "past Christmas", "mid-2008", NULL};
    for (int k = 0; phrases[k]; k++) {
        char text[96];
        snprintf(text, sizeof text, "It happened %s and ended.", phrases[k]);
        an_timex *t;
        size_t n = an_find_times(text, strlen(text), FRI_2018_06_15, &A, &t);
        if (!n || t[0].start != 12) fail_msg("'%s': no time expression starts at its first word", phrases[k]);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(weekdays_lean_to_the_past, setup, teardown),
        cmocka_unit_test_setup_teardown(infers_from_the_page_around_the_article, setup, teardown),
        cmocka_unit_test_setup_teardown(future_sentences_turn_weekdays_forward, setup, teardown),
        cmocka_unit_test_setup_teardown(durations_sets_and_times_of_day, setup, teardown),
        cmocka_unit_test_setup_teardown(a_year_earlier_is_the_last_period_a_year_before, setup, teardown),
        cmocka_unit_test_setup_teardown(holidays_are_days, setup, teardown),
        cmocka_unit_test_setup_teardown(signals_ordinals_and_references, setup, teardown),
        cmocka_unit_test_setup_teardown(month_days_without_a_year_take_the_nearest_past, setup, teardown),
        cmocka_unit_test_setup_teardown(full_dates_in_every_written_form, setup, teardown),
        cmocka_unit_test_setup_teardown(months_years_and_ranges, setup, teardown),
        cmocka_unit_test_setup_teardown(relative_units, setup, teardown),
        cmocka_unit_test_setup_teardown(seasons_weekends_and_reported_quarters, setup, teardown),
        cmocka_unit_test_setup_teardown(clock_times_take_the_day_next_to_them, setup, teardown),
        cmocka_unit_test_setup_teardown(without_a_publication_day_relative_ones_stay_open, setup, teardown),
        cmocka_unit_test_setup_teardown(relative_days_past_the_calendar_stay_open, setup, teardown),
        cmocka_unit_test_setup_teardown(leap_days, setup, teardown),
        cmocka_unit_test_setup_teardown(quantities_and_verbs_are_not_dates, setup, teardown),
        cmocka_unit_test_setup_teardown(hostile_input_stays_in_bounds, setup, teardown),
        cmocka_unit_test_setup_teardown(spelled_years_decades_and_named_quarters, setup, teardown),
        cmocka_unit_test_setup_teardown(anaphoric_periods_follow_the_last_one_named, setup, teardown),
        cmocka_unit_test_setup_teardown(more_durations, setup, teardown),
        cmocka_unit_test_setup_teardown(every_number_word_counts, setup, teardown),
        cmocka_unit_test_setup_teardown(time_words_in_any_case, setup, teardown),
        cmocka_unit_test_setup_teardown(modifiers_begin_their_expression, setup, teardown),
        cmocka_unit_test_setup_teardown(seed_dates_resolve, setup, teardown),
        cmocka_unit_test_setup_teardown(seed_on_friday_is_the_weekday, setup, teardown),
        cmocka_unit_test_setup_teardown(infers_from_a_dateline_and_the_year_of_the_text, setup, teardown),
        cmocka_unit_test_setup_teardown(infers_from_a_page_header, setup, teardown),
        cmocka_unit_test_setup_teardown(infers_the_latest_full_date_or_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(infers_from_a_date_line, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
