/* storyline.h: the public API of storyline, a news story-tracking engine.
 *
 * The only header a user of the library includes. storyline reads raw news
 * pages, extracts the article from each, folds syndicated copies together,
 * groups articles into events and events into storylines, and keeps all of
 * it in one SQLite file.
 *
 *     sl_engine *e;
 *     if (sl_open(&e, "news.db") != SL_OK) { puts(sl_errmsg(e)); ... }
 *     sl_ingest_path(e, "pages/", &stats);      // read, extract, cluster, store
 *     sl_storylines_each(e, print_storyline, NULL);
 *     sl_close(e);
 *
 * Every function that can fail returns an sl_status; the message, naming the
 * input and position, is then in sl_errmsg(). Bad input never stops a run:
 * the record is reported through the warning callback, skipped and counted.
 * Strings handed to callbacks are valid only during the call. */
#ifndef STORYLINE_H
#define STORYLINE_H

#include <signal.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SL_VERSION "0.1.0"

typedef enum sl_status {
    SL_OK = 0,
    SL_DONE = 1,       /* a reader has no more records */
    SL_EINPUT = 2,     /* one record is bad: skip it and go on */
    SL_EIO = 3,        /* a file cannot be read or written */
    SL_EDB = 4,        /* the database cannot be used */
    SL_ENOTFOUND = 5,  /* no such article, event or storyline */
    SL_EUSAGE = 6,     /* the caller passed something meaningless */
    SL_ELIMIT = 7      /* one record or file is over a limit (sl_limits):
                        * skip it and go on */
} sl_status;

/* Dates are days since 1970-01-01; SL_NO_DATE when unknown. */
#define SL_NO_DATE INT32_MIN

typedef struct sl_engine sl_engine;

/* ---- records of the pipeline ------------------------------------------- */

typedef enum sl_format {
    SL_FORMAT_TEXT = 0,   /* a plain-text scrape, one article */
    SL_FORMAT_HTML = 1    /* an HTML page: parsed, its article found among the markup */
} sl_format;

/* A raw page as a reader yields it: bytes and whatever metadata the
 * container gave. Fields other than body may be NULL. */
typedef struct sl_page {
    const char *input;      /* where it came from, for messages: file name or "-" */
    long        line;       /* line in the input (JSON Lines), 0 if not meaningful */
    const char *id;         /* the container's id; NULL: derived from the file name */
    const char *url;
    const char *title;
    const char *published;  /* as given: ISO 8601 date or date-time */
    const char *source;     /* outlet name */
    const char *meta_json;  /* other fields of the record, as a JSON object */
    const char *body;       /* the page's bytes, as given */
    size_t      body_len;
    sl_format   format;
    const char *charset;    /* the container's word on the encoding (the charset
                             * of an HTTP Content-Type header), or NULL */
    const char *fetched;    /* when the page was fetched (ISO 8601; a WARC-Date),
                             * or NULL: the publication date only when neither
                             * the page's metadata nor its text gives one */
} sl_page;

/* The article extracted from a page. Paragraphs are in reading order; text is
 * the paragraphs joined by a blank line. */
typedef struct sl_article {
    const char  *id;
    const char  *url;
    const char  *title;
    const char  *subtitle;
    const char  *byline;
    const char  *dateline;     /* e.g. "Seoul, December 7 (NationPress)", or NULL */
    const char  *source;
    const char  *language;     /* ISO 639-1 code ("en"), or NULL if unknown */
    const char  *meta_json;
    int32_t      published;    /* day, or SL_NO_DATE */
    int          date_inferred;/* 1 if published came from the text, not the metadata */
    const char **paragraphs;
    size_t       n_paragraphs;
    const char  *text;
    size_t       text_len;
    const char  *removed;      /* what extraction dropped (menus, link lists,
                                * captions...): its lines, one a line, up to
                                * SL_REMOVED_MAX bytes (then a last line "…");
                                * "" if nothing */
} sl_article;

#define SL_REMOVED_MAX 4096

/* ---- the engine --------------------------------------------------------- */

