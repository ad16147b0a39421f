#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "checker/page/page_testing.h"

namespace credcheck {
namespace {

using testing::extract_snippet;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

// A page with an article in the middle; `above`, `below`, `side` and `foot` are
// dropped into the zones around it.
std::string page(const std::string& above, const std::string& below, const std::string& side,
                 const std::string& foot = "") {
  return "<html><head><title>河堤夜跑步道亮灯_某某网</title></head><body>"
         "<div class=nav><a href=/>首页</a> <a href=/n>新闻</a></div>"
         "<div class=main><div class=left>"
         "<h1>河堤夜跑步道亮灯</h1><div class=info>" + above + "</div>"
         "<div class=content>"
         "<p>入夜后，沿河堤新建的夜跑步道亮起了暖黄色的灯带，不少市民结伴前来散步、慢跑。</p>"
         "<p>据介绍，步道全长六公里，沿途设置了三处补水点和两座公共卫生间，方便市民使用。</p>"
         "<p>附近居民说，以前晚上河堤黑漆漆的，现在灯亮了，出来走走也安心多了。</p>"
         "</div>" + below + "</div>"
         "<div class=right>" + side + "</div></div>"
         "<div class=footer>" + foot + "</div></body></html>";
}

TEST(ArticleZones, SidebarSourceIsNotTheArticles) {
  Fields f = extract_snippet(page("2025-04-13 10:00", "",
                                  "<h3>热点</h3><ul><li><a href=/1>桥梁检修</a></li>"
                                  "<li><p>来源：某江日报</p></li></ul>"));
  EXPECT_THAT(f.sources, IsEmpty());
}

TEST(ArticleZones, FooterNoticeIsNotACredit) {
  Fields f = extract_snippet(
      page("2025-04-13 10:00", "", "", "<p>本站部分文章来源：某江日报、某方日报，版权归原作者所有</p>"));
  EXPECT_THAT(f.sources, IsEmpty());
}

TEST(ArticleZones, RelatedExcerptReportersAreNotAuthors) {
  Fields f = extract_snippet(page(
      "来源：某江日报", "",
      "<div class=relate><h3>相关新闻</h3><p>（记者 陈明远 李思琪）城西公园改造完工，"
      "市民可以免费入园。</p></div>"));
  EXPECT_THAT(f.sources, ElementsAre("某江日报"));
  EXPECT_THAT(f.authors, IsEmpty());
}

TEST(ArticleZones, CommentsAreNotTheArticles) {
  Fields f = extract_snippet(page(
      "2025-04-13 10:00", "<div class=comment-list><p>网友甲：这条新闻来源：某江日报，记者 陈明远 写得好</p></div>",
      ""));
  EXPECT_THAT(f.sources, IsEmpty());
  EXPECT_THAT(f.authors, IsEmpty());
}

TEST(ArticleZones, CompoundClassNames) {
  std::string html = page("2025-04-13 10:00", "", "");
  html.replace(html.find("</div><div class=right>") - 6, 0,
               "<div class=relatednews><p>城西公园改造完工 来源：某方日报</p></div>");
  EXPECT_THAT(extract_snippet(html).sources, IsEmpty());
  // "header" holds "ad" but is no advert box.
  EXPECT_THAT(extract_snippet(page("<div class=header-info>来源：某江日报</div>", "", "")).sources,
              ElementsAre("某江日报"));
}

TEST(ArticleZones, UnclassedRelatedListAfterItsHeadingLine) {
  Fields f = extract_snippet(page(
      "2025-04-13 10:00",
      "<div><div>相关阅读</div><div><p>（记者 陈明远）城西公园改造完工 来源：某江日报</p></div></div>", ""));
  EXPECT_THAT(f.sources, IsEmpty());
  EXPECT_THAT(f.authors, IsEmpty());
}

TEST(ArticleZones, RelatedBoxInsideTheBodyIsOut) {
  std::string html = page(
      "来源：某江日报", "", "");
  std::string box =
      "<div class=box><div>延伸阅读</div><p>（记者 陈明远）城西公园改造完工，市民可以免费入园，"
      "公园内新增了儿童游乐区和健身步道。</p></div>";
  html.replace(html.find("</div><div class=right>") - 6, 0, box);  // inside .content
  Fields f = extract_snippet(html);
  EXPECT_THAT(f.authors, IsEmpty());
}

TEST(ArticleZones, CreditsAboveAndBelowTheBodyCount) {
  Fields f = extract_snippet(page("2025-04-13 10:00 来源：某江日报",
                                  "<p class=editor>责任编辑：何文</p><p>（原标题：夜跑步道亮了）</p>", ""));
  EXPECT_THAT(f.sources, ElementsAre("某江日报"));
  EXPECT_THAT(f.editors, ElementsAre("何文"));
  ASSERT_TRUE(f.original_title.has_value());
  ASSERT_EQ(f.credit_locations.size(), 3u);
  EXPECT_EQ(f.credit_locations[0].field, "source");
  EXPECT_EQ(f.credit_locations[0].zone, "above-body");
  EXPECT_EQ(f.credit_locations[0].path, "/html/body/div[2]/div[1]/div[1]");
  EXPECT_EQ(f.credit_locations[1].field, "editor");
  EXPECT_EQ(f.credit_locations[1].zone, "below-body");
  EXPECT_EQ(f.credit_locations[2].field, "original_title");
  EXPECT_EQ(f.credit_locations[2].zone, "below-body");
}

TEST(ArticleZones, MetaLineOverTheHeadline) {
  std::string html = page("", "", "<h3>热点</h3><p>来源：某方日报</p>");
  html.replace(html.find("<h1>"), 0, "<div class=meta>2025-04-13 来源：某江日报</div>");
  Fields f = extract_snippet(html);
  EXPECT_THAT(f.sources, ElementsAre("某江日报"));
}

TEST(ArticleZones, TrailingBylineInTheBody) {
  std::string html = page("", "", "");
  html.replace(html.find("</div><div class=right>") - 6, 0, "<p>（记者 陈明远）</p>");
  Fields f = extract_snippet(html);
  EXPECT_THAT(f.authors, ElementsAre("陈明远"));
  ASSERT_FALSE(f.credit_locations.empty());
  EXPECT_EQ(f.credit_locations[0].zone, "body");
}

TEST(ArticleZones, ArticleFooterElementCounts) {
  Fields f = extract_snippet(
      "<html><head><title>t</title></head><body><article><h1>河堤夜跑步道亮灯</h1>"
      "<div class=entry><p>入夜后，沿河堤新建的夜跑步道亮起了暖黄色的灯带，不少市民结伴前来散步。</p>"
      "<p>据介绍，步道全长六公里，沿途设置了三处补水点和两座公共卫生间，方便市民使用。</p></div>"
      "<footer class=post-footer><p>来源：某江日报</p></footer></article>"
      "<footer class=site-footer><p>本站文章来源：某方日报</p></footer></body></html>");
  EXPECT_THAT(f.sources, ElementsAre("某江日报"));
}

TEST(ArticleZones, TheCopyUnderTheHeadlineWins) {
  // A hidden second copy of the text (twice as heavy) far from the headline.
  std::string para =
      "<p>入夜后，沿河堤新建的夜跑步道亮起了暖黄色的灯带，不少市民结伴前来散步、慢跑。</p>"
      "<p>据介绍，步道全长六公里，沿途设置了三处补水点和两座公共卫生间，方便市民使用。</p>";
  std::string filler;
  for (int i = 0; i < 30; ++i) filler += "<li><a href=/x>栏目" + std::to_string(i) + "</a></li>";
  Fields f = extract_snippet(
      "<html><head><title>河堤夜跑步道亮灯_某某网</title></head><body><h1>河堤夜跑步道亮灯</h1>"
      "<p>2025-04-13 10:00 来源：某江日报</p><div class=text>" + para + "</div>"
      "<ul>" + filler + "</ul><div class=m><h3>河堤夜跑步道亮灯</h3><p>来源：某方日报</p>"
      "<div class=mtext>" + para + para + "</div></div></body></html>");
  EXPECT_THAT(f.sources, ElementsAre("某江日报"));
}

TEST(ArticleZones, SnippetWithoutABodyIsReadWhole) {
  Fields f = extract_snippet("<p>来源：某江日报</p>");
  EXPECT_THAT(f.sources, ElementsAre("某江日报"));
  ASSERT_EQ(f.credit_locations.size(), 1u);
  EXPECT_EQ(f.credit_locations[0].zone, "page");
}

}  // namespace
}  // namespace credcheck
