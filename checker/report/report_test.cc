// Report writers: the streamed JSON is the same document as the one built in memory,
// results survive the spill file, the text summary names what fired.
#include <gtest/gtest.h>

#include <sstream>

#include "checker/report/format.h"
#include "checker/report/report_file.h"
#include "checker/report/sink.h"
#include "checker/report/spill.h"
#include "tests/support/files.h"

namespace credcheck {
namespace {

std::vector<Result> sample() {
  Result a;
  a.input = "pages/转载一.html";
  a.url = "file:///pages/转载一.html";
  a.status = "violation";
  a.reason = "1 finding";
  a.charset = "gb18030";
  a.fetched_at = "2026-11-30T01:02:03Z";
  a.http_status = 200;
  a.sha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
  a.original = OriginalRef{"originals/a.html", "file:///originals/a.html", "西江新闻", 0.8765};
  Fields f;
  f.title = "标题 \"quoted\"\nline";
  f.source_lines = {"来源：别处"};
  f.sources = {"别处"};
  f.bylines = {"西江日报记者 某某"};
  f.authors = {"某某"};
  f.editors = {"编辑甲"};
  f.media_credits = {{"image", "西江日报记者 某某 摄", "图说", "a.jpg"}};
  f.original_title = "原来的标题";
  f.canonical = "https://example.com/a";
  f.published = "2026-11-29";
  a.fields = f;
  a.findings = {{"source-credit", "error", "1(1)", "m", "来源：别处", "来源：西江日报", "source_lines[0]"},
                {"author-credit", "warning", "1(1)", "m2", "", "x", "bylines"}};
  a.findings[0].line = 40;
  a.findings[0].column = 7;
  Result b;
  b.input = "https://example.com/gone";
  b.url = b.input;
  b.status = "unchecked";
  b.reason = "https://example.com/gone: HTTP 404";
  b.not_checked = {"author-credit"};
  Result c;
  c.input = "ok.html";
  c.status = "compliant";
  return {a, b, c};
}

std::string memory_json(const std::vector<Result>& results) {
  std::ostringstream out;
  std::string err;
  EXPECT_TRUE(write_report("json", ReportHeader{"credcheck", "0.1.0", "p"}, results, out, &err)) << err;
  return out.str();
}

TEST(JsonReport, StreamedBytesAreTheDocumentBuiltInMemory) {
  for (size_t n : {0, 1, 3}) {
    std::vector<Result> all = sample();
    std::vector<Result> results(all.begin(), all.begin() + n);
    std::string want =
        report_json(ReportHeader{"credcheck", "0.1.0", "p"}, results)
            .dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
    EXPECT_EQ(memory_json(results), want) << n;
  }
}

TEST(JsonReport, CarriesThePacksRulesAndTheEvidenceBack) {
  ReportHeader h{"credcheck", "0.1.0", "p"};
  RuleInfo rule;
  rule.id = "source-credit";
  rule.kind = "source-credit";
  rule.clause = "1(1)";
  rule.severity = Severity::warning;
  rule.quote = "注明来源";
  rule.message = "m";
  h.rules = {rule};
  std::ostringstream out;
  std::string err;
  ASSERT_TRUE(write_report("json", h, sample(), out, &err)) << err;
  ReportHeader back;
  std::vector<Result> results;
  ASSERT_TRUE(results_from_json(out.str(), &back, &results, &err)) << err;
  ASSERT_EQ(back.rules.size(), 1u);
  EXPECT_EQ(back.rules[0].id, "source-credit");
  EXPECT_EQ(back.rules[0].quote, "注明来源");
  EXPECT_EQ(back.rules[0].severity, Severity::warning);
  ASSERT_EQ(results.size(), 3u);
  EXPECT_EQ(results[0].http_status, 200);
  EXPECT_EQ(results[0].sha256, sample()[0].sha256);
  EXPECT_EQ(results[1].http_status, 0);  // null: never fetched
  EXPECT_NE(out.str().find("\"http_status\": null"), std::string::npos);
  // The evidence's line:column in the HTML source; none for a credit not found.
  EXPECT_EQ(results[0].findings[0].line, 40u);
  EXPECT_EQ(results[0].findings[0].column, 7u);
  EXPECT_EQ(results[0].findings[1].line, 0u);
  EXPECT_NE(out.str().find("\"line\": 40,\n"), std::string::npos);
  EXPECT_NE(out.str().find("\"line\": null"), std::string::npos);
}

TEST(Spill, ResultsComeBackWholeAndInIndexOrder) {
  std::vector<Result> results = sample();
  ResultSpill spill;
  std::string err;
  ASSERT_TRUE(spill.open(&err)) << err;
  // Arriving in the order they finished: 2, 0, 1.
  for (size_t i : {2, 0, 1}) ASSERT_TRUE(spill.add(i, results[i], &err)) << err;
  std::vector<Result> back;
  ASSERT_TRUE(spill.in_order()([&](const Result& r) { back.push_back(r); }, &err)) << err;
  ASSERT_EQ(back.size(), 3u);
  EXPECT_EQ(memory_json(back), memory_json(results));
}

TEST(Sink, JsonlLinesCarryTheirIndexAndReadBack) {
  std::ostringstream out;
  ResultSink sink("jsonl", out);
  std::string err;
  ASSERT_TRUE(sink.open(&err));
  std::vector<Result> results = sample();
  ASSERT_TRUE(sink.add(1, results[1]));
  ASSERT_TRUE(sink.add(0, results[0]));
  ASSERT_TRUE(sink.finish(ReportHeader{}, &err));
  std::string first = out.str().substr(0, out.str().find('\n'));
  EXPECT_EQ(first.rfind("{\"index\":1,\"input\":\"https://example.com/gone\"", 0), 0u) << first;
  EXPECT_EQ(sink.summary().inputs, 2u);
  EXPECT_EQ(sink.summary().unchecked, 1u);
}

TEST(Sink, AFailedWriteIsReported) {
  std::ostringstream out;
  out.setstate(std::ios::badbit);
  ResultSink sink("jsonl", out);
  std::string err;
  ASSERT_TRUE(sink.open(&err));
  EXPECT_FALSE(sink.add(0, sample()[0]));
  EXPECT_FALSE(sink.finish(ReportHeader{}, &err));
  EXPECT_NE(err.find("failed"), std::string::npos);
}

TEST(TextReport, OneRowPerInputWithWhatFiredThenTotals) {
  std::ostringstream out;
  std::string err;
  ASSERT_TRUE(write_report("text", ReportHeader{"credcheck", "0.1.0", "p"}, sample(), out, &err));
  std::string text = out.str();
  EXPECT_NE(text.find("violation  pages/转载一.html"), std::string::npos) << text;
  EXPECT_NE(text.find("source-credit (error), author-credit (warning)"), std::string::npos) << text;
  EXPECT_NE(text.find("HTTP 404"), std::string::npos) << text;
  EXPECT_NE(text.find("3 inputs: 1 compliant, 1 with violations, 1 unchecked"), std::string::npos) << text;
  // Columns line up by display width: the CJK name is 20 columns, padded to the widest input.
  size_t row = text.find("violation");
  size_t rules = text.find("source-credit", row);
  size_t row2 = text.find("unchecked");
  size_t reason = text.find("https://example.com/gone:", row2);
  EXPECT_EQ(rules - row - 3 /* 3 CJK characters: 3 bytes each, 2 columns each */,
            reason - row2);
}

TEST(ReportFile, WholeOrAbsent) {
  test_support::TempDir dir;
  std::string path = dir.file("r.json", "old");
  std::string err;
  {
    ReportFile f;
    ASSERT_TRUE(f.open(path, &err)) << err;
    f.stream() << "half";
    EXPECT_EQ(test_support::slurp(path), "old");
  }  // dropped without commit: the old report stays, no temporary file is left
  EXPECT_EQ(test_support::slurp(path), "old");
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.dir()), {}), 1);
  ReportFile f;
  ASSERT_TRUE(f.open(path, &err));
  f.stream() << "new";
  ASSERT_TRUE(f.commit(&err)) << err;
  EXPECT_EQ(test_support::slurp(path), "new");
  ReportFile nowhere;
  EXPECT_FALSE(nowhere.open(dir.path("no/such/dir/r.json"), &err));
  EXPECT_NE(err.find("cannot write there"), std::string::npos);
  EXPECT_FALSE(nowhere.open(dir.dir().string(), &err));
  EXPECT_NE(err.find("is a directory"), std::string::npos) << err;
}

}  // namespace
}  // namespace credcheck