/* Open (creating if needed) the database at path for writing, and an
 * engine over it; a NULL path gives an engine without a database, for
 * sl_extract_page and sl_analyze_page. On failure *out is still set, so
 * that sl_errmsg() can say why; close it. */
sl_status   sl_open(sl_engine **out, const char *db_path);
/* The same with a choice of how (flags):
 * - SL_OPEN_READ: queries only. The file must exist and be a storyline
 *   database; it is opened read-only and nothing in it changes. Readers
 *   never wait for a writer and see whole batches only.
 * - SL_OPEN_WRITE (what sl_open does): one writer at a time, across
 *   processes. If another process writes to the database, a warning names
 *   it and this call waits until it is done; with SL_OPEN_NO_WAIT it fails
 *   at once instead (SL_EDB, naming the process).
 * A file that is not a storyline database is refused (SL_EDB) and left
 * as it was; an older storyline database is brought up to date by a
 * writer. */
enum { SL_OPEN_READ = 0, SL_OPEN_WRITE = 1, SL_OPEN_NO_WAIT = 2 };
sl_status   sl_open_db(sl_engine **out, const char *db_path, int flags);
void        sl_close(sl_engine *e);
const char *sl_errmsg(const sl_engine *e);

/* Called for every skipped record and every non-fatal problem. The default
 * (also what fn NULL sets again) prints "storyline: MESSAGE" to standard
 * error. */
typedef void (*sl_warn_fn)(const char *message, void *ctx);
void sl_set_warn(sl_engine *e, sl_warn_fn fn, void *ctx);

/* ---- reading ------------------------------------------------------------------ */

/* What one input may cost. A page, line or gzip stream over a limit is
 * reported with its input and position, skipped (SL_ELIMIT) and counted
 * (over_limit), and reading goes on with the next record or file. A field
 * left 0 takes its default. */
typedef struct sl_limits {
    uint64_t max_page;          /* bytes of one page: a text, HTML or feed file, a
                                 * WARC record's block and its decoded body, the
                                 * text of a JSON record, a fetched page or feed */
    uint64_t max_line;          /* bytes of one JSON Lines line */
    double   max_inflate;       /* bytes a gzip member, and a whole gzip file, may
                                 * give per compressed byte, once past the first
                                 * SL_INFLATE_FREE bytes */
    uint64_t max_inflate_size;  /* bytes one compressed file may give in all */
} sl_limits;

#define SL_MAX_PAGE         ((uint64_t)16 << 20)    /* 16 MiB */
#define SL_MAX_LINE         (2 * SL_MAX_PAGE)       /* a JSON string escapes its page */
#define SL_MAX_INFLATE      100.0
#define SL_MAX_INFLATE_SIZE ((uint64_t)32 << 30)    /* 32 GiB */
#define SL_INFLATE_FREE     ((uint64_t)1 << 20)     /* 1 MiB */

/* Set the limits of every later read (zero fields: the defaults above; a
 * max_page given without max_line sets the line limit to twice it).
 * SL_EUSAGE with a message if a value is out of range: max_page and
 * max_line 1 KiB to 1 GiB, max_inflate at least 1. */
sl_status sl_set_limits(sl_engine *e, const sl_limits *l);

/* The pages of a file, a folder (recursively) or "-", as sl_ingest_path
 * reads them. sl_source_next gives SL_OK and a page (valid until the next
 * call), SL_DONE at the end, or SL_EINPUT / SL_ELIMIT / SL_EIO for a bad
 * record, a record over a limit, or a file that cannot be read (message in
 * sl_errmsg; call again to go on). */
typedef struct sl_source sl_source;
sl_status sl_source_open(sl_engine *e, const char *path, sl_source **out);
sl_status sl_source_next(sl_source *s, sl_page *page);
void      sl_source_close(sl_source *s);

/* ---- ingest --------------------------------------------------------------- */

