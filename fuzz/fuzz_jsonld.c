/* fuzz_jsonld.c: libFuzzer target for the JSON-LD reader of
 * extract/html_meta_ld.c, differential: every input is read by the reader
 * of our own (which leaves what it does not take to jansson) and by
 * jansson alone, and the metadata the two give must be the same. A
 * difference aborts; so do the sanitizers' findings. */
#include "extract/html_meta.h"

#include <stdlib.h>
#include <string.h>

static ex_meta_found empty(void)
{
    return (ex_meta_found){.ld_date = SL_NO_DATE, .ld_page_date = SL_NO_DATE, .meta_date = SL_NO_DATE,
                           .item_date = SL_NO_DATE, .time_pub = SL_NO_DATE, .time_any = SL_NO_DATE,
                           .text_date = SL_NO_DATE, .modified = SL_NO_DATE};
}

static bool same(const char *x, const char *y) { return x == y || (x && y && !strcmp(x, y)); }

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    arena a;
    arena_init(&a);
    ex_meta_found fast = empty(), slow = empty();
    ex_meta_ld_by((const char *)data, size, &a, &fast, false);
    ex_meta_ld_by((const char *)data, size, &a, &slow, true);
    if (!same(fast.ld_headline, slow.ld_headline) || !same(fast.ld_author, slow.ld_author) ||
        !same(fast.site_name, slow.site_name) || !same(fast.lang_ld, slow.lang_ld) ||
        fast.ld_date != slow.ld_date || fast.ld_page_date != slow.ld_page_date || fast.modified != slow.modified)
        abort();
    arena_reset(&a);
    return 0;
}
