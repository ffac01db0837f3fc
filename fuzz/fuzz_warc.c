/* fuzz_warc.c: libFuzzer target for the WARC reader, the HTTP message
 * inside a record, and the member-by-member gzip reader. The first byte
 * sets how many bytes each pull hands over, so that records straddle the
 * reader's refills at every place. */
#include "read/read.h"
#include "read/read_internal.h"

#include <string.h>

typedef struct { const uint8_t *p; size_t n, at, piece; } mem;

static long pull(void *ctx, char *dst, size_t n, err_slot *err)
{
    (void)err;
    mem *m = ctx;
    size_t k = m->n - m->at;
    if (k > n) k = n;
    if (k > m->piece) k = m->piece;
    memcpy(dst, m->p + m->at, k);
    m->at += k;
    return (long)k;
}

/* Read every record; the reader must consume input on every call. */
static void read_all(rd_warc *w, size_t size)
{
    sl_page page;
    err_slot err;
    sl_status st;
    /* every call consumes input or ends: more calls than bytes is a hang */
    for (size_t calls = 0; (st = rd_warc_next(w, &page, &err)) != SL_DONE && st != SL_EIO; calls++) {
        if (calls > size + 2) __builtin_trap();
        if (st == SL_OK && page.body_len) (void)memchr(page.body, 0, page.body_len);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!size) return 0;
    mem m = {data + 1, size - 1, 0, (size_t)data[0] * 61 + 1};
    rd_warc *w = rd_warc_new(pull, &m, "fuzz");
    read_all(w, size);
    rd_warc_free(w);
    /* the same bytes as a .warc.gz file: mostly not gzip, which must be survived */
    err_slot err;
    FILE *f = fmemopen((void *)(uintptr_t)(data + 1), size - 1, "rb");
    rd_gunzip *g = f ? rd_gunzip_of(f, "fuzz.gz", &err) : NULL;
    if (g) {
        w = rd_warc_new(rd_gunzip_pull, g, "fuzz.gz");
        rd_warc_members(w, rd_gunzip_member_of);
        read_all(w, size * 1032 + 64);   /* gzip may expand 1032 times */
        while (rd_gunzip_message(g, &err)) {}
        rd_warc_free(w);
        rd_gunzip_close(g);
    }
    rd_http h = {0};
    (void)rd_http_parse((const char *)data, size, &h);
    rd_http_free(&h);
    return 0;
}
