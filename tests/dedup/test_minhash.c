/* test_minhash.c: signatures and the near-duplicate index. */
#include "testutil.h"
#include "dedup/dedup.h"

static const char *body =
    "The harbour authority closed the eastern channel on Monday after a cargo ship lost power "
    "and drifted into the breakwater, officials said. Pilots guided three tugboats to the vessel "
    "within the hour, and no one was hurt. The authority said the channel would reopen once divers "
    "had inspected the damaged section of the wall, which could take until Thursday. Shipping "
    "companies were told to use the western approach, adding about two hours to each passage.";

/* A signature's minima, eight remixes at a time, are those of one at a
 * time (minhash.c keeps the latter for this test): for no shingle, one,
 * and many, of hashes with every bit pattern. */
static void signatures_are_the_same_eight_at_a_time(void **st)
{
    (void)st;
    uint64_t h[3000];
    uint64_t x = 0x243F6A8885A308D3ull;
    for (size_t i = 0; i < 3000; i++) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;   /* xorshift */
        h[i] = i % 97 == 0 ? 0 : i % 89 == 0 ? UINT64_MAX : x;
    }
    assert_true(dd_mixes_agree(h, 0));
    assert_true(dd_mixes_agree(h, 1));
    assert_true(dd_mixes_agree(h + 1, 7));
    assert_true(dd_mixes_agree(h, 3000));
}

static void identical_text_has_similarity_one(void **st)
{
    (void)st;
    dd_sig a, b;
    dd_signature(body, strlen(body), &a);
    dd_signature(body, strlen(body), &b);
    assert_true(a.shingles > 40);
    assert_float_equal(dd_similarity(&a, &b), 1.0, 1e-9);
}

static void copy_under_other_boilerplate_is_found(void **st)
{
    (void)st;
    char copy[4096];
    snprintf(copy, sizeof copy, "Port News | Home | Shipping\nTugs free drifting freighter\n%s\n"
             "Subscribe for $4.99 a month. Share this article.", body);
    dd_sig a, b;
    dd_signature(body, strlen(body), &a);
    dd_signature(copy, strlen(copy), &b);
    assert_true(dd_similarity(&a, &b) >= DD_COPY_THRESHOLD);
    /* The same event told in other words is not a copy. */
    const char *other =
        "A freighter without power struck the harbour breakwater on Monday, and the port closed its "
        "eastern channel. Tugboats reached the ship quickly; there were no injuries. Divers will "
        "examine the wall before ships return, possibly by Thursday, and traffic goes west meanwhile.";
    dd_sig c;
    dd_signature(other, strlen(other), &c);
    assert_true(dd_similarity(&a, &c) < 0.2);
}

static void index_returns_earliest_match(void **st)
{
    (void)st;
    dd_index *ix = dd_new();
    dd_sig a, other;
    dd_signature(body, strlen(body), &a);
    dd_signature("An unrelated text about rainfall in the northern hills this spring season.", 74, &other);
    for (int i = 0; i < 3000; i++) {     /* enough to make the tables grow */
        char t[128];
        snprintf(t, sizeof t, "filler document number %d about nothing in particular at all, %d", i, i * 7);
        dd_sig s;
        dd_signature(t, strlen(t), &s);
        dd_add(ix, 1000 + i, &s);
    }
    int64_t slot = dd_add(ix, -5, &a);
    dd_add(ix, 42, &a);
    double sim;
    assert_int_equal(dd_find(ix, &a, DD_COPY_THRESHOLD, &sim), -5);
    dd_relabel(ix, slot, 7);
    assert_int_equal(dd_find(ix, &a, DD_COPY_THRESHOLD, &sim), 7);
    assert_float_equal(sim, 1.0, 1e-9);
    assert_int_equal(dd_find(ix, &other, DD_COPY_THRESHOLD, &sim), -1);
    dd_sig empty;
    dd_signature("", 0, &empty);
    assert_int_equal(empty.shingles, 0);
    assert_int_equal(dd_add(ix, 9, &empty), -1);
    assert_int_equal(dd_find(ix, &empty, 0.0, &sim), -1);
    dd_free(ix);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(signatures_are_the_same_eight_at_a_time),
        cmocka_unit_test(identical_text_has_similarity_one),
        cmocka_unit_test(copy_under_other_boilerplate_is_found),
        cmocka_unit_test(index_returns_earliest_match),
    };
    return cmocka_run_group_tests_name("dedup", tests, NULL, NULL);
}
