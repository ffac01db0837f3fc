/* test_online.c: events and storylines from hand-made documents. */
#include "testutil.h"
#include "cluster/cluster.h"
#include "cluster/cl_internal.h"   /* cl_model_builtin */

#include <math.h>

/* A document from a space-separated list of terms (each counted once). */
static void doc_of(const char *terms, arena *a, an_doc *d)
{
    memset(d, 0, sizeof *d);
    d->terms = arena_alloc(a, 64 * sizeof *d->terms);
    const char *p = terms;
    while (*p) {
        const char *e = strchr(p, ' ');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        d->terms[d->n_terms++] = (an_term){arena_strndup(a, p, n), (uint32_t)n,
                                           (uint8_t)(p[0] == 'n' && p[1] == ':'), 1.0f};
        p += n;
        while (*p == ' ') p++;
    }
}

static cl_placement place_at(cl_state *cl, const char *terms, int32_t day, bool inferred)
{
    arena a;
    arena_init(&a);
    an_doc d;
    cl_vec v;
    doc_of(terms, &a, &d);
    cl_vectorize(cl, &d, &a, &v);
    cl_placement p;
    cl_place(cl, &v, day, inferred, &p);
    arena_reset(&a);
    return p;
}

static cl_placement place(cl_state *cl, const char *terms, int32_t day)
{
    return place_at(cl, terms, day, false);
}

#define QUAKE "earthquak magnitud n:port_sorrel rescu collaps build tremor n:ana_vey"
#define QUAKE2 "earthquak magnitud n:port_sorrel rescu aftershock build tremor survivor"
#define BREACH "breach password n:lumora_pay custom hacker data regul leak"
#define FILLER(i) "filler" #i " word" #i " other" #i " thing" #i

/* Storylines never link: the events of a test stay in storylines of their own. */
#define NEVER "storyline\tbias\t-100\nstoryline_merge\tbias\t-100\n"

static void use_model(cl_state *cl, const char *text)
{
    char why[128];
    assert_true(cl_model_set(cl, text, strlen(text), why, sizeof why));
}

static void warm(cl_state *cl)
{
    /* Unrelated documents give the vocabulary realistic frequencies. */
    place(cl, FILLER(1), 100);
    place(cl, FILLER(2), 100);
    place(cl, FILLER(3), 100);
}

static void same_happening_same_event_other_subject_other_storyline(void **st)
{
    (void)st;
    cl_state *cl = cl_new();
    warm(cl);
    int32_t d0 = day_from_ymd(2024, 3, 1);
    cl_placement a = place(cl, QUAKE, d0);
    assert_true(a.new_event && a.new_storyline);
    cl_placement b = place(cl, QUAKE2, d0 + 1);
    assert_false(b.new_event);
    assert_int_equal(b.event, a.event);
    cl_placement c = place(cl, BREACH, d0 + 1);
    assert_true(c.new_event && c.new_storyline);
    assert_int_not_equal(c.storyline, a.storyline);
    /* Months later, the same subject: a new event in the old storyline. */
    cl_placement d = place(cl, QUAKE2 " anniversari memori", d0 + 120);
    assert_true(d.new_event);
    assert_false(d.new_storyline);
    assert_int_equal(d.storyline, a.storyline);
    /* No date: placed on content alone. */
    cl_placement e = place(cl, BREACH " fine", DAY_NONE);
    assert_int_equal(e.event, c.event);
    cl_free(cl);
}

/* Feature k (cl_feature) of the storyline comparison SL_DUMP writes
 * last for a document that opens an event. */
static double dumped_feature(cl_state *cl, const char *terms, int32_t day, int k)
{
    FILE *f = tmpfile();
    assert_non_null(f);
    cl_dump_to(cl, f);
    cl_dump_doc(cl, "d");
    cl_placement p = place(cl, terms, day);
    assert_true(p.new_event);
    cl_dump_to(cl, NULL);
    rewind(f);
    char line[1024];
    double x = -1;
    while (fgets(line, sizeof line, f)) {
        if (line[0] != 'S') continue;
        char *q = line;
        for (int col = 0; col < 2 + k; col++) {   /* S, document, storyline, then features from 1 */
            q = strchr(q, '\t');
            assert_non_null(q);
            q++;
        }
        x = strtod(q, NULL);
    }
    fclose(f);
    return x;
}

/* name_share: the share of a document's names the storyline holds,
 * however rare the names it adds. */
static void name_share_counts_the_names_a_storyline_holds(void **st)
{
    (void)st;
    cl_state *cl = cl_new();
    use_model(cl, NEVER);
    warm(cl);
    int32_t d0 = day_from_ymd(2024, 3, 1);
    place(cl, QUAKE, d0);   /* names n:port_sorrel, n:ana_vey */
    /* other words, one name of the two the storyline holds */
    assert_true(fabs(dumped_feature(cl, "flood levee river barrier n:port_sorrel", d0 + 200, CL_F_NAME_SHARE) - 1.0) < 1e-9);
    /* that name and a new one, counted alike however rare */
    assert_true(fabs(dumped_feature(cl, "flood levee river barrier n:port_sorrel n:kel_marrow", d0 + 400,
                                CL_F_NAME_SHARE) - 0.5) <
                1e-9);
    cl_free(cl);
}

/* core: the share of a document's length on the terms a storyline is most
 * about: a report months later in the storyline's own terms is all on it;
 * one that adds as many terms of another subject, about half. */
