/* test_html_body.c: tests of the HTML body finder (src/extract/html_blocks.c,
 * html_body.c) through ex_extract: small pages written here, each with the
 * furniture real news pages carry around an article (menus, share bars,
 * related stories, comments, captions, notices), and hostile pages
 * (truncated, mislabelled charset, no body, binary, tags nested millions
 * deep) that must give a message naming the file, never a crash. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "extract/ex_internal.h"
#include "testutil.h"

#include "fixture.h"

static sl_status run_html(fixture *f, const char *html, size_t len)
{
    sl_page p = {.input = "page.html", .id = "p1", .url = "https://example.org/story",
                 .body = html, .body_len = len, .format = SL_FORMAT_HTML};
    memset(&f->err, 0, sizeof f->err);
    return ex_extract(&p, &f->a, &f->art, &f->err);
}

static sl_status run(fixture *f, const char *html) { return run_html(f, html, strlen(html)); }

static bool has(const sl_article *art, const char *s)
{
    return art->text && strstr(art->text, s) != NULL;
}

/* Paragraphs of an invented story, long enough to read as prose. */
#define P1 "<p>The harbour council voted on Tuesday to close the old ferry pier after " \
           "engineers found deep cracks in two of its concrete pillars, a decision that " \
           "will reroute the morning boats to the northern quay for at least a year.</p>"
#define P2 "<p>Residents who commute to the island said the change would add twenty " \
           "minutes to their journeys, and several asked the council to run a shuttle bus " \
           "between the two quays while the repairs are carried out.</p>"
#define P3 "<p>&ldquo;We cannot take risks with a structure that carries hundreds of " \
           "people a day,&rdquo; said the council&#39;s chair, Mara Olsen, adding that the " \
           "repair budget would be set in the spring &amp; published in full.</p>"
#define P4 "<p>The pier was built in 1962 and last repaired in 1998, when storms " \
           "washed away part of its deck; the council expects the new work to cost " \
           "about four million crowns, shared with the regional transport authority.</p>"

static const char article_page[] =
    "<!DOCTYPE html><html lang=en><head><title>Ferry pier to close | Harbour News</title>"
    "<script>var x = '<p>not text</p>';</script><style>p{color:red}</style></head><body>"
    "<header><nav><ul><li><a href=/>Home</a></li><li><a href=/news>News</a></li>"
    "<li><a href=/sport>Sport</a></li></ul></nav></header>"
    "<div class=cookie-notice><p>We use cookies to improve your experience on our site. "
    "By continuing to browse, you agree to our use of cookies.</p></div>"
    "<main><article><h1>Old ferry pier to close for repairs</h1>"
    "<div class=byline>By Jon Berg</div>"
    "<div class=share-bar><a href=#>Share on Facebook</a> <a href=#>Tweet</a></div>"
    "<figure><img src=pier.jpg><figcaption>The old pier at dawn. Photo: Harbour "
    "Authority archive.</figcaption></figure>"
    "<div class=story-body>" P1 P2 "<h2>Shuttle bus considered</h2>" P3
    "<ul><li>Boats move to the northern quay</li><li>Repairs start in March</li></ul>" P4
    "</div>"
    "<aside class=related><h3>Related stories</h3><ul>"
    "<li><a href=/a>Council approves new budget for harbour works</a></li>"
    "<li><a href=/b>Storm damages northern quay fence</a></li></ul></aside>"
    "<section id=comments><h3>Comments</h3><div class=comment><p>I have taken this ferry "
    "every day for twenty years and never saw the cracks, which is worrying indeed.</p>"
    "</div></section></article></main>"
    "<footer><p>Copyright 2024 Harbour News. All rights reserved.</p></footer>"
    "</body></html>";

static void keeps_the_article_and_drops_the_furniture(void **state)
{
    fixture *f = *state;
    assert_int_equal(run(f, article_page), SL_OK);
    assert_true(has(&f->art, "The harbour council voted on Tuesday"));
    assert_true(has(&f->art, "between the two quays while the repairs are carried out."));
    assert_true(has(&f->art, "about four million crowns"));
    const char *gone[] = {"Home", "cookies", "Share on Facebook", "Photo: Harbour",
                          "Related stories", "Council approves", "every day for twenty years",
                          "Copyright", "not text", "color:red", "Old ferry pier to close"};
    for (size_t i = 0; i < sizeof gone / sizeof gone[0]; i++)
        if (has(&f->art, gone[i])) fail_msg("kept boilerplate: %s", gone[i]);
}

