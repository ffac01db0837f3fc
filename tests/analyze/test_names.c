/* test_names.c: names, their types and roles, and their merging into actors
 * (names.c, roles.c, actors.c, lexicon.c). Sentences are written for these
 * tests; the seed checks read ../shared/seeds at run time. */
#include "testutil.h"

#include <ctype.h>
#include "analyze/analyze.h"
#include "analyze/an_names.h"

typedef struct fixture { arena a; an_names n; const char *text; } fixture;

static void run(fixture *f, const char *text)
{
    arena_init(&f->a);
    f->text = text;
    an_find_names(text, strlen(text), &f->a, &f->n);
}

static void done(fixture *f) { arena_reset(&f->a); }

static const an_actor *actor_in(const an_names *n, const char *name)
{
    for (size_t i = 0; i < n->n_actors; i++)
        if (!strcmp(n->actors[i].name, name)) return &n->actors[i];
    return NULL;
}

static const an_actor *actor(const fixture *f, const char *name) { return actor_in(&f->n, name); }

static const an_actor *by_key(const fixture *f, const char *key)
{
    for (size_t i = 0; i < f->n.n_actors; i++)
        if (!strcmp(f->n.actors[i].key, key)) return &f->n.actors[i];
    return NULL;
}

static bool has_role(const an_actor *x, const char *part)
{
    for (size_t i = 0; x && i < x->n_roles; i++) if (strstr(x->roles[i], part)) return true;
    return false;
}

static bool has_alias(const an_actor *x, const char *alias)
{
    for (size_t i = 0; x && i < x->n_aliases; i++) if (!strcmp(x->aliases[i], alias)) return true;
    return false;
}

/* The actor must exist with this type; returns it. */
static const an_actor *expect(const fixture *f, const char *name, an_type t)
{
    const an_actor *x = actor(f, name);
    if (!x) fail_msg("no actor \"%s\"", name);
    if (x->type != t) fail_msg("\"%s\" is %s, not %s", name, an_type_name(x->type), an_type_name(t));
    return x;
}

static void type_names(void **st)
{
    (void)st;
    assert_string_equal(an_type_name(AN_PERSON), "person");
    assert_string_equal(an_type_name(AN_ORGANISATION), "organisation");
    assert_string_equal(an_type_name(AN_PLACE), "place");
}

static void titles_make_people_and_roles(void **st)
{
    (void)st;
    fixture f;
    run(&f, "Yesterday US Secretary of State Mike Pompeo met Lt. Gen. Ana Vey and Dr Olu Bayo. "
            "The Vantor Daily spokesperson Ferra Lund spoke later.");
    assert_true(has_role(expect(&f, "Mike Pompeo", AN_PERSON), "US Secretary of State"));
    assert_true(has_role(expect(&f, "Ana Vey", AN_PERSON), "Lt. Gen."));
    const an_actor *b = expect(&f, "Olu Bayo", AN_PERSON);
    assert_int_equal(b->n_roles, 0);                       /* "Dr" is no role */
    assert_true(has_role(expect(&f, "Ferra Lund", AN_PERSON), "spokesperson"));
    expect(&f, "United States", AN_PLACE);                  /* "US" inside the role */
    done(&f);
}

static size_t count_alias(const an_actor *x, const char *alias)
{
    size_t n = 0;
    for (size_t i = 0; x && i < x->n_aliases; i++) n += !strcmp(x->aliases[i], alias);
    return n;
}

/* Every alias and every role of an actor once, however often it is
 * written; and one actor's alias does not hide another's. */
static void aliases_and_roles_listed_once(void **st)
{
    (void)st;
    fixture f;
    run(&f, "Defence Minister Jim Vantor met Defence Minister Ana Kell. Defence Minister Jim Vantor said "
            "talks went well. Jim Vantor left, and Ana Kell stayed. Jim Vantor called later.");
    const an_actor *j = expect(&f, "Jim Vantor", AN_PERSON), *a = expect(&f, "Ana Kell", AN_PERSON);
    size_t roles = 0;
    for (size_t i = 0; i < j->n_roles; i++) roles += !strcmp(j->roles[i], "Defence Minister");
    assert_int_equal(roles, 1);
    assert_int_equal(count_alias(j, "Jim Vantor"), 0);   /* the name itself is no alias */
    assert_true(has_role(a, "Defence Minister"));         /* another's role, the same words */
    for (size_t i = 0; i < j->n_aliases; i++) assert_int_equal(count_alias(j, j->aliases[i]), 1);
    for (size_t i = 0; i < a->n_aliases; i++) assert_int_equal(count_alias(a, a->aliases[i]), 1);
    done(&f);
}

static void demonyms_belong_to_roles(void **st)
{
    (void)st;
    fixture f;
    run(&f, "North Korean officials arrived. Japanese Foreign Minister Taro Kono and his "
            "South Korean counterpart Kang Kyung-wha met in Seoul.");
    assert_null(actor(&f, "North Korean"));
    assert_null(actor(&f, "Japanese"));
    assert_true(has_role(expect(&f, "Taro Kono", AN_PERSON), "Japanese Foreign Minister"));
    assert_true(has_role(expect(&f, "Kang Kyung-wha", AN_PERSON), "South Korean counterpart"));
    const an_actor *s = expect(&f, "Seoul", AN_PLACE);
    assert_string_equal(s->key, "seoul");                   /* a capital keeps its own name */
    done(&f);
}

static void appositions_give_roles(void **st)
{
    (void)st;
    fixture f;
    run(&f, "Talks began when Kim Do-gyun, South Korea's chief delegate, arrived.");
    assert_true(has_role(expect(&f, "Kim Do-gyun", AN_PERSON), "South Korea's chief delegate"));
    expect(&f, "South Korea", AN_PLACE);
    done(&f);
}

static void organisations_by_head_word_and_lexicon(void **st)
{
    (void)st;
    fixture f;
    run(&f, "Officials of the Bank of England, the Ministry of National Defence and the "
            "Vantor Defense Agency met at the United Nations with NATO and the Pentagon.");
    expect(&f, "Bank of England", AN_ORGANISATION);
    const an_actor *m = by_key(&f, "ministry of national defense");     /* the lexicon's name */
    assert_non_null(m);
    assert_int_equal(m->type, AN_ORGANISATION);
    assert_true(has_alias(m, "Ministry of National Defence"));
    expect(&f, "Vantor Defense Agency", AN_ORGANISATION);
    expect(&f, "United Nations", AN_ORGANISATION);
    expect(&f, "North Atlantic Treaty Organization", AN_ORGANISATION);   /* NATO */
    expect(&f, "Pentagon", AN_ORGANISATION);
    done(&f);
}

static void places_by_lexicon_and_context(void **st)
{
    (void)st;
    fixture f;
    run(&f, "Envoys flew from Pyongyang to the Korean Peninsula, then on to Brelmor. "
            "They stayed in Quessaly for a week; the ROK and the Republic of Korea are one.");
    expect(&f, "Pyongyang", AN_PLACE);
    expect(&f, "Korean Peninsula", AN_PLACE);
    expect(&f, "Quessaly", AN_PLACE);                       /* after "in" */
    const an_actor *k = by_key(&f, "south korea");
    assert_non_null(k);
    assert_int_equal(k->type, AN_PLACE);
    assert_string_equal(k->name, "South Korea");
    assert_int_equal(k->mentions, 2);
    done(&f);
}

