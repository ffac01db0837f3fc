/* test_summary.c: headlines and extractive summaries. */
#include "testutil.h"
#include "summarize/summarize.h"

static void headline_is_central_title_and_summary_does_not_repeat(void **st)
{
    (void)st;
    su_article arts[] = {
        {"Ferry strike halts island crossings",
         "Ferry workers on the island routes walked out on Monday over pay, halting all crossings. "
         "The union said the ferry strike would last three days. Tourists waited at the harbour.", 10, false},
        {"Union leader speaks",
         "The ferry strike halted all island crossings on Monday as workers walked out over pay. "
         "Negotiators will meet the ferry operator on Wednesday to discuss the pay offer.", 10, false},
        {"Weather", "Ferry workers on the island routes walked out on Monday over pay, halting all crossings. "
         "The union said the ferry strike would last three days.", 11, true},
        {"Ferry strike ends early after pay deal",
         "The ferry strike ended on Tuesday after the operator raised its pay offer to workers. "
         "Island crossings resume on Wednesday morning, the operator said in a statement today.", 11, false},
    };
    arena a;
    arena_init(&a);
    su_summary s;
    su_summarize(arts, 4, 3, &a, &s);
    assert_non_null(s.headline);
    assert_non_null(strstr(s.headline, "Ferry strike"));
    assert_true(s.n >= 2 && s.n <= 3);
    /* The first two articles open with the same news: only one of them is kept. */
    int walked = 0;
    for (size_t i = 0; i < s.n; i++) walked += strstr(s.sentences[i], "walked out") != NULL;
    assert_int_equal(walked, 1);
    /* In story order: the strike's start comes before its end. */
    size_t start = 99, end = 99;
    for (size_t i = 0; i < s.n; i++) {
        if (strstr(s.sentences[i], "walked out")) start = i;
        if (strstr(s.sentences[i], "ended on Tuesday")) end = i;
    }
    assert_true(start < end && end < s.n);
    arena_reset(&a);
}

/* A photo's caption is no summary sentence, however central its words:
 * the report beside it is taken instead. */
static void a_summary_holds_no_caption(void **st)
{
    (void)st;
    su_article arts[] = {
        {"Ferry strike halts island crossings",
         "Ferry workers Ana Vey , left , and Leo Ortiz walk out over pay at the island ferry harbour on Monday. "
         "Ferry workers on the island routes walked out over pay on Monday, halting all the island crossings.", 10,
         false},
        {"Ferry strike goes on", "The ferry strike over pay halted the island crossings again on Tuesday.", 11, false},
    };
    arena a;
    arena_init(&a);
    su_summary s;
    su_summarize(arts, 2, 3, &a, &s);
    assert_true(s.n >= 1);
    bool report = false;
    for (size_t i = 0; i < s.n; i++) {
        assert_null(strstr(s.sentences[i], ", left ,"));
        report = report || strstr(s.sentences[i], "halting all the island crossings");
    }
    assert_true(report);
    arena_reset(&a);
}

/* Issue 13: articles that come without titles (a JSON line with text
 * only) left their events and storylines with no headline. */
