#include "checker/report/json.h"

#include <cmath>
#include <sstream>

namespace credcheck {

using json = nlohmann::ordered_json;

void add_to_summary(const Result& r, Summary* s) {
  ++s->inputs;
  if (r.status == "compliant") ++s->compliant;
  else if (r.status == "violation") ++s->violations;
  else ++s->unchecked;
  s->checked = s->compliant + s->violations;
}

Summary summarize(const std::vector<Result>& results) {
  Summary s;
  for (const Result& r : results) add_to_summary(r, &s);
  return s;
}

bool result_fails(const Result& r, Severity threshold) {
  for (const Finding& f : r.findings) {
    Severity s;
    if (parse_severity(f.severity, &s) && s >= threshold) return true;
  }
  return false;
}

namespace {

json finding_json(const Finding& f) {
  return {{"rule", f.rule},         {"severity", f.severity}, {"clause", f.clause},
          {"message", f.message},   {"evidence", f.evidence}, {"expected", f.expected},
          {"location", f.location}};
}

}  // namespace

bool result_from_json(const json& j, Result* r, std::string* err) {
  if (!j.is_object() || !j.contains("input") || !j.contains("status")) {
    *err = "a result needs at least 'input' and 'status'";
    return false;
  }
  r->input = json_str(j, "input");
  r->url = json_str(j, "url");
  r->status = json_str(j, "status");
  r->reason = json_str(j, "reason");
  r->charset = json_str(j, "charset");
  r->fetched_at = json_str(j, "fetched_at");
  r->not_checked = json_strings(j, "not_checked");
  if (auto it = j.find("original"); it != j.end() && it->is_object()) {
    OriginalRef o{json_str(*it, "input"), json_str(*it, "url"), json_str(*it, "title"), 0};
    for (auto [key, to] : {std::pair{"similarity", &o.similarity}, std::pair{"page_in_original", &o.page_in_original},
                           std::pair{"original_in_page", &o.original_in_page}})
      if (auto s = it->find(key); s != it->end() && s->is_number()) *to = s->get<double>();
    r->original = o;
  }
  if (auto it = j.find("fields"); it != j.end() && it->is_object()) r->fields = fields_from_json(*it);
  if (auto it = j.find("findings"); it != j.end() && it->is_array())
    for (const json& f : *it)
      if (f.is_object())
        r->findings.push_back({json_str(f, "rule"), json_str(f, "severity"), json_str(f, "clause"),
                               json_str(f, "message"),
                               json_str(f, "evidence"), json_str(f, "expected"), json_str(f, "location")});
  return true;
}

json result_json(const Result& r) {
  json findings = json::array();
  for (const Finding& f : r.findings) findings.push_back(finding_json(f));
  json original = nullptr;
  if (r.original)
    original = {{"input", r.original->input},
                {"url", r.original->url},
                {"title", r.original->title},
                {"similarity", std::round(r.original->similarity * 1000) / 1000},
                {"page_in_original", std::round(r.original->page_in_original * 1000) / 1000},
                {"original_in_page", std::round(r.original->original_in_page * 1000) / 1000}};
  return {
      {"input", r.input},
      {"url", r.url},
      {"status", r.status},
      {"reason", r.reason},
      {"original", original},
      {"fields", r.fields ? fields_json(*r.fields) : json(nullptr)},
      {"findings", findings},
      {"not_checked", r.not_checked},
      {"charset", r.charset},
      {"fetched_at", r.fetched_at},
  };
}

json report_head_json(const ReportHeader& header, const Summary& s) {
  json head = {
      {"tool", header.tool},
      {"version", header.version},
      {"pack", header.pack},
      {"summary",
       {{"inputs", s.inputs},
        {"checked", s.checked},
        {"compliant", s.compliant},
        {"violations", s.violations},
        {"unchecked", s.unchecked}}},
  };
  if (!header.notes.empty()) head["notes"] = header.notes;
  return head;
}

json report_json(const ReportHeader& header, const std::vector<Result>& results) {
  json report = report_head_json(header, summarize(results));
  json list = json::array();
  for (const Result& r : results) list.push_back(result_json(r));
  report["results"] = std::move(list);
  return report;
}

bool results_from_json(const std::string& text, ReportHeader* header, std::vector<Result>* results,
                       std::string* err) {
  // A whole report is one JSON object with "results"; JSONL is one result per line.
  json doc = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!doc.is_discarded() && doc.is_object() && doc.contains("results")) {
    header->pack = json_str(doc, "pack");
    if (!doc["results"].is_array()) {
      *err = "'results' is not a list";
      return false;
    }
    for (const json& j : doc["results"]) {
      Result r;
      if (!result_from_json(j, &r, err)) return false;
      results->push_back(std::move(r));
    }
    return true;
  }
  std::istringstream lines(text);
  std::string line;
  for (size_t n = 1; std::getline(lines, line); ++n) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    json j = json::parse(line, nullptr, false);
    Result r;
    if (j.is_discarded()) {
      *err = "line " + std::to_string(n) + ": not JSON";
      return false;
    }
    if (!result_from_json(j, &r, err)) {
      *err = "line " + std::to_string(n) + ": " + *err;
      return false;
    }
    results->push_back(std::move(r));
  }
  return true;
}

}  // namespace credcheck
