#include <gtest/gtest.h>

#include "checker/rules/rules_test_util.h"

namespace credcheck {
namespace {

using test::check;

class MediaCreditTest : public ::testing::Test {
 protected:
  std::unique_ptr<Rule> rule = test::make_rule("media-credit");
  Fields original = test::xijiang_original();
  Fields page;

  void SetUp() override {
    page.title = original.title;
    page.text = "5月18日，第十届端砚文化节在肇庆开幕。";
  }
};

TEST_F(MediaCreditTest, ReusedPictureWithoutCreditIsAFinding) {
  page.media_credits = {{"image", "", "游客观看制砚", "/img/2024/duanyan-01.jpg?x=1#top"},
                        {"image", "通讯员 李安 供图", "另一张图 通讯员 李安 供图", "other-02.jpg"}};
  auto findings = check(*rule, page, &original);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].rule, "media-credit");
  EXPECT_EQ(findings[0].message, "the message (picture credit 西江日报记者 梁晓敏 摄 missing)");
  EXPECT_EQ(findings[0].evidence, "游客观看制砚 | /img/2024/duanyan-01.jpg?x=1#top");
  EXPECT_EQ(findings[0].expected, "西江日报记者 梁晓敏 摄");
  EXPECT_EQ(findings[0].location, "media_credits[0]");
}

TEST_F(MediaCreditTest, CreditNamingThePhotographerIsEnough) {
  page.media_credits = {{"image", "图/梁晓敏", "游客观看制砚", "duanyan-01.jpg"}};
  EXPECT_TRUE(check(*rule, page, &original).empty());
  page.media_credits = {{"image", "", "游客观看制砚（西江日報記者 梁曉敏 攝）", "duanyan-01.jpg"}};
  EXPECT_TRUE(check(*rule, page, &original).empty());
}

TEST_F(MediaCreditTest, CaptionCopiedIntoTheTextShowsReuse) {
  page.text += "\n游客在文化节现场 观看制砚师傅雕刻砚台。";
  auto findings = check(*rule, page, &original);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].location, "text");
  EXPECT_EQ(findings[0].evidence, "游客在文化节现场 观看制砚师傅雕刻砚台。");

  page.text += "（梁晓敏 摄）";
  EXPECT_TRUE(check(*rule, page, &original).empty());
}

TEST_F(MediaCreditTest, BylineElsewhereIsNoPictureCredit) {
  // The reporter who took the picture also wrote the story: the byline credits the words.
  page.text = "西江日报记者 梁晓敏 黄志坚\n5月18日，第十届端砚文化节在肇庆开幕。\n"
              "游客在文化节现场观看制砚师傅雕刻砚台。\n据介绍，本届文化节将持续至5月26日。";
  auto findings = check(*rule, page, &original);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].evidence, "游客在文化节现场观看制砚师傅雕刻砚台。");

  page.media_credits = {{"image", "", "游客观看制砚", "duanyan-01.jpg"}};  // found by file name
  EXPECT_EQ(check(*rule, page, &original).size(), 1u);
}

TEST_F(MediaCreditTest, CreditOnTheLineBelowTheCaptionCounts) {
  page.text = "游客在文化节现场观看制砚师傅雕刻砚台。\n（西江日报记者 梁晓敏 摄）";
  EXPECT_TRUE(check(*rule, page, &original).empty());
}

TEST_F(MediaCreditTest, GenericFileNamesDoNotShowReuse) {
  original.media_credits[0].src = "https://mmbiz.qpic.cn/mmbiz_jpg/abc/640?wx_fmt=jpeg";
  original.media_credits[0].near = "";
  page.media_credits = {{"image", "", "", "https://mmbiz.qpic.cn/mmbiz_jpg/xyz/640?wx_fmt=jpeg"}};
  EXPECT_TRUE(check(*rule, page, &original).empty());
}

TEST_F(MediaCreditTest, MediumNotReusedAsksNothing) {
  page.media_credits = {{"image", "", "另一张图", "https://news.example.cn/img/other.jpg"}};
  EXPECT_TRUE(check(*rule, page, &original).empty());
}

TEST_F(MediaCreditTest, ShortCaptionsDoNotShowReuse) {
  original.media_credits = {{"image", "西江日报记者 梁晓敏 摄", "活动现场 西江日报记者 梁晓敏 摄", ""}};
  page.text = "活动现场";
  EXPECT_TRUE(check(*rule, page, &original).empty());
}

TEST_F(MediaCreditTest, OutletCreditsAndVideos) {
  original.media_credits = {{"video", "新华社发", "", "https://www.xjrb.com/v/abc123.mp4"},
                            {"image", "西江日报记者 梁晓敏 黄志坚 摄", "", "https://www.xjrb.com/p/photo-2.jpg"}};
  page.media_credits = {{"video", "视频来源：新华社", "", "https://cdn.example.cn/abc123.mp4"},
                        {"image", "梁晓敏 摄", "", "https://cdn.example.cn/photo-2.jpg"}};
  auto findings = check(*rule, page, &original);
  ASSERT_EQ(findings.size(), 1u);  // the video is credited; the picture lacks 黄志坚
  EXPECT_EQ(findings[0].message,
            "the message (picture credit 西江日报记者 梁晓敏 黄志坚 摄 missing)");
  EXPECT_EQ(findings[0].location, "media_credits[1]");

  page.media_credits[0].credit = "";
  findings = check(*rule, page, &original);
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].message, "the message (video credit 新华社发 missing)");
}

