#include <gtest/gtest.h>

#include "checker/rules/rules_test_util.h"

namespace credcheck {
namespace {

using test::check;

const char* kParams = "affiliation: '(西江日报社?|西江网) ?(全媒体)?记者'";

class AuthorCreditTest : public ::testing::Test {
 protected:
  std::unique_ptr<Rule> rule = test::make_rule("author-credit", kParams);
  Fields original = test::xijiang_original();
  Fields page = test::good_reprint();
};

TEST_F(AuthorCreditTest, OneBylineCanCreditEveryAuthor) {
  page.bylines = {"西江日报记者 梁晓敏 黄志坚"};
  EXPECT_TRUE(check(*rule, page, &original).empty());
}

TEST_F(AuthorCreditTest, SeparateBylinesAndWrittenFormsCount) {
  page.bylines = {"西江日報記者　梁曉敏", "西江日报全媒体记者 黄 志 坚"};
  EXPECT_TRUE(check(*rule, page, &original).empty());
}

TEST_F(AuthorCreditTest, SourceLinesCanCarryTheAuthor) {
  page.bylines.clear();
  page.source_lines = {"来源：西江日报 作者：西江日报记者 梁晓敏 黄志坚"};
  EXPECT_TRUE(check(*rule, page, &original).empty());
}

TEST_F(AuthorCreditTest, MissingAuthorIsNamed) {
  page.bylines = {"西江日报记者 梁晓敏"};
  auto findings = check(*rule, page, &original);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].rule, "author-credit");
  EXPECT_EQ(findings[0].message, "the message (author 黄志坚 not credited)");
  EXPECT_EQ(findings[0].evidence, "西江日报记者 梁晓敏");
  EXPECT_EQ(findings[0].expected, "西江日报记者 梁晓敏 黄志坚");
  EXPECT_EQ(findings[0].location, "bylines");
}

TEST_F(AuthorCreditTest, BenbaoJizheIsNoAffiliation) {
  page.bylines = {"本报记者 梁晓敏 黄志坚"};
  auto findings = check(*rule, page, &original);
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].message, "the message (author 梁晓敏 credited without 西江日报记者)");
  EXPECT_EQ(findings[0].evidence, "本报记者 梁晓敏 黄志坚");
  EXPECT_EQ(findings[0].location, "bylines[0]");
  EXPECT_EQ(findings[1].message, "the message (author 黄志坚 credited without 西江日报记者)");
}

TEST_F(AuthorCreditTest, AffiliatedLineWinsOverAnUnaffiliatedOne) {
  page.bylines = {"作者：梁晓敏", "西江日报记者 梁晓敏 黄志坚"};
  EXPECT_TRUE(check(*rule, page, &original).empty());
  page.bylines = {"作者：梁晓敏 黄志坚"};
  page.source_lines = {"来源：西江日报"};
  auto findings = check(*rule, page, &original);
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].location, "bylines[0]");
}

TEST_F(AuthorCreditTest, LabelComesFromThePackOrThePublisher) {
  auto labelled = test::make_rule("author-credit",
                                  std::string(kParams) + "\naffiliation_label: 西江网记者");
  page.bylines = {"梁晓敏 黄志坚"};
  auto findings = check(*labelled, page, &original);
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].expected, "西江网记者 梁晓敏 黄志坚");
  EXPECT_EQ(check(*rule, page, &original)[0].expected, "西江日报记者 梁晓敏 黄志坚");
}

TEST_F(AuthorCreditTest, ReprintedOriginalIsSkipped) {
  original.sources = {"新华社"};
  original.authors = {"周明远"};
  page.bylines.clear();
  EXPECT_TRUE(check(*rule, page, &original).empty());
}

TEST_F(AuthorCreditTest, OriginalWithoutAuthorsAsksNothing) {
  original.authors.clear();
  page.bylines.clear();
  EXPECT_TRUE(check(*rule, page, &original).empty());
}

TEST(AuthorCreditParamsTest, BadParameters) {
  EXPECT_EQ(test::build_error("author-credit", "{}"),
            "1:1: missing key 'affiliation' (RE2 patterns)");
  EXPECT_EQ(test::build_error("author-credit", "affiliation: '记者)'"),
            "1:14: invalid RE2 pattern '记者)': unexpected ): 记者)");
  EXPECT_EQ(test::build_error("author-credit", "affiliation: 记者\naffiliation_label: {a: b}"),
            "2:20: 'affiliation_label' must be a string");
}

}  // namespace
}  // namespace credcheck