static void without_titles_the_headline_is_the_most_central_lead(void **st)
{
    (void)st;
    su_article arts[] = {
        {NULL, "Engineers on Sunday capped the leaking oil well in the gulf after weeks of failed attempts to stop "
               "the flow of crude into the sea from the broken riser. Shares rose.", 10, false},
        {NULL, "The capped oil well in the gulf held overnight, engineers said. Crews watched the pressure.", 11, false},
        {"", "Fishermen met in the harbour to talk about compensation. They were angry.", 12, false},
    };
    arena a;
    arena_init(&a);
    su_summary s;
    /* the lead whose words the most articles share */
    su_summarize(arts, 3, 2, &a, &s);
    assert_non_null(s.headline);
    assert_string_equal(s.headline, "The capped oil well in the gulf held overnight, engineers said.");
    /* a lead too long is cut at a word boundary and ends with an ellipsis */
    su_summarize(arts, 1, 2, &a, &s);
    assert_non_null(s.headline);
    size_t len = strlen(s.headline);
    assert_true(len > 40 && len <= 90 + 3);
    assert_string_equal(s.headline + len - 3, "\xE2\x80\xA6");
    assert_true(!strncmp(arts[0].text, s.headline, len - 3) && arts[0].text[len - 3] == ' ');   /* whole words */
    /* a lead that is a photo's caption or page furniture is passed over for
     * the article's next sentence */
    su_article framed[] = {
        {NULL, "Engineer Ana Vey , left , and diver Leo Ortiz inspect the capped oil well in the gulf on Sunday. "
               "The capped oil well in the gulf held overnight after engineers fitted a new valve.", 10, false},
        {NULL, "March 3 , 2011 | By Ann Lee , Staff Writer The capped oil well in the gulf held. Crews watched the "
               "pressure gauges on the rig all night.", 11, false},
        {NULL, "March 3 , 2011 | By Ann Lee , Staff Writer The capped oil well in the gulf held.", 12, false},
    };
    su_summarize(framed, 1, 2, &a, &s);
    assert_string_equal(s.headline, "The capped oil well in the gulf held overnight after engineers fitted a new valve.");
    su_summarize(framed + 1, 1, 2, &a, &s);
    assert_string_equal(s.headline, "Crews watched the pressure gauges on the rig all night.");
    su_summarize(framed + 2, 1, 2, &a, &s);   /* furniture alone: a headline still */
    assert_non_null(s.headline);
    arena_reset(&a);
}

/* A word is central by the share of articles that use it: one article
 * that repeats a word ten times counts once for it. */
static void a_word_counts_once_per_article(void **st)
{
    (void)st;
    su_article arts[] = {
        {NULL, "The zebra zebra zebra zebra zebra zebra zebra zebra zebra zebra parade went down Main Street "
               "in the spring.", 10, false},
        {NULL, "Officials reopened the old harbor bridge on Monday after repairs to its steel cables were "
               "finished.", 10, false},
        {NULL, "Ferries docked at the harbor again, the port office said on Monday in a short statement.", 11, false},
    };
    arena a;
    arena_init(&a);
    su_summary s;
    su_summarize(arts, 3, 1, &a, &s);
    assert_int_equal(s.n, 1);
    assert_non_null(strstr(s.sentences[0], "harbor"));
    assert_null(strstr(s.headline, "zebra"));
    arena_reset(&a);
}

static void empty_cluster_gives_empty_summary(void **st)
{
    (void)st;
    arena a;
    arena_init(&a);
    su_summary s;
    su_summarize(NULL, 0, 3, &a, &s);
    assert_null(s.headline);
    assert_int_equal(s.n, 0);
    arena_reset(&a);
}

static void timeline_keeps_the_most_mentioned_dates_in_order(void **st)
{
    (void)st;
    int32_t d12 = day_from_ymd(2024, 5, 12), d14 = d12 + 2, d20 = d12 + 8;
    su_dated in[] = {
        {d14, "The talks opened on Thursday at the border.", "b", d14, 0},
        {d12, "The two leaders met in the capital on Tuesday.", "a", d14, 2},
        {d12, "On Tuesday the leaders met in the capital city.", "b", d14, 5},
        {d12, "Leaders met on Tuesday, a report written later says.", "c", d20, 1},
        {d20, "A follow-up meeting took place on Monday.", "c", d20, -1},
        {d14 - 400, "Relations froze last year.", "a", d14, 7},
    };
    arena a;
    arena_init(&a);
    su_entry *e;
    size_t n = su_timeline(in, 6, 3, 2, &a, &e);
    /* Three dates: the day three articles report, the year-old date an
     * article comes back to (named over a month later, it counts three
     * times), and the day one reports; the day only a lead stands for
     * (half) is left out. */
    assert_int_equal(n, 4);
    assert_int_equal(e[0].day, d14 - 400);
    assert_int_equal(e[1].day, d12);
    assert_int_equal(e[3].day, d14);
    /* the day's report comes from the article published soonest after it,
     * earliest sentence first; the near-copy of it is left out */
    assert_string_equal(e[1].article, "a");
    for (size_t i = 1; i < n; i++) assert_true(e[i].day >= e[i - 1].day);
    size_t on12 = 0;
    for (size_t i = 0; i < n; i++) on12 += e[i].day == d12;
    assert_int_equal(on12, 2);
    assert_int_equal(su_timeline(in, 0, 3, 1, &a, &e), 0);
    arena_reset(&a);
}

