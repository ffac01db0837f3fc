/* store.h: the store stage: one SQLite file (WAL), the only persistent state.
 *
 * Articles with their event, storyline and duplicate link; events and
 * storylines with their centroids, dates, headlines and summaries; the
 * vocabulary's document frequencies. Everything else is recomputable from
 * the stored articles. Internal symbols use the prefix st_. */
#ifndef SL_STORE_H
#define SL_STORE_H

#include "storyline.h"
#include "../core/core.h"
#include "../cluster/cluster.h"
#include "../dedup/dedup.h"

typedef struct st_db st_db;

/* The schema this build writes; files of schema 1 to 7 are brought up to
 * it when opened for writing, and read as they are from schema 3 on. */
#define ST_SCHEMA 11
typedef enum st_mode { ST_READ, ST_WRITE } st_mode;
/* Open the database at path. ST_READ: an existing storyline database,
 * read-only (nothing in the file changes); ST_WRITE: created if missing,
 * migrated forward if older. Any other file (not SQLite, another program's
 * SQLite, a newer schema) is refused with SL_EDB and left unchanged; a file
 * this call created is removed again. One writer at a time is the caller's
 * to ensure (st_lock). */
sl_status st_open(const char *path, st_mode mode, st_db **out, err_slot *err);
/* A checkpoint starts in the background once the WAL holds this many
 * pages (default 16384, 64 MB of 4 KB pages); a small number for tests. */
/* The writer's lock (lock.c): one writer per database at a time, across
 * processes. If another holds it: wait (after telling waiting, if not
 * NULL, who holds it) or, if !wait, SL_EDB naming the holder. */
typedef struct st_lock st_lock;
typedef void (*st_wait_fn)(const char *msg, void *ctx);
sl_status st_lock_take(const char *db_path, bool wait, st_wait_fn waiting, void *ctx, st_lock **out, err_slot *err);
void      st_lock_release(st_lock *l);
/* Release and remove the lock file (for a database just removed). */
void      st_lock_forget(st_lock *l);

/* Batches committed to the file so far, by any writer: a writer that let
 * go of the lock (watch between rounds) reloads if it changed. */
sl_status st_generation(st_db *db, int64_t *out, err_slot *err);
/* SQLite's data_version of this connection: it changes when another
 * connection commits. */
sl_status st_data_version(st_db *db, int64_t *out, err_slot *err);

void st_checkpoint_every(st_db *db, int pages);
/* The first window of newest articles a search ranks in (default
 * SL_SEARCH_WINDOW); a small one for tests. */
void st_search_window(st_db *db, int64_t articles);
void      st_close(st_db *db);
const char *st_path(const st_db *db);
/* A database this process created and stored nothing in (no article, no
 * feed state) is closed and removed, and true returned; else nothing
 * happens (false): a failed first run leaves no file behind. */
bool      st_close_discarding(st_db *db);

sl_status st_begin(st_db *db, err_slot *err);
sl_status st_commit(st_db *db, err_slot *err);
void      st_rollback(st_db *db);
/* A read of several statements that sees one moment of the file (whole
 * batches only, even while a writer commits): st_snapshot_begin returns
 * whether it began a transaction, to hand to st_snapshot_end. */
bool      st_snapshot_begin(st_db *db);
void      st_snapshot_end(st_db *db, bool began);

/* Is an article with this id stored? (*known; SL_EDB if the file fails) */
sl_status st_article_known(st_db *db, const char *id, bool *known, err_slot *err);

typedef struct st_placed {
    const char *duplicate_of;   /* article id or NULL */
    int64_t     event, storyline;
    const dd_sig *sig;
} st_placed;
/* Store an article; *rowid gets its row. */
sl_status st_article_put(st_db *db, const sl_article *a, const st_placed *p, int64_t *rowid,
                         err_slot *err);

/* The actors, quotes and time expressions of a stored article. */
sl_status st_facts_put(st_db *db, int64_t row, const sl_analysis *facts, err_slot *err);

/* A term's row (cl_vocab_new, cl_vocab_dirty); a batch's log of the
 * frequencies of stored terms (cl_vocab_log: n uint32, (id, frequency)
 * pairs), and the log emptied once the rows are stored. */
sl_status st_term_put(st_db *db, uint32_t id, const char *term, size_t len, uint32_t df, err_slot *err);
sl_status st_terms_log_put(st_db *db, const uint32_t *pairs, size_t n, err_slot *err);
sl_status st_terms_log_clear(st_db *db, err_slot *err);
sl_status st_cluster_put(st_db *db, const cl_row *row, err_slot *err);
/* One posting list of the candidate index (cl_postings_dirty); a batch's
 * log of it (cl_postings_log: n uint32, (term, position) pairs), and the
 * log emptied once the lists are stored. */
sl_status st_postings_put(st_db *db, cl_level level, uint32_t term, const uint32_t *pos, size_t n, err_slot *err);
sl_status st_postings_log_put(st_db *db, cl_level level, const uint32_t *pairs, size_t n, err_slot *err);
sl_status st_postings_log_clear(st_db *db, err_slot *err);
/* Cluster id of level was merged into into: its row goes, its id is noted
 * (queries resolve it), and its articles (an event's: with the storyline of
 * the event that took them) or events (a storyline's) move over. Call
 * after the surviving clusters are written. */
