// The binary over HTTP: a page served on 127.0.0.1 gives the same result as the file.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

#include "tests/support/local_http_server.h"
#include "tests/support/run_binary.h"
#include "tests/support/xijiang.h"

namespace credcheck {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using test_support::run_credcheck;
using test_support::slurp;
using test_support::LocalHttpServer;

const std::string kReprints = "fixtures/xijiang/reprints";

class HttpScan : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(server_.ok()) << server_.error();
    // No charset in the header: the page's own declaration or detection decides, as for files.
    ASSERT_GT(server_.serve_directory(kReprints, "text/html", "/reprints/"), 20u);
    server_.add("/gone.html", {.status = 404, .body = "not here"});
    server_.add("/broken.html", {.status = 500, .body = "broken"});
    server_.add("/busy.html", {.status = 429, .body = "slow down"});
    server_.add("/moved.html", {.status = 301, .location = "/gone.html"});
    // The pack with 127.0.0.1 as a licensed republisher, so the host is not a finding.
    licensed_pack_ = test_support::licensed_pack("127.0.0.1");
  }
  std::vector<std::string> fixture_files() const {
    std::vector<std::string> files;
    for (const auto& e : fs::directory_iterator(kReprints))
      if (e.path().extension() == ".html") files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    return files;
  }

  json scan(const std::string& pack, const std::vector<std::string>& inputs, bool allow_private, int* code,
            const std::string& base_url = "") {
    std::vector<std::string> args = {"scan", "--rules", pack, "--original", "fixtures/xijiang/originals/",
                                     "--timeout", "10"};
    if (allow_private) args.push_back("--allow-private");
    if (!base_url.empty()) args.insert(args.end(), {"--base-url", base_url});
    args.insert(args.end(), inputs.begin(), inputs.end());
    auto r = run_credcheck(args);
    *code = r.code;
    json j = json::parse(r.out, nullptr, false);
    EXPECT_FALSE(j.is_discarded()) << r.err;
    return j;
  }

  LocalHttpServer server_;
  std::string licensed_pack_;
};

TEST_F(HttpScan, EveryFixtureServedGivesTheSameResultAsTheFile) {
  std::vector<std::string> files = fixture_files(), urls;
  for (const auto& f : files) urls.push_back(server_.url("/reprints/" + fs::path(f).filename().string()));
  int file_code, url_code;
  // The files as they will be published: at the server's URLs, so on the same host. A
  // canonical link never gives a host, to a file or to a fetched page.
  json by_file = scan(licensed_pack_, files, false, &file_code, server_.url("/reprints/"));
  json by_url = scan(licensed_pack_, urls, true, &url_code);
  EXPECT_EQ(file_code, url_code);
  ASSERT_EQ(by_file["results"].size(), by_url["results"].size());
  for (size_t i = 0; i < files.size(); ++i) {
    const json& f = by_file["results"][i];
    const json& u = by_url["results"][i];
    EXPECT_EQ(u["url"], urls[i]);
    EXPECT_EQ(f["status"], u["status"]) << files[i] << "\n" << u["reason"];
    EXPECT_EQ(f["findings"], u["findings"]) << files[i];
    EXPECT_EQ(f["fields"], u["fields"]) << files[i];
    EXPECT_EQ(f["charset"], u["charset"]) << files[i];
    EXPECT_FALSE(u["fetched_at"].get<std::string>().empty());
    // The same bytes either way, so the same hash; only the fetched one has a status.
    EXPECT_EQ(f["sha256"], u["sha256"]) << files[i];
    EXPECT_EQ(u["sha256"].get<std::string>().size(), 64u);
    EXPECT_EQ(u["http_status"], 200);
    EXPECT_TRUE(f["http_status"].is_null());
  }
}

