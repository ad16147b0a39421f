// Helpers shared by the fuzz targets: how an input is split, and the invariants every
// stage's output must keep whatever the input was.
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "checker/text/utf8.h"

namespace credcheck::fuzz {

// The input as bytes.
inline std::string_view bytes(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Splits "first line\nrest": the first line plays an HTTP header value (a Content-Type),
// the rest the body. Without a newline the whole input is the body.
struct HeaderAndBody {
  std::string_view header;
  std::string_view body;
};
inline HeaderAndBody split_first_line(std::string_view in) {
  size_t nl = in.find('\n');
  if (nl == std::string_view::npos) return {{}, in};
  return {in.substr(0, nl), in.substr(nl + 1)};
}

// Fails the run (libFuzzer reports the input as a crash) when an invariant is broken.
inline void require(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
  std::abort();
}

// Every string a stage hands on must be valid UTF-8: reports write it as JSON.
inline bool valid_utf8(std::string_view s) { return utf8::sanitize(s) == s; }

inline bool all_valid_utf8(const std::vector<std::string>& v) {
  for (const auto& s : v)
    if (!valid_utf8(s)) return false;
  return true;
}

// How long one input may take, in seconds: $FUZZ_BUDGET_S, else 10 (ci/fuzz's -timeout).
inline double budget_seconds() {
  static const double budget = [] {
    const char* env = std::getenv("FUZZ_BUDGET_S");
    double v = env ? std::atof(env) : 0;
    return v > 0 ? v : 10.0;
  }();
  return budget;
}

// Runs f() and fails the input when it took longer than budget_seconds(). libFuzzer's
// -timeout misses slow work off its own thread: its alarm is dropped when the kernel
// delivers it to another thread (parse_html's gumbo thread, libFuzzer's RSS monitor).
// A call that never returns is left to the outer `timeout` of ci/fuzz.
template <typename F>
auto within_budget(const char* what, F f) {
  auto start = std::chrono::steady_clock::now();
  auto result = f();
  double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (took > budget_seconds()) {
    std::fprintf(stderr, "fuzz: %s took %.3f s, over the budget of %.3f s\n", what, took,
                 budget_seconds());
    std::abort();
  }
  return result;
}

}  // namespace credcheck::fuzz