/* A date's entry tells what most of the articles naming it tell, not an
 * aside of the one published first. */
static void timeline_entry_tells_what_the_articles_of_its_date_tell(void **st)
{
    (void)st;
    int32_t d = day_from_ymd(2024, 3, 8);
    su_dated in[] = {
        {d, "The mayor also opened a bakery downtown on Friday.", "a", d, 3},
        {d, "Flood water closed the river bridge on Friday night.", "b", d + 1, 1},
        {d, "On Friday the river rose and flood water reached the bridge.", "c", d + 1, 0},
        {d, "Police shut the bridge on Friday as the river flood grew.", "d", d + 2, 2},
    };
    arena a;
    arena_init(&a);
    su_entry *e;
    assert_int_equal(su_timeline(in, 4, 1, 1, &a, &e), 1);
    assert_string_not_equal(e[0].article, "a");
    assert_non_null(strstr(e[0].text, "bridge"));
    arena_reset(&a);
}

/* However its sentences are interleaved with other articles', an article
 * counts once for a date: three distinct articles outweigh two, one of
 * which names its date three times. */
static void timeline_counts_an_article_once_per_date(void **st)
{
    (void)st;
    int32_t y = day_from_ymd(2024, 5, 10), x = y + 4;
    su_dated in[] = {
        {x, "Crews reached the pier on Tuesday morning.", "a", x, 1},
        {y, "The storm hit the coast on Friday.", "b", y, 0},
        {x, "A second crew arrived later on Tuesday.", "z", x, 3},
        {x, "By Tuesday night the pier was open.", "a", x, 4},
        {y, "Power failed across the coast on Friday.", "c", y, 2},
        {x, "Officials inspected the pier on Tuesday.", "a", x, 6},
        {y, "Friday's storm closed the schools.", "d", y, 1},
    };
    arena a;
    arena_init(&a);
    su_entry *e;
    assert_int_equal(su_timeline(in, 7, 1, 1, &a, &e), 1);
    assert_int_equal(e[0].day, y);
    arena_reset(&a);
}

/* A sentence naming two dates is told once, under the weightier date (two
 * articles give Thursday's, the second a copy; Monday's other sentence,
 * a forecast, is its only other); the other date takes its next best
 * sentence, or no entry. */
static void timeline_tells_a_sentence_once(void **st)
{
    (void)st;
    int32_t mon = day_from_ymd(2024, 5, 6), thu = mon + 3;
    const char *both = "The firm began emailing the customers of the breach it disclosed this week.";
    su_dated in[] = {
        {thu, both, "a", thu, 0},
        {thu, both, "b", thu, 0},
        {mon, both, "a", thu, 0},
        {mon, "Regulators will hear of the breach on Monday, the firm said.", "d", mon - 1, 2},
    };
    arena a;
    arena_init(&a);
    su_entry *e;
    size_t n = su_timeline(in, 4, 2, 1, &a, &e);
    assert_int_equal(n, 2);
    assert_int_equal(e[0].day, mon);
    assert_int_equal(e[1].day, thu);
    assert_string_not_equal(e[0].text, e[1].text);
    assert_string_equal(e[0].article, "d");
    assert_string_equal(e[1].text, both);
    arena_reset(&a);
}

