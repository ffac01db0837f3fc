/* test_extract.c: tests of the extract stage (src/extract/): the five seed
 * scrapes, read from the shared folder and checked line by line, and one
 * small invented page per rule of the classifier, title, byline and
 * dateline finders, plus hostile input. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "extract/extract.h"
#include "extract/ex_internal.h"
#include "testutil.h"

/* ---- helpers ---------------------------------------------------------------- */

#include "fixture.h"

static sl_status run_len(fixture *f, const char *body, size_t len, const char *title)
{
    sl_page p = {.input = "test.txt", .line = 3, .id = "t1", .url = "https://example.org/a",
                 .title = title, .published = "2024-06-11", .source = "Example Post",
                 .meta_json = "{\"k\":1}", .body = body, .body_len = len, .format = SL_FORMAT_TEXT};
    return ex_extract(&p, &f->a, &f->art, &f->err);
}

static sl_status run(fixture *f, const char *body) { return run_len(f, body, strlen(body), NULL); }

static bool has_paragraph(const sl_article *art, const char *s, size_t n)
{
    for (size_t i = 0; i < art->n_paragraphs; i++)
        if (strlen(art->paragraphs[i]) == n && memcmp(art->paragraphs[i], s, n) == 0) return true;
    return false;
}

static bool text_has(const sl_article *art, const char *s, size_t n)
{
    return memmem(art->text, art->text_len, s, n) != NULL;
}

/* Line k (1-based) of the loaded seed, without its line break; asserts it
 * exists and is not blank. */
static const char *seed_line(const fixture *f, int k, size_t *n)
{
    const char *p = f->file, *end = f->file + f->file_len;
    for (int i = 1; i < k; i++) {
        p = memchr(p, '\n', (size_t)(end - p));
        assert_non_null(p);
        p++;
    }
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    *n = (size_t)((nl ? nl : end) - p);
    while (*n && (p[*n - 1] == '\r' || p[*n - 1] == ' ')) (*n)--;
    assert_true(*n > 0);
    return p;
}

static void load_seed(fixture *f, const char *name, const char *published)
{
    char path[512];
    snprintf(path, sizeof path, "%s/seeds/%s", shared_dir(), name);
    f->file = slurp(path, &f->file_len);
    if (!f->file) fail_msg("cannot read %s (run the tests from the project root)", path);
    sl_page p = {.input = name, .published = published, .body = f->file,
                 .body_len = f->file_len, .format = SL_FORMAT_TEXT};
    assert_int_equal(ex_extract(&p, &f->a, &f->art, &f->err), SL_OK);
}

static void assert_kept(const fixture *f, const int *lines, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        size_t len;
        const char *s = seed_line(f, lines[i], &len);
        if (!has_paragraph(&f->art, s, len)) fail_msg("line %d is not a body paragraph", lines[i]);
    }
    assert_int_equal(f->art.n_paragraphs, n);
}

static void assert_dropped(const fixture *f, const int *lines, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        size_t len;
        const char *s = seed_line(f, lines[i], &len);
        if (text_has(&f->art, s, len)) fail_msg("line %d leaked into the body", lines[i]);
    }
}

static void assert_title_is_line(const fixture *f, const char *field, int k)
{
    size_t len;
    const char *s = seed_line(f, k, &len);
    assert_non_null(field);
    assert_int_equal(strlen(field), len);
    assert_memory_equal(field, s, len);
}

/* The dateline opens line k and is followed by a dash. */
static void assert_dateline_opens(const fixture *f, int k)
{
    size_t len, d;
    const char *s = seed_line(f, k, &len);
    assert_non_null(f->art.dateline);
    d = strlen(f->art.dateline);
    assert_true(d > 3 && d < len);
    assert_memory_equal(s, f->art.dateline, d);
    while (s[d] == ' ') d++;
    assert_true(s[d] == '-' || (unsigned char)s[d] == 0xE2);
}

#define COUNT(a) (sizeof (a) / sizeof (a)[0])

/* ---- the seeds ----------------------------------------------------------------- */

