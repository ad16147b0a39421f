#include <gtest/gtest.h>

#include "checker/rules/rules_test_util.h"

namespace credcheck {
namespace {

using test::check;

const char* kOriginal =
    "Researchers measured how far river dolphins travel between the wet and dry seasons.\n"
    "They fitted small tags to twelve animals and followed them for two full years.\n"
    "The animals covered far more ground than anyone had expected from earlier surveys.\n"
    "That matters because new dams would cut the river into pieces the animals cannot cross.";

TEST(TextUnchangedTest, HouseStyleChangesPassEditsDoNot) {
  auto rule = test::make_rule("text-unchanged", "max_changed: 5%\nignore: '(?i)republished from'");
  Fields original, page;
  original.text = kOriginal;
  page.text = std::string(kOriginal) + "\nThis article is republished from Example under a licence.";
  EXPECT_TRUE(check(*rule, page, &original).empty());  // the notice line is ignored
  page.text = kOriginal;
  page.text.replace(page.text.find("twelve"), 6, "12");  // a tiny edit stays under 5%
  EXPECT_TRUE(check(*rule, page, &original).empty());
  page.text = std::string(kOriginal).substr(0, std::string(kOriginal).rfind('\n')) +
              "\nCritics say the study was paid for by the dam builders and cannot be trusted.";
  auto f = check(*rule, page, &original);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].evidence,
            "Critics say the study was paid for by the dam builders and cannot be trusted.");
  EXPECT_EQ(f[0].location, "text");
  EXPECT_NE(f[0].message.find("of the text changed"), std::string::npos) << f[0].message;
}

TEST(TextUnchangedTest, ACutIsAChangeAndNamesTheLostLine) {
  auto rule = test::make_rule("text-unchanged", "max_changed: 0.05");
  Fields original, page;
  original.text = kOriginal;
  page.text = std::string(kOriginal).substr(0, std::string(kOriginal).rfind('\n'));
  auto f = check(*rule, page, &original);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].evidence, "");
  EXPECT_EQ(f[0].expected,
            "the original's text, with: That matters because new dams would cut the river into "
            "pieces the animals cannot cross.");
}

TEST(TextUnchangedTest, ChangesAreAllowedWhenThePageSaysSo) {
  auto rule = test::make_rule("text-unchanged", "max_changed: 5%\nunless_stated: '有删改|经编辑'");
  Fields original, page;
  original.text = kOriginal;
  page.text = std::string(kOriginal).substr(0, std::string(kOriginal).rfind('\n'));
  EXPECT_EQ(check(*rule, page, &original).size(), 1u);
  page.text += "\n（本文有删改）";
  EXPECT_TRUE(check(*rule, page, &original).empty());
}

TEST(TextUnchangedTest, ParametersAreChecked) {
  EXPECT_EQ(test::build_error("text-unchanged", "{}"),
            "1:1: missing key 'max_changed' (a share such as 5% or 0.05)");
  EXPECT_EQ(test::build_error("text-unchanged", "max_changed: 150%"),
            "1:14: 'max_changed' must be a share between 0 and 1, written 5% or 0.05");
  EXPECT_EQ(test::build_error("text-unchanged", "max_changed: lots"),
            "1:14: 'max_changed' must be a share between 0 and 1, written 5% or 0.05");
  EXPECT_EQ(test::build_error("text-unchanged", "max_changed: 5%\nignore: []"),
            "2:9: 'ignore' must be an RE2 pattern or a list of them");
}

TEST(TextUnchangedTest, TheDetailInChinese) {
  auto rule = test::make_rule("text-unchanged", "max_changed: 0.05");
  rule->set_language("zh");
  Fields original, page;
  original.text = kOriginal;
  page.text = std::string(kOriginal).substr(0, std::string(kOriginal).rfind('\n'));
  auto f = check(*rule, page, &original);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0].message.find("the message（正文改动 "), std::string::npos) << f[0].message;
  EXPECT_NE(f[0].message.find("），超过 5%）"), std::string::npos) << f[0].message;
  EXPECT_EQ(f[0].expected.rfind("原文的正文，包括：", 0), 0u) << f[0].expected;
}

}  // namespace
}  // namespace credcheck
