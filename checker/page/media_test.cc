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

TEST(MediaCredits, CaptionWithoutCreditIsNone) {
  Fields f = extract_snippet("<img src='/d.jpg'><p>游客在古城墙下拍摄留念。</p>");
  EXPECT_TRUE(f.media_credits.empty());
}

TEST(MediaCredits, PhotoWordsInRunningTextAreNone) {
  Fields f = extract_snippet(
      "<p>摄影爱好者纷纷前来，他们说这里的日出最适合拍摄。全天都有人在这里等候，直到傍晚才散去。</p>");
  EXPECT_TRUE(f.media_credits.empty());
}

}  // namespace
}  // namespace credcheck
