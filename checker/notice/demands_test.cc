#include "checker/notice/demands.h"

#include <gtest/gtest.h>

namespace credcheck {
namespace {

Notice notice_of(const std::vector<std::string>& lines) {
  Notice n;
  n.sentences = split_sentences(lines);
  return n;
}

// "kind kind …" of one sentence's demands.
std::string kinds(const std::string& sentence) {
  std::string out;
  for (const Demand& d : recognise_demands(notice_of({sentence})))
    out += (out.empty() ? "" : " ") + std::string(demand_name(d.kind));
  return out;
}

TEST(Demands, EachFormulaicShape) {
  EXPECT_EQ(kinds("凡是未经书面授权，不得以任何形式转载、链接、转贴、编辑或其它方式发布。"), "authorisation");
  EXPECT_EQ(kinds("本站所有内容严禁任何媒体、网站和个人转载、摘编。"), "reprint-forbidden");
  EXPECT_EQ(kinds("未经授权禁止复制或者建立镜像"), "mirroring");
  EXPECT_EQ(kinds("未经授权禁止转载、摘编、复制及建立镜像。"), "authorisation mirroring");
  EXPECT_EQ(kinds("如修改标题，必须注明原标题。"), "original-title");
  EXPECT_EQ(kinds("转载请注明出处。"), "source-credit");
  EXPECT_EQ(kinds("转载请保留出处。"), "source-credit");
  EXPECT_EQ(kinds("本网未注明“来源：甲网”的作品均为转载稿，如其它媒体使用，必须保留本网注明的“稿件来源”。"),
            "upstream-source");
  EXPECT_EQ(kinds("擅自使用甲网名义发布信息，本网将追究其法律责任。"), "name-protected");
  EXPECT_EQ(kinds("转载本站原创稿件请附上原文链接。"), "link-back");
  EXPECT_EQ(kinds("转载时不得歪曲、篡改作品内容。"), "text-unchanged");
  EXPECT_EQ(kinds("新闻稿件须保留电头。"), "dateline-kept");
  EXPECT_EQ(kinds("本站文章采用知识共享署名 4.0 国际许可协议。"), "licence-notice");
  EXPECT_EQ(kinds("Copyright © 2020 Example. All Rights Reserved"), "rights-reserved");
  EXPECT_EQ(kinds("转载图片、视频须同时注明摄影、摄像者姓名。"), "media-credit");
}

TEST(Demands, WhatTheSiteDoesIsNoDemand) {
  // The publisher's own markings, disclaimers and article-like sentences.
  EXPECT_EQ(kinds("凡本网注明“来源：甲网”的所有作品，版权均属于甲网。"), "rights-reserved");
  EXPECT_EQ(kinds("凡本网注明“来源：XXX（非甲网）”的作品，均转载自其它媒体，并不代表本网赞同其观点。"), "");
  EXPECT_EQ(kinds("只要数据来源未经用户授权，都存在法律风险。"), "");
  EXPECT_EQ(kinds("违反上述声明者，本网将追究其相关法律责任。"), "");
  EXPECT_EQ(kinds("如本网转载内容涉及名誉权等问题，请尽快与本网联系。"), "");
}

TEST(Demands, TheCreditsWordingAndAnItemsLeadIn) {
  auto d = recognise_demands(notice_of({"已经被本网授权的，使用时必须做到：(1)注明来源“来源：甲日报”、作者信息“甲日报记者***”、相关图片和视频的出处及作者。"}));
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d[0].kind, DemandKind::source_credit);
  EXPECT_EQ(d[0].names, (std::vector<std::string>{"甲日报"}));
  EXPECT_TRUE(d[0].hard);
  EXPECT_EQ(d[1].kind, DemandKind::author_credit);
  EXPECT_EQ(d[1].author_label, "甲日报记者");
  EXPECT_EQ(d[2].kind, DemandKind::media_credit);
  // Alternatives, and a source asked for again of indirect reprints.
  d = recognise_demands(notice_of({"应注明“来源：乙网”或“来源：乙报”。", "如从其他平台间接转载，仍须注明来源“来源：乙报”。"}));
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].names, (std::vector<std::string>{"乙网", "乙报"}));
  EXPECT_FALSE(d[0].indirect);
  EXPECT_TRUE(d[1].indirect);
  // 请 asks; 须 demands.
  d = recognise_demands(notice_of({"欢迎转载，转载请注明来源：丙网。"}));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_FALSE(d[0].hard);
  EXPECT_EQ(d[0].names, (std::vector<std::string>{"丙网"}));
}

TEST(Demands, NamesAsPrintedInTraditionalCharacters) {
  auto d = recognise_demands(notice_of({"經授權轉載者，須註明「丁新聞社」。"}));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].kind, DemandKind::source_credit);
  EXPECT_EQ(d[0].names, (std::vector<std::string>{"丁新聞社"}));
}

TEST(NoticeNames, TheNamesTheNoticeUsesForItsPublisher) {
  Notice n = notice_of({"所有内容为戊新闻网版权所有，未经己日报书面授权，不得转载。",
                        "擅自使用庚网名义的，本网将追究责任。", "未经本网授权，不得转载。"});
  n.title = "戊新闻网、戊日报版权声明";
  EXPECT_EQ(notice_names(n), (std::vector<std::string>{"戊新闻网", "戊日报", "己日报", "庚网"}));
}

TEST(NoticeNames, TheHolderWhenNoOutletIsNamed) {
  EXPECT_EQ(notice_names(notice_of({"Copyright © 2005 Example Inc. All rights reserved. 辛辛公司 版权所有"})),
            (std::vector<std::string>{"辛辛公司"}));
  // An outlet named: the company beside it is left out.
  EXPECT_EQ(notice_names(notice_of({"壬网版权所有 © 壬壬传媒有限公司"})), (std::vector<std::string>{"壬网"}));
}

TEST(OutletName, OutletsNotWordsForThisSite) {
  EXPECT_TRUE(outlet_name("西江日报"));
  EXPECT_TRUE(outlet_name("中華新聞社"));
  EXPECT_FALSE(outlet_name("本网"));
  EXPECT_FALSE(outlet_name("其他媒体"));
  EXPECT_FALSE(outlet_name("西江日报记者"));
  EXPECT_FALSE(outlet_name("肇庆市融媒集团有限公司"));
}

}  // namespace
}  // namespace credcheck
