/* test_store.c: the database on its own: clusters merged into others. */
#include "testutil.h"
#include "store/store.h"
#include "store/st_internal.h"

#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

static char tmp[64];

TMPDIR_GROUP(tmp, "/tmp/sl-store-XXXXXX")

static void put_article(st_db *db, const char *id, int64_t event, int64_t storyline)
{
    sl_article a = {.id = id, .title = id, .text = "The river rose over the levee.", .published = DAY_NONE};
    a.text_len = strlen(a.text);
    st_placed p = {.event = event, .storyline = storyline};
    int64_t row;
    err_slot err;
    assert_int_equal(st_article_put(db, &a, &p, &row, &err), SL_OK);
}

static void put_cluster(st_db *db, cl_level level, int64_t id, int64_t parent, uint32_t size)
{
    cl_row r = {.level = level, .id = id, .parent = parent, .first = DAY_NONE, .last = DAY_NONE, .size = size, .created = true,
                .centroid = "", .centroid_len = 0};
    err_slot err;
    assert_int_equal(st_cluster_put(db, &r, &err), SL_OK);
}

/* A new database tmp/name, in a transaction, holding storyline s1 and its
 * event e1, for articles put into it. */
static st_db *story_db(const char *name)
{
    char path[128];
    snprintf(path, sizeof path, "%s/%s", tmp, name);
    st_db *db;
    err_slot err;
    assert_int_equal(st_open(path, ST_WRITE, &db, &err), SL_OK);
    assert_int_equal(st_begin(db, &err), SL_OK);
    put_cluster(db, CL_STORYLINE, 1, 0, 1);
    put_cluster(db, CL_EVENT, 1, 1, 1);
    return db;
}

static void put_text(st_db *db, const char *id, const char *title, const char *text)
{
    sl_article a = {.id = id, .title = title, .text = text, .text_len = strlen(text), .published = DAY_NONE};
    st_placed p = {.event = 1, .storyline = 1};
    int64_t row;
    err_slot err;
    assert_int_equal(st_article_put(db, &a, &p, &row, &err), SL_OK);
}

static int hit_row(const sl_hit *h, void *ctx)
{
    VEC(int) *v = ctx;
    VEC_PUSH(*v, atoi(h->id + 1));   /* "a17" -> 17 */
    return 0;
}

/* A search ranks a common word among the newest articles only (the first
 * window that holds the hits asked for), and finds a rare word anywhere. */
static void a_search_ranks_in_the_newest_window_that_holds_enough(void **st)
{
    (void)st;
    err_slot err;
    st_db *db = story_db("search.db");
    for (int i = 1; i <= 300; i++) {
        char id[16], text[96];
        snprintf(id, sizeof id, "a%d", i);
        /* the word "river" in every article, more often in the old ones */
        snprintf(text, sizeof text, "%s %s", i == 1 ? "A zebra crossed the river." : "", i < 100 ? "river river river" : "river bank");
        put_text(db, id, "x", text);
    }
    assert_int_equal(st_commit(db, &err), SL_OK);
    st_search_window(db, 10);
    VEC(int) got = {0};
    assert_int_equal(st_search(db, "river", 0, 5, SL_SEARCH_BEST, hit_row, &got, &err), SL_OK);
    assert_int_equal(got.n, 5);
    for (size_t i = 0; i < got.n; i++) assert_true(got.v[i] > 290);   /* the newest ten, not the best-scoring old */
    got.n = 0;
    /* 20 hits need the next window (twice as many articles) */
    assert_int_equal(st_search(db, "river", 0, 20, SL_SEARCH_BEST, hit_row, &got, &err), SL_OK);
    assert_int_equal(got.n, 20);
    for (size_t i = 0; i < got.n; i++) assert_true(got.v[i] > 280);
    got.n = 0;
    assert_int_equal(st_search(db, "zebra", 0, 5, SL_SEARCH_BEST, hit_row, &got, &err), SL_OK);
    assert_int_equal(got.n, 1);
    assert_int_equal(got.v[0], 1);
    VEC_FREE(got);
    st_close(db);
}

/* The number of segments of the full-text index: the level records of its
 * structure are not public, but every segment has its own row range in
 * the %_idx table, one (segid) per segment. */
