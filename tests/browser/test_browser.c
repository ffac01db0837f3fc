/* test_browser.c: the web page in a real browser: Debian's chromium driven
 * by playwright-core (tests/browser/browse.mjs, one scenario per test, with
 * script disabled), on 'storyline serve' over the seeds and the examples.
 * Screenshots go to build/screenshots/. scripts/setup check installs
 * chromium, Node.js and playwright-core (npm ci). */
#include "../serve/server.h"

static void scenario(const char *name)
{
    char *out;
    int rc = run_capturef(&out, "node tests/browser/browse.mjs http://127.0.0.1:%d %s build/screenshots 2>&1", port, name);
    if (rc) fail_msg("%s", out);
    assert_non_null(strstr(out, "every check holds"));
    free(out);
    char png[128];
    snprintf(png, sizeof png, "build/screenshots/%s.png", name);
    struct stat sb;
    assert_int_equal(stat(png, &sb), 0);
    assert_true(sb.st_size > 10000);
}

static void the_seeds_storyline_has_its_parts(void **state) { (void)state; scenario("storyline"); }
static void an_actor_is_followed(void **state) { (void)state; scenario("actor"); }
static void a_search_for_panmunjom_opens_an_article(void **state) { (void)state; scenario("search"); }
static void an_article_shows_its_copies(void **state) { (void)state; scenario("copies"); }

/* Chromium and playwright-core are there (else say how to get them). */
static int ready(void **state)
{
    if (access("/usr/bin/chromium", X_OK) || access("node_modules/playwright-core/package.json", R_OK)) {
        fprintf(stderr, "test_browser: chromium or playwright-core is missing: run scripts/setup check\n");
        return -1;
    }
    if (run_capture("mkdir -p build/screenshots", NULL)) return -1;
    with_seeds = true;
    return start(state);
}

int main(int argc, char **argv)
{
    (void)argc;
    find_binary(argv[0]);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_seeds_storyline_has_its_parts),
        cmocka_unit_test(an_actor_is_followed),
        cmocka_unit_test(a_search_for_panmunjom_opens_an_article),
        cmocka_unit_test(an_article_shows_its_copies),
    };
    return cmocka_run_group_tests(tests, ready, stop);
}
