#include <gtest/gtest.h>

#include "checker/rules/rules_test_util.h"

namespace credcheck {
namespace {

using test::check;

const char* kParams = "src: 'counter\\.example\\.org/content/\\d+/count\\.gif'";

TEST(ElementKeptTest, TheOriginalsCounterMustBeKeptAsItIs) {
  auto rule = test::make_rule("element-kept", kParams);
  Fields original, page;
  original.element_srcs = {"/logo.png", "https://counter.example.org/content/42/count.gif"};
  page.element_srcs = {"//counter.example.org/content/42/count.gif"};
  EXPECT_TRUE(check(*rule, page, &original).empty());
  page.element_srcs = {"https://counter.example.org/content/7/count.gif"};  // another article's
  auto f = check(*rule, page, &original);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].message, "the message (the original's element is missing)");
  EXPECT_EQ(f[0].evidence, "https://counter.example.org/content/7/count.gif");
  EXPECT_EQ(f[0].expected,
            "an element with src https://counter.example.org/content/42/count.gif");
  EXPECT_EQ(f[0].location, "element_srcs");
}

TEST(ElementKeptTest, WithoutAnOriginalAnyMatchingElementIsEnough) {
  auto rule = test::make_rule("element-kept", kParams);
  Fields page;
  page.element_srcs = {"https://counter.example.org/content/7/count.gif"};
  EXPECT_TRUE(check(*rule, page).empty());
  page.element_srcs = {"/img/a.jpg"};
  auto f = check(*rule, page);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].message, "the message (no such element on the page)");
  EXPECT_EQ(f[0].expected,
            "an element with src counter\\.example\\.org/content/\\d+/count\\.gif");
}

TEST(ElementKeptTest, ParametersAreChecked) {
  EXPECT_EQ(test::build_error("element-kept", "{}"), "1:1: missing key 'src' (RE2 patterns)");
  EXPECT_EQ(test::build_error("element-kept", "src: a\nexpected: [b]"),
            "2:11: 'expected' must be a string");
}

TEST(ElementKeptTest, TheDetailInChinese) {
  auto rule = test::make_rule("element-kept", kParams);
  rule->set_language("zh");
  Fields original, page;
  original.element_srcs = {"https://counter.example.org/content/42/count.gif"};
  page.element_srcs = {"https://counter.example.org/content/7/count.gif"};
  auto f = check(*rule, page, &original);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].message, "the message（缺少原文中的元素）");
  EXPECT_EQ(f[0].expected, "src 为 https://counter.example.org/content/42/count.gif 的元素");
}

}  // namespace
}  // namespace credcheck