static void core_is_the_share_on_what_a_storyline_is_most_about(void **st)
{
    (void)st;
    cl_state *cl = cl_new();
    use_model(cl, NEVER);
    warm(cl);
    int32_t d0 = day_from_ymd(2024, 3, 1);
    place(cl, QUAKE, d0);
    assert_true(fabs(dumped_feature(cl, "earthquak magnitud rescu tremor", d0 + 200, CL_F_CORE) - 1.0) < 1e-9);
    double half = dumped_feature(cl, "earthquak magnitud rescu tremor levee dam sluic barrag", d0 + 400, CL_F_CORE);
    assert_true(half > 0.2 && half < 0.8);
    cl_free(cl);
}

typedef struct { cl_row rows[64]; unsigned char blobs[64][4096]; int n; } saved;

static void save(const cl_row *r, void *ctx)
{
    saved *s = ctx;
    s->rows[s->n] = *r;
    memcpy(s->blobs[s->n], r->centroid, r->centroid_len);
    s->rows[s->n].centroid = s->blobs[s->n];
    s->n++;
}

typedef struct { char terms[64][64]; uint32_t ids[64], df[64]; int n; } vocab;

static void save_term(uint32_t id, const char *t, size_t len, uint32_t df, void *ctx)
{
    vocab *v = ctx;
    snprintf(v->terms[v->n], 64, "%.*s", (int)len, t);
    v->ids[v->n] = id;
    v->df[v->n++] = df;
}

typedef struct { int level[256]; uint32_t term[256], pos[256][64]; size_t n[256]; int k; } postings;

static void save_postings(cl_level level, uint32_t term, const uint32_t *pos, size_t n, void *ctx)
{
    postings *p = ctx;
    assert_true(p->k < 256 && n <= 64);
    p->level[p->k] = level;
    p->term[p->k] = term;
    memcpy(p->pos[p->k], pos, n * sizeof *pos);
    p->n[p->k++] = n;
}

/* What a store keeps (terms, clusters, posting lists, ids used) is all a
 * new state needs to go on as the old one would have. */
static void state_survives_a_save_and_load(void **st)
{
    (void)st;
    cl_state *cl = cl_new();
    warm(cl);
    int32_t d0 = day_from_ymd(2024, 3, 1);
    cl_placement a = place(cl, QUAKE, d0);
    place(cl, BREACH, d0);
    saved s = {.n = 0};
    vocab v = {.n = 0};
    static postings p;
    p.k = 0;
    cl_dirty(cl, save, &s);
    cl_vocab_dirty(cl, save_term, &v);
    cl_postings_dirty(cl, save_postings, &p);
    uint64_t n = cl_ndocs(cl);
    int64_t used[2] = {cl_ids_used(cl, CL_EVENT), cl_ids_used(cl, CL_STORYLINE)};
    cl_clean(cl, true);
    cl_vocab_clean(cl, true);
    saved none = {.n = 0};
    cl_dirty(cl, save, &none);
    assert_int_equal(none.n, 0);
    postings *nothing = calloc(1, sizeof *nothing);
    cl_postings_dirty(cl, save_postings, nothing);
    assert_int_equal(nothing->k, 0);
    free(nothing);
    assert_true(p.k > 0);
    cl_placement a2 = place(cl, QUAKE2, d0 + 2);
    cl_free(cl);
    assert_int_equal(s.n, 5 + 5);   /* 3 fillers and 2 subjects: 5 events, 5 storylines */

    cl_state *cl2 = cl_new();
    for (int i = 0; i < v.n; i++) cl_vocab_load(cl2, v.ids[i], v.terms[i], strlen(v.terms[i]), v.df[i]);
    cl_set_ndocs(cl2, n);
    for (int i = 0; i < s.n; i++) assert_null(cl_load(cl2, &s.rows[i]));
    cl_ids_reserve(cl2, CL_EVENT, used[0]);
    cl_ids_reserve(cl2, CL_STORYLINE, used[1]);
    for (int i = 0; i < p.k; i++) assert_null(cl_postings_load(cl2, p.level[i], p.term[i], p.pos[i], p.n[i]));
    cl_placement b = place(cl2, QUAKE2, d0 + 2);
    assert_false(b.new_event);
    assert_int_equal(b.event, a.event);
    assert_int_equal(b.storyline, a.storyline);
    assert_int_equal(b.event, a2.event);
    assert_true(b.event_score == a2.event_score);
    cl_placement c = place(cl2, "volcano ash n:mount_kera erupt", d0 + 2);
    assert_int_equal(c.event, 6);          /* ids continue after the loaded ones */
    cl_free(cl2);
}

/* The candidate index stored as its lists after one batch and as the log
 * of what the next batch posted: read back, lists then log, it is the
 * index that was kept in memory, list for list, and it places the next
 * document the same. */
