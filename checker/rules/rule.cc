#include "checker/rules/rule.h"

namespace credcheck {

const char* severity_name(Severity s) {
  switch (s) {
    case Severity::note: return "note";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "error";
}

bool parse_severity(const std::string& s, Severity* out) {
  for (Severity v : {Severity::note, Severity::warning, Severity::error}) {
    if (s == severity_name(v)) {
      *out = v;
      return true;
    }
  }
  return false;
}

const char* Rule::needs_name(Needs n) {
  switch (n) {
    case Needs::page: return "page";
    case Needs::host: return "host";
    case Needs::original: return "original";
    case Needs::no_match: return "no_match";
  }
  return "page";
}

Finding Rule::finding(const std::string& detail) const {
  Finding f;
  f.rule = info_.id;
  f.severity = severity_name(info_.severity);
  f.clause = info_.clause;
  f.message = info_.message;
  if (!detail.empty())
    f.message += f.message.empty() ? detail : info_.lang == "en" ? " (" + detail + ")" : "（" + detail + "）";
  return f;
}

void Rule::set_language(const std::string& lang) {
  info_.lang = lang;
  if (auto it = info_.messages.find(lang); it != info_.messages.end()) info_.message = it->second;
}

}  // namespace credcheck
