/* gen.c: build/gen, a synthetic news stream of any size for benchmarks.
 *
 *   build/gen N [--seed S] [--truth FILE] [--start YYYY-MM-DD] [--days D]
 *
 * Writes N articles as JSON Lines to standard output (id, url, source,
 * published, title, and text or html) in about publication order, and with
 * --truth a TSV file "doc event storyline copy_of" giving the true event
 * and storyline of every article, and for a reprint the article it
 * reprints (empty otherwise). The same seed and N give the same bytes.
 *
 * The stream runs day by day: events arrive at a rate that gives N
 * articles over the span (by default 4 years at a million articles,
 * shorter for fewer, so that a day stays busy), storylines due that day
 * produce their next event, and every live event contributes its
 * articles for the day, shuffled together. About 12% of articles are
 * reprints of an earlier article of the same event by another outlet, 5%
 * are whole HTML pages, 3% carry no date, and 1.5% come a day or two late.
 * Memory holds the live events and the storylines still to come back, not
 * the stream. Not the world or the wording (gen_world.c, gen_kinds.c). */
#include "gen.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PREWARM_DAYS 21   /* the stream opens on a world already in motion */

static int mod(int a, int m) { return ((a % m) + m) % m; }   /* days before 1970 are negative */

static const char usage[] =
    "usage: build/gen N [--seed S] [--truth FILE] [--start YYYY-MM-DD] [--days D]\n"
    "\n"
    "Writes N synthetic news articles as JSON Lines to standard output.\n"
    "  --seed S      random seed (default 1); the same seed and N give the same stream\n"
    "  --truth FILE  write the true event and storyline of each article (TSV:\n"
    "                doc, event, storyline, copy_of (the article a reprint\n"
    "                reprints, or empty), with a header line)\n"
    "  --start DATE  the first day of the stream (default 2021-01-04)\n"
    "  --days D      simulated days (default 1460 * (N / 1,000,000)^0.4)\n"
    "A summary of what was made goes to standard error.\n";

typedef struct {
    long n;
    uint64_t seed;
    const char *truth;
    int start, days;
} options;

static int parse_date(const char *s, int *day)
{
    int y, m, d;
    char tail;
    if (sscanf(s, "%d-%d-%d%c", &y, &m, &d, &tail) != 3) return -1;
    *day = date_day(y, m, d);
    return *day == INT32_MIN ? -1 : 0;
}

static int parse(int argc, char **argv, options *o)
{
    *o = (options){.n = -1, .seed = 1, .start = date_day(2021, 1, 4)};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        char *end;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) { fputs(usage, stdout); exit(0); }
        if (i + 1 < argc && !strcmp(a, "--seed")) {
            o->seed = strtoull(argv[++i], &end, 10);
            if (*end) return -1;
        } else if (i + 1 < argc && !strcmp(a, "--truth")) {
            o->truth = argv[++i];
        } else if (i + 1 < argc && !strcmp(a, "--start")) {
            if (parse_date(argv[++i], &o->start)) return -1;
        } else if (i + 1 < argc && !strcmp(a, "--days")) {
            o->days = (int)strtol(argv[++i], &end, 10);
            if (*end || o->days < 1) return -1;
        } else if (a[0] != '-' && o->n < 0) {
            o->n = strtol(a, &end, 10);
            if (*end || o->n < 0) return -1;
        } else {
            return -1;
        }
    }
    return o->n < 0 ? -1 : 0;
}

/* ---- output ---- */

static void json_string(gbuf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    gb_putc(b, '"');
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        gb_put(b, s + run, i - run);
        run = i + 1;
        switch (c) {
        case '"': gb_puts(b, "\\\""); break;
        case '\\': gb_puts(b, "\\\\"); break;
        case '\n': gb_puts(b, "\\n"); break;
        case '\t': gb_puts(b, "\\t"); break;
        default:
            gb_puts(b, "\\u00");
            gb_putc(b, hex[c >> 4]);
            gb_putc(b, hex[c & 15]);
        }
    }
    gb_put(b, s + run, n - run);
    gb_putc(b, '"');
}