static void postings_log_replays_to_the_same_index(void **st)
{
    (void)st;
    cl_state *cl = cl_new();
    warm(cl);
    int32_t d0 = day_from_ymd(2024, 3, 1);
    place(cl, QUAKE, d0);
    assert_true(cl_postings_snapshot_due(cl));   /* a new index: its lists */
    static postings lists, want, got;
    static saved rows1, rows2;
    static vocab v1, v2;
    lists.k = want.k = got.k = rows1.n = rows2.n = v1.n = v2.n = 0;
    cl_postings_dirty(cl, save_postings, &lists);
    cl_dirty(cl, save, &rows1);
    cl_vocab_dirty(cl, save_term, &v1);
    cl_clean(cl, true);
    cl_vocab_clean(cl, true);

    place(cl, BREACH, d0 + 1);
    place(cl, QUAKE2, d0 + 2);
    assert_false(cl_postings_snapshot_due(cl));   /* the log is shorter than the lists */
    static uint32_t logs[2][8192];
    size_t nlog[2];
    for (int level = 0; level < 2; level++) {
        const uint32_t *pairs;
        cl_postings_log(cl, (cl_level)level, &pairs, &nlog[level]);
        assert_true(nlog[level] > 0 && nlog[level] % 2 == 0 && nlog[level] <= 8192);
        memcpy(logs[level], pairs, nlog[level] * sizeof *pairs);
    }
    cl_dirty(cl, save, &rows2);
    cl_vocab_dirty(cl, save_term, &v2);
    cl_postings_dirty(cl, save_postings, &want);   /* every list changed since the lists were kept */
    cl_clean(cl, false);
    const uint32_t *none;
    size_t nnone;
    cl_postings_log(cl, CL_EVENT, &none, &nnone);
    assert_int_equal(nnone, 0);   /* the batch's log goes with it */
    uint64_t ndocs = cl_ndocs(cl);
    int64_t used[2] = {cl_ids_used(cl, CL_EVENT), cl_ids_used(cl, CL_STORYLINE)};

    /* the store's rows: the second batch's, else the first's */
    cl_state *cl2 = cl_new();
    for (int i = 0; i < v2.n; i++) cl_vocab_load(cl2, v2.ids[i], v2.terms[i], strlen(v2.terms[i]), v2.df[i]);
    for (int i = 0; i < v1.n; i++) {
        bool newer = false;
        for (int j = 0; j < v2.n; j++) newer = newer || v2.ids[j] == v1.ids[i];
        if (!newer) cl_vocab_load(cl2, v1.ids[i], v1.terms[i], strlen(v1.terms[i]), v1.df[i]);
    }
    cl_set_ndocs(cl2, ndocs);
    for (int i = 0; i < rows2.n; i++) assert_null(cl_load(cl2, &rows2.rows[i]));
    for (int i = 0; i < rows1.n; i++) {
        bool newer = false;
        for (int j = 0; j < rows2.n; j++)
            newer = newer || (rows2.rows[j].level == rows1.rows[i].level && rows2.rows[j].id == rows1.rows[i].id);
        if (!newer) assert_null(cl_load(cl2, &rows1.rows[i]));
    }
    cl_ids_reserve(cl2, CL_EVENT, used[0]);
    cl_ids_reserve(cl2, CL_STORYLINE, used[1]);
    for (int i = 0; i < lists.k; i++)
        assert_null(cl_postings_load(cl2, lists.level[i], lists.term[i], lists.pos[i], lists.n[i]));
    for (int level = 0; level < 2; level++) assert_null(cl_postings_replay(cl2, (cl_level)level, logs[level], nlog[level]));
    cl_postings_dirty(cl2, save_postings, &got);
    assert_int_equal(got.k, want.k);
    for (int i = 0; i < want.k; i++) {
        assert_int_equal(got.level[i], want.level[i]);
        assert_int_equal(got.term[i], want.term[i]);
        assert_int_equal(got.n[i], want.n[i]);
        assert_memory_equal(got.pos[i], want.pos[i], want.n[i] * sizeof *want.pos[i]);
    }
    cl_placement a = place(cl, QUAKE2, d0 + 3), b = place(cl2, QUAKE2, d0 + 3);
    assert_int_equal(b.event, a.event);
    assert_true(b.event_score == a.event_score);

    /* a log the store could not have written is refused, nothing taken in */
    uint32_t odd[3] = {0, 0, 0}, term[2] = {4000000000u, 0}, cluster[2] = {0, 4000000000u};
    assert_non_null(cl_postings_replay(cl2, CL_EVENT, odd, 3));
    assert_non_null(cl_postings_replay(cl2, CL_EVENT, term, 2));
    uint32_t mixed[4] = {0, 0, 0, 4000000000u};
    assert_non_null(cl_postings_replay(cl2, CL_STORYLINE, mixed, 4));
    assert_non_null(cl_postings_replay(cl2, CL_STORYLINE, cluster, 2));
    got.k = 0;
    cl_clean(cl2, true);
    assert_non_null(cl_postings_replay(cl2, CL_STORYLINE, mixed, 4));
    cl_postings_dirty(cl2, save_postings, &got);
    assert_int_equal(got.k, 0);   /* its first, good pair was not posted either */
    cl_free(cl);
    cl_free(cl2);
}

/* Rows a store would refuse are refused here too: nothing is taken in. */
static void rows_out_of_range_are_refused(void **st)
{
    (void)st;
    cl_state *cl = cl_new();
    cl_vocab_load(cl, 0, "alpha", 5, 1);
    unsigned char blob[8];
    uint32_t id = 7;   /* no such term */
    float w = 1.0f;
    memcpy(blob, &id, 4);
    memcpy(blob + 4, &w, 4);
    cl_row r = {.level = CL_EVENT, .id = 1, .parent = 1, .first = DAY_NONE, .last = DAY_NONE, .size = 1,
                .centroid = blob, .centroid_len = 8};
    assert_non_null(cl_load(cl, &r));
    r.centroid_len = 7;
    assert_non_null(cl_load(cl, &r));
    r.id = -3;
    r.centroid_len = 0;
    assert_non_null(cl_load(cl, &r));
    id = 0;
    w = NAN;
    memcpy(blob, &id, 4);
    memcpy(blob + 4, &w, 4);
    r.id = 1;
    r.centroid_len = 8;
    assert_non_null(cl_load(cl, &r));
    assert_int_equal(cl_ids_used(cl, CL_EVENT), 0);   /* none was taken in */
    uint32_t pos[1] = {0};
    assert_non_null(cl_postings_load(cl, CL_EVENT, 0, pos, 1));   /* no cluster at position 0 */
    cl_free(cl);
}

