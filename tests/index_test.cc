// End to end: `index build/add/stats/show` and scans against the index built, over
// pages written here (made-up text, never a real article).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <algorithm>
#include <map>
#include <sstream>

#include "tests/support/files.h"
#include "tests/support/run_binary.h"
#include "tests/support/xijiang.h"

namespace credcheck {
namespace {

using nlohmann::json;
using test_support::kOriginals;
using test_support::kPack;
using test_support::run_credcheck;
using test_support::TempDir;

// Made-up article text: a fixed pseudo-random draw of common characters per seed.
std::string made_up_text(uint32_t seed, size_t chars) {
  static const char* kChars[] = {"城", "市", "新", "区", "道", "路", "公", "园", "居", "民", "建", "设", "工",
                                 "程", "项", "目", "发", "展", "服", "务", "社", "会", "文", "化", "教", "育",
                                 "交", "通", "水", "利", "农", "业", "科", "技", "企", "经", "济", "环", "境",
                                 "保", "护", "安", "全", "生", "活", "健", "康", "医", "疗", "学", "校", "河"};
  std::string s;
  uint32_t x = seed * 2654435761u + 99u;
  for (size_t i = 0; i < chars; ++i) {
    x = x * 1664525u + 1013904223u;
    s += kChars[(x >> 8) % (sizeof kChars / sizeof *kChars)];
    if (i % 60 == 59) s += "。";
  }
  return s + "。";
}

std::string news_page(const std::string& title, const std::string& body, const std::string& before = "",
                      const std::string& after = "") {
  std::string paras;
  for (size_t at = 0; at < body.size();) {
    size_t end = body.find("。", at);
    end = end == std::string::npos ? body.size() : end + 3;
    paras += "<p>" + body.substr(at, end - at) + "</p>\n";
    at = end;
  }
  return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + title +
         "</title></head><body><div class=\"nav\">首页 新闻 本地</div>" + before + "<h1>" + title +
         "</h1><div class=\"info\">2024-03-08 来源：西江日报</div><div class=\"article\">" + paras + "</div>" +
         after + "<div class=\"footer\">版权所有</div></body></html>";
}

json scan_one(const std::string& db, const std::string& page) {
  auto r = run_credcheck({"scan", "--rules", kPack, "--originals", db, "-f", "jsonl", page});
  EXPECT_NE(r.code, 2) << r.err;
  std::istringstream lines(r.out);
  std::string line;
  std::getline(lines, line);
  return json::parse(line, nullptr, false);
}

class IndexEndToEnd : public ::testing::Test {
 protected:
  void SetUp() override {
    std::filesystem::create_directories(tmp.path("orig"));
    for (uint32_t i = 0; i < 30; ++i)
      tmp.file("orig/o" + std::to_string(i) + ".html",
               news_page("标题" + std::to_string(i), made_up_text(i, 600)));
    db = tmp.path("originals.db");
    auto built = run_credcheck({"index", "build", "--db", db, tmp.path("orig")});
    ASSERT_EQ(built.code, 0) << built.err;
  }
  TempDir tmp;
  std::string db;
};

TEST_F(IndexEndToEnd, StatsCountsTheOriginals) {
  auto s = run_credcheck({"index", "stats", "--db", db});
  ASSERT_EQ(s.code, 0) << s.err;
  EXPECT_NE(s.out.find("originals: 30\n"), std::string::npos) << s.out;
  EXPECT_NE(s.out.find("bytes per original: "), std::string::npos) << s.out;
}

TEST_F(IndexEndToEnd, ShowFindsAnOriginalByItsInput) {
  auto s = run_credcheck({"index", "show", "--db", db, tmp.path("orig/o7.html")});
  ASSERT_EQ(s.code, 0) << s.err;
  json j = json::parse(s.out);
  EXPECT_EQ(j["fields"]["title"], "标题7");
  auto missing = run_credcheck({"index", "show", "--db", db, "nowhere.html"});
  EXPECT_EQ(missing.code, 2);
  EXPECT_NE(missing.err.find("no original"), std::string::npos) << missing.err;
}

TEST_F(IndexEndToEnd, ScanFindsTheOriginalOfAnExcerptInOtherChrome) {
  std::string body = made_up_text(12, 600);
  std::string excerpt = body.substr(0, body.size() / 2);
  std::string page = tmp.file("copy.html", news_page("改过的标题", "编者按：" + made_up_text(500, 100) + excerpt,
                                                     "<div>当前位置：首页</div>",
                                                     "<div class=\"comments\">网友评论：好</div>"));
  json r = scan_one(db, page);
  ASSERT_TRUE(r.is_object());
  ASSERT_TRUE(r["original"].is_object()) << r.dump();
  EXPECT_EQ(std::filesystem::path(r["original"]["input"].get<std::string>()).filename(), "o12.html");
  EXPECT_GT(r["original"]["page_in_original"].get<double>(), 0.7);
  EXPECT_NEAR(r["original"]["original_in_page"].get<double>(), 0.5, 0.1);
}

TEST_F(IndexEndToEnd, PageOfItsOwnMatchesNoneAndSaysHowManyWereGiven) {
  std::string page = tmp.file("own.html", news_page("自己的稿子", made_up_text(900, 600)));
  json r = scan_one(db, page);
  ASSERT_TRUE(r.is_object());
  EXPECT_TRUE(r["original"].is_null()) << r.dump();
  EXPECT_NE(r["reason"].get<std::string>().find("30 originals"), std::string::npos) << r["reason"];
}

TEST_F(IndexEndToEnd, AddGrowsTheIndexAndReplacesByInput) {
  std::filesystem::create_directories(tmp.path("new"));
  tmp.file("new/n1.html", news_page("新稿", made_up_text(77, 500)));
  auto a = run_credcheck({"index", "add", "--db", db, tmp.path("new")});
  ASSERT_EQ(a.code, 0) << a.err;
  auto again = run_credcheck({"index", "add", "--db", db, tmp.path("new")});
  ASSERT_EQ(again.code, 0) << again.err;
  auto s = run_credcheck({"index", "stats", "--db", db});
  EXPECT_NE(s.out.find("originals: 31\n"), std::string::npos) << s.out;
  json r = scan_one(db, tmp.file("copy-new.html", news_page("转载", made_up_text(77, 500))));
  ASSERT_TRUE(r["original"].is_object()) << r.dump();
  EXPECT_EQ(std::filesystem::path(r["original"]["input"].get<std::string>()).filename(), "n1.html");
  auto missing = run_credcheck({"index", "add", "--db", tmp.path("none.db"), tmp.path("new")});
  EXPECT_EQ(missing.code, 2);
}

// made_up_text() as a Hong Kong or Taiwan portal would print it: its characters that
// have a traditional form, in that form.
std::string to_traditional(std::string s) {
  static const std::pair<const char*, const char*> kForms[] = {
      {"区", "區"}, {"园", "園"}, {"设", "設"}, {"项", "項"}, {"发", "發"}, {"务", "務"}, {"会", "會"},
      {"农", "農"}, {"业", "業"}, {"经", "經"}, {"济", "濟"}, {"环", "環"}, {"护", "護"}, {"医", "醫"},
      {"疗", "療"}, {"学", "學"}};
  for (auto [simplified, traditional] : kForms)
    for (size_t at = s.find(simplified); at != std::string::npos; at = s.find(simplified, at + 3))
      s.replace(at, 3, traditional);
  return s;
}

// The first third of a made-up text, cut at a character (each is 3 bytes).
std::string first_third(const std::string& body) { return body.substr(0, body.size() / 9 * 3); }

// Every kind of copy issue 11 names, and every kind of page that is not one, scanned in
// one run against one index.
TEST(IndexKinds, EachCopyFindsItsOriginalAndNoNonCopyFindsOne) {
  TempDir tmp;
  std::filesystem::create_directories(tmp.path("orig"));
  std::filesystem::create_directories(tmp.path("pages"));
  // A stock phrase of 40 characters that ten originals carry, and an announcement three
  // carry in full with a line of their own each.
  const std::string phrase = made_up_text(700, 40), notice = made_up_text(800, 300);
  for (uint32_t i = 0; i < 30; ++i)
    tmp.file("orig/o" + std::to_string(i) + ".html",
             news_page("标题" + std::to_string(i), (i >= 20 ? phrase : "") + made_up_text(i, 600)));
  for (uint32_t i = 0; i < 3; ++i)
    tmp.file("orig/notice" + std::to_string(i) + ".html",
             news_page("公告" + std::to_string(i), made_up_text(900 + i, 20) + notice));
  std::string db = tmp.path("originals.db");
  auto built = run_credcheck({"index", "build", "--db", db, tmp.path("orig")});
  ASSERT_EQ(built.code, 0) << built.err;

  std::map<std::string, std::string> want;  // page -> original it copies, or "" for none
  auto page = [&](const std::string& name, const std::string& html, const std::string& original) {
    tmp.file("pages/" + name + ".html", html);
    want[name + ".html"] = original;
  };
  page("retitled", news_page("全新的标题，与原题无关", made_up_text(3, 600)), "o3.html");
  page("excerpt", news_page("节选", first_third(made_up_text(4, 600))), "o4.html");
  page("wrapped",
       news_page("编辑推荐", "编者按：" + made_up_text(501, 200) + made_up_text(5, 600) + "相关阅读：" +
                                 made_up_text(502, 600)),
       "o5.html");
  page("traditional", news_page(to_traditional("标题6"), to_traditional(made_up_text(6, 600))), "o6.html");
  page("chrome",
       news_page("转载", made_up_text(7, 600), "<div class=\"crumb\">当前位置：首页 &gt; 本地</div>",
                 "<div class=\"comments\">网友评论：" + made_up_text(503, 300) + "</div>"),
       "o7.html");
  page("quotation", news_page("评论", made_up_text(504, 500) + made_up_text(8, 600).substr(0, 60 * 3)), "");
  page("phrase", news_page("本地", phrase + made_up_text(505, 500)), "");
  page("boilerplate", news_page("转发", "转发：" + notice + made_up_text(506, 30)), "");
  page("unrelated", news_page("自己的稿子", made_up_text(507, 600)), "");

  auto r = run_credcheck({"scan", "--rules", kPack, "--originals", db, "-f", "jsonl", tmp.path("pages")});
  ASSERT_NE(r.code, 2) << r.err;
  std::map<std::string, json> got;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    json j = json::parse(line, nullptr, false);
    ASSERT_TRUE(j.is_object()) << line;
    got[std::filesystem::path(j["input"].get<std::string>()).filename()] = j;
  }
  ASSERT_EQ(got.size(), want.size()) << r.out;
  for (const auto& [name, original] : want) {
    const json& j = got[name];
    if (original.empty()) {
      EXPECT_TRUE(j["original"].is_null()) << name << ": " << j["original"].dump();
      continue;
    }
    ASSERT_TRUE(j["original"].is_object()) << name << ": " << j["reason"];
    EXPECT_EQ(std::filesystem::path(j["original"]["input"].get<std::string>()).filename(), original) << name;
    // Both containments are reported, and the larger is the similarity.
    double a = j["original"]["page_in_original"], b = j["original"]["original_in_page"];
    EXPECT_DOUBLE_EQ(j["original"]["similarity"].get<double>(), std::max(a, b)) << name;
  }
  EXPECT_NEAR(got["excerpt.html"]["original"]["original_in_page"].get<double>(), 0.33, 0.06);
  EXPECT_GT(got["excerpt.html"]["original"]["page_in_original"].get<double>(), 0.95);
  EXPECT_LT(got["wrapped.html"]["original"]["page_in_original"].get<double>(), 0.5);
  // Copied about equally, the three originals that carry the announcement are all named.
  std::string reason = got["boilerplate.html"]["reason"];
  for (const char* name : {"notice0.html", "notice1.html", "notice2.html"})
    EXPECT_NE(reason.find(name), std::string::npos) << reason;
}

TEST(IndexSchema, AnIndexOfAnOlderCredcheckIsRefusedWithAdvice) {
  TempDir tmp;
  std::string db = tmp.path("old.db");
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &raw), SQLITE_OK);
  sqlite3_exec(raw, "CREATE TABLE originals(input TEXT PRIMARY KEY, url TEXT, fields TEXT, shingles BLOB)",
               nullptr, nullptr, nullptr);
  sqlite3_close(raw);
  auto r = run_credcheck({"scan", "--rules", kPack, "--originals", db, "fixtures/xijiang/reprints/compliant.html"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("rebuild it with `credcheck index build`"), std::string::npos) << r.err;
}

TEST(IndexFixtures, ScanAgainstTheIndexMatchesTheFixtureOriginal) {
  TempDir tmp;
  std::string db = tmp.path("x.db");
  ASSERT_EQ(run_credcheck({"index", "build", "--db", db, kOriginals}).code, 0);
  json r = scan_one(db, "fixtures/xijiang/reprints/compliant.html");
  ASSERT_TRUE(r["original"].is_object()) << r.dump();
  EXPECT_EQ(std::filesystem::path(r["original"]["input"].get<std::string>()).filename(), "original-greenway.html");
}

}  // namespace
}  // namespace credcheck
