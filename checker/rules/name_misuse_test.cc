#include <gtest/gtest.h>

#include "checker/rules/rules_test_util.h"

namespace credcheck {
namespace {

using test::check;

class NameMisuseTest : public ::testing::Test {
 protected:
  std::unique_ptr<Rule> rule = test::make_rule("name-misuse");
  Fields page;
};

TEST_F(NameMisuseTest, NeedsNoMatch) { EXPECT_EQ(rule->needs(), Rule::Needs::no_match); }

TEST_F(NameMisuseTest, PageNotCreditingThePublisherIsFine) {
  page.source_lines = {"来源：今日头条"};
  page.sources = {"今日头条"};
  page.bylines = {"本报记者 周明远"};
  EXPECT_TRUE(check(*rule, page).empty());
}

TEST_F(NameMisuseTest, SourceLineCreditIsQuoted) {
  page.source_lines = {"责任编辑：李华", "来源：《西江日報》"};
  page.sources = {"<西江日报>"};
  auto findings = check(*rule, page);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].rule, "name-misuse");
  EXPECT_EQ(findings[0].message, "the message (credits 西江日报 but matches none of its articles)");
  EXPECT_EQ(findings[0].evidence, "来源：《西江日報》");
  EXPECT_EQ(findings[0].location, "source_lines[1]");
}

TEST_F(NameMisuseTest, BylineOrSourceAloneCounts) {
  page.bylines = {"西江網記者 周明远"};
  auto findings = check(*rule, page);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].location, "bylines[0]");

  page.bylines.clear();
  page.sources = {"西江日报社"};
  findings = check(*rule, page);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].evidence, "西江日报社");
  EXPECT_EQ(findings[0].location, "sources[0]");
}

}  // namespace
}  // namespace credcheck
