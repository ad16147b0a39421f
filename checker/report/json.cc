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
  if (!r.baselined) return;
  s->baseline = true;
  for (const Finding& f : r.findings) ++(f.baseline == "known" ? s->known_findings : s->new_findings);
  s->resolved_findings += r.resolved;
}

Summary summarize(const std::vector<Result>& results) {
  Summary s;
  for (const Result& r : results) add_to_summary(r, &s);
  return s;
}

bool result_fails(const Result& r, Severity threshold) {
  for (const Finding& f : r.findings) {
    if (f.baseline == "known") continue;
    Severity s;
    if (parse_severity(f.severity, &s) && s >= threshold) return true;
  }
  return false;
}

namespace {

json finding_json(const Finding& f) {
  json j = {{"rule", f.rule},         {"severity", f.severity}, {"clause", f.clause},
            {"message", f.message},   {"evidence", f.evidence}, {"expected", f.expected},
            {"location", f.location}};
  // In the HTML source, when known: 1-based, the column in UTF-16 code units.
  j["line"] = f.line ? json(f.line) : json(nullptr);
  j["column"] = f.line ? json(f.column) : json(nullptr);
  if (!f.baseline.empty()) j["baseline"] = f.baseline;
  return j;
}

json baseline_json(size_t fresh, size_t known, size_t resolved) {
  return {{"new", fresh}, {"known", known}, {"resolved", resolved}};
}

size_t json_count(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_number_unsigned() ? it->get<size_t>() : 0;
}

uint32_t json_u32(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_number_unsigned() && it->get<uint64_t>() <= UINT32_MAX ? it->get<uint32_t>() : 0;
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
  r->sha256 = json_str(j, "sha256");
  if (auto it = j.find("http_status"); it != j.end() && it->is_number_integer()) r->http_status = it->get<long>();
  r->listed_in = json_str(j, "listed_in");
  if (auto it = j.find("reused"); it != j.end() && it->is_boolean()) r->reused = it->get<bool>();
  r->revalidated_at = json_str(j, "revalidated_at");
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
                               json_str(f, "evidence"), json_str(f, "expected"), json_str(f, "location"),
                               json_str(f, "baseline"), json_u32(f, "line"), json_u32(f, "column")});
  if (auto it = j.find("baseline"); it != j.end() && it->is_object()) {
    r->baselined = true;
    r->resolved = json_count(*it, "resolved");
  }
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
  json j = {
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
      {"http_status", r.http_status ? json(r.http_status) : json(nullptr)},
      {"sha256", r.sha256},
      {"listed_in", r.listed_in.empty() ? json(nullptr) : json(r.listed_in)},
  };
  if (r.reused) {
    j["reused"] = true;
    j["revalidated_at"] = r.revalidated_at;
  }
  if (r.baselined) {
    size_t known = 0;
    for (const Finding& f : r.findings) known += f.baseline == "known";
    j["baseline"] = baseline_json(r.findings.size() - known, known, r.resolved);
  }
  return j;
}

json rule_json(const RuleInfo& r) {
  return {{"id", r.id},       {"kind", r.kind},       {"clause", r.clause},
          {"severity", severity_name(r.severity)},  {"message", r.message}, {"quote", r.quote}};
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
  if (s.baseline)
    head["summary"]["baseline"] = baseline_json(s.new_findings, s.known_findings, s.resolved_findings);
  // The pack's rules, so a consumer (and `report --in`) knows every rule that ran, also
  // those that found nothing.
  if (!header.rules.empty()) {
    json rules = json::array();
    for (const RuleInfo& r : header.rules) rules.push_back(rule_json(r));
    head["rules"] = std::move(rules);
  }
  if (!header.notes.empty()) head["notes"] = header.notes;
  head["lang"] = header.lang;  // so `report --in` re-renders in the same language
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
                       std::string* err, std::vector<long long>* indexes) {
  // A whole report is one JSON object with "results"; JSONL is one result per line.
  json doc = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!doc.is_discarded() && doc.is_object() && doc.contains("results")) {
    header->pack = json_str(doc, "pack");
    if (std::string lang = json_str(doc, "lang"); !lang.empty()) header->lang = lang;
    if (auto it = doc.find("rules"); it != doc.end() && it->is_array())
      for (const json& r : *it) {
        if (!r.is_object() || json_str(r, "id").empty()) continue;
        RuleInfo info{json_str(r, "id"), json_str(r, "kind"), json_str(r, "clause"),
                      json_str(r, "quote"), json_str(r, "message")};
        parse_severity(json_str(r, "severity"), &info.severity);
        header->rules.push_back(std::move(info));
      }
    if (!doc["results"].is_array()) {
      *err = "'results' is not a list";
      return false;
    }
    for (const json& j : doc["results"]) {
      Result r;
      if (!result_from_json(j, &r, err)) return false;
      results->push_back(std::move(r));
      if (indexes) indexes->push_back(-1);
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
    if (indexes) {
      auto at = j.find("index");
      indexes->push_back(at != j.end() && at->is_number_unsigned() ? at->get<long long>() : -1);
    }
  }
  return true;
}

}  // namespace credcheck
