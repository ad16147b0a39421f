// --lang: a report reads in one language, the pack's messages and the rules' details alike.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/support/run_binary.h"
#include "tests/support/xijiang.h"

namespace credcheck {
namespace {

using nlohmann::json;
using test_support::kMissingSource;
using test_support::partner_scan;
using test_support::run_credcheck;

json scan(const std::vector<std::string>& extra) {
  std::vector<std::string> args = partner_scan();
  args.insert(args.end(), extra.begin(), extra.end());
  args.push_back(kMissingSource);
  auto r = run_credcheck(args);
  EXPECT_EQ(r.code, 1) << r.err;
  return json::parse(r.out, nullptr, false);
}

TEST(Lang, TheDefaultIsThePacksChineseAndEnglishIsAsked) {
  json zh = scan({"--format", "json"});
  json en = scan({"--format", "json", "--lang", "en"});
  ASSERT_FALSE(zh.is_discarded() || en.is_discarded());
  const json& fz = zh["results"][0]["findings"];
  const json& fe = en["results"][0]["findings"];
  ASSERT_EQ(fz.size(), fe.size());
  ASSERT_FALSE(fz.empty());
  for (size_t i = 0; i < fz.size(); ++i) {
    std::string mz = fz[i]["message"], me = fe[i]["message"];
    EXPECT_EQ(fz[i]["rule"], fe[i]["rule"]);
    EXPECT_EQ(fz[i]["evidence"], fe[i]["evidence"]);  // evidence quotes the page in any language
    EXPECT_NE(mz.find("（"), std::string::npos) << mz;  // the detail in Chinese brackets
    EXPECT_EQ(mz.find(" ("), std::string::npos) << mz;
    EXPECT_NE(me.find(" ("), std::string::npos) << me;
    EXPECT_EQ(me.find("须"), std::string::npos) << me;  // no Chinese message text
  }
  // The rules the report lists read in the same language.
  EXPECT_EQ(en["rules"][1]["message"], "A reprint must state the source as “来源：西江日报”");
  EXPECT_EQ(zh["rules"][1]["message"], "转载须注明来源“来源：西江日报”");
  auto bad = run_credcheck({"scan", "--rules", test_support::kPack, "--lang", "fr", kMissingSource});
  EXPECT_EQ(bad.code, 2);
}

// The report's own words follow the language too: md, html and text read in the pack's
// Chinese by default and in English with --lang en; `report --in` keeps the saved
// report's language unless told otherwise.
TEST(Lang, ReportLabelsAndReasonsFollowTheLanguage) {
  test_support::TempDir dir;
  std::vector<std::string> args = partner_scan();
  args.insert(args.end(), {"-q", "--output", dir.path("zh.json"), "--report", "md=" + dir.path("zh.md"),
                           "--report", "html=" + dir.path("zh.html"), "--report", "text=" + dir.path("zh.txt"),
                           kMissingSource, test_support::kCompliant, "fixtures/no-such-page.html"});
  auto r = run_credcheck(args);
  EXPECT_EQ(r.code, 1) << r.err;
  std::string md = test_support::slurp(dir.path("zh.md"));
  EXPECT_NE(md.find("| 违规 | 1 |"), std::string::npos) << md;
  EXPECT_NE(md.find("### 未检查 (1)"), std::string::npos) << md;
  EXPECT_EQ(md.find("| violation |"), std::string::npos) << md;
  std::string html = test_support::slurp(dir.path("zh.html"));
  EXPECT_NE(html.find("<html lang=\"zh\">"), std::string::npos);
  EXPECT_NE(html.find("<th>证据</th>"), std::string::npos);
  EXPECT_NE(html.find("违反 source-credit"), std::string::npos);  // the engine's reason, translated
  std::string text = test_support::slurp(dir.path("zh.txt"));
  EXPECT_NE(text.find("3 个输入：1 个合规，1 个违规，1 个未检查"), std::string::npos) << text;
  // Re-rendered from the saved JSON: Chinese as saved, English when asked.
  auto again = run_credcheck({"report", "--in", dir.path("zh.json"), "--format", "md"});
  EXPECT_NE(again.out.find("| 违规 | 1 |"), std::string::npos) << again.out << again.err;
  auto en = run_credcheck({"report", "--in", dir.path("zh.json"), "--format", "md", "--lang", "en"});
  EXPECT_NE(en.out.find("| violation | 1 |"), std::string::npos) << en.out << en.err;
  EXPECT_NE(en.out.find("### Unchecked (1)"), std::string::npos) << en.out;
}

}  // namespace
}  // namespace credcheck
