#include "checker/rules/engine.h"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include "checker/rules/rules_test_util.h"

namespace credcheck {
namespace {

// A rule with the given needs that fires or not, and counts its runs.
class FakeRule : public Rule {
 public:
  FakeRule(std::string id, Needs needs, bool fires, Severity severity = Severity::error)
      : Rule(RuleInfo{id, "fake", "1", "q", "m", severity}), needs_(needs), fires_(fires) {}
  Needs needs() const override { return needs_; }
  void check(const CheckContext&, std::vector<Finding>* out) const override {
    ++runs;
    if (fires_) out->push_back(finding("fired"));
  }
  mutable int runs = 0;

 private:
  Needs needs_;
  bool fires_;
};

using N = Rule::Needs;

class EngineTest : public ::testing::Test {
 protected:
  FakeRule* add(std::string id, N needs, bool fires = false, Severity s = Severity::error) {
    auto rule = std::make_unique<FakeRule>(std::move(id), needs, fires, s);
    FakeRule* raw = rule.get();
    pack.rules.push_back(std::move(rule));
    return raw;
  }
  Verdict run(const Fields* original, bool originals_given, const std::string& host = "") {
    CheckContext ctx{page, original, originals_given, host, pack.publisher};
    return run_pack(pack, ctx);
  }

  Pack pack;
  Fields page, original;

