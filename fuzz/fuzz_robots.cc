// robots.txt over any bytes: parse never fails or crashes, /robots.txt is always allowed,
// a parse keeps no more rules than the text has lines, and the wildcard matcher agrees
// with a plain dynamic-programming matcher. Input: "pattern\tpath\n" then the file.
#include <cstdint>
#include <string>
#include <vector>

#include "checker/fetch/robots.h"
#include "fuzz/fuzz_util.h"

using namespace credcheck;

namespace {

// The reference: '*' any run, a final '$' the end, else a prefix; O(pattern × path).
bool reference_match(std::string_view pattern, std::string_view path) {
  bool anchored = !pattern.empty() && pattern.back() == '$';
  if (anchored) pattern.remove_suffix(1);
  // at[j]: the pattern read so far matches path[0, j).
  std::vector<char> at(path.size() + 1, 0);
  at[0] = 1;
  for (char c : pattern) {
    std::vector<char> next(path.size() + 1, 0);
    if (c == '*') {
      char any = 0;
      for (size_t j = 0; j <= path.size(); ++j) next[j] = any = any || at[j];
    } else {
      for (size_t j = 0; j < path.size(); ++j) next[j + 1] = at[j] && path[j] == c;
    }
    at.swap(next);
  }
  if (anchored) return at[path.size()];
  for (char v : at)
    if (v) return true;
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto [first, text] = fuzz::split_first_line(fuzz::bytes(data, size));
  size_t tab = first.find('\t');
  std::string_view pattern = first.substr(0, tab);
  std::string_view path = tab == std::string_view::npos ? first : first.substr(tab + 1);
  if (pattern.size() <= 64 && path.size() <= 256)
    fuzz::require(robots_pattern_matches(pattern, path) == reference_match(pattern, path),
                  "the matcher agrees with the reference");
  size_t lines = 1;
  for (char c : text) lines += c == '\n' || c == '\r';
  for (std::string_view token : {"credcheck", "*", ""}) {
    RobotsRules rules = RobotsRules::parse(text, token);
    fuzz::require(rules.rule_count() <= lines, "at most one rule per line");
    fuzz::require(rules.allowed("/robots.txt"), "/robots.txt is always allowed");
    fuzz::require(rules.crawl_delay() < 0 || rules.crawl_delay() < 1e7, "crawl-delay is bounded");
    (void)rules.allowed(path);
  }
  return 0;
}
