// Sitemaps, sitemap indexes (one gzipped), RSS and Atom feeds served on 127.0.0.1 expand
// into their pages; broken ones become one unchecked result each; `index build` reads them too.
#include <gtest/gtest.h>

#include "tests/support/gzip.h"
#include <nlohmann/json.hpp>

#include <sstream>

#include "tests/support/files.h"
#include "tests/support/local_http_server.h"
#include "tests/support/run_binary.h"
#include "tests/support/xijiang.h"

namespace credcheck {
namespace {

using nlohmann::json;
using test_support::LocalHttpServer;
using test_support::run_credcheck;
using test_support::TempDir;
using test_support::gzip;


class Feeds : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(server_.ok()) << server_.error();
    ASSERT_GT(server_.serve_directory(test_support::kReprints, "text/html", "/news/"), 20u);
    pack_ = test_support::licensed_pack("127.0.0.1");
    const std::string xml = "application/xml";
    server_.add("/sitemap_index.xml",
                {.content_type = xml,
                 .body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                         "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                         "<sitemap><loc>" + u("/sitemap-1.xml.gz") + "</loc></sitemap>"
                         "<sitemap><loc>" + u("/sitemap-2.xml") + "</loc><lastmod>2026-11-20</lastmod></sitemap>"
                         "</sitemapindex>"});
    server_.add("/sitemap-1.xml.gz",
                {.content_type = "application/gzip",
                 .body = gzip(urlset({{"/news/compliant.html", "2026-11-01"}, {"/news/missing-source.html", "2026-11-25"}}))});
    server_.add("/sitemap-2.xml", {.content_type = xml, .body = urlset({{"/news/name-misuse.html", ""}})});
    server_.add("/rss.xml",
                {.content_type = "application/rss+xml",
                 .body = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>某市新闻</title>"
                         "<item><title>一</title><link>" + u("/news/compliant.html") +
                         "</link><pubDate>Sun, 01 Nov 2026 02:00:00 +0800</pubDate></item>"
                         "<item><title>二</title><link>" + u("/news/byline-missing.html") +
                         "</link><pubDate>Wed, 25 Nov 2026 10:00:00 +0800</pubDate></item>"
                         "<item><title>三</title><link>" + u("/news/missing-source.html") + "</link></item>"
                         "</channel></rss>"});
    server_.add("/atom.xml",
                {.content_type = "application/atom+xml",
                 .body = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title>"
                         "<entry><title>a</title><link rel=\"alternate\" href=\"/news/compliant.html\"/>"
                         "<updated>2026-11-30T00:00:00Z</updated></entry></feed>"});
    // Broken lists.
    server_.add("/broken-index.xml",
                {.content_type = xml,
                 .body = "<sitemapindex><sitemap><loc>" + u("/gone.xml") + "</loc></sitemap>"
                         "<sitemap><loc>" + u("/truncated.xml") + "</loc></sitemap>"
                         "<sitemap><loc>" + u("/bomb.xml.gz") + "</loc></sitemap>"
                         "<sitemap><loc>" + u("/sitemap-2.xml") + "</loc></sitemap></sitemapindex>"});
    server_.add("/gone.xml", {.status = 404, .body = "not here"});
    server_.add("/truncated.xml", {.content_type = xml, .body = "<urlset><url><loc>" + u("/news/compliant.html")});
    server_.add("/bomb.xml.gz", {.content_type = "application/gzip", .body = gzip(std::string(60 << 20, ' '))});
    // A sitemap at a URL that does not look like one.
    server_.add("/list", {.content_type = xml, .body = urlset({{"/news/compliant.html", ""}})});
  }

  std::string u(const std::string& path) const { return server_.url(path); }
  std::string urlset(const std::vector<std::pair<std::string, std::string>>& pages) const {
    std::string s = "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">";
    for (const auto& [path, lastmod] : pages)
      s += "<url><loc>" + u(path) + "</loc>" + (lastmod.empty() ? "" : "<lastmod>" + lastmod + "</lastmod>") + "</url>";
    return s + "</urlset>";
  }

  json scan(std::vector<std::string> extra, int* code, std::string* err = nullptr) {
    std::vector<std::string> args = {"scan", "--rules", pack_, "--original", test_support::kOriginals,
                                     "--allow-private", "--timeout", "20", "-f", "json", "-q",
                                     "--base-url", u("/news/")};
    args.insert(args.end(), extra.begin(), extra.end());
    auto r = run_credcheck(args);
    *code = r.code;
    if (err) *err = r.err;
    json j = json::parse(r.out, nullptr, false);
    EXPECT_FALSE(j.is_discarded()) << r.err;
    return j;
  }

