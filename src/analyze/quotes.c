/* quotes.c: attributed quotes: direct quotes between quote marks and
 * indirect speech ("X said that ..."), each with its cue ("she added") and
 * its speaker, an actor of the names found in the same text.
 *
 * Works on word tokens and on what lies between them (punctuation, quote
 * marks, line breaks). Speakers are resolved from the mentions and roles of
 * an_names only: a name in the speaker phrase, else a pronoun (the person
 * the text was just talking about), else a role phrase ("the lieutenant
 * general") matched against the roles of earlier mentions. Not the finding
 * of names (names.c) nor the speech vocabulary (speech.c). Heuristics for
 * English news prose; no parse. */
#include "speech.h"

#include <stddef.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

/* A pair of quote marks: the opening mark at open, the words in
 * [start, end), the closing mark at close, ending at close_end. */
typedef struct an_qmarks { uint32_t open, start, end, close, close_end; } an_qmarks;

/* How a quote's speaker is to be found once earlier quotes are resolved. */
enum { HOW_NONE, HOW_PHRASE, HOW_INVERTED, HOW_CONTINUE, HOW_ADDING };

typedef struct an_pending {
    an_quote q;
    an_qmarks m;            /* direct quotes only */
    uint32_t ps, pe;        /* speaker phrase, tokens [ps, pe) */
    uint32_t verb;          /* token of the speech verb */
    uint8_t  how;
    bool     strong;        /* the cue makes even a short quote speech */
} an_pending;

typedef struct qctx {
    const char     *t;
    size_t          len;
    const an_names *nm;
    an_token       *tok;
    size_t          ntok;
    bool           *cue_verb;   /* per token: the verb of a direct quote's cue */
    an_qmarks      *dq;         /* accepted direct quotes, in text order */
    size_t          ndq;
    an_pending     *p;
    size_t          np, capp;
    arena          *a;
    /* For resolution (index_mentions): per mention, the last person
     * mention outside direct quotes at or before it, and the first at or
     * after it (n_mentions if none); role sets computed when first asked. */
    uint32_t       *prev_person, *next_person;
    an_role_set   **mention_role;
    an_role_set   **actor_roles;   /* per actor, its roles' sets, or NULL */
} qctx;

/* Limits that keep hostile input (no sentence ends, a verb on every word)
 * linear: speech is attributed within a sentence or two of its cue. */
#define PHRASE_MAX  10
#define CUE_REACH   40
#define CLAUSE_MAX 120
#define BACK_MAX    80
/* A role phrase ("the minister") names the latest of this many earlier
 * mentions with a role that matches (a long article has a few dozen); a
 * page of megabytes would otherwise compare every role phrase with every
 * earlier mention. */
#define ROLE_BACK  256

/* ---- characters and gaps between tokens ------------------------------ */

/* Quote mark at t[i] (*k bytes): 1 opening, 2 closing, 3 either (straight), 0
 * none. */
static int mark_at(const char *t, size_t len, size_t i, int *k)
{
    unsigned char c = (unsigned char)t[i];
    *k = 1;
    if (c == '"') return 3;
    /* two apostrophes for a double quote, as The New York Times' archive
     * and typewritten text write it: ''We agree,'' he said */
    if (c == '\'' && i + 1 < len && t[i + 1] == '\'') {
        *k = 2;
        return 3;
    }
    if (c == 0xE2 && i + 2 < len && (unsigned char)t[i + 1] == 0x80) {
        unsigned char d = (unsigned char)t[i + 2];
        *k = 3;
        if (d == 0x9C || d == 0x9E) return 1;   /* “ „ */
        if (d == 0x9D) return 2;                /* ” */
        *k = 1;
    }
    if (c == 0xC2 && i + 1 < len) {
        unsigned char d = (unsigned char)t[i + 1];
        if (d == 0xAB) { *k = 2; return 1; }    /* « */
        if (d == 0xBB) { *k = 2; return 2; }    /* » */
    }
    return 0;
}

enum { GAP_PARA = 1, GAP_SENT = 2, GAP_QUOTE = 4, GAP_PUNCT = 8 };

static bool ends_here(const qctx *c, size_t i)
{
    size_t j = i + 1;
    if (j >= c->len) return true;
    int k;
    char n = c->t[j];
    return n == ' ' || n == '\n' || n == '\t' || n == '\r' || mark_at(c->t, c->len, j, &k) != 0 ||
           n == ')' || (unsigned char)n == 0xE2;
}

/* What separates two tokens: the bytes [from, to). */
static int gap_kind(const qctx *c, size_t from, size_t to)
{
    int g = 0, k;
    for (size_t i = from; i < to && i < c->len; i += (size_t)k) {
        char ch = c->t[i];
        k = 1;
        if (ch == '\n') g |= GAP_PARA | GAP_SENT;
        else if (mark_at(c->t, c->len, i, &k)) g |= GAP_QUOTE;
        else if (ch == ',' || ch == ';' || ch == ':' || ch == '(' || ch == ')' || ch == '[' || ch == ']')
            g |= GAP_PUNCT;
        else if ((ch == '!' || ch == '?') && ends_here(c, i)) g |= GAP_SENT;
        else if (ch == '.' && ends_here(c, i) && !an_abbreviation(c->t, c->len, i)) g |= GAP_SENT;
        else if ((unsigned char)ch == 0xE2 && i + 2 < c->len && (unsigned char)c->t[i + 1] == 0x80 &&
                 ((unsigned char)c->t[i + 2] == 0x94 || (unsigned char)c->t[i + 2] == 0x93)) {
            g |= GAP_PUNCT;                     /* em and en dashes */
            k = 3;
        }
    }
    return g;
}

/* Gap before token i (from the previous token, or the text start). */
static int gap_before(const qctx *c, size_t i)
{
    return gap_kind(c, i ? c->tok[i - 1].end : 0, c->tok[i].start);
}

static bool word_is(const qctx *c, size_t i, const char *w)
{
    return i < c->ntok && an_word_is(c->t + c->tok[i].start, c->tok[i].end - c->tok[i].start, w);
}

/* Is token i one of the words of a NULL-terminated list? */
static bool word_among(const qctx *c, size_t i, const char *const *list)
{
    for (size_t k = 0; list[k]; k++)
        if (word_is(c, i, list[k])) return true;
    return false;
}

/* A word that opens a noun phrase: "the", "a", "his", "another", "one". */
static bool determiner(const qctx *c, size_t i)
{
    static const char *const det[] = {"the", "a", "an", "his", "her", "their", "its", "our", "my", "your",
                                      "this", "that", "these", "those", "some", "any", "no", "another", "one",
                                      NULL};
    return word_among(c, i, det);
}

/* The present tense of a speech verb whose past the table knows ("notes",
 * "asks", "argues", "stresses"), right after its subject: a name or a
 * pronoun ("Viguerie notes", "he asks"), never after a determiner (the
 * table leaves these forms out because "the notes" is a noun). */
static int present_verb(const qctx *c, size_t i)
{
    size_t n = c->tok[i].end - c->tok[i].start;
    const char *w = c->t + c->tok[i].start;
    if (n < 4 || n > 12 || w[n - 1] != 's' || i == 0 || w[0] < 'a' || w[0] > 'z') return AN_SV_NONE;
    if (gap_before(c, i) & (GAP_SENT | GAP_QUOTE | GAP_PUNCT | GAP_PARA)) return AN_SV_NONE;
    const char *p = c->t + c->tok[i - 1].start;
    size_t pn = c->tok[i - 1].end - c->tok[i - 1].start;
    bool subject = ((p[0] >= 'A' && p[0] <= 'Z') || an_pronoun(p, pn)) && !determiner(c, i - 1);
    if (!subject) return AN_SV_NONE;
    char past[16];
    int v = AN_SV_NONE;
    /* notes -> noted, asks -> asked, stresses -> stressed */
    if (w[n - 2] == 'e') {
        snprintf(past, sizeof past, "%.*sd", (int)(n - 1), w);
        v = an_speech_verb(past, n);
        if (!v && n > 4 && w[n - 3] == 's') {
            snprintf(past, sizeof past, "%.*sed", (int)(n - 2), w);
            v = an_speech_verb(past, n);
        }
    } else {
        snprintf(past, sizeof past, "%.*sed", (int)(n - 1), w);
        v = an_speech_verb(past, n + 1);
    }
    return v == AN_SV_ADDING || v == AN_SV_ACCORDING ? AN_SV_NONE : v;
}

/* The speech-verb class of token i. A capital inside a sentence makes it
 * part of a name ("the United States"), not a verb. */
static int verb_at(const qctx *c, size_t i)
{
    int v = an_speech_verb(c->t + c->tok[i].start, c->tok[i].end - c->tok[i].start);
    if (!v) v = present_verb(c, i);
    char first = c->t[c->tok[i].start];
    if (v && first >= 'A' && first <= 'Z' && i > 0 && !(gap_before(c, i) & (GAP_SENT | GAP_QUOTE))) return 0;
    if (v == AN_SV_ACCORDING && !word_is(c, i + 1, "to")) return AN_SV_NONE;
    return v;
}

static bool filler(const qctx *c, size_t i)
{
    return an_speech_filler(c->t + c->tok[i].start, c->tok[i].end - c->tok[i].start);
}

static bool starts_upper(const qctx *c, size_t pos);

/* A word that opens another clause; not "and" between two capitalised
 * words, which is part of a name or a title ("Fire and Rescue Commander
 * Lena Hoff told reporters", "Procter and Gamble said"). */
static bool clause_word(const qctx *c, size_t i)
{
    if (!an_clause_word(c->t + c->tok[i].start, c->tok[i].end - c->tok[i].start)) return false;
    return !(word_is(c, i, "and") && i > 0 && i + 1 < c->ntok && starts_upper(c, c->tok[i - 1].start) &&
             starts_upper(c, c->tok[i + 1].start) && !(gap_before(c, i) & (GAP_SENT | GAP_QUOTE | GAP_PUNCT)) &&
             !(gap_before(c, i + 1) & (GAP_SENT | GAP_QUOTE | GAP_PUNCT)));
}

/* Prepositions end an addressee ("told reporters before the talks") and an
 * inverted speaker ("said Wi during a briefing"). */
static bool preposition(const qctx *c, size_t i)
{
    static const char *const pre[] = {"in", "at", "on", "during", "after", "before", "with", "for",
        "from", "to", "about", "via", "by", "over", "following", "ahead", NULL};
    return word_among(c, i, pre);
}

/* First token starting at or after pos. */
static size_t tok_at(const qctx *c, size_t pos)
{
    size_t lo = 0, hi = c->ntok;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->tok[mid].start < pos) lo = mid + 1; else hi = mid;
    }
    return lo;
}

