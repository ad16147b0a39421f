// element-kept: an element the publisher asks to keep (a tracking pixel, a page-view
// counter) is on the page. When the matched original carries elements whose src
// matches `src`, the page must carry the same srcs; otherwise (or with no original) it
// must carry at least one element whose src matches.
#include <memory>

#include "checker/rules/credit.h"
#include "checker/rules/params.h"
#include "checker/rules/registry.h"
#include "checker/rules/urls.h"

namespace credcheck {
namespace {

bool same_src(const std::string& a, const std::string& b) {
  std::string ka = url_key(a), kb = url_key(b);
  return ka.empty() || kb.empty() ? a == b : ka == kb;
}

class ElementKeptRule : public Rule {
 public:
  ElementKeptRule(RuleInfo info, PatternList src, std::string expected)
      : Rule(std::move(info)), src_(std::move(src)), expected_(std::move(expected)) {}

  Needs needs() const override { return Needs::page; }

  void check(const CheckContext& ctx, std::vector<Finding>* out) const override {
    std::vector<std::string> wanted;
    if (ctx.original)
      for (const std::string& s : ctx.original->element_srcs)
        if (src_.matches(s)) wanted.push_back(s);
    std::vector<std::string> present;
    for (const std::string& s : ctx.page.element_srcs)
      if (src_.matches(s)) present.push_back(s);
    if (wanted.empty()) {
      if (!present.empty()) return;
      report(out, say("no such element on the page", "页面上没有这个元素"), "", expected_);
      return;
    }
    for (const std::string& w : wanted) {
      bool kept = false;
      for (const std::string& p : present) kept = kept || same_src(w, p);
      if (!kept) {
        report(out, say("the original's element is missing", "缺少原文中的元素"), join_lines(present), w);
        return;
      }
    }
  }

 private:
  void report(std::vector<Finding>* out, const std::string& detail, std::string evidence,
              std::string expected) const {
    Finding f = finding(detail);
    f.evidence = std::move(evidence);
    std::string src = expected.empty() ? src_.patterns()[0] : expected;
    f.expected = say("an element with src " + src, "src 为 " + src + " 的元素");
    f.location = "element_srcs";
    out->push_back(std::move(f));
  }

  PatternList src_;
  std::string expected_;
};

std::unique_ptr<Rule> make_element_kept(RuleInfo info, const YAML::Node& params,
                                        std::string* err) {
  PatternList src;
  std::string expected;
  if (!src.read(params, "src", RE2::UNANCHORED, err) ||
      !read_string(params, "expected", false, &expected, err))
    return nullptr;
  return std::make_unique<ElementKeptRule>(std::move(info), std::move(src), std::move(expected));
}

}  // namespace

CREDCHECK_REGISTER_RULE(element_kept, "element-kept",
                        "an element whose src matches `src` (a counter, a pixel) is kept: the "
                        "original's own when it has one",
                        make_element_kept, "src", "expected")

}  // namespace credcheck
