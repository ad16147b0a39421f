// JUnit XML for GitLab's and Jenkins' test reports: one <testsuite> per input, one
// <testcase> per rule of the pack (classname the input, name the rule id, so names stay
// unique: GitLab keeps only the first of duplicate names). A rule with findings is one
// <failure> holding them all (Jenkins keeps only one failure per test case); an input
// that could not be read is an <error> on each rule with its reason; a rule that could
// not be checked is <skipped> with the reason, and so is a rule whose findings are all
// known from --baseline (they do not fail the run). XML is written by pugixml, one suite at
// a time, so the report never holds every result.
#include <pugixml.hpp>

#include <sstream>

#include "checker/report/format.h"
#include "checker/report/messages.h"

namespace credcheck {
namespace {

// XML 1.0 has no place for most control characters, even escaped; a page may hold them.
std::string xml_text(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
      out += "\xEF\xBF\xBD";  // U+FFFD, as the decoder marks bytes it cannot read
      continue;
    }
    // U+FFFE and U+FFFF (EF BF BE / EF BF BF) are not XML characters either.
    if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBF &&
        (static_cast<unsigned char>(s[i + 2]) & 0xFE) == 0xBE) {
      out += "\xEF\xBF\xBD";
      i += 2;
      continue;
    }
    out += s[i];
  }
  return out;
}

void set(pugi::xml_node node, const char* name, const std::string& value) {
  node.append_attribute(name).set_value(xml_text(value).c_str());
}

void set(pugi::xml_node node, const char* name, size_t value) {
  node.append_attribute(name).set_value(static_cast<unsigned long long>(value));
}

struct Counts {
  size_t tests = 0, failures = 0, errors = 0, skipped = 0;
};

// The findings of one rule, for the <failure> body: each with its evidence and expected text.
std::string failure_text(const std::vector<const Finding*>& findings, const std::string& lang) {
  std::ostringstream text;
  for (const Finding* f : findings) {
    text << "[" << label(lang, f->severity) << "] " << f->message << "\n  " << label(lang, "clause") << ": "
         << f->clause << "\n  " << label(lang, "evidence") << ": "
         << (f->evidence.empty() ? "(" + label(lang, "nothing on the page") + ")" : f->evidence) << "\n  "
         << label(lang, "expected") << ": " << f->expected << "\n  " << label(lang, "where") << ": "
         << location_text(*f) << "\n";
  }
  return text.str();
}

// One input's suite, with its counts.
Counts suite_of(const Result& r, const std::vector<RuleInfo>& rules, const std::string& lang,
                pugi::xml_node parent) {
  Counts c;
  pugi::xml_node suite = parent.append_child("testsuite");
  set(suite, "name", r.input);
  const bool unreadable = r.status == "unchecked" && !r.fields;
  for (const RuleInfo& rule : rules) {
    pugi::xml_node tc = suite.append_child("testcase");
    set(tc, "name", rule.id);
    set(tc, "classname", r.input);
    ++c.tests;
    std::vector<const Finding*> mine, known;
    for (const Finding& f : r.findings)
      if (f.rule == rule.id) (f.baseline == "known" ? known : mine).push_back(&f);
    bool not_checked = false;
    for (const std::string& id : r.not_checked) not_checked |= id == rule.id;
    if (!mine.empty()) {
      pugi::xml_node failure = tc.append_child("failure");
      set(failure, "message",
          mine.size() == 1 ? mine[0]->message
                           : mine[0]->message + " (+" + std::to_string(mine.size() - 1) + " more)");
      set(failure, "type", mine[0]->severity);
      failure.append_child(pugi::node_pcdata).set_value(xml_text(failure_text(mine, lang)).c_str());
      ++c.failures;
    } else if (!known.empty()) {
      // Accepted in the baseline: shown, but not a failure of this run.
      pugi::xml_node skipped = tc.append_child("skipped");
      set(skipped, "message", lang == "zh" ? "已知：基线中已有 " + std::to_string(known.size()) + " 个问题"
                                           : "known: " + std::to_string(known.size()) + " finding(s) already in the baseline");
      tc.append_child("system-out").append_child(pugi::node_pcdata).set_value(xml_text(failure_text(known, lang)).c_str());
      ++c.skipped;
    } else if (unreadable) {
      pugi::xml_node error = tc.append_child("error");
      set(error, "message", reason_text(lang, r.reason));
      set(error, "type", "unchecked");
      ++c.errors;
    } else if (not_checked) {
      set(tc.append_child("skipped"), "message", reason_text(lang, r.reason));
      ++c.skipped;
    }
  }
  // The counts are known now.
  set(suite, "tests", c.tests);
  set(suite, "failures", c.failures);
  set(suite, "errors", c.errors);
  set(suite, "skipped", c.skipped);
  pugi::xml_node props = suite.prepend_child("properties");
  auto prop = [&](const char* name, const std::string& value) {
    if (value.empty()) return;
    pugi::xml_node p = props.append_child("property");
    set(p, "name", name);
    set(p, "value", value);
  };
  prop("url", r.url);
  prop("status", r.status);
  prop("reason", r.reason);
  // Not the suite's `timestamp`: the schema Jenkins documents wants it without a zone.
  prop("fetched_at", r.fetched_at);
  if (r.http_status) prop("http_status", std::to_string(r.http_status));
  prop("sha256", r.sha256);
  if (r.reused) prop("revalidated_at", r.revalidated_at);  // an earlier check, reused (--cache)
  prop("listed_in", r.listed_in);
  if (r.original) prop("original", r.original->input);
  return c;
}

std::string print(const pugi::xml_document& doc, unsigned flags) {
  std::ostringstream out;
  doc.save(out, "  ", flags, pugi::encoding_utf8);
  return out.str();
}

}  // namespace

bool write_junit(const ReportHeader& header, const Summary&, const ResultVisitor& results,
                 std::ostream& out, std::string* err) {
  std::vector<RuleInfo> rules;
  if (!report_rules(header, results, &rules, err)) return false;
  Counts total;
  if (!results([&](const Result& r) {
        pugi::xml_document scratch;
        Counts c = suite_of(r, rules, header.lang, scratch);
        total.tests += c.tests;
        total.failures += c.failures;
        total.errors += c.errors;
        total.skipped += c.skipped;
      },
      err))
    return false;
  // The wrapper is printed by pugixml around a marker comment, and the suites are
  // streamed where the marker was.
  pugi::xml_document head;
  pugi::xml_node root = head.append_child("testsuites");
  set(root, "name", header.tool + " " + header.pack);
  set(root, "tests", total.tests);
  set(root, "failures", total.failures);
  set(root, "errors", total.errors);
  set(root, "skipped", total.skipped);
  root.append_child(pugi::node_comment).set_value("suites");
  std::string wrapper = print(head, pugi::format_default);
  const std::string marker = "<!--suites-->";
  size_t at = wrapper.find(marker);
  size_t line = wrapper.rfind('\n', at);
  out << wrapper.substr(0, line + 1);
  bool ok = results(
      [&](const Result& r) {
        pugi::xml_document one;
        suite_of(r, rules, header.lang, one);
        // Not re-indented: a failure's text is the findings' own lines, kept as they are.
        out << print(one, pugi::format_default | pugi::format_no_declaration);
      },
      err);
  out << wrapper.substr(at + marker.size() + 1);
  return ok;
}

}  // namespace credcheck
