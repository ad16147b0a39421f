#include "checker/fetch/inputs.h"

#include <re2/re2.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace credcheck {
namespace {

namespace fs = std::filesystem;

Input error_input(const std::string& spec, const std::string& message) {
  return Input{spec, false, message};
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return s;
}

bool has_html_extension(const fs::path& p) {
  std::string ext = lower(p.extension().string());
  return ext == ".html" || ext == ".htm";
}

// Every file *.html / *.htm under `root`, sorted by path, plus an error Input for each
// directory that could not be read. Walks with an explicit stack and never follows a
// symlink to a directory, so a link loop cannot make it run forever.
void expand_directory(const fs::path& root, std::vector<Input>* out) {
  std::vector<Input> found;
  std::vector<fs::path> pending{root};
  while (!pending.empty()) {
    fs::path dir = std::move(pending.back());
    pending.pop_back();
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
      std::error_code sec;
      fs::file_status own = it->symlink_status(sec);
      if (fs::is_directory(own)) {
        pending.push_back(it->path());
      } else if (has_html_extension(it->path()) && fs::is_regular_file(it->status(sec))) {
        found.push_back(Input{it->path().string(), false, ""});
      }
    }
    if (ec) {
      found.push_back(error_input(dir.string(), dir.string() + ": cannot read directory: " +
                                                    ec.message()));
    }
  }
  std::sort(found.begin(), found.end(),
            [](const Input& a, const Input& b) { return a.spec < b.spec; });
  if (found.empty()) {
    out->push_back(error_input(root.string(), root.string() + ": no .html or .htm files in it"));
  }
  for (Input& input : found) out->push_back(std::move(input));
}

// One argument that is not a list: a URL, a file or a directory.
void expand_one(const std::string& arg, std::vector<Input>* out) {
  static const RE2 http_scheme(R"((?i)^https?:)");
  static const RE2 http_url(R"((?i)^https?://[^/?#\s\x00-\x1f\x7f]+[^\s\x00-\x1f\x7f]*$)");
  static const RE2 any_scheme(R"(^([A-Za-z][A-Za-z0-9+.\-]*):)");
  if (arg.empty()) {
    out->push_back(error_input(arg, "empty input name"));
    return;
  }
  if (RE2::PartialMatch(arg, http_scheme)) {
    if (RE2::PartialMatch(arg, http_url)) out->push_back(Input{arg, true, ""});
    else out->push_back(error_input(arg, arg + ": malformed URL"));
    return;
  }
  std::error_code ec;
  fs::file_status st = fs::status(arg, ec);
  std::string scheme;
  if (fs::is_directory(st)) {
    expand_directory(arg, out);
  } else if (fs::is_regular_file(st)) {
    out->push_back(Input{arg, false, ""});
  } else if (st.type() == fs::file_type::not_found &&
             RE2::PartialMatch(arg, any_scheme, &scheme)) {
    out->push_back(error_input(arg, arg + ": unsupported scheme \"" + lower(scheme) +
                                        "\" (only http:// and https:// URLs are fetched)"));
  } else if (st.type() == fs::file_type::not_found) {
    out->push_back(error_input(arg, arg + ": no such file or directory"));
  } else if (ec) {
    out->push_back(error_input(arg, arg + ": " + ec.message()));
  } else {
    out->push_back(error_input(arg, arg + ": not a regular file or directory"));
  }
}

std::string trim(const std::string& s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r' || s[b] == '\f')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r' || s[e - 1] == '\f'))
    --e;
  return s.substr(b, e - b);
}

// Reads a list of inputs: one per line, blank and '#' lines skipped. Entries are
// expanded with expand_one, so "@x" inside a list is just a file named "@x".
// `spec` is the argument as given ("@list.txt" or "-"), `name` what errors call it.
void expand_list(std::istream& in, const std::string& spec, const std::string& name,
                 const ListLimits& limits, std::vector<Input>* out) {
  std::string line;
  size_t line_no = 0;
  bool too_long = false;
  // Returns false once the line cap is passed, which ends the reading.
  auto finish_line = [&]() {
    ++line_no;
    if (line_no > limits.max_lines) {
      out->push_back(error_input(spec, name + ": more than " + std::to_string(limits.max_lines) +
                                           " lines; the rest is not read"));
      return false;
    }
    if (too_long) {
      out->push_back(error_input(spec, name + ":" + std::to_string(line_no) + ": longer than " +
                                           std::to_string(limits.max_line_bytes) +
                                           " bytes; skipped"));
    } else {
      if (line_no == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
      std::string entry = trim(line);
      if (!entry.empty() && entry[0] != '#') expand_one(entry, out);
    }
    line.clear();
    too_long = false;
    return true;
  };
  char buf[1 << 16];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    for (std::streamsize i = 0, n = in.gcount(); i < n; ++i) {
      if (buf[i] == '\n') {
        if (!finish_line()) return;
      } else if (!too_long && line.size() >= limits.max_line_bytes) {
        too_long = true;
        line.clear();
      } else if (!too_long) {
        line.push_back(buf[i]);
      }
    }
  }
  if (!line.empty() || too_long) finish_line();
}

void expand_list_file(const std::string& arg, const ListLimits& limits,
                      std::vector<Input>* out) {
  std::string path = arg.substr(1);
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    out->push_back(error_input(arg, path + ": is a directory, not a list"));
    return;
  }
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    out->push_back(error_input(arg, path + ": cannot open list (" +
                                        (fs::exists(path, ec) ? "not readable" : "no such file") +
                                        ")"));
    return;
  }
  expand_list(file, arg, path, limits, out);
}

}  // namespace

std::vector<Input> expand_inputs(const std::vector<std::string>& args, std::istream& in,
                                 const ListLimits& limits) {
  std::vector<Input> out;
  for (const std::string& arg : args) {
    if (arg == "-") expand_list(in, arg, "stdin", limits, &out);
    else if (arg.size() > 1 && arg[0] == '@') expand_list_file(arg, limits, &out);
    else expand_one(arg, &out);
  }
  return out;
}

std::vector<Input> expand_inputs(const std::vector<std::string>& args, std::istream& in) {
  return expand_inputs(args, in, ListLimits{});
}

}  // namespace credcheck
