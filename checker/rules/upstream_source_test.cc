#include <gtest/gtest.h>

#include "checker/rules/rules_test_util.h"

namespace credcheck {
namespace {

using test::check;

class UpstreamSourceTest : public ::testing::Test {
 protected:
  std::unique_ptr<Rule> rule = test::make_rule("upstream-source");
  Fields original = test::xijiang_original();
  Fields page = test::good_reprint();
};

TEST_F(UpstreamSourceTest, PublishersOwnOriginalAsksNothing) {
  page.sources = {"今日头条"};
  EXPECT_TRUE(check(*rule, page, &original).empty());
  original.sources.clear();  // no source line: the publisher's own
  EXPECT_TRUE(check(*rule, page, &original).empty());
  original.sources = {"西江网", "新华社"};  // credited to the publisher as well
  EXPECT_TRUE(check(*rule, page, &original).empty());
}

TEST_F(UpstreamSourceTest, ReprintedOriginalsSourceMustBeKept) {
  original.sources = {"新华社"};
  page.sources = {"新华社"};
  EXPECT_TRUE(check(*rule, page, &original).empty());
  page.sources = {"<新华社>客户端"};
  EXPECT_TRUE(check(*rule, page, &original).empty());

  page.source_lines = {"来源：西江网"};
  page.sources = {"西江网"};
  auto findings = check(*rule, page, &original);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].rule, "upstream-source");
  EXPECT_EQ(findings[0].message, "the message (source 新华社 not kept)");
  EXPECT_EQ(findings[0].evidence, "来源：西江网");
  EXPECT_EQ(findings[0].expected, "来源：新华社");
  EXPECT_EQ(findings[0].location, "source_lines");
}

TEST_F(UpstreamSourceTest, EveryUpstreamOutletIsChecked) {
  original.sources = {"南方日报", "新华社"};
  page.sources = {"南方日報"};
  auto findings = check(*rule, page, &original);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].expected, "来源：新华社");
}

}  // namespace
}  // namespace credcheck
