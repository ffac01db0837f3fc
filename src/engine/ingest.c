/* ingest.c: the ingest path: pages through extract, analyze, dedup,
 * cluster and store, one batch per transaction.
 *
 * Pages are extracted and analyzed as they arrive, on the worker threads of
 * pool.c when there are any (eg_prepare). A full batch is sealed; the
 * oldest sealed batch is sorted by publication date (undated articles
 * last, in arrival order) and clustered one article at a time on the
 * calling thread, so that clustering sees the stream in the order the news
 * happened, while the workers prepare those after it. Summaries are
 * refreshed at the end of a run for every event and storyline that changed
 * (summarize.c). */
#include "engine.h"
#include "../extract/extract.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void pending_free(eg_pending *p)
{
    arena_reset(&p->a);
    free(p);
}

void eg_batch_free(eg_batch *b)
{
    for (size_t i = 0; i < b->p.n; i++) pending_free(b->p.v[i]);
    VEC_FREE(b->p);
    map_free(&b->ids);
}

static void apply_manifest(const sl_engine *e, sl_page *page, bool *from_manifest)
{
    const char *pub, *src;
    *from_manifest = false;
    if (!e->manifest || !rd_manifest_find(e->manifest, page->input, &pub, &src)) return;
    if ((!page->published || !*page->published) && pub) page->published = pub, *from_manifest = true;
    if ((!page->source || !*page->source) && src) page->source = src;
}

/* A published date that is no date is reported and dropped: the article is
 * stored, and dated as one without it is (from its page, its text, or the
 * fetch time). */
static void check_date(sl_engine *e, sl_page *page, bool from_manifest, sl_ingest_stats *stats)
{
    if (!page->published || !*page->published ||
        day_parse_iso(page->published, strlen(page->published)) != DAY_NONE)
        return;
    if (from_manifest)
        err_set(&e->err, SL_EINPUT, page->input, page->line,
                "published \"%.40s\" from the manifest (line %ld) is not a date; stored without it",
                page->published, rd_manifest_line(e->manifest, page->input));
    else
        err_set(&e->err, SL_EINPUT, page->input, page->line,
                "published \"%.40s\" is not a date; stored without it", page->published);
    eg_warn(e, e->err.msg);
    stats->bad_dates++;
    page->published = NULL;
}

/* The page outlives the caller's buffers: it is prepared later, perhaps on
 * another thread. */
static void copy_page(arena *a, const sl_page *in, sl_page *out)
{
    *out = *in;
    out->input = arena_strdup(a, in->input);
    out->id = arena_strdup(a, in->id);
    out->url = arena_strdup(a, in->url);
    out->title = arena_strdup(a, in->title);
    out->published = arena_strdup(a, in->published);
    out->source = arena_strdup(a, in->source);
    out->meta_json = arena_strdup(a, in->meta_json);
    out->body = in->body ? arena_strndup(a, in->body, in->body_len) : NULL;
    out->charset = arena_strdup(a, in->charset);
    out->fetched = arena_strdup(a, in->fetched);
}

void eg_prepare(an_analyzer *an, eg_pending *p)
{
    const sl_page *page = &p->page;
    err_slot err;
    err_clear(&err);
    /* ex_extract hands out valid UTF-8 without NUL bytes, whatever it gets. */
    if (ex_extract(page, &p->a, &p->art, &err) != SL_OK) {
        p->fail = arena_strdup(&p->a, err.msg);
        return;
    }
    bool weak = false;
    if (p->art.published == DAY_NONE &&
        (p->art.published = an_infer_published(&p->art, page->body, page->body ? page->body_len : 0, &p->a, &weak)) != DAY_NONE)
        p->art.date_inferred = 1;
    /* The fetch time bounds the publication date from above: a page in an
     * archive may have been fetched years after it appeared, so it is the
     * last resort, after the page's metadata and its text. */
    if (p->art.published == DAY_NONE && page->fetched &&
        (p->art.published = day_parse_iso(page->fetched, strlen(page->fetched))) != DAY_NONE)
        p->art.date_inferred = 1;
    /* A weak day is stored and anchors the text's dates, but clustering
     * takes the article as undated. On ecbplus-dev, where such days came
     * from the dates of a life or of the Watergate years, B-cubed F1 over
     * the file's order and four shuffles went from 0.904 to 0.909 (mean). */
    p->day = weak ? DAY_NONE : p->art.published;
    an_analyze(an, &p->art, &p->a, &p->doc);
    an_facts facts;
    an_find_facts(p->art.text, p->art.text_len, p->art.published, &p->a, &facts);
    an_add_actors(&p->doc, &facts.rule_names, &p->a);   /* who is in it tells events apart */
    eg_fill_analysis(&p->a, p->art.text, p->art.text_len, &facts, p->art.id, &p->facts);
    dd_signature(p->art.text, p->art.text_len, &p->sig);
}

