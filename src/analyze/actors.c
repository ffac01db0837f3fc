/* actors.c: merging the names found in one text into actors.
 *
 * Mentions with the same key are one actor ("Kim Jong-un", "Kim Jong Un").
 * A lone surname ("Mattis", "Mr Pompeo", "Gen. An") joins the person most
 * recently named in full with that last name, or with that first name for
 * names written family name first ("Kim Do-gyun" -> "Mr Kim"); two full
 * names never merge. The type of an actor is that of its most confident
 * mention. Not the finding or typing of names (names.c). */
#include "an_names.h"
#include "speech.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct an_work {
    const char *key;
    uint8_t type, conf;
    int32_t into;            /* merged into this actor, or -1 */
    uint32_t best;           /* candidate giving the fullest name (and a person's key) */
    uint32_t shown;          /* candidate whose words name the actor: best, or as full in mixed case */
    uint32_t words;          /* tokens in the fullest name */
} an_work;

typedef struct an_merge {
    an_scan *s;
    VEC(an_work) w;
    int32_t *cand_actor;     /* per candidate */
    map by_key;              /* key -> actor + 1 */
    map by_surname;          /* surname -> most recent full-name person + 1 */
    map full_surname;        /* surname -> the only full-name person + 1, or UINT64_MAX */
} an_merge;

static int by_start(const void *x, const void *y)
{
    const an_cand *a = x, *b = y;
    return a->t0 < b->t0 ? -1 : a->t0 > b->t0;
}

/* Words in a key: "An Ik-san" and "An Ik San" both have three. */
static uint32_t key_parts(const char *key)
{
    uint32_t n = *key != '\0';
    for (; *key; key++) n += *key == ' ';
    return n;
}

/* Words in a mention: a lone family name is one, whatever its key. */
static uint32_t cand_words(const an_cand *c)
{
    return c->back ? 1 : key_parts(c->key);
}

static int32_t new_actor(an_merge *m, const an_cand *c, size_t ci)
{
    an_work w = {.key = c->key, .type = c->type, .conf = c->conf, .into = -1, .best = (uint32_t)ci,
                 .shown = (uint32_t)ci, .words = cand_words(c)};
    VEC_PUSH(m->w, w);
    return (int32_t)(m->w.n - 1);
}

/* Are all of a mention's words in capitals ("ORVANO" of a dateline,
 * "PORT SORREL")? */
static bool in_capitals(const an_scan *s, const an_cand *c)
{
    for (uint32_t t = c->t0; t < c->t1; t++)
        if (!s->tok[t].upper) return false;
    return true;
}

static void note_mention(an_merge *m, int32_t a, const an_cand *c, size_t ci)
{
    an_work *w = &m->w.v[a];
    if (c->conf > w->conf) { w->conf = c->conf; w->type = c->type; }
    uint32_t words = cand_words(c);
    if (words > w->words) {
        w->words = words;
        w->best = w->shown = (uint32_t)ci;
    } else if (words == w->words && !c->back && !m->s->cands.v[w->shown].canon &&
               in_capitals(m->s, &m->s->cands.v[w->shown]) && !in_capitals(m->s, c)) {
        /* a name first written in capitals, as a dateline or a heading
         * writes it, is named as the text writes it elsewhere */
        w->shown = (uint32_t)ci;
    }
}

/* Remember a full name's surnames: the last word, and the first for names
 * written family name first. */
static void note_surnames(an_merge *m, int32_t a, const an_cand *c)
{
    an_scan *s = m->s;
    size_t parts[2] = {c->t1 - 1, c->t0};
    size_t np = lx_find(s->tok[c->t0].key, s->tok[c->t0].klen, LX_BIT(LX_SURNAME_FIRST)) ? 2 : 1;
    for (size_t i = 0; i < np; i++) {
        const an_ntok *k = &s->tok[parts[i]];
        bool created;
        *map_put(&m->by_surname, k->key, k->klen, &created) = (uint64_t)a + 1;
        uint64_t *f = map_put(&m->full_surname, k->key, k->klen, &created);
        if (created) *f = (uint64_t)a + 1;
        else if (*f != (uint64_t)a + 1) *f = UINT64_MAX;
    }
}

static int32_t find_root(an_merge *m, int32_t a)
{
    while (m->w.v[a].into >= 0) a = m->w.v[a].into;
    return a;
}

static int32_t actor_for(an_merge *m, const an_cand *c, size_t ci)
{
    an_scan *s = m->s;
    size_t words = c->t1 - c->t0;
    if (words == 1 && c->conf < 3 && !c->back) {
        uint64_t *p = map_get(&m->by_surname, s->tok[c->t0].key, s->tok[c->t0].klen);
        if (p) return find_root(m, (int32_t)(*p - 1));
    }
    bool created;
    uint64_t *slot = map_put(&m->by_key, c->key, strlen(c->key), &created);
    if (!created && *slot) return find_root(m, (int32_t)(*slot - 1));
    /* a lone capitalised word opening a sentence needs more than a guess
     * or a verb after it ("Officials said"); not an acronym, capitalised
     * wherever it stands ("(WFP)", "NATO said") */
    if (words == 1 && c->conf <= 1 && s->tok[c->t0].sent_start && !s->tok[c->t0].upper) { *slot = 0; return -1; }
    int32_t a = new_actor(m, c, ci);
    *slot = (uint64_t)a + 1;
    return a;
}

