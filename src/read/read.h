/* read.h: the read stage: open a source and yield raw pages.
 *
 * A source is a file, a folder (walked recursively, in name order) or "-"
 * for standard input. Plain text and HTML are one page per file; JSON Lines
 * one page per line; a WARC file one page per HTML response; a feed one
 * page per item; gzip is decompressed transparently. The reader knows nothing
 * about news: it hands over bytes and the container's metadata. Internal
 * symbols use the prefix rd_. */
#ifndef SL_READ_H
#define SL_READ_H

#include "storyline.h"
#include "../core/core.h"

#include <stdio.h>

typedef struct rd_source rd_source;

/* ---- limits.c: the limits on input ---- */

/* The range of the page and line limits: a page must fit libxml2's int. */
#define RD_MIN_SIZE ((uint64_t)1 << 10)
#define RD_MAX_SIZE ((uint64_t)1 << 30)
/* l with every field left 0 given its default (l may be NULL: all of them). */
void        rd_limits_fill(const sl_limits *l, sl_limits *out);
/* NULL if every field given is in range, else what is wrong. */
const char *rd_limits_check(const sl_limits *l);
/* n bytes for a message: "16 MiB", "1.5 GiB", "900 bytes". */
const char *rd_size_str(uint64_t n, char out[32]);

/* Open path. SL_EIO (message in err) if it does not exist or is unreadable.
 * A folder is walked at once (its regular files, directories and anything
 * else it holds, which rd_next reports and skips: FIFOs, devices and
 * sockets are never opened); a path named is read whatever it is (a FIFO
 * as a stream, as bash's <(...) gives one). */
sl_status rd_open(const char *path, rd_source **out, err_slot *err);
/* The limits of the reads to come (NULL or zero fields: the defaults). */
void      rd_set_limits(rd_source *s, const sl_limits *l);

/* Next page: SL_OK and *page filled (valid until the next call), SL_DONE at
 * the end, SL_EINPUT for a bad record, SL_ELIMIT for a record or file over
 * a limit, or SL_EIO for an unreadable file: the message is in err and the
 * next call goes on with the next record. */
sl_status rd_next(rd_source *s, sl_page *page, err_slot *err);
void      rd_close(rd_source *s);
/* Records passed over so far without a message: WARC requests, metadata,
 * warcinfo, revisits and responses that are not 2xx HTML. */
long      rd_passed(const rd_source *s);

/* The id a file name gives: without folder and without the suffixes .gz,
 * .txt, .text, .html, .htm, .jsonl, .ndjson. Written into out (NUL-terminated). */
void rd_id_from_path(const char *path, buf *out);

/* The manifest: publication date and outlet of each file, from a TSV file
 * with a header line naming the columns file, published and source. */
typedef struct rd_manifest rd_manifest;
sl_status rd_manifest_load(const char *path, rd_manifest **out, err_slot *err);
/* The same from an open stream (left open); input names it in messages. */
sl_status rd_manifest_of(FILE *f, const char *input, rd_manifest **out, err_slot *err);
/* Entry for a page's input path (matched by file name without folder). */
bool      rd_manifest_find(const rd_manifest *m, const char *input,
                           const char **published, const char **source);
/* The manifest's line that gives that entry (the header is line 1), or 0. */
long      rd_manifest_line(const rd_manifest *m, const char *input);
void      rd_manifest_free(rd_manifest *m);

/* Where a streaming reader gets its bytes: up to n into dst; returns how
 * many, 0 at the end, or -1 with a message in err. */
typedef long (*rd_pull_fn)(void *ctx, char *dst, size_t n, err_slot *err);

/* A WARC file (warc.c): its HTML response records as pages, one at a time.
 * input names the file in messages. rd_warc_next gives SL_OK and a page
 * (valid until the next call; format HTML, url and id from
 * WARC-Target-URI, fetched from WARC-Date, charset from the HTTP
 * Content-Type), SL_DONE at the end, SL_EINPUT for a malformed record (the
 * message names the byte offset; the next call goes on with the next
 * record), or SL_EIO when the bytes cannot be read. */
typedef struct rd_warc rd_warc;
rd_warc  *rd_warc_new(rd_pull_fn pull, void *ctx, const char *input);
/* A record whose block, or whose decoded body, is larger than max_page
 * (default SL_MAX_PAGE) is skipped with an SL_ELIMIT message. */
void      rd_warc_max_page(rd_warc *w, uint64_t max_page);
sl_status rd_warc_next(rd_warc *w, sl_page *page, err_slot *err);
/* Records passed over without a message: requests, metadata, warcinfo,
 * revisits, and responses that are not 2xx HTML. */
long      rd_warc_passed(const rd_warc *w);
/* For a compressed source: the compressed offset of the gzip member that
 * holds uncompressed byte off (called with the pull's ctx), or -1. Messages
 * and page labels then name it too. */
typedef long long (*rd_member_fn)(void *ctx, uint64_t off);
void      rd_warc_members(rd_warc *w, rd_member_fn member_of);
void      rd_warc_free(rd_warc *w);

/* A gzip file read member by member (gunzip.c): a corrupt or truncated
 * member is skipped up to the next gzip header, and a message naming its
 * compressed byte offset waits for rd_gunzip_message (SL_EINPUT). So is a
 * member that inflates past the ratio limit; the whole file past the ratio
 * or the size limit ends there (SL_ELIMIT). */