static void names_by_shape_and_speech(void **st)
{
    (void)st;
    fixture f;
    run(&f, "T. Y. Kim met reporters. Zorblat Quenn said the plan works, and Song Young-moo agreed.");
    expect(&f, "T. Y. Kim", AN_PERSON);
    expect(&f, "Zorblat Quenn", AN_PERSON);
    expect(&f, "Song Young-moo", AN_PERSON);
    done(&f);
}

/* A lone unknown word is taken for a place unless what follows happens
 * to people only: arrests, surgery, deaths. */
static void what_befalls_people_makes_a_person(void **st)
{
    (void)st;
    fixture f;
    run(&f, "Police stopped a car near the stadium. On Tuesday Kestlow was arrested on the freeway. "
            "Later Brandal underwent surgery, and Ostrava pleaded guilty. Then Vintar has been charged. "
            "Fans in Marlow cheered.");
    expect(&f, "Kestlow", AN_PERSON);
    expect(&f, "Brandal", AN_PERSON);
    expect(&f, "Ostrava", AN_PERSON);
    expect(&f, "Vintar", AN_PERSON);
    expect(&f, "Marlow", AN_PLACE);
    done(&f);
}

/* A common surname ends a person's name, though it ends in -s like a
 * team's: "Jamal Williams", not "Atlanta Falcons". */
static void a_common_surname_makes_a_person(void **st)
{
    (void)st;
    fixture f;
    run(&f, "Kestor Williams, the defensive tackle, was stopped on the freeway. "
            "Fans of the Vellmar Falcons cheered when Dorit Jenkins scored.");
    expect(&f, "Kestor Williams", AN_PERSON);
    expect(&f, "Dorit Jenkins", AN_PERSON);
    expect(&f, "Vellmar Falcons", AN_ORGANISATION);
    done(&f);
}

/* Capitalised words no list knows before a given name and a surname
 * describe the person; they are not part of the name ("Linebacker Steve
 * Foley" is Steve Foley). */
static void words_before_a_given_name_are_no_part_of_it(void **st)
{
    (void)st;
    fixture f;
    run(&f, "Linebacker Steve Foley was shot. Senior Trooper William Hakim said the car crashed. "
            "Tenet CTO Andrew Alston spoke.");
    expect(&f, "Steve Foley", AN_PERSON);
    expect(&f, "William Hakim", AN_PERSON);
    expect(&f, "Andrew Alston", AN_PERSON);
    assert_null(actor(&f, "Linebacker Steve Foley"));
    assert_null(actor(&f, "Senior Trooper"));
    assert_null(actor(&f, "Tenet CTO"));
    done(&f);
}

static void function_words_and_possessives(void **st)
{
    (void)st;
    fixture f;
    run(&f, "The talks ended. On Friday Kim Jong-un's sister spoke. However, Trump's aides left.");
    assert_null(actor(&f, "The"));
    assert_null(actor(&f, "On"));
    assert_null(actor(&f, "Friday"));
    assert_null(actor(&f, "However"));
    expect(&f, "Kim Jong-un", AN_PERSON);
    for (size_t i = 0; i < f.n.n_mentions; i++) {
        const an_mention *m = &f.n.mentions[i];
        assert_true(m->end <= strlen(f.text));
        assert_true(f.text[m->end - 1] != 's' || f.text[m->end - 2] != '\'');
    }
    done(&f);
}

static void spellings_of_one_name_merge(void **st)
{
    (void)st;
    fixture f;
    run(&f, "Kim Jong-un arrived. Kim Jong Un waved. Officials said Kim Jong-Un left. "
            "Lt. Gen. An Ik-san spoke; An Ik San smiled and Lt. Gen. An sat.");
    const an_actor *k = by_key(&f, "kim jong un");
    assert_non_null(k);
    assert_string_equal(k->name, "Kim Jong-un");
    assert_int_equal(k->mentions, 3);
    assert_true(has_alias(k, "Kim Jong Un"));
    const an_actor *a = by_key(&f, "an ik san");
    assert_non_null(a);
    assert_int_equal(a->mentions, 3);
    assert_true(has_alias(a, "An"));
    assert_true(has_role(a, "Lt. Gen."));
    done(&f);
}

/* A name first written in capitals (a dateline, a heading) is named as the
 * text writes it elsewhere, and keeps its key; one only ever written in
 * capitals stays so. */
static void a_name_in_capitals_is_named_as_written_elsewhere(void **st)
{
    (void)st;
    fixture f;
    run(&f, "PORT VARNE, March 15 \xE2\x80\x94 Within minutes of the bridge falling into the river on Tuesday "
            "evening, the first boats reached the wreckage. Residents of Port Varne lit candles on Wednesday.");
    const an_actor *v = by_key(&f, "port varne");
    assert_non_null(v);
    assert_string_equal(v->name, "Port Varne");
    assert_true(has_alias(v, "PORT VARNE"));
    assert_int_equal(v->mentions, 2);
    done(&f);
    run(&f, "PORT VARNE, March 15 \xE2\x80\x94 Within minutes of the bridge falling into the river on Tuesday "
            "evening, the first boats reached the wreckage.");
    v = by_key(&f, "port varne");
    assert_non_null(v);
    assert_string_equal(v->name, "PORT VARNE");
    done(&f);
}

/* The type of the actor named name among the names an_find_names_both
 * shows for text (after the tagger); fails if there is none. */
static an_type shown_type(const char *text, const char *name)
{
    an_names shown, rules;
    arena a;
    arena_init(&a);
    an_find_names_both(text, strlen(text), &a, &shown, &rules);
    const an_actor *x = actor_in(&shown, name);
    if (!x) fail_msg("no actor \"%s\" shown", name);
    an_type t = x->type;
    arena_reset(&a);
    return t;
}

/* A place named by a head word at its edge is the rules' place, span and
 * type, over the tagger's: the demo's "River Sella" was an organisation,
 * and "Lake Varna and Mount Orlo" one place. */
static void a_headed_place_keeps_its_head(void **st)
{
    (void)st;
    const char *t = "Flood barriers along the River Sella held overnight, while the Thames rose near Lake Varna and "
                    "Mount Orlo. Helena Marsh, the county's flood officer, said the Sella River would peak on Friday. "
                    "Shares in Lumora Pay fell 4 percent after Lumora Pay said its chief executive would leave. "
                    "Lumora has 200 staff.";
    assert_int_equal(shown_type(t, "River Sella"), AN_PLACE);
    assert_int_equal(shown_type(t, "Lake Varna"), AN_PLACE);
    assert_int_equal(shown_type(t, "Mount Orlo"), AN_PLACE);
    /* a head word at the end of a person's name is a surname */
    const char *u = "\"This was not a sophisticated attack. It was an open door,\" Data Commissioner Helena Marsh "
                    "told reporters in Caldwick on Tuesday. Lumora Pay said it would appeal.";
    assert_int_equal(shown_type(u, "Helena Marsh"), AN_PERSON);
}