static void timeline_tells_what_happened_before_what_was_said(void **st)
{
    (void)st;
    int32_t d = day_from_ymd(2024, 5, 14);
    su_dated in[] = {
        {d, "\xE2\x80\x9CWe are ready,\xE2\x80\x9D the minister said on Thursday.", "a", d, 1},
        {d, "\"It went well,\" an aide said on Thursday.", "a", d, 2},
        {d, "Delegations from both sides met at the border on Thursday.", "b", d, 4},
        {d, "A forecast said they would meet on Thursday.", "c", d - 3, 0},
    };
    arena a;
    arena_init(&a);
    su_entry *e;
    assert_int_equal(su_timeline(in, 4, 1, 1, &a, &e), 1);
    assert_string_equal(e[0].article, "b");
    /* a date only someone's words name is no date of the story */
    su_dated only[] = {
        {d - 7, "\"It knows where you shopped last Tuesday,\" a researcher said.", "a", d, 1},
        {d - 7, "\xE2\x80\x9CLast Tuesday was a disaster,\xE2\x80\x9D she said.", "c", d, 0},
        /* the second sentence of a quote starts inside it */
        {d - 7, "I sold more coffee last Tuesday than in a month,\xE2\x80\x9D she said.", "e", d, 3},
        {d - 7, "Nobody came last Tuesday,\" he said.", "f", d, 5},
        {d, "Delegations from both sides met at the border on Thursday.", "b", d, 4},
    };
    assert_int_equal(su_timeline(only, 5, 2, 1, &a, &e), 1);
    assert_int_equal(e[0].day, d);
    /* a question asks, whatever it shares with the day's reports */
    su_dated asked[] = {
        {d, "Will the border talks on Thursday end the blockade ?", "a", d, 0},
        {d, "Why did the border talks on Thursday fail? ", "b", d, 0},
        {d, "Delegations met at the border on Thursday and talks ended early.", "c", d, 3},
    };
    assert_int_equal(su_timeline(asked, 3, 1, 2, &a, &e), 1);
    assert_string_equal(e[0].article, "c");
    /* nor does a reader's comment (su_personal) */
    su_dated comment[] = {
        {d, "I think the border talks on Thursday were a farce , you know it .", "a", d, 40},
        {d, "Delegations from both sides met at the border on Thursday and talks ended early .", "b", d + 1, 6},
    };
    assert_int_equal(su_timeline(comment, 2, 1, 2, &a, &e), 1);
    assert_string_equal(e[0].article, "b");
    arena_reset(&a);
}

/* Each of the n sentences comes out of su_clean_sentence whole. */
static void kept_whole(const char *const *s, size_t n)
{
    for (size_t i = 0; i < n; i++) assert_string_equal(su_clean_sentence(s[i]), s[i]);
}

/* Each sentence of the pairs {sentence, what su_clean_sentence leaves of
 * it}; the first left otherwise is named. */
static void cleans_to(const char *const (*pairs)[2], size_t n)
{
    for (size_t i = 0; i < n; i++) assert_string_equal(su_clean_sentence(pairs[i][0]), pairs[i][1]);
}
#define CLEANS_TO(...)                                                           \
    do {                                                                         \
        const char *const pairs_[][2] = {__VA_ARGS__};                           \
        cleans_to(pairs_, sizeof pairs_ / sizeof *pairs_);                       \
    } while (0)

/* f says want of each of the n sentences s; the first that it does not is
 * named. */
static void each_is(bool (*f)(const char *), bool want, const char *const *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (f(s[i]) != want) fail_msg("\"%s\": %s", s[i], want ? "false" : "true");
}
#define EACH_IS(f, want, ...)                                                    \
    do {                                                                         \
        const char *const each_[] = {__VA_ARGS__};                               \
        each_is(f, want, each_, sizeof each_ / sizeof *each_);                   \
    } while (0)

/* What a page glues before a sentence goes; a sentence without it stays
 * whole. The examples are shaped like scraped wire, blog and comment pages,
 * with invented places and people. */
