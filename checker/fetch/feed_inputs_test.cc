// Lists among the inputs expand into their pages, as the scan goes, without losing any.
#include "checker/fetch/feed_inputs.h"

#include <gtest/gtest.h>

#include "tests/support/gzip.h"

#include <fstream>
#include <map>

#include "checker/fetch/feed_time.h"
#include "tests/support/files.h"

namespace credcheck {


namespace {

using test_support::TempDir;

// Serves bodies from a map and counts the fetches; an unknown URL is a 404.
class MapFetcher : public Fetcher {
 public:
  bool fetch(const std::string& url, Document* doc, std::string* err) override {
    fetched.push_back(url);
    auto it = bodies.find(url);
    if (it == bodies.end()) {
      *err = url + ": HTTP 404";
      return false;
    }
    doc->url = url;
    doc->bytes = it->second;
    return true;
  }
  std::map<std::string, std::string> bodies;
  std::vector<std::string> fetched;
};

std::string urlset(const std::vector<std::pair<std::string, std::string>>& pages) {
  std::string s = "<?xml version=\"1.0\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  for (const auto& [loc, lastmod] : pages)
    s += "<url><loc>" + loc + "</loc>" + (lastmod.empty() ? "" : "<lastmod>" + lastmod + "</lastmod>") + "</url>\n";
  return s + "</urlset>\n";
}

std::string index_of(const std::vector<std::string>& sitemaps) {
  std::string s = "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">";
  for (const auto& loc : sitemaps) s += "<sitemap><loc>" + loc + "</loc></sitemap>";
  return s + "</sitemapindex>";
}

struct Run {
  std::vector<Input> inputs;
};

// The inputs `args` (already expanded by InputSource: one Input per string, URLs and files).
std::vector<Input> expand(const std::vector<std::string>& args, MapFetcher& fetcher, FeedOptions options = {}) {
  size_t at = 0;
  auto inner = [&](Input* in) {
    if (at >= args.size()) return false;
    *in = Input{};
    in->spec = args[at++];
    in->is_url = is_http_url(in->spec);
    return true;
  };
  FeedExpander expander(inner, FetchOptions{}, options, &fetcher);
  std::vector<Input> out;
  for (Input in; expander.next(&in);) out.push_back(in);
  return out;
}

std::string describe(const Input& in) {
  return in.spec + (in.error.empty() ? "" : " !" + in.error) + (in.listed_in.empty() ? "" : " <" + in.listed_in);
}

TEST(FeedInputs, IndexOfGzippedAndPlainSitemapsInOrder) {
  MapFetcher f;
  f.bodies["https://x.example/sitemap_index.xml"] =
      index_of({"https://x.example/s1.xml.gz", "https://x.example/s2.xml"});
  f.bodies["https://x.example/s1.xml.gz"] = test_support::gzip(urlset({{"https://x.example/1.html", ""}, {"https://x.example/2.html", ""}}));
  f.bodies["https://x.example/s2.xml"] = urlset({{"https://x.example/3.html", ""}});
  std::vector<Input> got = expand({"https://x.example/a.html", "https://x.example/sitemap_index.xml",
                                   "https://x.example/b.html"}, f);
  std::vector<std::string> seen;
  for (const Input& in : got) seen.push_back(describe(in));
  EXPECT_EQ(seen, (std::vector<std::string>{
                      "https://x.example/a.html",
                      "https://x.example/1.html <https://x.example/s1.xml.gz",
                      "https://x.example/2.html <https://x.example/s1.xml.gz",
                      "https://x.example/3.html <https://x.example/s2.xml",
                      "https://x.example/b.html"}));
  for (const Input& in : got) EXPECT_TRUE(in.is_url);
  // Pages are not fetched here, only the lists (and nothing twice).
  EXPECT_EQ(f.fetched, (std::vector<std::string>{"https://x.example/sitemap_index.xml",
                                                 "https://x.example/s1.xml.gz", "https://x.example/s2.xml"}));
}

TEST(FeedInputs, StreamsOneSitemapAtATime) {
  MapFetcher f;
  f.bodies["https://x.example/sitemap.xml"] = index_of({"https://x.example/s1.xml", "https://x.example/s2.xml"});
  f.bodies["https://x.example/s1.xml"] = urlset({{"https://x.example/1.html", ""}, {"https://x.example/2.html", ""}});
  f.bodies["https://x.example/s2.xml"] = urlset({{"https://x.example/3.html", ""}});
  std::vector<std::string> args{"https://x.example/sitemap.xml"};
  size_t at = 0;
  FeedExpander e([&](Input* in) {
    if (at >= args.size()) return false;
    *in = Input{args[at], true, ""};
    ++at;
    return true;
  }, FetchOptions{}, FeedOptions{}, &f);
  Input in;
  ASSERT_TRUE(e.next(&in));
  EXPECT_EQ(in.spec, "https://x.example/1.html");
  EXPECT_EQ(f.fetched.size(), 2u);  // the index and the first sitemap, not the second yet
  ASSERT_TRUE(e.next(&in));
  ASSERT_TRUE(e.next(&in));
  EXPECT_EQ(in.spec, "https://x.example/3.html");
  EXPECT_EQ(f.fetched.size(), 3u);
  EXPECT_FALSE(e.next(&in));
  EXPECT_TRUE(e.expanded());
}

TEST(FeedInputs, BrokenListsBecomeOneErrorInputEach) {
  MapFetcher f;
  f.bodies["https://x.example/sitemap.xml"] = index_of(
      {"https://x.example/missing.xml", "https://x.example/broken.xml", "https://x.example/bomb.xml.gz",
       "file:///etc/passwd", "https://x.example/ok.xml"});
  f.bodies["https://x.example/broken.xml"] = "<urlset><url><loc>https://x.example/9.html</loc>";
  f.bodies["https://x.example/bomb.xml.gz"] = test_support::gzip(std::string(3 << 20, ' '));
  f.bodies["https://x.example/ok.xml"] = urlset({{"https://x.example/1.html", ""}, {"javascript:alert(1)", ""}});
  FeedOptions o;
  o.max_list_bytes = 1 << 20;
  std::vector<Input> got = expand({"https://x.example/sitemap.xml"}, f, o);
  ASSERT_EQ(got.size(), 6u);
  EXPECT_EQ(got[0].spec, "https://x.example/missing.xml");
  EXPECT_NE(got[0].error.find("HTTP 404"), std::string::npos);
  EXPECT_EQ(got[0].listed_in, "https://x.example/sitemap.xml");
  EXPECT_NE(got[1].error.find("not a readable sitemap or feed: XML error"), std::string::npos) << got[1].error;
  EXPECT_NE(got[2].error.find("inflates past 1048576 bytes"), std::string::npos) << got[2].error;
  EXPECT_NE(got[3].error.find("not an http(s) URL"), std::string::npos) << got[3].error;
  EXPECT_EQ(describe(got[4]), "https://x.example/1.html <https://x.example/ok.xml");
  EXPECT_NE(got[5].error.find("not an http(s) URL"), std::string::npos);
  EXPECT_EQ(std::count(f.fetched.begin(), f.fetched.end(), "file:///etc/passwd"), 0);
}

TEST(FeedInputs, DepthLoopsAndUrlCountAreBounded) {
  MapFetcher f;
  f.bodies["https://x.example/a.xml"] = index_of({"https://x.example/b.xml", "https://x.example/a.xml"});
  f.bodies["https://x.example/b.xml"] = index_of({"https://x.example/c.xml"});
  f.bodies["https://x.example/c.xml"] = index_of({"https://x.example/d.xml"});
  f.bodies["https://x.example/d.xml"] = urlset({{"https://x.example/1.html", ""}});
  FeedOptions o;
  o.max_depth = 2;
  std::vector<Input> got = expand({"https://x.example/a.xml"}, f, o);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].spec, "https://x.example/d.xml");
  EXPECT_NE(got[0].error.find("nested deeper than 2 levels"), std::string::npos) << got[0].error;
  EXPECT_EQ(got[1].spec, "https://x.example/a.xml");
  EXPECT_NE(got[1].error.find("already read"), std::string::npos) << got[1].error;