  // input -> listed_in, status, reason of each result, in order.
  static std::vector<std::string> rows(const json& report) {
    std::vector<std::string> out;
    for (const json& r : report["results"])
      out.push_back(r["input"].get<std::string>() + " <" +
                    (r["listed_in"].is_null() ? std::string("-") : r["listed_in"].get<std::string>()) + "> " +
                    r["status"].get<std::string>());
    return out;
  }

  LocalHttpServer server_;
  std::string pack_;
};

TEST_F(Feeds, SitemapIndexWithAGzippedSitemapExpandsInOrder) {
  int code;
  json j = scan({test_support::kCompliant, u("/sitemap_index.xml")}, &code);
  EXPECT_EQ(rows(j), (std::vector<std::string>{
                         test_support::kCompliant + " <-> compliant",
                         u("/news/compliant.html") + " <" + u("/sitemap-1.xml.gz") + "> compliant",
                         u("/news/missing-source.html") + " <" + u("/sitemap-1.xml.gz") + "> violation",
                         u("/news/name-misuse.html") + " <" + u("/sitemap-2.xml") + "> violation"}));
  EXPECT_EQ(j["summary"]["inputs"], 4);
  EXPECT_EQ(code, 1);
}

TEST_F(Feeds, RssAndAtomFeedsWithSince) {
  int code;
  json j = scan({"--feed", u("/rss.xml"), "--since", "2026-11-10", u("/atom.xml")}, &code);
  // The RSS entry of 1 November is older than --since; the undated one is kept.
  EXPECT_EQ(rows(j), (std::vector<std::string>{
                         u("/news/byline-missing.html") + " <" + u("/rss.xml") + "> violation",
                         u("/news/missing-source.html") + " <" + u("/rss.xml") + "> violation",
                         u("/news/compliant.html") + " <" + u("/atom.xml") + "> compliant"}));
  // --since applies to sitemaps too: only the page of 25 November and the undated one.
  j = scan({"--sitemap", u("/sitemap_index.xml"), "--since", "2026-11-10"}, &code);
  EXPECT_EQ(rows(j), (std::vector<std::string>{
                         u("/news/missing-source.html") + " <" + u("/sitemap-1.xml.gz") + "> violation",
                         u("/news/name-misuse.html") + " <" + u("/sitemap-2.xml") + "> violation"}));
}

TEST_F(Feeds, BrokenListsAreOneUncheckedResultEachAndTheRestGoesOn) {
  int code;
  json j = scan({u("/broken-index.xml"), test_support::kCompliant}, &code);
  ASSERT_EQ(j["results"].size(), 5u) << j.dump(1);
  const json& r = j["results"];
  EXPECT_EQ(r[0]["input"], u("/gone.xml"));
  EXPECT_EQ(r[0]["status"], "unchecked");
  EXPECT_EQ(r[0]["listed_in"], u("/broken-index.xml"));
  EXPECT_NE(r[0]["reason"].get<std::string>().find("404"), std::string::npos) << r[0]["reason"];
  EXPECT_EQ(r[1]["input"], u("/truncated.xml"));
  EXPECT_NE(r[1]["reason"].get<std::string>().find("not a readable sitemap or feed"), std::string::npos) << r[1]["reason"];
  EXPECT_EQ(r[2]["input"], u("/bomb.xml.gz"));
  EXPECT_NE(r[2]["reason"].get<std::string>().find("inflates past"), std::string::npos) << r[2]["reason"];
  EXPECT_EQ(r[3]["input"], u("/news/name-misuse.html"));
  EXPECT_EQ(r[3]["status"], "violation");
  EXPECT_EQ(r[4]["input"], test_support::kCompliant);
  EXPECT_EQ(r[4]["status"], "compliant");
  EXPECT_EQ(code, 1);  // findings outrank unchecked inputs

  // A list that is not one, given as --sitemap; a sitemap at a page-like URL.
  j = scan({"--sitemap", u("/news/compliant.html"), u("/list")}, &code);
  ASSERT_EQ(j["results"].size(), 2u);
  EXPECT_NE(j["results"][0]["reason"].get<std::string>().find(": not a readable sitemap or feed"), std::string::npos)
      << j["results"][0]["reason"];
  EXPECT_NE(j["results"][1]["reason"].get<std::string>().find("a sitemap, not a page; give it with --sitemap"),
            std::string::npos)
      << j["results"][1]["reason"];
  EXPECT_EQ(code, 3);
  j = scan({"--sitemap", u("/list")}, &code);
  EXPECT_EQ(rows(j), (std::vector<std::string>{u("/news/compliant.html") + " <" + u("/list") + "> compliant"}));
}

