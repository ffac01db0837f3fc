/* test_ingest.c: the whole pipeline through the library API, on the seeds
 * (read from ../shared/seeds, never copied) and on small inputs made here. */
#include "testutil.h"
#include "storyline.h"

#include <unistd.h>

static char tmp[64];

typedef struct { char id[64], event[16], storyline[16], dup[64]; } row;
typedef struct { row r[64]; int n; } rows;

static int collect(const sl_article_row *a, void *ctx)
{
    rows *rs = ctx;
    row *r = &rs->r[rs->n++];
    snprintf(r->id, sizeof r->id, "%s", a->id);
    snprintf(r->event, sizeof r->event, "%s", a->event);
    snprintf(r->storyline, sizeof r->storyline, "%s", a->storyline);
    snprintf(r->dup, sizeof r->dup, "%s", a->duplicate_of ? a->duplicate_of : "");
    return 0;
}

static const row *by_prefix(const rows *rs, const char *prefix)
{
    for (int i = 0; i < rs->n; i++)
        if (!strncmp(rs->r[i].id, prefix, strlen(prefix))) return &rs->r[i];
    fail_msg("no article %s", prefix);
    return NULL;
}

static void quiet(const char *msg, void *ctx) { (*(int *)ctx)++; (void)msg; }

static sl_engine *open_fresh(const char *name, int *warnings)
{
    char db[128];
    snprintf(db, sizeof db, "%s/%s", tmp, name);
    unlink(db);
    sl_engine *e;
    assert_int_equal(sl_open(&e, db), SL_OK);
    if (warnings) sl_set_warn(e, quiet, warnings);
    return e;
}

static void seeds_path(char *out, size_t n, const char *file)
{
    snprintf(out, n, "%s/seeds/%s", shared_dir(), file);
}

TMPDIR_GROUP(tmp, "/tmp/sl-ingest-XXXXXX")

static void seeds_form_one_storyline_with_the_june_event(void **st)
{
    (void)st;
    sl_engine *e = open_fresh("seeds.db", NULL);
    char p[256];
    seeds_path(p, sizeof p, "published.tsv");
    assert_int_equal(sl_load_manifest(e, p), SL_OK);
    seeds_path(p, sizeof p, "");
    sl_ingest_stats s = {0};
    assert_int_equal(sl_ingest_path(e, p, &s), SL_OK);
    assert_int_equal(s.stored, 5);
    assert_int_equal(s.duplicates, 0);
    rows rs = {.n = 0};
    assert_int_equal(sl_articles_each(e, collect, &rs), SL_OK);
    assert_int_equal(rs.n, 5);
    const row *a0 = by_prefix(&rs, "000_"), *a1 = by_prefix(&rs, "001_"), *a3 = by_prefix(&rs, "003_"),
              *a4 = by_prefix(&rs, "004_"), *a2 = by_prefix(&rs, "002_");
    assert_string_equal(a0->event, a1->event);
    assert_string_equal(a0->event, a4->event);
    assert_string_not_equal(a3->event, a0->event);
    assert_string_not_equal(a3->event, a2->event);
    for (int i = 0; i < 5; i++) {
        assert_string_equal(rs.r[i].storyline, a0->storyline);
        assert_string_equal(rs.r[i].dup, "");
    }
    /* Ingesting the same articles again changes nothing. */
    sl_ingest_stats s2 = {0};
    assert_int_equal(sl_ingest_path(e, p, &s2), SL_OK);
    assert_int_equal(s2.stored, 0);
    assert_int_equal(s2.skipped_known, 5);
    /* The event of the June talks reads as one story. */
    sl_story *story;
    assert_int_equal(sl_story_get(e, a0->event, &story), SL_OK);
    assert_string_equal(story->kind, "event");
    assert_int_equal(story->n_articles, 3);
    assert_true(story->n_summary >= 1);
    assert_non_null(story->headline);
    assert_string_equal(story->first, "2018-06-14");
    assert_string_equal(story->last, "2018-06-15");
    sl_story_free(story);
    assert_int_equal(sl_story_get(e, a0->storyline, &story), SL_OK);
    assert_string_equal(story->kind, "storyline");
    assert_int_equal(story->n_articles, 5);
    assert_string_equal(story->last, "2025-12-07");
    assert_true(story->n_events >= 2);
    sl_story_free(story);
    assert_int_equal(sl_story_get(e, "e999", &story), SL_ENOTFOUND);
    assert_int_equal(sl_story_get(e, "x1", &story), SL_ENOTFOUND);
    sl_close(e);
}

