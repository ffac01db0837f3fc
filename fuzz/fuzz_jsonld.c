/* fuzz_jsonld.c: libFuzzer target for the JSON-LD reader of
 * extract/html_meta_ld.c, differential: every input is read by the reader
 * of our own (which leaves what it does not take to jansson) and by
 * jansson alone, and the metadata the two give must be the same
 * (ex_meta_ld_agree). A difference aborts; so do the sanitizers' findings. */
#include "extract/html_meta.h"

#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    arena a;
    arena_init(&a);
    if (!ex_meta_ld_agree((const char *)data, size, &a, NULL)) abort();
    arena_reset(&a);
    return 0;
}