typedef struct sl_ingest_stats {
    long read;          /* records read from the inputs */
    long skipped_bad;   /* unreadable or empty records */
    long passed_over;   /* container records that hold no page (WARC requests,
                         * metadata, non-HTML responses): not counted in read */
    long skipped_known; /* already in the database (same id) */
    long stored;        /* new articles stored */
    long duplicates;    /* of those, near-duplicates of an earlier article */
    long new_events;
    long new_storylines;
    long merged_events; /* events found to be one with another and merged
                         * into it (their ids resolve to it) */
    long over_limit;    /* records and files skipped, or cut short, for a limit
                         * (sl_limits); counted in read, not in skipped_bad */
    long bad_dates;     /* published dates (of a JSON record or the manifest) that
                         * are no date: the article is stored, dated as if none
                         * had been given (from its page) */
} sl_ingest_stats;

/* Progress: called after every batch with the running counts. */
typedef void (*sl_progress_fn)(const sl_ingest_stats *s, void *ctx);
void sl_set_progress(sl_engine *e, sl_progress_fn fn, void *ctx);

/* Threads that extract and analyze pages while the calling thread clusters
 * and stores (jobs - 1 workers; 1, the default, runs everything on the
 * calling thread). What is stored does not depend on it. Call before
 * ingesting. */
sl_status sl_set_jobs(sl_engine *e, int jobs);

/* Publication dates and outlets for plain-text files: a TSV file with a header
 * line and the columns file, published, source (in any order). */
sl_status sl_load_manifest(sl_engine *e, const char *tsv_path);

/* Read a file, a folder (recursively) or "-" (standard input), and ingest
 * every article in it. Plain text and HTML are one article per file; .jsonl
 * is one article per line; a WARC file one per HTML response record; a feed
 * (RSS, Atom) one per item; .gz is decompressed first. Articles are clustered in
 * publication order within each batch, and each batch is one transaction. */
sl_status sl_ingest_path(sl_engine *e, const char *path, sl_ingest_stats *stats);

/* Ingest one page (copied; processed with its batch). A page without an id
 * is refused at once (SL_EINPUT); one that holds no article is reported
 * through the warning callback, and counted in skipped_bad, when its batch
 * is committed. */
sl_status sl_ingest_page(sl_engine *e, const sl_page *page, sl_ingest_stats *stats);
/* Process and commit what is buffered; also refreshes summaries. */
sl_status sl_ingest_flush(sl_engine *e, sl_ingest_stats *stats);

/* Extract the article from a page without storing it. The article lives
 * until the next call on this engine or sl_close. */
sl_status sl_extract_page(sl_engine *e, const sl_page *page, const sl_article **out);

/* A day as "YYYY-MM-DD" in out; "" for SL_NO_DATE. */
void sl_day_format(int32_t day, char out[11]);

/* ---- watching feeds -------------------------------------------------------- */

typedef struct sl_watch_stats {
    long            rounds;
    long            feeds_changed;    /* answered 200 with a feed */
    long            feeds_unchanged;  /* answered 304 Not Modified */
    long            feeds_failed;     /* no answer, another status, or not a feed */
    long            pages_fetched;    /* article pages fetched and handed to ingest */
    long            pages_failed;     /* article pages that could not be fetched */
    sl_ingest_stats ingest;
} sl_watch_stats;

typedef void (*sl_watch_fn)(const sl_watch_stats *s, void *ctx);

typedef struct sl_watch_opts {
    double      every_minutes;    /* pause between rounds */
    long        rounds;           /* stop after this many rounds; 0: until *stop is set */
    long        timeout_seconds;  /* limit of each request; 0: 30 */
    /* Set (by a signal handler) to stop: the page being fetched is finished,
     * what was fetched is stored, and sl_watch returns SL_OK. NULL: never. */
    const volatile sig_atomic_t *stop;
    sl_watch_fn on_round;         /* called after every round, or NULL */
    void       *ctx;
} sl_watch_opts;

/* Poll the feeds (RSS or Atom URLs) round after round. A feed is asked with
 * the ETag and Last-Modified it last sent (kept in the database, so a
 * restart keeps them); for each item whose link was never fetched, the
 * article page is fetched once and ingested as HTML with the item's title
 * and date. A feed or page that fails is reported through the warning
 * callback (URL and HTTP status or curl's reason) and the rounds go on.
 * Returns SL_OK when the rounds are done or *stop was set, SL_EDB if the
 * database fails. */
