/* fuzz_text.c: libFuzzer target for plain-text pages: the sniffer that
 * tells a file without a known suffix from the other formats, then the
 * extract stage on the bytes as read (ex_extract sanitizes them itself)
 * and on the UTF-8 sanitizer's output. An article it returns must be as
 * long as it says. */
#include "fuzz_extract.h"
#include "read/read_internal.h"

#include <stdlib.h>
#include <string.h>

static void extract(const char *body, size_t n)
{
    sl_page page = {.input = "fuzz.txt", .id = "fuzz", .body = body, .body_len = n};
    fuzz_extract(&page);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)rd_sniff((const char *)data, size);

    extract((const char *)data, size);
    size_t n;
    char *clean = u8_sanitize((const char *)data, size, &n);
    extract(clean, n);
    free(clean);
    return 0;
}
