/* watch.c: sl_watch, polling news feeds: each round asks every feed if it
 * changed, fetches the article page of every item not fetched before, and
 * ingests it.
 *
 * What to remember is the store's (feeds.c: validators, seen URLs), how to
 * fetch and parse is the read stage's (fetch.c, feed.c); this file only
 * decides the order and what counts as done. A feed's validators are saved
 * only once all its items are handled, so that an interruption or a
 * transient failure (no answer, 5xx, 429) leads to the feed being read in
 * full again next round instead of being answered 304 with items missed.
 * A page that answers 4xx is not asked again; one that fails otherwise is
 * tried up to EG_WATCH_TRIES times. Each feed's pages are committed when
 * the feed is done; summaries are refreshed once a round. */
#include "engine.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <jansson.h>
#include <string.h>
#include <time.h>

#define EG_WATCH_TRIES 3

typedef struct watch_run {
    sl_engine            *e;
    const sl_watch_opts  *o;
    sl_watch_stats       *stats;
    rd_fetcher           *fetch;
    rd_response           resp;
    buf                   etag, last_modified, feed_url, link;
    VEC(char *)           stored;   /* pages handed to ingest, marked seen once committed */
} watch_run;

static bool stopped(const watch_run *w) { return w->o->stop && *w->o->stop; }

