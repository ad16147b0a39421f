// Rule kinds by name, as clang-tidy registers checks: each kind's file registers itself
// with CREDCHECK_REGISTER_RULE, and a pack names the kind.
#pragma once

#include <yaml-cpp/yaml.h>

#include <functional>
#include <map>
#include <memory>
#include <string>

#include "checker/rules/rule.h"

namespace credcheck {

// Builds a rule from its pack entry. `params` is the rule's YAML map; a bad or missing
// parameter returns null with *err set to "line:col: what was expected" relative to
// the pack file (use param_error() for the format).
using RuleFactory = std::function<std::unique_ptr<Rule>(
    RuleInfo info, const YAML::Node& params, std::string* err)>;

struct RuleKind {
  std::string description;  // one line, for `rules list`
  RuleFactory make;
};

// Every registered kind, by name.
std::map<std::string, RuleKind>& rule_kinds();

struct RuleRegistrar {
  RuleRegistrar(const char* name, const char* description, RuleFactory make);
};

// "line:col: message" for a YAML node (1-based, as editors count).
std::string param_error(const YAML::Node& node, const std::string& message);

}  // namespace credcheck

#define CREDCHECK_REGISTER_RULE(name, description, factory) \
  static ::credcheck::RuleRegistrar credcheck_rule_registrar_##factory(name, description, factory)