sl_status sl_watch(sl_engine *e, const char *const *feeds, size_t n_feeds, const sl_watch_opts *o,
                   sl_watch_stats *stats);

/* ---- who, said what, when -------------------------------------------------- */

/* Offsets count characters (Unicode code points) from the start of the text
 * analyzed: the article's cleaned text, or the input as given (raw). */
typedef struct sl_mention {
    const char *text, *type, *actor, *role;   /* type: person, organisation, place */
    size_t      start, end;
} sl_mention;

typedef struct sl_actor {
    const char        *name, *type, *key;
    const char *const *roles;
    size_t             n_roles;
    const char *const *aliases;
    size_t             n_aliases;
    long               mentions;
    /* its type read from a lexicon, a dateline or words only a firm has
     * ("shares in X"), not guessed; a story shows the type so read over
     * any number of guesses */
    int                sure;
} sl_actor;

typedef struct sl_quote {
    const char *speaker;     /* actor name, or NULL when unknown */
    const char *speaker_key; /* the actor's key, to match speakers across articles */
    const char *text;
    const char *kind;        /* "direct" or "indirect" */
    const char *article;     /* article id */
    size_t      start, end;
    const char *speaker_text; /* the speaker as the attribution words it ("the Florida
                               * senator", "she"), or NULL when nothing names them */
} sl_quote;

typedef struct sl_time {
    const char *text;
    const char *value;       /* TimeML value: a DATE's ISO date, week, month, quarter, year or
                              * year range, a TIME's "2013-03-18T18:00", a DURATION's
                              * "P3W", a SET's "P1D" or "XXXX-WXX-1"; NULL if unresolved */
    const char *sentence;    /* the sentence it sits in; NULL in a dateline ("VELTEN, June
                              * 29 (Wire) -"): the day a story was filed dates none of
                              * its sentences */
    size_t      start, end;
    const char *type;        /* "DATE", "TIME", "DURATION" or "SET" */
    int32_t     day;         /* the day it places on a timeline (a week its Monday, a
                              * month, quarter or season its first day, a time of day
                              * its day), or SL_NO_DATE: a duration, a set, a
                              * reference ("now"), an unresolved one */
    int         granularity; /* of day: 0 day, 1 month, week or quarter, 2 year, 3 none */
} sl_time;

typedef struct sl_analysis {
    const char       *id, *title;
    const char       *published;      /* "YYYY-MM-DD" or NULL */
    int               date_inferred;  /* published came from the text */
    const char       *text;           /* the text the offsets count in */
    const sl_mention *mentions;
    size_t            n_mentions;
    const sl_actor   *actors;
    size_t            n_actors;
    const sl_quote   *quotes;
    size_t            n_quotes;
    const sl_time    *times;
    size_t            n_times;
} sl_analysis;

/* Analyze one page without storing it: its article (or, with raw, the
 * input text as given), names, quotes and time expressions. The result
 * lives until the next call on this engine. */
sl_status sl_analyze_page(sl_engine *e, const sl_page *page, int raw, const sl_analysis **out);

/* ---- queries ---------------------------------------------------------------- */

typedef struct sl_article_row {
    const char *id, *url, *title, *published, *source;  /* published: "YYYY-MM-DD" or NULL */
    const char *byline, *dateline;
    const char *event, *storyline;                      /* "e12", "s3", or NULL */
    const char *duplicate_of;                           /* article id or NULL */
    const char *text;
    const char *meta_json;
    int         date_inferred;
    const char *removed;     /* what extraction dropped (sl_article), or NULL
                              * when the article was stored before schema 5 */
} sl_article_row;

typedef int (*sl_article_fn)(const sl_article_row *a, void *ctx);   /* non-zero stops */
/* Stored articles, newest (by publication day) first, undated last. Rows
 * come straight from an index: stopping after the first N costs the same
 * in any size of archive. */
sl_status sl_articles_each(sl_engine *e, sl_article_fn fn, void *ctx);

typedef struct sl_event_row {
    const char *id;          /* "e12" */
    const char *storyline;   /* "s3" */
    const char *headline;
    const char *first, *last;/* "YYYY-MM-DD" or NULL when no article is dated */
    long        size;        /* articles, duplicates included */
} sl_event_row;

