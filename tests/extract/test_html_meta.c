/* test_html_meta.c: tests of the HTML metadata reader (src/extract/
 * html_meta*.c): one small page written here per rule for title, author,
 * publication day, language and standfirst, the date and byline helpers on
 * their own, and hostile pages (deep nesting, broken JSON-LD, huge author
 * boxes). Not here: the body (test_html_body.c) or the text path
 * (test_extract.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "extract/html_meta.h"
#include "testutil.h"

/* ---- helpers ---------------------------------------------------------------- */

#include "fixture.h"

/* The metadata of an HTML page, as extract.c asks for it: the container's
 * title and date (NULL: none) already in place. */
static const sl_article *meta_of(fixture *f, const char *html, const char *url,
                                 const char *title, const char *published)
{
    sl_page p = {.input = "t.html", .url = url, .title = title, .published = published,
                 .body = html, .body_len = strlen(html), .format = SL_FORMAT_HTML};
    memset(&f->art, 0, sizeof f->art);
    f->art.published = published ? day_parse_iso(published, strlen(published)) : SL_NO_DATE;
    const ex_node *root = ex_html_parse(&p, &f->a, &f->err);
    assert_non_null(root);
    ex_html_meta(root, &p, &f->a, &f->art);
    return &f->art;
}

static const sl_article *meta(fixture *f, const char *html)
{
    return meta_of(f, html, NULL, NULL, NULL);
}

static void assert_day(int32_t got, const char *want)
{
    char s[11];
    day_format(got, s);
    assert_string_equal(s, want);
}

/* ---- title ------------------------------------------------------------------- */

static void title_og_inside_title_wins(void **state)
{
    const sl_article *a = meta(*state,
        "<html><head><title>Storm floods the valley | Weather | The Daily Planet</title>"
        "<meta property='og:title' content='Storm floods the valley'></head>"
        "<body><p>Text.</p></body></html>");
    assert_string_equal(a->title, "Storm floods the valley");
}

static void title_site_name_removed(void **state)
{
    fixture *f = *state;
    const sl_article *a = meta(f,
        "<html><head><title>The Daily Planet: Storm floods the valley</title>"
        "<meta property='og:site_name' content='The Daily Planet'></head><body></body></html>");
    assert_string_equal(a->title, "Storm floods the valley");
    /* No site name given: the part with the headline's words is kept. */
    a = meta(f, "<html><head><title>Storm floods the whole valley - Planet</title></head></html>");
    assert_string_equal(a->title, "Storm floods the whole valley");
    /* A title whose parts are all short stays whole. */
    a = meta(f, "<html><head><title>Home - Planet</title></head></html>");
    assert_string_equal(a->title, "Home - Planet");
}

static void title_metadata_wins_over_rewritten_title(void **state)
{
    const sl_article *a = meta(*state,
        "<html><head><title>Valley floods: what we know so far</title>"
        "<script type='application/ld+json'>{\"@context\":\"https://schema.org\","
        "\"@type\":\"NewsArticle\",\"headline\":\"Storm floods the valley\"}</script>"
        "<meta property='og:title' content='Valley under water'></head></html>");
    assert_string_equal(a->title, "Storm floods the valley");
}

static void title_h1_inside_title(void **state)
{
    const sl_article *a = meta(*state,
        "<html><head><title>Mayor opens the new bridge - Town News - Example</title></head>"
        "<body><h1>Town News</h1><article><h1>Mayor opens the new bridge</h1></article></body></html>");
    assert_string_equal(a->title, "Mayor opens the new bridge");
}

/* A date set inside the headline is the date's: the title is the rest,
 * and the day is still read from it. */
static void title_h1_without_its_time(void **state)
{
    const sl_article *a = meta(*state,
        "<html><head><title>Preparing a transition | Blog</title></head><body><article><h1><a href='/p'>"
        "<time datetime='2025-12-18T13:21:19+00:00'>Dec <span>18</span> 2025</time> Preparing a transition"
        "</a></h1><p>Text of the post, long enough to be one.</p></article></body></html>");
    assert_string_equal(a->title, "Preparing a transition");
    assert_day(a->published, "2025-12-18");
}

/* A page encoded twice in UTF-8 ("â€™" for "’") is read as its author wrote it. */
static void doubled_utf8_read_once(void **state)
{
    const sl_article *a = meta(*state,
        "<html><head><meta charset='utf-8'><title>An Investor\xC3\xA2\xC2\x80\xC2\x99s Guide to Saving</title>"
        "</head><body></body></html>");
    assert_string_equal(a->title, "An Investor\xE2\x80\x99s Guide to Saving");
}

