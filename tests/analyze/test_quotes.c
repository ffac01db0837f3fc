/* test_quotes.c: direct and indirect quotes, their cues and speakers, on
 * paragraphs written for these tests and on the seed articles (read from
 * ../shared at run time). Names are built by hand from the text, by finding
 * the names with strstr, so that these tests judge the quote finder alone;
 * one seed test runs the whole way instead (extractor, an_find_names, quotes)
 * to check that the attributions hold with the names really found. */
#include "testutil.h"
#include "analyze/analyze.h"
#include "extract/extract.h"

#include <ctype.h>

/* ---- hand-built names ---------------------------------------------------- */

#define MAXM 128
#define MAXA 16

typedef struct names_builder {
    const char *text;
    an_mention  m[MAXM];
    size_t      nm;
    an_actor    a[MAXA];
    const char *roles[MAXA][4];
    size_t      na;
} names_builder;

static int add_actor(names_builder *b, const char *name, an_type type)
{
    an_actor *a = &b->a[b->na];
    memset(a, 0, sizeof *a);
    a->name = name;
    a->key = name;
    a->type = (uint8_t)type;
    a->roles = b->roles[b->na];
    return (int)b->na++;
}

static bool overlaps(const names_builder *b, size_t s, size_t e)
{
    for (size_t i = 0; i < b->nm; i++)
        if (s < b->m[i].end && b->m[i].start < e) return true;
    return false;
}

/* Every whole-word occurrence of needle at or after `from` becomes a mention
 * of actor (with role), unless it lies inside an earlier mention. */
static void mention_from(names_builder *b, const char *from, const char *needle, int actor, const char *role)
{
    size_t n = strlen(needle);
    for (const char *p = strstr(from, needle); p; p = strstr(p + 1, needle)) {
        size_t s = (size_t)(p - b->text), e = s + n;
        if ((s > 0 && isalnum((unsigned char)b->text[s - 1])) || isalnum((unsigned char)b->text[e])) continue;
        if (overlaps(b, s, e) || b->nm == MAXM) continue;
        b->m[b->nm++] = (an_mention){(uint32_t)s, (uint32_t)e, b->a[actor].type, actor, role};
        b->a[actor].mentions++;
        if (role && b->a[actor].n_roles < 4) b->roles[actor][b->a[actor].n_roles++] = role;
    }
}

static void mention(names_builder *b, const char *needle, int actor, const char *role)
{
    mention_from(b, b->text, needle, actor, role);
}

static int by_start(const void *x, const void *y)
{
    const an_mention *a = x, *b = y;
    return a->start < b->start ? -1 : a->start > b->start;
}

static an_names built(names_builder *b)
{
    qsort(b->m, b->nm, sizeof *b->m, by_start);
    return (an_names){b->m, b->nm, b->a, b->na};
}

/* ---- looking at results ------------------------------------------------- */

/* The quote of the given kind whose words contain key, or NULL. */
static const an_quote *quote_with(const char *text, const an_quote *q, size_t n, const char *key, int kind)
{
    const char *p = strstr(text, key);
    if (!p) return NULL;
    size_t at = (size_t)(p - text);
    for (size_t i = 0; i < n; i++)
        if (q[i].kind == kind && q[i].start <= at && at + strlen(key) <= q[i].end) return &q[i];
    return NULL;
}

static size_t count_kind(const an_quote *q, size_t n, int kind)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) k += q[i].kind == kind;
    return k;
}

static void assert_span(const char *text, uint32_t s, uint32_t e, const char *want)
{
    char got[256];
    snprintf(got, sizeof got, "%.*s", (int)(e - s), text + s);
    assert_string_equal(got, want);
}

static void assert_sane(const an_quote *q, size_t n, size_t len, size_t n_actors)
{
    for (size_t i = 0; i < n; i++) {
        assert_true(q[i].start <= q[i].end && q[i].end <= len);
        assert_true(q[i].cue_start <= q[i].cue_end && q[i].cue_end <= len);
        assert_true(q[i].speaker >= -1 && q[i].speaker < (int32_t)n_actors);
        assert_true(q[i].kind == AN_DIRECT || q[i].kind == AN_INDIRECT);
    }
}

typedef struct run { arena a; an_quote *q; size_t n; } run;

static void find(run *r, const char *text, const an_names *nm)
{
    arena_init(&r->a);
    r->n = an_find_quotes(text, strlen(text), nm, &r->a, &r->q);
    assert_sane(r->q, r->n, strlen(text), nm ? nm->n_actors : 0);
}

#define LQ "\xE2\x80\x9C"   /* “ */
#define RQ "\xE2\x80\x9D"   /* ” */
#define AP "\xE2\x80\x99"   /* ’ */

/* ---- direct quotes, cue after ------------------------------------------ */

static void cue_after_with_pronoun_and_name(void **st)
{
    (void)st;
    const char *t =
        LQ "The alliance is as strong as it has ever been," RQ " Foreign Minister Ana Vey said at a press "
        "conference with Defence Secretary Leo Ortiz and Envoy Max Brandt in Lisbon on Thursday.\n\n"
        LQ "The exercise is a matter for the alliance. It should be decided by the military," RQ " she added.\n\n"
        LQ "We pay for most of them," RQ " Ortiz told a news conference in Lisbon. " LQ "Under the circumstances I "
        "think it is inappropriate to continue.\n\n"
        "The envoys met again on Friday.\n\n"
        LQ "There have been many analyses of the summit," RQ " Brandt told Ortiz during the meeting.";
    names_builder b = {.text = t};
    int vey = add_actor(&b, "Ana Vey", AN_PERSON), ortiz = add_actor(&b, "Leo Ortiz", AN_PERSON);
    int brandt = add_actor(&b, "Max Brandt", AN_PERSON);
    mention(&b, "Ana Vey", vey, "Foreign Minister");
    mention(&b, "Leo Ortiz", ortiz, "Defence Secretary");
    mention(&b, "Ortiz", ortiz, NULL);
    mention(&b, "Max Brandt", brandt, "Envoy");
    mention(&b, "Brandt", brandt, NULL);
    an_names nm = built(&b);
    run r;
    find(&r, t, &nm);
    const an_quote *q = quote_with(t, r.q, r.n, "as strong as", AN_DIRECT);
    assert_non_null(q);
    assert_int_equal(q->speaker, vey);
    assert_span(t, q->start, q->end, "The alliance is as strong as it has ever been");
    q = quote_with(t, r.q, r.n, "a matter for the alliance", AN_DIRECT);
    assert_non_null(q);
    assert_int_equal(q->speaker, vey);     /* she: the speaker just before, not Brandt */
    assert_span(t, q->cue_start, q->cue_end, "she added");
    q = quote_with(t, r.q, r.n, "We pay for most", AN_DIRECT);
    assert_non_null(q);
    assert_int_equal(q->speaker, ortiz);
    assert_span(t, q->cue_start, q->cue_end, "Ortiz told a news conference");
    /* a quote left open at a paragraph end not continued by a quote mark is dropped */
    assert_null(quote_with(t, r.q, r.n, "Under the circumstances", AN_DIRECT));
    q = quote_with(t, r.q, r.n, "many analyses", AN_DIRECT);
    assert_non_null(q);
    assert_int_equal(q->speaker, brandt);  /* the subject, not the addressee */
    assert_int_equal(count_kind(r.q, r.n, AN_INDIRECT), 0);
    arena_reset(&r.a);
}

/* With two people, Ana Vey and Leo Ortiz, named in full or by surname:
 * the speaker (TWO_VEY, TWO_ORTIZ, -1 for none) of the quote of kind
 * kind in text holding key (speaker_with: a direct one), or -2 if there is
 * no such quote; *indirect (if given) gets the number of indirect quotes
 * found. */
enum { TWO_VEY, TWO_ORTIZ };
/* The quotes of text, its people Ana Vey (TWO_VEY) and Leo Ortiz
 * (TWO_ORTIZ) named in full or by surname. */
static void find_two(run *r, const char *text)
{
    names_builder b = {.text = text};
    int vey = add_actor(&b, "Ana Vey", AN_PERSON), ortiz = add_actor(&b, "Leo Ortiz", AN_PERSON);
    mention(&b, "Ana Vey", vey, NULL);
    mention(&b, "Leo Ortiz", ortiz, NULL);
    mention(&b, "Vey", vey, NULL);
    mention(&b, "Ortiz", ortiz, NULL);
    an_names nm = built(&b);
    find(r, text, &nm);
}

static int speaker_of(const char *text, const char *key, int kind, size_t *indirect)
{
    run r;
    find_two(&r, text);
    const an_quote *q = quote_with(text, r.q, r.n, key, kind);
    int who = q ? q->speaker : -2;
    if (indirect) *indirect = count_kind(r.q, r.n, AN_INDIRECT);
    arena_reset(&r.a);
    return who;
}

static int speaker_with(const char *text, const char *key, size_t *indirect)
{
    return speaker_of(text, key, AN_DIRECT, indirect);
}

/* A quote signed after a dash, as under a letter or a testimonial: the
 * name that ends its sentence or paragraph is the speaker; a dash before
 * words that name no one, or before a lower-case clause, signs nothing. */
static void a_quote_signed_after_a_dash(void **st)
{
    (void)st;
    assert_int_equal(speaker_with("Readers wrote in.\n\n" LQ "The rent is too high." RQ " \xE2\x80\x95 Ana Vey "
                                  LQ "We will stay." RQ " \xE2\x80\x95 Leo Ortiz", "rent is", NULL), TWO_VEY);
    assert_int_equal(speaker_with("Readers wrote in.\n\n" LQ "The rent is too high." RQ " \xE2\x80\x95 Ana Vey "
                                  LQ "We will stay." RQ " \xE2\x80\x95 Leo Ortiz", "will stay", NULL), TWO_ORTIZ);
    assert_int_equal(speaker_with("Readers wrote in.\n\n" LQ "The rent is too high." RQ "\xE2\x80\x94Leo Ortiz.",
                                  "rent is", NULL), TWO_ORTIZ);
    assert_int_equal(speaker_with("Readers wrote in.\n\n\"The rent is too high for all of us.\" - Ana Vey, tenant",
                                  "rent is", NULL), TWO_VEY);
    assert_int_equal(speaker_with("Readers wrote in.\n\n\"The rent is too high for all of us.\" - Union Report",
                                  "rent is", NULL), -1);
    assert_int_equal(speaker_with("Readers wrote in.\n\n\"The rent is too high for all of us.\" - Ana Vey said "
                                  "nothing.", "rent is", NULL), -1);
}

/* "and" between two capitalised words is part of a title or a name, not a
 * new clause: the quote before "Fire and Rescue Commander Ana Vey told
 * reporters" is hers (the demo's bridge collapse gave it no speaker). */
static void and_inside_a_title_goes_on(void **st)
{
    (void)st;
    assert_int_equal(speaker_with(LQ "Our priority tonight is to find every person," RQ " Fire and Rescue Commander "
                                  "Ana Vey told reporters on the south bank.", "priority", NULL), TWO_VEY);
    /* "and" after a word in lower case still ends the phrase */
    assert_int_not_equal(speaker_with(LQ "We will stay," RQ " the tenants and Ana Vey said.", "will stay", NULL),
                         TWO_VEY);
}

