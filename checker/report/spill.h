// Results kept on disk until the report is written: a scan's results arrive as inputs
// finish, in any order, and a JSON report needs them in input order after its summary.
// Holding them in memory would grow with the batch; here memory holds 16 bytes a result.
#pragma once

#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "checker/report/format.h"

namespace credcheck {

class ResultSpill {
 public:
  ResultSpill() = default;
  ~ResultSpill();
  ResultSpill(const ResultSpill&) = delete;
  ResultSpill& operator=(const ResultSpill&) = delete;

  // Creates the spill file in $TMPDIR (or /tmp), already unlinked so nothing is left behind.
  bool open(std::string* err);
  // Stores the result of input `index`.
  bool add(size_t index, const Result& r, std::string* err);
  // Every stored result, by index, read back one at a time.
  ResultVisitor in_order();

 private:
  std::FILE* file_ = nullptr;
  std::vector<std::pair<size_t, long long>> where_;  // index -> offset of its line
};

}  // namespace credcheck
