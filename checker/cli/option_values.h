// Numeric options read as values: units where people write them ("3s", "500ms", "1M"),
// and every bound said in words. A bad value ends the parse with exit 2 and a message
// such as "--timeout must be > 0 seconds (got nan)", never a 300-digit range.
#pragma once

#include <CLI/CLI.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace credcheck {

// The checks, for the options below and their tests. Each returns "" and sets *out
// when `text` is accepted, else the message for `option` ("--timeout").

// A duration: 30, 30s, 500ms, 2m, 1h; more than 0 and at most `max_seconds`.
std::string check_seconds(std::string_view option, std::string_view text, double max_seconds,
                          double* out);
// A size: 16777216, 512K, 16M, 1G (1024-based; KiB/MiB/GiB too); `min_bytes` to `max_bytes`.
std::string check_bytes(std::string_view option, std::string_view text, uint64_t max_bytes,
                        uint64_t* out, uint64_t min_bytes = 1);
// A whole number from `min` to `max`.
std::string check_count(std::string_view option, std::string_view text, int min, int max,
                        int* out);

// An HTTP request header as curl -H takes it: "Name: value", the name a token, no
// line break anywhere.
std::string check_header(std::string_view option, std::string_view text);
// One line of text (a User-Agent, a proxy URL): not empty, no control characters.
std::string check_line(std::string_view option, std::string_view text);

// Declares `names` ("--timeout", "-j,--jobs") on `cmd`, read through the check above into
// *target. The option's help shows *target's value as the default, in the same units.
CLI::Option* add_seconds_option(CLI::App* cmd, const std::string& names, double* target,
                                const std::string& help, double max_seconds);
CLI::Option* add_bytes_option(CLI::App* cmd, const std::string& names, size_t* target,
                              const std::string& help, uint64_t max_bytes, uint64_t min_bytes = 1);
CLI::Option* add_count_option(CLI::App* cmd, const std::string& names, int* target,
                              const std::string& help, int min, int max);

}  // namespace credcheck