/* Index in dq of the accepted direct quote whose words hold byte pos, or -1. */
static ptrdiff_t direct_at(const qctx *c, size_t pos)
{
    size_t lo = 0, hi = c->ndq;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->dq[mid].end <= pos) lo = mid + 1; else hi = mid;
    }
    return lo < c->ndq && c->dq[lo].start <= pos && pos < c->dq[lo].end ? (ptrdiff_t)lo : -1;
}

static bool in_direct(const qctx *c, size_t pos)
{
    return direct_at(c, pos) >= 0;
}

/* Start (byte) of the sentence holding token i. A direct quote is one
 * piece of the sentence that frames it: the full stops inside
 * "“A. B,” she added" do not end that sentence, so the sentence before it
 * is the one before the opening mark. */
static size_t sentence_start(const qctx *c, size_t i)
{
    size_t j = i, steps = 0;
    while (j > 0 && j < c->ntok && steps++ < BACK_MAX) {
        ptrdiff_t q = direct_at(c, c->tok[j].start);
        if (q >= 0) {
            size_t first = tok_at(c, c->dq[q].start);
            if (first < j) { j = first; continue; }
        }
        if (gap_before(c, j) & GAP_SENT) break;
        j--;
    }
    return j < c->ntok ? c->tok[j].start : c->len;
}

/* ---- mentions --------------------------------------------------------- */

static const an_mention *mention(const qctx *c, size_t i)
{
    const an_mention *m = &c->nm->mentions[i];
    if (m->start >= m->end || m->end > c->len || m->actor < 0 || (size_t)m->actor >= c->nm->n_actors)
        return NULL;
    return m;
}

static bool is_person(const qctx *c, int32_t actor)
{
    return actor >= 0 && (size_t)actor < c->nm->n_actors && c->nm->actors[actor].type == AN_PERSON;
}

/* First mention starting at or after pos: mentions are in text order, so
 * the mentions of a stretch of text are found without going through all. */
static size_t mention_from(const qctx *c, size_t pos)
{
    size_t lo = 0, hi = c->nm->n_mentions;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->nm->mentions[mid].start < pos) lo = mid + 1; else hi = mid;
    }
    return lo;
}

static bool person_outside_quotes(const qctx *c, size_t i)
{
    const an_mention *m = mention(c, i);
    return m && m->type == AN_PERSON && !in_direct(c, m->start);
}

static bool ascii_letter(char ch) { return (ch | 32) >= 'a' && (ch | 32) <= 'z'; }

/* The sex a pronoun at pos gives its antecedent: "he" male, "she" female,
 * anything else none. */
static int pronoun_gender(const qctx *c, size_t pos)
{
    size_t e = pos;
    while (e < c->len && ascii_letter(c->t[e])) e++;
    if (an_word_is(c->t + pos, e - pos, "he")) return AN_SEX_MALE;
    if (an_word_is(c->t + pos, e - pos, "she")) return AN_SEX_FEMALE;
    return AN_SEX_NONE;
}

/* May actor a be the antecedent of a pronoun of sex g: nothing known of
 * either, or nothing against it (an_actor.sex)? */
static bool gender_fits(const qctx *c, int32_t a, int g)
{
    if (a < 0 || (size_t)a >= c->nm->n_actors || !g) return true;
    int h = c->nm->actors[a].sex;
    return h == AN_SEX_NONE || (h & g) != 0;
}

/* The person mentions outside direct quotes, once the direct quotes are
 * known, so that person_in need not go through every mention. */
static void index_mentions(qctx *c)
{
    size_t n = c->nm->n_mentions;
    c->prev_person = arena_alloc(c->a, (n + 1) * sizeof *c->prev_person);
    c->next_person = arena_alloc(c->a, (n + 1) * sizeof *c->next_person);
    c->mention_role = arena_alloc(c->a, (n + 1) * sizeof *c->mention_role);
    c->actor_roles = arena_alloc(c->a, (c->nm->n_actors + 1) * sizeof *c->actor_roles);
    uint32_t last = UINT32_MAX;
    for (size_t i = 0; i < n; i++) {
        if (person_outside_quotes(c, i)) last = (uint32_t)i;
        c->prev_person[i] = last;
    }
    c->next_person[n] = (uint32_t)n;
    for (size_t i = n; i-- > 0;) c->next_person[i] = person_outside_quotes(c, i) ? (uint32_t)i : c->next_person[i + 1];
}

/* Last (or first) person mention in [from, to) outside direct quotes
 * whose sex does not go against g (gender_fits). */
static int32_t person_fit(const qctx *c, size_t from, size_t to, bool last, int g)
{
    const an_mention *ms = c->nm->mentions;
    size_t n = c->nm->n_mentions;
    if (last) {
        size_t k = mention_from(c, to);   /* those before k start before to */
        uint32_t j = k ? c->prev_person[k - 1] : UINT32_MAX;
        while (j != UINT32_MAX && (ms[j].end > to || !gender_fits(c, ms[j].actor, g)))
            j = j && ms[j].start >= from ? c->prev_person[j - 1] : UINT32_MAX;
        return j != UINT32_MAX && ms[j].start >= from ? ms[j].actor : -1;
    }
    size_t j = c->next_person[mention_from(c, from)];
    while (j < n && ms[j].start < to && (ms[j].end > to || !gender_fits(c, ms[j].actor, g))) j = c->next_person[j + 1];
    return j < n && ms[j].start < to ? ms[j].actor : -1;
}

/* Last (or first) person mention in [from, to) outside direct quotes. */
static int32_t person_in(const qctx *c, size_t from, size_t to, bool last)
{
    return person_fit(c, from, to, last, AN_SEX_NONE);
}

static const an_role_set *mention_role(const qctx *c, size_t i)
{
    if (!c->mention_role[i]) {
        c->mention_role[i] = arena_alloc(c->a, sizeof **c->mention_role);
        const char *r = c->nm->mentions[i].role;
        an_role_set_of(r, strlen(r), c->mention_role[i]);
    }
    return c->mention_role[i];
}

static const an_role_set *actor_roles(const qctx *c, size_t a)
{
    const an_actor *x = &c->nm->actors[a];
    if (!c->actor_roles[a]) {
        c->actor_roles[a] = arena_alloc(c->a, (x->n_roles + 1) * sizeof **c->actor_roles);
        for (size_t r = 0; r < x->n_roles; r++)
            an_role_set_of(x->roles[r], strlen(x->roles[r]), &c->actor_roles[a][r]);
    }
    return c->actor_roles[a];
}

/* The actor whose role the phrase [from, to) names: the latest mention
 * before it (of the last ROLE_BACK with a role) with a matching role, else
 * any actor with such a role. */
static int32_t role_speaker(const qctx *c, size_t from, size_t to)
{
    an_role_set ph;
    an_role_set_of(c->t + from, to - from, &ph);
    if (!ph.n) return -1;
    size_t seen = 0;
    for (size_t i = mention_from(c, from); i-- > 0 && seen < ROLE_BACK;) {
        const an_mention *m = mention(c, i);
        if (!m || !m->role || m->end > from || in_direct(c, m->start)) continue;
        seen++;
        if (an_role_sets_match(&ph, mention_role(c, i))) return m->actor;
    }
    for (size_t a = 0; a < c->nm->n_actors; a++) {
        const an_role_set *rs = c->nm->actors[a].n_roles ? actor_roles(c, a) : NULL;
        for (size_t r = 0; r < c->nm->actors[a].n_roles; r++)
            if (an_role_sets_match(&ph, &rs[r])) return (int32_t)a;
    }
    return -1;
}

/* Line breaks in [from, to): how many paragraphs apart two points are. */
static int paragraphs_between(const qctx *c, size_t from, size_t to)
{
    int n = 0;
    for (size_t i = from; i < to && i < c->len; i++)
        if (c->t[i] == '\n' && (i == from || c->t[i - 1] != '\n')) n++;
    return n;
}

/* The speaker of the quote just before quote index before_quote, when it
 * ended before pos and at most one paragraph break away; else -1. */
static int32_t previous_speaker(const qctx *c, size_t pos, size_t before_quote)
{
    for (size_t i = before_quote, steps = 0; i-- > 0 && steps < 8; steps++) {
        const an_quote *q = &c->p[i].q;
        size_t qend = q->end > q->cue_end ? q->end : q->cue_end;
        if (q->speaker < 0 || qend > pos) continue;
        if (is_person(c, q->speaker) && paragraphs_between(c, qend, pos) <= 1) return q->speaker;
        break;
    }
    return -1;
}

/* he, she, they at pos, in this order: a person earlier in the same
 * sentence ("Pompeo said he ..."); else the first person of the previous
 * sentence, its subject in news prose ("Mattis praised the decision. He
 * said ..."), even when the quote before was someone else's; else the
 * speaker of the quote just before ("“...,” she added" after a paragraph
 * whose only names are in a cue); else the last person mentioned. Persons
 * inside direct quotes are never antecedents: they are the speaker's words;
 * nor, for "he" or "she", is a person the text gives the other sex
 * (gender_fits). who: the first rule always holds, the person just before
 * it. */
static int32_t resolve_pronoun(const qctx *c, size_t pos, size_t before_quote)
{
    int g = pronoun_gender(c, pos);
    size_t ti = tok_at(c, pos);
    size_t ss = sentence_start(c, ti < c->ntok ? ti : c->ntok - 1);
    if (ss > pos) ss = pos;
    int32_t a = person_fit(c, ss, pos, true, g);
    if (a >= 0) return a;
    size_t tj = tok_at(c, ss);
    if (tj > 0) {
        a = person_fit(c, sentence_start(c, tj - 1), ss, false, g);
        if (a >= 0) return a;
    }
    a = previous_speaker(c, pos, before_quote);
    if (a >= 0 && gender_fits(c, a, g)) return a;
    return person_fit(c, 0, pos, true, g);
}

/* The subject of the sentence holding verb v, when the words just before
 * the verb do not name it ("Pompeo, who ..., stressed"; "... but said"). */
