/* gen_text.c: articles from templates: fills the "$" slots and "{a|b}"
 * choices of gen_kinds.c with an event's people, places, numbers and
 * dates, puts sentences into paragraphs, wraps them in an outlet's
 * boilerplate, and renders the result as scraped text or as an HTML page.
 *
 * An article is a list of blocks (boilerplate line, title, paragraph,
 * caption, "Read more" line ...) so that the same article can be printed
 * either way. Not the choice of which articles to write (gen.c). */
#include "gen.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    gen_writer *wr;
    const gen_event *e;
    const gen_story *st;
    const gen_outlet *o;
    int day;                /* publication day */
    unsigned mentioned;     /* actors already named in full */
    int last;               /* the actor named last, for "he" or "she" */
    bool title;             /* in a headline: surnames only, "%" */
    bool n_female;          /* the last "$n" made up */
} ctx;

static void expand(ctx *c, const char *t, size_t n, gbuf *out);

static int pick(gen_rng *r, const char *const *list)
{
    int n = 0;
    while (list[n]) n++;
    return n ? (int)rng_below(r, (uint32_t)n) : -1;
}

/* ---- everyday words ---- */

/* "a" just written becomes "an" before a word said with a vowel first:
 * "an electrician", "an eight-day strike", "an 11-day strike". */
static void an_before(gbuf *out, const char *word)
{
    bool vowel = strchr("aeiouAEIOU", word[0]) != NULL || word[0] == '8' ||
                 (word[0] == '1' && word[1] == '1' && !(word[2] >= '0' && word[2] <= '9')) ||
                 (word[0] == '1' && word[1] == '8' && !(word[2] >= '0' && word[2] <= '9'));
    size_t n = out->n;
    if (vowel && n >= 2 && out->p[n - 1] == ' ' && (out->p[n - 2] == 'a' || out->p[n - 2] == 'A') &&
        (n == 2 || out->p[n - 3] == ' ' || out->p[n - 3] == '\n')) {
        out->p[n - 1] = 'n';
        gb_putc(out, ' ');
    }
}

/* A word of the list: most often one of the two this event prefers (its
 * reports dwell on the same few things), else any. "a" before it becomes
 * "an" where the word starts with a vowel. */
static void lexicon(ctx *c, const gen_list *l, unsigned salt, gbuf *out)
{
    gen_rng *r = c->wr->r;
    uint32_t i;
    if (c->e->id && rng_chance(r, 0.6)) {
        uint64_t h = ((uint64_t)c->e->id * 2 + rng_below(r, 2)) * 0x9e3779b97f4a7c15ULL + salt * 0x94d049bb133111ebULL;
        i = (uint32_t)((h ^ (h >> 29)) % (uint64_t)l->n);
    } else {
        i = rng_below(r, (uint32_t)l->n);
    }
    const char *word = l->w[i];
    an_before(out, word);
    gb_puts(out, word);
}

/* ---- people ---- */

static void role_words(ctx *c, const gen_person *p, const char *t, gbuf *out)
{
    gen_world *w = c->wr->w;
    for (; *t; t++) {
        if (*t != '$' || !t[1]) { gb_putc(out, *t); continue; }
        switch (*++t) {
        case 'y':   /* the country, when it is not obvious */
            if (p->country >= 0 && (p->country != c->e->country || rng_chance(c->wr->r, 0.25))) {
                gb_puts(out, gen_countries[p->country].adj);
                gb_putc(out, ' ');
            }
            break;
        case 'x': gb_puts(out, p->aff ? p->aff : gen_countries[c->e->country].name); break;
        case 'g': gb_puts(out, p->female ? "woman" : "man"); break;
        case 'a': gb_int(out, p->age, false); break;
        case 'e': lexicon(c, &w->prof, 1, out); break;
        default: gb_putc(out, *t);
        }
    }
}

/* An actor: role and full name on first mention, surname afterwards. The
 * apposition closes with a comma only when the sentence goes on. */
static void actor(ctx *c, int i, const char *next, gbuf *out)
{
    const gen_person *p = &c->e->actor[i];
    gen_world *w = c->wr->w;
    c->last = i;
    if (c->title || (c->mentioned & (1u << i))) {
        gb_puts(out, person_last(w, p));
        return;
    }
    c->mentioned |= 1u << i;
    const gen_role_words *rw = &gen_roles[p->role];
    bool use_title = rw->title && (!rw->appos || rng_chance(c->wr->r, 0.6));
    if (use_title) {
        role_words(c, p, rw->title, out);
        gb_putc(out, ' ');
        person_name(w, p, out);
        return;
    }
    person_name(w, p, out);
    if (!rw->appos) return;
    gb_puts(out, ", ");
    role_words(c, p, rw->appos, out);
    if (*next == ' ') gb_putc(out, ',');
}

/* ---- numbers and dates ---- */

static const char *const small_words[] = {"zero", "one", "two", "three", "four", "five", "six",
                                          "seven", "eight", "nine", "ten"};

