#include <gtest/gtest.h>

#include "checker/rules/rules_test_util.h"

namespace credcheck {
namespace {

using test::check;

// After normalize(): （→( and traditional → simplified, so one pattern reads both.
const char* kParams = "pattern: '\\(某岛社记者[^()]{1,12}\\d{1,2}日电\\)'";

Fields original_with(const std::string& first_line) {
  Fields f;
  f.text = first_line + "\n第二段文字，说明活动的安排与参加人数。";
  return f;
}

TEST(DatelineKeptTest, KeptInEitherScriptPasses) {
  auto rule = test::make_rule("dateline-kept", kParams);
  Fields original = original_with("（某島社記者王小明台北31日電）市府今天宣布夜市延長營業。");
  Fields page;
  page.text = "（某岛社记者王小明台北31日电）市府今天宣布夜市延长营业。\n其余内容。";
  EXPECT_TRUE(check(*rule, page, &original).empty());
  page.text = "（某島社記者 王小明 台北31日電）市府今天宣布夜市延長營業。";
  EXPECT_TRUE(check(*rule, page, &original).empty());
}

TEST(DatelineKeptTest, DroppedOrChangedIsAFinding) {
  auto rule = test::make_rule("dateline-kept", kParams);
  Fields original = original_with("（某島社記者王小明台北31日電）市府今天宣布夜市延長營業。");
  Fields page;
  page.text = "市府今天宣布夜市延長營業。\n其余内容。";
  auto f = check(*rule, page, &original);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].evidence, "市府今天宣布夜市延長營業。");
  EXPECT_EQ(f[0].expected, "(某岛社记者王小明台北31日电)");
  page.text = "（本报记者王小明台北31日电）市府今天宣布夜市延長營業。";
  EXPECT_EQ(check(*rule, page, &original).size(), 1u);
}

TEST(DatelineKeptTest, AnOriginalWithoutDatelineAsksNothing) {
  auto rule = test::make_rule("dateline-kept", kParams);
  Fields original = original_with("市府今天宣布夜市延長營業。"), page;
  EXPECT_TRUE(check(*rule, page, &original).empty());
  EXPECT_EQ(test::build_error("dateline-kept", "{}"), "1:1: missing key 'pattern' (RE2 patterns)");
}

TEST(DatelineKeptTest, TheDetailInChinese) {
  auto rule = test::make_rule("dateline-kept", kParams);
  rule->set_language("zh");
  Fields original = original_with("（某島社記者王小明台北31日電）市府今天宣布夜市延長營業。");
  Fields page;
  page.text = "市府今天宣布夜市延長營業。";
  auto f = check(*rule, page, &original);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].message, "the message（原文的电头缺失或被改动）");
}

}  // namespace
}  // namespace credcheck
