#include "checker/text/prefilter.h"

#include <gtest/gtest.h>

namespace credcheck {
namespace {

const std::vector<std::string> kPatterns = {
    "(?:^|\\s)((?:记者|通讯员)?\\p{Han}{2,4}\\s*[/／]?\\s*(?:翻摄|摄))$",
    "([（(]\\s*\\S{1,15}?\\s*供图\\s*[）)])$",
    "(本文(?:图片|图)[^。]{0,12}?(?:均|皆)?为[^。]{1,40})",
    "(?i)ic ?photo$",
};

// Every pattern that matches must be a candidate.
void expect_superset(const Prefilter& f, const std::string& text) {
  std::vector<int> c = f.candidates(text);
  for (size_t k = 0; k < kPatterns.size(); ++k)
    if (RE2::PartialMatch(text, RE2(kPatterns[k]))) {
      EXPECT_NE(std::find(c.begin(), c.end(), static_cast<int>(k)), c.end()) << text << " / " << k;
    }
}

TEST(Prefilter, EveryMatchingPatternIsACandidate) {
  Prefilter f(kPatterns);
  ASSERT_FALSE(f.atoms().empty());
  for (const char* t : {"记者李四 摄", "王五/翻摄", "（受访者供图）", "本文图片均为本报记者拍摄", "IC Photo",
                        "ICphoto", "市民在广场上摄影留念", "没有署名的一段正文。", ""})
    expect_superset(f, t);
}

TEST(Prefilter, TextWithoutTheLiteralsHasNoCandidates) {
  Prefilter f(kPatterns);
  EXPECT_TRUE(f.candidates("今天上午，市委召开常委会议。").empty());
  EXPECT_TRUE(f.candidates("").empty());
  // 供图 needs its brackets too; 摄 alone makes only the first pattern a candidate.
  EXPECT_EQ(f.candidates("他在现场摄下了这一幕"), std::vector<int>{0});
}

TEST(Prefilter, PatternWithoutLiteralsIsAlwaysACandidate) {
  Prefilter f({"摄$", "^\\p{Han}{2,4}$"});
  EXPECT_EQ(f.candidates("今天上午"), std::vector<int>{1});
  EXPECT_EQ(f.candidates("张三摄"), (std::vector<int>{0, 1}));
}

}  // namespace
}  // namespace credcheck