static double number_at(const ctx *c, int i)
{
    const gen_numspec *ns = &gen_kinds[c->e->kind].num[i];
    double v = c->e->num[i];
    if (ns->flags & NF_GROW) {   /* tolls rise over the first days */
        int k = c->day - c->e->start;
        if (k < 0) k = 0;
        v = ns->lo + (v - ns->lo) * (1 - 0.55 * pow(0.5, k));
    }
    return v;
}

static void number(ctx *c, const gen_numspec *ns, double v, gbuf *out)
{
    switch (ns->fmt) {
    case F_WORD:
        if (v < 10.5 && !c->title) {
            an_before(out, small_words[(int)(v + 0.5)]);
            gb_puts(out, small_words[(int)(v + 0.5)]);
            break;
        }
        /* fall through */
    case F_INT: case F_SMALL: {
        char digits[24];
        snprintf(digits, sizeof digits, "%lld", llround(v));
        an_before(out, digits);
        gb_int(out, llround(v), ns->fmt != F_SMALL);
        break;
    }
    case F_DEC1: {
        long long t = llround(v * 10);
        gb_int(out, t / 10, false);
        gb_putc(out, '.');
        gb_int(out, t % 10, false);
        break;
    }
    case F_PCT: {
        long long t = llround(v * 10);
        gb_int(out, t / 10, false);
        if (t % 10) { gb_putc(out, '.'); gb_int(out, t % 10, false); }
        gb_puts(out, c->title ? "%" : c->o->per_cent ? " per cent" : " percent");
        break;
    }
    case F_MONEY:   /* millions of dollars */
        gb_putc(out, '$');
        if (v >= 1000) {
            long long t = llround(v / 100);
            gb_int(out, t / 10, false);
            if (t % 10) { gb_putc(out, '.'); gb_int(out, t % 10, false); }
            gb_puts(out, c->title ? "bn" : " billion");
        } else {
            gb_int(out, llround(v), false);
            gb_puts(out, c->title ? "m" : " million");
        }
        break;
    }
}

static void ordinal(int n, gbuf *out)
{
    static const char *const w[] = {"first", "second", "third", "fourth", "fifth", "sixth",
                                    "seventh", "eighth", "ninth", "tenth"};
    if (n >= 1 && n <= 10) { gb_puts(out, w[n - 1]); return; }
    gb_int(out, n, false);
    gb_puts(out, n % 10 == 1 && n % 100 != 11 ? "st" : n % 10 == 2 && n % 100 != 12 ? "nd"
                 : n % 10 == 3 && n % 100 != 13 ? "rd" : "th");
}

static void date_words(const ctx *c, int day, bool year, gbuf *out)
{
    gen_date d = day_date(day);
    if (c->o->datefirst) {
        gb_int(out, d.d, false);
        gb_putc(out, ' ');
        gb_puts(out, gen_month[d.m - 1]);
    } else {
        gb_puts(out, gen_month[d.m - 1]);
        gb_putc(out, ' ');
        gb_int(out, d.d, false);
    }
    if (year) {
        gb_puts(out, c->o->datefirst ? " " : ", ");
        gb_int(out, d.y, false);
    }
}

/* When the event happened, as the article's day says it. */
static void when(ctx *c, gbuf *out)
{
    gen_rng *r = c->wr->r;
    int start = c->e->start, k = c->day - start;
    const char *wd = gen_weekday[day_weekday(start)];
    if (k < 0) k = 0;
    if (k <= 6) {
        int v = (int)rng_below(r, 4);
        if (k == 1 && v == 0) { gb_puts(out, "yesterday"); return; }
        if (k >= 2 && v == 0) { gb_puts(out, "last "); gb_puts(out, wd); return; }
        gb_puts(out, "on ");
        gb_puts(out, wd);
        if (v == 3) gb_puts(out, rng_chance(r, 0.5) ? " morning" : " night");
        return;
    }
    gen_date a = day_date(start), b = day_date(c->day);
    if (k < 14 && rng_chance(r, 0.3)) { gb_puts(out, "last week"); return; }
    if (a.m == b.m && a.y == b.y && rng_chance(r, 0.3)) { gb_puts(out, "earlier this month"); return; }
    gb_puts(out, "on ");
    date_words(c, start, a.y != b.y, out);
}

/* ---- the expander ---- */

/* The end of a "{...}" group starting at t[0] == '{', and its choices. */
static size_t group_end(const char *t, size_t n)
{
    int depth = 0;
    for (size_t i = 0; i < n; i++) {
        if (t[i] == '{') depth++;
        else if (t[i] == '}' && --depth == 0) return i;
    }
    return n;
}

