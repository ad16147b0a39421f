// author-credit (clause 1(1)): every author of the original is credited with the
// publisher's affiliation ("西江日报记者 梁晓敏").
#include <memory>

#include "checker/rules/credit.h"
#include "checker/rules/params.h"
#include "checker/rules/registry.h"
#include "checker/text/normalize.h"

namespace credcheck {
namespace {

// A page line that may credit authors: a byline or a source line.
struct CreditLine {
  std::string location;  // "bylines[0]"
  const std::string* text;
  std::string names;     // compact() form, for name containment
  bool affiliated;       // the affiliation pattern matches it
};

class AuthorCreditRule : public Rule {
 public:
  AuthorCreditRule(RuleInfo info, PatternList affiliation, std::string label)
      : Rule(std::move(info)), affiliation_(std::move(affiliation)), label_(std::move(label)) {}

  Needs needs() const override { return Needs::original; }

  void check(const CheckContext& ctx, std::vector<Finding>* out) const override {
    const Fields& original = *ctx.original;
    // Clause 2: a reprint's authors are not the publisher's reporters.
    if (!upstream_outlets(ctx.publisher, original).empty()) return;
    std::string label = label_.empty() ? ctx.publisher.name + "记者" : label_;
    std::string expected = label;
    for (const std::string& author : original.authors) expected += " " + clean_space(author);
    std::vector<CreditLine> lines = credit_lines(ctx.page);
    for (const std::string& author : original.authors) {
      std::string name = compact(author);
      if (name.empty()) continue;
      const CreditLine* unaffiliated = nullptr;
      bool credited = false;
      for (const CreditLine& line : lines) {
        if (line.names.find(name) == std::string::npos) continue;
        if (line.affiliated) {
          credited = true;
          break;
        }
        if (!unaffiliated) unaffiliated = &line;
      }
      if (credited) continue;
      std::string who = clean_space(author);
      Finding f = unaffiliated ? finding("author " + who + " credited without " + label,
                                         "作者" + who + "署名未注明" + label)
                               : finding("author " + who + " not credited", "未署作者" + who);
      f.evidence = unaffiliated ? *unaffiliated->text : join_lines(ctx.page.bylines);
      f.expected = expected;
      f.location = unaffiliated ? unaffiliated->location : "bylines";
      out->push_back(std::move(f));
    }
  }

 private:
  // Bylines first, then source lines (pages write "来源：西江日报 作者：西江日报记者 梁晓敏").
  std::vector<CreditLine> credit_lines(const Fields& page) const {
    std::vector<CreditLine> lines;
    auto add = [&](const std::vector<std::string>& field, const char* name) {
      for (size_t i = 0; i < field.size(); ++i)
        lines.push_back({std::string(name) + "[" + std::to_string(i) + "]", &field[i],
                         compact(field[i]), affiliation_.matches(normalize(field[i]))});
    };
    add(page.bylines, "bylines");
    add(page.source_lines, "source_lines");
    return lines;
  }

  PatternList affiliation_;  // found anywhere in a normalize()d line
  std::string label_;        // the affiliation as the notice writes it; "" = name + 记者
};

std::unique_ptr<Rule> make_author_credit(RuleInfo info, const YAML::Node& params,
                                         std::string* err) {
  PatternList affiliation;
  std::string label;
  if (!affiliation.read(params, "affiliation", RE2::UNANCHORED, err) ||
      !read_string(params, "affiliation_label", false, &label, err))
    return nullptr;
  return std::make_unique<AuthorCreditRule>(std::move(info), std::move(affiliation),
                                            std::move(label));
}

}  // namespace

CREDCHECK_REGISTER_RULE(author_credit, "author-credit",
                        "every author of the original is credited with the `affiliation`",
                        make_author_credit, "affiliation", "affiliation_label")

}  // namespace credcheck