static int32_t sentence_subject(const qctx *c, size_t v, size_t before_quote)
{
    size_t ss = sentence_start(c, v);
    int32_t a = person_in(c, ss, c->tok[v].start, false);
    if (a >= 0) return a;
    size_t first = tok_at(c, ss);
    if (first < v && an_pronoun(c->t + c->tok[first].start, c->tok[first].end - c->tok[first].start) == 1)
        return resolve_pronoun(c, c->tok[first].start, before_quote);
    /* a name that opens the sentence before an apposition: "The Fair
     * Accounts Alliance, a consumer group, said" */
    if (first < v && determiner(c, first)) first++;
    size_t i = first < v ? mention_from(c, c->tok[first].start) : c->nm->n_mentions;
    const an_mention *m = i < c->nm->n_mentions ? mention(c, i) : NULL;
    if (m && m->start == c->tok[first].start && m->end < c->tok[v].start && c->t[m->end] == ',')
        return m->actor;
    /* or before a verb of its own, the speech verb joined by "and": "Lumora
     * has signed out every user and says ..." (not "China's ...", nor "The
     * Republican nominee ...": the word after the name must be a verb) */
    if (m && m->start == c->tok[first].start && v > 0 && word_is(c, v - 1, "and")) {
        size_t k = tok_at(c, m->end);
        static const char *const aux[] = {"has", "have", "had", "is", "was", "were", "are", "will", "would",
                                          "also", NULL};
        if (k < v && c->tok[k].start == m->end + 1 && c->t[m->end] == ' ' && !starts_upper(c, c->tok[k].start) &&
            (word_among(c, k, aux) || (c->tok[k].end - c->tok[k].start > 3 && c->t[c->tok[k].end - 2] == 'e' &&
                                       c->t[c->tok[k].end - 1] == 'd')))
            return m->actor;
    }
    return -1;
}

/* Does a mention ending at end end at or before to? A name may end with
 * an abbreviation's period that the phrase's last word does not hold
 * ("The F.B.I. has said"). */
static bool ends_by(const qctx *c, size_t end, size_t to)
{
    return end <= to || (end == to + 1 && c->t[to] == '.');
}

/* The speaker a phrase of tokens [s, e) names: a person in it, a pronoun,
 * a role, or another actor heading it (an organisation or a country may
 * speak: "South Korea says"). An actor inside a role is no speaker: in "US
 * Secretary of State further said" the United States did not speak. */
static int32_t resolve_phrase(const qctx *c, size_t s, size_t e, size_t before_quote)
{
    size_t from = c->tok[s].start, to = c->tok[e - 1].end;
    size_t head = e;
    while (head > s && filler(c, head - 1)) head--;
    uint32_t head_end = head > s ? c->tok[head - 1].end : 0;
    int32_t person = -1, other = -1;
    for (size_t i = mention_from(c, from); i < c->nm->n_mentions && c->nm->mentions[i].start < to; i++) {
        const an_mention *m = mention(c, i);
        if (!m || !ends_by(c, m->end, to)) continue;
        if (m->type == AN_PERSON) {
            person = m->actor;
            continue;
        }
        /* a place after a preposition is where the speaker is, not the
         * speaker: "Cafe owners in Zurich said" */
        size_t t = tok_at(c, m->start);
        if (head_end && ends_by(c, m->end, head_end) && m->end >= head_end &&
            !(m->type == AN_PLACE && t > s && t < e && preposition(c, t - 1)))
            other = m->actor;
    }
    if (person >= 0) return person;
    for (size_t i = s; i < e; i++) {
        int p = an_pronoun(c->t + c->tok[i].start, c->tok[i].end - c->tok[i].start);
        if (p) return resolve_pronoun(c, c->tok[i].start, before_quote);
    }
    if (head > s) {
        int32_t r = role_speaker(c, c->tok[s].start, c->tok[head - 1].end);
        if (r >= 0) return r;
    }
    return other;
}

/* ---- speaker phrases around a verb ------------------------------------- */

/* Tokens before verb v that can name its subject, back to punctuation, a
 * quote mark, a sentence end or a word that opens a clause. */
static size_t phrase_before(const qctx *c, size_t v)
{
    size_t j = v;
    while (j > 0 && v - j < PHRASE_MAX) {
        if (gap_before(c, j) & (GAP_SENT | GAP_QUOTE | GAP_PUNCT)) break;
        if (clause_word(c, j - 1)) break;
        /* "Here is what security experts say": the speaker follows "what" */
        if (word_is(c, j - 1, "what")) break;
        j--;
    }
    return j;
}

/* Tokens after token s naming a speaker ("said Wi", "according to the
 * Yonhap News Agency"), up to punctuation or a preposition. */
static size_t phrase_after(const qctx *c, size_t s)
{
    size_t j = s;
    while (j < c->ntok && j - s < PHRASE_MAX / 2 + 2) {
        if (j > s && (gap_before(c, j) & (GAP_SENT | GAP_QUOTE | GAP_PUNCT))) break;
        if (clause_word(c, j) || (j > s && preposition(c, j))) break;
        j++;
    }
    return j;
}

/* End token (exclusive) of a verb's cue: "told reporters", "according to X". */
static size_t cue_end_tok(const qctx *c, size_t v, int cls)
{
    if (cls == AN_SV_ACCORDING) return phrase_after(c, v + 2);
    size_t j = v + 1;
    if (cls != AN_SV_TELL) return j;
    while (j < c->ntok && j - v <= 3 && !(gap_before(c, j) & (GAP_SENT | GAP_QUOTE | GAP_PUNCT)) &&
           !clause_word(c, j) && !preposition(c, j))
        j++;
    return j;
}

static void set_cue(const qctx *c, an_pending *p, size_t v, int cls)
{
    size_t first = p->how == HOW_PHRASE && p->ps < p->pe ? p->ps : v;
    size_t end = cue_end_tok(c, v, cls);
    if (p->how == HOW_INVERTED && p->pe > end) end = p->pe;
    p->verb = (uint32_t)v;
    p->q.cue_start = c->tok[first].start;
    p->q.cue_end = c->tok[end - 1].end;
}

/* Set the speaker phrase of p from speech verb v of class cls. */
static void speaker_from_verb(const qctx *c, an_pending *p, size_t v, int cls)
{
    if (cls == AN_SV_ACCORDING) {
        p->how = HOW_INVERTED;
        p->ps = (uint32_t)(v + 2);
        p->pe = (uint32_t)phrase_after(c, v + 2);
    } else if (cls == AN_SV_ADDING) {
        p->how = HOW_ADDING;
    } else if (phrase_before(c, v) == v && (v == 0 || (gap_before(c, v) & GAP_SENT)) && v + 1 < c->ntok &&
               !(gap_before(c, v + 1) & (GAP_SENT | GAP_QUOTE | GAP_PUNCT))) {
        /* the verb opens its sentence: "Said Ellis: ...", "Says Moreno, ..." */
        p->how = HOW_INVERTED;
        p->ps = (uint32_t)(v + 1);
        p->pe = (uint32_t)phrase_after(c, v + 1);
    } else {
        p->how = HOW_PHRASE;
        p->ps = (uint32_t)phrase_before(c, v);
        p->pe = (uint32_t)v;
    }
    set_cue(c, p, v, cls);
}

/* ---- direct quotes ---------------------------------------------------- */

static void push_marks(qctx *c, an_qmarks **v, size_t *n, size_t *cap, an_qmarks m)
{
    if (*n == *cap) {
        *cap = *cap ? *cap * 2 : 16;
        an_qmarks *nv = arena_alloc(c->a, *cap * sizeof *nv);
        if (*n) memcpy(nv, *v, *n * sizeof *nv);
        *v = nv;
    }
    (*v)[(*n)++] = m;
}

/* Trim the words of a quote: spaces, and the comma or colon that belongs
 * to the attribution ("...,” she said); a final . ? ! stays, it is the
 * speaker's. false if no word is left. */
static bool trim_words(const qctx *c, an_qmarks *m)
{
    size_t s = m->start, e = m->close;
    while (s < e && (c->t[s] == ' ' || c->t[s] == '\n' || c->t[s] == '\t' || c->t[s] == '\r')) s++;
    while (e > s && strchr(" \n\t\r,;:", c->t[e - 1])) e--;
    size_t pos = s;
    an_token k;
    if (!an_next_token(c->t, e, &pos, &k)) return false;
    m->start = (uint32_t)s;
    m->end = (uint32_t)e;
    return true;
}

/* An opening mark where a closing one belongs, as typed by mistake ("he
 * asked, “Why not?“ and left"): right after a word or its punctuation, and
 * before a blank, the end or punctuation. An opening mark inside a quote
 * otherwise starts the next one (the first was never closed). */
static bool closes_as_typed(const qctx *c, size_t i, size_t k)
{
    if (i == 0 || strchr(" \n\t\r", c->t[i - 1])) return false;
    size_t j = i + k;
    return j >= c->len || strchr(" \n\t\r,.;:!?)", c->t[j]);
}

/* Pair quote marks paragraph by paragraph. A paragraph that leaves a quote
 * open continues it when the next paragraph opens with a quote mark (the
 * news convention for a quote over several paragraphs); otherwise the open
 * mark was stray and is dropped. */
static size_t pair_marks(qctx *c, an_qmarks **out)
{
    an_qmarks *v = NULL;
    size_t n = 0, cap = 0, i = 0, op = 0, os = 0;
    bool open = false;
    int k;
    while (i < c->len) {
        if (c->t[i] == '\n') {
            size_t j = i;
            while (j < c->len && strchr("\n \t\r", c->t[j]) && c->t[j]) j++;
            int m = j < c->len ? mark_at(c->t, c->len, j, &k) : 0;
            if (open && (m == 1 || m == 3)) { i = j + (size_t)k; continue; }
            open = false;
            i = j;
            continue;
        }
        int m = mark_at(c->t, c->len, i, &k);
        if (m == 1 && open && closes_as_typed(c, i, (size_t)k)) m = 2;
        if (m == 1 || (m == 3 && !open)) {
            open = true;
            op = i;
            os = i + (size_t)k;
        } else if (m && open) {
            an_qmarks q = {(uint32_t)op, (uint32_t)os, 0, (uint32_t)i, (uint32_t)(i + (size_t)k)};
            if (trim_words(c, &q)) push_marks(c, &v, &n, &cap, q);
            open = false;
        }
        i += (size_t)k;
    }
    *out = v;
    return n;
}

static bool starts_upper(const qctx *c, size_t pos)
{
    int k;
    return u8_is_upper(u8_decode(c->t + pos, c->len - pos, &k));
}

/* Cue p by verb v of class cls, its speaker phrase tokens [ps, pe). */
static void take_cue(const qctx *c, an_pending *p, int how, size_t ps, size_t pe, size_t v, int cls)
{
    p->how = how;
    p->ps = (uint32_t)ps;
    p->pe = (uint32_t)pe;
    set_cue(c, p, v, cls);
    p->strong = true;
}

/* Is what separates token j from the one before it a comma and spaces,
 * maybe after the period of an abbreviation or a closing bracket
 * ("McConnell, R-Ky., said", "Jordan (R-Ohio), a member, said")? */