static void keeps_headings_and_lists_inside_the_article(void **state)
{
    fixture *f = *state;
    assert_int_equal(run(f, article_page), SL_OK);
    assert_true(has(&f->art, "Shuttle bus considered"));
    assert_true(has(&f->art, "Boats move to the northern quay"));
    assert_true(has(&f->art, "Repairs start in March"));
}

static void paragraphs_are_separated_entities_decoded_spaces_collapsed(void **state)
{
    fixture *f = *state;
    const char *page =
        "<html><body><div class=content>"
        "<p>First   paragraph of the story,\n\t spread over\nseveral lines of markup "
        "but still one paragraph when read by anyone.</p>"
        "<p>Second paragraph, with an entity &eacute;t&eacute; &amp; a <b>bold</b> "
        "<a href=/x>link</a> inside, long enough to be prose on its own too.</p>"
        "<div>A line broken<br>by one break stays one paragraph, as the break is "
        "inside a sentence.<br><br>Two breaks in a row end a paragraph, as pages "
        "that make paragraphs of them mean.</div>"
        "</div></body></html>";
    assert_int_equal(run(f, page), SL_OK);
    assert_int_equal(f->art.n_paragraphs, 4);
    assert_string_equal(f->art.paragraphs[0],
                        "First paragraph of the story, spread over several lines of markup "
                        "but still one paragraph when read by anyone.");
    assert_true(has(&f->art, "\xC3\xA9t\xC3\xA9 & a bold link inside"));
    assert_true(has(&f->art, "A line broken by one break stays one paragraph"));
    assert_true(has(&f->art, "sentence.\n\nTwo breaks in a row"));
    assert_true(has(&f->art, "anyone.\n\nSecond paragraph"));
    assert_int_equal(strlen(f->art.text), f->art.text_len);
}

/* An article cut into several containers (an ad between them) is found
 * whole, not only its biggest part. */
static void finds_an_article_split_across_containers(void **state)
{
    fixture *f = *state;
    const char *page =
        "<html><body><div id=page><div class=col><div class=part>" P1 P2 "</div></div>"
        "<div class=ad-slot><p>Advertisement</p></div>"
        "<div class=col><div class=part>" P3 P4 "</div></div></div>"
        "<div class=sidebar><p>Most read: a short list of other headlines for you.</p></div>"
        "</body></html>";
    assert_int_equal(run(f, page), SL_OK);
    assert_true(has(&f->art, "The harbour council voted"));
    assert_true(has(&f->art, "about four million crowns"));
    assert_false(has(&f->art, "Advertisement"));
    assert_false(has(&f->art, "Most read"));
}

/* schema.org's articleBody wins over a longer block of prose elsewhere. */
static void prefers_the_element_marked_article_body(void **state)
{
    fixture *f = *state;
    const char *page =
        "<html><body><div class=promo>" P4 P3 "</div>"
        "<div itemprop=articleBody>" P1 P2 "</div></body></html>";
    assert_int_equal(run(f, page), SL_OK);
    assert_true(has(&f->art, "The harbour council voted"));
    assert_false(has(&f->art, "about four million crowns"));
}

/* Shapes that mark boilerplate in a scrape are the article's inside its
 * container: a results table of figures, a paragraph a paywall cut short. */
static void keeps_tables_and_cut_paragraphs_of_the_article(void **state)
{
    fixture *f = *state;
    const char *page =
        "<html><body><div class=post-content>" P1
        "<table><tr><th>Pos.</th><th>Boat</th><th>Points</th></tr>"
        "<tr><td>1</td><td>Northern Star</td><td>5040</td></tr>"
        "<tr><td>2</td><td>Sea Lark</td><td>5035</td></tr></table>" P2
        "<p>The council met again this week. Its chair said the repairs would begin "
        "as soon as the engineers' final report had been read and the budget for the "
        "work was…</p></div>"
        "<div class=teasers><p>Storm damages the northern quay fence…</p></div>"
        "</body></html>";
    assert_int_equal(run(f, page), SL_OK);
    assert_true(has(&f->art, "5040"));
    assert_true(has(&f->art, "Sea Lark"));
    assert_true(has(&f->art, "the budget for the work was\xE2\x80\xA6"));
    assert_false(has(&f->art, "Storm damages"));
}

