/* clean.c: what a page puts before a sentence that is not the sentence.
 *
 * Scraped news glues its furniture to the first sentence of an article:
 * a wire header ("HOUSTON | Thu Oct 28 , 2010 6:02 pm EDT HOUSTON (Reuters)
 * - Halliburton used ..."), a time stamp ("Friday , October 29 , 2010 ;
 * 10:22 AM Hours after ..."), a blog or comment header ("Stephanie Flanders
 * | 14:44 UK time , Wednesday , 29 April 2009 For anyone ...", "At 1:27 pm
 * on 01 Jul 2009 , X wrote :") or a dateline in capitals ("VENICE , LA. --
 * A tide of ..."). A timeline or a headline wants the sentence after it.
 * Shapes only: no outlet, place or person is named here. */
#include "summarize.h"

#include <stdbool.h>
#include <string.h>

static bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
static bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
static bool is_digit(char c) { return c >= '0' && c <= '9'; }
static bool is_alpha(char c) { return is_upper(c) || is_lower(c); }

/* Skip spaces from p. */
static const char *spaces(const char *p)
{
    while (*p == ' ' || *p == '\t' || *p == '\n') p++;
    return p;
}

/* The end of a wire credit at p: "(Reuters) -", "-LRB- AP -RRB- --", "(AFP)
 * —": one to three capitalised words in brackets, then a dash; NULL if
 * there is none. */
static const char *credit_at(const char *p)
{
    const char *q;
    if (*p == '(') q = p + 1;
    else if (!strncmp(p, "-LRB-", 5)) q = p + 5;
    else return NULL;
    q = spaces(q);
    int words = 0;
    while (is_upper(*q) && words < 3) {
        while (is_alpha(*q) || *q == '.' || *q == '-') q++;
        q = spaces(q);
        words++;
    }
    if (!words) return NULL;
    if (*q == ')') q++;
    else if (!strncmp(q, "-RRB-", 5)) q += 5;
    else return NULL;
    q = spaces(q);
    if (!strncmp(q, "--", 2)) q += 2;
    else if (*q == '-') q++;
    else if (!strncmp(q, "\xE2\x80\x94", 3) || !strncmp(q, "\xE2\x80\x93", 3)) q += 3;
    else return NULL;
    return spaces(q);
}

/* Is the credit at p (credit_at) a plain name in brackets, words of two
 * letters or more without dots or hyphens ("(CNN) --", "-LRB- Reuters
 * -RRB- -")? Not a politician's party and state before a dash: "Sen. Joe
 * Lieberman (I-Conn.) -- a critic -- said". */
static bool plain_credit(const char *p)
{
    const char *q = spaces(*p == '(' ? p + 1 : p + 5);
    while (*q && *q != ')' && strncmp(q, "-RRB-", 5)) {
        const char *w = q;
        while (is_alpha(*q)) q++;
        if (q - w < 2 || (*q != ' ' && *q != ')' && *q != '-')) return false;
        q = spaces(q);
    }
    return true;
}

/* After a clock time: the run of stamp words, numbers and separators that
 * goes on with it ("pm EDT", "UK time , Wednesday , 29 April 2009 |"). */
static const char *stamp_run(const char *p)
{
    const char *q = spaces(p);
    if ((q[0] == 'a' || q[0] == 'p') && q[1] == '.' && q[2] == 'm' && q[3] == '.') p = q + 4;   /* a.m., p.m. */
    for (;;) {
        q = spaces(p);
        if (*q == ',' || *q == ';' || *q == '|' || *q == '.' || *q == ':') { p = q + 1; continue; }
        if (is_digit(*q)) {
            while (is_digit(*q)) q++;
            p = q;
            continue;
        }
        const char *w = q;
        while (is_alpha(*q)) q++;
        if (q > w && dl_stamp_word(w, (size_t)(q - w), false)) { p = q; continue; }
        return spaces(p);
    }
}

/* A clock time at p ("6:02", "14:44", "10:22"): its end, or NULL. */
static const char *clock_at(const char *p)
{
    if (!is_digit(p[0])) return NULL;
    const char *q = p + 1;
    if (is_digit(*q)) q++;
    if (*q != ':' || !is_digit(q[1]) || !is_digit(q[2])) return NULL;
    q += 3;
    if (*q == ':' && is_digit(q[1]) && is_digit(q[2])) q += 3;
    return is_digit(*q) ? NULL : q;
}

