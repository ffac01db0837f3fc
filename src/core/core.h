/* core.h: what every stage uses: arena, byte buffer, hash map, vectors,
 * UTF-8 helpers, calendar dates and the error slot.
 *
 * Not a general-purpose library: each piece does what the pipeline needs and
 * no more. Internal symbols carry the prefix of the piece (arena_, buf_,
 * map_, u8_, day_, err_). */
#ifndef SL_CORE_H
#define SL_CORE_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* ---- arena: one per document, freed in one call ------------------------ */

typedef struct arena_block arena_block;
typedef struct arena {
    arena_block *head;
    size_t used_total;      /* bytes handed out, for statistics */
} arena;

void  arena_init(arena *a);
void *arena_alloc(arena *a, size_t n);           /* zeroed, 16-aligned; aborts on OOM */
char *arena_strndup(arena *a, const char *s, size_t n);
char *arena_strdup(arena *a, const char *s);     /* NULL stays NULL */
char *arena_printf(arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void  arena_reset(arena *a);                     /* frees everything; reusable */
/* Everything handed out is given back, but the largest block (up to 4 MiB)
 * is kept for what comes next: an arena used for one page after another
 * allocates, and the kernel maps, no new memory for each. */
void  arena_clear(arena *a);

/* ---- buf: a growable byte string, always NUL-terminated ---------------- */

typedef struct buf {
    char  *data;
    size_t len, cap;
} buf;

void buf_init(buf *b);
void buf_free(buf *b);
void buf_clear(buf *b);
void buf_reserve(buf *b, size_t extra);
void buf_append(buf *b, const char *s, size_t n);
void buf_puts(buf *b, const char *s);
/* Inline: text is built a character at a time in the hot loops of
 * extraction and analysis. */
static inline void buf_putc(buf *b, char c)
{
    if (b->len + 2 > b->cap) buf_reserve(b, 1);
    b->data[b->len++] = c;
    b->data[b->len] = '\0';
}
void buf_printf(buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *buf_detach(buf *b);                        /* caller frees */
/* s as a JSON string, quoted and escaped as jansson's json_dumps writes
 * it (control characters as \n or \u001F, nothing else beyond '"' and
 * '\\'); false, and b as it was, when s is not valid UTF-8. */
bool buf_json_string(buf *b, const char *s);
/* Append the whole file at path; false (b as it was) when it cannot be
 * opened or read. */
bool buf_read_file(buf *b, const char *path);

/* ---- vec: a growable array of any element type ------------------------- */

#define VEC(T) struct { T *v; size_t n, cap; }
#define VEC_PUSH(vec, x) do {                                              \
        if ((vec).n == (vec).cap) {                                        \
            (vec).cap = (vec).cap ? (vec).cap * 2 : 8;                     \
            (vec).v = xrealloc((vec).v, (vec).cap * sizeof *(vec).v);      \
        }                                                                  \
        (vec).v[(vec).n++] = (x);                                          \
    } while (0)
#define VEC_FREE(vec) do { free((vec).v); (vec).v = NULL; (vec).n = (vec).cap = 0; } while (0)

void *xmalloc(size_t n);                         /* abort on OOM: nothing to recover */
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* ---- map: string key to 64-bit value, open addressing ------------------ *
 * Keys are copied into the map's own storage; values are opaque. */

typedef struct map_slot { char *key; uint32_t klen; uint32_t hash; uint64_t val; } map_slot;
typedef struct map {
    map_slot *slots;
    size_t    cap, len;
    struct map_keys *keys;   /* blocks the keys are copied into, newest first */
} map;

void      map_init(map *m);
void      map_free(map *m);
uint64_t *map_get(const map *m, const char *key, size_t klen);   /* NULL if absent */
uint64_t *map_put(map *m, const char *key, size_t klen, bool *created); /* value 0 if new */
uint64_t  hash64(const void *p, size_t n, uint64_t seed);
/* strtod, the same answer, quickly for plain decimals ("-1.25"): num.c. */
double    num_read(const char *s, char **end);

/* FNV-1a, for the small tables of words built at program start (stop.c,
 * the lexicon, speech verbs): their keys are a few bytes long, and a
 * lookup for every word of a text should not cost a call. */
static inline uint32_t hash_fnv(const char *s, size_t n)
{
    uint32_t x = 2166136261u;
    for (size_t i = 0; i < n; i++) x = (x ^ (unsigned char)s[i]) * 16777619u;
    return x;
}

/* ---- mem: scanning bytes ------------------------------------------------ */

/* The first byte of [p, e) that is a, b or c, or e. The HTML parser looks
 * for the end of text and attribute values with it, which on real pages
 * (inline data URIs, JSON in attributes, long paragraphs) runs for
 * kilobytes: sixteen bytes a step where SSE2 is there (every x86-64). */
static inline const unsigned char *mem_find3(const unsigned char *p, const unsigned char *e,
                                             unsigned char a, unsigned char b, unsigned char c)
{
#if defined(__SSE2__)
    const __m128i va = _mm_set1_epi8((char)a), vb = _mm_set1_epi8((char)b), vc = _mm_set1_epi8((char)c);
    while (e - p >= 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
        __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, va), _mm_cmpeq_epi8(x, vb)),
                                   _mm_cmpeq_epi8(x, vc));
        unsigned m = (unsigned)_mm_movemask_epi8(hit);
        if (m) return p + __builtin_ctz(m);
        p += 16;
    }
