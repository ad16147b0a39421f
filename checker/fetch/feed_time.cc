#include "checker/fetch/feed_time.h"

#include <re2/re2.h>

#include <string>

#include "checker/text/utf8.h"

namespace credcheck {
namespace {

// Days from 1970-01-01 to a civil date (Howard Hinnant's days_from_civil).
int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

std::optional<int64_t> civil(int y, int mo, int d, int h, int mi, int s, int offset_s) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1 || y > 9999 || mo < 1 || mo > 12 || d < 1) return std::nullopt;
  if (d > kDays[mo - 1] + (mo == 2 && leap(y))) return std::nullopt;
  if (h > 24 || mi > 59 || s > 60 || (h == 24 && (mi || s))) return std::nullopt;
  return days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) * 86400 +
         h * 3600 + mi * 60 + s - offset_s;
}

// "+08:00", "+0800", "Z", "" -> seconds east of UTC.
bool numeric_zone(const std::string& z, int* offset) {
  if (z.empty() || z == "Z" || z == "z") {
    *offset = 0;
    return true;
  }
  std::string digits;
  for (char c : z.substr(1))
    if (c != ':') digits += c;
  if (digits.size() != 4) return false;
  int hh = std::stoi(digits.substr(0, 2)), mm = std::stoi(digits.substr(2));
  if (hh > 14 || mm > 59) return false;
  *offset = (z[0] == '-' ? -1 : 1) * (hh * 3600 + mm * 60);
  return true;
}

std::optional<int64_t> parse_w3c(std::string_view text, bool date_time_only) {
  static const RE2 w3c(
      R"(\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2})(?:[Tt ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?\s*([Zz]|[+-]\d{2}:?\d{2})?)?)?)?\s*)");
  std::string y, mo, d, h, mi, s, z;
  if (!RE2::FullMatch(text, w3c, &y, &mo, &d, &h, &mi, &s, &z)) return std::nullopt;
  if (date_time_only && d.empty()) return std::nullopt;  // --since 2026 is more likely a slip
  int offset = 0;
  if (!numeric_zone(z, &offset)) return std::nullopt;
  auto num = [](const std::string& v, int dflt) { return v.empty() ? dflt : std::stoi(v); };
  return civil(std::stoi(y), num(mo, 1), num(d, 1), num(h, 0), num(mi, 0), num(s, 0), offset);
}

std::optional<int64_t> parse_rfc822(std::string_view text) {
  static const RE2 rfc822(
      R"(\s*(?:[A-Za-z]{3,9},?\s*)?(\d{1,2})\s+([A-Za-z]{3})[A-Za-z]*\.?\s+(\d{2}|\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([A-Za-z]{1,5}|[+-]\d{4})?\s*)");
  std::string d, mon, y, h, mi, s, z;
  if (!RE2::FullMatch(text, rfc822, &d, &mon, &y, &h, &mi, &s, &z)) return std::nullopt;
  static const char* kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                  "jul", "aug", "sep", "oct", "nov", "dec"};
  std::string m3 = utf8::ascii_lower(mon);
  int month = 0;
  for (int i = 0; i < 12; ++i)
    if (m3 == kMonths[i]) month = i + 1;
  if (month == 0) return std::nullopt;
  int year = std::stoi(y);
  if (y.size() == 2) year += year < 50 ? 2000 : 1900;  // RFC 2822 4.3
  // RFC 822's named zones; any other name (military letters, "CST" meant as China's) is
  // read as UTC: a few hours either way, which --since at day precision tolerates.
  int offset = 0;
  std::string zone = utf8::ascii_lower(z);
  static const struct { const char* name; int hours; } kZones[] = {
      {"est", -5}, {"edt", -4}, {"cst", -6}, {"cdt", -5}, {"mst", -7}, {"mdt", -6},
      {"pst", -8}, {"pdt", -7}};
  if (!zone.empty() && (zone[0] == '+' || zone[0] == '-')) {
    if (!numeric_zone(zone, &offset)) return std::nullopt;
  } else {
    for (const auto& k : kZones)
      if (zone == k.name) offset = k.hours * 3600;
  }
  return civil(year, month, std::stoi(d), std::stoi(h), std::stoi(mi), s.empty() ? 0 : std::stoi(s),
               offset);
}

}  // namespace

std::optional<int64_t> parse_feed_time(std::string_view text) {
  if (text.size() > 64) return std::nullopt;
  if (auto t = parse_w3c(text, false)) return t;
  return parse_rfc822(text);
}

std::optional<int64_t> parse_since(std::string_view text) {
  if (text.size() > 64) return std::nullopt;
  return parse_w3c(text, true);
}

}  // namespace credcheck
