// source-credit (clauses 1(1), 1(3)): the page states the publisher as its source.
#include <memory>

#include "checker/rules/credit.h"
#include "checker/rules/params.h"
#include "checker/rules/registry.h"
#include "checker/text/normalize.h"

namespace credcheck {
namespace {

class SourceCreditRule : public Rule {
 public:
  SourceCreditRule(RuleInfo info, PatternList accept, std::string expected)
      : Rule(std::move(info)), accept_(std::move(accept)), expected_(std::move(expected)) {}

  Needs needs() const override { return Needs::page; }

  void check(const CheckContext& ctx, std::vector<Finding>* out) const override {
    // Clause 2: the original is itself a reprint; upstream-source checks its source.
    if (ctx.original && !upstream_outlets(ctx.publisher, *ctx.original).empty()) return;
    for (const std::string& source : ctx.page.sources)
      if (accept_.matches(normalize(source))) return;
    // Clause 1(3): another platform named as the source does not stand in for it.
    Finding f = ctx.page.sources.empty()
                    ? finding("no source credited", "未注明来源")
                    : finding("credits " + join_lines(ctx.page.sources, "、") + " instead",
                              "注明的来源为" + join_lines(ctx.page.sources, "、"));
    f.evidence = join_lines(ctx.page.source_lines);
    f.expected = expected_.empty() ? "来源：" + ctx.publisher.name : expected_;
    f.location = "source_lines";
    out->push_back(std::move(f));
  }

 private:
  PatternList accept_;    // full matches over normalize()d source names
  std::string expected_;  // the credit line the notice asks for
};

std::unique_ptr<Rule> make_source_credit(RuleInfo info, const YAML::Node& params,
                                         std::string* err) {
  PatternList accept;
  std::string expected;
  if (!accept.read(params, "accept", RE2::ANCHOR_BOTH, err) ||
      !read_string(params, "expected", false, &expected, err))
    return nullptr;
  return std::make_unique<SourceCreditRule>(std::move(info), std::move(accept),
                                            std::move(expected));
}

}  // namespace

CREDCHECK_REGISTER_RULE(source_credit, "source-credit",
                        "the page's sources include the publisher (a name matching `accept`)",
                        make_source_credit, "accept", "expected")

}  // namespace credcheck
