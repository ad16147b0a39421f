#include <gtest/gtest.h>

#include "checker/rules/rules_test_util.h"

namespace credcheck {
namespace {

using test::check;

class NameMisuseTest : public ::testing::Test {
 protected:
  std::unique_ptr<Rule> rule = test::make_rule("name-misuse");
  Fields page;

  void SetUp() override {
    page.source_lines = {"责任编辑：李华", "来源：《西江日報》"};
    page.sources = {"<西江日报>"};
    page.text = "市里的第三座体育馆昨日动工，预计明年秋天建成开放。\n据介绍，体育馆设有游泳池和羽毛球馆。";
  }
};

TEST_F(NameMisuseTest, NeedsNoMatch) { EXPECT_EQ(rule->needs(), Rule::Needs::no_match); }

TEST_F(NameMisuseTest, PageNotCreditingThePublisherIsFine) {
  page.source_lines = {"来源：今日头条"};
  page.sources = {"今日头条"};
  page.bylines = {"本报记者 周明远"};
  page.text = "新华社北京5月1日电 市里的第三座体育馆昨日动工。";
  EXPECT_TRUE(check(*rule, page).empty());
}

TEST_F(NameMisuseTest, CreditWithoutEvidenceIsNoMisuse) {
  // Matching none of the originals given proves nothing: they are not the whole archive.
  EXPECT_TRUE(check(*rule, page).empty());
  page.bylines = {"西江日报记者 周明远"};
  page.text = "本报讯 市里的第三座体育馆昨日动工。\n（本报记者 周明远）";  // its own words
  EXPECT_TRUE(check(*rule, page).empty());
}

TEST_F(NameMisuseTest, AnotherOutletsDatelineIsQuoted) {
  page.text = "　新华社北京5月1日电　市里的第三座体育馆昨日动工。\n据介绍，体育馆设有游泳池。";
  auto findings = check(*rule, page);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].rule, "name-misuse");
  EXPECT_EQ(findings[0].message,
            "the message (credits 西江日报 (来源：《西江日報》) on text that is 新华社's)");
  EXPECT_EQ(findings[0].evidence, "新华社北京5月1日电");
  EXPECT_EQ(findings[0].location, "text");
}

TEST_F(NameMisuseTest, DatelineForms) {
  struct Case {
    const char* paragraph;
    const char* evidence;
  } cases[] = {
      {"中新網廣州5月1日電 市里的体育馆昨日动工。", "中新網廣州5月1日電"},
      {"南方日报讯（记者 陈某）市里的体育馆昨日动工。", "南方日报讯"},
      {"【央视网消息】市里的体育馆昨日动工。", "央视网消息"},
      {"据新华社电 市里的体育馆昨日动工。", "据新华社电"},
      {"（南方日报记者 陈某 通讯员 李某）市里的体育馆昨日动工。", "（南方日报记者 陈某 通讯员 李某）"},
      {"市里的体育馆昨日动工。（羊城晚报记者 陈某）", "（羊城晚报记者 陈某）"},
  };
  for (const auto& c : cases) {
    page.text = std::string("前一段。\n") + c.paragraph;
    auto findings = check(*rule, page);
    ASSERT_EQ(findings.size(), 1u) << c.paragraph;
    EXPECT_EQ(findings[0].evidence, c.evidence) << c.paragraph;
  }
}

TEST_F(NameMisuseTest, OutletsInRunningTextAreNoDateline) {
  for (const char* paragraph :
       {"记者5月1日从市体育局获悉，体育馆昨日动工。", "市民网上报名十分踊跃，体育馆昨日动工。",
        "他说，据新华社报道，类似的体育馆全国已有三百座。", "西江日报讯 市里的体育馆昨日动工。"}) {
    page.text = paragraph;
    EXPECT_TRUE(check(*rule, page).empty()) << paragraph;
  }
}

TEST_F(NameMisuseTest, AnotherOutletsBylineOrSourceLine) {
  page.bylines = {"新华社记者 周岩松"};
  auto findings = check(*rule, page);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].evidence, "新华社记者 周岩松");
  EXPECT_EQ(findings[0].location, "bylines[0]");

  page.bylines = {"文/南方日報記者 陈某"};
  findings = check(*rule, page);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].evidence, "文/南方日報記者 陈某");
  EXPECT_EQ(findings[0].message,
            "the message (credits 西江日报 (来源：《西江日報》) on text that is 南方日報's)");

  page.bylines = {"西江日报记者 周岩松", "本报记者 陈某"};
  page.source_lines = {"来源：西江日报", "来源：南方日报"};
  page.sources = {"西江日报", "南方日报"};
  findings = check(*rule, page);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].evidence, "来源：南方日报");
  EXPECT_EQ(findings[0].location, "source_lines[1]");
  EXPECT_EQ(findings[0].message,
            "the message (credits 西江日报 (来源：西江日报) on text that is 南方日报's)");
}

TEST_F(NameMisuseTest, APlatformAsSourceIsNoOtherOutlet) {
  page.source_lines = {"来源：西江日报", "转载自：今日头条"};
  page.sources = {"西江日报", "今日头条"};
  EXPECT_TRUE(check(*rule, page).empty());
}

}  // namespace
}  // namespace credcheck