/* A heading opened inside an unclosed h1 ends it, as in a browser: the
 * byline's h3 is not a part of the headline. */
static void title_h1_ends_at_a_nested_heading(void **state)
{
    const sl_article *a = meta(*state,
        "<html><head><title>Ten ways to tune a database - Example Tech</title></head><body>"
        "<h1 class='hero'>Ten ways to tune a database<div class='divider'></div>"
        "<h3 class='date'>Posted on July 1, 2024 by admin</h3></body></html>");
    assert_string_equal(a->title, "Ten ways to tune a database");
}

/* An h1 whose characters the page lost to question marks gives way to the
 * metadata it otherwise repeats; a real question in both stays. */
static void title_h1_with_lost_characters(void **state)
{
    const sl_article *a = meta(*state,
        "<html><head><title>Planning a Wedding: Beginner&#x27;s Guide \xE2\x80\x93 Site</title>"
        "<meta property='og:title' content='Planning a Wedding: Beginner\xE2\x80\x99s Guide'>"
        "</head><body><h1>Planning a Wedding? Beginner? Guide</h1></body></html>");
    assert_string_equal(a->title, "Planning a Wedding: Beginner\xE2\x80\x99s Guide");
    a = meta(*state,
        "<html><head><meta property='og:title' content='Is a Wedding Worth It? A Beginner Asks'>"
        "</head><body><h1>Is a Wedding Worth It? A Beginner Asks Again</h1></body></html>");
    assert_string_equal(a->title, "Is a Wedding Worth It? A Beginner Asks Again");
}

/* The visible headline wins over an SEO rewrite of it in the metadata, when
 * the two agree on enough words; a logo or section h1 does not. */
static void title_h1_over_rewritten_metadata(void **state)
{
    const sl_article *a = meta(*state,
        "<html><head><title>Best Apps to Learn a Language in 2025 - Top 10 Picks</title>"
        "<meta property='og:title' content='Best Apps to Learn a Language in 2025 - Top 10 Picks'>"
        "</head><body><h1>Top 10: Best Language Learning Apps (tested by experts)</h1></body></html>");
    assert_string_equal(a->title, "Top 10: Best Language Learning Apps (tested by experts)");
    /* The site's name as h1: no word in common. */
    a = meta(*state,
        "<html><head><title>Yoga will not fix the plumbing - Yoga Pathways</title>"
        "<meta property='og:title' content='Yoga will not fix the plumbing'></head>"
        "<body><h1>Pathways Studio</h1></body></html>");
    assert_string_equal(a->title, "Yoga will not fix the plumbing");
    /* A logo h1 that is the smaller part of <title> is the site's name. */
    a = meta(*state,
        "<html><head><title>Reflections on building a pixel-perfect pipeline | Playful Tones</title>"
        "</head><body><h1>Playful Tones</h1></body></html>");
    assert_string_equal(a->title, "Reflections on building a pixel-perfect pipeline");
    /* Nor does the site's name in the metadata make it agree. */
    a = meta(*state,
        "<html><head><meta property='og:site_name' content='Houstonia Magazine'>"
        "<meta property='og:title' content='Where to Bike in Houston | Houstonia Magazine'></head>"
        "<body><h1>Houstonia Magazine</h1></body></html>");
    assert_string_equal(a->title, "Where to Bike in Houston");
    /* An h1 that repeats <title> whole, site and all, is no better than it. */
    a = meta(*state,
        "<html><head><title>How to help babies sleep through the night | Patient Education | "
        "Children's Hospital</title></head><body><h1>How to help babies sleep through the night | "
        "Patient Education | Children's Hospital</h1></body></html>");
    assert_string_equal(a->title, "How to help babies sleep through the night");
    /* One word in common proves nothing. */
    a = meta(*state,
        "<html><head><meta property='og:title' content='Preferred title'></head>"
        "<body><h1>Test document title</h1></body></html>");
    assert_string_equal(a->title, "Preferred title");
}

static void title_og_with_suffix_beside_twitter(void **state)
{
    /* og:site_name spells the site otherwise; twitter:title is og:title
     * without the suffix, so the suffix is the site's. */
    const sl_article *a = meta(*state,
        "<html><head><meta property='og:site_name' content='Planet - all the news'>"
        "<meta property='og:title' content='Storm floods the valley | Planet.com'>"
        "<meta name='twitter:title' content='Storm floods the valley'></head></html>");
    assert_string_equal(a->title, "Storm floods the valley");
}

static void title_container_wins(void **state)
{
    const sl_article *a = meta_of(*state,
        "<html><head><title>Something else entirely</title></head></html>", NULL,
        "The container's title", NULL);
    assert_string_equal(a->title, "The container's title");
}