/* An apposition after a bracket or an abbreviation's period still leads
 * to the verb ("Jordan (R-Ohio), a panel member, said", "McConnell,
 * R-Ky., said"); a verb opening its sentence has its speaker after it
 * ("Said Ortiz: ..."), and reports no clause of its own. A sentence that
 * ends with "X said" is X's, quote and all. Two apostrophes are a quote
 * mark. */
static void appositions_after_brackets_and_inverted_openings(void **st)
{
    (void)st;
    assert_int_equal(speaker_with("Talks began.\n\n" LQ "The veto will be overridden," RQ " Ana Vey (R-Ohio), "
                                  "a panel member, said in an interview.", "veto will", NULL), TWO_VEY);
    assert_int_equal(speaker_with("Talks began.\n\n" LQ "The veto will be overridden," RQ " Leo Ortiz, R-Ky., "
                                  "said Tuesday.", "veto will", NULL), TWO_ORTIZ);
    size_t indirect = 9;
    assert_int_equal(speaker_with("The code is complex. Said Ortiz: " LQ "I do not sense she is interested in "
                                  "tax reform at all." RQ, "not sense", &indirect), TWO_ORTIZ);
    assert_int_equal(indirect, 0);
    /* a quote inside a sentence that ends with its attribution */
    assert_int_equal(speaker_with("Talks began.\n\n" LQ "I admire the mechanics" RQ " of the plan, Leo Ortiz said.",
                                  "admire the", NULL), TWO_ORTIZ);
    assert_int_equal(speaker_with("Talks began.\n\n" LQ "I admire the mechanics" RQ " of the plan, said Ana Vey.",
                                  "admire the", NULL), TWO_VEY);
    assert_true(speaker_with("Talks began.\n\n" LQ "I admire the mechanics" RQ " of the plan, Ana Vey said to the "
                             "council in a speech.", "admire the", NULL) != TWO_VEY);
    /* the name at the end may carry an apposition that ends the sentence;
     * not a clause with a verb of its own */
    assert_int_equal(speaker_with("Talks began.\n\n" LQ "He can try it, but it seems unlikely" RQ " that he wins, "
                                  "said Leo Ortiz, a strategist for the party.", "can try", NULL), TWO_ORTIZ);
    /* and so it does when the next sentence opens with a quote */
    assert_int_equal(speaker_with("Talks began.\n\n" LQ "He can try it, but it seems unlikely" RQ " that he wins, "
                                  "said Leo Ortiz, a strategist for the party. " LQ "And yet it would seal it." RQ,
                                  "can try", NULL), TWO_ORTIZ);
    assert_int_equal(speaker_with("Talks began.\n\nThe vote signals " LQ "the beginning of the end" RQ " for the "
                                  "pact, Ana Vey, founder of the Party for Freedom, said.", "beginning of", NULL),
                     TWO_VEY);
    assert_true(speaker_with("Talks began.\n\nThe vote signals " LQ "the beginning of the end" RQ " for the "
                             "pact, said Ana Vey, who told reporters it was over.", "beginning of", NULL) != TWO_VEY);
    /* "..., going on to say that ...": the verb's subject is the sentence's */
    assert_int_equal(speaker_with("Talks began.\n\n" LQ "That is insane," RQ " Leo Ortiz said, going on to say that "
                                  "the country has spent " LQ "years fighting over it" RQ " already.", "years fighting",
                                  NULL), TWO_ORTIZ);
    /* two apostrophes make a double quote mark: ''...,'' she said */
    assert_int_equal(speaker_with("Talks began.\n\n''We will stay in the city for now,'' Ana Vey said. ''The rest "
                                  "is noise.''", "will stay", NULL), TWO_VEY);
    assert_int_equal(speaker_with("Talks began.\n\n''We will stay in the city for now,'' Ana Vey said. ''The rest "
                                  "is noise.''", "rest is noise", NULL), TWO_VEY);
}

/* Cues news writes beyond "X said": a verb the table does not list before
 * the quote or with a particle after it, a role before the name, an
 * inverted verb with the name in an apposition, a quote that runs on after
 * its cue, a signature on the next line; and quotes without a cue: inside
 * a sentence about a person, or right after a sentence that opens with one. */
static void more_ways_to_name_the_speaker(void **st)
{
    (void)st;
    assert_int_equal(speaker_with("Talks began. Ana Vey reported, " LQ "Overall security conditions remain "
                                  "unpredictable." RQ, "Overall", NULL), TWO_VEY);
    assert_int_equal(speaker_with("Talks began. " LQ "The stock has not done well," RQ " Vey pointed out.",
                                  "stock has", NULL), TWO_VEY);
    assert_int_equal(speaker_with("Talks began. Then Leo Ortiz shot back, " LQ "I could have stayed home and "
                                  "baked cookies." RQ, "baked", NULL), TWO_ORTIZ);
    assert_int_equal(speaker_with("Talks began. " LQ "They would have gone to the only bill," RQ " Ana Vey sighed on "
                                  "Tuesday.", "only bill", NULL), TWO_VEY);
    assert_true(speaker_with("Talks began. " LQ "They would have gone to the only bill," RQ " Ana Vey sighed on "
                             "Tuesday about the long delays in the committee.", "only bill", NULL) != TWO_VEY);
    assert_int_equal(speaker_with("Talks began. " LQ "Somebody entered through the visa program," RQ
                                  " the White House spokesman, Leo Ortiz, said on Thursday.", "Somebody", NULL),
                     TWO_ORTIZ);
    assert_int_equal(speaker_with("Talks began. " LQ "We are anxious," RQ " said another Twitter user, Ana Vey.",
                                  "anxious", NULL), TWO_VEY);
    assert_int_equal(speaker_with("Talks began. " LQ "The odds favour a long vacancy," RQ " said another advocate, "
                                  "Ana Vey of the law firm Mayer Brown.", "odds favour", NULL), TWO_VEY);
    assert_int_equal(speaker_with("Talks began. " LQ "She is a mother of three," RQ " another friend, Ana Vey told "
                                  "the paper.", "mother of", NULL), TWO_VEY);
    assert_int_equal(speaker_with("Talks began. " LQ "Our method succeeds where others fail," RQ " Leo Ortiz is "
                                  "quoted as saying.", "method succeeds", NULL), TWO_ORTIZ);
    const char *run_on = "Talks began. " LQ "The risk," RQ " said Leo Ortiz, an economist who directs the "
                         "forecast, " LQ "is that we are going to be attracting workers and repelling jobs." RQ;
    assert_int_equal(speaker_with(run_on, "The risk", NULL), TWO_ORTIZ);
    assert_int_equal(speaker_with(run_on, "is that we", NULL), TWO_ORTIZ);
    /* a second half of a few words is the same quote's, not scare quotes */
    const char *short_run = "Talks began. " LQ "We tried," RQ " Ana Vey said, " LQ "but it failed." RQ " Then she left.";
    assert_int_equal(speaker_with(short_run, "but it failed", NULL), TWO_VEY);
    assert_int_equal(speaker_with("Readers wrote in.\n\n" LQ "Boeing and other multinationals pay zero taxes." RQ
                                  "\n\n- Ana Vey.\n\nNext.", "Boeing", NULL), TWO_VEY);
    assert_int_equal(speaker_with("Talks began. In an address to the nation late on Friday, Ana Vey condemned the "
                                  LQ "attack whose terrorist "
                                  "nature cannot be denied." RQ, "attack whose", NULL), TWO_VEY);
    assert_int_equal(speaker_with("Leo Ortiz supports the plan in the race. " LQ "I am a graduate, but I have "
                                  "loans, and I do not see a way out." RQ, "I am a graduate", NULL), TWO_ORTIZ);
    /* a verb with no subject before it: the name right after it, or the
     * subject of its sentence past an insertion */
    assert_int_equal(speaker_with("Talks began. But, said Leo Ortiz, " LQ "I do not want to drum up conflict "
                                  "over the plan." RQ, "drum up", NULL), TWO_ORTIZ);
    assert_int_equal(speaker_of("Talks began. Ana Vey herself, as well as her campaign, has always maintained "
                                "that the server was secure.", "the server", AN_INDIRECT, NULL), TWO_VEY);
    /* what follows an inverted verb at a sentence's end is its speaker, not
     * a reported clause */
    assert_int_equal(speaker_of("Talks began. Hospitals will stay connected through their own valves, said Leo "
                                "Ortiz, managing director of the water board.", "Leo Ortiz", AN_INDIRECT, NULL), -2);
    /* a person deep inside the sentence before is not its subject */
    assert_int_equal(speaker_with("The plan was praised in the long and tiring race by Leo Ortiz. " LQ "I am a "
                                  "graduate, but I have loans, and I do not see a way out." RQ, "I am a graduate",
                                  NULL), -1);
}

/* A quote keeps the words its attribution names the speaker with, apart
 * from whom they resolve to; none where no phrase names them. */
static void a_quote_keeps_the_speaker_words(void **st)
{
    (void)st;
    const char *t = "Ana Vey spoke. " LQ "We will win," RQ " the Florida senator also said. " LQ "Taxes are "
                    "too high," RQ " she said. " LQ "We will not leave the city at all." RQ " On Tuesday the "
                    "board said the cuts would end next week.";
    names_builder b = {.text = t};
    int vey = add_actor(&b, "Ana Vey", AN_PERSON);
    mention(&b, "Ana Vey", vey, NULL);
    an_names nm = built(&b);
    run r;
    find(&r, t, &nm);
    const struct { const char *key, *words; int kind; } want[] = {
        {"We will win", "the Florida senator", AN_DIRECT}, {"Taxes are", "she", AN_DIRECT},
        {"We will not leave", NULL, AN_DIRECT}, {"the cuts", "the board", AN_INDIRECT}};
    for (size_t k = 0; k < 4; k++) {
        const an_quote *q = quote_with(t, r.q, r.n, want[k].key, want[k].kind);
        assert_non_null(q);
        if (!want[k].words) {
            assert_int_equal(q->speaker_end, q->speaker_start);
            continue;
        }
        assert_int_equal(q->speaker_end - q->speaker_start, strlen(want[k].words));
        assert_memory_equal(t + q->speaker_start, want[k].words, strlen(want[k].words));
    }
    arena_reset(&r.a);
}

/* "A," she said, "B." is one quote over both pieces; its words leave the
 * cue out. After a full stop the next quote is a quote of its own. */
static void a_quote_that_runs_on_is_one(void **st)
{
    (void)st;
    const char *t = "Ana Vey spoke. " LQ "We will stay here," RQ " she said, " LQ "and we will not leave the "
                    "city." RQ " Then talks ended. " LQ "We stay," RQ " Vey said. " LQ "Nothing more will be said "
                    "about it." RQ;
    names_builder b = {.text = t};
    int vey = add_actor(&b, "Ana Vey", AN_PERSON);
    mention(&b, "Ana Vey", vey, NULL);
    mention_from(&b, strstr(t, "Vey said"), "Vey", vey, NULL);
    an_names nm = built(&b);
    run r;
    find(&r, t, &nm);
    assert_int_equal(count_kind(r.q, r.n, AN_DIRECT), 3);
    const an_quote *q = quote_with(t, r.q, r.n, "We will stay", AN_DIRECT);
    assert_non_null(q);
    assert_int_equal(q->speaker, vey);
    assert_true(q->end == (uint32_t)(strstr(t, "the city.") - t) + 9);
    assert_string_equal(an_quote_text(q, t, &r.a), "We will stay here, and we will not leave the city.");
    q = quote_with(t, r.q, r.n, "Nothing more", AN_DIRECT);
    assert_non_null(q);
    assert_int_equal(q->speaker, vey);
    assert_int_equal(q->cut_end, 0);
    arena_reset(&r.a);
}

