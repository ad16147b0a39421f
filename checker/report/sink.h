// Where a scan's results go as inputs finish, in whatever order they finish.
#pragma once

#include <ostream>
#include <string>

#include "checker/report/format.h"
#include "checker/report/spill.h"

namespace credcheck {

class ResultSink {
 public:
  // "jsonl": each result is written to `out` at once, with its input's "index", and
  // flushed, so an interrupted run keeps every result already written and memory does
  // not grow with the batch. Any other format: results spill to a temporary file and
  // finish() writes the report in input order.
  ResultSink(std::string format, std::ostream& out) : format_(std::move(format)), out_(out) {}

  bool open(std::string* err);
  // False once writing failed; error() says why.
  bool add(size_t index, const Result& r);
  // Writes the report (for formats other than jsonl) and flushes.
  bool finish(const ReportHeader& header, std::string* err);

  const Summary& summary() const { return summary_; }
  const std::string& error() const { return error_; }

 private:
  std::string format_;
  std::ostream& out_;
  ResultSpill spill_;
  Summary summary_;
  std::string error_;
};

}  // namespace credcheck