/* A dateline's place is a place, wherever the text names it, and the name
 * alone in brackets before its dash is the agency that sent the story; the
 * names shown are so typed, after the tagger, and so are those of
 * an_find_names. */
static void a_datelines_place_and_credit(void **st)
{
    (void)st;
    const char *t = "VARNE, June 29 (Coastline Wire) - Prosecutors opened a case on Thursday. Lawyers for Varne "
                    "said the city would appeal.\n\nKESTEL - Talks in Kestel ended.";
    assert_int_equal(shown_type(t, "Varne"), AN_PLACE);
    assert_int_equal(shown_type(t, "Coastline Wire"), AN_ORGANISATION);
    fixture f;
    run(&f, t);
    expect(&f, "Coastline Wire", AN_ORGANISATION);
    expect(&f, "Kestel", AN_PLACE);
    assert_int_equal(by_key(&f, "varne")->mentions, 2);
    done(&f);
    /* the dateline's place ends at its dash ("KESTEL - Talks" was one) */
    an_names shown, rules;
    arena a;
    arena_init(&a);
    t = "KESTEL - Talks in Kestel ended.";
    an_find_names_both(t, strlen(t), &a, &shown, &rules);
    const an_actor *k = actor_in(&shown, "Kestel");
    assert_non_null(k);
    assert_int_equal(k->mentions, 2);
    assert_null(actor_in(&shown, "KESTEL - Talks"));
    arena_reset(&a);
    /* the same name written elsewhere is the place, also where the tagger
     * kept no name of the dateline's own (it took "Orvano's reservoirs",
     * as a page of examples/ has it, for a person's) */
    t = "ORVANO, October 16 - The storms that refilled Orvano's reservoirs and ended three months of "
        "night-time water cuts in the city came too late for many farmers on the surrounding Teruna plain.";
    assert_int_equal(shown_type(t, "Orvano"), AN_PLACE);
}

/* A name of a person's shape that the words after it call a firm ("Marlo
 * Vance shares fell") is a firm's; a person's earnings or spokesman say
 * nothing of the kind. */
static void a_firm_by_what_only_firms_have(void **st)
{
    (void)st;
    const char *t = "Marlo Vance shares fell 4 per cent. Marlo Vance said sales were weak.\n\n"
                    "Analysts said Brenna Tarrow's earnings were high. Brenna Tarrow's spokesman declined to comment.";
    assert_int_equal(shown_type(t, "Marlo Vance"), AN_ORGANISATION);
    assert_int_equal(shown_type(t, "Brenna Tarrow"), AN_PERSON);
}

/* A firm named in full with a country after it ("Quorvi Kenya") and
 * short elsewhere ("Quorvi") is the firm where short too; a place that
 * opens an organisation's name with another word after it ("the Varsa
 * Regional Council") stays a place. */
static void a_firm_short_for_its_branch(void **st)
{
    (void)st;
    const char *t = "Tomas Reyes, chief executive of Quorvi Kenya, said trading would resume. "
                    "Customers of Quorvi were told to wait, and Quorvi said no money was lost.";
    assert_int_equal(shown_type(t, "Quorvi"), AN_ORGANISATION);
    t = "Flooding closed roads across Varsa on Monday. The Varsa Regional Council said crews "
        "were clearing the roads, and schools in Varsa stayed shut.";
    assert_int_equal(shown_type(t, "Varsa"), AN_PLACE);
    /* a firm the words call one for sure ("shares in") lends its type to
     * its first word standing alone */
    t = "VELTEN, May 8 - Shares in Talvo Bank fell 11 per cent on Wednesday. Analysts questioned the gap "
        "between Talvo learning of the breach and telling customers.";
    assert_int_equal(shown_type(t, "Talvo"), AN_ORGANISATION);
    an_names shown, rules;
    arena a;
    arena_init(&a);
    an_find_names_both(t, strlen(t), &a, &shown, &rules);
    assert_true(actor_in(&shown, "Talvo")->sure);        /* as the firm is */
    assert_true(actor_in(&shown, "Talvo Bank")->sure);
    /* a branch's name is no sure sign: "Quorvi" above stays a guess */
    t = "Tomas Reyes, chief executive of Quorvi Kenya, said trading would resume. "
        "Customers of Quorvi were told to wait, and Quorvi said no money was lost.";
    an_find_names_both(t, strlen(t), &a, &shown, &rules);
    assert_false(actor_in(&shown, "Quorvi")->sure);
    arena_reset(&a);
}

/* Two names joined by a hyphen in one word are an adjective ("the
 * Seoul-Washington alliance"), for the tagger as for the rules; a name of
 * more words with such a word in it is a name ("Asia-Pacific Institute of
 * Business"). */
static void names_joined_by_a_hyphen_are_no_name(void **st)
{
    (void)st;
    const char *t = "The Seoul-Washington alliance held, officials said after the Korea-U.S. talks in Busan on Monday.";
    an_names shown, rules;
    arena a;
    arena_init(&a);
    an_find_names_both(t, strlen(t), &a, &shown, &rules);
    assert_null(actor_in(&shown, "Seoul-Washington"));
    assert_non_null(actor_in(&shown, "Busan"));
    t = "The Inter-American Commission on Human Rights said on Monday it would hear the case.";
    an_find_names_both(t, strlen(t), &a, &shown, &rules);
    assert_non_null(actor_in(&shown, "Inter-American Commission on Human Rights"));
    arena_reset(&a);
}

/* What only a firm has makes a firm of a name the tagger took for a place
 * ("shares in Brindle Cove"), but not of a place a lexicon knows, nor
 * where the words tell where a firm is ("a subsidiary in Harwick"). */
static void shares_make_a_firm_of_a_place(void **st)
{
    (void)st;
    assert_int_equal(shown_type("Investors sold shares in Brindle Cove after the report.", "Brindle Cove"),
                     AN_ORGANISATION);
    assert_int_equal(shown_type("Investors sold shares in London after the report.", "London"), AN_PLACE);
    assert_int_equal(shown_type("The bank opened a subsidiary in Harwick Cove after the report.", "Harwick Cove"),
                     AN_PLACE);
}

static void surnames_join_the_latest_full_name(void **st)
{
    (void)st;
    fixture f;
    run(&f, "Defence Secretary James Mattis met Kim Do-gyun. Then Kim Jong-un spoke. "
            "Mr Kim thanked Mr Mattis, and Mattis left.");
    const an_actor *m = expect(&f, "James Mattis", AN_PERSON);
    assert_int_equal(m->mentions, 3);
    const an_actor *j = by_key(&f, "kim jong un"), *d = by_key(&f, "kim do gyun");
    assert_non_null(j);
    assert_non_null(d);
    assert_ptr_not_equal(j, d);                              /* two Kims stay two */
    assert_int_equal(j->mentions, 2);                         /* "Mr Kim": the latest Kim */
    assert_int_equal(d->mentions, 1);
    done(&f);
}