/* A surname seen before the full name ("Trump ... Donald Trump") joins it
 * when only one full name has that surname. */
static void merge_late_surnames(an_merge *m)
{
    an_scan *s = m->s;
    for (size_t a = 0; a < m->w.n; a++) {
        an_work *w = &m->w.v[a];
        if (w->into >= 0 || w->words != 1 || (w->type != AN_PERSON && w->conf > 1)) continue;
        const an_ntok *k = &s->tok[s->cands.v[w->best].t0];
        uint64_t *f = map_get(&m->full_surname, k->key, k->klen);
        if (!f || *f == UINT64_MAX || *f - 1 == a) continue;
        /* Join the target's root, never a chain back to a: two actors
         * merged into each other made find_root loop forever (found by
         * fuzz/fuzz_names on "J.R\376R`\376R\002R.J"). */
        int32_t t = find_root(m, (int32_t)(*f - 1));
        if (t == (int32_t)a || m->w.v[t].type != AN_PERSON) continue;
        w->into = t;
    }
}

static void assign(an_merge *m)
{
    an_scan *s = m->s;
    for (size_t i = 0; i < s->cands.n; i++) {
        an_cand *c = &s->cands.v[i];
        int32_t a = c->skip ? -1 : actor_for(m, c, i);
        m->cand_actor[i] = a;
        if (a < 0) continue;
        if (m->w.v[a].words > 1 && cand_words(c) == 1 && m->w.v[a].type == AN_PERSON) {
            c->type = AN_PERSON;
            if (c->conf < 2) c->conf = 2;
        }
        note_mention(m, a, c, i);
        if (m->w.v[a].type == AN_PERSON && c->type == AN_PERSON && c->t1 - c->t0 >= 2) note_surnames(m, a, c);
    }
    merge_late_surnames(m);
}

/* ---- output ---------------------------------------------------------- */

typedef VEC(const char *) strvec;

static void push_distinct(strvec *v, map *seen, int32_t a, const char *str, arena *ar)
{
    /* the key: a's bytes, then str */
    size_t n = strlen(str), kl = sizeof a + n;
    char small[256], *key = kl <= sizeof small ? small : arena_alloc(ar, kl);
    memcpy(key, &a, sizeof a);
    memcpy(key + sizeof a, str, n);
    bool created;
    map_put(seen, key, kl, &created);
    if (created) VEC_PUSH(*v, str);
}

static const char *surface(const an_scan *s, const an_cand *c)
{
    uint32_t st = s->tok[c->t0].start, en = s->tok[c->t1 - 1].end;
    return arena_strndup(s->a, s->text + st, en - st);
}

/* The sex the first word of a full name gives, when it is a given name
 * the lexicon knows as a man's or a woman's ("Hillary Clinton"); a lone
 * surname says nothing. */
static uint8_t given_sex(const an_scan *s, const an_cand *c)
{
    if (c->t1 - c->t0 < 2 || c->back) return AN_SEX_NONE;
    const an_ntok *k = &s->tok[c->t0];
    const lx_entry *e = lx_find(k->key, k->klen, LX_BIT(LX_GIVEN));
    return e && e->ref <= AN_SEX_FEMALE ? (uint8_t)e->ref : AN_SEX_NONE;
}

/* The sex a word of a role gives ("spokeswoman", "her husband",
 * "actress"); not "spokesman" nor "chairman", which some papers use for
 * women too. */
static uint8_t role_word_sex(const char *w, size_t n)
{
    static const char *const male[] = {"king", "prince", "congressman", "businessman", "councilman",
        "assemblyman", "husband", "father", "son", "brother", "grandfather", "uncle", "nephew", "actor",
        "boyfriend", "widower", "man", NULL};
    static const char *const female[] = {"queen", "princess", "spokeswoman", "chairwoman", "congresswoman",
        "businesswoman", "councilwoman", "assemblywoman", "wife", "mother", "daughter", "sister",
        "grandmother", "aunt", "niece", "actress", "girlfriend", "widow", "woman", NULL};
    for (size_t k = 0; male[k]; k++) if (an_word_is(w, n, male[k])) return AN_SEX_MALE;
    for (size_t k = 0; female[k]; k++) if (an_word_is(w, n, female[k])) return AN_SEX_FEMALE;
    return AN_SEX_NONE;
}

static bool ascii_letter(char ch) { return (ch | 32) >= 'a' && (ch | 32) <= 'z'; }

/* The sex a person's mention is given by the words at it: the honorific
 * before it ("Mr. Kaine", "Ms. Nwanguma": titles.tsv) or a word of its
 * role; both bits when they say both, none when they say nothing. */