#endif
    while (p < e && *p != a && *p != b && *p != c) p++;
    return p;
}

/* ---- js: JSON strings as jansson reads them (json.c) -------------------- */

/* Past blanks (space, tab, newline, return) from p. */
const char *js_skip_ws(const char *p, const char *end);
/* The closing quote of the string whose opening quote is at p, or NULL
 * when it holds a control byte or has no end; *esc: it has escapes. */
const char *js_string_end(const char *p, const char *end, bool *esc);
/* Append the string s[0..n) (between its quotes) to out with its escapes
 * decoded as jansson decodes them: surrogate pairs joined, a lone
 * surrogate refused, \u0000 refused unless allow_nul. false (out as it
 * was) on an escape jansson refuses. */
bool js_unescape(const char *s, size_t n, bool allow_nul, buf *out);

/* ---- dl: the dateline in capitals that opens a story (dateline.c) ------ */

/* The parts of a dateline, as offsets into the text given: the end of the
 * place's words, and the credit's name inside its brackets (start == end
 * when there is none). */
typedef struct dl_parts { size_t place_end, credit_start, credit_end; } dl_parts;

/* The dateline that opens s[0..n): words in capitals ("VENICE , LA.",
 * "PORT SORREL"), perhaps a day ("July 9", "9 Oct. 2024"), perhaps a credit
 * in brackets ("(Reuters)", "-LRB- Reuters -RRB-"), then a dash: "-" or
 * "--" or an em or en dash. The offset of what follows it (past blanks), 0
 * when there is none; *parts (if given) gets where its parts lie. */
size_t dl_dateline(const char *s, size_t n, dl_parts *parts);

/* Is w[0..n) (any case) a word of a date or time stamp ("Posted on Thu
 * Jun 13, 2013 08:45 AM PDT"): a weekday or a month, whole or cut, am or
 * pm, a common time zone, "time", "local"; with intro, also a word that
 * introduces a stamp ("at", "on", "posted", "published", "updated", "last",
 * "first", "originally", "modified", "date")? The timeline's cleaning of
 * sentences (summarize/clean.c) and the date line of a scraped page
 * (analyze/timex_infer.c) both ask it. */
bool dl_stamp_word(const char *w, size_t n, bool intro);

/* ---- u8: UTF-8 ---------------------------------------------------------- */

/* Decode one code point at s (n bytes left); sets *len to the bytes used.
 * Invalid bytes decode as U+FFFD with length 1, so loops always advance;
 * n = 0 gives -1 and length 0.
 *
 * The scanners call these once or twice per character, and almost every
 * character of news text is ASCII: the ASCII case is inline, the rest (the
 * Unicode tables) is in utf8.c. Negative code points take the ASCII path. */
int32_t u8_decode_multi(const char *s, size_t n, int *len);
bool    u8_is_letter_multi(int32_t cp);
bool    u8_is_upper_multi(int32_t cp);
bool    u8_is_digit_multi(int32_t cp);
bool    u8_is_space_multi(int32_t cp);

static inline int32_t u8_decode(const char *s, size_t n, int *len)
{
    if (n && (unsigned char)s[0] < 0x80) { *len = 1; return (unsigned char)s[0]; }
    return u8_decode_multi(s, n, len);
}

static inline bool u8_is_letter(int32_t cp)
{
    return cp < 0x80 ? (cp | 32) >= 'a' && (cp | 32) <= 'z' : u8_is_letter_multi(cp);
}

static inline bool u8_is_upper(int32_t cp) { return cp < 0x80 ? cp >= 'A' && cp <= 'Z' : u8_is_upper_multi(cp); }

static inline bool u8_is_digit(int32_t cp) { return cp < 0x80 ? cp >= '0' && cp <= '9' : u8_is_digit_multi(cp); }

