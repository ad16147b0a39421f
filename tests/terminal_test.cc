// On a terminal: a progress line on stderr, and a readable summary instead of JSON.
// The binary runs under a pseudo-terminal (forkpty), as a person would run it.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>

#include "tests/support/process.h"
#include "tests/support/run_binary.h"
#include "tests/support/xijiang.h"

namespace credcheck {
namespace {

using test_support::kReprints;

using nlohmann::json;
using test_support::run_credcheck;
using test_support::run_on_terminal;
using test_support::slurp;
using test_support::TempDir;
using namespace std::chrono_literals;


std::vector<std::string> scan(std::vector<std::string> extra) {
  std::vector<std::string> args = test_support::partner_scan();
  args.insert(args.end(), {"--lang", "en"});  // the table's words are asserted in English
  args.insert(args.end(), extra.begin(), extra.end());
  return args;
}

// The summary the scan must print: the counts of the same scan's JSON report.
std::string summary_of(const std::vector<std::string>& args) {
  json s = json::parse(run_credcheck(args).out)["summary"];
  return std::to_string(s["inputs"].get<int>()) + " inputs: " + std::to_string(s["compliant"].get<int>()) +
         " compliant, " + std::to_string(s["violations"].get<int>()) + " with violations, " +
         std::to_string(s["unchecked"].get<int>()) + " unchecked";
}

// The fixture pages in kReprints.
size_t reprint_count() {
  size_t n = 0;
  for (const auto& e : std::filesystem::directory_iterator(kReprints)) n += e.path().extension() == ".html";
  return n;
}

TEST(Terminal, ScanPrintsATableAndAProgressLine) {
  const auto args = scan({"-j", "1", kReprints, "fixtures/no-such-page.html"});
  const std::string inputs = std::to_string(reprint_count() + 1);
  const std::string summary = summary_of(args);
  ASSERT_EQ(summary.rfind(inputs + " inputs: ", 0), 0u) << summary;
  auto run = run_on_terminal(args, 300s);
  const std::string& s = run.screen;
  EXPECT_EQ(run.code, 1) << s;
  // The table: a header, one row per input with its status and the rules that fired.
  EXPECT_NE(s.find("STATUS"), std::string::npos) << s;
  EXPECT_NE(s.find("violation  fixtures/xijiang/reprints/missing-source.html"), std::string::npos) << s;
  EXPECT_NE(s.find("source-credit (error)"), std::string::npos) << s;
  EXPECT_NE(s.find("unchecked  fixtures/no-such-page.html"), std::string::npos) << s;
  EXPECT_NE(s.find("no such file"), std::string::npos) << s;
  EXPECT_NE(s.find(summary), std::string::npos) << summary << "\n" << s;
  EXPECT_EQ(s.find("\"results\""), std::string::npos) << "JSON on a terminal";
  // The progress line: rewritten in place with \r, with a count, a rate and the unchecked,
  // the total (all inputs were arguments) and time left; cleared at the end.
  EXPECT_NE(s.find("\rcredcheck: "), std::string::npos) << s;
  EXPECT_NE(s.find("/" + inputs + " inputs, "), std::string::npos) << s;
  EXPECT_NE(s.find(" pages/s, "), std::string::npos) << s;
  EXPECT_NE(s.find(" unchecked"), std::string::npos) << s;
  size_t last_progress = s.rfind("pages/s");
  size_t clear = s.rfind("\r\x1b[K");
  ASSERT_NE(clear, std::string::npos);
  EXPECT_GT(clear, last_progress);  // cleared after the last update
  EXPECT_LT(clear, s.find("STATUS"));  // and before the summary is printed
}

TEST(Terminal, FormatJsonStillGivesJson) {
  TempDir tmp;
  auto run = run_on_terminal(scan({"--format", "json", kReprints + "compliant.html"}), 120s);
  EXPECT_EQ(run.code, 0) << run.screen;
  size_t start = run.screen.find('{');
  size_t end = run.screen.rfind('}');
  ASSERT_NE(start, std::string::npos) << run.screen;
  std::string text = run.screen.substr(start, end - start + 1);
  text.erase(std::remove(text.begin(), text.end(), '\r'), text.end());  // the terminal's \r\n
  json j = json::parse(text, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << run.screen;
  EXPECT_EQ(j["summary"]["inputs"], 1);
}

TEST(Terminal, QuietHasNoProgressLine) {
  auto run = run_on_terminal(scan({"--quiet", kReprints}), 300s);
  EXPECT_EQ(run.code, 1);
  EXPECT_EQ(run.screen.find("pages/s"), std::string::npos) << run.screen;
  EXPECT_NE(run.screen.find("STATUS"), std::string::npos);
}

TEST(Terminal, PipedStdoutStaysJsonWhileStderrShowsProgress) {
  TempDir tmp;
  std::string out = tmp.path("out.json");
  auto run = run_on_terminal(scan({kReprints}), 300s, out);
  EXPECT_EQ(run.code, 1);
  EXPECT_NE(run.screen.find("pages/s"), std::string::npos) << run.screen;
  json j = json::parse(slurp(out), nullptr, false);
  ASSERT_FALSE(j.is_discarded());
  EXPECT_EQ(j["summary"]["inputs"], reprint_count());
}

TEST(Terminal, NoProgressWhenStderrIsNotATerminal) {
  auto r = run_credcheck(scan({kReprints}));
  EXPECT_EQ(r.err.find('\r'), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("pages/s"), std::string::npos) << r.err;
  EXPECT_FALSE(json::parse(r.out, nullptr, false).is_discarded());
}

TEST(Terminal, FormatTextAnywhere) {
  auto r = run_credcheck(scan({"--format", "text", kReprints + "missing-source.html"}));
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("violation  fixtures/xijiang/reprints/missing-source.html"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("1 inputs: 0 compliant, 1 with violations, 0 unchecked"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace credcheck
