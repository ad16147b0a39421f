// credcheck.yaml / --config: the scan's options from a file, flags winning over it, and
// every mistake in it named as FILE:LINE:COL.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include <filesystem>

#include "tests/support/run_binary.h"
#include "tests/support/xijiang.h"

namespace credcheck {
namespace {

using nlohmann::json;
using test_support::kMissingSource;
using test_support::licensed_pack;
using test_support::run_credcheck;
using test_support::slurp;
using test_support::TempDir;
namespace fs = std::filesystem;

std::string abs(const std::string& p) { return fs::absolute(p).string(); }

// A partner's gate as a file: the example's missing-source page, a violation at error.
std::string gate_config(const TempDir& tmp) {
  return "# the partner's gate\n"
         "pack: " + abs(licensed_pack()) + "\n"
         "originals:\n  - " + abs(test_support::kOriginals) + "\n"
         "inputs: [" + abs(kMissingSource) + "]\n"
         "base_url: " + test_support::kBaseUrl + "\n"
         "limits:\n  timeout: 20s\n  jobs: 2\n  max-bytes: 8M\n"
         "reports:\n  md: " + tmp.path("r.md") + "\n  csv: " + tmp.path("r.csv") + "\n"
         "fail-on: error\n"
         "quiet: true\n";
}

TEST(Config, AFileGivesTheWholeScanAndFlagsWin) {
  TempDir tmp;
  std::string config = tmp.file("gate.yaml", gate_config(tmp));
  auto r = run_credcheck({"scan", "--config", config, "--output", tmp.path("r.json")});
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_EQ(r.err, "");  // quiet: true
  json report = json::parse(slurp(tmp.path("r.json")));
  ASSERT_EQ(report["results"].size(), 1u);
  EXPECT_EQ(report["results"][0]["status"], "violation");
  EXPECT_TRUE(fs::exists(tmp.path("r.md")));
  EXPECT_TRUE(fs::exists(tmp.path("r.csv")));

  // Flags win: an input, a threshold and a report list on the command line replace the file's.
  TempDir out;
  r = run_credcheck({"scan", "--config", config, "--fail-on", "error", "--report", "md=" + out.path("only.md"),
                     "--output", out.path("r.json"), abs(test_support::kCompliant)});
  EXPECT_EQ(r.code, 0) << r.err;
  report = json::parse(slurp(out.path("r.json")));
  ASSERT_EQ(report["results"].size(), 1u);
  EXPECT_EQ(report["results"][0]["input"], abs(test_support::kCompliant));
  EXPECT_TRUE(fs::exists(out.path("only.md")));
}

TEST(Config, CredcheckYamlInTheWorkingDirectoryIsRead) {
  TempDir tmp;
  tmp.file("credcheck.yaml", gate_config(tmp));
  std::string here = fs::current_path().string();
  ASSERT_EQ(chdir(tmp.dir().c_str()), 0);
  auto r = run_credcheck({"scan", "--output", "r.json"});
  ASSERT_EQ(chdir(here.c_str()), 0);
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_TRUE(fs::exists(tmp.path("r.md")));
}

TEST(Config, MistakesAreNamedByFileLineAndColumn) {
  TempDir tmp;
  struct Case {
    std::string yaml, message;
  };
  std::string pack = "pack: " + abs(licensed_pack()) + "\n";
  for (const Case& c : std::vector<Case>{
           {pack + "inputs: [a.html]\nfail_onn: error\n", ":3:1: unknown key 'fail_onn'; known keys: "},
           {pack + "limits:\n  timout: 3\n", ":3:3: unknown key 'timout' in limits"},
           {pack + "limits:\n  timeout: 3 years\n", ":3:12: timeout: --timeout must be a duration"},
           {pack + "limits: [1, 2]\n", ":2:9: limits: expected keys"},
           {pack + "fail-on: [error, note]\n", ":2:10: fail-on: expected one value, got a list"},
           {pack + "fail-on: fatal\n", ":2:10: fail-on: --fail-on: fatal not in {note,warning,error}"},
           {pack + "inputs: [a.html\n", ":3:1: end of sequence flow not found"},
           {"- a\n- b\n", ":1:1: expected keys such as pack"},
       }) {
    std::string config = tmp.file("c.yaml", c.yaml);
    auto r = run_credcheck({"scan", "--config", config, "--output", tmp.path("r.json")});
    EXPECT_EQ(r.code, 2) << c.yaml;
    EXPECT_NE(r.err.find("credcheck: " + config + c.message), std::string::npos) << c.yaml << "\n" << r.err;
    EXPECT_FALSE(fs::exists(tmp.path("r.json")));
  }
}

TEST(Config, WithoutAPackAnywhereTheScanSaysWhereToGiveIt) {
  TempDir tmp;
  std::string config = tmp.file("c.yaml", "inputs: [a.html]\n");
  auto r = run_credcheck({"scan", "--config", config});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--rules PACK is required (on the command line, or as `pack:` in " + config + ")"),
            std::string::npos)
      << r.err;
  r = run_credcheck({"scan", "--config", tmp.path("missing.yaml"), "a.html"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find(tmp.path("missing.yaml") + ": cannot read"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace credcheck