static void title_entities_decoded(void **state)
{
    const sl_article *a = meta(*state,
        "<html><head><script type='application/ld+json'>{\"@type\":\"Article\","
        "\"headline\":\"Tom &amp; Jerry&#8217;s   last\\n show\"}</script></head></html>");
    assert_string_equal(a->title, "Tom & Jerry\xE2\x80\x99s last show");
}

/* ---- author ------------------------------------------------------------------ */

static void byline_jsonld_array_and_objects(void **state)
{
    const sl_article *a = meta(*state,
        "<html><head><script type='application/ld+json'>[{\"@type\":\"WebSite\",\"name\":\"Planet\"},"
        "{\"@type\":[\"NewsArticle\"],\"author\":[{\"@type\":\"Person\",\"name\":\"Jane Doe\"},"
        "\"By John Roe\",{\"@type\":\"Person\",\"name\":\"Jane Doe\"}]}]</script></head></html>");
    assert_string_equal(a->byline, "Jane Doe, John Roe");
}

static void byline_jsonld_graph(void **state)
{
    const sl_article *a = meta(*state,
        "<html><head><script type='application/ld+json'>{\"@context\":\"https://schema.org\","
        "\"@graph\":[{\"@type\":\"WebPage\",\"name\":\"x\"},{\"@type\":\"Article\","
        "\"headline\":\"Bridge opens\",\"author\":{\"@type\":\"Person\",\"name\":\"Ann Lee\"},"
        "\"datePublished\":\"2021-03-04T08:00:00+01:00\",\"inLanguage\":\"de-DE\"}]}</script>"
        "</head></html>");
    assert_string_equal(a->byline, "Ann Lee");
    assert_string_equal(a->title, "Bridge opens");
    assert_day(a->published, "2021-03-04");
    assert_string_equal(a->language, "de");
}

static void byline_meta_cleaned(void **state)
{
    fixture *f = *state;
    const sl_article *a = meta(f,
        "<html><head><meta name='author' content='By Jane Doe and John Roe'>"
        "<meta name='dc.creator' content='Jane Doe'></head></html>");
    assert_string_equal(a->byline, "Jane Doe, John Roe");
    /* "&" inside a one-word name is not two authors. */
    a = meta(f, "<html><head><meta name='author' content='Mac &amp; i'></head></html>");
    assert_string_equal(a->byline, "Mac & i");
}

static void byline_article_author_url_skipped(void **state)
{
    const sl_article *a = meta(*state,
        "<html><head><meta property='article:author' content='https://example.org/jane'></head>"
        "<body><div class='post-byline'>By Jane Doe | March 3, 2019</div><p>Text</p></body></html>");
    assert_string_equal(a->byline, "Jane Doe");
    /* classes are matched in any case, however long the attribute */
    a = meta(*state, "<html><body><div class='Post-ByLine'>By Ann Lee</div><p>Text</p></body></html>");
    assert_string_equal(a->byline, "Ann Lee");
    char page[1024];
    snprintf(page, sizeof page, "<html><body><div class='%0300d POST-BYLINE'>By Bob Ray</div><p>Text</p></body></html>", 0);
    a = meta(*state, page);
    assert_string_equal(a->byline, "Bob Ray");
}

static void byline_rel_author_only_in_first_byline(void **state)
{
    const sl_article *a = meta(*state,
        "<html><body><div class='meta'><span>By <a rel='author' href='/a'>Ann Lee</a> and "
        "<a rel='author' href='/b'>Bob Ray</a></span></div><p>Text</p>"
        "<aside><ul><li><a href='/x'>Other story</a> <a rel='author' href='/c'>Cy Dee</a></li>"
        "</ul></aside></body></html>");
    assert_string_equal(a->byline, "Ann Lee, Bob Ray");
}

static void byline_itemprop_and_long_box_rejected(void **state)
{
    fixture *f = *state;
    const sl_article *a = meta(f,
        "<html><body><div itemprop='author' itemscope><span itemprop='name'>Ann Lee</span></div>"
        "</body></html>");
    assert_string_equal(a->byline, "Ann Lee");
    /* An "author" box with a biography is not a byline. */
    a = meta(f,
        "<html><body><div class='author-box'>Ann Lee has written about the valley for twenty "
        "years, first for the county paper and then for us; she lives by the river.</div>"
        "</body></html>");
    assert_null(a->byline);
}

/* An author element of several blocks: a label, the name, a role, a date.
 * The name is the first block that is neither a label nor a date alone. */
