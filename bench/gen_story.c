/* gen_story.c: storylines and their events.
 *
 * A storyline has a subject (gen_types), a fixed cast and places, and a
 * plan: a phase of events at irregular gaps, and perhaps a return years
 * later with the same cast. Storylines wait in a heap ordered by the day
 * of their next event. An event has a kind, a day, details (place,
 * people, numbers) and a size drawn from a heavy tail, spread over the
 * days after it as a burst. A storyline is freed when it has no event
 * coming and none still being written about. Not the articles (gen_text.c). */
#include "gen.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- the heap of storylines by next event day ---- */

static void heap_swap(gen_sim *s, int i, int j)
{
    gen_story *t = s->heap[i];
    s->heap[i] = s->heap[j];
    s->heap[j] = t;
    s->heap[i]->heap_pos = i;
    s->heap[j]->heap_pos = j;
}

void heap_push(gen_sim *s, gen_story *st)
{
    if (s->nheap == s->capheap)
        s->heap = realloc(s->heap, sizeof *s->heap * (size_t)(s->capheap = s->capheap ? s->capheap * 2 : 1024));
    int i = s->nheap++;
    s->heap[i] = st;
    st->heap_pos = i;
    while (i && s->heap[(i - 1) / 2]->next_day > s->heap[i]->next_day) {
        heap_swap(s, i, (i - 1) / 2);
        i = (i - 1) / 2;
    }
}

/* The storyline whose next event is due by day, taken off the heap. */
gen_story *heap_due(gen_sim *s, int day)
{
    if (!s->nheap || s->heap[0]->next_day > day) return NULL;
    gen_story *top = s->heap[0];
    heap_swap(s, 0, --s->nheap);
    int i = 0;
    for (;;) {
        int l = 2 * i + 1, m = i;
        if (l < s->nheap && s->heap[l]->next_day < s->heap[m]->next_day) m = l;
        if (l + 1 < s->nheap && s->heap[l + 1]->next_day < s->heap[m]->next_day) m = l + 1;
        if (m == i) break;
        heap_swap(s, i, m);
        i = m;
    }
    top->heap_pos = -1;
    return top;
}

/* ---- sizes ---- */

int type_draw(gen_rng *r)
{
    float total = 0;
    for (int t = 0; t < ST_COUNT; t++) total += gen_types[t].weight;
    double x = rng_unit(r) * total;
    for (int t = 0; t < ST_COUNT; t++)
        if ((x -= gen_types[t].weight) < 0) return t;
    return ST_COUNT - 1;
}

/* Articles about one event: P(size >= s) falls as s^-1.1, scaled by how
 * much the kind is covered, up to the cap (a day's news, twice over). */
double event_size_draw(gen_sim *s, int kind)
{
    double x = pow(1 - rng_unit(s->r), -1 / 1.1) * gen_kinds[kind].weight * 0.75;
    if (x < 1) x = 1;
    return x > s->size_cap ? s->size_cap : floor(x);
}

/* ---- people of a storyline or event ---- */

static int kind_of_head(int role)
{
    switch (role) {
    case R_CEO: return ORG_COMPANY;
    case R_COACH: return ORG_CLUB;
    case R_PARTY_LEADER: return ORG_PARTY;
    case R_UNION: return ORG_UNION;
    default: return -1;
    }
}

static const char *event_aff(gen_sim *s, int role, const gen_org *const org[2], int town)
{
    gen_world *w = s->w;
    switch (role) {
    case R_GOVERNOR: return w->region[w->town[town].region].name;
    case R_MAYOR: case R_RESIDENT: case R_SUSPECT: return w->town[town].name;
    case R_SEISMOLOGIST: return w->town[w->nation[w->town[town].country].capital].name;
    case R_ANALYST: case R_ECONOMIST:
        return w->org[w->inst0 + (int)rng_below(s->r, (uint32_t)w->ninst)].name;
    case R_DOCTOR: return w->org[w->hosp0 + town].name;
    case R_LAWYER: case R_PLAYER: case R_FAN: case R_CHAIR: return org[0] ? org[0]->name : NULL;
    case R_LAWYER2: return org[1] ? org[1]->name : NULL;
    default: return NULL;
    }
}

/* The person who plays rolef (a role, maybe with RL_OTHER) in st: a
 * government's, an organisation's head, one of the storyline's own cast
 * (made the first time), or someone of this event only. */
