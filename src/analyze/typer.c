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
 * which the build compiles in (scripts/text-table). SL_TYPER=FILE reads
 * another file, SL_TYPER=off leaves the rules' answer. With the tagger's
 * weights loaded (tagger.c), the tagger decides instead and the typer is
 * not asked. Here too: the linear model both use (an_linear: reading its
 * weights, finding them by the hash of a feature, summing them). Not
 * here: the features (names.c, tagger.c). */
#include "an_names.h"

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern const char an_typer_builtin[];

/* A feature's 64-bit hash. */
static uint64_t feature_hash(const char *f, size_t n) { return hash64(f, n, 0x7a6); }

/* The weights' rows by the hash of their feature, in an open-addressed
 * table kept at twice their number of slots or more, each slot 32 bits of
 * the hash (never 0: 0 marks an empty slot) and the row: 8 bytes, so the
 * table of a large model stays in a core's cache, and a lookup for a
 * feature the model does not have (most of them) reads nothing else. The
 * row's entry in hi holds the hash's other 32 bits. Two features whose
 * hashes agree in all 64 bits count as one (one chance in 2^64 per pair). */
static size_t slot_of(const an_linear *m, uint64_t h)
{
    uint32_t lo = (uint32_t)h | 1, hi = (uint32_t)(h >> 32);
    size_t k = hi & m->hmask;
    while (m->slots[k].lo && !(m->slots[k].lo == lo && m->hi[m->slots[k].row] == hi)) k = (k + 1) & m->hmask;
    return k;
}

static void grow_slots(an_linear *m)
{
    struct an_slot *old = m->slots;
    size_t old_cap = old ? m->hmask + 1 : 0, cap = old_cap ? 2 * old_cap : 1024;
    m->slots = xcalloc(cap, sizeof *m->slots);
    m->hmask = cap - 1;
    for (size_t i = 0; i < old_cap; i++) {
        if (!old[i].lo) continue;
        size_t k = m->hi[old[i].row] & m->hmask;
        while (m->slots[k].lo) k = (k + 1) & m->hmask;
        m->slots[k] = old[i];
    }
    free(old);
}

const float *an_linear_find(const an_linear *m, const char *f, size_t n)
{
    if (!m->slots) return NULL;
    size_t k = slot_of(m, feature_hash(f, n));
    return m->slots[k].lo ? m->w + (size_t)m->k * m->slots[k].row : NULL;
}

/* Lines "feature<TAB>w1<TAB>...<TAB>wk" (for the typer person, organisation,
 * place); "#" comments; the feature "bias" is the constant. A line that is
 * not so is skipped, and of a feature given twice the first line counts. */
void an_linear_parse(an_linear *m, int k, const char *text, size_t len)
{
    memset(m, 0, sizeof *m);
    m->k = k < 1 ? 1 : k > AN_MAX_CLASSES ? AN_MAX_CLASSES : k;
    grow_slots(m);
    const char *p = text, *end = text + len;
    size_t cap = 0;
    while (p < end) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol) eol = end;
        const char *tab = memchr(p, '\t', (size_t)(eol - p));
        if (*p != '#' && tab) {
            char num[128];
            size_t nl = (size_t)(eol - tab - 1);
            float v[AN_MAX_CLASSES];
            int got = 0;
            if (nl < sizeof num) {
                memcpy(num, tab + 1, nl);
                num[nl] = 0;
                char *q = num, *stop;
                for (; got < m->k; got++) {
                    double d = num_read(q, &stop);
                    if (stop == q || !isfinite(d)) break;
                    v[got] = (float)d;
                    q = stop;
                }
                while (*q == ' ' || *q == '\t' || *q == '\r') q++;
                if (*q) got = 0;   /* more than k numbers, or not numbers */
            }
            size_t kl = (size_t)(tab - p);
            if (got == m->k && kl) {
                if (kl == 4 && !memcmp(p, "bias", 4)) {
                    memcpy(m->bias, v, (size_t)m->k * sizeof *v);
                } else {
                    uint64_t h = feature_hash(p, kl);
                    size_t at = slot_of(m, h);
                    if (!m->slots[at].lo) {   /* of a feature given twice, the first line */
                        if (m->n == cap) {
                            cap = cap ? 2 * cap : 1024;
                            m->w = xrealloc(m->w, cap * (size_t)m->k * sizeof *m->w);
                            m->hi = xrealloc(m->hi, cap * sizeof *m->hi);
                        }
                        m->hi[m->n] = (uint32_t)(h >> 32);
                        m->slots[at] = (struct an_slot){(uint32_t)h | 1, (uint32_t)m->n};
                        memcpy(m->w + (size_t)m->k * m->n++, v, (size_t)m->k * sizeof *v);
                        if (2 * m->n > m->hmask + 1) grow_slots(m);
                    }
                }
                m->loaded = true;
            }
        }
        p = eol < end ? eol + 1 : end;
    }
}

void an_linear_free(an_linear *m)
{
    free(m->w);
    free(m->slots);
    free(m->hi);
    memset(m, 0, sizeof *m);
}

void an_linear_add(const an_linear *m, const char *features, size_t len, double *z)
{
    for (size_t i = 0; i < len; ) {
        size_t j = i;
        while (j < len && features[j] != ' ') j++;
        const float *w = j > i ? an_linear_find(m, features + i, j - i) : NULL;
        if (w)
            for (int t = 0; t < m->k; t++) z[t] += w[t];
        i = j + 1;
    }
}

int an_linear_pick(const an_linear *m, const char *features, size_t len)
{
    if (!m->loaded) return -1;
    double z[AN_MAX_CLASSES];
    for (int t = 0; t < m->k; t++) z[t] = m->bias[t];
    an_linear_add(m, features, len, z);
    int best = 0;
    for (int t = 1; t < m->k; t++)
        if (z[t] > z[best]) best = t;
    return best;
}

void an_linear_load_with(an_linear *m, int k, const char *var, const char *builtin,
                         void (*each)(const char *text, size_t len, void *ctx), void *ctx)
{
    const char *path = getenv(var);
    if (path && !strcmp(path, "off")) {
        an_linear_parse(m, k, "", 0);
        return;
    }
    if (!path || !*path) {
        an_linear_parse(m, k, builtin, strlen(builtin));
        if (each) each(builtin, strlen(builtin), ctx);
        return;
    }
    buf b;
    buf_init(&b);
    if (!buf_read_file(&b, path))
        fprintf(stderr, "storyline: %s=%s: cannot read it; going on without the model\n", var, path);
    an_linear_parse(m, k, b.data ? b.data : "", b.len);
    if (each) each(b.data ? b.data : "", b.len, ctx);
    buf_free(&b);
}

void an_linear_load(an_linear *m, int k, const char *var, const char *builtin)
{
    an_linear_load_with(m, k, var, builtin, NULL, NULL);
}

static an_linear model;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void load(void) { an_linear_load(&model, 3, "SL_TYPER", an_typer_builtin); }

int an_typer_type(const char *features, size_t len)
{
    pthread_once(&once, load);
    return an_linear_pick(&model, features, len);
}
