/* test_archive.c: the archive as a store that must never lose or corrupt a
 * story: files that are not ours, damaged files, stored values out of
 * range, read-only use, two writers, readers beside a writer. Runs the
 * built binary (and build/gen for a corpus), as a user would. */
#include "testutil.h"
#include "dbcheck.h"

#include <sqlite3.h>
#include <jansson.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define BIN "build/storyline"
#define GEN "build/gen"
static char tmp[64];

TMPDIR_GROUP(tmp, "/tmp/sl-archive-XXXXXX")

static char *path_in(const char *name)
{
    static char p[16][160];   /* a ring: each name lives for the next 15 calls */
    static int k;
    k = (k + 1) % 16;
    snprintf(p[k], sizeof p[k], "%s/%s", tmp, name);
    return p[k];
}

static size_t file_bytes(const char *path, char **data)
{
    size_t n = 0;
    *data = slurp(path, &n);
    assert_non_null(*data);
    return n;
}

/* A database of n generated articles (seed 3), made once per name. */
static const char *generated_db(const char *name, int n)
{
    const char *db = path_in(name);
    if (access(db, F_OK) == 0) return db;
    if (access(GEN, X_OK) != 0) return NULL;
    assert_int_equal(run_capturef(NULL, GEN " %d --seed 3 2>/dev/null | " BIN " ingest --db %s - 2>/dev/null", n, db), 0);
    return db;
}

static void another_programs_file_is_refused_and_left_unchanged(void **st)
{
    (void)st;
    const char *db = path_in("notes.sqlite");
    exec_sql(db, "CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES ('keep me');");
    char *before, *after, *msg;
    size_t n = file_bytes(db, &before);
    assert_int_equal(run_capturef(&msg, BIN " ingest --db %s %s/seeds 2>&1", db, shared_dir()), 2);
    assert_non_null(strstr(msg, "not a storyline database"));
    assert_non_null(strstr(msg, "notes.sqlite"));
    free(msg);
    assert_int_equal(run_capturef(&msg, BIN " stories --db %s 2>&1", db), 2);
    assert_non_null(strstr(msg, "not a storyline database"));
    free(msg);
    assert_int_equal(file_bytes(db, &after), n);
    assert_memory_equal(before, after, n);
    free(before);
    free(after);
    assert_int_equal(value_of(db, "SELECT count(*) FROM sqlite_master"), 1);   /* no table of ours added */

    /* a database of a newer schema than this build knows */
    const char *newer = path_in("newer.db");
    assert_int_equal(run_capturef(NULL, BIN " ingest --db %s %s/seeds 2>/dev/null", newer, shared_dir()), 0);
    exec_sql(newer, "PRAGMA user_version = 99");
    assert_int_equal(run_capturef(&msg, BIN " ingest --db %s %s/seeds 2>&1", newer, shared_dir()), 2);
    assert_non_null(strstr(msg, "newer storyline"));
    free(msg);
}

static void read_commands_open_read_only_and_change_nothing(void **st)
{
    (void)st;
    char *msg;
    const char *missing = path_in("missing.db");
    assert_int_equal(run_capturef(&msg, BIN " stories --db %s 2>&1", missing), 2);
    assert_non_null(strstr(msg, "no such database"));
    free(msg);
    assert_int_not_equal(access(missing, F_OK), 0);   /* not created */
    assert_int_not_equal(access(path_in("missing.db.lock"), F_OK), 0);

    const char *db = path_in("ro.db");
    assert_int_equal(run_capturef(NULL, BIN " ingest --db %s --manifest %s/seeds/published.tsv %s/seeds 2>/dev/null",
                                  db, shared_dir(), shared_dir()), 0);
    char *before, *after;
    size_t n = file_bytes(db, &before);
    const char *reads[] = {"stories", "stories --json --all", "articles --json", "show s1", "show --json e1",
                           "timeline s1", "timeline --query drills"};
    for (size_t i = 0; i < sizeof reads / sizeof *reads; i++)
        if (run_capturef(NULL, BIN " %s --db %s >/dev/null 2>&1", reads[i], db) != 0) fail_msg("%s failed", reads[i]);
    assert_int_equal(file_bytes(db, &after), n);
    assert_memory_equal(before, after, n);
    free(before);
    free(after);

    /* A user who may only read the file and its folder can still read it. */
    if (getuid() != 0 || run_capturef(NULL, "command -v setpriv >/dev/null") != 0) return;
    const char *dir = path_in("readonly");
    assert_int_equal(run_capturef(NULL, "mkdir -p %s && cp %s %s/ro.db && chmod 755 %s && chmod 444 %s/ro.db && chmod 555 %s",
                                  dir, db, dir, tmp, dir, dir), 0);
    char *out;
    assert_int_equal(run_capturef(&out, "setpriv --reuid=65534 --regid=65534 --clear-groups " BIN
                                  " stories --db %s/ro.db 2>&1", dir), 0);
    assert_non_null(strstr(out, "s1 "));
    free(out);
    assert_int_equal(run_capturef(&out, "setpriv --reuid=65534 --regid=65534 --clear-groups " BIN
                                  " show --db %s/ro.db s1 2>&1", dir), 0);
    free(out);
    run_capturef(NULL, "chmod 755 %s", dir);
}