/* A clock time written with a dot, which only a time zone after it tells
 * from a number ("17.37 BST"): its end (before the zone), or NULL. */
static const char *dotted_clock_at(const char *p)
{
    if (!is_digit(p[0])) return NULL;
    const char *q = p + 1;
    if (is_digit(*q)) q++;
    if (*q != '.' || !is_digit(q[1]) || !is_digit(q[2]) || is_digit(q[3])) return NULL;
    const char *end = q + 3, *z = spaces(end), *w = z;
    while (is_upper(*z)) z++;
    return z - w >= 2 && z - w <= 4 && !is_alpha(*z) && dl_stamp_word(w, (size_t)(z - w), false) ? end : NULL;
}

/* Does [p, e) hold a year, four digits from 1900 to 2099 standing alone? */
static bool has_year(const char *p, const char *e)
{
    for (const char *q = p; q + 4 <= e; q++)
        if (((q[0] == '1' && q[1] == '9') || (q[0] == '2' && q[1] == '0')) && is_digit(q[2]) && is_digit(q[3]) &&
            (q == p || !is_digit(q[-1])) && (q + 4 == e || !is_digit(q[4])))
            return true;
    return false;
}

/* Does a year end right before the clock time at clock, with only spaces,
 * a comma or a colon between ("Tuesday 28 April 2009 17.37 BST", "26 July
 * 2011 09:03 UK")? A date and a time together stamp a page, whatever
 * headline comes before them. */
static bool year_before(const char *s, const char *clock)
{
    const char *p = clock;
    while (p > s && (p[-1] == ' ' || p[-1] == ',' || p[-1] == ':')) p--;
    return p - s >= 4 && has_year(p - 4, p) && (p - s == 4 || !(is_digit(p[-5]) || is_alpha(p[-5])));
}

/* Past a byline opening [s, lim): "By Dan Primack ", "By Shelley DuBois ,
 * reporter": "By", one to four capitalised words, maybe a comma and a
 * word in lower case; s itself when there is none. */
static const char *past_byline(const char *s, const char *lim)
{
    if (lim - s < 4 || strncmp(s, "By ", 3)) return s;
    const char *p = s + 3;
    int words = 0;
    while (p < lim && is_upper(*p) && words < 4) {
        while (p < lim && (is_alpha(*p) || *p == '.' || *p == '-' || *p == '\'')) p++;
        p = spaces(p);
        words++;
    }
    if (!words) return s;
    if (p < lim && *p == ',') {
        const char *q = spaces(p + 1), *w = q;
        while (q < lim && is_lower(*q)) q++;
        if (q > w) p = spaces(q);
    }
    return p < lim ? p : s;
}

/* The prefix [s, clock) is a header: it holds a "|" or a ";", or only
 * stamp words, numbers and commas with a number among them (a date
 * before the time), maybe after a byline ("By Dan Primack February 2 ,
 * 2011 : 2:24 PM ET"; a colon may part its date and time). */
static bool header_before(const char *s, const char *clock)
{
    bool only_stamp = true, digits = false;
    const char *from = past_byline(s, clock);
    bool byline = from != s;
    for (const char *p = from; p < clock;) {
        if (*p == '|' || *p == ';') return true;
        if (is_alpha(*p)) {
            const char *w = p;
            while (p < clock && is_alpha(*p)) p++;
            if (!dl_stamp_word(w, (size_t)(p - w), true)) only_stamp = false;
            continue;
        }
        if (!is_digit(*p) && *p != ',' && *p != ' ' && *p != '.' && !(byline && *p == ':')) only_stamp = false;
        digits = digits || is_digit(*p);
        p++;
    }
    return only_stamp && digits;   /* a date before the time: "At 6:30" alone is the sentence's */
}

/* A dateline in capitals at the start (dl_dateline): "VENICE , LA. --",
 * "BATON ROUGE --", "ORVANO, July 9 —". Where the sentence starts after
 * it, a capital or a quote, or NULL. */
static const char *caps_dateline(const char *s)
{
    size_t n = strlen(s), e = dl_dateline(s, n, NULL);
    return e && e < n && (is_upper(s[e]) || s[e] == '"') ? s + e : NULL;
}