static int64_t fts_segments(st_db *db)
{
    sqlite3_stmt *s;
    assert_int_equal(sqlite3_prepare_v2(db->h, "SELECT count(DISTINCT segid) FROM articles_fts_idx", -1, &s,
                                        NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(s), SQLITE_ROW);
    int64_t n = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return n;
}

/* The full-text index is merged into one segment when the archive has
 * doubled since it last was, and searches find the same afterwards. */
static void the_text_index_is_merged_as_the_archive_doubles(void **st)
{
    (void)st;
    err_slot err;
    st_db *db = story_db("tidy.db");
    assert_int_equal(st_commit(db, &err), SL_OK);
    bool done;
    assert_int_equal(st_fts_tidy(db, &done, &err), SL_OK);
    assert_false(done);                            /* nothing stored yet */
    int id = 0;
    for (int batch = 0; batch < 12; batch++) {    /* a segment per committed batch */
        assert_int_equal(st_begin(db, &err), SL_OK);
        for (int i = 0; i < 5; i++) {
            char name[16];
            snprintf(name, sizeof name, "a%d", ++id);
            put_text(db, name, "Flood", id == 7 ? "A zebra crossed the river." : "The river rose.");
        }
        assert_int_equal(st_commit(db, &err), SL_OK);
    }
    assert_true(fts_segments(db) > 1);
    assert_int_equal(st_fts_tidy(db, &done, &err), SL_OK);
    assert_true(done);                             /* 60 articles, never merged */
    assert_int_equal(fts_segments(db), 1);
    assert_int_equal(st_fts_tidy(db, &done, &err), SL_OK);
    assert_false(done);                            /* not doubled since */
    VEC(int) got = {0};
    assert_int_equal(st_search(db, "zebra", 0, 5, SL_SEARCH_BEST, hit_row, &got, &err), SL_OK);
    assert_int_equal(got.n, 1);
    assert_int_equal(got.v[0], 7);
    VEC_FREE(got);
    for (int k = 0; k < 59; k++) {
        char name[16];
        snprintf(name, sizeof name, "a%d", ++id);
        assert_int_equal(st_begin(db, &err), SL_OK);
        put_text(db, name, "Flood", "The river fell.");
        assert_int_equal(st_commit(db, &err), SL_OK);
    }
    assert_int_equal(st_fts_tidy(db, &done, &err), SL_OK);
    assert_false(done);                            /* 119 < 120 */
    assert_int_equal(st_begin(db, &err), SL_OK);
    put_text(db, "a120", "Flood", "The river fell.");
    assert_int_equal(st_commit(db, &err), SL_OK);
    assert_int_equal(st_fts_tidy(db, &done, &err), SL_OK);
    assert_true(done);
    assert_int_equal(fts_segments(db), 1);
    st_close(db);
}

static int hit_id(const sl_hit *h, void *ctx)
{
    buf *b = ctx;
    buf_printf(b, "%s ", h->id);
    return 0;
}

/* A search's order: a title match weighs more than a body's, more matches
 * more than fewer, a short text more than a long one with as many. */
static void a_search_ranks_titles_counts_and_lengths(void **st)
{
    (void)st;
    err_slot err;
    st_db *db = story_db("rank.db");
    const char *docs[][3] = {
        {"long", "Harbour news", "A zebra was seen near the harbour wall on Monday, and the harbour master said the "
                                 "animal had walked along the quay for an hour before keepers from the zoo came."},
        {"title", "Zebra escapes from the zoo", "Keepers caught the animal on Monday."},
        {"twice", "Harbour news", "The zebra and a second zebra were seen."},
        {"short", "Harbour news", "A zebra was seen."},
    };
    for (size_t i = 0; i < 4; i++) put_text(db, docs[i][0], docs[i][1], docs[i][2]);
    assert_int_equal(st_commit(db, &err), SL_OK);
    buf order;
    buf_init(&order);
    assert_int_equal(st_search(db, "zebra", 0, 10, SL_SEARCH_BEST, hit_id, &order, &err), SL_OK);
    assert_string_equal(order.data, "title twice short long ");
    buf_free(&order);
    st_close(db);
}

/* A snippet with its marks written as [ and ]. */
static void assert_snippet(const char *query, const char *text, int words, const char *want)
{
    char *got = st_snippet(query, text, words);
    for (char *p = got; *p; p++) {
        if (*p == SL_MARK_START) *p = '[';
        else if (*p == SL_MARK_END) *p = ']';
    }
    assert_string_equal(got, want);
    free(got);
}

/* The passage of a hit: the first lines when they hold the words, else
 * the window with the most of them, centred; case and accents folded,
 * prefixes and phrases marked, the query's operators and columns not. */
static void a_snippet_shows_where_the_words_are(void **st)
{
    (void)st;
    const char *lead = "Zebra seen. One two three four five six seven eight nine ten.";
    assert_snippet("zebra", lead, 5, "[Zebra] seen. One two three\xe2\x80\xa6");
    assert_snippet("zebra", "A zebra.", 5, "A [zebra].");
    assert_snippet("zebra lion", "Zebra one two three four zebra zebra zebra.", 4, "[Zebra] one two three\xe2\x80\xa6");
    assert_snippet("lion", "A zebra.", 5, "A zebra.");
    assert_snippet("zebra", "A zebra.\n\nCopyright", 2, "A [zebra]\xe2\x80\xa6");
    assert_snippet("zebra", "A zebra!\n\n", 5, "A [zebra]!");
    /* what follows the last word is cut at a character's edge */
    assert_snippet("zebra", "A zebra \xe2\x98\x85\xe2\x98\x85\xe2\x98\x85\xe2\x98\x85", 5,
                   "A [zebra] \xe2\x98\x85\xe2\x98\x85");
    /* the window with both words beats the first lines with one */
    const char *far = "Alpha a b c d e f g h i j k l m n o p alpha beta q r s t u v w x y z.";
    assert_snippet("alpha beta", far, 6, "\xe2\x80\xa6o p [alpha beta] q r\xe2\x80\xa6");
    assert_snippet("zurich", "Cafe owners in Z\xc3\xbcrich said prices rose.", 3,
                   "\xe2\x80\xa6in [Z\xc3\xbcrich] said\xe2\x80\xa6");
    assert_snippet("minist*", "The foreign ministers met the minister.", 10,
                   "The foreign [ministers] met the [minister].");
    assert_snippet("\"prime minister\"", "Then Prime Minister Gupta spoke.", 10, "Then [Prime Minister] Gupta spoke.");
    assert_snippet("title: zebra OR NOT lion", "A zebra or a title.", 10, "A [zebra] or a title.");
    assert_snippet("NEAR(zebra lion, 2)", "A zebra, 2 lions.", 10, "A [zebra], 2 lions.");
}

/* Of hits alike in score the newer comes first, so that pages do not
 * shuffle; each hit's snippet marks its match. */
static int hit_snippet(const sl_hit *h, void *ctx)
{
    buf *b = ctx;
    buf_printf(b, "%s:%s|", h->id, h->snippet);
    return 0;
}

static void a_search_orders_ties_newest_first_with_snippets(void **st)
{
    (void)st;
    err_slot err;
    st_db *db = story_db("ties.db");
    for (int i = 1; i <= 5; i++) {
        char id[8];
        snprintf(id, sizeof id, "t%d", i);
        put_text(db, id, "x", "The okapi ran.");
    }
    assert_int_equal(st_commit(db, &err), SL_OK);
    buf got;
    buf_init(&got);
    assert_int_equal(st_search(db, "okapi", 1, 3, SL_SEARCH_BEST, hit_snippet, &got, &err), SL_OK);
    assert_string_equal(got.data, "t4:The \x01okapi\x02 ran.|t3:The \x01okapi\x02 ran.|t2:The \x01okapi\x02 ran.|");
    buf_clear(&got);
    assert_int_equal(st_search(db, "okapi AND (", 0, 3, SL_SEARCH_BEST, hit_snippet, &got, &err), SL_EUSAGE);
    /* no match: no hit, in either order (make sanitize: nothing sorted or moved from NULL) */
    buf_clear(&got);
    assert_int_equal(st_search(db, "wombat", 0, 3, SL_SEARCH_BEST, hit_snippet, &got, &err), SL_OK);
    assert_int_equal(st_search(db, "wombat", 0, 3, SL_SEARCH_NEWEST, hit_snippet, &got, &err), SL_OK);
    assert_int_equal(got.len, 0);
    buf_free(&got);
    st_close(db);
}

/* e2 (alone in s2) goes into e1 (in s1), then e1 into e3: e2's article
 * ends in e3 and its storyline, and e1 and e2 are asked for as e3. */
static void merged_ids_keep_resolving(void **st)
{
    (void)st;
    char path[128];
    snprintf(path, sizeof path, "%s/m.db", tmp);
    st_db *db;
    err_slot err;
    assert_int_equal(st_open(path, ST_WRITE, &db, &err), SL_OK);
    assert_int_equal(st_begin(db, &err), SL_OK);
    put_cluster(db, CL_STORYLINE, 1, 0, 2);
    put_cluster(db, CL_STORYLINE, 2, 0, 1);
    put_cluster(db, CL_EVENT, 1, 1, 1);
    put_cluster(db, CL_EVENT, 2, 2, 1);
    put_cluster(db, CL_EVENT, 3, 1, 1);
    put_article(db, "a1", 1, 1);
    put_article(db, "a2", 2, 2);
    put_article(db, "a3", 3, 1);
    assert_int_equal(st_cluster_merged(db, CL_EVENT, 2, 1, &err), SL_OK);
    assert_int_equal(st_cluster_merged(db, CL_STORYLINE, 2, 1, &err), SL_OK);
    assert_int_equal(st_cluster_merged(db, CL_EVENT, 1, 3, &err), SL_OK);
    assert_int_equal(st_commit(db, &err), SL_OK);

    sl_story *s;
    assert_int_equal(st_story_get(db, "e2", &s, &err), SL_OK);
    assert_string_equal(s->id, "e3");
    assert_string_equal(s->storyline, "s1");
    assert_int_equal(s->n_articles, 3);
    sl_story_free(s);
    assert_int_equal(st_story_get(db, "s2", &s, &err), SL_OK);
    assert_string_equal(s->id, "s1");
    sl_story_free(s);
    assert_int_equal(st_story_get(db, "e4", &s, &err), SL_ENOTFOUND);
    st_close(db);

    /* What the cluster stage loads knows the merges too. */
    assert_int_equal(st_open(path, ST_WRITE, &db, &err), SL_OK);
    cl_state *cl = cl_new();
    dd_index *dd = dd_new();
    assert_int_equal(st_load(db, cl, dd, &err), SL_OK);
    assert_int_equal(cl_resolve(cl, CL_EVENT, 2), 3);
    assert_int_equal(cl_resolve(cl, CL_STORYLINE, 2), 1);
    dd_free(dd);
    cl_free(cl);
    st_close(db);
}

/* Looking an article up leaves no read transaction open: another
 * connection can checkpoint the whole WAL (which otherwise grew without
 * end during a long ingest: 6.7 GB after 400,000 articles). */
static void lookups_leave_the_wal_free_to_checkpoint(void **st)
{
    (void)st;
    char path[128];
    snprintf(path, sizeof path, "%s/w.db", tmp);
    st_db *db;
    err_slot err;
    assert_int_equal(st_open(path, ST_WRITE, &db, &err), SL_OK);
    assert_int_equal(st_begin(db, &err), SL_OK);
    put_cluster(db, CL_STORYLINE, 1, 0, 1);
    put_cluster(db, CL_EVENT, 1, 1, 1);
    put_article(db, "w1", 1, 1);
    assert_int_equal(st_commit(db, &err), SL_OK);
    bool known = false;
    assert_int_equal(st_article_known(db, "w1", &known, &err), SL_OK);
    assert_true(known);
    buf id;
    buf_init(&id);
    int64_t event;
    int64_t row = 1;
    assert_int_equal(st_article_ref(db, row, &id, &event, &err), SL_OK);
    buf_free(&id);
    sqlite3 *other;
    assert_int_equal(sqlite3_open(path, &other), SQLITE_OK);
    assert_int_equal(sqlite3_exec(other, "SELECT count(*) FROM articles", NULL, NULL, NULL), SQLITE_OK);
    int log_frames = -1, done = -1;
    assert_int_equal(sqlite3_wal_checkpoint_v2(other, NULL, SQLITE_CHECKPOINT_TRUNCATE, &log_frames, &done),
                     SQLITE_OK);
    assert_int_equal(log_frames, 0);
    sqlite3_close(other);
    st_close(db);
}

/* The number a counting query gives, asked on a connection of its own. */
static int count_in(const char *path, const char *sql)
{
    sqlite3 *h;
    sqlite3_stmt *s;
    assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(h, sql, -1, &s, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(s), SQLITE_ROW);
    int n = sqlite3_column_int(s, 0);
    sqlite3_finalize(s);
    sqlite3_close(h);
    return n;
}

/* A long ingest checkpoints in the background: the WAL stays near the
 * mark instead of growing with every batch, and everything committed is in
 * the file once it is closed. */
static void the_wal_is_checkpointed_as_it_grows(void **st)
{
    (void)st;
    char path[128], wal[160];
    snprintf(path, sizeof path, "%s/grow.db", tmp);
    snprintf(wal, sizeof wal, "%s-wal", path);
    st_db *db;
    err_slot err;
    assert_int_equal(st_open(path, ST_WRITE, &db, &err), SL_OK);
    st_checkpoint_every(db, 32);   /* 128 KB */
    static char text[64 * 1024];
    for (size_t i = 0; i < sizeof text - 1; i++) text[i] = (char)('a' + (i * 7 + i / 13) % 26);
    off_t largest = 0;
    for (int b = 0; b < 60; b++) {
        char id[16];
        snprintf(id, sizeof id, "w%d", b);
        sl_article a = {.id = id, .title = id, .text = text, .text_len = sizeof text - 1, .published = DAY_NONE};
        st_placed p = {.event = 1, .storyline = 1};
        int64_t row;
        assert_int_equal(st_begin(db, &err), SL_OK);
        assert_int_equal(st_article_put(db, &a, &p, &row, &err), SL_OK);
        assert_int_equal(st_commit(db, &err), SL_OK);
        struct stat sb;
        if (stat(wal, &sb) == 0 && sb.st_size > largest) largest = sb.st_size;
    }
    st_close(db);
    /* 60 batches of over 64 KB each: some 5 MB without checkpoints */
    assert_true(largest < 2 * 1024 * 1024);
    assert_int_equal(count_in(path, "SELECT count(*) FROM articles"), 60);
}

/* A file tmp/name with one storyline, event and article (id), then made
 * older by the SQL given. */
static void older_file(const char *name, const char *id, const char *sql)
{
    st_db *db = story_db(name);
    err_slot err;
    put_article(db, id, 1, 1);
    assert_int_equal(st_commit(db, &err), SL_OK);
    st_close(db);
    char path[128];
    snprintf(path, sizeof path, "%s/%s", tmp, name);
    sqlite3 *h;
    assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
    /* every older schema is from before 11 */
    assert_int_equal(sqlite3_exec(h, "ALTER TABLE actors DROP COLUMN sure;", NULL, NULL, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(h);
}

/* Storylines whose count of events (event_counts) is not the number of
 * their events; and the counts' sum against all events. */
#define COUNTS_OFF "SELECT count(*) FROM clusters s WHERE s.level = 1 AND coalesce((SELECT n FROM event_counts" \
                   " WHERE storyline = s.id), 0) != (SELECT count(*) FROM clusters e WHERE e.level = 0" \
                   " AND e.parent = s.id)"
#define COUNTS_SUM "SELECT (SELECT coalesce(sum(n), 0) FROM event_counts) - (SELECT count(*) FROM clusters" \
                   " WHERE level = 0)"

/* The total a storyline's list of events reports (asked for one, so that
 * the rest are counted). */
static size_t events_total(st_db *db, int64_t storyline)
{
    arena a;
    arena_init(&a);
    sl_event_row *rows;
    size_t n, total = 0;
    err_slot err;
    assert_int_equal(st_events_of(db, storyline, "ASC", 1, &a, &rows, &n, &total, &err), SL_OK);
    arena_reset(&a);
    return total;
}

/* A storyline's events are counted as they are stored, moved to another
 * storyline, merged into another event, and as storylines merge. */
static void events_are_counted_as_they_move(void **st)
{
    (void)st;
    char path[128];
    snprintf(path, sizeof path, "%s/counts.db", tmp);
    err_slot err;
    st_db *db = story_db("counts.db");   /* s1 with e1 */
    put_cluster(db, CL_STORYLINE, 2, 0, 2);
    put_cluster(db, CL_EVENT, 2, 1, 1);
    put_cluster(db, CL_EVENT, 3, 2, 1);
    put_cluster(db, CL_EVENT, 4, 2, 1);
    assert_int_equal(st_commit(db, &err), SL_OK);
    assert_int_equal(count_in(path, COUNTS_OFF), 0);
    assert_int_equal(events_total(db, 1), 2);
    assert_int_equal(events_total(db, 2), 2);
    /* e4 goes over to s1 */
    assert_int_equal(st_begin(db, &err), SL_OK);
    cl_row moved = {.level = CL_EVENT, .id = 4, .parent = 1, .first = DAY_NONE, .last = DAY_NONE, .size = 1,
                    .centroid = "", .centroid_len = 0};
    assert_int_equal(st_cluster_put(db, &moved, &err), SL_OK);
    assert_int_equal(st_commit(db, &err), SL_OK);
    assert_int_equal(count_in(path, COUNTS_OFF), 0);
    assert_int_equal(events_total(db, 1), 3);
    assert_int_equal(events_total(db, 2), 1);
    /* e2 into e1; then s2 into s1 */
    assert_int_equal(st_begin(db, &err), SL_OK);
    assert_int_equal(st_cluster_merged(db, CL_EVENT, 2, 1, &err), SL_OK);
    assert_int_equal(st_commit(db, &err), SL_OK);
    assert_int_equal(events_total(db, 1), 2);
    assert_int_equal(st_begin(db, &err), SL_OK);
    assert_int_equal(st_cluster_merged(db, CL_STORYLINE, 2, 1, &err), SL_OK);
    assert_int_equal(st_commit(db, &err), SL_OK);
    assert_int_equal(count_in(path, COUNTS_OFF), 0);
    assert_int_equal(count_in(path, COUNTS_SUM), 0);
    assert_int_equal(events_total(db, 1), 3);
    st_close(db);
}

/* A file of schema 5 has no counts: a reader counts the events, a writer
 * counts them once and keeps them from then on. */
static void a_schema_5_file_gets_its_events_counted(void **st)
{
    (void)st;
    char path[128];
    snprintf(path, sizeof path, "%s/s5.db", tmp);
    st_db *db;
    err_slot err;
    older_file("s5.db", "five1", "DROP TRIGGER event_counts_add; DROP TRIGGER event_counts_drop;"
                                 "DROP TRIGGER event_counts_move; DROP TABLE event_counts;"
                                 "INSERT INTO clusters (level, id, parent, size) VALUES (0, 2, 1, 1);"
                                 "ALTER TABLE quotes DROP COLUMN speaker_text; PRAGMA user_version = 5;");
    assert_int_equal(st_open(path, ST_READ, &db, &err), SL_OK);
    assert_int_equal(events_total(db, 1), 2);
    st_close(db);
    assert_int_equal(st_open(path, ST_WRITE, &db, &err), SL_OK);
    assert_int_equal(events_total(db, 1), 2);
    st_close(db);
    assert_int_equal(count_in(path, "PRAGMA user_version"), ST_SCHEMA);
    assert_int_equal(count_in(path, "SELECT n FROM event_counts WHERE storyline = 1"), 2);
    assert_int_equal(count_in(path, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'"), 3);
}

/* A story database tmp/name of n articles (a1..an, or a001.. with three
 * digits when wide) of s1 and e1, with sql run on it by SQLite itself (for
 * rows the store writes only from an analysis), opened to read. */
static st_db *story_with(const char *name, int n, bool wide, const char *sql)
{
    st_db *db = story_db(name);
    err_slot err;
    for (int i = 1; i <= n; i++) {
        char id[16];
        snprintf(id, sizeof id, wide ? "a%03d" : "a%d", i);
        put_article(db, id, 1, 1);
    }
    assert_int_equal(st_commit(db, &err), SL_OK);
    st_close(db);
    char path[128];
    snprintf(path, sizeof path, "%s/%s", tmp, name);
    sqlite3 *h;
    assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
    assert_int_equal(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(h);
    assert_int_equal(st_open(path, ST_READ, &db, &err), SL_OK);
    return db;
}

/* A long story lists its most mentioned actors and newest quotes, up to
 * the caps, and says how many there are in all; a quote's speaker is named
 * as the actor it resolves to. */
static void a_story_caps_its_actors_and_quotes(void **st)
{
    (void)st;
    err_slot err;
    /* each article: one actor of its own and "kim" (most mentioned), and two
     * quotes by kim under a shorter spelling */
    st_db *db = story_with("caps.db", 200, true, "BEGIN;"
        "INSERT INTO actors (article, key, name, type, mentions) SELECT row, 'own' || row, 'Own ' || row, 'person', 1"
        " FROM articles;"
        "INSERT INTO actors (article, key, name, type, mentions) SELECT row, 'kim', 'Kim Jong Un', 'person', 3"
        " FROM articles;"
        "INSERT INTO quotes (article, speaker, speaker_key, text, kind, start, end) SELECT row, 'Kim', 'kim',"
        " 'first of ' || id, 'direct', 1, 5 FROM articles;"
        "INSERT INTO quotes (article, speaker, speaker_key, text, kind, start, end) SELECT row, 'Kim', 'kim',"
        " 'second of ' || id, 'direct', 9, 12 FROM articles;"
        "COMMIT;");
    sl_story *s;
    assert_int_equal(st_story_get(db, "s1", &s, &err), SL_OK);
    assert_int_equal(s->total_actors, 201);
    assert_int_equal(s->n_actors, SL_STORY_ACTORS);
    assert_string_equal(s->actors[0].key, "kim");
    assert_int_equal(s->total_quotes, 400);
    assert_int_equal(s->n_quotes, SL_STORY_QUOTES);
    /* the newest 300, oldest first: from the first quote of a051 to the
     * second of a200 */
    assert_string_equal(s->quotes[0].text, "first of a051");
    assert_string_equal(s->quotes[1].text, "second of a051");
    assert_string_equal(s->quotes[SL_STORY_QUOTES - 1].text, "second of a200");
    assert_string_equal(s->quotes[0].speaker, "Kim Jong Un");
    sl_story_free(s);
    st_close(db);
}

/* The actors of storyline 1, as a story page shows them. */
static sl_actor *story_actors(st_db *db, arena *a, size_t *n)
{
    err_slot err;
    st_members_of m = {CL_STORYLINE, 1, NULL};
    sl_actor *ac;
    assert_int_equal(st_story_actors(db, &m, a, &ac, n, &err), SL_OK);
    return ac;
}

/* The actor of key among ac[0..n); the test fails without one. */
static const sl_actor *actor_of(const sl_actor *ac, size_t n, const char *key)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(ac[i].key, key)) return &ac[i];
    fail_msg("no actor '%s'", key);
    return NULL;
}

/* An actor named in several articles has the type most of its mentions
 * have, not that of the row read first: a place its datelines name
 * ("Velten", 3 mentions in two articles) that a third article took for a
 * person (1 mention). A tie goes to the type seen first. A type read
 * rather than guessed (sure: "shares in Lumora" says a firm) outweighs
 * the guesses of any number of mentions: "Lumora", a person in four
 * mentions of two articles, is the organisation a third article read it
 * as in one. Rows with no mark (NULL, as a file from before schema 11
 * holds) are guessed. */
static void a_story_actor_takes_the_type_of_its_surest_mentions(void **st)
{
    (void)st;
    st_db *db = story_with("types.db", 3, false, "BEGIN;"
        "INSERT INTO actors (article, key, name, type, roles, aliases, mentions) SELECT row, 'velten', 'Velten',"
        " CASE id WHEN 'a1' THEN 'person' ELSE 'place' END, '[]', '[]', CASE id WHEN 'a1' THEN 1 ELSE 2 END"
        " FROM articles;"
        "INSERT INTO actors (article, key, name, type, roles, aliases, mentions) SELECT row, 'orvo', 'Orvo',"
        " CASE id WHEN 'a1' THEN 'organisation' ELSE 'person' END, '[]', '[]', CASE id WHEN 'a1' THEN 2 ELSE 1 END"
        " FROM articles WHERE id IN ('a1', 'a2');"
        "INSERT INTO actors (article, key, name, type, roles, aliases, mentions, sure) SELECT row, 'lumora',"
        " 'Lumora', CASE id WHEN 'a3' THEN 'organisation' ELSE 'person' END, '[]', '[]',"
        " CASE id WHEN 'a3' THEN 1 ELSE 2 END, CASE id WHEN 'a3' THEN 1 ELSE 0 END FROM articles;"
        "COMMIT;");
    arena a;
    arena_init(&a);
    size_t n;
    sl_actor *ac = story_actors(db, &a, &n);
    assert_int_equal(n, 3);
    const sl_actor *velten = actor_of(ac, n, "velten"), *lumora = actor_of(ac, n, "lumora");
    assert_string_equal(velten->type, "place");
    assert_false(velten->sure);
    assert_string_equal(actor_of(ac, n, "orvo")->type, "organisation");
    assert_string_equal(lumora->type, "organisation");
    assert_true(lumora->sure);
    arena_reset(&a);
    st_close(db);
}

/* An actor's roles and aliases are merged across articles whether their
 * lists are plain or hold escapes (read by jansson); a damaged list adds
 * nothing. The newest quotes are those of the undated articles, then of
 * the newest days, and come oldest first, as all of them do. */
static void a_story_merges_lists_and_cuts_quotes_newest_first(void **st)
{
    (void)st;
    err_slot err;
    st_db *db = story_with("lists.db", 5, false, "BEGIN;"
        "UPDATE articles SET day = CASE id WHEN 'a1' THEN 100 WHEN 'a2' THEN 200 WHEN 'a4' THEN 150"
        " WHEN 'a5' THEN 300 END;"
        "INSERT INTO actors (article, key, name, type, roles, aliases, mentions) SELECT row, 'kim', 'Kim Jong Un',"
        " 'person', CASE id WHEN 'a1' THEN '[\"envoy\", \"Defence Minister\"]'"
        " WHEN 'a2' THEN ' [ \"envoy\",\"Chief \\\"Negotiator\\\"\" ] ' ELSE '[\"broken\"' END,"
        " CASE id WHEN 'a2' THEN '[\"Kim\"]' WHEN 'a4' THEN '[\"K\\u00edm\"]' ELSE '[]' END, 1"
        " FROM articles WHERE id IN ('a1', 'a2', 'a4');"
        "INSERT INTO quotes (article, speaker, speaker_key, text, kind, start, end) SELECT row, 'Kim', 'kim',"
        " 'said in ' || id, 'direct', 1, 5 FROM articles WHERE id != 'a5';"
        "COMMIT;");
    arena a;
    arena_init(&a);
    st_members_of m = {CL_STORYLINE, 1, NULL};
    size_t n;
    sl_actor *ac = story_actors(db, &a, &n);
    assert_int_equal(n, 1);
    assert_int_equal(ac[0].n_roles, 3);
    assert_string_equal(ac[0].roles[0], "envoy");
    assert_string_equal(ac[0].roles[1], "Defence Minister");
    assert_string_equal(ac[0].roles[2], "Chief \"Negotiator\"");
    assert_int_equal(ac[0].n_aliases, 2);
    bool plain = false, accented = false;
    for (size_t i = 0; i < 2; i++) {
        plain |= !strcmp(ac[0].aliases[i], "Kim");
        accented |= !strcmp(ac[0].aliases[i], "K\xc3\xadm");
    }
    assert_true(plain && accented);
    sl_quote *q;
    size_t total;
    assert_int_equal(st_story_quotes(db, &m, ac, n, 2, &a, &q, &n, &total, &err), SL_OK);
    assert_int_equal(n, 2);
    assert_int_equal(total, 4);
    assert_string_equal(q[0].text, "said in a2");   /* a5, the newest, has none */
    assert_string_equal(q[1].text, "said in a3");   /* undated */
    assert_string_equal(q[0].speaker, "Kim Jong Un");
    assert_int_equal(st_story_quotes(db, &m, ac, 1, 0, &a, &q, &n, &total, &err), SL_OK);
    assert_int_equal(n, 4);
    const char *all[] = {"said in a1", "said in a4", "said in a2", "said in a3"};
    for (size_t i = 0; i < 4; i++) assert_string_equal(q[i].text, all[i]);
    arena_reset(&a);
    st_close(db);
}

/* A time expression is stored with the day and granularity the analysis
 * gave it (engine/test_ingest.c: times_carry_the_day_they_place); one
 * without a day, or of granularity 3, is stored with none. */
static void times_keep_the_day_they_place(void **st)
{
    (void)st;
    st_db *db = story_db("times.db");
    err_slot err;
    put_article(db, "t1", 1, 1);
    int32_t jun14 = day_from_ymd(2018, 6, 14), jun15 = day_from_ymd(2018, 6, 15);
    sl_time t[] = {
        {"June 14", "2018-06-14", "On June 14 they met.", 3, 10, "DATE", jun14, 0},
        {"Friday morning", "2018-06-15TMO", "Friday morning they left.", 0, 14, "TIME", jun15, 0},
        {"three weeks", "P3W", "It took three weeks.", 8, 19, "DURATION", SL_NO_DATE, 3},
        {"every Monday", "XXXX-WXX-1", "They meet every Monday.", 10, 22, "SET", SL_NO_DATE, 3},
        {"now", "PRESENT_REF", "They are now here.", 9, 12, "DATE", SL_NO_DATE, 3},
        {"soon", NULL, "It ends soon.", 8, 12, "DATE", jun15, 3},   /* granularity 3 wins: no day */
        {"June", "2018-06", "In June they met.", 3, 7, "DATE", day_from_ymd(2018, 6, 1), 1},
    };
    sl_analysis f = {.times = t, .n_times = 7};
    assert_int_equal(st_facts_put(db, 1, &f, &err), SL_OK);
    assert_int_equal(st_commit(db, &err), SL_OK);
    st_close(db);
    char path[128];
    snprintf(path, sizeof path, "%s/times.db", tmp);
    assert_int_equal(count_in(path, "SELECT count(*) FROM times WHERE granularity = 0 AND day IS NOT NULL"), 2);
    assert_int_equal(count_in(path, "SELECT day FROM times WHERE text = 'Friday morning'"),
                     day_from_ymd(2018, 6, 15));
    assert_int_equal(count_in(path, "SELECT count(*) FROM times WHERE granularity = 3 AND day IS NULL"), 4);
    assert_int_equal(count_in(path, "SELECT day FROM times WHERE text = 'June' AND granularity = 1"),
                     day_from_ymd(2018, 6, 1));
}

/* An actor's roles and aliases are stored as JSON lists, quotes and
 * control characters escaped; a string that is not UTF-8 is left out of
 * its list, wherever it stands. */
static void roles_and_aliases_are_json_lists(void **st)
{
    (void)st;
    st_db *db = story_db("actors.db");
    err_slot err;
    put_article(db, "a1", 1, 1);
    const char *roles[] = {"Sen.", "chair of \"the\" panel\n"};
    const char *aliases[] = {"\xff", "Kim", "bad\xc3", "K\xc3\xadm", "\xc0\x80"};
    const char *none[] = {"\xff"};
    sl_actor x[] = {{"Kim Jong Un", "person", "kim jong un", roles, 2, aliases, 5, 3, 1},
                    {"Moon", "person", "moon", none, 1, NULL, 0, 1, 0}};
    sl_analysis f = {.actors = x, .n_actors = 2};
    assert_int_equal(st_facts_put(db, 1, &f, &err), SL_OK);
    assert_int_equal(st_commit(db, &err), SL_OK);
    st_close(db);
    char path[128];
    snprintf(path, sizeof path, "%s/actors.db", tmp);
    assert_int_equal(count_in(path, "SELECT count(*) FROM actors WHERE roles = '[\"Sen.\",\"chair of \\\"the\\\" "
                                    "panel\\n\"]' AND aliases = '[\"Kim\",\"K\xc3\xadm\"]'"), 1);
    assert_int_equal(count_in(path, "SELECT count(*) FROM actors WHERE roles = '[]' AND aliases = '[]'"), 1);
    assert_int_equal(count_in(path, "SELECT count(*) FROM actors WHERE sure = 1 AND key = 'kim jong un'"), 1);
    assert_int_equal(count_in(path, "SELECT count(*) FROM actors WHERE sure = 0 AND key = 'moon'"), 1);
}

/* A file of schema 3 (no application_id, the version in its meta table,
 * an index on actors(key), no stated or removed column) is brought up to
 * the current schema in place: nothing stored is lost. */
static void an_older_file_is_brought_forward(void **st)
{
    (void)st;
    char path[128];
    snprintf(path, sizeof path, "%s/k.db", tmp);
    st_db *db;
    err_slot err;
    older_file("k.db", "old1", "CREATE INDEX actors_key ON actors(key);"
                             "ALTER TABLE clusters DROP COLUMN stated;"
                             "ALTER TABLE articles DROP COLUMN removed;"
                             "ALTER TABLE quotes DROP COLUMN speaker_text;"
                             "UPDATE meta SET value = '3' WHERE key = 'schema';"
                             "PRAGMA application_id = 0; PRAGMA user_version = 0;");
    /* a reader takes it as it is */
    assert_int_equal(st_open(path, ST_READ, &db, &err), SL_OK);
    st_close(db);
    assert_int_equal(count_in(path, "PRAGMA application_id"), 0);
    /* a writer brings it forward */
    assert_int_equal(st_open(path, ST_WRITE, &db, &err), SL_OK);
    st_close(db);
    assert_int_equal(count_in(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'actors_key'"), 0);
    assert_int_equal(count_in(path, "PRAGMA application_id"), 0x53544c4e);
    assert_int_equal(count_in(path, "PRAGMA user_version"), ST_SCHEMA);
    assert_int_equal(count_in(path, "SELECT count(*) FROM pragma_table_info('clusters') WHERE name = 'stated'"), 1);
    assert_int_equal(count_in(path, "SELECT count(*) FROM articles WHERE id = 'old1'"), 1);
    assert_int_equal(count_in(path, "SELECT count(*) FROM pragma_table_info('articles') WHERE name = 'removed'"), 1);
}

static int removed_of(const sl_article_row *a, void *ctx)
{
    *(const char **)ctx = a->removed ? "text" : "null";
    return 1;
}

/* A file of schema 4 (no removed column) is read as it is, its articles
 * with nothing known of what was removed, and a writer adds the column. */
static void a_schema_4_file_is_read_and_brought_forward(void **st)
{
    (void)st;
    char path[128];
    snprintf(path, sizeof path, "%s/s4.db", tmp);
    st_db *db;
    err_slot err;
    older_file("s4.db", "four1", "ALTER TABLE articles DROP COLUMN removed; ALTER TABLE quotes DROP COLUMN speaker_text;"
                                 " PRAGMA user_version = 4;");
    const char *seen = NULL;
    assert_int_equal(st_open(path, ST_READ, &db, &err), SL_OK);
    assert_int_equal(st_article_get(db, "four1", removed_of, &seen, &err), SL_OK);
    assert_string_equal(seen, "null");
    st_close(db);
    assert_int_equal(st_open(path, ST_WRITE, &db, &err), SL_OK);
    seen = NULL;
    assert_int_equal(st_article_get(db, "four1", removed_of, &seen, &err), SL_OK);
    assert_string_equal(seen, "null");   /* stored before: not known */
    st_close(db);
    assert_int_equal(count_in(path, "PRAGMA user_version"), ST_SCHEMA);
    assert_int_equal(count_in(path, "SELECT count(*) FROM pragma_table_info('articles') WHERE name = 'removed'"), 1);
}

/* A file of schema 6 keeps no speaker words with its quotes: a reader
 * reads them as unknown, a writer adds the column and fills it from then on. */
static void a_schema_6_file_reads_quotes_without_speaker_words(void **st)
{
    (void)st;
    char path[128];
    snprintf(path, sizeof path, "%s/s6.db", tmp);
    st_db *db;
    err_slot err;
    older_file("s6.db", "six1", "ALTER TABLE quotes DROP COLUMN speaker_text;"
                                "INSERT INTO quotes (article, speaker, speaker_key, text, kind, start, end)"
                                " SELECT row, 'Kim', 'kim', 'We will talk', 'direct', 1, 5 FROM articles;"
                                "PRAGMA user_version = 6;");
    arena a;
    arena_init(&a);
    st_members_of m = {CL_STORYLINE, 1, NULL};
    sl_quote *q;
    size_t n, total;
    for (int w = 0; w < 2; w++) {
        assert_int_equal(st_open(path, w ? ST_WRITE : ST_READ, &db, &err), SL_OK);
        for (size_t limit = 0; limit < 2; limit++) {   /* all of them, and the newest */
            assert_int_equal(st_story_quotes(db, &m, NULL, 0, limit, &a, &q, &n, &total, &err), SL_OK);
            assert_int_equal(n, 1);
            assert_string_equal(q[0].text, "We will talk");
            assert_null(q[0].speaker_text);
        }
        st_close(db);
    }
    assert_int_equal(count_in(path, "PRAGMA user_version"), ST_SCHEMA);
    assert_int_equal(count_in(path, "SELECT count(*) FROM pragma_table_info('quotes') WHERE name = 'speaker_text'"), 1);
    arena_reset(&a);
}

/* A file of schema 7 placed a week on its Monday (granularity 0): a writer
 * brings it forward to a period (1), which a timeline of days leaves out,
 * and leaves days, months and other values as they are. */
static void a_schema_7_file_keeps_weeks_off_the_timeline(void **st)
{
    (void)st;
    char path[128];
    snprintf(path, sizeof path, "%s/s7.db", tmp);
    st_db *db;
    err_slot err;
    older_file("s7.db", "seven1", "INSERT INTO times (article, text, value, day, granularity, start, end, sentence, position)"
                                  " SELECT row, 'next week', '2025-W43', 20381, 0, 1, 2, 'Cuts end next week.', 1 FROM articles;"
                                  "INSERT INTO times (article, text, value, day, granularity, start, end, sentence, position)"
                                  " SELECT row, 'the weekend', '2025-W42-WE', 20379, 0, 1, 2, 'Rain fell at the weekend.', 2"
                                  " FROM articles;"
                                  "INSERT INTO times (article, text, value, day, granularity, start, end, sentence, position)"
                                  " SELECT row, 'Tuesday', '2025-10-14', 20375, 0, 1, 2, 'The board met on Tuesday.', 3"
                                  " FROM articles;"
                                  "PRAGMA user_version = 7;");
    assert_int_equal(st_open(path, ST_WRITE, &db, &err), SL_OK);
    st_close(db);
    assert_int_equal(count_in(path, "PRAGMA user_version"), ST_SCHEMA);
    assert_int_equal(count_in(path, "SELECT count(*) FROM times WHERE granularity = 1 AND value GLOB '*-W*'"), 2);
    assert_int_equal(count_in(path, "SELECT count(*) FROM times WHERE granularity = 0 AND value = '2025-10-14'"), 1);
}

/* A file of schema 10 marks no actor's type as read: a reader takes every
 * row as guessed (the majority types the actor), and a writer adds the
 * column, its old rows still guessed. */
static void a_schema_10_file_reads_actors_as_guessed(void **st)
{
    (void)st;
    char path[128];
    snprintf(path, sizeof path, "%s/s10.db", tmp);
    st_db *db;
    err_slot err;
    older_file("s10.db", "ten1", "INSERT INTO actors (article, key, name, type, roles, aliases, mentions)"
                                 " SELECT row, 'orvo', 'Orvo', 'place', '[]', '[]', 2 FROM articles;"
                                 "PRAGMA user_version = 10;");
    arena a;
    arena_init(&a);
    for (int w = 0; w < 2; w++) {
        assert_int_equal(st_open(path, w ? ST_WRITE : ST_READ, &db, &err), SL_OK);
        size_t n;
        sl_actor *ac = story_actors(db, &a, &n);
        assert_int_equal(n, 1);
        assert_string_equal(ac[0].type, "place");
        assert_false(ac[0].sure);
        st_close(db);
    }
    assert_int_equal(count_in(path, "PRAGMA user_version"), ST_SCHEMA);
    assert_int_equal(count_in(path, "SELECT count(*) FROM pragma_table_info('actors') WHERE name = 'sure'"), 1);
    assert_int_equal(count_in(path, "SELECT count(*) FROM actors WHERE sure IS NULL"), 1);
    assert_int_equal(count_in(path, "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'schema'"), ST_SCHEMA);
    arena_reset(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_schema_6_file_reads_quotes_without_speaker_words),
        cmocka_unit_test(a_schema_7_file_keeps_weeks_off_the_timeline),
        cmocka_unit_test(a_schema_10_file_reads_actors_as_guessed),
        cmocka_unit_test(the_text_index_is_merged_as_the_archive_doubles),
        cmocka_unit_test(merged_ids_keep_resolving),
        cmocka_unit_test(lookups_leave_the_wal_free_to_checkpoint),
        cmocka_unit_test(the_wal_is_checkpointed_as_it_grows),
        cmocka_unit_test(an_older_file_is_brought_forward),
        cmocka_unit_test(a_search_ranks_in_the_newest_window_that_holds_enough),
        cmocka_unit_test(a_snippet_shows_where_the_words_are),
        cmocka_unit_test(events_are_counted_as_they_move),
        cmocka_unit_test(a_schema_5_file_gets_its_events_counted),
        cmocka_unit_test(a_search_orders_ties_newest_first_with_snippets),
        cmocka_unit_test(a_search_ranks_titles_counts_and_lengths),
        cmocka_unit_test(a_schema_4_file_is_read_and_brought_forward),
        cmocka_unit_test(a_story_caps_its_actors_and_quotes),
        cmocka_unit_test(a_story_merges_lists_and_cuts_quotes_newest_first),
        cmocka_unit_test(a_story_actor_takes_the_type_of_its_surest_mentions),
        cmocka_unit_test(times_keep_the_day_they_place),
        cmocka_unit_test(roles_and_aliases_are_json_lists),
    };
    return cmocka_run_group_tests_name("store", tests, setup, teardown);
}
