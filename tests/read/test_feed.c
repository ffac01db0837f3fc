/* test_feed.c: RSS 2.0, RSS 1.0/RDF and Atom feeds to pages (link, title,
 * date, guid, HTML), entities never expanded, and non-feeds refused with a
 * message naming the input. */
#include "testutil.h"
#include "read/read.h"
#include "read/read_internal.h"

static rd_feed *parse(const char *xml, err_slot *e)
{
    rd_feed *f = NULL;
    rd_feed_parse(xml, strlen(xml), "t.xml", &f, e);
    return f;
}

/* A feed that must parse into n items; *first is its first item. */
static rd_feed *parse_items(const char *xml, size_t n, sl_page *first)
{
    err_slot e;
    rd_feed *f = parse(xml, &e);
    assert_non_null(f);
    assert_int_equal(rd_feed_count(f), n);
    rd_feed_item(f, 0, first);
    return f;
}

static void rss2_items_with_content_dates_and_guids(void **st)
{
    (void)st;
    const char *xml =
        "<?xml version=\"1.0\"?>\n<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">"
        "<channel><title>News</title><link>http://news.test/</link>"
        "<item><title> Drills resume </title><link>http://news.test/a</link>"
        "<guid isPermaLink=\"false\">news-1</guid><pubDate>Tue, 05 Mar 2019 23:30:00 -0500</pubDate>"
        "<description>&lt;p&gt;Teaser&lt;/p&gt;</description>"
        "<content:encoded><![CDATA[<p>Full <b>text</b> &amp; more.</p>]]></content:encoded></item>"
        "<item><title>Second</title><link>http://news.test/b</link><pubDate>6 Mar 19 08:00 GMT</pubDate>"
        "<description>&lt;p&gt;Only a summary.&lt;/p&gt;</description></item>"
        "<item><title>Undated</title><pubDate>someday</pubDate></item>"
        "</channel></rss>";
    sl_page p;
    rd_feed *f = parse_items(xml, 3, &p);
    assert_string_equal(p.title, "Drills resume");
    assert_string_equal(p.url, "http://news.test/a");
    assert_string_equal(p.id, "news-1");
    assert_string_equal(p.published, "2019-03-05T23:30:00");   /* the outlet's own date */
    assert_string_equal(p.body, "<p>Full <b>text</b> &amp; more.</p>");
    assert_int_equal(p.body_len, strlen(p.body));
    assert_int_equal(p.format, SL_FORMAT_HTML);
    assert_string_equal(p.input, "t.xml item 1");
    assert_string_equal(p.source, "News");
    rd_feed_item(f, 1, &p);
    assert_null(p.id);
    assert_string_equal(p.published, "2019-03-06T08:00:00");
    assert_string_equal(p.body, "<p>Only a summary.</p>");
    rd_feed_item(f, 2, &p);
    assert_null(p.published);
    assert_null(p.url);
    assert_int_equal(p.body_len, 0);
    rd_feed_free(f);
}

static void rss1_rdf_items_sit_beside_the_channel(void **st)
{
    (void)st;
    const char *xml =
        "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\""
        " xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
        "<channel rdf:about=\"http://news.test/\"><title>N</title></channel>"
        "<item rdf:about=\"http://news.test/r1\"><title>R1</title><dc:date>2018-06-12T10:00:00+09:00</dc:date>"
        "<description>Summit in Singapore</description></item></rdf:RDF>";
    sl_page p;
    rd_feed *f = parse_items(xml, 1, &p);
    assert_string_equal(p.url, "http://news.test/r1");
    assert_string_equal(p.source, "N");
    assert_string_equal(p.published, "2018-06-12T10:00:00+09:00");
    assert_string_equal(p.body, "Summit in Singapore");
    rd_feed_free(f);
}

