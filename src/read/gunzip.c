/* gunzip.c: a gzip file read member after member, going on past a corrupt
 * or truncated member at the next gzip header, and stopping a gzip bomb.
 *
 * Common Crawl writes one gzip member per WARC record, so one damaged
 * member should cost one record, not the rest of the file as it does with
 * gzread. After a member fails, the raw bytes are searched for the next
 * gzip magic (1f 8b 08) and inflation starts again there; the WARC reader
 * above then sees a cut record and resynchronises on its own. Each damaged
 * stretch gives one message, naming the compressed byte offset where its
 * member began.
 *
 * Deflate can expand about 1030 times, so a few megabytes can hold
 * gigabytes of nothing. Text and HTML compress 3 to 15 times. A member that
 * has given more than SL_INFLATE_FREE bytes and more than max_inflate
 * times what it has consumed is cut off there like a corrupt one (the
 * reader above then sees a cut record); a file whose output as a whole
 * passes the ratio (so that many small members do not get round the check)
 * or the absolute max_inflate_size ends there. Not WARC (warc.c), nor which
 * files are compressed (source.c).
 *
 * A small file is read whole and decompressed at once by libdeflate, which
 * does that job better than zlib's streaming inflate or code of ours: on
 * the 181 pages of zyte-aeb (34 KB compressed, 174 KB of HTML each) it
 * takes 0.16 ms a page where zlib takes 0.37 ms, and storyline extract
 * --json over them all went from 0.356 s to 0.322 s (median of 6, on one
 * core; the 3 pages of more than 1 MiB still go through zlib). It has no
 * streaming interface, which large files, WARC files and damaged members
 * need, so zlib stays for them, and the fast path is taken only where its
 * answer is the same, byte for byte and message for message: a file (a
 * regular file, or a stream in memory, which cannot wait for a writer) of
 * at most WHOLE_MAX compressed bytes whose members libdeflate all
 * decompresses, to at most SL_INFLATE_FREE bytes in all and within
 * max_inflate_size, without a header CRC (which zlib checks and libdeflate
 * skips). Within those sizes no limit can apply, whatever the ratio part
 * way through a member (which whole-buffer decompression cannot see). The
 * last member's ISIZE sizes the output only as a guess: one past the bound
 * is refused before anything is allocated, and no buffer grows past the
 * bound whatever the members declare. On any failure (corrupt, truncated,
 * too large, bytes after the last member) the bytes read are inflated
 * again by zlib from the start, so that messages, resynchronisation and
 * limits are as they always were. Members are served one at a time, as
 * inflate ends a pull at a member's end, so that rd_gunzip_member_of
 * answers as it does for the streaming path. (libdeflate accepts a few
 * deflate streams that zlib refuses, such as a one-codeword Huffman code
 * used through its unused codeword; only one built on purpose, with a
 * CRC-32 to match, would come out differently.) */
#include "read.h"

#include <errno.h>
#include <libdeflate.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <zlib.h>

#define RAW_CHUNK 65536
/* Members remembered for rd_gunzip_member_of: a WARC record spans a few at
 * most, and messages are about the record just read. */
#define RECENT 64
/* Compressed bytes a file may have to be read whole: more would give more
 * than SL_INFLATE_FREE (1 MiB) of text, past the fast path's bound. */
#define WHOLE_MAX SL_INFLATE_FREE

