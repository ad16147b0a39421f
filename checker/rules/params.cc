#include "checker/rules/params.h"

#include <stdexcept>

#include "checker/rules/registry.h"
#include "checker/text/normalize.h"
#include "checker/text/units.h"
#include "checker/text/utf8.h"

namespace credcheck {
namespace {

// rule[key] without yaml-cpp's throwing paths: a non-map rule has no keys.
YAML::Node lookup(const YAML::Node& rule, const char* key) {
  if (!rule.IsMap()) return YAML::Node(YAML::NodeType::Undefined);
  return rule[key];
}

bool missing(const YAML::Node& rule, const char* key, const char* what, std::string* err) {
  *err = param_error(rule, std::string("missing key '") + key + "' (" + what + ")");
  return false;
}

thread_local PatternBudget* open_budget = nullptr;

// A pattern with its traditional characters in simplified form: patterns run over
// normalize()d text, which is simplified, so a pack may be written in either script
// (「海峽社」 finds 海峡社). Only Han code points change; regex syntax is ASCII.
std::string fold_script(const std::string& pattern) {
  std::string out;
  out.reserve(pattern.size());
  for (size_t i = 0; i < pattern.size();) {
    char32_t cp = utf8::next(pattern, &i);
    utf8::append(&out, utf8::is_han(cp) ? to_simplified(cp) : cp);
  }
  return out;
}

}  // namespace

PatternBudget::PatternBudget(size_t max_patterns, size_t max_bytes, size_t max_program)
    : max_patterns_(max_patterns),
      max_bytes_(max_bytes),
      max_program_(max_program),
      outer_(open_budget) {
  open_budget = this;
}

PatternBudget::~PatternBudget() { open_budget = outer_; }

bool PatternBudget::charge(size_t bytes, std::string* why) {
  PatternBudget* b = open_budget;
  if (!b) return true;
  if (b->patterns_ + 1 > b->max_patterns_) {
    *why = "a pack may hold at most " + std::to_string(b->max_patterns_) + " RE2 patterns";
    return false;
  }
  if (bytes > b->max_bytes_ - b->bytes_) {
    *why = "the pack's RE2 patterns pass " + format_bytes(b->max_bytes_) +
           " in all, the most a pack may hold";
    return false;
  }
  ++b->patterns_;
  b->bytes_ += bytes;
  return true;
}

bool PatternBudget::charge_program(size_t instructions, std::string* why) {
  PatternBudget* b = open_budget;
  if (!b) return true;
  if (instructions > b->max_program_ - b->program_) {
    *why = "the pack's RE2 patterns compile to more than " + std::to_string(b->max_program_) +
           " instructions in all, the most a pack may hold (a repeated class such as "
           "\\pL{100} compiles large)";
    return false;
  }
  b->program_ += instructions;
  return true;
}

bool read_string(const YAML::Node& rule, const char* key, bool required, std::string* out,
                 std::string* err) {
  YAML::Node v = lookup(rule, key);
  if (!v.IsDefined()) return required ? missing(rule, key, "a string", err) : true;
  if (!v.IsScalar()) {
    *err = param_error(v, std::string("'") + key + "' must be a string");
    return false;
  }
  *out = v.Scalar();
  return true;
}

bool read_string_list(const YAML::Node& rule, const char* key, bool required,
                      std::vector<std::string>* out, std::string* err) {
  YAML::Node v = lookup(rule, key);
  if (!v.IsDefined()) return required ? missing(rule, key, "a list of strings", err) : true;
  if (!v.IsSequence()) {
    *err = param_error(v, std::string("'") + key + "' must be a list of strings");
    return false;
  }
  std::vector<std::string> items;
  for (const YAML::Node& item : v) {
    if (!item.IsScalar()) {
      *err = param_error(item, std::string("each item of '") + key + "' must be a string");
      return false;
    }
    items.push_back(item.Scalar());
  }
  *out = std::move(items);
  return true;
}

bool read_fraction(const YAML::Node& rule, const char* key, bool required, double* out,
                   std::string* err) {
  YAML::Node v = lookup(rule, key);
  if (!v.IsDefined()) return required ? missing(rule, key, "a share such as 5% or 0.05", err) : true;
  std::string text = v.IsScalar() ? v.Scalar() : "";
  bool percent = !text.empty() && text.back() == '%';
  if (percent) text.pop_back();
  double value = -1;
  size_t used = 0;
  try {
    value = std::stod(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (percent) value /= 100;
  if (text.empty() || used != text.size() || !(value >= 0 && value <= 1)) {
    *err = param_error(v, std::string("'") + key + "' must be a share between 0 and 1, "
                                                   "written 5% or 0.05");
    return false;
  }
  *out = value;
  return true;
}

bool PatternList::read(const YAML::Node& rule, const char* key, RE2::Anchor anchor,
                       std::string* err) {
  YAML::Node v = lookup(rule, key);
  if (!v.IsDefined()) return missing(rule, key, "RE2 patterns", err);
  std::vector<YAML::Node> items;
  if (v.IsScalar()) {
    items.push_back(v);
  } else if (v.IsSequence() && v.size() > 0) {
    for (const YAML::Node& item : v) items.push_back(item);
  } else {
    *err = param_error(v, std::string("'") + key + "' must be an RE2 pattern or a list of them");
    return false;
  }
  RE2::Options options;
  options.set_log_errors(false);
  auto set = std::make_shared<RE2::Set>(options, anchor);
  std::vector<std::string> patterns;
  std::vector<std::shared_ptr<const RE2>> each;
  for (const YAML::Node& item : items) {
    if (!item.IsScalar() || item.Scalar().empty()) {
      *err = param_error(item, std::string("each item of '") + key + "' must be an RE2 pattern");
      return false;
    }
    std::string why;
    if (!PatternBudget::charge(item.Scalar().size(), &why)) {
      *err = param_error(item, why);
      return false;
    }
    // Compiled alone first: RE2::Set's error text does not say which pattern failed.
    std::string folded = fold_script(item.Scalar());
    auto compiled = std::make_shared<const RE2>(folded, options);
    const RE2& re = *compiled;
    std::string set_error;
    if (!re.ok() || set->Add(folded, &set_error) < 0) {
      *err = param_error(item, "invalid RE2 pattern '" + item.Scalar() + "': " +
                                   (re.ok() ? set_error : re.error()));
      return false;
    }
    if (!PatternBudget::charge_program(static_cast<size_t>(re.ProgramSize()), &why)) {
      *err = param_error(item, why);
      return false;
    }
    patterns.push_back(item.Scalar());
    each.push_back(std::move(compiled));
  }
  if (!set->Compile()) {
    *err = param_error(v, std::string("the patterns of '") + key + "' are too large for RE2");
    return false;
  }
  patterns_ = std::move(patterns);
  set_ = std::move(set);
  each_ = std::move(each);
  return true;
}

bool PatternList::find(std::string_view text, std::string_view* match) const {
  re2::StringPiece in(text.data(), text.size()), m;
  for (const auto& re : each_)
    if (re->Match(in, 0, in.size(), RE2::UNANCHORED, &m, 1)) {
      *match = std::string_view(m.data(), m.size());
      return true;
    }
  return false;
}

bool PatternList::matches(std::string_view text) const {
  return set_ && set_->Match(re2::StringPiece(text.data(), text.size()), nullptr);
}

bool valid_host_pattern(std::string_view p) {
  if (p.starts_with("*.")) p.remove_prefix(2);
  else if (p.starts_with(".")) p.remove_prefix(1);
  if (p.empty() || p.size() > 253 || p.front() == '.' || p.back() == '.') return false;
  char prev = 0;
  for (char c : p) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
    if (!ok || (c == '.' && prev == '.')) return false;
    prev = c;
  }
  return true;
}

bool read_host_list(const YAML::Node& map, const char* key, bool required,
                    std::vector<std::string>* out, std::string* err) {
  std::vector<std::string> hosts;
  if (!read_string_list(map, key, required, &hosts, err)) return false;
  YAML::Node v = lookup(map, key);
  for (size_t i = 0; i < hosts.size(); ++i) {
    for (char& c : hosts[i])
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (!valid_host_pattern(hosts[i])) {
      *err = param_error(v[i], "'" + hosts[i] +
                                   "' is not a host; expected example.com, .example.com "
                                   "or *.example.com");
      return false;
    }
  }
  if (v.IsDefined()) *out = std::move(hosts);
  return true;
}

}  // namespace credcheck
