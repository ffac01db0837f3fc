/* fuzz_analyze.c: libFuzzer target for the tokenizer, the sentence splitter,
 * term extraction and quotes, on sanitized text as the pipeline gives them. */
#include "analyze/analyze.h"

#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static an_analyzer *an;
    if (!an) an = an_new();
    size_t n;
    char *text = u8_sanitize((const char *)data, size, &n);
    sl_article art = {.title = text, .text = text, .text_len = n};
    arena a;
    arena_init(&a);
    an_doc doc;
    an_analyze(an, &art, &a, &doc);
    for (size_t i = 0; i < doc.n_sentences; i++)
        if (doc.sentences[i].start > doc.sentences[i].end || doc.sentences[i].end > n) abort();
    an_quote *q;
    size_t nq = an_find_quotes(text, n, NULL, &a, &q);
    for (size_t i = 0; i < nq; i++)
        if (q[i].start > q[i].end || q[i].end > n || q[i].cue_end > n || q[i].speaker != -1 ||
            (q[i].cut_end && (q[i].cut_start < q[i].start || q[i].cut_end > q[i].end ||
                              q[i].cut_start > q[i].cut_end)) ||
            !an_quote_text(&q[i], text, &a))
            abort();
    arena_reset(&a);
    free(text);
    return 0;
}