/* The terms stored as rows after one batch, as new rows and logs of
 * frequencies after the next two: read back, rows then logs, every term
 * has the frequency memory has, the next document is placed the same, and
 * the next snapshot rewrites the rows the logs changed. */
static void terms_log_replays_to_the_same_frequencies(void **st)
{
    (void)st;
    cl_state *cl = cl_new();
    assert_true(cl_vocab_snapshot_due(cl));   /* nothing stored: rows */
    int32_t d0 = day_from_ymd(2024, 3, 1);
    place(cl, QUAKE, d0);
    place(cl, BREACH, d0);
    static vocab rows;
    rows.n = 0;
    cl_vocab_dirty(cl, save_term, &rows);
    cl_vocab_clean(cl, true);
    static uint32_t logs[2][128];
    size_t nlog[2];
    for (int b = 0; b < 2; b++) {
        place(cl, b ? BREACH : QUAKE2, d0 + 1 + b);   /* old terms and new ones */
        assert_false(cl_vocab_snapshot_due(cl));
        cl_vocab_new(cl, save_term, &rows);
        const uint32_t *pairs;
        cl_vocab_log(cl, &pairs, &nlog[b]);
        assert_true(nlog[b] > 0 && nlog[b] % 2 == 0 && nlog[b] <= 128);
        memcpy(logs[b], pairs, nlog[b] * sizeof *pairs);
        cl_vocab_clean(cl, false);
    }
    assert_int_equal(rows.n, 18);   /* 16, then aftershock and survivor (the others were stored) */
    static vocab want;
    want.n = 0;
    cl_vocab_dirty(cl, save_term, &want);   /* the rows the logs changed */
    assert_true(want.n > 0);

    cl_state *cl2 = cl_new();
    for (int i = 0; i < rows.n; i++) cl_vocab_load(cl2, rows.ids[i], rows.terms[i], strlen(rows.terms[i]), rows.df[i]);
    for (int b = 0; b < 2; b++) assert_null(cl_vocab_replay(cl2, logs[b], nlog[b]));
    static vocab got;
    got.n = 0;
    cl_vocab_dirty(cl2, save_term, &got);
    assert_int_equal(got.n, want.n);
    for (int i = 0; i < want.n; i++) {
        assert_int_equal(got.ids[i], want.ids[i]);
        assert_int_equal(got.df[i], want.df[i]);
    }
    cl_set_ndocs(cl2, cl_ndocs(cl));
    for (uint32_t id = 0; id < 18; id++) assert_true(cl_idf(cl2, id) == cl_idf(cl, id));

    /* a log the store could not have written is refused, nothing taken in */
    uint32_t odd[3] = {0, 9, 0}, unknown[4] = {0, 9, 4000000000u, 1};
    assert_non_null(cl_vocab_replay(cl2, odd, 3));
    assert_non_null(cl_vocab_replay(cl2, unknown, 4));
    assert_true(cl_idf(cl2, 0) == cl_idf(cl, 0));
    cl_vocab_clean(cl2, true);
    got.n = 0;
    cl_vocab_dirty(cl2, save_term, &got);
    assert_int_equal(got.n, 0);   /* the snapshot stored them all */
    cl_free(cl);
    cl_free(cl2);
}

/* Every term whose frequency changed is told, once, until the next clean. */
static void changed_terms_are_told_once(void **st)
{
    (void)st;
    cl_state *cl = cl_new();
    place(cl, "alpha beta", 1);
    vocab v = {.n = 0};
    cl_vocab_dirty(cl, save_term, &v);
    assert_int_equal(v.n, 2);
    cl_vocab_clean(cl, true);
    place(cl, "beta gamma", 2);
    v.n = 0;
    cl_vocab_dirty(cl, save_term, &v);   /* beta (df 2), gamma */
    assert_int_equal(v.n, 2);
    for (int i = 0; i < v.n; i++)
        if (!strcmp(v.terms[i], "beta")) assert_int_equal(v.df[i], 2);
    cl_vocab_clean(cl, true);
    v.n = 0;
    cl_vocab_dirty(cl, save_term, &v);
    assert_int_equal(v.n, 0);
    cl_free(cl);
}

static void copies_count_without_moving_the_centroid(void **st)
{
    (void)st;
    cl_state *cl = cl_new();
    warm(cl);
    cl_placement a = place(cl, QUAKE, 10);
    cl_placement c;
    cl_count_in(cl, a.event, 12, &c);
    assert_int_equal(c.event, a.event);
    assert_int_equal(c.storyline, a.storyline);
    saved s = {.n = 0};
    cl_dirty(cl, save, &s);
    for (int i = 0; i < s.n; i++)
        if (s.rows[i].level == CL_EVENT && s.rows[i].id == a.event) {
            assert_int_equal(s.rows[i].size, 2);
            assert_int_equal(s.rows[i].last, 12);
        }
    cl_free(cl);
}

