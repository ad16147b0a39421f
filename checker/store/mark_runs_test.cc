#include "checker/store/mark_runs.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <map>
#include <random>
#include <set>

namespace credcheck {
namespace {

struct Db {
  Db() { sqlite3_open(":memory:", &db); }
  ~Db() { sqlite3_close(db); }
  sqlite3* db = nullptr;
};

std::map<int64_t, std::vector<int64_t>> merged(MarkRuns& runs) {
  std::map<int64_t, std::vector<int64_t>> out;
  std::string err;
  int64_t last = -1;
  EXPECT_TRUE(runs.merge([&](int64_t mark, const std::vector<int64_t>& ids) {
    EXPECT_GT(mark, last) << "marks come in order, each once";
    last = mark;
    out[mark] = ids;
    return true;
  }, &err)) << err;
  return out;
}

// Many small runs (3 pairs each) merge into what one sorted pass over every pair gives.
TEST(MarkRuns, RunsMergeIntoOneSortedListPerMark) {
  Db db;
  MarkRuns runs(3);
  std::string err;
  ASSERT_TRUE(runs.open(db.db, "test.db", &err)) << err;
  std::mt19937_64 rng(1);
  std::map<int64_t, std::set<int64_t>> want;
  for (int64_t id = 1; id <= 300; ++id) {
    std::vector<int64_t> marks;
    for (int k = 0; k < 7; ++k) marks.push_back(static_cast<int64_t>(rng() % 200) + (int64_t{1} << 40));
    for (int64_t m : marks) want[m].insert(id);
    ASSERT_TRUE(runs.add(id, marks, &err)) << err;
  }
  auto got = merged(runs);
  ASSERT_EQ(got.size(), want.size());
  for (auto& [mark, ids] : want) EXPECT_EQ(got[mark], std::vector<int64_t>(ids.begin(), ids.end())) << mark;
}

// An original staged again (one build naming an input twice) keeps only its later marks,
// whether the earlier ones went out in a run or are still held.
TEST(MarkRuns, AnOriginalStagedAgainKeepsOnlyItsLaterMarks) {
  Db db;
  MarkRuns runs(4);
  std::string err;
  ASSERT_TRUE(runs.open(db.db, "test.db", &err)) << err;
  ASSERT_TRUE(runs.add(7, {10, 11, 12, 13}, &err)) << err;  // a run of its own
  ASSERT_TRUE(runs.add(8, {10, 20}, &err)) << err;          // held
  ASSERT_TRUE(runs.add(9, {11}, &err)) << err;              // held
  runs.restage(7);
  ASSERT_TRUE(runs.add(7, {12, 30}, &err)) << err;
  runs.restage(9);
  ASSERT_TRUE(runs.add(9, {31}, &err)) << err;
  auto got = merged(runs);
  std::map<int64_t, std::vector<int64_t>> want = {{10, {8}}, {12, {7}}, {20, {8}}, {30, {7}}, {31, {9}}};
  EXPECT_EQ(got, want);
}

}  // namespace
}  // namespace credcheck