static void byline_blocks_label_role_date(void **state)
{
    fixture *f = *state;
    const sl_article *a = meta(f,
        "<html><body><div class='author-info'><div><strong>Written By:</strong></div>"
        "<a href='/authors/cm'><div>Cazzy Magennis</div></a><div><strong>Last Updated:</strong></div>"
        "<div>August 1, 2025</div></div><p>Text</p></body></html>");
    assert_string_equal(a->byline, "Cazzy Magennis");
    a = meta(f,
        "<html><body><div class='author'><a href='/author/ben'>Ben Silverman</a>"
        "<div class='author-title'>Games Editor</div></div><p>Text</p></body></html>");
    assert_string_equal(a->byline, "Ben Silverman");
    a = meta(f,
        "<html><body><div class='authorDateBlock'><div><b>By <span>Reyan Perumal</span></b></div>"
        "<div>Published on July 18, 2025</div></div><p>Text</p></body></html>");
    assert_string_equal(a->byline, "Reyan Perumal");
    /* an author element with no text at all (a picture) names no one */
    a = meta(f, "<p class='byline'><img src='a.png'></p><p>Text</p>");
    assert_null(a->byline);
    /* a label with no name after it is no byline */
    a = meta(f, "<html><body><div class='author'><div class='caption'>Author</div></div><p>Text</p></body></html>");
    assert_null(a->byline);
}

/* Labels, and dates run into the name, come off; names that look alike stay. */
static void byline_labels_and_glued_dates(void **state)
{
    fixture *f = *state;
    static const struct { const char *in, *out; } cases[] = {
        {"Written byAAA Travel Editor, SMT", "AAA Travel Editor, SMT"},
        {"Posted by: Idle Cartulary", "Idle Cartulary"},
        {"FlowGuard EMEA on 3 May 2025", "FlowGuard EMEA"},
        {"Lucas Nolan22 Dec 2016", "Lucas Nolan"},
        {"par Sébastien Farcis", "Sébastien Farcis"},
        {"door Jan de Vries", "Jan de Vries"},
        {"Rapid7", "Rapid7"},
        {"Byron Smith", "Byron Smith"},
        {"Author Jane Doe", "Author Jane Doe"},
        {"Jane Last | Staff Writer", "Jane Last"},   /* no date cut: no date's words to take off */
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char html[256];
        snprintf(html, sizeof html, "<html><head><meta name='author' content='%s'></head></html>", cases[i].in);
        const sl_article *a = meta(f, html);
        if (!a->byline || strcmp(a->byline, cases[i].out)) fail_msg("'%s' gave '%s'", cases[i].in, a->byline ? a->byline : "(none)");
    }
    static const char *const labels[] = {"Written By", "Author", "By:", "por", "door", "przez"};
    for (size_t i = 0; i < sizeof labels / sizeof *labels; i++) {
        char html[256];
        snprintf(html, sizeof html, "<html><head><meta name='author' content='%s'></head></html>", labels[i]);
        const sl_article *a = meta(f, html);
        if (a->byline) fail_msg("label '%s' gave the byline '%s'", labels[i], a->byline);
    }
}

/* ---- publication day ---------------------------------------------------------- */

static void date_meta_keys_ranked(void **state)
{
    const sl_article *a = meta(*state,
        "<html><head><meta name='date' content='2020-01-09'>"
        "<meta property='article:published_time' content='2020-01-07T23:10:00Z'></head></html>");
    assert_day(a->published, "2020-01-07");
    assert_int_equal(a->date_inferred, 0);
}

/* A publication key behind a site's prefix ("w-published-date") is that
 * key; a bare "date" behind one ("cms-date", "update-date") is not. */
static void date_meta_key_with_a_site_prefix(void **state)
{
    fixture *f = *state;
    const sl_article *a = meta(f, "<html><head><meta name='w-published-date' content='2025-05-27T06:03:43.274Z'>"
                                  "</head></html>");
    assert_day(a->published, "2025-05-27");
    a = meta(f, "<html><head><meta name='update-date' content='2025-06-01'>"
                "<meta name='a-very-long-site-prefix-published-date' content='2025-06-02'></head></html>");
    assert_int_equal(a->published, SL_NO_DATE);
}

static void date_vendor_formats(void **state)
{
    fixture *f = *state;
    const sl_article *a = meta(f, "<html><head><meta name='pdate' content='20170113'></head></html>");
    assert_day(a->published, "2017-01-13");
    a = meta(f, "<html><head><meta name='sailthru.date' content='Fri, 13 Jan 2017 10:00:00 GMT'></head></html>");
    assert_day(a->published, "2017-01-13");
    a = meta(f, "<html><head><meta name='published-date' content='2021-02-16'></head></html>");
    assert_day(a->published, "2021-02-16");
}

