#include "checker/match/match.h"

#include <gtest/gtest.h>

namespace credcheck {
namespace {

const char* kArticle =
    "星湖绿道全线贯通后，沿湖步道延伸至十二公里，市民清晨骑行、傍晚散步的身影随处可见。"
    "据介绍，绿道沿线新增驿站六座，配备饮水点和自行车维修工具，方便市民休憩补给。"
    "附近社区居民表示，过去绕湖一圈要走不少断头路，如今一路畅通，周末带孩子来的次数多了。";

Original make_original(const std::string& input, const std::string& text) {
  Original o;
  o.input = input;
  o.fields.text = text;
  o.print = fingerprint(text);
  return o;
}

TEST(Fingerprint, IgnoresSpacingPunctuationAndScript) {
  std::string spaced = "星湖绿道全线贯通后 沿湖步道延伸至十二公里";
  std::string plain = "星湖绿道全线贯通后，沿湖步道延伸至十二公里。";
  std::string traditional = "星湖綠道全線貫通後，沿湖步道延伸至十二公里。";
  EXPECT_DOUBLE_EQ(similarity(fingerprint(spaced), fingerprint(plain)), 1.0);
  EXPECT_DOUBLE_EQ(similarity(fingerprint(traditional), fingerprint(plain)), 1.0);
}

TEST(Fingerprint, ShortTextHasNoShingles) {
  EXPECT_TRUE(fingerprint("四个字符").shingles.empty());
  EXPECT_EQ(containment(fingerprint(""), fingerprint(kArticle)), 0.0);
}

TEST(Match, ExcerptAndPageWithBoilerplateBothMatch) {
  std::vector<Original> originals = {make_original("a.html", kArticle),
                                     make_original("b.html", "高铁新线今日开通运营，沿线城市迎来同城化发展新机遇，旅客出行时间大幅缩短。")};
  std::string excerpt = std::string(kArticle).substr(0, 120);
  Match m = best_match(fingerprint(excerpt), originals);
  ASSERT_NE(m.original, nullptr);
  EXPECT_EQ(m.original->input, "a.html");
  EXPECT_GT(m.similarity, 0.9);

  std::string with_sidebar = std::string("热门推荐 本地新闻 今日天气晴转多云 更多资讯请关注客户端 ") + kArticle +
                             "相关阅读：端午假期出行指南 版权所有 未经授权禁止转载";
  m = best_match(fingerprint(with_sidebar), originals);
  ASSERT_NE(m.original, nullptr);
  EXPECT_EQ(m.original->input, "a.html");
}

TEST(Match, UnrelatedTextMatchesNothing) {
  std::vector<Original> originals = {make_original("a.html", kArticle)};
  Match m = best_match(fingerprint("今年荔枝丰收，果农忙着采摘装箱，电商订单比去年同期增长三成以上。"), originals);
  EXPECT_EQ(m.original, nullptr);
  EXPECT_NE(m.best, nullptr);
  EXPECT_LT(m.similarity, 0.1);
}

TEST(Match, NoOriginals) {
  Match m = best_match(fingerprint(kArticle), {});
  EXPECT_EQ(m.original, nullptr);
  EXPECT_EQ(m.best, nullptr);
}

}  // namespace
}  // namespace credcheck
