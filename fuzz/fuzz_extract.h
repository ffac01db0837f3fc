/* fuzz_extract.h: what the fuzz targets that end in the extract stage check
 * of an article it returns: its text is there and as long as it says. */
#ifndef SL_FUZZ_EXTRACT_H
#define SL_FUZZ_EXTRACT_H

#include "extract/extract.h"

#include <stdlib.h>
#include <string.h>

static inline void fuzz_extract(const sl_page *page)
{
    arena a;
    arena_init(&a);
    sl_article art;
    err_slot err;
    if (ex_extract(page, &a, &art, &err) == SL_OK && (!art.text || strlen(art.text) != art.text_len)) abort();
    arena_reset(&a);
}

#endif
