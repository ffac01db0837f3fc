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
 * files are compressed (source.c). */
#include "read.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#define RAW_CHUNK 65536
/* Members remembered for rd_gunzip_member_of: a WARC record spans a few at
 * most, and messages are about the record just read. */
#define RECENT 64

struct rd_gunzip {
    FILE         *f;
    const char   *input;
    z_stream      z;
    unsigned char raw[RAW_CHUNK];
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
};

static uint64_t raw_offset(const rd_gunzip *g) { return g->fed - g->z.avail_in; }

rd_gunzip *rd_gunzip_of(FILE *f, const char *input, err_slot *err)
{
    rd_gunzip *g = xcalloc(1, sizeof *g);
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

long rd_gunzip_pull(void *ctx, char *dst, size_t n, err_slot *err)
{
    rd_gunzip *g = ctx;
    if (n > UINT32_MAX) n = UINT32_MAX;
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
