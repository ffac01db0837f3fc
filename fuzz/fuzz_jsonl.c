/* fuzz_jsonl.c: libFuzzer target for one JSON Lines record and the
 * manifest's date parser. */
#include "read/read_internal.h"

#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    rd_record rec = {0};
    sl_page page;
    err_slot err;
    if (rd_jsonl_parse((const char *)data, size, "fuzz", 1, "fuzz", &rec, &page, &err) == SL_OK &&
        page.published)
        (void)day_parse_iso(page.published, strlen(page.published));
    rd_record_free(&rec);
    (void)day_parse_iso((const char *)data, size);
    return 0;
}
