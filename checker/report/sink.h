// Where a scan's results go as inputs finish, in whatever order they finish.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "checker/report/format.h"
#include "checker/report/spill.h"

namespace credcheck {

class ResultSink {
 public:
  // "jsonl": each result is written to `out` at once, with its input's "index", and
  // flushed, so an interrupted run keeps every result already written and memory does
  // not grow with the batch. Any other format: results spill to a temporary file and
  // finish() writes the report in input order.
  ResultSink(std::string format, std::ostream& out) { also(std::move(format), out); }
  // Another report of the same results (`--report F=FILE`), written the same way: jsonl
  // as results arrive, any other format at finish() from the one spill file. Before open().
  void also(std::string format, std::ostream& out) { outputs_.push_back({std::move(format), &out}); }

  bool open(std::string* err);
  // False once writing failed; error() says why.
  bool add(size_t index, const Result& r);
  // Writes the report (for formats other than jsonl) and flushes.
  bool finish(const ReportHeader& header, std::string* err);

  const Summary& summary() const { return summary_; }
  const std::string& error() const { return error_; }

 private:
  struct Output {
    std::string format;
    std::ostream* out;
  };
  std::vector<Output> outputs_;
  bool spill_needed_ = false;
  ResultSpill spill_;
  Summary summary_;
  std::string error_;
};

}  // namespace credcheck
