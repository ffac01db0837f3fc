/* fuzz_jsonl.c: libFuzzer target for one JSON Lines record and the
 * manifest's date parser. The record is read twice, by jsonl.c's own
 * scanner and by jansson alone (rd_jsonl_mode 1); any difference in
 * status, message or field aborts. */
#include "read/read_internal.h"

#include <stdlib.h>
#include <string.h>

static int same(const char *a, const char *b) { return (!a && !b) || (a && b && !strcmp(a, b)); }

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    rd_record rec = {0}, slow = {0};
    sl_page page, spage;
    err_slot err = {0}, serr = {0};
    sl_status st = rd_jsonl_parse((const char *)data, size, "fuzz", 1, "fuzz", &rec, &page, &err);
    rd_jsonl_mode = 1;
    sl_status sst = rd_jsonl_parse((const char *)data, size, "fuzz", 1, "fuzz", &slow, &spage, &serr);
    rd_jsonl_mode = 0;
    if (st != sst || (st != SL_OK && strcmp(err.msg, serr.msg)) ||
        (st == SL_OK && !(same(rec.id, slow.id) && same(rec.url, slow.url) && same(rec.title, slow.title) &&
                          same(rec.published, slow.published) && same(rec.source, slow.source) &&
                          same(rec.meta, slow.meta) && same(rec.text, slow.text) && same(rec.charset, slow.charset) &&
                          page.format == spage.format)))
        abort();
    if (st == SL_OK && page.published) (void)day_parse_iso(page.published, strlen(page.published));
    rd_record_free(&rec);
    rd_record_free(&slow);
    (void)day_parse_iso((const char *)data, size);
    return 0;
}
