/* fuzz_summary.c: libFuzzer target for the summarize stage on hostile
 * text: the furniture a sentence loses (su_clean_sentence: wire credits,
 * photo credits in brackets, stamps, datelines), the tests of a sentence
 * that says little or is a photo's caption, then a headline and summary of
 * the input split into articles at form feeds, with and without titles, and
 * a timeline of its lines. Every string returned must lie inside the one
 * given or be a string of its own; nothing may read past the end. */
#include "summarize/summarize.h"

#include <stdlib.h>
#include <string.h>

#define MAX_ARTS 8

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    if (!s) return 0;
    memcpy(s, data, size);
    s[size] = '\0';

    const char *c = su_clean_sentence(s);
    if (c < s || c > s + strlen(s)) abort();
    (void)su_says_little(c);
    (void)su_caption(c);
    (void)su_caption(s);

    /* articles: the text between form feeds; the first line a title */
    su_article arts[MAX_ARTS];
    size_t n = 0;
    char *copy = malloc(size + 1);
    if (!copy) { free(s); return 0; }
    memcpy(copy, s, size + 1);
    for (char *p = copy; p && n < MAX_ARTS;) {
        char *ff = strchr(p, '\f');
        if (ff) *ff = '\0';
        char *nl = strchr(p, '\n');
        arts[n] = (su_article){.title = NULL, .text = p, .day = (int32_t)(18000 + n), .duplicate = n % 3 == 2};
        if (nl && n % 2) {
            *nl = '\0';
            arts[n].title = p;
            arts[n].text = nl + 1;
        }
        n++;
        p = ff ? ff + 1 : NULL;
    }
    arena a;
    arena_init(&a);
    su_summary sum;
    su_summarize(arts, n, 4, &a, &sum);
    if (sum.headline) (void)strlen(sum.headline);
    for (size_t i = 0; i < sum.n; i++) (void)strlen(sum.sentences[i]);

    /* a timeline of the input's lines, each dated by its number */
    su_dated d[64];
    size_t nd = 0;
    for (char *line = s; line && nd < 64;) {
        char *nl = strchr(line, '\n');
        if (nl) *nl = '\0';
        d[nd] = (su_dated){.day = (int32_t)(18000 + nd % 5), .sentence = line, .article = nd % 2 ? "a" : "b",
                           .article_day = (int32_t)(18000 + nd % 3), .position = (int32_t)nd - 1};
        nd++;
        line = nl ? nl + 1 : NULL;
    }
    su_entry *e;
    size_t ne = su_timeline(d, nd, 3, 2, &a, &e);
    for (size_t i = 0; i < ne; i++) (void)strlen(e[i].text);
    arena_reset(&a);
    free(copy);
    free(s);
    return 0;
}