/* A speaker set apart from the verb by an apposition or a relative clause
 * after the quote; the short quote is speech because it is cued. A quote
 * whose cue names no one, inside someone's reported clause, is theirs. */
static void cue_after_an_apposition_and_partial_quotes(void **st)
{
    (void)st;
    const char *t =
        LQ "Taxes are too high," RQ " Ana Vey, a spokeswoman for the company, said.\n\n"
        LQ "We will appeal," RQ " Leo Ortiz, who has opposed the rule for years, said on Monday.\n\n"
        "On Sunday, Max Brandt said that by refusing to say the words, his rivals are " LQ "hiding from the voters." RQ
        "\n\n" LQ "Prices fell," RQ " the data, a survey of firms, showed.";
    names_builder b = {.text = t};
    int vey = add_actor(&b, "Ana Vey", AN_PERSON), ortiz = add_actor(&b, "Leo Ortiz", AN_PERSON);
    int brandt = add_actor(&b, "Max Brandt", AN_PERSON);
    mention(&b, "Ana Vey", vey, NULL);
    mention(&b, "Leo Ortiz", ortiz, NULL);
    mention(&b, "Max Brandt", brandt, NULL);
    an_names nm = built(&b);
    run r;
    find(&r, t, &nm);
    const an_quote *q = quote_with(t, r.q, r.n, "Taxes are too high", AN_DIRECT);
    assert_non_null(q);
    assert_int_equal(q->speaker, vey);
    assert_span(t, q->cue_start, q->cue_end, "Ana Vey, a spokeswoman for the company, said");
    q = quote_with(t, r.q, r.n, "We will appeal", AN_DIRECT);
    assert_non_null(q);
    assert_int_equal(q->speaker, ortiz);
    q = quote_with(t, r.q, r.n, "hiding from the voters", AN_DIRECT);
    assert_non_null(q);
    assert_int_equal(q->speaker, brandt);
    /* a colon after a short clause naming someone introduces their words,
     * whatever the verb, also in the next paragraph */
    assert_int_equal(speaker_with("Leo Ortiz, 61, mused:\n\n" LQ "We have seen this before." RQ, "seen this", NULL),
                     TWO_ORTIZ);
    /* the present tense of a known speech verb after its subject; not a
     * noun after a determiner */
    size_t indirect;
    assert_int_equal(speaker_with(LQ "Nobody will stop us," RQ " Ortiz argues.\n\nThe notes that the port will "
                                  "close were lost.", "Nobody will", &indirect), TWO_ORTIZ);
    assert_int_equal(indirect, 0);   /* "The notes that ..." */
    /* reporting verbs beyond "said": a quote split by "concluded", a tweet */
    assert_int_equal(speaker_with(LQ "Let us take this chance," RQ " Ortiz concluded, " LQ "to win." RQ, "this chance",
                                  NULL), TWO_ORTIZ);
    assert_int_equal(speaker_with(LQ "Not us, but we agree!" RQ " Ana Vey tweeted on Friday.", "Not us", NULL), TWO_VEY);
    /* a quote goes on in the next sentence, though the sentence that
     * attributes the first names someone else */
    assert_int_equal(speaker_with(LQ "We need him," RQ " Ana Vey said of Leo Ortiz. " LQ "He won the vote for all of "
                                  "us." RQ, "He won the vote", NULL), TWO_VEY);
    /* an abbreviation's period before the comma ends no sentence; a short
     * bracket after the name is passed over */
    assert_int_equal(speaker_with(LQ "There is no room in the U.S.," RQ " Ana Vey said.", "no room", NULL), TWO_VEY);
    assert_int_equal(speaker_with(LQ "We will win," RQ " Leo Ortiz (D-Ore.) said.", "We will win", NULL), TWO_ORTIZ);
    /* "as" before the speaker */
    assert_int_equal(speaker_with("The race is " LQ "a dead heat right now," RQ " as Leo Ortiz said on Monday.", "dead heat",
                                  NULL), TWO_ORTIZ);
    /* a verb of the past no table lists, closing the words after a quote;
     * not one that goes on into a clause */
    assert_int_equal(speaker_with(LQ "They failed us," RQ " Leo Ortiz charged.", "They failed", NULL), TWO_ORTIZ);
    assert_int_equal(speaker_with(LQ "This is fantastic!" RQ " beamed Ana Vey.", "fantastic", NULL), TWO_VEY);
    assert_true(speaker_with(LQ "Not yet, not now," RQ " Leo Ortiz wanted to know from the board.", "Not yet", NULL) < 0);
    /* verbs that name or describe in someone's words: the subject is the
     * speaker of the words quoted after them */
    assert_int_equal(speaker_with("Leo Ortiz called the holiday " LQ "a celebration of what unites all of us." RQ,
                                  "a celebration", NULL), TWO_ORTIZ);
    assert_int_equal(speaker_with("Ana Vey described the plan as " LQ "a gift to the few at the cost of the many." RQ,
                                  "a gift", NULL), TWO_VEY);
    /* a participle of a speech verb after the clause of its subject */
    assert_int_equal(speaker_with("Leo Ortiz spoke to the crowd, asking, " LQ "Where do we go from here tonight?" RQ,
                                  "Where do we go", NULL), TWO_ORTIZ);
    /* a lower-case noun phrase is no speaker's name, and "showed" no speech */
    q = quote_with(t, r.q, r.n, "Prices fell", AN_DIRECT);
    assert_true(!q || q->speaker < 0);
    arena_reset(&r.a);
}

/* A place that modifies the noun heading a speaker phrase did not speak
 * ("the US daily wrote": "daily" is the head, not an adverb); a place that
 * heads it may ("Italy said"). */
static void a_place_inside_a_speaker_phrase_is_no_speaker(void **st)
{
    (void)st;
    const char *t = LQ "We endorse her for president," RQ " the influential US daily wrote.\n\n"
                    "Italy said it would send two ships to the area. Cafe owners in Zurich said prices rose sharply this year.";
    names_builder b = {.text = t};
    int us = add_actor(&b, "United States", AN_PLACE), italy = add_actor(&b, "Italy", AN_PLACE);
    int zurich = add_actor(&b, "Zurich", AN_PLACE);
    mention(&b, "US", us, NULL);
    mention(&b, "Italy", italy, NULL);
    mention(&b, "Zurich", zurich, NULL);
    an_names nm = built(&b);
    run r;
    find(&r, t, &nm);
    const an_quote *q = quote_with(t, r.q, r.n, "We endorse her", AN_DIRECT);
    assert_non_null(q);
    assert_int_equal(q->speaker, -1);
    q = quote_with(t, r.q, r.n, "send two ships", AN_INDIRECT);
    assert_non_null(q);
    assert_int_equal(q->speaker, italy);
    /* a place after a preposition is where the speakers are */
    q = quote_with(t, r.q, r.n, "prices rose", AN_INDIRECT);
    assert_non_null(q);
    assert_int_equal(q->speaker, -1);
    arena_reset(&r.a);
}

/* An organisation speaks as a person does, also when its name ends with
 * an abbreviation's period, past the phrase's last word, and when it opens
 * its sentence before an apposition ("The Fair Accounts Alliance, a
 * consumer group, said"). */
static void an_organisation_speaks_by_its_initials(void **st)
{
    (void)st;
    const char *t = "The F.B.I. has said it had no information about the couple. "
                    "The U.N. said the camps were full. "
                    "The Fair Accounts Alliance, a consumer group, said it was preparing a claim.";
    names_builder b = {.text = t};
    int fbi = add_actor(&b, "F.B.I.", AN_ORGANISATION), un = add_actor(&b, "U.N.", AN_ORGANISATION);
    int alliance = add_actor(&b, "Fair Accounts Alliance", AN_ORGANISATION);
    mention(&b, "F.B.I.", fbi, NULL);
    mention(&b, "U.N.", un, NULL);
    mention(&b, "Fair Accounts Alliance", alliance, NULL);
    an_names nm = built(&b);
    run r;
    find(&r, t, &nm);
    const an_quote *q = quote_with(t, r.q, r.n, "it had no information", AN_INDIRECT);
    assert_non_null(q);
    assert_int_equal(q->speaker, fbi);
    q = quote_with(t, r.q, r.n, "the camps were full", AN_INDIRECT);
    assert_non_null(q);
    assert_int_equal(q->speaker, un);
    q = quote_with(t, r.q, r.n, "preparing a claim", AN_INDIRECT);
    assert_non_null(q);
    assert_int_equal(q->speaker, alliance);
    arena_reset(&r.a);
}

static void cue_after_inverted_and_according_to(void **st)
{
    (void)st;
    const char *t = "Adviser Wi Lan spoke on Sunday.\n\n"
                    "\"We are not contemplating using the exercises as leverage,\" said Wi during a briefing.\n\n"
                    "\"There seems to be no reason to assume the worst,\" according to Wi.\n\n"
                    "\"Nothing has been decided yet,\" said the ministry spokesman.";
    names_builder b = {.text = t};
    int wi = add_actor(&b, "Wi Lan", AN_PERSON);
    mention(&b, "Wi Lan", wi, "Adviser");
    mention(&b, "Wi", wi, NULL);
    an_names nm = built(&b);
    run r;
    find(&r, t, &nm);
    const an_quote *q = quote_with(t, r.q, r.n, "not contemplating", AN_DIRECT);
    assert_non_null(q);
    assert_int_equal(q->speaker, wi);
    assert_span(t, q->cue_start, q->cue_end, "said Wi");
    q = quote_with(t, r.q, r.n, "no reason", AN_DIRECT);
    assert_non_null(q);
    assert_int_equal(q->speaker, wi);
    assert_span(t, q->cue_start, q->cue_end, "according to Wi");
    q = quote_with(t, r.q, r.n, "Nothing has been decided", AN_DIRECT);
    assert_non_null(q);
    assert_int_equal(q->speaker, -1);      /* no spokesman among the names */
    arena_reset(&r.a);
}

/* ---- direct quotes, cue before ----------------------------------------- */