static void warn(watch_run *w, const char *url, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void warn(watch_run *w, const char *url, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    err_set(&w->e->err, SL_EIO, url, 0, "%s", msg);
    eg_warn(w->e, w->e->err.msg);
}

/* Should this article URL be fetched (again)? SL_EDB if the file fails. */
static sl_status wanted(watch_run *w, const char *url, bool *want)
{
    long status, tries;
    *want = false;
    if (st_seen_get(w->e->db, url, &status, &tries, &w->e->err) != SL_OK) return SL_EDB;
    if (!tries) *want = true;
    else if (status >= 200 && status < 300) *want = false;
    else if (status >= 400 && status < 500 && status != 408 && status != 429) *want = false;
    else *want = tries < EG_WATCH_TRIES;
    return SL_OK;
}

static bool transient(long status) { return status == 0 || status == 408 || status == 429 || status >= 500; }

/* Hand a page to ingest with the feed named in its metadata; a page ingest
 * finds bad was reported and counted there. */
static sl_status ingest(watch_run *w, const char *feed, sl_page *page)
{
    json_t *meta = json_pack("{s:s}", "feed", feed);
    char *mj = meta ? json_dumps(meta, JSON_COMPACT) : NULL;
    json_decref(meta);
    page->meta_json = mj;
    sl_status st = sl_ingest_page(w->e, page, &w->stats->ingest);
    free(mj);
    return st == SL_EINPUT ? SL_OK : st;
}

/* GET an article page into w->resp; true if it is a 2xx HTML page. A
 * failure is reported; *status is what to remember (0: no answer). */
static bool fetch_page(watch_run *w, const char *url, long *status)
{
    err_slot err;
    *status = 0;
    sl_status fetched = rd_fetch(w->fetch, url, NULL, NULL, &w->resp, &err);
    if (fetched != SL_OK) {
        eg_warn(w->e, err.msg);
        if (fetched == SL_ELIMIT) *status = 413;   /* remembered as permanent: it will be as large again */
    } else if ((*status = w->resp.status) < 200 || *status > 299) {
        warn(w, url, "HTTP %ld; skipped", *status);
    } else if (*w->resp.media.type && !rd_media_is_html(&w->resp.media)) {
        warn(w, url, "not an HTML page (%s); skipped", w->resp.media.type);
        *status = 415;   /* remembered as permanent: it will not turn into HTML */
    }
    bool ok = fetched == SL_OK && *status >= 200 && *status <= 299;
    w->stats->pages_fetched += ok;
    w->stats->pages_failed += !ok;
    return ok;
}

/* Fetch one item's article and hand it to ingest. Returns SL_OK, SL_EIO for
 * a transient failure (the feed will be read again), or SL_EDB. */
static sl_status take_item(watch_run *w, const char *feed, const sl_page *item)
{
    if (!item->url || !*item->url) {
        /* nothing to fetch: the item's own content is the article, if any */
        if (!item->id || !item->body_len) return SL_OK;
        sl_page page = *item;
        page.input = feed;
        return ingest(w, feed, &page);
    }
    /* links may be relative to the feed's (final) URL */
    if (!rd_url_resolve(w->feed_url.data, item->url, &w->link)) {
        warn(w, feed, "item link '%.200s' is not a URL; skipped", item->url);
        return SL_OK;
    }
    const char *url = w->link.data;
    bool want;
    if (wanted(w, url, &want) != SL_OK) return SL_EDB;
    if (!want) return SL_OK;
    long status;
    bool ok = fetch_page(w, url, &status);
    if (ok) {
        /* A fresh feed item was published shortly before it was fetched: the
         * fetch date is the fallback when neither item nor page has one. */
        char now[32];
        time_t t = time(NULL);
        struct tm tm;
        strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", gmtime_r(&t, &tm));
        /* the id is the URL, as for a page read from a WARC file */
        sl_page page = {
            .fetched = now,
            .input = url, .id = url, .url = url, .title = item->title, .published = item->published,
            .source = item->source, .body = w->resp.body.data ? w->resp.body.data : "",
            .body_len = w->resp.body.len, .format = SL_FORMAT_HTML,
            .charset = *w->resp.media.charset ? w->resp.media.charset : NULL,
        };
        sl_status st = ingest(w, feed, &page);
        if (st != SL_OK) return st;
        VEC_PUSH(w->stored, xstrdup(url));
        return SL_OK;
    }
    if (st_seen_put(w->e->db, url, feed, status, &w->e->err) != SL_OK) return SL_EDB;
    return transient(status) ? SL_EIO : SL_OK;
}

/* One feed: ask, parse, take every item. */
static sl_status poll_feed(watch_run *w, const char *url)
{
    err_slot err;
    if (st_feed_get(w->e->db, url, &w->etag, &w->last_modified, &w->e->err) != SL_OK) return SL_EDB;
    if (rd_fetch(w->fetch, url, w->etag.data, w->last_modified.data, &w->resp, &err) != SL_OK) {
        eg_warn(w->e, err.msg);
        w->stats->feeds_failed++;
        return SL_OK;
    }
    if (w->resp.status == 304) { w->stats->feeds_unchanged++; return SL_OK; }
    if (w->resp.status < 200 || w->resp.status > 299) {
        warn(w, url, "HTTP %ld; feed skipped this round", w->resp.status);
        w->stats->feeds_failed++;
        return SL_OK;
    }
    rd_feed *feed;
    if (rd_feed_parse(w->resp.body.data ? w->resp.body.data : "", w->resp.body.len, url, &feed, &err) != SL_OK) {
        eg_warn(w->e, err.msg);
        w->stats->feeds_failed++;
        return SL_OK;
    }
    w->stats->feeds_changed++;
    /* the response buffer is reused for the pages: keep URL and validators */
    buf_clear(&w->feed_url);
    buf_append(&w->feed_url, w->resp.url.data ? w->resp.url.data : url, w->resp.url.data ? w->resp.url.len : strlen(url));
    buf_clear(&w->etag);
    buf_clear(&w->last_modified);
    buf_append(&w->etag, w->resp.etag.data ? w->resp.etag.data : "", w->resp.etag.len);
    buf_append(&w->last_modified, w->resp.last_modified.data ? w->resp.last_modified.data : "",
               w->resp.last_modified.len);
    bool complete = true;
    sl_status st = SL_OK;
    for (size_t i = 0; i < rd_feed_count(feed) && st == SL_OK; i++) {
        if (stopped(w)) { complete = false; break; }
        sl_page item;
        rd_feed_item(feed, i, &item);
        st = take_item(w, url, &item);
        if (st == SL_EIO) { complete = false; st = SL_OK; }
    }
    rd_feed_free(feed);
    /* Pages are marked seen, and the feed's validators kept, only once the
     * articles are committed: a crash in between fetches them again (and
     * ingest finds them stored) rather than losing them for good. */
    if (st == SL_OK) st = eg_commit_batch(w->e, &w->stats->ingest);
    for (size_t i = 0; i < w->stored.n; i++) {
        if (st == SL_OK) st = st_seen_put(w->e->db, w->stored.v[i], url, 200, &w->e->err);
        free(w->stored.v[i]);
    }
    w->stored.n = 0;
    if (st == SL_OK && complete)
        st = st_feed_put(w->e->db, url, w->etag.data, w->last_modified.data, 200, &w->e->err);
    return st;
}

/* Sleep, waking every fifth of a second to see whether to stop. */
static void pause_between(const watch_run *w)
{
    double left = w->o->every_minutes * 60.0;
    while (left > 0 && !stopped(w)) {
        double d = left < 0.2 ? left : 0.2;
        struct timespec ts = {(time_t)d, (long)((d - (double)(time_t)d) * 1e9)};
        while (nanosleep(&ts, &ts) != 0 && errno == EINTR && !stopped(w)) {}
        left -= d;
    }
}

sl_status sl_watch(sl_engine *e, const char *const *feeds, size_t n_feeds, const sl_watch_opts *o,
                   sl_watch_stats *stats)
{
    sl_status st = eg_writer_take(e);
    if (st != SL_OK) return st;
    watch_run w = {.e = e, .o = o, .stats = stats, .fetch = rd_fetcher_new(o->timeout_seconds, &e->err)};
    if (!w.fetch) return (sl_status)e->err.status;
    rd_fetcher_max_body(w.fetch, e->limits.max_page);
    while (st == SL_OK) {
        /* The writer's lock for the round only: an ingest may run between
         * rounds, and the next round loads what it stored. */
        st = eg_writer_take(e);
        for (size_t i = 0; i < n_feeds && st == SL_OK && !stopped(&w); i++) st = poll_feed(&w, feeds[i]);
        /* store what the round fetched, even when stopping or failing */
        sl_status fl = e->broken ? SL_EDB : sl_ingest_flush(e, &stats->ingest);
        if (st == SL_OK) st = fl;
        eg_writer_release(e);
        stats->rounds++;
        if (o->on_round) o->on_round(stats, o->ctx);
        if (stopped(&w) || (o->rounds > 0 && stats->rounds >= o->rounds)) break;
        pause_between(&w);
        if (stopped(&w)) break;
    }
    rd_response_free(&w.resp);
    buf_free(&w.etag);
    buf_free(&w.last_modified);
    buf_free(&w.feed_url);
    buf_free(&w.link);
    VEC_FREE(w.stored);
    rd_fetcher_free(w.fetch);
    return st;
}
