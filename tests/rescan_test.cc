// scan --cache: a rescan asks the server what changed (If-None-Match, If-Modified-Since)
// and reuses the result of an unchanged page. The pages are the 西江日报 fixtures served by
// tests/support/rescan_server.py on 127.0.0.1, which counts the conditional requests and
// the 304s it answered; nothing here measures time.
#include <gtest/gtest.h>

#include <map>

#include "tests/support/files.h"
#include "tests/support/python_server.h"
#include "tests/support/run_binary.h"
#include "tests/support/xijiang.h"

namespace credcheck {
namespace {

using nlohmann::json;
using test_support::PythonServer;
using test_support::run_credcheck;
using test_support::TempDir;

const std::string kServed = std::string(CREDCHECK_SOURCE_DIR) + "/fixtures/xijiang/reprints";

class Rescan : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(server.ok()); }

  // `scan --cache` as JSON; results by input. *err gets stderr.
  std::map<std::string, json> scan(const std::vector<std::string>& urls, std::vector<std::string> extra = {},
                                   std::string* err = nullptr, const std::string& pack = test_support::kPack) {
    std::vector<std::string> args = {"scan", "--rules", pack, "--original", test_support::kOriginals,
                                     "--allow-private", "-f", "json", "--cache", cache};
    args.insert(args.end(), extra.begin(), extra.end());
    args.insert(args.end(), urls.begin(), urls.end());
    auto r = run_credcheck(args);
    if (err) *err = r.err;
    json report = json::parse(r.out, nullptr, false);
    EXPECT_TRUE(report.is_object()) << r.err;
    std::map<std::string, json> by_input;
    if (report.is_object())
      for (const json& j : report["results"]) by_input[j["input"]] = j;
    EXPECT_EQ(by_input.size(), urls.size()) << r.err;
    return by_input;
  }
  int count(const char* kind, const std::string& path) const {
    json s = server.stats();
    return s.is_object() && s[kind].contains(path) ? s[kind][path].get<int>() : 0;
  }
  // A result without the reuse mark, to compare with the run that checked it.
  static json unmarked(json j) {
    j.erase("reused");
    j.erase("revalidated_at");
    return j;
  }

  PythonServer server{"rescan_server.py", {kServed}};
  TempDir dir;
  std::string cache = dir.path("cache.db");
};

TEST_F(Rescan, UnchangedPagesAreAnswered304AndTheirResultsReused) {
  const std::vector<std::string> paths = {"/etag/compliant.html", "/etag/missing-source.html",
                                          "/etag/name-misuse.html", "/lm/byline-missing.html",
                                          "/none/retitled-without-original-title.html"};
  std::vector<std::string> urls;
  for (const std::string& p : paths) urls.push_back(server.url(p));
  std::string err;
  auto first = scan(urls, {}, &err);
  EXPECT_NE(err.find("; 0 reused from the cache"), std::string::npos) << err;
  for (const std::string& p : paths) EXPECT_EQ(count("conditional", p), 0) << p;

  std::string csv = dir.path("second.csv");
  auto second = scan(urls, {"--report", "csv=" + csv}, &err);
  EXPECT_NE(err.find("; 5 reused from the cache"), std::string::npos) << err;
  for (const std::string& url : urls) {
    const json& again = second[url];
    EXPECT_EQ(again["reused"], true) << url;
    EXPECT_FALSE(again.value("revalidated_at", "").empty()) << url;
    EXPECT_NE(first[url]["status"], "unchecked") << url;
    // The same result: findings, fields, the evidence's fetch time and hash are the check's.
    EXPECT_EQ(unmarked(again), first[url]) << url;
  }
  // Pages with validators were asked for conditionally and answered 304; the page without
  // any was fetched whole, its bytes found unchanged by their SHA-256.
  for (const std::string& p : {"/etag/compliant.html", "/etag/missing-source.html", "/etag/name-misuse.html",
                               "/lm/byline-missing.html"}) {
    EXPECT_EQ(count("conditional", p), 1) << p;
    EXPECT_EQ(count("not_modified", p), 1) << p;
  }
  EXPECT_EQ(count("requests", "/none/retitled-without-original-title.html"), 2);
  EXPECT_EQ(count("conditional", "/none/retitled-without-original-title.html"), 0);
  // The CSV carries the mark where it carries the other evidence fields.
  std::string rows = test_support::slurp(csv);
  EXPECT_NE(rows.find("revalidated_at"), std::string::npos);
  EXPECT_NE(rows.find(second[urls[0]]["revalidated_at"].get<std::string>()), std::string::npos) << rows;
}