static gen_person resolve(gen_sim *s, gen_story *st, const gen_org *const org[2], int town, int rolef)
{
    gen_world *w = s->w;
    int role = rolef & ~RL_OTHER, other = (rolef & RL_OTHER) != 0;
    int country = other ? st->country2 : st->country;
    if (role < R_GOV_COUNT) return w->nation[country].gov[role];
    int hk = kind_of_head(role);
    const gen_org *o = org[other];
    if (hk >= 0 && o && o->kind == hk) {
        gen_person p = o->head;
        p.role = (uint8_t)role;
        return p;
    }
    if (role < R_STORY_COUNT) {
        for (int i = 0; i < st->ncast; i++)
            if (st->cast[i].role == role && (st->cast[i].country == country || role == R_CEO)) return st->cast[i];
        gen_person p;
        if (hk >= 0) {   /* the head of an organisation the storyline lacks: one of the country's */
            const gen_nation *n = &w->nation[country];
            int first = hk == ORG_UNION ? n->union0 : hk == ORG_PARTY ? n->party0 : hk == ORG_CLUB ? n->club0 : n->company0;
            int count = hk == ORG_UNION ? n->nunions : hk == ORG_PARTY ? n->nparties : hk == ORG_CLUB ? n->nclubs : n->ncompanies;
            p = w->org[first + (int)rng_below(s->r, (uint32_t)count)].head;
            p.role = (uint8_t)role;
        } else {
            p = person_new(w, s->r, gen_countries[country].culture, country, role, event_aff(s, role, org, st->home));
        }
        if (st->ncast < GEN_CAST) st->cast[st->ncast++] = p;
        return p;
    }
    int cu = role == R_ANALYST && rng_chance(s->r, 0.4) ? (int)rng_below(s->r, CU_COUNT) : gen_countries[country].culture;
    return person_new(w, s->r, cu, country, role, event_aff(s, role, org, town));
}

/* ---- storylines ---- */

static int nation_draw(gen_sim *s, int avoid)
{
    int n;
    do   /* a quarter of the news is about the six English-speaking countries */
        n = rng_chance(s->r, 0.25) ? (int)rng_below(s->r, 6) : (int)rng_below(s->r, (uint32_t)s->w->nnations);
    while (n == avoid);
    return n;
}

static int phase_events(gen_sim *s, const gen_type *ty)
{
    if (rng_chance(s->r, ty->single)) return 1;
    int n = (int)lround(ty->events * exp(0.5 * rng_normal(s->r)));
    return n < 2 ? 2 : n;
}

static void make_hook(gen_sim *s, gen_story *st)
{
    gen_world *w = s->w;
    gen_rng *r = s->r;
    gbuf b = {0};
    const gen_type *ty = &gen_types[st->type];
    if (st->first_kind == K_STORM) {
        static const char *const names[] = {"Storm ", "Cyclone ", "Typhoon ", "Hurricane ", "Tropical Storm "};
        gb_puts(&b, names[rng_below(r, 5)]);
        int cu = (int)rng_below(r, CU_COUNT);
        const gen_list *l = rng_chance(r, 0.5) ? &w->female[cu] : &w->male[cu];
        gb_puts(&b, l->w[rng_below(r, (uint32_t)l->n)]);
    } else if (st->type == ST_LEAGUE) {
        gb_puts(&b, w->nation[st->country].league);
    } else if (st->type == ST_ACCIDENT && st->org[0] && st->org[0]->sector == SE_AIRLINE) {
        gb_puts(&b, "Flight ");
        gb_putc(&b, st->org[0]->name[0]);
        gb_putc(&b, (char)('A' + rng_below(r, 26)));
        gb_putc(&b, ' ');
        gb_int(&b, rng_range(r, 100, 999), false);
    } else {
        gen_event fake = {.story = st, .kind = st->first_kind, .start = st->next_day, .country = st->country,
                          .country2 = st->country2, .town = st->home, .org = {st->org[0], st->org[1]}};
        int n = 0;
        while (ty->hook[n]) n++;
        text_expand_story(s->wr, &fake, ty->hook[rng_below(r, (uint32_t)n)], &b);
        if (st->type == ST_ACCIDENT) {   /* "the Tovik express": a train; the route's other end */
            b.n = 0;
            gb_puts(&b, "the ");
            gb_puts(&b, w->town[st->home].name);
            gb_putc(&b, '-');
            gb_puts(&b, w->town[w->nation[st->country].capital].name);
            gb_puts(&b, " express");
        }
    }
    size_t n = b.n < sizeof st->hook - 1 ? b.n : sizeof st->hook - 1;
    memcpy(st->hook, b.p, n);
    st->hook[n] = '\0';
    free(b.p);
}

