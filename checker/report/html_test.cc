// HTML: one self-contained page (no script, no request), every page's text escaped, a
// finding row per finding, links only to http(s) pages.
#include "checker/report/formats_test_util.h"

namespace credcheck {
namespace {

using test_support::count;
using test_support::format_sample;
using test_support::render;

TEST(HtmlReport, SelfContainedEscapedAndComplete) {
  std::vector<Result> results = format_sample();
  Result js;
  js.input = "javascript:alert(1)";
  js.url = "javascript:alert(1)";
  js.status = "unchecked";
  js.reason = "not a page\" onmouseover=\"alert(1)";
  results.push_back(js);
  std::string html = render("html", results);
  EXPECT_TRUE(test_support::valid_utf8(html));
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("Content-Security-Policy\" content=\"default-src 'none';"), std::string::npos);
  // Nothing that runs or loads: no script element, no handler, no external URL but links.
  EXPECT_EQ(count(html, "<script"), 0u);
  EXPECT_EQ(count(html, "<img"), 0u);
  EXPECT_GE(count(html, "&lt;img src=x onerror=alert(1)&gt;"), 1u);  // the page's tag, as text
  EXPECT_EQ(count(html, "\" onmouseover"), 0u);
  EXPECT_EQ(count(html, "href=\"javascript"), 0u);
  EXPECT_EQ(count(html, "href=\"file:"), 0u);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_EQ(count(html, "<tr class=\"finding "), 3u);
  EXPECT_EQ(count(html, "<section class=\"page "), 5u);
  EXPECT_EQ(count(html, "<section class=\"page violation\""), 1u);
  EXPECT_EQ(count(html, "<section class=\"page unchecked\""), 3u);
  EXPECT_EQ(count(html, "<mark>"), 3u);
  EXPECT_NE(html.find("href=\"https://news.example/a(1)|b.html\""), std::string::npos);
  // A filter per rule of the pack, on classes that hold no page text.
  EXPECT_NE(html.find("id=\"f-rule-r2\""), std::string::npos);
  EXPECT_NE(html.find("<tr class=\"finding r0 sev-error\">"), std::string::npos);
  EXPECT_NE(html.find("section.page:not(:has(tr.r0)){display:none}"), std::string::npos);
  // The evidence a letter cites: status and hash of the bytes as fetched.
  EXPECT_NE(html.find("<th>HTTP status</th><td>200</td>"), std::string::npos);
  EXPECT_NE(html.find("<td>source_lines[0] (12:5)</td>"), std::string::npos);  // where, with line:col
  EXPECT_NE(html.find("<code>ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad</code>"),
            std::string::npos);
}

TEST(HtmlReport, NoResultsIsAPageWithTheSummary) {
  std::string html = render("html", {});
  EXPECT_NE(html.find("</html>"), std::string::npos);
  EXPECT_EQ(count(html, "<section"), 0u);
}

}  // namespace
}  // namespace credcheck
