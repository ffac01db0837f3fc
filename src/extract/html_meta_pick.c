/* html_meta_pick.c: choosing the title among the page's candidates, and
 * cleaning bylines and language tags.
 *
 * A page names its headline several times: JSON-LD, Open Graph, Twitter,
 * the h1, <title>. <title> is the one most pages have, but it carries the
 * site's name ("Headline | Site"); the others are cleaner but can be a
 * shorter social-media variant or a logo. The h1 is what the reader sees:
 * it wins when it agrees with the others (ex_meta_pick_title). Not here:
 * finding the candidates (html_meta.c, html_meta_ld.c). */
#include "html_meta.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

/* Separators between a headline and a site or section name in <title>, the
 * strongest first: a title is split on the first kind it holds. */
static const char *const separators[] = {
    " | ", " || ", " :: ", " — ", " – ", " - ", " « ", " » ", " · ", " • ", NULL,
};

/* Space-separated words, a token of Chinese or Thai counting as the words
 * it holds; a separator ("|", "-") is no word. */
static size_t words_of(const char *s, size_t n)
{
    size_t w = 0;
    for (size_t i = 0; i < n; ) {
        while (i < n && s[i] == ' ') i++;
        size_t b = i;
        bool word = false;
        for (; i < n && s[i] != ' '; i++) word = word || isalnum((unsigned char)s[i]) || ((unsigned char)s[i] & 0x80);
        if (i == b) break;
        size_t k = u8_unspaced_words(s + b, i - b);
        w += !word ? 0 : k ? k : 1;
    }
    return w;
}

/* t without the site's name when it opens ("Site: Headline", "Site |
 * Headline") or closes ("Headline - Site") it. */
static const char *strip_site(arena *a, const char *t, const char *site)
{
    if (!t || !site) return t;
    size_t n = strlen(t), k = strlen(site);
    if (n <= k + 3) return t;
    const char *const *sep;
    for (sep = separators; *sep; sep++) {
        size_t m = strlen(*sep);
        if (n > k + m && !strncasecmp(t, site, k) && !strncmp(t + k, *sep, m))
            return t + k + m;
        if (n > k + m && !strcasecmp(t + n - k, site) && !strncmp(t + n - k - m, *sep, m))
            return arena_strndup(a, t, n - k - m);
    }
    if (!strncasecmp(t, site, k) && t[k] == ':' && t[k + 1] == ' ') return t + k + 2;
    return t;
}

/* <title> without a site or section name the page did not tell us: split on
 * the strongest separator it holds and keep the part with the most words.
 * A part of fewer than three words is a name, not a headline (Readability
 * uses the same bound), so then the title stays whole. */
static const char *strip_title(arena *a, const char *t)
{
    size_t n = strlen(t);
    for (const char *const *sep = separators; *sep; sep++) {
        size_t m = strlen(*sep);
        if (!strstr(t, *sep)) continue;
        const char *best = NULL, *p = t;
        size_t best_n = 0, best_w = 0;
        while (p) {
            const char *e = strstr(p, *sep);
            size_t len = e ? (size_t)(e - p) : n - (size_t)(p - t);
            size_t w = words_of(p, len);
            /* Most sites put the headline first; a later part wins only
             * when it is clearly longer ("BBC News - A long headline"). */
            if (!best || w > 2 * best_w) { best = p; best_n = len; best_w = w; }
            p = e ? e + m : NULL;
        }
        return best && best_w >= 3 ? arena_strndup(a, best, best_n) : t;
    }
    return t;
}

/* The longest candidate that <title> contains, NULL if none; a one-word
 * candidate ("Politics") proves nothing. */
static const char *longest_inside(const char *title, const char *const *c, size_t n)
{
    const char *best = NULL;
    for (size_t i = 0; i < n; i++) {
        if (!c[i] || words_of(c[i], strlen(c[i])) < 2 || !strcasestr(title, c[i])) continue;
        if (!best || strlen(c[i]) > strlen(best)) best = c[i];
    }
    return best;
}

/* t, or a candidate that is t without a suffix after a separator (og:title
 * "Headline | Site" beside twitter:title "Headline"): the site's name
 * written differently from og:site_name. */