static const char *section(int type)
{
    switch (type) {
    case ST_CORPORATE: case ST_LEGAL: case ST_TRADE: case ST_LABOUR: return "business";
    case ST_LEAGUE: return "sport";
    case ST_ELECTION: case ST_DISPUTE: case ST_SUMMIT: return "politics";
    case ST_OUTBREAK: return "health";
    default: return "world";
    }
}

static void url(gbuf *b, const gen_outlet *o, const char *title, int type, int day, long seq)
{
    gen_date d = day_date(day);
    char t[64];
    gb_puts(b, o->urlstyle == 1 ? "https://" : "https://www.");
    gb_puts(b, o->domain);
    if (o->urlstyle == 0) {
        snprintf(t, sizeof t, "/%s/%04d/%02d/%02d/", section(type), d.y, d.m, d.d);
        gb_puts(b, t);
    } else if (o->urlstyle == 1) {
        gb_puts(b, "/news/");
    } else {
        snprintf(t, sizeof t, "/article/%ld/", seq);
        gb_puts(b, t);
    }
    int words = 0;
    bool dash = false;
    for (const char *p = title; *p && words < 9; p++) {
        char c = *p;
        if (c >= 'A' && c <= 'Z') c += 32;
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            if (dash && b->p[b->n - 1] != '/') gb_putc(b, '-');
            dash = false;
            gb_putc(b, c);
        } else if (c == ' ') {
            dash = true;
            words++;
        }
    }
    if (o->urlstyle != 2) {
        snprintf(t, sizeof t, "-%ld", seq);
        gb_puts(b, t);
    }
}

static void published(gbuf *b, gen_rng *r, int day)
{
    gen_date d = day_date(day);
    char t[40];
    double x = rng_unit(r);
    int h = rng_range(r, 5, 23), m = rng_range(r, 0, 59), s = rng_range(r, 0, 59);
    if (x < 0.25) snprintf(t, sizeof t, "%04d-%02d-%02d", d.y, d.m, d.d);
    else if (x < 0.8) snprintf(t, sizeof t, "%04d-%02d-%02dT%02d:%02d:%02dZ", d.y, d.m, d.d, h, m, s);
    else snprintf(t, sizeof t, "%04d-%02d-%02dT%02d:%02d:%02d+0%d:00", d.y, d.m, d.d, h, m, s, rng_range(r, 1, 9));
    gb_puts(b, t);
}

/* One article as a JSON line in out and its truth row in truth. */
static void emit(gen_writer *wr, gen_event *e, int day, long seq, gbuf *out, FILE *truth, long *copies, long *html,
                 long *undated)
{
    gen_rng *r = wr->r;
    bool copy = e->wire && rng_chance(r, 0.19);
    bool as_html = rng_chance(r, 0.05);
    bool dated = !rng_chance(r, 0.03);
    const gen_outlet *o = article_write(wr, e, day, copy, as_html, seq);
    *copies += copy;
    *html += as_html;
    *undated += !dated;
    char id[32];
    snprintf(id, sizeof id, "gen-%08ld", seq);
    gb_puts(out, "{\"id\":\"");
    gb_puts(out, id);
    gb_puts(out, "\",\"url\":");
    gbuf *u = &wr->line;
    gb_clear(u);
    url(u, o, wr->title.p, e->story->type, day, seq);
    json_string(out, u->p, u->n);
    gb_puts(out, ",\"source\":");
    json_string(out, o->name, strlen(o->name));
    if (dated) {
        gb_puts(out, ",\"published\":\"");
        published(out, r, day);
        gb_putc(out, '"');
    }
    gb_puts(out, ",\"title\":");
    json_string(out, wr->title.p, wr->title.n);
    if (as_html) {
        gb_puts(out, ",\"html\":");
        json_string(out, wr->html.p, wr->html.n);
    } else {
        gb_puts(out, ",\"text\":");
        json_string(out, wr->text.p, wr->text.n);
    }
    gb_puts(out, "}\n");
    if (truth) {
        fprintf(truth, "%s\te%u\ts%u\t", id, e->id, e->story->id);
        if (copy) fprintf(truth, "gen-%08ld", e->wire_seq);
        fputc('\n', truth);
    }
}