TEST_F(Feeds, OtherFormatsCarryTheList) {
  TempDir dir;
  auto r = run_credcheck({"scan", "--rules", pack_, "--original", test_support::kOriginals, "--allow-private",
                          "-q", "-f", "csv", "--report", "jsonl=" + dir.path("r.jsonl"), u("/sitemap-2.xml")});
  EXPECT_NE(r.out.find(",original,listed_in,"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("," + u("/sitemap-2.xml") + ","), std::string::npos) << r.out;
  json line = json::parse(test_support::slurp(dir.path("r.jsonl")), nullptr, false);
  ASSERT_FALSE(line.is_discarded());
  EXPECT_EQ(line["listed_in"], u("/sitemap-2.xml"));
  // Re-rendered from the saved JSONL, the list is still there.
  auto again = run_credcheck({"report", "--in", dir.path("r.jsonl"), "--format", "json"});
  json back = json::parse(again.out, nullptr, false);
  ASSERT_FALSE(back.is_discarded()) << again.err;
  EXPECT_EQ(back["results"][0]["listed_in"], u("/sitemap-2.xml"));
}

TEST_F(Feeds, ExtractReadsAFeedAndNamesItOnEachLine) {
  auto r = run_credcheck({"extract", "--allow-private", "--feed", u("/atom.xml"), test_support::kCompliant});
  ASSERT_EQ(r.code, 0) << r.err;
  std::vector<json> lines;
  std::istringstream in(r.out);
  for (std::string line; std::getline(in, line);) lines.push_back(json::parse(line));
  ASSERT_EQ(lines.size(), 2u) << r.out;
  EXPECT_EQ(lines[0]["input"], u("/news/compliant.html"));
  EXPECT_EQ(lines[0]["listed_in"], u("/atom.xml"));
  EXPECT_FALSE(lines[0]["title"].get<std::string>().empty());
  EXPECT_EQ(lines[1]["input"], test_support::kCompliant);
  EXPECT_FALSE(lines[1].contains("listed_in"));
  auto none = run_credcheck({"extract"});
  EXPECT_EQ(none.code, 2);
  EXPECT_NE(none.err.find("--sitemap or --feed"), std::string::npos) << none.err;
  auto since = run_credcheck({"scan", "--rules", pack_, "--since", "last week", test_support::kCompliant});
  EXPECT_EQ(since.code, 2);
  EXPECT_NE(since.err.find("expected a date like 2026-11-01"), std::string::npos) << since.err;
}

TEST_F(Feeds, IndexBuildReadsTheOriginalsFromASitemap) {
  TempDir dir;
  server_.serve_directory(test_support::kOriginals, "text/html", "/orig/");
  std::string originals;
  for (const auto& e : std::filesystem::directory_iterator(test_support::kOriginals))
    if (e.path().extension() == ".html") originals += "<url><loc>" + u("/orig/" + e.path().filename().string()) + "</loc></url>";
  ASSERT_FALSE(originals.empty());
  server_.add("/orig-sitemap.xml.gz", {.content_type = "application/gzip", .body = gzip("<urlset>" + originals + "</urlset>")});
  std::string db = dir.path("orig.db");
  auto b = run_credcheck({"index", "build", "--db", db, "--allow-private", u("/orig-sitemap.xml.gz")});
  ASSERT_EQ(b.code, 0) << b.err;
  auto s = run_credcheck({"index", "stats", "--db", db});
  size_t n = 0;
  for (const auto& e : std::filesystem::directory_iterator(test_support::kOriginals)) n += e.path().extension() == ".html";
  EXPECT_NE(s.out.find("originals: " + std::to_string(n) + "\n"), std::string::npos) << s.out;
  // The index built from the sitemap judges like the originals read from files.
  auto scanned = run_credcheck({"scan", "--rules", pack_, "--originals", db, "-f", "json", "-q",
                                "--base-url", u("/news/"), test_support::kCompliant, test_support::kMissingSource});
  json j = json::parse(scanned.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << scanned.err;
  EXPECT_EQ(j["results"][0]["status"], "compliant");
  EXPECT_EQ(j["results"][1]["status"], "violation");
  // A broken list stops the build with its name: an index missing originals would report false misuse.
  auto bad = run_credcheck({"index", "build", "--db", dir.path("bad.db"), "--allow-private", "--sitemap", u("/broken-index.xml")});
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.err.find(u("/gone.xml")), std::string::npos) << bad.err;
}

}  // namespace
}  // namespace credcheck