struct rd_gunzip {
    FILE         *f;
    const char   *input;
    z_stream      z;
    uint64_t      fed;          /* raw bytes handed to zlib so far */
    uint64_t      member;       /* raw offset where the current member began */
    bool          in_member;    /* inside a member: its end has not come */
    bool          damaged;      /* skipping a damaged stretch: no more messages */
    bool          eof;
    err_slot      pending;      /* a message not yet handed over */
    uint64_t      out;          /* uncompressed bytes handed out so far */
    struct { uint64_t raw, out; } recent[RECENT];   /* member starts, a ring */
    size_t        n_recent;
    uint64_t      cut_out;      /* bytes given by members cut off for their ratio */
    double        max_ratio;    /* sl_limits.max_inflate */
    uint64_t      max_out;      /* sl_limits.max_inflate_size */
    bool          ended;        /* no more output: a limit of the whole file, or stop */
    bool          stop;         /* a damaged member ends the file (rd_gunzip_stop) */
    /* The fast path: the file read whole, decompressed at once */
    enum { FAST_UNTRIED, FAST_ON, FAST_OFF } fast;
    unsigned char *whole;       /* the compressed bytes read whole, which zlib
                                 * inflates from (then the file) if it is off */
    unsigned char *plain;       /* the decompressed bytes when it is on */
    uint64_t      plain_len;
    size_t        plain_cap;    /* bytes allocated for it (one more at least) */
    uint64_t      *starts;      /* raw offset, then output offset, of each member */
    size_t        n_members;
    size_t        next_member;  /* the next to be begun */
    uint64_t      member_end;   /* output offset where the current member ends */
    unsigned char raw[RAW_CHUNK];   /* last, and not zeroed: see rd_gunzip_of */
};

static uint64_t raw_offset(const rd_gunzip *g) { return g->fed - g->z.avail_in; }

rd_gunzip *rd_gunzip_of(FILE *f, const char *input, err_slot *err)
{
    /* all but the raw buffer zeroed: a small page is decompressed from a
     * buffer of its own, and zeroing 64 KiB for each cost a twentieth of
     * the work of reading it */
    rd_gunzip *g = xmalloc(sizeof *g);
    memset(g, 0, offsetof(rd_gunzip, raw));
    g->f = f;
    g->input = input;
    rd_gunzip_limits(g, NULL);
    if (inflateInit2(&g->z, 15 + 16) != Z_OK) {
        fclose(f);
        free(g);
        err_set(err, SL_EIO, input, 0, "cannot start zlib");
        return NULL;
    }
    return g;
}

rd_gunzip *rd_gunzip_open(const char *path, err_slot *err)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        err_set(err, SL_EIO, path, 0, "cannot open: %s", strerror(errno));
        return NULL;
    }
    return rd_gunzip_of(f, path, err);
}

void rd_gunzip_limits(rd_gunzip *g, const sl_limits *l)
{
    sl_limits full;
    rd_limits_fill(l, &full);
    g->max_ratio = full.max_inflate;
    g->max_out = full.max_inflate_size;
}

void rd_gunzip_stop(rd_gunzip *g, bool stop) { g->stop = stop; }

void rd_gunzip_unread(rd_gunzip *g, const void *p, size_t n)
{
    if (n > sizeof g->raw) n = sizeof g->raw;
    memcpy(g->raw, p, n);
    g->z.next_in = g->raw;
    g->z.avail_in = (uInt)n;
    g->fed += n;
}

void rd_gunzip_close(rd_gunzip *g)
{
    if (!g) return;
    inflateEnd(&g->z);
    fclose(g->f);
    free(g->whole);
    free(g->plain);
    free(g->starts);
    free(g);
}

bool rd_gunzip_message(rd_gunzip *g, err_slot *err)
{
    if (!g || !g->pending.status) return false;
    *err = g->pending;
    err_clear(&g->pending);
    return true;
}

/* One message per damaged stretch; in stop mode the file ends there. */
static void report(rd_gunzip *g, const char *why, const char *zmsg)
{
    if (!g->damaged && !g->pending.status) {
        if (!zmsg)
            err_set(&g->pending, SL_EINPUT, g->input, 0, "gzip member at byte %llu: %s",
                    (unsigned long long)g->member, why);
        else if (g->stop)
            err_set(&g->pending, SL_EINPUT, g->input, 0, "gzip member at byte %llu: %s (zlib: %s); "
                    "the rest of the file skipped", (unsigned long long)g->member, why, zmsg);
        else
            err_set(&g->pending, SL_EINPUT, g->input, 0, "gzip member at byte %llu: %s, skipped to the next "
                    "member (zlib: %s)", (unsigned long long)g->member, why, zmsg);
    }
    g->damaged = true;
    if (g->stop) g->ended = true;
}