TEST_F(MediaCreditTest, SameFileUnderSizeSuffixesAndCdnPrefixes) {
  for (const char* src : {"https://img.cdn.example/xjrb/2024/duanyan-01_640x480.jpg!w640",
                          "//cdn.example/p/DUANYAN-01-small.webp",
                          "https://mirror.example/uploads/2024/05/20/duanyan-01@2x.png?v=3"}) {
    page.media_credits = {{"image", "", "", src}};
    auto findings = check(*rule, page, &original);
    ASSERT_EQ(findings.size(), 1u) << src;
    EXPECT_EQ(findings[0].evidence, src);
    EXPECT_EQ(findings[0].location, "media_credits[0]");
  }
  page.media_credits = {{"image", "", "", "https://cdn.example/p/duanyan-02.jpg"}};
  EXPECT_TRUE(check(*rule, page, &original).empty());
}

TEST_F(MediaCreditTest, SameUrlPathEvenWithAGenericFileName) {
  original.media_credits[0].src = "https://www.xjrb.com/uploads/2024/05/20/640.jpg";
  original.media_credits[0].near = "";
  page.media_credits = {{"image", "", "", "https://mirror.example/uploads/2024/05/20/640.jpg"}};
  EXPECT_EQ(check(*rule, page, &original).size(), 1u);
  page.media_credits = {{"image", "", "", "https://mirror.example/uploads/2024/05/21/640.jpg"}};
  EXPECT_TRUE(check(*rule, page, &original).empty());
}

TEST_F(MediaCreditTest, RewrittenOrShortenedCaptionShowsReuse) {
  // New file name, caption reworded and cut, credit dropped.
  for (const char* caption : {"文化节现场，游客观看制砚师傅雕刻砚台", "游客观看制砚师傅雕刻砚台。",
                              "在文化节现场，游客们围观制砚师傅雕刻端砚"}) {
    page.media_credits = {{"image", "", caption, "https://cdn.example/p/IMG_8841.jpg"}};
    auto findings = check(*rule, page, &original);
    ASSERT_EQ(findings.size(), 1u) << caption;
    EXPECT_EQ(findings[0].evidence, std::string(caption) + " | https://cdn.example/p/IMG_8841.jpg");
  }
  // Another picture of the same day is not this one.
  page.media_credits = {{"image", "", "市民在湖边绿道上骑行散步", "https://cdn.example/p/IMG_8842.jpg"}};
  EXPECT_TRUE(check(*rule, page, &original).empty());
  // Credited under the rewritten caption: fine.
  page.media_credits = {{"image", "梁晓敏 摄", "游客观看制砚师傅雕刻砚台 梁晓敏 摄", "https://cdn.example/p/IMG_8841.jpg"}};
  EXPECT_TRUE(check(*rule, page, &original).empty());
}

TEST_F(MediaCreditTest, CreditUnderAnotherPictureDoesNotCount) {
  page.media_credits = {{"image", "", "游客观看制砚师傅雕刻砚台", "https://cdn.example/p/IMG_8841.jpg"},
                        {"image", "西江日报记者 梁晓敏 摄", "湖边的新步道 西江日报记者 梁晓敏 摄",
                         "https://cdn.example/p/IMG_8842.jpg"}};
  EXPECT_EQ(check(*rule, page, &original).size(), 1u);
  // A blanket credit covers every picture.
  page.media_credits.push_back({"image", "本文图片均为西江日报记者梁晓敏摄", "本文图片均为西江日报记者梁晓敏摄", ""});
  EXPECT_TRUE(check(*rule, page, &original).empty());
}

TEST_F(MediaCreditTest, UncreditedPicturesOfTheOriginalAskNothing) {
  original.media_credits = {{"image", "", "游客在文化节现场观看制砚师傅雕刻砚台。", "duanyan-01.jpg"}};
  page.media_credits = {{"image", "", "游客在文化节现场观看制砚师傅雕刻砚台。", "duanyan-01.jpg"}};
  EXPECT_TRUE(check(*rule, page, &original).empty());
}

TEST_F(MediaCreditTest, TheOriginalsBlanketCreditCoversItsUncreditedPictures) {
  original.media_credits = {{"image", "", "", "https://www.xjrb.com/uploads/duanyan-01.jpg"},
                            {"image", "本文图片均为西江日报记者 林立 摄", "本文图片均为西江日报记者 林立 摄", ""}};
  page.media_credits = {{"image", "", "游客观看制砚", "https://cdn.example/duanyan-01.jpg"}};
  auto findings = check(*rule, page, &original);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].expected, "本文图片均为西江日报记者 林立 摄");
  page.media_credits[0].credit = "林立 摄";
  EXPECT_TRUE(check(*rule, page, &original).empty());
}

TEST_F(MediaCreditTest, SameMissingCreditIsReportedOnce) {
  original.media_credits.push_back(original.media_credits[0]);
  page.media_credits = {{"image", "", "游客观看制砚", "duanyan-01.jpg"}};
  EXPECT_EQ(check(*rule, page, &original).size(), 1u);
}

}  // namespace
}  // namespace credcheck
