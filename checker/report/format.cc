#include "checker/report/format.h"

#include <functional>
#include <map>

namespace credcheck {
namespace {

using Writer = std::function<void(const ReportHeader&, const std::vector<Result>&, std::ostream&)>;

void write_json(const ReportHeader& h, const std::vector<Result>& results, std::ostream& out) {
  out << report_json(h, results).dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
}

// One result per line, so shards of a large scan concatenate and stream.
void write_jsonl(const ReportHeader&, const std::vector<Result>& results, std::ostream& out) {
  for (const Result& r : results)
    out << result_json(r).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
}

const std::vector<std::pair<std::string, Writer>>& writers() {
  static const std::vector<std::pair<std::string, Writer>> list = {
      {"json", write_json},
      {"jsonl", write_jsonl},
  };
  return list;
}

}  // namespace

std::vector<std::string> report_formats() {
  std::vector<std::string> names;
  for (const auto& [name, _] : writers()) names.push_back(name);
  return names;
}

bool write_report(const std::string& format, const ReportHeader& header,
                  const std::vector<Result>& results, std::ostream& out, std::string* err) {
  for (const auto& [name, writer] : writers()) {
    if (name == format) {
      writer(header, results, out);
      return true;
    }
  }
  *err = "unknown report format '" + format + "'";
  return false;
}

}  // namespace credcheck
