#include "checker/text/units.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace credcheck {
namespace {

// The number at the start of `text` (std::from_chars: decimal, exponent, nan, inf; a
// leading '+' is allowed as people write it) and what follows it.
bool leading_number(std::string_view text, double* value, std::string_view* unit) {
  if (text.starts_with('+') && !text.starts_with("+-")) text.remove_prefix(1);
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, *value);
  if (ptr == text.data()) return false;
  if (ec == std::errc::result_out_of_range) {  // "1e999": past any bound, still a number
    *value = text.starts_with('-') ? -HUGE_VAL : HUGE_VAL;
  }
  *unit = std::string_view(ptr, static_cast<size_t>(end - ptr));
  return true;
}

bool same_letters(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char c = a[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != b[i]) return false;
  }
  return true;
}

std::string with_unit(double value, const char* unit) {
  char buf[64];
  if (value == std::floor(value) && std::fabs(value) < 1e15)
    std::snprintf(buf, sizeof buf, "%.0f %s", value, unit);
  else
    std::snprintf(buf, sizeof buf, "%.1f %s", value, unit);
  return buf;
}

}  // namespace

bool parse_bytes(std::string_view text, double* out) {
  double value = 0;
  std::string_view unit;
  if (!leading_number(text, &value, &unit)) return false;
  double scale = 1;
  if (!unit.empty()) {
    static constexpr struct {
      const char* letter;
      const char* binary;
      double scale;
    } kUnits[] = {{"k", "kib", 1024.0}, {"m", "mib", 1024.0 * 1024}, {"g", "gib", 1024.0 * 1024 * 1024}};
    bool known = false;
    for (const auto& u : kUnits) {
      if (same_letters(unit, u.letter) || same_letters(unit, u.binary)) {
        scale = u.scale;
        known = true;
      }
    }
    if (!known) return false;
  }
  *out = value * scale;
  return true;
}

bool parse_seconds(std::string_view text, double* out) {
  double value = 0;
  std::string_view unit;
  if (!leading_number(text, &value, &unit)) return false;
  double scale;
  if (unit.empty() || unit == "s") scale = 1;
  else if (unit == "ms") scale = 0.001;
  else if (unit == "m" || unit == "min") scale = 60;
  else if (unit == "h") scale = 3600;
  else return false;
  *out = value * scale;
  return true;
}

std::string format_bytes(uint64_t bytes) {
  static constexpr const char* kUnits[] = {"KiB", "MiB", "GiB", "TiB"};
  if (bytes < 1024) return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
  double value = static_cast<double>(bytes);
  size_t unit = 0;
  value /= 1024;
  while (value >= 1024 && unit + 1 < std::size(kUnits)) {
    value /= 1024;
    ++unit;
  }
  return with_unit(value, kUnits[unit]);
}

std::string format_seconds(double seconds) {
  if (!std::isfinite(seconds)) return std::isnan(seconds) ? "nan" : "inf";
  double a = std::fabs(seconds);
  if (a >= 3600) return with_unit(seconds / 3600, "h");
  if (a >= 60) return with_unit(seconds / 60, "min");
  if (a >= 1 || a == 0) return with_unit(seconds, "s");
  return with_unit(seconds * 1000, "ms");
}

}  // namespace credcheck
