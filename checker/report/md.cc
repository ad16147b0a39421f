// Markdown for CI job summaries ($GITHUB_STEP_SUMMARY): counts by status and by rule,
// then a table of findings linking to the pages, then the unchecked inputs. Everything a
// page wrote is escaped so it stays text in its cell: no table break, no code span, no
// HTML, no link, no new line.
#include <map>

#include "checker/report/format.h"
#include "checker/report/messages.h"
#include "checker/rules/urls.h"

namespace credcheck {
namespace {

// A job summary is capped (GitHub: 1 MiB); past this many rows the table says how many
// more there are and points to the full report.
constexpr size_t kMaxRows = 1000;

// Page text as the text of one table cell.
std::string md_text(const std::string& s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char c : s) {
    switch (c) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '|': out += "&#124;"; break;  // a backslash is not enough inside GitHub's tables' code spans
      case '\n': case '\r': case '\t': out += ' '; break;
      // Emphasis, code, links (a '(' links only after ']'), strike-through, math.
      case '\\': case '`': case '*': case '_': case '[': case ']': case '~': case '$':
        out += '\\';
        out += c;
        break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20) out += c;
    }
  }
  return out;
}

// A link only to http(s), with every byte that could end or bend the destination encoded.
std::string md_link(const std::string& label, const std::string& url) {
  if (!has_http_scheme(url)) return md_text(label);
  static const char* hex = "0123456789ABCDEF";
  std::string dest;
  for (unsigned char c : url) {
    if (c <= 0x20 || c >= 0x7F || c == '(' || c == ')' || c == '<' || c == '>' || c == '|' ||
        c == '"' || c == '\'' || c == '`' || c == '\\' || c == '[' || c == ']') {
      dest += '%';
      dest += hex[c >> 4];
      dest += hex[c & 15];
    } else {
      dest += static_cast<char>(c);
    }
  }
  return "[" + md_text(label) + "](" + dest + ")";
}

struct RuleCount {
  std::string severity;
  size_t findings = 0, inputs = 0;
};

}  // namespace

bool write_md(const ReportHeader& header, const Summary& s, const ResultVisitor& results,
              std::ostream& out, std::string* err) {
  std::vector<std::string> order;
  std::map<std::string, RuleCount> by_rule;
  size_t findings = 0;
  if (!results(
          [&](const Result& r) {
            std::map<std::string, bool> seen;
            for (const Finding& f : r.findings) {
              auto [it, fresh] = by_rule.emplace(f.rule, RuleCount{f.severity});
              if (fresh) order.push_back(f.rule);
              ++it->second.findings;
              if (!seen[f.rule]) ++it->second.inputs;
              seen[f.rule] = true;
              ++findings;
            }
          },
          err))
    return false;
  const std::string& lang = header.lang;
  auto L = [&](const char* en) { return label(lang, en); };
  out << "## credcheck: " << md_text(header.pack) << "\n\n"
      << "| " << L("status") << " | " << L("inputs") << " |\n|---|---:|\n"
      << "| " << L("compliant") << " | " << s.compliant << " |\n"
      << "| " << L("violation") << " | " << s.violations << " |\n"
      << "| " << L("unchecked") << " | " << s.unchecked << " |\n"
      << "| **" << L("total") << "** | " << s.inputs << " |\n\n";
  if (s.baseline)
    out << "| " << L("findings against the baseline") << " | " << L("count") << " |\n|---|---:|\n"
        << "| " << L("new") << " | " << s.new_findings << " |\n"
        << "| " << L("known") << " | " << s.known_findings << " |\n"
        << "| " << L("resolved") << " | " << s.resolved_findings << " |\n\n";
  if (!order.empty()) {
    out << "| " << L("rule") << " | " << L("severity") << " | " << L("findings") << " | " << L("inputs")
        << " |\n|---|---|---:|---:|\n";
    for (const std::string& id : order) {
      const RuleCount& c = by_rule[id];
      out << "| " << md_text(id) << " | " << md_text(label(lang, c.severity)) << " | " << c.findings << " | "
          << c.inputs << " |\n";
    }
    out << "\n### " << L("Findings") << " (" << findings << ")\n\n"
        << "| " << L("input") << " | " << L("rule") << " | " << L("severity") << " | " << L("message") << " | "
        << L("evidence") << " | " << L("expected") << " |\n|---|---|---|---|---|---|\n";
  }
  size_t rows = 0;
  struct Unchecked {
    std::string input, http, reason;
  };
  std::vector<Unchecked> unchecked;  // the first kMaxRows
  size_t unchecked_count = 0;
  bool ok = results(
      [&](const Result& r) {
        for (const Finding& f : r.findings) {
          if (rows++ >= kMaxRows) continue;
          out << "| " << md_link(r.input, r.url) << " | " << md_text(f.rule) << " | "
              << md_text(label(lang, f.severity)) << (f.baseline == "known" ? " (" + L("known") + ")" : "") << " | " << md_text(f.message) << " | " << md_text(f.evidence)
              << " | " << md_text(f.expected) << " |\n";
        }
        if (r.status == "unchecked" && unchecked_count++ < kMaxRows)
          unchecked.push_back({md_link(r.input, r.url), r.http_status ? std::to_string(r.http_status) : "",
                               md_text(reason_text(lang, r.reason))});
      },
      err);
  if (rows > kMaxRows)
    out << "\n" << rows - kMaxRows << " " << L("more findings are in the full report.") << "\n";
  if (!unchecked.empty()) {
    out << "\n### " << L("Unchecked") << " (" << unchecked_count << ")\n\n| " << L("input") << " | HTTP | "
        << L("reason") << " |\n|---|---:|---|\n";
    for (const Unchecked& u : unchecked) out << "| " << u.input << " | " << u.http << " | " << u.reason << " |\n";
    if (unchecked_count > kMaxRows)
      out << "\n" << unchecked_count - kMaxRows << " " << L("more unchecked inputs are in the full report.") << "\n";
  }
  return ok;
}

}  // namespace credcheck
