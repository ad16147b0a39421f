#include <gtest/gtest.h>

#include "checker/rules/rules_test_util.h"

namespace credcheck {
namespace {

using test::check;

TEST(MirrorCopyTest, ThePublishersPageWholeUnderItsNameIsAMirror) {
  auto rule = test::make_rule("mirror-copy");
  Fields original = test::xijiang_original();
  Fields page = original;
  page.site_name = "西江网";
  auto f = check(*rule, page, &original, "mirror.example.net");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].message,
            "the message (the publisher's page, whole, under the name 西江网 on mirror.example.net)");
  EXPECT_EQ(f[0].evidence, "西江网");
  EXPECT_EQ(f[0].location, "site_name");
}

TEST(MirrorCopyTest, AReprintUnderItsOwnNameOrAnExcerptIsNot) {
  auto rule = test::make_rule("mirror-copy");
  Fields original = test::xijiang_original();
  Fields page = original;
  page.site_name = "粤西新闻网";  // a full reprint, but the reprinter's own page
  EXPECT_TRUE(check(*rule, page, &original).empty());
  page.site_name = "西江網";
  page.text = original.text.substr(0, original.text.find('\n'));  // a third of the text
  EXPECT_TRUE(check(*rule, page, &original).empty());
}

TEST(MirrorCopyTest, Parameters) {
  EXPECT_EQ(test::build_error("mirror-copy", "min_copied: 2"),
            "1:13: 'min_copied' must be a share between 0 and 1, written 5% or 0.05");
  EXPECT_EQ(test::build_error("mirror-copy", "min_copied: 80%"), "");
}

TEST(MirrorCopyTest, TheDetailInChinese) {
  auto rule = test::make_rule("mirror-copy");
  rule->set_language("zh");
  Fields original = test::xijiang_original();
  Fields page = original;
  page.site_name = "西江网";
  auto f = check(*rule, page, &original, "mirror.example.net");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].message, "the message（mirror.example.net 上以“西江网”之名整页照搬发布者的页面）");
  EXPECT_EQ(f[0].expected, "其他域名上不得有发布者页面的副本");
}

}  // namespace
}  // namespace credcheck
