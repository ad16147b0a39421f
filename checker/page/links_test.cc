#include <gtest/gtest.h>

#include "checker/page/page_testing.h"

namespace credcheck {
namespace {

const char* kPage =
    "<html><head><title>River path lights up | Example Herald</title>"
    "<script src=\"/js/site.js\"></script></head><body>"
    "<div class=\"nav\"><a href=\"/\">Home</a><a href=\"/world\">World</a></div>"
    "<h1>River path lights up</h1><div class=\"story\">"
    "<p>The new running path along the river opened on Monday evening, and dozens of people "
    "came out to walk and jog under the warm lights that line the embankment.</p>"
    "<p>The path is six kilometres long, with three water points and two public toilets, "
    "and the city says it will stay lit until midnight every day of the week.</p>"
    "<p>This article is republished from <a href=\"https://origin.example/path-123\">Origin "
    "News</a> under a <a href=\"https://creativecommons.org/licenses/by/4.0/\">Creative "
    "Commons licence</a>.</p>"
    "<img src=\"https://counter.example/content/123/count.gif\" width=\"1\" height=\"1\">"
    "</div><div class=\"foot\"><a href=\"/about\">About us</a></div></body></html>";

TEST(LinksTest, ArticleLinksOnlyWithTheirText) {
  Fields f = testing::extract_snippet(kPage);
  ASSERT_EQ(f.links.size(), 2u);
  EXPECT_EQ(f.links[0].text, "Origin News");
  EXPECT_EQ(f.links[0].href, "https://origin.example/path-123");
  EXPECT_EQ(f.links[1].href, "https://creativecommons.org/licenses/by/4.0/");
}

TEST(LinksTest, EverySrcOnThePageAndTheSiteName) {
  Fields f = testing::extract_snippet(kPage);
  // Scripts are dropped by the parser (only JSON-LD is kept): a counter is an <img>.
  EXPECT_EQ(f.element_srcs,
            (std::vector<std::string>{"https://counter.example/content/123/count.gif"}));
  EXPECT_EQ(f.site_name, "Example Herald");
}

TEST(LinksTest, OgSiteNameWinsAndChineseSuffixesAreRead) {
  Fields f = testing::extract_snippet(
      "<html><head><title>河堤夜跑步道亮灯_某某网</title></head><body><p>x</p></body></html>");
  EXPECT_EQ(f.site_name, "某某网");
  f = testing::extract_snippet(
      "<html><head><title>河堤夜跑步道亮灯_某某网</title>"
      "<meta property=\"og:site_name\" content=\"某某新闻\"></head><body><p>x</p></body></html>");
  EXPECT_EQ(f.site_name, "某某新闻");
  f = testing::extract_snippet("<html><head><title>河堤夜跑步道亮灯</title></head><body></body></html>");
  EXPECT_EQ(f.site_name, "");
}

TEST(LinksTest, ListsAreBoundedOnHostilePages) {
  std::string page = "<html><head><title>t</title></head><body><div>";
  for (int i = 0; i < 1000; ++i)
    page += "<p>A line of running text, long enough to count as prose, with a link <a href=\"/p" +
            std::to_string(i) + "\">here</a> and a picture <img src=\"/i" + std::to_string(i) +
            ".jpg\">.</p>";
  Fields f = testing::extract_snippet(page + "</div></body></html>");
  EXPECT_EQ(f.links.size(), 256u);
  EXPECT_EQ(f.element_srcs.size(), 256u);
}

}  // namespace
}  // namespace credcheck