static void cue_before_comma_colon_and_pronoun(void **st)
{
    (void)st;
    const char *t =
        "Defence Secretary Leo Ortiz praised the decision to pause the drill.\n\n"
        "He said, " LQ "The decision creates an opening for our diplomats." RQ "\n\n"
        "Ana Vey said: " LQ "We will answer in kind." RQ "\n\n"
        "Ortiz also said the drills would stay paused, and added that troops would remain.";
    names_builder b = {.text = t};
    int ortiz = add_actor(&b, "Leo Ortiz", AN_PERSON), vey = add_actor(&b, "Ana Vey", AN_PERSON);
    mention(&b, "Leo Ortiz", ortiz, "Defence Secretary");
    mention(&b, "Ortiz", ortiz, NULL);
    mention(&b, "Ana Vey", vey, NULL);
    an_names nm = built(&b);
    run r;
    find(&r, t, &nm);
    const an_quote *q = quote_with(t, r.q, r.n, "creates an opening", AN_DIRECT);
    assert_non_null(q);
    assert_int_equal(q->speaker, ortiz);
    assert_span(t, q->cue_start, q->cue_end, "He said");
    assert_span(t, q->start, q->end, "The decision creates an opening for our diplomats.");
    q = quote_with(t, r.q, r.n, "answer in kind", AN_DIRECT);
    assert_non_null(q);
    assert_int_equal(q->speaker, vey);
    /* two reported clauses: "said" stops where "and added" starts */
    q = quote_with(t, r.q, r.n, "the drills would stay paused", AN_INDIRECT);
    assert_non_null(q);
    assert_int_equal(q->speaker, ortiz);
    assert_span(t, q->start, q->end, "the drills would stay paused");
    q = quote_with(t, r.q, r.n, "troops would remain", AN_INDIRECT);
    assert_non_null(q);
    assert_int_equal(q->speaker, ortiz);
    /* no direct quote reported again as indirect */
    assert_int_equal(count_kind(r.q, r.n, AN_INDIRECT), 2);
    assert_int_equal(count_kind(r.q, r.n, AN_DIRECT), 2);
    arena_reset(&r.a);
}

/* ---- pronouns ------------------------------------------------------------- */

/* he/she/they: the subject of the previous sentence wins over the speaker of
 * the quote before it; that speaker is the fallback when the previous
 * sentence names no one, the last person mentioned after that. */
static void pronoun_takes_the_previous_subject(void **st)
{
    (void)st;
    const char *t =
        "Defence Minister Ana Vey said at the start of talks with Leo Ortiz, " LQ "If the North keeps its "
        "word, we will answer with trust." RQ "\n\n"
        "Ortiz also praised the decision to pause the drill, promising to work for peace. He said, " LQ
        "The pause gives our diplomats room to negotiate." RQ "\n\n"
        "He also said the troops would stay for now.\n\n"
        LQ "We are ready for more rounds of talks," RQ " Vey said at the ministry. The talks lasted two hours. "
        "She said, " LQ "Nothing is off the table." RQ "\n\n"
        "Envoy Max Brandt arrived on Monday.\n\n"
        "The weather was fine.\n\n"
        "He said, " LQ "We came to listen and to learn." RQ;
    names_builder b = {.text = t};
    int vey = add_actor(&b, "Ana Vey", AN_PERSON), ortiz = add_actor(&b, "Leo Ortiz", AN_PERSON);
    int brandt = add_actor(&b, "Max Brandt", AN_PERSON);
    mention(&b, "Ana Vey", vey, "Defence Minister");
    mention(&b, "Vey", vey, NULL);
    mention(&b, "Leo Ortiz", ortiz, NULL);
    mention(&b, "Ortiz", ortiz, NULL);
    mention(&b, "Max Brandt", brandt, "Envoy");
    an_names nm = built(&b);
    run r;
    find(&r, t, &nm);
    const an_quote *q = quote_with(t, r.q, r.n, "answer with trust", AN_DIRECT);
    assert_non_null(q);
    assert_int_equal(q->speaker, vey);
    q = quote_with(t, r.q, r.n, "room to negotiate", AN_DIRECT);
    assert_non_null(q);
    assert_int_equal(q->speaker, ortiz);   /* the previous subject, not Vey who spoke last */
    assert_span(t, q->cue_start, q->cue_end, "He said");
    q = quote_with(t, r.q, r.n, "troops would stay", AN_INDIRECT);
    assert_non_null(q);
    assert_int_equal(q->speaker, ortiz);   /* previous sentence only "He": the quote before */
    q = quote_with(t, r.q, r.n, "Nothing is off the table", AN_DIRECT);
    assert_non_null(q);
    assert_int_equal(q->speaker, vey);     /* previous sentence names no one */
    q = quote_with(t, r.q, r.n, "came to listen", AN_DIRECT);
    assert_non_null(q);
    assert_int_equal(q->speaker, brandt);  /* the last person mentioned */
    arena_reset(&r.a);
}

/* A pronoun cue after a quote looks past the quote's own full stops to the
 * sentence before it; a run of quotes keeps its speaker even when someone
 * else is named in a cue (the addressee). */
static void pronoun_after_quotes_and_runs(void **st)
{
    (void)st;
    const char *t =
        LQ "The alliance stands. It has never been stronger," RQ " Foreign Minister Kay Lin said at a press "
        "conference with Envoy Max Brandt and Leo Ortiz on Thursday.\n\n"
        LQ "The exercise is a matter for the alliance. The military will decide," RQ " she added.\n\n"
        LQ "The drills cost a lot," RQ " Ortiz told Brandt. " LQ "We pay for most of them," RQ " he added. "
        LQ "That has to change," RQ " he said.\n\n"
        "Brandt met Ortiz later. " LQ "We disagree on the costs," RQ " he said.";
    names_builder b = {.text = t};
    int lin = add_actor(&b, "Kay Lin", AN_PERSON), brandt = add_actor(&b, "Max Brandt", AN_PERSON);
    int ortiz = add_actor(&b, "Leo Ortiz", AN_PERSON);
    mention(&b, "Kay Lin", lin, "Foreign Minister");
    mention(&b, "Max Brandt", brandt, "Envoy");
    mention(&b, "Brandt", brandt, NULL);
    mention(&b, "Leo Ortiz", ortiz, NULL);
    mention(&b, "Ortiz", ortiz, NULL);
    an_names nm = built(&b);
    run r;
    find(&r, t, &nm);
    const an_quote *q = quote_with(t, r.q, r.n, "matter for the alliance", AN_DIRECT);
    assert_non_null(q);
    assert_int_equal(q->speaker, lin);     /* not Ortiz, named last before "she" */
    assert_span(t, q->cue_start, q->cue_end, "she added");
    q = quote_with(t, r.q, r.n, "The drills cost", AN_DIRECT);
    assert_non_null(q);
    assert_int_equal(q->speaker, ortiz);
    q = quote_with(t, r.q, r.n, "We pay for most", AN_DIRECT);
    assert_non_null(q);
    assert_int_equal(q->speaker, ortiz);   /* the subject, not Brandt the addressee */
    q = quote_with(t, r.q, r.n, "has to change", AN_DIRECT);
    assert_non_null(q);
    assert_int_equal(q->speaker, ortiz);
    q = quote_with(t, r.q, r.n, "disagree on the costs", AN_DIRECT);
    assert_non_null(q);
    assert_int_equal(q->speaker, brandt);  /* the previous subject, not the object */
    arena_reset(&r.a);
}

/* ---- roles --------------------------------------------------------------- */

static void role_phrases_resolve_to_the_last_holder(void **st)
{
    (void)st;
    const char *t =
        "The delegation was led by Lt. Gen. Ana Vey and met Maj. Gen. Leo Ortiz and Foreign Minister Kay Lin.\n\n"
        "\"I am sure that the talks will succeed,\" the lieutenant general said.\n\n"
        "\"We hope for a breakthrough soon,\" the major general said.\n\n"
        "\"We will study the proposal carefully,\" the minister said.\n\n"
        "\"We have nothing more to add today,\" the admiral said.\n\n"
        "The South Korean Minister said in remarks during talks with Ortiz, \"Peace is within reach now.\"";
    names_builder b = {.text = t};
    int vey = add_actor(&b, "Ana Vey", AN_PERSON), ortiz = add_actor(&b, "Leo Ortiz", AN_PERSON);
    int lin = add_actor(&b, "Kay Lin", AN_PERSON);
    mention(&b, "Ana Vey", vey, "Lt. Gen.");
    mention(&b, "Leo Ortiz", ortiz, "Maj. Gen.");
    mention(&b, "Ortiz", ortiz, NULL);
    mention(&b, "Kay Lin", lin, "Foreign Minister");
    an_names nm = built(&b);
    run r;
    find(&r, t, &nm);
    const an_quote *q = quote_with(t, r.q, r.n, "the talks will succeed", AN_DIRECT);
    assert_non_null(q);
    assert_int_equal(q->speaker, vey);
    assert_span(t, q->cue_start, q->cue_end, "the lieutenant general said");
    q = quote_with(t, r.q, r.n, "breakthrough", AN_DIRECT);
    assert_non_null(q);
    assert_int_equal(q->speaker, ortiz);
    q = quote_with(t, r.q, r.n, "study the proposal", AN_DIRECT);
    assert_non_null(q);
    assert_int_equal(q->speaker, lin);
    q = quote_with(t, r.q, r.n, "nothing more to add", AN_DIRECT);
    assert_non_null(q);
    assert_int_equal(q->speaker, -1);
    /* a role phrase as subject, the addressee named after the verb */
    q = quote_with(t, r.q, r.n, "Peace is within reach", AN_DIRECT);
    assert_non_null(q);
    assert_int_equal(q->speaker, lin);
    arena_reset(&r.a);
}

/* ---- quotes over several paragraphs, continuation ------------------------ */

static void quote_over_paragraphs_is_one(void **st)
{
    (void)st;
    const char *t =
        "Envoy Max Brandt spoke after the talks.\n\n"
        LQ "We will be stopping the exercises, which will save a lot of money.\n\n"
        LQ "Plus, I think it is very provocative," RQ " Brandt said. " LQ "We will see what happens next." RQ "\n\n"
        LQ "And we will keep talking with everyone who wants peace." RQ "\n\n"
        "Leo Ortiz disagreed.\n\n"
        LQ "This is a serious mistake for the whole region." RQ;
    names_builder b = {.text = t};
    int brandt = add_actor(&b, "Max Brandt", AN_PERSON), ortiz = add_actor(&b, "Leo Ortiz", AN_PERSON);
    mention(&b, "Max Brandt", brandt, "Envoy");
    mention(&b, "Brandt", brandt, NULL);
    mention(&b, "Leo Ortiz", ortiz, NULL);
    an_names nm = built(&b);
    run r;
    find(&r, t, &nm);
    const an_quote *q = quote_with(t, r.q, r.n, "We will be stopping", AN_DIRECT);
    assert_non_null(q);
    assert_memory_equal(t + q->start, "We will be stopping", 19);
    assert_true(q->end == (uint32_t)(strstr(t, "very provocative") - t) + 16);
    assert_int_equal(q->speaker, brandt);
    q = quote_with(t, r.q, r.n, "what happens next", AN_DIRECT);
    assert_non_null(q);
    assert_int_equal(q->speaker, brandt);  /* directly follows, no cue */
    q = quote_with(t, r.q, r.n, "keep talking", AN_DIRECT);
    assert_non_null(q);
    assert_int_equal(q->speaker, brandt);  /* next paragraph, no one else named */
    q = quote_with(t, r.q, r.n, "serious mistake", AN_DIRECT);
    assert_non_null(q);
    /* not Brandt's: someone else was named in between, and the sentence
     * right before opens with him */
    assert_int_equal(q->speaker, ortiz);
    assert_int_equal(count_kind(r.q, r.n, AN_DIRECT), 4);
    arena_reset(&r.a);
}

/* An opening mark typed where the closing one belongs closes the quote
 * when it ends a word; an opening mark before a word inside an unclosed
 * quote still starts the next quote. */
