#include "checker/text/normalize.h"

#include <gtest/gtest.h>

#include "checker/text/utf8.h"

namespace credcheck {

TEST(Normalize, FoldsFullWidthAndCjkPunctuation) {
  EXPECT_EQ(normalize("来源：西江日报"), "来源:西江日报");
  EXPECT_EQ(normalize("ＡＢＣ１２３（记者）"), "ABC123(记者)");
  EXPECT_EQ(normalize("【人民网】《西江日报》"), "[人民网]<西江日报>");
}

TEST(Normalize, SpacesCollapseAndTrim) {
  EXPECT_EQ(normalize("\u3000来 \u00a0 源\t\n："), "来 源 :");
  EXPECT_EQ(clean_space("  西江日报记者\u3000陆志锋  "), "西江日报记者 陆志锋");
}

TEST(Normalize, TraditionalToSimplified) {
  EXPECT_EQ(normalize("西江日報記者"), "西江日报记者");
  EXPECT_EQ(to_simplified(U'報'), U'报');
  EXPECT_EQ(to_simplified(U'报'), U'报');
  // OpenCC maps 薴 to 苧 and 苧 to 苎: the chain is followed to its end.
  EXPECT_EQ(normalize("薴"), "苎");
  EXPECT_EQ(normalize(normalize("薴")), normalize("薴"));
  // clean_space keeps the characters as printed.
  EXPECT_EQ(clean_space("西江日報"), "西江日報");
}

TEST(Normalize, SimplifiedViewKeepsByteOffsets) {
  EXPECT_EQ(simplified_view("來源：西江日報"), "来源：西江日报");
  std::string bad = "報\xff";
  EXPECT_EQ(simplified_view(bad), "报\xff");  // invalid bytes stay as printed
  EXPECT_EQ(simplified_view(bad).size(), bad.size());
}

TEST(Normalize, CompactDropsSpaceAndPunctuation) {
  EXPECT_EQ(compact("《西江 日報》"), "西江日报");
  EXPECT_EQ(compact("来 源 ： 西江日报"), "来源西江日报");
}

TEST(Normalize, InvalidUtf8BecomesReplacement) {
  std::string bad = "ab\xff\xfe" "c";
  EXPECT_EQ(normalize(bad), "ab\uFFFD\uFFFDc");
  EXPECT_EQ(utf8::sanitize("\xe8\xa5"), "\uFFFD\uFFFD");
  EXPECT_EQ(utf8::length("西江a"), 3u);
  // Three-byte forms that are not characters (a surrogate, an overlong form, a cut one)
  // are replaced byte by byte, as utf8::next() reads them.
  EXPECT_EQ(normalize("a\xed\xa0\x80" "b"), "a\uFFFD\uFFFD\uFFFDb");
  EXPECT_EQ(normalize("a\xe0\x80\x80" "b"), "a\uFFFD\uFFFD\uFFFDb");
  EXPECT_EQ(normalize("西\xe6\xb1"), "西\uFFFD\uFFFD");
}

TEST(Normalize, CodePointsAreNormalizeDecoded) {
  for (std::string s : {"\u3000来 \u00a0 源\t\n：西江日報 ＡＢＣ１２３", "ab\xff\xfe" "c 《標題》…", "", "  "}) {
    std::string n = normalize(s);
    std::u32string want;
    for (size_t i = 0; i < n.size();) want.push_back(utf8::next(n, &i));
    EXPECT_EQ(normalize_code_points(s), want) << s;
  }
}

}  // namespace credcheck
