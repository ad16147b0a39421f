#include "checker/report/json.h"

#include <cmath>
#include <sstream>

namespace credcheck {

using json = nlohmann::ordered_json;

Summary summarize(const std::vector<Result>& results) {
  Summary s;
  s.inputs = results.size();
  for (const Result& r : results) {
    if (r.status == "compliant") ++s.compliant;
    else if (r.status == "violation") ++s.violations;
    else ++s.unchecked;
  }
  s.checked = s.compliant + s.violations;
  return s;
}

bool result_fails(const Result& r, Severity threshold) {
  if (r.status == "unchecked") return true;
  for (const Finding& f : r.findings) {
    Severity s;
    if (parse_severity(f.severity, &s) && s >= threshold) return true;
  }
  return false;
}

json fields_json(const Fields& f) {
  json credits = json::array();
  for (const MediaCredit& m : f.media_credits)
    credits.push_back({{"kind", m.kind}, {"credit", m.credit}, {"near", m.near}, {"src", m.src}});
  return {
      {"title", f.title},
      {"source_lines", f.source_lines},
      {"sources", f.sources},
      {"bylines", f.bylines},
      {"authors", f.authors},
      {"editors", f.editors},
      {"media_credits", credits},
      {"original_title", f.original_title ? json(*f.original_title) : json(nullptr)},
      {"canonical", f.canonical},
      {"published", f.published},
  };
}

namespace {

json finding_json(const Finding& f) {
  return {{"rule", f.rule},         {"severity", f.severity}, {"clause", f.clause},
          {"message", f.message},   {"evidence", f.evidence}, {"expected", f.expected},
          {"location", f.location}};
}

std::string str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::vector<std::string> strings(const json& j, const char* key) {
  std::vector<std::string> out;
  auto it = j.find(key);
  if (it == j.end() || !it->is_array()) return out;
  for (const json& v : *it)
    if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

}  // namespace

Fields fields_from_json(const json& j) {
  Fields f;
  f.title = str(j, "title");
  f.source_lines = strings(j, "source_lines");
  f.sources = strings(j, "sources");
  f.bylines = strings(j, "bylines");
  f.authors = strings(j, "authors");
  f.editors = strings(j, "editors");
  if (auto it = j.find("media_credits"); it != j.end() && it->is_array())
    for (const json& m : *it)
      if (m.is_object())
        f.media_credits.push_back({str(m, "kind"), str(m, "credit"), str(m, "near"), str(m, "src")});
  if (auto it = j.find("original_title"); it != j.end() && it->is_string())
    f.original_title = it->get<std::string>();
  f.canonical = str(j, "canonical");
  f.published = str(j, "published");
  return f;
}

namespace {

bool result_from_json(const json& j, Result* r, std::string* err) {
  if (!j.is_object() || !j.contains("input") || !j.contains("status")) {
    *err = "a result needs at least 'input' and 'status'";
    return false;
  }
  r->input = str(j, "input");
  r->url = str(j, "url");
  r->status = str(j, "status");
  r->reason = str(j, "reason");
  r->charset = str(j, "charset");
  r->fetched_at = str(j, "fetched_at");
  r->not_checked = strings(j, "not_checked");
  if (auto it = j.find("original"); it != j.end() && it->is_object()) {
    OriginalRef o{str(*it, "input"), str(*it, "url"), str(*it, "title"), 0};
    if (auto s = it->find("similarity"); s != it->end() && s->is_number()) o.similarity = s->get<double>();
    r->original = o;
  }
  if (auto it = j.find("fields"); it != j.end() && it->is_object()) r->fields = fields_from_json(*it);
  if (auto it = j.find("findings"); it != j.end() && it->is_array())
    for (const json& f : *it)
      if (f.is_object())
        r->findings.push_back({str(f, "rule"), str(f, "severity"), str(f, "clause"), str(f, "message"),
                               str(f, "evidence"), str(f, "expected"), str(f, "location")});
  return true;
}

}  // namespace

json result_json(const Result& r) {
  json findings = json::array();
  for (const Finding& f : r.findings) findings.push_back(finding_json(f));
  json original = nullptr;
  if (r.original)
    original = {{"input", r.original->input},
                {"url", r.original->url},
                {"title", r.original->title},
                {"similarity", std::round(r.original->similarity * 1000) / 1000}};
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

json report_json(const ReportHeader& header, const std::vector<Result>& results) {
  Summary s = summarize(results);
  json list = json::array();
  for (const Result& r : results) list.push_back(result_json(r));
  return {
      {"tool", header.tool},
      {"version", header.version},
      {"pack", header.pack},
      {"summary",
       {{"inputs", s.inputs},
        {"checked", s.checked},
        {"compliant", s.compliant},
        {"violations", s.violations},
        {"unchecked", s.unchecked}}},
      {"results", list},
  };
}

bool results_from_json(const std::string& text, ReportHeader* header, std::vector<Result>* results,
                       std::string* err) {
  // A whole report is one JSON object with "results"; JSONL is one result per line.
  json doc = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!doc.is_discarded() && doc.is_object() && doc.contains("results")) {
    header->pack = str(doc, "pack");
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
