/* minhash.c: MinHash signatures of article bodies and an LSH index over
 * them.
 *
 * Shingles are five consecutive folded words, hashed with xxhash; the i-th
 * signature value is the minimum over shingles of a seeded remix of that
 * hash. With 16 bands of 4 rows, two texts of Jaccard similarity s become
 * candidates with probability 1-(1-s^4)^16: 0.9998 at s=0.8, 0.98 at s=0.6,
 * 0.64 at s=0.5, 0.22 at s=0.3. Candidates are then checked on the full
 * signature. */
#include "dedup.h"

#include <stdlib.h>
#include <string.h>

#define DD_ROWS (DD_HASHES / DD_BANDS)
#define SHINGLE 5

static uint32_t mix(uint64_t h, uint32_t i)
{
    uint64_t x = h ^ (0x9E3779B97F4A7C15ull * (i + 1));
    x ^= x >> 33;
    x *= 0xFF51AFD7ED558CCDull;
    x ^= x >> 33;
    x *= 0xC4CEB9FE1A85EC53ull;
    x ^= x >> 33;
    return (uint32_t)x;
}

/* out[i]: the least of mix(h, i) over the hashes h[0, m), as the loop in
 * the comment computes it. Eight remixes at a time in a vector: on a core
 * with AVX-512 (chosen when the program starts) each step is one
 * instruction for all eight; elsewhere the compiler makes of it what the
 * core has. The values are the same either way (dd_mixes_agree).
 *
 *     for (s = 0; s < m; s++) for (i = 0; i < DD_HASHES; i++)
 *         out[i] = min(out[i], mix(h[s], i)); */
typedef uint64_t u64x8 __attribute__((vector_size(64)));

/* The AVX-512 copy only on x86-64, and not under ThreadSanitizer, whose
 * instrumented resolver would run before the sanitizer is set up. */
#if defined(__SANITIZE_THREAD__)
#define NO_CLONES 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define NO_CLONES 1
#endif
#endif
#if defined(__x86_64__) && !defined(NO_CLONES)
#define VECTOR_CLONES __attribute__((target_clones("arch=x86-64-v4", "default")))
#else
#define VECTOR_CLONES
#endif

VECTOR_CLONES
static void least_mixes(const uint64_t *h, size_t m, uint32_t out[DD_HASHES])
{
    u64x8 key[DD_HASHES / 8], low[DD_HASHES / 8];
    for (int b = 0; b < DD_HASHES / 8; b++)
        for (int j = 0; j < 8; j++) {
            key[b][j] = 0x9E3779B97F4A7C15ull * (uint64_t)(8 * b + j + 1);
            low[b][j] = out[8 * b + j];
        }
    for (size_t s = 0; s < m; s++)
        for (int b = 0; b < DD_HASHES / 8; b++) {
            u64x8 x = h[s] ^ key[b];
            x ^= x >> 33;
            x *= 0xFF51AFD7ED558CCDull;
            x ^= x >> 33;
            x *= 0xC4CEB9FE1A85EC53ull;
            x ^= x >> 33;
            x &= 0xFFFFFFFFull;
            u64x8 less = (u64x8)(x < low[b]);
            low[b] = (low[b] & ~less) | (x & less);
        }
    for (int b = 0; b < DD_HASHES / 8; b++)
        for (int j = 0; j < 8; j++) out[8 * b + j] = (uint32_t)low[b][j];
}

/* least_mixes one remix at a time, for the tests. */
bool dd_mixes_agree(const uint64_t *h, size_t m)
{
    uint32_t fast[DD_HASHES], slow[DD_HASHES];
    for (int i = 0; i < DD_HASHES; i++) fast[i] = slow[i] = UINT32_MAX;
    least_mixes(h, m, fast);
    for (size_t s = 0; s < m; s++)
        for (uint32_t i = 0; i < DD_HASHES; i++)
            if (mix(h[s], i) < slow[i]) slow[i] = mix(h[s], i);
    return !memcmp(fast, slow, sizeof fast);
}

/* Hashes of the folded words of text, one per word. */
static size_t word_hashes(const char *text, size_t len, uint64_t **out)
{
    size_t cap = 256, n = 0;
    uint64_t *h = xmalloc(cap * sizeof *h);
    buf f;
    buf_init(&f);
    size_t i = 0;
    while (i < len) {
        int k;
        while (i < len && !u8_is_alnum(u8_decode(text + i, len - i, &k))) i += (size_t)k;
        size_t s = i;
        while (i < len && u8_is_alnum(u8_decode(text + i, len - i, &k))) i += (size_t)k;
        if (i == s) continue;
        u8_fold(text + s, i - s, &f);
        if (n == cap) h = xrealloc(h, (cap *= 2) * sizeof *h);
        h[n++] = hash64(f.data, f.len, 0x5eed);
    }
    buf_free(&f);
    *out = h;
    return n;
}