/* A syndicated copy: the body of seed 000 (its first eleven lines) under
 * another outlet's title and boilerplate. */
static void write_copy_of_000(const char *path)
{
    char src[256];
    seeds_path(src, sizeof src, "000_9377510d9d5253c6.txt");
    char *text = slurp(src, NULL);
    assert_non_null(text);
    char *end = text;
    for (int i = 0; i < 11 && end; i++) end = strchr(end, '\n') ? strchr(end, '\n') + 1 : NULL;
    assert_non_null(end);
    FILE *f = fopen(path, "w");
    fputs("Daily Planet Online | World | Asia | Opinion\n\n"
          "Allies weigh halt to summer war games after summit\n\n", f);
    fwrite(text, 1, (size_t)(end - text), f);
    fputs("\nPhoto: A soldier stands guard at the border. (Reuters/File)\n"
          "Related: Markets slip as oil climbs\nRelated: Ten best beaches for winter\n"
          "Sign up for our newsletter. Only $1 for 6 months.\n"
          "\xC2\xA9 2018 Daily Planet. All rights reserved.\n", f);
    fclose(f);
    free(text);
}

static void syndicated_copy_is_marked_and_counted(void **st)
{
    (void)st;
    sl_engine *e = open_fresh("copy.db", NULL);
    char p[256], copy[128];
    seeds_path(p, sizeof p, "published.tsv");
    assert_int_equal(sl_load_manifest(e, p), SL_OK);
    seeds_path(p, sizeof p, "");
    sl_ingest_stats s = {0};
    assert_int_equal(sl_ingest_path(e, p, &s), SL_OK);
    snprintf(copy, sizeof copy, "%s/planet-copy.txt", tmp);
    write_copy_of_000(copy);
    assert_int_equal(sl_ingest_path(e, copy, &s), SL_OK);
    assert_int_equal(s.stored, 6);
    assert_int_equal(s.duplicates, 1);
    rows rs = {.n = 0};
    sl_articles_each(e, collect, &rs);
    const row *c = by_prefix(&rs, "planet-copy"), *o = by_prefix(&rs, "000_");
    assert_string_equal(c->dup, o->id);
    assert_string_equal(c->event, o->event);
    for (int i = 0; i < rs.n; i++) if (&rs.r[i] != c) assert_string_equal(rs.r[i].dup, "");
    sl_close(e);
}

static void without_manifest_every_article_is_placed(void **st)
{
    (void)st;
    sl_engine *e = open_fresh("nodates.db", NULL);
    char p[256];
    seeds_path(p, sizeof p, "");
    sl_ingest_stats s = {0};
    assert_int_equal(sl_ingest_path(e, p, &s), SL_OK);
    assert_int_equal(s.stored, 5);
    rows rs = {.n = 0};
    sl_articles_each(e, collect, &rs);
    assert_int_equal(rs.n, 5);
    for (int i = 0; i < 5; i++) {
        assert_true(rs.r[i].event[0] == 'e' && rs.r[i].event[1] != '0');
        assert_true(rs.r[i].storyline[0] == 's' && rs.r[i].storyline[1] != '0');
    }
    sl_close(e);
}

