/* test_gen.c: build/gen, the synthetic stream of bench/scale: every line is
 * a JSON object with the fields storyline reads, ids are unique, the truth
 * file has one row per article, the same seed gives the same bytes, and
 * storyline stores every article of it. Skipped when build/gen is not
 * built (make check builds it; a sanitizer build in another folder may not). */
#include "testutil.h"

#include <jansson.h>
#include <unistd.h>

#define BIN "build/storyline"
#define GEN "build/gen"
#define N 300
static char dir[64];

static int by_string(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void stream_is_valid_json_with_truth(void **st)
{
    (void)st;
    if (access(GEN, X_OK) != 0) skip();
    char *out;
    assert_int_equal(run_capturef(NULL, GEN " %d --seed 7 --truth %s/t.tsv > %s/g.jsonl 2>/dev/null", N, dir, dir), 0);
    char path[128];
    snprintf(path, sizeof path, "%s/g.jsonl", dir);
    char *s = slurp(path, NULL);
    assert_non_null(s);
    char *ids[N + 1];
    int n = 0, html = 0, undated = 0;
    for (char *line = strtok(s, "\n"); line; line = strtok(NULL, "\n")) {
        assert_true(n < N);
        json_error_t je;
        json_t *o = json_loads(line, 0, &je);
        if (!o) fail_msg("line %d: %s", n + 1, je.text);
        assert_true(json_is_object(o));
        const char *fields[] = {"id", "url", "source", "title"};
        for (int i = 0; i < 4; i++) {
            json_t *v = json_object_get(o, fields[i]);
            assert_true(json_is_string(v) && json_string_length(v) > 0);
        }
        json_t *text = json_object_get(o, "text"), *page = json_object_get(o, "html");
        assert_true((text != NULL) != (page != NULL));   /* one or the other */
        html += page != NULL;
        if (page) assert_non_null(strstr(json_string_value(page), "<h1>"));
        json_t *pub = json_object_get(o, "published");
        if (pub) assert_int_equal(strncmp(json_string_value(pub), "20", 2), 0);
        else undated++;
        ids[n++] = strdup(json_string_value(json_object_get(o, "id")));
        json_decref(o);
    }
    assert_int_equal(n, N);
    assert_true(html > 0 && undated > 0);
    qsort(ids, N, sizeof *ids, by_string);
    for (int i = 1; i < N; i++) assert_string_not_equal(ids[i - 1], ids[i]);
    free(s);

    /* the truth: a header and one row per article, of the same ids */
    snprintf(path, sizeof path, "%s/t.tsv", dir);
    s = slurp(path, NULL);
    assert_non_null(s);
    const char head[] = "doc\tevent\tstoryline\tcopy_of\n";
    assert_int_equal(strncmp(s, head, strlen(head)), 0);
    char *rows[N + 1];
    int k = 0, copies = 0;
    for (char *line = strtok(s + strlen(head), "\n"); line; line = strtok(NULL, "\n")) {
        assert_true(k < N);
        char *tab = strchr(line, '\t');
        assert_non_null(tab);
        char *tab2 = strchr(tab + 1, '\t');
        assert_non_null(tab2);
        char *tab3 = strchr(tab2 + 1, '\t');
        assert_non_null(tab3);
        *tab = '\0';
        if (tab3[1]) {   /* a reprint names an earlier article */
            assert_true(strcmp(tab3 + 1, line) < 0);
            copies++;
        }
        rows[k++] = line;
    }
    assert_true(copies > 0);
    assert_int_equal(k, N);
    qsort(rows, N, sizeof *rows, by_string);
    for (int i = 0; i < N; i++) assert_string_equal(rows[i], ids[i]);
    for (int i = 0; i < N; i++) free(ids[i]);
    free(s);

    /* the same seed, the same stream */
    assert_int_equal(run_capturef(&out, GEN " %d --seed 7 2>/dev/null | cmp - %s/g.jsonl && echo same", N, dir), 0);
    assert_non_null(strstr(out, "same"));
    free(out);
}

static void storyline_stores_the_whole_stream(void **st)
{
    (void)st;
    if (access(GEN, X_OK) != 0) skip();
    char *out;
    assert_int_equal(run_capturef(NULL, GEN " %d --seed 7 > %s/g.jsonl 2>/dev/null", N, dir), 0);
    assert_int_equal(run_capturef(&out, BIN " ingest --db %s/g.db %s/g.jsonl 2>&1", dir, dir), 0);
    char want[64];
    snprintf(want, sizeof want, "read %d, stored %d", N, N);
    if (!strstr(out, want)) fail_msg("%s", out);
    free(out);
    assert_int_equal(run_capturef(&out, BIN " articles --all --db %s/g.db --json | wc -l", dir), 0);
    assert_int_equal(atoi(out), N);
    free(out);
}

TMPDIR_GROUP(dir, "/tmp/sl-gen-XXXXXX")

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(stream_is_valid_json_with_truth),
        cmocka_unit_test(storyline_stores_the_whole_stream),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
