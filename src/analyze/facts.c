/* facts.c: running the analyzers of names, quotes and time expressions over
 * one text, and finding the sentence a fact sits in.
 *
 * Not the analyzers themselves (names.c, quotes.c, timex.c). */
#include "analyze.h"

void an_find_facts(const char *text, size_t len, int32_t published, arena *a, an_facts *out)
{
    an_find_names_both(text, len, a, &out->names, &out->rule_names);
    out->n_quotes = an_find_quotes(text, len, &out->names, a, &out->quotes);
    out->n_times = an_find_times(text, len, published, a, &out->times);
    out->n_sentences = an_sentences(text, len, a, &out->sentences);
}

size_t an_sentence_at(const an_facts *f, uint32_t pos)
{
    size_t lo = 0, hi = f->n_sentences;
    while (hi - lo > 1) {      /* the last sentence starting at or before pos */
        size_t mid = (lo + hi) / 2;
        if (f->sentences[mid].start <= pos) lo = mid; else hi = mid;
    }
    return lo;
}