static void bad_records_are_reported_and_skipped(void **st)
{
    (void)st;
    int warnings = 0;
    sl_engine *e = open_fresh("bad.db", &warnings);
    char p[128];
    snprintf(p, sizeof p, "%s/mixed.jsonl", tmp);
    FILE *f = fopen(p, "w");
    fputs("{\"id\": \"ok1\", \"title\": \"Dam opens\", \"published\": \"2024-01-02\", \"text\": \"The new dam on the river opened on Tuesday, officials said.\"}\n"
          "{\"id\": \"broken\", \"text\": \n"
          "{\"id\": \"empty\", \"text\": \"   \"}\n"
          "{\"id\": \"ok2\", \"published\": \"not a date\", \"text\": \"Engineers inspected the river dam before it opened, the ministry said.\"}\n", f);
    fclose(f);
    sl_ingest_stats s = {0};
    assert_int_equal(sl_ingest_path(e, p, &s), SL_OK);
    assert_int_equal(s.read, 4);
    assert_int_equal(s.stored, 2);
    assert_int_equal(s.skipped_bad, 2);
    assert_int_equal(s.bad_dates, 1);   /* "not a date": reported, ok2 stored without it */
    assert_int_equal(warnings, 3);
    sl_close(e);
    /* Nothing stored is lost: a new engine on the same file sees both. */
    snprintf(p, sizeof p, "%s/bad.db", tmp);
    assert_int_equal(sl_open(&e, p), SL_OK);
    rows rs = {.n = 0};
    sl_articles_each(e, collect, &rs);
    assert_int_equal(rs.n, 2);
    sl_close(e);
}

/* Every stored article as "id event storyline copy-of" lines. */
static int append_row(const sl_article_row *a, void *ctx)
{
    FILE *f = ctx;
    fprintf(f, "%s %s %s %s\n", a->id, a->event, a->storyline, a->duplicate_of ? a->duplicate_of : "-");
    return 0;
}

static char *listing(sl_engine *e)
{
    char *out = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&out, &n);
    assert_int_equal(sl_articles_each(e, append_row, f), SL_OK);
    fclose(f);
    return out;
}

/* The events and storylines of the stored articles, each once. */
typedef struct { char ids[4096][16]; size_t n; } cluster_ids;

static int add_clusters(const sl_article_row *a, void *ctx)
{
    cluster_ids *c = ctx;
    const char *both[2] = {a->event, a->storyline};
    for (int k = 0; k < 2; k++) {
        int seen = 0;
        for (size_t i = 0; i < c->n && !seen; i++) seen = !strcmp(c->ids[i], both[k]);
        if (!seen && c->n < 4096) snprintf(c->ids[c->n++], sizeof c->ids[0], "%s", both[k]);
    }
    return 0;
}

/* Every event's and storyline's headline and summary; *clusters and
 * *summarized: how many there are, and how many have a headline. */
static char *summaries(sl_engine *e, size_t *clusters, size_t *summarized)
{
    static cluster_ids c;
    c.n = 0;
    assert_int_equal(sl_articles_each(e, add_clusters, &c), SL_OK);
    char *out = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&out, &n);
    *summarized = 0;
    for (size_t i = 0; i < c.n; i++) {
        sl_story *story;
        assert_int_equal(sl_story_get(e, c.ids[i], &story), SL_OK);
        fprintf(f, "%s %s\n", story->id, story->headline ? story->headline : "-");
        for (size_t k = 0; k < story->n_summary; k++) fprintf(f, "  %s\n", story->summary[k]);
        *summarized += story->headline && *story->headline;
        sl_story_free(story);
    }
    fclose(f);
    *clusters = c.n;
    return out;
}

/* A stream of 3,700 records (more batches than the workers may prepare
 * ahead, EG_AHEAD, and the filling one: the batches ahead fill up, and the
 * oldest is stored while the others are prepared), on 40 subjects, with
 * empty records, repeated ids while the first copy is still in flight (in
 * the filling batch's predecessor, in the middle of the batches ahead) or
 * already stored, and copies. */
