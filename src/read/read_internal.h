/* read_internal.h: private to the read stage: one JSON Lines record. */
#ifndef SL_READ_INTERNAL_H
#define SL_READ_INTERNAL_H

#include "read.h"

/* Storage for the strings of the current JSON record's page. */
typedef struct rd_record {
    char *id, *url, *title, *published, *source, *meta, *text;
} rd_record;

/* Parse one JSON Lines record into page (strings owned by rec until the next
 * call). SL_EINPUT with a message naming input and line when it is not a
 * JSON object or has no text. */
sl_status rd_jsonl_parse(const char *line, size_t len, const char *input, long lineno,
                         const char *file_id, rd_record *rec, sl_page *page, err_slot *err);
void      rd_record_free(rd_record *rec);

#endif