static void date_time_pubdate_preferred(void **state)
{
    fixture *f = *state;
    const sl_article *a = meta(f,
        "<html><body><time datetime='2019-05-02'>Updated</time>"
        "<time class='published' datetime='2019-05-01T09:00'>May 1</time></body></html>");
    assert_day(a->published, "2019-05-01");
    assert_int_equal(a->date_inferred, 0);
    a = meta(f, "<html><body><span itemprop='datePublished' content='2018-02-03'>x</span></body></html>");
    assert_day(a->published, "2018-02-03");
}

/* A short line right under the headline is the page's dateline; before a
 * <time> elsewhere (a related link's), after the page's metadata. */
static void date_line_under_headline(void **state)
{
    fixture *f = *state;
    const sl_article *a = meta(f,
        "<html><body><aside><time datetime='2025-01-31'>Jan 31</time></aside>"
        "<h1>Storm floods the valley</h1><div class='meta'>Published on: February 14, 2025</div>"
        "<p>The river rose two metres overnight on March 3, 2024, the mayor said.</p></body></html>");
    assert_day(a->published, "2025-02-14");
    assert_int_equal(a->date_inferred, 0);
    /* A date inside a paragraph is not a dateline. */
    a = meta(f, "<html><body><h1>Storm floods the valley</h1>"
                "<p>The river rose two metres overnight on March 3, 2024, when the storm that the "
                "weather service had warned of for a week reached the valley.</p></body></html>");
    assert_int_equal(a->published, SL_NO_DATE);
    /* An update is the last resort: the original day wins when the page gives it. */
    a = meta(f, "<html><body><h1>Storm floods the valley</h1><span>Last updated:</span>"
                "<span>Dec 12, 2025</span><span>Dec 2, 2025</span></body></html>");
    assert_day(a->published, "2025-12-02");
    a = meta(f, "<html><body><h1>Storm floods the valley</h1><span>Updated Dec 12, 2025</span>"
                "</body></html>");
    assert_day(a->published, "2025-12-12");
    assert_int_equal(a->date_inferred, 1);
    /* The dateline may stand right above the headline. */
    a = meta(f, "<html><body><p>A long paragraph of the page's menu and teasers, long enough "
                "to be no dateline at all.</p><div>Dec 12, 2025</div><span>World</span><h1>Storm floods the valley</h1>"
                "<p>The river rose two metres overnight, the mayor said on Tuesday, and the council "
                "closed the bridge.</p></body></html>");
    assert_day(a->published, "2025-12-12");
    /* ...but not a date far above it. */
    a = meta(f, "<html><body><div>Dec 12, 2025</div><p>A long paragraph of the page's menu and "
                "teasers, long enough to be no dateline at all, and then another one just as long "
                "as that, and a third that runs on and on about the site and its many sections, "
                "its newsletters, its podcasts and its shop, until it is far longer than any "
                "dateline could ever be.</p><h1>Storm floods the valley</h1></body></html>");
    assert_int_equal(a->published, SL_NO_DATE);
    /* The metadata still comes first. */
    a = meta(f, "<html><head><meta property='article:published_time' content='2024-06-23'></head>"
                "<body><h1>Storm floods the valley</h1><p>June 25, 2024</p></body></html>");
    assert_day(a->published, "2024-06-23");
    /* ...unless the dateline under the headline is earlier: the metadata
     * was written again later, the page first appeared on the dateline's day. */
    a = meta(f, "<html><head><meta property='article:published_time' content='2025-06-24'></head>"
                "<body><h1>Storm floods the valley</h1><p>August 25, 2024</p></body></html>");
    assert_day(a->published, "2024-08-25");
    assert_int_equal(a->date_inferred, 0);
    /* An "Updated" line between the dateline and the headline hides neither. */
    a = meta(f, "<html><body><div><a>Health</a><span class='dateline'>DECEMBER 22, 2022</span>"
                "<span class='dateline updated'>Updated: JANUARY 02, 2026</span></div>"
                "<h1>Storm floods the valley</h1></body></html>");
    assert_day(a->published, "2022-12-22");
}

static void date_modified_is_the_last_resort(void **state)
{
    fixture *f = *state;
    const sl_article *a = meta(f, "<html><head><meta property='article:modified_time' "
                                  "content='2023-06-12T10:39:42+00:00'></head><body></body></html>");
    assert_day(a->published, "2023-06-12");
    assert_int_equal(a->date_inferred, 1);
    a = meta(f, "<html><head><script type='application/ld+json'>{\"@type\":\"NewsArticle\","
                "\"headline\":\"Storm\",\"dateModified\":\"2023-06-12\"}</script></head></html>");
    assert_day(a->published, "2023-06-12");
    /* A publication day always wins over it. */
    a = meta(f, "<html><head><meta property='article:modified_time' content='2023-06-12'>"
                "<meta property='article:published_time' content='2023-06-01'></head></html>");
    assert_day(a->published, "2023-06-01");
    assert_int_equal(a->date_inferred, 0);
}