static void choose(ctx *c, const char *t, size_t n, gbuf *out)
{
    /* t is the inside of a group: count its top-level choices, pick one */
    int depth = 0, k = 1;
    for (size_t i = 0; i < n; i++) {
        if (t[i] == '{') depth++;
        else if (t[i] == '}') depth--;
        else if (t[i] == '|' && !depth) k++;
    }
    /* An event's reports share its wording (it spreads from the first
     * report): most choices follow the event's own preference. */
    int want;
    if (c->e->id && rng_chance(c->wr->r, 0.7)) {
        uint64_t h = 1469598103934665603ULL;   /* the group's own words, not its address: runs differ in those */
        for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)t[i]) * 1099511628211ULL;
        h ^= (uint64_t)c->e->id * 0x9e3779b97f4a7c15ULL;
        h ^= h >> 31;
        h *= 0xbf58476d1ce4e5b9ULL;
        h ^= h >> 29;
        want = (int)(h % (uint64_t)k);
    } else {
        want = (int)rng_below(c->wr->r, (uint32_t)k);
    }
    size_t from = 0;
    depth = 0;
    k = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && t[i] == '{') depth++;
        else if (i < n && t[i] == '}') depth--;
        else if (i == n || (t[i] == '|' && !depth)) {
            if (k++ == want) { expand(c, t + from, i - from, out); return; }
            from = i + 1;
        }
    }
}

static const char *pick_topic(ctx *c, int avoid)
{
    const gen_story *st = c->st;
    if (!st->ntopic) return "the situation";
    int i = (int)rng_below(c->wr->r, (uint32_t)st->ntopic);
    if (i == avoid && st->ntopic > 1) i = (i + 1) % st->ntopic;
    return st->topic[i];
}

static void slot(ctx *c, char s, const char *next, gbuf *out)
{
    gen_world *w = c->wr->w;
    gen_rng *r = c->wr->r;
    const gen_event *e = c->e;
    const gen_nation *nk = &w->nation[e->country];
    switch (s) {
    case 'A': case 'B': case 'C': actor(c, s - 'A', next, out); break;
    case 'a': case 'b': case 'c':
        c->last = s - 'a';
        gb_puts(out, person_last(w, &e->actor[s - 'a']));
        break;
    case 'h': gb_puts(out, e->actor[c->last].female ? "she" : "he"); break;
    case 'O': case 'Q': {
        const gen_org *o = e->org[s == 'Q'];
        gb_puts(out, o ? o->name : gen_countries[e->country].name);
        break;
    }
    case 's': case 'r': {
        const char *const *words = s == 's' ? gen_sector_noun : gen_sector_product;
        const char *word = e->org[0] ? words[e->org[0]->sector] : s == 's' ? "company" : "product";
        an_before(out, word);
        gb_puts(out, word);
        break;
    }
    case 'P': gb_puts(out, w->town[e->town].name); break;
    case 'R': gb_puts(out, w->region[w->town[e->town].region].name); break;
    case 'K': gb_puts(out, gen_countries[e->country].name); break;
    case 'D': gb_puts(out, gen_countries[e->country].adj); break;
    case 'L': gb_puts(out, gen_countries[e->country2].name); break;
    case 'E': gb_puts(out, gen_countries[e->country2].adj); break;
    case 'Z': gb_puts(out, w->town[nk->capital].name); break;
    case '0': number(c, &gen_kinds[c->st->first_kind].num[0], c->st->base, out); break;
    case '1': case '2': case '3': case '4': {
        int i = s - '1';
        number(c, &gen_kinds[e->kind].num[i], number_at(c, i), out);
        break;
    }
    case 'T': when(c, out); break;
    case 'w': gb_puts(out, gen_weekday[day_weekday(e->start)]); break;
    case 'G': date_words(c, e->start, false, out); break;
    case 'M': gb_puts(out, gen_month[day_date(e->start).m - 1]); break;
    case 'Y': gb_int(out, day_date(e->start).y, false); break;
    case 'y': gb_int(out, day_date(c->day).y, false); break;
    case 'F': gb_puts(out, c->st->hook); break;
    case 'W': gb_puts(out, pick_topic(c, -1)); break;
    case 'V': gb_puts(out, pick_topic(c, 0)); break;
    case 'N': ordinal(e->nth, out); break;
    case 'k': gb_puts(out, gen_kinds[e->kind].name); break;
    case 'U': an_before(out, e->detail); gb_puts(out, e->detail); break;
    case 'X': gb_puts(out, e->spot); break;
    case 'o': gb_puts(out, c->o->name); break;
    case 'j': person_name(w, &c->o->staff[rng_below(r, 6)], out); break;
    case 'n': {   /* someone named once: of the country mostly */
        int cu = rng_chance(r, 0.7) ? gen_countries[e->country].culture : (int)rng_below(r, CU_COUNT);
        gen_person p = person_new(w, r, cu, -1, R_WITNESS, NULL);
        c->n_female = p.female;
        person_name(w, &p, out);
        break;
    }
    case 'H': gb_puts(out, c->n_female ? "she" : "he"); break;
    case 'e': lexicon(c, &w->prof, 1, out); break;
    case 'f': lexicon(c, &w->biz, 2, out); break;
    case 'g': lexicon(c, &w->obj, 3, out); break;
    case 'v': lexicon(c, &w->adj, 4, out); break;
    case 'd': {
        date_words(c, c->day, true, out);
        if (rng_chance(r, 0.5)) {
            gb_puts(out, ", ");
            gb_int(out, rng_range(r, 6, 22), false);
            gb_putc(out, ':');
            int m = rng_range(r, 0, 59);
            if (m < 10) gb_putc(out, '0');
            gb_int(out, m, false);
        }
        break;
    }
    case 'I': invented_name(w, r, out); break;
    case 'i': {
        int cu = (int)rng_below(r, CU_COUNT);
        const gen_list *l = rng_chance(r, 0.5) ? &w->female[cu] : &w->male[cu];
        gb_puts(out, l->w[rng_below(r, (uint32_t)l->n)]);
        break;
    }
    default: gb_putc(out, '$'); gb_putc(out, s);
    }
}