static void furniture_before_a_sentence_goes(void **st)
{
    (void)st;
    CLEANS_TO(
        {"PORTVILLE | Tue Mar 3 , 2015 4:05 pm EDT PORTVILLE -LRB- Reuters -RRB- - "
         "Ferry workers walked out on Tuesday .", "Ferry workers walked out on Tuesday ."},
        {"OSTBURG (AP) -- The river rose again.", "The river rose again."});
    /* a byline before the stamp goes with it; "By" and a time alone stay */
    CLEANS_TO(
        {"By Ann Lee March 2 , 2015 : 2:24 PM ET The river rose again .", "The river rose again ."},
        {"By Ann Lee , reporterMarch 2 , 2015 : 5:46 AM ET The river rose .", "The river rose ."},
        {"By 6:30 the square was full .", "By 6:30 the square was full ."},
        {"By Monday , 5:00 the deal was done .", "By Monday , 5:00 the deal was done ."},
        {"Monday , March 2 , 2015 ; 9:12 AM A strike closed the port .", "A strike closed the port ."},
        {"Ana Vey | 14:44 UK time , Monday , 2 March 2015 For anyone waiting , the ferries are late .",
         "For anyone waiting , the ferries are late ."},
        {"March 2 , 2015 at 1:27 pm | The fares are too high .", "The fares are too high ."},
        {"At 1:27 pm on 02 Mar 2015 , leo wrote : The fares are too high .", "The fares are too high ."},
        {"PORT LEVEN , ME. -- A tide of oil reached the coast .", "A tide of oil reached the coast ."});
    /* a dateline with its day, before an em or en dash */
    CLEANS_TO(
        {"ORVANO, July 9 \xE2\x80\x94 From Monday, taps run dry at night.", "From Monday, taps run dry at night."},
        {"OSTBURG, 9 Oct. 2024 \xE2\x80\x93 The river rose again.", "The river rose again."},
        {"PORTVILLE, Sept. 30, 2015 - Ferries stopped.", "Ferries stopped."});
    /* not a month: the words stay */
    assert_string_equal(su_clean_sentence("NATO, Sweden 2 - the score was level."),
                        "NATO, Sweden 2 - the score was level.");
    /* a sentence that only mentions a time, or begins with capitals, stays */
    const char *keep[] = {"At 6:30 a.m. the police arrived at the harbour .", "The vote ended at 10:22 AM on Monday .",
                          "NATO said on Monday that talks would resume .", "Prices rose 2.5 percent -- the most in years ."};
    kept_whole(keep, sizeof keep / sizeof *keep);
    EACH_IS(su_says_little, true, "THIS IS A RUSH TRANSCRIPT .",
            "Report abuse .");
    assert_false(su_says_little("A strike closed the port ."));
    /* a byline header with a bar, a label in capitals inside a sentence */
    EACH_IS(su_says_little, true, "March 3 , 2011 | By Ann Lee , Staff Writer Crowds filled the square .",
            "JOHN DOE , HOST : There is news this morning from the port .",
            "Crowds rally Aired February 4 , 2011 - 16:00 ET THIS IS A RUSH TRANSCRIPT .",
            "Maps for today 's show : THIS IS A RUSH TRANSCRIPT .");
    /* acronyms, and a bar inside a word, are text */
    EACH_IS(su_says_little, false, "The UN and NATO met the EU envoys in Brussels .",
            "Talks between the US , UK , EU and China ended on Friday .");
}

/* A text's words come back once each, in increasing order of their
 * hashes, for texts short and long (the sort changes way at 32 words):
 * 2,000 invented words of which 700 differ, and 10 words of which 7 do. */
/* Photo credits before a sentence go, and a photo's caption is no report:
 * people placed in the picture, what a picture shows, what "is seen" in
 * it; a view that "is seen as" something, or a photo gallery, is a
 * sentence still. */
/* A live page's update stamp, and a header before it, are furniture; so is
 * the run of highlights before a wire credit far into the sentence, but
 * not a politician's party and state there. */
static void update_stamps_and_late_credits_go(void **st)
{
    (void)st;
    CLEANS_TO(
        {"-LRB- Update 2:45 p.m. Portville , 7:45 a.m. ET -RRB- The port closed .", "The port closed ."},
        {"(Updated: 14:05 GMT) - The port closed.", "The port closed."},
        {"Update 3:00 a.m. in Portville , 8:00 p.m. ET -RRB- The port closed .", "The port closed ."},
        {"Developments on the strike : -LRB- Update 5:30 a.m. -RRB- Crowds left .", "Crowds left ."});
    /* no clock time, or not an update: the brackets stay */
    const char *keep[] = {"(Update on the talks) The port closed.", "(Updates at 2:45 follow) The port closed.",
                          "Updated figures at 2:45 p.m. showed the port closed ."};
    kept_whole(keep, sizeof keep / sizeof *keep);
    const char *highlights = "Talks failed , unions say Ferries will stop on Monday The mayor calls for calm in a long "
                             "statement read out at the harbour , where hundreds of workers and their families had gathered in the rain since dawn "
                             "-LRB- CNN -RRB- -- Ferry workers walked out on Tuesday .";
    assert_string_equal(su_clean_sentence(highlights), "Ferry workers walked out on Tuesday .");
    const char *party = "The bill that the committee sent to the floor on Tuesday after a long night of amendments and "
                        "votes was criticised by the senator for the port district , Ana Vey -LRB- D-Calif. -RRB- -- "
                        "a critic of the ferries .";
    assert_string_equal(su_clean_sentence(party), party);
    assert_string_equal(su_clean_sentence("Ana Vey (D-Calif.) -- a critic -- said no ."),
                        "Ana Vey (D-Calif.) -- a critic -- said no .");
}

