// Rule kinds by name, as clang-tidy registers checks: each kind's file registers itself
// with CREDCHECK_REGISTER_RULE, and a pack names the kind.
//
// Why no static-initialiser registration: the kinds live in the static library cc_rules,
// and a linker copies an object file out of a .a only when something references one of
// its symbols. A kind file that only holds a static registrar object is referenced by
// nobody, so it (and its registration) would silently vanish from the binary. Instead,
// CREDCHECK_REGISTER_RULE defines a function `register_rule_<symbol>()`, and
// registry.cc calls every one of them from its list of built-in kinds the first time
// rule_kinds() is used. That call is the reference that links each kind in; the order is
// fixed; nothing runs before main(). Adding a kind: a new file using the macro, plus one
// line in CREDCHECK_BUILTIN_RULES in registry.cc (a forgotten line fails loudly: the
// pack names an unknown kind; a listed kind without a file fails to link).
#pragma once

#include <yaml-cpp/yaml.h>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "checker/rules/rule.h"

namespace credcheck {

// Builds a rule from its pack entry. `params` is the rule's whole YAML map (the common
// keys too); a bad or missing parameter returns null with *err set to "line:col: what
// was expected" relative to the pack file (use param_error() or params.h for it). The
// pack loader has already refused keys the kind does not declare.
using RuleFactory = std::function<std::unique_ptr<Rule>(
    RuleInfo info, const YAML::Node& params, std::string* err)>;

struct RuleKind {
  std::string description;          // one line, for `rules list`
  std::vector<std::string> params;  // the parameter keys the kind reads
  RuleFactory make;
};

using RuleKinds = std::map<std::string, RuleKind>;

// Every built-in kind, by name. Built once, on first call (thread-safe).
const RuleKinds& rule_kinds();

// The kind called `name`, or null.
const RuleKind* find_rule_kind(const std::string& name);

// "author-credit, licensed-host, …": every kind name, for error messages.
std::string rule_kind_names();

// "line:col: message" for a YAML node (1-based, as editors count; 1:1 for a node
// without a position).
std::string param_error(const YAML::Node& node, const std::string& message);

}  // namespace credcheck

// Use inside `namespace credcheck` (not an anonymous one), once per kind file:
//   CREDCHECK_REGISTER_RULE(source_credit, "source-credit", "one-line description",
//                           make_source_credit, "accept", "expected")
// `symbol` names the registration function listed in registry.cc; the trailing
// arguments are the parameter keys the kind reads (none is fine).
#define CREDCHECK_REGISTER_RULE(symbol, name, description, factory, ...) \
  void register_rule_##symbol(::credcheck::RuleKinds* kinds);           \
  void register_rule_##symbol(::credcheck::RuleKinds* kinds) {          \
    (*kinds)[name] = ::credcheck::RuleKind{description, {__VA_ARGS__}, factory}; \
  }
