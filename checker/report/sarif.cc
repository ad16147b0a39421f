// SARIF 2.1.0 for code scanning (GitHub and others): the pack's rules as
// reportingDescriptors, one result per finding located at the page (its URL, or the local
// file as a relative URI under %SRCROOT% or an absolute file:// URI), and each unchecked
// input as a tool execution notification with its reason. Results are streamed like the
// JSON report. A finding whose evidence was read off the page has a region (line and
// column in the HTML source); an absent credit has none.
#include <xxhash.h>

#include <cstdio>

#include "checker/report/format.h"
#include "checker/rules/urls.h"

namespace credcheck {
namespace {

using json = nlohmann::ordered_json;

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

// Bytes a URI may not hold as they are (RFC 3986) become %XX; `keep` are the others kept.
std::string percent_encode(const std::string& s, const std::string& keep_also) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                c == '-' || c == '.' || c == '_' || c == '~' || (c && keep_also.find(static_cast<char>(c)) != std::string::npos);
    if (keep) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::string percent_encode_path(const std::string& path) { return percent_encode(path, "/"); }

// Where the page is: its URL when it was fetched, else the file it was read from.
json artifact_location(const Result& r) {
  for (const std::string* u : {&r.url, &r.input})
    if (has_http_scheme(*u))
      return {{"uri", percent_encode(*u, ":/?#[]@!$&'()*+,;=%")}};
  if (!r.input.empty() && r.input[0] == '/') return {{"uri", "file://" + percent_encode_path(r.input)}};
  std::string rel = r.input;
  while (rel.rfind("./", 0) == 0) rel.erase(0, 2);
  return {{"uri", percent_encode_path(rel)}, {"uriBaseId", "%SRCROOT%"}};
}

const char* level_of(const std::string& severity) {
  if (severity == "error") return "error";
  if (severity == "warning") return "warning";
  return "note";
}

json text(const std::string& s) { return {{"text", s}}; }

json descriptor(const RuleInfo& rule) {
  json d = {{"id", rule.id}};
  if (!rule.message.empty()) {
    d["shortDescription"] = text(rule.message);
    d["fullDescription"] = text(rule.clause.empty() ? rule.message
                                                    : "Clause " + rule.clause + ": " + rule.message);
  }
  if (!rule.quote.empty()) d["help"] = text(rule.quote);
  d["defaultConfiguration"] = {{"level", level_of(severity_name(rule.severity))}};
  json props = json::object();
  if (!rule.clause.empty()) props["clause"] = rule.clause;
  if (!rule.kind.empty()) props["kind"] = rule.kind;
  if (!props.empty()) d["properties"] = props;
  return d;
}

// Stable across runs for the same page, rule and evidence, so a code-scanning alert
// keeps its identity while the page is unchanged.
std::string fingerprint(const Result& r, const Finding& f) {
  std::string key = r.input + '\0' + f.rule + '\0' + f.evidence + '\0' + f.location;
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx",
                static_cast<unsigned long long>(XXH64(key.data(), key.size(), 0)));
  return hex;
}

json result_of(const Result& r, const Finding& f, size_t rule_index) {
  std::string message = f.message;
  if (!f.evidence.empty()) message += " Evidence: " + f.evidence + ".";
  if (!f.expected.empty()) message += " Expected: " + f.expected + ".";
  json physical = {{"artifactLocation", artifact_location(r)}};
  // The evidence's line:column in the HTML source, in the run's columnKind (UTF-16 code
  // units of the decoded text: the same characters whatever the file's charset).
  if (f.line) physical["region"] = {{"startLine", f.line}, {"startColumn", f.column}};
  json location = {{"physicalLocation", physical}};
  if (!f.location.empty())
    location["logicalLocations"] = json::array({{{"fullyQualifiedName", f.location}}});
  json props = {{"clause", f.clause}, {"evidence", f.evidence}, {"expected", f.expected},
                {"input", r.input}};
  if (r.original) props["original"] = r.original->input;
  if (!r.listed_in.empty()) props["listed_in"] = r.listed_in;
  // The page as it was checked: what a follow-up letter cites.
  if (!r.url.empty()) props["final_url"] = r.url;
  if (!r.fetched_at.empty()) props["fetched_at"] = r.fetched_at;
  if (r.http_status) props["http_status"] = r.http_status;
  if (!r.sha256.empty()) props["sha256"] = r.sha256;
  if (r.reused) props["revalidated_at"] = r.revalidated_at;  // an earlier check, reused (--cache)
  json one = {{"ruleId", f.rule},
              {"ruleIndex", rule_index},
              {"level", level_of(f.severity)},
              {"message", text(message)},
              {"locations", json::array({location})},
              {"partialFingerprints", {{"credcheckFinding/v1", fingerprint(r, f)}}},
              {"properties", props}};
  // Against --baseline: SARIF's own words for a finding seen before or not.
  if (!f.baseline.empty()) one["baselineState"] = f.baseline == "known" ? "unchanged" : "new";
  return one;
}

}  // namespace

