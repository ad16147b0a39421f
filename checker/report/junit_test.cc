// JUnit: one suite per input, one case per rule; failures, errors and skips where the
// results put them; page text survives as text and never as markup.
#include <pugixml.hpp>

#include "checker/report/formats_test_util.h"

namespace credcheck {
namespace {

using test_support::format_header;
using test_support::format_sample;
using test_support::kHostileEvidence;
using test_support::kHostileInput;
using test_support::render;

pugi::xml_node case_of(pugi::xml_node suite, const char* rule) {
  return suite.find_child_by_attribute("testcase", "name", rule);
}

void expect_counts(const std::string& xml) {
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(xml.c_str())) << xml;
  pugi::xml_node root = doc.child("testsuites");
  EXPECT_EQ(root.attribute("tests").as_int(), 12);  // 4 inputs x 3 rules
  EXPECT_EQ(root.attribute("failures").as_int(), 2);
  EXPECT_EQ(root.attribute("errors").as_int(), 3);  // the unreadable input, on each rule
  EXPECT_EQ(root.attribute("skipped").as_int(), 1);
  std::vector<std::string> names;
  for (pugi::xml_node s : root.children("testsuite")) names.push_back(s.attribute("name").value());
  EXPECT_EQ(names, (std::vector<std::string>{kHostileInput, "https://gone.example/x", "/abs/页面 c.html",
                                             "./ok.html"}));
}

TEST(JunitReport, OneSuitePerInputOneCasePerRule) {
  std::string xml = render("junit", format_sample());
  expect_counts(xml);
  pugi::xml_document doc;
  doc.load_string(xml.c_str());
  pugi::xml_node a = doc.child("testsuites").first_child();
  EXPECT_EQ(std::string(a.attribute("tests").value()), "3");
  EXPECT_EQ(std::string(a.attribute("failures").value()), "2");
  pugi::xml_node failure = case_of(a, "source-credit").child("failure");
  ASSERT_TRUE(failure);
  EXPECT_EQ(std::string(failure.attribute("type").value()), "error");
  EXPECT_EQ(std::string(failure.attribute("message").value()), "未注明来源\n第二行 (+1 more)");
  std::string body = failure.text().get();
  // The control character is replaced; the rest of the evidence is there as the page had it.
  std::string evidence = kHostileEvidence;
  evidence.replace(evidence.find('\x01'), 1, "\xEF\xBF\xBD");
  EXPECT_NE(body.find(evidence), std::string::npos) << body;
  EXPECT_NE(body.find("expected: 来源：西江日报"), std::string::npos);
  EXPECT_NE(body.find("@SUM(A1)"), std::string::npos);  // both findings of the rule
  EXPECT_FALSE(case_of(a, "original-title").first_child());  // passed
  EXPECT_EQ(std::string(a.child("properties").find_child_by_attribute("property", "name", "fetched_at")
                            .attribute("value").value()),
            "2026-11-30T01:02:03Z");
  EXPECT_EQ(std::string(a.child("properties").find_child_by_attribute("property", "name", "http_status")
                            .attribute("value").value()),
            "200");
  EXPECT_TRUE(a.child("properties").find_child_by_attribute("property", "name", "sha256"));
  EXPECT_EQ(std::string(case_of(a, "source-credit").attribute("classname").value()), kHostileInput);

  pugi::xml_node gone = a.next_sibling("testsuite");
  pugi::xml_node error = case_of(gone, "author-credit").child("error");
  EXPECT_EQ(std::string(error.attribute("message").value()), "https://gone.example/x: HTTP 404, \"gone\"");
  pugi::xml_node partial = gone.next_sibling("testsuite");
  EXPECT_TRUE(case_of(partial, "original-title").child("skipped"));
  EXPECT_FALSE(case_of(partial, "source-credit").first_child());
  EXPECT_EQ(xml.find("<script>"), std::string::npos);
  EXPECT_EQ(xml.find("<img"), std::string::npos);
  EXPECT_EQ(xml.find('\x01'), std::string::npos);
  EXPECT_TRUE(test_support::valid_utf8(xml));
}

TEST(JunitReport, WithoutThePackTheRulesComeFromTheResults) {
  ReportHeader bare{"credcheck", "0.1.0", "xijiang-daily"};
  // Findings name source-credit and author-credit; original-title is only ever not_checked.
  expect_counts(render("junit", format_sample(), bare));
}

TEST(JunitReport, NoResultsIsAnEmptyValidReport) {
  pugi::xml_document doc;
  std::string xml = render("junit", {});
  ASSERT_TRUE(doc.load_string(xml.c_str())) << xml;
  EXPECT_EQ(doc.child("testsuites").attribute("tests").as_int(), 0);
  EXPECT_FALSE(doc.child("testsuites").child("testsuite"));
}

}  // namespace
}  // namespace credcheck
