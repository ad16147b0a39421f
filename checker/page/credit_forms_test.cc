// One test per credit form real pages print (issue 7, cause 3), on snippets written here.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "checker/page/page_testing.h"

namespace credcheck {
namespace {

using testing::extract_snippet;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

// An article page: `above` under the headline, `first` opening the text, `last`
// closing it, `below` after the body.
std::string article(const std::string& above, const std::string& first = "",
                    const std::string& last = "", const std::string& below = "") {
  return "<html><head><title>河堤夜跑步道亮灯_某某网</title></head><body>"
         "<h1>河堤夜跑步道亮灯</h1><div class=info>" + above + "</div><div class=content>"
         "<p>" + first + "入夜后，沿河堤新建的夜跑步道亮起了暖黄色的灯带，不少市民结伴前来散步。</p>"
         "<p>据介绍，步道全长六公里，沿途设置了三处补水点和两座公共卫生间，方便市民使用。</p>"
         "<p>附近居民说，以前晚上河堤黑漆漆的，现在灯亮了，出来走走也安心多了。" + last + "</p>"
         "</div>" + below + "</body></html>";
}

TEST(CreditForms, LogoImageAfterTheLabel) {
  Fields f = extract_snippet(article("<span>来源：<img src=/logo.png alt=\"某江日报\"></span>"));
  EXPECT_THAT(f.sources, ElementsAre("某江日报"));
}

TEST(CreditForms, NestedOutletInBrackets) {
  Fields f = extract_snippet(article("来源：某城发布（某江日报）"));
  EXPECT_THAT(f.sources, ElementsAre("某城发布", "某江日报"));
}

TEST(CreditForms, FabuIsPartOfTheName) {
  // 发布 ends an account's name; only 发布时间 / 发布于 / 发布： start another field.
  EXPECT_THAT(extract_snippet("<p>来源：某城发布</p>").sources, ElementsAre("某城发布"));
  EXPECT_THAT(extract_snippet("<p>来源：某江日报 发布时间：2025-04-13</p>").sources,
              ElementsAre("某江日报"));
}

TEST(CreditForms, PublishersOwnChannels) {
  for (const char* line : {"来源：某江日报客户端", "来源：某江日报数字报", "来源：某江日报微信公众号"}) {
    Fields f = extract_snippet(std::string("<p>") + line + "</p>");
    EXPECT_THAT(f.sources, Contains("某江日报")) << line;
  }
}

TEST(CreditForms, OtherLabelWordings) {
  for (const char* line : {"本文来自：某江日报", "本文来自某江日报", "转自：某江日报", "稿源：某江日报",
                           "出处：某江日报"}) {
    Fields f = extract_snippet(std::string("<p>") + line + "</p>");
    EXPECT_THAT(f.sources, ElementsAre("某江日报")) << line;
  }
}

TEST(CreditForms, PipeAsTheSeparator) {
  Fields f = extract_snippet(article("来源 | 某江日报　作者 | 陈明远"));
  EXPECT_THAT(f.sources, ElementsAre("某江日报"));
  EXPECT_THAT(f.authors, ElementsAre("陈明远"));
}

TEST(CreditForms, PlatformDisclaimerIsNoSource) {
  Fields f = extract_snippet("<p>本文来自某某新闻客户端自媒体，不代表某某新闻的观点和立场。</p>");
  EXPECT_THAT(f.sources, IsEmpty());
}

TEST(CreditForms, OriginalTitleWithoutAColon) {
  Fields f = extract_snippet(article("", "", "", "<p>（原标题为《夜跑步道亮了》）</p>"));
  ASSERT_TRUE(f.original_title.has_value());
  EXPECT_EQ(*f.original_title, "夜跑步道亮了");
}

TEST(CreditForms, OutletAfterTheDateWithNoLabel) {
  EXPECT_THAT(extract_snippet(article("2020-05-01 10:20 某江日报")).sources, ElementsAre("某江日报"));
  EXPECT_THAT(extract_snippet(article("http://news.example.cn 2005年03月31日03:18 某江晚报")).sources,
              ElementsAre("某江晚报"));
}

TEST(CreditForms, OutletInSquareBracketsOpeningTheText) {
  Fields f = extract_snippet(article("2025-04-13", "【某江日报】"));
  EXPECT_THAT(f.sources, ElementsAre("某江日报"));
  EXPECT_THAT(f.source_lines, ElementsAre("【某江日报】"));
}

TEST(CreditForms, OutletInSquareBracketsBeforeTheSourceLabel) {
  Fields f = extract_snippet(article("2025-04-13 10:00 【某江日报】 来源：某城发布"));
  EXPECT_THAT(f.sources, ElementsAre("某城发布", "某江日报"));
}

TEST(CreditForms, OutletInParenthesesClosingTheText) {
  Fields f = extract_snippet(article("2025-04-13", "", "（某江日报）"));
  EXPECT_THAT(f.sources, ElementsAre("某江日报"));
  // A bracketed outlet in the middle of the text is a mention, not a credit.
  std::string mid = article("2025-04-13");
  mid.replace(mid.find("方便市民使用。"), 0, "（某江日报）");
  EXPECT_THAT(extract_snippet(mid).sources, IsEmpty());
}

TEST(CreditForms, NamesFusedWithTheirAffiliation) {
  Fields f = extract_snippet(article("", "", "（某江日报记者陈明远 通讯员李思琪）"));
  EXPECT_THAT(f.authors, ElementsAre("陈明远", "李思琪"));
}

TEST(CreditForms, NamesWithTheirAffiliationInBrackets) {
  Fields f = extract_snippet(article("作者：陈明远（某某大学教授）；李思琪（某某研究院研究员）"));
  EXPECT_THAT(f.authors, ElementsAre("陈明远", "李思琪"));
}

TEST(CreditForms, NameFusedWithTheAffiliationAfterIt) {
  Fields f = extract_snippet(article("", "", "（作者：常明北京大学经济学院教授）"));
  EXPECT_THAT(f.authors, ElementsAre("常明"));
  Fields g = extract_snippet(article("作者：李思琪上海某某研究院研究员"));
  EXPECT_THAT(g.authors, ElementsAre("李思琪"));
}

TEST(CreditForms, AgencyReportersListed) {
  Fields f = extract_snippet(article("", "", "", "<p>某某社记者李明远、王志强、张华</p>"));
  EXPECT_THAT(f.authors, ElementsAre("李明远", "王志强", "张华"));
}

TEST(CreditForms, NamesInBracketsBeforeTheSource) {
  Fields f = extract_snippet(article("2004年7月16日08:19 [ 陈明远 ] 来源：[ 某江日报 ]"));
  EXPECT_THAT(f.authors, ElementsAre("陈明远"));
  EXPECT_THAT(f.sources, ElementsAre("某江日报"));
}

TEST(CreditForms, NamesInParenthesesClosingTheText) {
  Fields f = extract_snippet(article("2025-04-13", "", "（陈明远 李思琪 ）"));
  EXPECT_THAT(f.authors, ElementsAre("陈明远", "李思琪"));
  // Not an outlet, and a bracketed word that is no name is not a byline.
  EXPECT_THAT(f.sources, IsEmpty());
  EXPECT_THAT(extract_snippet(article("2025-04-13", "", "（图文无关）")).authors, IsEmpty());
  // Several names need one common surname among them (常 is not on the short list).
  EXPECT_THAT(extract_snippet(article("2025-04-13", "", "（常明远 李思琪）")).authors,
              ElementsAre("常明远", "李思琪"));
}

TEST(CreditForms, PlaceBeforeBaodao) {
  Fields f = extract_snippet(article("", "", "", "<p>某京报记者 陈明远 某省某县报道</p>"));
  EXPECT_THAT(f.authors, ElementsAre("陈明远"));
}

TEST(CreditForms, CommentatorAndIntern) {
  Fields f = extract_snippet(article("本报评论员 陈明远"));
  EXPECT_THAT(f.authors, ElementsAre("陈明远"));
  Fields g = extract_snippet(article("记者 陈明远 实习生 李思琪"));
  EXPECT_THAT(g.authors, ElementsAre("陈明远", "李思琪"));
}

TEST(CreditForms, EditorWithTheSitesName) {
  Fields f = extract_snippet(article("", "", "", "<p>（某某网编辑 何文）</p>"));
  EXPECT_THAT(f.editors, ElementsAre("何文"));
  EXPECT_THAT(f.authors, IsEmpty());
}

TEST(CreditForms, NoTitleNoHeadingTheLineAboveTheDate) {
  Fields f = extract_snippet(
      "<html><head></head><body><div><a href=/>首页</a> - <a href=/n>新闻</a></div>"
      "<div><b>河堤夜跑步道亮灯</b></div><div>2025-04-13 10:00 来源：某江日报</div><div>"
      "<p>入夜后，沿河堤新建的夜跑步道亮起了暖黄色的灯带，不少市民结伴前来散步、慢跑。</p>"
      "<p>据介绍，步道全长六公里，沿途设置了三处补水点和两座公共卫生间，方便市民使用。</p>"
      "</div></body></html>");
  EXPECT_EQ(f.title, "河堤夜跑步道亮灯");
  EXPECT_THAT(f.sources, ElementsAre("某江日报"));
}

TEST(CreditForms, NoTitleElement) {
  Fields f = extract_snippet(
      "<html><head></head><body><h1>河堤夜跑步道亮灯</h1><p>来源：某江日报</p>"
      "<p>入夜后，沿河堤新建的夜跑步道亮起了暖黄色的灯带，不少市民结伴前来散步。</p></body></html>");
  EXPECT_EQ(f.title, "河堤夜跑步道亮灯");
  EXPECT_THAT(f.sources, ElementsAre("某江日报"));
}

}  // namespace
}  // namespace credcheck
