#include <gtest/gtest.h>

#include "checker/rules/rules_test_util.h"

namespace credcheck {
namespace {

using test::check;

class OriginalTitleTest : public ::testing::Test {
 protected:
  std::unique_ptr<Rule> rule = test::make_rule("original-title");
  Fields original = test::xijiang_original();
  Fields page = test::good_reprint();
};

TEST_F(OriginalTitleTest, SameHeadlineInAnyWrittenFormAsksNothing) {
  page.title = "肇慶端硯文化節開幕，游客現場體驗非遺製硯！";
  EXPECT_TRUE(check(*rule, page, &original).empty());
}

TEST_F(OriginalTitleTest, ChangedHeadlineWithoutOriginalTitle) {
  page.title = "端砚文化节来了";
  auto findings = check(*rule, page, &original);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].rule, "original-title");
  EXPECT_EQ(findings[0].message, "the message (headline changed without 原标题)");
  EXPECT_EQ(findings[0].evidence, "端砚文化节来了");
  EXPECT_EQ(findings[0].expected, "原标题：肇庆端砚文化节开幕 游客现场体验非遗制砚");
  EXPECT_EQ(findings[0].location, "title");
}

TEST_F(OriginalTitleTest, OriginalTitleNamedWithLabelOrTrailingPunctuation) {
  page.title = "端砚文化节来了";
  for (const char* named : {"肇庆端砚文化节开幕 游客现场体验非遗制砚",
                            "肇庆端砚文化节开幕 游客现场体验非遗制砚。",
                            "（原标题：肇庆端砚文化节开幕 游客现场体验非遗制砚）",
                            "本文原标题：《肇庆端砚文化节开幕 游客现场体验非遗制砚》"}) {
    page.original_title = named;
    EXPECT_TRUE(check(*rule, page, &original).empty()) << named;
  }
}

TEST_F(OriginalTitleTest, WrongOriginalTitle) {
  page.title = "端砚文化节来了";
  page.original_title = "肇庆端砚文化节开幕";
  auto findings = check(*rule, page, &original);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].message, "the message (原标题 differs from the original headline)");
  EXPECT_EQ(findings[0].evidence, "肇庆端砚文化节开幕");
  EXPECT_EQ(findings[0].expected, "原标题：肇庆端砚文化节开幕 游客现场体验非遗制砚");
  EXPECT_EQ(findings[0].location, "original_title");
}

TEST_F(OriginalTitleTest, SiteSuffixesAndLabelsAreNoChange) {
  for (const char* same : {"肇庆端砚文化节开幕，游客现场体验非遗制砚_某某网",
                           "独家|肇庆端砚文化节开幕 游客现场体验非遗制砚 - 某县融媒",
                           "【视频】肇慶端硯文化節開幕 游客現場體驗非遺製硯｜某某新闻客户端"}) {
    page.title = same;
    EXPECT_TRUE(check(*rule, page, &original).empty()) << same;
  }
  // The original's own page title may carry its site's suffix too.
  original.title += "_西江网";
  page.title = "肇庆端砚文化节开幕 游客现场体验非遗制砚";
  EXPECT_TRUE(check(*rule, page, &original).empty());
}

TEST_F(OriginalTitleTest, ChangedWordingBehindASuffixIsAChange) {
  page.title = "肇庆端砚文化节开幕 游客排队体验制砚_某某网";
  auto findings = check(*rule, page, &original);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].evidence, "肇庆端砚文化节开幕 游客排队体验制砚_某某网");
  // Named as 原标题 with the original's site suffix: that names the original headline.
  page.original_title = "原标题：肇庆端砚文化节开幕 游客现场体验非遗制砚_西江网";
  EXPECT_TRUE(check(*rule, page, &original).empty());
}

TEST_F(OriginalTitleTest, MissingHeadlineIsNoChange) {
  page.title = "";
  EXPECT_TRUE(check(*rule, page, &original).empty());
  page.title = "端砚文化节来了";
  original.title = "";
  EXPECT_TRUE(check(*rule, page, &original).empty());
}

}  // namespace
}  // namespace credcheck