static bool refill(rd_gunzip *g)
{
    if (g->z.avail_in || g->eof) return g->z.avail_in > 0;
    free(g->whole);   /* inflated from it to its end: what follows is in the file */
    g->whole = NULL;
    size_t k = fread(g->raw, 1, sizeof g->raw, g->f);
    if (k == 0) { g->eof = true; return false; }
    g->z.next_in = g->raw;
    g->z.avail_in = (uInt)k;
    g->fed += k;
    return true;
}

/* Move what is left of the raw buffer to its start and read more after it. */
static void top_up(rd_gunzip *g)
{
    memmove(g->raw, g->z.next_in, g->z.avail_in);
    size_t k = fread(g->raw + g->z.avail_in, 1, sizeof g->raw - g->z.avail_in, g->f);
    if (k == 0) g->eof = true;
    g->z.next_in = g->raw;
    g->z.avail_in += (uInt)k;
    g->fed += k;
}

static void consume(rd_gunzip *g, size_t k)
{
    g->z.next_in += k;
    g->z.avail_in -= (uInt)k;
}

/* Drop raw bytes up to the next gzip header (1f 8b 08), or all of them. */
static void skip_to_magic(rd_gunzip *g)
{
    while (refill(g)) {
        unsigned char *p = memchr(g->z.next_in, 0x1f, g->z.avail_in);
        if (!p) { consume(g, g->z.avail_in); continue; }
        consume(g, (size_t)(p - g->z.next_in));
        if (g->z.avail_in < 3 && !g->eof) top_up(g);   /* the magic may straddle a read */
        if (g->z.avail_in < 3) return;                /* the file ends: inflate will say so */
        if (g->z.next_in[1] == 0x8b && g->z.next_in[2] == 0x08) return;
        consume(g, 1);
    }
}

/* More than ratio times raw; too_much: once past the free allowance too. */
static bool over_ratio(const rd_gunzip *g, uint64_t out, uint64_t raw)
{
    return (double)out > g->max_ratio * (double)(raw ? raw : 1);
}

static bool too_much(const rd_gunzip *g, uint64_t out, uint64_t raw)
{
    return out > SL_INFLATE_FREE && over_ratio(g, out, raw);
}

/* After a pull gave made more bytes: cut off the member, or end the file,
 * that expands past the limits. A member over the ratio is left to its own
 * check, and once cut off no longer counts in the file's ratio, so that
 * the members after it are read; many small members that each stay within
 * the free allowance meet the file's. A limit of the whole file stops all
 * output; its message takes the place of any about damage. */
static void check_limits(rd_gunzip *g, size_t made)
{
    uint64_t raw = raw_offset(g), out = g->out + made;
    uint64_t member_out = g->in_member ? out - g->recent[(g->n_recent - 1) % RECENT].out : 0;
    bool member_over = g->in_member && over_ratio(g, member_out, raw - g->member);
    char x[32];
    if (out > g->max_out) {
        err_set(&g->pending, SL_ELIMIT, g->input, 0,
                "gzip data up to byte %llu decompresses to more than %s (--max-inflate-size); "
                "the rest of the file skipped", (unsigned long long)raw, rd_size_str(g->max_out, x));
        g->ended = true;
    } else if (member_over && member_out > SL_INFLATE_FREE) {
        if (!g->damaged && !g->pending.status)
            err_set(&g->pending, SL_ELIMIT, g->input, 0,
                    "gzip member at byte %llu: decompresses to more than %g times its size (--max-inflate); %s",
                    (unsigned long long)g->member, g->max_ratio,
                    g->stop ? "the rest of the file skipped" : "skipped to the next member");
        g->damaged = true;
        g->cut_out += member_out;
        inflateReset(&g->z);
        g->in_member = false;
        if (g->stop) g->ended = true;
        else skip_to_magic(g);
    } else if (!member_over && too_much(g, out - g->cut_out, raw)) {
        err_set(&g->pending, SL_ELIMIT, g->input, 0,
                "gzip data up to byte %llu decompresses to %s, more than %g times its size (--max-inflate); "
                "the rest of the file skipped", (unsigned long long)raw, rd_size_str(out, x), g->max_ratio);
        g->ended = true;
    }
}

