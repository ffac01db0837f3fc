/* read.h: the read stage: open a source and yield raw pages.
 *
 * A source is a file, a folder (walked recursively, in name order) or "-"
 * for standard input. Plain text is one page per file; JSON Lines one page
 * per line; gzip is decompressed transparently. The reader knows nothing
 * about news: it hands over bytes and the container's metadata. Internal
 * symbols use the prefix rd_. */
#ifndef SL_READ_H
#define SL_READ_H

#include "storyline.h"
#include "../core/core.h"

typedef struct rd_source rd_source;

/* Open path. SL_EIO (message in err) if it does not exist or is unreadable. */
sl_status rd_open(const char *path, rd_source **out, err_slot *err);

/* Next page: SL_OK and *page filled (valid until the next call), SL_DONE at
 * the end, SL_EINPUT for a bad record or SL_EIO for an unreadable file: the
 * message is in err and the next call goes on with the next record. */
sl_status rd_next(rd_source *s, sl_page *page, err_slot *err);
void      rd_close(rd_source *s);

/* The id a file name gives: without folder and without the suffixes .gz,
 * .txt, .text, .html, .htm, .jsonl, .ndjson. Written into out (NUL-terminated). */
void rd_id_from_path(const char *path, buf *out);

/* The manifest: publication date and outlet of each file, from a TSV file
 * with a header line naming the columns file, published and source. */
typedef struct rd_manifest rd_manifest;
sl_status rd_manifest_load(const char *path, rd_manifest **out, err_slot *err);
/* Entry for a page's input path (matched by file name without folder). */
bool      rd_manifest_find(const rd_manifest *m, const char *input,
                           const char **published, const char **source);
void      rd_manifest_free(rd_manifest *m);

#endif
