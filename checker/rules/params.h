// Typed readers for a rule's parameters, shared by every kind's factory. Each reads
// rule[key] from the rule's YAML map and, on a missing (when required) or ill-typed
// value, returns false with *err = "line:col: what was expected" (see param_error()).
#pragma once

#include <re2/re2.h>
#include <re2/set.h>
#include <yaml-cpp/yaml.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace credcheck {

// A scalar. Absent and not required: *out is left as it is.
bool read_string(const YAML::Node& rule, const char* key, bool required, std::string* out,
                 std::string* err);

// A list of scalars (may be empty). Absent and not required: *out is left as it is.
bool read_string_list(const YAML::Node& rule, const char* key, bool required,
                      std::vector<std::string>* out, std::string* err);

// A share between 0 and 1, written "5%" or 0.05. Absent and not required: *out is left
// as it is.
bool read_fraction(const YAML::Node& rule, const char* key, bool required, double* out,
                   std::string* err);

// A pack's budget for RE2 patterns (PackLimits): load_pack() opens one for each load,
// and PatternList::read() charges every pattern it reads to the budget open on its
// thread, refusing one past it before compiling anything. A scope rather than a
// parameter so that every kind's factory keeps one signature; a rule built outside a
// load (a kind's unit test) is charged to nothing.
class PatternBudget {
 public:
  // Opens it on this thread (until destroyed): at most `max_patterns` patterns, of
  // `max_bytes` in all, compiling to `max_program` RE2 instructions in all.
  PatternBudget(size_t max_patterns, size_t max_bytes, size_t max_program);
  ~PatternBudget();
  PatternBudget(const PatternBudget&) = delete;
  PatternBudget& operator=(const PatternBudget&) = delete;

  // Charges one pattern of `bytes` to the open budget, if any, before it is compiled.
  // False past a budget, with *why saying which ("a pack may hold at most 20000 RE2
  // patterns").
  static bool charge(size_t bytes, std::string* why);

  // Charges a compiled pattern's RE2 program size: the compile cost a pattern's length
  // does not show ("\pL{100}" is 8 bytes and 119,000 instructions).
  static bool charge_program(size_t instructions, std::string* why);

 private:
  size_t max_patterns_, max_bytes_, max_program_;
  size_t patterns_ = 0, bytes_ = 0, program_ = 0;
  PatternBudget* outer_;
};

// RE2 patterns from a pack, compiled once at load and tested in one pass (RE2::Set).
class PatternList {
 public:
  // Reads rule[key] (required): one pattern or a list of at least one. An invalid
  // pattern is reported at its own line:col with RE2's error. `anchor` is
  // RE2::ANCHOR_BOTH for full matches, RE2::UNANCHORED to find a pattern anywhere.
  bool read(const YAML::Node& rule, const char* key, RE2::Anchor anchor, std::string* err);

  // True when any pattern matches `text` (per the anchor given to read()).
  bool matches(std::string_view text) const;

  // The first match of the first pattern that matches `text` (unanchored search, in
  // the order the patterns are written), or false. For kinds that quote what matched.
  bool find(std::string_view text, std::string_view* match) const;

  // The patterns as written, for messages.
  const std::vector<std::string>& patterns() const { return patterns_; }

 private:
  std::vector<std::string> patterns_;
  std::shared_ptr<RE2::Set> set_;  // shared: rules are copied into their factories
  std::vector<std::shared_ptr<const RE2>> each_;  // the same patterns, for find()
};

// True for a host pattern a pack may list: "example.com", ".example.com" or
// "*.example.com" (lower-case letters, digits, '-' and '.').
bool valid_host_pattern(std::string_view pattern);

// read_string_list() whose items must pass valid_host_pattern(); stored lower-case.
bool read_host_list(const YAML::Node& map, const char* key, bool required,
                    std::vector<std::string>* out, std::string* err);

}  // namespace credcheck
