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

}  // namespace
}  // namespace credcheck
