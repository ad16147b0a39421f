#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "checker/page/page_testing.h"

namespace credcheck {
namespace {

using testing::extract_snippet;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

struct Case {
  const char* html;
  std::vector<std::string> bylines;
  std::vector<std::string> authors;
};

void expect_byline(const Case& c) {
  Fields f = extract_snippet(c.html);
  EXPECT_EQ(f.bylines, c.bylines) << c.html;
  EXPECT_EQ(f.authors, c.authors) << c.html;
}

TEST(Bylines, AffiliationKeptInTheByline) {
  expect_byline({"<p>端州日报记者 林海峰 吴佩仪</p>", {"端州日报记者 林海峰 吴佩仪"},
                 {"林海峰", "吴佩仪"}});
}

TEST(Bylines, PlainReporter) {
  expect_byline({"<p>记者 孔文涛</p>", {"记者 孔文涛"}, {"孔文涛"}});
}

TEST(Bylines, BoxMarkAndBenbao) {
  expect_byline({"<p>□ 本报记者 葛文丽</p>", {"本报记者 葛文丽"}, {"葛文丽"}});
}

TEST(Bylines, FusedNamesWithDateline) {
  expect_byline({"<p>本报记者罗俊苏莹发自广州</p>", {"本报记者罗俊苏莹"}, {"罗俊", "苏莹"}});
}

TEST(Bylines, NewsFlashPrefixWithBracket) {
  expect_byline({"<p>端州快讯（记者 裴远航）今天上午，新建的城市书房正式开放。</p>",
                 {"端州快讯（记者 裴远航）"}, {"裴远航"}});
}

TEST(Bylines, AgencyDatelineWithBracket) {
  expect_byline({"<p>据新华社拉萨电（记者 格桑次仁）当地牧民迎来丰收。</p>",
                 {"据新华社拉萨电（记者 格桑次仁）"}, {"格桑次仁"}});
}

TEST(Bylines, CityDatelineWithTrailingWord) {
  expect_byline({"<p>江城网5月6日讯（记者陈立 整合）假期过半，景区客流平稳。</p>",
                 {"江城网5月6日讯（记者陈立 整合）"}, {"陈立"}});
}

TEST(Bylines, SquareBracketReport) {
  Fields f = extract_snippet("<p>【环球快报报道 记者 崔云飞】当地时间周一，会议开幕。</p>");
  EXPECT_THAT(f.authors, ElementsAre("崔云飞"));
}

TEST(Bylines, WenSlashWithOutletFused) {
  Fields f = extract_snippet("<p>【文/观澜网王思远】</p>");
  EXPECT_THAT(f.authors, ElementsAre("王思远"));
}

TEST(Bylines, NamesClosingTheText) {
  Fields a = extract_snippet("<p>活动将持续到月底。(信报记者 蔡雪莹)</p>");
  EXPECT_THAT(a.authors, ElementsAre("蔡雪莹"));
  EXPECT_THAT(a.bylines, ElementsAre("信报记者 蔡雪莹"));
  EXPECT_THAT(extract_snippet("<p>会议持续两天。（姚立 上海报道）</p>").authors,
              ElementsAre("姚立"));
  EXPECT_THAT(extract_snippet("<p>现场秩序良好。（总台记者 张蓓）</p>").authors,
              ElementsAre("张蓓"));
}

TEST(Bylines, SlashAndColonRoles) {
  EXPECT_THAT(extract_snippet("<p>文/图 刘东明 易楠</p>").authors, ElementsAre("刘东明", "易楠"));
  EXPECT_THAT(extract_snippet("<p>执笔/笑笑姐、胡一刀&amp;李小飞刀</p>").authors,
              ElementsAre("笑笑姐", "胡一刀", "李小飞刀"));
  EXPECT_THAT(extract_snippet("<p>2024-01-02 来源：证券报作者：李在东</p>").authors,
              ElementsAre("李在东"));
  EXPECT_THAT(extract_snippet("<p>《棱角》作者 周明</p>").authors, ElementsAre("周明"));
}

TEST(Bylines, NamesJoinedByDunOrSpaces) {
  EXPECT_THAT(extract_snippet("<p>西江日报记者梁明、黄志新</p>").authors,
              ElementsAre("梁明", "黄志新"));
}

TEST(Bylines, FusedCreditLine) {
  Fields f = extract_snippet("<p>顶端新闻·河洛商报记者马俊海/文受访者供图</p>");
  EXPECT_THAT(f.bylines, ElementsAre("顶端新闻·河洛商报记者马俊海"));
  EXPECT_THAT(f.authors, ElementsAre("马俊海"));
}

TEST(Bylines, NameSlashOutlet) {
  EXPECT_THAT(extract_snippet("<p>石磊/中国青年报</p>").authors, ElementsAre("石磊"));
}

TEST(Bylines, TraditionalCharacters) {
  Fields f = extract_snippet("<p>西江日報記者 梁曉明 黃志新</p>");
  EXPECT_THAT(f.bylines, ElementsAre("西江日報記者 梁曉明 黃志新"));
  EXPECT_THAT(f.authors, ElementsAre("梁曉明", "黃志新"));
}

// Traps.
TEST(Bylines, PressConferenceAndReportersAreNoBylines) {
  Fields f = extract_snippet(
      "<p>在记者会上 张部长介绍了情况。</p><p>记者们纷纷提问。</p>"
      "<p>对此，相关负责人向记者表示，将尽快整改。</p><p>记者了解到，工程已过半。</p>");
  EXPECT_THAT(f.authors, IsEmpty());
  EXPECT_THAT(f.bylines, IsEmpty());
}

TEST(Bylines, PhotographyWordEndsTheName) {
  Fields f = extract_snippet("<p>記者盧素華攝影</p>");
  EXPECT_THAT(f.authors, ElementsAre("盧素華"));
}

TEST(Bylines, PlatformOrNumberInMetaAuthorIsNoAuthor) {
  for (const char* a : {"网易", "123456", "参考消息"}) {
    Fields f = extract_snippet(std::string("<html><head><meta name='author' content='") + a +
                               "'></head><body><p>正文。</p></body></html>");
    EXPECT_THAT(f.authors, IsEmpty()) << a;
  }
  Fields g = extract_snippet(
      "<html><head><meta name='author' content='王海燕'></head><body><p>正文。</p></body></html>");
  EXPECT_THAT(g.authors, ElementsAre("王海燕"));
}

TEST(Bylines, TemplateAuthorRepeatingTheEditorHidesTheRealAuthor) {
  Fields f = extract_snippet(
      "<div>作者：周小溪 责任编辑：周小溪</div><p>新书市集周末开张，摊位超过五十个。</p>"
      "<p>（记者 陈海明）</p>");
  EXPECT_THAT(f.authors, ElementsAre("陈海明"));
  EXPECT_THAT(f.editors, ElementsAre("周小溪"));
  for (const auto& b : f.bylines) EXPECT_EQ(b.find("周小溪"), std::string::npos) << b;
}

TEST(Bylines, PhotoCreditsAreNoBylines) {
  Fields f = extract_snippet(
      "<img src='a.jpg'><p>市民在湖边散步。中新社记者 杜明 摄</p>"
      "<img src='b.jpg'><p>图片来源：每经记者 张蕾 摄</p>");
  EXPECT_THAT(f.authors, IsEmpty());
  EXPECT_EQ(f.media_credits.size(), 2u);
}

TEST(Bylines, SelfMediaAccountAboveTheTimeLine) {
  std::string head = "<html><head><title>美人鱼表演成了新职业</title></head><body>";
  Fields f = extract_snippet(head +
                             "<h2>美人鱼表演成了新职业</h2><img src='/avatar.png'><p>枫叶旅行家</p>"
                             "<div>发布时间：10-08 12:00</div>"
                             "<p>她辞去了原来的工作，开始在水族馆表演，每周训练两次，收入比以前高出不少。</p>"
                             "</body></html>");
  EXPECT_THAT(f.authors, ElementsAre("枫叶旅行家"));
  // An outlet there is no author, and a byline elsewhere wins.
  Fields g = extract_snippet(head +
                             "<h2>美人鱼表演成了新职业</h2><p>端州日报</p><div>发布时间：10-08 12:00</div>"
                             "<p>她辞去了原来的工作，开始在水族馆表演，每周训练两次，收入比以前高出不少。</p>"
                             "</body></html>");
  EXPECT_THAT(g.authors, IsEmpty());
}

}  // namespace
}  // namespace credcheck
