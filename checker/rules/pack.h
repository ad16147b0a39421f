// A rule pack: a publisher's notice as rules (rules/*.yaml). The format is documented
// at the top of rules/xijiang-daily.yaml.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "checker/rules/rule.h"

namespace credcheck {

struct Pack {
  std::string name;    // the pack's `pack:` name
  std::string path;    // the file it was read from
  std::string notice;  // the notice's title or URL, for reports
  std::string fixtures;  // `fixtures:` the folder of its test pages, relative to the pack
  std::string lang = "zh";  // `lang:`, the language of its messages (zh | en); findings default to it
  Publisher publisher;
  std::vector<std::unique_ptr<Rule>> rules;
};

// What one pack may hold, so that no pack file can spend unbounded time or memory at
// load (README, "Rule packs"). Each is far above a real pack: rules/xijiang-daily.yaml
// is 7 KiB with 7 rules and 3 patterns.
struct PackLimits {
  size_t max_file_bytes = 4 << 20;  // the file, refused before it is parsed
  // Every key and value as the loader reads it, with each use of an alias counted
  // again (and 1 byte per node, so empty values count too): aliases may repeat a value
  // only within this budget.
  size_t max_text_bytes = 16 << 20;
  size_t max_rules = 10'000;
  size_t max_patterns = 20'000;        // RE2 patterns over all rules
  size_t max_pattern_bytes = 1 << 20;  // their total length
  size_t max_pattern_program = 1'000'000;  // their total RE2 program size (instructions)
};

// Reads and validates a pack. On any error returns false, leaves *pack untouched and
// sets *err to every error found, one per line (at most 50 listed, the rest counted),
// each "path:line:col: what was expected" (1-based): YAML syntax, a missing
// `pack`/`publisher`/`rules`, an unknown or duplicate key (typo protection: the message
// lists the keys allowed there), an unknown kind (the message lists the known ones), a
// missing or ill-typed parameter, an invalid RE2 pattern (with RE2's error), a bad
// severity, a duplicate rule id, a pack past one of `limits` (the message says which
// and the budget). An unreadable file gives "path: cannot read …". Linear in the pack.
bool load_pack(const std::string& path, const PackLimits& limits, Pack* pack, std::string* err);

// The languages a pack's messages and the findings' details may be written in.
bool known_language(const std::string& lang);

// Writes every rule's findings in `lang` (--lang); see Rule::set_language().
void set_pack_language(Pack* pack, const std::string& lang);

// load_pack() with the default limits.
bool load_pack(const std::string& path, Pack* pack, std::string* err);

}  // namespace credcheck