  void SetUp() override { pack.publisher = test::xijiang(); }
};

TEST_F(EngineTest, NoOriginalGivenLeavesOriginalRulesUnchecked) {
  add("source-credit", N::page);
  add("author-credit", N::original);
  add("original-title", N::original);
  add("name-misuse", N::no_match);
  Verdict v = run(nullptr, false);
  EXPECT_EQ(v.status, "unchecked");
  EXPECT_EQ(v.reason, "no original given: author-credit, original-title, name-misuse not checked");
  EXPECT_EQ(v.not_checked,
            (std::vector<std::string>{"author-credit", "original-title", "name-misuse"}));
  EXPECT_TRUE(v.findings.empty());
}

TEST_F(EngineTest, PageRuleFindingIsAViolationEvenWithoutOriginal) {
  FakeRule* source = add("source-credit", N::page, true);
  FakeRule* author = add("author-credit", N::original, true);
  Verdict v = run(nullptr, false);
  EXPECT_EQ(v.status, "violation");
  EXPECT_EQ(v.reason, "violates source-credit; no original given: author-credit not checked");
  ASSERT_EQ(v.findings.size(), 1u);
  EXPECT_EQ(v.findings[0].rule, "source-credit");
  EXPECT_EQ(source->runs, 1);
  EXPECT_EQ(author->runs, 0);
}

TEST_F(EngineTest, MatchedOriginalRunsEverythingButNoMatchRules) {
  add("source-credit", N::page);
  add("author-credit", N::original);
  FakeRule* misuse = add("name-misuse", N::no_match, true);
  Verdict v = run(&original, true);
  EXPECT_EQ(v.status, "compliant");
  EXPECT_EQ(v.reason, "complies with all 2 rules");
  EXPECT_TRUE(v.not_checked.empty());
  EXPECT_EQ(misuse->runs, 0);
}

TEST_F(EngineTest, AnySeverityMakesAViolation) {
  add("source-credit", N::page);
  add("a", N::original, true, Severity::note);
  add("b", N::original, true, Severity::warning);
  Verdict v = run(&original, true);
  EXPECT_EQ(v.status, "violation");
  EXPECT_EQ(v.reason, "violates a, b");
  ASSERT_EQ(v.findings.size(), 2u);
  EXPECT_EQ(v.findings[0].severity, "note");
  EXPECT_EQ(v.findings[1].severity, "warning");
}

TEST_F(EngineTest, NoMatchRunsOnlyNoMatchRules) {
  FakeRule* source = add("source-credit", N::page, true);
  add("author-credit", N::original, true);
  FakeRule* misuse = add("name-misuse", N::no_match);
  Verdict v = run(nullptr, true);
  EXPECT_EQ(v.status, "unchecked");
  EXPECT_EQ(v.reason, "matches none of the originals given; only name-misuse checked");
  EXPECT_EQ(v.not_checked, (std::vector<std::string>{"source-credit", "author-credit"}));
  EXPECT_EQ(source->runs, 0);
  EXPECT_EQ(misuse->runs, 1);
}

TEST_F(EngineTest, NoMatchReasonNamesHowManyOriginalsAndTheClosest) {
  add("source-credit", N::page);
  add("name-misuse", N::no_match);
  CheckContext ctx{page, nullptr, true, "", pack.publisher, 12, "originals/a.html", 0.234};
  Verdict v = run_pack(pack, ctx);
  EXPECT_EQ(v.status, "unchecked");
  EXPECT_EQ(v.reason,
            "matches none of the 12 originals given (closest originals/a.html, similarity 23%); "
            "only name-misuse checked");
}

TEST_F(EngineTest, HostRulesNeedAHost) {
  FakeRule* source = add("source-credit", N::page);
  FakeRule* host = add("unauthorized-reprint", N::host, true);
  add("author-credit", N::original);
  // A local file without --base-url: the host rule is named, not passed.
  Verdict v = run(&original, true);
  EXPECT_EQ(v.status, "unchecked");
  EXPECT_EQ(v.reason, "no host (a local file without --base-url): unauthorized-reprint not checked");
  EXPECT_EQ(v.not_checked, (std::vector<std::string>{"unauthorized-reprint"}));
  EXPECT_EQ(host->runs, 0);
  EXPECT_EQ(source->runs, 1);

  v = run(nullptr, false);
  EXPECT_EQ(v.reason,
            "no original given: author-credit not checked; no host (a local file without "
            "--base-url): unauthorized-reprint not checked");

  v = run(&original, true, "news.example.cn");
  EXPECT_EQ(v.status, "violation");
  EXPECT_EQ(v.reason, "violates unauthorized-reprint");
  EXPECT_EQ(host->runs, 1);

  // No match: host rules are left out like every other rule but name-misuse.
  v = run(nullptr, true, "news.example.cn");
  EXPECT_EQ(v.not_checked,
            (std::vector<std::string>{"source-credit", "unauthorized-reprint", "author-credit"}));
  EXPECT_EQ(host->runs, 1);
}

TEST_F(EngineTest, NoMatchButCreditingThePublisherIsAViolation) {
  add("source-credit", N::page);
  add("name-misuse", N::no_match, true, Severity::warning);
  Verdict v = run(nullptr, true);
  EXPECT_EQ(v.status, "violation");
  EXPECT_EQ(v.reason,
            "violates name-misuse; matches none of the originals given; only name-misuse checked");
}

TEST_F(EngineTest, PublishersOwnHostIsCompliantWithoutRules) {
  FakeRule* source = add("source-credit", N::page, true);
  add("author-credit", N::original, true);
  Verdict v = run(nullptr, false, "WWW.xjrb.com:443");
  EXPECT_EQ(v.status, "compliant");
  EXPECT_EQ(v.reason, "page is on the publisher's own host www.xjrb.com");
  EXPECT_TRUE(v.findings.empty());
  EXPECT_TRUE(v.not_checked.empty());
  EXPECT_EQ(source->runs, 0);
  EXPECT_NE(run(nullptr, false, "www.xjrb.com.cn").status, "compliant");
}

TEST_F(EngineTest, OneRuleCompliantReasonNamesIt) {
  add("source-credit", N::page);
  EXPECT_EQ(run(nullptr, false).reason, "complies with source-credit");
}

// The real pack over pages written for the tests.
class XijiangPackTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string err;
    ASSERT_TRUE(load_pack(std::string(CREDCHECK_SOURCE_DIR) + "/rules/xijiang-daily.yaml",
                          &pack, &err))
        << err;
  }
  Verdict run(const Fields& page, const Fields* original, bool given,
              const std::string& host = "") {
    CheckContext ctx{page, original, given, host, pack.publisher};
    return run_pack(pack, ctx);
  }
  Pack pack;
  Fields original = test::xijiang_original();
};

TEST_F(XijiangPackTest, FaithfulStagedReprintIsUncheckedOnlyForItsHost) {
  Fields page = test::good_reprint();
  Verdict v = run(page, &original, true);
  EXPECT_EQ(v.status, "unchecked") << v.reason;
  EXPECT_TRUE(v.findings.empty());
  EXPECT_EQ(v.not_checked, (std::vector<std::string>{"unauthorized-reprint"}));
}

