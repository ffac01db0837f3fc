/* roles.c: the role a text gives a person: the title and apposition words
 * around a name ("South Korean Defence Minister", "Pentagon spokesperson",
 * "Lt. Gen.", "Kim Do-gyun, South Korea's chief delegate,").
 *
 * A role is read from the words right next to the name within its sentence
 * and kept as the text says it. Not the finding of names (names.c) nor what
 * an honorific alone does to a name's type (that is names.c's reading of
 * *titled). */
#include "an_names.h"

#include <string.h>

#define ROLE_MAX_WORDS 8

static bool word_in(const an_ntok *k, const char *const *list)
{
    char c0 = k->klen ? k->key[0] : '\0';   /* the first byte rules out most before strlen */
    for (; *list; list++)
        if ((*list)[0] == c0 && strlen(*list) == k->klen && !memcmp(*list, k->key, k->klen)) return true;
    return false;
}

/* Only spaces (after a possessive or an abbreviation's full stop) between
 * tokens i and i + 1: they can be one role. */
static bool role_gap(const an_scan *s, size_t i)
{
    const an_ntok *k = &s->tok[i];
    size_t p = k->full_end, b = s->tok[i + 1].start;
    if (p < b && s->text[p] == '.' && k->abbr) p++;
    if (p >= b || b - p > 2) return false;
    for (; p < b; p++) if (s->text[p] != ' ') return false;
    return true;
}

static unsigned kind_mask(const an_scan *s, size_t i)
{
    const an_ntok *k = &s->tok[i];
    unsigned m = 0;
    for (unsigned kind = LX_HONORIFIC; kind <= LX_MODIFIER; kind++)
        if (lx_find(k->key, k->klen, LX_BIT(kind))) m |= LX_BIT(kind);
    return m;
}

/* Can token i be part of a role: a title word, a modifier, a capitalised
 * word (country, demonym, organisation), or "of" inside one? */
static bool role_word(const an_scan *s, size_t i)
{
    static const char *const inner[] = {"of", "for", NULL};
    if (kind_mask(s, i)) return true;
    return s->tok[i].cap || word_in(&s->tok[i], inner);
}

/* The end of a role's text: an abbreviation keeps its full stop. */
static uint32_t role_end(const an_scan *s, size_t i)
{
    const an_ntok *k = &s->tok[i];
    return k->abbr && k->end < s->len && s->text[k->end] == '.' ? k->end + 1 : k->full_end;
}

/* The first token of a title phrase ending right before t0 ("Secretary of
 * State", "Lt. Gen."), or t0 if there is none. */
static size_t title_start(an_scan *s, size_t t0, bool *honorific_only)
{
    for (size_t k = 4; k >= 1; k--) {
        if (k > t0) continue;
        size_t n = 0;
        const lx_entry *e = an_lex_at(s, t0 - k, k, LX_TITLES, &n);
        if (e && n == k) {
            *honorific_only = LX_KIND(e) == LX_HONORIFIC;
            return t0 - k;
        }
    }
    return t0;
}

/* The role whose title ends right before t0 and whose text runs to the end
 * of token last (last >= t0 - 1: "Minister" + "of National Defence"). */
static const char *role_to(an_scan *s, size_t t0, size_t last, bool *titled)
{
    *titled = false;
    if (t0 == 0 || !role_gap(s, t0 - 1)) return NULL;
    bool honorific = false;
    size_t b = title_start(s, t0, &honorific);
    if (b == t0) return NULL;
    *titled = true;
    bool title = !honorific;
    while (b > 0 && t0 - b < ROLE_MAX_WORDS && !s->tok[b].sent_start && role_gap(s, b - 1) && role_word(s, b - 1)) {
        b--;
        title |= (kind_mask(s, b) & (LX_BIT(LX_TITLE) | LX_BIT(LX_RANK))) != 0;
    }
    while (b < t0 - 1 && !s->tok[b].cap && !kind_mask(s, b)) b++;     /* not "of ..." */
    if (!title) return NULL;                                           /* "Mr" is no role */
    while (b < t0 - 1 && kind_mask(s, b) == LX_BIT(LX_HONORIFIC)) b++;
    uint32_t start = s->tok[b].start, end = role_end(s, last);
    return arena_strndup(s->a, s->text + start, end - start);
}

const char *an_role_before(an_scan *s, size_t t0, bool *titled)
{
    return role_to(s, t0, t0 ? t0 - 1 : 0, titled);
}

const char *an_role_through(an_scan *s, size_t r, size_t cut)
{
    bool titled;
    return role_to(s, r, cut - 1, &titled);
}

/* ", South Korea's chief delegate," after a name: only role words up to the
 * next comma or full stop, with at least one title among them. */
const char *an_role_after(an_scan *s, size_t t1)
{
    static const char *const dets[] = {"the", "a", "an", "his", "her", "its", "their", NULL};
    if (t1 >= s->n) return NULL;
    size_t p = s->tok[t1 - 1].full_end;
    if (p + 1 >= s->len || s->text[p] != ',' || s->text[p + 1] != ' ') return NULL;
    size_t i = t1, b = t1;
    while (i < s->n && word_in(&s->tok[i], dets) && i == b) b = ++i;
    bool title = false;
    for (; i < s->n && i - t1 < ROLE_MAX_WORDS; i++) {
        if (!role_word(s, i)) return NULL;
        title |= (kind_mask(s, i) & (LX_BIT(LX_TITLE) | LX_BIT(LX_RANK))) != 0;
        if (i + 1 >= s->n || !role_gap(s, i)) break;
    }
    if (i >= s->n || i == t1 + ROLE_MAX_WORDS || !title || b > i) return NULL;
    uint32_t end = s->tok[i].full_end;
    if (end >= s->len || (s->text[end] != ',' && s->text[end] != '.')) return NULL;
    return arena_strndup(s->a, s->text + s->tok[b].start, end - s->tok[b].start);
}
