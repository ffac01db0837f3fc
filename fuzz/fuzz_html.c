/* fuzz_html.c: libFuzzer target for the HTML front end: any bytes as an
 * HTML page, through parsing, metadata and the body finder (ex_extract
 * with SL_FORMAT_HTML). Checks that an article it returns is consistent:
 * text as long as it says, valid UTF-8, paragraphs present. */
#include "extract/extract.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sl_page page = {.input = "fuzz.html", .id = "fuzz", .body = (const char *)data,
                    .body_len = size, .format = SL_FORMAT_HTML};
    arena a;
    arena_init(&a);
    sl_article art;
    err_slot err;
    if (ex_extract(&page, &a, &art, &err) == SL_OK) {
        if (!art.text || strlen(art.text) != art.text_len || !art.n_paragraphs) abort();
        size_t n;
        char *clean = u8_sanitize(art.text, art.text_len, &n);
        if (n != art.text_len || memcmp(clean, art.text, n)) abort();
        free(clean);
    } else if (!strstr(err.msg, "fuzz.html")) {
        abort();   /* every failure names its input */
    }
    arena_reset(&a);
    return 0;
}
