// The readable report: what a person at a terminal wants instead of the JSON.
#include <algorithm>

#include "checker/report/format.h"
#include "checker/text/utf8.h"

namespace credcheck {
namespace {

constexpr size_t kWidestInput = 60;  // longer inputs push their row's rules further right
constexpr size_t kLongestReason = 100;

// What fired, in a few words: the rule ids with findings, or why it was not checked.
std::string what_fired(const Result& r) {
  std::string out;
  if (r.status == "unchecked") {
    out = r.reason;
    if (out.size() > kLongestReason) {
      out.resize(kLongestReason);
      while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
      if (!out.empty() && static_cast<unsigned char>(out.back()) >= 0xC0) out.pop_back();
      out += "…";
    }
    return out;
  }
  for (const Finding& f : r.findings) {
    std::string item = f.rule + " (" + f.severity + (f.baseline == "known" ? ", known" : "") + ")";
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
  out << "credcheck " << header.version << ", pack " << header.pack << "\n\n";
  pad(out, "STATUS", 11);
  pad(out, "INPUT", input_width + 2);
  out << "RULES THAT FIRED / REASON\n";
  bool ok = results(
      [&](const Result& r) {
        pad(out, r.status, 11);
        pad(out, r.input, input_width + 2);
        out << what_fired(r) << '\n';
      },
      err);
  out << '\n'
      << s.inputs << " inputs: " << s.compliant << " compliant, " << s.violations
      << " with violations, " << s.unchecked << " unchecked\n";
  if (s.baseline)
    out << "findings against the baseline: " << s.new_findings << " new, " << s.known_findings
        << " known, " << s.resolved_findings << " resolved\n";
  return ok;
}

}  // namespace credcheck