gen_story *story_new(gen_sim *s, int type, int first_kind, int day, int avoid_country)
{
    gen_world *w = s->w;
    gen_rng *r = s->r;
    const gen_type *ty = &gen_types[type];
    gen_story *st = calloc(1, sizeof *st);
    st->id = s->next_story++;
    s->stories_made++;
    st->type = (uint8_t)type;
    st->heap_pos = -1;
    st->country = nation_draw(s, avoid_country);
    st->country2 = nation_draw(s, st->country);
    const gen_nation *n = &w->nation[st->country];
    bool far = type == ST_DISASTER || type == ST_ACCIDENT;   /* felt "as far away as" the capital */
    st->home = !far && rng_chance(r, 0.25) ? n->capital : n->town0 + rng_range(r, 1, n->ntowns - 1);
    int nfirst = 0;
    while (ty->first[nfirst] != K_COUNT) nfirst++;
    st->first_kind = (uint8_t)(first_kind >= 0 ? first_kind : ty->first[rng_below(r, (uint32_t)nfirst)]);

    switch (ty->orgs) {
    case OS_COMPANY:   /* the operator: an airline, or the railway */
        st->org[0] = &w->org[n->company0 + (rng_chance(r, 0.6) ? 0 : 1)];
        break;
    case OS_COMPANY2: {   /* a rival in the same trade, at home or abroad */
        int a = n->company0 + rng_range(r, 2, n->ncompanies - 1), b = -1;
        int from = (int)rng_below(r, (uint32_t)w->nnations);
        for (int i = 0; i < w->nnations && b < 0; i++) {
            const gen_nation *n2 = &w->nation[(from + i) % w->nnations];
            for (int j = 0; j < n2->ncompanies && b < 0; j++)
                if (n2->company0 + j != a && w->org[n2->company0 + j].sector == w->org[a].sector) b = n2->company0 + j;
        }
        if (b < 0) b = a == n->company0 + 2 ? a + 1 : n->company0 + 2;
        st->org[0] = &w->org[a];
        st->org[1] = &w->org[b];
        break;
    }
    case OS_CLUBS:
        st->nclubs = n->nclubs;
        for (int i = 0; i < st->nclubs; i++) st->clubs[i] = n->club0 + i;
        break;
    case OS_PARTIES:   /* the governing party first */
        st->org[0] = &w->org[n->party0];
        st->org[1] = &w->org[n->party0 + rng_range(r, 1, n->nparties - 1)];
        break;
    case OS_UNION:
        st->org[0] = &w->org[n->union0 + (int)rng_below(r, (uint32_t)n->nunions)];
        break;
    }
    if (ty->orgs == OS_PARTIES) {   /* the governing party is led by the prime minister */
        st->cast[st->ncast] = n->gov[R_PM];
        st->cast[st->ncast++].role = R_PM;
    }
    int ntopic = 0;
    while (ty->topic[ntopic]) ntopic++;
    for (int i = 0; i < 5 && i < ntopic; i++) {
        const char *t;
        bool dup;
        do {
            t = ty->topic[rng_below(r, (uint32_t)ntopic)];
            dup = false;
            for (int j = 0; j < st->ntopic; j++) dup |= st->topic[j] == t;
        } while (dup);
        st->topic[st->ntopic++] = t;
    }
    const gen_org *none[2] = {st->org[0], st->org[1]};
    for (int i = 0; ty->cast[i] != R_COUNT && i < 6; i++) {
        gen_person p = resolve(s, st, none, st->home, ty->cast[i]);
        bool have = false;
        for (int j = 0; j < st->ncast; j++)
            have |= st->cast[j].first == p.first && st->cast[j].last == p.last && st->cast[j].culture == p.culture;
        if (!have && st->ncast < GEN_CAST) st->cast[st->ncast++] = p;
    }
    st->left = phase_events(s, ty);
    st->next_day = day;
    make_hook(s, st);
    return st;
}

/* ---- events ---- */