/* A page's date and time together, whatever headline and standfirst come
 * before them; a time written with a dot when a zone follows it. */
static void a_date_and_time_stamp_a_page(void **st)
{
    (void)st;
    CLEANS_TO(
        {"Prepare for floods , agency warns Rivers may rise further this week "
         "Tuesday 28 April 2015 17.37 BST The river rose again .", "The river rose again ."},
        {"Page last updated at 08:03 GMT , Tuesday , 26 July 2015 09:03 UK "
         "The port closed .", "The port closed ."},
        {"Page last updated at 07:48 GMT , Tuesday , 8 November 2015 The port "
         "closed .", "The port closed ."});
    /* a number with a dot is no time without a zone; a date and time the
     * sentence goes on after are the sentence's */
    const char *keep[] = {"Shares rose 17.37 percent on Tuesday 28 April 2015 .",
                          "Results from 2015 , 10:30 am Monday showed losses .",
                          "Prices in 2015 17.37 BST were higher .", "Winners of 2015 , 12.50 Euros each went home ."};
    kept_whole(keep, sizeof keep / sizeof *keep);
}

static void photo_credits_go_and_captions_say_little(void **st)
{
    (void)st;
    CLEANS_TO(
        {"-LRB- AP Photo\\/Ana Vey -RRB- -LRB- Ana Vey - AP -RRB- The port closed .", "The port closed ."},
        {"(Photo: Leo Ortiz/Reuters) Ferries stopped.", "Ferries stopped."},
        {"-LRB- By Jo Lee -- Associated Press -RRB- Ferries stopped .", "Ferries stopped ."},
        {"-LRB- Jo Lee\\/associated Press -RRB- Ferries stopped .", "Ferries stopped ."},
        {"(Reuters) Ferries stopped.", "(Reuters) Ferries stopped."});
    /* a caption's credit line: the sentence begins at a capitalised
     * function word, or at a capital a word in lower case follows */
    CLEANS_TO(
        {"Photograph : AP Nine ferries stopped .", "Nine ferries stopped ."},
        {"Photograph: Jo Lee/AP The Port Authority closed the quay.", "The Port Authority closed the quay."},
        {"Photo : Jo Lee\\/Getty Images With a last ferry , the port closed .", "With a last ferry , the port closed ."},
        {"Photograph : Jo Lee\\/AP Ostburg and Portville closed .", "Ostburg and Portville closed ."},
        {"Photographs show the ferries .", "Photographs show the ferries ."});
    const char *not_credits[] = {"Photo : the ferries at Ostburg sailed .", "Photo ID Cards Are checked at the port ."};
    kept_whole(not_credits, sizeof not_credits / sizeof *not_credits);
    CLEANS_TO(
        {"(1987-2011) Ferries stopped.", "(1987-2011) Ferries stopped."},
        {"(in 2010) Ferries stopped.", "(in 2010) Ferries stopped."});
    EACH_IS(su_caption, true, "Mayor Ana Vey , left , and Leo Ortiz open the bridge .",
            "June 3 : This image from video provided by the port shows the flooded quay .",
            "An oil sheen is seen on the water near the port , June 3 2015 .",
            "A crane at the port in this June 3 , 2015 file photo .");
    EACH_IS(su_caption, false, "The deal is seen as a blow to the port .",
            "This photo gallery recalls the flood .",
            "The port closed on Monday .");
}

/* A sentence in someone's own voice outside quotation marks is a
 * reader's comment, a transcript or a promotion (issue 16: "never a
 * comment or promotion"); inside marks, or as a message after a colon,
 * it is reported. */