/* A person's sex as the text tells it: an honorific right before a
 * mention ("Mr. Ortiz", "Ms Vey"; not a word of the sentence before:
 * "her father,” Lee said") or a word of its role ("spokeswoman"), else
 * the first word of a full name when the lexicon knows it as a man's or
 * a woman's; a name given to both says nothing. */
static void the_text_tells_a_persons_sex(void **st)
{
    (void)st;
    fixture f;
    run(&f, "Senator Hillary Clinton met Governor Bill Lee. Robin Ortiz and Dana Vey watched. "
            "Ortiz thanked the crowd.");
    assert_int_equal(expect(&f, "Hillary Clinton", AN_PERSON)->sex, AN_SEX_FEMALE);
    assert_int_equal(expect(&f, "Bill Lee", AN_PERSON)->sex, AN_SEX_MALE);
    assert_int_equal(expect(&f, "Robin Ortiz", AN_PERSON)->sex, AN_SEX_NONE);
    done(&f);
    run(&f, "Robin Ortiz and Dana Vey met. Later Mr. Ortiz spoke, and Ms Vey left.");
    assert_int_equal(expect(&f, "Robin Ortiz", AN_PERSON)->sex, AN_SEX_MALE);
    assert_int_equal(expect(&f, "Dana Vey", AN_PERSON)->sex, AN_SEX_FEMALE);
    done(&f);
    run(&f, "Dana Vey, the spokeswoman, arrived. Bill Lee, her husband, came too.");
    assert_int_equal(expect(&f, "Dana Vey", AN_PERSON)->sex, AN_SEX_FEMALE);
    assert_int_equal(expect(&f, "Bill Lee", AN_PERSON)->sex, AN_SEX_MALE);
    done(&f);
    run(&f, "Robin Ortiz spoke. \"She sees her father,\" Ortiz said.");
    assert_int_equal(expect(&f, "Robin Ortiz", AN_PERSON)->sex, AN_SEX_NONE);
    done(&f);
    /* the mentions outweigh the given name: "Mrs. Clinton" joined to Bill */
    run(&f, "Bill Clinton spoke first. Then Mrs. Clinton spoke.");
    assert_int_equal(expect(&f, "Bill Clinton", AN_PERSON)->sex, AN_SEX_FEMALE);
    done(&f);
}


static void an_earlier_surname_joins_a_later_full_name(void **st)
{
    (void)st;
    fixture f;
    run(&f, "Officials said Trump would travel. Later, President Donald Trump left for Guam.");
    const an_actor *t = expect(&f, "Donald Trump", AN_PERSON);
    assert_int_equal(t->mentions, 2);
    assert_true(has_role(t, "President"));
    done(&f);
}

/* A name with no actor of this name at all. */
static void expect_none(const fixture *f, const char *name)
{
    if (actor(f, name)) fail_msg("unexpected actor \"%s\"", name);
}

/* A contraction is no name, at a sentence start or inside one; a name
 * with an apostrophe stays one. */
static void contractions_are_no_names(void **st)
{
    (void)st;
    fixture f;
    run(&f, "Mayor Sean O\u2019Brien spoke. He said that if I\u2019ve learned anything, I\u2019m sure of it. "
            "\u201cI\u2019ll stay,\u201d he said. We\u2019re told I'd left. Don\u2019t go.");
    expect_none(&f, "I\u2019ve");
    expect_none(&f, "I\u2019m");
    expect_none(&f, "I\u2019ll");
    expect_none(&f, "I'd");
    expect_none(&f, "We\u2019re");
    expect_none(&f, "Don\u2019t");
    expect(&f, "Sean O\u2019Brien", AN_PERSON);
    done(&f);
}

/* An acronym is a name wherever it stands, also opening a bracket or a
 * sentence; a programme with its acronym, or one that speaks, is an
 * agency, while a plan stays no name. */
static void acronyms_and_agencies(void **st)
{
    (void)st;
    fixture f;
    run(&f, "Officials said the Zebra Relief Programme (ZRP) appealed for aid. ZRP trucks left on Monday. "
            "The Golden Lantern Programme will cost millions.");
    expect(&f, "Zebra Relief Programme", AN_ORGANISATION);
    expect(&f, "ZRP", AN_ORGANISATION);
    expect_none(&f, "Golden Lantern Programme");
    done(&f);
}

static void initials_with_full_stops_are_one_word(void **st)
{
    (void)st;
    fixture f;
    run(&f, "Yesterday U.S. President Donald Trump flew out. The U.S. commitment held, an aide said. "
            "Later Korea-U.S. joint exercises began, and U.S. Forces Korea took part. "
            "The U.K. envoy stayed in Washington, D.C. for talks at the U.N. headquarters.");
    const an_actor *t = expect(&f, "Donald Trump", AN_PERSON);
    assert_true(has_role(t, "U.S. President"));
    for (size_t i = 0; i < t->n_roles; i++) assert_true(t->roles[i][0] != 'S');   /* not "S. President" */
    const an_actor *us = expect(&f, "United States", AN_PLACE);
    assert_true(has_alias(us, "U.S."));
    expect(&f, "United States Forces Korea", AN_ORGANISATION);   /* the lexicon knows "U.S. Forces Korea" */
    expect(&f, "United Kingdom", AN_PLACE);
    expect(&f, "United Nations", AN_ORGANISATION);
    expect_none(&f, "S");
    expect_none(&f, "U");
    expect_none(&f, "Korea-U.S.");
    done(&f);
}

static void lone_family_names_are_later_mentions(void **st)
{
    (void)st;
    fixture f;
    run(&f, "Foreign Policy Adviser Ro Tae-hyun met Defense Secretary Alan Vossberg in Busan. "
            "Ro made these remarks after the meeting. Ro stated that talks would go on. "
            "Vossberg and Ro also pledged support. Later Nam Ki-ho arrived. Nam said little.");
    const an_actor *r = expect(&f, "Ro Tae-hyun", AN_PERSON);
    assert_int_equal(r->mentions, 4);                        /* even opening a sentence */
    assert_int_equal(expect(&f, "Alan Vossberg", AN_PERSON)->mentions, 2);
    assert_int_equal(expect(&f, "Nam Ki-ho", AN_PERSON)->mentions, 2);
    expect_none(&f, "Ro");
    expect_none(&f, "Vossberg");
    done(&f);
}

static void a_shared_family_name_goes_to_the_latest(void **st)
{
    (void)st;
    fixture f;
    run(&f, "Envoy Ro Tae-hyun spoke first. Then Ro Min-ji, the trade minister, replied. Ro said more.");
    assert_int_equal(expect(&f, "Ro Tae-hyun", AN_PERSON)->mentions, 1);
    assert_int_equal(expect(&f, "Ro Min-ji", AN_PERSON)->mentions, 2);
    done(&f);
}

