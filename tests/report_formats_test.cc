// Every format from one scan of the bundled example (--report F=FILE), each consistent
// with the JSON report: same findings, same counts. `report --in` renders the same CSV
// and Markdown from the saved JSON, and --report paths are refused before any work.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include <map>
#include <set>
#include <sstream>

#include "tests/support/run_binary.h"
#include "tests/support/xijiang.h"

namespace credcheck {
namespace {

using nlohmann::json;
using test_support::kCompliant;
using test_support::kReprints;
using test_support::partner_scan;
using test_support::run_credcheck;
using test_support::slurp;
using test_support::TempDir;

const std::vector<std::string> kFormats = {"junit", "sarif", "csv", "md", "html", "jsonl"};

size_t count(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + what.size())) ++n;
  return n;
}

// What the JSON report says, in the terms every format can be checked against.
struct Expected {
  size_t inputs = 0, compliant = 0, violations = 0, unchecked = 0, findings = 0;
  size_t failing_rules = 0;             // (input, rule) pairs with findings
  std::map<std::string, size_t> by_rule;  // findings per rule
};

Expected expected_from(const json& report) {
  Expected e;
  e.inputs = report["summary"]["inputs"];
  e.compliant = report["summary"]["compliant"];
  e.violations = report["summary"]["violations"];
  e.unchecked = report["summary"]["unchecked"];
  for (const json& r : report["results"]) {
    std::set<std::string> rules;
    for (const json& f : r["findings"]) {
      ++e.findings;
      ++e.by_rule[f["rule"].get<std::string>()];
      rules.insert(f["rule"].get<std::string>());
    }
    e.failing_rules += rules.size();
  }
  return e;
}

class ReportFormats : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    std::vector<std::string> args = partner_scan();
    args.insert(args.end(), {"--format", "json", "--output", dir_->path("r.json"), "-q", "--lang", "en"});
    for (const std::string& f : kFormats) args.insert(args.end(), {"--report", f + "=" + path(f)});
    args.push_back(kReprints);
    scan_ = new test_support::RunResult(run_credcheck(args));
    json report = json::parse(slurp(dir_->path("r.json")), nullptr, false);
    expected_ = new Expected(report.is_discarded() ? Expected{} : expected_from(report));
  }
  static void TearDownTestSuite() {
    delete scan_;
    delete expected_;
    delete dir_;
  }
  static std::string path(const std::string& format) { return dir_->path("r." + format); }
  void SetUp() override {
    ASSERT_EQ(scan_->code, 1) << scan_->err;  // the example holds violations
    ASSERT_GT(expected_->violations, 0u);
    ASSERT_GT(expected_->compliant, 0u);
  }

  static TempDir* dir_;
  static test_support::RunResult* scan_;
  static Expected* expected_;
};
TempDir* ReportFormats::dir_ = nullptr;
test_support::RunResult* ReportFormats::scan_ = nullptr;
Expected* ReportFormats::expected_ = nullptr;

// JUnit's counts for a report written with `rules` rules a suite.
void expect_junit(const std::string& xml, const Expected& e, size_t rules) {
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(xml.c_str()));
  pugi::xml_node root = doc.child("testsuites");
  size_t suites = 0, failed = 0, unchecked = 0;
  for (pugi::xml_node s : root.children("testsuite")) {
    ++suites;
    EXPECT_EQ(s.attribute("tests").as_ullong(), rules) << s.attribute("name").value();
    if (s.attribute("failures").as_int() > 0) ++failed;
    else if (s.attribute("errors").as_int() + s.attribute("skipped").as_int() > 0) ++unchecked;
  }
  EXPECT_EQ(suites, e.inputs);
  EXPECT_EQ(failed, e.violations);
  EXPECT_EQ(unchecked, e.unchecked);
  EXPECT_EQ(root.attribute("failures").as_ullong(), e.failing_rules);
}

TEST_F(ReportFormats, JunitHasASuitePerInputAndACasePerRuleOfThePack) {
  expect_junit(slurp(path("junit")), *expected_, 7);  // rules/xijiang-daily.yaml's 7 rules
}

