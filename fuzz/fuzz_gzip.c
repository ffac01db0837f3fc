/* fuzz_gzip.c: libFuzzer target for the gzip framing of .warc.gz files
 * (gunzip.c): members read one after another, a corrupt or truncated one
 * skipped to the next gzip header, the offset of the member that holds a
 * byte, the message about a damaged member.
 *
 * The first byte sets how many bytes each pull asks for, so that members
 * end at every place of the output buffer. Every pull must give bytes or
 * end, and the member asked about must begin inside the input. */
#include "read/read.h"

#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!size) return 0;
    size_t piece = (size_t)data[0] * 31 + 1;
    err_slot err;
    FILE *f = fmemopen((void *)(uintptr_t)(data + 1), size - 1, "rb");
    if (!f) return 0;   /* fmemopen refuses an empty buffer on some libcs */
    rd_gunzip *g = rd_gunzip_of(f, "fuzz.gz", &err);
    if (!g) return 0;
    char *out = malloc(piece);
    uint64_t total = 0;
    long k;
    /* gzip expands at most 1032 times: more output than that is a loop */
    while ((k = rd_gunzip_pull(g, out, piece, &err)) > 0) {
        if ((size_t)k > piece) abort();
        total += (uint64_t)k;
        if (total > (uint64_t)size * 1032 + 64) abort();
        long long at = rd_gunzip_member_of(g, total - 1);
        if (at < 0 || at >= (long long)(size - 1)) abort();
        (void)rd_gunzip_message(g, &err);
    }
    (void)rd_gunzip_message(g, &err);
    free(out);
    rd_gunzip_close(g);
    return 0;
}