/* An id made from a section's heading ("shared-costs-of-the-repairs") is
 * the author's words: "share" in it does not make the section a share bar. */
static void a_heading_slug_id_is_no_hint(void **state)
{
    fixture *f = *state;
    const char *page =
        "<html><body><div class=document><div class=section id=why-the-pier-closes>" P1 P2
        "</div><div class=section id=shared-costs-of-the-repairs><h2>Shared costs</h2>" P3 P4
        "</div></div><div class=share><p>Share this story with your friends and family "
        "on every network you use, today.</p></div></body></html>";
    assert_int_equal(run(f, page), SL_OK);
    assert_true(has(&f->art, "Shared costs"));
    assert_true(has(&f->art, "about four million crowns"));
    assert_false(has(&f->art, "Share this story"));
}

/* A story followed by a feed of other stories, each an <article> with a
 * blurb of prose: the feed is not the story's continuation. */
static void other_articles_do_not_join_the_story(void **state)
{
    fixture *f = *state;
    const char *page =
        "<html><body><section><article><h1>Pier closes</h1><div>" P1 P2 "</div></article>"
        "<article><h2><a href=/b>Budget</a></h2>" P3 "</article>"
        "<article><h2><a href=/c>History</a></h2>" P4 "</article></section></body></html>";
    assert_int_equal(run(f, page), SL_OK);
    assert_true(has(&f->art, "The harbour council voted"));
    assert_true(has(&f->art, "between the two quays"));
    assert_false(has(&f->art, "We cannot take risks"));
    assert_false(has(&f->art, "about four million crowns"));
}

/* A page that closes body and html and then goes on: a browser shows what
 * follows as part of the body, and so must we (libxml2 alone drops it). */
static void content_after_an_early_end_of_html_is_read(void **state)
{
    fixture *f = *state;
    assert_int_equal(run(f, "<!DOCTYPE html><html><head><title>Pier</title></head><body>"
                            "<nav><a href='/'>Home</a></nav></body></html>\n"
                            "<div class='post'><h1>Ferry pier to close</h1>" P1 P2 "</div>"
                            "</body></html>"), SL_OK);
    assert_true(has(&f->art, "harbour council voted"));
    assert_true(has(&f->art, "Residents who commute"));
    /* end tags in capitals, the first of them the earliest */
    assert_int_equal(run(f, "<!DOCTYPE html><HTML><HEAD><TITLE>Pier</TITLE></HEAD><BODY>"
                            "<NAV><A HREF='/'>Home</A></NAV></HTML></BODY>\n"
                            "<div class='post'><h1>Ferry pier to close</h1>" P1 P2 "</div>"), SL_OK);
    assert_true(has(&f->art, "harbour council voted"));
    /* the end tags at every place of a sixteen-byte step */
    for (int pad = 0; pad < 17; pad++) {
        char page[4096];
        snprintf(page, sizeof page, "<html><body><nav>Home%*s</nav></body></html>\n"
                 "<div class='post'><h1>Ferry pier to close</h1>" P1 P2 "</div>", pad, "");
        assert_int_equal(run(f, page), SL_OK);
        assert_true(has(&f->art, "harbour council voted"));
    }
}

/* A <button> left open swallows the rest of the page in libxml2's tree, as
 * it would in a browser, which still shows it; a button of a label stays out. */
static void an_unclosed_button_does_not_hide_the_article(void **state)
{
    fixture *f = *state;
    assert_int_equal(run(f, "<html><body><div class='top'><button class='menu'>Menu"
                            "<main><article><div>" P1 P2 "</div></article></main>"
                            "</button></div></body></html>"), SL_OK);
    assert_true(has(&f->art, "harbour council voted"));
    assert_int_equal(run(f, "<html><body><button>Subscribe to our daily newsletter now</button>"
                            "<article>" P1 P2 "</article></body></html>"), SL_OK);
    assert_false(has(&f->art, "Subscribe"));
}