/* The rest of the file read into g->whole after the bytes not yet
 * inflated, which zlib then inflates from: true if it all came, at most
 * WHOLE_MAX bytes. A read error is left for the streaming path to meet. */
static bool read_whole(rd_gunzip *g)
{
    size_t len = g->z.avail_in, cap = (size_t)RAW_CHUNK;
    int fd = fileno(g->f);
    if (fd >= 0) {   /* a regular file, by its size; no pipe: it may wait */
        struct stat st;
        off_t at = ftello(g->f);
        if (fstat(fd, &st) || !S_ISREG(st.st_mode) || at < 0 || st.st_size < at ||
            (uint64_t)(st.st_size - at) > WHOLE_MAX - len)
            return false;
        cap = len + (size_t)(st.st_size - at) + 1;   /* + 1: sees a file that grew */
    }
    unsigned char *w = xmalloc(cap);
    if (len) memcpy(w, g->z.next_in, len);
    for (;;) {
        size_t k = fread(w + len, 1, cap - len, g->f);
        len += k;
        g->fed += k;
        if (len < cap) break;   /* the end, or an error */
        if (cap > WHOLE_MAX) break;
        cap = cap * 2 > WHOLE_MAX + 1 ? WHOLE_MAX + 1 : cap * 2;
        w = xrealloc(w, cap);
    }
    g->whole = w;
    g->z.next_in = w;
    g->z.avail_in = (uInt)len;
    return len <= WHOLE_MAX && !ferror(g->f);
}

/* The members of g->whole decompressed into g->plain by libdeflate, or
 * false (nothing kept) where zlib might answer otherwise: see the top. */
static bool decompress_whole(rd_gunzip *g)
{
    const unsigned char *in = g->whole;
    size_t len = g->z.avail_in;
    uint64_t bound = g->max_out < SL_INFLATE_FREE ? g->max_out : SL_INFLATE_FREE;
    if (len < 18) return false;   /* not even one empty member: zlib's message */
    const unsigned char *t = in + len - 4;
    uint64_t isize = (uint64_t)t[0] | (uint64_t)t[1] << 8 | (uint64_t)t[2] << 16 | (uint64_t)t[3] << 24;
    if (isize > bound) return false;   /* the last member alone says it is too large */
    size_t cap = isize ? (size_t)isize : 1, out = 0, pos = 0, n = 0, room = 0;
    unsigned char *plain = xmalloc(cap + 1);   /* + 1: room for the NUL of a buf */
    uint64_t *starts = NULL;
    struct libdeflate_decompressor *d = libdeflate_alloc_decompressor();
    bool ok = d != NULL;
    while (ok && pos < len) {
        /* FHCRC: zlib checks the header's CRC, libdeflate skips it */
        if (len - pos < 4 || (in[pos + 3] & 0x02)) { ok = false; break; }
        size_t used_in, made;
        enum libdeflate_result r =
            libdeflate_gzip_decompress_ex(d, in + pos, len - pos, plain + out, cap - out, &used_in, &made);
        if (r == LIBDEFLATE_INSUFFICIENT_SPACE && cap < bound) {   /* ISIZE was a guess */
            cap = (size_t)bound;
            plain = xrealloc(plain, cap + 1);
            continue;
        }
        if (r != LIBDEFLATE_SUCCESS) { ok = false; break; }
        if (n == room) {
            room = room ? 2 * room : 8;
            starts = xrealloc(starts, room * 2 * sizeof *starts);
        }
        starts[2 * n] = raw_offset(g) + pos;
        starts[2 * n + 1] = out;
        n++;
        pos += used_in;
        out += made;
    }
    libdeflate_free_decompressor(d);
    if (!ok) {
        free(plain);
        free(starts);
        return false;
    }
    g->plain = plain;
    g->plain_len = out;
    g->plain_cap = cap + 1;
    g->starts = starts;
    g->n_members = n;
    g->member_end = g->out;
    return true;
}

/* The next bytes of the current member, once decompressed at once; members
 * are begun (and remembered for rd_gunzip_member_of) as inflate begins
 * them, empty ones too, and a pull ends at a member's end as inflate's does. */
