#include <gtest/gtest.h>

#include "checker/rules/rules_test_util.h"

namespace credcheck {
namespace {

using test::check;

const char* kParams =
    "name: ['CC BY 4\\.0', '(?i)creative commons attribution 4\\.0', '知识共享署名 ?4\\.0']\n"
    "link: 'creativecommons\\.org/licenses/by/4\\.0'\n"
    "expected: CC BY 4.0, linked to https://creativecommons.org/licenses/by/4.0/";

TEST(LicenceNoticeTest, NamedAndLinkedPasses) {
  auto rule = test::make_rule("licence-notice", kParams);
  Fields page;
  page.text = "正文第一段。\n本文采用知识共享署名 4.0 国际许可协议。";
  page.links = {{"许可协议", "https://creativecommons.org/licenses/by/4.0/deed.zh"}};
  EXPECT_TRUE(check(*rule, page).empty());
  page.text = "正文。";  // named in the link's text instead
  page.links = {{"CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"}};
  EXPECT_TRUE(check(*rule, page).empty());
}

TEST(LicenceNoticeTest, EachMissingHalfIsSaid) {
  auto rule = test::make_rule("licence-notice", kParams);
  Fields page;
  page.text = "Body.\nThis work is licensed under Creative Commons Attribution 4.0.";
  auto f = check(*rule, page);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].message, "the message (the licence is named but not linked)");
  EXPECT_EQ(f[0].evidence, "This work is licensed under Creative Commons Attribution 4.0.");
  EXPECT_EQ(f[0].expected, "CC BY 4.0, linked to https://creativecommons.org/licenses/by/4.0/");
  page.text = "Body.";
  page.links = {{"licence", "https://creativecommons.org/licenses/by/4.0/"}};
  f = check(*rule, page);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].message, "the message (the licence is linked but not named)");
  page.links = {{"licence", "https://creativecommons.org/licenses/by-nd/4.0/"}};
  f = check(*rule, page);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].message, "the message (no licence named or linked)");
}

TEST(LicenceNoticeTest, ParametersAreChecked) {
  EXPECT_EQ(test::build_error("licence-notice", "link: a\nexpected: x"),
            "1:1: missing key 'name' (RE2 patterns)");
  EXPECT_EQ(test::build_error("licence-notice", "name: a\nlink: '('\nexpected: x"),
            "2:7: invalid RE2 pattern '(': missing ): (");
  EXPECT_EQ(test::build_error("licence-notice", "name: a\nlink: b"),
            "1:1: missing key 'expected' (a string)");
}

TEST(LicenceNoticeTest, TheDetailInChinese) {
  auto rule = test::make_rule("licence-notice", kParams);
  rule->set_language("zh");
  Fields page;
  page.text = "正文。";
  auto f = check(*rule, page);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].message, "the message（未注明许可协议，也未链接）");
}

}  // namespace
}  // namespace credcheck