/* An article shipped hidden for a script to reveal is read when nothing
 * visible is an article; otherwise hidden text stays out. */
static void a_hidden_article_is_read_when_nothing_else_is(void **state)
{
    fixture *f = *state;
    assert_int_equal(run(f, "<html><body><nav><a href='/'>Home</a></nav>"
                            "<div hidden id='S:0'><main><article>" P1 P2 "</article></main></div>"
                            "</body></html>"), SL_OK);
    assert_true(has(&f->art, "harbour council voted"));
    /* ...also when the page shows no text at all. */
    assert_int_equal(run(f, "<html><body><div hidden><article>" P1 P2 "</article></div>"
                            "</body></html>"), SL_OK);
    assert_true(has(&f->art, "Residents who commute"));
    assert_int_equal(run(f, "<html><body><article>" P1 "</article>"
                            "<div style='display:none'>" P2 "</div></body></html>"), SL_OK);
    assert_true(has(&f->art, "harbour council voted"));
    assert_false(has(&f->art, "Residents who commute"));
    /* A segment React streams hidden (id S:n) is shown by its script: it is
     * read first, even when a paragraph is visible outside it; a style
     * after another attribute still hides. */
    assert_int_equal(run(f, "<html><body><nav><a href='/'>Home</a></nav>"
                            "<div hidden id='S:12'><main><article>" P1 P2 "</article></main></div>"
                            "<div><p>Our company was founded in 1998 and has offices in four countries, "
                            "serving customers with care and a friendly team of experts.</p></div>"
                            "</body></html>"), SL_OK);
    assert_true(has(&f->art, "harbour council voted"));
    assert_false(has(&f->art, "founded in 1998"));
    assert_int_equal(run(f, "<html><body><article>" P1 "</article>"
                            "<div class='x' style='color:red' title='t' hidden>" P2 "</div>"
                            "<div style='color:red' data-x='1' aria-label='y'>" P3 "</div>"
                            "<div title='t' style='display:none'>" P4 "</div></body></html>"), SL_OK);
    assert_false(has(&f->art, "Residents who commute"));
    assert_false(has(&f->art, "The pier was built in 1962"));
}

/* An accordion's folded panels (role=region labelled by their button,
 * display:none until clicked; or hidden=until-found) are sections of the
 * article: read, and all of them, though the densest panel is chosen first
 * and a tip beside its paragraphs adds too little for the climb. A folded
 * menu stays out. */
#define TIP "<p>Tip: ask the council for the shuttle timetable before the boats move north, " \
            "and keep last year's ferry pass, which the regional authority still honours.</p>"
static void folded_panels_are_the_articles_sections(void **state)
{
    fixture *f = *state;
    const char *page =
        "<html><body><main><h1>Pier guide</h1><div class='rich'>" P1 "</div>"
        "<div class='acc'><button id='b1' aria-controls='r1'>1. The commute</button>"
        "<div id='r1' role='region' aria-labelledby='b1' style='display: none'><div>"
        "<div><p><em>Week 1</em></p></div><div>" P2 P3 "</div><div>" TIP "</div></div></div></div>"
        "<div class='acc'><button id='b2'>2. The cost</button>"
        "<div hidden='until-found'><div>" P4 "</div></div></div>"
        "<ul style='display:none'><li><a href=/a>Hidden menu entry about ferries</a></li></ul>"
        "</main></body></html>";
    assert_int_equal(run(f, page), SL_OK);
    assert_true(has(&f->art, "The harbour council voted"));
    assert_true(has(&f->art, "Residents who commute"));
    assert_true(has(&f->art, "ask the council for the shuttle"));
    assert_true(has(&f->art, "about four million crowns"));
    assert_false(has(&f->art, "Hidden menu entry"));
    /* A region no button labels is no panel: still hidden. */
    assert_int_equal(run(f, "<html><body><article>" P1 P2 "</article>"
                            "<div role='region' style='display:none'>" P3 "</div></body></html>"), SL_OK);
    assert_false(has(&f->art, "We cannot take risks"));
}

