/* st_internal.h: private to the store: the database handle and its cached
 * statements. */
#ifndef SL_ST_INTERNAL_H
#define SL_ST_INTERNAL_H

#include <sqlite3.h>
#include <stdbool.h>

enum {
    ST_KNOWN, ST_PUT_ARTICLE, ST_PUT_TERM, ST_PUT_CLUSTER, ST_PUT_META, ST_PUT_SUMMARY,
    ST_ARTICLE_ID, ST_MEMBERS_EVENT, ST_MEMBERS_STORYLINE, ST_PUT_FTS, ST_PUT_ACTOR, ST_PUT_QUOTE,
    ST_PUT_TIME, ST_FEED_GET, ST_FEED_PUT, ST_SEEN_GET, ST_SEEN_PUT, ST_MERGE_NOTE, ST_MERGE_DROP,
    ST_MERGE_EVENT, ST_MERGE_STORYLINE, ST_MERGE_PARENT, ST_PUT_GENERATION, ST_GET_GENERATION, ST_SET_CLUSTER, ST_PUT_POSTINGS, ST_PUT_POSTINGS_LOG, ST_CLEAR_POSTINGS_LOG, ST_DATA_VERSION,
    ST_PUT_TERMS_LOG, ST_CLEAR_TERMS_LOG,
    ST_NSTMT
};

typedef struct st_ckpt st_ckpt;

struct st_db {
    sqlite3      *h;
    char         *path;
    sqlite3_stmt *stmt[ST_NSTMT];
    st_ckpt      *ckpt;          /* the background checkpointer (db.c), once
                                    the WAL first grew large; NULL before */
    int           ckpt_pages;    /* a checkpoint starts when the WAL holds this many */
    bool          ckpt_failed;   /* the thread could not start: the writer checkpoints */
    bool          readonly;      /* opened ST_READ */
    bool          created;       /* the file did not exist before st_open */
    const char   *article_cols;  /* ST_ARTICLE_COLS, or _4 for an older file read as it is */
    int64_t       search_window; /* the first window of st_search; 0: SL_SEARCH_WINDOW */
    bool          ranked;        /* sl_rank() is there for searches (browse.c) */
    bool          event_counts;  /* the file keeps each storyline's count of events (schema 6) */
    bool          quote_words;   /* the file keeps each quote's speaker_text (schema 7) */
    bool          actor_sure;    /* the file keeps whether an actor's type was read (schema 11) */
};

/* A cached statement, reset and unbound; NULL if it cannot be prepared. */
sqlite3_stmt *st_prepare(st_db *db, int which, const char *sql);

/* An SQLite error as SL_EDB naming the file and what was being done; a
 * damaged file with the first lines of PRAGMA integrity_check. */
sl_status st_fail(st_db *db, err_slot *err, const char *what);
/* After a loop over sqlite3_step's rows: SL_OK if rc is SQLITE_DONE, else
 * st_fail. */
sl_status st_done(st_db *db, int rc, err_slot *err, const char *what);
void      st_bind_text(sqlite3_stmt *s, int i, const char *t);

/* The columns of an article row, in the order st_article_rows reads them;
 * it steps s, calling fn for each row (and counting it in *n) until fn
 * returns non-zero, and returns the last sqlite3_step code (SQLITE_DONE
 * when fn stopped it). */
#define ST_ARTICLE_COLS "id, url, title, published, source, byline, dateline, event, storyline," \
                        " duplicate_of, text, meta, date_inferred, removed"
#define ST_ARTICLE_COLS_4 "id, url, title, published, source, byline, dateline, event, storyline," \
                          " duplicate_of, text, meta, date_inferred, NULL"
int st_article_rows(sqlite3_stmt *s, sl_article_fn fn, void *ctx, long *n);
/* Register the auxiliary function sl_rank() of FTS5 on h (browse.c);
 * false if it cannot be. */
bool st_rank_register(sqlite3 *h);
/* The passage of text around the words of an FTS5 query, at most words
 * words long, its matches between SL_MARK_START and SL_MARK_END and "…"
 * where the text goes on (snippet.c); caller frees. */
char *st_snippet(const char *query, const char *text, int words);
#define ST_SNIPPET_WORDS 24
/* The columns to select for st_article_rows from this file. */
const char *st_article_cols(const st_db *db);

#endif