static void an_opening_mark_typed_for_a_closing_one(void **st)
{
    (void)st;
    const char *t =
        "Leo Ortiz was shocked. " LQ "Do you want to be seen with them?" LQ " Ortiz asked. "
        "Max Brandt answered at once. " LQ "We never met them," RQ " Brandt said. "
        LQ "Nothing was agreed " LQ "This is over," RQ " Ortiz said.";
    names_builder b = {.text = t};
    int ortiz = add_actor(&b, "Leo Ortiz", AN_PERSON), brandt = add_actor(&b, "Max Brandt", AN_PERSON);
    mention(&b, "Leo Ortiz", ortiz, NULL);
    mention(&b, "Max Brandt", brandt, NULL);
    mention(&b, "Ortiz", ortiz, NULL);
    mention(&b, "Brandt", brandt, NULL);
    an_names nm = built(&b);
    run r;
    find(&r, t, &nm);
    const an_quote *q = quote_with(t, r.q, r.n, "Do you want", AN_DIRECT);
    assert_non_null(q);
    assert_span(t, q->start, q->end, "Do you want to be seen with them?");
    assert_int_equal(q->speaker, ortiz);
    q = quote_with(t, r.q, r.n, "We never met", AN_DIRECT);
    assert_non_null(q);
    assert_int_equal(q->speaker, brandt);
    q = quote_with(t, r.q, r.n, "This is over", AN_DIRECT);   /* "Nothing was agreed " was never closed */
    assert_non_null(q);
    assert_span(t, q->start, q->end, "This is over");
    assert_int_equal(q->speaker, ortiz);
    assert_null(quote_with(t, r.q, r.n, "Nothing was agreed", AN_DIRECT));
    arena_reset(&r.a);
}

/* A short quote right after a speech verb is its object, spoken ("chanting
 * "no deal, no peace""), and so after "chants of"; right after a naming
 * verb it is a thing's name, unless the verb's object went before its
 * subject ("what Brandt called "..."). */
static void a_quote_right_after_a_speech_verb(void **st)
{
    (void)st;
    const char *t =
        "Max Brandt left the hall, saying " LQ "we will win." RQ " Outside, strikers stood chanting "
        LQ "no deal, no peace" RQ " for an hour. Brandt joined a group called " LQ "Friends of the Coast" RQ
        " last year. The crowd met him with chants of " LQ "out, out" RQ " at the gate. He left behind what "
        "Brandt called " LQ "a perception problem." RQ " He joined what is called " LQ "the inner circle" RQ ".";
    names_builder b = {.text = t};
    int brandt = add_actor(&b, "Max Brandt", AN_PERSON);
    mention(&b, "Max Brandt", brandt, NULL);
    mention(&b, "Brandt", brandt, NULL);
    an_names nm = built(&b);
    run r;
    find(&r, t, &nm);
    const an_quote *q = quote_with(t, r.q, r.n, "we will win", AN_DIRECT);
    assert_non_null(q);
    assert_int_equal(q->speaker, brandt);
    assert_non_null(quote_with(t, r.q, r.n, "no deal, no peace", AN_DIRECT));
    assert_null(quote_with(t, r.q, r.n, "Friends of the Coast", AN_DIRECT));
    assert_non_null(quote_with(t, r.q, r.n, "out, out", AN_DIRECT));   /* chants of "..." */
    q = quote_with(t, r.q, r.n, "a perception problem", AN_DIRECT);   /* what Brandt called "..." */
    assert_non_null(q);
    assert_int_equal(q->speaker, brandt);
    assert_span(t, q->cue_start, q->cue_end, "Brandt called");
    assert_null(quote_with(t, r.q, r.n, "the inner circle", AN_DIRECT));   /* a passive names no one */
    arena_reset(&r.a);
}

/* ---- scare quotes --------------------------------------------------------- */

static void scare_quotes_are_not_speech(void **st)
{
    (void)st;
    const char *t =
        "Brandt suggested he would halt the " LQ "provocative" RQ " drills, a \"flexible change\" in policy, "
        "while Pyongyang calls them \"war rehearsals,\" as it has for years. The holiday is the day of "
        LQ "Victory in the Great Fatherland War." RQ "\n\n"
        "Brandt said the plan was " LQ "unacceptable" RQ " to his government.\n\n"
        "Brandt stressed the need for a \"flexible change\" in regards to pressure.\n\n"
        "Lisbon says its alliance with the United States remains " LQ "as strong as ever," RQ " two days after the summit.";
    names_builder b = {.text = t};
    int brandt = add_actor(&b, "Brandt", AN_PERSON);
    mention(&b, "Brandt", brandt, NULL);
    an_names nm = built(&b);
    run r;
    find(&r, t, &nm);
    /* "calls them "war rehearsals"": the words are Pyongyang's (names_object) */
    assert_int_equal(count_kind(r.q, r.n, AN_DIRECT), 3);
    assert_non_null(quote_with(t, r.q, r.n, "war rehearsals", AN_DIRECT));
    assert_null(quote_with(t, r.q, r.n, "provocative", AN_DIRECT));
    assert_null(quote_with(t, r.q, r.n, "flexible change", AN_DIRECT));
    /* "States" in "the United States" is no speech verb; "says" is */
    const an_quote *q = quote_with(t, r.q, r.n, "as strong as ever", AN_DIRECT);
    assert_non_null(q);
    assert_span(t, q->cue_start, q->cue_end, "Lisbon says");
    q = quote_with(t, r.q, r.n, "unacceptable", AN_DIRECT);
    assert_non_null(q);                     /* short, but with a cue just before */
    assert_int_equal(q->speaker, brandt);
    q = quote_with(t, r.q, r.n, "the plan was", AN_INDIRECT);
    assert_non_null(q);
    assert_int_equal(q->speaker, brandt);
    arena_reset(&r.a);
}

/* A clause before a comma is reported by the verb after the comma only
 * when what stands between them names a speaker: with a speech verb of its
 * own it is a clause ("Ana Vey, an engineer, said images showed that
 * several cables had snapped": "snapped" reports nothing). */
static void a_phrase_with_a_verb_of_its_own_is_no_speaker(void **st)
{
    (void)st;
    const char *t = "Divers searched. Ana Vey, an engineer at the institute, said images of the wreckage showed "
                    "several cables had snapped at their ends. Talks went on.";
    run r;
    find_two(&r, t);
    assert_null(quote_with(t, r.q, r.n, "an engineer at the institute", AN_INDIRECT));
    const an_quote *q = quote_with(t, r.q, r.n, "images of the wreckage", AN_INDIRECT);
    assert_non_null(q);
    assert_int_equal(q->speaker, 0);
    arena_reset(&r.a);
}

/* In text t (find_two's people), each of titles is in no direct quote
 * and each of speech is in one. */
static void titles_not_speech(const char *t, const char *const *titles, const char *const *speech)
{
    run r;
    find_two(&r, t);
    for (size_t i = 0; titles[i]; i++)
        if (quote_with(t, r.q, r.n, titles[i], AN_DIRECT)) fail_msg("\"%s\" taken for speech", titles[i]);
    for (size_t i = 0; speech[i]; i++)
        if (!quote_with(t, r.q, r.n, speech[i], AN_DIRECT)) fail_msg("\"%s\" not taken for speech", speech[i]);
    arena_reset(&r.a);
}

/* A title-cased quote of a few words right after a preposition names a
 * programme, a film or a place, not speech; words shouted "of" a crowd,
 * and a quote after a speech verb, are speech still. */
static void titles_after_a_preposition_are_not_speech(void **st)
{
    (void)st;
    const char *t =
        "Vey said in an interview on " LQ "Morning Report." RQ " She praised his turn in " LQ "The Long Winter." RQ "\n\n"
        "The hall filled with chants of " LQ "Vey! Vey!" RQ " as she spoke.\n\n"
        "Asked about the plan, Ortiz said: " LQ "Never." RQ "\n\n"
        "Ortiz said the money went to " LQ "schools that need it most." RQ "\n";
    static const char *const titles[] = {"Morning Report", "The Long Winter", NULL};
    static const char *const speech[] = {"Vey! Vey!", "Never.", "schools that need it most.", NULL};
    titles_not_speech(t, titles, speech);
}

/* "X, the host, said: “We ...”": the quote after the colon is what X
 * said, never the speaker of a clause "X, the host" before the verb; the
 * speaker as written is "X, the host". */
static void a_quote_after_said_colon_names_no_speaker(void **st)
{
    (void)st;
    const char *t = "Ana Vey, the host, said: " LQ "We will be back next week." RQ "\n\n"
                    "The talks have failed for now, Ortiz said. " LQ "We tried," RQ " he added.\n";
    size_t indirect;
    assert_int_equal(speaker_of(t, "We will be back", AN_DIRECT, &indirect), 0);
    assert_int_equal(indirect, 1);
    assert_int_equal(speaker_of(t, "The talks have failed", AN_INDIRECT, NULL), 1);
    /* the speaker as written is the name with its apposition */
    run r;
    find_two(&r, t);
    const an_quote *q = quote_with(t, r.q, r.n, "We will be back", AN_DIRECT);
    assert_non_null(q);
    assert_span(t, q->speaker_start, q->speaker_end, "Ana Vey, the host");
    arena_reset(&r.a);
}

/* The speaker of "say" after "what" is who follows "what" ("Here is what
 * fire experts say residents should do" names "fire experts"), and "to
 * say" inside what someone said is part of it ("Vey said it was too early
 * to say what caused the fire"): no second quote, with the words "said it
 * was too early to" or any other speaker. */
static void what_and_to_say_leave_the_speaker_out_of_the_clause(void **st)
{
    (void)st;
    const char *t = "Here is what fire experts say residents should do now.\n\n"
                    "Ana Vey, who flew in from the capital, said it was too early to say what caused the fire.\n";
    run r;
    find_two(&r, t);
    const an_quote *q = quote_with(t, r.q, r.n, "residents should do", AN_INDIRECT);
    assert_non_null(q);
    assert_span(t, q->speaker_start, q->speaker_end, "fire experts");
    /* "to say" reports nothing of its own inside the clause of "said"
     * that holds it: one quote of Ana Vey, not a second "what caused the
     * fire" (the demo's bridge story showed both) */
    q = quote_with(t, r.q, r.n, "too early to say what caused the fire", AN_INDIRECT);
    assert_non_null(q);
    assert_int_equal(q->speaker, 0);
    size_t at = (size_t)(strstr(t, "what caused") - t);
    for (size_t i = 0; i < r.n; i++) assert_false(r.q[i].start == at);
    arena_reset(&r.a);
    /* a finite verb inside reports a claim of its own */
    const char *u = "Ana Vey said the plan was late, claiming that the board had hidden the costs for months.\n";
    find_two(&r, u);
    at = (size_t)(strstr(u, "the board") - u);
    q = NULL;
    for (size_t i = 0; i < r.n; i++)
        if (r.q[i].kind == AN_INDIRECT && r.q[i].start == at) q = &r.q[i];
    assert_non_null(q);
    arena_reset(&r.a);
}

/* "he" and "she" never go back to someone the text gives the other sex
 * (an_actor.sex, from an honorific, a role or a given name: actors.c);
 * someone of whom it says nothing, or both (two of one name), may be
 * either. */
