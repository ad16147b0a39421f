// Sitemaps, indexes and feeds read from bytes; gzip with a cap on what it inflates to;
// the dates --since compares.
#include "checker/fetch/sitemap.h"

#include <gtest/gtest.h>

#include "tests/support/gzip.h"

#include "checker/fetch/feed_time.h"

namespace credcheck {


namespace {

std::vector<std::string> urls(const PageList& l) {
  std::vector<std::string> out;
  for (const ListEntry& e : l.entries) out.push_back(e.url);
  return out;
}

TEST(Sitemap, UrlsetWithDates) {
  PageList l;
  std::string err;
  ASSERT_TRUE(parse_list(R"(<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc> https://news.example.cn/a/1.html </loc><lastmod>2026-11-02</lastmod></url>
  <url><loc>https://news.example.cn/a/2.html</loc><lastmod>2026-11-03T08:00:00+08:00</lastmod></url>
  <url><loc>https://news.example.cn/a/3.html</loc></url>
  <url><lastmod>2026-11-04</lastmod></url>
</urlset>)", "https://news.example.cn/sitemap.xml", &l, &err)) << err;
  EXPECT_EQ(l.kind, ListKind::kSitemap);
  EXPECT_EQ(urls(l), (std::vector<std::string>{"https://news.example.cn/a/1.html",
                                               "https://news.example.cn/a/2.html",
                                               "https://news.example.cn/a/3.html"}));
  EXPECT_EQ(l.entries[0].time, parse_since("2026-11-02"));
  EXPECT_EQ(l.entries[1].time, parse_since("2026-11-03T00:00:00Z"));
  EXPECT_FALSE(l.entries[2].time.has_value());
}

TEST(Sitemap, IndexAndPrefixedNamespace) {
  PageList l;
  std::string err;
  ASSERT_TRUE(parse_list(R"(<sm:sitemapindex xmlns:sm="http://www.sitemaps.org/schemas/sitemap/0.9">
<sm:sitemap><sm:loc>https://x.example/s1.xml.gz</sm:loc></sm:sitemap>
<sm:sitemap><sm:loc>/s2.xml</sm:loc><sm:lastmod>2026-01-01</sm:lastmod></sm:sitemap>
</sm:sitemapindex>)", "https://x.example/index.xml", &l, &err)) << err;
  EXPECT_EQ(l.kind, ListKind::kSitemapIndex);
  EXPECT_EQ(urls(l), (std::vector<std::string>{"https://x.example/s1.xml.gz", "https://x.example/s2.xml"}));
}

TEST(Sitemap, Rss2AndRss1) {
  PageList l;
  std::string err;
  ASSERT_TRUE(parse_list(R"(<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<title>某市新闻</title>
<item><title>一</title><link>https://x.example/1.html</link><pubDate>Mon, 30 Nov 2026 08:00:00 +0800</pubDate></item>
<item><title>二</title><guid>https://x.example/2.html</guid><dc:date>2026-11-29</dc:date></item>
<item><title>三</title><guid isPermaLink="false">tag:x,3</guid></item>
</channel></rss>)", "https://x.example/rss.xml", &l, &err)) << err;
  EXPECT_EQ(l.kind, ListKind::kRss);
  EXPECT_EQ(urls(l), (std::vector<std::string>{"https://x.example/1.html", "https://x.example/2.html"}));
  EXPECT_EQ(l.entries[0].time, parse_since("2026-11-30T00:00:00Z"));
  EXPECT_EQ(l.entries[1].time, parse_since("2026-11-29"));

  ASSERT_TRUE(parse_list(R"(<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="https://x.example/"><title>t</title></channel>
<item rdf:about="https://x.example/9.html"><link>https://x.example/9.html</link></item>
</rdf:RDF>)", "", &l, &err)) << err;
  EXPECT_EQ(l.kind, ListKind::kRss);
  EXPECT_EQ(urls(l), (std::vector<std::string>{"https://x.example/9.html"}));
}

TEST(Sitemap, AtomAlternateLinksResolvedAgainstXmlBase) {
  PageList l;
  std::string err;
  ASSERT_TRUE(parse_list(R"(<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://x.example/news/">
<entry><link rel="self" href="https://x.example/api/1"/><link rel="alternate" type="text/html" href="1.html"/>
<updated>2026-11-30T01:02:03Z</updated></entry>
<entry><link href="https://y.example/2.html"/><published>2026-11-01T00:00:00Z</published></entry>
<entry><link rel="enclosure" href="https://x.example/3.mp3"/></entry>
</feed>)", "https://x.example/atom.xml", &l, &err)) << err;
  EXPECT_EQ(l.kind, ListKind::kAtom);
  EXPECT_EQ(urls(l), (std::vector<std::string>{"https://x.example/news/1.html", "https://y.example/2.html"}));
  EXPECT_EQ(l.entries[0].time, parse_since("2026-11-30T01:02:03Z"));
  EXPECT_EQ(l.entries[1].time, parse_since("2026-11-01"));
}

TEST(Sitemap, NotAListSaysWhy) {
  PageList l;
  std::string err;
  EXPECT_FALSE(parse_list("<html><body>新闻</body></html>", "", &l, &err));
  EXPECT_NE(err.find("<html>"), std::string::npos) << err;
  EXPECT_FALSE(parse_list("<urlset><url><loc>https://x/</loc></url>", "", &l, &err));
  EXPECT_NE(err.find("XML error at byte"), std::string::npos) << err;
  EXPECT_FALSE(parse_list("", "", &l, &err));
  // Entities from a DOCTYPE are not expanded (no billion laughs, no external files).
  EXPECT_TRUE(parse_list(R"(<!DOCTYPE urlset [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;">]>
<urlset><url><loc>https://x.example/&b;</loc></url></urlset>)", "", &l, &err)) << err;
  ASSERT_EQ(l.entries.size(), 1u);
  EXPECT_EQ(l.entries[0].url.find("aaaa"), std::string::npos);
}

TEST(Sitemap, SniffReadsOnlyTheRootName) {
  EXPECT_EQ(sniff_list("\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- hi -->\n<urlset xmlns=\"x\">"), ListKind::kSitemap);
  EXPECT_EQ(sniff_list("<sitemapindex>"), ListKind::kSitemapIndex);
  EXPECT_EQ(sniff_list("<?xml version=\"1.0\"?><?xml-stylesheet href=\"a.xsl\"?><rss version=\"2.0\">"), ListKind::kRss);
  EXPECT_EQ(sniff_list("<feed xmlns=\"http://www.w3.org/2005/Atom\">"), ListKind::kAtom);
  EXPECT_EQ(sniff_list("<!DOCTYPE html><html><head>"), ListKind::kNone);
  EXPECT_EQ(sniff_list("<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\">"), ListKind::kNone);
  EXPECT_EQ(sniff_list("https://x.example/1.html\n"), ListKind::kNone);
}

TEST(Gzip, InflatesAndCapsTheDecodedSize) {
  std::string plain(100000, 'a'), out, err;
  std::string packed = test_support::gzip(plain);
  ASSERT_TRUE(is_gzip(packed));
  ASSERT_TRUE(gunzip(packed, plain.size(), &out, &err)) << err;
  EXPECT_EQ(out, plain);
  // A bomb: small on the wire, past the cap decoded.
  std::string bomb = test_support::gzip(std::string(8 << 20, '\0'));
  EXPECT_LT(bomb.size(), 20000u);
  EXPECT_FALSE(gunzip(bomb, 1 << 20, &out, &err));
  EXPECT_NE(err.find("inflates past 1048576 bytes"), std::string::npos) << err;
  EXPECT_FALSE(gunzip(packed.substr(0, packed.size() / 2), 1 << 20, &out, &err));
  EXPECT_NE(err.find("truncated"), std::string::npos) << err;
  std::string damaged = packed;
  damaged[12] ^= 0x55;
  damaged[20] ^= 0x55;
  EXPECT_FALSE(gunzip(damaged, 1 << 20, &out, &err));
}

TEST(FeedTime, FormsSitesWrite) {
  const int64_t day = 86400;
  auto nov30 = parse_feed_time("2026-11-30");
  ASSERT_TRUE(nov30);
  EXPECT_EQ(*nov30 % day, 0);
  EXPECT_EQ(parse_feed_time("2026-11-30T08:00:00+08:00"), nov30);
  EXPECT_EQ(parse_feed_time("2026-11-30T08:00:00.123+0800"), nov30);
  EXPECT_EQ(parse_feed_time("2026-11-30 00:00:00"), nov30);
  EXPECT_EQ(parse_feed_time("Mon, 30 Nov 2026 00:00:00 GMT"), nov30);
  EXPECT_EQ(parse_feed_time("30 Nov 2026 03:00 +0300"), nov30);
  EXPECT_EQ(parse_feed_time("Sun, 29 Nov 2026 19:00:00 EST"), nov30);
  EXPECT_EQ(parse_feed_time("2026-12-01T00:00:00Z"), *nov30 + day);
  EXPECT_EQ(parse_feed_time("1970-01-01T00:00:00Z"), 0);
  EXPECT_EQ(parse_feed_time("2024-02-29"), parse_feed_time("2024-03-01").value() - day);
  for (const char* bad : {"", "yesterday", "2026-02-30", "2025-02-29", "2026-13-01", "2026-11-30T25:00:00Z",
                          "2026-11-30T08:00:00+99:00", "Mon, 30 Foo 2026 00:00:00 GMT", "2026年11月30日"})
    EXPECT_FALSE(parse_feed_time(bad).has_value()) << bad;
  EXPECT_FALSE(parse_since("2026").has_value());
  EXPECT_FALSE(parse_since("Mon, 30 Nov 2026 00:00:00 GMT").has_value());
  EXPECT_EQ(parse_since("2026-11-30"), nov30);
}

}  // namespace
}  // namespace credcheck