namespace credcheck {
namespace {

// --cache: a reused result says so, with when it was found unchanged, and reads back as
// reused (report --in keeps the mark); a fresh one has neither key.
TEST(JsonReport, AReusedResultCarriesItsMarkBothWays) {
  Result r;
  r.input = r.url = "https://example.com/a";
  r.status = "compliant";
  r.fetched_at = "2026-11-29T02:00:00Z";
  r.sha256 = std::string(64, 'a');
  nlohmann::ordered_json fresh = result_json(r);
  EXPECT_FALSE(fresh.contains("reused"));
  EXPECT_FALSE(fresh.contains("revalidated_at"));
  r.reused = true;
  r.revalidated_at = "2026-11-30T02:00:00Z";
  nlohmann::ordered_json j = result_json(r);
  EXPECT_EQ(j["reused"], true);
  EXPECT_EQ(j["revalidated_at"], "2026-11-30T02:00:00Z");
  EXPECT_EQ(j["fetched_at"], "2026-11-29T02:00:00Z");  // the check's, not the revalidation's
  Result back;
  std::string err;
  ASSERT_TRUE(result_from_json(j, &back, &err)) << err;
  EXPECT_TRUE(back.reused);
  EXPECT_EQ(back.revalidated_at, r.revalidated_at);
  EXPECT_EQ(result_json(back), j);
}

}  // namespace
}  // namespace credcheck
