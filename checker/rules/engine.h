// Runs a pack over one candidate and decides its status.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "checker/rules/pack.h"

namespace credcheck {

struct Verdict {
  std::string status;  // compliant | violation | unchecked
  std::string reason;  // why, in a sentence; names the rules that could not be checked
  std::vector<Finding> findings;
  std::vector<std::string> not_checked;  // rule ids that could not be checked
};

// Runs every rule whose needs the context meets, in pack order:
// - ctx.host is one of publisher.hosts: the page is the publisher's own; no rule runs,
//   compliant ("page is on the publisher's own host www.xjrb.com").
// - an original matched (ctx.original): page and original rules run; no_match rules do
//   not apply.
// - no originals given: page rules run; original and no_match rules are not_checked.
// - originals given, none matched: the page copies none of the originals given (which
//   are rarely the publisher's whole archive), so only no_match rules run (name-misuse,
//   which fires only on evidence); every other rule is not_checked, and the reason names
//   how many originals were given and the closest one.
// - host rules (licensed-host) run like page rules, but only when ctx.host is known; a
//   local file without --base-url has none, so they are not_checked.
// A rule that cannot run is listed in not_checked, never passed silently. Status:
// violation if any finding (whatever its severity); else unchecked if any rule was
// not checked; else compliant.
Verdict run_pack(const Pack& pack, const CheckContext& ctx);

// The rule with this id, or null.
const Rule* find_rule(const Pack& pack, std::string_view id);

// A rule described for `credcheck rules explain ID`, as YAML text: id, kind (and the
// kind's description), clause, severity, needs, quote, message, params.
std::string describe_rule(const Rule& rule);

}  // namespace credcheck
