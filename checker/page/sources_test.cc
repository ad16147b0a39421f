#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "checker/page/page_testing.h"

namespace credcheck {
namespace {

using testing::extract_snippet;
using ::testing::ElementsAre;

TEST(Sources, LabelWithColon) {
  Fields f = extract_snippet("<h1>新标题</h1><div>2024-03-02 来源：西江日报</div>");
  EXPECT_THAT(f.sources, ElementsAre("西江日报"));
  EXPECT_THAT(f.source_lines, ElementsAre("来源：西江日报"));
}

TEST(Sources, LabelVariantsAndAsciiColon) {
  for (const char* line : {"本文来源：端州日报", "文章来源:端州日报", "信息来源：端州日报",
                           "稿件来源：端州日报", "来源于：端州日报", "转载自：端州日报",
                           "本文转自端州日报", "来源 端州日报"}) {
    Fields f = extract_snippet(std::string("<p>") + line + "</p>");
    EXPECT_THAT(f.sources, ElementsAre("端州日报")) << line;
  }
}

TEST(Sources, SpacesInsideTheLabel) {
  Fields f = extract_snippet("<p>来 源 ：　鼎湖新闻</p>");
  EXPECT_THAT(f.sources, ElementsAre("鼎湖新闻"));
}

TEST(Sources, LabelAndOutletInSeparateElements) {
  Fields f = extract_snippet("<div><span>来源：</span><a href='/'>西江日报</a></div>");
  EXPECT_THAT(f.sources, ElementsAre("西江日报"));
  Fields g = extract_snippet("<div class=src><p>来源：</p><p>西江日报</p></div>");
  EXPECT_THAT(g.sources, ElementsAre("西江日报"));
}

TEST(Sources, BracketsAroundTheOutlet) {
  EXPECT_THAT(extract_snippet("<p>来源：[ 人民网 ]</p>").sources, ElementsAre("人民网"));
  EXPECT_THAT(extract_snippet("<p>来源：《西江日报》</p>").sources, ElementsAre("西江日报"));
}

TEST(Sources, SourceAndEditorOnOneLine) {
  Fields f = extract_snippet("<p>来源：河套晚报    编辑：王小川</p>");
  EXPECT_THAT(f.sources, ElementsAre("河套晚报"));
  EXPECT_THAT(f.editors, ElementsAre("王小川"));
}

TEST(Sources, DateGluedOn) {
  EXPECT_THAT(extract_snippet("<p>来源：南方+2022年12月23日</p>").sources,
              ElementsAre("南方+"));
}

TEST(Sources, ChannelSuffixIsDropped) {
  Fields f = extract_snippet("<p>来源：人民网-社会频道</p>");
  EXPECT_THAT(f.sources, ElementsAre("人民网"));
  EXPECT_THAT(f.source_lines, ElementsAre("来源：人民网-社会频道"));
}

TEST(Sources, NoLabelOutletAfterTheDateInTheHeader) {
  Fields f = extract_snippet(
      "<h1>江边步道今起开放</h1><div>2021年11月25日 18:57 参考消息</div>"
      "<p>步道全长三公里，沿途设有五处休息点，周边居民可以免费使用，管理方表示将定期维护。</p>");
  EXPECT_THAT(f.sources, ElementsAre("参考消息"));
}

TEST(Sources, InlineAtStartOrEndOfTheText) {
  Fields f = extract_snippet(
      "<p>（来源：西江日报）近日，城区新开了三家社区食堂，受到老人欢迎。</p>");
  EXPECT_THAT(f.sources, ElementsAre("西江日报"));
  EXPECT_THAT(f.source_lines, ElementsAre("（来源：西江日报）"));
  Fields g = extract_snippet("<p>社区食堂每天供应午餐和晚餐。（来源：西江日报）</p>");
  EXPECT_THAT(g.sources, ElementsAre("西江日报"));
}

TEST(Sources, OriginallyPublishedIn) {
  EXPECT_THAT(extract_snippet("<p>（原载《端州日报》2024年5月1日第3版）</p>").sources,
              ElementsAre("端州日报"));
}

TEST(Sources, TraditionalCharacters) {
  Fields f = extract_snippet("<p>來源：西江日報</p>");
  EXPECT_THAT(f.sources, ElementsAre("西江日报"));
  EXPECT_THAT(f.source_lines, ElementsAre("來源：西江日報"));
}

TEST(Sources, SeveralLinesOneOutlet) {
  Fields f = extract_snippet("<p>来源: 端州日报</p><p>正文。</p><p>本文来源：端州日报</p>");
  EXPECT_THAT(f.sources, ElementsAre("端州日报"));
  EXPECT_EQ(f.source_lines.size(), 2u);
}

// Trap: a generic placeholder at the top, the real source at the bottom.
TEST(Sources, GenericPlaceholderIsNoSource) {
  Fields f = extract_snippet(
      "<div>来源：转载文章</div><p>正文。</p><div>来源：网络</div><p>来源：高要日报</p>");
  EXPECT_THAT(f.sources, ElementsAre("高要日报"));
}

// Trap: a person's name in the 来源 slot is an author-like credit, not an outlet.
TEST(Sources, PersonInTheSourceSlotIsNoOutlet) {
  Fields f = extract_snippet("<p>来源：陈晓明</p>");
  EXPECT_TRUE(f.sources.empty());
  EXPECT_THAT(f.authors, ElementsAre("陈晓明"));
  // A short outlet that is no name stays an outlet.
  EXPECT_THAT(extract_snippet("<p>来源：商讯</p>").sources, ElementsAre("商讯"));
}

// Trap: （来源：梨视频） under an embedded video credits the video, not the article.
TEST(Sources, VideoCreditIsNoArticleSource) {
  Fields f = extract_snippet(
      "<p>来源：端州日报</p><video src='https://v.example/a.mp4'></video>"
      "<p>市民排队试乘新线路 （来源：梨视频）</p>");
  EXPECT_THAT(f.sources, ElementsAre("端州日报"));
  ASSERT_EQ(f.media_credits.size(), 1u);
  EXPECT_EQ(f.media_credits[0].kind, "video");
  EXPECT_EQ(f.media_credits[0].credit, "（来源：梨视频）");
  EXPECT_EQ(f.media_credits[0].src, "https://v.example/a.mp4");
}

// Words that merely contain 来源 are no label; a notice quoting "来源：…" is no credit.
TEST(Sources, NoLabelInsideSentencesOrQuotes) {
  Fields f = extract_snippet(
      "<p>只要数据来源未经授权，就存在风险。</p>"
      "<p>转载须注明“来源：西江日报”。</p><p>图片来源：视觉中国</p>");
  EXPECT_TRUE(f.sources.empty());
}

}  // namespace
}  // namespace credcheck
