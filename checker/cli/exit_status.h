#pragma once

namespace credcheck {

// The contract's exit codes.
enum ExitStatus : int {
  kExitOk = 0,        // every input checked, nothing at or above --fail-on
  kExitFindings = 1,  // findings at or above --fail-on, or inputs that could not be checked
  kExitUsage = 2,     // usage, configuration or rule-pack error: nothing was scanned
};

}  // namespace credcheck