  f.bodies["https://x.example/many.xml"] = urlset({{"https://x.example/1.html", ""}, {"https://x.example/2.html", ""},
                                                   {"https://x.example/3.html", ""}});
  o.max_urls = 2;
  got = expand({"https://x.example/many.xml", "https://x.example/after.html"}, f, o);
  ASSERT_EQ(got.size(), 4u);
  EXPECT_EQ(got[1].spec, "https://x.example/2.html");
  EXPECT_EQ(got[2].spec, "https://x.example/many.xml");
  EXPECT_NE(got[2].error.find("lists more than 2 pages"), std::string::npos) << got[2].error;
  EXPECT_EQ(got[3].spec, "https://x.example/after.html");
}

TEST(FeedInputs, SinceKeepsLaterAndUndatedEntries) {
  MapFetcher f;
  f.bodies["https://x.example/feed"] = R"(<rss version="2.0"><channel>
<item><link>https://x.example/old.html</link><pubDate>Sun, 01 Nov 2026 00:00:00 GMT</pubDate></item>
<item><link>https://x.example/new.html</link><pubDate>Mon, 30 Nov 2026 00:00:00 GMT</pubDate></item>
<item><link>https://x.example/undated.html</link></item>
<item><link>https://x.example/same-day.html</link><pubDate>Tue, 10 Nov 2026 00:00:00 GMT</pubDate></item>
</channel></rss>)";
  FeedOptions o;
  o.since = parse_since("2026-11-10");
  std::vector<Input> got = expand({"https://x.example/feed"}, f, o);
  std::vector<std::string> seen;
  for (const Input& in : got) seen.push_back(in.spec);
  EXPECT_EQ(seen, (std::vector<std::string>{"https://x.example/new.html", "https://x.example/undated.html",
                                            "https://x.example/same-day.html"}));
}