TEST_F(XijiangPackTest, CanonicalAtThePublisherExemptsNothing) {
  // Partners point their canonical link at the original: the page is still checked.
  Fields page = test::good_reprint();
  page.canonical = "https://www.xjrb.com/2024/0520/duanyan.html";
  page.source_lines.clear();
  page.sources.clear();
  Verdict v = run(page, &original, true);
  EXPECT_EQ(v.status, "violation") << v.reason;
  ASSERT_EQ(v.findings.size(), 1u);
  EXPECT_EQ(v.findings[0].rule, "source-credit");
  // Fetched from (or --base-url on) the publisher's host, it is the publisher's own page.
  EXPECT_EQ(run(page, &original, true, "www.xjrb.com").status, "compliant");
}

TEST_F(XijiangPackTest, ReprintCreditingAPlatformAndReporterlessByline) {
  Fields page = test::good_reprint();
  page.source_lines = {"来源：某某新闻客户端"};
  page.sources = {"某某新闻客户端"};
  page.bylines = {"本报记者 梁晓敏 黄志坚"};
  page.title = "端砚文化节开幕啦";
  Verdict v = run(page, &original, true, "news.example.cn");
  EXPECT_EQ(v.status, "violation");
  EXPECT_EQ(v.reason,
            "violates unauthorized-reprint, source-credit, author-credit, original-title");
  ASSERT_EQ(v.findings.size(), 5u);
  EXPECT_EQ(v.findings[0].clause, "1");
  EXPECT_EQ(v.findings[1].clause, "1(1), 1(3)");
  EXPECT_EQ(v.findings[1].expected, "来源：西江日报");
}

TEST_F(XijiangPackTest, WithoutOriginalsOnlyPageRulesRun) {
  Fields page = test::good_reprint();
  Verdict v = run(page, nullptr, false);
  EXPECT_EQ(v.status, "unchecked");
  EXPECT_EQ(v.reason,
            "no original given: author-credit, media-credit, original-title, upstream-source, "
            "name-misuse not checked; no host (a local file without --base-url): "
            "unauthorized-reprint not checked");
}

TEST_F(XijiangPackTest, UnrelatedPageCreditingThePaper) {
  Fields page;
  page.title = "另一条新闻";
  page.source_lines = {"来源：西江日报"};
  page.sources = {"西江日报"};
  page.text = "市里的第三座体育馆昨日动工。";
  // Matching none of the originals given is no evidence of misuse.
  Verdict v = run(page, nullptr, true);
  EXPECT_EQ(v.status, "unchecked");
  EXPECT_TRUE(v.findings.empty());

  page.text = "中新网广州5月1日电 市里的第三座体育馆昨日动工。";
  v = run(page, nullptr, true);
  EXPECT_EQ(v.status, "violation");
  ASSERT_EQ(v.findings.size(), 1u);
  EXPECT_EQ(v.findings[0].rule, "name-misuse");
  EXPECT_EQ(v.findings[0].severity, "error");
  EXPECT_EQ(v.findings[0].evidence, "中新网广州5月1日电");

  page.source_lines = {"来源：新华社"};
  page.sources = {"新华社"};
  v = run(page, nullptr, true);
  EXPECT_EQ(v.status, "unchecked");
  EXPECT_TRUE(v.findings.empty());
}

TEST_F(XijiangPackTest, DescribeRuleIsYamlWithEveryField) {
  const Rule* rule = find_rule(pack, "source-credit");
  ASSERT_NE(rule, nullptr);
  EXPECT_EQ(find_rule(pack, "no-such-rule"), nullptr);
  YAML::Node d = YAML::Load(describe_rule(*rule));
  EXPECT_EQ(d["id"].as<std::string>(), "source-credit");
  EXPECT_EQ(d["kind"].as<std::string>(), "source-credit");
  EXPECT_FALSE(d["checks"].as<std::string>().empty());
  EXPECT_EQ(d["clause"].as<std::string>(), "1(1), 1(3)");
  EXPECT_EQ(d["severity"].as<std::string>(), "error");
  EXPECT_EQ(d["needs"].as<std::string>(), "page");
  EXPECT_EQ(d["quote"].as<std::string>(), rule->info().quote);
  EXPECT_EQ(d["message"].as<std::string>(), "转载须注明来源“来源：西江日报”");
  EXPECT_EQ(d["params"]["accept"][0].as<std::string>(), "<?西江日报社?>?");
  EXPECT_EQ(d["params"]["expected"].as<std::string>(), "来源：西江日报");
  EXPECT_FALSE(YAML::Load(describe_rule(*find_rule(pack, "media-credit")))["params"]);
}

}  // namespace
}  // namespace credcheck
