// Results for the format tests: a violation whose page wrote hostile text (quotes, commas,
// new lines, markup, a spreadsheet formula, a control character, invalid UTF-8), an
// unreadable input, an input with rules left unchecked, a compliant one. Rendered the way
// a scan renders them: through the ResultSink and its spill file.
#pragma once

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "checker/report/sink.h"

namespace credcheck::test_support {

inline const std::string kHostileEvidence = "=cmd|' /C calc'!A0 \"引号\", <script>alert(1)</script>\n`x` | y\x01";
inline const std::string kHostileInput = "pages/a,\"b\"\n<img src=x onerror=alert(1)>.html";

inline ReportHeader format_header() {
  ReportHeader h{"credcheck", "0.1.0", "xijiang-daily"};
  auto rule = [](std::string id, std::string clause, Severity s, std::string quote) {
    RuleInfo r;
    r.id = std::move(id);
    r.clause = std::move(clause);
    r.severity = s;
    r.quote = std::move(quote);
    r.message = "未按要求注明来源";
    return r;
  };
  h.rules = {rule("source-credit", "1(1)", Severity::error, "注明“来源：西江日报”"),
             rule("author-credit", "1(1)", Severity::warning, "注明作者"),
             rule("original-title", "1(2)", Severity::note, "注明原标题")};
  return h;
}

inline std::vector<Result> format_sample() {
  Result a;
  a.input = kHostileInput;
  a.url = "https://news.example/a(1)|b.html";
  a.status = "violation";
  a.reason = "2 findings";
  a.fetched_at = "2026-11-30T01:02:03Z";
  a.http_status = 200;
  a.sha256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
  a.fields = Fields{};
  a.fields->title = "<script>alert('t')</script>";
  a.findings = {{"source-credit", "error", "1(1)", "未注明来源\n第二行", kHostileEvidence, "来源：西江日报",
                 "source_lines[0]"},
                {"source-credit", "error", "1(1)", "+又一处", "@SUM(A1)", "来源：西江日报", "source_lines[1]"},
                {"author-credit", "warning", "1(1)", "-作者", "bad \xFF\xFE utf8", "西江日报记者 某某",
                 "bylines"}};
  a.findings[0].line = 12;  // where the evidence stands in the HTML source
  a.findings[0].column = 5;
  a.not_checked = {};
  Result b;
  b.input = "https://gone.example/x";
  b.url = b.input;
  b.status = "unchecked";
  b.reason = "https://gone.example/x: HTTP 404, \"gone\"";
  b.listed_in = "https://gone.example/sitemap.xml";
  b.not_checked = {"source-credit", "author-credit", "original-title"};
  Result c;
  c.input = "/abs/页面 c.html";
  c.url = "file:///abs/页面 c.html";
  c.status = "unchecked";
  c.reason = "no original matched; not checked: original-title";
  c.fields = Fields{};
  c.not_checked = {"original-title"};
  Result d;
  d.input = "./ok.html";
  d.status = "compliant";
  d.fields = Fields{};
  return {a, b, c, d};
}

// The report in `format` as a scan writes it: results added out of order, spilled, and
// written in input order at the end.
inline std::string render(const std::string& format, const std::vector<Result>& results,
                          const ReportHeader& header = format_header()) {
  std::ostringstream out;
  ResultSink sink(format, out);
  std::string err;
  EXPECT_TRUE(sink.open(&err)) << err;
  for (size_t i = results.size(); i-- > 0;) EXPECT_TRUE(sink.add(i, results[i])) << sink.error();
  EXPECT_TRUE(sink.finish(header, &err)) << err;
  return out.str();
}

// Is `s` valid UTF-8 (what every format must write, whatever the page held)?
inline bool valid_utf8(const std::string& s) {
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
}

inline size_t count(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + what.size())) ++n;
  return n;
}

}  // namespace credcheck::test_support
