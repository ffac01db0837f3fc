/* speech.h: private to the analyze stage: the words of reported speech that
 * quotes.c looks for (speech verbs, pronouns, words skipped between a
 * speaker and a verb) and the matching of a role phrase ("the lieutenant
 * general") against a role ("Lt. Gen."). Not the finding of quotes. */
#ifndef SL_AN_SPEECH_H
#define SL_AN_SPEECH_H

#include "analyze.h"

/* What a speech verb allows after it. */
enum {
    AN_SV_NONE = 0,
    AN_SV_SAY = 1,        /* said: a reported clause may follow without "that" */
    AN_SV_THAT = 2,       /* stressed: a reported clause needs "that" */
    AN_SV_TELL = 3,       /* told, informed: an addressee, then "that" */
    AN_SV_ACCORDING = 4,  /* according (to): the speaker follows */
    AN_SV_ADDING = 5      /* adding, saying: the speaker is the clause's subject */
};

/* The class of the word w (n bytes) as a speech verb, AN_SV_NONE if it is not one. */
int an_speech_verb(const char *w, size_t n);

/* he, she, they: 1; who: 2; anything else: 0. */
int an_pronoun(const char *w, size_t n);

/* Words that may stand between a speaker and the verb without being part
 * of the speaker ("Wi later informed", "He also said", "has said"). */
bool an_speech_filler(const char *w, size_t n);

/* Words that end a speaker phrase when walking back from a verb: the verb
 * belongs to a clause that starts after them ("while", "but", "that"). */
bool an_clause_word(const char *w, size_t n);

/* Does the phrase text[0, n) name the role `role`? Both are reduced to their
 * significant words (abbreviations expanded, nationality words dropped);
 * they match if they share one and one set contains the other. */
bool an_role_matches(const char *phrase, size_t n, const char *role);

/* The same in two steps, for a phrase matched against many roles: the
 * significant words of a phrase or role, and whether two such sets match. */
#define AN_ROLE_WORDS 16
typedef struct an_role_set { char w[AN_ROLE_WORDS][16]; int n; } an_role_set;
void an_role_set_of(const char *s, size_t n, an_role_set *out);
bool an_role_sets_match(const an_role_set *phrase, const an_role_set *role);

/* Case-insensitive comparison of w (n bytes) with the lower-case word s. */
bool an_word_is(const char *w, size_t n, const char *s);

#endif