static void expand(ctx *c, const char *t, size_t n, gbuf *out)
{
    for (size_t i = 0; i < n; i++) {
        char ch = t[i];
        if (ch == '{') {
            size_t end = i + group_end(t + i, n - i);
            choose(c, t + i + 1, end - i - 1, out);
            i = end;
        } else if (ch == '$' && i + 1 < n) {
            slot(c, t[i + 1], i + 2 < n ? t + i + 2 : "", out);
            i++;
        } else {
            gb_putc(out, ch);
        }
    }
}

/* A sentence: expanded, spaces tidied, its first letter a capital. */
static void sentence(ctx *c, const char *tpl, gbuf *out)
{
    gbuf *t = &c->wr->tmp;
    gb_clear(t);
    expand(c, tpl, strlen(tpl), t);
    size_t start = out->n, j = 0;
    for (size_t i = 0; i < t->n; i++) {
        char ch = t->p[i];
        if (ch == ' ' && (j == 0 || out->p[out->n - 1] == ' ' || t->p[i + 1] == ',' || t->p[i + 1] == '.'))
            continue;
        if (ch >= 'a' && ch <= 'z' && j >= 2 && out->p[out->n - 1] == ' ' && out->p[out->n - 2] == '.')
            ch -= 32;   /* a second sentence from one template */
        gb_putc(out, ch);
        j++;
    }
    while (out->n > start && out->p[out->n - 1] == ' ') out->p[--out->n] = '\0';
    if (out->n > start && out->p[start] >= 'a' && out->p[start] <= 'z') out->p[start] -= 32;
}

/* ---- blocks ---- */

enum { B_TOP, B_TITLE, B_BYLINE, B_PARA, B_MID, B_CAPTION, B_MORE, B_MORE_ITEM, B_BOTTOM };
static gbuf *block_begin(gen_writer *wr) { return &wr->blktext; }

static void block_end(gen_writer *wr, int type, size_t off)
{
    if (wr->blktext.n == off) return;
    if (wr->nblk == wr->capblk)
        wr->blk = realloc(wr->blk, sizeof *wr->blk * (size_t)(wr->capblk = wr->capblk ? wr->capblk * 2 : 64));
    wr->blk[wr->nblk++] = (gen_block){(uint8_t)type, off, wr->blktext.n - off};
}

static void block_line(ctx *c, int type, const char *tpl)
{
    gbuf *b = block_begin(c->wr);
    size_t off = b->n;
    sentence(c, tpl, b);
    block_end(c->wr, type, off);
}

static void block_copy(gen_writer *wr, int type, const char *s, size_t n)
{
    gbuf *b = block_begin(wr);
    size_t off = b->n;
    gb_put(b, s, n);
    block_end(wr, type, off);
}

/* ---- the parts of an article ---- */

static void open_quote(ctx *c, gbuf *b) { gb_puts(b, c->o->curly ? "\xe2\x80\x9c" : "\""); }
static void close_quote(ctx *c, gbuf *b) { gb_puts(b, c->o->curly ? "\xe2\x80\x9d" : "\""); }

/* A quote's speakers: the actors named in its "AB:" prefix, or all;
 * *body is set past the prefix. */
static const char *speakers(const char *q, const char **body)
{
    const char *p = q;
    while (*p >= 'A' && *p <= 'C') p++;
    if (*p == ':' && p > q) { *body = p + 1; return q; }
    *body = q;
    return NULL;
}

static int speaker_pick(gen_rng *r, const char *set)
{
    if (!set) return (int)rng_below(r, 3);
    int n = 0;
    while (set[n] >= 'A' && set[n] <= 'C') n++;
    return set[rng_below(r, (uint32_t)n)] - 'A';
}

static void quote_body(ctx *c, const char *q, gbuf *out)
{
    const char *body;
    speakers(q, &body);
    expand(c, body, strlen(body), out);
}

/* An attributed quote, in one of the ways news writes them; the speaker
 * is one the quote suits. used holds quotes already given (a bit each). */
