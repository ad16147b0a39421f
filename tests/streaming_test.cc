// Inputs and results stream: a slow input delays only its own result, lists are read as
// the scan goes and refused when they are not lists, JSON stays in input order, stdin
// may hold a page, pages that are not HTML say so, and a signal stops the scan cleanly.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <memory>
#include <sstream>

#include "tests/support/local_http_server.h"
#include "tests/support/process.h"
#include "tests/support/run_binary.h"
#include "tests/support/jsonl.h"
#include "tests/support/xijiang.h"

namespace credcheck {
namespace {

using test_support::kPack;
using test_support::kOriginals;
using test_support::kCompliant;
using test_support::kMissingSource;

using nlohmann::json;
using test_support::Child;
using test_support::LocalHttpServer;
using test_support::run_credcheck;
using test_support::slurp;
using test_support::TempDir;
using test_support::wait_until;
using namespace std::chrono_literals;


// What scan prints on stderr as a signal arrives.
constexpr const char* kStopping = "credcheck: stopping: no new input starts";

using test_support::lines_of;
using test_support::without_times;

class SlowInput : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = std::make_unique<LocalHttpServer>();
    ASSERT_TRUE(server_->ok()) << server_->error();
    // Answers only when the server stops: far longer than any fast page takes.
    server_->add("/slow.html", {.body = slurp(kCompliant), .delay = 600s});
    for (int i = 0; i < kFast; ++i) server_->add("/fast" + std::to_string(i) + ".html", {.body = slurp(kMissingSource)});
  }
  std::vector<std::string> urls() const {
    std::vector<std::string> out = {server_->url("/slow.html")};
    for (int i = 0; i < kFast; ++i) out.push_back(server_->url("/fast" + std::to_string(i) + ".html"));
    return out;
  }
  static constexpr int kFast = 30;
  std::unique_ptr<LocalHttpServer> server_;
  TempDir tmp_;
};

TEST_F(SlowInput, FastResultsAreWrittenWhileTheSlowOneRuns) {
  std::vector<std::string> args = {"scan", "--rules", kPack, "--original", kOriginals, "-f", "jsonl",
                                   "--allow-private", "--timeout", "900", "-j", "2"};
  std::vector<std::string> inputs = urls();
  args.insert(args.end(), inputs.begin(), inputs.end());
  std::string out = tmp_.path("out.jsonl");
  Child child(args, "/dev/null", out, tmp_.path("err"));
  ASSERT_TRUE(child.started());
  // Every fast result arrives while the first input is still being fetched: before, the
  // workers stopped jobs×4 inputs past it.
  bool all_fast = wait_until([&] { return lines_of(slurp(out)).size() >= size_t{kFast}; }, 300s);
  EXPECT_TRUE(all_fast) << slurp(out) << slurp(tmp_.path("err"));
  EXPECT_TRUE(child.running());
  for (const json& line : lines_of(slurp(out))) EXPECT_NE(line["index"], 0) << line.dump();
  server_.reset();  // the slow page's connection closes: its fetch fails
  EXPECT_EQ(child.wait(120s), 1) << slurp(tmp_.path("err"));  // the fast pages have findings
  std::vector<json> lines = lines_of(slurp(out));
  ASSERT_EQ(lines.size(), size_t{kFast} + 1);
  EXPECT_EQ(lines.back()["index"], 0);
  EXPECT_EQ(lines.back()["status"], "unchecked");
  // `report` puts them back in input order.
  auto merged = run_credcheck({"report", "--in", out});
  json j = json::parse(merged.out);
  ASSERT_EQ(j["results"].size(), size_t{kFast} + 1);
  for (size_t i = 0; i < inputs.size(); ++i) EXPECT_EQ(j["results"][i]["input"], inputs[i]) << i;
}