static void of_phrases_belong_to_titles(void **st)
{
    (void)st;
    fixture f;
    run(&f, "Norway\u2019s Minister of Foreign Affairs Kari Nordvik arrived. "
            "Then Minister of National Defence Song Jae-won spoke. "
            "The Danish Minister of National Revenue said nothing.");
    const an_actor *k = expect(&f, "Kari Nordvik", AN_PERSON);
    assert_true(has_role(k, "Minister of Foreign Affairs"));
    assert_true(has_role(expect(&f, "Song Jae-won", AN_PERSON), "Minister of National Defence"));
    for (size_t i = 0; i < f.n.n_actors; i++)
        if (f.n.actors[i].type == AN_PERSON)
            assert_null(strstr(f.n.actors[i].name, "of "));
    assert_int_equal(f.n.n_actors, 3);                       /* Norway and the two people */
    done(&f);
}

static void a_role_without_a_name_is_no_actor(void **st)
{
    (void)st;
    fixture f;
    run(&f, "The US Secretary of State further said the drills were over. "
            "A Pentagon spokesperson agreed.");
    for (size_t i = 0; i < f.n.n_actors; i++) {
        assert_null(strstr(f.n.actors[i].name, "Secretary"));
        assert_null(strstr(f.n.actors[i].name, "spokesperson"));
    }
    expect(&f, "United States", AN_PLACE);
    done(&f);
}

/* A title word after a given name is a surname, not a role: titles come
 * before names. So is one after an honorific when it speaks or acts. */
static void a_title_after_a_given_name_is_a_surname(void **st)
{
    (void)st;
    fixture f;
    run(&f, "Charlie King said the vote was close. Later Mary Bishop agreed with the Minister. "
            "Mr. Judge said the count was over. \"Mr. President, we agree,\" a voter shouted.");
    expect(&f, "Charlie King", AN_PERSON);
    expect(&f, "Mary Bishop", AN_PERSON);
    expect(&f, "Judge", AN_PERSON);      /* after an honorific, one that speaks */
    expect_none(&f, "Minister");
    expect_none(&f, "President");
    done(&f);
}

/* A lone word opening a sentence before a speech verb is someone's name
 * when it is never written in lower case and is no plural (but for a
 * surname); "Officials said" names no one. So is one after an inverted
 * "said". */
static void a_lone_word_that_speaks_is_a_person(void **st)
{
    (void)st;
    fixture f;
    run(&f, "The talks ended late. Modi said it was over. Officials said nothing more. Williams said yes. "
            "The plan is weak, said Zorbo.");
    expect(&f, "Modi", AN_PERSON);
    expect(&f, "Zorbo", AN_PERSON);   /* after an inverted "said" */
    expect(&f, "Williams", AN_PERSON);
    expect_none(&f, "Officials");
    done(&f);
    /* ...but not one that opens the next sentence */
    run(&f, "The vote is over in the north, he said. Grevna lies to the north of the river.");
    for (size_t i = 0; i < f.n.n_actors; i++) assert_true(f.n.actors[i].type != AN_PERSON);
    done(&f);
}

static void events_and_name_pairs_are_no_actors(void **st)
{
    (void)st;
    fixture f;
    run(&f, "Veterans of the Grand Fatherland Unification War marched. The Coastal Defence Strategy "
            "was published. Alan Vossberg met Ro Tae-hyun, and the Vossberg-Ro meeting was short.");
    expect_none(&f, "Grand Fatherland Unification War");
    expect_none(&f, "Coastal Defence Strategy");
    expect_none(&f, "Vossberg-Ro");
    for (size_t i = 0; i < f.n.n_actors; i++) assert_int_equal(f.n.actors[i].type, AN_PERSON);
    done(&f);
}

/* Head words, the last one deciding; a lone given name; a known place with
 * more after it; region words; "the" and plurals for teams and bands. */
static void context_types_groups_and_regions(void **st)
{
    (void)st;
    fixture f;
    run(&f, "The Harbour Authority runs Tallow Brook Dock. Later, Susan arrived. The Perth Gannets beat "
            "the Dunmore Rovers and the Quellings. Fans of the Varn Kestrels sang in Old Brava and "
            "Southern Tesland.");
    expect(&f, "Harbour Authority", AN_ORGANISATION);
    expect(&f, "Tallow Brook Dock", AN_PLACE);
    expect(&f, "Susan", AN_PERSON);
    expect(&f, "Perth Gannets", AN_ORGANISATION);
    expect(&f, "Dunmore Rovers", AN_ORGANISATION);
    expect(&f, "Quellings", AN_ORGANISATION);
    expect(&f, "Varn Kestrels", AN_ORGANISATION);
    expect(&f, "Old Brava", AN_PLACE);
    expect(&f, "Southern Tesland", AN_PLACE);
    done(&f);
    run(&f, "They dined at the Corvell Hotel and flew out of St. Louis on Monday.");
    expect(&f, "Corvell Hotel", AN_ORGANISATION);
    expect(&f, "St. Louis", AN_PLACE);
    done(&f);
    run(&f, "Plan B failed, so Vienna chose option C today.");
    expect_none(&f, "B");
    expect_none(&f, "C");
    expect(&f, "Vienna", AN_PLACE);
    done(&f);
}

static void mentions_point_at_actors(void **st)
{
    (void)st;
    fixture f;
    run(&f, "Pentagon spokesperson Dana White said Mattis met Kim Jong-un in Seoul.");
    for (size_t i = 0; i < f.n.n_mentions; i++) {
        const an_mention *m = &f.n.mentions[i];
        assert_true(m->actor >= 0 && (size_t)m->actor < f.n.n_actors);
        assert_int_equal(m->type, f.n.actors[m->actor].type);
        if (i) assert_true(f.n.mentions[i - 1].start <= m->start);
    }
    assert_memory_equal(f.text + f.n.mentions[1].start, "Dana White", 10);
    assert_string_equal(f.n.mentions[1].role, "Pentagon spokesperson");
    done(&f);
}

static void firms_by_the_words_around_them(void **st)
{
    (void)st;
    fixture f;
    run(&f, "The carmaker Dorvane will close two plants. Analysts said Kestrel shares fell after "
            "Kestrel announced the cuts. Engine maker Palmyra agreed to buy a stake in Ostrel. "
            "Air Veloria ordered six jets, and the airline, Brisca, ordered four. "
            "A Vessra-based lender joined a Palmyra-led group.");
    expect(&f, "Dorvane", AN_ORGANISATION);                  /* "The carmaker ..." */
    expect(&f, "Kestrel", AN_ORGANISATION);                  /* "... shares", "... announced" */
    expect(&f, "Palmyra", AN_ORGANISATION);                  /* "Engine maker ..." */
    expect(&f, "Ostrel", AN_ORGANISATION);                   /* "a stake in ..." */
    expect(&f, "Air Veloria", AN_ORGANISATION);              /* an airline's name */
    expect(&f, "Brisca", AN_ORGANISATION);                   /* "the airline, ..." */
    expect(&f, "Vessra", AN_PLACE);                          /* "...-based": cut, a place */
    assert_null(actor(&f, "Palmyra-led"));                   /* the suffix is cut off */
    done(&f);
}