/* A day in the future is no publication day: the next candidate is. */
static void date_in_the_future_refused(void **state)
{
    fixture *f = *state;
    const sl_article *a = meta(f, "<html><head><meta property='article:published_time' "
                                  "content='2099-05-01T10:00:00Z'></head><body>"
                                  "<time datetime='2019-05-01'>May 1</time></body></html>");
    assert_day(a->published, "2019-05-01");
    a = meta_of(f, "<html><body><p>x</p></body></html>", "https://news.example/2098/11/20/pier.html",
                NULL, NULL);
    assert_int_equal(a->published, SL_NO_DATE);
}

/* <time> without datetime: its text; JSON-LD's WebPage datePublished when
 * no Article object has one. */
static void date_time_text_and_webpage(void **state)
{
    fixture *f = *state;
    const sl_article *a = meta(f, "<html><body><p>A long paragraph first, with nothing dated in it "
                                  "at all.</p><time>Dec 19, 2025</time></body></html>");
    assert_day(a->published, "2025-12-19");
    a = meta(f, "<html><head><script type='application/ld+json'>{\"@graph\":[{\"@type\":\"WebPage\","
                "\"datePublished\":\"2024-03-17T19:47:39+00:00\"}]}</script></head></html>");
    assert_day(a->published, "2024-03-17");
    assert_int_equal(a->date_inferred, 0);
}

static void date_from_url_is_inferred(void **state)
{
    fixture *f = *state;
    const sl_article *a = meta_of(f, "<html><body><time datetime='2019-12-01'>x</time></body></html>",
                                  "https://news.example/2019/11/20/storm-floods-valley.html", NULL, NULL);
    assert_day(a->published, "2019-11-20");
    assert_int_equal(a->date_inferred, 1);
    /* No URL from the container: the canonical link's. */
    a = meta(f, "<html><head><link rel='canonical' href='https://x.example/news/2018-06-15-talks'>"
                "</head></html>");
    assert_day(a->published, "2018-06-15");
}

static void date_from_dated_element(void **state)
{
    const sl_article *a = meta(*state,
        "<html><body><h1>Storm</h1><span class='updated-date'>Updated November 22, 2019</span>"
        "<div class='article-date'>Published November 20, 2019 "
        "at 10:02</div><p>Text</p></body></html>");
    assert_day(a->published, "2019-11-20");
    assert_int_equal(a->date_inferred, 1);
}

static void date_container_wins(void **state)
{
    const sl_article *a = meta_of(*state,
        "<html><head><meta property='article:published_time' content='2001-01-01'></head></html>",
        NULL, NULL, "2024-06-11");
    assert_day(a->published, "2024-06-11");
}

