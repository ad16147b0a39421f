// name-misuse (end of clause 2): a page credits the publisher but copies none of its
// originals, i.e. the publisher's name is used for what it did not publish.
#include <memory>

#include "checker/rules/credit.h"
#include "checker/rules/registry.h"

namespace credcheck {
namespace {

class NameMisuseRule : public Rule {
 public:
  using Rule::Rule;

  Needs needs() const override { return Needs::no_match; }

  void check(const CheckContext& ctx, std::vector<Finding>* out) const override {
    // Lines as printed first: they make the better evidence.
    for (auto [field, name] : {std::pair{&ctx.page.source_lines, "source_lines"},
                               std::pair{&ctx.page.bylines, "bylines"},
                               std::pair{&ctx.page.sources, "sources"}}) {
      for (size_t i = 0; i < field->size(); ++i) {
        if (!names_publisher(ctx.publisher, (*field)[i])) continue;
        Finding f = finding("credits " + ctx.publisher.name +
                            " but matches none of its articles");
        f.evidence = (*field)[i];
        f.expected = "no credit to " + ctx.publisher.name + " on an item it did not publish";
        f.location = std::string(name) + "[" + std::to_string(i) + "]";
        out->push_back(std::move(f));
        return;
      }
    }
  }
};

std::unique_ptr<Rule> make_name_misuse(RuleInfo info, const YAML::Node&, std::string*) {
  return std::make_unique<NameMisuseRule>(std::move(info));
}

}  // namespace

CREDCHECK_REGISTER_RULE(name_misuse, "name-misuse",
                        "a page that credits the publisher matches one of its originals",
                        make_name_misuse)

}  // namespace credcheck