/* A first run that stores nothing (its input is missing) leaves no file;
 * a later one that stores nothing leaves the database as it was. */
static void a_first_run_that_stores_nothing_leaves_no_file(void **st)
{
    (void)st;
    const char *db = path_in("nothing.db");
    assert_int_equal(run_capturef(NULL, BIN " ingest --db %s %s/no-such-input 2>/dev/null", db, tmp), 2);
    assert_int_not_equal(access(db, F_OK), 0);
    assert_int_not_equal(access(path_in("nothing.db.lock"), F_OK), 0);
    assert_int_equal(run_capturef(NULL, BIN " ingest --db %s %s/seeds 2>/dev/null", db, shared_dir()), 0);
    assert_int_equal(run_capturef(NULL, BIN " ingest --db %s %s/no-such-input 2>/dev/null", db, tmp), 2);
    assert_int_equal(value_of(db, "SELECT count(*) FROM articles"), 5);
}

/* show lists a long story's newest 200 articles and 100 events and says
 * how many there are in all. */
static void a_long_story_is_shown_by_its_newest_articles(void **st)
{
    (void)st;
    const char *made = generated_db("long.db", 3000);
    if (!made) skip();
    char db[160];
    snprintf(db, sizeof db, "%s", made);
    long long id = value_of(db, "SELECT id FROM clusters WHERE level = 1 ORDER BY size DESC LIMIT 1");
    long long size = value_of(db, "SELECT max(size) FROM clusters WHERE level = 1");
    long long events = value_of(db, "SELECT count(*) FROM clusters WHERE level = 0 AND parent ="
                                    " (SELECT id FROM clusters WHERE level = 1 ORDER BY size DESC LIMIT 1)");
    if (size <= 200) skip();
    char *out;
    assert_int_equal(run_capturef(&out, BIN " show --json --db %s s%lld", db, id), 0);
    json_t *j = json_loads(out, 0, NULL);
    assert_non_null(j);
    assert_int_equal(json_integer_value(json_object_get(j, "size")), size);
    assert_int_equal(json_array_size(json_object_get(j, "articles")), 200);
    assert_int_equal(json_integer_value(json_object_get(j, "total_events")), events);
    assert_int_equal(json_array_size(json_object_get(j, "events")), events < 100 ? events : 100);
    json_decref(j);
    free(out);
    assert_int_equal(run_capturef(&out, BIN " show --db %s s%lld", db, id), 0);
    char want[64];
    snprintf(want, sizeof want, "Articles (the newest 200 of %lld)", size);
    assert_non_null(strstr(out, want));
    free(out);
}

/* Each damage is made to a fresh copy; ingest and the read commands exit
 * 2 naming the file and the value, and nothing crashes. */
