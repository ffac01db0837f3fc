/* speech.c: the vocabulary of reported speech: speech verbs and what may
 * follow them, pronouns, filler words, and role phrases matched against
 * roles ("the lieutenant general" is "Lt. Gen."). Tables only, plus the role
 * matcher; not the finding or attribution of quotes (quotes.c). */
#include "speech.h"

#include <stdio.h>
#include <string.h>

bool an_word_is(const char *w, size_t n, const char *s)
{
    /* No strlen: this runs for every word against every table entry, and a
     * shorter s stops the loop at its NUL, which no word byte equals. */
    for (size_t i = 0; i < n; i++) {
        char c = w[i];
        if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
        if (c != s[i] || !c) return false;
    }
    return s[n] == '\0';
}

typedef struct { const char *word; int cls; } verb_entry;

/* Past and present forms only: "notes" or "remarks" after a determiner are
 * nouns, and the bare forms would match too much ordinary prose. */
static const verb_entry verbs[] = {
    {"said", AN_SV_SAY}, {"says", AN_SV_SAY}, {"say", AN_SV_SAY},
    {"replied", AN_SV_SAY}, {"wrote", AN_SV_SAY}, {"writes", AN_SV_SAY},
    {"added", AN_SV_THAT}, {"adds", AN_SV_THAT}, {"stated", AN_SV_THAT}, {"states", AN_SV_THAT},
    {"remarked", AN_SV_THAT}, {"noted", AN_SV_THAT}, {"stressed", AN_SV_THAT},
    {"insisted", AN_SV_THAT}, {"explained", AN_SV_THAT}, {"asked", AN_SV_THAT},
    {"warned", AN_SV_THAT}, {"declared", AN_SV_THAT}, {"announced", AN_SV_THAT},
    {"emphasized", AN_SV_THAT}, {"emphasised", AN_SV_THAT}, {"claimed", AN_SV_THAT},
    {"argued", AN_SV_THAT}, {"confirmed", AN_SV_THAT}, {"acknowledged", AN_SV_THAT},
    {"admitted", AN_SV_THAT}, {"indicated", AN_SV_THAT}, {"joked", AN_SV_THAT},
    {"continued", AN_SV_THAT}, {"recalled", AN_SV_THAT}, {"responded", AN_SV_THAT},
    {"commented", AN_SV_THAT}, {"observed", AN_SV_THAT}, {"cautioned", AN_SV_THAT},
    {"urged", AN_SV_THAT}, {"pledged", AN_SV_THAT}, {"promised", AN_SV_THAT},
    {"concluded", AN_SV_THAT}, {"tweeted", AN_SV_THAT}, {"echoed", AN_SV_THAT}, {"predicted", AN_SV_THAT},
    {"suggested", AN_SV_THAT}, {"countered", AN_SV_THAT}, {"conceded", AN_SV_THAT}, {"complained", AN_SV_THAT},
    {"boasted", AN_SV_THAT}, {"vowed", AN_SV_THAT}, {"quipped", AN_SV_THAT}, {"lamented", AN_SV_THAT},
    {"asserted", AN_SV_THAT}, {"contended", AN_SV_THAT}, {"maintained", AN_SV_THAT}, {"alleged", AN_SV_THAT},
    {"called", AN_SV_THAT}, {"calls", AN_SV_THAT}, {"described", AN_SV_THAT}, {"describes", AN_SV_THAT},
    {"dubbed", AN_SV_THAT}, {"branded", AN_SV_THAT}, {"labeled", AN_SV_THAT}, {"labelled", AN_SV_THAT},
    {"reported", AN_SV_THAT}, {"answered", AN_SV_THAT}, {"shouted", AN_SV_THAT}, {"yelled", AN_SV_THAT},
    {"screamed", AN_SV_THAT}, {"whispered", AN_SV_THAT}, {"muttered", AN_SV_THAT}, {"exclaimed", AN_SV_THAT},
    {"mused", AN_SV_THAT}, {"wondered", AN_SV_THAT}, {"retorted", AN_SV_THAT}, {"snapped", AN_SV_THAT},
    {"charged", AN_SV_THAT}, {"testified", AN_SV_THAT}, {"mentioned", AN_SV_THAT}, {"reiterated", AN_SV_THAT},
    {"recounted", AN_SV_THAT}, {"posted", AN_SV_THAT}, {"emailed", AN_SV_THAT}, {"revealed", AN_SV_THAT},
    {"pleaded", AN_SV_THAT}, {"demanded", AN_SV_THAT}, {"affirmed", AN_SV_THAT}, {"proclaimed", AN_SV_THAT},
    {"interjected", AN_SV_THAT}, {"objected", AN_SV_THAT}, {"protested", AN_SV_THAT},
    {"hinted", AN_SV_THAT}, {"signaled", AN_SV_THAT}, {"signalled", AN_SV_THAT}, {"underscored", AN_SV_THAT},
    {"bemoaned", AN_SV_THAT}, {"grumbled", AN_SV_THAT}, {"groused", AN_SV_THAT}, {"griped", AN_SV_THAT},
    {"fumed", AN_SV_THAT}, {"scoffed", AN_SV_THAT}, {"opined", AN_SV_THAT}, {"touted", AN_SV_THAT},
    {"bragged", AN_SV_THAT}, {"gushed", AN_SV_THAT}, {"railed", AN_SV_THAT}, {"reasoned", AN_SV_THAT},
    {"speculated", AN_SV_THAT}, {"estimated", AN_SV_THAT}, {"theorized", AN_SV_THAT}, {"posited", AN_SV_THAT},
    {"agreed", AN_SV_THAT}, {"disagreed", AN_SV_THAT}, {"denied", AN_SV_THAT}, {"disputed", AN_SV_THAT},
    {"implored", AN_SV_TELL}, {"reassured", AN_SV_TELL},
    {"told", AN_SV_TELL}, {"tells", AN_SV_TELL}, {"informed", AN_SV_TELL},
    {"assured", AN_SV_TELL}, {"reminded", AN_SV_TELL},
    {"according", AN_SV_ACCORDING},
    {"adding", AN_SV_ADDING}, {"saying", AN_SV_ADDING}, {"noting", AN_SV_ADDING},
    {"stressing", AN_SV_ADDING}, {"insisting", AN_SV_ADDING}, {"warning", AN_SV_ADDING},
    {"explaining", AN_SV_ADDING}, {"asking", AN_SV_ADDING}, {"arguing", AN_SV_ADDING}, {"claiming", AN_SV_ADDING},
    {"declaring", AN_SV_ADDING}, {"asserting", AN_SV_ADDING}, {"stating", AN_SV_ADDING}, {"replying", AN_SV_ADDING},
    {"writing", AN_SV_ADDING}, {"telling", AN_SV_ADDING}, {"tweeting", AN_SV_ADDING}, {"recalling", AN_SV_ADDING},
    {"responding", AN_SV_ADDING}, {"answering", AN_SV_ADDING}, {"calling", AN_SV_ADDING},
    {"describing", AN_SV_ADDING}, {"labeling", AN_SV_ADDING}, {"labelling", AN_SV_ADDING},
    {"predicting", AN_SV_ADDING}, {"suggesting", AN_SV_ADDING}, {"urging", AN_SV_ADDING}, {"vowing", AN_SV_ADDING},
    {"acknowledging", AN_SV_ADDING}, {"admitting", AN_SV_ADDING}, {"conceding", AN_SV_ADDING},
    {"complaining", AN_SV_ADDING}, {"boasting", AN_SV_ADDING}, {"joking", AN_SV_ADDING},
    {"lamenting", AN_SV_ADDING}, {"promising", AN_SV_ADDING}, {"pledging", AN_SV_ADDING},
    {"alleging", AN_SV_ADDING}, {"contending", AN_SV_ADDING}, {"maintaining", AN_SV_ADDING},
    {"denying", AN_SV_ADDING},
    /* the voice: "interrupted her, shouting “…”", "chanted “…”" */
    {"chanted", AN_SV_THAT}, {"shouting", AN_SV_ADDING}, {"yelling", AN_SV_ADDING},
    {"screaming", AN_SV_ADDING}, {"chanting", AN_SV_ADDING}, {"whispering", AN_SV_ADDING},
    {"muttering", AN_SV_ADDING}, {"exclaiming", AN_SV_ADDING}, {"echoing", AN_SV_ADDING},
    {"mouthing", AN_SV_ADDING},
};

