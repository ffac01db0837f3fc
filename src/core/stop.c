/* stop.c: English function words (articles, pronouns, auxiliaries,
 * prepositions, conjunctions and the commonest adverbs).
 *
 * Written for this project. Kept short on purpose: a word that carries topic
 * ("war", "deal") must not be here, since clustering ignores these words. */
#include "core.h"

#include <string.h>

static const char *const words[] = {
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any",
    "are", "aren't", "as", "at", "be", "because", "been", "before", "being", "below", "between",
    "both", "but", "by", "can", "cannot", "could", "couldn't", "did", "didn't", "do", "does",
    "doesn't", "doing", "don't", "down", "during", "each", "either", "else", "ever", "every",
    "few", "for", "from", "further", "had", "hadn't", "has", "hasn't", "have", "haven't",
    "having", "he", "he's", "her", "here", "hers", "herself", "him", "himself", "his", "how",
    "however", "i", "i'm", "i've", "if", "in", "into", "is", "isn't", "it", "it's", "its",
    "itself", "just", "let", "may", "me", "might", "more", "most", "much", "must", "my",
    "myself", "neither", "no", "nor", "not", "now", "of", "off", "on", "once", "one", "only",
    "or", "other", "others", "our", "ours", "ourselves", "out", "over", "own", "per", "quite",
    "rather", "said", "same", "says", "say", "shall", "she", "she's", "should", "shouldn't",
    "since", "so", "some", "such", "than", "that", "that's", "the", "their", "theirs", "them",
    "themselves", "then", "there", "there's", "these", "they", "they're", "this", "those",
    "though", "through", "thus", "to", "too", "toward", "towards", "under", "until", "up",
    "upon", "us", "very", "via", "was", "wasn't", "we", "we're", "were", "weren't", "what",
    "when", "where", "whether", "which", "while", "who", "whom", "whose", "why", "will",
    "with", "within", "without", "won't", "would", "wouldn't", "yet", "you", "your", "yours",
    "yourself", "yourselves", "told", "according", "among", "amid", "around", "across",
    "along", "behind", "beyond", "despite", "onto", "than", "whereas", "whom", "already",
    "even", "still", "ago", "many", "several", "another", "s", "t",
};

#define NW (sizeof words / sizeof words[0])

/* A small static hash set, filled once at program start (before any thread
 * exists) and only read after that; each word's length beside it, so that
 * a lookup compares lengths before bytes. */
static const char *table[1024];
static uint8_t table_len[1024];

__attribute__((constructor)) static void build(void)
{
    for (size_t i = 0; i < NW; i++) {
        size_t n = strlen(words[i]);
        unsigned k = hash_fnv(words[i], n) & 1023u;
        while (table[k] && strcmp(table[k], words[i]) != 0) k = (k + 1) & 1023u;
        table[k] = words[i];
        table_len[k] = (uint8_t)n;
    }
}

bool stop_is_ascii_word(const char *w, size_t n)
{
    if (n >= 16) return false;   /* longer than any function word */
    for (unsigned k = hash_fnv(w, n) & 1023u; table[k]; k = (k + 1) & 1023u) {
        if (table_len[k] != n) continue;
        size_t i = 0;
        while (i < n && table[k][i] == w[i]) i++;
        if (i == n) return true;
    }
    return false;
}

bool stop_is_word(const char *w, size_t n)
{
    /* Curly apostrophes fold to themselves; treat them as straight ones.
     * Words without one (nearly all) are looked up as they are. */
    char tmp[16];
    const char *key = w;
    size_t m = n;
    if (memchr(w, 0xE2, n)) {
        m = 0;
        for (size_t i = 0; i < n; i++) {
            if (m >= sizeof tmp - 1) return false;
            if (i + 2 < n && (unsigned char)w[i] == 0xE2 && (unsigned char)w[i + 1] == 0x80 &&
                (unsigned char)w[i + 2] == 0x99) {
                tmp[m++] = '\'';
                i += 2;
            } else {
                tmp[m++] = w[i];
            }
        }
        key = tmp;
    } else if (n >= sizeof tmp) {
        return false;                       /* longer than any function word */
    }
    for (unsigned k = hash_fnv(key, m) & 1023u; table[k]; k = (k + 1) & 1023u)
        if (table_len[k] == m && memcmp(table[k], key, m) == 0) return true;
    return false;
}
