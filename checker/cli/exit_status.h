#pragma once

namespace credcheck {

// The contract's exit codes. A CI job tells "the pages violate the notice" (1) from "the
// scan did not work" (2: nothing ran; 3: it ran, but not every input was checked).
enum ExitStatus : int {
  kExitOk = 0,          // every input checked, nothing at or above --fail-on
  kExitFindings = 1,    // findings at or above --fail-on (whatever else happened)
  kExitUsage = 2,       // usage, configuration or rule-pack error, or nothing to scan
  kExitIncomplete = 3,  // no finding at or above --fail-on, but some inputs were not checked,
                        // the scan was interrupted, or the report could not be written
};

}  // namespace credcheck
