#include "checker/cli/option_values.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

#include "checker/text/units.h"

namespace credcheck {
namespace {

std::string got(std::string_view text) { return " (got " + std::string(text) + ")"; }

std::string quoted(std::string_view text) { return " (got '" + std::string(text) + "')"; }

// The long name of "-j,--jobs", for messages.
std::string long_name(const std::string& names) {
  size_t comma = names.rfind(',');
  return comma == std::string::npos ? names : names.substr(comma + 1);
}

// A value as one would type it: "30s", "500ms", "16M".
std::string typed_seconds(double s) {
  auto whole = [](double v) { return v == std::floor(v) && v < 1e15; };
  if (s >= 3600 && whole(s / 3600)) return std::to_string(static_cast<long long>(s / 3600)) + "h";
  if (s >= 60 && whole(s / 60)) return std::to_string(static_cast<long long>(s / 60)) + "m";
  if (whole(s)) return std::to_string(static_cast<long long>(s)) + "s";
  if (whole(s * 1000)) return std::to_string(static_cast<long long>(s * 1000)) + "ms";
  return std::to_string(s) + "s";
}

std::string typed_bytes(uint64_t b) {
  for (auto [unit, scale] : {std::pair{"G", uint64_t{1} << 30}, {"M", uint64_t{1} << 20},
                             {"K", uint64_t{1} << 10}})
    if (b >= scale && b % scale == 0) return std::to_string(b / scale) + unit;
  return std::to_string(b);
}

// Runs `check` on the option's one value; a refusal ends the parse (exit 2).
template <typename Check>
CLI::Option* add_checked(CLI::App* cmd, const std::string& names, const std::string& help,
                         Check check) {
  return cmd->add_option_function<std::string>(
      names,
      [check](const std::string& text) {
        std::string message = check(text);
        if (!message.empty()) throw CLI::ValidationError(message);
      },
      help);
}

}  // namespace

std::string check_seconds(std::string_view option, std::string_view text, double max_seconds,
                          double* out) {
  double s = 0;
  if (!parse_seconds(text, &s))
    return std::string(option) + " must be a duration: 30 (seconds), 30s, 500ms, 2m or 1h" +
           quoted(text);
  if (!(s > 0)) return std::string(option) + " must be > 0 seconds" + got(text);  // nan too
  if (s > max_seconds)
    return std::string(option) + " must be at most " + format_seconds(max_seconds) + got(text);
  *out = s;
  return "";
}

std::string check_bytes(std::string_view option, std::string_view text, uint64_t max_bytes,
                        uint64_t* out, uint64_t min_bytes) {
  double b = 0;
  if (!parse_bytes(text, &b))
    return std::string(option) +
           " must be a size: 16777216 (bytes), 512K, 16M or 1G (K, M, G are 1024-based; "
           "KiB, MiB, GiB too)" + quoted(text);
  if (!(b >= 1)) return std::string(option) + " must be at least 1 byte" + got(text);
  if (b < static_cast<double>(min_bytes))
    return std::string(option) + " must be at least " + format_bytes(min_bytes) + got(text);
  if (b > static_cast<double>(max_bytes))
    return std::string(option) + " must be at most " + format_bytes(max_bytes) + got(text);
  if (b != std::floor(b)) return std::string(option) + " must be a whole number of bytes" + got(text);
  *out = static_cast<uint64_t>(b);
  return "";
}

std::string check_count(std::string_view option, std::string_view text, int min, int max,
                        int* out) {
  int n = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, n);
  if (text.empty() || ptr != end || ec != std::errc() || n < min || n > max)
    return std::string(option) + " must be a whole number from " + std::to_string(min) + " to " +
           std::to_string(max) + got(text);
  *out = n;
  return "";
}

std::string check_header(std::string_view option, std::string_view text) {
  size_t colon = text.find(':');
  std::string_view name = text.substr(0, colon);
  auto token_char = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
  };
  if (colon == std::string_view::npos || name.empty() ||
      !std::all_of(name.begin(), name.end(), token_char))
    return std::string(option) + " must be 'Name: value' (a header name of letters, digits and -)" + quoted(text);
  return check_line(option, text);
}

std::string check_line(std::string_view option, std::string_view text) {
  if (text.empty()) return std::string(option) + " must not be empty";
  for (char c : text)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F)
      return std::string(option) + " must be one line without control characters";
  return "";
}

CLI::Option* add_seconds_option(CLI::App* cmd, const std::string& names, double* target,
                                const std::string& help, double max_seconds) {
  std::string name = long_name(names);
  return add_checked(cmd, names, help,
                     [=](const std::string& text) {
                       return check_seconds(name, text, max_seconds, target);
                     })
      ->type_name("DURATION")
      ->default_str(typed_seconds(*target));
}

CLI::Option* add_bytes_option(CLI::App* cmd, const std::string& names, size_t* target,
                              const std::string& help, uint64_t max_bytes, uint64_t min_bytes) {
  std::string name = long_name(names);
  return add_checked(cmd, names, help,
                     [=](const std::string& text) {
                       uint64_t b = 0;
                       std::string message = check_bytes(name, text, max_bytes, &b, min_bytes);
                       if (message.empty()) *target = static_cast<size_t>(b);
                       return message;
                     })
      ->type_name("SIZE")
      ->default_str(typed_bytes(*target));
}

CLI::Option* add_count_option(CLI::App* cmd, const std::string& names, int* target,
                              const std::string& help, int min, int max) {
  std::string name = long_name(names);
  return add_checked(cmd, names, help,
                     [=](const std::string& text) {
                       return check_count(name, text, min, max, target);
                     })
      ->type_name("N")
      ->default_str(std::to_string(*target));
}

}  // namespace credcheck
