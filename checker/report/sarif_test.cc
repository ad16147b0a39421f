// SARIF: the pack's rules as descriptors with SARIF levels, one result per finding at
// the page's URI, unchecked inputs as notifications. (The official validator runs on a
// scan's report in tests/sarif_validate.cmake.)
#include "checker/report/formats_test_util.h"

namespace credcheck {
namespace {

using nlohmann::json;
using test_support::format_sample;
using test_support::kHostileEvidence;
using test_support::render;

TEST(SarifReport, RulesResultsAndNotifications) {
  std::string text = render("sarif", format_sample());
  EXPECT_TRUE(test_support::valid_utf8(text));
  json doc = json::parse(text, nullptr, false);
  ASSERT_FALSE(doc.is_discarded()) << text;
  EXPECT_EQ(doc["version"], "2.1.0");
  ASSERT_EQ(doc["runs"].size(), 1u);
  const json& run = doc["runs"][0];
  const json& rules = run["tool"]["driver"]["rules"];
  ASSERT_EQ(rules.size(), 3u);
  EXPECT_EQ(rules[0]["id"], "source-credit");
  EXPECT_EQ(rules[0]["help"]["text"], "注明“来源：西江日报”");
  EXPECT_EQ(rules[0]["defaultConfiguration"]["level"], "error");
  EXPECT_EQ(rules[1]["defaultConfiguration"]["level"], "warning");
  EXPECT_EQ(rules[2]["defaultConfiguration"]["level"], "note");
  EXPECT_EQ(rules[2]["properties"]["clause"], "1(2)");
  const json& results = run["results"];
  ASSERT_EQ(results.size(), 3u);
  EXPECT_EQ(results[0]["ruleId"], "source-credit");
  EXPECT_EQ(results[0]["ruleIndex"], 0);
  EXPECT_EQ(results[2]["ruleIndex"], 1);
  EXPECT_EQ(results[2]["level"], "warning");
  EXPECT_EQ(results[0]["properties"]["evidence"], kHostileEvidence);
  EXPECT_EQ(results[0]["properties"]["http_status"], 200);
  EXPECT_EQ(results[0]["properties"]["final_url"], "https://news.example/a(1)|b.html");
  EXPECT_EQ(results[0]["properties"]["fetched_at"], "2026-11-30T01:02:03Z");
  EXPECT_EQ(results[0]["properties"]["sha256"].get<std::string>().size(), 64u);
  EXPECT_EQ(results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "https://news.example/a(1)%7Cb.html");
  EXPECT_EQ(results[0]["locations"][0]["logicalLocations"][0]["fullyQualifiedName"], "source_lines[0]");
  // The evidence's line:column in the page's source (the run's columnKind: UTF-16 units).
  EXPECT_EQ(results[0]["locations"][0]["physicalLocation"]["region"],
            json({{"startLine", 12}, {"startColumn", 5}}));
  EXPECT_EQ(run["columnKind"], "utf16CodeUnits");
  EXPECT_FALSE(results[1]["locations"][0]["physicalLocation"].contains("region"));  // not known
  EXPECT_NE(results[0]["partialFingerprints"]["credcheckFinding/v1"],
            results[1]["partialFingerprints"]["credcheckFinding/v1"]);
  const json& notes = run["invocations"][0]["toolExecutionNotifications"];
  ASSERT_EQ(notes.size(), 2u);
  EXPECT_EQ(notes[0]["message"]["text"], "https://gone.example/x: HTTP 404, \"gone\"");
  EXPECT_EQ(notes[1]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "file:///abs/%E9%A1%B5%E9%9D%A2%20c.html");
}

TEST(SarifReport, RelativeFilesAreUnderSrcRoot) {
  Result r;
  r.input = "./pages/转载 1.html";
  r.url = "file:///somewhere/pages/转载 1.html";
  r.status = "violation";
  r.fields = Fields{};
  r.findings = {{"source-credit", "error", "1(1)", "m", "e", "x", "source_lines[0]"}};
  json doc = json::parse(render("sarif", {r}));
  const json& where = doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
  EXPECT_EQ(where["uri"], "pages/%E8%BD%AC%E8%BD%BD%201.html");
  EXPECT_EQ(where["uriBaseId"], "%SRCROOT%");
}

TEST(SarifReport, NoResultsIsAValidRun) {
  json doc = json::parse(render("sarif", {}), nullptr, false);
  ASSERT_FALSE(doc.is_discarded());
  EXPECT_TRUE(doc["runs"][0]["results"].empty());
  EXPECT_EQ(doc["runs"][0]["tool"]["driver"]["rules"].size(), 3u);
}

}  // namespace
}  // namespace credcheck