static bool comma_before(const qctx *c, size_t j)
{
    int commas = 0;
    for (size_t b = c->tok[j - 1].end; b < c->tok[j].start; b++) {
        if (c->t[b] == ',') commas++;
        else if (c->t[b] != ' ' && ((c->t[b] != '.' && c->t[b] != ')') || commas)) return false;
    }
    return commas == 1;
}

/* Tokens an apposition may run between a speaker's name and the verb. */
#define APPOSITION_MAX 16

/* A speaker set apart from the verb by an apposition or a relative clause
 * after a quote: "...," John Smith, a spokesman for the company, said /
 * Cruz, who has proposed repealing it, said. The name is tokens [i, j), j
 * follows a comma; the verb must follow the next comma that closes the
 * insertion, within APPOSITION_MAX tokens and the sentence. */
static bool apposition_cue(const qctx *c, size_t i, size_t j, an_pending *p)
{
    if (!comma_before(c, j)) return false;
    /* the role first, then the name: "...," the White House spokesman, Josh
     * Earnest, said: the phrase is both, the name resolves it */
    bool role_first = determiner(c, i);
    if (!starts_upper(c, c->tok[i].start) && !role_first) return false;
    for (size_t k = j + 1; k < c->ntok && k - j <= APPOSITION_MAX; k++) {
        int g = gap_before(c, k);
        if (g & (GAP_SENT | GAP_QUOTE)) return false;
        /* "...," another friend, Mariam Emara told CNN: the name, then the verb */
        if (role_first && !(g & GAP_PUNCT) && !starts_upper(c, c->tok[k].start)) {
            int cls = verb_at(c, k);
            if (!cls || cls == AN_SV_ADDING || cls == AN_SV_ACCORDING) return false;
            take_cue(c, p, HOW_PHRASE, i, k, k, cls);
            return true;
        }
        if (!(g & GAP_PUNCT)) continue;
        if (!comma_before(c, k)) return false;
        int cls = verb_at(c, k);
        if (!cls || cls == AN_SV_ADDING || cls == AN_SV_ACCORDING) continue;
        take_cue(c, p, HOW_PHRASE, i, role_first ? k : j, k, cls);
        return true;
    }
    return false;
}

/* A verb no table lists closing the words after a quote: "...," Bolton
 * charged. / "...!" beamed Hartley. A lower-case word of the past tense
 * (-ed) whose clause ends right after it (or, inverted, right after the
 * capitalised name that follows it): in that place news writing puts
 * nothing but the one who spoke and how. */
static bool past_verb(const qctx *c, size_t i)
{
    size_t n = c->tok[i].end - c->tok[i].start;
    const char *w = c->t + c->tok[i].start;
    if (n >= 4 && n <= 14 && w[0] >= 'a' && w[0] <= 'z' && w[n - 2] == 'e' && w[n - 1] == 'd') return true;
    /* the irregular past of a retort: "shot back" */
    return word_is(c, i, "shot") && word_is(c, i + 1, "back");
}

static bool clause_ends_before(const qctx *c, size_t j)
{
    return j >= c->ntok || (gap_before(c, j) & (GAP_SENT | GAP_PUNCT | GAP_QUOTE | GAP_PARA));
}

/* The particle of a phrasal verb of speech at token j ("pointed out",
 * "shot back", "spoke up"): 1 if there is one, else 0. */
static size_t particle(const qctx *c, size_t j)
{
    static const char *const w[] = {"out", "back", "up", NULL};
    if (j >= c->ntok || (gap_before(c, j) & (GAP_SENT | GAP_PUNCT | GAP_QUOTE | GAP_PARA))) return 0;
    return word_among(c, j, w) ? 1 : 0;
}

/* Does the clause end at token k, or after a short phrase of when or where
 * ("..." Toomey fumed on Tuesday. / "..." she quipped in an interview.)? */
#define AFTER_VERB_MAX 4
static bool verb_then_end(const qctx *c, size_t k)
{
    if (clause_ends_before(c, k)) return true;
    if (!preposition(c, k)) return false;
    for (size_t e = k + 1; e <= c->ntok && e - k <= AFTER_VERB_MAX; e++)
        if (clause_ends_before(c, e)) return true;
    return false;
}

/* A short bracket after a speaker's name, "(D-Ore.)", "(R)", "(pictured)":
 * if token j opens one, the token after its closing bracket, else j. */
#define BRACKET_MAX 24
static size_t skip_bracket(const qctx *c, size_t j)
{
    size_t b = c->tok[j - 1].end;
    while (b < c->tok[j].start && c->t[b] == ' ') b++;
    if (b + 1 != c->tok[j].start || c->t[b] != '(') return j;
    for (size_t e = c->tok[j].start; e < c->len && e - b <= BRACKET_MAX; e++) {
        if (c->t[e] == '(' || c->t[e] == '\n' || c->t[e] == '"') return j;
        if (c->t[e] != ')') continue;
        size_t k = j;
        while (k < c->ntok && c->tok[k].start < e) k++;
        return k;
    }
    return j;
}

/* A cue after the closing mark: "..." she added / Trump told / said Wi /
 * Rep. Earl Blumenauer (D-Ore.) said / as Cruz said. */
static bool cue_after(const qctx *c, const an_qmarks *m, an_pending *p)
{
    /* a full stop right before the closing mark: a new sentence follows;
     * not the period of an abbreviation before a comma ("in the U.S.,") */
    size_t e = m->close;
    while (e > m->start && c->t[e - 1] == ' ') e--;
    if (e > m->start && c->t[e - 1] == '.') return false;
    size_t i = tok_at(c, m->close_end);
    if (i >= c->ntok || (gap_kind(c, m->close_end, c->tok[i].start) & (GAP_SENT | GAP_QUOTE))) return false;
    /* "...," as Cruz said on Monday / as he put it: the speaker after "as" */
    if (word_is(c, i, "as") && i + 1 < c->ntok && !(gap_before(c, i + 1) & (GAP_SENT | GAP_QUOTE | GAP_PUNCT)) &&
        (starts_upper(c, c->tok[i + 1].start) ||
         an_pronoun(c->t + c->tok[i + 1].start, c->tok[i + 1].end - c->tok[i + 1].start)))
        i++;
    for (size_t j = i; j < c->ntok && j - i < PHRASE_MAX; j++) {
        size_t after = j > i ? skip_bracket(c, j) : j;
        if (after > j) {
            j = after;
            if (j >= c->ntok || gap_before(c, j) & GAP_QUOTE) return false;
            if (comma_before(c, j)) return apposition_cue(c, i, j, p);   /* "(R-Ohio), a member, said" */
        } else if (j > i && (gap_before(c, j) & (GAP_SENT | GAP_QUOTE | GAP_PUNCT))) {
            return apposition_cue(c, i, j, p);
        }
        int cls = verb_at(c, j);
        if (!cls && past_verb(c, j)) {
            if (j > i && starts_upper(c, c->tok[i].start) && verb_then_end(c, j + 1 + particle(c, j + 1)))
                cls = AN_SV_THAT;
            size_t k = j + 1;
            while (j == i && k < c->ntok && k - j <= 4 && starts_upper(c, c->tok[k].start) &&
                   !(gap_before(c, k) & (GAP_SENT | GAP_PUNCT | GAP_QUOTE)))
                k++;
            if (j == i && k > j + 1 && clause_ends_before(c, k)) cls = AN_SV_THAT;
        }
        /* "...," Braynard is quoted as saying / was quoted as telling */
        if (j > i && word_is(c, j, "quoted") && word_is(c, j + 1, "as") && j + 2 < c->ntok &&
            verb_at(c, j + 2) == AN_SV_ADDING) {
            take_cue(c, p, HOW_PHRASE, i, j, j + 2, AN_SV_SAY);
            return true;
        }
        if (cls == AN_SV_ADDING) return false;
        if (cls == AN_SV_ACCORDING || (cls && j == i)) {
            size_t ps = cls == AN_SV_ACCORDING ? j + 2 : j + 1;
            take_cue(c, p, HOW_INVERTED, ps, phrase_after(c, ps), j, cls);
            return true;
        }
        if (cls) {
            take_cue(c, p, HOW_PHRASE, i, j, j, cls);
            return true;
        }
        if (clause_word(c, j)) return false;
    }
    return false;
}

/* Cue p by the speaker phrase [ps, pe) alone, with no speech verb (a
 * colon or a dash marks the quote as theirs); true. */
static bool verbless_cue(const qctx *c, an_pending *p, size_t ps, size_t pe)
{
    p->how = HOW_PHRASE;
    p->ps = (uint32_t)ps;
    p->pe = (uint32_t)pe;
    p->verb = (uint32_t)(pe - 1);
    p->q.cue_start = c->tok[ps].start;
    p->q.cue_end = c->tok[pe - 1].end;
    p->strong = true;
    return true;
}

/* A quote a colon introduces after a short clause, whatever its verb:
 * "Cruz continued: "..."", "Jo Potts, 17, echoed: "..."", "He wrote:
 * "..."", also when the quote opens the next paragraph. The clause is the
 * speaker phrase; resolve finds the person in it, or its pronoun. */
static bool colon_cue(const qctx *c, const an_qmarks *m, an_pending *p)
{
    size_t i = tok_at(c, m->open);
    if (i == 0 || i > c->ntok) return false;
    int colons = 0;
    for (size_t x = c->tok[i - 1].end; x < m->open; x++) {
        if (c->t[x] == ':') colons++;
        else if (c->t[x] != ' ' && c->t[x] != '\n') return false;   /* "said:" then the quote's paragraph */
    }
    if (colons != 1) return false;
    size_t ss = tok_at(c, sentence_start(c, i - 1));
    if (ss >= i || i - ss > APPOSITION_MAX) return false;
    return verbless_cue(c, p, ss, i);
}

/* Tokens after a quote's closing mark within which its sentence may end
 * with the attribution. */
#define TAIL_MAX 24

/* Does the sentence end at token k, or after an apposition that runs to
 * its end from a comma at k (", said Geert Wilders, founder of the
 * Party for Freedom.")? */
static bool sentence_ends_at(const qctx *c, size_t k)
{
    if (k >= c->ntok || (gap_before(c, k) & (GAP_SENT | GAP_QUOTE))) return true;
    if (!comma_before(c, k)) return false;
    for (size_t e = k + 1; e <= c->ntok && e - k <= APPOSITION_MAX; e++) {
        if (e == c->ntok) return true;
        int g = gap_before(c, e);
        if (g & GAP_SENT) return true;   /* before a quote that opens the next sentence too */
        if (g & GAP_QUOTE) return false;
        if (verb_at(c, e)) return false;
    }
    return false;
}

