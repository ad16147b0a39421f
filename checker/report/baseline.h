// --baseline: an earlier report (JSON or JSONL) whose findings a CI gate has accepted. A
// finding already in it (same input, rule and evidence) is "known": still reported, but
// it does not fail the run; anything else is "new". Findings of the baseline that are gone
// from an input checked again are counted as resolved.
#pragma once

#include <map>
#include <string>
#include <tuple>

#include "checker/report/result.h"

namespace credcheck {

class Baseline {
 public:
  // Reads the report at `path`. False with *err ("FILE: …") when it cannot be read or is
  // neither a JSON report nor JSONL results.
  bool load(const std::string& path, std::string* err);
  // The same from the report's text (for tests and `report --baseline`).
  bool load_text(const std::string& text, std::string* err);

  // Marks each finding of `r` new or known, and counts the baseline's findings for this
  // input that are resolved: those of rules that ran on the page and found them no more.
  // Nothing is resolved for a page that could not be read, or for a rule not checked.
  // A baseline finding matches one finding at most (two equal findings need two).
  void apply(Result* r) const;

  size_t findings() const { return count_; }

 private:
  using Key = std::tuple<std::string, std::string>;  // rule, evidence
  std::map<std::string, std::map<Key, size_t>> by_input_;
  size_t count_ = 0;
};

}  // namespace credcheck