static void quote(ctx *c, unsigned *used, gbuf *out)
{
    gen_rng *r = c->wr->r;
    static const char *const says[] = {"said", "said", "told reporters", "said in a statement",
                                       "told a news conference", "wrote on social media", "added"};
    const char *const *own = gen_kinds[c->e->kind].quote;
    int nown = 0;
    while (own[nown]) nown++;
    const char *q, *body, *set;
    int k = -1;
    if (rng_chance(r, 0.92)) {
        for (int tries = 0; tries < 4 && (k < 0 || (*used >> k & 1)); tries++) k = (int)rng_below(r, (uint32_t)nown);
    }
    if (k >= 0 && !(*used >> k & 1)) {
        *used |= 1u << k;
        q = own[k];
        set = speakers(q, &body);
    } else {   /* an all-purpose line, from the first person named */
        k = -1;
        q = gen_generic_quote[pick(r, gen_generic_quote)];
        set = "A";
    }
    int who_i = speaker_pick(r, set);
    /* "$A " with its space, so that an apposition knows the sentence goes on */
    char who[4] = {'$', (char)('A' + who_i), ' ', 0};
    gbuf *qb = &c->wr->line;
    gb_clear(qb);
    quote_body(c, q, qb);
    char *text = strdup(qb->p);
    size_t start = out->n;
    int form = (int)rng_below(r, 3);
    const char *verb = says[rng_below(r, 7)];
    if (form < 2) {   /* "...," Name said. */
        open_quote(c, out);
        gb_puts(out, text);
        gb_putc(out, ',');
        close_quote(c, out);
        gb_putc(out, ' ');
        if (form == 0) {
            expand(c, who, 3, out);
            gb_puts(out, verb);
        } else {
            gb_puts(out, "said ");
            expand(c, who, 2, out);
        }
        gb_putc(out, '.');
        /* the same speaker goes on, with another of the lines that suit them */
        for (int j = 0; k >= 0 && j < nown && rng_chance(r, 0.45); j++) {
            int m = (k + 1 + j) % nown;
            const char *s2 = speakers(own[m], &body);
            if (m == k || (*used >> m & 1) || (s2 && !memchr(s2, 'A' + who_i, (size_t)(body - 1 - s2)))) continue;
            *used |= 1u << m;
            gb_clear(qb);
            quote_body(c, own[m], qb);
            gb_putc(out, ' ');
            open_quote(c, out);
            gb_puts(out, qb->p);
            gb_putc(out, '.');
            close_quote(c, out);
            break;
        }
    } else {          /* Name said: "..." */
        expand(c, who, 3, out);
        gb_puts(out, verb);
        gb_puts(out, ": ");
        open_quote(c, out);
        gb_puts(out, text);
        gb_putc(out, '.');
        close_quote(c, out);
    }
    free(text);
    if (out->p[start] >= 'a' && out->p[start] <= 'z') out->p[start] -= 32;
}

void headline_of(gen_writer *wr, const gen_event *e, int day, gbuf *out)
{
    ctx c = {.wr = wr, .e = e, .st = e->story, .o = &wr->w->outlet[0], .day = day, .title = true};
    sentence(&c, gen_kinds[e->kind].title[pick(wr->r, gen_kinds[e->kind].title)], out);
}

/* The lead, with the dateline some outlets put before it. */
static void lead(ctx *c, gbuf *out)
{
    gen_world *w = c->wr->w;
    if (c->o->dateline) {
        const char *town = w->town[c->e->town].name;
        for (const unsigned char *p = (const unsigned char *)town; *p; p++) {
            if (*p >= 'a' && *p <= 'z') gb_putc(out, (char)(*p - 32));
            else if (*p == 0xC3 && p[1] >= 0xA0 && p[1] <= 0xBE && p[1] != 0xB7) {   /* Latin-1 letters: é to É */
                gb_putc(out, (char)0xC3);
                gb_putc(out, (char)(*++p - 0x20));
            } else gb_putc(out, (char)*p);
        }
        if (c->o->dateline == 1) {
            gb_puts(out, ", ");
            date_words(c, c->day, false, out);
            gb_puts(out, " (");
            gb_puts(out, c->o->name);
            gb_puts(out, ") - ");
        } else if (c->o->dateline == 2) {
            gb_puts(out, " \xe2\x80\x94 ");
        } else {
            gb_puts(out, " (");
            gb_puts(out, c->o->name);
            gb_puts(out, ") - ");
        }
    }
    const char *const *l = gen_kinds[c->e->kind].lead;
    sentence(c, l[pick(c->wr->r, l)], out);
}

