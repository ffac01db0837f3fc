/* gen_world.c: the generator's world: random numbers, the calendar, text
 * buffers, and the countries, towns, people, organisations and outlets
 * made once at start from the word lists.
 *
 * Everything made here lives for the whole run. Not the storylines and
 * events, which come and go (gen_story.c). */
#include "gen.h"
#include "core/core.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- random numbers ---- */

static uint64_t splitmix(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

void rng_seed(gen_rng *r, uint64_t seed)
{
    for (int i = 0; i < 4; i++) r->s[i] = splitmix(&seed);
}

static inline uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

uint64_t rng_next(gen_rng *r)
{
    uint64_t *s = r->s;
    uint64_t out = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return out;
}

int rng_range(gen_rng *r, int lo, int hi) { return lo + (int)rng_below(r, (uint32_t)(hi - lo + 1)); }

int rng_poisson(gen_rng *r, double mean)
{
    if (mean > 30) {   /* normal approximation: exact enough for daily counts */
        double v = mean + sqrt(mean) * rng_normal(r);
        return v < 0 ? 0 : (int)(v + 0.5);
    }
    double l = exp(-mean), p = 1;
    int k = 0;
    do { k++; p *= rng_unit(r); } while (p > l);
    return k - 1;
}

double rng_normal(gen_rng *r)
{
    double u = rng_unit(r), v = rng_unit(r);
    if (u < 1e-300) u = 1e-300;
    return sqrt(-2 * log(u)) * cos(6.283185307179586 * v);
}

/* ---- calendar (proleptic Gregorian; days since 1970-01-01) ---- */

const char *const gen_month[12] = {"January", "February", "March", "April", "May", "June", "July",
                                   "August", "September", "October", "November", "December"};
const char *const gen_weekday[7] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday",
                                    "Friday", "Saturday"};

/* The library's calendar (src/core/day.c, plain C with no dependencies). */
int date_day(int y, int m, int d) { return day_from_ymd(y, m, d); }

gen_date day_date(int day)
{
    gen_date g;
    day_to_ymd(day, &g.y, &g.m, &g.d);
    return g;
}

int day_weekday(int day) { return ((day % 7) + 11) % 7; }   /* 1970-01-01 was a Thursday */

/* ---- text buffers ---- */

void gb_grow(gbuf *b, size_t more)
{
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->n + more + 1) cap *= 2;
    b->p = realloc(b->p, cap);
    if (!b->p) { fputs("gen: out of memory\n", stderr); exit(2); }
    b->cap = cap;
}

void gb_puts(gbuf *b, const char *s) { gb_put(b, s, strlen(s)); }

void gb_putc(gbuf *b, char c)
{
    if (b->n + 2 > b->cap) gb_grow(b, 2);
    b->p[b->n++] = c;
    b->p[b->n] = '\0';
}