#define NVERBS (sizeof verbs / sizeof *verbs)

/* The verbs by hash of the word (index + 1; 0 is an empty slot), filled
 * once at program start (before any thread exists) and only read after
 * that, as stop.c's set is: quotes.c asks about nearly every word, and
 * trying the list in order cost 400 instructions a word. */
#define VERB_SLOTS 512u

static uint8_t verb_slot[VERB_SLOTS];

__attribute__((constructor)) static void build_verbs(void)
{
    _Static_assert(NVERBS < VERB_SLOTS / 2 && NVERBS < UINT8_MAX, "speech verbs outgrew their table");
    for (size_t i = 0; i < NVERBS; i++) {
        uint32_t k = hash_fnv(verbs[i].word, strlen(verbs[i].word)) & (VERB_SLOTS - 1);
        while (verb_slot[k]) k = (k + 1) & (VERB_SLOTS - 1);
        verb_slot[k] = (uint8_t)(i + 1);
    }
}

int an_speech_verb(const char *w, size_t n)
{
    char low[16];
    if (!n || n >= sizeof low) return AN_SV_NONE;     /* no verb is that long */
    for (size_t i = 0; i < n; i++) low[i] = w[i] >= 'A' && w[i] <= 'Z' ? (char)(w[i] - 'A' + 'a') : w[i];
    for (uint32_t k = hash_fnv(low, n) & (VERB_SLOTS - 1); verb_slot[k]; k = (k + 1) & (VERB_SLOTS - 1)) {
        const verb_entry *e = &verbs[verb_slot[k] - 1];
        if (an_word_is(low, n, e->word)) return e->cls;
    }
    return AN_SV_NONE;
}

