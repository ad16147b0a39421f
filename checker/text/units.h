// Sizes and durations as people write them ("1M", "512K", "500ms", "2m"), read and
// printed one way everywhere: option values, budgets in messages.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace credcheck {

// Reads a byte count: a number with an optional binary (1024-based) unit: K, M, G, or
// KiB, MiB, GiB (the letter in either case), e.g. "16777216", "512K", "1.5M", "1GiB".
// "KB"/"MB" are refused: they are read as 1000-based as often as not. Returns false
// when the text is not of that form. nan, inf, negative, zero and fractional values are
// read (as doubles) so the caller can say which bound they break.
bool parse_bytes(std::string_view text, double* out);

// Reads a duration in seconds: a number with an optional unit ms, s, m (minutes) or h,
// e.g. "30", "3s", "500ms", "2m", "1.5h". Returns false when the text is not of that
// form. nan, inf, negative and zero values are read (as doubles) so the caller can say
// which bound they break.
bool parse_seconds(std::string_view text, double* out);

// "4 MiB", "512 KiB", "1.5 MiB", "900 bytes": the largest binary unit the value reaches,
// with one decimal when it is not a whole number of them.
std::string format_bytes(uint64_t bytes);

// "30 s", "500 ms", "2 min", "1.5 h": the largest unit the value reaches.
std::string format_seconds(double seconds);

}  // namespace credcheck
