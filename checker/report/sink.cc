#include "checker/report/sink.h"

#include <algorithm>

namespace credcheck {

bool ResultSink::open(std::string* err) {
  if (format_ == "jsonl") return true;
  std::vector<std::string> formats = report_formats();
  if (std::find(formats.begin(), formats.end(), format_) == formats.end()) {
    *err = "unknown report format '" + format_ + "'";
    return false;
  }
  return spill_.open(err);
}

bool ResultSink::add(size_t index, const Result& r) {
  if (!error_.empty()) return false;
  add_to_summary(r, &summary_);
  if (format_ != "jsonl") return spill_.add(index, r, &error_);
  out_ << jsonl_line(r, &index);
  out_.flush();
  if (!out_) error_ = "writing the results failed";
  return error_.empty();
}

bool ResultSink::finish(const ReportHeader& header, std::string* err) {
  if (!error_.empty()) {
    *err = error_;
    return false;
  }
  if (format_ != "jsonl" && !write_report(format_, header, summary_, spill_.in_order(), out_, err))
    return false;
  out_.flush();
  if (!out_) {
    *err = "writing the report failed";
    return false;
  }
  return true;
}

}  // namespace credcheck