/* The paragraphs that carry the news, as one string split by blank lines. */
static void body(ctx *c, gbuf *out)
{
    gen_rng *r = c->wr->r;
    const gen_kind *k = &gen_kinds[c->e->kind];
    const gen_type *ty = &gen_types[c->st->type];
    lead(c, out);
    if (rng_chance(r, 0.3)) {
        gb_putc(out, ' ');
        sentence(c, k->fact[pick(r, k->fact)], out);
    }
    /* items: 0..63 facts, 64+ quotes, 128+ background, 192 recall, 193 filler */
    int item[64], n = 0;
    double rank[64];
    int nf = 0, order[32];
    for (int i = 0; k->fact[i] && i < 32; i++)   /* the facts this event's reports tell */
        if (c->e->facts >> i & 1) order[nf++] = i;
    for (int i = nf - 1; i > 0; i--) {
        int j = (int)rng_below(r, (uint32_t)(i + 1)), t = order[i];
        order[i] = order[j];
        order[j] = t;
    }
    int want = rng_range(r, nf < 6 ? nf : 6, nf < 12 ? nf : 12);
    for (int i = 0; i < want; i++) item[n] = order[i], rank[n++] = rng_unit(r);
    int nq = rng_range(r, 2, 5);
    for (int i = 0; i < nq; i++) item[n] = 64 + i % 3, rank[n++] = 0.2 + rng_unit(r);
    int nb = 0;
    unsigned bg_used = 0;
    while (ty->background[nb]) nb++;
    int nbg = rng_range(r, 1, 3);
    for (int i = 0; i < nbg; i++) {
        int b = (int)rng_below(r, (uint32_t)nb);
        if (bg_used >> b & 1) continue;
        bg_used |= 1u << b;
        item[n] = 128 + b, rank[n++] = 0.5 + rng_unit(r);
    }
    if (c->e->prev.valid && rng_chance(r, 0.7)) item[n] = 192, rank[n++] = 0.5 + rng_unit(r);
    bool local = ty != &gen_types[ST_CORPORATE] && ty != &gen_types[ST_DISPUTE] && ty != &gen_types[ST_LEGAL] &&
                 ty != &gen_types[ST_TRADE] && ty != &gen_types[ST_SUMMIT];
    const char *const *colour = local ? gen_colour_local : gen_colour_other;
    int ncol = rng_range(r, 2, 4);
    for (int i = 0; i < ncol; i++) item[n] = 200 + pick(r, colour), rank[n++] = 0.2 + rng_unit(r);
    int nfill = rng_range(r, 2, 4);
    for (int i = 0; i < nfill; i++) item[n] = 193, rank[n++] = 0.3 + 1.2 * rng_unit(r);
    for (int i = 1; i < n; i++)   /* by rank: facts first, then quotes, background ... */
        for (int j = i; j > 0 && rank[j] < rank[j - 1]; j--) {
            double t = rank[j]; rank[j] = rank[j - 1]; rank[j - 1] = t;
            int u = item[j]; item[j] = item[j - 1]; item[j - 1] = u;
        }
    unsigned quotes_used = 0;
    int in_para = 9;   /* sentences in the current paragraph; a lead is a paragraph */
    int para_len = 1;
    for (int i = 0; i < n; i++) {
        if (in_para >= para_len) {
            gb_puts(out, "\n\n");
            in_para = 0;
            para_len = rng_chance(r, 0.55) ? 1 : rng_chance(r, 0.75) ? 2 : 3;
        } else {
            gb_putc(out, ' ');
        }
        in_para++;
        int it = item[i];
        if (it < 64) {
            sentence(c, k->fact[it], out);
        } else if (it < 128) {
            quote(c, &quotes_used, out);
            in_para = para_len;   /* a quote ends its paragraph */
        } else if (it < 192) {
            sentence(c, ty->background[it - 128], out);
        } else if (it == 192) {
            gen_event past = *c->e;   /* the storyline's previous event, told in its own terms */
            past.kind = (uint8_t)c->e->prev.kind;
            past.town = c->e->prev.town;
            past.start = c->e->prev.start;
            for (int q = 0; q < 4; q++) past.num[q] = c->e->prev.num[q];
            ctx pc = *c;
            pc.e = &past;
            pc.day = past.start + GEN_BURST_DAYS;   /* its final figures */
            const char *const *rc = gen_kinds[past.kind].recall;
            sentence(&pc, rc[pick(r, rc)], out);
            c->mentioned |= pc.mentioned;
        } else if (it >= 200) {
            sentence(c, colour[it - 200], out);
        } else {
            sentence(c, gen_filler[pick(r, gen_filler)], out);
        }
    }
}

/* The article's core paragraphs as blocks. */
static void para_blocks(const char *s, size_t n, int mid_after, ctx *c)
{
    int k = 0, mid = 0;
    size_t i = 0;
    while (i < n) {
        const char *p = strstr(s + i, "\n\n");
        size_t end = p && (size_t)(p - s) < n ? (size_t)(p - s) : n;
        block_copy(c->wr, B_PARA, s + i, end - i);
        if (++k == mid_after) {   /* the outlet's interruptions, every few paragraphs */
            if (mid < c->o->nmid) block_line(c, B_MID, c->o->mid[mid++]);
            if (rng_chance(c->wr->r, 0.3)) block_line(c, B_CAPTION, gen_bp_caption[pick(c->wr->r, gen_bp_caption)]);
            mid_after += rng_range(c->wr->r, 3, 5);
        }
        i = end + 2;
    }
}