static void a_pronoun_keeps_to_its_sex(void **st)
{
    (void)st;
    const char *t = "Leo Ortiz spoke first.\n\nThen Ana Vey stood up. " LQ "We will win this," RQ " he said.\n";
    static const struct { uint8_t vey; int speaker; } cases[] = {
        {AN_SEX_FEMALE, TWO_ORTIZ}, {AN_SEX_NONE, TWO_VEY}, {AN_SEX_BOTH, TWO_VEY}, {AN_SEX_MALE, TWO_VEY}};
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        names_builder b = {.text = t};
        int vey = add_actor(&b, "Ana Vey", AN_PERSON), ortiz = add_actor(&b, "Leo Ortiz", AN_PERSON);
        b.a[vey].sex = cases[k].vey;
        b.a[ortiz].sex = AN_SEX_MALE;
        mention(&b, "Ana Vey", vey, NULL);
        mention(&b, "Leo Ortiz", ortiz, NULL);
        an_names nm = built(&b);
        run r;
        find(&r, t, &nm);
        const an_quote *q = quote_with(t, r.q, r.n, "We will win this", AN_DIRECT);
        assert_non_null(q);
        assert_int_equal(q->speaker, cases[k].speaker == TWO_VEY ? vey : ortiz);
        arena_reset(&r.a);
    }
}

/* A verb joined by "and" to a clause whose subject opens the sentence
 * reports that subject's words, a firm's as well as a person's; not when
 * the name is only part of the subject ("The Ortiz Group's chief ..."). */
static void and_says_goes_back_to_the_subject(void **st)
{
    (void)st;
    const char *t = "Lumora Pay has signed out every user and says it found no sign of fraud.\n\n"
                    "The Lumora board's chair met them and says the board found no sign of fraud.\n";
    names_builder b = {.text = t};
    int firm = add_actor(&b, "Lumora Pay", AN_ORGANISATION), board = add_actor(&b, "Lumora", AN_ORGANISATION);
    mention(&b, "Lumora Pay", firm, NULL);
    mention(&b, "Lumora", board, NULL);
    an_names nm = built(&b);
    run r;
    find(&r, t, &nm);
    const an_quote *q = quote_with(t, r.q, r.n, "it found no sign", AN_INDIRECT);
    assert_non_null(q);
    assert_int_equal(q->speaker, firm);
    q = quote_with(t, r.q, r.n, "the board found no sign", AN_INDIRECT);
    assert_non_null(q);
    assert_int_equal(q->speaker, -1);
    arena_reset(&r.a);
}

/* A title-cased quote that a common noun calls a work, before it ("her
 * film, “The Long Winter.”") or after it ("the “Harbour Lights” star"), is
 * no speech, even of six words with the small ones in lower case;
 * speech after "said" or after such a noun is speech still. */
static void works_named_by_a_noun_are_not_speech(void **st)
{
    (void)st;
    const char *t =
        "Vey praised her film, " LQ "The Long Winter." RQ " Ortiz hosts the podcast " LQ "So, That Happened." RQ "\n\n"
        "The " LQ "Harbour Lights" RQ " star Ana Ruiz came too. So did the " LQ "Life in the Time of Ruin" RQ " author.\n\n"
        "Ortiz, host of the show, said: " LQ "We will be back." RQ "\n\n"
        "Near the end of the show, " LQ "We are all guilty of something," RQ " Vey said.\n";
    static const char *const titles[] = {"The Long Winter", "So, That Happened", "Harbour Lights",
                                         "Life in the Time of Ruin", NULL};
    static const char *const speech[] = {"We will be back.", "We are all guilty of something", NULL};
    titles_not_speech(t, titles, speech);
}

/* The title of a programme or book after the name of who airs or made it
 * is no speech, even after a speech verb; nor is a value of markup left in
 * a text. A quote in lower case after a possessive still is. */
static void titles_and_markup_are_not_speech(void **st)
{
    (void)st;
    const char *t =
        "Vey said on NBC's " LQ "Meet the Press." RQ " " LQ "We will not pay," RQ " she added.\n\n"
        "Ortiz told ABC" AP "s \"This Week\" that he would run.\n\n"
        "<tweet author=\"@leo_ortiz\" caption=\"Thanks, Iowa. See you soon.\">Thanks!</tweet>\n\n"
        "Ortiz mocked Vey's " LQ "We will win." RQ " and Vey" AP "s " LQ "Hard truths make good allies." RQ " line.";
    run r;
    find_two(&r, t);
    assert_null(quote_with(t, r.q, r.n, "Meet the Press", AN_DIRECT));
    assert_null(quote_with(t, r.q, r.n, "This Week", AN_DIRECT));
    assert_null(quote_with(t, r.q, r.n, "@leo_ortiz", AN_DIRECT));
    assert_null(quote_with(t, r.q, r.n, "See you soon", AN_DIRECT));
    const an_quote *q = quote_with(t, r.q, r.n, "We will not pay", AN_DIRECT);
    assert_non_null(q);
    assert_int_equal(q->speaker, 0);
    assert_non_null(quote_with(t, r.q, r.n, "We will win.", AN_DIRECT));
    /* five words or more are no title */
    assert_non_null(quote_with(t, r.q, r.n, "Hard truths make good allies.", AN_DIRECT));
    arena_reset(&r.a);
}

/* A verb that names what someone or something is, with its object before
 * the quote, reports the subject's words however short; the name of a
 * thing after "called", a passive and "so-called" report no one's. */
static void naming_verbs_report_short_quotes(void **st)
{
    (void)st;
    assert_int_equal(speaker_with("Vey called Ortiz " LQ "unhinged." RQ, "unhinged", NULL), 0);
    assert_int_equal(speaker_with("Ortiz described the plan as " LQ "a fraud" RQ " on Monday.", "a fraud", NULL), 1);
    assert_int_equal(speaker_with("Ortiz, who once called the deal " LQ "a disgrace," RQ " left.", "a disgrace", NULL), 1);
    assert_int_equal(speaker_with("Ortiz left. Vey is calling him a " LQ "quitter" RQ " now.", "quitter", NULL), 0);
    assert_int_equal(speaker_with("A group called " LQ "Friends of Vey" RQ " met Ortiz.", "Friends of Vey", NULL), -2);
    assert_int_equal(speaker_with("Vey spoke at what is called a " LQ "debate" RQ " by Ortiz.", "debate", NULL), -2);
    assert_int_equal(speaker_with("Vey mocked the so-called " LQ "deal" RQ " of Ortiz.", "deal", NULL), -2);
}

/* A verb that judges someone for words, with "for", "of" or "as" between
 * its object and the quote, reports them as the subject's ("mocking": the
 * sentence's). Not a quote right after the verb's object, nor one with no
 * such word before it, nor one further than a short phrase. */
static void judging_verbs_report_short_quotes(void **st)
{
    (void)st;
    assert_int_equal(speaker_with("Vey accused Ortiz of a " LQ "flip-flop." RQ, "flip-flop", NULL), 0);
    assert_int_equal(speaker_with("Ortiz praised the plan as " LQ "bold" RQ " on Monday.", "bold", NULL), 1);
    assert_int_equal(speaker_with("Vey spoke to Ortiz, mocking him for " LQ "lies" RQ " at the rally.", "lies", NULL), 0);
    assert_int_equal(speaker_with("Vey praised the " LQ "Friends of Ortiz" RQ " group.", "Friends of Ortiz", NULL), -2);
    assert_int_equal(speaker_with("Vey praised the new " LQ "Friends" RQ " group of Ortiz.", "Friends", NULL), -2);
    assert_int_equal(speaker_with("Vey accused Ortiz of many things over many years at the club in the " LQ "old town" RQ ".",
                                  "old town", NULL), -2);
}

/* ---- indirect speech ------------------------------------------------------ */

static void indirect_speech_patterns(void **st)
{
    (void)st;
    const char *t =
        "Adviser Wi Lan later informed reporters that the omission of the North does not signal indifference.\n\n"
        "He stressed that talks remain the priority. Leo Ortiz, who leads the delegation, insisted that "
        "the drills are defensive.\n\n"
        "Ortiz told reporters on Monday that nothing had changed. The ministry said after the summit on "
        "Tuesday that the drills would stop.\n\n"
        "Wi said, " LQ "We will talk." RQ " The aide said " LQ "soon" RQ ".";
    names_builder b = {.text = t};
    int wi = add_actor(&b, "Wi Lan", AN_PERSON), ortiz = add_actor(&b, "Leo Ortiz", AN_PERSON);
    mention(&b, "Wi Lan", wi, "Adviser");
    mention(&b, "Wi", wi, NULL);
    mention(&b, "Leo Ortiz", ortiz, NULL);
    mention(&b, "Ortiz", ortiz, NULL);
    an_names nm = built(&b);
    run r;
    find(&r, t, &nm);
    const an_quote *q = quote_with(t, r.q, r.n, "the omission of the North", AN_INDIRECT);
    assert_non_null(q);
    assert_int_equal(q->speaker, wi);
    assert_span(t, q->start, q->end, "the omission of the North does not signal indifference");
    assert_span(t, q->cue_start, q->cue_end, "Adviser Wi Lan later informed reporters");
    q = quote_with(t, r.q, r.n, "talks remain the priority", AN_INDIRECT);
    assert_non_null(q);
    assert_int_equal(q->speaker, wi);
    q = quote_with(t, r.q, r.n, "the drills are defensive", AN_INDIRECT);
    assert_non_null(q);
    assert_int_equal(q->speaker, ortiz);
    q = quote_with(t, r.q, r.n, "nothing had changed", AN_INDIRECT);
    assert_non_null(q);
    assert_int_equal(q->speaker, ortiz);
    assert_span(t, q->start, q->end, "nothing had changed");
    q = quote_with(t, r.q, r.n, "the drills would stop", AN_INDIRECT);
    assert_non_null(q);
    assert_int_equal(q->speaker, -1);
    assert_null(quote_with(t, r.q, r.n, "We will talk", AN_INDIRECT));
    assert_non_null(quote_with(t, r.q, r.n, "We will talk", AN_DIRECT));
    assert_int_equal(count_kind(r.q, r.n, AN_INDIRECT), 5);
    arena_reset(&r.a);
    /* "saying" reports a clause without "that", as "said" does; "adding"
     * needs it */
    size_t indirect;
    assert_int_equal(speaker_of("Ortiz left early, saying the talks had failed him.", "the talks had failed",
                                AN_INDIRECT, &indirect), 1);
    assert_int_equal(speaker_of("Ortiz left early, adding the talks had failed him.", "the talks had failed",
                                AN_INDIRECT, &indirect), -2);
    /* reported speech before a cue that ends the sentence */
    assert_int_equal(speaker_of("The talks have failed and the troops will stay, Ortiz said on Monday.",
                                "The talks have failed and the troops will stay", AN_INDIRECT, &indirect), 1);
    assert_int_equal(speaker_of("Talks began. The drills will go on, said Ana Vey, a spokeswoman.",
                                "The drills will go on", AN_INDIRECT, &indirect), 0);
    assert_int_equal(speaker_of("Talks began. The drills will go on, Ortiz said, adding that the troops would stay.",
                                "The drills will go on", AN_INDIRECT, &indirect), 1);
    /* a sentence longer than the look back: its start is not known */
    char longer[1200] = "Talks began. ";   /* 13 + 90 * 12 + 33 bytes and the NUL */
    for (int k = 0; k < 90; k++) strcat(longer, "they talked ");
    strcat(longer, "about the last words, Ortiz said.");
    assert_int_equal(speaker_of(longer, "the last words", AN_INDIRECT, &indirect), -2);
    assert_int_equal(speaker_of("In the past few years, Ortiz said, the talks failed.", "In the past", AN_INDIRECT, &indirect),
                     -2);
    assert_int_equal(speaker_of("When the storm hit the town, Ortiz said nothing.", "When the storm", AN_INDIRECT,
                                &indirect), -2);
    assert_int_equal(speaker_of("Talks began. In Paris, Ortiz said.", "In Paris", AN_INDIRECT, &indirect), -2);
    assert_int_equal(speaker_of("Talks began. The drills will go on, said Ana Vey, who agreed.",
                                "The drills will go on", AN_INDIRECT, &indirect), -2);
    assert_int_equal(speaker_of("Talks began and the drills will go on, Vey told reporters it was over.",
                                "Talks began", AN_INDIRECT, &indirect), -2);
    assert_int_equal(speaker_of("Talks began. He called it a " LQ "disgrace" RQ " and the drills will stay, Ortiz said.",
                                "He called it", AN_INDIRECT, &indirect), -2);
    assert_int_equal(speaker_of(LQ "We will stay and the drills will go on," RQ " Ortiz said on Monday.", "We will stay",
                                AN_INDIRECT, &indirect), -2);
    /* "X said, adding, "..."": X, not the sentence's subject X reported on */
    assert_int_equal(speaker_with("Vey did not stay long, Ortiz said, adding, " LQ "She was not very religious." RQ,
                                  "not very religious", NULL), 1);
    /* reporting verbs beyond "said": a grumble, an agreement, a prediction */
    assert_int_equal(speaker_with(LQ "We lost the vote today," RQ " Ortiz groused on Tuesday about the long delays "
                                  "in the committee.", "We lost", NULL), 1);
    assert_int_equal(speaker_of("Vey agreed that the talks had failed him.", "the talks had failed", AN_INDIRECT,
                                &indirect), 0);
    assert_int_equal(speaker_of("Vey spoke last, predicting that the talks would fail.", "the talks would fail",
                                AN_INDIRECT, &indirect), 0);
    /* a short quote in a clause reported with "that" further on is speech */
    assert_int_equal(speaker_with("Vey told Ortiz at the rally that people must " LQ "get over it" RQ " soon.",
                                  "get over it", NULL), 0);
}

