// The command-line contract: commands, report shape, exit codes, inputs, bad input.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

#include "tests/support/run_binary.h"
#include "tests/support/jsonl.h"
#include "tests/support/xijiang.h"

namespace credcheck {
namespace {

using test_support::kPack;
using test_support::kOriginals;
using test_support::kCompliant;
using test_support::kMissingSource;
using test_support::kNameMisuse;
using test_support::kBaseUrl;
using test_support::licensed_pack;

namespace fs = std::filesystem;
using nlohmann::json;
using test_support::run_credcheck;
using test_support::slurp;
using test_support::TempDir;


using test_support::without_times;

json scan_json(const std::vector<std::string>& extra, int* code = nullptr, const std::string& in = "") {
  std::vector<std::string> args = {"scan", "--rules", licensed_pack(), "--base-url", kBaseUrl,
                                   "--original", kOriginals};
  args.insert(args.end(), extra.begin(), extra.end());
  auto r = run_credcheck(args, in);
  if (code) *code = r.code;
  json j = json::parse(r.out, nullptr, false);
  EXPECT_FALSE(j.is_discarded()) << r.out << r.err;
  return j;
}

TEST(Scan, ReportHasTheContractShape) {
  int code;
  json j = scan_json({kCompliant, kMissingSource}, &code);
  EXPECT_EQ(code, 1);
  EXPECT_EQ(j["tool"], "credcheck");
  EXPECT_EQ(j["pack"], "xijiang-daily");
  EXPECT_EQ(j["summary"]["inputs"], 2);
  EXPECT_EQ(j["summary"]["checked"], 2);
  EXPECT_EQ(j["summary"]["compliant"], 1);
  EXPECT_EQ(j["summary"]["violations"], 1);
  EXPECT_EQ(j["summary"]["unchecked"], 0);
  const json& bad = j["results"][1];
  EXPECT_EQ(bad["input"], kMissingSource);
  EXPECT_EQ(bad["status"], "violation");
  EXPECT_GT(bad["original"]["similarity"].get<double>(), 0.5);
  EXPECT_FALSE(bad["original"]["title"].get<std::string>().empty());
  for (const char* key : {"title", "source_lines", "sources", "bylines", "authors", "editors",
                          "media_credits", "original_title", "canonical", "published", "credit_locations"})
    EXPECT_TRUE(bad["fields"].contains(key)) << key;
  ASSERT_EQ(bad["findings"].size(), 1u);
  const json& f = bad["findings"][0];
  EXPECT_EQ(f["rule"], "source-credit");
  for (const char* key : {"severity", "clause", "message", "evidence", "expected", "location"})
    EXPECT_TRUE(f.contains(key)) << key;
  EXPECT_EQ(f["severity"], "error");
}

TEST(Scan, CompliantPageExitsZero) {
  int code;
  json j = scan_json({kCompliant}, &code);
  EXPECT_EQ(code, 0);
  EXPECT_EQ(j["results"][0]["status"], "compliant");
}

TEST(Scan, UnreadableInputIsUncheckedAndTheBatchGoesOn) {
  int code;
  json j = scan_json({"fixtures/no-such-page.html", kCompliant}, &code);
  EXPECT_EQ(code, 3);  // the scan ran, not every input was checked
  ASSERT_EQ(j["results"].size(), 2u);
  EXPECT_EQ(j["results"][0]["status"], "unchecked");
  EXPECT_NE(j["results"][0]["reason"].get<std::string>().find("no-such-page"), std::string::npos);
  EXPECT_EQ(j["results"][1]["status"], "compliant");
  EXPECT_EQ(j["summary"]["unchecked"], 1);
}

TEST(Scan, WithoutOriginalsTheRulesThatNeedOneAreNamedNotPassed) {
  auto r = run_credcheck({"scan", "--rules", kPack, kCompliant});
  EXPECT_EQ(r.code, 3) << r.err;
  json j = json::parse(r.out);
  const json& res = j["results"][0];
  EXPECT_EQ(res["status"], "unchecked");
  std::string reason = res["reason"];
  for (const char* id : {"author-credit", "media-credit", "original-title", "upstream-source"}) {
    EXPECT_NE(reason.find(id), std::string::npos) << reason;
    EXPECT_NE(std::find(res["not_checked"].begin(), res["not_checked"].end(), id), res["not_checked"].end());
  }
}

TEST(Scan, AStagedFileWithoutBaseUrlLeavesOnlyTheHostUnchecked) {
  auto r = run_credcheck({"scan", "--rules", kPack, "--original", kOriginals, kCompliant});
  EXPECT_EQ(r.code, 3) << r.err;  // ran, found nothing, but did not check everything
  const json res = json::parse(r.out)["results"][0];
  EXPECT_EQ(res["status"], "unchecked");
  EXPECT_TRUE(res["findings"].empty());
  EXPECT_EQ(res["not_checked"], json::array({"unauthorized-reprint"}));
  EXPECT_NE(res["reason"].get<std::string>().find("--base-url"), std::string::npos) << res["reason"];
}

TEST(Scan, NameMisuseAndFailOn) {
  int code;
  json j = scan_json({kNameMisuse}, &code);
  ASSERT_EQ(j["results"][0]["findings"].size(), 1u);
  EXPECT_EQ(j["results"][0]["findings"][0]["rule"], "name-misuse");
  EXPECT_EQ(code, 1);
}

TEST(Scan, ListsFromFileAndStdin) {
  TempDir tmp;
  std::string list = tmp.file("pages.txt", "# candidates\n" + kCompliant + "\n\n" + kMissingSource + "\n");
  json from_file = scan_json({"@" + list});
  json from_stdin = scan_json({"-"}, nullptr, kCompliant + "\n" + kMissingSource + "\n");
  ASSERT_EQ(from_file["results"].size(), 2u);
  EXPECT_EQ(without_times(from_file["results"]), without_times(from_stdin["results"]));
}

TEST(Scan, OutputFileAndJsonl) {
  TempDir tmp;
  std::string out = tmp.path("r.jsonl");
  auto r = run_credcheck({"scan", "--rules", licensed_pack(), "--base-url", kBaseUrl, "--original",
                          kOriginals, "--format", "jsonl", "--output", out, kCompliant, kMissingSource});
  EXPECT_EQ(r.code, 1);
  EXPECT_TRUE(r.out.empty());
  EXPECT_NE(r.err.find(out), std::string::npos) << r.err;
  std::string text = slurp(out);
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 2);
  // Lines come as inputs finish, each with its input's index.
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    json j = json::parse(line);
    EXPECT_EQ(j["status"], j["index"] == 0 ? "compliant" : "violation") << line;
  }
}

