// Beyond one process: shards that merge into the single-process report, the mapper mode
// an engine pipes inputs through, and WARC files as inputs.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

#include "tests/support/jsonl.h"
#include "tests/support/local_http_server.h"
#include "tests/support/process.h"
#include "tests/support/run_binary.h"
#include "tests/support/xijiang.h"

namespace credcheck {
namespace {

using nlohmann::json;
using test_support::Child;
using test_support::kCompliant;
using test_support::kMissingSource;
using test_support::kOriginals;
using test_support::kPack;
using test_support::kReprints;
using test_support::lines_of;
using test_support::run_credcheck;
using test_support::slurp;
using test_support::TempDir;
using test_support::wait_until;
using test_support::without_times;
using namespace std::chrono_literals;

json as_array(const std::vector<json>& v) { return json(v); }

// A plain WARC/1.1 response record holding `page` at `uri`.
std::string warc_response(const std::string& uri, const std::string& page) {
  std::string block = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + page;
  return "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: " + uri +
         "\r\nWARC-Date: 2026-11-30T08:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n"
         "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
}

TEST(Shards, MergedShardsEqualTheSingleProcessScan) {
  TempDir tmp;
  std::vector<std::string> common = {"scan", "--rules", kPack, "--original", kOriginals, "-q"};
  auto args = [&](std::vector<std::string> extra) {
    std::vector<std::string> a = common;
    a.insert(a.end(), extra.begin(), extra.end());
    return a;
  };
  auto whole = run_credcheck(args({"-f", "jsonl", kReprints}));
  ASSERT_EQ(whole.code, 1) << whole.err;
  std::vector<std::string> merge = {"report", "--inputs", kReprints, "-f", "jsonl", "--in"};
  size_t total = 0;
  for (int k = 0; k < 3; ++k) {
    std::string out = tmp.path("shard-" + std::to_string(k) + ".jsonl");
    auto r = run_credcheck(args({"--shard", std::to_string(k) + "/3", "-f", "jsonl", "-o", out, kReprints}));
    ASSERT_TRUE(r.code == 0 || r.code == 1) << r.err;
    size_t n = lines_of(slurp(out)).size();
    EXPECT_GT(n, 0u) << "shard " << k << " holds none of the fixtures";
    total += n;
    merge.push_back(out);
  }
  auto single = run_credcheck({"report", "-f", "jsonl", "--in", tmp.file("whole.jsonl", whole.out)});
  auto merged = run_credcheck(merge);
  EXPECT_EQ(merged.code, 1) << merged.err;
  EXPECT_EQ(merged.err, "");
  EXPECT_EQ(total, lines_of(whole.out).size());
  EXPECT_EQ(without_times(as_array(lines_of(merged.out))), without_times(as_array(lines_of(single.out))));
}

TEST(Shards, AMissingShardsInputsAreNamedAndUnchecked) {
  TempDir tmp;
  std::string a = tmp.path("a.jsonl"), b = tmp.path("b.jsonl");
  for (auto [k, out] : {std::pair{"0/2", a}, std::pair{"1/2", b}})
    run_credcheck({"scan", "--rules", kPack, "-q", "--shard", k, "-f", "jsonl", "-o", out, kReprints});
  std::vector<json> shard_b = lines_of(slurp(b));
  ASSERT_FALSE(shard_b.empty());
  auto r = run_credcheck({"report", "--in", a, "--inputs", kReprints, "-f", "json"});
  json report = json::parse(r.out);
  size_t all = lines_of(slurp(a)).size() + shard_b.size();
  EXPECT_EQ(report["summary"]["inputs"], all);
  EXPECT_NE(r.err.find(std::to_string(shard_b.size()) + " inputs have no result"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(shard_b[0]["input"].get<std::string>()), std::string::npos) << r.err;
  size_t missing = 0;
  for (const json& res : report["results"])
    if (res["reason"].get<std::string>().find("no result for this input") != std::string::npos) {
      ++missing;
      EXPECT_EQ(res["status"], "unchecked");
    }
  EXPECT_EQ(missing, shard_b.size());
  // The same shard twice is refused, not counted twice.
  auto doubled = run_credcheck({"report", "--in", a, a, b, "--inputs", kReprints});
  EXPECT_EQ(doubled.code, 2);
  EXPECT_NE(doubled.err.find("results doubled"), std::string::npos) << doubled.err;
  EXPECT_EQ(doubled.out, "");
}

TEST(Shards, OptionsAreRefusedInWords) {
  auto both = run_credcheck({"scan", "--rules", kPack, "--shard", "0/2", "--shards", "2", kCompliant});
  EXPECT_EQ(both.code, 2);
  EXPECT_NE(both.err.find("give one"), std::string::npos) << both.err;
  auto bad = run_credcheck({"scan", "--rules", kPack, "--shard", "2/2", kCompliant});
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.err.find("K counts from 0"), std::string::npos) << bad.err;
  auto zero = run_credcheck({"scan", "--rules", kPack, "--shards", "0", kCompliant});
  EXPECT_EQ(zero.code, 2);
  EXPECT_NE(zero.err.find("a whole number from 1"), std::string::npos) << zero.err;
  // Outside a job engine (the test's own environment has no array index) --shards is refused.
  if (!getenv("SLURM_ARRAY_TASK_ID") && !getenv("JOB_COMPLETION_INDEX")) {
    auto none = run_credcheck({"scan", "--rules", kPack, "--shards", "2", kCompliant});
    EXPECT_EQ(none.code, 2);
    EXPECT_NE(none.err.find("no shard index in the environment"), std::string::npos) << none.err;
  }
}

TEST(Shards, AWarcFileIsOneInputWithAllItsRecords) {
  TempDir tmp;
  std::string page = slurp(kCompliant);
  for (int f = 0; f < 4; ++f) {
    std::string warc;
    for (int i = 0; i < 3; ++i)
      warc += warc_response("http://copy" + std::to_string(f) + ".example/" + std::to_string(i) + ".html", page);
    tmp.file("part-" + std::to_string(f) + ".warc", warc);
  }
  std::set<std::string> files_seen;
  size_t records = 0;
  for (int k = 0; k < 2; ++k) {
    auto r = run_credcheck({"scan", "--rules", kPack, "-q", "-f", "jsonl", "--shard", std::to_string(k) + "/2",
                            tmp.dir().string()});
    std::set<std::string> mine;
    for (const json& j : lines_of(r.out)) {
      std::string input = j["input"];
      mine.insert(input.substr(0, input.find('#')));
      ++records;
    }
    for (const std::string& f : mine) EXPECT_TRUE(files_seen.insert(f).second) << f << " is in two shards";
  }
  EXPECT_EQ(files_seen.size(), 4u);
  EXPECT_EQ(records, 12u);
}

TEST(Warc, RecordsAreCheckedAsPagesAtTheirTargetUri) {
  TempDir tmp;
  std::string pack = test_support::licensed_pack("www.partner.example");
  std::string warc = tmp.file("crawl.warc", warc_response("https://www.partner.example/news/a.html", slurp(kCompliant)) +
                                                warc_response("https://www.partner.example/news/b.html", slurp(kMissingSource)));
  auto from_warc = run_credcheck({"scan", "--rules", pack, "--original", kOriginals, "-f", "jsonl", warc});
  auto from_files = run_credcheck({"scan", "--rules", pack, "--original", kOriginals, "-f", "jsonl",
                                   "--base-url", "https://www.partner.example/news/", kCompliant, kMissingSource});
  auto by_index = [](std::vector<json> v) {
    std::sort(v.begin(), v.end(), [](const json& a, const json& b) { return a["index"] < b["index"]; });
    return v;
  };
  std::vector<json> w = by_index(lines_of(from_warc.out)), f = by_index(lines_of(from_files.out));
  ASSERT_EQ(w.size(), 2u) << from_warc.err;
  ASSERT_EQ(f.size(), 2u) << from_files.err;
  EXPECT_EQ(from_warc.code, from_files.code);
  for (size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(w[i]["status"], f[i]["status"]) << w[i].dump();
    EXPECT_EQ(w[i]["findings"], f[i]["findings"]);
    EXPECT_EQ(w[i]["fetched_at"], "2026-11-30T08:00:00Z");
    EXPECT_EQ(w[i]["input"].get<std::string>().rfind(warc + "#", 0), 0u) << w[i]["input"];
  }
  EXPECT_EQ(w[0]["url"], "https://www.partner.example/news/a.html");
  EXPECT_NE(from_warc.err.find("2 WARC records: 2 HTML pages read"), std::string::npos) << from_warc.err;
}

TEST(Mapper, OneResultPerLineInInputOrderAndExitZero) {
  std::string input = kMissingSource + "\n{\"input\": \"" + kCompliant + "\"}\n\nnot/there.html\n{\"url\": 1}\n" + kCompliant + "\n";
  auto r = run_credcheck({"scan", "--mapper", "--rules", kPack, "--original", kOriginals, "-j", "3"}, input);
  EXPECT_EQ(r.code, 0) << r.err;  // findings and unreadable inputs are data
  std::vector<json> out = lines_of(r.out);
  ASSERT_EQ(out.size(), 5u) << r.out;
  EXPECT_EQ(out[0]["input"], kMissingSource);
  EXPECT_EQ(out[0]["status"], "violation");
  EXPECT_EQ(out[1]["input"], kCompliant);
  EXPECT_EQ(out[2]["input"], "not/there.html");
  EXPECT_EQ(out[2]["status"], "unchecked");
  EXPECT_NE(out[3]["reason"].get<std::string>().find("without a string \"input\""), std::string::npos);
  EXPECT_EQ(out[4]["input"], kCompliant);
  EXPECT_EQ(r.out.find("{\"index\""), std::string::npos);
}

TEST(Mapper, FaultsOfTheRunAreNonZero) {
  TempDir tmp;
  std::string bad_pack = tmp.file("bad.yaml", "rules: [\n");
  EXPECT_EQ(run_credcheck({"scan", "--mapper", "--rules", bad_pack}, kCompliant + "\n").code, 2);
  auto with_args = run_credcheck({"scan", "--mapper", "--rules", kPack, kCompliant});
  EXPECT_EQ(with_args.code, 2);
  EXPECT_NE(with_args.err.find("give no INPUT arguments"), std::string::npos) << with_args.err;
  auto with_output = run_credcheck({"scan", "--mapper", "--rules", kPack, "-o", tmp.path("x")});
  EXPECT_EQ(with_output.code, 2);
}

void results_flow_out(const std::string& input);

// The mapper answers each line while its stdin is still open: results flow out as
// inputs come in, so a mapper fed millions of lines never holds them.
// Each line given as a file, then as a URL (fetched while the next line is awaited).
TEST(Mapper, ResultsFlowOutWhileStdinIsOpen) {
  test_support::LocalHttpServer server;
  ASSERT_TRUE(server.ok()) << server.error();
  server.add("/page.html", {.body = slurp(kCompliant)});
  for (const std::string& input : {std::string(kCompliant), server.url("/page.html")}) {
    SCOPED_TRACE(input);
    results_flow_out(input);
  }
}

void results_flow_out(const std::string& input) {
  TempDir tmp;
  std::string fifo = tmp.path("in"), out = tmp.path("out"), err = tmp.path("err");
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  // Opened for writing first (O_RDWR does not wait for a reader): the child's open then
  // does not block, and the spawning parent is not left waiting for it.
  int fd = open(fifo.c_str(), O_RDWR | O_CLOEXEC);  // the child must not hold a writer
  ASSERT_GE(fd, 0);
  Child child({"scan", "--mapper", "--rules", kPack, "-j", "2", "--allow-private"}, fifo, out, err);
  ASSERT_TRUE(child.started());
  for (int i = 1; i <= 3; ++i) {
    std::string line = input + "\n";
    ASSERT_EQ(write(fd, line.data(), line.size()), static_cast<ssize_t>(line.size()));
    EXPECT_TRUE(wait_until([&] { return lines_of(slurp(out)).size() == static_cast<size_t>(i); }, 120s))
        << "result " << i << " did not come while stdin was open; stderr: " << slurp(err);
  }
  close(fd);
  EXPECT_EQ(child.wait(120s), 0) << slurp(err);
}

}  // namespace
}  // namespace credcheck