static void read_more(ctx *c, const char *label, int lo, int hi)
{
    gen_writer *wr = c->wr;
    if (!label || wr->nlive < 2) return;
    block_line(c, B_MORE, label);
    int k = rng_range(wr->r, lo, hi);
    for (int i = 0; i < k; i++) {
        const gen_event *other = wr->live[rng_below(wr->r, (uint32_t)wr->nlive)];
        gbuf *b = block_begin(wr);
        size_t off = b->n;
        headline_of(wr, other, c->day, b);
        block_end(wr, B_MORE_ITEM, off);
    }
}

static void title_variant(ctx *c, const char *orig, gbuf *out)
{
    gen_rng *r = c->wr->r;
    int v = (int)rng_below(r, 10);
    if (v < 4) { gb_puts(out, orig); return; }
    if (v < 6) {
        static const char *const pre[] = {"UPDATE 1-", "UPDATE 2-", "WRAPUP 1-", "BREAKING: ", "LIVE: "};
        gb_puts(out, pre[rng_below(r, 5)]);
        gb_puts(out, orig);
        return;
    }
    if (v < 7) {
        static const char *const post[] = {" - report", " - officials", ": what we know", " (updated)"};
        gb_puts(out, orig);
        gb_puts(out, post[rng_below(r, 4)]);
        return;
    }
    headline_of(c->wr, c->e, c->day, out);
}

static void html_escape(gbuf *out, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        switch (s[i]) {
        case '&': gb_puts(out, "&amp;"); break;
        case '<': gb_puts(out, "&lt;"); break;
        case '>': gb_puts(out, "&gt;"); break;
        case '"': gb_puts(out, "&quot;"); break;
        default: gb_putc(out, s[i]);
        }
    }
}

