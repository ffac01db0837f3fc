/* timeline.c: a dated timeline of a story from the dated sentences of its
 * articles.
 *
 * A sentence that opens with a quotation mark is someone's words, not the
 * story's, and dates nothing. A date matters when several articles mention
 * it; an article's lead counts
 * for its publication day at half weight when the article names no date of
 * its own for it, and a date articles name more than a month after it (one
 * the story keeps coming back to) counts three times. For each chosen date the
 * sentence is the one that tells most of what the articles naming that date
 * tell (the nearest to the centroid of the date's sentences), written on or
 * after it; among equals, the one from the article published soonest after
 * it (the report of the day), earliest in that article. Sentences that
 * repeat one already chosen, for this date or another, are skipped. Not
 * the finding or resolving of dates (analyze/timex.c). */
#include "summarize.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct { int32_t day; double score; } date_score;

static int cmp_score(const void *a, const void *b)
{
    const date_score *x = a, *y = b;
    if (x->score != y->score) return x->score < y->score ? 1 : -1;
    return (x->day < y->day) - (x->day > y->day);   /* ties: the more recent */
}

/* A sentence that opens with a quotation mark gives someone's words; the
 * timeline wants what happened (the words are in the story's quotes). So
 * does one that starts inside a quote, its first double mark a closing
 * one ("This morning I sold more coffee than last week," she said.). */
static bool opens_quote(const char *s)
{
    while (*s == ' ') s++;
    if (*s == '"' || *s == '\'' || !strncmp(s, "\xE2\x80\x9C", 3) || !strncmp(s, "\xE2\x80\x98", 3)) return true;
    for (const char *p = s; *p; p++) {
        if (!strncmp(p, "\xE2\x80\x9C", 3)) return false;
        if (!strncmp(p, "\xE2\x80\x9D", 3)) return true;
        if (*p == '"') return p > s && (p[-1] == ',' || p[-1] == '.' || p[-1] == '!' || p[-1] == '?');
    }
    return false;
}

/* A question ("What is swine flu ?") asks; a timeline tells what
 * happened. (One that ends inside a quote is someone's words:
 * opens_quote.) */
static bool asks(const char *s)
{
    size_t n = strlen(s);
    while (n && s[n - 1] == ' ') n--;
    return n && s[n - 1] == '?';
}

/* How well a sentence reports its date: small is good. The report of the
 * day first, then the earliest. */
static int64_t closeness(const su_dated *d)
{
    int64_t gap = d->article_day == DAY_NONE ? 100000 : (int64_t)d->article_day - d->day;
    if (gap < 0) gap = 100000 - gap;   /* written before the day: a forecast */
    int64_t pos = d->position < 0 || d->position > 999 ? 999 : d->position;
    return gap * 2000 + pos;
}

static int cmp_closeness(const void *a, const void *b)
{
    int64_t x = closeness(a), y = closeness(b);
    if (x != y) return (x > y) - (x < y);
    const su_dated *p = a, *q = b;   /* ties: by article and sentence, not the order rows came in */
    int c = strcmp(p->article, q->article);
    return c ? c : strcmp(p->sentence, q->sentence);
}

/* How much a dated sentence tells that its date matters (score_dates). A
 * lead standing in for its day counts half. A date named more than a month
 * after it is one the story came back to (the blowout, the death, the day
 * of the vote), and counts SU_LASTING. */
/* Chosen on t17-dev by leave-one-topic-out over 0.5 to 10: held out, a
 * timeline's Date-F1 0.710 (0.663 at 0.5), AR1-F 0.141 (0.123). */
#define SU_LASTING 3.0

static double weight(const su_dated *d)
{
    if (d->position < 0) return 0.5;
    bool later = d->article_day != DAY_NONE && d->article_day - d->day > 30;
    return later ? SU_LASTING : 1.0;
}

/* By day, then article, the article's weightiest sentence first: the
 * sentences of one article on one date are neighbours, so that it counts
 * once per date, with its weight there (score_dates), in one pass however
 * many articles report the same day. */
static int cmp_day_article(const void *a, const void *b)
{
    const su_dated *x = a, *y = b;
    if (x->day != y->day) return (x->day > y->day) - (x->day < y->day);
    int c = strcmp(x->article, y->article);
    if (c) return c;
    double wx = weight(x), wy = weight(y);
    return (wx < wy) - (wx > wy);
}

/* Scores of each distinct date: the weights of the distinct articles
 * naming it. in is sorted by cmp_day_article. */
static size_t score_dates(const su_dated *in, size_t n, date_score *out)
{
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        double s = 0;
        for (; j < n && in[j].day == in[i].day; j++)
            if (j == i || strcmp(in[j].article, in[j - 1].article)) s += weight(&in[j]);
        out[k++] = (date_score){in[i].day, s};
        i = j;
    }
    return k;
}

#define SU_REPORTS_MAX 64   /* a bound on work, not tuned: see su_timeline */

typedef struct report {
    su_dated   *d;
    const char *text;        /* without a page's furniture */
    const uint64_t *words;   /* its su_words */
    size_t      n_words;
    double      central;     /* how much of the date's other articles' words it uses */
    bool        forecast, little;
} report;

