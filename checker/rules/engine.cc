#include "checker/rules/engine.h"

#include <yaml-cpp/yaml.h>

#include "checker/rules/credit.h"
#include "checker/rules/locate.h"
#include "checker/rules/registry.h"

namespace credcheck {
namespace {

std::string join_ids(const std::vector<std::string>& ids) {
  return join_lines(ids, ", ");
}

std::string percent(double similarity) {
  return std::to_string(static_cast<int>(similarity * 100)) + "%";
}

// Why rules were left out, or "" when every rule that applies ran. Each cause names
// its rules, so the reader knows what to supply (originals, --base-url).
std::string not_checked_reason(const CheckContext& ctx, const std::vector<std::string>& ran,
                               const std::vector<std::string>& no_original,
                               const std::vector<std::string>& no_host, bool no_match) {
  if (no_match) {
    // The originals given are rarely the whole archive: no match is no verdict.
    std::string s = "matches none of the " +
                    (ctx.originals_count ? std::to_string(ctx.originals_count) + " " : "") +
                    "originals given";
    if (!ctx.closest.empty())
      s += " (closest " + ctx.closest + ", similarity " + percent(ctx.closest_similarity) + ")";
    return s + "; " +
           (ran.empty() ? std::string("no rule applies") : "only " + join_ids(ran) + " checked");
  }
  std::vector<std::string> parts;
  if (!no_original.empty())
    parts.push_back("no original given: " + join_ids(no_original) + " not checked");
  if (!no_host.empty())
    parts.push_back("no host (a local file without --base-url): " + join_ids(no_host) +
                    " not checked");
  return join_lines(parts, "; ");
}

}  // namespace

Verdict run_pack(const Pack& pack, const CheckContext& ctx) {
  Verdict v;
  if (!ctx.host.empty() && host_listed(pack.publisher.hosts, ctx.host)) {
    v.status = "compliant";
    v.reason = "page is on the publisher's own host " + normalize_host(ctx.host);
    return v;
  }
  const bool matched = ctx.original != nullptr;
  const bool no_match = !matched && ctx.originals_given;
  const bool has_host = !normalize_host(ctx.host).empty();
  std::vector<std::string> ran, violated, no_original, no_host;
  for (const auto& rule : pack.rules) {
    Rule::Needs needs = rule->needs();
    bool runs = needs == Rule::Needs::page       ? !no_match
                : needs == Rule::Needs::host     ? !no_match && has_host
                : needs == Rule::Needs::original ? matched
                                                 : no_match;
    const std::string& id = rule->info().id;
    if (!runs) {
      // After a match, "no original matched" is simply false: nothing left unchecked.
      if (matched && needs == Rule::Needs::no_match) continue;
      v.not_checked.push_back(id);
      (needs == Rule::Needs::host && !no_match ? no_host : no_original).push_back(id);
      continue;
    }
    ran.push_back(id);
    size_t before = v.findings.size();
    rule->check(ctx, &v.findings);
    if (v.findings.size() > before) violated.push_back(id);
    for (size_t i = before; i < v.findings.size(); ++i) locate_finding(ctx.page, &v.findings[i]);
  }
  std::string why = not_checked_reason(ctx, ran, no_original, no_host, no_match);
  if (!violated.empty()) {
    v.status = "violation";
    v.reason = "violates " + join_ids(violated) + (why.empty() ? "" : "; " + why);
  } else if (!v.not_checked.empty()) {
    v.status = "unchecked";
    v.reason = why;
  } else {
    v.status = "compliant";
    v.reason = "complies with " +
               (ran.size() == 1 ? ran[0] : "all " + std::to_string(ran.size()) + " rules");
  }
  return v;
}

const Rule* find_rule(const Pack& pack, std::string_view id) {
  for (const auto& rule : pack.rules)
    if (rule->info().id == id) return rule.get();
  return nullptr;
}

std::string describe_rule(const Rule& rule) {
  const RuleInfo& info = rule.info();
  YAML::Emitter out;
  out << YAML::BeginMap;
  out << YAML::Key << "id" << YAML::Value << info.id;
  out << YAML::Key << "kind" << YAML::Value << info.kind;
  if (const RuleKind* kind = find_rule_kind(info.kind))
    out << YAML::Key << "checks" << YAML::Value << kind->description;
  out << YAML::Key << "clause" << YAML::Value << info.clause;
  out << YAML::Key << "severity" << YAML::Value << severity_name(info.severity);
  out << YAML::Key << "needs" << YAML::Value << Rule::needs_name(rule.needs());
  out << YAML::Key << "quote" << YAML::Value << info.quote;
  out << YAML::Key << "message" << YAML::Value << info.message;
  if (!info.params.empty()) {
    YAML::Node params;
    try {
      params = YAML::Load(info.params);
    } catch (const YAML::Exception&) {
      params = YAML::Node(info.params);  // as text, never lost
    }
    out << YAML::Key << "params" << YAML::Value << params;
  }
  out << YAML::EndMap;
  return std::string(out.c_str()) + "\n";
}

}  // namespace credcheck