static const char *shortest_variant(const char *t, const char *const *c, size_t n)
{
    size_t tn = strlen(t);
    for (size_t i = 0; i < n; i++) {
        size_t k = c[i] ? strlen(c[i]) : 0;
        if (!k || k >= tn || strncasecmp(t, c[i], k)) continue;
        for (const char *const *sep = separators; *sep; sep++)
            if (!strncmp(t + k, *sep, strlen(*sep))) return c[i];
    }
    return t;
}

/* The words of s (runs of letters and digits; every byte of a multibyte
 * character counts as a letter), at most max of them. */
typedef struct word { const char *s; size_t n; } word;

static size_t split_words(const char *s, word *w, size_t max)
{
    size_t n = 0;
    while (*s && n < max) {
        while (*s && !isalnum((unsigned char)*s) && !((unsigned char)*s & 0x80)) s++;
        const char *b = s;
        while (*s && (isalnum((unsigned char)*s) || ((unsigned char)*s & 0x80))) s++;
        if (s > b) w[n++] = (word){b, (size_t)(s - b)};
    }
    return n;
}

#define EX_TITLE_MAX_WORDS 64

/* The share of the distinct words of a and b that both hold (Jaccard,
 * case folded): how far two headlines are the same headline; 0 unless two
 * words or more are common, since one ("title", a name) proves nothing. */
static double word_agreement(const char *a, const char *b)
{
    word x[EX_TITLE_MAX_WORDS], y[EX_TITLE_MAX_WORDS];
    size_t nx = split_words(a, x, EX_TITLE_MAX_WORDS), ny = split_words(b, y, EX_TITLE_MAX_WORDS);
    size_t ux = 0, uy = 0, both = 0;
    for (size_t i = 0; i < nx; i++) {
        bool dup = false, in = false;
        for (size_t j = 0; j < i && !dup; j++)
            dup = x[j].n == x[i].n && !strncasecmp(x[j].s, x[i].s, x[i].n);
        if (dup) continue;
        ux++;
        for (size_t j = 0; j < ny && !in; j++)
            in = y[j].n == x[i].n && !strncasecmp(y[j].s, x[i].s, x[i].n);
        both += in;
    }
    for (size_t i = 0; i < ny; i++) {
        bool dup = false;
        for (size_t j = 0; j < i && !dup; j++)
            dup = y[j].n == y[i].n && !strncasecmp(y[j].s, y[i].s, y[i].n);
        uy += !dup;
    }
    return both >= 2 ? (double)both / (double)(ux + uy - both) : 0.0;
}

/* An h1 agrees with the page's other titles when at least this share of
 * their distinct words is common: "Top 10: Best Language Learning Apps"
 * beside the <title> "Best Apps to Learn a Language in 2025 - Top 10". A
 * logo or section h1 ("Yoga Pathways", "Day 7") shares none. Chosen on one
 * half of wcxb-dev (bench/wcxb.py; 0.15 to 0.25 did equally well there). */
#define EX_H1_AGREEMENT 0.2

/* The h1 that agrees best with the titles in refs, NULL when none agrees
 * enough or has fewer than two words. */
static const char *agreeing_h1(const ex_meta_found *f, const char *const *refs, size_t n)
{
    const char *best = NULL;
    double best_s = EX_H1_AGREEMENT - 1e-9;
    word w[2];
    for (size_t i = 0; i < f->n_h1; i++) {
        if (split_words(f->h1[i], w, 2) < 2) continue;
        for (size_t j = 0; j < n; j++) {
            double s = refs[j] ? word_agreement(f->h1[i], refs[j]) : 0.0;
            if (s > best_s) { best_s = s; best = f->h1[i]; }
        }
    }
    return best;
}

