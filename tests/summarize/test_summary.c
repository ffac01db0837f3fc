/* test_summary.c: headlines and extractive summaries. */
#include "testutil.h"
#include "summarize/summarize.h"

static void headline_is_central_title_and_summary_does_not_repeat(void **st)
{
    (void)st;
    su_article arts[] = {
        {"Ferry strike halts island crossings",
         "Ferry workers on the island routes walked out on Monday over pay, halting all crossings. "
         "The union said the ferry strike would last three days. Tourists waited at the harbour.", 10, false},
        {"Union leader speaks",
         "The ferry strike halted all island crossings on Monday as workers walked out over pay. "
         "Negotiators will meet the ferry operator on Wednesday to discuss the pay offer.", 10, false},
        {"Weather", "Ferry workers on the island routes walked out on Monday over pay, halting all crossings. "
         "The union said the ferry strike would last three days.", 11, true},
        {"Ferry strike ends early after pay deal",
         "The ferry strike ended on Tuesday after the operator raised its pay offer to workers. "
         "Island crossings resume on Wednesday morning, the operator said in a statement today.", 11, false},
    };
    arena a;
    arena_init(&a);
    su_summary s;
    su_summarize(arts, 4, 3, &a, &s);
    assert_non_null(s.headline);
    assert_non_null(strstr(s.headline, "Ferry strike"));
    assert_true(s.n >= 2 && s.n <= 3);
    /* The first two articles open with the same news: only one of them is kept. */
    int walked = 0;
    for (size_t i = 0; i < s.n; i++) walked += strstr(s.sentences[i], "walked out") != NULL;
    assert_int_equal(walked, 1);
    /* In story order: the strike's start comes before its end. */
    size_t start = 99, end = 99;
    for (size_t i = 0; i < s.n; i++) {
        if (strstr(s.sentences[i], "walked out")) start = i;
        if (strstr(s.sentences[i], "ended on Tuesday")) end = i;
    }
    assert_true(start < end && end < s.n);
    arena_reset(&a);
}

static void empty_cluster_gives_empty_summary(void **st)
{
    (void)st;
    arena a;
    arena_init(&a);
    su_summary s;
    su_summarize(NULL, 0, 3, &a, &s);
    assert_null(s.headline);
    assert_int_equal(s.n, 0);
    arena_reset(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(headline_is_central_title_and_summary_does_not_repeat),
        cmocka_unit_test(empty_cluster_gives_empty_summary),
    };
    return cmocka_run_group_tests_name("summarize", tests, NULL, NULL);
}
