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

// The rule ids a fixture's .expected says fire, and those it says stay unchecked
// ("not_checked: ID").
struct Expected {
  std::set<std::string> fired, not_checked;
};

Expected expected_rules(const std::string& name) {
  Expected e;
  const std::string prefix = "not_checked:";
  std::istringstream lines(test_support::slurp(kFixtures / "reprints" / (name + ".expected")));
  for (std::string line; std::getline(lines, line);) {
    line.erase(0, line.find_first_not_of(" \t"));
    line.erase(line.find_last_not_of(" \t\r") + 1);
    if (line.empty() || line[0] == '#') continue;
    if (line.rfind(prefix, 0) == 0)
      e.not_checked.insert(line.substr(line.find_first_not_of(" \t", prefix.size())));
    else
      e.fired.insert(line);
  }
  return e;
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
  std::set<std::string> fired, unchecked;
  for (const auto& f : result["findings"]) fired.insert(f["rule"].get<std::string>());
  for (const auto& id : result["not_checked"]) unchecked.insert(id.get<std::string>());
  Expected want = expected_rules(name);
  EXPECT_EQ(fired, want.fired) << result.dump(2);
  EXPECT_EQ(unchecked, want.not_checked) << result.dump(2);
  EXPECT_EQ(result["status"], !want.fired.empty()         ? "violation"
                              : !want.not_checked.empty() ? "unchecked"
                                                          : "compliant")
      << result.dump(2);
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

nlohmann::json scan_one(const std::string& name, const std::string& base_url) {
  auto r = run_credcheck({"scan", "--rules", "rules/xijiang-daily.yaml", "--original",
                          "fixtures/xijiang/originals/", "--base-url", base_url,
                          "fixtures/xijiang/reprints/" + name + ".html"});
  nlohmann::json j = nlohmann::json::parse(r.out, nullptr, false);
  EXPECT_FALSE(j.is_discarded()) << r.err;
  return j.is_discarded() ? nlohmann::json() : j["results"][0];
}

TEST(Fixtures, BaseUrlGivesAFileItsHost) {
  // Where the file will be published decides, never its canonical link.
  nlohmann::json r = scan_one("unlicensed-host", "https://news.copycat-portal.example/2025/");
  ASSERT_EQ(r["findings"].size(), 1u) << r.dump(2);
  EXPECT_EQ(r["findings"][0]["rule"], "unauthorized-reprint");
  EXPECT_EQ(r["findings"][0]["evidence"], "news.copycat-portal.example");
  EXPECT_TRUE(r["not_checked"].empty());

  // Staged for the publisher's own site: its own page, exempt by the user's word.
  r = scan_one("partner-canonical-to-publisher", "https://www.xjrb.com/content/");
  EXPECT_EQ(r["status"], "compliant") << r.dump(2);
  EXPECT_NE(r["reason"].get<std::string>().find("own host www.xjrb.com"), std::string::npos);
}

TEST(Fixtures, BadBaseUrlIsAUsageError) {
  auto r = run_credcheck({"scan", "--rules", "rules/xijiang-daily.yaml", "--base-url", "news.example",
                          "fixtures/xijiang/reprints/compliant.html"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--base-url"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace credcheck
