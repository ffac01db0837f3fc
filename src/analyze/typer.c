/* typer.c: the learned part of typing a name (person, organisation or
 * place): the names whose type the rules of names.c could only guess (no
 * word, lexicon entry or cue around them told; their default was a person
 * for two words or more, a place for one).
 *
 * A linear model over the features names.c writes for the name (its words,
 * shapes, lexicon kinds, the words around it, the rules' cues and answer):
 * one weight per feature and type, summed, the largest sum wins. The
 * weights are fitted offline on the train split of the newswire corpus
 * (scripts/fit-typer; `make typer`) and kept in data/model/typer.tsv, of
 * which typer_table.c holds the compiled-in copy. SL_TYPER=FILE reads
 * another file, SL_TYPER=off leaves the rules' answer. Not here: the
 * features (names.c). */
#include "an_names.h"

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern const char an_typer_builtin[];

/* Lines "feature<TAB>person<TAB>organisation<TAB>place"; "#" comments; the
 * feature "bias" is the constant. A line that is not so is skipped, and of
 * a feature given twice the first line counts. */
void an_typer_parse(an_typer *m, const char *text, size_t len)
{
    memset(m, 0, sizeof *m);
    map_init(&m->weights);
    const char *p = text, *end = text + len;
    size_t cap = 0;
    while (p < end) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol) eol = end;
        const char *tab = memchr(p, '\t', (size_t)(eol - p));
        if (*p != '#' && tab) {
            char num[128];
            size_t nl = (size_t)(eol - tab - 1);
            float v[3];
            int got = 0;
            if (nl < sizeof num) {
                memcpy(num, tab + 1, nl);
                num[nl] = 0;
                char *q = num, *stop;
                for (; got < 3; got++) {
                    double d = strtod(q, &stop);
                    if (stop == q || !isfinite(d)) break;
                    v[got] = (float)d;
                    q = stop;
                }
                while (*q == ' ' || *q == '\t' || *q == '\r') q++;
                if (*q) got = 0;   /* more than three numbers, or not numbers */
            }
            size_t kl = (size_t)(tab - p);
            if (got == 3 && kl) {
                if (kl == 4 && !memcmp(p, "bias", 4)) {
                    memcpy(m->bias, v, sizeof m->bias);
                } else {
                    if (m->n == cap) {
                        cap = cap ? 2 * cap : 1024;
                        m->w = xrealloc(m->w, cap * 3 * sizeof *m->w);
                    }
                    bool created;
                    uint64_t *slot = map_put(&m->weights, p, kl, &created);
                    if (created) {
                        *slot = m->n;
                        memcpy(m->w + 3 * m->n++, v, sizeof v);
                    }
                }
                m->loaded = true;
            }
        }
        p = eol < end ? eol + 1 : end;
    }
}

void an_typer_free(an_typer *m)
{
    map_free(&m->weights);
    free(m->w);
    memset(m, 0, sizeof *m);
}

int an_typer_pick(const an_typer *m, const char *features, size_t len)
{
    if (!m->loaded) return -1;
    double z[3] = {m->bias[0], m->bias[1], m->bias[2]};
    for (size_t i = 0; i < len; ) {
        size_t j = i;
        while (j < len && features[j] != ' ') j++;
        uint64_t *k = j > i ? map_get(&m->weights, features + i, j - i) : NULL;
        if (k)
            for (int t = 0; t < 3; t++) z[t] += m->w[3 * *k + (size_t)t];
        i = j + 1;
    }
    int best = 0;
    for (int t = 1; t < 3; t++)
        if (z[t] > z[best]) best = t;
    return best;
}

static an_typer model;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void load(void)
{
    const char *path = getenv("SL_TYPER");
    if (path && !strcmp(path, "off")) {
        an_typer_parse(&model, "", 0);
        return;
    }
    if (!path || !*path) {
        an_typer_parse(&model, an_typer_builtin, strlen(an_typer_builtin));
        return;
    }
    buf b;
    buf_init(&b);
    FILE *f = fopen(path, "rb");
    if (f) {
        char chunk[65536];
        size_t n;
        while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) buf_append(&b, chunk, n);
        fclose(f);
    } else {
        fprintf(stderr, "storyline: SL_TYPER=%s: cannot read it; names keep the rules' types\n", path);
    }
    an_typer_parse(&model, b.data ? b.data : "", b.len);
    buf_free(&b);
}

int an_typer_type(const char *features, size_t len)
{
    pthread_once(&once, load);
    return an_typer_pick(&model, features, len);
}