/* The title from the metadata and <title> alone. */
static const char *pick_from_meta(const ex_meta_found *f, arena *a)
{
    /* The order of trust: structured data, then Dublin Core (rarely set,
     * and then on purpose), then the social-media titles. */
    const char *meta[5] = {f->ld_headline, f->dc_title, f->og_title, f->twitter_title,
                           f->item_headline};
    for (size_t i = 0; i < 5; i++) meta[i] = strip_site(a, meta[i], f->site_name);
    const char *title = strip_site(a, f->html_title, f->site_name);
    const char *first_meta = NULL;
    for (size_t i = 0; i < 5 && !first_meta; i++) first_meta = meta[i];
    if (first_meta) first_meta = shortest_variant(first_meta, meta, 5);
    if (!title) return first_meta ? first_meta : f->n_h1 ? f->h1[0] : NULL;
    /* The page's own headline, found inside <title>: the rest of <title>
     * is site and section. The h1s count only when no metadata does, since
     * an h1 is sometimes the site's logo. */
    const char *best = longest_inside(title, meta, 5);
    /* An h1 is the headline inside <title> only as its larger part: a short
     * one ("Playful Tones" in "Reflections on a UI pipeline | Playful
     * Tones") is the site's name set as a logo. */
    if (!best) {
        best = longest_inside(title, f->h1, f->n_h1);
        if (best && 2 * words_of(best, strlen(best)) < words_of(title, strlen(title))) best = NULL;
    }
    if (best && strlen(best) < strlen(title)) return best;
    if (best) return strip_title(a, title);
    /* <title> and the metadata disagree: the metadata is the headline as
     * the newsroom wrote it, <title> often an SEO rewrite. */
    return first_meta ? first_meta : strip_title(a, title);
}

/* Is h1 the text of t with characters lost to question marks, as a page
 * whose encoding went wrong shows them ("Planning? Beginner? Guide" for
 * "Planning: Beginner's Guide")? Each '?' of h1 stands for one to six
 * bytes of t (a character or two); the rest is equal. */
static bool lost_to_marks(const char *h1, const char *t)
{
    bool lost = false;
    while (*h1 && *t) {
        if (*h1 == *t) { h1++, t++; continue; }
        if (*h1 != '?') return false;
        /* the shortest run of t (up to 6 bytes, ending on a whole character)
         * after which both go on alike */
        size_t k = 1;
        while (k <= 6 && t[k - 1] && (t[k] != h1[1] || ((unsigned char)t[k] & 0xC0) == 0x80)) k++;
        if (k > 6 || !t[k - 1] || t[k] != h1[1]) return false;
        lost = true;
        h1++;
        t += k;
    }
    return lost && !*h1 && !*t;
}

/* The headline a reader sees is the page's h1; metadata and <title> are
 * often an SEO or social-media rewrite of it ("Best Tax Preparation
 * Software" for "The Best Tax Prep Software of 2025"). So an h1 that
 * agrees with them is the title, and they decide among several h1s and
 * when none agrees (a logo, a section name). */
const char *ex_meta_pick_title(const ex_meta_found *f, arena *a)
{
    const char *meta = pick_from_meta(f, a);
    /* Compared without the site's name, which would make a logo h1 agree. */
    const char *refs[7] = {meta, f->html_title ? strip_title(a, strip_site(a, f->html_title, f->site_name)) : NULL,
                           f->ld_headline, f->dc_title, f->og_title, f->twitter_title, f->item_headline};
    for (size_t i = 2; i < 7; i++) refs[i] = strip_site(a, refs[i], f->site_name);
    const char *h1 = agreeing_h1(f, refs, 7);
    /* an h1 that repeats <title> whole carries the site's name too */
    if (h1 && f->html_title && !strcmp(h1, f->html_title)) return meta;
    /* nor is an h1 whose characters were lost the better text */
    if (h1 && meta && lost_to_marks(h1, meta)) return meta;
    return h1 ? h1 : meta;
}

/* n without trailing separators and punctuation: " —", " |", ",". */
static size_t trim_tail(const char *s, size_t n)
{
    static const char *const tails[] = {" ", ",", ";", "|", "-", "\u2014", "\u2013", "\u00b7",
                                        "\u2022", ":", NULL};
    for (bool cut = true; cut && n; ) {
        cut = false;
        for (const char *const *t = tails; *t && !cut; t++) {
            size_t k = strlen(*t);
            if (n >= k && !memcmp(s + n - k, *t, k)) { n -= k; cut = true; }
        }
    }
    return n;
}

/* "by" in other languages, as they write it, in lower case: "par
 * Sébastien Farcis", "por César Salza" ("Von Miller" is a name) */
static const char *const by_elsewhere[] = {"par ", "por ", "von ", "door ", "przez ", NULL};