/* A quote inside a sentence whose end names the speaker: ''I admire the
 * mechanics'' of the plan, Mr. Holtz-Eakin said. After a comma, a
 * capitalised phrase and a speech verb that ends the sentence (or "said
 * X" that does, X maybe followed by an apposition; or "X, a role, said"). */
static bool tail_cue(const qctx *c, const an_qmarks *m, an_pending *p)
{
    size_t i = tok_at(c, m->close_end);
    if (i >= c->ntok || (gap_kind(c, m->close_end, c->tok[i].start) & (GAP_SENT | GAP_QUOTE))) return false;
    for (size_t j = i + 1; j < c->ntok && j - i < TAIL_MAX; j++) {
        int g = gap_before(c, j);
        if (g & (GAP_SENT | GAP_QUOTE)) return false;
        if (!(g & GAP_PUNCT) || !comma_before(c, j)) continue;
        int cls = verb_at(c, j);
        if (cls && cls != AN_SV_ADDING && cls != AN_SV_ACCORDING) {   /* ", said Mr. X." */
            size_t pe = phrase_after(c, j + 1);
            if (pe > j + 1 && starts_upper(c, c->tok[j + 1].start) && clause_ends_before(c, pe) &&
                sentence_ends_at(c, pe)) {
                take_cue(c, p, HOW_INVERTED, j + 1, pe, j, cls);
                return true;
            }
            continue;
        }
        if (!starts_upper(c, c->tok[j].start)) continue;
        for (size_t v = j + 1; v < c->ntok && v - j <= PHRASE_MAX / 2; v++) {
            if (gap_before(c, v) & GAP_PUNCT && !(gap_before(c, v) & (GAP_SENT | GAP_QUOTE))) {
                an_pending a = *p;
                if (apposition_cue(c, j, v, &a) && sentence_ends_at(c, cue_end_tok(c, a.verb, verb_at(c, a.verb)))) {
                    *p = a;
                    return true;
                }
            }
            if (gap_before(c, v) & (GAP_SENT | GAP_QUOTE | GAP_PUNCT)) break;
            cls = verb_at(c, v);
            if (!cls) continue;
            if (cls == AN_SV_ADDING || cls == AN_SV_ACCORDING ||
                (v + 1 < c->ntok && !(gap_before(c, v + 1) & (GAP_SENT | GAP_QUOTE))))
                break;
            take_cue(c, p, HOW_PHRASE, j, v, v, cls);
            return true;
        }
    }
    return false;
}

/* Length of the dash at byte x that signs a quote: a horizontal bar, an em
 * or en dash, or one or two hyphens; 0 if none. */
static size_t signing_dash(const qctx *c, size_t x)
{
    const unsigned char *u = (const unsigned char *)c->t + x;
    if (x + 3 <= c->len && u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0x93 || u[2] == 0x94 || u[2] == 0x95)) return 3;
    if (x < c->len && u[0] == '-') return x + 1 < c->len && u[1] == '-' ? 2 : 1;
    return 0;
}

/* Tokens of a name that signs a quote. */
#define SIGNATURE_MAX 5

/* A quote signed by its speaker after a dash, as under a letter, a
 * testimonial or an epigraph: "..." ― Pamela Padilla / "..." — J. Smith.
 * The signature is capitalised words that end their sentence or
 * paragraph (or meet the next quote) and name a person. */
static bool dash_cue(const qctx *c, const an_qmarks *m, an_pending *p)
{
    size_t x = m->close_end;
    int breaks = 0;   /* the signature may stand on the next line */
    while (x < c->len && (c->t[x] == ' ' || (c->t[x] == '\n' && ++breaks <= 2))) x++;
    size_t dl = signing_dash(c, x);
    if (!dl || x + dl >= c->len || (dl < 3 && c->t[x + dl] != ' ')) return false;   /* "―Name", not "-Name" */
    size_t i = tok_at(c, x + dl);
    if (i >= c->ntok) return false;
    for (size_t b = x + dl; b < c->tok[i].start; b++)
        if (c->t[b] != ' ') return false;
    size_t k = i;
    while (k < c->ntok && k - i < SIGNATURE_MAX) {
        if (k > i && (gap_before(c, k) & (GAP_SENT | GAP_PUNCT | GAP_QUOTE))) break;
        if (!starts_upper(c, c->tok[k].start)) return false;
        k++;
    }
    if (!clause_ends_before(c, k)) return false;
    bool person = false;   /* the mentions' index is built once the direct quotes are known */
    for (size_t j = mention_from(c, c->tok[i].start); j < c->nm->n_mentions && !person; j++) {
        const an_mention *mn = mention(c, j);
        if (c->nm->mentions[j].start >= c->tok[k - 1].end) break;
        person = mn && mn->type == AN_PERSON && mn->end <= c->tok[k - 1].end;
    }
    if (!person) return false;
    return verbless_cue(c, p, i, k);
}

/* Verbs that name what someone or something is, and the forms of "be"
 * that make them passive. */
static const char *const naming[] = {"called", "calls", "calling", "dubbed", "branded", "labeled", "labelled",
                                     "labeling", "labelling", "described", "describes", "describing", NULL};
static const char *const be_forms[] = {"is", "was", "are", "were", "be", "been", "being", NULL};

/* A verb that names what someone is, with its object between it and the
 * quote: "Bush called Trump "unhinged"", "described the plan as "a
 * fraud"": the words are the speaker's. Not a thing's name right after
 * the verb ("a group called "Friends of ...""; "so-called" is one word,
 * no verb), nor a passive ("what is called a "debate""; "many are
 * calling it an "instant classic"" is active). */
static bool names_object(const qctx *c, size_t v, size_t quote_tok)
{
    if (quote_tok < v + 2 || !word_among(c, v, naming)) return false;
    size_t n = c->tok[v].end - c->tok[v].start;
    bool participle = n > 2 && c->t[c->tok[v].end - 2] == 'e' && c->t[c->tok[v].end - 1] == 'd';
    return !(participle && v > 0 && word_among(c, v - 1, be_forms));
}

/* The first token of the subject of naming verb v whose object went before
 * it ("what Gilbert called", "which Trump had called"), or v if there is
 * none; not a passive ("what is called"), which names no speaker. */
static size_t moved_object_subject(const qctx *c, size_t v)
{
    static const char *const moved[] = {"what", "which", NULL};
    if (v == 0 || word_among(c, v - 1, be_forms)) return v;
    for (size_t j = v; j-- > 0 && v - j <= 4;) {
        if (gap_before(c, j + 1) & (GAP_SENT | GAP_QUOTE | GAP_PUNCT)) return v;
        if (word_among(c, j, moved)) return j + 1;
    }
    return v;
}

/* A speech verb right before the opening mark, the quote its object:
 * "chanting "no contract, no peace"", "saying "we will win"". Not a
 * naming verb, whose object there is a thing's name ("a group called
 * "Friends of ...""), unless its own object went before its subject. */
static bool voices(const qctx *c, size_t v, size_t quote_tok)
{
    if (quote_tok != v + 1) return false;
    return !word_among(c, v, naming) || moved_object_subject(c, v) < v;
}

/* A verb that judges someone for what they said, the quote after its
 * object and "for", "of" or "as": "accused Sanders of a "flip-flop"",
 * "praised the plan as "bold"", "chided Trump for "lies"". Not a speech
 * verb of the tables (it reports no clause), and only so. */
static bool judges(const qctx *c, size_t v, size_t quote_tok)
{
    static const char *const judging[] = {"accused", "accuses", "accusing", "criticized", "criticised", "criticizes",
                                          "criticising", "criticizing", "chided", "slammed", "praised", "praises",
                                          "praising", "decried", "mocked", "mocking", "blasted", "blasting",
                                          "blamed", "faulted", "lambasted", "ridiculed", "hailed", "condemned",
                                          "denounced", "thanked", NULL};
    static const char *const link[] = {"for", "of", "as", NULL};
    if (quote_tok < v + 3 || !word_among(c, v, judging)) return false;   /* cue_before: 8 tokens at most */
    for (size_t k = v + 2; k < quote_tok; k++)
        if (word_among(c, k, link)) return true;
    return false;
}

/* "that" among tokens [from, to): the verb before from reports a clause
 * the quote at to is part of ("told Kelly that people who are bullied
 * "gotta get over it""). */
static bool that_between(const qctx *c, size_t from, size_t to)
{
    for (size_t k = from; k < to; k++)
        if (word_is(c, k, "that")) return true;
    return false;
}

/* A cue before the opening mark in the same sentence: X said, "..." /
 * X said: "..." / X said it would "be a process". The verb must be close to
 * the mark or introduce it with a comma or colon. */
static bool cue_before(const qctx *c, const an_qmarks *m, an_pending *p)
{
    size_t i = tok_at(c, m->open);
    if (i == 0 || i > c->ntok) return false;
    int last_gap = gap_kind(c, c->tok[i - 1].end, m->open);
    if (last_gap & (GAP_SENT | GAP_QUOTE)) return false;
    bool introduced = (last_gap & GAP_PUNCT) != 0;
    /* a verb no table lists right before ", "" or ": "": Stevens reported,
     * "..." / Clinton shot back, "..." (past_verb's reasoning, before) */
    size_t pv = i >= 2 && particle(c, i - 1) ? i - 2 : i - 1;
    bool untabled = introduced && past_verb(c, pv) && !verb_at(c, pv) && pv > 0 &&
                    !(gap_before(c, pv) & (GAP_SENT | GAP_QUOTE | GAP_PUNCT)) && starts_upper(c, c->tok[pv - 1].start);
    /* "chants of "Ted! Ted!"", "cries of "shame"": the words of the
     * clause's subject, as after "chanting" */
    static const char *const outcries[] = {"chant", "chants", "cry", "cries", "shout", "shouts", "chorus", NULL};
    if (i >= 2 && word_is(c, i - 1, "of") && word_among(c, i - 2, outcries) &&
        !(gap_before(c, i - 1) & (GAP_SENT | GAP_QUOTE | GAP_PUNCT))) {
        speaker_from_verb(c, p, i - 2, AN_SV_ADDING);
        p->strong = true;
        return true;
    }
    for (size_t j = i; j > 0 && i - j < CUE_REACH; j--) {
        if (j < i && (gap_before(c, j) & (GAP_SENT | GAP_QUOTE))) return false;
        int cls = untabled && j - 1 == pv ? AN_SV_THAT : verb_at(c, j - 1);
        bool judged = !cls && judges(c, j - 1, i);
        if (judged) cls = AN_SV_THAT;
        if (!cls) continue;
        /* the cue of the quote before ("A," said Leamer, an economist, "B."):
         * this one runs on from it (follows) */
        if (c->cue_verb[j - 1]) return false;
        if (!introduced && i - j > 8) return false;
        speaker_from_verb(c, p, j - 1, cls);
        /* "stressed the need for a "flexible change"" names a phrase; "said
         * it was "unacceptable"" and "joked that he was ..." report speech. */
        p->strong = introduced || cls == AN_SV_SAY || cls == AN_SV_ACCORDING || that_between(c, j, i) ||
                    names_object(c, j - 1, i) || voices(c, j - 1, i) || judged;
        /* "what Gilbert called "..."": the speaker is the subject alone */
        size_t subject = word_among(c, j - 1, naming) ? moved_object_subject(c, j - 1) : j - 1;
        if (p->how == HOW_PHRASE && subject < j - 1 && p->ps < subject) {
            p->ps = (uint32_t)subject;
            set_cue(c, p, j - 1, cls);
        }
        return true;
    }
    return false;
}

