#include <gtest/gtest.h>

#include "checker/page/page_testing.h"

namespace credcheck {
namespace {

using testing::extract_snippet;

MediaCredit only_credit(const std::string& html) {
  Fields f = extract_snippet(html);
  EXPECT_EQ(f.media_credits.size(), 1u) << html;
  return f.media_credits.empty() ? MediaCredit{} : f.media_credits[0];
}

TEST(MediaCredits, CaptionAfterThePicture) {
  MediaCredit c = only_credit("<p><img src='/a.jpg'></p><p>湖边的新步道。端州日报记者 陆志明 摄</p>");
  EXPECT_EQ(c.kind, "image");
  EXPECT_EQ(c.credit, "端州日报记者 陆志明 摄");
  EXPECT_EQ(c.near, "湖边的新步道。端州日报记者 陆志明 摄");
  EXPECT_EQ(c.src, "/a.jpg");
}

TEST(MediaCredits, Forms) {
  struct Case {
    const char* caption;
    const char* credit;
  } cases[] = {
      {"新落成的图书馆。（刘明摄）", "（刘明摄）"},
      {"工人在检修线路。 通讯员刘娟娟 摄", "通讯员刘娟娟 摄"},
      {"中新社记者 杜扬 摄", "中新社记者 杜扬 摄"},
      {"图/陈晓东", "图/陈晓东"},
      {"图片来源：视觉中国", "图片来源：视觉中国"},
      {"晨练的老人。（视觉中国）", "（视觉中国）"},
      {"孩子们在操场上。 学校供图", "学校供图"},
      {"共享单车停放点。视觉中国 资料", "视觉中国 资料"},
      {"资料图", "资料图"},
      {"▲图片来自视频截图。", "图片来自视频截图。"},
      {"新落成的图书馆。（劉明攝）", "（劉明攝）"},
  };
  for (const auto& c : cases) {
    MediaCredit m = only_credit(std::string("<img src='/p.jpg'><p>") + c.caption + "</p>");
    EXPECT_EQ(m.credit, c.credit) << c.caption;
    EXPECT_EQ(m.src, "/p.jpg") << c.caption;
  }
}

TEST(MediaCredits, FigcaptionAndLazySrc) {
  MediaCredit c = only_credit(
      "<figure><img src='data:image/gif;base64,R0lGOD' data-src='https://img.example/r.jpg'>"
      "<figcaption>夜色中的大桥。张伟 摄</figcaption></figure>");
  EXPECT_EQ(c.src, "https://img.example/r.jpg");
  EXPECT_EQ(c.credit, "张伟 摄");
}

TEST(MediaCredits, CaptionBeforeThePicture) {
  MediaCredit c = only_credit("<p>王芳 摄</p><img src='/b.jpg'>");
  EXPECT_EQ(c.src, "/b.jpg");
}

TEST(MediaCredits, CreditInAltText) {
  MediaCredit c = only_credit("<img src='/c.jpg' alt='清晨的渔港。（视觉中国）'>");
  EXPECT_EQ(c.credit, "（视觉中国）");
  EXPECT_EQ(c.near, "清晨的渔港。（视觉中国）");
  EXPECT_EQ(c.src, "/c.jpg");
}

TEST(MediaCredits, BlanketCredit) {
  MediaCredit c = only_credit("<p>正文最后一段。本文图片除特别标注外，均为端州日报记者林立 摄</p>");
  EXPECT_EQ(c.credit, "本文图片除特别标注外，均为端州日报记者林立 摄");
  EXPECT_EQ(c.src, "");
}

TEST(MediaCredits, VideoCredit) {
  MediaCredit c = only_credit("<video><source src='/v.mp4'></video><p>视频来源：端州台</p>");
  EXPECT_EQ(c.kind, "video");
  EXPECT_EQ(c.src, "/v.mp4");
}

TEST(MediaCredits, PictureWithoutCreditIsListedWithItsCaption) {
  MediaCredit c = only_credit("<img src='/d.jpg'><p>游客在古城墙下拍摄留念。</p>");
  EXPECT_EQ(c.kind, "image");
  EXPECT_EQ(c.credit, "");
  EXPECT_EQ(c.near, "游客在古城墙下拍摄留念。");
  EXPECT_EQ(c.src, "/d.jpg");
}

TEST(MediaCredits, EveryPictureOfTheArticleInReadingOrder) {
  Fields f = extract_snippet(
      "<h1>古城墙修缮完工</h1><p>正文第一段，古城墙的修缮工程历时两年，近日全面完工并向市民开放。</p>"
      "<figure><img src='/u/wall-01.jpg' alt='城墙全景'></figure>"
      "<p>正文第二段，修缮中使用了传统工艺，尽量保留了城墙的历史原貌和砖石肌理，工程负责人介绍说，所用的青砖全部按照古法烧制。</p>"
      "<p><img src='/u/wall-02.jpg'></p><p>工人在修补墙砖。陈明 摄</p>"
      "<p><video src='/u/wall-03.mp4'></video></p>");
  ASSERT_EQ(f.media_credits.size(), 3u);
  EXPECT_EQ(f.media_credits[0].src, "/u/wall-01.jpg");
  EXPECT_EQ(f.media_credits[0].credit, "");
  EXPECT_EQ(f.media_credits[0].near, "城墙全景");  // no caption line: the alt text
  EXPECT_EQ(f.media_credits[1].src, "/u/wall-02.jpg");
  EXPECT_EQ(f.media_credits[1].credit, "陈明 摄");
  EXPECT_EQ(f.media_credits[2].kind, "video");
  EXPECT_EQ(f.media_credits[2].credit, "");
}

TEST(MediaCredits, ShortOrCentredLineAfterThePictureIsItsCaption) {
  EXPECT_EQ(only_credit("<p><img src='/u/a.jpg'></p><p>修缮后的城门</p>").near, "修缮后的城门");
  EXPECT_EQ(only_credit("<p><img src='/u/a.jpg'></p><p style='text-align: center'>修缮后的城门在夜色中亮起灯光，"
                        "吸引了不少市民和游客前来拍照留念，城门前的广场也重新铺设了地砖</p>")
                .near.substr(0, 18),
            "修缮后的城门");
  EXPECT_EQ(only_credit("<p><img src='/u/a.jpg' alt='城门'></p><p>正文继续，修缮后的城门在夜色中亮起灯光，"
                        "吸引了不少市民和游客前来拍照留念，城门前的广场也重新铺设了地砖。</p>")
                .near,
            "城门");
}

TEST(MediaCredits, PageChromeIsNotListed) {
  Fields f = extract_snippet(
      "<html><head><title>古城墙修缮完工_某某网</title></head><body>"
      "<div class='top'><img src='/skin/site.jpg'></div>"  // above the headline
      "<h1>古城墙修缮完工</h1>"
      "<p><img src='/images/share_weixin.png'><img src='/s/pic.jpg' width='16' height='16'>"
      "<img src='/t.gif' style='width:1px;height:1px'><img src='/img/logo-foot.jpg'>"
      "<img src='/qr.jpg' alt='扫码关注二维码'><img src='/ui/arrow.svg'></p>"
      "<p>正文第一段，古城墙的修缮工程历时两年，近日全面完工并向市民开放。</p>"
      "<div class='comment-list'><img src='/u/user-9.jpg'></div>"
      "<div id='related'><img src='/u/other-story.jpg'></div>"
      "<aside><img src='/u/side-story.jpg'></aside>"
      "<div class='ad-box'><img src='/u/promo.jpg'></div>"
      "<ul><li><img src='/u/list-story.jpg'></li></ul>"
      "<div><a href='/news/other.html'><img src='/u/linked-story.jpg'>另一条新闻的标题</a></div>"
      "<p><img src='https://img.example/x/w160h90/20250101/story.jpg'>"
      "<img src='https://img.example/y/z.jpg?w=115&h=75&cut='></p>"
      "<p><a href='/u/wall-big.jpg'><img src='/u/wall-00.jpg'></a></p>"
      "<p><img src='/u/wall-01.jpg' width='640'></p></body></html>");
  ASSERT_EQ(f.media_credits.size(), 2u);
  EXPECT_EQ(f.media_credits[0].src, "/u/wall-00.jpg");  // linked to its own full size
  EXPECT_EQ(f.media_credits[1].src, "/u/wall-01.jpg");
}

TEST(MediaCredits, PhotoWordsInRunningTextAreNone) {
  Fields f = extract_snippet(
      "<p>摄影爱好者纷纷前来，他们说这里的日出最适合拍摄。全天都有人在这里等候，直到傍晚才散去。</p>");
  EXPECT_TRUE(f.media_credits.empty());
}

}  // namespace
}  // namespace credcheck
