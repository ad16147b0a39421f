#include <gtest/gtest.h>

#include "checker/page/page_testing.h"

namespace credcheck {
namespace {

// An English article page around `credit` (HTML placed above the body) and `head`.
Fields english(const std::string& credit, const std::string& head = "",
               const std::string& tail = "") {
  return testing::extract_snippet(
      "<html lang=\"en\"><head><title>Night lights confuse migrating birds | Valley Courier</title>" +
      head + "</head><body><nav><a href=\"/\">Home</a></nav><h1>Night lights confuse migrating birds</h1>" +
      credit +
      "<div class=\"story\"><p>Every autumn, thousands of birds fly south at night, and many of them "
      "pass over cities whose towers stay lit until dawn, which draws them off course.</p>"
      "<p>Researchers counted birds at twelve buildings over three seasons and found that switching "
      "off decorative lighting cut collisions by more than half at most of the sites.</p>"
      "<p>Several cities now ask building owners to dim their lights during the migration months, "
      "and the early results suggest the request makes a real difference.</p>" +
      tail + "</div></body></html>");
}

TEST(EnglishCreditsTest, ByLineWithSeveralNames) {
  Fields f = english("<p class=\"byline\">By Maya Okonkwo, Tom Reyes and Ana da Silva</p>");
  EXPECT_EQ(f.authors, (std::vector<std::string>{"Maya Okonkwo", "Tom Reyes", "Ana da Silva"}));
  EXPECT_EQ(f.bylines, (std::vector<std::string>{"By Maya Okonkwo, Tom Reyes and Ana da Silva"}));
}

TEST(EnglishCreditsTest, NameWithInstitutionOrAgency) {
  Fields f = english("<p>Maya Okonkwo, University of Eastbrook</p>");
  EXPECT_EQ(f.authors, (std::vector<std::string>{"Maya Okonkwo"}));
  EXPECT_EQ(f.bylines, (std::vector<std::string>{"Maya Okonkwo, University of Eastbrook"}));
  f = english("<p>Tom Reyes, Reuters</p>");
  EXPECT_EQ(f.authors, (std::vector<std::string>{"Tom Reyes"}));
  f = english("<p>By Maya Okonkwo, University of Eastbrook</p>");
  EXPECT_EQ(f.authors, (std::vector<std::string>{"Maya Okonkwo"}));
}

TEST(EnglishCreditsTest, AgenciesAndPlacesAreNobody) {
  EXPECT_TRUE(english("<p>By Reuters Staff</p>").authors.empty());
  EXPECT_TRUE(english("<p>By Associated Press</p>").authors.empty());
  EXPECT_TRUE(english("<p>Paris, France</p>").authors.empty());
  EXPECT_TRUE(english("<p>by the way, this is not a byline at all, is it</p>").authors.empty());
}

TEST(EnglishCreditsTest, RelAuthorAndMeta) {
  Fields f = english("<p>Words: <a rel=\"author\" href=\"/people/tom\">Tom Reyes</a></p>");
  EXPECT_EQ(f.authors, (std::vector<std::string>{"Tom Reyes"}));
  f = english("", "<meta property=\"article:author\" content=\"Ana da Silva\">");
  EXPECT_EQ(f.authors, (std::vector<std::string>{"Ana da Silva"}));
  f = english("", "<meta name=\"author\" content=\"https://example.com/ana\">");
  EXPECT_TRUE(f.authors.empty());
  f = english("", "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":"
                  "[{\"@type\":\"Person\",\"name\":\"Maya Okonkwo\"}]}</script>");
  EXPECT_EQ(f.authors, (std::vector<std::string>{"Maya Okonkwo"}));
}

TEST(EnglishCreditsTest, ChineseCreditsWin) {
  Fields f = testing::extract_snippet(
      "<h1>河堤夜跑步道亮灯</h1><p>记者 王小明</p><div>"
      "<p>入夜后，沿河堤新建的夜跑步道亮起了暖黄色的灯带，不少市民结伴前来散步、慢跑。</p>"
      "<p>By Tom Reyes</p>"
      "<p>据介绍，步道全长六公里，沿途设置了三处补水点和两座公共卫生间，方便市民使用。</p></div>");
  EXPECT_EQ(f.authors, (std::vector<std::string>{"王小明"}));
}

}  // namespace
}  // namespace credcheck
