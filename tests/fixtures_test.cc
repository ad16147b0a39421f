// Every bundled fixture yields exactly the rule ids in its .expected file, through the
// real binary.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include "tests/support/run_binary.h"

namespace credcheck {
namespace {

namespace fs = std::filesystem;
using test_support::run_credcheck;

const fs::path kFixtures = fs::path(CREDCHECK_SOURCE_DIR) / "fixtures/xijiang";

std::vector<std::string> fixture_names() {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(kFixtures / "reprints"))
    if (e.path().extension() == ".html") names.push_back(e.path().stem().string());
  std::sort(names.begin(), names.end());
  return names;
}

std::set<std::string> expected_rules(const std::string& name) {
  std::set<std::string> ids;
  std::istringstream lines(test_support::slurp(kFixtures / "reprints" / (name + ".expected")));
  for (std::string line; std::getline(lines, line);) {
    line.erase(0, line.find_first_not_of(" \t"));
    line.erase(line.find_last_not_of(" \t\r") + 1);
    if (!line.empty() && line[0] != '#') ids.insert(line);
  }
  return ids;
}

// One scan of the whole folder; each fixture's test reads its own line.
const std::map<std::string, nlohmann::json>& scan_results() {
  static const auto* results = [] {
    auto* map = new std::map<std::string, nlohmann::json>;
    auto r = run_credcheck({"scan", "--rules", "rules/xijiang-daily.yaml", "--original",
                            "fixtures/xijiang/originals/", "--format", "jsonl",
                            "fixtures/xijiang/reprints/"});
    EXPECT_EQ(r.code, 1) << r.err;
    std::istringstream lines(r.out);
    for (std::string line; std::getline(lines, line);) {
      auto j = nlohmann::json::parse(line);
      (*map)[fs::path(j["input"].get<std::string>()).stem().string()] = j;
    }
    return map;
  }();
  return *results;
}

class Fixture : public ::testing::TestWithParam<std::string> {};

TEST_P(Fixture, FiresExactlyItsExpectedRules) {
  const std::string name = GetParam();
  auto it = scan_results().find(name);
  ASSERT_NE(it, scan_results().end()) << name << " is missing from the scan";
  const nlohmann::json& result = it->second;
  std::set<std::string> fired;
  for (const auto& f : result["findings"]) fired.insert(f["rule"].get<std::string>());
  std::set<std::string> want = expected_rules(name);
  EXPECT_EQ(fired, want) << result.dump(2);
  EXPECT_EQ(result["status"], want.empty() ? "compliant" : "violation") << result.dump(2);
  // Every finding names its clause, and a violation of a reprint names its original.
  for (const auto& f : result["findings"]) EXPECT_FALSE(f["clause"].get<std::string>().empty());
}

INSTANTIATE_TEST_SUITE_P(Xijiang, Fixture, ::testing::ValuesIn(fixture_names()),
                         [](const auto& info) {
                           std::string n = info.param;
                           for (char& c : n)
                             if (!isalnum(static_cast<unsigned char>(c))) c = '_';
                           return n;
                         });

TEST(Fixtures, ThereAreAtLeastTwentyVariants) { EXPECT_GE(fixture_names().size(), 20u); }

}  // namespace
}  // namespace credcheck