/* ---- hostile input ---------------------------------------------------------- */

static void run_exact(const char *s, size_t n, const an_names *nm)
{
    char *p = malloc(n ? n : 1);     /* no terminator: reading past n is a bug */
    memcpy(p, s, n);
    arena a;
    arena_init(&a);
    an_quote *q;
    size_t k = an_find_quotes(p, n, nm, &a, &q);
    assert_sane(q, k, n, nm ? nm->n_actors : 0);
    arena_reset(&a);
    free(p);
}

static void unbalanced_and_hostile_input(void **st)
{
    (void)st;
    const char *cases[] = {
        "", "\"", LQ, RQ, "\"\"", LQ RQ, "said", "said that", "according to", "\"a,\" said",
        "He said, \"", "\"unclosed quote that goes on and on, said Wi", RQ " she said " LQ,
        "\xE2\x80", "\"x\xE2\x80", "\n\n\"\n\n\"\n\n\"", "told reporters that", ". . . said .",
        "\"We will go on and on and on,\" he said, adding that", "U.S. said: \"Mr. X.\"",
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) run_exact(cases[i], strlen(cases[i]), NULL);
    /* a truncated quote mark at the very end */
    run_exact("\"Words here,\" Wi said " LQ, strlen("\"Words here,\" Wi said ") + 2, NULL);
    /* mentions that point past the text or to no actor are ignored */
    an_mention m[2] = {{0, 500, AN_PERSON, 0, NULL}, {0, 2, AN_PERSON, 7, "Lt. Gen."}};
    an_actor act = {.name = "X", .type = AN_PERSON};
    an_names nm = {m, 2, &act, 1};
    run_exact("He said, \"We go now and we stay,\" the general said.", 51, &nm);
    /* random soup of marks, verbs, pronouns and breaks */
    static const char *const bits[] = {"\"", LQ, RQ, " said", " that", " he", " Wi", ", ", ". ", "\n\n",
                                       "\n", " according to", " told reporters", " the minister", " adding",
                                       "\xE2", " Lt.", " Gen.", ":", " but said", " who"};
    char buf[4096];
    unsigned seed = 12345;
    an_mention wm[1] = {{0, 0, AN_PERSON, 0, "minister"}};
    for (int it = 0; it < 3000; it++) {
        size_t n = 0;
        while (n < sizeof buf - 32) {
            seed = seed * 1103515245u + 12345u;
            const char *b = bits[(seed >> 16) % (sizeof bits / sizeof *bits)];
            size_t k = strlen(b);
            memcpy(buf + n, b, k);
            n += k;
            if ((seed >> 8) % 50 == 0) break;
        }
        wm[0].start = 0;
        wm[0].end = n > 3 ? 3 : (uint32_t)n;
        an_names r = {wm, n ? 1 : 0, &act, 1};
        run_exact(buf, n, &r);
    }
}

/* ---- seeds ------------------------------------------------------------------- */

static char *seed(const char *prefix, size_t *len)
{
    static const char *const files[] = {"000_9377510d9d5253c6.txt", "001_590f7964106db202.txt",
        "002_9557aefa0f7c0ab6.txt", "003_7c0ab15546612602.txt", "004_275ad719f9795c82.txt"};
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        if (strncmp(files[i], prefix, strlen(prefix))) continue;
        char path[512];
        snprintf(path, sizeof path, "%s/seeds/%s", shared_dir(), files[i]);
        char *t = slurp(path, len);
        if (!t) fail_msg("seed %s not found under %s", files[i], shared_dir());
        return t;
    }
    fail_msg("no seed %s", prefix);
    return NULL;
}

static void expect(const char *t, const run *r, const char *key, int kind, int speaker)
{
    const an_quote *q = quote_with(t, r->q, r->n, key, kind);
    if (!q) fail_msg("no %s quote with \"%s\"", kind == AN_DIRECT ? "direct" : "indirect", key);
    if (q->speaker != speaker) fail_msg("\"%s\": speaker %d, want %d", key, (int)q->speaker, speaker);
}

static void seed_001_kang_trump_moon(void **st)
{
    (void)st;
    size_t len;
    char *t = seed("001", &len);
    names_builder b = {.text = t};
    int kang = add_actor(&b, "Kang Kyung-wha", AN_PERSON), trump = add_actor(&b, "Donald Trump", AN_PERSON);
    int moon = add_actor(&b, "Moon Jae-in", AN_PERSON), pompeo = add_actor(&b, "Mike Pompeo", AN_PERSON);
    int kono = add_actor(&b, "Taro Kono", AN_PERSON), kim = add_actor(&b, "Kim Jong-un", AN_PERSON);
    mention(&b, "Kang Kyung-wha", kang, "Foreign Minister");
    mention(&b, "Donald Trump", trump, "US President");
    mention(&b, "Trump", trump, NULL);
    mention(&b, "Moon Jae-in", moon, "South Korean President");
    mention(&b, "Moon", moon, NULL);
    mention(&b, "Mike Pompeo", pompeo, "US Secretary of State");
    mention(&b, "Pompeo", pompeo, NULL);
    mention(&b, "Taro Kono", kono, "Japanese Foreign Minister");
    mention(&b, "Kim Jong-un", kim, "North Korean leader");
    mention(&b, "Kim", kim, NULL);
    an_names nm = built(&b);
    run r;
    find(&r, t, &nm);
    expect(t, &r, "is as robust as ever", AN_DIRECT, kang);
    const an_quote *q = quote_with(t, r.q, r.n, "decided by military authorities", AN_DIRECT);
    assert_non_null(q);
    assert_int_equal(q->speaker, kang);
    assert_span(t, q->cue_start, q->cue_end, "she added");
    expect(t, &r, "The war games are very expensive", AN_DIRECT, trump);
    expect(t, &r, "We will be stopping the war games", AN_DIRECT, trump);
    expect(t, &r, "There have been many analyses", AN_DIRECT, moon);
    expect(t, &r, "the world had escaped", AN_INDIRECT, moon);   /* "Moon Jae-in, who said" */
    expect(t, &r, "be a process", AN_DIRECT, pompeo);
    assert_null(quote_with(t, r.q, r.n, "provocative" RQ, AN_DIRECT));
    arena_reset(&r.a);
    free(t);
}

static void seed_002_mattis_and_song(void **st)
{
    (void)st;
    size_t len;
    char *t = seed("002", &len);
    names_builder b = {.text = t};
    int mattis = add_actor(&b, "James Mattis", AN_PERSON), song = add_actor(&b, "Song Young-moo", AN_PERSON);
    int trump = add_actor(&b, "Donald Trump", AN_PERSON);
    const char *first = strstr(t, "Secretary James Mattis");
    if (first) mention_from(&b, first, "James Mattis", mattis, "US defence Secretary");
    mention(&b, "James Mattis", mattis, NULL);
    mention(&b, "Mattis", mattis, NULL);
    mention(&b, "Song Young-moo", song, "Minister of National Defence");
    mention(&b, "Song", song, NULL);
    mention(&b, "Donald Trump", trump, "US President");
    mention(&b, "Trump", trump, NULL);
    an_names nm = built(&b);
    run r;
    find(&r, t, &nm);
    expect(t, &r, "The recent decision to suspend the exercise", AN_DIRECT, mattis);
    expect(t, &r, "If North Korea continues", AN_DIRECT, song);
    expect(t, &r, "Washington has no plans", AN_INDIRECT, mattis);
    /* "US Secretary of State" is not the defence secretary, and is not named */
    expect(t, &r, "We are reinforced", AN_DIRECT, -1);
    arena_reset(&r.a);
    free(t);
}

static void seed_003_wi(void **st)
{
    (void)st;
    size_t len;
    char *t = seed("003", &len);
    names_builder b = {.text = t};
    int wi = add_actor(&b, "Wi Sung-lac", AN_PERSON), lee = add_actor(&b, "Lee Jae Myung", AN_PERSON);
    mention(&b, "Wi Sung-lac", wi, "National Security Advisor");
    mention(&b, "Wi", wi, NULL);
    mention(&b, "Lee Jae Myung", lee, "President");
    mention(&b, "Lee", lee, NULL);
    an_names nm = built(&b);
    run r;
    find(&r, t, &nm);
    const an_quote *q = quote_with(t, r.q, r.n, "If we are to resume dialogue", AN_DIRECT);
    assert_non_null(q);
    assert_int_equal(q->speaker, wi);
    assert_span(t, q->cue_start, q->cue_end, "Wi remarked");
    q = quote_with(t, r.q, r.n, "the omission of North Korea", AN_INDIRECT);
    assert_non_null(q);
    assert_int_equal(q->speaker, wi);
    assert_memory_equal(t + q->start, "the omission of North Korea", 27);
    expect(t, &r, "There seems to be no reason", AN_DIRECT, wi);
    expect(t, &r, "these matters may be addressed", AN_INDIRECT, wi);   /* "Wi stated, adding that" */
    /* "Pyongyang has condemned the drills as "war rehearsals"": Pyongyang's
     * words (judges), and no person's of those named here */
    q = quote_with(t, r.q, r.n, "war rehearsals", AN_DIRECT);
    assert_non_null(q);
    assert_int_equal(q->speaker, -1);
    /* "He emphasized ..., labeling it as "the most sensitive" issue": Lee's words */
    expect(t, &r, "the most sensitive", AN_DIRECT, lee);
    arena_reset(&r.a);
    free(t);
}

