#include "checker/page/html.h"

#include <gtest/gtest.h>

#include <string>

namespace credcheck {
namespace {

std::string all_text(const pugi::xml_document& doc) {
  std::string out;
  for (const auto& x : doc.select_nodes("//text()")) out += x.node().value();
  return out;
}

TEST(ParseHtml, NamesLowerCaseAttributesKept) {
  pugi::xml_document doc;
  std::string err;
  ASSERT_TRUE(parse_html("<DIV Class='a' data-src=\"x.jpg\"><P>文字</P></DIV>", &doc, &err));
  auto div = doc.select_node("//div[@class='a']").node();
  ASSERT_TRUE(div);
  EXPECT_STREQ(div.attribute("data-src").value(), "x.jpg");
  EXPECT_STREQ(div.child("p").text().get(), "文字");
}

TEST(ParseHtml, DropsScriptsStylesCommentsTemplates) {
  pugi::xml_document doc;
  std::string err;
  ASSERT_TRUE(parse_html(
      "<p>正文<script>var a='脚本';</script><style>p{}</style><!-- 注释 -->"
      "<noscript>无脚本</noscript><template><b>模板</b></template>结束</p>",
      &doc, &err));
  EXPECT_EQ(all_text(doc), "正文结束");
  EXPECT_FALSE(doc.select_node("//script"));
}

// Long scripts and styles are left out of what gumbo parses (html_guard.h, text_only):
// the tree is the one gumbo builds from the whole page.
TEST(ParseHtml, ScriptAndStyleTextLeftOutChangeNothing) {
  std::string code(200, 'x');
  pugi::xml_document doc;
  std::string err;
  // "<!--" opens script escapes in which </script> does not end the script: kept whole,
  // so "alert" stays script text as gumbo reads it.
  ASSERT_TRUE(parse_html("<p>甲<script>" + code + "</script>乙<style>" + code + "</style>丙"
                         "<script><!--<script>" + code + "</script>alert</script>丁</p>"
                         "<script type=\"application/ld+json\">{\"author\": \"" + code +
                             "\"}</script>",
                         &doc, &err));
  EXPECT_EQ(all_text(doc), "甲乙丙丁{\"author\": \"" + code + "\"}");
}

TEST(ParseHtml, KeepsJsonLdAsData) {
  pugi::xml_document doc;
  std::string err;
  ASSERT_TRUE(parse_html(
      "<script type=\"application/ld+json\">{\"headline\":\"标题\"}</script><p>x</p>", &doc,
      &err));
  EXPECT_TRUE(doc.select_node("//script[@type='application/ld+json']"));
}

TEST(ParseHtml, SkipsAttributesXmlCannotName) {
  pugi::xml_document doc;
  std::string err;
  ASSERT_TRUE(parse_html("<p \"odd\"=1 9x=2 ok=3 a<b=4>文</p>", &doc, &err));
  pugi::xml_node p = doc.select_node("//p").node();
  ASSERT_TRUE(p);
  EXPECT_STREQ(p.attribute("ok").value(), "3");
  for (auto a : p.attributes()) {
    std::string name = a.name();
    EXPECT_EQ(name.find_first_of("\"<"), std::string::npos) << name;
    EXPECT_FALSE(isdigit(static_cast<unsigned char>(name[0]))) << name;
  }
}

TEST(ParseHtml, MalformedHtmlStillYieldsADocument) {
  pugi::xml_document doc;
  std::string err;
  ASSERT_TRUE(parse_html("<table><p>甲<td>乙</b></i><div <<>> 丙</tabel", &doc, &err));
  std::string text = all_text(doc);
  EXPECT_NE(text.find("甲"), std::string::npos);
  EXPECT_NE(text.find("乙"), std::string::npos);
  EXPECT_TRUE(parse_html("", &doc, &err));
  const char bad[] = "\xff\xfe<p>\x80\x81\0</p>";  // invalid UTF-8 and a NUL
  EXPECT_TRUE(parse_html(std::string(bad, sizeof bad - 1), &doc, &err));
}

TEST(ParseHtml, RefusesInputOverTheByteLimit) {
  pugi::xml_document doc;
  std::string err;
  ParseLimits limits;
  limits.max_bytes = 100;
  EXPECT_FALSE(parse_html(std::string(101, 'a'), &doc, &err, limits));
  EXPECT_NE(err.find("limit"), std::string::npos);
  EXPECT_TRUE(parse_html(std::string(100, 'a'), &doc, &err, limits));
}

TEST(ParseHtml, FlattensElementsDeeperThanTheLimitKeepingText) {
  std::string html = "<body>";
  for (int i = 0; i < 50; ++i) html += "<span>";
  html += "深处的字";
  pugi::xml_document doc;
  std::string err;
  ParseLimits limits;
  limits.max_depth = 10;
  ASSERT_TRUE(parse_html(html, &doc, &err, limits));
  int max_depth = 0;
  for (const auto& x : doc.select_nodes("//*")) {
    int d = 0;
    for (pugi::xml_node n = x.node(); n.parent(); n = n.parent()) ++d;
    max_depth = std::max(max_depth, d);
  }
  EXPECT_LE(max_depth, 10);
  EXPECT_NE(all_text(doc).find("深处的字"), std::string::npos);
}

// 300,000 nested elements: neither gumbo's parse nor our conversion may blow the stack
// (gumbo's own free is recursive and overflows an 8 MiB stack near 300,000 levels: it is
// never called, the arena frees the tree). The default limits
// refuse such a page (html_guard_test.cc); raised, the parser must still cope. Inline
// elements: gumbo's own scope checks are quadratic on nested blocks.
TEST(ParseHtml, DeepNestingDoesNotBlowTheStack) {
  std::string html = "<body>";
  for (int i = 0; i < 300000; ++i) html += "<span>x";
  html += "底";
  pugi::xml_document doc;
  std::string err;
  EXPECT_FALSE(parse_html(html, &doc, &err));
  EXPECT_EQ(err, "page nests elements 300000 deep (limit 2000)");
  ParseLimits raised;
  raised.max_nesting = raised.max_tags = 1000000;
  raised.max_nesting_work = ~0ull;
  ASSERT_TRUE(parse_html(html, &doc, &err, raised)) << err;
  std::string text = all_text(doc);
  EXPECT_EQ(text.size(), 300000u + 3);
  EXPECT_EQ(text.substr(300000), "底");
}

}  // namespace
}  // namespace credcheck