static void stored_values_out_of_range_are_refused(void **st)
{
    (void)st;
    const char *made = generated_db("values.db", 600);
    if (!made) skip();
    char src[160];
    snprintf(src, sizeof src, "%s", made);
    static const char *const damage[][2] = {
        {"UPDATE clusters SET id = -3 WHERE level = 0 AND id = (SELECT max(id) FROM clusters WHERE level = 0)",
         "event id -3 is out of range"},
        {"UPDATE clusters SET id = 4000000000 WHERE level = 1 AND id = (SELECT max(id) FROM clusters WHERE level = 1)",
         "storyline id 4000000000 is out of range"},
        {"UPDATE clusters SET centroid = x'ffffffff0000803f' || substr(centroid, 9)"
         " WHERE level = 0 AND id = (SELECT min(id) FROM clusters WHERE level = 0)",
         "naming a term that is not stored"},
        {"UPDATE terms SET id = 4000000000 WHERE id = 0", "term id 4000000000 is out of range"},
        {"UPDATE clusters SET level = 7 WHERE level = 1 AND id = (SELECT min(id) FROM clusters WHERE level = 1)",
         "cluster level 7 is out of range"},
        {"UPDATE clusters SET parent = 99999999 WHERE level = 0 AND id = (SELECT min(id) FROM clusters WHERE level = 0)",
         "parent of a cluster 99999999"},
        {"UPDATE clusters SET first = 9000000000 WHERE level = 0 AND id = (SELECT min(id) FROM clusters WHERE level = 0)",
         "day of a cluster"},
        /* the candidate index's log (schema 9): a cluster or term that is
         * not stored, a piece of a pair, a level that is none */
        {"INSERT INTO postings_log (level, posts) VALUES (0, x'00000000ffffff7f')",
         "a posting log naming a cluster that is not stored"},
        {"INSERT INTO postings_log (level, posts) VALUES (1, x'ffffff7f00000000')",
         "a posting log naming a term that is not stored"},
        {"INSERT INTO postings_log (level, posts) VALUES (0, x'000000000000')", "posting log of bytes 6"},
        {"INSERT INTO postings_log (level, posts) VALUES (5, x'')", "posting log level 5"},
        /* the frequencies' log (schema 10): a term that is not stored, a
         * piece of a pair */
        {"INSERT INTO terms_log (dfs) VALUES (x'ffffff7f01000000')", "a term log naming a term that is not stored"},
        {"INSERT INTO terms_log (dfs) VALUES (x'0000000001000000000000')", "term log of bytes 11"},
    };
    for (size_t i = 0; i < sizeof damage / sizeof *damage; i++) {
        const char *db = path_in("damaged-value.db");
        assert_int_equal(run_capturef(NULL, "cp %s %s && rm -f %s-wal %s-shm", src, db, db, db), 0);
        exec_sql(db, damage[i][0]);
        char *msg;
        int rc = run_capturef(&msg, BIN " ingest --db %s %s/seeds 2>&1", db, shared_dir());
        if (rc != 2 || !strstr(msg, damage[i][1]) || !strstr(msg, "damaged-value.db"))
            fail_msg("%s\nexit %d: %s", damage[i][0], rc, msg);
        free(msg);
        /* nothing was stored over it */
        assert_int_equal(value_of(db, "SELECT count(*) FROM articles"), 600);
    }
}

/* Pages overwritten in the middle of the file: every command that reads
 * them says the file is damaged, with SQLite's own check, and exits 2. */
static void damaged_pages_are_reported_not_read_as_empty(void **st)
{
    (void)st;
    const char *made = generated_db("pages.db", 1500);
    if (!made) skip();
    char src[160];
    snprintf(src, sizeof src, "%s", made);
    const char *db = path_in("damaged-pages.db");
    assert_int_equal(run_capturef(NULL, "cp %s %s && rm -f %s-wal %s-shm", src, db, db, db), 0);
    long long pages = value_of(db, "PRAGMA page_count"), size = value_of(db, "PRAGMA page_size");
    FILE *f = fopen(db, "r+b");
    assert_non_null(f);
    char junk[4096];
    for (size_t i = 0; i < sizeof junk; i++) junk[i] = (char)(i * 131 + 7);
    for (long long p = pages / 10; p < pages - 1; p += 7) {   /* every 7th page after the first tenth */
        fseek(f, (long)(p * size), SEEK_SET);
        fwrite(junk, 1, (size_t)size < sizeof junk ? (size_t)size : sizeof junk, f);
    }
    fclose(f);
    const char *cmds[] = {"ingest --db %s /dev/null", "stories --all --db %s", "articles --all --json --db %s"};
    for (size_t i = 0; i < sizeof cmds / sizeof *cmds; i++) {
        char cmd[256], *msg;
        snprintf(cmd, sizeof cmd, cmds[i], db);
        int rc = run_capturef(&msg, BIN " %s 2>&1 >/dev/null", cmd);
        if (rc != 2 || !strstr(msg, "damaged") || !strstr(msg, "integrity_check"))
            fail_msg("%s: exit %d: %s", cmd, rc, msg);
        free(msg);
    }
}

/* Sum of a storyline's event sizes against its own size, in one listing:
 * a reader that saw half a batch would find them apart. */
