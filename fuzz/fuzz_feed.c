/* fuzz_feed.c: libFuzzer target for the feed parser (RSS, RDF, Atom) and
 * the sniffer that sends files to it. */
#include "read/read.h"
#include "read/read_internal.h"

#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)rd_sniff((const char *)data, size);
    rd_feed *f = NULL;
    err_slot err;
    if (rd_feed_parse((const char *)data, size, "fuzz", &f, &err) != SL_OK) return 0;
    for (size_t i = 0; i < rd_feed_count(f); i++) {
        sl_page p;
        rd_feed_item(f, i, &p);
        if (strlen(p.body) != p.body_len) __builtin_trap();
        if (p.published) (void)day_parse_iso(p.published, strlen(p.published));
    }
    rd_feed_free(f);
    return 0;
}