static void write_stream(const char *path)
{
    static const char *const place[] = {"Harbin", "Lagos", "Quito", "Perth", "Tromso", "Fez", "Davao", "Cork"};
    static const char *const what[] = {"flood", "strike", "election", "fire", "trial"};
    FILE *f = fopen(path, "w");
    for (int i = 0; i < 3700; i++) {
        int subject = i % 40, day = 1 + (i / 40) % 28;
        const char *pl = place[subject % 8], *wh = what[subject % 5];
        if (i % 97 == 5) {
            fprintf(f, "{\"id\": \"r%d\", \"text\": \"  \"}\n", i);
            continue;
        }
        /* r100 is still in flight at 600, r1800 (the fourth batch) at
         * 3000 with threads; r50 is stored by then */
        int id = i == 600 ? 100 : i == 3000 ? 1800 : i == 3001 ? 50 : i;
        int body = i % 50 == 7 ? i - 40 : i;   /* a copy of the same subject's last record */
        fprintf(f, "{\"id\": \"r%d\", \"published\": \"2021-03-%02d\", \"title\": \"The %s in %s\", "
                "\"text\": \"The %s in %s (subject %d) went on for a day, officials in %s said on Monday. "
                "Residents described the %s as the worst in years, and the regional council met to discuss it. "
                "Report number %d added that crews from %s and nearby towns worked through the night.\"}\n",
                id, day, wh, pl, wh, pl, subject, pl, wh, body, pl);
    }
    fclose(f);
}

static void threads_store_what_one_thread_stores(void **st)
{
    (void)st;
    char p[128];
    snprintf(p, sizeof p, "%s/stream.jsonl", tmp);
    write_stream(p);
    char *out[2], *sums[2];
    size_t clusters[2], summarized[2];
    sl_ingest_stats s[2];
    int warnings[2] = {0, 0};
    const int jobs[2] = {1, 3};
    for (int k = 0; k < 2; k++) {
        sl_engine *e = open_fresh(k ? "jobs3.db" : "jobs1.db", &warnings[k]);
        assert_int_equal(sl_set_jobs(e, jobs[k]), SL_OK);
        memset(&s[k], 0, sizeof s[k]);
        assert_int_equal(sl_ingest_path(e, p, &s[k]), SL_OK);
        assert_int_equal(sl_set_jobs(e, 2), SL_OK);   /* allowed again once all is stored */
        out[k] = listing(e);
        sums[k] = summaries(e, &clusters[k], &summarized[k]);
        sl_close(e);
    }
    assert_int_equal(summarized[0], clusters[0]);
    assert_int_equal(clusters[1], clusters[0]);
    assert_string_equal(sums[0], sums[1]);
    free(sums[0]);
    free(sums[1]);
    assert_int_equal(s[0].read, 3700);
    assert_int_equal(s[0].skipped_bad, 39);      /* i % 97 == 5 */
    assert_int_equal(s[0].skipped_known, 3);     /* r100, r1800, r50 again */
    assert_int_equal(s[0].stored, 3700 - 39 - 3);
    assert_true(s[0].duplicates >= 60);
    assert_int_equal(warnings[0], 39);
    assert_int_equal(warnings[1], warnings[0]);
    assert_memory_equal(&s[0], &s[1], sizeof s[0]);
    assert_string_equal(out[0], out[1]);
    free(out[0]);
    free(out[1]);
}

/* Summaries are made by all the threads, a chunk of clusters at a time
 * (engine/summarize.c): 150 subjects of invented names, two reports each,
 * make more clusters than one chunk holds; each gets the headline and
 * summary one thread gives it. */