void dd_signature(const char *text, size_t len, dd_sig *out)
{
    for (int i = 0; i < DD_HASHES; i++) out->h[i] = UINT32_MAX;
    out->shingles = 0;
    uint64_t *w;
    size_t n = word_hashes(text, len, &w);
    size_t m = n >= SHINGLE ? n - SHINGLE + 1 : (n ? 1 : 0);
    for (size_t s = 0; s < m; s++) {   /* each shingle's hash, in place of its first word's */
        uint64_t sh = 0;
        for (size_t j = s; j < s + SHINGLE && j < n; j++) sh = hash64(&w[j], sizeof w[j], sh);
        w[s] = sh;
    }
    least_mixes(w, m, out->h);
    out->shingles = (uint32_t)m;
    free(w);
}

double dd_similarity(const dd_sig *a, const dd_sig *b)
{
    if (!a->shingles || !b->shingles) return 0.0;
    int same = 0;
    for (int i = 0; i < DD_HASHES; i++) same += a->h[i] == b->h[i];
    return (double)same / DD_HASHES;
}

/* ---- the index: one hash table per band, band key -> postings ---------- */

typedef struct posting { uint64_t key; uint32_t doc_slot; uint32_t next; } posting;

struct dd_index {
    VEC(dd_sig) sigs;
    VEC(int64_t) docs;
    VEC(posting) posts;          /* chains; index 0 unused */
    uint32_t *heads[DD_BANDS];   /* open tables of chain heads, by key hash */
    size_t    table_cap;
};

dd_index *dd_new(void)
{
    dd_index *ix = xcalloc(1, sizeof *ix);
    ix->table_cap = 1024;
    for (int b = 0; b < DD_BANDS; b++) ix->heads[b] = xcalloc(ix->table_cap, sizeof(uint32_t));
    posting dummy = {0};
    VEC_PUSH(ix->posts, dummy);
    return ix;
}

void dd_free(dd_index *ix)
{
    if (!ix) return;
    for (int b = 0; b < DD_BANDS; b++) free(ix->heads[b]);
    VEC_FREE(ix->sigs);
    VEC_FREE(ix->docs);
    VEC_FREE(ix->posts);
    free(ix);
}

static uint64_t band_key(const dd_sig *s, int b)
{
    return hash64(&s->h[b * DD_ROWS], DD_ROWS * sizeof(uint32_t), (uint64_t)b);
}

/* Buckets are chains hanging off a table of heads; the table doubles when
 * it holds as many documents as slots, so chains stay short. */
static void rehash(dd_index *ix)
{
    size_t cap = ix->table_cap * 2;
    for (int b = 0; b < DD_BANDS; b++) {
        free(ix->heads[b]);
        ix->heads[b] = xcalloc(cap, sizeof(uint32_t));
    }
    ix->table_cap = cap;
    /* Rebuild chains from the postings, which are stored band by band. */
    for (uint32_t p = 1; p < ix->posts.n; p++) {
        posting *po = &ix->posts.v[p];
        int b = (int)((p - 1) % DD_BANDS);
        size_t slot = po->key & (cap - 1);
        po->next = ix->heads[b][slot];
        ix->heads[b][slot] = p;
    }
}

int64_t dd_add(dd_index *ix, int64_t doc, const dd_sig *sig)
{
    if (!sig->shingles) return -1;
    if (ix->docs.n + 1 > ix->table_cap) rehash(ix);
    uint32_t slot_doc = (uint32_t)ix->docs.n;
    VEC_PUSH(ix->docs, doc);
    VEC_PUSH(ix->sigs, *sig);
    for (int b = 0; b < DD_BANDS; b++) {
        posting p = {.key = band_key(sig, b), .doc_slot = slot_doc};
        size_t slot = p.key & (ix->table_cap - 1);
        p.next = ix->heads[b][slot];
        VEC_PUSH(ix->posts, p);
        ix->heads[b][slot] = (uint32_t)(ix->posts.n - 1);
    }
    return slot_doc;
}

void dd_relabel(dd_index *ix, int64_t slot, int64_t doc)
{
    if (slot >= 0 && (size_t)slot < ix->docs.n) ix->docs.v[slot] = doc;
}

int64_t dd_find(const dd_index *ix, const dd_sig *sig, double threshold, double *sim)
{
    int64_t best = -1;
    uint32_t best_slot = UINT32_MAX;
    double best_sim = 0.0;
    if (!sig->shingles) return -1;
    for (int b = 0; b < DD_BANDS; b++) {
        uint64_t key = band_key(sig, b);
        for (uint32_t p = ix->heads[b][key & (ix->table_cap - 1)]; p; p = ix->posts.v[p].next) {
            const posting *po = &ix->posts.v[p];
            if (po->key != key || po->doc_slot >= best_slot) continue;
            double s = dd_similarity(sig, &ix->sigs.v[po->doc_slot]);
            if (s >= threshold) { best_slot = po->doc_slot; best_sim = s; }
        }
    }
    if (best_slot != UINT32_MAX) best = ix->docs.v[best_slot];
    if (sim) *sim = best_sim;
    return best;
}