static int cmp_report(const void *a, const void *b)
{
    const report *x = a, *y = b;
    if (x->forecast != y->forecast) return x->forecast ? 1 : -1;
    if (x->central != y->central) return x->central < y->central ? 1 : -1;
    return cmp_closeness(x->d, y->d);
}

/* The sentences d[0..n) of one date (sorted by article), best report
 * first into r: not a forecast, then the one whose
 * words the date's other articles use most (each article counts once per
 * word, the sentence's own not at all, over the square root of its words:
 * the centroid's cosine), then the closest (closeness). */
static void order_reports(su_dated *d, size_t n, report *r, arena *a)
{
    map count;   /* word -> the last article using it (from 1) << 32 | how many do */
    map_init(&count);
    buf fold;
    buf_init(&fold);
    uint64_t **words = xmalloc(n * sizeof *words);
    size_t *nw = xmalloc(n * sizeof *nw);
    uint64_t article = 1;
    for (size_t i = 0; i < n; i++) {
        if (i && strcmp(d[i].article, d[i - 1].article)) article++;
        const char *text = su_clean_sentence(d[i].sentence);
        size_t all;
        nw[i] = su_words(&fold, text, strlen(text), a, &words[i], &all);
        for (size_t k = 0; k < nw[i]; k++) {
            uint64_t *v = map_put(&count, (const char *)&words[i][k], sizeof words[i][k], NULL);
            if (*v >> 32 != article) *v = article << 32 | ((*v & 0xffffffffu) + 1);
        }
        bool forecast = d[i].article_day != DAY_NONE && d[i].article_day < d[i].day;
        r[i] = (report){&d[i], text, words[i], nw[i], 0.0, forecast,
                        su_says_little(text) || su_caption(text) || asks(text) || su_personal(text)};
    }
    for (size_t i = 0; i < n; i++) {
        double s = 0;
        for (size_t k = 0; k < nw[i]; k++)
            s += (double)((*map_get(&count, (const char *)&words[i][k], sizeof words[i][k]) & 0xffffffffu) - 1);
        r[i].central = nw[i] ? s / sqrt((double)nw[i]) : 0.0;
    }
    qsort(r, n, sizeof *r, cmp_report);
    free(words);
    free(nw);
    buf_free(&fold);
    map_free(&count);
}

size_t su_timeline(su_dated *in, size_t n, size_t max_dates, size_t per_date, arena *a, su_entry **out)
{
    *out = NULL;
    if (!n || !max_dates || !per_date) return 0;
    /* someone's words are theirs: a date only they name is no date of the
     * story ("knows where you bought groceries last Tuesday") */
    size_t kept = 0;
    for (size_t i = 0; i < n; i++)
        if (!opens_quote(in[i].sentence)) in[kept++] = in[i];
    n = kept;
    if (!n) return 0;
    qsort(in, n, sizeof *in, cmp_day_article);
    date_score *ds = xmalloc(n * sizeof *ds);
    size_t nd = score_dates(in, n, ds);
    qsort(ds, nd, sizeof *ds, cmp_score);
    if (nd > max_dates) nd = max_dates;
    /* The dates that matter most choose first: a sentence naming two dates
     * ("began emailing the customers of the breach it disclosed this
     * week") goes to the weightier one, and is never told twice. */
    su_entry *e = arena_alloc(a, (nd * per_date + 1) * sizeof *e);
    report *r = xmalloc(n * sizeof *r);
    VEC(const uint64_t *) told_w = {0};                /* the words of every sentence chosen */
    VEC(size_t) told_n = {0};
    size_t ne = 0;
    for (size_t d = 0; d < nd; d++) {
        size_t lo = 0;
        while (in[lo].day != ds[d].day) lo++;
        size_t hi = lo;
        while (hi < n && in[hi].day == ds[d].day) hi++;
        /* the centroid of a day's reports is that of the nearest few: a
         * story page costs no more when hundreds of articles name the day */
        size_t m = hi - lo;
        if (m > SU_REPORTS_MAX) {
            qsort(in + lo, m, sizeof *in, cmp_closeness);
            m = SU_REPORTS_MAX;
            qsort(in + lo, m, sizeof *in, cmp_day_article);
        }
        order_reports(in + lo, m, r, a);
        size_t first = ne;
        for (size_t i = 0; i < m && ne - first < per_date; i++) {
            if (r[i].little) continue;
            bool repeat = false;   /* as the summary measures repetition */
            for (size_t k = 0; k < told_w.n && !repeat; k++)
                repeat = su_overlap(told_w.v[k], told_n.v[k], r[i].words, r[i].n_words) > 0.5;
            if (repeat) continue;
            VEC_PUSH(told_w, r[i].words);
            VEC_PUSH(told_n, r[i].n_words);
            e[ne++] = (su_entry){r[i].d->day, r[i].text, r[i].d->article};
        }
    }
    /* in date order; a date's own entries keep their order */
    for (size_t i = 1; i < ne; i++) {
        su_entry x = e[i];
        size_t j = i;
        for (; j > 0 && e[j - 1].day > x.day; j--) e[j] = e[j - 1];
        e[j] = x;
    }
    VEC_FREE(told_w);
    VEC_FREE(told_n);
    free(ds);
    free(r);
    *out = e;
    return ne;
}