static void threads_summarize_what_one_thread_summarizes(void **st)
{
    (void)st;
    static const char *const syl[] = {"ba", "ko", "ri", "mu", "te", "sa", "vo", "li", "ne", "zu"};
    static const char *const what[] = {"flood", "strike", "election", "fire", "trial", "storm"};
    char p[128];
    snprintf(p, sizeof p, "%s/subjects.jsonl", tmp);
    FILE *f = fopen(p, "w");
    for (int i = 0; i < 300; i++) {
        int k = i % 150;
        char town[16], chief[16];
        snprintf(town, sizeof town, "%c%s%s%s", 'A' + k % 26, syl[k % 10], syl[k / 10 % 10], syl[k / 100 % 10]);
        snprintf(chief, sizeof chief, "%c%s%s", 'A' + (k * 7) % 26, syl[k / 10 % 10], syl[k % 10]);
        fprintf(f, "{\"id\": \"t%d\", \"published\": \"2022-%02d-%02d\", \"title\": \"The %s in %s\", "
                "\"text\": \"The %s in %s lasted %d days, mayor %s said. %s said crews from %s worked "
                "through the night. Report %d: the %s council of %s will meet on Friday.\"}\n",
                i, 1 + k % 12, 1 + k % 28, what[k % 6], town, what[k % 6], town, 2 + i % 5, chief, chief, town, i,
                town, town);
    }
    fclose(f);
    char *sums[2];
    size_t clusters[2], summarized[2];
    const int jobs[2] = {1, 3};
    for (int k = 0; k < 2; k++) {
        sl_engine *e = open_fresh(k ? "sum3.db" : "sum1.db", NULL);
        assert_int_equal(sl_set_jobs(e, jobs[k]), SL_OK);
        sl_ingest_stats s = {0};
        assert_int_equal(sl_ingest_path(e, p, &s), SL_OK);
        sums[k] = summaries(e, &clusters[k], &summarized[k]);
        sl_close(e);
    }
    assert_true(clusters[0] > 2 * 64);
    assert_int_equal(summarized[0], clusters[0]);
    assert_int_equal(clusters[1], clusters[0]);
    assert_string_equal(sums[0], sums[1]);
    free(sums[0]);
    free(sums[1]);
}

/* Two reports of one death, without dates of their own: each names only
 * the dates of a life, decades apart. Those days are stored, but they are
 * too weak to keep the reports in two events. */
static void days_read_from_a_life_do_not_split_an_event(void **st)
{
    (void)st;
    char p[128];
    snprintf(p, sizeof p, "%s/obits.jsonl", tmp);
    FILE *f = fopen(p, "w");
    fprintf(f, "{\"id\": \"o1\", \"title\": \"Harlan Voss, the informant of the Crale affair, dies at 95\", "
               "\"text\": \"Harlan Voss, the bureau official who became the hidden informant of the Crale affair, "
               "died on Thursday at his home. He was 95. Voss was born on March 4, 1913. His family said the "
               "informant of the Crale affair died in his sleep after a long illness.\"}\n");
    fprintf(f, "{\"id\": \"o2\", \"title\": \"Crale affair informant Harlan Voss dies at 95\", "
               "\"text\": \"Harlan Voss, the hidden informant of the Crale affair who helped end a presidency, "
               "died on Thursday, his family said. He was 95. The affair forced the resignation on August 9, "
               "1974. Voss died in his sleep at his home after a long illness.\"}\n");
    fclose(f);
    sl_engine *e = open_fresh("obits.db", NULL);
    sl_ingest_stats s = {0};
    assert_int_equal(sl_ingest_path(e, p, &s), SL_OK);
    rows rs = {.n = 0};
    sl_articles_each(e, collect, &rs);
    assert_int_equal(rs.n, 2);
    assert_string_equal(by_prefix(&rs, "o1")->event, by_prefix(&rs, "o2")->event);
    sl_close(e);
}

static void jobs_are_set_before_ingesting(void **st)
{
    (void)st;
    sl_engine *e = open_fresh("jobs.db", NULL);
    sl_page page = {.input = "t", .id = "a1", .body = "The dam on the river opened on Tuesday, officials said.",
                    .format = SL_FORMAT_TEXT};
    page.body_len = strlen(page.body);
    sl_ingest_stats s = {0};
    assert_int_equal(sl_ingest_page(e, &page, &s), SL_OK);
    assert_int_not_equal(sl_set_jobs(e, 2), SL_OK);   /* a page is in flight */
    assert_int_equal(sl_ingest_flush(e, &s), SL_OK);
    assert_int_equal(sl_set_jobs(e, 2), SL_OK);
    assert_int_equal(s.stored, 1);
    sl_close(e);
}

/* The day and granularity a time expression places on a timeline, as the
 * analysis hands them to the store: a date's, a week's Monday, a
 * season's first day at month granularity, a time of day's day; none for
 * a duration or a reference. */
static const sl_time *time_named(const sl_analysis *r, const char *text)
{
    for (size_t i = 0; i < r->n_times; i++)
        if (!strcmp(r->times[i].text, text)) return &r->times[i];
    fail_msg("no time expression '%s'", text);
    return NULL;
}