/* A byline's labels, in English as most pages write them. A label runs
 * into the name with no space only after "written by" (glued: "Written
 * byAAA Travel Editor"), never after a bare "by" ("Byron"). */
static const struct { const char *w; bool glued; } labels[] = {
    {"about the author", false}, {"written by", true}, {"posted by", true}, {"words by", true},
    {"story by", true},
    {"authors", false}, {"author", false}, {"by", false},
};

/* The length of the label of labels[i] that s opens with, its colon
 * included, or 0. "Author Jane Doe" keeps its word: without a colon only
 * the "by" labels count. */
static size_t label_at(const char *s, size_t i)
{
    size_t k = strlen(labels[i].w);
    if (strncasecmp(s, labels[i].w, k)) return 0;
    char c = s[k];
    if (c == ':') return k + 1;
    return !c || (c == ' ' && strstr(labels[i].w, "by")) || (labels[i].glued && isupper((unsigned char)c)) ? k : 0;
}

/* The length of the "by" of another language s opens with ("par "), or 0;
 * whole: s is that word alone. */
static size_t elsewhere_at(const char *s, bool whole)
{
    for (const char *const *w = by_elsewhere; *w; w++) {
        size_t k = strlen(*w);
        if (whole ? strlen(s) == k - 1 && !strncmp(s, *w, k - 1) : !strncmp(s, *w, k)) return k;
    }
    return 0;
}

/* s past a byline's label ("By ", "Written by: ", "Author:", "par "); NULL
 * when the label is all there is ("Written By:", "Author", "par"). */
static const char *past_label(const char *s)
{
    while (*s == ' ') s++;
    /* a line that only announces a date or a reading time */
    static const char *const alone[] = {"posted", "published", "updated", "last updated", "posted on",
                                        "published on", "updated on", "last updated on", NULL};
    size_t len = strlen(s);
    while (len && (s[len - 1] == ':' || s[len - 1] == ' ')) len--;
    for (const char *const *a = alone; *a; a++)
        if (strlen(*a) == len && !strncasecmp(s, *a, len)) return NULL;
    if (len >= 8 && (!strncasecmp(s + len - 8, "min read", 8) || (len >= 11 && !strncasecmp(s + len - 11, "minute read", 11))))
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < sizeof labels / sizeof *labels && !k; i++) k = label_at(s, i);
    if (!k) k = elsewhere_at(s, false);
    if (!k) return elsewhere_at(s, true) ? NULL : s;
    s += k;
    while (*s == ' ' || *s == ':') s++;
    return *s ? s : NULL;
}

/* n shortened past the words that announced a date cut off after them
 * ("on", "at", "published", "updated"). */
static size_t before_date_label(const char *s, size_t n)
{
    /* the day of a day-first date ("3 May 2025", "18th") */
    size_t k = n;
    while (k && isalpha((unsigned char)s[k - 1]) && n - k < 2) k--;
    if (k < n && strncasecmp(s + k, "st", n - k) && strncasecmp(s + k, "nd", n - k) &&
        strncasecmp(s + k, "rd", n - k) && strncasecmp(s + k, "th", n - k)) k = n;
    size_t digits = k;
    while (digits && isdigit((unsigned char)s[digits - 1])) digits--;
    if (digits < k && k - digits <= 2 && digits && s[digits - 1] == ' ') n = trim_tail(s, digits - 1);
    static const char *const words[] = {"on", "at", "published", "updated", "posted", "last", NULL};
    for (bool cut = true; cut && n;) {
        cut = false;
        for (const char *const *w = words; *w && !cut; w++) {
            size_t k = strlen(*w);
            if (n >= k && (n == k || s[n - k - 1] == ' ') && !strncasecmp(s + n - k, *w, k)) {
                n = n == k ? 0 : trim_tail(s, n - k - 1);
                cut = true;
            }
        }
    }
    return n;
}

size_t ex_meta_words(const char *s) { return words_of(s, strlen(s)); }

bool ex_meta_by_label(const char *s)
{
    while (*s == ' ') s++;
    size_t k = 0;
    for (size_t i = 0; i < sizeof labels / sizeof *labels && !k; i++)
        if (strstr(labels[i].w, "by")) k = label_at(s, i);
    if (!k) k = elsewhere_at(s, false);
    return k && s[k];   /* a label alone names no one */
}

