// licence-notice: the page states the licence the work is used under, by name (`name`,
// found in the article's text or a link's text) and by link (`link`, found in an href).
#include <algorithm>
#include <memory>

#include "checker/rules/credit.h"
#include "checker/rules/params.h"
#include "checker/rules/registry.h"
#include "checker/text/normalize.h"

namespace credcheck {
namespace {

class LicenceNoticeRule : public Rule {
 public:
  LicenceNoticeRule(RuleInfo info, PatternList name, PatternList link, std::string expected)
      : Rule(std::move(info)), name_(std::move(name)), link_(std::move(link)),
        expected_(std::move(expected)) {}

  Needs needs() const override { return Needs::page; }

  void check(const CheckContext& ctx, std::vector<Finding>* out) const override {
    bool named = false, linked = false;
    std::string quoted;  // the line naming it, as printed
    for (size_t at = 0; !named && at < ctx.page.text.size();) {
      size_t end = std::min(ctx.page.text.find('\n', at), ctx.page.text.size());
      std::string_view line(ctx.page.text.data() + at, end - at);
      if (name_.matches(normalize(line))) {
        named = true;
        quoted = line;
      }
      at = end + 1;
    }
    for (const Link& l : ctx.page.links) {
      if (!named && name_.matches(normalize(l.text))) {
        named = true;
        quoted = l.text;
      }
      if (!linked && link_.matches(l.href)) linked = true;
    }
    if (named && linked) return;
    Finding f = !named && !linked ? finding("no licence named or linked", "未注明许可协议，也未链接")
                : !named          ? finding("the licence is linked but not named", "链接了许可协议，但未注明其名称")
                                  : finding("the licence is named but not linked", "注明了许可协议，但未链接");
    f.evidence = quoted;
    f.expected = expected_;
    f.location = "text, links";
    out->push_back(std::move(f));
  }

 private:
  PatternList name_, link_;
  std::string expected_;
};

std::unique_ptr<Rule> make_licence_notice(RuleInfo info, const YAML::Node& params,
                                          std::string* err) {
  PatternList name, link;
  std::string expected;
  if (!name.read(params, "name", RE2::UNANCHORED, err) ||
      !link.read(params, "link", RE2::UNANCHORED, err) ||
      !read_string(params, "expected", true, &expected, err))
    return nullptr;
  return std::make_unique<LicenceNoticeRule>(std::move(info), std::move(name), std::move(link),
                                             std::move(expected));
}

}  // namespace

CREDCHECK_REGISTER_RULE(licence_notice, "licence-notice",
                        "the page names its licence (`name`, in its text) and links to it "
                        "(`link`, an href)",
                        make_licence_notice, "name", "link", "expected")

}  // namespace credcheck
