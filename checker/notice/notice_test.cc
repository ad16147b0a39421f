#include "checker/notice/notice.h"

#include <gtest/gtest.h>

#include "checker/notice/demands.h"
#include "checker/page/html.h"

namespace credcheck {
namespace {

std::vector<std::string> texts(const std::vector<NoticeSentence>& s) {
  std::vector<std::string> out;
  for (const auto& x : s) out.push_back(x.text);
  return out;
}

std::vector<std::string> clauses(const std::vector<NoticeSentence>& s) {
  std::vector<std::string> out;
  for (const auto& x : s) out.push_back(x.clause);
  return out;
}

TEST(SplitSentences, NumbersClausesAndItemsAsTheNoticeDoes) {
  auto s = split_sentences({"1.", "凡本网作品版权均属甲网所有。未经授权不得转载。已授权的，使用时必须做到：(1)注明来源。（2）如修改标题，须注明原标题。",
                            "2. 擅自使用甲网名义的，本网将追究责任。"});
  EXPECT_EQ(texts(s), (std::vector<std::string>{"凡本网作品版权均属甲网所有。", "未经授权不得转载。",
                                                 "已授权的，使用时必须做到：", "(1)注明来源。",
                                                 "（2）如修改标题，须注明原标题。",
                                                 "擅自使用甲网名义的，本网将追究责任。"}));
  EXPECT_EQ(clauses(s), (std::vector<std::string>{"1", "1", "1", "1(1)", "1(2)", "2"}));
  // Items carry the lead-in that asks for them.
  EXPECT_EQ(s[3].lead_in, "已授权的,使用时必须做到:");
  EXPECT_EQ(s[1].lead_in, "");
}

TEST(SplitSentences, ChineseNumeralsCircledNumbersAndNoNumbering) {
  auto s = split_sentences({"一、版权所有；二、不得转载！", "①须注明出处"});
  EXPECT_EQ(clauses(s), (std::vector<std::string>{"一", "一", "①"}));
  EXPECT_EQ(texts(s)[1], "二、不得转载！");  // only a line's first marker opens a clause
  s = split_sentences({"版权所有，不得转载。 。"});
  ASSERT_EQ(s.size(), 1u);  // the lone 。 is no sentence
  EXPECT_EQ(s[0].clause, "");
}

TEST(FindNotice, TakesTheTermsNotTheArticleNorTheNavigation) {
  std::vector<NoticeLine> lines = {
      {"首页 | 新闻 | 版权声明 | 联系我们", true, false},
      {"法律规定获取数据需要客户授权，未经用户授权不得转载其个人信息，但这只是一则新闻的正文里很长的一句话，讲的是个人信息保护，并非本网的版权声明，所以不应被当作声明读出。", false, true},
      {"甲网版权与免责声明", false, false},
      {"1.", false, false},
      {"凡本网作品，未经书面授权，不得转载。", false, false},
      {"联系电话：0000-1234567", false, false},
      {"关于我们 | 广告服务 | 版权声明", true, false},
      {"甲网版权所有，未经授权禁止建立镜像", false, false},
      {"甲网版权所有，未经授权禁止建立镜像", false, false},  // printed twice: counted once
  };
  Notice n = find_notice(lines);
  EXPECT_EQ(n.title, "甲网版权与免责声明");
  EXPECT_EQ(texts(n.sentences), (std::vector<std::string>{"凡本网作品，未经书面授权，不得转载。",
                                                            "甲网版权所有，未经授权禁止建立镜像"}));
  EXPECT_EQ(clauses(n.sentences), (std::vector<std::string>{"1", "sentence 2"}));
  // The trailing contact line is no term and ends no run with a term after it: left out.
  for (const std::string& l : n.lines) EXPECT_EQ(l.find("联系电话"), std::string::npos);
}

TEST(FindNotice, InALongLineTheTermMustStandInOneClause) {
  // A player's overlay: 版权 in one clause, 请 in another.
  EXPECT_TRUE(find_notice(lines_of_text("进入广告 广告剩余15秒 会员可关闭广告，为了给用户提供更多优质剧集，应版权方要求，"
                                        "会员在观看这些剧集时无法跳过广告，我们会继续争取免广告权益，请您谅解，谢谢！"))
                  .sentences.empty());
  // A short line is read whole: 转载 … 请 is a term.
  EXPECT_EQ(find_notice(lines_of_text("如本网发布或转载内容涉及名誉权等问题，请与本网联系。")).sentences.size(), 1u);
}

TEST(FindNotice, NothingWhenNoLineStatesATerm) {
  EXPECT_TRUE(find_notice(lines_of_text("标题\n学生原则上不得提前返校。\n来源：某某网\n")).sentences.empty());
}

TEST(FindNotice, AShortOutrightTermInsideTheArticleCounts) {
  Notice n = find_notice({{"正文第一段，说明事情的经过。", false, true},
                          {"乙新闻，未经授权不得转载", false, true},
                          {"只要数据来源未经用户授权，都存在法律风险", false, true}});
  EXPECT_EQ(texts(n.sentences), (std::vector<std::string>{"乙新闻，未经授权不得转载"}));
}

TEST(LinesOfText, OneLineEachAndBarRowsAreNavigation) {
  auto lines = lines_of_text("  甲  \n\n关于我们| 广告服务| 版权声明| 联系我们\n");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].text, "甲");
  EXPECT_TRUE(lines[1].navigation);
}