sl_status st_cluster_merged(st_db *db, int level, int64_t id, int64_t into, err_slot *err);
/* The end of a batch: the number of documents seen, the cluster ids
 * handed out, and one more generation. */
sl_status st_batch_end(st_db *db, const cl_state *cl, err_slot *err);
/* After a committed batch: merge the full-text index into one segment when
 * the archive has doubled since it last was (*done says whether it was),
 * in a transaction of its own. */
sl_status st_fts_tidy(st_db *db, bool *done, err_slot *err);

/* Load the vocabulary, clusters and signatures into the in-memory stages. */
sl_status st_load(st_db *db, cl_state *cl, dd_index *dd, err_slot *err);
/* Id and event of a stored article (for duplicate links): SL_OK,
 * SL_ENOTFOUND, or SL_EDB if the file fails. */
sl_status st_article_ref(st_db *db, int64_t rowid, buf *id, int64_t *event, err_slot *err);
/* Events and storylines changed since they were last summarized. */
typedef void (*st_stale_fn)(cl_level level, int64_t id, void *ctx);
sl_status st_stale_each(st_db *db, st_stale_fn fn, void *ctx, err_slot *err);

/* ---- summaries ---- */
typedef struct st_member {
    const char *id, *title, *text, *duplicate_of;
    int32_t     day;
} st_member;
typedef void (*st_member_fn)(const st_member *m, void *ctx);
/* Up to limit articles of an event or storyline, oldest first, copies last. */
sl_status st_members(st_db *db, cl_level level, int64_t id, int limit, st_member_fn fn, void *ctx, err_slot *err);
sl_status st_summary_put(st_db *db, cl_level level, int64_t id, const char *headline,
                         const char *summary_json, err_slot *err);

/* ---- what a story's articles say together (story.c) ---- */

/* The members of a story: an event or storyline (query NULL), or the
 * articles matching a full-text query. */
typedef struct st_members_of {
    cl_level    level;
    int64_t     id;
    const char *query;
} st_members_of;

sl_status st_story_actors(st_db *db, const st_members_of *m, arena *a, sl_actor **out, size_t *n, err_slot *err);
/* The quotes of m's articles, oldest article first; with limit, only the
 * newest limit of them (*total: all of them). A speaker who is one of actors
 * is named as that actor is. */
sl_status st_story_quotes(st_db *db, const st_members_of *m, const sl_actor *actors, size_t n_actors, size_t limit,
                          arena *a, sl_quote **out, size_t *n, size_t *total, err_slot *err);
sl_status st_story_timeline(st_db *db, const st_members_of *m, size_t dates, size_t per_date, arena *a,
                            sl_timeline_entry **out, size_t *n, err_slot *err);

/* ---- what watch remembers (feeds.c) ---- */

/* The validators of a feed's last 200 response (ETag, Last-Modified), each
 * "" if none or if the feed was never fetched; SL_EDB if the file fails. */
sl_status st_feed_get(st_db *db, const char *url, buf *etag, buf *last_modified, err_slot *err);
sl_status st_feed_put(st_db *db, const char *url, const char *etag, const char *last_modified,
                      long status, err_slot *err);
/* An article URL fetched before: its last HTTP status (0: no response) and
 * how often it was tried (0: never); SL_EDB if the file fails. */
sl_status st_seen_get(st_db *db, const char *url, long *status, long *tries, err_slot *err);
sl_status st_seen_put(st_db *db, const char *url, const char *feed, long status, err_slot *err);

/* ---- queries (the public API's, with the engine's error slot) ---- */
sl_status st_articles_each(st_db *db, sl_article_fn fn, void *ctx, err_slot *err);
sl_status st_storylines_each(st_db *db, sl_storyline_fn fn, void *ctx, err_slot *err);
sl_status st_story_get(st_db *db, const char *id, sl_story **out, err_slot *err);
sl_status st_timeline_get(st_db *db, const char *id, const char *query, size_t dates, size_t per_date,
                          sl_timeline **out, err_slot *err);
/* The newest limit events of one storyline into an arena-allocated array,
 * in order ("DESC": newest first, "ASC": oldest first), and how many it
 * has in all (*total). */
sl_status st_events_of(st_db *db, int64_t storyline, const char *order, int limit, arena *a,
                       sl_event_row **out, size_t *n, size_t *total, err_slot *err);

/* ---- browsing: the server's queries (browse.c) ---- */
/* SL_EUSAGE with the reason if a page query is malformed. */
sl_status st_check_page(const sl_page_query *q, err_slot *err);
sl_status st_storylines_page(st_db *db, const sl_page_query *q, sl_storyline_fn fn, void *ctx,
                             char next[SL_CURSOR_MAX], err_slot *err);
sl_status st_events_page(st_db *db, const sl_page_query *q, sl_event_fn fn, void *ctx, char next[SL_CURSOR_MAX],
                         err_slot *err);
sl_status st_article_get(st_db *db, const char *id, sl_article_fn fn, void *ctx, err_slot *err);
sl_status st_copies_each(st_db *db, const char *id, sl_article_fn fn, void *ctx, err_slot *err);
sl_status st_actor_get(st_db *db, const char *key, sl_actor_page **out, err_slot *err);
sl_status st_search(st_db *db, const char *query, long offset, long limit, int order, sl_hit_fn fn, void *ctx,
                    err_slot *err);

#endif