static void models_currencies_and_time_zones_are_no_names(void **st)
{
    (void)st;
    fixture f;
    run(&f, "The Vantor A410 jet and two Orlen 797 airliners cost US$ 40 billion. "
            "The first flight left Veloria at 18:00 UTC, the maker Vantor said.");
    for (size_t i = 0; i < f.n.n_mentions; i++) {
        const char *m = f.text + f.n.mentions[i].start;
        size_t n = f.n.mentions[i].end - f.n.mentions[i].start;
        if (n == 2 && !memcmp(m, "US", 2)) fail_msg("\"US$\" is a currency");
        if (n == 3 && !memcmp(m, "UTC", 3)) fail_msg("\"UTC\" is a time zone");
        if (!memcmp(m, "Orlen", 5) || !memcmp(m, "A410", 4)) fail_msg("a model is no name");
    }
    assert_non_null(actor(&f, "Veloria"));
    assert_non_null(actor(&f, "Vantor"));        /* the firm itself, where it stands alone */
    done(&f);
}

static void never_reads_past_len(void **st)
{
    (void)st;
    arena a;
    arena_init(&a);
    an_names n;
    const char *t = "Mr Kim Jong-un met President Donald Trump in Singapore";
    for (size_t len = 0; len <= strlen(t); len++) {
        char *copy = malloc(len ? len : 1);       /* no terminator: ASan sees overreads */
        memcpy(copy, t, len);
        an_find_names(copy, len, &a, &n);
        for (size_t i = 0; i < n.n_mentions; i++) assert_true(n.mentions[i].end <= len);
        free(copy);
    }
    an_find_names(NULL, 0, &a, &n);
    assert_int_equal(n.n_mentions, 0);
    const char junk[] = "\xff\xfe A\x00B C-D- 's ' . . Mr. Mr Dr. Lt. Gen. \xe2\x80\x99s Kim's' Of of the";
    an_find_names(junk, sizeof junk - 1, &a, &n);
    arena_reset(&a);
}

/* ---- seeds ------------------------------------------------------------ */

static bool load_seed(fixture *f, const char *prefix)
{
    char path[512];
    snprintf(path, sizeof path, "%s/seeds", shared_dir());
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "ls %s/%s_*.txt 2>/dev/null", path, prefix);
    FILE *p = popen(cmd, "r");
    if (!p) return false;
    char file[600] = "";
    bool ok = fgets(file, sizeof file, p) != NULL;
    pclose(p);
    if (!ok) return false;
    file[strcspn(file, "\n")] = '\0';
    size_t len = 0;
    char *text = slurp(file, &len);
    if (!text) return false;
    arena_init(&f->a);
    f->text = text;
    an_find_names(text, len, &f->a, &f->n);
    return true;
}

static void seed_done(fixture *f)
{
    free((char *)f->text);
    arena_reset(&f->a);
}

static void seed_000_defence_officials(void **st)
{
    (void)st;
    fixture f;
    if (!load_seed(&f, "000")) skip();
    assert_true(has_role(expect(&f, "Song Young-moo", AN_PERSON), "Defence Minister"));
    const an_actor *m = expect(&f, "James Mattis", AN_PERSON);
    assert_true(has_role(m, "counterpart"));
    assert_true(has_alias(m, "Mattis"));
    assert_true(has_role(expect(&f, "Dana White", AN_PERSON), "Pentagon spokesperson"));
    expect(&f, "Kim Jong-un", AN_PERSON);
    assert_true(has_role(expect(&f, "Donald Trump", AN_PERSON), "President"));
    expect(&f, "Pentagon", AN_ORGANISATION);
    expect(&f, "Singapore", AN_PLACE);
    expect(&f, "Pyongyang", AN_PLACE);
    seed_done(&f);
}

static void seed_001_diplomats(void **st)
{
    (void)st;
    fixture f;
    if (!load_seed(&f, "001")) skip();
    assert_true(has_role(expect(&f, "Kang Kyung-wha", AN_PERSON), "Foreign Minister"));
    const an_actor *p = expect(&f, "Mike Pompeo", AN_PERSON);
    assert_true(has_role(p, "Secretary of State"));
    assert_true(has_alias(p, "Pompeo"));
    assert_true(has_role(expect(&f, "Moon Jae-in", AN_PERSON), "President"));
    expect(&f, "Seoul", AN_PLACE);
    expect(&f, "South Korea", AN_PLACE);
    expect(&f, "North Korea", AN_PLACE);
    expect(&f, "United Nations", AN_ORGANISATION);
    seed_done(&f);
}

static void seed_004_military_talks(void **st)
{
    (void)st;
    fixture f;
    if (!load_seed(&f, "004")) skip();
    const an_actor *d = by_key(&f, "kim do gyun"), *j = by_key(&f, "kim jong un");
    assert_non_null(d);
    assert_non_null(j);
    assert_ptr_not_equal(d, j);
    assert_int_equal(d->type, AN_PERSON);
    assert_int_equal(j->type, AN_PERSON);
    const an_actor *a = expect(&f, "An Ik-san", AN_PERSON);
    assert_true(has_alias(a, "An Ik San"));
    assert_true(has_alias(a, "An"));
    assert_true(has_role(a, "Lt. Gen."));
    expect(&f, "Seoul", AN_PLACE);
    expect(&f, "Pyongyang", AN_PLACE);
    expect(&f, "Singapore", AN_PLACE);
    expect(&f, "South Korea", AN_PLACE);
    expect(&f, "North Korea", AN_PLACE);
    expect(&f, "Defense Ministry", AN_ORGANISATION);
    seed_done(&f);
}

/* fuzz/fuzz_names found bytes on which two actors were merged into each
 * other and the merge looped forever; this returns only with the fix. */
static void merging_never_loops(void **st)
{
    (void)st;
    const char bytes[] = {'J', '.', 'R', (char)0xFE, 'R', '`', (char)0xFE, 'R', 0x02, 'R', '.', 'J'};
    arena a;
    arena_init(&a);
    an_names n;
    an_find_names(bytes, sizeof bytes, &a, &n);
    for (size_t i = 0; i < n.n_mentions; i++) assert_true(n.mentions[i].actor < (int32_t)n.n_actors);
    arena_reset(&a);
}

/* The learned typer's weights: summed per type over the features given,
 * the bias added; unknown features count nothing; a malformed line is
 * skipped; of a feature given twice the first line counts. */
