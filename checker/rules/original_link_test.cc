#include <gtest/gtest.h>

#include "checker/rules/rules_test_util.h"

namespace credcheck {
namespace {

using test::check;

TEST(OriginalLinkTest, ALinkToTheCanonicalOrTheUrlPasses) {
  auto rule = test::make_rule("original-link");
  Fields original = test::xijiang_original();
  original.canonical = "https://www.xjrb.com/news/2024/0520/123.html";
  Fields page;
  page.links = {{"首页", "/"}, {"原文链接", "http://xjrb.com/news/2024/0520/123.html#top"}};
  EXPECT_TRUE(check(*rule, page, &original).empty());
  page.links = {{"原文", "https://www.xjrb.com/news/2024/0520/999.html"}};
  auto findings = check(*rule, page, &original);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].message, "the message (no link to the original)");
  EXPECT_EQ(findings[0].evidence, "https://www.xjrb.com/news/2024/0520/999.html");
  EXPECT_EQ(findings[0].expected, "a link to https://www.xjrb.com/news/2024/0520/123.html");
  EXPECT_EQ(findings[0].location, "links");
}

TEST(OriginalLinkTest, TheOriginalsFetchedUrlCountsToo) {
  auto rule = test::make_rule("original-link");
  Fields original = test::xijiang_original(), page;
  page.links = {{"source", "https://www.xjrb.com/a/1.html"}};
  CheckContext ctx{page, &original, true, "", test::xijiang()};
  ctx.original_url = "https://www.xjrb.com/a/1.html/";
  std::vector<Finding> out;
  rule->check(ctx, &out);
  EXPECT_TRUE(out.empty());
}

TEST(OriginalLinkTest, ALocalOriginalsFileUrlIsNoAddress) {
  auto rule = test::make_rule("original-link");
  Fields original = test::xijiang_original(), page;
  original.canonical = "https://www.xjrb.com/a/1.html";
  CheckContext ctx{page, &original, true, "", test::xijiang()};
  ctx.original_url = "file:///tmp/originals/a.html";
  std::vector<Finding> out;
  rule->check(ctx, &out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].expected, "a link to https://www.xjrb.com/a/1.html");
}

TEST(OriginalLinkTest, WithoutAnAddressALinkToThePublishersHostIsAsked) {
  auto rule = test::make_rule("original-link");
  Fields original = test::xijiang_original(), page;  // no canonical, no URL
  page.links = {{"西江网", "https://m.xjrb.com/"}};
  EXPECT_TRUE(check(*rule, page, &original).empty());
  page.links = {{"别处", "https://elsewhere.example/"}};
  auto findings = check(*rule, page, &original);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].message, "the message (no link to the publisher's site)");
}

TEST(OriginalLinkTest, RelativeHrefsNeverMatch) {
  auto rule = test::make_rule("original-link");
  Fields original = test::xijiang_original(), page;
  original.canonical = "https://www.xjrb.com/a/1.html";
  page.links = {{"原文", "/a/1.html"}};
  EXPECT_EQ(check(*rule, page, &original).size(), 1u);
}

TEST(OriginalLinkTest, TheDetailInChinese) {
  auto rule = test::make_rule("original-link");
  rule->set_language("zh");
  Fields original = test::xijiang_original();
  original.canonical = "https://www.xjrb.com/news/2024/0520/123.html";
  Fields page;
  page.links = {{"原文", "https://www.xjrb.com/news/2024/0520/999.html"}};
  auto f = check(*rule, page, &original);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].message, "the message（没有指向原文的链接）");
  EXPECT_EQ(f[0].expected, "指向 https://www.xjrb.com/news/2024/0520/123.html 的链接");
}

}  // namespace
}  // namespace credcheck