const char* kPage = R"(<html><head><title>新区公交专线开通_丙日报</title>
<meta property="og:site_name" content="丙日报网"><link rel="canonical" href="https://www.bing.example/a.html"></head>
<body><div class="logo"><img src="/logo.png" alt="丙日报"></div>
<div class="nav"><a href="/">首页</a> | <a href="/c">版权声明</a></div>
<h1>新区公交专线开通</h1><div class="content">
<p>记者从市交通运输局获悉，新区公交专线将于下月开通，全程设站十二个，高峰时段发车间隔为五分钟。</p>
<p>据介绍，该线路沿滨江大道布设专用车道，配套建设的换乘枢纽已完成主体施工，正在进行设备安装。</p>
<p>有关负责人表示，专线开通后，城区至新区的出行时间预计由五十分钟缩短至三十分钟左右。</p>
<p>试运行期间，专线实行统一票价，市民可使用交通卡、手机扫码等多种方式乘车，继续享受优惠。</p>
</div><div class="foot"><p>丙日报版权所有，未经书面授权不得转载。转载请注明来源“丙日报”。</p></div></body></html>)";

TEST(ReadNoticePage, FindsTheFootNoticeAndTheSiteNames) {
  NoticePage p;
  std::string err;
  ASSERT_TRUE(read_notice_page(kPage, &p, &err)) << err;
  EXPECT_TRUE(p.html);
  EXPECT_EQ(texts(p.notice.sentences), (std::vector<std::string>{"丙日报版权所有，未经书面授权不得转载。",
                                                                   "转载请注明来源“丙日报”。"}));
  EXPECT_EQ(p.site_names, (std::vector<std::string>{"丙日报网", "丙日报"}));
  EXPECT_EQ(p.canonical, "https://www.bing.example/a.html");
}

TEST(ReadNoticePage, PlainTextIsReadAsLines) {
  NoticePage p;
  std::string err;
  ASSERT_TRUE(read_notice_page("丁网版权声明\n未经丁网书面授权，不得转载。\n", &p, &err));
  EXPECT_FALSE(p.html);
  EXPECT_EQ(p.notice.title, "丁网版权声明");
  EXPECT_EQ(p.notice.sentences.size(), 1u);
}

}  // namespace
}  // namespace credcheck

namespace credcheck {
namespace {

// Hostile text ends as a bounded result: a huge line is no notice line, and a notice
// line full of credits and names is read with capped work (a quadratic reading of
// these would run for hours and meet ctest's timeout).
TEST(NoticeBounds, HugeAndRepetitiveNoticesEnd) {
  std::string huge;
  for (int i = 0; i < 200000; ++i) huge += "须注明“来源：甲网”";
  EXPECT_TRUE(find_notice(lines_of_text(huge)).sentences.empty());
  std::string many;
  for (int i = 0; i < 20000; ++i) {
    std::string line;
    for (int j = 0; j < 40; ++j) line += "须注明“来源：乙" + std::to_string(j) + "网”";
    many += line + "，未经授权不得转载\n";
  }
  Notice n = find_notice(lines_of_text(many));
  EXPECT_EQ(n.sentences.size(), 1u);  // the same line 20,000 times counts once
  std::vector<Demand> d = recognise_demands(n);
  ASSERT_FALSE(d.empty());
  EXPECT_LE(notice_names(n).size(), 32u);
}

}  // namespace
}  // namespace credcheck