static void times_carry_the_day_they_place(void **st)
{
    (void)st;
    sl_engine *e;
    assert_int_equal(sl_open(&e, NULL), SL_OK);
    const char *text = "Officials met on June 14. They left Friday morning, after talks last week, and will meet "
                       "again this summer. The talks took three weeks and go on now.";
    sl_page page = {.input = "t", .id = "t1", .title = "Talks", .published = "2018-06-15", .body = text,
                    .body_len = strlen(text), .format = SL_FORMAT_TEXT};
    const sl_analysis *r;
    assert_int_equal(sl_analyze_page(e, &page, 1, &r), SL_OK);
    const sl_time *t = time_named(r, "June 14");
    assert_int_equal(t->day, 17696);   /* 2018-06-14 */
    assert_int_equal(t->granularity, 0);
    t = time_named(r, "Friday morning");
    assert_int_equal(t->day, 17697);
    assert_int_equal(t->granularity, 0);
    t = time_named(r, "last week");
    assert_int_equal(t->day, 17686);   /* Monday 2018-06-04, the start of a period */
    assert_int_equal(t->granularity, 1);
    t = time_named(r, "this summer");
    assert_int_equal(t->day, 17683);   /* 2018-06-01 */
    assert_int_equal(t->granularity, 1);
    t = time_named(r, "three weeks");
    assert_int_equal(t->day, SL_NO_DATE);
    assert_int_equal(t->granularity, 3);
    t = time_named(r, "now");
    assert_int_equal(t->day, SL_NO_DATE);
    assert_int_equal(t->granularity, 3);
    sl_close(e);
}

/* An article's lead stands for its publication day on a timeline, unless
 * the lead names a day of its own: then it tells of that day. */
/* A plain-text page of this id, title, day and body. */
static sl_page text_page(const char *id, const char *title, const char *published, const char *body)
{
    return (sl_page){.input = "t", .id = id, .title = title, .published = published, .body = body,
                     .body_len = strlen(body), .format = SL_FORMAT_TEXT};
}

/* Ingest these pages, then the timeline of query with one sentence a date. */
static sl_timeline *ingest_then_timeline(sl_engine *e, const sl_page *pages, size_t n, const char *query)
{
    sl_ingest_stats s = {0};
    for (size_t i = 0; i < n; i++) assert_int_equal(sl_ingest_page(e, &pages[i], &s), SL_OK);
    assert_int_equal(sl_ingest_flush(e, &s), SL_OK);
    sl_timeline *t;
    assert_int_equal(sl_timeline_get(e, NULL, query, SL_TIMELINE_DATES, 1, &t), SL_OK);
    return t;
}

/* The timeline holds these days, oldest first, and no others; freed. */
static void expect_days(sl_timeline *t, const char *const *days, size_t n)
{
    assert_int_equal(t->n, n);
    for (size_t i = 0; i < n; i++) assert_string_equal(t->entries[i].date, days[i]);
    sl_timeline_free(t);
}

