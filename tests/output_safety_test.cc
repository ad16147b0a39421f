// A report never replaces an input, is whole or absent, and a failed write is an error.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

#include "tests/support/local_http_server.h"
#include "tests/support/process.h"
#include "tests/support/run_binary.h"
#include "tests/support/xijiang.h"

namespace credcheck {
namespace {

using test_support::kPack;
using test_support::kOriginals;
using test_support::kCompliant;
using test_support::kMissingSource;

namespace fs = std::filesystem;
using nlohmann::json;
using test_support::Child;
using test_support::run_credcheck;
using test_support::slurp;
using test_support::TempDir;
using namespace std::chrono_literals;


std::vector<std::string> scan_args(const std::string& output, std::vector<std::string> rest) {
  std::vector<std::string> args = test_support::partner_scan();
  args.insert(args.end(), {"--output", output});
  args.insert(args.end(), rest.begin(), rest.end());
  return args;
}

// Files in `dir` whose names hold ".partial-": temporary reports left behind.
size_t partial_files(const fs::path& dir) {
  size_t n = 0;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().filename().string().find(".partial-") != std::string::npos) ++n;
  return n;
}

class OutputIsInput : public ::testing::Test {
 protected:
  void SetUp() override {
    page_ = tmp_.file("page.html", slurp(kCompliant));
    before_ = slurp(page_);
  }
  void expect_refused(const test_support::RunResult& r, const std::string& names) {
    EXPECT_EQ(r.code, 2) << r.err;
    EXPECT_NE(r.err.find("is also an input"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(names), std::string::npos) << r.err;
    EXPECT_EQ(slurp(page_), before_);  // untouched
    EXPECT_EQ(partial_files(tmp_.dir()), 0u);
  }
  TempDir tmp_;
  std::string page_, before_;
};

TEST_F(OutputIsInput, TheSameFile) {
  expect_refused(run_credcheck(scan_args(page_, {kMissingSource, page_})), page_);
}

TEST_F(OutputIsInput, AnotherNameForTheSameFile) {
  std::string link = tmp_.path("link.html");
  fs::create_hard_link(page_, link);
  expect_refused(run_credcheck(scan_args(link, {page_})), page_);
  std::string dotted = tmp_.dir().string() + "/./page.html";
  expect_refused(run_credcheck(scan_args(dotted, {page_})), page_);
}

TEST_F(OutputIsInput, AnEntryOfAList) {
  std::string list = tmp_.file("list.txt", kCompliant + "\n" + page_ + "\n");
  expect_refused(run_credcheck(scan_args(page_, {"@" + list})), page_);
}

TEST_F(OutputIsInput, TheListItself) {
  std::string list = tmp_.file("list.txt", kCompliant + "\n");
  std::string before = slurp(list);
  auto r = run_credcheck(scan_args(list, {"@" + list}));
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("a list of inputs"), std::string::npos) << r.err;
  EXPECT_EQ(slurp(list), before);
}

TEST_F(OutputIsInput, APageInADirectory) {
  expect_refused(run_credcheck(scan_args(page_, {tmp_.dir().string()})), page_);
}

TEST_F(OutputIsInput, AnEntryOfTheListOnStdin) {
  // stdin cannot be read twice: the entry is refused when the scan reaches it, and as the
  // report is only renamed into place at the end, the input is still whole.
  auto r = run_credcheck(scan_args(page_, {"-"}), kCompliant + "\n" + page_ + "\n");
  expect_refused(r, page_);
}

TEST_F(OutputIsInput, ThePackAndAnOriginal) {
  std::string pack = tmp_.file("pack.yaml", slurp(kPack));
  std::string pack_before = slurp(pack);
  auto r = run_credcheck({"scan", "--rules", pack, "--original", kOriginals, "--output", pack, kCompliant});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("is also an input"), std::string::npos) << r.err;
  EXPECT_EQ(slurp(pack), pack_before);
  std::string original = tmp_.file("original.html", slurp(kOriginals + "original-greenway.html"));
  std::string original_before = slurp(original);
  r = run_credcheck({"scan", "--rules", kPack, "--original", original, "--output", original, kCompliant});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("is also an input"), std::string::npos) << r.err;
  EXPECT_EQ(slurp(original), original_before);
}

TEST(AtomicReport, AFailedRunLeavesTheGoodReport) {
  TempDir tmp;
  std::string out = tmp.path("r.json");
  auto good = run_credcheck(scan_args(out, {kCompliant}));
  ASSERT_EQ(good.code, 0) << good.err;
  std::string before = slurp(out);
  ASSERT_FALSE(json::parse(before, nullptr, false).is_discarded());
  // A list that is not a list ends the run after some results: the report is not replaced.
  std::string list = tmp.file("bad.txt", kMissingSource + "\n" + std::string(70 << 10, 'x') + "\n");
  auto bad = run_credcheck(scan_args(out, {"@" + list}));
  EXPECT_EQ(bad.code, 2);
  EXPECT_EQ(slurp(out), before);
  EXPECT_EQ(partial_files(tmp.dir()), 0u);
}