/* Is a quote without a cue speech? A full clause: five words or more that
 * are not a title ("Victory in the Fatherland Liberation War"), or a
 * sentence of its own ("We agree."). One to four words inside a sentence
 * are scare quotes ("provocative"). */
static bool full_clause(const qctx *c, const an_qmarks *m)
{
    size_t words = 0, caps = 0, pos = m->start;
    an_token k;
    while (pos < m->end && an_next_token(c->t, m->end, &pos, &k)) {
        words++;
        if (starts_upper(c, k.start)) caps++;
    }
    char last = c->t[m->end - 1];
    if (words >= 5) return !(words <= 12 && caps * 3 >= words * 2);
    return (last == '.' || last == '?' || last == '!') && starts_upper(c, m->start);
}

/* Is the text of quote m cased as a title: at most max words, the first
 * capitalised and two thirds of the words counted capitalised? With
 * small, the short words a title leaves in lower case ("the", "of",
 * "is") are not counted. */
static bool titled(const qctx *c, const an_qmarks *m, size_t max, bool small)
{
    static const char *const low[] = {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for",
                                      "with", "is", "are", "from", "by", NULL};
    size_t words = 0, counted = 0, caps = 0, pos = m->start;
    an_token k;
    while (pos < m->end && an_next_token(c->t, m->end, &pos, &k)) {
        if (++words > max) return false;
        bool up = starts_upper(c, k.start);
        if (!up && small && words > 1) {
            bool skip = false;
            for (size_t w = 0; low[w] && !skip; w++) skip = an_word_is(c->t + k.start, k.end - k.start, low[w]);
            if (skip) continue;
        }
        counted++;
        if (up) caps++;
    }
    return caps * 3 >= counted * 2;
}

/* Is quote m (its first token after the mark is j) set off as the name of
 * a work by a common noun: "the TLC reality show “Cake Boss.”", "her
 * film, “Trainwreck.”", or a noun after it: "“Scandal” star Kerry
 * Washington"? */
static bool work_named(const qctx *c, const an_qmarks *m, size_t j)
{
    static const char *const before[] = {"show", "film", "movie", "series", "miniseries", "podcast", "book",
        "novel", "memoir", "song", "album", "program", "programme", "play", "musical", "sitcom", "documentary",
        "drama", "opera", "episode", NULL};
    static const char *const after[] = {"star", "stars", "actor", "actress", "host", "creator", "author",
                                        "director", "episode", NULL};
    size_t b = j - 1;
    if (!starts_upper(c, c->tok[b].start) && word_among(c, b, before)) {
        size_t from = c->tok[b].end;
        if (from < m->open && c->t[from] == ',') from++;
        while (from < m->open && c->t[from] == ' ') from++;
        if (from == m->open) return true;
    }
    size_t a = tok_at(c, m->close_end);
    if (a >= c->ntok || starts_upper(c, c->tok[a].start) || !word_among(c, a, after)) return false;
    for (size_t i = m->close_end; i < c->tok[a].start; i++)
        if (c->t[i] != ' ') return false;
    return true;
}

/* Is the quote m the title of a work or the name of something, not
 * speech: one to four words, most capitalised, the first too, right after
 * a capitalised possessive, the name of whoever made or airs it ("said on
 * NBC's “Meet the Press.”", "CNN's “New Day”"), or right after a
 * preposition ("in an interview on “Fox News Sunday.”", "her turn in
 * “The Revenant.”")? Such a title is not speech even with a verb before
 * it. Not after "of": "chants of “Ted! Ted!”" are words shouted. */
static bool work_title(const qctx *c, const an_qmarks *m)
{
    size_t j = tok_at(c, m->open);
    if (j == 0 || !starts_upper(c, m->start)) return false;
    if (work_named(c, m, j)) return titled(c, m, 6, true);
    const an_token *o = &c->tok[j - 1];
    for (size_t b = o->end; b < m->open; b++)
        if (c->t[b] != ' ') return false;
    if (!(starts_upper(c, o->start) && an_possessive(c->t, o->start, o->end)) && !preposition(c, j - 1)) return false;
    return titled(c, m, 4, false);
}

/* Does the quote m directly follow prev: within a paragraph and a sentence
 * of it, with no other person named in between? */
static bool follows(const qctx *c, const an_pending *prev, const an_qmarks *m)
{
    size_t from = prev->m.close_end;
    if (paragraphs_between(c, from, m->open) > 1) return false;
    int sents = 0;
    for (size_t j = tok_at(c, from); j < c->ntok && c->tok[j].start < m->open; j++) {
        if (gap_before(c, j) & GAP_SENT) sents++;
        if (sents > 1 || j - tok_at(c, from) > 30) return false;
    }
    /* people named in the sentence that attributes prev, after its quote
     * ("..., said Griffin, an Obama backer.", "Kunin said of Sanders.")
     * are what it is about, not new speakers */
    size_t cue_sentence_end = 0;
    if (prev->how != HOW_NONE && prev->q.cue_start >= prev->m.close_end) {
        size_t j = tok_at(c, prev->q.cue_end);
        while (j < c->ntok && c->tok[j].start < m->open && !(gap_before(c, j) & GAP_SENT)) j++;
        cue_sentence_end = j < c->ntok ? c->tok[j].start : c->len;
    }
    for (size_t i = mention_from(c, from); i < c->nm->n_mentions && c->nm->mentions[i].start < m->open; i++) {
        const an_mention *mm = mention(c, i);
        if (mm && mm->type == AN_PERSON && mm->end <= m->open && mm->start >= cue_sentence_end &&
            (prev->how == HOW_NONE || mm->start < prev->q.cue_start || mm->end > prev->q.cue_end))
            return false;
    }
    return true;
}

/* Does quote m go on from prev past prev's cue and one comma: "A," she
 * said, "but B." (a run-on's second half, however short)? */
static bool cue_then_comma(const qctx *c, const an_pending *prev, const an_qmarks *m)
{
    if (prev->how == HOW_NONE || prev->how == HOW_CONTINUE || prev->q.cue_start < prev->m.close_end ||
        prev->q.cue_end > m->open)
        return false;
    int commas = 0;
    for (size_t x = prev->q.cue_end; x < m->open; x++) {
        if (c->t[x] == ',') commas++;
        else if (c->t[x] != ' ') return false;
    }
    return commas == 1;
}

static an_pending *push_pending(qctx *c)
{
    if (c->np == c->capp) {
        c->capp = c->capp ? c->capp * 2 : 16;
        an_pending *nv = arena_alloc(c->a, c->capp * sizeof *nv);
        if (c->np) memcpy(nv, c->p, c->np * sizeof *nv);
        c->p = nv;
    }
    an_pending *p = &c->p[c->np++];
    memset(p, 0, sizeof *p);
    p->q.speaker = -1;
    return p;
}

static void find_direct(qctx *c)
{
    an_qmarks *all;
    size_t n = pair_marks(c, &all);
    c->dq = arena_alloc(c->a, (n ? n : 1) * sizeof *c->dq);
    an_pending *prev = NULL;
    for (size_t i = 0; i < n; i++) {
        an_pending p = {.q = {.start = all[i].start, .end = all[i].end, .kind = AN_DIRECT, .speaker = -1},
                        .m = all[i]};
        /* a value of markup left in the text (<tweet author="...">) */
        if (all[i].open > 0 && c->t[all[i].open - 1] == '=') continue;
        if (work_title(c, &all[i])) continue;
        bool cued = cue_after(c, &all[i], &p) || dash_cue(c, &all[i], &p) || cue_before(c, &all[i], &p) ||
                    colon_cue(c, &all[i], &p) || tail_cue(c, &all[i], &p);
        bool second_half = !cued && prev && cue_then_comma(c, prev, &all[i]);
        if (!(cued && p.strong) && !full_clause(c, &all[i]) && !second_half) continue;
        if (!cued && prev && (second_half || follows(c, prev, &all[i]))) p.how = HOW_CONTINUE;
        /* A verb after the quote reports only the quote; one before it may
         * report a clause holding a partial quote (said it would "be ..."),
         * unless the speaker follows it ("Said Ellis: ..."). */
        if (cued && (p.q.cue_start >= all[i].close_end || p.how == HOW_INVERTED)) c->cue_verb[p.verb] = true;
        an_pending *slot = push_pending(c);
        *slot = p;
        prev = slot;
        c->dq[c->ndq++] = all[i];
    }
}

/* ---- indirect speech ---------------------------------------------------- */

/* First token of the clause reported by verb v, or ntok if none. */
static size_t clause_start(const qctx *c, size_t v, int cls)
{
    size_t k = v + 1;
    if (k >= c->ntok) return c->ntok;
    int g = gap_before(c, k);
    if (g & (GAP_SENT | GAP_QUOTE)) return c->ntok;
    if (word_is(c, k, "that")) return k + 1;
    if (cls == AN_SV_TELL) {
        for (size_t j = k + 1; j < c->ntok && j - k < 5; j++) {
            if (gap_before(c, j) & (GAP_SENT | GAP_QUOTE | GAP_PUNCT)) break;
            if (word_is(c, j, "that")) return j + 1;
        }
        return c->ntok;
    }
    if (cls != AN_SV_SAY || (g & GAP_PUNCT)) return c->ntok;
    if (preposition(c, k)) {     /* said after the summit ... that */
        for (size_t j = k + 1; j < c->ntok && j - k < 20; j++) {
            if (gap_before(c, j) & (GAP_SENT | GAP_QUOTE | GAP_PUNCT)) break;
            if (word_is(c, j, "that")) return j + 1;
        }
        return c->ntok;
    }
    return clause_word(c, k) ? c->ntok : k;
}