static sl_status commit_one(sl_engine *e, eg_batch *b, sl_ingest_stats *stats, bool last);

/* The sealed batch i places after the oldest. */
static eg_batch *sealed_at(sl_engine *e, int i) { return &e->sealed[(e->first_sealed + i) % EG_AHEAD]; }

/* The oldest sealed batch committed, and out of the ring. */
static sl_status commit_oldest(sl_engine *e, sl_ingest_stats *stats, bool last)
{
    sl_status st = commit_one(e, sealed_at(e, 0), stats, last);
    if (st != SL_OK) return st;
    e->first_sealed = (e->first_sealed + 1) % EG_AHEAD;
    e->n_sealed--;
    return SL_OK;
}

/* A page joins the filling batch and is prepared at once (no workers) or
 * by the pool. A full batch is sealed; when EG_AHEAD are sealed already
 * (with no workers: one), the oldest is committed first: the workers
 * prepare the batches ahead while this thread clusters and stores. */
sl_status sl_ingest_page(sl_engine *e, const sl_page *page_in, sl_ingest_stats *stats)
{
    sl_status st = eg_writer_take(e);
    if (st != SL_OK) return st;
    stats->read++;
    sl_page page = *page_in;
    if (!page.id || !*page.id) {
        err_set(&e->err, SL_EINPUT, page.input, page.line, "no id");
        eg_warn(e, e->err.msg);
        stats->skipped_bad++;
        return SL_EINPUT;
    }
    size_t idlen = strlen(page.id);
    bool known = map_get(&e->filling.ids, page.id, idlen);
    for (int i = 0; i < e->n_sealed && !known; i++) known = map_get(&sealed_at(e, i)->ids, page.id, idlen);
    if (!known && st_article_known(e->db, page.id, &known, &e->err) != SL_OK) return SL_EDB;
    if (known) {
        stats->skipped_known++;
        return SL_OK;
    }
    bool from_manifest;
    apply_manifest(e, &page, &from_manifest);
    check_date(e, &page, from_manifest, stats);
    eg_pending *p = xcalloc(1, sizeof *p);
    arena_init(&p->a);
    copy_page(&p->a, &page, &p->page);
    p->seq = e->seq++;
    VEC_PUSH(e->filling.p, p);
    map_put(&e->filling.ids, page.id, idlen, NULL);
    if (e->pool) eg_pool_submit(e->pool, p);
    else eg_prepare(e->an, p);
    if (e->filling.p.n < EG_BATCH) return SL_OK;
    if (e->n_sealed == (e->pool ? EG_AHEAD : 1) && (st = commit_oldest(e, stats, false)) != SL_OK) return st;
    eg_batch *next = sealed_at(e, e->n_sealed++), t = *next;   /* an empty one */
    *next = e->filling;
    e->filling = t;
    return SL_OK;
}

