// The readable report: what a person at a terminal wants instead of the JSON.
#include <algorithm>

#include "checker/report/format.h"
#include "checker/report/messages.h"
#include "checker/text/utf8.h"

namespace credcheck {
namespace {

constexpr size_t kWidestInput = 60;  // longer inputs push their row's rules further right
constexpr size_t kLongestReason = 100;

// What fired, in a few words: the rule ids with findings, or why it was not checked.
std::string what_fired(const Result& r, const std::string& lang) {
  std::string out;
  if (r.status == "unchecked") {
    out = reason_text(lang, r.reason);
    if (out.size() > kLongestReason) {
      out.resize(kLongestReason);
      while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
      if (!out.empty() && static_cast<unsigned char>(out.back()) >= 0xC0) out.pop_back();
      out += "…";
    }
    return out;
  }
  for (const Finding& f : r.findings) {
    std::string item = f.rule + " (" + label(lang, f.severity) +
                       (f.baseline == "known" ? ", " + label(lang, "known") : "") + ")";
    if (out.find(item) != std::string::npos) continue;
    out += (out.empty() ? "" : ", ") + item;
  }
  return out.empty() ? "-" : out;
}

// Columns by display width: CJK file names take two columns a character.
size_t width(const std::string& s) {
  size_t w = 0;
  for (size_t i = 0; i < s.size();) {
    char32_t c = utf8::next(s, &i);
    bool wide = (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) ||
                (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
                (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
                (c >= 0xFFE0 && c <= 0xFFE6) || c >= 0x20000;
    w += wide ? 2 : 1;
  }
  return w;
}

void pad(std::ostream& out, const std::string& s, size_t to) {
  out << s;
  for (size_t w = width(s); w < to; ++w) out << ' ';
}

}  // namespace

bool write_text(const ReportHeader& header, const Summary& s, const ResultVisitor& results,
                std::ostream& out, std::string* err) {
  size_t input_width = 5;
  if (!results([&](const Result& r) { input_width = std::max(input_width, std::min(width(r.input), kWidestInput)); },
               err))
    return false;
  const std::string& lang = header.lang;
  auto L = [&](const char* en) { return label(lang, en); };
  out << "credcheck " << header.version << ", " << L("pack") << " " << header.pack << "\n\n";
  pad(out, L("STATUS"), 11);
  pad(out, L("INPUT"), input_width + 2);
  out << L("RULES THAT FIRED / REASON") << "\n";
  bool ok = results(
      [&](const Result& r) {
        pad(out, label(lang, r.status), 11);
        pad(out, r.input, input_width + 2);
        out << what_fired(r, lang) << '\n';
      },
      err);
  out << '\n';
  if (lang == "zh") {
    out << s.inputs << " 个输入：" << s.compliant << " 个合规，" << s.violations << " 个违规，" << s.unchecked
        << " 个未检查\n";
    if (s.baseline)
      out << "与基线相比：新增 " << s.new_findings << " 个问题，已知 " << s.known_findings << " 个，已解决 "
          << s.resolved_findings << " 个\n";
    return ok;
  }
  out << s.inputs << " inputs: " << s.compliant << " compliant, " << s.violations
      << " with violations, " << s.unchecked << " unchecked\n";
  if (s.baseline)
    out << "findings against the baseline: " << s.new_findings << " new, " << s.known_findings
        << " known, " << s.resolved_findings << " resolved\n";
  return ok;
}

}  // namespace credcheck