typedef struct rd_gunzip rd_gunzip;
rd_gunzip *rd_gunzip_open(const char *path, err_slot *err);   /* NULL: message in err */
/* The same over an open stream, which it then owns (the fuzzer's memory). */
rd_gunzip *rd_gunzip_of(FILE *f, const char *input, err_slot *err);
/* Bytes already read from the stream (at most 64 KiB, before the first
 * pull), to be inflated first: the first bytes of standard input. */
void       rd_gunzip_unread(rd_gunzip *g, const void *p, size_t n);
/* Limits other than the defaults (only max_inflate and max_inflate_size
 * matter here). */
void       rd_gunzip_limits(rd_gunzip *g, const sl_limits *l);
/* stop: a damaged member, or one past the ratio, ends the file instead
 * (its message says so), for inputs whose records cannot resynchronise. */
void       rd_gunzip_stop(rd_gunzip *g, bool stop);
long       rd_gunzip_pull(void *ctx, char *dst, size_t n, err_slot *err);   /* an rd_pull_fn */
/* The whole text handed over into b (its old bytes freed), when the file
 * is one member decompressed at once and nothing was pulled yet: a pull
 * then gives 0. false (b untouched) otherwise. */
bool       rd_gunzip_take(rd_gunzip *g, buf *b);
/* Bytes decompressed and not yet pulled, when the whole file is
 * decompressed at once (tried here if no pull has tried it yet; else 0):
 * the reader above sizes its buffer by it. */
uint64_t   rd_gunzip_ready(rd_gunzip *g);
/* An rd_member_fn: the member holding uncompressed byte off, among the
 * last 64 begun. */
long long  rd_gunzip_member_of(void *ctx, uint64_t off);
/* The message about a damaged member, if one waits (then cleared). */
bool       rd_gunzip_message(rd_gunzip *g, err_slot *err);
void       rd_gunzip_close(rd_gunzip *g);

/* A news feed (RSS 2.0, RSS 1.0/RDF or Atom) held in memory, parsed into its
 * items (feed.c). Used by the file reader for feed files and by watch for
 * fetched feeds. */
typedef struct rd_feed rd_feed;
/* Parse n bytes of feed XML; input names it in messages. SL_EINPUT with a
 * message in err if it is not a feed. */
sl_status rd_feed_parse(const char *xml, size_t n, const char *input, rd_feed **out, err_slot *err);
size_t    rd_feed_count(const rd_feed *f);
/* Item i as a page (valid until rd_feed_free): url is the item's link, title
 * and published (ISO 8601) its own, source the feed's title, body its
 * content or else its summary, as HTML (format SL_FORMAT_HTML); id NULL
 * unless the feed gives a guid. */
void      rd_feed_item(const rd_feed *f, size_t i, sl_page *page);
void      rd_feed_free(rd_feed *f);

/* A Content-Type: media type (lower case, without parameters) and charset
 * (http.c). */
typedef struct rd_media {
    char type[64];
    char charset[40];
} rd_media;
void rd_media_type(const char *ct, size_t n, rd_media *out);
/* text/html or application/xhtml+xml */
bool rd_media_is_html(const rd_media *m);

/* Fetching over HTTP(S) with libcurl (fetch.c), for watch. A fetcher keeps
 * one connection cache; every request is limited to timeout seconds. */
typedef struct rd_fetcher rd_fetcher;
rd_fetcher *rd_fetcher_new(long timeout_seconds, err_slot *err);   /* NULL: why in err */
/* The largest response body (default SL_MAX_PAGE). */
void        rd_fetcher_max_body(rd_fetcher *f, uint64_t max_body);
void        rd_fetcher_free(rd_fetcher *f);

typedef struct rd_response {
    long     status;          /* HTTP status of the last response (after redirects) */
    buf      body;            /* decoded (gzip, chunks undone); at most the fetcher's limit */
    buf      etag, last_modified;   /* the validators it sent, "" if none */
    rd_media media;           /* its Content-Type */
    buf      url;             /* where it came from after redirects */
} rd_response;

/* GET url; etag and last_modified (NULL or "" for none) are sent as
 * If-None-Match and If-Modified-Since. SL_OK when a response came, whatever
 * its status; SL_ELIMIT when its body is larger than the limit; SL_EIO with
 * a message naming the URL and curl's reason when none did (no connection,
 * time out). */
sl_status rd_fetch(rd_fetcher *f, const char *url, const char *etag, const char *last_modified,
                   rd_response *out, err_slot *err);
void      rd_response_free(rd_response *r);
/* ref (a feed's link, maybe relative) made absolute against base, into out;
 * false if either is not a URL, or libcurl cannot be opened. */
bool      rd_url_resolve(const char *base, const char *ref, buf *out);

/* ---- jsonl.c: one JSON Lines record (also the API's POSTed articles) ---- */

/* Storage for the strings of the current JSON record's page. */
typedef struct rd_record {
    char *id, *url, *title, *published, *source, *meta, *text, *charset;
} rd_record;

/* Parse one JSON Lines record into page (strings owned by rec until the next
 * call). A record without an id gets "FILE_ID-LINE", or none (page->id NULL)
 * when file_id is NULL. SL_EINPUT with a message naming input and line when
 * it is not a JSON object or has no text. */
sl_status rd_jsonl_parse(const char *line, size_t len, const char *input, long lineno,
                         const char *file_id, rd_record *rec, sl_page *page, err_slot *err);
void      rd_record_free(rd_record *rec);

#endif
