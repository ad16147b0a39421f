// The marks of a new index, staged as sorted runs and merged into posting lists once.
//
// A new index's marks are not written to the postings as they come: each mark's list
// would be read and rewritten for every batch. They collect in memory, sorted, and go
// to a TEMP table (its own file: its pages never enter the index) as one blob per run
// of up to kRunPairs; finish merges the runs into one list per mark, in mark order, so
// the postings b-tree is written once, by appends. (Staging a row per (mark, original)
// and letting SQLite sort them took a fifth of a build's time: bench/match.)
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "checker/store/sqlite_db.h"

namespace credcheck {

class MarkRuns {
 public:
  // Pairs held in memory before they are written as a run: 16 bytes each, so 16 MB.
  static constexpr size_t kRunPairs = size_t{1} << 20;

  explicit MarkRuns(size_t run_pairs = kRunPairs) : run_pairs_(run_pairs) {}
  // Creates the TEMP table on `db` (which outlives this).
  bool open(sqlite3* db, const std::string& path, std::string* err);
  // Stages `id`'s marks (stored form). Writes a run when run_pairs are held.
  bool add(int64_t id, const std::vector<int64_t>& marks, std::string* err);
  // `id` is staged again: the marks staged for it so far are dropped.
  void restage(int64_t id);
  // Merges every run into `write(mark, ids)`, in mark order, ids ascending and unique;
  // stops at the first false.
  bool merge(const std::function<bool(int64_t mark, const std::vector<int64_t>& ids)>& write, std::string* err);

 private:
  bool write_run(std::string* err);
  size_t run_pairs_;
  sqlite3* db_ = nullptr;
  std::string path_;
  std::vector<std::pair<int64_t, int64_t>> pairs_;  // (mark, id), the run being gathered
  int64_t runs_ = 0;                                 // runs written
  // Originals staged again in this build (one build naming an input twice): pairs for
  // them in runs before this one are stale.
  std::unordered_map<int64_t, int64_t> fresh_from_;
};

}  // namespace credcheck