/* A day guessed from the text is trusted to within half a year: inside
 * that, content alone decides (a given day 60 days away would make a new
 * event); beyond it, the event is no candidate. */
static void an_inferred_day_only_rules_out_events_far_away(void **st)
{
    (void)st;
    cl_state *cl = cl_new();
    warm(cl);
    int32_t d0 = day_from_ymd(2024, 3, 1);
    cl_placement a = place(cl, QUAKE, d0);
    cl_placement given = place(cl, QUAKE2, d0 + 60);
    assert_true(given.new_event);
    cl_state *cl2 = cl_new();
    warm(cl2);
    a = place(cl2, QUAKE, d0);
    cl_placement near = place_at(cl2, QUAKE2, d0 + 60, true);
    assert_false(near.new_event);
    assert_int_equal(near.event, a.event);
    assert_true(cl_params_of(cl2)->inferred_max_gap < 2 * 365);
    cl_placement far = place_at(cl2, QUAKE2, d0 + 2 * 365, true);
    assert_true(far.new_event);
    assert_int_equal(far.storyline, a.storyline);   /* storylines ignore time */
    cl_free(cl);
    cl_free(cl2);
}

/* A larger event's score is divided by 1 + damping * ln(size). */
static void a_larger_event_scores_lower(void **st)
{
    (void)st;
    double score[2];
    for (int k = 0; k < 2; k++) {
        cl_state *cl = cl_new();
        cl_params_of(cl)->event_size_damping = k ? 0.05 : 0.0;
        warm(cl);
        place(cl, QUAKE, DAY_NONE);
        place(cl, QUAKE, DAY_NONE);
        cl_placement c = place(cl, QUAKE2, DAY_NONE);
        assert_false(c.new_event);
        score[k] = c.event_score;
        cl_free(cl);
    }
    assert_float_equal(score[1] * (1.0 + 0.05 * log(2.0)), score[0], 1e-9);
}

#define BOUT "box heavyweight titl defend knockout round arena crowd"

/* A title defence against another challenger is another event of the same
 * storyline, although most of its words are the first one's; the same bout
 * reported again, naming the same two boxers, joins it. */
static void other_leading_people_make_another_event(void **st)
{
    (void)st;
    double joined = 0;
    for (int k = 0; k < 2; k++) {
        cl_state *cl = cl_new();
        if (!k) cl_params_of(cl)->conflict_factor = 1.0;   /* no conflict test */
        else cl_params_of(cl)->event_threshold = 0.85 * joined;
        warm(cl);
        int32_t d0 = day_from_ymd(2024, 5, 4);
        cl_placement a = place(cl, BOUT " p:wlad_kova p:hal_ramos", d0);
        place(cl, BOUT " p:wlad_kova p:hal_ramos judg", d0);
        cl_placement c = place(cl, BOUT " p:wlad_kova p:toni_tamm belt", d0 + 1);
        assert_int_equal(c.storyline, a.storyline);
        if (!k) {
            assert_int_equal(c.event, a.event);
            joined = c.event_score;
            cl_free(cl);
            continue;
        }
        assert_float_equal(c.event_score, 0.7 * joined, 1e-9);
        assert_true(c.new_event);
        cl_placement d = place(cl, BOUT " p:wlad_kova p:hal_ramos belt", d0 + 1);
        assert_int_equal(d.event, a.event);
        cl_free(cl);
    }
}

/* Two events that one document joins equally well, with centroids alike,
 * are one: the smaller goes into the larger, a storyline left empty too,
 * and the gone ids resolve to the ones that took them. */
static void events_a_document_bridges_merge(void **st)
{
    (void)st;
    cl_state *cl = cl_new();
    cl_params *p = cl_params_of(cl);
    p->event_threshold = 0.6;       /* A and B alone stay apart ... */
    use_model(cl, NEVER);           /* ... in storylines of their own */
    p->merge_threshold = 0.5;
    p->event_near_boost = 1.0;
    warm(cl);
    int32_t d0 = day_from_ymd(2024, 6, 1);
    cl_placement a = place(cl, "dam flood river levee crest evacu", d0);
    place(cl, "dam flood river levee crest rain", d0);
    cl_placement b = place(cl, "dam flood river levee sandbag shelter", d0);
    assert_true(b.new_event && b.new_storyline);
    saved before = {.n = 0};
    cl_dirty(cl, save, &before);
    cl_clean(cl, true);
    cl_placement c = place(cl, "dam flood river levee crest sandbag shelter", d0 + 1);
    assert_true(c.merged);
    assert_int_equal(c.event, a.event);   /* A had two members, B one */
    assert_int_equal(c.storyline, a.storyline);
    assert_int_equal(cl_resolve(cl, CL_EVENT, b.event), a.event);
    assert_int_equal(cl_resolve(cl, CL_STORYLINE, b.storyline), a.storyline);
    assert_int_equal(cl_resolve(cl, CL_EVENT, a.event), a.event);
    saved after = {.n = 0};
    cl_dirty(cl, save, &after);
    int gone = 0;
    for (int i = 0; i < after.n; i++) {
        const cl_row *r = &after.rows[i];
        if (r->id == a.event && r->level == CL_EVENT) {
            assert_int_equal(r->merged_into, 0);
            assert_int_equal(r->size, 4);
        }
        if ((r->level == CL_EVENT && r->id == b.event) || (r->level == CL_STORYLINE && r->id == b.storyline)) {
            assert_int_equal(r->merged_into, r->level == CL_EVENT ? a.event : a.storyline);
            gone++;
        }
    }
    assert_int_equal(gone, 2);
    /* A copy of B's article counts in A now. */
    cl_placement d;
    cl_count_in(cl, b.event, d0 + 1, &d);
    assert_int_equal(d.event, a.event);
    /* A new state that loads the rows knows where B went. */
    cl_state *cl2 = cl_new();
    for (int i = 0; i < before.n; i++) cl_load(cl2, &before.rows[i]);
    for (int i = 0; i < after.n; i++) cl_load(cl2, &after.rows[i]);
    assert_int_equal(cl_resolve(cl2, CL_EVENT, b.event), a.event);
    cl_free(cl2);
    cl_free(cl);
}

