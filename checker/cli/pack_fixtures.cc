#include "checker/cli/pack_fixtures.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace credcheck {
namespace fs = std::filesystem;

namespace {

std::string trimmed(std::string s) {
  s.erase(0, s.find_first_not_of(" \t"));
  s.erase(s.find_last_not_of(" \t\r") + 1);
  return s;
}

// "KEY: value" -> value, when `line` starts with KEY:.
bool directive(const std::string& line, const std::string& key, std::string* value) {
  if (line.rfind(key + ":", 0) != 0) return false;
  *value = trimmed(line.substr(key.size() + 1));
  return true;
}

}  // namespace

bool find_pack_fixtures(const Pack& pack, PackFixtures* out, std::string* err) {
  fs::path file(pack.path);
  std::vector<fs::path> tried;
  if (!pack.fixtures.empty()) tried.push_back(file.parent_path() / pack.fixtures);
  else tried.push_back(file.parent_path() / file.stem());
  std::error_code ec;
  for (const fs::path& dir : tried) {
    if (!fs::is_directory(dir, ec)) continue;
    out->dir = dir.lexically_normal().string();
    for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      if (!it->is_regular_file(ec) || it->path().extension() != ".html") continue;
      bool original = false;
      for (const fs::path& part : it->path().lexically_relative(dir))
        original = original || part == "originals";
      (original ? out->originals : out->pages).push_back(it->path().lexically_normal().string());
    }
    std::sort(out->originals.begin(), out->originals.end());
    std::sort(out->pages.begin(), out->pages.end());
    if (out->pages.empty()) {
      *err = pack.path + ": no test pages (.html) in " + out->dir;
      return false;
    }
    return true;
  }
  *err = pack.path + ": no fixtures folder: " + tried[0].lexically_normal().string() +
         (pack.fixtures.empty() ? " (or name one with `fixtures:` in the pack)"
                                : " (named by `fixtures:`)") +
         " is not a folder";
  return false;
}

bool read_expected(const std::string& page, Expected* out) {
  fs::path p(page);
  std::ifstream f(p.replace_extension(".expected"));
  if (!f) return false;
  for (std::string line; std::getline(f, line);) {
    line = trimmed(line);
    std::string value;
    if (line.empty()) continue;
    if (line[0] == '#') {
      if (out->comment.empty()) out->comment = trimmed(line.substr(1));
    } else if (directive(line, "not_checked", &value)) {
      out->not_checked.insert(value);
    } else if (directive(line, "base_url", &value)) {
      out->base_url = value;
    } else {
      out->fired.insert(line);
    }
  }
  return true;
}

}  // namespace credcheck
