// --baseline as a CI gate uses it: a second scan against the first one's report fails only
// on new findings, and every format counts new, known and resolved findings alike.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "tests/support/run_binary.h"
#include "tests/support/xijiang.h"

namespace credcheck {
namespace {

using nlohmann::json;
using test_support::kReprints;
using test_support::partner_scan;
using test_support::run_credcheck;
using test_support::slurp;
using test_support::TempDir;

size_t count(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + what.size())) ++n;
  return n;
}

class BaselineScan : public ::testing::Test {
 protected:
  void SetUp() override {
    std::vector<std::string> args = partner_scan();
    args.insert(args.end(), {"-q", "--lang", "en", "--output", tmp_.path("first.json"), kReprints});
    auto r = run_credcheck(args);
    ASSERT_EQ(r.code, 1) << r.err;
    first_ = json::parse(slurp(tmp_.path("first.json")));
    for (const json& res : first_["results"]) findings_ += res["findings"].size();
    ASSERT_GE(findings_, 2u);
  }
  // Scans the example again against `baseline`, writing every format; returns the exit code.
  int rescan(const json& baseline, json* report) {
    std::string file = tmp_.file("baseline.json", baseline.dump(2));
    std::vector<std::string> args = partner_scan();
    args.insert(args.end(), {"-q", "--lang", "en", "--baseline", file, "--output", tmp_.path("second.json")});
    for (const char* f : {"junit", "sarif", "csv", "md", "html", "text"})
      args.insert(args.end(), {"--report", std::string(f) + "=" + tmp_.path(std::string("second.") + f)});
    args.push_back(kReprints);
    auto r = run_credcheck(args);
    *report = json::parse(slurp(tmp_.path("second.json")), nullptr, false);
    EXPECT_FALSE(report->is_discarded()) << r.err;
    return r.code;
  }
  std::string second(const std::string& format) { return slurp(tmp_.path("second." + format)); }

  TempDir tmp_;
  json first_;
  size_t findings_ = 0;
};

TEST_F(BaselineScan, EverythingKnownPasses) {
  json report;
  // Nothing fails; the example's unchecked inputs still make it 3 ("not everything checked").
  EXPECT_EQ(rescan(first_, &report), first_["summary"]["unchecked"] == 0 ? 0 : 3);
  const json& b = report["summary"]["baseline"];
  EXPECT_EQ(b["known"], findings_);
  EXPECT_EQ(b["new"], 0);
  EXPECT_EQ(b["resolved"], 0);
  for (const json& res : report["results"])
    for (const json& f : res["findings"]) EXPECT_EQ(f["baseline"], "known");
  // The other formats agree.
  EXPECT_NE(second("md").find("| known | " + std::to_string(findings_) + " |"), std::string::npos);
  EXPECT_NE(second("text").find(std::to_string(findings_) + " known, 0 resolved"), std::string::npos);
  json sarif = json::parse(second("sarif"));
  EXPECT_EQ(sarif["runs"][0]["properties"]["baseline"]["known"], findings_);
  for (const json& r : sarif["runs"][0]["results"]) EXPECT_EQ(r["baselineState"], "unchanged");
  pugi::xml_document junit;
  ASSERT_TRUE(junit.load_string(second("junit").c_str()));
  EXPECT_EQ(junit.child("testsuites").attribute("failures").as_int(), 0);
  EXPECT_EQ(count(second("csv"), ",known\r\n"), findings_);
  EXPECT_EQ(count(second("html"), " known\"><td>"), findings_);
}

TEST_F(BaselineScan, ANewFindingFailsAndAGoneOneIsResolved) {
  json baseline = first_;
  // Drop one finding from the baseline (it comes back as new) and add one the pages do
  // not have to a page that was checked (it is resolved).
  json* dropped_from = nullptr;
  json* checked = nullptr;
  for (json& res : baseline["results"]) {
    if (!dropped_from && !res["findings"].empty()) dropped_from = &res;
    if (!checked && res["status"] == "compliant") checked = &res;
  }
  ASSERT_TRUE(dropped_from && checked);
  std::string new_rule = (*dropped_from)["findings"][0]["rule"];
  (*dropped_from)["findings"].erase(0);
  (*checked)["findings"].push_back({{"rule", "source-credit"}, {"severity", "error"}, {"evidence", "来源：早已改正"}});
  json report;
  EXPECT_EQ(rescan(baseline, &report), 1);
  const json& b = report["summary"]["baseline"];
  EXPECT_EQ(b["new"], 1);
  EXPECT_EQ(b["known"], findings_ - 1);
  EXPECT_EQ(b["resolved"], 1);
  EXPECT_NE(second("md").find("| new | 1 |"), std::string::npos);
  EXPECT_NE(second("md").find("| resolved | 1 |"), std::string::npos);
  EXPECT_NE(second("html").find("<td>1</td><td>" + std::to_string(findings_ - 1) + "</td><td>1</td>"),
            std::string::npos);
  pugi::xml_document junit;
  ASSERT_TRUE(junit.load_string(second("junit").c_str()));
  EXPECT_EQ(junit.child("testsuites").attribute("failures").as_int(), 1);
  // report --in with the same baseline marks the saved results the same way.
  auto again = run_credcheck({"report", "--in", tmp_.path("first.json"), "--baseline", tmp_.path("baseline.json")});
  EXPECT_EQ(again.code, 1) << again.err;
  json re = json::parse(again.out);
  EXPECT_EQ(re["summary"]["baseline"], b);
  EXPECT_EQ(run_credcheck({"report", "--in", tmp_.path("first.json"), "--baseline", tmp_.path("first.json")}).code,
            first_["summary"]["unchecked"] == 0 ? 0 : 3);
}

TEST_F(BaselineScan, ABaselineThatIsNotAReportIsRefusedBeforeAnyWork) {
  std::string bad = tmp_.file("bad.json", "{\"results\": 3}");
  std::vector<std::string> args = partner_scan();
  args.insert(args.end(), {"--baseline", bad, "--output", tmp_.path("out.json"), kReprints});
  auto r = run_credcheck(args);
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--baseline " + bad + ": 'results' is not a list"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(tmp_.path("out.json")));
}

}  // namespace
}  // namespace credcheck
