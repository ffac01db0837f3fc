/* read_internal.h: private to the read stage: one JSON Lines record, what
 * a file's first bytes say it is, and the HTTP message inside a WARC record. */
#ifndef SL_READ_INTERNAL_H
#define SL_READ_INTERNAL_H

#include "read.h"

/* ---- sniff.c: what a file is, from its first bytes ---- */

/* jsonl.c: 1 makes rd_jsonl_parse give every record to jansson, as it
 * did before its own scanner (tests compare the two); 0 by default. */
extern int rd_jsonl_mode;

typedef enum rd_sniffed {
    RD_SNIFF_UNKNOWN,   /* read as plain text */
    RD_SNIFF_JSONL,     /* '{' first */
    RD_SNIFF_HTML,      /* <!DOCTYPE html or <html (after a BOM, space, comments) */
    RD_SNIFF_WARC,      /* WARC/1. */
    RD_SNIFF_FEED       /* XML whose root is rss, feed or rdf:RDF */
} rd_sniffed;

/* Look at up to n bytes of a file's start (RD_SNIFF_BYTES are enough). */
#define RD_SNIFF_BYTES 1024
rd_sniffed rd_sniff(const char *p, size_t n);

/* ---- http.c: an HTTP response stored in a WARC record ---- */

/* The decoded body's limit when max_body is 0: the default page limit. */
#define RD_HTTP_MAX_BODY SL_MAX_PAGE

typedef struct rd_http {
    int      status;
    rd_media media;
    bool     page;      /* a 2xx HTML response: body holds the page */
    buf      body;      /* de-chunked and decompressed */
    buf      scratch;
    uint64_t max_body;  /* the body may not grow past this (0: RD_HTTP_MAX_BODY):
                         * a small gzip record must not expand into gigabytes */
} rd_http;

/* Why a body is refused when it is larger than max_body (compare the pointer). */
extern const char rd_http_too_large[];

/* Parse n bytes of an HTTP response. NULL when it parses (h->page and
 * h->body set only for a 2xx HTML response); otherwise why it is malformed,
 * or rd_http_too_large (h->body is then empty: it never holds more than
 * the limit). */
const char *rd_http_parse(const char *p, size_t n, rd_http *h);
void        rd_http_free(rd_http *h);

#endif
