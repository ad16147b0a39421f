// upstream-source (clause 2): an original that is itself a reprint keeps its source.
#include <memory>

#include "checker/rules/credit.h"
#include "checker/rules/registry.h"
#include "checker/text/normalize.h"

namespace credcheck {
namespace {

class UpstreamSourceRule : public Rule {
 public:
  using Rule::Rule;

  Needs needs() const override { return Needs::original; }

  void check(const CheckContext& ctx, std::vector<Finding>* out) const override {
    for (const std::string& outlet : upstream_outlets(ctx.publisher, *ctx.original)) {
      std::string want = compact(outlet);
      bool kept = false;
      for (const std::string& source : ctx.page.sources)
        if ((kept = compact(source).find(want) != std::string::npos)) break;
      if (kept) continue;
      Finding f = finding("source " + outlet + " not kept", "未保留稿件来源" + outlet);
      f.evidence = join_lines(ctx.page.source_lines);
      f.expected = "来源：" + outlet;
      f.location = "source_lines";
      out->push_back(std::move(f));
    }
  }
};

std::unique_ptr<Rule> make_upstream_source(RuleInfo info, const YAML::Node&, std::string*) {
  return std::make_unique<UpstreamSourceRule>(std::move(info));
}

}  // namespace

CREDCHECK_REGISTER_RULE(upstream_source, "upstream-source",
                        "when the original is itself a reprint, the page keeps the original's "
                        "source",
                        make_upstream_source)

}  // namespace credcheck