int an_pronoun(const char *w, size_t n)
{
    if (an_word_is(w, n, "he") || an_word_is(w, n, "she") || an_word_is(w, n, "they")) return 1;
    if (an_word_is(w, n, "who")) return 2;
    return 0;
}

static bool in_list(const char *w, size_t n, const char *const *list)
{
    for (size_t i = 0; list[i]; i++)
        if (an_word_is(w, n, list[i])) return true;
    return false;
}

bool an_speech_filler(const char *w, size_t n)
{
    static const char *const fill[] = {"also", "later", "further", "then", "again", "earlier",
        "previously", "once", "has", "have", "had", "was", "were", "is", "would", "will",
        "today", "yesterday", "repeatedly", "publicly", "reportedly", "always", "still", "now", "already",
        "just", NULL};
    /* "-ly" adverbs: "firmly said", "quickly added"; not nouns in -ly ("the
     * US daily wrote", "a close ally said") nor names ("Italy said") */
    static const char *const ly_nouns[] = {"daily", "weekly", "monthly", "quarterly", "ally", "family",
        "assembly", "rally", "supply", "monopoly", "anomaly", NULL};
    if (n > 4 && w[n - 2] == 'l' && w[n - 1] == 'y' && w[0] >= 'a' && w[0] <= 'z' && !in_list(w, n, ly_nouns))
        return true;
    return in_list(w, n, fill);
}

