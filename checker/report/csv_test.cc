// CSV: RFC 4180 quoting that a reader undoes exactly, a BOM, a row per finding and per
// unchecked input, and no cell a spreadsheet would run as a formula.
#include "checker/report/formats_test_util.h"

namespace credcheck {
namespace {

using test_support::format_sample;
using test_support::kHostileEvidence;
using test_support::kHostileInput;
using test_support::render;

// An RFC 4180 reader: the rows and cells the writer meant.
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    std::string& cell = rows.back().back();
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') cell += '"', ++i;
      else if (c == '"') quoted = false;
      else cell += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().emplace_back();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      rows.emplace_back(1);
      ++i;
    } else {
      cell += c;
    }
  }
  if (rows.back().size() == 1 && rows.back()[0].empty()) rows.pop_back();
  return rows;
}

TEST(CsvReport, RowsPerFindingAndUncheckedInputQuotedAndDefused) {
  std::string csv = render("csv", format_sample());
  ASSERT_EQ(csv.rfind("\xEF\xBB\xBF", 0), 0u) << "UTF-8 BOM first";
  EXPECT_TRUE(test_support::valid_utf8(csv));
  auto rows = parse_csv(csv.substr(3));
  ASSERT_EQ(rows.size(), 6u);  // header, 3 findings, 2 unchecked inputs
  for (const auto& row : rows) EXPECT_EQ(row.size(), 20u);
  EXPECT_EQ(rows[0][0], "input");
  EXPECT_EQ(rows[0][7], "evidence");
  EXPECT_EQ(rows[1][0], kHostileInput);  // comma, quotes, new line: all round-trip
  EXPECT_EQ(rows[1][3], "source-credit");
  EXPECT_EQ(rows[1][7], "'" + kHostileEvidence);  // =… would be a formula
  EXPECT_EQ(rows[1][6], "未注明来源\n第二行");
  EXPECT_EQ(rows[0][10], "line");  // the evidence's place in the HTML source
  EXPECT_EQ(rows[0][11], "column");
  EXPECT_EQ(rows[1][10], "12");
  EXPECT_EQ(rows[1][11], "5");
  EXPECT_EQ(rows[2][10], "");  // unknown: empty, not 0
  EXPECT_EQ(rows[0][15], "fetched_at");
  EXPECT_EQ(rows[1][15], "2026-11-30T01:02:03Z");
  EXPECT_EQ(rows[1][16], "200");
  EXPECT_EQ(rows[1][17], "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(rows[4][16], "");  // never fetched: no status
  EXPECT_EQ(rows[2][6], "'+又一处");
  EXPECT_EQ(rows[2][7], "'@SUM(A1)");
  EXPECT_EQ(rows[3][6], "'-作者");
  EXPECT_EQ(rows[3][7], "bad \xEF\xBF\xBD\xEF\xBF\xBD utf8");  // replaced when spilled
  EXPECT_EQ(rows[4][2], "unchecked");
  EXPECT_EQ(rows[4][3], "");
  EXPECT_EQ(rows[4][12], "https://gone.example/x: HTTP 404, \"gone\"");
  EXPECT_EQ(rows[0][14], "listed_in");
  EXPECT_EQ(rows[4][14], "https://gone.example/sitemap.xml");  // the sitemap that listed it
  EXPECT_EQ(rows[1][14], "");
  EXPECT_EQ(rows[5][0], "/abs/页面 c.html");
  EXPECT_EQ(rows[0][18], "revalidated_at");
  EXPECT_EQ(rows[1][18], "");  // checked in this run
  EXPECT_EQ(rows[0][19], "baseline");  // last
  for (const auto& row : rows)
    for (const std::string& cell : row)
      EXPECT_TRUE(cell.empty() || std::string("=+-@\t\r").find(cell[0]) == std::string::npos) << cell;
}

// --cache: a reused result's row says when the page was found unchanged, beside the
// fetch time and hash of the check it reuses.
TEST(CsvReport, AReusedResultCarriesItsRevalidationTime) {
  std::vector<Result> results = format_sample();
  results[0].reused = true;
  results[0].revalidated_at = "2026-12-01T03:00:00Z";
  auto rows = parse_csv(render("csv", results).substr(3));
  ASSERT_GE(rows.size(), 2u);
  EXPECT_EQ(rows[1][15], "2026-11-30T01:02:03Z");
  EXPECT_EQ(rows[1][18], "2026-12-01T03:00:00Z");
}

TEST(CsvReport, NoResultsIsTheHeaderAlone) {
  auto rows = parse_csv(render("csv", {}).substr(3));
  EXPECT_EQ(rows.size(), 1u);
}

}  // namespace
}  // namespace credcheck