/* Does [p, e) hold word w as a whole word? */
static bool has_word(const char *p, const char *e, const char *w)
{
    size_t n = strlen(w);
    for (const char *q = p; q + n <= e; q++)
        if (!strncmp(q, w, n) && (q == p || !is_alpha(q[-1])) && (q + n == e || !is_alpha(q[n]))) return true;
    return false;
}

/* The end of a photo credit in brackets at p, spaces after it skipped:
 * "(AP Photo/Evan Vucci)", "-LRB- Charles Dharapak - AP -RRB-", "(Photo:
 * Jo Lee/Reuters)"; NULL if the brackets at p hold none. A credit names a
 * photo, or ends with an agency's name after a dash or a slash. */
static const char *photo_credit_at(const char *p)
{
    const char *in, *close;
    size_t closer;
    if (*p == '(') in = p + 1, close = strchr(in, ')'), closer = 1;
    else if (!strncmp(p, "-LRB-", 5)) in = p + 5, close = strstr(in, "-RRB-"), closer = 5;
    else return NULL;
    if (!close || close - in > 80) return NULL;
    const char *end = close;
    while (end > in && end[-1] == ' ') end--;
    bool photo = has_word(in, close, "Photo") || has_word(in, close, "Photos") || has_word(in, close, "Photograph");
    /* "- AP", "/Reuters", "/ Getty Images", "-- Associated Press",
     * "\/associated Press": after the last dash or slash, up to four
     * words of letters, one of them capitalised */
    const char *last = NULL;
    for (const char *q = in; q < end; q++)
        if (*q == '/' || (*q == '-' && q > in && q[-1] == ' ')) last = q;
    bool agency = false;
    if (last) {
        const char *q = last + 1;
        while (q < end && (*q == '-' || *q == ' ')) q++;
        int words = 0, caps = 0;
        agency = q < end;
        for (; q < end && agency; q++) {
            if (is_alpha(*q) && (q == last + 1 || !is_alpha(q[-1]))) words++, caps += is_upper(*q);
            agency = is_alpha(*q) || *q == ' ' || *q == '.';
        }
        agency = agency && words <= 4 && caps > 0;
    }
    if (!photo && !agency) return NULL;
    return spaces(close + closer);
}

/* The end of a live page's update stamp in brackets at p, and of a dash
 * after it: "(Update 2:45 p.m. Cairo, 7:45 a.m. ET) -", "-LRB- Updated:
 * 14:05 GMT -RRB-"; also when the sentence begins inside the brackets
 * ("Update 3:00 a.m. in Cairo , 8:00 p.m. ET -RRB-"). The brackets hold
 * a clock time (clock_at). NULL if there is none. */
static const char *update_stamp_at(const char *p, bool opened)
{
    const char *q = p;
    if (*q == '(') q++;
    else if (!strncmp(q, "-LRB-", 5)) q += 5;
    else if (!opened) return NULL;
    q = spaces(q);
    if (strncmp(q, "Update", 6) && strncmp(q, "UPDATE", 6)) return NULL;
    q += 6;
    if (*q == 'd' || *q == 'D') q++;
    if (is_alpha(*q)) return NULL;
    bool clock = false;
    const char *limit = q + 80;
    for (; *q && q < limit; q++) {
        if (*q == ')' || !strncmp(q, "-RRB-", 5)) {
            if (!clock) return NULL;
            q = spaces(q + (*q == ')' ? 1 : 5));
            if (!strncmp(q, "--", 2)) q += 2;
            else if (*q == '-' || *q == ':') q++;
            else if (!strncmp(q, "\xE2\x80\x94", 3) || !strncmp(q, "\xE2\x80\x93", 3)) q += 3;
            return spaces(q);
        }
        if (*q == '(' || !strncmp(q, "-LRB-", 5)) return NULL;
        if (!clock && (q == p || !is_digit(q[-1])) && clock_at(q)) clock = true;
    }
    return NULL;
}

/* Is the word [w, e) a function word ("The", "With"), which opens a
 * sentence but is in no one's name? */
static bool function_word(const char *w, const char *e)
{
    char low[16];
    size_t n = (size_t)(e - w);
    if (!n || n >= sizeof low) return false;
    for (size_t i = 0; i < n; i++) low[i] = (char)(is_upper(w[i]) ? w[i] + 32 : w[i]);
    return stop_is_word(low, n);
}