typedef struct sl_storyline_row {
    const char         *id;
    const char         *headline;
    const char         *first, *last;
    long                size;
    const sl_event_row *events;   /* the newest SL_LIST_EVENTS, newest first */
    size_t              n_events;
    size_t              total_events;   /* all of them */
} sl_storyline_row;

typedef int (*sl_storyline_fn)(const sl_storyline_row *s, void *ctx);
/* Storylines, newest (by last date) first, undated last; like articles,
 * from an index, so the first N cost the same in any size of archive. */
sl_status sl_storylines_each(sl_engine *e, sl_storyline_fn fn, void *ctx);

typedef struct sl_story_article {
    const char *id, *title, *source, *published, *url, *duplicate_of, *event;
} sl_story_article;

typedef struct sl_timeline_entry {
    const char *date;       /* "YYYY-MM-DD" */
    const char *text;       /* the sentence that says what happened */
    const char *article;    /* the article it comes from */
} sl_timeline_entry;

/* One event or storyline in full. */
typedef struct sl_story {
    const char             *id;
    const char             *kind;        /* "event" or "storyline" */
    const char             *headline;
    const char             *first, *last;
    const char             *storyline;   /* for an event: its storyline */
    const char *const      *summary;     /* extractive summary, in order */
    size_t                  n_summary;
    long                    size;        /* articles, copies included */
    const sl_story_article *articles;    /* the newest SL_STORY_ARTICLES, oldest first */
    size_t                  n_articles;
    const sl_event_row     *events;      /* for a storyline: the newest SL_STORY_EVENTS, oldest first */
    size_t                  n_events;
    size_t                  total_events;   /* all of them */
    const sl_actor         *actors;      /* merged across articles, the SL_STORY_ACTORS
                                            most mentioned, most mentioned first */
    size_t                  n_actors;
    size_t                  total_actors;   /* all of them */
    const sl_quote         *quotes;      /* the newest SL_STORY_QUOTES, oldest article first */
    size_t                  n_quotes;
    size_t                  total_quotes;   /* all of them */
    const sl_timeline_entry *timeline;   /* oldest first */
    size_t                  n_timeline;
} sl_story;

/* Fetch the event or storyline with this id ("e12", "s3"). The story lives
 * until sl_story_free. What it costs does not grow with the story: the
 * articles and events listed are the newest ones, and actors, quotes and
 * timeline come from its newest SL_STORY_FACTS articles (of those, the most
 * mentioned actors and the newest quotes). */
#define SL_STORY_ARTICLES 200
#define SL_STORY_EVENTS 100
#define SL_STORY_FACTS 500
#define SL_STORY_ACTORS 100
#define SL_STORY_QUOTES 300
#define SL_LIST_EVENTS 10
sl_status sl_story_get(sl_engine *e, const char *id, sl_story **out);
void      sl_story_free(sl_story *s);

/* A timeline of a story (id "eN"/"sN"), or of all articles matching a
 * full-text query (SQLite FTS5 syntax: words, "phrases", OR, NOT) when id is
 * NULL: the dates most mentioned (at most dates), oldest first, with up to
 * per_date sentences each. */
typedef struct sl_timeline {
    const sl_timeline_entry *entries;
    size_t                   n;
} sl_timeline;

#define SL_TIMELINE_DATES 12
sl_status sl_timeline_get(sl_engine *e, const char *id, const char *query, size_t dates,
                          size_t per_date, sl_timeline **out);
void      sl_timeline_free(sl_timeline *t);

/* ---- browsing: pages, one article, search (what the server asks) ---------- */

/* One page of a listing, newest first (by last day; undated last). Pages
 * are cut by key: a cursor names where the page before ended, so a page
 * deep in a large archive costs what the first does, and none shows a row
 * twice while a writer adds stories. */