static int kind_draw(gen_sim *s, gen_story *st)
{
    gen_rng *r = s->r;
    const gen_type *ty = &gen_types[st->type];
    if (st->events == 0) return st->first_kind;
    if (st->left == 1 && ty->last != K_COUNT && rng_chance(r, 0.8)) return ty->last;
    int nfirst = 0, nmid = 0;
    while (ty->first[nfirst] != K_COUNT) nfirst++;
    while (ty->middle[nmid] != K_COUNT) nmid++;
    if (st->phase_start) return ty->first[rng_below(r, (uint32_t)nfirst)];
    if (st->type == ST_DISASTER && rng_chance(r, 0.3)) return st->first_kind;   /* aftershocks, new floods */
    return ty->middle[rng_below(r, (uint32_t)nmid)];
}

static int event_town(gen_sim *s, gen_story *st, gen_event *e)
{
    gen_world *w = s->w;
    gen_rng *r = s->r;
    const gen_nation *n = &w->nation[st->country];
    switch (gen_kinds[e->kind].place) {
    case PL_CAPITAL: return n->capital;
    case PL_VENUE: {
        double x = rng_unit(r);
        if (x < 0.4) return n->capital;
        if (x < 0.8) return w->nation[st->country2].capital;
        return w->nation[nation_draw(s, st->country)].capital;
    }
    case PL_HQ: return e->org[0] && e->org[0]->town >= 0 ? e->org[0]->town : n->capital;
    case PL_HOME: return e->org[0] && e->org[0]->town >= 0 ? e->org[0]->town : st->home;
    case PL_TOWN: return n->town0 + (int)rng_below(r, (uint32_t)n->ntowns);
    default: return st->home;
    }
}

static double number_draw(gen_sim *s, const gen_numspec *ns, double size, double prev)
{
    gen_rng *r = s->r;
    double lo = ns->lo, hi = ns->hi, v;
    if (ns->flags & NF_LESS && prev - 1 < hi) hi = prev - 1 < lo ? lo : prev - 1;
    switch (ns->dist) {
    case D_LOG: v = lo * pow(hi / (lo > 0 ? lo : 1), rng_unit(r)); break;
    case D_SIZE: {   /* a bigger story has bigger numbers */
        double g = log(size + 1) / log(s->size_cap + 1);
        v = lo + (hi - lo) * pow(g, 2.2) * (0.5 + rng_unit(r));
        break;
    }
    default: v = lo + (hi - lo) * rng_unit(r);
    }
    if (v > hi) v = hi;
    if (v < lo) v = lo;
    if (ns->flags & NF_ROUND && v >= 100) {   /* crowds and sums are round */
        double mag = pow(10, floor(log10(v)) - 1);
        v = round(v / mag) * mag;
    }
    if (ns->fmt != F_DEC1 && ns->fmt != F_PCT && ns->fmt != F_MONEY) v = round(v);
    return v;
}

/* Which day after the start each article comes: most on the first days,
 * a tail over the following weeks. */
static void burst(gen_sim *s, gen_event *e, int size)
{
    gen_rng *r = s->r;
    double first = 0.35 + 0.35 * rng_unit(r), tail = 2 + 5 * rng_unit(r);
    for (int i = 0; i < size; i++) {
        double x = rng_unit(r);
        int k;
        if (x < first) k = 0;
        else if (x < first + (1 - first) * 0.45) k = 1;
        else if (x < first + (1 - first) * 0.7) k = 2;
        else k = 3 + (int)(-tail * log(1 - rng_unit(r)));
        if (k >= GEN_BURST_DAYS) k = GEN_BURST_DAYS - 1;
        e->per_day[k]++;
    }
    e->left = size;
}

static int gap_days(gen_sim *s, const gen_type *ty)
{
    double spread = ty->gap >= 300 ? 0.04 : 0.7;
    int g = (int)lround(ty->gap * exp(spread * rng_normal(s->r)));
    return g < 1 ? 1 : g;
}

/* A return of the storyline after years; in a stream shorter than that,
 * somewhere in its second half, so that the case is there at all. */
static int comeback_days(gen_sim *s, const gen_type *ty)
{
    if (ty == &gen_types[ST_LEAGUE]) return rng_range(s->r, 70, 120);   /* the next season */
    int g = (int)(365.25 * (2 + 5 * rng_unit(s->r)));
    if (g > 0.8 * s->span) g = (int)(s->span * (0.25 + 0.35 * rng_unit(s->r)));
    return g < 40 ? 40 : g;
}