static void typer_sums_weights_of_the_features_given(void **st)
{
    (void)st;
    const char *text = "# a comment\n"
                       "bias\t0.5\t0\t0\n"
                       "w:bank\t-1\t2\t0\n"
                       "n1:said\t3\t0\t0\n"
                       "w:bank\t9\t9\t9\n"
                       "broken\t1\t2\n"
                       "also broken\t1\t2\t3\t4\n"
                       "l:city\t0\t0\t1.5\r\n";
    an_linear m;
    an_linear_parse(&m, 3, text, strlen(text));
    assert_true(m.loaded);
    assert_int_equal(m.n, 3);
    const char *f = "r:P0 w:bank n1:x";
    assert_int_equal(an_linear_pick(&m, f, strlen(f)), AN_ORGANISATION);   /* 2 over 0.5 - 1 */
    f = "w:bank n1:said";
    assert_int_equal(an_linear_pick(&m, f, strlen(f)), AN_PERSON);         /* 2.5 over 2 */
    f = "l:city";
    assert_int_equal(an_linear_pick(&m, f, strlen(f)), AN_PLACE);
    f = "nothing:known";
    assert_int_equal(an_linear_pick(&m, f, strlen(f)), AN_PERSON);         /* the bias alone */
    an_linear_free(&m);
    an_linear_parse(&m, 3, "", 0);
    assert_int_equal(an_linear_pick(&m, f, strlen(f)), -1);                /* no weights: the rules */
    an_linear_free(&m);
    /* the compiled-in weights parse, every line of them */
    extern const char an_typer_builtin[];
    an_linear_parse(&m, 3, an_typer_builtin, strlen(an_typer_builtin));
    size_t lines = 0;
    for (const char *p = an_typer_builtin; *p; p++) lines += *p == '\n' && p[1] && p[1] != '#';
    assert_true(m.loaded);
    assert_int_equal(m.n, lines - 1);   /* less the bias */
    an_linear_free(&m);
}

/* The tests of the rules alone: invented names no lexicon or training
 * text knows, typed or bounded by one cue each ("The carmaker Dorvane",
 * "Linebacker Steve Foley"). The rules still read those cues and the tagger
 * sees their answer, but it decides as it learned from real news, where
 * it does better than keeping the rules' cue-typed names (names.c,
 * apply_tags); on these texts it does not always follow them. */
static int rules_only(void **st)
{
    (void)st;
    an_tagger_use(false);
    return 0;
}

static int tagger_back(void **st)
{
    (void)st;
    an_tagger_use(true);
    return 0;
}

/* With its weights, the tagger's names replace the rules': "Mail &
 * Guardian" is one outlet word by word (the rules make two names of it);
 * names a lexicon knows stay as it says. */
static void the_tagger_names_word_by_word(void **st)
{
    (void)st;
    const char *text = "Residents told the Mail & Guardian that the United Nations had sent aid.";
    fixture f;
    run(&f, text);
    expect(&f, "Mail & Guardian", AN_ORGANISATION);
    expect(&f, "United Nations", AN_ORGANISATION);
    done(&f);
    an_tagger_use(false);
    run(&f, text);
    assert_null(actor(&f, "Mail & Guardian"));
    expect(&f, "United Nations", AN_ORGANISATION);
    done(&f);
    an_tagger_use(true);
    /* both at once: the rules' own names (for clustering) beside the tagger's */
    an_names tagged, rules;
    an_find_names_both(text, strlen(text), &f.a, &tagged, &rules);
    assert_non_null(actor_in(&tagged, "Mail & Guardian"));
    assert_null(actor_in(&rules, "Mail & Guardian"));
    arena_reset(&f.a);
}

static void names_twice(const char *text, size_t len, void *ctx)
{
    (void)ctx;
    arena a;
    arena_init(&a);
    an_names n;
    for (int twice = 0; twice < 2; twice++) {
        an_find_names(text, len, &a, &n);
        arena_reset(&a);
    }
}

/* The tagger's scores from its forms' sums (kept per thread, across texts)
 * are those of its features one by one: on every page of examples/ (read
 * twice, so that the second time the forms are known), and on a text of
 * forms too long to keep, words at both ends, and no joins. */
static void summed_scores_are_the_features_scores(void **st)
{
    (void)st;
    arena a;
    arena_init(&a);
    an_names n;
    an_tagger_compare(true);
    const char *odd = "Ngozi Okonjo-Iweala-Supercalifragilisticexpialidocious-Abcdefghijklmnopqrstuvwxyz said: "
                      "\"No.\" (Reuters) -- the U.S.-based UN agency's chief, Mr. O'Neill, met Kim.";
    an_find_names(odd, strlen(odd), &a, &n);
    arena_reset(&a);
    long odd_words = 0;
    assert_true(an_tagger_compared(&odd_words) < 1e-9);
    assert_true(odd_words >= 10);
    int pages = each_example_page(names_twice, NULL);
    long words = 0;
    double d = an_tagger_compared(&words);
    assert_true(pages >= 20);
    assert_true(words > 5000);
    assert_true(d < 1e-9);
    /* every word with rows of its own ("Lw") in three cases, twice: more
     * forms than the thread keeps such rows for, so that the second time
     * some find theirs taken by another form and sum them again */
    size_t mlen = 0;
    char *model_text = slurp("data/model/tagger.tsv", &mlen);
    assert_non_null(model_text);
    buf all;
    buf_init(&all);
    int lw = 0;
    for (char *line = model_text; line && *line;) {
        char *eol = strchr(line, '\n');
        if (!strncmp(line, "Lw=", 3) && line[4] == '|') {
            const char *w = line + 5;
            size_t n = strcspn(w, "\t");
            if (n && n < 40 && !memchr(w, '_', n)) {
                char up[40], cap[40];
                for (size_t i = 0; i < n; i++) {
                    up[i] = (char)toupper((unsigned char)w[i]);
                    cap[i] = i ? w[i] : up[i];
                }
                buf_printf(&all, "The %.*s met %.*s and %.*s. ", (int)n, cap, (int)n, w, (int)n, up);
                lw++;
            }
        }
        line = eol ? eol + 1 : NULL;
    }
    free(model_text);
    assert_true(lw > 1000);
    for (int twice = 0; twice < 2; twice++) {
        an_find_names(all.data, all.len, &a, &n);
        arena_reset(&a);
    }
    buf_free(&all);
    d = an_tagger_compared(&words);
    an_tagger_compare(false);
    assert_true(d < 1e-9);
}

/* A phrase grows word by word only while the lexicon has a longer key it
 * begins: "united nations" may become "united nations security council";
 * a word no key begins with, or a whole key no longer one begins with,
 * cannot. */
static void lexicon_phrases_grow_only_into_keys(void **st)
{
    (void)st;
    assert_true(lx_may_grow("united", 6));
    assert_true(lx_may_grow("united nations", 14));
    assert_true(lx_may_grow("united nations security", 23));
    assert_false(lx_may_grow("united nations security council", 31));
    assert_false(lx_may_grow("qqzx", 4));
    assert_non_null(lx_find("united nations security council", 31, ~0u));
}

/* A model's weights found by the hash of a feature are the ones its line
 * gave, whatever the number of classes; an unknown feature has none. */
