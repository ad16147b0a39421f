// Extraction stays linear on pages built to make it quadratic: a page may pass the
// parser's guard and still hold a megabyte <title>, nested headings around all its
// text, or thousands of credit lines.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "checker/page/extract.h"
#include "checker/page/extractors.h"
#include "checker/page/html.h"
#include "tests/support/files.h"
#include "tests/support/sanitized.h"

namespace credcheck {
namespace {

using test_support::repeat;

// Parses and extracts `html`, failing when extraction never ends (a quadratic pass over
// these pages takes hours; a linear one a fraction of a second).
Fields extract_linear(const std::string& html) {
  pugi::xml_document doc;
  std::string err;
  EXPECT_TRUE(parse_html(html, &doc, &err)) << err;
  auto t0 = std::chrono::steady_clock::now();
  Fields f = extract_fields(doc);
  double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_LT(took, test_support::kHangSeconds);
  return f;
}

const std::string kBody = "<html><head><title>标题</title></head><body>";

// Every short line is compared with <title>: the title is normalised once, not per line.
TEST(ExtractBounds, MegabyteTitleWithManyLines) {
  std::string html = "<html><head><title>" + repeat("标题很长", 87000) + "</title></head><body>" +
                     repeat("<p>短句标题很长</p>", 90000);
  Fields f = extract_linear(html);
  EXPECT_FALSE(f.title.empty());
}

// Each nested heading's text would be the whole page's: too long for a headline, so
// not copied once per level.
TEST(ExtractBounds, NestedHeadingsAroundALongText) {
  std::string html = kBody + repeat("<h1><div>", 199) + "<p>" + repeat("正文，", 400000) + "</p>";
  extract_linear(html);
}

TEST(ExtractBounds, CreditFloodsKeepShortLists) {
  std::string html = kBody;
  for (int i = 0; i < 20000; ++i) {
    std::string n = std::to_string(i);
    html += "<p>来源：日报" + n + "</p><p>责任编辑：张" + n + "</p><p>【王李赵" + n + "/文】</p>";
  }
  Fields f = extract_linear(html);
  EXPECT_EQ(f.sources.size(), kMaxListed);
  EXPECT_EQ(f.editors.size(), kMaxListed);
  EXPECT_LE(f.authors.size(), kMaxListed);
  EXPECT_LE(f.bylines.size(), kMaxListed);
}

TEST(ExtractBounds, OneHugeParagraphAndManyTinyOnes) {
  extract_linear(kBody + "<p>" + repeat("新闻正文，", 500000) + "</p>");
  extract_linear(kBody + repeat("<p>短句。</p>", 95000));
  extract_linear(kBody + repeat("<figure><img src=a.jpg alt=图><figcaption>西江日报记者 张三 摄"
                                "</figcaption></figure>", 30000));
}

}  // namespace
}  // namespace credcheck