TEST_F(HttpScan, WithoutBaseUrlAFileLeavesTheHostRuleUnchecked) {
  int code;
  json j = scan(licensed_pack_, {kReprints + "/compliant.html"}, false, &code);
  EXPECT_EQ(code, 3);  // ran, found nothing, but did not check everything
  const json& r = j["results"][0];
  EXPECT_EQ(r["status"], "unchecked");
  EXPECT_EQ(r["not_checked"], json::array({"unauthorized-reprint"}));
  EXPECT_NE(r["reason"].get<std::string>().find("--base-url"), std::string::npos) << r["reason"];
}

TEST_F(HttpScan, LoopbackIsRefusedWithoutAllowPrivate) {
  int code;
  json j = scan(licensed_pack_, {server_.url("/reprints/compliant.html")}, false, &code);
  EXPECT_EQ(code, 3);
  EXPECT_EQ(j["results"][0]["status"], "unchecked");
  EXPECT_NE(j["results"][0]["reason"].get<std::string>().find("--allow-private"), std::string::npos)
      << j["results"][0]["reason"];
}

TEST_F(HttpScan, AnUnlicensedHostIsAFindingWithTheHostAsEvidence) {
  int code;
  json j = scan("rules/xijiang-daily.yaml", {server_.url("/reprints/compliant.html")}, true, &code);
  EXPECT_EQ(code, 1);
  const json& findings = j["results"][0]["findings"];
  ASSERT_EQ(findings.size(), 1u) << j.dump(2);
  EXPECT_EQ(findings[0]["rule"], "unauthorized-reprint");
  EXPECT_EQ(findings[0]["evidence"], "127.0.0.1");
}

TEST_F(HttpScan, DeadPagesAreUncheckedAndTheRestGoOn) {
  int code;
  json j = scan(licensed_pack_,
                {server_.url("/gone.html"), server_.url("/reprints/compliant.html")}, true, &code);
  EXPECT_EQ(code, 3);
  EXPECT_EQ(j["results"][0]["status"], "unchecked");
  EXPECT_NE(j["results"][0]["reason"].get<std::string>().find("404"), std::string::npos);
  EXPECT_EQ(j["results"][1]["status"], "compliant");
}

// A page the server refused ends unchecked, but keeps what the server answered: the
// status, the final URL after redirects and when, in the JSON and every other format.
TEST_F(HttpScan, FailedFetchesKeepTheirHttpStatus) {
  test_support::TempDir dir;
  std::string csv = dir.path("r.csv"), md = dir.path("r.md"), sarif = dir.path("r.sarif");
  int code;
  json j = scan(licensed_pack_,
                {"--retries", "0", "--report", "csv=" + csv, "--report", "md=" + md, "--report",
                 "sarif=" + sarif, server_.url("/moved.html"), server_.url("/broken.html"),
                 server_.url("/busy.html")},
                true, &code);
  EXPECT_EQ(code, 3);
  ASSERT_EQ(j["results"].size(), 3u) << j.dump(1);
  const long want[] = {404, 500, 429};
  for (size_t i = 0; i < 3; ++i) {
    const json& r = j["results"][i];
    EXPECT_EQ(r["status"], "unchecked");
    EXPECT_EQ(r["http_status"], want[i]) << r.dump();
    EXPECT_FALSE(r["fetched_at"].get<std::string>().empty());
  }
  EXPECT_EQ(j["results"][0]["url"], server_.url("/gone.html"));  // after the redirect
  EXPECT_EQ(j["results"][0]["input"], server_.url("/moved.html"));
  std::string c = slurp(csv);
  EXPECT_NE(c.find(",404,"), std::string::npos) << c;
  EXPECT_NE(c.find(",429,"), std::string::npos) << c;
  EXPECT_NE(slurp(md).find("| 500 |"), std::string::npos) << slurp(md);
  json s = json::parse(slurp(sarif), nullptr, false);
  ASSERT_FALSE(s.is_discarded());
  const json& notes = s["runs"][0]["invocations"][0]["toolExecutionNotifications"];
  ASSERT_EQ(notes.size(), 3u);
  EXPECT_EQ(notes[0]["properties"]["http_status"], 404);
  EXPECT_EQ(notes[0]["properties"]["final_url"], server_.url("/gone.html"));
}

}  // namespace
}  // namespace credcheck
