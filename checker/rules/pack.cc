#include "checker/rules/pack.h"

#include <re2/re2.h>
#include <yaml-cpp/depthguard.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <utility>

#include "checker/rules/params.h"
#include "checker/rules/registry.h"
#include "checker/text/units.h"

namespace credcheck {
namespace {

const std::vector<std::string> kTopKeys = {"pack", "notice", "fixtures", "publisher", "rules", "lang"};
const std::vector<std::string> kPublisherKeys = {"name", "names", "hosts"};
const std::vector<std::string> kRuleKeys = {"id", "kind", "clause", "severity", "message",
                                            "quote"};

std::string list_keys(const std::vector<std::string>& keys) {
  std::string out;
  for (const std::string& k : keys) out += (out.empty() ? "" : ", ") + k;
  return out;
}

bool contains(const std::vector<std::string>& keys, const std::string& key) {
  for (const std::string& k : keys)
    if (k == key) return true;
  return false;
}

// Every error of a pack, in the order read, each "line:col: what was expected". A pack
// author fixes them all in one pass; past kMaxErrors the rest are counted, not listed
// (a pack over a pattern budget would otherwise repeat one error per pattern).
constexpr size_t kMaxErrors = 50;

struct Errors {
  std::vector<std::string> list;
  size_t dropped = 0;
  void add(std::string e) {
    if (e.empty()) return;
    if (list.size() < kMaxErrors) list.push_back(std::move(e));
    else ++dropped;
  }
  bool empty() const { return list.empty(); }
};

// Refuses keys outside `allowed`, and a key given twice (yaml-cpp keeps one silently).
// Every such key is reported, not only the first.
bool check_keys(const YAML::Node& map, const std::vector<std::string>& allowed, Errors* errs) {
  std::vector<std::string> seen;
  bool ok = true;
  for (const auto& entry : map) {
    const YAML::Node& key = entry.first;
    std::string name = key.IsScalar() ? key.Scalar() : "?";
    if (!key.IsScalar() || !contains(allowed, name)) {
      errs->add(param_error(key, "unknown key '" + name + "'; expected one of " +
                                     list_keys(allowed)));
      ok = false;
      continue;
    }
    if (contains(seen, name)) {
      errs->add(param_error(key, "duplicate key '" + name + "'"));
      ok = false;
      continue;
    }
    seen.push_back(name);
  }
  return ok;
}

// A required, non-empty scalar.
bool read_text(const YAML::Node& map, const char* key, std::string* out, std::string* err) {
  if (!read_string(map, key, true, out, err)) return false;
  if (out->empty()) {
    *err = param_error(map[key], std::string("'") + key + "' must not be empty");
    return false;
  }
  return true;
}

void read_publisher(const YAML::Node& root, Publisher* out, Errors* errs) {
  YAML::Node node = root["publisher"];
  if (!node.IsDefined()) {
    errs->add(param_error(root, "missing key 'publisher' (a map with name, names, hosts)"));
    return;
  }
  if (!node.IsMap()) {
    errs->add(param_error(node, "'publisher' must be a map with keys " + list_keys(kPublisherKeys)));
    return;
  }
  Publisher p;
  check_keys(node, kPublisherKeys, errs);
  std::string err;
  if (!read_text(node, "name", &p.name, &err)) errs->add(std::exchange(err, ""));
  if (!read_string_list(node, "names", false, &p.names, &err)) errs->add(std::exchange(err, ""));
  if (!read_host_list(node, "hosts", false, &p.hosts, &err)) errs->add(std::exchange(err, ""));
  if (!contains(p.names, p.name)) p.names.insert(p.names.begin(), p.name);
  *out = std::move(p);
}

// Rule ids are what reports, suppressions and `rules explain` refer to: keep them plain.
bool valid_id(const std::string& id) {
  static const RE2 pattern("[a-z0-9]+(-[a-z0-9]+)*");
  return RE2::FullMatch(id, pattern);
}

// The kind's parameters (the rule's keys other than the common ones) as YAML text.
// Emitted straight from the pack's nodes: assigning them into a new YAML::Node would
// merge the whole document's node set into it, once per rule (quadratic in the pack).
std::string params_text(const YAML::Node& rule) {
  YAML::Emitter out;
  bool any = false;
  for (const auto& entry : rule) {
    if (contains(kRuleKeys, entry.first.Scalar())) continue;
    if (!any) out << YAML::BeginMap;
    any = true;
    out << YAML::Key << entry.first << YAML::Value << entry.second;
  }
  if (!any) return "";
  out << YAML::EndMap;
  return out.c_str();
}

// `message:` is text in the pack's language, or a map of languages to texts
// ({zh: …, en: …}) holding at least the pack's own.
bool read_message(const YAML::Node& node, const std::string& lang, RuleInfo* info, std::string* err) {
  YAML::Node m = node["message"];
  if (!m.IsDefined() || !m.IsMap()) {  // (a missing key's node throws on IsMap())
    if (!read_text(node, "message", &info->message, err)) return false;
    info->messages[lang] = info->message;
    info->lang = lang;
    return true;
  }
  for (const auto& kv : m) {
    std::string l = kv.first.IsScalar() ? kv.first.Scalar() : "";
    if (!known_language(l)) {
      *err = param_error(kv.first, "message: unknown language '" + l + "'; expected zh or en");
      return false;
    }
    if (!kv.second.IsScalar() || kv.second.Scalar().empty()) {
      *err = param_error(kv.second, "message: the " + l + " text must be non-empty text");
      return false;
    }
    info->messages[l] = kv.second.Scalar();
  }
  if (!info->messages.count(lang)) {
    *err = param_error(m, "message: no " + lang + " text, the pack's language (lang: " + lang + ")");
    return false;
  }
  info->message = info->messages[lang];
  info->lang = lang;
  return true;
}

// One rule; every error in it is added to *errs (null is returned when there was any).
// Without a known kind the rule's other keys cannot be judged, so that error is alone.
std::unique_ptr<Rule> read_rule(const YAML::Node& node, const std::string& lang,
                                std::map<std::string, YAML::Mark>* ids, Errors* errs) {
  if (!node.IsMap()) {
    errs->add(param_error(node, "each rule must be a map with keys " + list_keys(kRuleKeys) +
                                    " and the kind's parameters"));
    return nullptr;
  }
  RuleInfo info;
  std::string err;
  if (!read_text(node, "kind", &info.kind, &err)) {
    errs->add(err);
    return nullptr;
  }
  const RuleKind* kind = find_rule_kind(info.kind);
  if (!kind) {
    errs->add(param_error(node["kind"], "unknown rule kind '" + info.kind +
                                            "'; known kinds: " + rule_kind_names()));
    return nullptr;
  }
  size_t before = errs->list.size() + errs->dropped;
  auto note = [&](bool ok) {
    if (!ok) errs->add(std::exchange(err, ""));
  };
  std::vector<std::string> allowed = kRuleKeys;
  allowed.insert(allowed.end(), kind->params.begin(), kind->params.end());
  check_keys(node, allowed, errs);
  if (!read_text(node, "id", &info.id, &err)) {
    note(false);
  } else if (!valid_id(info.id)) {
    errs->add(param_error(node["id"], "rule id '" + info.id +
                                          "' must be lower-case words joined by '-'"));
  } else if (auto [it, fresh] = ids->emplace(info.id, node["id"].Mark()); !fresh) {
    errs->add(param_error(node["id"], "duplicate rule id '" + info.id + "' (first at line " +
                                          std::to_string(it->second.line + 1) + ")"));
  }
  std::string severity = "error";
  note(read_text(node, "clause", &info.clause, &err));
  note(read_message(node, lang, &info, &err));
  note(read_text(node, "quote", &info.quote, &err));
  if (!read_string(node, "severity", false, &severity, &err)) {
    note(false);
  } else if (!parse_severity(severity, &info.severity)) {
    errs->add(param_error(node["severity"], "severity '" + severity +
                                                "'; expected one of note, warning, error"));
  }
  info.params = params_text(node);
  // The kind's parameters are judged even when a common key was wrong: both are listed.
  std::unique_ptr<Rule> rule = kind->make(std::move(info), node, &err);
  if (!rule) errs->add(err.empty() ? param_error(node, "the rule could not be built") : err);
  if (errs->list.size() + errs->dropped > before) return nullptr;
  return rule;
}

// Refuses a document whose text, read the way the loader reads it (every use of an
// alias expanded again), passes `budget`: yaml-cpp shares an aliased node, but each
// read of it copies its text, so 10,000 aliases of a 1 MB value would cost 10 GB.
// Each node costs 1 when it is reached and its scalar's bytes when it is read, so the
// walk itself stops within the budget, however the aliases nest (or loop).
bool check_text_budget(const YAML::Node& root, size_t budget, std::string* err) {
  size_t spent = 1;
  std::vector<YAML::Node> todo{root};
  auto over = [&](const YAML::Node& at) {
    *err = param_error(at, "the pack's text passes " + format_bytes(budget) +
                               " with every alias expanded (each use of an alias counts "
                               "again), the most a pack may hold");
    return false;
  };
  auto reach = [&](const YAML::Node& node) {
    if (++spent > budget) return false;
    todo.push_back(node);
    return true;
  };
  while (!todo.empty()) {
    YAML::Node node = std::move(todo.back());
    todo.pop_back();
    if (node.IsScalar()) {
      if (node.Scalar().size() > budget - spent) return over(node);
      spent += node.Scalar().size();
    } else if (node.IsSequence()) {
      for (const YAML::Node& item : node)
        if (!reach(item)) return over(item);
    } else if (node.IsMap()) {
      for (const auto& entry : node)
        if (!reach(entry.first) || !reach(entry.second)) return over(entry.first);
    }
  }
  return true;
}

bool read_pack(const YAML::Node& root, const PackLimits& limits, Pack* pack, Errors* errs) {
  std::string err;
  if (!check_text_budget(root, limits.max_text_bytes, &err)) {
    errs->add(err);
    return false;
  }
  if (!root.IsMap()) {
    errs->add(param_error(root, "expected a map with keys " + list_keys(kTopKeys)));
    return false;
  }
  check_keys(root, kTopKeys, errs);
  if (!read_text(root, "pack", &pack->name, &err)) errs->add(std::exchange(err, ""));
  if (!read_string(root, "notice", false, &pack->notice, &err)) errs->add(std::exchange(err, ""));
  if (!read_string(root, "fixtures", false, &pack->fixtures, &err)) errs->add(std::exchange(err, ""));
  read_publisher(root, &pack->publisher, errs);
  if (!read_string(root, "lang", false, &pack->lang, &err)) {
    errs->add(std::exchange(err, ""));
  } else if (!known_language(pack->lang)) {
    errs->add(param_error(root["lang"], "lang: '" + pack->lang + "'; expected zh or en"));
    pack->lang = "zh";  // the rules' messages are still read, against the default
  }
  YAML::Node rules = root["rules"];
  if (!rules.IsDefined()) {
    errs->add(param_error(root, "missing key 'rules' (a list of rules)"));
    return false;
  }
  if (!rules.IsSequence() || rules.size() == 0) {
    errs->add(param_error(rules, "'rules' must be a list of at least one rule"));
    return false;
  }
  if (rules.size() > limits.max_rules) {
    errs->add(param_error(rules, "'rules' holds " + std::to_string(rules.size()) +
                                     " rules; a pack may hold at most " +
                                     std::to_string(limits.max_rules)));
    return false;
  }
  PatternBudget patterns(limits.max_patterns, limits.max_pattern_bytes,
                         limits.max_pattern_program);
  std::map<std::string, YAML::Mark> ids;
  for (const YAML::Node& node : rules) {
    std::unique_ptr<Rule> rule = read_rule(node, pack->lang, &ids, errs);
    if (rule) pack->rules.push_back(std::move(rule));
  }
  return errs->empty();
}

// "; did you mean DIR/a.yaml?" for the .yaml files directly inside `dir` (the first
// three by name; of at most kScanned entries, so a huge folder costs little), or ""
// when there is none.
std::string yaml_files_in(const std::string& dir) {
  constexpr size_t kScanned = 4096;
  std::vector<std::string> found;
  std::error_code ec;
  size_t seen = 0;
  for (std::filesystem::directory_iterator it(dir, ec), end;
       !ec && it != end && seen < kScanned; it.increment(ec), ++seen) {
    std::string ext = it->path().extension().string();
    if ((ext == ".yaml" || ext == ".yml") && it->is_regular_file(ec)) found.push_back(it->path().string());
  }
  if (found.empty()) return "";
  std::sort(found.begin(), found.end());  // the same suggestion on every filesystem
  std::string out = "; did you mean ";
  for (size_t i = 0; i < found.size() && i < 3; ++i)
    out += (i == 0 ? "" : i + 1 == std::min<size_t>(found.size(), 3) ? " or " : ", ") + found[i];
  return out + (found.size() > 3 ? " (or another .yaml file there)?" : "?");
}

// The file's bytes, refused past `max_bytes` before they are parsed (by its size, and
// again while reading, for a file that grows meanwhile).
bool read_pack_file(const std::string& path, size_t max_bytes, std::string* text,
                    std::string* err) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    *err = path + ": is a directory; a rule pack is one YAML file" + yaml_files_in(path);
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!std::filesystem::is_regular_file(path, ec) || !in) {
    *err = path + ": cannot read the rule pack (no such file)";
    return false;
  }
  auto refuse = [&](uintmax_t size) {
    std::string exact = size < 1024 ? "" : " (" + std::to_string(size) + " bytes)";
    *err = path + ":1:1: the pack is " + format_bytes(size) + exact +
           "; a pack may be at most " + format_bytes(max_bytes);
    return false;
  };
  uintmax_t size = std::filesystem::file_size(path, ec);
  if (!ec && size > max_bytes) return refuse(size);
  if (!ec) text->reserve(static_cast<size_t>(size));
  char chunk[64 << 10];
  while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
    text->append(chunk, static_cast<size_t>(in.gcount()));
    if (text->size() > max_bytes) return refuse(text->size());  // it grew while read
  }
  return true;
}

}  // namespace