static void word_into(gen_sim *s, const gen_event *e, const char *const *list, char *dst, size_t cap)
{
    int n = 0;
    while (list[n]) n++;
    gbuf b = {0};
    text_expand_story(s->wr, e, list[rng_below(s->r, (uint32_t)n)], &b);
    size_t k = b.n < cap - 1 ? b.n : cap - 1;
    memcpy(dst, b.p, k);
    dst[k] = '\0';
    free(b.p);
}

/* What sets an event apart from others of its kind: a spot, a detail, and
 * the facts its articles tell (those naming the spot or detail always). */
static void details(gen_sim *s, gen_event *e)
{
    const gen_kind *k = &gen_kinds[e->kind];
    word_into(s, e, gen_spot, e->spot, sizeof e->spot);
    word_into(s, e, k->detail, e->detail, sizeof e->detail);
    int nf = 0, told = 0;
    while (k->fact[nf] && nf < 32) nf++;
    for (int i = 0; i < nf; i++)
        if (strstr(k->fact[i], "$U") || strstr(k->fact[i], "$X") || rng_chance(s->r, 0.6)) {
            e->facts |= 1u << i;
            told++;
        }
    for (int i = 0; told < 5 && i < nf; i++)
        if (!(e->facts >> i & 1)) e->facts |= 1u << i, told++;
}

gen_event *story_event(gen_sim *s, gen_story *st, int day)
{
    gen_world *w = s->w;
    gen_rng *r = s->r;
    const gen_type *ty = &gen_types[st->type];
    gen_event *e = calloc(1, sizeof *e);
    e->id = s->next_event++;
    s->events_made++;
    e->story = st;
    e->kind = (uint8_t)kind_draw(s, st);
    e->start = day;
    e->country = st->country;
    e->country2 = st->country2;
    e->org[0] = st->org[0];
    e->org[1] = st->org[1];
    if (st->nclubs >= 2) {   /* a fixture: two of the league's clubs */
        int a = (int)rng_below(r, (uint32_t)st->nclubs), b;
        do b = (int)rng_below(r, (uint32_t)st->nclubs); while (b == a);
        e->org[0] = &w->org[st->clubs[a]];
        e->org[1] = &w->org[st->clubs[b]];
    }
    if (e->kind == K_RESULT && rng_chance(r, 0.45)) {   /* the opposition wins */
        const gen_org *t = e->org[0];
        e->org[0] = e->org[1];
        e->org[1] = t;
    }
    e->town = event_town(s, st, e);
    const gen_kind *k = &gen_kinds[e->kind];
    for (int i = 0; i < 3; i++) {
        int rolef = k->role[i];
        if (e->kind == K_RESULT && i < 2) rolef = i ? (R_PARTY_LEADER | RL_OTHER) : R_PARTY_LEADER;
        e->actor[i] = resolve(s, st, e->org, e->town, rolef);
    }
    /* in a storyline of two countries the second may be the one acting */
    int size = (int)event_size_draw(s, e->kind);
    s->size_sum += size;
    for (int i = 0; i < 4; i++)
        e->num[i] = k->num[i].hi > 0 ? number_draw(s, &k->num[i], size, i ? e->num[i - 1] : 0) : 0;
    burst(s, e, size);
    details(s, e);
    e->nth = ++st->kind_count[e->kind];
    e->prev = st->prev;
    if (!st->events) st->base = e->num[0];
    st->prev = (gen_past){e->kind, e->town, e->start, 1, {e->num[0], e->num[1], e->num[2], e->num[3]}};
    st->events++;
    st->live++;
    st->left--;
    st->phase_start = false;
    if (st->left > 0) {
        st->next_day = day + gap_days(s, ty);
        heap_push(s, st);
    } else if (rng_chance(r, ty->comeback)) {
        st->phase++;
        st->phase_start = true;
        st->left = phase_events(s, ty);
        if (st->left < 2 && ty->events >= 2) st->left = 2;
        st->next_day = day + comeback_days(s, ty);
        heap_push(s, st);
    }
    return e;
}

void story_done_event(gen_sim *s, gen_event *e)
{
    (void)s;
    gen_story *st = e->story;
    free(e->wire);
    free(e->wire_title);
    free(e);
    if (--st->live == 0 && st->heap_pos < 0) free(st);
}
