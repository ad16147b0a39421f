#include "checker/report/baseline.h"

#include <gtest/gtest.h>

#include "checker/report/json.h"

namespace credcheck {
namespace {

Result page(const std::string& input, std::vector<Finding> findings) {
  Result r;
  r.input = input;
  r.status = findings.empty() ? "compliant" : "violation";
  r.fields = Fields{};
  r.findings = std::move(findings);
  return r;
}

Finding finding(const std::string& rule, const std::string& evidence, const std::string& severity = "error") {
  return {rule, severity, "1(1)", "m", evidence, "来源：西江日报", "source_lines[0]"};
}

std::string report_of(const std::vector<Result>& results) {
  return report_json(ReportHeader{"credcheck", "0.1.0", "p"}, results).dump();
}

TEST(Baseline, SameInputRuleAndEvidenceIsKnownAnythingElseNew) {
  Baseline b;
  std::string err;
  ASSERT_TRUE(b.load_text(report_of({page("a.html", {finding("source-credit", "来源：别处"),
                                                      finding("author-credit", "")}),
                                     page("b.html", {finding("source-credit", "来源：别处")})}),
                          &err))
      << err;
  EXPECT_EQ(b.findings(), 3u);
  Result a = page("a.html", {finding("source-credit", "来源：别处"), finding("source-credit", "来源：又一处"),
                             finding("source-credit", "来源：别处")});
  b.apply(&a);
  EXPECT_TRUE(a.baselined);
  EXPECT_EQ(a.findings[0].baseline, "known");
  EXPECT_EQ(a.findings[1].baseline, "new");   // other evidence
  EXPECT_EQ(a.findings[2].baseline, "new");   // one baseline finding matches one finding
  EXPECT_EQ(a.resolved, 1u);                  // author-credit is gone
  Result c = page("c.html", {finding("source-credit", "来源：别处")});
  b.apply(&c);
  EXPECT_EQ(c.findings[0].baseline, "new");  // same finding, other input
  EXPECT_EQ(c.resolved, 0u);

  // A known error does not fail the run; a new one does.
  Result known_only = page("b.html", {finding("source-credit", "来源：别处")});
  b.apply(&known_only);
  EXPECT_FALSE(result_fails(known_only, Severity::note));
  EXPECT_TRUE(result_fails(a, Severity::error));

  Summary s;
  for (const Result* r : {&a, &c, &known_only}) add_to_summary(*r, &s);
  EXPECT_TRUE(s.baseline);
  EXPECT_EQ(s.new_findings, 3u);
  EXPECT_EQ(s.known_findings, 2u);
  EXPECT_EQ(s.resolved_findings, 1u);
}

TEST(Baseline, NothingIsResolvedWhereNothingWasChecked) {
  Baseline b;
  std::string err;
  ASSERT_TRUE(b.load_text(report_of({page("a.html", {finding("source-credit", "x"), finding("original-title", "")})}),
                          &err));
  Result unreadable;
  unreadable.input = "a.html";
  unreadable.status = "unchecked";
  b.apply(&unreadable);
  EXPECT_EQ(unreadable.resolved, 0u);
  Result partly = page("a.html", {});
  partly.not_checked = {"original-title"};
  b.apply(&partly);
  EXPECT_EQ(partly.resolved, 1u);  // source-credit ran and found nothing; original-title did not run
}

TEST(Baseline, JsonlAndMarksRoundTrip) {
  Result a = page("a.html", {finding("source-credit", "x")});
  Baseline b;
  std::string err;
  ASSERT_TRUE(b.load_text(result_json(a).dump() + "\n", &err)) << err;
  b.apply(&a);
  EXPECT_EQ(a.findings[0].baseline, "known");
  Result back;
  ASSERT_TRUE(result_from_json(result_json(a), &back, &err)) << err;
  EXPECT_TRUE(back.baselined);
  EXPECT_EQ(back.findings[0].baseline, "known");
  EXPECT_FALSE(b.load_text("not json at all", &err));
}

}  // namespace
}  // namespace credcheck
