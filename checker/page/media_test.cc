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

// One caption per form of the credit grammar (media.cc), each under its picture.
TEST(MediaCredits, Forms) {
  struct Case {
    const char* caption;
    const char* credit;
  } cases[] = {
      // who, then 摄: fused, spaced, slashed, with outlet and role, bracketed
      {"夜色中的江堤。陈晓摄", "陈晓摄"},
      {"江边的晨练队伍 罗文静 摄", "罗文静 摄"},
      {"新建成的码头 何佳怡/摄", "何佳怡/摄"},
      {"新建成的码头。何佳怡／摄影", "何佳怡／摄影"},
      {"工人在检修线路。 通讯员刘娟娟 摄", "通讯员刘娟娟 摄"},
      {"中新社记者 杜扬 摄", "中新社记者 杜扬 摄"},
      {"渔民在收网。记者 梁一鸣 摄", "记者 梁一鸣 摄"},
      {"老街的夜市。端州日报记者梁一鸣摄", "端州日报记者梁一鸣摄"},
      {"渔民在收网。端州晚报·端州网记者 梁一鸣/摄", "端州晚报·端州网记者 梁一鸣/摄"},
      {"渔民在收网。记者 梁一鸣 黄海 摄", "记者 梁一鸣 黄海 摄"},
      {"渔民在收网。城区摄影队 周海 摄", "城区摄影队 周海 摄"},
      {"旧照片。通讯员 张敏 翻摄", "通讯员 张敏 翻摄"},
      {"新落成的图书馆。（刘明摄）", "（刘明摄）"},
      {"新落成的图书馆（记者 刘明 摄）", "（记者 刘明 摄）"},
      {"新落成的图书馆。（劉明攝）", "（劉明攝）"},
      {"雨后的古镇。Anna Berg 摄", "Anna Berg 摄"},
      // issued by an outlet; an agency in brackets after the name
      {"春耕时节的梯田。新华社发（陈海 摄）", "新华社发（陈海 摄）"},
      {"春耕时节的梯田。新华社发", "新华社发"},
      {"春耕时节的梯田。新华社记者 陈海 摄", "新华社记者 陈海 摄"},
      {"春耕时节的梯田。陈海 摄（端州视觉）", "陈海 摄（端州视觉）"},
      // labels
      {"图/陈晓东", "图/陈晓东"},
      {"图：陈晓东", "图：陈晓东"},
      {"摄影：陈晓东", "摄影：陈晓东"},
      {"图片来源：视觉中国", "图片来源：视觉中国"},
      {"图片来源：端州晚报记者 梁一鸣 摄", "图片来源：端州晚报记者 梁一鸣 摄"},
      {"▲图片来自视频截图。", "图片来自视频截图。"},
      // givers
      {"孩子们在操场上。 学校供图", "学校供图"},
      {"受访者供图", "受访者供图"},
      {"图：装车的工人（吴大伟供图）", "（吴大伟供图）"},
      // agencies and credits naming nobody
      {"晨练的老人。（视觉中国）", "（视觉中国）"},
      {"晨练的老人。CFP", "CFP"},
      {"晨练的老人 视觉中国供图", "视觉中国供图"},
      {"共享单车停放点。视觉中国 资料", "视觉中国 资料"},
      {"资料图", "资料图"},
      {"资料图片", "资料图片"},
      {"老城区的街景。（资料图片）", "资料图片"},
      {"老城区的街景。本报资料图", "本报资料图"},
      {"资料图：老城区的街景", "资料图"},
      {"（资料图）老城区的街景", "资料图"},
      {"资料图：老城区的街景。新华社记者 陈海 摄", "新华社记者 陈海 摄"},
  };
  for (const auto& c : cases) {
    MediaCredit m = only_credit(std::string("<img src='/p.jpg'><p>") + c.caption + "</p>");
    EXPECT_EQ(m.credit, c.credit) << c.caption;
    EXPECT_EQ(m.src, "/p.jpg") << c.caption;
  }
}