/* A code listing inside the article is the article's, though its arrows
 * and bars read as a menu's separators and its lines hold no sentence; a
 * <pre> outside the article's container stays out. */
static void a_code_listing_in_the_article_is_kept(void **state)
{
    fixture *f = *state;
    const char *page =
        "<html><body><main><article><h1>Pier data</h1>" P1
        "<pre><code>SELECT quay, count(*) -&gt; trips\nFROM ferry_log | sort\n"
        "WHERE pier = 'old' &gt; 1962 / 1998;</code></pre>" P2 P3 "</article>"
        "<aside><pre>build 4.2.1 | cache on | region eu-north</pre></aside></main></body></html>";
    assert_int_equal(run(f, page), SL_OK);
    assert_true(has(&f->art, "SELECT quay"));
    assert_true(has(&f->art, "Residents who commute"));
    assert_false(has(&f->art, "build 4.2.1"));
}

/* A guide whose items are articles inside the article: all of it is the
 * story, though one item holds the most prose. */
static void articles_inside_the_article_are_its_parts(void **state)
{
    fixture *f = *state;
    const char *page =
        "<html><body><main><article class='guide'><h1>Pier guide</h1>"
        "<article class='item'><h2>The vote</h2><div><div>" P1 P2 "</div></div></article>"
        "<article class='item'><h2>The quote</h2><div><div>" P3 "</div></div></article>"
        "<article class='item'><h2>The cost</h2><div><div>" P4 "</div></div></article></article>"
        "<aside><article><h2><a href=/x>Elsewhere</a></h2><p><a href=/x>Another story "
        "entirely, about a school</a></p></article></aside></main></body></html>";
    assert_int_equal(run(f, page), SL_OK);
    assert_true(has(&f->art, "The harbour council voted"));
    assert_true(has(&f->art, "We cannot take risks"));
    assert_true(has(&f->art, "about four million crowns"));
    assert_false(has(&f->art, "Another story"));
}

/* A section under a one-line intro: the intro's element is a wrapper on
 * the way up to the sections beside it, not the end of the climb. */
static void a_wrapped_section_climbs_to_its_siblings(void **state)
{
    fixture *f = *state;
    const char *page =
        "<html><body><div class='guide'>"
        "<div class='wrap'><p>Our reporters walked the pier twice.</p>"
        "<div class='section'><div>" P1 P2 "</div></div></div>"
        "<div class='section'><div>" P3 P4 "</div></div>"
        "</div></body></html>";
    assert_int_equal(run(f, page), SL_OK);
    assert_true(has(&f->art, "The harbour council voted"));
    assert_true(has(&f->art, "We cannot take risks"));
    assert_true(has(&f->art, "The pier was built in 1962"));
}

/* A page that puts the whole post inside a <header> (as some site
 * builders do): the climb from the post to the page around it must not
 * leave the post out for the <header> it passed through. */
static void a_post_inside_a_header_is_kept(void **state)
{
    fixture *f = *state;
    const char *page =
        "<html><body><div class='page'>"
        "<header class='section'><div class='wrap'><div class='rich-text'>" P1 P2 P3 "</div></div></header>"
        "<div class='faq'><div>" P4 "<p>Readers asked whether the northern quay can take the larger "
        "boats, and the council said it would publish an answer with the repair budget.</p></div></div>"
        "</div></body></html>";
    assert_int_equal(run(f, page), SL_OK);
    assert_true(has(&f->art, "The harbour council voted"));
    assert_true(has(&f->art, "We cannot take risks"));
}

/* A <figure> holds more than pictures: a pull quote in one is the
 * article's; its figcaption is still a caption. */
static void a_quote_in_a_figure_is_kept_its_caption_not(void **state)
{
    fixture *f = *state;
    const char *page =
        "<html><body><article><h1>Pier to close</h1>" P1
        "<figure><blockquote>" P3 "</blockquote><figcaption>Mayor Ana Lind, speaking at "
        "the council meeting on Tuesday evening in the town hall.</figcaption></figure>"
        P2 "</article></body></html>";
    assert_int_equal(run(f, page), SL_OK);
    assert_true(has(&f->art, "We cannot take risks"));
    assert_false(has(&f->art, "speaking at the council meeting"));
}