bool write_sarif(const ReportHeader& header, const Summary& summary, const ResultVisitor& results,
                 std::ostream& out, std::string* err) {
  std::vector<RuleInfo> rules;
  if (!report_rules(header, results, &rules, err)) return false;
  json descriptors = json::array();
  for (const RuleInfo& rule : rules) descriptors.push_back(descriptor(rule));
  json driver = {{"name", header.tool}, {"rules", descriptors}};
  if (!header.version.empty()) driver["version"] = header.version;
  auto index_of = [&](const std::string& id) -> long long {
    for (size_t i = 0; i < rules.size(); ++i)
      if (rules[i].id == id) return static_cast<long long>(i);
    return -1;
  };
  out << "{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\","
      << "\"runs\":[{\"tool\":" << dump(json{{"driver", driver}}) << ",\n\"results\":[";
  bool first = true;
  bool ok = results(
      [&](const Result& r) {
        for (const Finding& f : r.findings) {
          long long i = index_of(f.rule);
          json one = result_of(r, f, i < 0 ? 0 : static_cast<size_t>(i));
          if (i < 0) one.erase("ruleIndex");  // a finding of a rule the header does not list
          out << (first ? "\n" : ",\n") << dump(one);
          first = false;
        }
      },
      err);
  // Unchecked inputs are not findings: the run says it could not check them, and why.
  out << "],\n\"invocations\":[{\"executionSuccessful\":true,\"toolExecutionNotifications\":[";
  first = true;
  ok = ok && results(
                 [&](const Result& r) {
                   if (r.status != "unchecked") return;
                   json props = {{"input", r.input}, {"not_checked", r.not_checked}};
                   if (!r.listed_in.empty()) props["listed_in"] = r.listed_in;
                   // What the server answered, when it did (a 404, a 500, a 429).
                   if (!r.url.empty()) props["final_url"] = r.url;
                   if (!r.fetched_at.empty()) props["fetched_at"] = r.fetched_at;
                   if (r.http_status) props["http_status"] = r.http_status;
                   json n = {{"level", "warning"},
                             {"message", text(r.reason.empty() ? "not checked" : r.reason)},
                             {"locations", json::array({{{"physicalLocation",
                                                          {{"artifactLocation", artifact_location(r)}}}}})},
                             {"properties", props}};
                   out << (first ? "\n" : ",\n") << dump(n);
                   first = false;
                 },
                 err);
  out << "]}],\n\"columnKind\":\"utf16CodeUnits\"";
  if (summary.baseline)  // resolved findings have no result of their own here
    out << ",\n\"properties\":"
        << dump(json{{"baseline", {{"new", summary.new_findings}, {"known", summary.known_findings},
                                   {"resolved", summary.resolved_findings}}}});
  out << "}]}\n";
  return ok;
}

}  // namespace credcheck