void gb_int(gbuf *b, long long v, bool commas)
{
    char t[32];
    int n = 0;
    bool neg = v < 0;
    unsigned long long u = neg ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    do {
        if (commas && n % 4 == 3) t[n++] = ',';
        t[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (neg) t[n++] = '-';
    while (n) gb_putc(b, t[--n]);
}

/* ---- names ---- */

const char *world_strdup(gen_world *w, const char *s)
{
    size_t n = strlen(s) + 1;
    if (n > w->arena_left) {
        w->arena_left = 1 << 16;
        w->arena = malloc(w->arena_left);
    }
    char *d = w->arena;
    memcpy(d, s, n);
    w->arena += n;
    w->arena_left -= n;
    return d;
}

void invented_name(const gen_world *w, gen_rng *r, gbuf *b)
{
    int k = rng_chance(r, 0.6) ? 2 : 3;
    size_t at = b->n;
    for (int i = 0; i < k; i++) gb_puts(b, w->syll.w[rng_below(r, (uint32_t)w->syll.n)]);
    if (b->p[at] >= 'a' && b->p[at] <= 'z') b->p[at] -= 32;
}

static int role_age(gen_rng *r, int role)
{
    if (role < R_GOV_COUNT || role == R_CEO || role == R_PARTY_LEADER || role == R_JUDGE)
        return rng_range(r, 42, 71);
    if (role == R_PLAYER) return rng_range(r, 21, 34);
    return rng_range(r, 19, 78);
}

gen_person person_new(gen_world *w, gen_rng *r, int culture, int country, int role, const char *aff)
{
    gen_person p = {0};
    p.culture = (uint8_t)culture;
    p.female = rng_chance(r, role == R_PLAYER || role == R_SUSPECT ? 0.1 : 0.42);
    const gen_list *given = p.female ? &w->female[culture] : &w->male[culture];
    p.first = (uint16_t)rng_below(r, (uint32_t)given->n);
    p.last = (uint16_t)rng_below(r, (uint32_t)w->sur[culture].n);
    if ((culture == CU_HISPANIC || culture == CU_PORTUGUESE) && rng_chance(r, 0.5))
        p.last2 = (uint16_t)(1 + rng_below(r, (uint32_t)w->sur[culture].n));   /* two family names */
    p.role = (uint8_t)role;
    p.age = (uint8_t)role_age(r, role);
    p.country = (int16_t)country;
    p.aff = aff;
    return p;
}

const char *person_first(const gen_world *w, const gen_person *p)
{
    return (p->female ? w->female : w->male)[p->culture].w[p->first];
}

const char *person_last(const gen_world *w, const gen_person *p) { return w->sur[p->culture].w[p->last]; }

void person_name(const gen_world *w, const gen_person *p, gbuf *b)
{
    bool rev = gen_cultures[p->culture].surname_first;
    gb_puts(b, rev ? person_last(w, p) : person_first(w, p));
    gb_putc(b, ' ');
    gb_puts(b, rev ? person_first(w, p) : person_last(w, p));
    if (p->last2 && p->last2 - 1 != p->last) {
        gb_putc(b, ' ');
        gb_puts(b, w->sur[p->culture].w[p->last2 - 1]);
    }
}

/* ---- the world ---- */

static const char *town_name(gen_world *w, gen_rng *r, int cu)
{
    char t[96];
    const char *h = w->head[cu].w[rng_below(r, (uint32_t)w->head[cu].n)];
    const char *e = w->tail[cu].w[rng_below(r, (uint32_t)w->tail[cu].n)];
    size_t hn = strlen(h);
    snprintf(t, sizeof t, "%s%s", h, e);
    /* a head ending in a space or hyphen starts a new word */
    if (hn && (h[hn - 1] == ' ' || h[hn - 1] == '-') && t[hn] >= 'a' && t[hn] <= 'z') t[hn] -= 32;
    return world_strdup(w, t);
}

static void *grow(void *p, int n, int *cap, size_t size)
{
    if (n < *cap) return p;
    *cap = *cap ? *cap * 2 : 64;
    return realloc(p, size * (size_t)*cap);
}

static int org_add(gen_world *w, int *cap, const char *name, int kind, int sector, int country, int town)
{
    w->org = grow(w->org, w->norgs, cap, sizeof *w->org);
    gen_org *o = &w->org[w->norgs];
    *o = (gen_org){.name = name, .kind = (uint8_t)kind, .sector = (uint8_t)sector,
                   .country = country, .town = town};
    return w->norgs++;
}

static const char *subst(gen_world *w, const char *pat, const char *key, const char *val)
{
    char t[160];
    const char *k = strstr(pat, key);
    if (!k) return pat;
    snprintf(t, sizeof t, "%.*s%s%s", (int)(k - pat), pat, val, k + strlen(key));
    return world_strdup(w, t);
}

static void build_nation(gen_world *w, gen_rng *r, int c, int *capt, int *capr, int *capo)
{
    const gen_country_words *cw = &gen_countries[c];
    int cu = cw->culture;
    gen_nation *n = &w->nation[c];
    n->region0 = w->nregions;
    n->nregions = 6;
    for (int i = 0; i < n->nregions; i++) {
        char t[128];
        snprintf(t, sizeof t, "%s %s", town_name(w, r, cu), gen_cultures[cu].region_word);
        w->region = grow(w->region, w->nregions, capr, sizeof *w->region);
        w->region[w->nregions++] = (gen_region){world_strdup(w, t), c};
    }
    n->town0 = w->ntowns;
    n->ntowns = 40;   /* enough that two events in one country rarely share a town */
    n->capital = w->ntowns;
    for (int i = 0; i < n->ntowns; i++) {
        const char *name = cw->capital;
        for (int tries = 0; i && tries < 30; tries++) {
            name = town_name(w, r, cu);
            bool seen = false;
            for (int j = n->town0; j < w->ntowns && !seen; j++) seen = !strcmp(w->town[j].name, name);
            if (!seen) break;
        }
        w->town = grow(w->town, w->ntowns, capt, sizeof *w->town);
        w->town[w->ntowns++] = (gen_town){name, c, n->region0 + i % n->nregions};
    }
    for (int role = 0; role < R_GOV_COUNT; role++) n->gov[role] = person_new(w, r, cu, c, role, NULL);

    n->company0 = w->norgs;
    n->ncompanies = 6;
    for (int i = 0; i < n->ncompanies; i++) {
        /* every country has an airline and a rail operator: crashes need one */
        int sector = i == 0 ? SE_AIRLINE : i == 1 ? SE_RAIL : (int)rng_below(r, SE_RAIL);
        char t[96];
        snprintf(t, sizeof t, "%s %s", w->stems.w[rng_below(r, (uint32_t)w->stems.n)], gen_sector_suffix[sector]);
        int town = rng_chance(r, 0.6) ? n->capital : n->town0 + rng_range(r, 1, n->ntowns - 1);
        int o = org_add(w, capo, world_strdup(w, t), ORG_COMPANY, sector, c, town);
        w->org[o].head = person_new(w, r, cu, c, R_CEO, w->org[o].name);
    }
    n->club0 = w->norgs;
    n->nclubs = 10;
    gen_list pats = list_of(gen_club_patterns);
    for (int i = 0; i < n->nclubs; i++) {
        int town = n->town0 + i % n->ntowns;
        const char *name = subst(w, pats.w[rng_below(r, (uint32_t)pats.n)], "$t", w->town[town].name);
        int o = org_add(w, capo, name, ORG_CLUB, 0, c, town);
        w->org[o].head = person_new(w, r, cu, c, R_COACH, name);
    }
    n->party0 = w->norgs;
    n->nparties = 4;
    gen_list parties = list_of(gen_party_names);
    int first = (int)rng_below(r, (uint32_t)parties.n);
    for (int i = 0; i < n->nparties; i++) {
        const char *name = parties.w[(first + i * 4) % parties.n];
        int o = org_add(w, capo, name, ORG_PARTY, 0, c, n->capital);
        w->org[o].head = person_new(w, r, cu, c, R_PARTY_LEADER, name);
    }
    n->union0 = w->norgs;
    n->nunions = 3;
    gen_list unions = list_of(gen_union_patterns);
    for (int i = 0; i < n->nunions; i++) {
        const char *name = subst(w, unions.w[rng_below(r, (uint32_t)unions.n)], "$D", cw->adj);
        int o = org_add(w, capo, name, ORG_UNION, 0, c, n->capital);
        w->org[o].head = person_new(w, r, cu, c, R_UNION, name);
    }
    static const char *const leagues[] = {"the %s Premier Division", "the %s Super League",
                                          "the %s First Division", "the %s National League"};
    char t[96];
    snprintf(t, sizeof t, leagues[rng_below(r, 4)], cw->adj);
    n->league = world_strdup(w, t);
}

static void build_outlets(gen_world *w, gen_rng *r)
{
    w->noutlets = gen_noutlets;
    w->outlet = calloc((size_t)w->noutlets, sizeof *w->outlet);
    gen_list top = list_of(gen_bp_top), mid = list_of(gen_bp_mid), more = list_of(gen_bp_readmore),
             bottom = list_of(gen_bp_bottom);
    double cum = 0;
    for (int i = 0; i < w->noutlets; i++) {
        gen_outlet *o = &w->outlet[i];
        o->name = gen_outlets[i].name;
        o->domain = gen_outlets[i].domain;
        o->wire = gen_outlets[i].wire;
        o->curly = rng_chance(r, 0.35);
        o->per_cent = rng_chance(r, 0.4);
        o->datefirst = rng_chance(r, 0.5);
        o->title_in_text = rng_chance(r, 0.3);
        o->dateline = o->wire ? 1 : (uint8_t)rng_below(r, 4);
        o->urlstyle = (uint8_t)rng_below(r, 3);
        o->ntop = (int)rng_below(r, 4);
        for (int k = 0; k < o->ntop; k++) o->top[k] = top.w[rng_below(r, (uint32_t)top.n)];
        o->nmid = (int)rng_below(r, 3);
        for (int k = 0; k < o->nmid; k++) o->mid[k] = mid.w[rng_below(r, (uint32_t)mid.n)];
        o->readmore = rng_chance(r, 0.8) ? more.w[rng_below(r, (uint32_t)more.n)] : NULL;
        o->mostread = rng_chance(r, 0.4);
        o->nbottom = rng_range(r, 2, 5);
        for (int k = 0; k < o->nbottom; k++) {
            bool dup;
            do {
                o->bottom[k] = bottom.w[rng_below(r, (uint32_t)bottom.n)];
                dup = false;
                for (int j = 0; j < k; j++) dup |= o->bottom[j] == o->bottom[k];
            } while (dup);
        }
        for (int k = 0; k < 6; k++)
            o->staff[k] = person_new(w, r, (int)rng_below(r, CU_COUNT), -1, R_COUNT - 1, NULL);
        cum += gen_outlets[i].weight;
        o->cum = cum;
    }
    w->outlet_total = cum;
}

const gen_outlet *outlet_draw(const gen_world *w, gen_rng *r)
{
    double x = rng_unit(r) * w->outlet_total;
    int lo = 0, hi = w->noutlets - 1;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (w->outlet[mid].cum > x) hi = mid; else lo = mid + 1;
    }
    return &w->outlet[lo];
}

void world_build(gen_world *w, gen_rng *r)
{
    memset(w, 0, sizeof *w);
    for (int c = 0; c < CU_COUNT; c++) {
        w->female[c] = list_split(gen_cultures[c].female);
        w->male[c] = list_split(gen_cultures[c].male);
        w->sur[c] = list_split(gen_cultures[c].surnames);
        w->head[c] = list_split(gen_cultures[c].town_head);
        w->tail[c] = list_split(gen_cultures[c].town_tail);
    }
    w->stems = list_split(gen_company_stems);
    w->institutes = list_split(gen_institute_stems);
    w->syll = list_split(gen_invented_syllables);
    w->prof = list_split(gen_professions);
    w->biz = list_split(gen_businesses);
    w->obj = list_split(gen_objects);
    w->adj = list_split(gen_adjectives);
    w->nnations = gen_ncountries;
    w->nation = calloc((size_t)w->nnations, sizeof *w->nation);
    int capt = 0, capr = 0, capo = 0;
    for (int c = 0; c < w->nnations; c++) build_nation(w, r, c, &capt, &capr, &capo);

    /* where analysts, seismologists and economists work */
    static const char *const inst[] = {"the %s Institute", "the %s Centre for Strategic Studies",
                                       "the %s Foundation", "%s Capital", "%s University",
                                       "the %s Policy Institute"};
    w->inst0 = w->norgs;
    for (int i = 0; i < 48; i++) {
        char t[96];
        int kind = (int)rng_below(r, 6);
        const char *stem = kind == 4 ? w->town[rng_below(r, (uint32_t)w->ntowns)].name
                                     : w->institutes.w[rng_below(r, (uint32_t)w->institutes.n)];
        snprintf(t, sizeof t, inst[kind], stem);
        org_add(w, &capo, world_strdup(w, t), ORG_INSTITUTE, 0, -1, -1);
    }
    w->ninst = w->norgs - w->inst0;
    w->hosp0 = w->norgs;
    for (int t = 0; t < w->ntowns; t++) {
        char s[128];
        snprintf(s, sizeof s, "%s %s", w->town[t].name, t % 3 ? "General Hospital" : "University Hospital");
        org_add(w, &capo, world_strdup(w, s), ORG_HOSPITAL, 0, w->town[t].country, t);
    }
    w->nhosp = w->norgs - w->hosp0;
    build_outlets(w, r);
}