static void flush(gbuf *b, bool force)
{
    if (!force && b->n < (1u << 20)) return;
    if (b->n && fwrite(b->p, 1, b->n, stdout) != b->n) { perror("gen: stdout"); exit(2); }
    gb_clear(b);
}

/* The mean event size, measured on draws of the same kind mix. */
static double mean_size(gen_sim *s)
{
    gen_rng *own = s->r, probe;   /* its own numbers: the stream does not depend on this */
    rng_seed(&probe, 12345);
    s->r = &probe;
    double sum = 0;
    const int n = 40000;
    for (int i = 0; i < n; i++) {
        const gen_type *ty = &gen_types[type_draw(s->r)];
        int k = 0, m = 0;
        while (ty->middle[m] != K_COUNT) m++;
        while (ty->first[k] != K_COUNT) k++;
        int kind = rng_chance(s->r, 0.5) ? ty->first[rng_below(s->r, (uint32_t)k)] : ty->middle[rng_below(s->r, (uint32_t)m)];
        sum += event_size_draw(s, kind);
    }
    s->r = own;
    return sum / n;
}

int main(int argc, char **argv)
{
    options opt;
    if (parse(argc, argv, &opt)) { fputs(usage, stderr); return 1; }
    FILE *truth = NULL;
    if (opt.truth) {
        truth = fopen(opt.truth, "w");
        if (!truth) { perror(opt.truth); return 2; }
        fputs("doc\tevent\tstoryline\tcopy_of\n", truth);
    }
    gen_rng rng;
    rng_seed(&rng, opt.seed);
    gen_world world;
    world_build(&world, &rng);
    gen_writer wr = {.w = &world, .r = &rng};
    gen_sim sim = {.w = &world, .r = &rng, .wr = &wr, .next_event = 1, .next_story = 1};

    double span = opt.days ? opt.days : 1460 * pow((double)opt.n / 1e6, 0.4);
    if (span < 7) span = 7;
    double per_day = (double)opt.n / span;
    sim.span = span;
    sim.size_cap = per_day * 2 < 20 ? 20 : per_day * 2;
    double mean = mean_size(&sim);   /* until the stream's own events say better */

    gen_event **live = NULL;
    int nlive = 0, caplive = 0;
    int *slots = NULL;
    size_t capslots = 0;
    gbuf out = {0}, late[3] = {{0}};
    long seq = 0, copies = 0, html = 0, undated = 0, delayed = 0;
    double live_sum = 0, active_sum = 0;
    long begun[GEN_BURST_DAYS] = {0}, begun_window = 0;   /* events begun on each of the last 4 weeks' days */
    int days_out = 0, last_day = opt.start;
    static const double weekday_factor[7] = {0.7, 1.08, 1.1, 1.1, 1.1, 1.08, 0.78};

    for (int d = -PREWARM_DAYS; seq < opt.n; d++) {
        int day = opt.start + d;
        if (sim.events_made > 500) mean = sim.size_sum / (double)sim.events_made;
        double rate = per_day / mean;   /* events a day */
        int target = rng_poisson(&rng, rate * weekday_factor[day_weekday(day)]);
        int made = 0;
        long events_before = sim.events_made;
        gen_story *st;
        while ((st = heap_due(&sim, day))) {
            if (nlive == caplive) live = realloc(live, sizeof *live * (size_t)(caplive = caplive ? caplive * 2 : 1024));
            live[nlive++] = story_event(&sim, st, day);
            made++;
        }
        for (; made < target; made++) {
            int type = type_draw(&rng);
            st = story_new(&sim, type, -1, day, -1);
            if (nlive == caplive) live = realloc(live, sizeof *live * (size_t)(caplive = caplive ? caplive * 2 : 1024));
            live[nlive++] = story_event(&sim, st, day);
            /* the same kind of thing elsewhere in the same week: two quakes, two strikes */
            if ((type == ST_DISASTER || type == ST_LABOUR || type == ST_PROTEST || type == ST_CRIME) &&
                rng_chance(&rng, 0.08)) {
                gen_story *twin = story_new(&sim, type, st->first_kind, day, st->country);
                twin->next_day = day + rng_range(&rng, 1, 6);
                heap_push(&sim, twin);
            }
        }

        int ring = mod(day, GEN_BURST_DAYS);
        begun_window += sim.events_made - events_before - begun[ring];
        begun[ring] = sim.events_made - events_before;
        /* today's articles: every live event's share, shuffled together */
        size_t nslots = 0;
        int active = 0;
        for (int i = 0; i < nlive;) {
            gen_event *e = live[i];
            int k = day - e->start;
            if (k >= GEN_BURST_DAYS || e->left == 0) {
                story_done_event(&sim, e);
                live[i] = live[--nlive];
                continue;
            }
            int c = e->per_day[k];
            if (c) active++;
            if (nslots + (size_t)c > capslots) slots = realloc(slots, sizeof *slots * (capslots = (nslots + (size_t)c) * 2));
            for (int j = 0; j < c; j++) slots[nslots++] = i;
            i++;
        }
        for (size_t i = nslots; i > 1; i--) {
            size_t j = rng_below(&rng, (uint32_t)i);
            int t = slots[i - 1];
            slots[i - 1] = slots[j];
            slots[j] = t;
        }
        wr.live = live;
        wr.nlive = nlive;
        if (d >= 0) {
            gbuf *today = &late[mod(day, 3)];
            gb_put(&out, today->p ? today->p : "", today->n);
            gb_clear(today);
            live_sum += (double)begun_window;
            active_sum += active;
            days_out++;
            last_day = day;
        }
        for (size_t i = 0; i < nslots && seq < opt.n; i++) {
            gen_event *e = live[slots[i]];
            e->left--;
            if (d < 0) continue;   /* before the stream opens */
            bool is_late = rng_chance(&rng, 0.015);
            if (is_late) delayed++;
            gbuf *to = is_late ? &late[mod(day + rng_range(&rng, 1, 2), 3)] : &out;
            emit(&wr, e, day, ++seq, to, truth, &copies, &html, &undated);
            flush(&out, false);
        }
    }
    for (int i = 0; i < 3; i++) {   /* those still waiting, oldest first */
        const gbuf *l = &late[mod(last_day + 1 + i, 3)];
        gb_put(&out, l->p ? l->p : "", l->n);
    }
    flush(&out, true);
    if (truth && fclose(truth)) { perror(opt.truth); return 2; }
    if (fflush(stdout)) { perror("gen: stdout"); return 2; }

    gen_date a = day_date(opt.start), b = day_date(last_day);
    fprintf(stderr,
            "gen: %ld articles, %ld events, %ld storylines, %d days (%04d-%02d-%02d to %04d-%02d-%02d); "
            "%.0f articles/day; events begun in the last 4 weeks %.0f, with an article today %.0f (daily means); "
            "copies %.1f%%, html %.1f%%, undated %.1f%%, late %.1f%%\n",
            seq, sim.events_made, sim.stories_made, days_out, a.y, a.m, a.d, b.y, b.m, b.d,
            days_out ? (double)seq / days_out : 0, days_out ? live_sum / days_out : 0,
            days_out ? active_sum / days_out : 0, seq ? 100.0 * copies / seq : 0, seq ? 100.0 * html / seq : 0,
            seq ? 100.0 * undated / seq : 0, seq ? 100.0 * delayed / seq : 0);
    return 0;
}