static void date_strings(void **state)
{
    (void)state;
    static const struct { const char *in, *want; } cases[] = {
        {"2019-11-20T10:00:00-05:00", "2019-11-20"}, {"2019/11/20", "2019-11-20"},
        {"20.11.2019", "2019-11-20"}, {"11/20/2019", "2019-11-20"}, {"20/11/2019", "2019-11-20"},
        {"Nov. 20, 2019", "2019-11-20"}, {"20 November 2019", "2019-11-20"},
        {"Sept 3, 2019", "2019-09-03"}, {"the 3rd of May 2020", "2020-05-03"},
        {"May 2019", ""}, {"12:30 2019", ""}, {"2019", ""}, {"31 February 2019", ""},
        {"20 comments, May 2019", ""}, {"1850-01-01", ""}, {"", ""},
        /* other languages' months, and their abbreviations */
        {"13. Dezember 2025", "2025-12-13"}, {"4 de agosto de 2021", "2021-08-04"},
        {"04-ago-2021 5:11:10", "2021-08-04"}, {"le 3 ao\u00fbt 2021", "2021-08-03"},
        {"3 AO\u00dbT 2021", "2021-08-03"}, {"12 \u043c\u0430\u0440\u0442\u0430 2024", "2024-03-12"},
        {"5 pa\u017adziernika 2023", "2023-10-05"}, {"1 mei 2022", "2022-05-01"},
        /* a no-break space is no letter of the month */
        {"December\u00a019, 2025", "2025-12-19"},
        /* a numeric date after a label */
        {"Essay - Published: 2025.12.17 | AI", "2025-12-17"},
        {"Posted on the 15/12/2025 at 19:00", "2025-12-15"},
        {"Version 2.10", ""}, {"Copyright 2012-2025", ""}, {"Call 555-12-2025", ""},
        /* Chinese, Japanese, Korean */
        {"\u53d1\u5e03\u65f6\u95f4\uff1a2025\u5e7412\u670817\u65e5", "2025-12-17"},
        {"2024\ub144 3\uc6d4 5\uc77c", "2024-03-05"}, {"2024\u5e7413\u67081\u65e5", ""},
        /* the day is the month's own, not a number before a year */
        {"22, 2022Updated: January 2026", ""},
        /* English words that abbreviate a month elsewhere are no month */
        {"checked out 3 times in 2024", ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char s[11];
        day_format(ex_meta_date(cases[i].in, strlen(cases[i].in)), s);
        if (strcmp(s, cases[i].want)) fail_msg("%s: got '%s', want '%s'", cases[i].in, s, cases[i].want);
    }
    assert_int_equal(ex_meta_url_date("https://2019.example/a/b"), SL_NO_DATE);
    assert_int_equal(ex_meta_url_date("https://x.example/2019/11/story"), SL_NO_DATE);
    assert_day(ex_meta_url_date("https://x.example/news/20191120/story"), "2019-11-20");
    /* slashes written %2F, as some pages write their og:url */
    assert_day(ex_meta_url_date("https://blog.example%2Farticles%2F2025-12-15%2BRust+backend"), "2025-12-15");
    assert_int_equal(ex_meta_url_date("https://2019.example%2fa%2fb"), SL_NO_DATE);
}

/* ---- language and subtitle ---------------------------------------------------- */

static void language_sources(void **state)
{
    fixture *f = *state;
    assert_string_equal(meta(f, "<html lang='EN-us'><body></body></html>")->language, "en");
    assert_string_equal(meta(f, "<html><head><meta http-equiv='Content-Language' content='fr'>"
                                "</head></html>")->language, "fr");
    assert_string_equal(meta(f, "<html><head><meta property='og:locale' content='pt_BR'>"
                                "</head></html>")->language, "pt");
    /* A three-letter or malformed tag is not an ISO 639-1 code. */
    assert_null(meta(f, "<html lang='haw'><body></body></html>")->language);
}

static void subtitle_standfirst_not_description(void **state)
{
    fixture *f = *state;
    const sl_article *a = meta(f,
        "<html><head><meta name='description' content='A summary for search engines'></head>"
        "<body><h1>Storm</h1><p class='article-standfirst'>The river rose two metres overnight.</p>"
        "</body></html>");
    assert_string_equal(a->subtitle, "The river rose two metres overnight.");
    a = meta(f, "<html><head><meta name='description' content='A summary'></head></html>");
    assert_null(a->subtitle);
    /* An icon's <title> is not the page's, nor a dek. */
    a = meta(f, "<html><body><svg><title>Share on social media</title></svg></body></html>");
    assert_null(a->title);
    assert_null(a->subtitle);
}

/* A style's own id names what it styles (WordPress writes
 * "<style id='wp-block-post-subtitle-inline-css'>"): its CSS is no
 * standfirst and no byline, whichever parser built the tree. */
static void style_ids_name_no_byline_or_standfirst(void **state)
{
    fixture *f = *state;
    static const char page[] =
        "<html><head><style id='wp-block-post-subtitle-inline-css'>.sub{color:red}</style>"
        "<style id='co-authors-byline-inline-css'>.by{display:inline}</style></head>"
        "<body><h1>Storm</h1><p class='byline'>Jane Doe</p><p>The river rose.</p></body></html>";
    const sl_article *a = meta(f, page);
    assert_null(a->subtitle);
    assert_string_equal(a->byline, "Jane Doe");
    /* the same with the full tree, script and style text kept */
    const ex_node *root = ex_dom_parse(page, strlen(page), &f->a, 0);
    sl_page p = {.input = "t.html", .body = page, .body_len = strlen(page), .format = SL_FORMAT_HTML};
    memset(&f->art, 0, sizeof f->art);
    f->art.published = SL_NO_DATE;
    ex_html_meta(root, &p, &f->a, &f->art);
    assert_null(f->art.subtitle);
    assert_string_equal(f->art.byline, "Jane Doe");
}

/* ---- hostile input ------------------------------------------------------------- */

static void hostile_deep_nesting(void **state)
{
    /* 200,000 nested tags: the walks are iterative, so this must neither
     * overflow the stack nor take long. */
    size_t depth = 200000;
    buf b;
    buf_init(&b);
    buf_puts(&b, "<html><head><title>Deep page headline here</title></head><body>");
    for (size_t i = 0; i < depth; i++) buf_puts(&b, "<div class='author'>");
    buf_puts(&b, "<h1>Deep</h1><time datetime='2020-02-02'>x</time>");
    const sl_article *a = meta(*state, b.data);
    assert_string_equal(a->title, "Deep page headline here");
    buf_free(&b);
}

static void hostile_jsonld(void **state)
{
    fixture *f = *state;
    const sl_article *a = meta(f,
        "<html><head><script type='application/ld+json'>{\"@type\":\"Article\",\"headline\":"
        "</script><script type='application/ld+json'>[[[[[[[[[[[[{\"@type\":\"Article\","
        "\"headline\":\"Too deep\"}]]]]]]]]]]]]</script><title>Plain title</title></head></html>");
    assert_string_equal(a->title, "Plain title");
    /* Wrapped in CDATA markers, as some CMSs write it. */
    a = meta(f, "<html><head><script type='application/ld+json'><![CDATA[{\"@type\":\"NewsArticle\","
                "\"headline\":\"Wrapped headline\"}]]></script></head></html>");
    assert_string_equal(a->title, "Wrapped headline");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(title_og_inside_title_wins, setup, teardown),
        cmocka_unit_test_setup_teardown(title_site_name_removed, setup, teardown),
        cmocka_unit_test_setup_teardown(title_metadata_wins_over_rewritten_title, setup, teardown),
        cmocka_unit_test_setup_teardown(title_h1_inside_title, setup, teardown),
        cmocka_unit_test_setup_teardown(title_h1_without_its_time, setup, teardown),
        cmocka_unit_test_setup_teardown(title_h1_over_rewritten_metadata, setup, teardown),
        cmocka_unit_test_setup_teardown(title_h1_with_lost_characters, setup, teardown),
        cmocka_unit_test_setup_teardown(title_h1_ends_at_a_nested_heading, setup, teardown),
        cmocka_unit_test_setup_teardown(doubled_utf8_read_once, setup, teardown),
        cmocka_unit_test_setup_teardown(title_og_with_suffix_beside_twitter, setup, teardown),
        cmocka_unit_test_setup_teardown(title_container_wins, setup, teardown),
        cmocka_unit_test_setup_teardown(title_entities_decoded, setup, teardown),
        cmocka_unit_test_setup_teardown(byline_jsonld_array_and_objects, setup, teardown),
        cmocka_unit_test_setup_teardown(byline_jsonld_graph, setup, teardown),
        cmocka_unit_test_setup_teardown(byline_meta_cleaned, setup, teardown),
        cmocka_unit_test_setup_teardown(byline_blocks_label_role_date, setup, teardown),
        cmocka_unit_test_setup_teardown(byline_labels_and_glued_dates, setup, teardown),
        cmocka_unit_test_setup_teardown(byline_article_author_url_skipped, setup, teardown),
        cmocka_unit_test_setup_teardown(byline_rel_author_only_in_first_byline, setup, teardown),
        cmocka_unit_test_setup_teardown(byline_itemprop_and_long_box_rejected, setup, teardown),
        cmocka_unit_test_setup_teardown(date_meta_keys_ranked, setup, teardown),
        cmocka_unit_test_setup_teardown(date_meta_key_with_a_site_prefix, setup, teardown),
        cmocka_unit_test_setup_teardown(date_vendor_formats, setup, teardown),
        cmocka_unit_test_setup_teardown(date_time_pubdate_preferred, setup, teardown),
        cmocka_unit_test_setup_teardown(date_line_under_headline, setup, teardown),
        cmocka_unit_test_setup_teardown(date_time_text_and_webpage, setup, teardown),
        cmocka_unit_test_setup_teardown(date_in_the_future_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(date_from_url_is_inferred, setup, teardown),
        cmocka_unit_test_setup_teardown(date_from_dated_element, setup, teardown),
        cmocka_unit_test_setup_teardown(date_container_wins, setup, teardown),
        cmocka_unit_test_setup_teardown(date_modified_is_the_last_resort, setup, teardown),
        cmocka_unit_test_setup_teardown(date_strings, setup, teardown),
        cmocka_unit_test_setup_teardown(language_sources, setup, teardown),
        cmocka_unit_test_setup_teardown(subtitle_standfirst_not_description, setup, teardown),
        cmocka_unit_test_setup_teardown(style_ids_name_no_byline_or_standfirst, setup, teardown),
        cmocka_unit_test_setup_teardown(hostile_deep_nesting, setup, teardown),
        cmocka_unit_test_setup_teardown(hostile_jsonld, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
