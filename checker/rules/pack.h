// A rule pack: a publisher's notice as rules (rules/*.yaml).
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

// Reads and validates a pack. On any error (YAML syntax, unknown kind, missing or
// wrong parameter, invalid RE2 pattern, duplicate id) returns false with *err set to
// "path:line:col: what was expected".
bool load_pack(const std::string& path, Pack* pack, std::string* err);

}  // namespace credcheck
