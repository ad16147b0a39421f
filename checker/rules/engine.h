// Runs a pack over one candidate and decides its status.
#pragma once

#include <string>
#include <vector>

#include "checker/rules/pack.h"

namespace credcheck {

struct Verdict {
  std::string status;  // compliant | violation | unchecked
  std::string reason;  // why, in a sentence; names the rules that could not be checked
  std::vector<Finding> findings;
  std::vector<std::string> not_checked;  // rule ids that could not be checked
};

// Runs every rule whose needs the context meets. A rule that needs the original when
// none matched is listed in not_checked, never passed silently. Status: violation if
// any finding; else unchecked if any rule could not be checked; else compliant.
// When originals were given and the page matches none and does not credit the
// publisher, the page is no reprint of the publisher's: unchecked, with that reason.
Verdict run_pack(const Pack& pack, const CheckContext& ctx);

}  // namespace credcheck