TEST(FeedInputs, DetectionByContentForFilesAndByNameThenContentForUrls) {
  TempDir dir;
  // Names that say nothing: the content decides.
  std::string sitemap = dir.file("list.txt", urlset({{"https://x.example/1.html", ""}}));
  std::string gz = dir.file("s.bin", test_support::gzip(
      R"(<feed xmlns="http://www.w3.org/2005/Atom"><entry><link href="https://x.example/2.html"/></entry></feed>)"));
  std::string page = dir.file("p.html", "<html><body>新闻</body></html>");
  // Named as a page: passed on unopened (read_page() names a list it proves to be).
  std::string saved = dir.file("saved.htm", urlset({{"https://x.example/9.html", ""}}));
  MapFetcher f;
  f.bodies["https://x.example/rss"] = "<!DOCTYPE html><html>a page after all</html>";
  std::vector<Input> got = expand({sitemap, gz, page, saved, "https://x.example/rss", "https://x.example/sitemap-news.html"}, f);
  std::vector<std::string> seen;
  for (const Input& in : got) seen.push_back(describe(in));
  EXPECT_EQ(seen, (std::vector<std::string>{"https://x.example/1.html <" + sitemap, "https://x.example/2.html <" + gz, page, saved,
                                            "https://x.example/rss", "https://x.example/sitemap-news.html !https://x.example/sitemap-news.html: HTTP 404"}));
}

TEST(FeedInputs, ForcedListsComeFirstAndMustBeTheirKind) {
  MapFetcher f;
  f.bodies["https://x.example/a"] = urlset({{"https://x.example/1.html", ""}});
  f.bodies["https://x.example/b"] = R"(<feed xmlns="http://www.w3.org/2005/Atom"><entry><link href="/2.html"/></entry></feed>)";
  f.bodies["https://x.example/c"] = "<html></html>";
  FeedOptions o;
  o.sitemaps = {"https://x.example/a", "https://x.example/b"};
  o.feeds = {"https://x.example/b", "https://x.example/a", "https://x.example/c"};
  std::vector<Input> got = expand({"https://x.example/page.html"}, f, o);
  ASSERT_EQ(got.size(), 6u);
  EXPECT_EQ(describe(got[0]), "https://x.example/1.html <https://x.example/a");
  EXPECT_NE(got[1].error.find("an Atom feed, not a sitemap (give it with --feed)"), std::string::npos) << got[1].error;
  EXPECT_EQ(describe(got[2]), "https://x.example/2.html <https://x.example/b");
  EXPECT_NE(got[3].error.find("a sitemap, not a feed"), std::string::npos) << got[3].error;
  EXPECT_NE(got[4].error.find("<html> is not a sitemap or feed"), std::string::npos) << got[4].error;
  EXPECT_EQ(got[5].spec, "https://x.example/page.html");
}

TEST(FeedInputs, UrlShapesThatNameLists) {
  for (const char* yes : {"https://x.example/sitemap.xml", "https://x.example/sitemap_index.xml.gz",
                          "https://x.example/feed", "https://x.example/feed/", "https://x.example/rss.xml",
                          "https://x.example/?feed=rss2", "https://x.example/atom.xml", "https://x.example/news.rss",
                          "https://x.example/sitemap.php", "https://x.example/index.rdf"})
    EXPECT_TRUE(url_names_list(yes)) << yes;
  for (const char* no : {"https://x.example/", "https://x.example/news/2026/1130/feed-the-city.html",
                         "https://x.example/a/1.html", "https://rss.example/a/1.shtml", "https://x.example/feedback"})
    EXPECT_FALSE(url_names_list(no)) << no;
}

}  // namespace
}  // namespace credcheck