static void seed_004_kim_and_an(void **st)
{
    (void)st;
    size_t len;
    char *t = seed("004", &len);
    names_builder b = {.text = t};
    int kimdg = add_actor(&b, "Kim Do-gyun", AN_PERSON), an = add_actor(&b, "An Ik San", AN_PERSON);
    int kimju = add_actor(&b, "Kim Jong Un", AN_PERSON), trump = add_actor(&b, "Donald Trump", AN_PERSON);
    int pompeo = add_actor(&b, "Pompeo", AN_PERSON);
    mention(&b, "Kim Jong Un", kimju, "North Korean leader");
    mention(&b, "Kim Do-gyun", kimdg, "Maj. Gen.");
    mention(&b, "An Ik San", an, "Lt. Gen.");
    mention(&b, "An", an, "Lt. Gen.");
    mention(&b, "Donald Trump", trump, "President");
    mention(&b, "Trump", trump, NULL);
    mention(&b, "Pompeo", pompeo, NULL);
    const char *chief = strstr(t, "delegation chief Kim");
    if (chief) mention_from(&b, chief, "Kim", kimdg, "delegation chief");
    an_names nm = built(&b);
    run r;
    find(&r, t, &nm);
    const an_quote *q = quote_with(t, r.q, r.n, "We will invest our best efforts", AN_DIRECT);
    assert_non_null(q);
    assert_int_equal(q->speaker, kimdg);
    assert_memory_equal(t + q->cue_end - 14, "told reporters", 14);
    assert_memory_equal(t + q->cue_start, "South Korean Maj. Gen.", 22);
    q = quote_with(t, r.q, r.n, "I am sure that delegation chief Kim", AN_DIRECT);
    assert_non_null(q);
    assert_int_equal(q->speaker, an);
    assert_span(t, q->cue_start, q->cue_end, "the lieutenant general said");
    expect(t, &r, "be a process", AN_DIRECT, pompeo);
    arena_reset(&r.a);
    free(t);
}

/* ---- seeds end to end: extractor, real names, quotes ---------------------- */

/* A direct quote of a seed and the surname its speaker's name must hold.
 * needs: a person mention (exact text) the attribution depends on that the
 * name finder does not yet give; while it is missing, a wrong speaker
 * skips instead of failing. A right speaker is accepted either way. */
typedef struct seed_attr {
    const char *seed, *key, *surname, *needs;
} seed_attr;

static const seed_attr seed_attrs[] = {
    {"001", "is as robust as ever", "Kang", NULL},   /* not the headline's scare quote */
    {"001", "There have been many analyses", "Moon", NULL},
    {"001", "The war games are very expensive", "Trump", NULL},
    {"002", "The recent decision to suspend the exercise", "Mattis", NULL},
    /* through the role "Minister of National Defence": the name finder is
     * being fixed to stop reading that role into the name */
    {"002", "If North Korea continues", "Song", "Song Young-moo"},
    {"004", "We will invest our best efforts", "Kim Do-gyun", NULL},
    {"004", "I am sure that delegation chief Kim", "An Ik San", NULL},
    /* "Wi remarked": needs the later single-word mention "Wi" (fix in flight) */
    {"003", "If we are to resume dialogue", "Wi", "Wi"},
};

/* Does the text hold a person mention reading exactly `name`? */
static bool has_person_mention(const char *t, const an_names *nm, const char *name)
{
    size_t n = strlen(name);
    for (size_t i = 0; i < nm->n_mentions; i++) {
        const an_mention *m = &nm->mentions[i];
        if (m->type == AN_PERSON && m->end - m->start == n && !memcmp(t + m->start, name, n)) return true;
    }
    return false;
}

/* The speaker's name of the direct quote holding key, or why there is none. */
static const char *speaker_name(const char *t, const run *r, const an_names *nm, const char *key)
{
    const an_quote *q = quote_with(t, r->q, r->n, key, AN_DIRECT);
    if (!q) return "(no direct quote)";
    if (q->speaker < 0) return "(no speaker)";
    return nm->actors[q->speaker].name;
}

/* Check one seed's attributions; returns how many were skipped. */
static int check_seed_end_to_end(const char *prefix)
{
    size_t len;
    char *body = seed(prefix, &len);
    sl_page page = {.input = prefix, .body = body, .body_len = len, .format = SL_FORMAT_TEXT};
    arena a;
    arena_init(&a);
    sl_article art;
    err_slot err = {0};
    if (ex_extract(&page, &a, &art, &err) != SL_OK) fail_msg("seed %s: %s", prefix, err.msg);
    an_names nm;
    an_find_names(art.text, art.text_len, &a, &nm);
    run r = {.a = a};
    r.n = an_find_quotes(art.text, art.text_len, &nm, &r.a, &r.q);
    assert_sane(r.q, r.n, art.text_len, nm.n_actors);
    int skipped = 0;
    for (size_t i = 0; i < sizeof seed_attrs / sizeof *seed_attrs; i++) {
        const seed_attr *e = &seed_attrs[i];
        if (strcmp(e->seed, prefix)) continue;
        const char *got = speaker_name(art.text, &r, &nm, e->key);
        if (strstr(got, e->surname)) continue;
        if (e->needs && !has_person_mention(art.text, &nm, e->needs)) {
            print_message("seed %s \"%s\": speaker %s, want %s; skipped until the name finder gives \"%s\"\n",
                          prefix, e->key, got, e->surname, e->needs);
            skipped++;
            continue;
        }
        fail_msg("seed %s \"%s\": speaker %s, want %s", prefix, e->key, got, e->surname);
    }
    arena_reset(&r.a);
    free(body);
    return skipped;
}

static void seeds_end_to_end_with_real_names(void **st)
{
    (void)st;
    static const char *const seeds[] = {"001", "002", "003", "004"};
    int skipped = 0;
    for (size_t i = 0; i < sizeof seeds / sizeof *seeds; i++) skipped += check_seed_end_to_end(seeds[i]);
    /* every attribution that does not wait on the name finder was asserted */
    if (skipped) skip();
}

/* A country heading the subject speaks ("Japan said"); one inside a role
 * does not ("US Secretary of Commerce said" with no name: unknown).
 * Found on seed 002, where a quote went to the United States. */
static void actor_inside_a_role_is_no_speaker(void **st)
{
    (void)st;
    const char *t = "Japan said, \u201CWe will keep every promise we made to our allies.\u201D\n\n"
                    "US Secretary of Commerce further said, \u201CExports will recover by the end of the year.\u201D";
    arena a;
    arena_init(&a);
    an_names nm;
    an_find_names(t, strlen(t), &a, &nm);
    an_quote *q;
    size_t n = an_find_quotes(t, strlen(t), &nm, &a, &q);
    assert_int_equal(n, 2);
    assert_true(q[0].speaker >= 0);
    assert_string_equal(nm.actors[q[0].speaker].name, "Japan");
    assert_int_equal(q[1].speaker, -1);
    arena_reset(&a);
}

/* What was said, before its cue, starts after the dateline that opens the
 * story, not at the place's name in capitals. */
static void reported_speech_starts_after_the_dateline(void **state)
{
    (void)state;
    const char *t = "ORVANO, July 8 (Tidewater Press) - The city will shut off its water every night from "
                    "Monday, Ana Vey said on Tuesday.\n\nPORT LEVEN \xE2\x80\x94 Ferries will stop at the old "
                    "pier for a year, Leo Ortiz said.";
    run r;
    find_two(&r, t);
    const an_quote *q = quote_with(t, r.q, r.n, "shut off", AN_INDIRECT);
    assert_non_null(q);
    assert_int_equal(q->speaker, TWO_VEY);
    assert_span(t, q->start, q->end, "The city will shut off its water every night from Monday");
    q = quote_with(t, r.q, r.n, "old pier", AN_INDIRECT);
    assert_non_null(q);
    assert_span(t, q->start, q->end, "Ferries will stop at the old pier for a year");
    arena_reset(&r.a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(reported_speech_starts_after_the_dateline),
        cmocka_unit_test(actor_inside_a_role_is_no_speaker),
        cmocka_unit_test(cue_after_with_pronoun_and_name),
        cmocka_unit_test(cue_after_inverted_and_according_to),
        cmocka_unit_test(cue_before_comma_colon_and_pronoun),
        cmocka_unit_test(pronoun_takes_the_previous_subject),
        cmocka_unit_test(pronoun_after_quotes_and_runs),
        cmocka_unit_test(role_phrases_resolve_to_the_last_holder),
        cmocka_unit_test(quote_over_paragraphs_is_one),
        cmocka_unit_test(an_opening_mark_typed_for_a_closing_one),
        cmocka_unit_test(a_quote_right_after_a_speech_verb),
        cmocka_unit_test(more_ways_to_name_the_speaker),
        cmocka_unit_test(a_quote_that_runs_on_is_one),
        cmocka_unit_test(a_quote_keeps_the_speaker_words),
        cmocka_unit_test(scare_quotes_are_not_speech),
        cmocka_unit_test(titles_and_markup_are_not_speech),
        cmocka_unit_test(titles_after_a_preposition_are_not_speech),
        cmocka_unit_test(works_named_by_a_noun_are_not_speech),
        cmocka_unit_test(a_quote_after_said_colon_names_no_speaker),
        cmocka_unit_test(a_pronoun_keeps_to_its_sex),
        cmocka_unit_test(and_says_goes_back_to_the_subject),
        cmocka_unit_test(what_and_to_say_leave_the_speaker_out_of_the_clause),
        cmocka_unit_test(a_phrase_with_a_verb_of_its_own_is_no_speaker),
        cmocka_unit_test(naming_verbs_report_short_quotes),
        cmocka_unit_test(judging_verbs_report_short_quotes),
        cmocka_unit_test(indirect_speech_patterns),
        cmocka_unit_test(unbalanced_and_hostile_input),
        cmocka_unit_test(seed_001_kang_trump_moon),
        cmocka_unit_test(seed_002_mattis_and_song),
        cmocka_unit_test(cue_after_an_apposition_and_partial_quotes),
        cmocka_unit_test(a_quote_signed_after_a_dash),
        cmocka_unit_test(and_inside_a_title_goes_on),
        cmocka_unit_test(appositions_after_brackets_and_inverted_openings),
        cmocka_unit_test(a_place_inside_a_speaker_phrase_is_no_speaker),
        cmocka_unit_test(an_organisation_speaks_by_its_initials),
        cmocka_unit_test(seed_003_wi),
        cmocka_unit_test(seed_004_kim_and_an),
        cmocka_unit_test(seeds_end_to_end_with_real_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