static int storylines_disagreeing(const char *json)
{
    int bad = 0;
    char *copy = strdup(json);
    for (char *line = strtok(copy, "\n"); line; line = strtok(NULL, "\n")) {
        json_t *o = json_loads(line, 0, NULL);
        if (!o) { bad++; continue; }
        long sum = 0;
        json_t *ev = json_object_get(o, "events");
        if ((json_int_t)json_array_size(ev) != json_integer_value(json_object_get(o, "total_events"))) {
            json_decref(o);   /* only its newest events are listed */
            continue;
        }
        for (size_t i = 0; i < json_array_size(ev); i++)
            sum += (long)json_integer_value(json_object_get(json_array_get(ev, i), "size"));
        bad += sum != (long)json_integer_value(json_object_get(o, "size"));
        json_decref(o);
    }
    free(copy);
    return bad;
}

/* While one ingest runs: a second writer with --no-wait is refused naming
 * the first, one without waits and then stores everything of its own;
 * readers in other processes never fail nor see half a batch. */
static void one_writer_at_a_time_and_readers_beside_it(void **st)
{
    (void)st;
    if (access(GEN, X_OK) != 0) skip();
    const char *db = path_in("two.db"), *a = path_in("a.jsonl"), *b = path_in("b.jsonl"), *done = path_in("a.done");
    assert_int_equal(run_capturef(NULL, GEN " 9000 --seed 5 2>/dev/null > %s.all && head -n 6000 %s.all > %s"
                                  " && tail -n 3000 %s.all > %s", a, a, a, a, b), 0);
    /* writer A in the background; wait until it holds the lock */
    assert_int_equal(run_capturef(NULL, "(" BIN " ingest --jobs 1 --db %s %s > %s.log 2>&1; echo $? > %s)"
                                  " >/dev/null 2>&1 &", db, a, a, done), 0);
    const char *lock = path_in("two.db.lock");
    struct stat sb;
    for (int i = 0; i < 1000 && (stat(lock, &sb) != 0 || sb.st_size == 0); i++) usleep(10000);
    assert_true(sb.st_size > 0);
    char *msg;
    assert_int_equal(run_capturef(&msg, BIN " ingest --no-wait --db %s %s 2>&1", db, b), 2);
    if (!strstr(msg, "being written by process") || !strstr(msg, "ingest")) fail_msg("%s", msg);
    free(msg);
    /* readers while A writes */
    int reads = 0;
    while (access(done, F_OK) != 0 && reads < 400) {
        char *out;
        if (run_capturef(&out, BIN " stories --all --json --db %s 2>&1", db) != 0) fail_msg("stories: %s", out);
        if (storylines_disagreeing(out)) fail_msg("a storyline's events do not add up:\n%.2000s", out);
        free(out);
        if (run_capturef(&out, BIN " articles --db %s 2>&1 >/dev/null", db) != 0) fail_msg("articles: %s", out);
        free(out);
        if (run_capturef(&out, BIN " show --db %s s1 2>&1 >/dev/null", db) != 0 && !strstr(out, "no storyline"))
            fail_msg("show: %s", out);
        free(out);
        reads++;
    }
    assert_true(reads > 0);
    /* writer B waits for A (started while A still runs, if it does) */
    assert_int_equal(run_capturef(&msg, BIN " ingest --db %s %s 2>&1", db, b), 0);
    free(msg);
    assert_int_equal(background_status(done, 30), 0);
    assert_int_equal(value_of(db, "SELECT count(*) FROM articles"), 9000);
    assert_consistent(db);
}

/* B starts while A holds the lock and says it waits. */
static void a_waiting_writer_says_for_whom(void **st)
{
    (void)st;
    if (access(GEN, X_OK) != 0) skip();
    const char *db = path_in("wait.db"), *a = path_in("w.jsonl");
    assert_int_equal(run_capturef(NULL, GEN " 4000 --seed 9 2>/dev/null > %s", a), 0);
    char *msg;
    /* B is started once A's lock file names A */
    assert_int_equal(run_capturef(&msg, BIN " ingest --jobs 1 --db %s %s >/dev/null 2>&1 & "
                                  "while [ ! -s %s.lock ]; do sleep 0.01; done; "
                                  BIN " ingest --db %s %s/seeds 2>&1; wait", db, a, db, db, shared_dir()), 0);
    if (!strstr(msg, "waiting for it to finish") || !strstr(msg, "being written by process")) fail_msg("%s", msg);
    free(msg);
    assert_int_equal(value_of(db, "SELECT count(*) FROM articles"), 4005);
    assert_consistent(db);
}

