// Options as values, messages that say what was given, and bounded packs, through the
// real binary: a bad value is exit 2 with a short message in words.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <regex>
#include <sstream>

#include "tests/support/run_binary.h"
#include "tests/support/xijiang.h"

namespace credcheck {
namespace {

using test_support::kPack;
using test_support::kOriginals;
using test_support::kCompliant;
using test_support::kMissingSource;

using nlohmann::json;
using test_support::repeat;
using test_support::run_credcheck;
using test_support::TempDir;


// The first line of stderr (CLI11 adds "Run with --help for more information.").
std::string first_line(const std::string& err) { return err.substr(0, err.find('\n')); }

// Runs `extract` over the compliant page with one option; returns the run.
test_support::RunResult extract_with(const std::string& option, const std::string& value) {
  return run_credcheck({"extract", option, value, kCompliant});
}

TEST(Options, TimeoutRefusedInWords) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"nan", "--timeout must be > 0 seconds (got nan)"},
      {"-1", "--timeout must be > 0 seconds (got -1)"},
      {"0", "--timeout must be > 0 seconds (got 0)"},
      {"1e300", "--timeout must be at most 24 h (got 1e300)"},
      {"inf", "--timeout must be at most 24 h (got inf)"},
      {"3 s", "--timeout must be a duration: 30 (seconds), 30s, 500ms, 2m or 1h (got '3 s')"},
  };
  for (const auto& [value, message] : cases) {
    auto r = extract_with("--timeout", value);
    EXPECT_EQ(r.code, 2) << value;
    EXPECT_EQ(first_line(r.err), message);
    EXPECT_EQ(r.out, "") << value;  // nothing was read
  }
}

TEST(Options, TimeoutTakesUnits) {
  for (const char* value : {"30", "3s", "500ms", "2m", "1h"}) {
    auto r = extract_with("--timeout", value);
    EXPECT_EQ(r.code, 0) << value << r.err;
    EXPECT_NE(r.out.find("\"title\""), std::string::npos) << value;
  }
}

TEST(Options, MaxBytesTakesBinaryUnits) {
  auto small = extract_with("--max-bytes", "1K");  // the page is 7.3 KiB
  EXPECT_NE(small.out.find("larger than 1024 bytes"), std::string::npos) << small.out;
  auto enough = extract_with("--max-bytes", "1M");
  EXPECT_EQ(enough.code, 0) << enough.err;
  EXPECT_NE(enough.out.find("\"title\""), std::string::npos);
  EXPECT_EQ(extract_with("--max-bytes", "8KiB").code, 0);
}

TEST(Options, MaxBytesRefusedWithTheAcceptedForms) {
  const std::string forms =
      "--max-bytes must be a size: 16777216 (bytes), 512K, 16M or 1G (K, M, G are 1024-based; "
      "KiB, MiB, GiB too)";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"1MB", forms + " (got '1MB')"},
      {"lots", forms + " (got 'lots')"},
      {"0", "--max-bytes must be at least 1 byte (got 0)"},
      {"nan", "--max-bytes must be at least 1 byte (got nan)"},
      {"-5", "--max-bytes must be at least 1 byte (got -5)"},
      {"2G", "--max-bytes must be at most 1 GiB (got 2G)"},
      {"1e300", "--max-bytes must be at most 1 GiB (got 1e300)"},
  };
  for (const auto& [value, message] : cases) {
    auto r = extract_with("--max-bytes", value);
    EXPECT_EQ(r.code, 2) << value;
    EXPECT_EQ(first_line(r.err), message);
  }
}

TEST(Options, JobsRangeInWords) {
  for (const char* value : {"0", "257", "-1", "1e300", "nan", "two"}) {
    auto r = extract_with("--jobs", value);
    EXPECT_EQ(r.code, 2) << value;
    EXPECT_EQ(first_line(r.err),
              "--jobs must be a whole number from 1 to 256 (got " + std::string(value) + ")");
  }
  EXPECT_EQ(extract_with("-j", "3").code, 0);
}

TEST(Options, NoMessageCarriesAHugeNumber) {
  // CLI11's own range checks printed bounds such as 1.79769e+308 or 300 digits.
  static const std::regex huge("[0-9]{12,}|e\\+[0-9]{2,}");
  for (const auto& [option, value] : std::vector<std::pair<std::string, std::string>>{
           {"--timeout", "1e300"}, {"--max-bytes", "1e300"}, {"--jobs", "99999"}}) {
    auto r = extract_with(option, value);
    EXPECT_EQ(r.code, 2);
    EXPECT_FALSE(std::regex_search(r.err, huge)) << r.err;
  }
}

