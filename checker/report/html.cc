// One self-contained HTML page for a rights officer: the summary, filters by rule,
// severity and status, then each page with its findings (evidence quoted and marked, the
// expected text, the original it was matched to). No script at all: the filters are
// radio buttons and CSS, and the Content-Security-Policy forbids every script, request
// and plug-in, so even text that escaped its escaping could run nothing and fetch nothing.
// Everything from a page or a result goes through escape().
#include <cstdio>
#include <map>
#include <sstream>

#include "checker/report/format.h"
#include "checker/report/messages.h"
#include "checker/rules/urls.h"

namespace credcheck {
namespace {

std::string escape(const std::string& s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') out += "\xEF\xBF\xBD";
        else out += c;
    }
  }
  return out;
}

// A link only to http(s) pages: a page's URL never becomes javascript: or data:.
std::string link(const std::string& label, const std::string& url) {
  if (!has_http_scheme(url)) return escape(label);
  return "<a href=\"" + escape(url) + "\" rel=\"noreferrer noopener\">" + escape(label) + "</a>";
}

const char* kStyle = R"(
body{font:15px/1.5 system-ui,"Noto Sans CJK SC","PingFang SC",sans-serif;margin:0;color:#222}
header,main{max-width:70rem;margin:auto;padding:0 1rem}
table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ccc;padding:.2rem .5rem;text-align:left;vertical-align:top}
.filters{display:flex;flex-wrap:wrap;gap:1rem;margin:1rem 0}.filters fieldset{border:1px solid #ccc}
input[type=radio]{position:absolute;opacity:0}
.filters label{cursor:pointer;padding:0 .3rem;border-radius:.2rem}
section.page{border-top:2px solid #ddd;margin-top:1rem}
.status{font-weight:bold}.violation .status{color:#b00}.unchecked .status{color:#a60}.compliant .status{color:#070}
mark{background:#ffe066}tr.known{color:#777}.sev-error td.sev{color:#b00}.sev-warning td.sev{color:#a60}
.quote{white-space:pre-wrap}
)";

struct Index {
  std::map<std::string, size_t> rules;  // id -> position, for class names that never hold page text
  std::string lang = "en";              // of the report's own words
};

std::string rule_class(const Index& ix, const std::string& id) {
  auto it = ix.rules.find(id);
  return it == ix.rules.end() ? "r-other" : "r" + std::to_string(it->second);
}

// The filter's radio buttons sit before <main>, so `~` reaches every page and finding.
void filters(std::ostream& out, const std::vector<RuleInfo>& rules, const std::string& lang, std::string* css) {
  auto group = [&](const std::string& name, const std::string& legend,
                   const std::vector<std::pair<std::string, std::string>>& options,
                   const std::string& target) {
    out << "<fieldset><legend>" << escape(label(lang, legend)) << "</legend>";
    out << "<label><input type=\"radio\" name=\"" << name << "\" id=\"" << name
        << "-all\" checked> " << escape(label(lang, "all")) << "</label>";
    for (const auto& [cls, text] : options) {
      std::string id = name + "-" + cls;
      out << " <label><input type=\"radio\" name=\"" << name << "\" id=\"" << id << "\"> "
          << escape(label(lang, text)) << "</label>";
      *css += "body:has(#" + id + ":checked) " + target + ":not(." + cls + "){display:none}\n";
      // Filtering findings also hides the pages left with none to show.
      if (target == "tr.finding")
        *css += "body:has(#" + id + ":checked) section.page:not(:has(tr." + cls + ")){display:none}\n";
      *css += "body:has(#" + id + ":checked) label:has(#" + id + "){background:#cde}\n";
    }
    *css += "body:has(#" + name + "-all:checked) label:has(#" + name + "-all){background:#cde}\n";
    out << "</fieldset>";
  };
  std::vector<std::pair<std::string, std::string>> by_rule;
  for (size_t i = 0; i < rules.size(); ++i) by_rule.emplace_back("r" + std::to_string(i), rules[i].id);
  out << "<div class=\"filters\">";
  group("f-status", "status",
        {{"compliant", "compliant"}, {"violation", "violation"}, {"unchecked", "unchecked"}}, "section.page");
  group("f-rule", "rule", by_rule, "tr.finding");
  group("f-sev", "severity", {{"sev-error", "error"}, {"sev-warning", "warning"}, {"sev-note", "note"}},
        "tr.finding");
  out << "</div>";
}

void page(std::ostream& out, const Result& r, const Index& ix) {
  auto L = [&](const char* en) { return escape(label(ix.lang, en)); };
  std::string status = r.status == "violation" || r.status == "compliant" ? r.status : "unchecked";
  out << "<section class=\"page " << status << "\"><h2>" << link(r.input, r.url) << "</h2>\n<p><span class=\"status\">"
      << L(status.c_str()) << "</span>";
  if (!r.reason.empty()) out << " — " << escape(reason_text(ix.lang, r.reason));
  out << "</p>\n<table>";
  if (r.fields && !r.fields->title.empty()) out << "<tr><th>" << L("title") << "</th><td>" << escape(r.fields->title) << "</td></tr>";
  if (!r.url.empty() && r.url != r.input) out << "<tr><th>" << L("URL") << "</th><td>" << link(r.url, r.url) << "</td></tr>";
  if (!r.fetched_at.empty()) out << "<tr><th>" << L("fetched (UTC)") << "</th><td>" << escape(r.fetched_at) << "</td></tr>";
  if (r.http_status) out << "<tr><th>" << L("HTTP status") << "</th><td>" << r.http_status << "</td></tr>";
  if (!r.sha256.empty()) out << "<tr><th>SHA-256</th><td><code>" << escape(r.sha256) << "</code></td></tr>";
  if (r.reused)
    out << "<tr><th>" << L("reused") << "</th><td>" << L("unchanged at") << " "
        << escape(r.revalidated_at) << " (UTC): " << L("the check of the page fetched above")
        << "</td></tr>";
  if (!r.listed_in.empty()) out << "<tr><th>" << L("listed in") << "</th><td>" << link(r.listed_in, r.listed_in) << "</td></tr>";
  if (r.original) {
    char sim[16];
    std::snprintf(sim, sizeof sim, "%.0f%%", r.original->similarity * 100);
    out << "<tr><th>" << L("original") << "</th><td>" << link(r.original->input, r.original->url) << " — "
        << escape(r.original->title) << " (" << sim << " " << L("similar") << ")</td></tr>";
  }
  if (r.fields)
    for (const std::string& line : r.fields->source_lines)
      out << "<tr><th>" << L("credit line") << "</th><td class=\"quote\">" << escape(line) << "</td></tr>";
  if (!r.not_checked.empty()) {
    out << "<tr><th>" << L("not checked") << "</th><td>";
    for (size_t i = 0; i < r.not_checked.size(); ++i) out << (i ? ", " : "") << escape(r.not_checked[i]);
    out << "</td></tr>";
  }
  out << "</table>\n";
  if (!r.findings.empty()) {
    out << "<table class=\"findings\"><tr>";
    for (const char* h : {"rule", "severity", "clause", "message", "evidence", "expected", "where"})
      out << "<th>" << L(h) << "</th>";
    out << "</tr>\n";
    for (const Finding& f : r.findings) {
      out << "<tr class=\"finding " << rule_class(ix, f.rule) << " sev-" << escape(f.severity)
          << (f.baseline == "known" ? " known" : "") << "\"><td>" << escape(f.rule) << "</td><td class=\"sev\">"
          << L(f.severity.c_str()) << (f.baseline == "known" ? " <small>(" + L("known") + ")</small>" : "") << "</td><td>"
          << escape(f.clause) << "</td><td>" << escape(f.message) << "</td><td class=\"quote\">"
          << (f.evidence.empty() ? "<em>" + L("nothing on the page") + "</em>" : "<mark>" + escape(f.evidence) + "</mark>")
          << "</td><td class=\"quote\">" << escape(f.expected) << "</td><td>" << escape(location_text(f))
          << "</td></tr>\n";
    }
    out << "</table>\n";
  }
  out << "</section>\n";
}

}  // namespace

bool write_html(const ReportHeader& header, const Summary& s, const ResultVisitor& results,
                std::ostream& out, std::string* err) {
  std::vector<RuleInfo> rules;
  if (!report_rules(header, results, &rules, err)) return false;
  Index ix;
  for (size_t i = 0; i < rules.size(); ++i) ix.rules.emplace(rules[i].id, i);
  ix.lang = header.lang;
  auto L = [&](const char* en) { return escape(label(ix.lang, en)); };
  out << "<!DOCTYPE html>\n<html lang=\"" << (ix.lang == "zh" ? "zh" : "en") << "\"><head><meta charset=\"utf-8\">\n"
      << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
         "style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'\">\n"
      << "<meta name=\"referrer\" content=\"no-referrer\">\n"
      << "<title>credcheck: " << escape(header.pack) << "</title>\n";
  std::string css = kStyle;
  std::ostringstream filter_html;
  filters(filter_html, rules, ix.lang, &css);
  out << "<style>" << css << "</style></head><body>\n<header><h1>credcheck " << escape(header.version)
      << ": " << escape(header.pack) << "</h1>\n<table><tr><th>" << L("inputs") << "</th><th>" << L("compliant")
      << "</th><th>" << L("violation") << "</th><th>" << L("unchecked") << "</th></tr><tr><td>" << s.inputs << "</td><td>" << s.compliant << "</td><td>"
      << s.violations << "</td><td>" << s.unchecked << "</td></tr></table>\n";
  if (s.baseline)
    out << "<table><tr><th>" << L("new findings") << "</th><th>" << L("known (baseline)") << "</th><th>"
        << L("resolved") << "</th></tr><tr><td>"
        << s.new_findings << "</td><td>" << s.known_findings << "</td><td>" << s.resolved_findings
        << "</td></tr></table>\n";
  if (!rules.empty()) {
    out << "<table><tr><th>" << L("rule") << "</th><th>" << L("clause") << "</th><th>" << L("severity")
        << "</th><th>" << L("the notice says") << "</th></tr>\n";
    for (const RuleInfo& r : rules)
      out << "<tr><td>" << escape(r.id) << "</td><td>" << escape(r.clause) << "</td><td>"
          << L(severity_name(r.severity)) << "</td><td>" << escape(r.quote) << "</td></tr>\n";
    out << "</table>\n";
  }
  out << filter_html.str() << "</header>\n<main>\n";
  bool ok = results([&](const Result& r) { page(out, r, ix); }, err);
  out << "</main></body></html>\n";
  return ok;
}

}  // namespace credcheck