static void own_voice_is_no_report(void **st)
{
    (void)st;
    EACH_IS(su_personal, true, "With all your hatred , i 'm sure the debate went badly .",
            "Get the morning briefing delivered to your inbox .",
            "I think the port will stay shut for weeks .",
            "Then I 'm told the talks ended .",
            "My sister caught the flu two weeks ago .",
            "Ten days ago the economy was sound !",
            "Flu : Your questions answered about the outbreak .");
    EACH_IS(su_personal, false, "`` I think the port will stay shut , '' the mayor said .",
            "\xE2\x80\x9CYou will be paid,\xE2\x80\x9D the minister told the strikers.",
            "The minister said , `` I am ready to resign .",
            "Veterans of World War I and Phase II of the plan met on Monday .",
            "The levy , i.e. the new tax , starts in May .",
            "The board 's message was simple : fill what you need before 11 p.m.",
            "The port closed on Monday .",
            "Yahoo! said on Monday it would cut 500 jobs .");
}

/* A summary leaves a reader's comment out (su_personal), and takes one's
 * own voice only when nothing else is left. */
static void a_summary_leaves_comments_out(void **st)
{
    (void)st;
    arena a;
    arena_init(&a);
    su_article arts[] = {
        {"Port strike ends", "I think the port strike over pay was a farce and you all know it was a farce. "
                             "The port strike over pay ended on Monday after dock workers accepted a new offer.", 10, false},
        {"Dock workers back", "Dock workers at the port went back to work on Tuesday after the strike over pay.", 11, false},
    };
    su_summary s;
    su_summarize(arts, 2, 2, &a, &s);
    assert_true(s.n >= 1);
    for (size_t i = 0; i < s.n; i++) assert_null(strstr(s.sentences[i], "farce"));
    /* and in one's own voice when nothing else is left */
    su_article mine[] = {{"My week at the port", "I spent a week with the dock workers at the port during the strike.", 10, false}};
    su_summarize(mine, 1, 2, &a, &s);
    assert_int_equal(s.n, 1);
    arena_reset(&a);
}

static void words_come_sorted_and_once(void **st)
{
    (void)st;
    arena a;
    arena_init(&a);
    buf fold, text;
    buf_init(&fold);
    buf_init(&text);
    for (int round = 0; round < 2; round++) {
        int total = round ? 2000 : 10, distinct = round ? 700 : 7;
        buf_clear(&text);
        uint32_t x = 12345;
        for (int k = 0; k < total; k++) {
            x = x * 1103515245u + 12345u;
            int id = k < distinct ? k : (int)((x >> 8) % (uint32_t)distinct);
            char w[16];
            snprintf(w, sizeof w, "zq%c%c%cx ", 'a' + id % 26, 'a' + id / 26 % 26, 'a' + id / 676);
            buf_puts(&text, w);
        }
        uint64_t *words;
        size_t all, n = su_words(&fold, text.data, text.len, &a, &words, &all);
        assert_int_equal(all, total);
        assert_int_equal(n, distinct);
        for (size_t i = 1; i < n; i++) assert_true(words[i - 1] < words[i]);
    }
    buf_free(&fold);
    buf_free(&text);
    arena_reset(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(headline_is_central_title_and_summary_does_not_repeat),
        cmocka_unit_test(without_titles_the_headline_is_the_most_central_lead),
        cmocka_unit_test(a_summary_holds_no_caption),
        cmocka_unit_test(empty_cluster_gives_empty_summary),
        cmocka_unit_test(a_word_counts_once_per_article),
        cmocka_unit_test(timeline_keeps_the_most_mentioned_dates_in_order),
        cmocka_unit_test(timeline_tells_what_happened_before_what_was_said),
        cmocka_unit_test(timeline_tells_a_sentence_once),
        cmocka_unit_test(timeline_counts_an_article_once_per_date),
        cmocka_unit_test(timeline_entry_tells_what_the_articles_of_its_date_tell),
        cmocka_unit_test(furniture_before_a_sentence_goes),
        cmocka_unit_test(update_stamps_and_late_credits_go),
        cmocka_unit_test(a_date_and_time_stamp_a_page),
        cmocka_unit_test(photo_credits_go_and_captions_say_little),
        cmocka_unit_test(own_voice_is_no_report),
        cmocka_unit_test(a_summary_leaves_comments_out),
        cmocka_unit_test(words_come_sorted_and_once),
    };
    return cmocka_run_group_tests_name("summarize", tests, NULL, NULL);
}