TEST(Options, EveryHelpShowsTheDefaults) {
  auto scan = run_credcheck({"scan", "--help"});
  EXPECT_EQ(scan.code, 0);
  for (const char* shown : {"--timeout DURATION=30s", "--max-bytes SIZE=16M", "-j,--jobs N=",
                            "=json", "=error", "1024-based"})
    EXPECT_NE(scan.out.find(shown), std::string::npos) << shown << "\n" << scan.out;
  EXPECT_EQ(scan.out.find("=[]"), std::string::npos) << scan.out;
  for (const std::vector<std::string>& cmd :
       {std::vector<std::string>{"extract", "--help"}, {"index", "build", "--help"},
        {"rules", "test", "--help"}}) {
    auto r = run_credcheck(cmd);
    EXPECT_NE(r.out.find("--timeout DURATION=30s"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("--max-bytes SIZE=16M"), std::string::npos) << r.out;
  }
  auto report = run_credcheck({"report", "--help"});
  EXPECT_NE(report.out.find("=json"), std::string::npos) << report.out;
  EXPECT_NE(report.out.find("=error"), std::string::npos) << report.out;
}

TEST(Messages, OriginalsThatIsNeitherIndexNorList) {
  TempDir tmp;
  std::string binary = tmp.file("data.bin", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  const std::string neither =
      " is neither an originals index (SQLite, from `credcheck index build`) nor a list of "
      "originals (text: one file, directory or URL per line): ";
  auto html = run_credcheck({"scan", "--rules", kPack, "--originals", kCompliant, kCompliant});
  EXPECT_EQ(html.code, 2);
  EXPECT_EQ(first_line(html.err), "--originals: " + kCompliant + neither +
                                      "it is an HTML or XML page (give pages with --original)");
  EXPECT_EQ(html.out, "");
  auto bin = run_credcheck({"scan", "--rules", kPack, "--originals", binary, kCompliant});
  EXPECT_EQ(bin.code, 2);
  EXPECT_EQ(first_line(bin.err), "--originals: " + binary + neither + "it is binary data");
  auto missing = run_credcheck({"rules", "test", "--rules", kPack, "--originals",
                                tmp.path("nothing.txt"), kCompliant});
  EXPECT_EQ(missing.code, 2);
  EXPECT_EQ(first_line(missing.err), "--originals: " + tmp.path("nothing.txt") + ": no such file");
}

TEST(Messages, OriginalsListAndIndexStillWork) {
  TempDir tmp;
  std::string list = tmp.file("originals.txt", "# the publisher's originals\n" + kOriginals + "\n");
  // As a licensed partner scans its staged files, so a compliant page is compliant.
  const std::string pack = test_support::licensed_pack(), base = test_support::kBaseUrl;
  auto from_list =
      run_credcheck({"scan", "--rules", pack, "--base-url", base, "--originals", list, kCompliant});
  EXPECT_EQ(from_list.code, 0) << from_list.err;
  std::string db = tmp.path("o.db");
  ASSERT_EQ(run_credcheck({"index", "build", "--db", db, kOriginals}).code, 0);
  auto from_index =
      run_credcheck({"scan", "--rules", pack, "--base-url", base, "--originals", db, kCompliant});
  EXPECT_EQ(from_index.code, 0) << from_index.err;
  EXPECT_NE(from_index.out.find("\"compliant\""), std::string::npos);
}

TEST(Messages, PackThatIsADirectory) {
  auto r = run_credcheck({"rules", "validate", "rules"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "rules: is a directory; a rule pack is one YAML file; did you mean "
                   "rules/benwang-zhuming.yaml, rules/cc-by-4.yaml or rules/haixia-tw.yaml "
                   "(or another .yaml file there)?\n");
  auto scan = run_credcheck({"scan", "--rules", "rules/", kCompliant});
  EXPECT_EQ(scan.code, 2);
  EXPECT_EQ(scan.err, "rules/: is a directory; a rule pack is one YAML file; did you mean "
                      "rules/benwang-zhuming.yaml, rules/cc-by-4.yaml or rules/haixia-tw.yaml "
                      "(or another .yaml file there)?\n");
  EXPECT_EQ(scan.out, "");
  TempDir empty;
  auto none = run_credcheck({"rules", "validate", empty.dir().string()});
  EXPECT_EQ(none.code, 2);
  EXPECT_EQ(none.err, empty.dir().string() + ": is a directory; a rule pack is one YAML file\n");
}

TEST(Messages, ReportTakesSeveralFilesAfterOneIn) {
  TempDir tmp;
  std::string a = tmp.path("a.jsonl"), b = tmp.path("b.jsonl");
  run_credcheck({"scan", "--rules", kPack, "--original", kOriginals, "-f", "jsonl", "-o", a, kCompliant});
  run_credcheck({"scan", "--rules", kPack, "--original", kOriginals, "-f", "jsonl", "-o", b, kMissingSource});
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"report", "--in", a, b}, {"report", "--in", a, "--in", b},
        {"report", "--format", "json", "--in", a, b}}) {
    auto r = run_credcheck(args);
    json j = json::parse(r.out, nullptr, false);
    ASSERT_FALSE(j.is_discarded()) << r.out << r.err;
    ASSERT_EQ(j["results"].size(), 2u) << r.out;
    EXPECT_EQ(j["results"][0]["input"], kCompliant);
    EXPECT_EQ(j["results"][1]["input"], kMissingSource);
  }
}

TEST(Packs, OverBudgetPacksExitTwoWithPosition) {
  TempDir tmp;
  std::string head = "pack: test\npublisher:\n  name: 西江日报\n";
  std::string rule = "rules:\n  - id: a\n    kind: name-misuse\n    clause: \"1\"\n"
                     "    message: m\n    quote: q\n";
  std::string text = head + rule + repeat("# padding\n", 450'000);
  std::string big = tmp.file("big.yaml", text);
  auto r = run_credcheck({"rules", "validate", big});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, big + ":1:1: the pack is 4.3 MiB (" + std::to_string(text.size()) +
                       " bytes); a pack may be at most 4 MiB\n");
  std::string aliases = tmp.file("aliases.yaml", head + "  names:\n    - &n " +
                                                     std::string(1'000'000, 'x') + "\n" +
                                                     repeat("    - *n\n", 10'000) + rule);
  auto a = run_credcheck({"scan", "--rules", aliases, kCompliant});
  EXPECT_EQ(a.code, 2);
  EXPECT_EQ(a.err, aliases + ":5:7: the pack's text passes 16 MiB with every alias expanded "
                             "(each use of an alias counts again), the most a pack may hold\n");
  EXPECT_EQ(a.out, "");
}

}  // namespace
}  // namespace credcheck
