#include "checker/cli/config.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>
#include <vector>

namespace credcheck {
namespace {

// Keys that read better in a file than the option's name.
const std::map<std::string, std::string>& aliases() {
  static const std::map<std::string, std::string> a = {
      {"pack", "--rules"},     {"originals", "--original"}, {"index", "--originals"},
      {"inputs", "inputs"},    {"reports", "--report"},
  };
  return a;
}

// Options a file may not set: they are about the command line itself.
bool not_configurable(const std::string& name) {
  return name == "--config" || name == "--help" || name == "--help-all";
}

std::string where(const std::string& path, const YAML::Mark& m) {
  return path + ":" + std::to_string(m.line + 1) + ":" + std::to_string(m.column + 1);
}

// The option a key names, or null.
CLI::Option* option_for(CLI::App* cmd, std::string key) {
  std::replace(key.begin(), key.end(), '_', '-');
  auto a = aliases().find(key);
  std::string name = a != aliases().end() ? a->second : "--" + key;
  if (not_configurable(name)) return nullptr;
  // Only long names: "-j" in a file would be a typo for "jobs".
  if (name != "inputs" && name.rfind("--", 0) != 0) return nullptr;
  return cmd->get_option_no_throw(name);
}

std::string known_keys(CLI::App* cmd) {
  std::vector<std::string> keys;
  for (const auto& [k, _] : aliases()) keys.push_back(k);
  keys.push_back("limits");
  for (const CLI::Option* o : cmd->get_options())
    for (const std::string& n : o->get_lnames())
      if (!not_configurable("--" + n)) keys.push_back(n);
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  std::string out;
  for (const std::string& k : keys) out += (out.empty() ? "" : ", ") + k;
  return out;
}

struct Setting {
  CLI::Option* option;
  std::string key;
  YAML::Mark mark;
  std::vector<std::string> values;
};

// The strings a value gives its option: a scalar, a list of scalars, or (for reports) a
// map of format to file.
bool values_of(const std::string& path, const std::string& key, const YAML::Node& v,
               std::vector<std::string>* out, std::string* err) {
  if (v.IsScalar()) {
    out->push_back(v.Scalar());
    return true;
  }
  if (v.IsSequence()) {
    for (const YAML::Node& item : v) {
      if (!item.IsScalar()) {
        *err = where(path, item.Mark()) + ": " + key + ": expected a list of plain values";
        return false;
      }
      out->push_back(item.Scalar());
    }
    return true;
  }
  if (v.IsMap() && key == "reports") {
    for (const auto& kv : v) {
      if (!kv.second.IsScalar()) {
        *err = where(path, kv.second.Mark()) + ": reports: expected FORMAT: FILE";
        return false;
      }
      out->push_back(kv.first.Scalar() + "=" + kv.second.Scalar());
    }
    return true;
  }
  *err = where(path, v.Mark()) + ": " + key + ": expected a value or a list of values" +
         (v.IsNull() ? ", got nothing" : "");
  return false;
}

bool collect(CLI::App* cmd, const std::string& path, const YAML::Node& map, bool in_limits,
             std::vector<Setting>* out, std::string* err) {
  for (const auto& kv : map) {
    const YAML::Node& k = kv.first;
    if (!k.IsScalar()) {
      *err = where(path, k.Mark()) + ": expected a key";
      return false;
    }
    std::string key = k.Scalar();
    if (key == "limits" && !in_limits) {
      if (!kv.second.IsMap()) {
        *err = where(path, kv.second.Mark()) + ": limits: expected keys such as timeout, max-bytes, jobs";
        return false;
      }
      if (!collect(cmd, path, kv.second, true, out, err)) return false;
      continue;
    }
    CLI::Option* opt = option_for(cmd, key);
    if (!opt) {
      *err = where(path, k.Mark()) + ": unknown key '" + key + "'" +
             (in_limits ? " in limits" : "") + "; known keys: " + known_keys(cmd);
      return false;
    }
    Setting s{opt, key, kv.second.Mark(), {}};
    if (!values_of(path, key, kv.second, &s.values, err)) return false;
    if (s.values.size() > 1 && opt->get_expected_max() <= 1) {
      *err = where(path, kv.second.Mark()) + ": " + key + ": expected one value, got a list";
      return false;
    }
    out->push_back(std::move(s));
  }
  return true;
}

}  // namespace

bool apply_config(CLI::App* cmd, const std::string& path, std::string* err) {
  YAML::Node doc;
  try {
    doc = YAML::LoadFile(path);
  } catch (const YAML::BadFile&) {
    *err = path + ": cannot read";
    return false;
  } catch (const YAML::Exception& e) {
    *err = where(path, e.mark) + ": " + e.msg;
    return false;
  }
  if (doc.IsNull()) return true;  // an empty file sets nothing
  if (!doc.IsMap()) {
    *err = where(path, doc.Mark()) + ": expected keys such as pack, inputs, reports";
    return false;
  }
  std::vector<Setting> settings;
  if (!collect(cmd, path, doc, false, &settings, err)) return false;
  for (Setting& s : settings) {
    if (s.option->count() > 0) continue;  // the command line wins
    try {
      for (std::string& v : s.values)
        s.option->add_result(v);  // a flag reads true/false as it does from --flag=VALUE
      s.option->run_callback();
    } catch (const CLI::Error& e) {
      *err = where(path, s.mark) + ": " + s.key + ": " + e.what();
      return false;
    }
  }
  return true;
}

}  // namespace credcheck