/* Chinese has no spaces between words: its paragraphs are prose by their
 * characters, not a one-word line each; the headline that opens the
 * container is the title, not the body's first paragraph. */
static void a_chinese_article_is_read_whole(void **state)
{
    fixture *f = *state;
    const char *page =
        "<html lang='zh'><head><title>旧渡轮码头将关闭 - 海港日报</title></head><body>"
        "<nav><a href='/'>首页</a> <a href='/news'>新闻</a></nav><div class='main'>"
        "<h1>旧渡轮码头将关闭</h1>"
        "<p>港口委员会星期二投票决定关闭旧渡轮码头，因为工程师在两根混凝土柱子上发现了很深的裂缝。"
        "早上的渡轮至少在一年内改停北边的码头。</p>"
        "<p>每天去岛上上班的居民说，这一变化会让他们的路程多出二十分钟。"
        "几位居民要求委员会在维修期间开通往返两个码头之间的穿梭巴士。</p>"
        "<p>市长说，我们不能拿一座每天承载几百名乘客的建筑冒险。委员会预计维修费用约为四百万元。</p>"
        "</div><div class='footer'><a href='/about'>关于我们</a></div></body></html>";
    assert_int_equal(run(f, page), SL_OK);
    assert_string_equal(f->art.title, "旧渡轮码头将关闭");
    assert_int_equal(f->art.n_paragraphs, 3);
    assert_true(has(&f->art, "每天去岛上上班的居民说"));
    assert_true(has(&f->art, "市长说"));
}

/* The full stops of other scripts end sentences: a Hindi paragraph (।) is
 * prose, as an English one is. */
static void other_scripts_full_stops_end_sentences(void **state)
{
    fixture *f = *state;
    const char *page =
        "<html lang='hi'><body><nav><a href='/'>मुख्य</a></nav><article>"
        "<p>बंदरगाह परिषद ने मंगलवार को पुराने घाट को बंद करने का फैसला किया।</p>"
        "<p>द्वीप पर काम करने वाले लोगों ने कहा कि इससे उनकी यात्रा बीस मिनट लंबी हो जाएगी।</p>"
        "<p>मरम्मत का काम अगले वसंत में शुरू होगा और एक साल तक चलेगा।</p>"
        "</article></body></html>";
    assert_int_equal(run(f, page), SL_OK);
    assert_int_equal(f->art.n_paragraphs, 3);
}

static void a_page_of_menus_has_no_article(void **state)
{
    fixture *f = *state;
    const char *page = "<html><body><nav><a href=/>Home</a> <a href=/n>News</a></nav>"
                       "<ul><li><a href=/a>A story</a></li><li><a href=/b>Another</a></li></ul>"
                       "</body></html>";
    assert_int_equal(run(f, page), SL_EINPUT);
    assert_non_null(strstr(f->err.msg, "page.html"));
    assert_non_null(strstr(f->err.msg, "no article"));
}

static void truncated_page_keeps_what_arrived(void **state)
{
    fixture *f = *state;
    size_t cut = strlen(article_page);
    const char *at = strstr(article_page, "<h2>Shuttle");
    assert_non_null(at);
    cut = (size_t)(at - article_page) + 6;   /* inside the heading's text */
    assert_int_equal(run_html(f, article_page, cut), SL_OK);
    assert_true(has(&f->art, "The harbour council voted"));
    /* Cut in the middle of a tag, and of an entity. */
    at = strstr(article_page, "&ldquo;");
    cut = (size_t)(at - article_page) + 3;
    assert_int_equal(run_html(f, article_page, cut), SL_OK);
    assert_true(has(&f->art, "Residents who commute"));
}