// The pictures' part of a byline credits every picture of the article, wherever it stands.
TEST(MediaCredits, PicturesPartOfTheByline) {
  struct Case {
    const char* byline;
    const char* credit;
  } cases[] = {
      {"文/林立 图/陈晓东", "图/陈晓东"},
      {"端州日报记者 林立/文 陈晓东/图", "陈晓东/图"},
      {"端州晚报·端州网记者林立/文受访者供图", "受访者供图"},
      {"文：林立 摄影：陈晓东", "摄影：陈晓东"},
  };
  for (const auto& c : cases) {
    for (const std::string& html : {std::string("<p>") + c.byline + "</p>",
                                    std::string("<img src='/p.jpg'><p>") + c.byline + "</p>"}) {
      Fields f = extract_snippet(html);
      ASSERT_FALSE(f.media_credits.empty()) << html;
      const MediaCredit& credit = f.media_credits.back();  // after the picture, listed uncredited
      EXPECT_EQ(credit.credit, c.credit) << html;
      EXPECT_EQ(credit.src, "") << html;
    }
  }
}

TEST(MediaCredits, VideoForms) {
  for (const char* caption : {"视频：端州台记者 梁一鸣", "拍摄：梁一鸣 剪辑：黄海"}) {
    MediaCredit c = only_credit(std::string("<video src='/v.mp4'></video><p>") + caption + "</p>");
    EXPECT_EQ(c.kind, "video") << caption;
    EXPECT_EQ(c.credit, caption);
    EXPECT_EQ(c.src, "/v.mp4") << caption;
  }
}

// A long caption's description is not part of its credit: the credit is who took it.
TEST(MediaCredits, LongCaptionEndingInTheCredit) {
  MediaCredit c = only_credit(
      "<p><img src='/a.jpg'></p><p style='text-align:center'><span>为了推介家乡的特产、"
      "售卖新茶，村民在茶园里录制视频 何佳怡 摄</span></p>");
  EXPECT_EQ(c.credit, "何佳怡 摄");
  EXPECT_EQ(c.src, "/a.jpg");
}

// The grammar's automaton runs over captions of any length (a DFA out of memory would
// silently find nothing).
TEST(MediaCredits, VeryLongCaptionIsStillRead) {
  std::string caption;
  for (int i = 0; i < 4000; ++i) caption += "江边的晨练队伍，";
  MediaCredit c = only_credit("<img src='/p.jpg'><p style='text-align:center'>" + caption +
                              "罗文静 摄</p>");
  EXPECT_EQ(c.credit, "罗文静 摄");
}

// Dates and verbs before 摄 are no photographer.
TEST(MediaCredits, DatesAndVerbsBeforeSnapAreNoCredit) {
  for (const char* caption : {"夜色中的江堤（2019年5月1日摄）", "游客在江堤上拍摄", "市民 正在拍摄",
                              "他们的资料"}) {
    MediaCredit c = only_credit(std::string("<img src='/p.jpg'><p>") + caption + "</p>");
    EXPECT_EQ(c.credit, "") << caption;
  }
  MediaCredit c = only_credit("<img src='/p.jpg'><p>夜色中的江堤（2019年5月1日摄）。新华社记者 陈海 摄</p>");
  EXPECT_EQ(c.credit, "新华社记者 陈海 摄");
}

// A credit under the caption, on its own line, is the picture's too.
TEST(MediaCredits, CreditOnTheLineUnderTheCaption) {
  MediaCredit c = only_credit("<img src='/p.jpg'><p>江边的晨练队伍</p><p>罗文静 摄</p>");
  EXPECT_EQ(c.credit, "罗文静 摄");
  EXPECT_EQ(c.src, "/p.jpg");
}

// Body prose ending in "XX 摄" is no picture credit when it is not the picture's caption:
// a paragraph after the caption, or a paragraph far from any picture.
TEST(MediaCredits, ProseEndingInSnapIsNoCaption) {
  const std::string prose =
      "<p>正文的一段，讲到老城区的改造已经进入第二阶段，街坊们说起当年的老照片，都说那张最有名的照片"
      "是摄影爱好者 罗文静 摄</p>";
  Fields f = extract_snippet("<p><img src='/p.jpg'></p><p>江边的晨练队伍</p>" + prose);
  ASSERT_EQ(f.media_credits.size(), 1u);
  EXPECT_EQ(f.media_credits[0].credit, "");
  EXPECT_TRUE(extract_snippet(prose).media_credits.empty());
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