/* Events alike in words whose leading people differ are two happenings of
 * one kind: a document that bridges them does not merge them. The same
 * man under a shorter name ("p:wills" for "p:jam_wills") or spelled
 * otherwise is no other lead. */
static void events_led_by_other_people_do_not_merge(void **st)
{
    (void)st;
    static const char *const b_doc[] = {
        "charger arrest drunk drive court p:vin_jax p:vin_jax",
        "charger arrest drunk drive court p:wills p:wills",
        "charger arrest drunk drive court p:gurb_berdimuhamedov p:gurb_berdimuhamedov",
    };
    static const char *const a_lead[] = {"p:jam_wills", "p:jam_wills", "p:kurb_berdymukhamedov"};
    for (int k = 0; k < 3; k++) {
        bool same_man = k > 0;
        char a1[160], a2[160];
        snprintf(a1, sizeof a1, "charger arrest drunk drive jail %s %s", a_lead[k], a_lead[k]);
        snprintf(a2, sizeof a2, "charger arrest drunk drive bail %s %s", a_lead[k], a_lead[k]);
        cl_state *cl = cl_new();
        cl_params *p = cl_params_of(cl);
        p->event_threshold = 0.6;
        p->merge_threshold = 0.3;
        p->conflict_factor = 1.0;
        p->event_near_boost = 1.0;
        warm(cl);
        int32_t d0 = day_from_ymd(2024, 6, 1);
        cl_placement a = place(cl, a1, d0);
        place(cl, a2, d0);
        cl_placement b = place(cl, b_doc[k], d0);
        assert_true(b.new_event);
        cl_placement c = place(cl, "charger arrest drunk drive jail court", d0);
        assert_false(c.new_event);
        assert_int_equal(c.merged, same_man);
        assert_int_equal(cl_resolve(cl, CL_EVENT, b.event), same_man ? a.event : b.event);
        cl_free(cl);
    }
}

/* At the end of a batch, events that grew alike merge (cl_sweep): an
 * event split by a first report in other words becomes one. Not when
 * their stated days lie far apart, nor when they are less alike than
 * sweep_threshold. */
static void the_sweep_merges_events_that_grew_alike(void **st)
{
    (void)st;
    for (int k = 0; k < 3; k++) {
        cl_state *cl = cl_new();
        cl_params *p = cl_params_of(cl);
        p->event_threshold = 0.8;   /* A and B stay apart when placed */
        p->event_near_boost = 1.0;
        p->merge_threshold = 2.0;   /* and no document merges them */
        p->sweep_threshold = k == 2 ? 0.95 : 0.4;
        warm(cl);
        int32_t d0 = day_from_ymd(2024, 6, 1), db = k == 1 ? d0 + 20 : d0 + 1;
        cl_placement a = place(cl, "dam flood river levee crest evacu", d0);
        assert_int_equal(place(cl, "dam flood river levee crest evacu rain", d0).event, a.event);
        cl_placement b = place(cl, "dam flood river levee sandbag shelter", db);
        assert_int_equal(place(cl, "dam flood river levee sandbag shelter crest", db).event, b.event);
        assert_int_not_equal(a.event, b.event);
        assert_int_equal(cl_sweep(cl), k == 0);
        assert_int_equal(cl_resolve(cl, CL_EVENT, b.event), k == 0 ? a.event : b.event);
        /* Only events changed since the last cl_clean are looked at: once
         * clean, A and B stay apart even under a threshold that would
         * merge them. */
        cl_clean(cl, true);
        p->sweep_threshold = 0.4;
        assert_int_equal(cl_sweep(cl), 0);
        if (k == 2) assert_int_equal(cl_resolve(cl, CL_EVENT, b.event), b.event);
        cl_free(cl);
    }
}

/* An event is days, not months: a document ten days after an event's
 * first day scores less for it than the gap from its last day alone says. */
static void an_event_that_ran_long_draws_less(void **st)
{
    (void)st;
    double score[2];
    for (int k = 0; k < 2; k++) {
        cl_state *cl = cl_new();
        cl_params_of(cl)->event_span = k ? 7 : 1000;
        warm(cl);
        int32_t d0 = day_from_ymd(2024, 9, 2);
        place(cl, QUAKE, d0);
        place(cl, QUAKE2, d0 + 4);
        cl_placement c = place(cl, QUAKE2 " anniversari", d0 + 10);
        score[k] = c.event_score;
        cl_free(cl);
    }
    assert_true(score[0] > 0);
    assert_float_equal(score[1], score[0] * exp(-3.0 / 7.0), 1e-9);
}

/* A storyline is a subject: the same places and organisations months
 * later join it whatever happened, the same kind of happening elsewhere
 * does not. The weights are the test's own (names count, words a little),
 * so that this checks the features and the decision, not a fit. */
