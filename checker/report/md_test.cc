// Markdown: the counts, one table row per finding, and page text that cannot break out
// of its cell (no raw pipe, back tick, markup or new line).
#include <sstream>

#include "checker/report/formats_test_util.h"

namespace credcheck {
namespace {

using test_support::format_sample;
using test_support::render;

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

// Pipes that separate cells: not preceded by a backslash (the writer encodes a page's
// pipes as &#124;, so there should be none of those either).
size_t cell_pipes(const std::string& row) {
  size_t n = 0;
  for (size_t i = 0; i < row.size(); ++i) n += row[i] == '|' && (i == 0 || row[i - 1] != '\\');
  return n;
}

TEST(MdReport, CountsAndOneEscapedRowPerFinding) {
  std::string md = render("md", format_sample());
  EXPECT_TRUE(test_support::valid_utf8(md));
  EXPECT_NE(md.find("| compliant | 1 |"), std::string::npos) << md;
  EXPECT_NE(md.find("| violation | 1 |"), std::string::npos);
  EXPECT_NE(md.find("| unchecked | 2 |"), std::string::npos);
  EXPECT_NE(md.find("| source-credit | error | 2 | 1 |"), std::string::npos);
  EXPECT_NE(md.find("| author-credit | warning | 1 | 1 |"), std::string::npos);
  EXPECT_NE(md.find("### Findings (3)"), std::string::npos);
  EXPECT_NE(md.find("### Unchecked (2)"), std::string::npos);
  size_t finding_rows = 0;
  for (const std::string& l : lines_of(md)) {
    if (l.find("| source-credit | error | ") == std::string::npos &&
        l.find("| author-credit | warning | ") == std::string::npos)
      continue;
    if (cell_pipes(l) == 5) continue;  // the by-rule table
    ++finding_rows;
    EXPECT_EQ(cell_pipes(l), 7u) << l;
  }
  EXPECT_EQ(finding_rows, 3u);
  EXPECT_EQ(md.find("<script>"), std::string::npos);
  EXPECT_EQ(md.find("<img"), std::string::npos);
  EXPECT_NE(md.find("&lt;script&gt;"), std::string::npos);
  EXPECT_NE(md.find("\\`x\\`"), std::string::npos);
  EXPECT_NE(md.find("未注明来源 第二行"), std::string::npos);  // the new line is a space
  // The link's destination cannot be closed early by the URL.
  EXPECT_NE(md.find("](https://news.example/a%281%29%7Cb.html)"), std::string::npos) << md;
  EXPECT_EQ(md.find("file://"), std::string::npos);  // local files are not links
}

TEST(MdReport, NoResultsStillCounts) {
  std::string md = render("md", {});
  EXPECT_NE(md.find("| **total** | 0 |"), std::string::npos);
  EXPECT_EQ(md.find("### Findings"), std::string::npos);
}

// --lang zh: the report's own words and the engine's reasons in Chinese; page text and
// rule ids as they are. An unchecked input shows the HTTP status its server answered.
TEST(MdReport, InTheReportsLanguageWithTheHttpStatus) {
  ReportHeader zh = test_support::format_header();
  zh.lang = "zh";
  std::vector<Result> results = format_sample();
  results[1].http_status = 404;
  results[1].reason = "https://gone.example/x: HTTP 404";
  std::string md = render("md", results, zh);
  EXPECT_NE(md.find("| 未检查 | 2 |"), std::string::npos) << md;
  EXPECT_NE(md.find("| source-credit | 错误 | 2 | 1 |"), std::string::npos) << md;
  EXPECT_NE(md.find("### 问题 (3)"), std::string::npos);
  EXPECT_NE(md.find("| 404 | https://gone.example/x: HTTP 状态 404 |"), std::string::npos) << md;
  EXPECT_EQ(md.find("unchecked"), std::string::npos) << md;
  std::string en = render("md", results);
  EXPECT_NE(en.find("| 404 | https://gone.example/x: HTTP 404 |"), std::string::npos) << en;
}

}  // namespace
}  // namespace credcheck