bool an_clause_word(const char *w, size_t n)
{
    static const char *const cl[] = {"and", "but", "or", "while", "as", "that", "which",
        "when", "because", "if", "after", "before", "since", "although", "though", "where",
        "whereas", "so", "than", "until", "unless", NULL};
    return in_list(w, n, cl);
}

/* ---- roles ------------------------------------------------------------- */

typedef an_role_set word_set;

/* Abbreviations and spellings a role is written with, to one word each. */
static const char *canonical(const char *w)
{
    static const char *const map[][2] = {
        {"lt", "lieutenant"}, {"gen", "general"}, {"maj", "major"}, {"col", "colonel"},
        {"brig", "brigadier"}, {"sgt", "sergeant"}, {"adm", "admiral"}, {"capt", "captain"},
        {"cmdr", "commander"}, {"cdr", "commander"}, {"pres", "president"}, {"sec", "secretary"},
        {"gov", "governor"}, {"sen", "senator"}, {"rep", "representative"},
        {"amb", "ambassador"}, {"defense", "defence"}, {"minster", "minister"},
        {"ministers", "minister"}, {"spokesperson", "spokesman"}, {"spokeswoman", "spokesman"},
    };
    for (size_t i = 0; i < sizeof map / sizeof *map; i++)
        if (!strcmp(w, map[i][0])) return map[i][1];
    return w;
}

/* Words that qualify a role without naming it: "the", "of", nationalities. */
static bool insignificant(const char *w)
{
    static const char *const ins[] = {"the", "a", "an", "of", "for", "and", "his", "her", "its",
        "their", "s", "u", "us", "uk", "south", "north", "korea", "korean", "koreas", "american",
        "united", "states", "japan", "japanese", "china", "chinese", "russia", "russian",
        "british", "dprk", "rok", "then", "former", "new", "top", "country", "country's",
        "nation", "s", "mr", "mrs", "ms", NULL};
    for (size_t i = 0; ins[i]; i++)
        if (!strcmp(w, ins[i])) return true;
    return false;
}

static void role_words(const char *s, size_t n, word_set *out)
{
    out->n = 0;
    size_t pos = 0;
    an_token t;
    while (out->n < AN_ROLE_WORDS && an_next_token(s, n, &pos, &t)) {
        char w[16];
        size_t m = t.end - t.start, k = 0;
        if (m >= sizeof w) continue;            /* no role word is this long */
        for (size_t i = 0; i < m; i++) {
            char c = s[t.start + i];
            if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
            w[k++] = c;
        }
        w[k] = '\0';
        /* possessives: "Korea's", "Korea’s" */
        if (k > 2 && w[k - 2] == '\'' && w[k - 1] == 's') w[k -= 2] = '\0';
        if (k > 4 && !memcmp(w + k - 4, "\xE2\x80\x99s", 4)) w[k -= 4] = '\0';
        const char *c = canonical(w);
        if (insignificant(c)) continue;
        snprintf(out->w[out->n++], sizeof out->w[0], "%s", c);
    }
}

static bool subset(const word_set *a, const word_set *b)
{
    for (int i = 0; i < a->n; i++) {
        bool found = false;
        for (int j = 0; j < b->n && !found; j++) found = !strcmp(a->w[i], b->w[j]);
        if (!found) return false;
    }
    return true;
}

void an_role_set_of(const char *s, size_t n, an_role_set *out)
{
    if (s) role_words(s, n, out);
    else out->n = 0;
}

bool an_role_sets_match(const an_role_set *phrase, const an_role_set *role)
{
    if (phrase->n == 0 || role->n == 0) return false;
    return subset(phrase, role) || subset(role, phrase);
}

bool an_role_matches(const char *phrase, size_t n, const char *role)
{
    if (!role || !phrase) return false;
    word_set p, r;
    role_words(phrase, n, &p);
    role_words(role, strlen(role), &r);
    return an_role_sets_match(&p, &r);
}
