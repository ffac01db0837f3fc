/* fuzz_manifest.c: libFuzzer target for the manifest (manifest.c): any
 * bytes as the TSV file, then a look-up of every word of it as a page's
 * path, and the publication date of what is found parsed as ingest does. */
#include "read/read.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!size) return 0;   /* fmemopen refuses an empty buffer */
    FILE *f = fmemopen((void *)(uintptr_t)data, size, "r");
    if (!f) return 0;
    rd_manifest *m;
    err_slot err;
    sl_status st = rd_manifest_of(f, "fuzz.tsv", &m, &err);
    fclose(f);
    if (st != SL_OK) {
        if (m || !strstr(err.msg, "fuzz.tsv")) abort();
        return 0;
    }
    char *words = malloc(size + 1);
    memcpy(words, data, size);
    words[size] = '\0';
    for (char *save = NULL, *w = strtok_r(words, "\t\r\n", &save); w; w = strtok_r(NULL, "\t\r\n", &save)) {
        const char *pub = NULL, *src = NULL;
        if (!rd_manifest_find(m, w, &pub, &src)) continue;
        if (pub) (void)day_parse_iso(pub, strlen(pub));
        if (src && !*src) abort();   /* an empty column is no source */
    }
    free(words);
    rd_manifest_free(m);
    return 0;
}