/* End token (exclusive) of a clause from token s: the sentence end, or
 * "but/and" before another speech verb (that one reports its own clause). */
static size_t clause_end(const qctx *c, size_t s)
{
    size_t j = s + 1;
    for (; j < c->ntok && j - s < CLAUSE_MAX; j++) {
        if (gap_before(c, j) & GAP_SENT) break;
        if (word_is(c, j, "but") || word_is(c, j, "and")) {
            size_t k = j + 1;
            while (k < c->ntok && k - j < 3 && filler(c, k)) k++;
            if (k < c->ntok && verb_at(c, k) != AN_SV_NONE) break;
        }
    }
    return j;
}

/* Does the sentence end at token k, maybe after a short phrase of when or
 * where ("..., the minister said on Monday.")? */
static bool sentence_ends_soon(const qctx *c, size_t k)
{
    if (k >= c->ntok || (gap_before(c, k) & (GAP_SENT | GAP_PARA))) return true;
    /* "..., he said, adding that ...": the cue goes on with more of it */
    if (comma_before(c, k) && verb_at(c, k) == AN_SV_ADDING) return true;
    if (gap_before(c, k) & (GAP_PUNCT | GAP_QUOTE) || !preposition(c, k)) return false;
    for (size_t e = k + 1; e <= c->ntok && e - k <= AFTER_VERB_MAX; e++) {
        if (e == c->ntok || (gap_before(c, e) & (GAP_SENT | GAP_PARA))) return true;
        if (gap_before(c, e) & (GAP_PUNCT | GAP_QUOTE)) return false;
    }
    return false;
}

/* Tokens a reported clause before its cue must hold. */
#define PREPOSED_MIN 4

/* The first token after a dateline opening the sentence at s ("ORVANO,
 * July 8 (Tidewater Press) - The city ...", dl_dateline), s when there is
 * none or it reaches limit: what was said starts after it. */
static size_t past_dateline(const qctx *c, size_t s, size_t limit)
{
    size_t at = c->tok[s].start, e = dl_dateline(c->t + at, c->len - at, NULL);
    if (!e) return s;
    size_t k = s;
    while (k < limit && c->tok[k].start < at + e) k++;
    return k < limit ? k : s;
}

/* Reported speech before its cue, which ends the sentence or goes on with
 * ", adding ...": "The talks have failed, the minister said on Monday." /
 * "..., said Ana Vey, a spokeswoman." The clause runs from the sentence's
 * start to the comma before the cue, without quote marks (a quote there is
 * direct speech, cued by tail_cue). Not a cue with more after it ("In the
 * past, Vey said, the talks ..."), a relative clause ("..., said Vey, who
 * agreed.") or "told" with more than its addressee after it. */
static bool preposed(qctx *c, size_t v, int cls)
{
    static const char *const relative[] = {"who", "whom", "which", "that", NULL};
    if (cls == AN_SV_ADDING || cls == AN_SV_ACCORDING) return false;
    size_t ps, pe, comma;
    int how;
    if ((gap_before(c, v) & GAP_PUNCT) && v > 0 && comma_before(c, v)) {
        /* ", said Ana Vey, a spokeswoman." */
        pe = phrase_after(c, v + 1);
        /* not ", said: “We will ...”": what follows a colon or a quote
         * mark is what was said, not who said it */
        if (pe <= v + 1 || !starts_upper(c, c->tok[v + 1].start) ||
            (gap_before(c, v + 1) & (GAP_PUNCT | GAP_QUOTE | GAP_SENT)) || !clause_ends_before(c, pe) ||
            !sentence_ends_at(c, pe))
            return false;
        how = HOW_INVERTED, ps = v + 1, comma = v;
    } else {
        ps = phrase_before(c, v);
        size_t ce = cue_end_tok(c, v, cls);
        if (ps == v || ps == 0 || !comma_before(c, ps) || word_among(c, ps, relative) ||
            (cls == AN_SV_TELL && ce > v + 2) || !sentence_ends_soon(c, ce))
            return false;
        /* a phrase with a speech verb of its own is a clause, not whoever
         * spoke: ", said images of the wreckage showed cables had snapped" */
        for (size_t k = ps; k < v; k++)
            if (verb_at(c, k)) return false;
        how = HOW_PHRASE, pe = v, comma = ps;
    }
    size_t s = tok_at(c, sentence_start(c, comma - 1));
    /* a sentence longer than sentence_start looks back is left alone */
    if (s + PREPOSED_MIN > comma || (s > 0 && !(gap_before(c, s) & GAP_SENT))) return false;
    s = past_dateline(c, s, comma);
    if (s + PREPOSED_MIN > comma) return false;
    for (size_t k = s; k < comma; k++)
        if (k > s && (gap_before(c, k) & (GAP_SENT | GAP_QUOTE))) return false;
    an_pending *p = push_pending(c);
    p->q.kind = AN_INDIRECT;
    p->q.start = c->tok[s].start;
    p->q.end = c->tok[comma - 1].end;
    take_cue(c, p, how, ps, pe, v, cls);
    return true;
}

static void find_indirect(qctx *c)
{
    for (size_t v = 0; v < c->ntok; v++) {
        int cls = verb_at(c, v);
        if (!cls || cls == AN_SV_ACCORDING || c->cue_verb[v] || in_direct(c, c->tok[v].start)) continue;
        /* "saying" reports a clause as "said" does: "saying she had made ..." */
        bool saying = cls == AN_SV_ADDING && word_is(c, v, "saying");
        if (cls == AN_SV_ADDING && !saying && !word_is(c, v + 1, "that")) continue;
        /* bare "say" without a subject is a headline or an imperative */
        if (word_is(c, v, "say") && phrase_before(c, v) == v) continue;
        if (preposed(c, v, cls)) continue;
        /* "..., said Paolo Renner, managing director of the board": what
         * follows the inverted verb is its speaker, not what was said */
        if ((gap_before(c, v) & GAP_PUNCT) && !(gap_before(c, v) & GAP_SENT) && v + 1 < c->ntok &&
            starts_upper(c, c->tok[v + 1].start))
            continue;
        size_t s = clause_start(c, v, saying ? AN_SV_SAY : cls == AN_SV_ADDING ? AN_SV_THAT : cls);
        if (s >= c->ntok || (gap_before(c, s) & (GAP_SENT | GAP_QUOTE))) continue;
        size_t e = clause_end(c, s);
        if (e - s < 3) continue;
        an_pending *p = push_pending(c);
        p->q.kind = AN_INDIRECT;
        p->q.start = c->tok[s].start;
        p->q.end = c->tok[e - 1].end;
        speaker_from_verb(c, p, v, cls);
    }
}

/* ---- resolution in text order ------------------------------------------ */

static size_t key(const an_pending *p)
{
    return p->q.start < p->q.cue_start || p->how == HOW_NONE || p->how == HOW_CONTINUE ? p->q.start
                                                                                      : p->q.cue_start;
}

static int by_position(const void *a, const void *b)
{
    size_t x = key(a), y = key(b);
    return x < y ? -1 : x > y;
}

/* The speaker of the latest quote cued in the same sentence as verb v
 * ("...," Wi stated, adding that ...), else the sentence's subject. */
static int32_t adding_speaker(const qctx *c, size_t i)
{
    size_t v = c->p[i].verb, ss = sentence_start(c, v);
    for (size_t j = i; j-- > 0;) {
        const an_pending *q = &c->p[j];
        if (q->q.cue_end <= ss && q->q.end <= ss) break;
        if (q->q.cue_end <= c->tok[v].start && q->q.speaker >= 0) return q->q.speaker;
    }
    /* "..., Nefzi said, adding, "..."": the one who said, not the sentence's
     * subject (whose words Nefzi reported) */
    int g = v > 1 ? gap_before(c, v) : 0;
    if ((g & GAP_PUNCT) && !(g & (GAP_SENT | GAP_QUOTE))) {
        int cls = verb_at(c, v - 1);
        size_t ps = phrase_before(c, v - 1);
        if ((cls == AN_SV_SAY || cls == AN_SV_THAT) && ps < v - 1) {
            int32_t a = resolve_phrase(c, ps, v - 1, i);
            if (a >= 0) return a;
        }
    }
    return sentence_subject(c, v, i);
}

/* A direct quote without a cue (or whose cue names no one) inside a
 * reported clause is a partial quote of that clause's speaker (White said
 * they work to "fulfil ..."). */
static void inside_indirect(qctx *c, size_t i)
{
    an_pending *p = &c->p[i];
    for (size_t j = i, steps = 0; j-- > 0 && steps < 8; steps++) {
        const an_quote *r = &c->p[j].q;
        /* a clause without a speaker ("refusing to say the words, ...")
         * may sit inside one with a speaker: look on past it */
        if (r->kind != AN_INDIRECT || r->start > p->q.start || r->end < p->q.start || r->speaker < 0) continue;
        p->q.speaker = r->speaker;
        p->q.cue_start = r->cue_start;
        p->q.cue_end = r->cue_end;
        p->how = HOW_PHRASE;     /* keeps the cue */
        return;
    }
}

/* The person an inverted speaker phrase [ps, pe) leaves unnamed names
 * after a comma, in a capitalised apposition that ends the clause: "...,"
 * said another Twitter user, Johanna Bayer. -1 if none. */
static int32_t inverted_apposition(const qctx *c, size_t pe)
{
    if (pe >= c->ntok || pe == 0 || !comma_before(c, pe) || !starts_upper(c, c->tok[pe].start)) return -1;
    size_t e = phrase_after(c, pe);
    if (clause_ends_before(c, e)) return person_in(c, c->tok[pe].start, c->tok[e - 1].end, true);
    /* "..., Andrew Pincus of the law firm Mayer Brown": a person named
     * right after the comma */
    size_t m = mention_from(c, c->tok[pe].start);
    const an_mention *mn = m < c->nm->n_mentions ? mention(c, m) : NULL;
    return mn && mn->type == AN_PERSON && mn->start == c->tok[pe].start ? mn->actor : -1;
}

/* A quote no cue attributes, inside a sentence that names a person before
 * it: the person is the one quoted ("Pence praised Cruz for showing "the
 * courage of his convictions."" / "In an address, President Hollande
 * condemned the "attack ..."") -- news puts another's words in a
 * sentence about them only with a cue. -1 if the quote opens its sentence
 * or no person comes before it. */
static int32_t subject_of_partial(const qctx *c, const an_qmarks *m)
{
    size_t i = tok_at(c, m->open);
    if (i == 0 || i > c->ntok || (gap_kind(c, c->tok[i - 1].end, m->open) & (GAP_SENT | GAP_PARA))) return -1;
    return person_in(c, sentence_start(c, i - 1), m->open, false);
}

