#include <gtest/gtest.h>

#include "checker/page/page_testing.h"

namespace credcheck {
namespace {

using testing::extract_snippet;

TEST(Meta, CanonicalLinkBeatsOgUrl) {
  Fields f = extract_snippet(
      "<html><head><meta property='og:url' content='https://a.example/og'>"
      "<link rel='canonical' href='https://a.example/c'></head><body></body></html>");
  EXPECT_EQ(f.canonical, "https://a.example/c");
  Fields g = extract_snippet(
      "<html><head><meta property='og:url' content='https://a.example/og'></head></html>");
  EXPECT_EQ(g.canonical, "https://a.example/og");
}

TEST(Meta, PublishedFromMetaOrJsonLd) {
  Fields f = extract_snippet(
      "<html><head><meta property='article:published_time' content='2024-05-01T08:00:00+08:00'>"
      "</head><body></body></html>");
  EXPECT_EQ(f.published, "2024-05-01T08:00:00+08:00");
  Fields g = extract_snippet(
      "<html><head><script type='application/ld+json'>"
      "{\"@type\":\"NewsArticle\",\"datePublished\":\"2024-05-02\",\"headline\":\"江边夜市开张\"}"
      "</script></head><body><h1>首页</h1></body></html>");
  EXPECT_EQ(g.published, "2024-05-02");
  EXPECT_EQ(g.title, "江边夜市开张");
}

TEST(Meta, PublishedAsPrintedInTheHeader) {
  Fields f = extract_snippet(
      "<html><head><title>江边夜市开张</title></head><body><h1>江边夜市开张</h1>"
      "<div>2024年05月03日 19:30 来源：端州日报</div>"
      "<p>夜市共设摊位八十个，营业到晚上十一点，周边道路将实行临时交通管制措施。</p></body></html>");
  EXPECT_EQ(f.published, "2024年05月03日 19:30");
}

TEST(Meta, PublishedWithoutYearNeedsItsTime) {
  std::string body =
      "<p>夜市共设摊位八十个，营业到晚上十一点，周边道路将实行临时交通管制措施。</p></body></html>";
  Fields f = extract_snippet("<html><head><title>江边夜市开张</title></head><body><h1>江边夜市开张</h1>"
                             "<div>来源：端州日报 05-03 19:30</div>" + body);
  EXPECT_EQ(f.published, "05-03 19:30");
  Fields g = extract_snippet("<html><head><title>江边夜市开张</title></head><body><h1>江边夜市开张</h1>"
                             "<div>阅读 05-03</div>" + body);
  EXPECT_EQ(g.published, "");
}

// A date in the headline is not the date of publication, and without a year a day and
// a time run together ("2月17:03") are no date: the header's own date is taken.
TEST(Meta, PublishedIsNotReadFromTheHeadline) {
  std::string body =
      "<p>夜市共设摊位八十个，营业到晚上十一点，周边道路将实行临时交通管制措施。</p></body></html>";
  Fields f = extract_snippet("<html><head><title>新规2024年3月1日起施行</title></head><body>"
                             "<h1>新规2024年3月1日起施行</h1><div>2024-02-20 来源：端州日报</div>" + body);
  EXPECT_EQ(f.published, "2024-02-20");
  Fields g = extract_snippet("<html><head><title>末班车2月17:03发车</title></head><body>"
                             "<h1>末班车2月17:03发车</h1><div>2024-02-10 来源：端州日报</div>" + body);
  EXPECT_EQ(g.published, "2024-02-10");
  Fields h = extract_snippet("<html><head><title>江边夜市开张</title></head><body><h1>江边夜市开张</h1>"
                             "<div>来源：端州日报 5月3日19:30</div>" + body);
  EXPECT_EQ(h.published, "5月3日19:30");
  Fields i = extract_snippet("<html><head><title>江边夜市开张</title></head><body><h1>江边夜市开张</h1>"
                             "<div>来源：端州日报 <span>发布时间：10-08</span><span>12:00</span></div>" + body);
  EXPECT_EQ(i.published, "10-0812:00");
}

TEST(Meta, BrokenJsonLdIsIgnored) {
  Fields f = extract_snippet(
      "<html><head><script type='application/ld+json'>{\"datePublished\": [[[</script>"
      "</head><body></body></html>");
  EXPECT_EQ(f.published, "");
}

TEST(Text, DensestContainerWinsOverNavigation) {
  std::string nav;
  for (int i = 0; i < 40; ++i) nav += "<li><a href='/x'>频道链接第" + std::to_string(i) + "项</a></li>";
  Fields f = extract_snippet(
      "<ul>" + nav + "</ul><div id=main><p>第一段正文，讲述城市书房开放的经过，读者排起长队。</p>"
      "<p>第二段正文，介绍书房的藏书数量和开放时间，周末延长到晚上九点。</p></div>"
      "<div>版权所有</div>");
  EXPECT_EQ(f.text,
            "第一段正文，讲述城市书房开放的经过，读者排起长队。\n"
            "第二段正文，介绍书房的藏书数量和开放时间，周末延长到晚上九点。");
}

}  // namespace
}  // namespace credcheck