TEST(Scan, UnwritableOutputIsRefusedBeforeScanning) {
  auto r = run_credcheck({"scan", "--rules", kPack, "--output", "/nonexistent-dir/r.json", kCompliant});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("/nonexistent-dir/r.json"), std::string::npos);
}

TEST(Scan, BadPackExitsTwoWithPosition) {
  TempDir tmp;
  std::string pack = tmp.file("bad.yaml",
                              "pack: broken\npublisher:\n  name: 西江日报\nrules:\n"
                              "  - id: x\n    kind: no-such-kind\n    clause: \"1\"\n    message: m\n");
  auto r = run_credcheck({"scan", "--rules", pack, kCompliant});
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(r.out.empty());
  EXPECT_NE(r.err.find(pack + ":6:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("no-such-kind"), std::string::npos) << r.err;
}

TEST(Scan, UsageErrorsExitTwo) {
  EXPECT_EQ(run_credcheck({"scan", kCompliant}).code, 2);  // --rules missing
  EXPECT_EQ(run_credcheck({"scan", "--rules", kPack, "--fail-on", "fatal", kCompliant}).code, 2);
  EXPECT_EQ(run_credcheck({"frobnicate"}).code, 2);
  EXPECT_EQ(run_credcheck({"--help"}).code, 0);
}

TEST(Scan, UnreadableOriginalIsAConfigurationError) {
  auto r = run_credcheck({"scan", "--rules", kPack, "--original", "fixtures/none.html", kCompliant});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("fixtures/none.html"), std::string::npos) << r.err;
}

TEST(Extract, PrintsOneObjectPerInputWithTheContractFields) {
  auto r = run_credcheck({"extract", kCompliant, "fixtures/missing.html"});
  EXPECT_EQ(r.code, 3);
  std::istringstream lines(r.out);
  std::string first, second;
  std::getline(lines, first);
  std::getline(lines, second);
  json j = json::parse(first);
  EXPECT_EQ(j["input"], kCompliant);
  EXPECT_EQ(j["charset"], "utf-8");
  for (const char* key : {"url", "title", "source_lines", "sources", "bylines", "authors", "editors",
                          "media_credits", "original_title", "canonical", "published", "credit_locations"})
    EXPECT_TRUE(j.contains(key)) << key;
  EXPECT_NE(std::find(j["sources"].begin(), j["sources"].end(), "西江日报"), j["sources"].end()) << first;
  EXPECT_TRUE(json::parse(second).contains("error"));
}

TEST(Report, MergesShardsAndKeepsTheExitCode) {
  TempDir tmp;
  std::string a = tmp.path("a.jsonl"), b = tmp.path("b.jsonl");
  run_credcheck({"scan", "--rules", kPack, "--original", kOriginals, "-f", "jsonl", "-o", a, kCompliant});
  run_credcheck({"scan", "--rules", kPack, "--original", kOriginals, "-f", "jsonl", "-o", b, kMissingSource});
  auto r = run_credcheck({"report", "--in", a, "--in", b, "--format", "json"});
  EXPECT_EQ(r.code, 1);
  json j = json::parse(r.out);
  EXPECT_EQ(j["summary"]["inputs"], 2);
  EXPECT_EQ(j["summary"]["violations"], 1);
  EXPECT_EQ(j["results"][1]["findings"][0]["rule"], "source-credit");
  std::string garbage = tmp.file("g.json", "{not json");
  EXPECT_EQ(run_credcheck({"report", "--in", garbage}).code, 2);
}

TEST(Index, BuiltIndexGivesTheSameVerdictsAsFiles) {
  TempDir tmp;
  std::string db = tmp.path("originals.db");
  auto built = run_credcheck({"index", "build", "--db", db, kOriginals});
  ASSERT_EQ(built.code, 0) << built.err;
  auto from_index = run_credcheck({"scan", "--rules", kPack, "--originals", db, "-f", "jsonl",
                                   kCompliant, kMissingSource});
  auto from_files = run_credcheck({"scan", "--rules", kPack, "--original", kOriginals, "-f", "jsonl",
                                   kCompliant, kMissingSource});
  EXPECT_EQ(from_index.code, 1);
  auto lines_of = [](const std::string& jsonl) {  // in input order
    json results = json::array();
    std::istringstream lines(jsonl);
    for (std::string line; std::getline(lines, line);) results.push_back(json::parse(line));
    std::sort(results.begin(), results.end(), [](const json& a, const json& b) { return a["index"] < b["index"]; });
    return results;
  };
  EXPECT_EQ(without_times(lines_of(from_index.out)), without_times(lines_of(from_files.out)));
  EXPECT_EQ(lines_of(from_index.out).size(), 2u);
}

TEST(Rules, ValidateListExplainTest) {
  auto v = run_credcheck({"rules", "validate", kPack});
  EXPECT_EQ(v.code, 0) << v.err;
  auto l = run_credcheck({"rules", "list", "--rules", kPack});
  EXPECT_EQ(l.code, 0);
  for (const char* id : {"source-credit", "author-credit", "media-credit", "original-title",
                         "upstream-source", "unauthorized-reprint", "name-misuse"})
    EXPECT_NE(l.out.find(id), std::string::npos) << id;
  auto e = run_credcheck({"rules", "explain", "--rules", kPack, "original-title"});
  EXPECT_EQ(e.code, 0);
  EXPECT_NE(e.out.find("原标题"), std::string::npos) << e.out;
  auto t = run_credcheck({"rules", "test", "--rules", kPack, "--original", kOriginals,
                          "fixtures/xijiang/reprints/"});
  EXPECT_EQ(t.code, 0) << t.out;
  EXPECT_NE(t.out.find(" 0 failed"), std::string::npos) << t.out;
}

}  // namespace
}  // namespace credcheck
