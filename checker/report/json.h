// The JSON shapes of the contract: one writer for fields, results and reports, used by
// `extract`, every report format and `report --in`.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "checker/page/fields_json.h"
#include "checker/report/result.h"

namespace credcheck {

struct ReportHeader {
  std::string tool = "credcheck";
  std::string version;
  std::string pack;  // the pack's name
  // The pack's rules in pack order, for the formats that list every rule (junit, sarif).
  // A scan fills them from the pack; `report --in` has only saved results, which do not
  // carry them (see report_rules()).
  std::vector<RuleInfo> rules;
  // How the scan departed from its defaults in ways a reader must know ("robots.txt
  // ignored (--ignore-robots)"); written as "notes" when there are any.
  std::vector<std::string> notes;
  // The language of the report's own words (labels, headings, reasons) in md, html,
  // junit and text: "en" or "zh" (messages.h). A scan sets the pack's (or --lang).
  std::string lang = "en";
};

// One result: {input, url, status, reason, original{input,title,similarity}|null,
// fields|null, findings[], not_checked[], charset, fetched_at, http_status|null, sha256,
// listed_in|null, and when reused from --cache: reused (true), revalidated_at}.
nlohmann::ordered_json result_json(const Result& r);

// One result read back from result_json()'s form (an "index" key, if any, is ignored).
bool result_from_json(const nlohmann::ordered_json& j, Result* r, std::string* err);

// The report's head: {tool, version, pack, summary{…}, rules[…] (when the header has
// them: {id, kind, clause, severity, message, quote})}, without results.
nlohmann::ordered_json report_head_json(const ReportHeader& header, const Summary& s);

// The whole report: {tool, version, pack, summary{…}, results[…]}.
nlohmann::ordered_json report_json(const ReportHeader& header, const std::vector<Result>& results);

// Reads results back from a JSON report or JSONL lines (`report --in`); a JSON report's
// pack and rules go to *header. Returns false with *err on a document that is neither.
// `indexes`, when given, gets each result's input "index" (a JSONL scan writes results
// as they finish, each with its place in the input order), or -1 where it has none.
bool results_from_json(const std::string& text, ReportHeader* header,
                       std::vector<Result>* results, std::string* err,
                       std::vector<long long>* indexes = nullptr);

}  // namespace credcheck