/* Latin-1 bytes under a UTF-8 label: text comes out valid UTF-8. */
static void wrong_charset_gives_valid_utf8(void **state)
{
    fixture *f = *state;
    const char *page =
        "<html><head><meta charset=utf-8></head><body><div class=article>"
        "<p>Le conseil a vot\xE9 mardi la fermeture du vieux quai apr\xE8s que des "
        "ing\xE9nieurs ont trouv\xE9 des fissures profondes dans deux piliers de b\xE9ton.</p>"
        "<p>Les habitants disent que le trajet du matin sera plus long d'au moins vingt "
        "minutes, et demandent une navette entre les deux quais pendant les travaux.</p>"
        "</div></body></html>";
    sl_status st = run(f, page);
    if (st == SL_OK) {
        size_t n;
        char *clean = u8_sanitize(f->art.text, f->art.text_len, &n);
        assert_int_equal(n, f->art.text_len);
        assert_memory_equal(clean, f->art.text, n);
        free(clean);
        assert_true(has(&f->art, "Les habitants disent"));
    } else {
        assert_non_null(strstr(f->err.msg, "page.html"));
    }
}

static void a_legacy_label_on_utf8_bytes_reads_as_utf8(void **state)
{
    fixture *f = *state;
    /* labelled gb2312 and windows-1252, written in UTF-8 */
    const char *labels[] = {"gb2312", "windows-1252"};
    for (int i = 0; i < 2; i++) {
        char page[1024];
        snprintf(page, sizeof page,
                 "<html><head><meta charset=%s></head><body><div class=article>"
                 "<p>Le conseil a vot\xC3\xA9 mardi la fermeture du vieux quai apr\xC3\xA8s que des "
                 "ing\xC3\xA9nieurs ont trouv\xC3\xA9 des fissures profondes dans deux piliers.</p>"
                 "<p>Les habitants disent que le trajet du matin sera plus long d'au moins vingt "
                 "minutes, et demandent une navette entre les deux quais.</p></div></body></html>",
                 labels[i]);
        assert_int_equal(run(f, page), SL_OK);
        assert_true(has(&f->art, "vot\xC3\xA9 mardi"));
    }
}

static void latin1_bytes_windows1252_lacks_do_not_stop_the_parse(void **state)
{
    fixture *f = *state;
    /* no label, not UTF-8: read as Windows-1252, which has no 0x9D */
    const char *page =
        "<html><body><article><p>Le conseil a vot\xE9 mardi la fermeture du vieux quai \x9D "
        "apr\xE8s que des ing\xE9nieurs ont trouv\xE9 des fissures dans deux piliers.</p>"
        "<p>Les habitants disent que le trajet du matin sera plus long d'au moins vingt "
        "minutes, et demandent une navette entre les deux quais.</p></article></body></html>";
    assert_int_equal(run(f, page), SL_OK);
    assert_true(has(&f->art, "vot\xC3\xA9 mardi"));
    assert_true(has(&f->art, "Les habitants disent"));     /* the parse went on */
}

static void page_without_body_or_text_is_reported(void **state)
{
    fixture *f = *state;
    const char *pages[] = {
        "<html><head><title>Only a title</title><script>var a=1;</script></head></html>",
        "<!DOCTYPE html>",
        "   \n\t ",
        "<html><body><div><span></span></div></body></html>",
    };
    for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
        assert_int_equal(run(f, pages[i]), SL_EINPUT);
        assert_non_null(strstr(f->err.msg, "page.html"));
    }
    assert_int_equal(run_html(f, NULL, 0), SL_EINPUT);
    assert_non_null(strstr(f->err.msg, "page.html"));
}

static void binary_bytes_do_not_crash(void **state)
{
    fixture *f = *state;
    size_t n = 1 << 16;
    unsigned char *junk = malloc(n);
    uint32_t x = 2463534242u;   /* xorshift32: the same bytes every run */
    for (size_t i = 0; i < n; i++) {
        x ^= x << 13; x ^= x >> 17; x ^= x << 5;
        junk[i] = (unsigned char)x;
    }
    assert_int_equal(run_html(f, (const char *)junk, n), SL_EINPUT);
    assert_non_null(strstr(f->err.msg, "page.html"));
    assert_non_null(strstr(f->err.msg, "binary"));
    free(junk);
}

