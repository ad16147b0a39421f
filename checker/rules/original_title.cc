// original-title (clause 1(2)): a page that changes the headline names the original's.
#include <re2/re2.h>

#include <memory>

#include "checker/rules/registry.h"
#include "checker/text/normalize.h"

namespace credcheck {
namespace {

// title_key() of a named original title, without a "原标题"/"本文原标题"/"原题" label
// extraction may have kept.
std::string named_title_key(std::string_view title) {
  static const RE2 label("^(?:本文)?原(?:文)?标?题");
  std::string t = title_key(title);
  RE2::Replace(&t, label, "");
  return t;
}

class OriginalTitleRule : public Rule {
 public:
  using Rule::Rule;

  Needs needs() const override { return Needs::original; }

  void check(const CheckContext& ctx, std::vector<Finding>* out) const override {
    // Through title_key(): a site's suffix or label, widths, punctuation and script are
    // not a change of headline; a changed wording is.
    std::string original = title_key(ctx.original->title);
    std::string page = title_key(ctx.page.title);
    // Without both headlines there is no change to judge.
    if (original.empty() || page.empty()) return;
    if (page == original) return;
    const std::optional<std::string>& named = ctx.page.original_title;
    if (named && named_title_key(*named) == original) return;
    Finding f = named ? finding("原标题 differs from the original headline", "所注原标题与原稿标题不符")
                      : finding("headline changed without 原标题", "修改了标题但未注明原标题");
    f.evidence = named ? *named : ctx.page.title;
    f.expected = "原标题：" + clean_space(ctx.original->title);
    f.location = named ? "original_title" : "title";
    out->push_back(std::move(f));
  }
};

std::unique_ptr<Rule> make_original_title(RuleInfo info, const YAML::Node&, std::string*) {
  return std::make_unique<OriginalTitleRule>(std::move(info));
}

}  // namespace

CREDCHECK_REGISTER_RULE(original_title, "original-title",
                        "a page whose headline differs from the original's names it as 原标题",
                        make_original_title)

}  // namespace credcheck