#define SUBJECT "storyline\tbias\t-3\nstoryline\tnames\t10\nstoryline\twords\t2\n" \
                "storyline_merge\tbias\t-100\n"
static void a_storyline_follows_its_subject(void **st)
{
    (void)st;
    cl_state *cl = cl_new();
    use_model(cl, SUBJECT);
    warm(cl);
    int32_t d0 = day_from_ymd(2023, 2, 1);
    cl_placement a = place(cl, "protest march crowd polic n:vel_city a:vel_city p:ana_rossi", d0);
    cl_placement b = place(cl, "protest march crowd polic n:oda_town a:oda_town p:ben_kall", d0 + 90);
    assert_true(b.new_event);
    assert_int_not_equal(b.storyline, a.storyline);
    cl_placement c = place(cl, "budget vote council tax n:vel_city a:vel_city p:ivo_marr", d0 + 700);
    assert_true(c.new_event);
    assert_false(c.new_storyline);
    assert_int_equal(c.storyline, a.storyline);
    assert_true(c.storyline_score >= 0.5 && c.storyline_score < 1.0);
    cl_free(cl);
}

/* Two storylines the merge model calls one become one at the end of a
 * batch (cl_sweep): the smaller goes into the larger and says so. */
static void the_sweep_merges_storylines_of_one_subject(void **st)
{
    (void)st;
    for (int k = 0; k < 2; k++) {
        cl_state *cl = cl_new();
        use_model(cl, k ? "storyline\tbias\t-100\nstoryline_merge\tbias\t-4\nstoryline_merge\tnames\t12\n" : NEVER);
        warm(cl);
        int32_t d0 = day_from_ymd(2023, 2, 1);
        cl_placement a = place(cl, "protest march crowd polic n:vel_city a:vel_city", d0);
        place(cl, "protest rally crowd polic n:vel_city a:vel_city", d0 + 1);
        cl_placement b = place(cl, "budget vote council tax n:vel_city a:vel_city", d0 + 90);
        cl_placement c = place(cl, "flood river rain evacu n:oda_town a:oda_town", d0 + 91);
        assert_int_not_equal(a.storyline, b.storyline);
        cl_sweep(cl);
        int64_t ra = cl_resolve(cl, CL_STORYLINE, a.storyline), rb = cl_resolve(cl, CL_STORYLINE, b.storyline);
        if (k) {
            assert_int_equal(rb, a.storyline);   /* b had one member, a two */
            assert_int_equal(ra, a.storyline);
        } else {
            assert_int_not_equal(ra, rb);
        }
        assert_int_equal(cl_resolve(cl, CL_STORYLINE, c.storyline), c.storyline);
        saved rows = {.n = 0};
        cl_dirty(cl, save, &rows);
        for (int i = 0; i < rows.n; i++)
            if (rows.rows[i].level == CL_EVENT && rows.rows[i].id == b.event)
                assert_int_equal(rows.rows[i].parent, k ? a.storyline : b.storyline);
        cl_free(cl);
    }
}

/* The weights come from a model file; one that is not is refused with the
 * line at fault, and the weights in use stay. */
static void a_model_file_is_read_or_refused(void **st)
{
    (void)st;
    cl_state *cl = cl_new();
    char why[128];
    const char *bad[] = {
        "storyline\tbias\n",                         /* no weight */
        "storyline\tcolour\t1\nstoryline_merge\tbias\t1\n",   /* no such feature */
        "storyline\tbias\t1x\nstoryline_merge\tbias\t1\n",    /* not a number */
        "story\tbias\t1\n",                          /* no such decision */
        "storyline\tbias\t1\n",                      /* a decision without weights */
        "storyline\tbias\t1\t2\nstoryline_merge\tbias\t1\n",  /* a field too many */
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        why[0] = 0;
        assert_false(cl_model_set(cl, bad[i], strlen(bad[i]), why, sizeof why));
        assert_true(why[0] != 0);
    }
    assert_non_null(strstr(why, "line 1"));
    const char *good = "# a comment\r\nstoryline\tthreshold\t0.7\r\nstoryline\tbias\t-1.5\nstoryline_merge\tbias\t-100";
    assert_true(cl_model_set(cl, good, strlen(good), why, sizeof why));
    cl_free(cl);
}

/* The compiled-in weights are data/model/cluster.tsv byte for byte: the
 * build writes them as C with scripts/text-table. */
static void the_built_in_model_is_the_data_file(void **st)
{
    (void)st;
    FILE *f = fopen("data/model/cluster.tsv", "rb");
    assert_non_null(f);
    char text[8192];
    size_t n = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[n] = 0;
    assert_string_equal(text, cl_model_builtin);
}

/* A document placed while the event it belongs to had not formed yet moves
 * there on its second look; one that fits where it is stays. */