static char *repeat(const char *head, const char *unit, size_t times, const char *tail, size_t *len)
{
    size_t hn = strlen(head), un = strlen(unit), tn = strlen(tail);
    char *s = malloc(hn + un * times + tn + 1);
    memcpy(s, head, hn);
    for (size_t i = 0; i < times; i++) memcpy(s + hn + i * un, unit, un);
    memcpy(s + hn + un * times, tail, tn + 1);
    *len = hn + un * times + tn;
    return s;
}

/* 50 MB of nested tags: no stack overflow, an answer either way. */
static void fifty_megabytes_of_nested_tags(void **state)
{
    fixture *f = *state;
    size_t len;
    char *page = repeat("<html><body>", "<div>", 10u * 1000 * 1000,
                        "<p>The only sentence of this page sits at the bottom of it all.</p>", &len);
    sl_status st = run_html(f, page, len);
    if (st != SL_OK) assert_non_null(strstr(f->err.msg, "page.html"));
    free(page);
    /* Inline tags nest without limit in libxml2: the walk must not recurse. */
    arena_reset(&f->a);
    page = repeat("<html><body><div class=story>" P1, "<span><b>", 2u * 1000 * 1000, P2, &len);
    st = run_html(f, page, len);
    if (st != SL_OK) assert_non_null(strstr(f->err.msg, "page.html"));
    else assert_true(has(&f->art, "The harbour council voted"));
    free(page);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(keeps_the_article_and_drops_the_furniture, setup, teardown),
        cmocka_unit_test_setup_teardown(keeps_headings_and_lists_inside_the_article, setup, teardown),
        cmocka_unit_test_setup_teardown(paragraphs_are_separated_entities_decoded_spaces_collapsed,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(finds_an_article_split_across_containers, setup, teardown),
        cmocka_unit_test_setup_teardown(prefers_the_element_marked_article_body, setup, teardown),
        cmocka_unit_test_setup_teardown(keeps_tables_and_cut_paragraphs_of_the_article, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(a_heading_slug_id_is_no_hint, setup, teardown),
        cmocka_unit_test_setup_teardown(other_articles_do_not_join_the_story, setup, teardown),
        cmocka_unit_test_setup_teardown(content_after_an_early_end_of_html_is_read, setup, teardown),
        cmocka_unit_test_setup_teardown(an_unclosed_button_does_not_hide_the_article, setup, teardown),
        cmocka_unit_test_setup_teardown(a_hidden_article_is_read_when_nothing_else_is, setup, teardown),
        cmocka_unit_test_setup_teardown(articles_inside_the_article_are_its_parts, setup, teardown),
        cmocka_unit_test_setup_teardown(a_wrapped_section_climbs_to_its_siblings, setup, teardown),
        cmocka_unit_test_setup_teardown(a_post_inside_a_header_is_kept, setup, teardown),
        cmocka_unit_test_setup_teardown(a_quote_in_a_figure_is_kept_its_caption_not, setup, teardown),
        cmocka_unit_test_setup_teardown(a_chinese_article_is_read_whole, setup, teardown),
        cmocka_unit_test_setup_teardown(other_scripts_full_stops_end_sentences, setup, teardown),
        cmocka_unit_test_setup_teardown(a_page_of_menus_has_no_article, setup, teardown),
        cmocka_unit_test_setup_teardown(truncated_page_keeps_what_arrived, setup, teardown),
        cmocka_unit_test_setup_teardown(wrong_charset_gives_valid_utf8, setup, teardown),
        cmocka_unit_test_setup_teardown(a_legacy_label_on_utf8_bytes_reads_as_utf8, setup, teardown),
        cmocka_unit_test_setup_teardown(latin1_bytes_windows1252_lacks_do_not_stop_the_parse, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(page_without_body_or_text_is_reported, setup, teardown),
        cmocka_unit_test_setup_teardown(binary_bytes_do_not_crash, setup, teardown),
        cmocka_unit_test_setup_teardown(folded_panels_are_the_articles_sections, setup, teardown),
        cmocka_unit_test_setup_teardown(a_code_listing_in_the_article_is_kept, setup, teardown),
        cmocka_unit_test_setup_teardown(fifty_megabytes_of_nested_tags, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
