/* test_analyze.c: tokens, sentences and document terms. */
#include "testutil.h"
#include "analyze/analyze.h"

static void tokens_keep_inner_hyphens_and_apostrophes(void **st)
{
    (void)st;
    const char *t = "Kim Jong-un's \xE2\x80\x9C" "talks\xE2\x80\x9D -- 2018, U.S.-led.";
    size_t pos = 0;
    an_token k;
    char got[8][32];
    int n = 0;
    while (an_next_token(t, strlen(t), &pos, &k) && n < 8) {
        snprintf(got[n], sizeof got[n], "%.*s", (int)(k.end - k.start), t + k.start);
        n++;
    }
    assert_true(n >= 5);
    assert_string_equal(got[0], "Kim");
    assert_string_equal(got[1], "Jong-un's");
    assert_string_equal(got[2], "talks");
    assert_string_equal(got[3], "2018");
}

static void sentences_skip_abbreviations(void **st)
{
    (void)st;
    arena a;
    arena_init(&a);
    const char *t = "Lt. Gen. Ana Vey met Mr. Ortiz in the U.S. on Jun. 12. She said: \xE2\x80\x9CWe agree.\xE2\x80\x9D "
                    "Prices rose 2.5 percent.\n\nA new paragraph without a stop";
    an_span *s;
    size_t n = an_sentences(t, strlen(t), &a, &s);
    assert_int_equal(n, 4);
    assert_memory_equal(t + s[0].start, "Lt. Gen.", 8);
    assert_memory_equal(t + s[0].end - 8, "Jun. 12.", 8);
    assert_memory_equal(t + s[1].start, "She said", 8);
    assert_memory_equal(t + s[2].start, "Prices rose 2.5 percent.", s[2].end - s[2].start);
    assert_memory_equal(t + s[3].start, "A new paragraph", 15);
    assert_int_equal(s[3].end, strlen(t));
    arena_reset(&a);
}

/* The number of sentences of t. */
static size_t count_sentences(const char *t)
{
    arena a;
    arena_init(&a);
    an_span *s;
    size_t n = an_sentences(t, strlen(t), &a, &s);
    arena_reset(&a);
    return n;
}

/* A short capitalised word before a full stop ends a sentence unless it is
 * an abbreviation: names, months written out and short words are not. */
static void short_words_end_sentences_abbreviations_do_not(void **st)
{
    (void)st;
    assert_int_equal(count_sentences("Moon flew to meet Kim. He said talks failed."), 2);
    assert_int_equal(count_sentences("They met Abe. He said no."), 2);
    assert_int_equal(count_sentences("It was in May. Then it ended."), 2);
    assert_int_equal(count_sentences("Sales fell at Ford. Profits rose at Kia."), 2);
    assert_int_equal(count_sentences("He said no. Then he left."), 2);
    /* abbreviations */
    assert_int_equal(count_sentences("Sen. Kim met Gov. Lee and Dr. Park."), 1);
    assert_int_equal(count_sentences("The firm, Acme Corp. Ltd., moved to Sacramento, Calif. Friday."), 1);
    assert_int_equal(count_sentences("He lives at No. 10 Downing Street."), 1);
    assert_int_equal(count_sentences("It opened on Feb. 3 in St. Louis."), 1);
    assert_int_equal(count_sentences("J. R. Smith met U.S. officials."), 1);
    /* "No." without a number is a word */
    assert_int_equal(count_sentences("The answer was No. Talks ended."), 2);
    /* "a.m.", "U.S." and company forms end a sentence before a word that
     * opens one, or a quote that opens with a capital; before a name, a
     * time zone, a weekday or a quoted word they go on */
    assert_int_equal(count_sentences("Taps ran dry from about 8 p.m. \"We were too slow,\" he said."), 2);
    assert_int_equal(count_sentences("The polls close at 7 p.m. He says it is close."), 2);
    assert_int_equal(count_sentences("He moved to the U.S. The firm followed him."), 2);
    assert_int_equal(count_sentences("It was sold to Bravo Corp. The deal closed."), 2);
    assert_int_equal(count_sentences("They met at 9 a.m. Monday in the U.S. Navy office."), 1);
    assert_int_equal(count_sentences("The talks start at 8 p.m. EST in the U.S. capital."), 1);
    assert_int_equal(count_sentences("He said the U.S. \xE2\x80\x9C" "clearly\xE2\x80\x9D needed help."), 1);
    assert_int_equal(count_sentences("Shares of Acme Inc. rose and Bravo Co. fell."), 1);
}

/* The quotes' and the time expressions' idea of a sentence end is that of
 * an_sentences: the same function answers for all three. */
static void one_rule_for_abbreviations(void **st)
{
    (void)st;
    const char *t = "Gen. Kim met Kim. He left.";
    assert_true(an_abbreviation(t, strlen(t), 3));     /* Gen. */
    assert_false(an_abbreviation(t, strlen(t), 16));   /* Kim. */
    assert_false(an_abbreviation(t, strlen(t), 25));   /* left. */
    const char *u = "the U.S. and 2010.";
    assert_true(an_abbreviation(u, strlen(u), 5));     /* U. */
    assert_true(an_abbreviation(u, strlen(u), 7));     /* S. */
    assert_false(an_abbreviation(u, strlen(u), 17));   /* a number */
}

/* A text without a sentence end (a scrape that lost its punctuation) is cut
 * into sentences of at most 2000 bytes at spaces: each time expression
 * stores its sentence, and one sentence of a megabyte made the database
 * grow with the square of the text. A word longer than that is cut inside. */
