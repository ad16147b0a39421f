#include "checker/fetch/robots.h"

#include <cctype>
#include <cstdlib>

namespace credcheck {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

// "credcheck/0.1 (+…)" names the product token "credcheck".
std::string_view product_token(std::string_view value) {
  size_t n = 0;
  while (n < value.size() && (std::isalpha(static_cast<unsigned char>(value[n])) ||
                              value[n] == '_' || value[n] == '-' || value[n] == '*'))
    ++n;
  return value.substr(0, n);
}

}  // namespace

bool robots_pattern_matches(std::string_view pattern, std::string_view path) {
  bool anchored = !pattern.empty() && pattern.back() == '$';
  if (anchored) pattern.remove_suffix(1);
  // Greedy glob with one backtrack point (the last '*'): O(pattern × path) at worst.
  size_t p = 0, s = 0, star = std::string_view::npos, mark = 0;
  while (s < path.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = s;
    } else if (p < pattern.size() && pattern[p] == path[s]) {
      ++p;
      ++s;
    } else if (p == pattern.size() && !anchored) {
      return true;  // the pattern is a prefix of the path
    } else if (star != std::string_view::npos) {
      p = star + 1;
      s = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

RobotsRules RobotsRules::disallow_all() {
  RobotsRules r;
  r.rules_.push_back({false, "/"});
  return r;
}

RobotsRules RobotsRules::parse(std::string_view text, std::string_view token) {
  if (text.size() > kMaxRobotsBytes) text = text.substr(0, kMaxRobotsBytes);
  RobotsRules mine, star;
  bool mine_found = false, star_found = false;
  bool in_mine = false, in_star = false;  // the current group's agents
  bool agents_open = false;  // still reading the group's user-agent lines
  while (!text.empty()) {
    size_t end = text.find_first_of("\r\n");
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    line = line.substr(0, line.find('#'));
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string_view key = trim(line.substr(0, colon));
    std::string_view value = trim(line.substr(colon + 1));
    if (iequals(key, "user-agent")) {
      if (!agents_open) in_mine = in_star = false;  // a new group starts
      agents_open = true;
      std::string_view agent = product_token(value);
      if (agent == "*") {
        in_star = star_found = true;
      } else if (!agent.empty() && iequals(agent, token)) {
        in_mine = mine_found = true;
      }
      continue;
    }
    bool allow = iequals(key, "allow");
    bool disallow = iequals(key, "disallow");
    bool delay = iequals(key, "crawl-delay");
    if (!allow && !disallow && !delay) continue;  // sitemap, host, unknown: not group rules
    agents_open = false;
    for (auto [in, rules] : {std::pair{in_mine, &mine}, std::pair{in_star, &star}}) {
      if (!in) continue;
      if (delay) {
        char* stop = nullptr;
        std::string v(value.substr(0, 32));
        double d = std::strtod(v.c_str(), &stop);
        if (stop != v.c_str() && d >= 0 && d < 1e7 && rules->crawl_delay_ < 0) rules->crawl_delay_ = d;
      } else if (!value.empty()) {  // "Disallow:" with no path disallows nothing
        rules->rules_.push_back({allow, std::string(value)});
      }
    }
  }
  if (mine_found) return mine;
  if (star_found) return star;
  return RobotsRules();
}

bool RobotsRules::allowed(std::string_view path) const {
  if (path.empty()) path = "/";
  if (path == "/robots.txt") return true;
  size_t best = 0;
  bool verdict = true, matched = false;
  for (const Rule& r : rules_) {
    size_t len = r.pattern.size();
    if (matched && len < best) continue;
    if (!robots_pattern_matches(r.pattern, path)) continue;
    if (!matched || len > best) verdict = r.allow;
    else if (r.allow) verdict = true;  // equal length: Allow wins
    matched = true;
    best = len;
  }
  return verdict;
}

}  // namespace credcheck
