// Report formats by name: each writes the same results its own way.
#pragma once

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "checker/report/json.h"

namespace credcheck {

// The results of a report in order, visited one at a time, so a report can be written
// from a spill file as well as from memory. Calls `each` for every result; returns false
// with *err when they cannot be read back. Writers may visit more than once.
using ResultVisitor =
    std::function<bool(const std::function<void(const Result&)>& each, std::string* err)>;

// Names of the formats `--format` accepts, in the order `--help` lists them.
std::vector<std::string> report_formats();

// Writes the report in `format`; `summary` counts the results. Returns false with *err
// for an unknown format or results that cannot be read back.
bool write_report(const std::string& format, const ReportHeader& header, const Summary& summary,
                  const ResultVisitor& results, std::ostream& out, std::string* err);

// The same from results in memory.
bool write_report(const std::string& format, const ReportHeader& header,
                  const std::vector<Result>& results, std::ostream& out, std::string* err);

// One JSONL line (with its newline): the result, with "index" first when `index` is set,
// so `report` can restore input order from results written as they finished.
std::string jsonl_line(const Result& r, const size_t* index = nullptr);

// The readable summary (`--format text`, scan's default on a terminal): one row per
// input with its status and the rules that fired (or why it was not checked), then totals.
bool write_text(const ReportHeader& header, const Summary& summary, const ResultVisitor& results,
                std::ostream& out, std::string* err);

// "12:5": where the finding's evidence stands in the HTML source (line:column, the
// column in UTF-16 code units); empty when unknown.
std::string source_at(const Finding& f);
// The location as people read it: "bylines[0] (12:5)".
std::string location_text(const Finding& f);

// The rules a report lists: the header's (the pack's, from a scan) or, when it has none
// (`report --in`: saved results do not carry the pack), the rules the results name, in
// the order first seen: each finding's rule (its clause, severity and message) and each
// not_checked id. A rule that neither fired nor went unchecked anywhere is then unknown.
bool report_rules(const ReportHeader& header, const ResultVisitor& results,
                  std::vector<RuleInfo>* rules, std::string* err);

// The formats beyond json, jsonl and text, one file each (junit.cc, csv.cc, md.cc, sarif.cc, html.cc).
bool write_junit(const ReportHeader& header, const Summary& summary, const ResultVisitor& results,
                 std::ostream& out, std::string* err);
bool write_csv(const ReportHeader& header, const Summary& summary, const ResultVisitor& results,
               std::ostream& out, std::string* err);
bool write_md(const ReportHeader& header, const Summary& summary, const ResultVisitor& results,
              std::ostream& out, std::string* err);
bool write_sarif(const ReportHeader& header, const Summary& summary, const ResultVisitor& results,
                 std::ostream& out, std::string* err);
bool write_html(const ReportHeader& header, const Summary& summary, const ResultVisitor& results,
                std::ostream& out, std::string* err);

}  // namespace credcheck
