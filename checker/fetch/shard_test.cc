// Shards: K/N parsed and refused in words, K from a job engine's environment, and every
// input in exactly one shard whatever the order of the list.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <sstream>

#include "checker/fetch/inputs.h"
#include "checker/fetch/shard.h"

namespace credcheck {
namespace {

TEST(Shard, ParsesKOfN) {
  Shard s;
  std::string err;
  ASSERT_TRUE(parse_shard("2/5", &s, &err)) << err;
  EXPECT_EQ(s.index, 2u);
  EXPECT_EQ(s.count, 5u);
  EXPECT_EQ(s.name(), "2/5");
}

TEST(Shard, RefusesWhatIsNotKOfN) {
  for (const char* bad : {"", "3", "1/", "/4", "a/4", "1/b", "-1/4", "1/4/2", " 1/4", "1.0/4", "0x1/4"}) {
    Shard s;
    std::string err;
    EXPECT_FALSE(parse_shard(bad, &s, &err)) << bad;
    EXPECT_NE(err.find("expected K/N"), std::string::npos) << bad << ": " << err;
  }
  Shard s;
  std::string err;
  EXPECT_FALSE(parse_shard("4/4", &s, &err));
  EXPECT_NE(err.find("the last of 4 shards is 3/4"), std::string::npos) << err;
  EXPECT_FALSE(parse_shard("0/0", &s, &err));
  EXPECT_NE(err.find("N must be from 1"), std::string::npos) << err;
}

using Env = std::map<std::string, std::string>;

bool from_env(uint64_t n, const Env& env, Shard* s, std::string* err) {
  return shard_from_environment(n, [&](const char* name) -> const char* {
    auto it = env.find(name);
    return it == env.end() ? nullptr : it->second.c_str();
  }, s, err);
}

TEST(Shard, TakesKFromSlurmOrKubernetes) {
  Shard s;
  std::string err;
  ASSERT_TRUE(from_env(4, {{"JOB_COMPLETION_INDEX", "3"}}, &s, &err)) << err;
  EXPECT_EQ(s.name(), "3/4");
  ASSERT_TRUE(from_env(4, {{"SLURM_ARRAY_TASK_ID", "2"}, {"SLURM_ARRAY_TASK_COUNT", "4"},
                           {"SLURM_ARRAY_TASK_MIN", "0"}}, &s, &err)) << err;
  EXPECT_EQ(s.name(), "2/4");
  // An array submitted as --array=1-4: task 1 is shard 0.
  ASSERT_TRUE(from_env(4, {{"SLURM_ARRAY_TASK_ID", "1"}, {"SLURM_ARRAY_TASK_MIN", "1"},
                           {"SLURM_ARRAY_TASK_COUNT", "4"}}, &s, &err)) << err;
  EXPECT_EQ(s.name(), "0/4");
}

TEST(Shard, RefusesAnEnvironmentThatDoesNotFit) {
  Shard s;
  std::string err;
  EXPECT_FALSE(from_env(4, {}, &s, &err));
  EXPECT_NE(err.find("no shard index in the environment"), std::string::npos) << err;
  EXPECT_FALSE(from_env(4, {{"SLURM_ARRAY_TASK_ID", "1"}, {"SLURM_ARRAY_TASK_COUNT", "8"}}, &s, &err));
  EXPECT_NE(err.find("the Slurm array has 8 tasks"), std::string::npos) << err;
  EXPECT_FALSE(from_env(4, {{"SLURM_ARRAY_TASK_ID", "4"}, {"SLURM_ARRAY_TASK_COUNT", "4"},
                            {"SLURM_ARRAY_TASK_STEP", "2"}}, &s, &err));
  EXPECT_NE(err.find("steps by 2"), std::string::npos) << err;
  EXPECT_FALSE(from_env(4, {{"JOB_COMPLETION_INDEX", "4"}}, &s, &err));
  EXPECT_NE(err.find("JOB_COMPLETION_INDEX gives shard 4"), std::string::npos) << err;
  EXPECT_FALSE(from_env(4, {{"JOB_COMPLETION_INDEX", "two"}}, &s, &err));
  EXPECT_NE(err.find("not a whole number"), std::string::npos) << err;
}

std::vector<std::string> shard_inputs(const std::vector<std::string>& list, Shard shard) {
  std::string text;
  for (const std::string& l : list) text += l + "\n";
  std::istringstream in(text);
  ExpandOptions options;
  options.shard = shard;
  InputSource source({"-"}, in, options);
  std::vector<std::string> out;
  for (Input i; source.next(&i);) out.push_back(i.spec);
  return out;
}

TEST(Shard, EveryInputInExactlyOneShardWhateverTheOrder) {
  std::vector<std::string> urls;
  for (int i = 0; i < 600; ++i) urls.push_back("https://example.com/news/" + std::to_string(i) + ".html");
  std::vector<std::string> reversed(urls.rbegin(), urls.rend());
  std::vector<std::string> all;
  for (uint64_t k = 0; k < 4; ++k) {
    std::vector<std::string> mine = shard_inputs(urls, Shard{k, 4});
    std::vector<std::string> theirs = shard_inputs(reversed, Shard{k, 4});
    EXPECT_GT(mine.size(), 600u / 4 / 2) << "shard " << k << " is far below its share";
    std::sort(mine.begin(), mine.end());
    std::sort(theirs.begin(), theirs.end());
    EXPECT_EQ(mine, theirs) << "shard " << k << " depends on the order of the list";
    all.insert(all.end(), mine.begin(), mine.end());
  }
  std::sort(all.begin(), all.end());
  std::vector<std::string> expected = urls;
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(all, expected);  // none lost, none doubled
}

}  // namespace
}  // namespace credcheck