static void atom_entries_html_xhtml_and_text(void **st)
{
    (void)st;
    const char *xml =
        "<feed xmlns=\"http://www.w3.org/2005/Atom\">"
        "<entry><title>One</title><link rel=\"self\" href=\"http://news.test/self\"/>"
        "<link href=\"http://news.test/one\"/><id>tag:news.test,2019:1</id>"
        "<updated>2019-01-02T00:00:00Z</updated><published>2019-01-01T12:00:00Z</published>"
        "<summary>short</summary><content type=\"html\">&lt;p&gt;One &amp;amp; all&lt;/p&gt;</content></entry>"
        "<entry><title>Two</title><link rel=\"alternate\" href=\"http://news.test/two\"/>"
        "<updated>2019-01-03T00:00:00Z</updated>"
        "<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><p>a &lt; b</p></div></content></entry>"
        "<entry><title>Three</title><summary>x &lt; y &amp; z</summary></entry>"
        "<title>Atom News</title></feed>";
    sl_page p;
    rd_feed *f = parse_items(xml, 3, &p);
    assert_string_equal(p.url, "http://news.test/one");
    assert_string_equal(p.source, "Atom News");
    assert_string_equal(p.id, "tag:news.test,2019:1");
    assert_string_equal(p.published, "2019-01-01T12:00:00Z");   /* published beats updated */
    assert_string_equal(p.body, "<p>One &amp; all</p>");
    rd_feed_item(f, 1, &p);
    assert_string_equal(p.url, "http://news.test/two");
    assert_string_equal(p.published, "2019-01-03T00:00:00Z");
    assert_non_null(strstr(p.body, "<p>a &lt; b</p>"));
    rd_feed_item(f, 2, &p);
    assert_string_equal(p.body, "<p>x &lt; y &amp; z</p>");   /* plain text, escaped */
    rd_feed_free(f);
}

/* An external entity must never be read (XXE), and internal ones are left
 * out rather than expanded, so that a nest of them cannot multiply. */
static void entities_are_never_expanded(void **st)
{
    (void)st;
    const char *xml =
        "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">"
        "<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
        "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
        "<rss><channel><item><title>T&xxe;</title><link>http://news.test/x</link>"
        "<description>&c;&c;&c;</description></item></channel></rss>";
    sl_page p;
    rd_feed *f = parse_items(xml, 1, &p);
    assert_string_equal(p.title, "T");
    assert_null(strstr(p.body, "root:"));
    assert_true(p.body_len < 100);
    rd_feed_free(f);
}

static void non_feeds_are_refused_naming_the_input(void **st)
{
    (void)st;
    err_slot e;
    assert_null(parse("<html><body>x</body></html>", &e));
    assert_string_equal(e.msg, "t.xml: not a feed: the root element is <html>");
    assert_null(parse("no xml at all", &e));
    assert_memory_equal(e.msg, "t.xml", 5);
    assert_non_null(strstr(e.msg, "not XML"));
    rd_feed *f = NULL;
    assert_int_equal(rd_feed_parse("", 0, "empty.rss", &f, &e), SL_EINPUT);
    assert_null(f);
}

static void sniffing_first_bytes(void **st)
{
    (void)st;
    assert_int_equal(rd_sniff("\xEF\xBB\xBF  <!DOCTYPE html><html>", 29), RD_SNIFF_HTML);
    assert_int_equal(rd_sniff("<!-- c --><HTML lang=en>", 24), RD_SNIFF_HTML);
    assert_int_equal(rd_sniff("<?xml version='1.0'?><!DOCTYPE rss SYSTEM 'x'><rss>", 51), RD_SNIFF_FEED);
    assert_int_equal(rd_sniff("<feed xmlns='http://www.w3.org/2005/Atom'>", 42), RD_SNIFF_FEED);
    assert_int_equal(rd_sniff("<rdf:RDF>", 9), RD_SNIFF_FEED);
    assert_int_equal(rd_sniff("WARC/1.0\r\n", 10), RD_SNIFF_WARC);
    assert_int_equal(rd_sniff(" {\"id\":1}", 9), RD_SNIFF_JSONL);
    assert_int_equal(rd_sniff("<htmlx>", 7), RD_SNIFF_UNKNOWN);
    assert_int_equal(rd_sniff("Plain text <html>", 17), RD_SNIFF_UNKNOWN);
    assert_int_equal(rd_sniff("<!--", 4), RD_SNIFF_UNKNOWN);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rss2_items_with_content_dates_and_guids),
        cmocka_unit_test(rss1_rdf_items_sit_beside_the_channel),
        cmocka_unit_test(atom_entries_html_xhtml_and_text),
        cmocka_unit_test(entities_are_never_expanded),
        cmocka_unit_test(non_feeds_are_refused_naming_the_input),
        cmocka_unit_test(sniffing_first_bytes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
