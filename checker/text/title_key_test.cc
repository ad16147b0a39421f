// title_key(): what sites wrap around a headline is not a change of headline; wording is.
#include <gtest/gtest.h>

#include "checker/text/normalize.h"

namespace credcheck {
namespace {

const char* kHeadline = "江城举办秋季招聘会 三百家企业提供岗位";

TEST(TitleKey, SiteAffixesWidthsPunctuationAndScriptAreTheSameHeadline) {
  const std::string key = title_key(kHeadline);
  ASSERT_FALSE(key.empty());
  for (const char* same : {
           "江城举办秋季招聘会 三百家企业提供岗位_某某网",
           "江城举办秋季招聘会 三百家企业提供岗位 - 某县融媒",
           "江城举办秋季招聘会 三百家企业提供岗位 — 某市广播电视台",
           "江城举办秋季招聘会 三百家企业提供岗位|某某新闻客户端",
           "江城举办秋季招聘会 三百家企业提供岗位丨某某日报",
           "江城举办秋季招聘会 三百家企业提供岗位_要闻频道_某某在线",
           "江城举办秋季招聘会 三百家企业提供岗位 - www.news-example.com.cn",
           "独家|江城举办秋季招聘会 三百家企业提供岗位",
           "独家丨江城举办秋季招聘会，三百家企业提供岗位！",
           "【视频】江城举办秋季招聘会 三百家企业提供岗位（组图）",
           "[独家] 江城举办秋季招聘会 三百家企业提供岗位_某某网",
           "江城舉辦秋季招聘會　三百家企業提供崗位",
           "“江城举办秋季招聘会”三百家企业提供岗位",
       })
    EXPECT_EQ(title_key(same), key) << same;
}

TEST(TitleKey, ChangedWordingIsAnotherHeadline) {
  const std::string key = title_key(kHeadline);
  for (const char* changed : {
           "江城秋季招聘会来了",
           "江城举办秋季招聘会",
           "江城举办秋季招聘会 三百家企业提供岗位 - 记者现场探访",
           "江城举办秋季招聘会 三百家企业提供岗位_求职者排起长队",
           "重磅|江城举办秋季招聘会 三百家企业提供两千个岗位",
           "三百家企业提供岗位 江城举办秋季招聘会",
       })
    EXPECT_NE(title_key(changed), key) << changed;
}

TEST(TitleKey, NeverStripsTheWholeHeadline) {
  EXPECT_EQ(title_key("某某网"), title_key("某某网"));
  EXPECT_FALSE(title_key("_某某网").empty());
  EXPECT_FALSE(title_key("独家|").empty());
  EXPECT_FALSE(title_key("【视频】").empty());
  EXPECT_EQ(title_key(""), "");
  // A hyphen inside wording is not a separator.
  EXPECT_NE(title_key("中-老铁路客运量创新高"), title_key("中"));
}

}  // namespace
}  // namespace credcheck
