#include "checker/report/format.h"

#include <map>

namespace credcheck {

std::string source_at(const Finding& f) {
  if (f.line == 0) return {};
  return std::to_string(f.line) + ":" + std::to_string(f.column);
}

std::string location_text(const Finding& f) {
  std::string at = source_at(f);
  if (at.empty()) return f.location;
  return f.location.empty() ? at : f.location + " (" + at + ")";
}
namespace {

using json = nlohmann::ordered_json;
using Writer = std::function<bool(const ReportHeader&, const Summary&, const ResultVisitor&,
                                  std::ostream&, std::string*)>;

std::string dump(const json& j, int indent) {
  return j.dump(indent, ' ', false, json::error_handler_t::replace);
}

// The same bytes as report_json(...).dump(2), written one result at a time, so a report
// of a million results never holds them all.
bool write_json(const ReportHeader& h, const Summary& s, const ResultVisitor& results,
                std::ostream& out, std::string* err) {
  std::string head = dump(report_head_json(h, s), 2);
  head.resize(head.size() - 2);  // drop "\n}": the results follow inside the object
  out << head << ",\n  \"results\": [";
  bool first = true;
  bool ok = results(
      [&](const Result& r) {
        std::string one = dump(result_json(r), 2);
        std::string indented = "    ";
        indented.reserve(one.size() + one.size() / 8);
        for (char c : one) {  // JSON text has no raw newline inside strings
          indented += c;
          if (c == '\n') indented += "    ";
        }
        out << (first ? "\n" : ",\n") << indented;
        first = false;
      },
      err);
  out << (first ? "]\n}\n" : "\n  ]\n}\n");
  return ok;
}

// One result per line, so shards of a large scan concatenate and stream.
bool write_jsonl(const ReportHeader&, const Summary&, const ResultVisitor& results,
                 std::ostream& out, std::string* err) {
  return results([&](const Result& r) { out << jsonl_line(r); }, err);
}

const std::vector<std::pair<std::string, Writer>>& writers() {
  static const std::vector<std::pair<std::string, Writer>> list = {
      {"json", write_json},
      {"jsonl", write_jsonl},
      {"text", write_text},
      {"junit", write_junit},
      {"sarif", write_sarif},
      {"csv", write_csv},
      {"md", write_md},
      {"html", write_html},
  };
  return list;
}

}  // namespace

std::string jsonl_line(const Result& r, const size_t* index) {
  json j = result_json(r);
  if (index) {
    json with_index = {{"index", *index}};
    with_index.update(j);
    j = std::move(with_index);
  }
  return dump(j, -1) + '\n';
}

bool report_rules(const ReportHeader& header, const ResultVisitor& results,
                  std::vector<RuleInfo>* rules, std::string* err) {
  *rules = header.rules;
  if (!rules->empty()) return true;
  std::map<std::string, size_t> seen;
  auto add = [&](const std::string& id) -> RuleInfo* {
    auto [it, fresh] = seen.emplace(id, rules->size());
    if (!fresh) return nullptr;
    rules->push_back(RuleInfo{});
    rules->back().id = id;
    return &rules->back();
  };
  return results(
      [&](const Result& r) {
        for (const Finding& f : r.findings) {
          RuleInfo* info = add(f.rule);
          if (!info) info = &(*rules)[seen[f.rule]];
          if (!info->clause.empty()) continue;  // the first finding describes it
          info->clause = f.clause;
          info->message = f.message;
          parse_severity(f.severity, &info->severity);
        }
        for (const std::string& id : r.not_checked) add(id);
      },
      err);
}

std::vector<std::string> report_formats() {
  std::vector<std::string> names;
  for (const auto& [name, _] : writers()) names.push_back(name);
  return names;
}

bool write_report(const std::string& format, const ReportHeader& header, const Summary& summary,
                  const ResultVisitor& results, std::ostream& out, std::string* err) {
  for (const auto& [name, writer] : writers())
    if (name == format) return writer(header, summary, results, out, err);
  *err = "unknown report format '" + format + "'";
  return false;
}

bool write_report(const std::string& format, const ReportHeader& header,
                  const std::vector<Result>& results, std::ostream& out, std::string* err) {
  ResultVisitor visit = [&](const std::function<void(const Result&)>& each, std::string*) {
    for (const Result& r : results) each(r);
    return true;
  };
  return write_report(format, header, summarize(results), visit, out, err);
}

}  // namespace credcheck
