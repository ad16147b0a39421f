// dateline-kept: the original's dateline ("（中央社記者OOO台北31日電）", "新华社北京5月1日电")
// is kept on the page. `pattern` finds it in the original's text; the page must print
// the same dateline (compared after compact(): script, spacing and brackets aside).
#include <memory>

#include "checker/rules/credit.h"
#include "checker/rules/params.h"
#include "checker/rules/registry.h"
#include "checker/text/normalize.h"

namespace credcheck {
namespace {

class DatelineKeptRule : public Rule {
 public:
  DatelineKeptRule(RuleInfo info, PatternList pattern)
      : Rule(std::move(info)), pattern_(std::move(pattern)) {}

  Needs needs() const override { return Needs::original; }

  void check(const CheckContext& ctx, std::vector<Finding>* out) const override {
    std::string orig = normalize(ctx.original->text);
    std::string_view dateline;
    if (!pattern_.find(orig, &dateline)) return;  // the original has none to keep
    std::string want = compact(dateline);
    if (compact(ctx.page.text).find(want) != std::string::npos) return;
    Finding f = finding("the original's dateline is missing or changed", "原文的电头缺失或被改动");
    std::string_view page = ctx.page.text;
    f.evidence = std::string(page.substr(0, page.find('\n')));  // where a dateline stands
    if (f.evidence.size() > 300) f.evidence.clear();
    f.expected = std::string(dateline);
    f.location = "text";
    out->push_back(std::move(f));
  }

 private:
  PatternList pattern_;
};

std::unique_ptr<Rule> make_dateline_kept(RuleInfo info, const YAML::Node& params,
                                         std::string* err) {
  PatternList pattern;
  if (!pattern.read(params, "pattern", RE2::UNANCHORED, err)) return nullptr;
  return std::make_unique<DatelineKeptRule>(std::move(info), std::move(pattern));
}

}  // namespace

CREDCHECK_REGISTER_RULE(dateline_kept, "dateline-kept",
                        "the dateline `pattern` finds in the original is on the page",
                        make_dateline_kept, "pattern")

}  // namespace credcheck