TEST_F(SlowInput, SigintStopsTheScanWithTheReportOfWhatIsDone) {
  std::vector<std::string> args = {"scan", "--rules", kPack, "--original", kOriginals, "--allow-private",
                                   "--timeout", "900", "-j", "1", "--concurrency", "1", "--ignore-robots",
                                   "-o", tmp_.path("r.json")};
  std::vector<std::string> inputs = urls();
  std::rotate(inputs.begin(), inputs.begin() + 1, inputs.begin() + 6);  // 5 fast, then the slow one
  args.insert(args.end(), inputs.begin(), inputs.end());
  Child child(args, "/dev/null", tmp_.path("out"), tmp_.path("err"));
  // One transfer at a time and no robots.txt: once the slow page is asked for, the 5
  // before it are done and no other is started.
  ASSERT_TRUE(wait_until([&] { return server_->requests().size() >= 6; }, 300s));
  child.signal(SIGINT);
  // The scan says it is stopping as the signal arrives; only then may the slow input end
  // (here: when the server closes), or on a loaded machine the next input could start
  // before the signal is handled.
  ASSERT_TRUE(wait_until([&] { return slurp(tmp_.path("err")).find(kStopping) != std::string::npos; }, 300s))
      << slurp(tmp_.path("err"));
  server_.reset();
  int code = child.wait(120s);
  std::string err = slurp(tmp_.path("err"));
  EXPECT_EQ(code, 1) << err;  // the fast pages have findings; without them it is 3 (below)
  EXPECT_NE(err.find("stopped by SIGINT after 6 inputs of " + std::to_string(inputs.size())), std::string::npos)
      << err;
  json j = json::parse(slurp(tmp_.path("r.json")), nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << err;
  EXPECT_EQ(j["summary"]["inputs"], 6);
  ASSERT_EQ(j["results"].size(), 6u);
  EXPECT_EQ(j["results"][5]["input"], inputs[5]);
  EXPECT_EQ(j["results"][5]["status"], "unchecked");
}

TEST(Signals, SigtermWithoutFindingsIsThree) {
  LocalHttpServer server;
  ASSERT_TRUE(server.ok());
  server.add("/ok.html", {.body = slurp(kCompliant)});
  server.add("/slow.html", {.body = slurp(kCompliant), .delay = 600s});
  TempDir tmp;
  // The pack with the local server licensed, so the compliant page has no finding.
  std::string licensed = test_support::licensed_pack("127.0.0.1");
  Child child({"scan", "--rules", licensed, "--original", kOriginals, "--allow-private", "--timeout", "5",
               "-j", "1", "--concurrency", "1", "--ignore-robots", "-f", "jsonl", server.url("/ok.html"), server.url("/slow.html"), server.url("/ok.html")},
              "/dev/null", tmp.path("out"), tmp.path("err"));
  ASSERT_TRUE(wait_until([&] { return server.requests().size() >= 2; }, 300s));
  child.signal(SIGTERM);
  int code = child.wait(120s);  // the slow fetch ends at its 5 s timeout
  EXPECT_NE(slurp(tmp.path("err")).find(kStopping), std::string::npos);
  std::string err = slurp(tmp.path("err"));
  EXPECT_EQ(code, 3) << err;
  EXPECT_NE(err.find("stopped by SIGTERM after 2 inputs of 3"), std::string::npos) << err;
  EXPECT_EQ(lines_of(slurp(tmp.path("out"))).size(), 2u);
}

TEST(Streaming, JsonStaysInInputOrderWhenResultsFinishOutOfOrder) {
  LocalHttpServer server;
  ASSERT_TRUE(server.ok());
  server.add("/late.html", {.body = slurp(kCompliant), .delay = 3s});
  std::vector<std::string> inputs = {server.url("/late.html")};
  for (int i = 0; i < 8; ++i) inputs.push_back(i % 2 ? kCompliant : kMissingSource);
  std::vector<std::string> args = {"scan", "--rules", kPack, "--original", kOriginals, "--allow-private", "-j", "2"};
  args.insert(args.end(), inputs.begin(), inputs.end());
  auto as_json = run_credcheck(args);
  json j = json::parse(as_json.out);
  ASSERT_EQ(j["results"].size(), inputs.size());
  for (size_t i = 0; i < inputs.size(); ++i) EXPECT_EQ(j["results"][i]["input"], inputs[i]) << i;
  // The JSONL of the same scan finished out of order, and re-rendered it is the same report.
  args.insert(args.begin() + 1, {"-f", "jsonl"});
  auto as_jsonl = run_credcheck(args);
  std::vector<json> lines = lines_of(as_jsonl.out);
  ASSERT_EQ(lines.size(), inputs.size());
  EXPECT_NE(lines.front()["index"], 0);  // the late one was not first
  TempDir tmp;
  std::string saved = tmp.file("r.jsonl", as_jsonl.out);
  json merged = json::parse(run_credcheck({"report", "--in", saved}).out);
  EXPECT_EQ(without_times(merged["results"]), without_times(j["results"]));
  EXPECT_EQ(merged["summary"], j["summary"]);
}

TEST(Streaming, AListLineWithNoEndIsRefusedAtOnce) {
  auto zero = run_credcheck({"scan", "--rules", kPack, "@/dev/zero"});
  EXPECT_EQ(zero.code, 2);
  EXPECT_NE(zero.err.find("/dev/zero:1: a NUL byte"), std::string::npos) << zero.err;
  auto long_line = run_credcheck({"scan", "--rules", kPack, "--original", kOriginals, "-"},
                                 kCompliant + "\n" + std::string(70 << 10, 'a') + "\n" + kCompliant + "\n");
  EXPECT_EQ(long_line.code, 2);
  EXPECT_NE(long_line.err.find("stdin:2: a line longer than 65536 bytes"), std::string::npos) << long_line.err;
  EXPECT_TRUE(long_line.out.empty());  // no JSON report from a refused list
}

TEST(Streaming, AGeneratedListOfThousandsEndsWithOneResultEach) {
  // The shape of `yes page.html | head -n N`: the same page many times.
  std::string list;
  const size_t n = 1000;
  for (size_t i = 0; i < n; ++i) list += kCompliant + "\n";
  std::vector<std::string> args = test_support::partner_scan();
  args.insert(args.end(), {"-f", "jsonl", "-"});
  auto r = run_credcheck(args, list);
  EXPECT_EQ(r.code, 0) << r.err;
  std::vector<json> lines = lines_of(r.out);
  ASSERT_EQ(lines.size(), n);
  std::vector<bool> seen(n);
  for (const json& l : lines) seen[l["index"].get<size_t>()] = true;
  EXPECT_EQ(std::count(seen.begin(), seen.end(), true), static_cast<long>(n));
}

TEST(Streaming, HtmlOnStdinIsOnePageNamedDash) {
  auto from_stdin = run_credcheck({"scan", "--rules", kPack, "--original", kOriginals, "-"}, slurp(kMissingSource));
  auto from_file = run_credcheck({"scan", "--rules", kPack, "--original", kOriginals, kMissingSource});
  EXPECT_EQ(from_stdin.code, from_file.code) << from_stdin.err;
  json a = json::parse(from_stdin.out), b = json::parse(from_file.out);
  ASSERT_EQ(a["results"].size(), 1u);
  EXPECT_EQ(a["results"][0]["input"], "-");
  EXPECT_EQ(a["results"][0]["status"], b["results"][0]["status"]);
  EXPECT_EQ(a["results"][0]["findings"], b["results"][0]["findings"]);
  EXPECT_EQ(a["results"][0]["fields"], b["results"][0]["fields"]);
  auto extract = run_credcheck({"extract", "-"}, "\n  " + slurp(kCompliant));
  EXPECT_EQ(extract.code, 0);
  EXPECT_EQ(lines_of(extract.out).size(), 1u);
}

TEST(NotHtml, ServedAndFilePagesThatAreNotHtmlSaySo) {
  LocalHttpServer server;
  ASSERT_TRUE(server.ok());
  server.add("/report.pdf", {.content_type = "application/pdf", .body = "%PDF-1.4\n..."});
  server.add("/blob", {.content_type = "application/octet-stream", .body = "\x01\x02\x03"});
  server.add("/data.json", {.content_type = "application/json", .body = "{\"a\":1}"});
  server.add("/mislabelled.html", {.content_type = "text/html", .body = "\x89PNG\r\n\x1a\n...."});
  TempDir tmp;
  std::string pdf = tmp.file("paper.html", "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n");
  std::string png = tmp.file("picture.htm", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
  auto r = run_credcheck({"scan", "--rules", kPack, "--original", kOriginals, "--allow-private",
                          server.url("/report.pdf"), server.url("/blob"), server.url("/data.json"),
                          server.url("/mislabelled.html"), pdf, png});
  EXPECT_EQ(r.code, 3) << r.err;
  json j = json::parse(r.out);
  const char* want[] = {"not HTML (application/pdf)", "not HTML (application/octet-stream)",
                        "not HTML (application/json)", "not HTML (image/png)", "not HTML (application/pdf)",
                        "not HTML (image/png)"};
  ASSERT_EQ(j["results"].size(), 6u);
  for (size_t i = 0; i < 6; ++i) {
    EXPECT_EQ(j["results"][i]["status"], "unchecked");
    std::string reason = j["results"][i]["reason"];
    EXPECT_NE(reason.find(want[i]), std::string::npos) << reason;
    EXPECT_EQ(reason.find("matches none"), std::string::npos) << reason;
  }
}

}  // namespace
}  // namespace credcheck
