#include <gtest/gtest.h>

#include "checker/rules/rules_test_util.h"
#include "checker/text/normalize.h"

namespace credcheck {
namespace {

using test::check;

const char* kParams = "accept: ['<?西江日报社?>?', '<?西江网>?']";

Fields page_with_source(const std::string& line, const std::string& name) {
  Fields page;
  page.source_lines = {line};
  page.sources = {normalize(name)};
  return page;
}

TEST(SourceCreditTest, AcceptsThePublisherInItsWrittenForms) {
  auto rule = test::make_rule("source-credit", kParams);
  for (const char* name : {"西江日报", "《西江日报》", "西江日報", "西江日报社", "西江網", "西江日报 "})
    EXPECT_TRUE(check(*rule, page_with_source(std::string("来源：") + name, name)).empty())
        << name;
}

TEST(SourceCreditTest, AnotherPlatformAsSourceIsAFinding) {
  auto rule = test::make_rule("source-credit", kParams);
  auto findings = check(*rule, page_with_source("来源：今日头条", "今日头条"));
  ASSERT_EQ(findings.size(), 1u);
  const Finding& f = findings[0];
  EXPECT_EQ(f.rule, "source-credit");
  EXPECT_EQ(f.clause, "1(1)");
  EXPECT_EQ(f.severity, "error");
  EXPECT_EQ(f.message, "the message (credits 今日头条 instead)");
  EXPECT_EQ(f.evidence, "来源：今日头条");
  EXPECT_EQ(f.expected, "来源：西江日报");
  EXPECT_EQ(f.location, "source_lines");
}

TEST(SourceCreditTest, PatternsMatchWholeNamesOnly) {
  auto rule = test::make_rule("source-credit", kParams);
  EXPECT_EQ(check(*rule, page_with_source("来源：非西江日报", "非西江日报")).size(), 1u);
}

TEST(SourceCreditTest, OneAcceptedSourceAmongOthersIsEnough) {
  auto rule = test::make_rule("source-credit", kParams);
  Fields page;
  page.source_lines = {"来源：今日头条", "本文来源：西江日报"};
  page.sources = {"今日头条", "西江日报"};
  EXPECT_TRUE(check(*rule, page).empty());
}

TEST(SourceCreditTest, NoSourceQuotesAllSourceLinesAndSaysSo) {
  auto rule = test::make_rule("source-credit", kParams);
  Fields page;
  auto findings = check(*rule, page);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].message, "the message (no source credited)");
  EXPECT_EQ(findings[0].evidence, "");

  page.source_lines = {"来源：网络", "转自：某某号"};
  page.sources = {"网络", "某某号"};
  findings = check(*rule, page);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].evidence, "来源：网络 | 转自：某某号");
}

TEST(SourceCreditTest, OriginalThatIsItselfAReprintIsLeftToUpstreamSource) {
  auto rule = test::make_rule("source-credit", kParams);
  Fields original = test::xijiang_original();
  Fields page = page_with_source("来源：新华社", "新华社");
  EXPECT_EQ(check(*rule, page, &original).size(), 1u);  // the publisher's own item
  original.sources = {"新华社"};
  EXPECT_TRUE(check(*rule, page, &original).empty());   // clause 2: a reprint itself
}

TEST(SourceCreditTest, ExpectedCanBeSetByThePack) {
  auto rule = test::make_rule("source-credit", std::string(kParams) + "\nexpected: 来源：西江网");
  auto findings = check(*rule, Fields{});
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].expected, "来源：西江网");
}

TEST(SourceCreditTest, PatternsWrittenInTraditionalCharactersMatch) {
  auto rule = test::make_rule("source-credit", "accept: ['\"?海峽社\"?']");
  EXPECT_TRUE(check(*rule, page_with_source("來源：「海峽社」", "「海峽社」")).empty());
  EXPECT_TRUE(check(*rule, page_with_source("来源：海峡社", "海峡社")).empty());
}

TEST(SourceCreditTest, BadParametersAreReportedWhereTheyAre) {
  EXPECT_EQ(test::build_error("source-credit", "{}"),
            "1:1: missing key 'accept' (RE2 patterns)");
  EXPECT_EQ(test::build_error("source-credit", "accept: []"),
            "1:9: 'accept' must be an RE2 pattern or a list of them");
  EXPECT_EQ(test::build_error("source-credit", "accept:\n  - 西江日报\n  - '西江(日报'"),
            "3:5: invalid RE2 pattern '西江(日报': missing ): 西江(日报");
  EXPECT_EQ(test::build_error("source-credit", "accept: [a]\nexpected: [x]"),
            "2:11: 'expected' must be a string");
}

}  // namespace
}  // namespace credcheck
