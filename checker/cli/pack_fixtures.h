// A pack's own test pages, for `rules test PACK` and `rules explain PACK RULE`: the
// folder the pack names (`fixtures:`, relative to the pack's file), else a folder
// beside the pack named as its file (rules/NAME.yaml -> rules/NAME/). In it, every
// .html under an `originals/` folder is an original; every other .html is a page with
// NAME.expected beside it.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "checker/rules/pack.h"

namespace credcheck {

struct PackFixtures {
  std::string dir;
  std::vector<std::string> originals;  // sorted
  std::vector<std::string> pages;      // sorted
};

// False with *err naming the folders looked for when there is none.
bool find_pack_fixtures(const Pack& pack, PackFixtures* out, std::string* err);

// NAME.expected beside NAME.html: one fired rule id per line, "not_checked: ID" for a
// rule the page must leave unchecked, "base_url: URL" for where the page stands (its
// host, for host rules), '#' comments (the first one says what the page tests).
struct Expected {
  std::set<std::string> fired, not_checked;
  std::string base_url;
  std::string comment;  // the first comment, without '#'
};

// False when there is no such file.
bool read_expected(const std::string& page, Expected* out);

}  // namespace credcheck