TEST_F(Rescan, APageChangedBetweenRunsIsCheckedAgain) {
  std::string changing = server.url("/etag/compliant.html"), other = server.url("/etag/missing-source.html");
  auto first = scan({changing, other});
  ASSERT_NE(first[changing]["findings"], first[other]["findings"]);
  // From now on the first URL serves the other page's bytes (a new ETag with them).
  json done = nullptr;
  {
    FetchOptions options;
    options.allow_private = true;
    Document doc;
    std::string err;
    ASSERT_TRUE(make_curl_fetcher(options)->fetch(
        server.url("/__replace?path=/etag/compliant.html&with=missing-source.html"), &doc, &err)) << err;
  }
  auto second = scan({changing, other});
  EXPECT_FALSE(second[changing].contains("reused")) << second[changing].dump();
  EXPECT_EQ(second[changing]["sha256"], first[other]["sha256"]);
  EXPECT_EQ(second[changing]["findings"], first[other]["findings"]);
  EXPECT_EQ(second[changing]["status"], first[other]["status"]);
  EXPECT_EQ(second[other]["reused"], true);
  EXPECT_EQ(count("conditional", "/etag/compliant.html"), 1);
  EXPECT_EQ(count("not_modified", "/etag/compliant.html"), 0);
  // The new check is what the next run reuses.
  auto third = scan({changing});
  EXPECT_EQ(third[changing]["reused"], true);
  EXPECT_EQ(unmarked(third[changing]), second[changing]);
}

TEST_F(Rescan, PagesNotReadAreNotKeptAndAnotherPackChecksEverythingAnew) {
  std::string page = server.url("/etag/compliant.html"), gone = server.url("/etag/no-such-page.html");
  auto first = scan({page, gone});
  EXPECT_EQ(first[gone]["status"], "unchecked");
  auto second = scan({page, gone});
  EXPECT_EQ(second[page]["reused"], true);
  EXPECT_FALSE(second[gone].contains("reused"));
  EXPECT_EQ(count("conditional", "/etag/no-such-page.html"), 0);  // nothing was kept of it

  // Another pack (here: the host licensed): the earlier result says nothing about this
  // one, so the page is fetched whole and checked.
  std::string pack = test_support::licensed_pack("127.0.0.1");
  auto other = scan({page}, {}, nullptr, pack);
  EXPECT_FALSE(other[page].contains("reused"));
  EXPECT_EQ(count("conditional", "/etag/compliant.html"), 1);  // only the second run's
  EXPECT_NE(other[page]["findings"], first[page]["findings"]);
  // Another --lang too (the findings' messages differ).
  auto english = scan({page}, {"--lang", "en"}, nullptr, pack);
  EXPECT_FALSE(english[page].contains("reused"));
  EXPECT_EQ(count("conditional", "/etag/compliant.html"), 1);
}

// A page that was read but left unchecked (here: its host licensed and no originals
// given, so no rule that runs fires and those that need an original cannot run) follows from the page and the key like any other: it is reused.
TEST_F(Rescan, APageReadButUncheckedIsReusedToo) {
  std::string page = server.url("/etag/compliant.html");
  std::vector<std::string> args = {"scan", "--rules", test_support::licensed_pack("127.0.0.1"), "--allow-private",
                                   "-f", "jsonl", "--cache", cache, page};
  json first = json::parse(run_credcheck(args).out, nullptr, false);
  auto again = run_credcheck(args);
  json second = json::parse(again.out, nullptr, false);
  ASSERT_TRUE(first.is_object() && second.is_object()) << again.err;
  EXPECT_EQ(first["status"], "unchecked");
  EXPECT_EQ(second["reused"], true);
  EXPECT_EQ(unmarked(second), first);
  EXPECT_EQ(count("not_modified", "/etag/compliant.html"), 1);
}

TEST_F(Rescan, AFileThatIsNotACacheIsRefusedBeforeAnythingIsFetched) {
  std::string bogus = dir.file("notes.db", "not a database at all\n");
  auto r = run_credcheck({"scan", "--rules", test_support::kPack, "--allow-private", "--cache", bogus,
                          server.url("/etag/compliant.html")});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--cache " + bogus + ": not a credcheck scan cache"), std::string::npos) << r.err;
  EXPECT_EQ(count("requests", "/etag/compliant.html"), 0);
  EXPECT_EQ(test_support::slurp(bogus), "not a database at all\n");
  auto mapper = run_credcheck({"scan", "--rules", test_support::kPack, "--mapper", "--cache", cache}, "");
  EXPECT_EQ(mapper.code, 2);
  EXPECT_NE(mapper.err.find("--cache applies to scan's own inputs"), std::string::npos) << mapper.err;
}

TEST_F(Rescan, TheCacheCanBeNamedInTheConfigFile) {
  std::string config = dir.file("credcheck.yaml", "cache: " + cache + "\n");
  std::string page = server.url("/lm/compliant.html");
  std::vector<std::string> args = {"scan", "--config", config, "--rules", test_support::kPack, "--allow-private",
                                   "-f", "jsonl", page};
  auto first = run_credcheck(args);
  auto second = run_credcheck(args);
  json j = json::parse(second.out, nullptr, false);
  ASSERT_TRUE(j.is_object()) << second.err;
  EXPECT_EQ(j["reused"], true) << second.err;
  EXPECT_EQ(count("not_modified", "/lm/compliant.html"), 1);
}

}  // namespace
}  // namespace credcheck
