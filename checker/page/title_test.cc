#include <gtest/gtest.h>

#include "checker/page/page_testing.h"

namespace credcheck {
namespace {

using testing::extract_snippet;

std::string page(const std::string& head, const std::string& body) {
  return "<html><head>" + head + "</head><body>" + body + "</body></html>";
}

TEST(Title, H1AgreeingWithTitleBeatsSiteSuffix) {
  Fields f = extract_snippet(page("<title>江滨公园改造完成_端州新闻网</title>",
                                  "<h1>端州新闻网</h1><h1>江滨公园改造完成</h1>"));
  EXPECT_EQ(f.title, "江滨公园改造完成");
}

TEST(Title, SeparatorsOfTitle) {
  for (const char* t : {"江滨公园改造完成 - 端州政府网", "江滨公园改造完成|公园_新闻中心",
                        "江滨公园改造完成--端州日报", "江滨公园改造完成-频道-网站"}) {
    Fields f = extract_snippet(page(std::string("<title>") + t + "</title>", "<p>正文。</p>"));
    EXPECT_EQ(f.title, "江滨公园改造完成") << t;
  }
}

TEST(Title, HyphenBetweenDigitsBelongsToTheHeadline) {
  Fields f = extract_snippet(page("<title>1-10月全市投资稳中有升</title>", "<p>正文。</p>"));
  EXPECT_EQ(f.title, "1-10月全市投资稳中有升");
}

TEST(Title, OgTitleWhenNoHeadingAgrees) {
  Fields f = extract_snippet(page(
      "<title>门户首页</title><meta property='og:title' content='江滨公园改造完成'>",
      "<h1>门户网站</h1>"));
  EXPECT_EQ(f.title, "江滨公园改造完成");
}

TEST(Title, SiteNameInH1IsNoHeadline) {
  Fields f = extract_snippet(page("<title>山区公路全线通车 - 某某省人民政府门户网站</title>",
                                  "<h1>某某省人民政府网站</h1><p>正文。</p>"));
  EXPECT_EQ(f.title, "山区公路全线通车");
}

TEST(Title, HeadlineBlockWithoutHeadingTag) {
  Fields f = extract_snippet(page("<title>大良街道开展调研工作 东区办事处_中山网</title>",
                                  "<div class=t>大良街道开展调研工作</div><p>正文。</p>"));
  EXPECT_EQ(f.title, "大良街道开展调研工作");
}

TEST(Title, PipeInsideTheHeadlineIsKept) {
  Fields f = extract_snippet(page("<title>棱角|数据业大整顿_财经_某某网</title>",
                                  "<h1>棱角|数据业大整顿</h1>"));
  EXPECT_EQ(f.title, "棱角|数据业大整顿");
}

TEST(Title, EmptyTitleFallsBackToH1) {
  Fields f = extract_snippet(page("<title></title>", "<h1>罢工再次影响交通</h1>"));
  EXPECT_EQ(f.title, "罢工再次影响交通");
}

}  // namespace
}  // namespace credcheck
