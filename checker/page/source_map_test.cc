#include "checker/page/source_map.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "checker/page/extract.h"
#include "checker/page/html.h"

namespace credcheck {
namespace {

Fields extract_with_positions(const std::string& page) {
  pugi::xml_document doc;
  std::string err;
  SourceMap source;
  EXPECT_TRUE(parse_html(page, &doc, &err, {}, &source)) << err;
  return extract_fields(doc, &source);
}

SourcePos at(const Fields& f, const std::string& field, size_t i = 0) {
  auto it = f.positions.find(field);
  if (it == f.positions.end() || i >= it->second.size()) return {};
  return it->second[i];
}

void expect_at(const Fields& f, const std::string& field, size_t i, uint32_t line, uint32_t column) {
  SourcePos p = at(f, field, i);
  EXPECT_EQ(p.line, line) << field << "[" << i << "]";
  EXPECT_EQ(p.column, column) << field << "[" << i << "]";
}

const char* kPage =
    "<html><head><title>星湖绿道全线贯通_西江网</title></head>\n"      // 1
    "<body>\n"                                                          // 2
    "<h1>星湖绿道全线贯通</h1>\n"                                       // 3
    "<div class=info>2024-03-02 <span>来源：西江日报</span></div>\n"    // 4
    "<p>记者 梁晓敏</p>\n"                                              // 5
    "<p>4月11日，星湖环湖绿道最后一段完成验收并向市民开放，全长21.6公里的环湖绿道首尾相接。"
    "沿线新栽的紫荆、宫粉羊蹄甲正值花期，不少市民停下脚步拍照留念。</p>\n"  // 6
    "<p>夜间照明采用低位草坪灯，<a href=\"/news/2.html\">相关新闻</a></p>\n"  // 7
    "</body></html>\n";

// Script and style text gumbo is not given (html_guard.h, text_only) moves no position:
// a long script on the credit's own line, and one spanning lines before it.
TEST(SourceMap, PositionsHoldWhereScriptTextIsLeftOut) {
  std::string code(300, 'x');
  std::string page = std::string("<html><head><title>t</title><style>") + code + "\n" + code +
                     "</style></head>\n"                                                 // 1-2
                     "<body><script>" + code + "\r\n" + code + "\n" + code + "</script>\n"  // 3-5
                     "<h1>星湖绿道全线贯通</h1>\n"                                        // 6
                     "<div><script>" + code + "</script><span>来源：西江日报</span></div>\n"  // 7
                     "<p>记者 梁晓敏</p></body></html>\n";
  Fields f = extract_with_positions(page);
  ASSERT_EQ(f.source_lines.size(), 1u);
  expect_at(f, "source_lines", 0, 7, static_cast<uint32_t>(5 + 8 + code.size() + 9 + 6 + 1));
  expect_at(f, "bylines", 0, 8, 4);
}

TEST(SourceMap, ElementsAndTheTextInThem) {
  Fields f = extract_with_positions(kPage);
  ASSERT_EQ(f.title, "星湖绿道全线贯通");
  expect_at(f, "title", 0, 3, 5);  // after "<h1>"
  ASSERT_EQ(f.source_lines.size(), 1u);
  // "<div class=info>2024-03-02 <span>" is 33 units: the credit starts at column 34.
  expect_at(f, "source_lines", 0, 4, 34);
  ASSERT_EQ(f.bylines.size(), 1u);
  expect_at(f, "bylines", 0, 5, 4);
  ASSERT_EQ(f.links.size(), 1u);
  // "<p>夜间照明采用低位草坪灯，" is 3 + 12 units: the <a> starts at column 16.
  expect_at(f, "links", 0, 7, 16);
  // The text's line that starts "4月11日" (after the headline, when the text holds it).
  size_t para = f.text.find("\n4月11日");
  ASSERT_NE(para, std::string::npos) << f.text;
  size_t line = 1 + static_cast<size_t>(std::count(f.text.begin(), f.text.begin() + para, '\n'));
  expect_at(f, "text", line, 6, 4);
}

TEST(SourceMap, CrlfAndLoneCrBreakLinesOnce) {
  std::string page = kPage;
  std::string crlf;
  for (char c : page) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  Fields f = extract_with_positions(crlf);
  expect_at(f, "source_lines", 0, 4, 34);
  expect_at(f, "links", 0, 7, 16);
  std::string cr;
  for (char c : page) cr += c == '\n' ? '\r' : c;
  Fields g = extract_with_positions(cr);
  expect_at(g, "source_lines", 0, 4, 34);
}

TEST(SourceMap, ColumnsCountUtf16Units) {
  // U+20000 is one character but two UTF-16 code units (a surrogate pair).
  std::string page = kPage;
  page.replace(page.find("<div class=info>"), 16, "<div class=info>\xF0\xA0\x80\x80");
  Fields f = extract_with_positions(page);
  expect_at(f, "source_lines", 0, 4, 36);
  EXPECT_EQ(utf16_units("a\xE4\xB8\xAD\xF0\xA0\x80\x80"), 4u);
}

TEST(SourceMap, ABomIsNotAColumn) {
  std::string page = "\xEF\xBB\xBF<h1>星湖绿道全线贯通</h1><p>来源：西江日报</p>";
  Fields f = extract_with_positions(page);
  ASSERT_EQ(f.source_lines.size(), 1u);
  expect_at(f, "source_lines", 0, 1, 21);  // "<h1>" 4 + 8 + "</h1>" 5 + "<p>" 3 units before it
}

TEST(SourceMap, WithoutAMapNoPositions) {
  pugi::xml_document doc;
  std::string err;
  ASSERT_TRUE(parse_html(kPage, &doc, &err));
  EXPECT_TRUE(extract_fields(doc).positions.empty());
}

// Text repeated down a long element is found line by line, each after the last.
TEST(SourceMap, LinesOfOneElementInOrder) {
  std::string page = "<h1>星湖绿道全线贯通</h1>\n<div>";
  for (int i = 0; i < 3; ++i)
    page += "\n沿线新栽的紫荆、宫粉羊蹄甲正值花期，不少市民停下脚步拍照留念，绿道贯通也为周边商户带来了人气。<br>";
  page += "</div>";
  Fields f = extract_with_positions(page);
  ASSERT_EQ(f.positions["text"].size(), 3u) << f.text;
  for (uint32_t i = 0; i < 3; ++i) expect_at(f, "text", i, 3 + i, 1);
}

}  // namespace
}  // namespace credcheck

namespace credcheck {
namespace {

// A credit whose label and name stand in elements of their own is placed at its label.
TEST(SourceMap, MarkupInsideTheCredit) {
  Fields f = extract_with_positions(
      "<h1>星湖绿道全线贯通</h1>\n<div class=meta><span>2025年04月13日</span> <span>来源：</span><span>西江网</span></div>");
  ASSERT_EQ(f.source_lines.size(), 1u);
  // "<div class=meta><span>2025年04月13日</span> <span>" is 16 + 6 + 11 + 7 + 1 + 6 units.
  expect_at(f, "source_lines", 0, 2, 48);
}

}  // namespace
}  // namespace credcheck