bool ex_meta_name_like(const char *s)
{
    static const char *const particles[] = {"van", "von", "der", "den", "de", "del", "della", "da", "di", "du",
                                            "la", "le", "bin", "ibn", "al", "el", "y", "e", "and", NULL};
    size_t words = 0;
    bool lower = false;
    for (const char *p = s; *p;) {
        while (*p == ' ' || *p == ',') p++;
        const char *w = p;
        while (*p && *p != ' ' && *p != ',') p++;
        if (p == w) break;
        words++;
        size_t n = (size_t)(p - w), letters = 0;
        for (size_t i = 0; i < n; i++) letters += isalpha((unsigned char)w[i]) != 0;
        if (letters < 4 || !islower((unsigned char)w[0])) continue;
        bool particle = false;
        for (const char *const *q = particles; *q && !particle; q++)
            particle = strlen(*q) == n && !strncmp(w, *q, n);
        if (!particle) lower = true;
    }
    return words <= 1 || !lower;
}

const char *ex_meta_clean_byline(arena *a, const char *s)
{
    if (!s) return NULL;
    s = past_label(s);
    if (!s) return NULL;
    /* "Jane Doe | 20 Nov 2019", "Jane Doe - Staff": the name ends there. */
    size_t n = strlen(s);
    for (const char *const *sep = separators; *sep; sep++) {
        const char *e = strstr(s, *sep);
        if (e && (size_t)(e - s) < n) n = (size_t)(e - s);
    }
    /* "Lucas Nolan22 Dec 2016": a name runs into a date with no space */
    for (size_t i = 1; i < n; i++) {
        if (!islower((unsigned char)s[i - 1]) || !isdigit((unsigned char)s[i])) continue;
        size_t day = 0, d = ex_meta_date_at(s + i, n - i);   /* "22 Dec 2016": the day, then the date */
        while (day < 3 && i + day < n && isdigit((unsigned char)s[i + day])) day++;
        if (d == 0 || (day <= 2 && s[i + day] == ' ' && d == day + 1)) {
            n = i;   /* not "Rapid7" */
            break;
        }
    }
    size_t dated = ex_meta_date_at(s, n);
    if (dated < n) n = before_date_label(s, trim_tail(s, dated));   /* "FlowGuard EMEA on 3 May" */
    else n = trim_tail(s, n);
    size_t letters = 0;   /* "J": an avatar's initial is no name */
    for (size_t i = 0; i < n && letters < 2; i++) letters += isalpha((unsigned char)s[i]) || ((unsigned char)s[i] & 0x80);
    if (letters < 2 || n > EX_META_MAX_BYLINE || s[0] == '@' || !strncasecmp(s, "http", 4)) return NULL;
    /* Several authors: "A and B", "A & B" become "A, B"; but only after a
     * name of two words or more, so that "Mac & i" stays whole. */
    buf b;
    buf_init(&b);
    size_t seg = 0;   /* where the current name starts in b */
    for (size_t i = 0; i < n; ) {
        size_t k = i + 5 <= n && !strncasecmp(s + i, " and ", 5) ? 5
                 : i + 3 <= n && !strncmp(s + i, " & ", 3) ? 3 : 0;
        if (k && words_of(b.data + seg, b.len - seg) >= 2) {
            buf_puts(&b, ", ");
            seg = b.len;
            i += k;
        } else {
            buf_putc(&b, s[i++]);
        }
    }
    const char *out = b.len ? arena_strndup(a, b.data, b.len) : NULL;
    buf_free(&b);
    return out;
}

const char *ex_meta_lang(arena *a, const char *tag)
{
    while (*tag == ' ') tag++;
    if (!isalpha((unsigned char)tag[0]) || !isalpha((unsigned char)tag[1])) return NULL;
    if (tag[2] && tag[2] != '-' && tag[2] != '_' && tag[2] != ' ' && tag[2] != ',' &&
        tag[2] != ';') return NULL;
    char code[3] = {(char)tolower((unsigned char)tag[0]), (char)tolower((unsigned char)tag[1]), 0};
    return arena_strdup(a, code);
}