static void a_lead_with_a_date_of_its_own_stands_for_no_day(void **st)
{
    (void)st;
    sl_engine *e = open_fresh("leads.db", NULL);
    const sl_page mill[] = {
        text_page("mill-a", "Tarvo mill", "2024-03-05",
                  "In February, the Tarvo paper mill shut its doors for good after ninety years.\n\n"
                  "Workers of the Tarvo mill gathered at the gate with their families."),
        text_page("mill-b", "Tarvo march", "2024-03-06",
                  "Workers of the Tarvo paper mill marched through the town to the council.\n\n"
                  "The union asked the council to buy the Tarvo mill site.")};
    sl_timeline *t = ingest_then_timeline(e, mill, 2, "Tarvo");
    assert_true(t->n >= 1);
    assert_string_equal(t->entries[0].article, "mill-b");
    expect_days(t, (const char *const[]){"2024-03-06"}, 1);
    /* a lead written with characters of several bytes still ends where it
     * ends: the day named after it is not the lead's (times count
     * characters) */
    const sl_page dam = text_page("dam-d", "Ostl\xC3\xA9 dam", "2024-03-08",
                                  "Caf\xC3\xA9 owners in Z\xC3\xBCrich \xE2\x80\x94 all of them \xE2\x80\x94 said the "
                                  "Ostl\xC3\xA9 dam \xE2\x80\x94 the old one \xE2\x80\x94 leaked.\n\n"
                                  "On Monday, engineers of the Ostl\xC3\xA9 dam closed its gates.");
    expect_days(ingest_then_timeline(e, &dam, 1, "dam"), (const char *const[]){"2024-03-04", "2024-03-08"}, 2);
    /* the day of a dateline dates no sentence: the lead after it stands
     * for its publication day, at half weight, like any other */
    const sl_page mayor = text_page("mill-c", "Tarvo mayor", "2024-03-07",
                                    "TARVO, March 7 (Coastline Wire) - In February, the Tarvo paper mill shut for "
                                    "good.\n\nWorkers of the Tarvo mill met the mayor on Thursday.");
    const sl_analysis *r;
    assert_int_equal(sl_analyze_page(e, &mayor, 1, &r), SL_OK);
    assert_true(r->n_times >= 2);
    assert_string_equal(r->times[0].text, "March 7");
    assert_null(r->times[0].sentence);
    assert_non_null(r->times[1].sentence);
    sl_close(e);
}

/* A week is no day: "this week" and "next week" put nothing on the Monday
 * they start with (the demo's drowned village showed its bell tower "this
 * week", dated on the Monday). The weekday of the same article is a day. */
static void a_week_is_no_day_on_a_timeline(void **st)
{
    (void)st;
    sl_engine *e = open_fresh("weeks.db", NULL);
    const sl_page lake = text_page("lake-a", "Vesna lake", "2024-03-06",
                                   "Fishermen on Vesna lake pulled their boats ashore for the winter.\n\n"
                                   "This week, only the roof of the Vesna boathouse showed above the ice.\n\n"
                                   "The Vesna ferry will stop next week until the thaw.\n\n"
                                   "On Monday, the Vesna harbour master closed the pier.");
    sl_timeline *t = ingest_then_timeline(e, &lake, 1, "Vesna");
    for (size_t i = 0; i < t->n; i++) {
        assert_string_not_equal(t->entries[i].date, "2024-03-11");   /* next week's Monday */
        assert_null(strstr(t->entries[i].text, "This week"));
    }
    int monday = 0;   /* 2024-03-04: this week's Monday, and the pier's day */
    for (size_t i = 0; i < t->n; i++)
        if (!strcmp(t->entries[i].date, "2024-03-04")) monday = strstr(t->entries[i].text, "pier") != NULL;
    assert_true(monday);
    sl_timeline_free(t);
    sl_close(e);
}

static void a_file_that_is_not_a_database_is_refused(void **st)
{
    (void)st;
    char p[128];
    snprintf(p, sizeof p, "%s/not.db", tmp);
    FILE *f = fopen(p, "w");
    fputs("this is not SQLite, just text long enough to fill a header page........................\n", f);
    fclose(f);
    sl_engine *e;
    assert_int_equal(sl_open(&e, p), SL_EDB);
    assert_non_null(strstr(sl_errmsg(e), "not.db"));
    sl_close(e);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(seeds_form_one_storyline_with_the_june_event),
        cmocka_unit_test(a_lead_with_a_date_of_its_own_stands_for_no_day),
        cmocka_unit_test(a_week_is_no_day_on_a_timeline),
        cmocka_unit_test(syndicated_copy_is_marked_and_counted),
        cmocka_unit_test(without_manifest_every_article_is_placed),
        cmocka_unit_test(bad_records_are_reported_and_skipped),
        cmocka_unit_test(times_carry_the_day_they_place),
        cmocka_unit_test(a_file_that_is_not_a_database_is_refused),
        cmocka_unit_test(threads_store_what_one_thread_stores),
        cmocka_unit_test(threads_summarize_what_one_thread_summarizes),
        cmocka_unit_test(days_read_from_a_life_do_not_split_an_event),
        cmocka_unit_test(jobs_are_set_before_ingesting),
    };
    return cmocka_run_group_tests_name("engine", tests, setup, teardown);
}