static inline bool u8_is_alnum(int32_t cp) { return u8_is_letter(cp) || u8_is_digit(cp); }

/* includes NBSP and Unicode spaces */
static inline bool u8_is_space(int32_t cp)
{
    return cp < 0x80 ? cp == ' ' || (cp >= 9 && cp <= 13) : u8_is_space_multi(cp);
}

/* The words a run of text holds in scripts written without spaces between
 * words: n code points of Chinese or Japanese (Han, kana) make about n / 2
 * words, of Thai, Lao, Khmer or Burmese about n / 4 (their average word
 * lengths); 0 when s holds none of them. Word counts made by splitting on
 * spaces add this, less one, for such a token. */
size_t  u8_unspaced_words(const char *s, size_t n);

/* Text encoded in UTF-8 twice (its bytes read as Latin-1 and encoded
 * again, so that "’", E2 80 99, became C3 A2 C2 80 C2 99): each such run
 * decoded once, in place; returns the new length. A run is taken only
 * when its bytes make one valid UTF-8 character and one of them stands
 * for a C1 control (U+0080..U+009F), which no text holds, so text that
 * merely shows "Ã" or "â" stays. u8_has_doubled: does s hold such a run
 * (a quick look, for the copy it takes)? */
size_t  u8_undouble(char *s, size_t n);
bool    u8_has_doubled(const char *s, size_t n);

/* Is s[0..n) valid UTF-8 (no overlong forms, surrogates or code points
 * past U+10FFFF)? */
bool    u8_valid(const char *s, size_t n);
int     u8_encode(int32_t cp, char out[4]);
/* Case-fold and strip accents of a word into out (NUL-terminated); returns length. */
size_t  u8_fold(const char *s, size_t n, buf *out);
/* Replace invalid UTF-8 by U+FFFD and NUL bytes by spaces; returns a malloc'd copy. */
char   *u8_sanitize(const char *s, size_t n, size_t *out_len);
/* The same, into an arena. */
char   *u8_sanitize_in(arena *a, const char *s, size_t n, size_t *out_len);
/* Is s[0, n) text in an 8-bit charset rather than UTF-8? More of its bytes
 * are no part of a valid UTF-8 sequence than there are valid multi-byte
 * sequences (UTF-8 cut inside a character has a few stray bytes). */
bool    u8_is_legacy(const char *s, size_t n);
/* Windows-1252 (what the web means by Latin-1) as UTF-8, NUL bytes made
 * spaces; returns a malloc'd copy. */
char   *u8_from_cp1252(const char *s, size_t n, size_t *out_len);

/* ---- day: calendar dates as days since 1970-01-01 ----------------------- */

#define DAY_NONE INT32_MIN

int32_t day_from_ymd(int y, int m, int d);       /* DAY_NONE if invalid */
void    day_to_ymd(int32_t day, int *y, int *m, int *d);
/* Parse an ISO 8601 date or date-time ("2018-06-15", "2018-06-15T09:30:00Z",
 * "2018-06-15 09:30"); only the calendar date is kept. DAY_NONE if not a date. */
int32_t day_parse_iso(const char *s, size_t n);
void    day_format(int32_t day, char out[11]);   /* "YYYY-MM-DD" or "" */

/* ---- stop: English function words ------------------------------------- */

/* Is this lower-case (folded) word a function word? Used for stop-word
 * density in extraction and to leave such words out of document vectors. */
bool stop_is_word(const char *folded, size_t n);
/* The same for a word known to be ASCII (no curly apostrophe to look for):
 * asked of nearly every word of every page. */
bool stop_is_ascii_word(const char *folded, size_t n);

/* ---- err: the error slot an engine carries ------------------------------ */

typedef struct err_slot {
    char msg[1024];
    int  status;
} err_slot;

/* Record an error with the input's name and position (line <= 0: no line). */
int  err_set(err_slot *e, int status, const char *input, long line, const char *fmt, ...)
         __attribute__((format(printf, 5, 6)));
void err_clear(err_slot *e);

/* ---- lib: shared libraries opened at first use ------------------------- */

/* Open the library soname and look up names[0..n) into syms[0..n); false
 * (nothing kept, and why in err with the given status, naming the library
 * and the symbol) when it or one of them is missing. libcurl and libmicrohttpd are opened so:
 * linked, they and the thirty libraries they bring (TLS, Kerberos, LDAP,
 * SSH...) cost every start of every command some 8 ms to map and
 * relocate, where only watch and serve use them. */
bool lib_open(const char *soname, const char *const *names, void **syms, size_t n, int status,
              err_slot *err);

#endif