static long pull_plain(rd_gunzip *g, char *dst, size_t n)
{
    while (g->out == g->member_end) {
        if (g->next_member == g->n_members) return 0;
        size_t m = g->next_member++;
        size_t slot = g->n_recent++ % RECENT;
        g->recent[slot].raw = g->starts[2 * m];
        g->recent[slot].out = g->starts[2 * m + 1];
        g->member_end = g->next_member < g->n_members ? g->starts[2 * g->next_member + 1] : g->plain_len;
    }
    size_t k = g->member_end - g->out < n ? (size_t)(g->member_end - g->out) : n;
    memcpy(dst, g->plain + g->out, k);
    g->out += k;
    return (long)k;
}

/* Decompress at once if the file allows it (once, before the first pull). */
static void try_fast(rd_gunzip *g)
{
    if (g->fast != FAST_UNTRIED) return;
    g->fast = read_whole(g) && decompress_whole(g) ? FAST_ON : FAST_OFF;
    if (g->fast == FAST_ON) {   /* zlib has nothing left to inflate */
        free(g->whole);
        g->whole = NULL;
        g->z.next_in = NULL;
        g->z.avail_in = 0;
    }
}

bool rd_gunzip_take(rd_gunzip *g, buf *b)
{
    try_fast(g);
    if (g->fast != FAST_ON || g->out || g->next_member || g->n_members != 1) return false;
    size_t slot = g->n_recent++ % RECENT;   /* as pull_plain begins the member */
    g->recent[slot].raw = g->starts[0];
    g->recent[slot].out = 0;
    g->next_member = 1;
    g->out = g->member_end = g->plain_len;
    free(b->data);
    b->data = (char *)g->plain;
    b->len = (size_t)g->plain_len;
    b->cap = g->plain_cap;
    b->data[b->len] = '\0';
    g->plain = NULL;
    return true;
}

uint64_t rd_gunzip_ready(rd_gunzip *g)
{
    try_fast(g);
    return g->fast == FAST_ON ? g->plain_len - g->out : 0;
}

long rd_gunzip_pull(void *ctx, char *dst, size_t n, err_slot *err)
{
    rd_gunzip *g = ctx;
    if (n > UINT32_MAX) n = UINT32_MAX;
    try_fast(g);
    if (g->fast == FAST_ON) return pull_plain(g, dst, n);
    if (g->ended) return 0;
    for (;;) {
        if (!refill(g)) {
            if (ferror(g->f)) {
                err_set(err, SL_EIO, g->input, 0, "cannot read: %s", strerror(errno));
                return -1;
            }
            if (g->in_member) report(g, "the file ends inside it", NULL);
            return 0;
        }
        if (!g->in_member) {
            g->member = raw_offset(g);
            g->in_member = true;
            size_t slot = g->n_recent++ % RECENT;
            g->recent[slot].raw = g->member;
            g->recent[slot].out = g->out;
        }
        g->z.next_out = (unsigned char *)dst;
        g->z.avail_out = (uInt)n;
        int r = inflate(&g->z, Z_NO_FLUSH);
        size_t made = n - g->z.avail_out;
        if (r == Z_STREAM_END) {
            inflateReset(&g->z);
            g->in_member = false;
            g->damaged = false;
        } else if (r == Z_DATA_ERROR || r == Z_NEED_DICT || r == Z_MEM_ERROR) {
            report(g, "corrupt", g->z.msg ? g->z.msg : "bad data");
            inflateReset(&g->z);
            g->in_member = false;
            if (g->z.avail_in) consume(g, 1);   /* past where it failed */
            if (!g->stop) skip_to_magic(g);
        }
        check_limits(g, made);
        g->out += made;
        if (made) return (long)made;
        if (g->ended) return 0;
    }
}

long long rd_gunzip_member_of(void *ctx, uint64_t off)
{
    const rd_gunzip *g = ctx;
    size_t n = g->n_recent < RECENT ? g->n_recent : RECENT;
    for (size_t k = 0; k < n; k++) {   /* newest first */
        size_t slot = (g->n_recent - 1 - k) % RECENT;
        if (g->recent[slot].out <= off) return (long long)g->recent[slot].raw;
    }
    return -1;
}