static void a_document_moves_to_the_event_it_fits_clearly_better(void **st)
{
    (void)st;
    cl_state *cl = cl_new();
    warm(cl);
    int32_t d0 = day_from_ymd(2024, 7, 1);
    cl_placement a = place(cl, "dam flood river levee", d0);
    place(cl, "dam flood river levee", d0);
    arena ar;
    arena_init(&ar);
    an_doc d;
    cl_vec v, u;
    doc_of("dam flood fire blaze smoke crew", &ar, &d);
    cl_vectorize(cl, &d, &ar, &v);
    cl_placement pv;
    cl_place(cl, &v, d0, false, &pv);
    assert_int_equal(pv.event, a.event);
    cl_placement b = place(cl, "fire blaze forest wildfire hectare evacu", d0);
    assert_true(b.new_event);
    place(cl, "smoke crew fire blaze forest wildfire", d0);
    doc_of("dam flood river levee", &ar, &d);
    cl_vectorize(cl, &d, &ar, &u);
    cl_placement pu;
    cl_place(cl, &u, d0, false, &pu);
    assert_false(cl_reassign(cl, &u, d0, false, &pu));   /* at home */
    assert_int_equal(pu.event, a.event);
    assert_true(cl_reassign(cl, &v, d0, false, &pv));
    assert_int_equal(pv.event, b.event);
    assert_int_equal(pv.storyline, b.storyline);
    arena_reset(&ar);
    cl_free(cl);
}

static void revisit_at(cl_state *cl, const char *terms, int32_t day, bool inferred, cl_placement *where,
                       bool *moved, bool *dropped)
{
    arena a;
    arena_init(&a);
    an_doc d;
    cl_vec v;
    doc_of(terms, &a, &d);
    cl_vectorize(cl, &d, &a, &v);   /* counts the terms again: harmless here */
    *moved = cl_revisit(cl, &v, day, inferred, where, dropped);
    arena_reset(&a);
}

static void revisit(cl_state *cl, const char *terms, cl_placement *where, bool *moved, bool *dropped)
{
    revisit_at(cl, terms, DAY_NONE, false, where, moved, dropped);
}

/* A document that opened an event of its own moves to an event that now
 * scores at least revisit_threshold; its own event is never written. A lone
 * document on another subject stays. */
static void a_lone_document_moves_to_an_event_that_grew(void **st)
{
    (void)st;
    cl_state *cl = cl_new();
    cl_params_of(cl)->event_threshold = 0.99;   /* every document opens an event */
    warm(cl);
    cl_placement a = place(cl, QUAKE, DAY_NONE);
    cl_placement b = place(cl, QUAKE2, DAY_NONE);
    cl_placement c = place(cl, BREACH, DAY_NONE);
    assert_true(b.new_event && c.new_event);
    assert_int_not_equal(b.event, a.event);
    int64_t lone = b.event;
    bool moved, dropped;
    revisit(cl, QUAKE2, &b, &moved, &dropped);
    assert_true(moved);
    assert_false(dropped);                      /* it had joined QUAKE's storyline */
    assert_int_equal(b.event, a.event);
    assert_int_equal(b.storyline, a.storyline);
    revisit(cl, BREACH, &c, &moved, &dropped);
    assert_false(moved);
    saved s = {.n = 0};
    cl_dirty(cl, save, &s);
    for (int i = 0; i < s.n; i++) {
        assert_false(s.rows[i].level == CL_EVENT && s.rows[i].id == lone);
        if (s.rows[i].level == CL_EVENT && s.rows[i].id == a.event) assert_int_equal(s.rows[i].size, 2);
    }
    cl_free(cl);
}

/* The second look does not reach across months, even for a day inferred
 * from the text: the same report 97 days before the event stays alone. */
static void a_second_look_stays_within_the_event_gap(void **st)
{
    (void)st;
    cl_state *cl = cl_new();
    cl_params_of(cl)->event_threshold = 0.99;   /* every document opens an event */
    warm(cl);
    int32_t june = day_from_ymd(2023, 6, 20), march = june - 97;
    cl_placement a = place(cl, QUAKE, june);
    cl_placement b = place_at(cl, QUAKE2, march, true);
    assert_int_not_equal(b.event, a.event);
    bool moved, dropped;
    revisit_at(cl, QUAKE2, march, true, &b, &moved, &dropped);
    assert_false(moved);
    cl_free(cl);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(same_happening_same_event_other_subject_other_storyline),
        cmocka_unit_test(name_share_counts_the_names_a_storyline_holds),
        cmocka_unit_test(core_is_the_share_on_what_a_storyline_is_most_about),
        cmocka_unit_test(state_survives_a_save_and_load),
        cmocka_unit_test(postings_log_replays_to_the_same_index),
        cmocka_unit_test(terms_log_replays_to_the_same_frequencies),
        cmocka_unit_test(copies_count_without_moving_the_centroid),
        cmocka_unit_test(changed_terms_are_told_once),
        cmocka_unit_test(rows_out_of_range_are_refused),
        cmocka_unit_test(an_inferred_day_only_rules_out_events_far_away),
        cmocka_unit_test(a_larger_event_scores_lower),
        cmocka_unit_test(a_lone_document_moves_to_an_event_that_grew),
        cmocka_unit_test(a_second_look_stays_within_the_event_gap),
        cmocka_unit_test(other_leading_people_make_another_event),
        cmocka_unit_test(events_a_document_bridges_merge),
        cmocka_unit_test(events_led_by_other_people_do_not_merge),
        cmocka_unit_test(the_sweep_merges_events_that_grew_alike),
        cmocka_unit_test(an_event_that_ran_long_draws_less),
        cmocka_unit_test(a_storyline_follows_its_subject),
        cmocka_unit_test(the_sweep_merges_storylines_of_one_subject),
        cmocka_unit_test(a_model_file_is_read_or_refused),
        cmocka_unit_test(the_built_in_model_is_the_data_file),
        cmocka_unit_test(a_document_moves_to_the_event_it_fits_clearly_better),
    };
    return cmocka_run_group_tests_name("cluster", tests, NULL, NULL);
}
