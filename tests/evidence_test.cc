// The evidence of each result: the hash of the bytes as read, and --save-pages keeping
// those bytes under that hash (so a page can be shown as it was when it was checked).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>

#include "checker/fetch/evidence.h"
#include "tests/support/run_binary.h"
#include "tests/support/xijiang.h"

namespace credcheck {
namespace {

using nlohmann::json;
using test_support::kMissingSource;
using test_support::kCompliant;
using test_support::partner_scan;
using test_support::run_credcheck;
using test_support::slurp;
using test_support::TempDir;
namespace fs = std::filesystem;

TEST(Evidence, SavePagesKeepsTheBytesUnderTheirHash) {
  TempDir tmp;
  std::vector<std::string> args = partner_scan();
  args.insert(args.end(), {"--save-pages", tmp.path("pages/kept"), "--output", tmp.path("r.json"),
                           kCompliant, kMissingSource, kCompliant});
  auto r = run_credcheck(args);
  ASSERT_EQ(r.code, 1) << r.err;
  json report = json::parse(slurp(tmp.path("r.json")));
  ASSERT_EQ(report["results"].size(), 3u);
  for (const json& res : report["results"]) {
    std::string bytes = slurp(res["input"].get<std::string>());
    std::string sha = res["sha256"];
    EXPECT_EQ(sha, sha256_hex(bytes)) << res["input"];
    EXPECT_TRUE(res["http_status"].is_null());  // a file
    EXPECT_EQ(slurp(tmp.path("pages/kept/" + sha + ".html")), bytes);
  }
  size_t files = 0;
  for (const auto& e : fs::directory_iterator(tmp.path("pages/kept"))) ++files, (void)e;
  EXPECT_EQ(files, 2u);  // the same page twice is one file
}

TEST(Evidence, AnUnwritableSavePagesIsRefusedBeforeAnyWork) {
  TempDir tmp;
  std::string not_dir = tmp.file("plain", "x");
  std::vector<std::string> args = partner_scan();
  args.insert(args.end(), {"--save-pages", not_dir + "/pages", "--output", tmp.path("r.json"), kCompliant});
  auto r = run_credcheck(args);
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--save-pages " + not_dir + "/pages: cannot create the folder"), std::string::npos)
      << r.err;
  EXPECT_FALSE(fs::exists(tmp.path("r.json")));
}

}  // namespace
}  // namespace credcheck