TEST_F(ReportFormats, SarifHasTheFindingsAndTheUncheckedInputs) {
  json doc = json::parse(slurp(path("sarif")), nullptr, false);
  ASSERT_FALSE(doc.is_discarded());
  const json& run = doc["runs"][0];
  EXPECT_EQ(run["tool"]["driver"]["rules"].size(), 7u);
  std::map<std::string, size_t> by_rule;
  for (const json& r : run["results"]) ++by_rule[r["ruleId"].get<std::string>()];
  EXPECT_EQ(run["results"].size(), expected_->findings);
  EXPECT_EQ(by_rule, expected_->by_rule);
  EXPECT_EQ(run["invocations"][0]["toolExecutionNotifications"].size(), expected_->unchecked);
  // Local files are relative URIs under %SRCROOT%.
  const json& where = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
  EXPECT_EQ(where["uriBaseId"], "%SRCROOT%");
  EXPECT_EQ(where["uri"].get<std::string>().rfind("fixtures/xijiang/reprints/", 0), 0u) << where;
}

TEST_F(ReportFormats, CsvHasARowPerFindingAndPerUncheckedInput) {
  std::string csv = slurp(path("csv"));
  ASSERT_EQ(csv.rfind("\xEF\xBB\xBF", 0), 0u);
  // No fixture text holds a quote or a line break, so rows are lines and cells split at commas
  // outside quotes; count by the status and rule cells.
  size_t finding_rows = 0, unchecked_rows = 0, rows = 0;
  std::istringstream lines(csv.substr(3));
  std::string line;
  std::getline(lines, line);  // header
  for (; std::getline(lines, line); ++rows) {
    std::vector<std::string> cells(1);
    bool q = false;
    for (char c : line) {
      if (c == '"') q = !q;
      else if (c == ',' && !q) cells.emplace_back();
      else cells.back() += c;
    }
    ASSERT_GE(cells.size(), 4u) << line;
    if (!cells[3].empty()) ++finding_rows;
    else if (cells[2] == "unchecked") ++unchecked_rows;
  }
  EXPECT_EQ(finding_rows, expected_->findings);
  EXPECT_EQ(unchecked_rows, expected_->unchecked);
  EXPECT_EQ(rows, expected_->findings + expected_->unchecked);
}

TEST_F(ReportFormats, MarkdownCountsAreTheJsonCounts) {
  std::string md = slurp(path("md"));
  EXPECT_NE(md.find("| compliant | " + std::to_string(expected_->compliant) + " |"), std::string::npos) << md;
  EXPECT_NE(md.find("| violation | " + std::to_string(expected_->violations) + " |"), std::string::npos);
  EXPECT_NE(md.find("| unchecked | " + std::to_string(expected_->unchecked) + " |"), std::string::npos);
  EXPECT_NE(md.find("### Findings (" + std::to_string(expected_->findings) + ")"), std::string::npos);
  for (const auto& [rule, n] : expected_->by_rule)
    EXPECT_NE(md.find("| " + rule + " | "), std::string::npos) << rule;
}

TEST_F(ReportFormats, HtmlHasAPagePerInputAndARowPerFinding) {
  std::string html = slurp(path("html"));
  EXPECT_EQ(count(html, "<section class=\"page "), expected_->inputs);
  EXPECT_EQ(count(html, "<section class=\"page violation\""), expected_->violations);
  EXPECT_EQ(count(html, "<section class=\"page unchecked\""), expected_->unchecked);
  EXPECT_EQ(count(html, "<tr class=\"finding "), expected_->findings);
  EXPECT_EQ(count(html, "<script"), 0u);
}

TEST_F(ReportFormats, JsonlHasEveryResult) {
  std::istringstream lines(slurp(path("jsonl")));
  size_t n = 0;
  for (std::string line; std::getline(lines, line);) n += !json::parse(line, nullptr, false).is_discarded();
  EXPECT_EQ(n, expected_->inputs);
}

