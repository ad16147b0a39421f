// CSV for spreadsheets (RFC 4180): UTF-8 with a BOM so spreadsheet programs read the
// Chinese, CRLF line ends, one row per finding and one per unchecked input with its
// reason, each with the page's evidence (fetch time, HTTP status, SHA-256). Pages are untrusted: a cell that a spreadsheet would run as a formula is
// written with a leading apostrophe.
#include "checker/report/format.h"

namespace credcheck {
namespace {

// Spreadsheets read a cell starting with one of these as a formula (or, for tab and
// CR, strip them and then do); OWASP's advice is to prefix such cells with '.
bool formula_like(const std::string& s) {
  return !s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' ||
                        s[0] == '\r');
}

std::string cell(const std::string& raw) {
  std::string s = formula_like(raw) ? "'" + raw : raw;
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

void row(std::ostream& out, const std::vector<std::string>& cells) {
  for (size_t i = 0; i < cells.size(); ++i) out << (i ? "," : "") << cell(cells[i]);
  out << "\r\n";
}

}  // namespace

bool write_csv(const ReportHeader&, const Summary&, const ResultVisitor& results, std::ostream& out,
               std::string* err) {
  out << "\xEF\xBB\xBF";
  row(out, {"input", "url", "status", "rule", "severity", "clause", "message", "evidence", "expected",
            "location", "line", "column", "reason", "original", "listed_in", "fetched_at",
            "http_status", "sha256", "revalidated_at", "baseline"});
  return results(
      [&](const Result& r) {
        std::string original = r.original ? r.original->input : "";
        std::string http = r.http_status ? std::to_string(r.http_status) : "";
        for (const Finding& f : r.findings)
          row(out, {r.input, r.url, r.status, f.rule, f.severity, f.clause, f.message, f.evidence,
                    f.expected, f.location, f.line ? std::to_string(f.line) : "",
                    f.line ? std::to_string(f.column) : "", r.reason, original, r.listed_in,
                    r.fetched_at, http, r.sha256, r.revalidated_at, f.baseline});
        if (r.status == "unchecked")
          row(out, {r.input, r.url, r.status, "", "", "", "", "", "", "", "", "", r.reason, original,
                    r.listed_in, r.fetched_at, http, r.sha256, r.revalidated_at, ""});
      },
      err);
}

}  // namespace credcheck