static int cmp_pending(const void *a, const void *b)
{
    const eg_pending *x = *(eg_pending *const *)a, *y = *(eg_pending *const *)b;
    int32_t dx = x->day, dy = y->day;
    bool nx = dx == DAY_NONE, ny = dy == DAY_NONE;
    if (nx != ny) return nx ? 1 : -1;
    if (!nx && dx != dy) return dx < dy ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* First pass over a sorted batch: find copies, and count every other
 * article in the term statistics before any is clustered, so that even the
 * first articles of a stream are compared with weights from a whole batch.
 * Articles of this batch enter the duplicate index under provisional ids
 * -(index + 2), made final once they are stored. */
static void dedup_and_count(sl_engine *e, eg_batch *b)
{
    for (size_t i = 0; i < b->p.n; i++) {
        eg_pending *p = b->p.v[i];
        double sim;
        p->copy_of = dd_find(e->dd, &p->sig, DD_COPY_THRESHOLD, &sim);
        p->dd_slot = -1;
        if (p->copy_of != -1) continue;
        p->dd_slot = dd_add(e->dd, -(int64_t)i - 2, &p->sig);
        cl_vectorize(e->cl, &p->doc, &p->a, &p->vec);
    }
}

/* Id and event of the article a copy copies. */
static bool original_of(sl_engine *e, eg_batch *b, int64_t copy_of, int64_t *event)
{
    if (copy_of >= 0) return st_article_ref(e->db, copy_of, &e->tmp, event, &e->err) == SL_OK;   /* SL_EDB: in e->err */
    eg_pending *o = b->p.v[-copy_of - 2];
    o->has_copy = true;   /* it stays where its copies are counted */
    buf_clear(&e->tmp);
    buf_puts(&e->tmp, o->art.id);
    *event = o->placed_event;   /* the original comes first in the batch */
    return *event > 0;
}

/* SL_DUMP names a file for the features of the clustering's decisions
 * (scripts/fit-model); it is opened by the first article clustered, so
 * that commands which only read the database leave it alone. */
static void open_dump(sl_engine *e)
{
    const char *path = getenv("SL_DUMP");
    if (e->dump || !path || !*path) return;
    if (!(e->dump = fopen(path, "w"))) {
        eg_warn(e, "SL_DUMP: cannot write the features file");
        return;
    }
    cl_dump_to(e->cl, e->dump);
}

/* Second pass: a copy joins its original's event; anything else is
 * clustered. */
static void place_one(sl_engine *e, eg_batch *b, eg_pending *p, sl_ingest_stats *stats)
{
    int64_t orig_event = 0;
    p->dup_of = NULL;
    if (p->copy_of != -1 && original_of(e, b, p->copy_of, &orig_event)) {
        cl_count_in(e->cl, orig_event, p->day, &p->where);
        p->dup_of = arena_strndup(&p->a, e->tmp.data, e->tmp.len);
        stats->duplicates++;
    } else {
        open_dump(e);
        cl_dump_doc(e->cl, p->art.id);
        cl_place(e->cl, &p->vec, p->day, p->art.date_inferred, &p->where);
        cl_dump_doc(e->cl, NULL);
        stats->merged_events += p->where.merged;
        stats->new_events += p->where.new_event;
        stats->new_storylines += p->where.new_storyline;
    }
    p->placed_event = p->where.event;
}

/* Third pass: every article gets a second look now that the batch's events
 * have grown: one that opened an event of its own (cl_revisit), or one in an
 * event with others that another event now fits clearly better
 * (cl_reassign; not an article copied later in the batch: its copies were
 * counted where it is). */
static void revisit_one(sl_engine *e, eg_pending *p, sl_ingest_stats *stats)
{
    if (p->dup_of) return;
    if (!p->where.new_event) {
        if (!p->has_copy && cl_reassign(e->cl, &p->vec, p->day, p->art.date_inferred, &p->where))
            p->placed_event = p->where.event;
        return;
    }
    bool dropped;
    if (!cl_revisit(e->cl, &p->vec, p->day, p->art.date_inferred, &p->where, &dropped)) return;
    stats->new_events--;
    stats->new_storylines -= dropped;
    p->placed_event = p->where.event;
}

static void trace(const eg_pending *p)
{
    const cl_placement *w = &p->where;
    fprintf(stderr, "trace: %s event e%lld (%.3f%s) storyline s%lld (%.3f%s)\n", p->art.id,
            (long long)w->event, w->event_score, w->new_event ? ", new" : "",
            (long long)w->storyline, w->storyline_score, w->new_storyline ? ", new" : "");
}

/* Last pass: the article is stored with its event. */
static sl_status store_one(sl_engine *e, eg_pending *p, sl_ingest_stats *stats)
{
    st_placed placed = {.sig = &p->sig, .duplicate_of = p->dup_of,
                        .event = p->where.event, .storyline = p->where.storyline};
    if (!p->dup_of && getenv("STORYLINE_TRACE")) trace(p);
    sl_status st = st_article_put(e->db, &p->art, &placed, &p->row, &e->err);
    if (st == SL_OK && !placed.duplicate_of) st = st_facts_put(e->db, p->row, &p->facts, &e->err);
    if (st != SL_OK) return st;
    dd_relabel(e->dd, p->dd_slot, p->row);
    stats->stored++;
    return SL_OK;
}

static void put_term(uint32_t id, const char *term, size_t len, uint32_t df, void *ctx)
{
    sl_engine *e = ctx;
    if (e->err.status == SL_OK && st_term_put(e->db, id, term, len, df, &e->err) != SL_OK) return;
}

/* The terms: new ones as rows, and the batch's log of the frequencies of
 * the others; or, when that is due (cluster.h) or the batch is the last of
 * a run, every row that memory is ahead of, and the log emptied. */
static sl_status put_terms_or_log(sl_engine *e, bool last, bool *snapshot)
{
    *snapshot = last || cl_vocab_snapshot_due(e->cl);
    if (*snapshot) {
        cl_vocab_dirty(e->cl, put_term, e);
        if (e->err.status == SL_OK) st_terms_log_clear(e->db, &e->err);
        return (sl_status)e->err.status;
    }
    cl_vocab_new(e->cl, put_term, e);
    const uint32_t *pairs;
    size_t n;
    cl_vocab_log(e->cl, &pairs, &n);
    if (e->err.status == SL_OK) st_terms_log_put(e->db, pairs, n, &e->err);
    return (sl_status)e->err.status;
}

/* A merged cluster waits until the one that took it is written. */
static void put_cluster(const cl_row *row, void *ctx)
{
    sl_engine *e = ctx;
    if (row->merged_into) {
        cl_row m = {.level = row->level, .id = row->id, .merged_into = row->merged_into};
        VEC_PUSH(e->merged, m);
    } else if (e->err.status == SL_OK) {
        st_cluster_put(e->db, row, &e->err);
    }
}

static void put_postings(cl_level level, uint32_t term, const uint32_t *pos, size_t n, void *ctx)
{
    sl_engine *e = ctx;
    if (e->err.status == SL_OK) st_postings_put(e->db, level, term, pos, n, &e->err);
}

/* The candidate index: the batch's log of it, or every list changed since
 * they were last stored, when that is due (cluster.h) or the batch is the
 * last of a run: a run that ends leaves lists, and only a run that was
 * stopped midway leaves a log for the next to read back. */
static sl_status put_postings_or_log(sl_engine *e, bool last, bool *snapshot)
{
    *snapshot = last || cl_postings_snapshot_due(e->cl);
    if (*snapshot) {
        cl_postings_dirty(e->cl, put_postings, e);
        if (e->err.status == SL_OK) st_postings_log_clear(e->db, &e->err);
        return (sl_status)e->err.status;
    }
    for (int level = CL_EVENT; level <= CL_STORYLINE && e->err.status == SL_OK; level++) {
        const uint32_t *pairs;
        size_t n;
        cl_postings_log(e->cl, (cl_level)level, &pairs, &n);
        st_postings_log_put(e->db, (cl_level)level, pairs, n, &e->err);
    }
    return (sl_status)e->err.status;
}

static sl_status put_clusters(sl_engine *e)
{
    e->merged.n = 0;
    cl_dirty(e->cl, put_cluster, e);
    for (size_t i = 0; i < e->merged.n && e->err.status == SL_OK; i++)
        st_cluster_merged(e->db, e->merged.v[i].level, e->merged.v[i].id, e->merged.v[i].merged_into, &e->err);
    return (sl_status)e->err.status;
}

/* Pages that hold no article are reported and dropped, in arrival order,
 * once prepared. */
static void drop_failed(sl_engine *e, eg_batch *b, sl_ingest_stats *stats)
{
    size_t k = 0;
    for (size_t i = 0; i < b->p.n; i++) {
        eg_pending *p = b->p.v[i];
        if (e->pool) eg_pool_wait(e->pool, p, e->an);
        if (p->fail) {
            eg_warn(e, p->fail);
            stats->skipped_bad++;
            pending_free(p);
            continue;
        }
        b->p.v[k++] = p;
    }
    b->p.n = k;
}

static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* STORYLINE_PROFILE set: every 100 batches, the seconds this thread spent
 * in each step of committing them, to see what grows with the store. */
static void profile(sl_engine *e, int step, double *t)
{
    double now = now_s();
    e->prof[step] += now - *t;
    *t = now;
}

static void profile_report(sl_engine *e)
{
    if (++e->prof_batches % 100 || !getenv("STORYLINE_PROFILE")) return;
    fprintf(stderr, "profile: batches %ld-%ld: waiting for pages %.1f s, dedup %.1f, place %.1f, second look %.1f, "
            "store articles %.1f, store clusters %.1f, commit %.1f\n", e->prof_batches - 99, e->prof_batches,
            e->prof[0], e->prof[1], e->prof[2], e->prof[3], e->prof[4], e->prof[5], e->prof[6]);
    memset(e->prof, 0, sizeof e->prof);
}

/* Everything a batch changed is stored with it, in one transaction:
 * articles, terms and their frequencies, clusters and posting lists. So
 * the state a later run loads is the one this run goes on with, and a run
 * killed at any moment and started again stores what an uninterrupted run
 * stores. (Frequencies were once stored every 16th batch, to save 13% of
 * ingest time; after a crash the runs then differed.) */
static sl_status commit_one(sl_engine *e, eg_batch *b, sl_ingest_stats *stats, bool last)
{
    if (e->broken) return SL_EDB;
    double t = now_s();
    drop_failed(e, b, stats);
    profile(e, 0, &t);
    if (!b->p.n) { map_free(&b->ids); map_init(&b->ids); return SL_OK; }
    qsort(b->p.v, b->p.n, sizeof *b->p.v, cmp_pending);
    err_clear(&e->err);
    dedup_and_count(e, b);
    profile(e, 1, &t);
    bool snapshot = false;
    sl_status st = st_begin(e->db, &e->err);
    for (size_t i = 0; st == SL_OK && i < b->p.n; i++) place_one(e, b, b->p.v[i], stats);
    if (st == SL_OK) st = (sl_status)e->err.status;   /* a stored original that could not be read */
    profile(e, 2, &t);
    for (size_t i = 0; st == SL_OK && i < b->p.n; i++) revisit_one(e, b->p.v[i], stats);
    if (st == SL_OK) stats->merged_events += cl_sweep(e->cl);
    profile(e, 3, &t);
    for (size_t i = 0; st == SL_OK && i < b->p.n; i++) st = store_one(e, b->p.v[i], stats);
    profile(e, 4, &t);
    bool terms_snapshot = false;
    if (st == SL_OK) {
        st = put_terms_or_log(e, last, &terms_snapshot);
        if (st == SL_OK) st = put_clusters(e);
        if (st == SL_OK) st = put_postings_or_log(e, last, &snapshot);
    }
    if (st == SL_OK) st = st_batch_end(e->db, e->cl, &e->err);
    profile(e, 5, &t);
    if (st == SL_OK) st = st_commit(e->db, &e->err);
    profile(e, 6, &t);
    profile_report(e);
    if (st != SL_OK) {
        st_rollback(e->db);
        e->broken = true;   /* memory is ahead of the file now: stop here */
        return st;
    }
    e->generation++;   /* st_batch_end counted this batch in the file: no reload for it */
    bool merged;
    if (st_fts_tidy(e->db, &merged, &e->err) != SL_OK) {
        e->broken = true;   /* nothing stored is lost: the batch is committed */
        return (sl_status)e->err.status;
    }
    cl_vocab_clean(e->cl, terms_snapshot);
    cl_clean(e->cl, snapshot);
    for (size_t i = 0; i < b->p.n; i++) pending_free(b->p.v[i]);
    b->p.n = 0;
    map_free(&b->ids);
    map_init(&b->ids);
    if (e->progress) e->progress(stats, e->progress_ctx);
    return SL_OK;
}

sl_status eg_commit_batch(sl_engine *e, sl_ingest_stats *stats)
{
    sl_status st = eg_writer_take(e);
    if (st != SL_OK) return st;
    while (st == SL_OK && e->n_sealed) st = commit_oldest(e, stats, e->n_sealed == 1 && !e->filling.p.n);
    if (st == SL_OK) st = commit_one(e, &e->filling, stats, true);
    return st;
}

sl_status sl_ingest_flush(sl_engine *e, sl_ingest_stats *stats)
{
    sl_status st = eg_commit_batch(e, stats);
    if (st == SL_OK) st = eg_summarize_stale(e);
    return st;
}

sl_status sl_ingest_path(sl_engine *e, const char *path, sl_ingest_stats *stats)
{
    rd_source *src;
    sl_status st = rd_open(path, &src, &e->err);
    if (st != SL_OK) return st;
    rd_set_limits(src, &e->limits);
    sl_page page;
    for (;;) {
        st = rd_next(src, &page, &e->err);
        if (st == SL_DONE) break;
        if (st == SL_EINPUT || st == SL_ELIMIT || st == SL_EIO) {   /* skip the record or file, go on */
            stats->read += st != SL_EIO;
            if (st == SL_ELIMIT) stats->over_limit++;
            else stats->skipped_bad++;
            eg_warn(e, e->err.msg);
            continue;
        }
        st = sl_ingest_page(e, &page, stats);
        if (st != SL_OK && st != SL_EINPUT) break;
    }
    stats->passed_over += rd_passed(src);
    rd_close(src);
    if (st == SL_DONE || st == SL_EINPUT || st == SL_ELIMIT) st = SL_OK;
    if (st == SL_OK) st = sl_ingest_flush(e, stats);
    return st;
}