static void an_endless_sentence_is_cut_at_spaces(void **st)
{
    (void)st;
    arena a;
    arena_init(&a);
    buf t;
    buf_init(&t);
    while (t.len < 100000) buf_puts(&t, "officials said on thursday talks would resume next week ");
    an_span *s;
    size_t n = an_sentences(t.data, t.len, &a, &s);
    assert_true(n >= 50 && n <= 100);
    for (size_t i = 0; i < n; i++) {
        assert_true(s[i].end - s[i].start <= 2000);
        assert_true(s[i].start == 0 || t.data[s[i].start - 1] == ' ');
        if (i) assert_true(s[i].start >= s[i - 1].end);
    }
    assert_int_equal(s[n - 1].end, t.len - 1);   /* the last space is trimmed */
    buf_clear(&t);
    for (int i = 0; i < 5000; i++) buf_putc(&t, 'x');
    n = an_sentences(t.data, t.len, &a, &s);
    assert_int_equal(n, 3);
    assert_int_equal(s[0].end - s[0].start, 2000);
    buf_free(&t);
    arena_reset(&a);
}

/* The first max sentences, asked for alone, are the first max of the
 * whole split, on every page of examples/ (and a text whose last sentence
 * has no end). */
static void first_sentences_of(const char *text, size_t len, void *ctx)
{
    arena *a = ctx;
    an_span *all, *some;
    size_t n = an_sentences(text, len, a, &all);
    for (size_t max = 0; max <= n + 1; max++) {
        size_t k = an_sentences_max(text, len, max, a, &some);
        assert_int_equal(k, max < n ? max : n);
        for (size_t i = 0; i < k; i++) {
            assert_int_equal(some[i].start, all[i].start);
            assert_int_equal(some[i].end, all[i].end);
        }
    }
}

static void the_first_sentences_alone_are_the_first_of_all(void **st)
{
    (void)st;
    arena a;
    arena_init(&a);
    assert_true(each_example_page(first_sentences_of, &a) >= 20);
    const char *open = "One ends here. Two goes on without an end";
    an_span *s;
    assert_int_equal(an_sentences_max(open, strlen(open), 2, &a, &s), 2);
    assert_int_equal(s[1].end, strlen(open));
    assert_int_equal(an_sentences_max(open, strlen(open), 1, &a, &s), 1);
    assert_int_equal(s[0].end, 14);
    arena_reset(&a);
}

static const an_term *find(const an_doc *d, const char *text)
{
    for (size_t i = 0; i < d->n_terms; i++)
        if (strlen(text) == d->terms[i].len && !memcmp(d->terms[i].text, text, d->terms[i].len)) return &d->terms[i];
    return NULL;
}

static void terms_are_stemmed_content_words_and_name_pairs(void **st)
{
    (void)st;
    an_analyzer *an = an_new();
    arena a;
    arena_init(&a);
    sl_article art = {.title = "Drills suspended", .text = "The drills were suspended after Kim Jong Un met the envoy. Kim Jong-un smiled."};
    art.text_len = strlen(art.text);
    an_doc d;
    an_analyze(an, &art, &a, &d);
    const an_term *drill = find(&d, "drill");
    assert_non_null(drill);
    assert_float_equal(drill->count, 3.0, 1e-6);    /* title counts double */
    assert_null(find(&d, "the"));
    assert_null(find(&d, "were"));
    const an_term *pair = find(&d, "n:kim_jong");
    assert_non_null(pair);
    assert_int_equal(pair->kind, AN_NAME);
    assert_float_equal(pair->count, 2.0, 1e-6);     /* both spellings */
    assert_non_null(find(&d, "n:jong_un"));
    assert_float_equal(find(&d, "n:jong_un")->count, 2.0, 1e-6);
    assert_null(find(&d, "n:un_met"));              /* "met" is not capitalised */
    assert_true(d.n_sentences == 2);
    arena_reset(&a);
    an_free(an);
}

/* A surname alone ("Okafor") counts for its actor through an actor term;
 * people's terms say so ("p:"), for the conflict test of clustering. */
static void actors_become_name_terms(void **st)
{
    (void)st;
    an_analyzer *an = an_new();
    arena a;
    arena_init(&a);
    sl_article art = {.text = "Dele Okafor stopped his rival in Lagos. Okafor said the fight was hard."};
    art.text_len = strlen(art.text);
    an_doc d;
    an_analyze(an, &art, &a, &d);
    size_t before = d.n_terms;
    an_names names;
    an_find_names(art.text, art.text_len, &a, &names);
    an_add_actors(&d, &names, &a);
    assert_true(d.n_terms > before);
    const an_term *okafor = find(&d, "p:dele_okafor");
    assert_non_null(okafor);
    assert_int_equal(okafor->kind, AN_NAME);
    assert_float_equal(okafor->count, 1.0, 1e-6);   /* two mentions, half each */
    assert_non_null(find(&d, "a:lagos"));
    assert_non_null(find(&d, "stop"));              /* the words are still there */
    arena_reset(&a);
    an_free(an);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(tokens_keep_inner_hyphens_and_apostrophes),
        cmocka_unit_test(sentences_skip_abbreviations),
        cmocka_unit_test(short_words_end_sentences_abbreviations_do_not),
        cmocka_unit_test(one_rule_for_abbreviations),
        cmocka_unit_test(an_endless_sentence_is_cut_at_spaces),
        cmocka_unit_test(the_first_sentences_alone_are_the_first_of_all),
        cmocka_unit_test(terms_are_stemmed_content_words_and_name_pairs),
        cmocka_unit_test(actors_become_name_terms),
    };
    return cmocka_run_group_tests_name("analyze", tests, NULL, NULL);
}