typedef struct sl_page_query {
    const char *since, *until;  /* "YYYY-MM-DD" or NULL: only stories whose days
                                 * meet [since, until]; undated ones only when
                                 * neither is given */
    const char *cursor;         /* next of the page before, or NULL: the first */
    long        limit;          /* rows, 1 to SL_PAGE_MAX */
} sl_page_query;
#define SL_PAGE_MAX 1000
#define SL_CURSOR_MAX 48
typedef int (*sl_event_fn)(const sl_event_row *ev, void *ctx);   /* non-zero stops */
/* Storylines (each with its newest SL_LIST_EVENTS events) or events of one
 * page; next gets the cursor of the page after, "" after the last page.
 * SL_EUSAGE with the reason for a bad date, cursor or limit. */
sl_status sl_storylines_page(sl_engine *e, const sl_page_query *q, sl_storyline_fn fn, void *ctx,
                             char next[SL_CURSOR_MAX]);
sl_status sl_events_page(sl_engine *e, const sl_page_query *q, sl_event_fn fn, void *ctx, char next[SL_CURSOR_MAX]);

/* The article with this id (fn called once), or SL_ENOTFOUND. */
sl_status sl_article_get(sl_engine *e, const char *id, sl_article_fn fn, void *ctx);
/* The articles stored as copies of the article id, oldest first. */
sl_status sl_copies_each(sl_engine *e, const char *id, sl_article_fn fn, void *ctx);

/* An actor across the archive: its name (the form most used), type,
 * roles and spellings merged over the articles that name it, the
 * storylines and events it appears in (newest first, with how many of
 * their articles name it) and its quotes (oldest first). Actors are named by key, their
 * name case-folded ("piet molnar"), as sl_actor gives it. The articles are
 * the newest SL_STORY_FACTS whose text holds the key as a phrase. */
typedef struct sl_actor_story {
    const char *id, *headline, *first, *last;
    long        articles;
} sl_actor_story;
typedef struct sl_actor_page {
    sl_actor              actor;
    long                  articles;
    const sl_actor_story *storylines;
    size_t                n_storylines;
    const sl_actor_story *events;
    size_t                n_events;
    const sl_quote       *quotes;
    size_t                n_quotes;
} sl_actor_page;
/* SL_ENOTFOUND if no article names the actor. Lives until
 * sl_actor_page_free. */
sl_status sl_actor_get(sl_engine *e, const char *key, sl_actor_page **out);
void      sl_actor_page_free(sl_actor_page *p);

/* A search hit: an article, and the passage of its text that matches best,
 * each match between the bytes SL_MARK_START and SL_MARK_END. */
#define SL_MARK_START '\x01'
#define SL_MARK_END '\x02'
typedef struct sl_hit {
    const char *id, *title, *published, *source, *event, *storyline;
    const char *snippet;
    double      score;    /* BM25 without the terms' rarity (sl_rank, browse.c),
                           * title matches weighing 4 times: higher is better */
} sl_hit;
typedef int (*sl_hit_fn)(const sl_hit *h, void *ctx);   /* non-zero stops */
/* Full-text search of titles and texts (SQLite FTS5 syntax: words,
 * "phrases", OR, NOT, prefix*), best first (or, SL_SEARCH_NEWEST, newest
 * first), skipping offset hits. The matches ranked are those among the
 * newest SL_SEARCH_WINDOW stored articles, or 2, 4, 8... times as many:
 * the first such window that holds offset + limit of them, else the whole
 * archive. So a common word is ranked among recent articles and a rare one
 * is found anywhere, and neither costs more as the archive grows. A query
 * FTS5 cannot parse is SL_EUSAGE with its reason. */
enum { SL_SEARCH_BEST = 0, SL_SEARCH_NEWEST = 1 };
#define SL_SEARCH_WINDOW 1000
sl_status sl_search(sl_engine *e, const char *query, long offset, long limit, int order, sl_hit_fn fn, void *ctx);

/* A number that changes whenever another connection (another engine, in
 * this process or another) commits to the database: what this engine read
 * before is still what the file holds while it is the same. */
sl_status sl_data_version(sl_engine *e, int64_t *out);

/* Let other writers in until this engine next writes (a long-running writer
 * between its batches, as watch between rounds); the next write waits for
 * them (or fails, with SL_OPEN_NO_WAIT) and brings this engine up to what
 * they stored. */
void sl_writer_release(sl_engine *e);

#ifdef __cplusplus
}
#endif
#endif
