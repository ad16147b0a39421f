#include "checker/rules/registry.h"

namespace credcheck {

// The built-in kinds, one per file of this folder. Calling each registration function
// is what makes the linker keep that file (see registry.h).
#define CREDCHECK_BUILTIN_RULES(X) \
  X(source_credit)                 \
  X(author_credit)                 \
  X(media_credit)                  \
  X(original_title)                \
  X(upstream_source)               \
  X(licensed_host)                 \
  X(name_misuse)                   \
  X(original_link)                 \
  X(text_unchanged)                \
  X(licence_notice)                \
  X(element_kept)                  \
  X(dateline_kept)                 \
  X(mirror_copy)

#define CREDCHECK_DECLARE(symbol) void register_rule_##symbol(RuleKinds* kinds);
CREDCHECK_BUILTIN_RULES(CREDCHECK_DECLARE)
#undef CREDCHECK_DECLARE

const RuleKinds& rule_kinds() {
  static const RuleKinds kinds = [] {
    RuleKinds k;
#define CREDCHECK_CALL(symbol) register_rule_##symbol(&k);
    CREDCHECK_BUILTIN_RULES(CREDCHECK_CALL)
#undef CREDCHECK_CALL
    return k;
  }();
  return kinds;
}

const RuleKind* find_rule_kind(const std::string& name) {
  const RuleKinds& kinds = rule_kinds();
  auto it = kinds.find(name);
  return it == kinds.end() ? nullptr : &it->second;
}

std::string rule_kind_names() {
  std::string out;
  for (const auto& [name, kind] : rule_kinds()) {
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

std::string param_error(const YAML::Node& node, const std::string& message) {
  YAML::Mark mark = node.IsDefined() ? node.Mark() : YAML::Mark::null_mark();
  int line = mark.is_null() ? 1 : mark.line + 1;
  int col = mark.is_null() ? 1 : mark.column + 1;
  return std::to_string(line) + ":" + std::to_string(col) + ": " + message;
}

}  // namespace credcheck