/* The end of a caption's credit line at p, spaces after it skipped:
 * "Photograph: AP", "Photo : Jo Lee/Getty Images": the label, then the
 * credit's words up to where the sentence begins: a capitalised function
 * word ("... Getty Images With a final shot ...", "... Herbert/AP The
 * White House ...") or a capitalised word that a word in lower case
 * follows ("Photograph : AP Nine new cases ..."). NULL if p holds none,
 * or nothing follows it. */
static const char *credit_line_at(const char *p)
{
    static const char *const labels[] = {"Photograph", "Photographs", "Photo", "Photos", NULL};
    const char *q = NULL;
    for (size_t i = 0; labels[i] && !q; i++) {
        size_t n = strlen(labels[i]);
        if (!strncmp(p, labels[i], n) && !is_alpha(p[n])) q = spaces(p + n);
    }
    if (!q || *q != ':') return NULL;
    q = spaces(q + 1);
    const char *first = q;
    while (*q) {
        const char *w = q;
        while (*q && *q != ' ') q++;
        const char *next = spaces(q);
        if (w > first && is_upper(*w) && (is_lower(*next) || function_word(w, q))) return w;
        if (!is_upper(*w) && !is_digit(*w) && *w != '\\' && *w != '/') return NULL;   /* not a credit's word */
        q = next;
    }
    return NULL;
}

/* The header window: furniture sits in the first bytes of a sentence. */
#define HEADER_MAX 200

const char *su_clean_sentence(const char *s)
{
    if (!s) return s;
    const char *start = spaces(s), *best = start;
    size_t len = strlen(start), window = len < HEADER_MAX ? len : HEADER_MAX;
    /* a wire credit, and with it everything before it: anywhere, since
     * the story's highlights may come first ("... Some fear the military
     * will be loath to give up power -LRB- CNN -RRB- -- Amid ..."); a live
     * page's update stamp, and with it a header before it */
    for (size_t i = 0; i < len; i++) {
        const char *e = credit_at(start + i);
        if (e && !plain_credit(start + i)) e = NULL;
        if (!e && i < window) e = update_stamp_at(start + i, i == 0);
        if (e && *e) { best = e; break; }
    }
    if (best == start)   /* a time stamp, when what comes before it is a header */
        for (size_t i = 0; i < window; i++) {
            if (i > 0 && is_digit(start[i - 1])) continue;
            const char *c = clock_at(start + i);
            if (!c) c = dotted_clock_at(start + i);
            if (!c) continue;
            const char *e = stamp_run(c);
            /* "X wrote :" after a comment's time stamp */
            const char *colon = strstr(e, " wrote :");
            if (!colon) colon = strstr(e, " wrote:");
            bool comment = colon && colon - e < 60;
            /* a page's date and time before the story's first words */
            bool dated = (year_before(start, start + i) || has_year(c, e)) && (is_upper(*e) || *e == '"' || *e == '`');
            if (!comment && !dated && !header_before(start, start + i)) continue;
            if (comment) e = spaces(strchr(colon, ':') + 1);
            if (*e) best = e;
            break;
        }
    /* photo credits before the sentence: "(AP Photo/Evan Vucci) (Evan Vucci - AP) President Bush ..." */
    for (const char *c; ((c = photo_credit_at(best)) || (c = credit_line_at(best))) && *c;) best = c;
    const char *d = caps_dateline(best);
    if (d && *d) best = d;
    return best;
}

/* A photo's caption rather than a report: it places people in the picture
 * ("Jo Lee , left , and ..."), says what a picture shows ("This image
 * from video ... shows", "In this file photo", "is seen on the water") or
 * holds a photo credit its start did not lose. Not "is seen as" a view. */
bool su_caption(const char *s)
{
    static const char *const marks[] = {", left ,", ", right ,", ", center ,", ", centre ,", ", left,", ", right,",
        ", center,", ", centre,", "file photo", "File photo", "Photo credit", "AP Photo", NULL};
    for (size_t i = 0; marks[i]; i++)
        if (strstr(s, marks[i])) return true;
    static const char *const pictures[] = {"This image ", "This photo ", "This picture ", NULL};
    for (size_t i = 0; pictures[i]; i++)
        if (strstr(s, pictures[i]) && strstr(s, " shows ")) return true;
    /* "An oil sheen is seen on the water ...", "are seen leaving" */
    static const char *const seen[] = {" is seen ", " are seen ", " is pictured ", " are pictured ", NULL};
    static const char *const where[] = {"on ", "in ", "at ", "near ", "over ", "outside ", "inside ", "leaving ",
                                        "during ", NULL};
    for (size_t i = 0; seen[i]; i++)
        for (const char *p = strstr(s, seen[i]); p; p = strstr(p + 1, seen[i])) {
            const char *w = p + strlen(seen[i]);
            for (size_t k = 0; where[k]; k++)
                if (!strncmp(w, where[k], strlen(where[k]))) return true;
        }
    return false;
}