TEST(AtomicReport, AKilledRunLeavesTheGoodReportAndItsResultsBeside) {
  test_support::LocalHttpServer server;
  ASSERT_TRUE(server.ok()) << server.error();
  server.add("/fast.html", {.body = slurp(kMissingSource)});
  server.add("/slow.html", {.body = slurp(kCompliant), .delay = 600s});  // ends when the server does
  TempDir tmp;
  std::string out = tmp.path("r.jsonl");
  std::ofstream(out) << "{\"good\": \"report\"}\n";
  Child child(scan_args(out, {"-f", "jsonl", "-j", "1", "--allow-private", "--timeout", "900",
                              server.url("/fast.html"), server.url("/slow.html")}),
              "/dev/null", tmp.path("stdout"), tmp.path("stderr"));
  ASSERT_TRUE(child.started());
  // Killed once the slow page is asked for and the fast result is in the partial file.
  auto partial_of = [&] {
    for (const auto& e : fs::directory_iterator(tmp.dir()))
      if (e.path().filename().string().find("r.jsonl.partial-") == 0) return e.path().string();
    return std::string();
  };
  ASSERT_TRUE(test_support::wait_until(
      [&] {
        std::string p = partial_of();
        return server.requests().size() >= 2 && !p.empty() && slurp(p).find('\n') != std::string::npos;
      },
      120s));
  child.signal(SIGKILL);
  child.wait(60s);
  EXPECT_EQ(slurp(out), "{\"good\": \"report\"}\n");
  std::string partial = partial_of();
  ASSERT_FALSE(partial.empty());
  json line = json::parse(slurp(partial));
  EXPECT_EQ(line["input"], server.url("/fast.html"));
  EXPECT_EQ(line["index"], 0);
}

TEST(AtomicReport, TwoRunsOnOnePathLeaveOneWholeReport) {
  TempDir tmp;
  std::string out = tmp.path("r.json");
  std::vector<std::string> many(60, kMissingSource), few(3, kCompliant);
  Child a(scan_args(out, many), "/dev/null", tmp.path("a.out"), tmp.path("a.err"));
  Child b(scan_args(out, few), "/dev/null", tmp.path("b.out"), tmp.path("b.err"));
  EXPECT_EQ(a.wait(300s), 1) << slurp(tmp.path("a.err"));
  EXPECT_EQ(b.wait(300s), 0) << slurp(tmp.path("b.err"));
  json j = json::parse(slurp(out), nullptr, false);
  ASSERT_FALSE(j.is_discarded());
  size_t n = j["summary"]["inputs"];
  EXPECT_TRUE(n == 60 || n == 3) << n;
  EXPECT_EQ(j["results"].size(), n);
  EXPECT_EQ(partial_files(tmp.dir()), 0u);
}

TEST(AtomicReport, ReportsGetTheModeOfANewFile) {
  TempDir tmp;
  std::string out = tmp.path("r.json");
  ASSERT_EQ(run_credcheck(scan_args(out, {kCompliant})).code, 0);
  fs::perms p = fs::status(out).permissions();
  EXPECT_NE(p & fs::perms::owner_read, fs::perms::none);
  EXPECT_NE(p & fs::perms::owner_write, fs::perms::none);
  mode_t mask = umask(0);
  umask(mask);
  EXPECT_EQ(static_cast<mode_t>(p) & 0777, 0666 & ~mask);
}

TEST(FailedWrites, ScanToAFullDeviceIsThree) {
  for (const char* format : {"json", "jsonl", "text"}) {
    TempDir tmp;
    Child c({"scan", "--rules", kPack, "--original", kOriginals, "-f", format, kCompliant}, "/dev/null",
            "/dev/full", tmp.path("err"));
    EXPECT_EQ(c.wait(120s), 3) << format << ": " << slurp(tmp.path("err"));
    EXPECT_NE(slurp(tmp.path("err")).find("failed"), std::string::npos) << slurp(tmp.path("err"));
  }
}

TEST(FailedWrites, ExtractToAFullDeviceIsAnError) {
  TempDir tmp;
  Child c({"extract", kCompliant}, "/dev/null", "/dev/full", tmp.path("err"));
  EXPECT_EQ(c.wait(120s), 3);
  EXPECT_NE(slurp(tmp.path("err")).find("writing to standard output failed"), std::string::npos)
      << slurp(tmp.path("err"));
}

TEST(FailedWrites, ReportToAFullDeviceIsAnError) {
  TempDir tmp;
  std::string saved = tmp.path("r.jsonl");
  std::vector<std::string> args = test_support::partner_scan();
  args.insert(args.end(), {"-f", "jsonl", "-o", saved, kCompliant});
  ASSERT_EQ(run_credcheck(args).code, 0);
  Child c({"report", "--in", saved}, "/dev/null", "/dev/full", tmp.path("err"));
  EXPECT_EQ(c.wait(120s), 3);
  EXPECT_NE(slurp(tmp.path("err")).find("failed"), std::string::npos);
}

}  // namespace
}  // namespace credcheck