static void test_seed_000_wire_with_paywall(void **state)
{
    fixture *f = *state;
    load_seed(f, "000_9377510d9d5253c6.txt", "2018-06-15");
    static const int keep[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
    assert_kept(f, keep, COUNT(keep));
    int drop[64];
    size_t nd = 0;
    for (int k = 12; k <= 56; k++) {
        if (k == 35 || k == 36 || k == 41 || k == 42 || k == 47 || k == 48 || k == 53 || k == 54)
            continue; /* blank lines */
        drop[nd++] = k;
    }
    assert_dropped(f, drop, nd);
    assert_null(f->art.title);          /* the scrape has no headline */
    assert_null(f->art.dateline);
    assert_int_equal(f->art.published, day_from_ymd(2018, 6, 15));
    assert_int_equal(f->art.date_inferred, 0);
}

static void test_seed_001_breadcrumb_and_teaser(void **state)
{
    fixture *f = *state;
    load_seed(f, "001_590f7964106db202.txt", NULL);
    assert_title_is_line(f, f->art.title, 4);
    static const int keep[] = {6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 34, 36};
    assert_kept(f, keep, COUNT(keep));
    static const int drop[] = {1, 2, 4, 38, 40, 42, 44};
    assert_dropped(f, drop, COUNT(drop));
    assert_dateline_opens(f, 6);
    assert_null(f->art.subtitle);
    assert_int_equal(f->art.published, SL_NO_DATE);
}

static void test_seed_002_read_more_lines(void **state)
{
    fixture *f = *state;
    load_seed(f, "002_9557aefa0f7c0ab6.txt", "2018-06-28");
    assert_title_is_line(f, f->art.title, 1);
    static const int keep[] = {2, 3, 4, 6, 7, 8, 9, 11, 12, 13, 14, 16};
    assert_kept(f, keep, COUNT(keep));
    static const int drop[] = {1, 5, 10, 15};
    assert_dropped(f, drop, COUNT(drop));
}

static void test_seed_003_question_title_and_takeaways(void **state)
{
    fixture *f = *state;
    load_seed(f, "003_7c0ab15546612602.txt", "2025-12-07");
    assert_title_is_line(f, f->art.title, 1);
    static const int keep[] = {9, 10, 11, 12, 13, 14, 15, 16, 17, 18};
    assert_kept(f, keep, COUNT(keep));
    static const int drop[] = {1, 2, 3, 4, 5, 6, 7, 8};
    assert_dropped(f, drop, COUNT(drop));
    assert_dateline_opens(f, 9);
    /* The paragraph keeps its dateline. */
    size_t len;
    const char *s = seed_line(f, 9, &len);
    assert_memory_equal(f->art.paragraphs[0], s, len);
}

static void test_seed_004_caption_and_link_list(void **state)
{
    fixture *f = *state;
    load_seed(f, "004_275ad719f9795c82.txt", "2018-06-14");
    assert_title_is_line(f, f->art.title, 1);
    assert_title_is_line(f, f->art.subtitle, 3);
    /* The paragraphs after the "Read more" list are article text too. */
    static const int keep[] = {7, 9, 11, 13, 15, 25, 27, 29, 31, 33, 35, 37};
    assert_kept(f, keep, COUNT(keep));
    static const int drop[] = {1, 3, 5, 18, 20, 22};
    assert_dropped(f, drop, COUNT(drop));
}

/* Flipped and cut bytes in a real page: never a crash, always an answer. */
static void test_seed_mutations_do_not_crash(void **state)
{
    fixture *f = *state;
    load_seed(f, "001_590f7964106db202.txt", NULL);
    unsigned x = 12345;
    for (int round = 0; round < 300; round++) {
        size_t n = f->file_len;
        char *m = malloc(n);
        memcpy(m, f->file, n);
        for (int k = 0; k < 1 + round % 40; k++) {
            x = x * 1103515245u + 12345u;
            m[(x >> 8) % n] = (char)(x >> 16);
        }
        x = x * 1103515245u + 12345u;
        size_t cut = round % 3 ? n : (x >> 4) % n;
        arena a;
        arena_init(&a);
        sl_article art;
        err_slot err = {0};
        sl_page p = {.input = "mut", .body = m, .body_len = cut};
        sl_status st = ex_extract(&p, &a, &art, &err);
        assert_true(st == SL_OK || st == SL_EINPUT);
        if (st == SL_OK) assert_int_equal(strlen(art.text), art.text_len);
        arena_reset(&a);
        free(m);
    }
}

/* ---- one rule at a time, on invented text ----------------------------------- */

#define PARA1 "The city council voted on Tuesday to close the old harbour bridge to " \
              "heavy traffic after engineers found cracks in two of its supports, a " \
              "decision that will send hundreds of lorries through the town centre " \
              "for at least a year."
#define PARA2 "Residents of the eastern districts said they had been warning the " \
              "council about the state of the bridge for years, and that the repairs " \
              "carried out in the spring had done little more than cover the damage " \
              "with fresh paint."
#define PARA3 "The mayor said the work would be paid for from the reserve fund and " \
              "that a new crossing was being planned, but she did not say when it " \
              "would open or how much it was expected to cost the taxpayers of the town."

static void test_breadcrumb_repeats_title(void **state)
{
    fixture *f = *state;
    assert_int_equal(run(f, "Town Gazette\n"
                            "Home / Local News / Council shuts harbour bridge to lorries\n\n"
                            "Council shuts harbour bridge to lorries\n\n"
                            PARA1 "\n\n" PARA2 "\n"), SL_OK);
    assert_string_equal(f->art.title, "Council shuts harbour bridge to lorries");
    assert_int_equal(f->art.n_paragraphs, 2);
    assert_string_equal(f->art.paragraphs[0], PARA1);
    assert_string_equal(f->art.text, PARA1 "\n\n" PARA2);
    assert_null(strstr(f->art.text, "Home /"));
    assert_null(strstr(f->art.text, "Gazette"));
}

static void test_link_list_dropped(void **state)
{
    fixture *f = *state;
    assert_int_equal(run(f, "Council shuts harbour bridge to lorries\n"
                            PARA1 "\n"
                            "Also Read: Mayor Promises New Crossing Within Five Years\n"
                            PARA2 "\n"
                            "More stories:\n"
                            "Ferry operators expect a busy summer on the estuary\n"
                            "Market traders fear lost custom as lorries reroute\n"
                            PARA3 "\n"), SL_OK);
    assert_int_equal(f->art.n_paragraphs, 3);
    assert_string_equal(f->art.paragraphs[2], PARA3);
    assert_null(strstr(f->art.text, "Also Read"));
    assert_null(strstr(f->art.text, "More stories"));
    assert_null(strstr(f->art.text, "Ferry operators"));
    assert_null(strstr(f->art.text, "Market traders"));
    /* what was dropped is kept apart, line by line, without the title */
    assert_string_equal(f->art.removed, "Also Read: Mayor Promises New Crossing Within Five Years\nMore stories:\n"
                                        "Ferry operators expect a busy summer on the estuary\n"
                                        "Market traders fear lost custom as lorries reroute\n");
}

/* Nothing dropped is "", and past SL_REMOVED_MAX the removed lines stop at
 * a whole line and say so. */
static void test_removed_lines_stop_at_the_limit(void **state)
{
    fixture *f = *state;
    assert_int_equal(run(f, PARA1 "\n" PARA2 "\n"), SL_OK);
    assert_string_equal(f->art.removed, "");
    /* a page with more menu than the limit */
    buf b;
    buf_init(&b);
    buf_puts(&b, PARA1 "\n");
    for (int i = 0; i < 400; i++) buf_printf(&b, "Read more: Story Number %d Of The Week\n", i);
    buf_puts(&b, PARA2 "\n");
    assert_int_equal(run(f, b.data), SL_OK);
    buf_free(&b);
    size_t n = strlen(f->art.removed);
    assert_true(n <= SL_REMOVED_MAX && n > SL_REMOVED_MAX - 100);
    assert_string_equal(f->art.removed + n - strlen("\u2026\n"), "\u2026\n");
}

static void test_price_list_dropped(void **state)
{
    fixture *f = *state;
    assert_int_equal(run(f, PARA1 "\n" PARA2 "\n"
                            "You have used all your free stories this week.\n"
                            "Gold Plan\n€49\n12 Months\n€4.08/Month\n"
                            "Silver Plan\n$19.99\n3 Months\n"
                            "Cancel whenever you like\n"), SL_OK);
    assert_int_equal(f->art.n_paragraphs, 2);
    assert_null(strstr(f->art.text, "Plan"));
    assert_null(strstr(f->art.text, "€"));
    assert_null(strstr(f->art.text, "free stories"));
    assert_null(strstr(f->art.text, "Cancel"));
}

static void test_caption_with_credit_dropped(void **state)
{
    fixture *f = *state;
    assert_int_equal(run(f, "Council shuts harbour bridge to lorries\n\n"
                            "img20240611x Engineer Ana Ruiz (R) inspects a cracked support "
                            "under the harbour bridge, 11 June 2024.  GAZETTE/PHOTO DESK\n\n"
                            PARA1 "\n\n" PARA2 "\n"), SL_OK);
    assert_string_equal(f->art.title, "Council shuts harbour bridge to lorries");
    assert_int_equal(f->art.n_paragraphs, 2);
    assert_null(strstr(f->art.text, "img2024"));
    assert_null(strstr(f->art.text, "PHOTO DESK"));
}

static void test_teaser_with_ellipsis_dropped(void **state)
{
    fixture *f = *state;
    assert_int_equal(run(f, PARA1 "\n\n" PARA2 "\n\nRelated\n\n"
                            "Farmers protest over new water rules\n\n"
                            "Hundreds of farmers gathered outside the ministry on Tuesday "
                            "morning to protest against the ...\n\n"
                            "Fishermen count the cost of the storm in the north…\n"), SL_OK);
    assert_int_equal(f->art.n_paragraphs, 2);
    assert_null(strstr(f->art.text, "farmers"));
    assert_null(strstr(f->art.text, "Fishermen"));
}

static void test_byline(void **state)
{
    fixture *f = *state;
    assert_int_equal(run(f, "Council shuts harbour bridge to lorries\n"
                            "By Jane Doe and John Roe, Reuters\n"
                            PARA1 "\n" PARA2 "\n"), SL_OK);
    assert_string_equal(f->art.byline, "Jane Doe and John Roe, Reuters");
    assert_string_equal(f->art.title, "Council shuts harbour bridge to lorries");
    assert_null(strstr(f->art.text, "Jane Doe"));
    assert_int_equal(f->art.n_paragraphs, 2);
}

static void test_byline_rejects_sentences(void **state)
{
    fixture *f = *state;
    assert_int_equal(run(f, "Council shuts harbour bridge to lorries\n"
                            "By the end of the year the town hopes to reopen it\n"
                            PARA1 "\n" PARA2 "\n"), SL_OK);
    assert_null(f->art.byline);
}

static void test_dateline_agency(void **state)
{
    fixture *f = *state;
    assert_int_equal(run(f, "LISBON, March 3 (Reuters) - " PARA1 "\n" PARA2 "\n"), SL_OK);
    assert_string_equal(f->art.dateline, "LISBON, March 3 (Reuters)");
    assert_string_equal(f->art.paragraphs[0], "LISBON, March 3 (Reuters) - " PARA1);
}

static void test_dateline_caps_and_em_dash(void **state)
{
    fixture *f = *state;
    assert_int_equal(run(f, "OSLO (AP) — " PARA1 "\n" PARA2 "\n"), SL_OK);
    assert_string_equal(f->art.dateline, "OSLO (AP)");
}

static void test_dateline_glued_dash(void **state)
{
    fixture *f = *state;
    assert_int_equal(run(f, "Harbour Times(News Desk) -" PARA1 "\n" PARA2 "\n"), SL_OK);
    assert_string_equal(f->art.dateline, "Harbour Times(News Desk)");
}

static void test_no_dateline_in_plain_sentence(void **state)
{
    fixture *f = *state;
    /* A hyphenated word and a dash after lower-case words are no dateline. */
    assert_int_equal(run(f, "Well-known engineers said the bridge - built in 1901 - was safe "
                            "enough for cars, and the council agreed with them on Tuesday "
                            "after a long debate in the chamber about the cost of repairs.\n"
                            PARA2 "\n"), SL_OK);
    assert_null(f->art.dateline);
}

static void test_no_title_line(void **state)
{
    fixture *f = *state;
    assert_int_equal(run(f, PARA1 "\n" PARA2 "\n" PARA3 "\n"), SL_OK);
    assert_null(f->art.title);
    assert_null(f->art.subtitle);
    assert_int_equal(f->art.n_paragraphs, 3);
    assert_string_equal(f->art.text, PARA1 "\n\n" PARA2 "\n\n" PARA3);
    assert_int_equal(f->art.text_len, strlen(f->art.text));
}

static void test_title_and_subtitle(void **state)
{
    fixture *f = *state;
    assert_int_equal(run(f, "Council shuts harbour bridge to lorries\n\n"
                            "Engineers found cracks in two supports of the old harbour bridge\n\n"
                            PARA1 "\n\n" PARA2 "\n"), SL_OK);
    assert_string_equal(f->art.title, "Council shuts harbour bridge to lorries");
    assert_string_equal(f->art.subtitle,
                        "Engineers found cracks in two supports of the old harbour bridge");
    assert_int_equal(f->art.n_paragraphs, 2);
}

static void test_title_question(void **state)
{
    fixture *f = *state;
    assert_int_equal(run(f, "Will The Harbour Bridge Ever Carry Lorries Again?\n"
                            PARA1 "\n" PARA2 "\n"), SL_OK);
    assert_string_equal(f->art.title, "Will The Harbour Bridge Ever Carry Lorries Again?");
    assert_int_equal(f->art.n_paragraphs, 2);
}

/* A header line shaped like a headline that shares nothing with the body
 * (here a teaser for another story) is not the title: the title speaks of
 * what the body speaks of (title.c, shares_with_body). */
static void test_title_speaks_of_the_body(void **state)
{
    fixture *f = *state;
    assert_int_equal(run(f, "Gardeners brace for an early spring frost\n\n"
                            "Council shuts harbour bridge to lorries\n\n"
                            PARA1 "\n\n" PARA2 "\n"), SL_OK);
    assert_string_equal(f->art.title, "Council shuts harbour bridge to lorries");
}

static void test_page_title_wins(void **state)
{
    fixture *f = *state;
    const char *body = "Council shuts harbour bridge to lorries\n" PARA1 "\n" PARA2 "\n";
    assert_int_equal(run_len(f, body, strlen(body), "  Council shuts harbour bridge to lorries \n"),
                     SL_OK);
    assert_string_equal(f->art.title, "Council shuts harbour bridge to lorries");
    assert_int_equal(f->art.n_paragraphs, 2);
}

static void test_short_paragraph_between_good_kept(void **state)
{
    fixture *f = *state;
    assert_int_equal(run(f, PARA1 "\nThe vote was close.\n" PARA2 "\n"
                            "Subscribe today for full access.\n"), SL_OK);
    assert_int_equal(f->art.n_paragraphs, 3);
    assert_string_equal(f->art.paragraphs[1], "The vote was close.");
    assert_null(strstr(f->art.text, "Subscribe"));
}

static void test_signoff_template_disclaimer_dropped(void **state)
{
    fixture *f = *state;
    assert_int_equal(run(f, PARA1 "\n" PARA2 "\n--XNA\nabc\n"
                            "Notice: This story was generated from a syndicated feed\n"
                            "You have {{count}} articles left this month.\n"), SL_OK);
    assert_int_equal(f->art.n_paragraphs, 2);
    assert_null(strstr(f->art.text, "XNA"));
    assert_null(strstr(f->art.text, "abc"));
    assert_null(strstr(f->art.text, "Notice"));
    assert_null(strstr(f->art.text, "{{"));
}

/* Tokenised text (ECB+) sets closing quotes apart from the full stop: the
 * line still ends a sentence, and a quote of two such lines is kept. */
static void test_spaced_closing_quotes_end_a_sentence(void **state)
{
    fixture *f = *state;
    assert_int_equal(run(f, PARA1 "\n`` We will rebuild the bridge before the winter comes , '' the mayor said .\n"
                            "`` The town cannot wait another year for a crossing of its own . ''\n" PARA2 "\n"),
                     SL_OK);
    assert_int_equal(f->art.n_paragraphs, 4);
    assert_non_null(strstr(f->art.text, "of its own . ''"));
}

/* Plain article text: a sentence thick with names between paragraphs, and
 * the short lead sentences above the first paragraph, are the article's. */
static void test_lead_and_name_heavy_sentences_kept(void **state)
{
    fixture *f = *state;
    assert_int_equal(run(f, "A publicist says Tara Reid has checked herself into rehab .\n"
                            "Jack Ketsoyan said Friday that the American Pie star went to Promises .\n"
                            PARA1 "\nPage suffered a heart attack nine days earlier in Los Angeles .\n" PARA2 "\n"),
                     SL_OK);
    assert_int_equal(f->art.n_paragraphs, 5);
    assert_string_equal(f->art.paragraphs[0], "A publicist says Tara Reid has checked herself into rehab .");
    assert_string_equal(f->art.paragraphs[3], "Page suffered a heart attack nine days earlier in Los Angeles .");
}

/* The climb to the lead stops at a scrape's header: sentences under a menu
 * are notices, not the article's lead. */
static void test_sentences_under_a_menu_not_lead(void **state)
{
    fixture *f = *state;
    assert_int_equal(run(f, "Home   News   Sport   Weather\nSign in to read more stories.\n"
                            "Subscribe today and save half.\n" PARA1 "\n" PARA2 "\n"),
                     SL_OK);
    assert_int_equal(f->art.n_paragraphs, 2);
    assert_null(strstr(f->art.text, "Subscribe"));
}

static void test_short_article_kept(void **state)
{
    fixture *f = *state;
    assert_int_equal(run(f, "Quake shakes coastal town\nA small quake shook the coastal town "
                            "on Monday.\nNo one was hurt.\n"), SL_OK);
    assert_int_equal(f->art.n_paragraphs, 1);
    assert_string_equal(f->art.paragraphs[0], "A small quake shook the coastal town on Monday.");
    assert_string_equal(f->art.title, "Quake shakes coastal town");
}

static void test_one_line_page_is_body(void **state)
{
    fixture *f = *state;
    assert_int_equal(run(f, "Quake shakes coastal town"), SL_OK);
    assert_int_equal(f->art.n_paragraphs, 1);
    assert_string_equal(f->art.text, "Quake shakes coastal town");
}

static void test_metadata_copied(void **state)
{
    fixture *f = *state;
    assert_int_equal(run(f, PARA1), SL_OK);
    assert_string_equal(f->art.id, "t1");
    assert_string_equal(f->art.url, "https://example.org/a");
    assert_string_equal(f->art.source, "Example Post");
    assert_string_equal(f->art.meta_json, "{\"k\":1}");
    assert_int_equal(f->art.published, day_from_ymd(2024, 6, 11));
    assert_int_equal(f->art.date_inferred, 0);
}

static void test_bad_published_is_no_date(void **state)
{
    fixture *f = *state;
    sl_page p = {.input = "x", .published = "last Tuesday", .body = PARA1,
                 .body_len = strlen(PARA1)};
    assert_int_equal(ex_extract(&p, &f->a, &f->art, &f->err), SL_OK);
    assert_int_equal(f->art.published, SL_NO_DATE);
}

static void test_empty_input(void **state)
{
    fixture *f = *state;
    assert_int_equal(run(f, ""), SL_EINPUT);
    assert_int_equal(f->err.status, SL_EINPUT);
    assert_non_null(strstr(f->err.msg, "test.txt:3"));
    assert_int_equal(run(f, " \n\t\r\n\xC2\xA0 \xE2\x80\x83\n"), SL_EINPUT);
    sl_page p = {.input = "nil", .body = NULL, .body_len = 5};
    assert_int_equal(ex_extract(&p, &f->a, &f->art, &f->err), SL_EINPUT);
}

static void test_binary_input(void **state)
{
    fixture *f = *state;
    char bin[512];
    for (size_t i = 0; i < sizeof bin; i++) bin[i] = (char)((i * 151u + 7u) & 0xFF);
    assert_int_equal(run_len(f, bin, sizeof bin, NULL), SL_EINPUT);
    assert_non_null(strstr(f->err.msg, "binary"));
}

/* One control byte in twenty is binary: counted exactly, wherever the
 * bytes fall (sixteen at a step and the tail), white space not counted. */
static void test_control_bytes_counted_exactly(void **state)
{
    fixture *f = *state;
    char page[2003];
    for (int extra = 0; extra < 2; extra++) {
        memcpy(page, "<p>", 3);
        for (size_t i = 3; i < sizeof page; i++) page[i] = "ab\t\n\r\f c"[i % 8];
        size_t k = 0;   /* 100 of 2003 is under the share, 101 over */
        for (size_t i = 5; k < 100 + (size_t)extra; i += 19, k++) page[i] = (char)(1 + k % 8);
        page[sizeof page - 1] = extra ? 0x1B : page[sizeof page - 1];   /* one in the tail */
        if (extra) k++;
        sl_page p = {.input = "ctl.html", .id = "c", .body = page, .body_len = sizeof page,
                     .format = SL_FORMAT_HTML};
        sl_status st = ex_extract(&p, &f->a, &f->art, &f->err);
        if (!extra) {
            assert_int_not_equal(st, SL_EINPUT);
        } else {
            assert_int_equal(st, SL_EINPUT);
            char want[96];
            snprintf(want, sizeof want, "page looks binary: %zu of its first 2003 bytes", k);
            assert_non_null(strstr(f->err.msg, want));
        }
    }
}

static void test_invalid_utf8_does_not_crash(void **state)
{
    fixture *f = *state;
    const char *body = "The council met on Tuesday \xC3\x28 and voted \xFF to close the old "
                       "bridge to heavy traffic after engineers found cracks in two of its "
                       "supports, a decision that will send lorries through the town \xE2\x82.\n"
                       PARA2 "\n\xF0\x9F\x98";                        /* truncated at the end */
    assert_int_equal(run(f, body), SL_OK);
    assert_int_equal(f->art.n_paragraphs, 2);
    /* no valid multi-byte sequence: the bytes are Windows-1252 ("\xC3(" is "Ã(") */
    assert_non_null(strstr(f->art.paragraphs[0], "Tuesday \xC3\x83( and voted \xC3\xBF to"));
}

/* Plain text in Latin-1 (Windows-1252) keeps its accents, as an HTML page
 * without a charset does; text that is mostly UTF-8 stays UTF-8, a stray
 * byte becoming U+FFFD; binary data is still refused. */
static void test_latin1_text_is_windows_1252(void **state)
{
    fixture *f = *state;
    const char *latin1 = "Le ministre a d\xE9" "clar\xE9 mardi que la r\xE9union de Gen\xE8ve, "
                         "pr\xE9vue depuis des mois, aurait lieu comme pr\xE9vu \x96 malgr\xE9 la gr\xE8ve.\n"
                         PARA2 "\n";
    assert_int_equal(run(f, latin1), SL_OK);
    assert_non_null(strstr(f->art.text, "a déclaré mardi que la réunion de Genève"));
    assert_non_null(strstr(f->art.text, "comme prévu – malgré la grève."));   /* 0x96: en dash */
    assert_null(strstr(f->art.text, "\xEF\xBF\xBD"));
    const char *cut = "Le ministre a déclaré mardi que la réunion de Genève, prévue depuis des "
                      "mois, aurait lieu comme prévu malgré la grève, dit le caf\xC3 du coin.\n"
                      PARA2 "\n";
    assert_int_equal(run(f, cut), SL_OK);
    assert_non_null(strstr(f->art.text, "la réunion de Genève"));
    assert_non_null(strstr(f->art.text, "caf\xEF\xBF\xBD du coin"));
    char bin[4096];
    for (size_t i = 0; i < sizeof bin; i++) bin[i] = (char)((i * 7919u + (i >> 3) * 104729u) & 0xFF);
    assert_int_equal(run_len(f, bin, sizeof bin, NULL), SL_EINPUT);
    assert_non_null(strstr(f->err.msg, "page looks binary"));
}

static void test_body_len_respected(void **state)
{
    fixture *f = *state;
    /* No terminator, and text past body_len that must not be read. */
    const char *src = PARA1 "\n" PARA2 "\nSECRET TAIL THAT IS NOT PART OF THE PAGE.";
    size_t len = strlen(PARA1 "\n" PARA2);
    char *exact = malloc(len);
    memcpy(exact, src, len);
    assert_int_equal(run_len(f, exact, len, NULL), SL_OK);
    assert_int_equal(f->art.n_paragraphs, 2);
    assert_null(strstr(f->art.text, "SECRET"));
    free(exact);
}

static void test_nul_bytes_and_crlf(void **state)
{
    fixture *f = *state;
    char body[1024];
    int n = snprintf(body, sizeof body, "%s\r\n\r\n%s\r\n", PARA1, PARA2);
    body[10] = '\0';
    assert_int_equal(run_len(f, body, (size_t)n, NULL), SL_OK);
    assert_int_equal(f->art.n_paragraphs, 2);
    assert_null(memchr(f->art.text, '\r', f->art.text_len));
    assert_int_equal(strlen(f->art.text), f->art.text_len);
}

/* Many thousand short lines: the classifier and the title search stay
 * linear (a quadratic pass would time out here). */
static void test_huge_page_of_short_lines(void **state)
{
    fixture *f = *state;
    buf b;
    buf_init(&b);
    for (int i = 0; i < 60000; i++) buf_puts(&b, i % 2 ? "Click here now.\n" : "Home News Sport\n");
    buf_puts(&b, PARA1 "\n" PARA2 "\n");
    for (int i = 0; i < 60000; i++) buf_puts(&b, "Share this story\n");
    assert_int_equal(run_len(f, b.data, b.len, NULL), SL_OK);
    assert_int_equal(f->art.n_paragraphs, 2);
    assert_string_equal(f->art.paragraphs[1], PARA2);
    buf_free(&b);
}

/* The language from the text alone: the script, then function words. */
/* ex_words_in finds each word wherever it is, once, as a case-blind
 * strstr would: at the start, at the end, overlapping another, in capitals,
 * and not past the string's length (which need not end in NUL); each list
 * added answers with its own bits. */
static void test_words_found_in_one_pass(void **state)
{
    (void)state;
    static const char *const first[] = {"share", "related", "a", "ad"};
    static const char *const second[] = {"hare", "post", "st"};
    ex_words ws = {0};
    uint64_t m1 = ex_words_add(&ws, first, 4), m2 = ex_words_add(&ws, second, 3);
    assert_int_equal(m1, 0xF);
    assert_int_equal(m2, 0x70);
    const char *const all[] = {"share", "related", "a", "ad", "hare", "post", "st"};
    static const char *const names[] = {
        "article-share-bar", "relatedStories", "xSHARE", "poststx", "hare", "sharehare",
        "pos", "", "relate", "nothing-here", "s", "AdPost", "s_t", "[_@`{",
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        uint64_t want = 0;
        for (size_t k = 0; k < 7; k++)
            if (strcasestr(names[i], all[k])) want |= (uint64_t)1 << k;
        assert_int_equal(ex_words_in(&ws, names[i], strlen(names[i])), want);
    }
    /* the length bounds the search: "post" is cut to "pos" */
    assert_int_equal(ex_words_in(&ws, "posted", 3), 0);
    assert_int_equal(ex_words_in(&ws, "posted", 4), ((uint64_t)1 << 5) | ((uint64_t)1 << 6));
}

/* A memo gives back an answer only for the same bytes: not for a prefix,
 * another case or another string, even one of the same length, ends and
 * hash; the newest answer for a string wins; a string too long for a slot
 * is not remembered; another thread starts with an empty memo. */
static void *memo_in_another_thread(void *m)
{
    uint64_t v;
    return (void *)(intptr_t)ex_memo_get(m, "nav-item", 8, &v);
}

static void test_memo_answers_for_the_same_bytes_only(void **state)
{
    (void)state;
    static ex_memo m = EX_MEMO_INIT, other = EX_MEMO_INIT;
    uint64_t v = 0;
    assert_false(ex_memo_get(&m, "nav-item", 8, &v));
    ex_memo_put(&m, "nav-item", 8, 7);
    assert_true(ex_memo_get(&m, "nav-item", 8, &v));
    assert_int_equal(v, 7);
    assert_false(ex_memo_get(&m, "nav-item", 7, &v));
    assert_false(ex_memo_get(&m, "NAV-ITEM", 8, &v));
    assert_false(ex_memo_get(&other, "nav-item", 8, &v));   /* each memo its own */
    /* same length, same first and last eight bytes: one slot, told apart */
    const char *a = "post-meta1-post-meta", *b = "post-meta2-post-meta";
    ex_memo_put(&m, a, 20, 1);
    assert_false(ex_memo_get(&m, b, 20, &v));
    ex_memo_put(&m, b, 20, 2);
    assert_true(ex_memo_get(&m, b, 20, &v));
    assert_int_equal(v, 2);
    assert_false(ex_memo_get(&m, a, 20, &v));                 /* b took its slot */
    ex_memo_put(&m, "nav-item", 8, 9);
    assert_true(ex_memo_get(&m, "nav-item", 8, &v));
    assert_int_equal(v, 9);
    char longer[300];
    memset(longer, 'x', sizeof longer);
    ex_memo_put(&m, longer, sizeof longer, 5);
    assert_false(ex_memo_get(&m, longer, sizeof longer, &v));
    ex_memo_put(&m, "", 0, 3);                                /* the empty string too */
    assert_true(ex_memo_get(&m, "", 0, &v));
    assert_int_equal(v, 3);
    pthread_t t;
    void *found = NULL;
    assert_int_equal(pthread_create(&t, NULL, memo_in_another_thread, &m), 0);
    assert_int_equal(pthread_join(t, &found), 0);
    assert_null(found);
}

static void test_language_from_text(void **state)
{
    (void)state;
    static const struct { const char *text, *code; } cases[] = {
        {"The council voted on Tuesday to close the pier, and the boats will use the north quay.", "en"},
        {"Der Rat hat am Dienstag beschlossen, die alte Mole zu schliessen, und die Boote werden nicht mehr dort anlegen.", "de"},
        {"Le conseil a vot\u00e9 mardi pour fermer le vieux quai, et les bateaux iront dans le port du nord.", "fr"},
        {"El consejo vot\u00f3 el martes para cerrar el muelle, y los barcos usar\u00e1n el puerto del norte por un a\u00f1o.", "es"},
        {"Il consiglio ha votato marted\u00ec per chiudere il molo, e le barche non sono pi\u00f9 nella baia della citt\u00e0.", "it"},
        {"De raad heeft dinsdag besloten de oude pier te sluiten, en de boten worden naar het noorden gestuurd.", "nl"},
        {"Rada zdecydowa\u0142a we wtorek, \u017ce stare molo zostanie zamkni\u0119te, ale \u0142odzie b\u0119d\u0105 p\u0142ywa\u0107 jak dot\u0105d.", "pl"},
        {"R\u00e5det beslutade p\u00e5 tisdagen att st\u00e4nga piren och att b\u00e5tarna inte ska l\u00e4gga till d\u00e4r.", "sv"},
        {"Konsey sal\u0131 g\u00fcn\u00fc eski iskeleyi kapatma karar\u0131 ald\u0131 ve bu karar i\u00e7in \u00e7ok tart\u0131\u015fma oldu.", "tr"},
        {"\u0421\u043e\u0432\u0435\u0442 \u043f\u0440\u043e\u0433\u043e\u043b\u043e\u0441\u043e\u0432\u0430\u043b \u0432\u043e \u0432\u0442\u043e\u0440\u043d\u0438\u043a \u0437\u0430 \u0437\u0430\u043a\u0440\u044b\u0442\u0438\u0435 \u0441\u0442\u0430\u0440\u043e\u0433\u043e \u043f\u0440\u0438\u0447\u0430\u043b\u0430.", "ru"},
        {"\u0420\u0430\u0434\u0430 \u043f\u0440\u043e\u0433\u043e\u043b\u043e\u0441\u0443\u0432\u0430\u043b\u0430 \u0437\u0430 \u0437\u0430\u043a\u0440\u0438\u0442\u0442\u044f \u0441\u0442\u0430\u0440\u043e\u0457 \u043f\u0440\u0438\u0441\u0442\u0430\u043d\u0456, \u0456 \u0446\u0435 \u0454 \u0432\u0430\u0436\u043b\u0438\u0432\u043e.", "uk"},
        {"\u0635\u0648\u062a \u0627\u0644\u0645\u062c\u0644\u0633 \u064a\u0648\u0645 \u0627\u0644\u062b\u0644\u0627\u062b\u0627\u0621 \u0639\u0644\u0649 \u0625\u063a\u0644\u0627\u0642 \u0627\u0644\u0631\u0635\u064a\u0641 \u0627\u0644\u0642\u062f\u064a\u0645.", "ar"},
        {"\u0634\u0648\u0631\u0627 \u0631\u0648\u0632 \u0633\u0647\u200c\u0634\u0646\u0628\u0647 \u0628\u0631\u0627\u06cc \u0628\u0633\u062a\u0646 \u0627\u0633\u06a9\u0644\u0647 \u0642\u062f\u06cc\u0645\u06cc \u0631\u0623\u06cc \u062f\u0627\u062f \u0648 \u06a9\u0634\u062a\u06cc\u200c\u0647\u0627 \u0628\u0647 \u0634\u0645\u0627\u0644 \u0645\u06cc\u200c\u0631\u0648\u0646\u062f.", "fa"},
        {"\u6e2f\u53e3\u59d4\u5458\u4f1a\u661f\u671f\u4e8c\u6295\u7968\u51b3\u5b9a\u5173\u95ed\u65e7\u6e21\u8f6e\u7801\u5934\u3002", "zh"},
        {"\u6e2f\u306e\u59d4\u54e1\u4f1a\u306f\u706b\u66dc\u65e5\u3001\u53e4\u3044\u685f\u6a4b\u3092\u9589\u9396\u3059\u308b\u3053\u3068\u3092\u6c7a\u3081\u305f\u3002", "ja"},
        {"\ud56d\uad6c \uc704\uc6d0\ud68c\ub294 \ud654\uc694\uc77c \uc624\ub798\ub41c \ubd80\ub450\ub97c \ud3d0\uc1c4\ud558\uae30\ub85c \uacb0\uc815\ud588\ub2e4.", "ko"},
        {"\u03a4\u03bf \u03c3\u03c5\u03bc\u03b2\u03bf\u03cd\u03bb\u03b9\u03bf \u03b1\u03c0\u03bf\u03c6\u03ac\u03c3\u03b9\u03c3\u03b5 \u03c4\u03b7\u03bd \u03a4\u03c1\u03af\u03c4\u03b7.", "el"},
        {"\u05d4\u05de\u05d5\u05e2\u05e6\u05d4 \u05d4\u05d7\u05dc\u05d9\u05d8\u05d4 \u05d1\u05d9\u05d5\u05dd \u05e9\u05dc\u05d9\u05e9\u05d9 \u05dc\u05e1\u05d2\u05d5\u05e8 \u05d0\u05ea \u05d4\u05de\u05d6\u05d7.", "he"},
        {"\u0e04\u0e13\u0e30\u0e01\u0e23\u0e23\u0e21\u0e01\u0e32\u0e23\u0e25\u0e07\u0e21\u0e15\u0e34\u0e1b\u0e34\u0e14\u0e17\u0e48\u0e32\u0e40\u0e23\u0e37\u0e2d", "th"},
        {"\u092c\u0902\u0926\u0930\u0917\u093e\u0939 \u092a\u0930\u093f\u0937\u0926 \u0928\u0947 \u092e\u0902\u0917\u0932\u0935\u093e\u0930 \u0915\u094b \u092b\u0948\u0938\u0932\u093e \u0915\u093f\u092f\u093e\u0964", "hi"},
        {"1234 5678 -- 90 %", NULL},
        {"Lorem ipsum dolor sit amet, consetetur sadipscing elitr, sed diam nonumy eirmod tempor.", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *got = ex_guess_language(cases[i].text, strlen(cases[i].text));
        if (!cases[i].code) assert_null(got);
        else {
            if (!got || strcmp(got, cases[i].code)) fail_msg("case %zu: want %s, got %s", i, cases[i].code, got ? got : "NULL");
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_seed_000_wire_with_paywall, setup, teardown),
        cmocka_unit_test_setup_teardown(test_seed_001_breadcrumb_and_teaser, setup, teardown),
        cmocka_unit_test_setup_teardown(test_seed_002_read_more_lines, setup, teardown),
        cmocka_unit_test_setup_teardown(test_seed_003_question_title_and_takeaways, setup, teardown),
        cmocka_unit_test_setup_teardown(test_seed_004_caption_and_link_list, setup, teardown),
        cmocka_unit_test_setup_teardown(test_seed_mutations_do_not_crash, setup, teardown),
        cmocka_unit_test_setup_teardown(test_breadcrumb_repeats_title, setup, teardown),
        cmocka_unit_test_setup_teardown(test_link_list_dropped, setup, teardown),
        cmocka_unit_test_setup_teardown(test_removed_lines_stop_at_the_limit, setup, teardown),
        cmocka_unit_test_setup_teardown(test_price_list_dropped, setup, teardown),
        cmocka_unit_test_setup_teardown(test_caption_with_credit_dropped, setup, teardown),
        cmocka_unit_test_setup_teardown(test_teaser_with_ellipsis_dropped, setup, teardown),
        cmocka_unit_test_setup_teardown(test_byline, setup, teardown),
        cmocka_unit_test_setup_teardown(test_byline_rejects_sentences, setup, teardown),
        cmocka_unit_test_setup_teardown(test_dateline_agency, setup, teardown),
        cmocka_unit_test_setup_teardown(test_dateline_caps_and_em_dash, setup, teardown),
        cmocka_unit_test_setup_teardown(test_dateline_glued_dash, setup, teardown),
        cmocka_unit_test_setup_teardown(test_no_dateline_in_plain_sentence, setup, teardown),
        cmocka_unit_test_setup_teardown(test_no_title_line, setup, teardown),
        cmocka_unit_test_setup_teardown(test_title_and_subtitle, setup, teardown),
        cmocka_unit_test_setup_teardown(test_title_question, setup, teardown),
        cmocka_unit_test_setup_teardown(test_title_speaks_of_the_body, setup, teardown),
        cmocka_unit_test_setup_teardown(test_page_title_wins, setup, teardown),
        cmocka_unit_test_setup_teardown(test_short_paragraph_between_good_kept, setup, teardown),
        cmocka_unit_test_setup_teardown(test_signoff_template_disclaimer_dropped, setup, teardown),
        cmocka_unit_test_setup_teardown(test_spaced_closing_quotes_end_a_sentence, setup, teardown),
        cmocka_unit_test_setup_teardown(test_lead_and_name_heavy_sentences_kept, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sentences_under_a_menu_not_lead, setup, teardown),
        cmocka_unit_test_setup_teardown(test_short_article_kept, setup, teardown),
        cmocka_unit_test_setup_teardown(test_one_line_page_is_body, setup, teardown),
        cmocka_unit_test_setup_teardown(test_metadata_copied, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_published_is_no_date, setup, teardown),
        cmocka_unit_test_setup_teardown(test_empty_input, setup, teardown),
        cmocka_unit_test_setup_teardown(test_binary_input, setup, teardown),
        cmocka_unit_test_setup_teardown(test_control_bytes_counted_exactly, setup, teardown),
        cmocka_unit_test_setup_teardown(test_invalid_utf8_does_not_crash, setup, teardown),
        cmocka_unit_test_setup_teardown(test_latin1_text_is_windows_1252, setup, teardown),
        cmocka_unit_test_setup_teardown(test_body_len_respected, setup, teardown),
        cmocka_unit_test_setup_teardown(test_nul_bytes_and_crlf, setup, teardown),
        cmocka_unit_test_setup_teardown(test_huge_page_of_short_lines, setup, teardown),
        cmocka_unit_test(test_language_from_text),
        cmocka_unit_test(test_words_found_in_one_pass),
        cmocka_unit_test(test_memo_answers_for_the_same_bytes_only),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
