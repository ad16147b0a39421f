#include "checker/report/sink.h"

#include <algorithm>

namespace credcheck {

bool ResultSink::open(std::string* err) {
  std::vector<std::string> formats = report_formats();
  for (const Output& o : outputs_) {
    if (std::find(formats.begin(), formats.end(), o.format) == formats.end()) {
      *err = "unknown report format '" + o.format + "'";
      return false;
    }
    spill_needed_ |= o.format != "jsonl";
  }
  return !spill_needed_ || spill_.open(err);
}

bool ResultSink::add(size_t index, const Result& r) {
  if (!error_.empty()) return false;
  add_to_summary(r, &summary_);
  if (spill_needed_ && !spill_.add(index, r, &error_)) return false;
  std::string line;
  for (const Output& o : outputs_) {
    if (o.format != "jsonl") continue;
    if (line.empty()) line = jsonl_line(r, &index);
    *o.out << line;
    o.out->flush();
    if (!*o.out) error_ = "writing the results failed";
  }
  return error_.empty();
}

bool ResultSink::finish(const ReportHeader& header, std::string* err) {
  if (!error_.empty()) {
    *err = error_;
    return false;
  }
  for (const Output& o : outputs_) {
    if (o.format != "jsonl" &&
        !write_report(o.format, header, summary_, spill_.in_order(), *o.out, err))
      return false;
    o.out->flush();
    if (!*o.out) {
      *err = "writing the " + o.format + " report failed";
      return false;
    }
  }
  return true;
}

}  // namespace credcheck