/* SIGKILL at random moments, round after round, then one run to the end:
 * the file is whole, every article is stored once, and everything stored
 * is what one uninterrupted run stores, byte for byte. */
static void ingest_killed_at_random_moments_ends_as_an_uninterrupted_run(void **st)
{
    (void)st;
    if (access(GEN, X_OK) != 0) skip();
    const char *corpus = path_in("kill.jsonl"), *whole = path_in("whole.db"), *killed = path_in("killed.db");
    assert_int_equal(run_capturef(NULL, GEN " 6000 --seed 11 2>/dev/null > %s", corpus), 0);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    assert_int_equal(run_capturef(NULL, BIN " ingest --db %s %s 2>/dev/null", whole, corpus), 0);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    /* kills fall anywhere within the time a whole run takes on this machine */
    int span = (int)((t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000) + 1;
    char *want = state_of(whole);
    unsigned seed = (unsigned)time(NULL) ^ (unsigned)getpid();
    srand(seed);
    char moments[256] = "";
    size_t k = 0;
    long before = -1;
    int midway = 0;
    for (int round = 0; round < 8; round++) {
        int ms = 10 + rand() % span;
        if (round == 0) {   /* the first kill waits for the first committed batch */
            k += (size_t)snprintf(moments + k, sizeof moments - k, "first batch");
            assert_int_equal(run_capturef(NULL, "(" BIN " ingest --db %s %s >/dev/null 2>&1 & pid=$!;"
                                          " while [ -z \"$(" BIN " articles --limit 1 --db %s 2>/dev/null)\" ];"
                                          " do sleep 0.005; done; kill -9 $pid; wait $pid) 2>/dev/null; exit 0",
                                          killed, corpus, killed), 0);
        } else {
            k += (size_t)snprintf(moments + k, sizeof moments - k, ",%d", ms);
            assert_int_equal(run_capturef(NULL, "(" BIN " ingest --db %s %s >/dev/null 2>&1 & pid=$!; sleep %d.%03d;"
                                          " kill -9 $pid; wait $pid) 2>/dev/null; exit 0", killed, corpus, ms / 1000,
                                          ms % 1000), 0);
        }
        if (access(killed, F_OK) != 0 || !value_of(killed, "SELECT count(*) FROM sqlite_master WHERE name = 'articles'"))
            continue;   /* killed before the schema was committed */
        long n = value_of(killed, "SELECT count(*) FROM articles");
        if (n < before) fail_msg("round %d (kills after %s ms, seed %u): %ld articles, %ld before", round, moments, seed,
                                 n, before);
        before = n;
        if (n % 512 && n != 6000) fail_msg("round %d: %ld articles, not whole batches", round, n);
        midway += n > 0 && n < 6000;
    }
    if (!midway) fail_msg("no kill (after %s ms of a %d ms run) caught a run with some batches stored", moments, span);
    assert_int_equal(run_capturef(NULL, BIN " ingest --db %s %s 2>/dev/null", killed, corpus), 0);
    assert_consistent(killed);
    assert_int_equal(value_of(killed, "SELECT count(DISTINCT id) FROM articles"), 6000);
    assert_int_equal(value_of(killed, "SELECT count(*) FROM articles"), 6000);
    char *got = state_of(killed);
    char what[400];
    snprintf(what, sizeof what, "kills after %s ms (seed %u)", moments, seed);
    assert_same_state(want, got, what);
    free(want);
    free(got);
}

int main(void)
{
    if (access(BIN, X_OK) != 0) {
        fprintf(stderr, "build " BIN " first (make)\n");
        return 1;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(another_programs_file_is_refused_and_left_unchanged),
        cmocka_unit_test(read_commands_open_read_only_and_change_nothing),
        cmocka_unit_test(a_first_run_that_stores_nothing_leaves_no_file),
        cmocka_unit_test(a_long_story_is_shown_by_its_newest_articles),
        cmocka_unit_test(stored_values_out_of_range_are_refused),
        cmocka_unit_test(damaged_pages_are_reported_not_read_as_empty),
        cmocka_unit_test(one_writer_at_a_time_and_readers_beside_it),
        cmocka_unit_test(a_waiting_writer_says_for_whom),
        cmocka_unit_test(ingest_killed_at_random_moments_ends_as_an_uninterrupted_run),
    };
    return cmocka_run_group_tests_name("archive", tests, setup, teardown);
}