bool known_language(const std::string& lang) { return lang == "zh" || lang == "en"; }

void set_pack_language(Pack* pack, const std::string& lang) {
  for (auto& rule : pack->rules) rule->set_language(lang);
}

bool load_pack(const std::string& path, Pack* pack, std::string* err) {
  return load_pack(path, PackLimits(), pack, err);
}

bool load_pack(const std::string& path, const PackLimits& limits, Pack* pack, std::string* err) {
  std::string text;
  if (!read_pack_file(path, limits.max_file_bytes, &text, err)) return false;
  Pack loaded;
  loaded.path = path;
  Errors errs;
  try {
    YAML::Node root = YAML::Load(text);
    if (read_pack(root, limits, &loaded, &errs)) {
      *pack = std::move(loaded);
      return true;
    }
  } catch (const YAML::DeepRecursion& e) {  // yaml-cpp words this one "bad file"
    errs.add(std::to_string(e.mark.line + 1) + ":" + std::to_string(e.mark.column + 1) +
             ": nested too deeply");
  } catch (const YAML::Exception& e) {
    YAML::Mark m = e.mark.is_null() ? YAML::Mark() : e.mark;
    errs.add(std::to_string(m.line + 1) + ":" + std::to_string(m.column + 1) + ": " + e.msg);
  } catch (const std::exception& e) {  // a kind's factory must not take the run down
    errs.add("1:1: " + std::string(e.what()));
  }
  if (errs.empty()) errs.add("1:1: the pack could not be read");
  err->clear();
  for (const std::string& e : errs.list) *err += (err->empty() ? "" : "\n") + path + ":" + e;
  if (errs.dropped)
    *err += "\n" + path + ": " + std::to_string(errs.dropped) + " more errors not listed";
  return false;
}

}  // namespace credcheck