/* Is the word [w, w + n) one of list? */
static bool word_of(const char *w, size_t n, const char *const *list)
{
    for (size_t i = 0; list[i]; i++)
        if (strlen(list[i]) == n && !memcmp(list[i], w, n)) return true;
    return false;
}

/* Does p open a quotation ("``", an opening curly mark, a straight mark
 * after a space or at the start) or close one; the mark's length in *n. */
static int quote_mark(const char *s, const char *p, size_t *n)
{
    if (!strncmp(p, "``", 2)) { *n = 2; return 1; }
    if (!strncmp(p, "''", 2)) { *n = 2; return -1; }
    if (!strncmp(p, "\xE2\x80\x9C", 3)) { *n = 3; return 1; }
    if (!strncmp(p, "\xE2\x80\x9D", 3)) { *n = 3; return -1; }
    if (*p == '"') { *n = 1; return p == s || p[-1] == ' ' || p[-1] == '(' ? 1 : -1; }
    return 0;
}

bool su_personal(const char *s)
{
    static const char *const reader[] = {"you", "You", "your", "Your", "yours", "yourself", "yourselves", NULL};
    static const char *const self[] = {"me", "my", "My", "myself", NULL};
    bool quoted = false;
    const char *prev = NULL;   /* the word before, when it is not the sentence's first */
    size_t words = 0;
    for (const char *p = s; *p;) {
        size_t n;
        int q = quote_mark(s, p, &n);
        if (q) { quoted = q > 0; p += n; continue; }
        if (!is_alpha(*p)) {
            /* an exclamation ends it ("Yahoo! said" is a name) */
            if (*p == '!' && !quoted && (p[1] == '!' || !*spaces(p + 1))) return true;
            /* what follows a colon is a message given: "its message was
             * simple: fill what you need" */
            if (*p == ':' && words >= 3) break;
            p++;
            continue;
        }
        const char *w = p;
        while (is_alpha(*p)) p++;
        size_t len = (size_t)(p - w);
        if (!quoted) {
            if (word_of(w, len, reader) || word_of(w, len, self)) return true;
            /* the pronoun: "I think", "I 'm", "i 'm"; not "World War I"
             * nor "i.e." */
            const char *x = spaces(p);
            bool follows = *x == '\'' || is_lower(*x) || !strncmp(x, "\xE2\x80\x99", 3);
            if (len == 1 && *w == 'I' && follows && !(prev && is_upper(*prev))) return true;
            if (len == 1 && *w == 'i' && follows && *p != '.') return true;
        }
        prev = words++ ? w : NULL;
    }
    return false;
}

bool su_says_little(const char *s)
{
    size_t words = 0, upper = 0, lower = 0, caps_run = 0, most_caps = 0;
    bool in_word = false;
    for (const char *p = s; *p; p++) {
        bool letter = is_alpha(*p);
        if (letter && !in_word) {
            words++;
            /* a word of two or more capitals and nothing else */
            const char *q = p;
            while (is_upper(*q)) q++;
            bool caps = q - p >= 2 && !is_lower(*q), single = q - p == 1 && !is_alpha(*q);
            if (!single) caps_run = caps ? caps_run + 1 : 0;   /* "A" or "I" neither adds nor ends */
            if (caps_run > most_caps) most_caps = caps_run;
            if (caps && *spaces(q) == ':') return true;   /* a speaker's label: "HOST :" */
        } else if (!letter && *p != ' ') {
            caps_run = 0;   /* "the US , UK and EU" are names */
        }
        in_word = letter;
        upper += is_upper(*p);
        lower += is_lower(*p);
        if (*p == '|' && p > s && p[-1] == ' ' && p[1] == ' ') return true;   /* "date | By ..." furniture */
    }
    /* a fragment, a heading in capitals, or words in capitals inside
     * ("THIS IS A RUSH TRANSCRIPT") */
    return words < 4 || upper > lower || most_caps >= 3;
}
