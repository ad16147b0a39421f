// robots.txt (RFC 9309): the rules that apply to one crawler token, and whether a path
// may be fetched. A reader of untrusted bytes: anything is accepted (a line that is not
// "key: value" is skipped), only the first kMaxRobotsBytes are read, matching is linear
// in the path times the rule (no backtracking blow-up), and there is a fuzz target.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace credcheck {

// RFC 9309 asks crawlers to read at least 500 KiB.
inline constexpr size_t kMaxRobotsBytes = 512 << 10;

class RobotsRules {
 public:
  // Everything allowed (no robots.txt, or 4xx for it).
  RobotsRules() = default;
  // Nothing allowed (RFC 9309: robots.txt unreachable with 5xx).
  static RobotsRules disallow_all();
  // The groups of `text` that name `token` (case-insensitively; several are merged), else
  // the `*` groups, else none (everything allowed).
  static RobotsRules parse(std::string_view text, std::string_view token);

  // `path_and_query` as in the URL ("/a/b.html?x=1"; "" counts as "/"). The longest
  // matching pattern wins; at equal length Allow wins; /robots.txt is always allowed.
  bool allowed(std::string_view path_and_query) const;
  // Crawl-delay of the chosen group in seconds, or -1 when it gives none.
  double crawl_delay() const { return crawl_delay_; }
  size_t rule_count() const { return rules_.size(); }

 private:
  struct Rule {
    bool allow;
    std::string pattern;  // as written: '*' any run, a final '$' the end
  };
  std::vector<Rule> rules_;
  double crawl_delay_ = -1;
};

// Does robots pattern `pattern` match `path` ('*' any run of bytes, a final '$' anchors
// at the end, otherwise a prefix match)?
bool robots_pattern_matches(std::string_view pattern, std::string_view path);

}  // namespace credcheck
