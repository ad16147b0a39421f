// Exit codes a CI job can act on: 1 the pages violate the notice, 2 nothing ran,
// 3 the scan ran but did not check everything; empty batches are refused unless allowed.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/support/process.h"
#include "tests/support/run_binary.h"
#include "tests/support/xijiang.h"

namespace credcheck {
namespace {

using test_support::kPack;
using test_support::kOriginals;
using test_support::kCompliant;
using test_support::kMissingSource;

using nlohmann::json;
using test_support::run_credcheck;
using test_support::TempDir;


test_support::RunResult scan(const std::vector<std::string>& extra, const std::string& in = "") {
  std::vector<std::string> args = test_support::partner_scan();
  args.insert(args.end(), extra.begin(), extra.end());
  return run_credcheck(args, in);
}

TEST(ExitCodes, UncheckedInputsWithoutFindingsAreThree) {
  auto r = scan({kCompliant, "fixtures/no-such-page.html"});
  EXPECT_EQ(r.code, 3) << r.err;
  json j = json::parse(r.out);  // the report is whole
  EXPECT_EQ(j["summary"]["unchecked"], 1);
  EXPECT_EQ(j["summary"]["compliant"], 1);
}

TEST(ExitCodes, FindingsTakePrecedenceOverUnchecked) {
  auto r = scan({kMissingSource, "fixtures/no-such-page.html"});
  EXPECT_EQ(r.code, 1) << r.err;
}

TEST(ExitCodes, FindingsBelowFailOnLeaveUncheckedAsThree) {
  // The pack with source-credit lowered to a warning: missing-source.html then has only a
  // finding below --fail-on error.
  TempDir tmp;
  std::string pack = test_support::slurp(test_support::licensed_pack());
  size_t at = pack.find("- id: source-credit");
  ASSERT_NE(at, std::string::npos);
  at = pack.find("severity: error", at);
  ASSERT_NE(at, std::string::npos);
  pack.replace(at, 15, "severity: warning");
  std::string warn_pack = tmp.file("warn.yaml", pack);
  auto run = [&](std::vector<std::string> extra) {
    std::vector<std::string> args = test_support::partner_scan(warn_pack);
    args.insert(args.end(), extra.begin(), extra.end());
    return run_credcheck(args);
  };
  auto clean = run({kMissingSource});
  EXPECT_EQ(clean.code, 0) << clean.err;
  EXPECT_EQ(json::parse(clean.out)["results"][0]["findings"][0]["severity"], "warning");
  EXPECT_EQ(run({kMissingSource, "fixtures/no-such-page.html"}).code, 3);
  EXPECT_EQ(run({"--fail-on", "warning", kMissingSource, "fixtures/no-such-page.html"}).code, 1);
}

TEST(ExitCodes, AllCheckedAndCleanIsZero) {
  EXPECT_EQ(scan({kCompliant}).code, 0);
}

TEST(ExitCodes, HelpDocumentsThree) {
  auto r = run_credcheck({"scan", "--help"});
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("3 no such finding, but some inputs could not be checked"), std::string::npos)
      << r.out;
}

TEST(ExitCodes, ReportCommandKeepsTheSameCodes) {
  TempDir tmp;
  std::string a = tmp.path("a.jsonl");
  // The shards must exist: `report` on a missing file would exit non-zero too.
  ASSERT_EQ(run_credcheck({"scan", "--rules", kPack, "--original", kOriginals, "-f", "jsonl", "-o", a,
                           kCompliant, "fixtures/no-such-page.html"}).code, 3);
  ASSERT_EQ(test_support::slurp(a).empty(), false);
  EXPECT_EQ(run_credcheck({"report", "--in", a}).code, 3);
  std::string b = tmp.path("b.jsonl");
  ASSERT_EQ(run_credcheck({"scan", "--rules", kPack, "--original", kOriginals, "-f", "jsonl", "-o", b,
                           kMissingSource}).code, 1);
  EXPECT_EQ(run_credcheck({"report", "--in", a, "--in", b}).code, 1);
}

TEST(EmptyBatch, EmptyListIsRefused) {
  TempDir tmp;
  std::string list = tmp.file("empty.txt", "# nothing yet\n\n");
  auto r = scan({"@" + list});
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_NE(r.err.find("nothing to scan"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("--allow-empty"), std::string::npos) << r.err;
}

TEST(EmptyBatch, DirectoryWithNoPagesIsRefusedAndNamed) {
  TempDir tmp;
  tmp.file("notes.txt", "not a page");
  auto r = scan({tmp.dir().string()});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find(tmp.dir().string() + ": no .html or .htm files"), std::string::npos) << r.err;
}

TEST(EmptyBatch, NothingOnStdinIsRefused) {
  auto r = scan({"-"}, "");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("nothing to scan"), std::string::npos) << r.err;
}

TEST(EmptyBatch, AllowEmptyGivesAnEmptyReport) {
  TempDir tmp;
  std::string list = tmp.file("empty.txt", "");
  auto r = scan({"--allow-empty", "@" + list});
  EXPECT_EQ(r.code, 0) << r.err;
  json j = json::parse(r.out);
  EXPECT_EQ(j["summary"]["inputs"], 0);
  EXPECT_TRUE(j["results"].is_array());
  EXPECT_TRUE(j["results"].empty());
  auto jsonl = scan({"--allow-empty", "-f", "jsonl", "-"}, "");
  EXPECT_EQ(jsonl.code, 0) << jsonl.err;
  EXPECT_TRUE(jsonl.out.empty());
}

TEST(EmptyBatch, AnEmptyDirectoryBesidePagesIsNamedButTheScanRuns) {
  TempDir tmp;
  tmp.file("notes.txt", "not a page");
  auto r = scan({kCompliant, tmp.dir().string()});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.err.find("no .html or .htm files"), std::string::npos) << r.err;
  EXPECT_EQ(json::parse(r.out)["summary"]["inputs"], 1);
}

}  // namespace
}  // namespace credcheck
