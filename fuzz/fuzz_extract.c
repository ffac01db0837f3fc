/* fuzz_extract.c: libFuzzer target for the extract stage (and the UTF-8
 * sanitizer in front of it): any bytes as a plain-text page. */
#include "extract/extract.h"

#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t n;
    char *clean = u8_sanitize((const char *)data, size, &n);
    sl_page page = {.input = "fuzz", .id = "fuzz", .body = clean, .body_len = n};
    arena a;
    arena_init(&a);
    sl_article art;
    err_slot err;
    if (ex_extract(&page, &a, &art, &err) == SL_OK && art.text_len && !art.text) abort();
    arena_reset(&a);
    free(clean);
    /* The extractor must also cope with raw bytes. */
    page.body = (const char *)data;
    page.body_len = size;
    arena_init(&a);
    ex_extract(&page, &a, &art, &err);
    arena_reset(&a);
    return 0;
}
