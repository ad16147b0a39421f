// The authoring commands over the packs in rules/: validate (every error), test (a
// pack's own fixtures), explain (with examples), list (packs and kinds).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "tests/support/files.h"
#include "tests/support/run_binary.h"

namespace credcheck {
namespace {

using test_support::run_credcheck;
using test_support::TempDir;

TEST(PacksCli, ValidateReportsEveryErrorWithItsLine) {
  TempDir dir;
  std::string pack = dir.file("broken.yaml",
                              "pack: broken\n"
                              "publisher:\n"
                              "  name: 南岭网\n"
                              "rules:\n"
                              "  - id: source-credit\n"
                              "    kind: source-credit\n"
                              "    clause: c\n"
                              "    message: m\n"
                              "    quote: q\n"
                              "    accept: ['南岭(网']\n"  // line 10: bad pattern
                              "  - id: counter\n"
                              "    kind: element-kept\n"
                              "    clause: c\n"
                              "    message: m\n"
                              "    quote: q\n"
                              "    sorce: x\n");  // line 16: unknown key, and no src
  auto r = run_credcheck({"rules", "validate", pack});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, pack + ":10:14: invalid RE2 pattern '南岭(网': missing ): 南岭(网\n" + pack +
                       ":16:5: unknown key 'sorce'; expected one of id, kind, clause, severity, "
                       "message, quote, src, expected\n" +
                       pack + ":11:5: missing key 'src' (RE2 patterns)\n");
}

TEST(PacksCli, EveryPackPassesItsOwnFixtures) {
  size_t packs = 0;
  for (const auto& entry : std::filesystem::directory_iterator("rules")) {
    if (entry.path().extension() != ".yaml") continue;
    ++packs;
    auto r = run_credcheck({"rules", "test", entry.path().string()});
    EXPECT_EQ(r.code, 0) << entry.path() << "\n" << r.out << r.err;
    EXPECT_NE(r.out.find(" passed, 0 failed"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find(" 0 passed"), std::string::npos) << r.out;
  }
  EXPECT_GE(packs, 7u);
}

TEST(PacksCli, TestFailsWhenAnExpectationIsWrong) {
  // A copy of a pack's fixture folder with one .expected changed must fail.
  TempDir dir;
  std::filesystem::copy("fixtures/benwang-zhuming", dir.path("fx"),
                        std::filesystem::copy_options::recursive);
  std::string pack = dir.file("p.yaml", "");
  {
    std::ifstream in("rules/benwang-zhuming.yaml");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    text.replace(text.find("fixtures: ../fixtures/benwang-zhuming"),
                 std::string("fixtures: ../fixtures/benwang-zhuming").size(), "fixtures: fx");
    dir.file("p.yaml", text);
  }
  dir.file("fx/pages/compliant.expected", "# wrongly expects a finding\nsource-credit\nbase_url: https://news.partner-a.example/\n");
  auto r = run_credcheck({"rules", "test", pack});
  EXPECT_EQ(r.code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("FAIL " + dir.path("fx/pages/compliant.html")), std::string::npos) << r.out;
}

TEST(PacksCli, FixturesBesideThePackAreFoundWithoutAFixturesKey) {
  TempDir dir;
  std::filesystem::copy("fixtures/benwang-zhuming", dir.path("p"),
                        std::filesystem::copy_options::recursive);
  std::ifstream in("rules/benwang-zhuming.yaml");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::string key = "fixtures: ../fixtures/benwang-zhuming\n";
  text.erase(text.find(key), key.size());
  std::string pack = dir.file("p.yaml", text);
  auto r = run_credcheck({"rules", "test", pack});
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("6 passed, 0 failed"), std::string::npos) << r.out;
  // Neither named nor beside it: said so, exit 2.
  std::filesystem::remove_all(dir.path("p"));
  r = run_credcheck({"rules", "test", pack});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "credcheck: " + pack + ": no fixtures folder: " + dir.path("p") +
                       " (or name one with `fixtures:` in the pack) is not a folder\n");
}

TEST(PacksCli, ExplainShowsTheClauseAndAPassingAndAFailingFixture) {
  auto r = run_credcheck({"rules", "explain", "rules/jingxiang.yaml", "mirror-copy"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("建立镜像"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("passes: fixtures/jingxiang/pages/"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("fails: fixtures/jingxiang/pages/mirror"), std::string::npos) << r.out;
  EXPECT_EQ(run_credcheck({"rules", "explain", "rules/jingxiang.yaml", "nope"}).code, 2);
}

TEST(PacksCli, ListShowsThePacksTheirRulesAndTheKinds) {
  auto r = run_credcheck({"rules", "list"});
  EXPECT_EQ(r.code, 0) << r.err;
  for (const char* s : {"pack the-conversation", "pack haixia-tw", "  page-counter\telement-kept",
                        "kinds\n", "  mirror-copy\t", "  dateline-kept\t"})
    EXPECT_NE(r.out.find(s), std::string::npos) << s << "\n" << r.out;
}

}  // namespace
}  // namespace credcheck