static uint8_t mention_sex(const an_scan *s, const an_cand *c)
{
    uint8_t g = AN_SEX_NONE;
    if (c->t0 > 0) {   /* right before it, capitalised: not "her father,” Graham said" */
        const an_ntok *k = &s->tok[c->t0 - 1];
        bool next_to = k->cap;
        for (uint32_t i = k->end; next_to && i < s->tok[c->t0].start; i++)
            next_to = s->text[i] == ' ' || s->text[i] == '.';
        const lx_entry *e = next_to ? lx_find(k->key, k->klen, LX_BIT(LX_HONORIFIC)) : NULL;
        if (e && e->ref <= AN_SEX_FEMALE) g |= (uint8_t)e->ref;
    }
    for (const char *r = c->role; r && *r;) {
        while (*r && !ascii_letter(*r)) r++;
        const char *w = r;
        while (ascii_letter(*r)) r++;
        if (r > w) g |= role_word_sex(w, (size_t)(r - w));
    }
    return g;
}

static void emit(an_merge *m, an_names *out)
{
    an_scan *s = m->s;
    size_t na = 0;
    int32_t *index = arena_alloc(s->a, (m->w.n + 1) * sizeof *index);
    for (size_t a = 0; a < m->w.n; a++) index[a] = m->w.v[a].into < 0 ? (int32_t)na++ : -1;
    out->actors = arena_alloc(s->a, (na ? na : 1) * sizeof *out->actors);
    out->n_actors = na;
    out->mentions = arena_alloc(s->a, (s->cands.n ? s->cands.n : 1) * sizeof *out->mentions);
    strvec *roles = xcalloc(na + 1, sizeof *roles), *aliases = xcalloc(na + 1, sizeof *aliases);
    map seen;
    map_init(&seen);
    for (size_t a = 0; a < m->w.n; a++) {
        if (index[a] < 0) continue;
        an_actor *act = &out->actors[index[a]];
        an_work *w = &m->w.v[a];
        const an_cand *shown = &s->cands.v[w->shown];
        act->name = shown->canon ? shown->canon : surface(s, shown);
        act->key = w->type == AN_PERSON ? s->cands.v[w->best].key : w->key;
        act->type = w->type;
        act->sex = AN_SEX_NONE;
        act->sure = w->conf >= 3;
        push_distinct(&aliases[index[a]], &seen, index[a], act->name, s->a);
    }
    for (size_t i = 0; i < s->cands.n; i++) {
        if (m->cand_actor[i] < 0) continue;
        int32_t a = index[find_root(m, m->cand_actor[i])];
        const an_cand *c = &s->cands.v[i];
        an_mention *mn = &out->mentions[out->n_mentions++];
        mn->start = s->tok[c->t0].start;
        mn->end = s->tok[c->t1 - 1].end;
        mn->type = out->actors[a].type;
        mn->actor = a;
        mn->role = c->role;
        out->actors[a].mentions++;
        if (out->actors[a].type == AN_PERSON) out->actors[a].sex |= mention_sex(s, c);
        if (c->role) push_distinct(&roles[a], &seen, a, c->role, s->a);
        push_distinct(&aliases[a], &seen, a, surface(s, c), s->a);
    }
    /* what the mentions say outweighs the given name: "Mrs. Clinton"
     * merged by surname into "Bill Clinton" is she */
    for (size_t a = 0; a < m->w.n; a++)
        if (index[a] >= 0 && m->w.v[a].type == AN_PERSON && out->actors[index[a]].sex == AN_SEX_NONE)
            out->actors[index[a]].sex = given_sex(s, &s->cands.v[m->w.v[a].best]);
    for (size_t a = 0; a < na; a++) {
        an_actor *act = &out->actors[a];
        act->n_roles = roles[a].n;
        act->roles = arena_alloc(s->a, (roles[a].n + 1) * sizeof *act->roles);
        if (roles[a].n) memcpy(act->roles, roles[a].v, roles[a].n * sizeof *act->roles);
        /* the first alias is the name itself */
        act->n_aliases = aliases[a].n ? aliases[a].n - 1 : 0;
        act->aliases = arena_alloc(s->a, (act->n_aliases + 1) * sizeof *act->aliases);
        if (act->n_aliases) memcpy(act->aliases, aliases[a].v + 1, act->n_aliases * sizeof *act->aliases);
        VEC_FREE(roles[a]);
        VEC_FREE(aliases[a]);
    }
    free(roles);
    free(aliases);
    map_free(&seen);
}

void an_build_actors(an_scan *s, an_names *out)
{
    if (s->cands.n > 1) qsort(s->cands.v, s->cands.n, sizeof *s->cands.v, by_start);
    an_merge m = {.s = s};
    m.cand_actor = xcalloc(s->cands.n + 1, sizeof *m.cand_actor);
    map_init(&m.by_key);
    map_init(&m.by_surname);
    map_init(&m.full_surname);
    assign(&m);
    emit(&m, out);
    free(m.cand_actor);
    VEC_FREE(m.w);
    map_free(&m.by_key);
    map_free(&m.by_surname);
    map_free(&m.full_surname);
}
