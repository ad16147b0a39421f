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
  Publisher publisher;
  std::vector<std::unique_ptr<Rule>> rules;
};

// Reads and validates a pack. On any error returns false, leaves *pack untouched and
// sets *err to "path:line:col: what was expected" (1-based): YAML syntax, a missing
// `pack`/`publisher`/`rules`, an unknown or duplicate key (typo protection: the message
// lists the keys allowed there), an unknown kind (the message lists the known ones), a
// missing or ill-typed parameter, an invalid RE2 pattern (with RE2's error), a bad
// severity, a duplicate rule id. An unreadable file gives "path: cannot read …".
bool load_pack(const std::string& path, Pack* pack, std::string* err);

}  // namespace credcheck