TEST_F(ReportFormats, ReportInRendersTheSameFromTheSavedJson) {
  TempDir out;
  std::vector<std::string> args = {"report", "--in", dir_->path("r.json"), "--output", out.path("again.json")};
  for (const std::string& f : kFormats) args.insert(args.end(), {"--report", f + "=" + out.path("r." + f)});
  auto r = run_credcheck(args);
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_EQ(slurp(out.path("r.csv")), slurp(path("csv")));
  EXPECT_EQ(slurp(out.path("r.md")), slurp(path("md")));
  EXPECT_EQ(count(slurp(out.path("r.html")), "<tr class=\"finding "), expected_->findings);
  // A JSON report carries the pack's rules: JUnit and SARIF list all 7 again, also the rules
  // that neither fired nor went unchecked.
  expect_junit(slurp(out.path("r.junit")), *expected_, 7);
  json sarif = json::parse(slurp(out.path("r.sarif")), nullptr, false);
  ASSERT_FALSE(sarif.is_discarded());
  EXPECT_EQ(sarif["runs"][0]["results"].size(), expected_->findings);
  EXPECT_EQ(sarif["runs"][0]["tool"]["driver"]["rules"].size(), 7u);
  EXPECT_EQ(json::parse(slurp(dir_->path("r.json")))["rules"].size(), 7u);
}

TEST_F(ReportFormats, ReportInFromJsonlListsTheRulesTheResultsName) {
  TempDir out;
  auto r = run_credcheck({"report", "--in", path("jsonl"), "--output", out.path("r.junit"), "--format", "junit"});
  EXPECT_EQ(r.code, 1) << r.err;
  // JSONL lines do not carry the pack: JUnit lists the rules they name (fired or not checked).
  std::set<std::string> named;
  json report = json::parse(slurp(dir_->path("r.json")));
  for (const json& res : report["results"]) {
    for (const json& f : res["findings"]) named.insert(f["rule"].get<std::string>());
    for (const json& id : res["not_checked"]) named.insert(id.get<std::string>());
  }
  ASSERT_FALSE(named.empty());
  expect_junit(slurp(out.path("r.junit")), *expected_, named.size());
}

TEST(ReportOption, BadTargetsAreRefusedBeforeAnyWork) {
  TempDir tmp;
  std::string page = tmp.file("page.html", slurp(kCompliant));
  auto scan = [&](std::vector<std::string> reports) {
    std::vector<std::string> args = partner_scan();
    args.insert(args.end(), {"--output", tmp.path("r.json")});
    for (auto& r : reports) args.insert(args.end(), {"--report", r});
    args.push_back(page);
    return run_credcheck(args);
  };
  struct Case {
    std::vector<std::string> reports;
    std::string says;
  } cases[] = {
      {{"sarif"}, "expected FORMAT=FILE"},
      {{"pdf=" + tmp.path("r.pdf")}, "unknown format 'pdf'"},
      {{"csv=" + page}, "is also an input"},
      {{"csv=" + tmp.path("a.csv"), "md=" + tmp.path("a.csv")}, "is already the csv report"},
      {{"csv=" + tmp.path("r.json")}, "is already the --output file"},
      {{"csv=" + tmp.path("no/such/dir/a.csv")}, "cannot write there"},
  };
  for (const Case& c : cases) {
    auto r = scan(c.reports);
    EXPECT_EQ(r.code, 2) << c.says << "\n" << r.err;
    EXPECT_NE(r.err.find(c.says), std::string::npos) << r.err;
    EXPECT_TRUE(slurp(tmp.path("r.json")).empty()) << c.says << ": nothing was scanned";
    EXPECT_EQ(slurp(page), slurp(kCompliant));
  }
  // Nothing is left behind: no partial files in the folder.
  size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(tmp.dir())) files += entry.is_regular_file();
  EXPECT_EQ(files, 1u);  // the page
}

}  // namespace
}  // namespace credcheck
