/* dedup.h: the dedup stage: exact and near-duplicate articles.
 *
 * A syndicated copy carries the same body under another title and other
 * boilerplate. Each body gets a MinHash signature over word 5-shingles; an
 * LSH index (bands of the signature) finds earlier articles that may be
 * copies, and the estimated Jaccard similarity decides. Internal symbols use
 * the prefix dd_. */
#ifndef SL_DEDUP_H
#define SL_DEDUP_H

#include "../core/core.h"

#define DD_HASHES 64          /* signature length: 64 x 32 bits = 256 bytes */
#define DD_BANDS 16           /* 16 bands of 4 rows: see dedup.c for the curve */

typedef struct dd_sig {
    uint32_t h[DD_HASHES];
    uint32_t shingles;        /* distinct shingles seen; 0: no signature */
} dd_sig;

/* Signature of a text (folded words, 5-shingles; texts of fewer than five
 * words give one shingle of all of them). */
void dd_signature(const char *text, size_t len, dd_sig *out);
/* Tests: do the eight-at-a-time minima of a signature equal those taken
 * one remix at a time, for the shingle hashes h[0, m)? */
bool dd_mixes_agree(const uint64_t *h, size_t m);
/* Estimated Jaccard similarity of the shingle sets of two signatures. */
double dd_similarity(const dd_sig *a, const dd_sig *b);

/* The index owns its memory; doc is the caller's id for an article. */
typedef struct dd_index dd_index;
dd_index *dd_new(void);
void      dd_free(dd_index *ix);
/* Add a signature; returns its slot (-1 if the text had no shingles). */
int64_t   dd_add(dd_index *ix, int64_t doc, const dd_sig *sig);
/* Give the document in slot another id (a provisional one made final). */
void      dd_relabel(dd_index *ix, int64_t slot, int64_t doc);
/* The earliest-added document whose similarity to sig is at least
 * threshold, or -1. *sim gets its similarity. */
int64_t   dd_find(const dd_index *ix, const dd_sig *sig, double threshold, double *sim);

/* A copy of an article is a document this similar to it: chosen so that
 * a wire copy with a trimmed last paragraph still counts and two reports of
 * one event in different words (similarity under 0.1 in the seeds and the
 * example corpus) never do. */
#define DD_COPY_THRESHOLD 0.5

#endif
