// The timestamp a Document records. Private to checker/fetch.
#pragma once

#include <string>

namespace credcheck {

// The current time, UTC, ISO 8601 to the second: "2026-11-27T04:28:50Z".
std::string utc_now_iso8601();

}  // namespace credcheck