static void html_page(ctx *c, const char *title)
{
    gbuf *h = &c->wr->html;
    gen_rng *r = c->wr->r;
    gb_clear(h);
    gen_date d = day_date(c->day);
    char iso[40];
    snprintf(iso, sizeof iso, "%04d-%02d-%02dT%02d:%02d:00Z", d.y, d.m, d.d, rng_range(r, 5, 22), rng_range(r, 0, 59));
    gb_puts(h, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
    html_escape(h, title, strlen(title));
    gb_puts(h, " | ");
    html_escape(h, c->o->name, strlen(c->o->name));
    gb_puts(h, "</title>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    gb_puts(h, "<meta property=\"og:title\" content=\"");
    html_escape(h, title, strlen(title));
    gb_puts(h, "\">\n<meta property=\"og:site_name\" content=\"");
    html_escape(h, c->o->name, strlen(c->o->name));
    gb_puts(h, "\">\n");
    if (rng_chance(r, 0.7)) {
        gb_puts(h, "<meta property=\"article:published_time\" content=\"");
        gb_puts(h, iso);
        gb_puts(h, "\">\n");
    }
    gb_puts(h, "<link rel=\"stylesheet\" href=\"/static/site.css\">\n</head>\n<body>\n<header class=\"site-header\">\n<a class=\"logo\" href=\"/\">");
    html_escape(h, c->o->name, strlen(c->o->name));
    gb_puts(h, "</a>\n<nav><ul>");
    for (int i = 0; gen_nav[i]; i++) {
        gb_puts(h, "<li><a href=\"/");
        gb_puts(h, i ? gen_nav[i] : "");
        gb_puts(h, "\">");
        gb_puts(h, gen_nav[i]);
        gb_puts(h, "</a></li>");
    }
    gb_puts(h, "</ul></nav>\n</header>\n<main>\n<article>\n");
    const char *s = c->wr->blktext.p;
    const gen_block *blk = c->wr->blk;
    bool aside = false;
    for (int i = 0; i < c->wr->nblk; i++) {
        const gen_block *b = &blk[i];
        const char *open = "<p>", *close = "</p>\n";
        switch (b->type) {
        case B_TOP: open = "<div class=\"meta\">"; close = "</div>\n"; break;
        case B_TITLE: open = "<h1>"; close = "</h1>\n"; break;
        case B_BYLINE: open = "<p class=\"byline\">"; close = "</p>\n"; break;
        case B_MID: open = "<div class=\"ad\">"; close = "</div>\n"; break;
        case B_CAPTION: open = "<figure><figcaption>"; close = "</figcaption></figure>\n"; break;
        case B_MORE: open = "<aside class=\"related\"><h3>"; close = "</h3>\n<ul>\n"; aside = true; break;
        case B_MORE_ITEM: open = "<li><a href=\"/news/related\">"; close = "</a></li>\n"; break;
        case B_BOTTOM:
            if (aside) { gb_puts(h, "</ul></aside>\n"); aside = false; }
            open = "<div class=\"footer-line\">";
            close = "</div>\n";
            break;
        }
        if (b->type == B_PARA && aside) { gb_puts(h, "</ul></aside>\n"); aside = false; }
        if (b->type == B_PARA && i > 0 && blk[i - 1].type == B_TITLE) {
            gb_puts(h, "<time datetime=\"");
            gb_puts(h, iso);
            gb_puts(h, "\"></time>\n");
        }
        gb_puts(h, open);
        html_escape(h, s + b->off, b->len);
        gb_puts(h, close);
    }
    if (aside) gb_puts(h, "</ul></aside>\n");
    gb_puts(h, "</article>\n</main>\n<footer>\n<ul><li><a href=\"/about\">About us</a></li><li><a href=\"/privacy\">Privacy</a></li>"
               "<li><a href=\"/terms\">Terms</a></li></ul>\n<p>&copy; ");
    gb_int(h, d.y, false);
    gb_putc(h, ' ');
    html_escape(h, c->o->name, strlen(c->o->name));
    gb_puts(h, "</p>\n</footer>\n</body>\n</html>\n");
}

const gen_outlet *article_write(gen_writer *wr, gen_event *e, int day, bool copy, bool as_html, long seq)
{
    gen_rng *r = wr->r;
    const gen_outlet *o = outlet_draw(wr->w, r);
    if (copy)   /* a reprint comes from another outlet */
        while (o == e->wire_outlet) o = outlet_draw(wr->w, r);
    ctx c = {.wr = wr, .e = e, .st = e->story, .o = o, .day = day};
    gb_clear(&wr->title);
    gb_clear(&wr->blktext);
    wr->nblk = 0;

    gbuf core = {0};
    if (copy) {
        title_variant(&c, e->wire_title, &wr->title);
        gb_puts(&core, e->wire);
        int v = (int)rng_below(r, 3);
        if (v == 0) {   /* the last paragraph dropped */
            char *cut = NULL;
            for (char *p = strstr(core.p, "\n\n"); p; p = strstr(p + 2, "\n\n")) cut = p;
            if (cut) { core.n = (size_t)(cut - core.p); core.p[core.n] = '\0'; }
        } else if (v == 1) {   /* one added */
            gb_puts(&core, "\n\n");
            sentence(&c, gen_filler[pick(r, gen_filler)], &core);
        }
    } else {
        headline_of(wr, e, day, &wr->title);
        body(&c, &core);
        if (!e->wire || rng_chance(r, 0.25)) {   /* the article others may reprint */
            free(e->wire);
            free(e->wire_title);
            e->wire = strdup(core.p);
            e->wire_title = strdup(wr->title.p);
            e->wire_outlet = o;
            e->wire_seq = seq;
        }
    }

    for (int i = 0; i < o->ntop; i++) block_line(&c, B_TOP, o->top[i]);
    if (o->title_in_text || as_html) block_copy(wr, B_TITLE, wr->title.p, wr->title.n);
    if (copy) {
        gbuf *b = block_begin(wr);
        size_t off = b->n;
        int v = (int)rng_below(r, 3);
        if (v == 0) { gb_puts(b, "By "); person_name(wr->w, &e->wire_outlet->staff[rng_below(r, 6)], b); gb_puts(b, ", "); }
        else if (v == 1) gb_puts(b, "Staff and agencies | ");
        gb_puts(b, e->wire_outlet->name);
        block_end(wr, B_BYLINE, off);
    } else if (rng_chance(r, 0.6)) {
        gbuf *b = block_begin(wr);
        size_t off = b->n;
        gb_puts(b, "By ");
        person_name(wr->w, &o->staff[rng_below(r, 6)], b);
        block_end(wr, B_BYLINE, off);
    }
    para_blocks(core.p, core.n, rng_range(r, 2, 4), &c);
    free(core.p);
    if (rng_chance(r, 0.8)) read_more(&c, o->readmore, 2, 5);
    if (o->mostread) read_more(&c, "Most read", 5, 5);
    if (!copy && rng_chance(r, 0.3)) block_line(&c, B_BOTTOM, gen_bp_bio[pick(r, gen_bp_bio)]);
    for (int i = 0; i < o->nbottom; i++) block_line(&c, B_BOTTOM, o->bottom[i]);

    gb_clear(&wr->text);
    for (int i = 0; i < wr->nblk; i++) {
        if (i) gb_puts(&wr->text, "\n\n");
        gb_put(&wr->text, wr->blktext.p + wr->blk[i].off, wr->blk[i].len);
    }
    if (as_html) html_page(&c, wr->title.p);
    return o;
}

/* Hooks and other storyline words made once, in the storyline's terms. */
void text_expand_story(gen_writer *wr, const gen_event *e, const char *tpl, gbuf *out)
{
    ctx c = {.wr = wr, .e = e, .st = e->story, .o = &wr->w->outlet[0], .day = e->start, .title = true};
    expand(&c, tpl, strlen(tpl), out);
}
