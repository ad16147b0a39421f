// Which of a group of patterns could match a text, found cheaply: RE2's FilteredRE2
// reduces each pattern to a formula over literal strings ("atoms") it must contain; the
// atoms are searched as one literal set (a small DFA) and the formulas tell which
// patterns remain. A set of patterns with counted repetitions, searched unanchored, is a
// large DFA that thrashes its cache on long lines; most lines of a page hold no credit,
// and this rules them out before any pattern runs.
#pragma once

#include <re2/filtered_re2.h>
#include <re2/set.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace credcheck {

class Prefilter {
 public:
  explicit Prefilter(const std::vector<std::string>& patterns);
  // The indices (into `patterns`, ascending) of the patterns that may match `text`: every
  // pattern that matches is among them.
  std::vector<int> candidates(std::string_view text) const;
  // The atoms (lowercase); for tests.
  const std::vector<std::string>& atoms() const { return atoms_; }

 private:
  int patterns_ = 0;
  re2::FilteredRE2 filter_{1};  // atoms of one character kept: 摄 alone is 3 bytes
  std::vector<std::string> atoms_;
  std::unique_ptr<RE2::Set> atom_set_;  // null: no filtering, every pattern is a candidate
};

}  // namespace credcheck