/* Tokens from a sentence's start within which a person is its subject. */
#define SUBJECT_MAX 6

/* A quote that opens its sentence with no cue, right after a sentence (in
 * the same paragraph or the one before) that opens with a person: the
 * person goes on speaking ("Roloson supports Clinton. "I'm a college
 * graduate ..."" / "Sam Lau said in a statement. "There are no ..."").
 * -1 if that sentence does not open with one. */
static int32_t subject_of_previous(const qctx *c, const an_qmarks *m)
{
    size_t i = tok_at(c, m->open);
    if (i == 0 || i > c->ntok || paragraphs_between(c, c->tok[i - 1].end, m->open) > 1) return -1;
    size_t ss = sentence_start(c, i - 1), first = tok_at(c, ss);
    size_t lim = first + SUBJECT_MAX < i ? c->tok[first + SUBJECT_MAX].start : c->tok[i - 1].end;
    return person_in(c, ss, lim, false);
}

/* Does a speech verb stand in tokens [s, e): "said it was too early to
 * (say)" puts the subject of "said" behind the infinitive too. */
static bool speaks_in(const qctx *c, size_t s, size_t e)
{
    for (size_t k = s; k < e; k++)
        if (verb_at(c, k) == AN_SV_SAY) return true;
    return false;
}

/* The speaker phrase of p as written, without the words that stand between
 * a speaker and the verb ("the senator also" -> "the senator"). */
static void speaker_words(const qctx *c, an_pending *p)
{
    size_t e = p->pe, b = p->ps;
    while (e > b && filler(c, e - 1)) e--;
    /* "On Tuesday the city said": the phrase starts at its last determiner */
    if (preposition(c, b))
        for (size_t i = e; i-- > b + 1;)
            if (determiner(c, i)) { b = i; break; }
    if (e <= b) return;
    p->q.speaker_start = c->tok[b].start;
    p->q.speaker_end = c->tok[e - 1].end;
}

/* The speaker phrase of p, whose verb has no subject right before it, as
 * written when the sentence opens with its speaker and an apposition up to
 * the comma before the verb: "Lena Ortiz, the host, said: ..." gives
 * "Lena Ortiz, the host". */
static void subject_words(const qctx *c, an_pending *p)
{
    size_t v = p->verb, ss = tok_at(c, sentence_start(c, v));
    if (ss >= v || v - ss > APPOSITION_MAX || !comma_before(c, v)) return;
    size_t i = mention_from(c, c->tok[ss].start);
    const an_mention *m = i < c->nm->n_mentions ? mention(c, i) : NULL;
    if (!m || m->start != c->tok[ss].start || m->actor != p->q.speaker || m->end >= c->len || c->t[m->end] != ',')
        return;
    for (size_t k = ss + 1; k < v; k++)
        if (gap_before(c, k) & (GAP_SENT | GAP_QUOTE)) return;
    p->q.speaker_start = c->tok[ss].start;
    p->q.speaker_end = c->tok[v - 1].end;
}

/* Does the phrase [s, e) hold nothing but words that stand between a
 * speaker and the verb ("has", "also", "bluntly")? */
static bool only_fillers(const qctx *c, size_t s, size_t e)
{
    for (size_t i = s; i < e; i++)
        if (!filler(c, i)) return false;
    return true;
}

/* The speaker of a verb with no subject right before it: a name right
 * after it that ends its clause ("But, said Solovey, "..."" / "...,
 * explained Rosenberg, "...""), else the sentence's subject
 * ("Mrs. Clinton herself, as well as her campaign, has always maintained
 * that ..."). */
static int32_t speaker_of_bare_verb(const qctx *c, size_t v, size_t before_quote)
{
    size_t s = v + 1;
    if (s < c->ntok && !(gap_before(c, s) & (GAP_SENT | GAP_QUOTE | GAP_PUNCT)) && starts_upper(c, c->tok[s].start)) {
        size_t e = phrase_after(c, s);
        if (e > s && e < c->ntok && (gap_before(c, e) & GAP_PUNCT) && !(gap_before(c, e) & GAP_SENT)) {
            int32_t a = person_in(c, c->tok[s].start, c->tok[e - 1].end, true);
            if (a >= 0) return a;
        }
    }
    return sentence_subject(c, v, before_quote);
}

/* Does direct quote b run on from a past a's cue, in the same sentence:
 * "A," she said, "B." (b has no cue of its own and follows a's after a
 * comma)? */
static bool runs_on(const qctx *c, const an_pending *a, const an_pending *b)
{
    if (a->q.kind != AN_DIRECT || b->q.kind != AN_DIRECT || b->how != HOW_CONTINUE) return false;
    return a->q.speaker == b->q.speaker && cue_then_comma(c, a, &b->m);
}

static void resolve(qctx *c)
{
    index_mentions(c);
    if (c->np) qsort(c->p, c->np, sizeof *c->p, by_position);
    int32_t last_direct = -1;
    for (size_t i = 0; i < c->np; i++) {
        an_pending *p = &c->p[i];
        switch (p->how) {
        case HOW_PHRASE:
        case HOW_INVERTED:
            p->q.speaker = p->ps < p->pe ? resolve_phrase(c, p->ps, p->pe, i)
                         : p->how == HOW_PHRASE ? speaker_of_bare_verb(c, p->verb, i) : -1;
            /* "..., going on to say that ...", "said it was too early to say
             * what ...": the verb's subject is the sentence's (not so after
             * other infinitives: "called her to say", "hard to say") */
            bool verbal = p->how == HOW_PHRASE && p->q.speaker < 0 && p->pe >= p->ps + 2 &&
                          word_is(c, p->pe - 1, "to") && (word_is(c, p->pe - 2, "on") || speaks_in(c, p->ps, p->pe - 1));
            if (p->how == HOW_PHRASE && p->q.speaker < 0 && p->ps < p->pe && (verbal || only_fillers(c, p->ps, p->pe)))
                p->q.speaker = speaker_of_bare_verb(c, p->verb, i);
            if (!verbal) speaker_words(c, p);
            if (p->how == HOW_PHRASE && p->ps == p->pe && p->q.speaker >= 0) subject_words(c, p);
            if (p->how == HOW_INVERTED && p->ps < p->pe && !is_person(c, p->q.speaker)) {
                int32_t a = inverted_apposition(c, p->pe);
                if (a >= 0) p->q.speaker = a;
            }
            break;
        case HOW_ADDING: p->q.speaker = adding_speaker(c, i); break;
        case HOW_CONTINUE: p->q.speaker = last_direct; break;
        default:
            inside_indirect(c, i);
            if (p->q.speaker < 0 && p->q.kind == AN_DIRECT) p->q.speaker = subject_of_partial(c, &p->m);
            if (p->q.speaker < 0 && p->q.kind == AN_DIRECT) p->q.speaker = subject_of_previous(c, &p->m);
            break;
        }
        /* a cue that named no one ("refusing to say the words, they are
         * "..."") inside someone's reported clause: the quote is theirs */
        if (p->q.speaker < 0 && p->q.kind == AN_DIRECT && p->how != HOW_NONE) inside_indirect(c, i);
        if (p->q.kind == AN_DIRECT) last_direct = p->q.speaker;
        if (p->how == HOW_NONE || p->how == HOW_CONTINUE) p->q.cue_start = p->q.cue_end = p->q.start;
    }
}

static size_t tokenize(qctx *c)
{
    size_t n = 0, pos = 0;
    an_token k;
    while (an_next_token(c->t, c->len, &pos, &k)) n++;
    c->tok = arena_alloc(c->a, (n ? n : 1) * sizeof *c->tok);
    pos = 0;
    for (size_t i = 0; i < n && an_next_token(c->t, c->len, &pos, &k); i++) c->tok[i] = k;
    return n;
}

/* A clause reported by an infinitive inside another clause of the same
 * speaker is part of it: "Kesh said it was too early to say what caused
 * the collapse" reports once, not again as "(Kesh): what caused the
 * collapse". A finite verb inside one reports a claim of its own ("...,
 * claiming that he is responsible for ..."), and another speaker's report
 * stays too ("She added that some Democrats have called her to say ..."). */
static bool nested_infinitive(const qctx *c, size_t i)
{
    const an_pending *p = &c->p[i];
    if (p->q.kind != AN_INDIRECT || p->q.speaker < 0 || p->verb == 0 || !word_is(c, p->verb - 1, "to")) return false;
    for (size_t j = 0; j < c->np; j++) {
        const an_quote *r = &c->p[j].q;
        if (j != i && r->kind == AN_INDIRECT && r->speaker == p->q.speaker && r->start < p->q.start &&
            p->q.end <= r->end)
            return true;
    }
    return false;
}

size_t an_find_quotes(const char *text, size_t len, const an_names *names, arena *a, an_quote **out)
{
    static const an_names none;
    *out = NULL;
    if (!text || !len) return 0;
    if (len > UINT32_MAX - 1) len = UINT32_MAX - 1;   /* offsets are 32-bit */
    qctx c = {.t = text, .len = len, .nm = names ? names : &none, .a = a};
    c.ntok = tokenize(&c);
    if (!c.ntok) return 0;
    c.cue_verb = arena_alloc(a, c.ntok * sizeof *c.cue_verb);
    find_direct(&c);
    find_indirect(&c);
    resolve(&c);
    an_quote *q = arena_alloc(a, (c.np ? c.np : 1) * sizeof *q);
    size_t n = 0;
    for (size_t i = 0, last = 0; i < c.np; i++) {
        if (nested_infinitive(&c, i)) continue;
        bool joins = n && runs_on(&c, &c.p[last], &c.p[i]) && !q[n - 1].cut_end;
        last = i;
        if (joins) {
            q[n - 1].cut_start = q[n - 1].end;
            q[n - 1].cut_end = c.p[i].q.start;
            q[n - 1].end = c.p[i].q.end;
            continue;
        }
        q[n++] = c.p[i].q;
    }
    *out = q;
    return n;
}

const char *an_quote_text(const an_quote *q, const char *text, arena *a)
{
    if (q->cut_end <= q->cut_start || q->cut_start < q->start || q->cut_end > q->end)
        return arena_strndup(a, text + q->start, q->end > q->start ? q->end - q->start : 0);
    bool comma = q->cut_start < q->cut_end && text[q->cut_start] == ',';
    return arena_printf(a, "%.*s%s%.*s", (int)(q->cut_start - q->start), text + q->start, comma ? ", " : " ",
                        (int)(q->end - q->cut_end), text + q->cut_end);
}