static void weights_are_found_by_hash(void **st)
{
    (void)st;
    const char *text = "bias\t0\t0\t0\t0\t0\t0\t0\t0\t0\n"
                       "w=kim\t1\t2\t3\t4\t5\t6\t7\t8\t9\n"
                       "w=kim\t9\t9\t9\t9\t9\t9\t9\t9\t9\n"
                       "Lw=P|do_gyun\t-1\t0\t0.5\t0\t0\t0\t0\t0\t2.25\n"
                       "short\t1\t2\t3\n";
    an_linear m;
    an_linear_parse(&m, AN_TAG_N, text, strlen(text));
    assert_int_equal(m.n, 2);
    const float *w = an_linear_find(&m, "w=kim", 5);
    assert_non_null(w);
    for (int c = 0; c < AN_TAG_N; c++) assert_true(w[c] == (float)(c + 1));   /* the first line */
    w = an_linear_find(&m, "Lw=P|do_gyun", 12);
    assert_non_null(w);
    assert_true(w[0] == -1.0f && w[2] == 0.5f && w[8] == 2.25f);
    assert_null(an_linear_find(&m, "w=ki", 4));
    assert_null(an_linear_find(&m, "short", 5));
    double z[AN_TAG_N] = {0};
    an_linear_add(&m, "w=kim nothing Lw=P|do_gyun", 26, z);
    assert_true(z[0] == 0.0 && z[8] == 11.25);
    an_linear_free(&m);
    /* the compiled-in tagger: every line parses, each found by its hash */
    extern const char an_tagger_builtin[];
    an_linear_parse(&m, AN_TAG_N, an_tagger_builtin, strlen(an_tagger_builtin));
    size_t lines = 0;
    for (const char *p = an_tagger_builtin; *p; p++) lines += *p == '\n' && p[1] && p[1] != '#';
    assert_true(m.loaded);
    assert_int_equal(m.n, lines - 1);   /* less the bias */
    size_t found = 0;
    for (const char *p = an_tagger_builtin; *p;) {
        const char *eol = strchr(p, '\n'), *tab = strchr(p, '\t');
        if (*p != '#' && tab && tab < eol && strncmp(p, "bias\t", 5)) found += an_linear_find(&m, p, (size_t)(tab - p)) != NULL;
        p = eol + 1;
    }
    assert_int_equal(found, m.n);
    an_linear_free(&m);
}

/* The word classes the tagger's features name: every line of the table is
 * read, words used alike share a class and words used otherwise do not. */
static void words_used_alike_share_a_class(void **state)
{
    (void)state;
    extern const char an_wordclass_builtin[];
    an_linear m;
    an_linear_parse(&m, AN_WORDCLASS_SIZES, an_wordclass_builtin, strlen(an_wordclass_builtin));
    size_t lines = 0;
    for (const char *p = an_wordclass_builtin; *p; p++) lines += *p == '\n' && p[1] && p[1] != '#';
    assert_true(lines > 10000);
    assert_int_equal(m.n, lines);
    size_t found = 0;
    for (const char *p = an_wordclass_builtin; *p;) {
        const char *eol = strchr(p, '\n'), *tab = strchr(p, '\t');
        if (*p != '#' && tab && tab < eol) found += an_linear_find(&m, p, (size_t)(tab - p)) != NULL;
        p = eol + 1;
    }
    assert_int_equal(found, lines);
    an_linear_free(&m);
    const int size[AN_WORDCLASS_SIZES] = {50, 200, 800};
    static const char *const days[] = {"tuesday", "wednesday", "thursday", "friday"};
    for (int z = 0; z < AN_WORDCLASS_SIZES; z++) {
        int monday = an_word_class("monday", 6, z);
        assert_in_range(monday, 0, size[z] - 1);
        for (size_t d = 0; d < sizeof days / sizeof *days; d++)
            assert_int_equal(an_word_class(days[d], strlen(days[d]), z), monday);
    }
    assert_int_not_equal(an_word_class("nairobi", 7, 2), an_word_class("monday", 6, 2));
    assert_int_not_equal(an_word_class("said", 4, 2), an_word_class("monday", 6, 2));
    assert_int_equal(an_word_class("zqxjv", 5, 0), -1);
    assert_int_equal(an_word_class("monday", 6, AN_WORDCLASS_SIZES), -1);
    assert_int_equal(an_word_class("monday", 5, 0), -1);   /* "monda" */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(merging_never_loops),
        cmocka_unit_test(type_names),
        cmocka_unit_test(weights_are_found_by_hash),
        cmocka_unit_test(words_used_alike_share_a_class),
        cmocka_unit_test(the_tagger_names_word_by_word),
        cmocka_unit_test(summed_scores_are_the_features_scores),
        cmocka_unit_test(lexicon_phrases_grow_only_into_keys),
        cmocka_unit_test(titles_make_people_and_roles),
        cmocka_unit_test(demonyms_belong_to_roles),
        cmocka_unit_test(appositions_give_roles),
        cmocka_unit_test(organisations_by_head_word_and_lexicon),
        cmocka_unit_test(places_by_lexicon_and_context),
        cmocka_unit_test_setup_teardown(names_by_shape_and_speech, rules_only, tagger_back),
        cmocka_unit_test(what_befalls_people_makes_a_person),
        cmocka_unit_test(a_common_surname_makes_a_person),
        cmocka_unit_test_setup_teardown(words_before_a_given_name_are_no_part_of_it, rules_only, tagger_back),
        cmocka_unit_test(function_words_and_possessives),
        cmocka_unit_test(spellings_of_one_name_merge),
        cmocka_unit_test(surnames_join_the_latest_full_name),
        cmocka_unit_test(the_text_tells_a_persons_sex),
        cmocka_unit_test(an_earlier_surname_joins_a_later_full_name),
        cmocka_unit_test(initials_with_full_stops_are_one_word),
        cmocka_unit_test(contractions_are_no_names),
        cmocka_unit_test(acronyms_and_agencies),
        cmocka_unit_test(lone_family_names_are_later_mentions),
        cmocka_unit_test(a_shared_family_name_goes_to_the_latest),
        cmocka_unit_test_setup_teardown(of_phrases_belong_to_titles, rules_only, tagger_back),
        cmocka_unit_test(a_role_without_a_name_is_no_actor),
        cmocka_unit_test(a_title_after_a_given_name_is_a_surname),
        cmocka_unit_test(a_lone_word_that_speaks_is_a_person),
        cmocka_unit_test(events_and_name_pairs_are_no_actors),
        cmocka_unit_test_setup_teardown(context_types_groups_and_regions, rules_only, tagger_back),
        cmocka_unit_test(mentions_point_at_actors),
        cmocka_unit_test_setup_teardown(firms_by_the_words_around_them, rules_only, tagger_back),
        cmocka_unit_test(models_currencies_and_time_zones_are_no_names),
        cmocka_unit_test(never_reads_past_len),
        cmocka_unit_test(typer_sums_weights_of_the_features_given),
        cmocka_unit_test(aliases_and_roles_listed_once),
        cmocka_unit_test(a_name_in_capitals_is_named_as_written_elsewhere),
        cmocka_unit_test(a_datelines_place_and_credit),
        cmocka_unit_test(a_headed_place_keeps_its_head),
        cmocka_unit_test(a_firm_by_what_only_firms_have),
        cmocka_unit_test(a_firm_short_for_its_branch),
        cmocka_unit_test(shares_make_a_firm_of_a_place),
        cmocka_unit_test(names_joined_by_a_hyphen_are_no_name),
        cmocka_unit_test(seed_000_defence_officials),
        cmocka_unit_test(seed_001_diplomats),
        cmocka_unit_test(seed_004_military_talks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
