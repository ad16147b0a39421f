#include "checker/cli/output_safety.h"

#include <sys/stat.h>

#include <sstream>

namespace credcheck {

OutputIdentity identify_output(const std::string& output) {
  OutputIdentity id;
  struct stat st;
  if (!output.empty() && stat(output.c_str(), &st) == 0) {
    id.exists = true;
    id.dev = st.st_dev;
    id.ino = st.st_ino;
  }
  return id;
}

bool is_output(const OutputIdentity& out, const std::string& path) {
  struct stat st;
  return out.exists && stat(path.c_str(), &st) == 0 && st.st_dev == out.dev && st.st_ino == out.ino;
}

bool output_is_read(const OutputIdentity& out, const std::vector<std::string>& files,
                    const std::vector<std::string>& args, std::string* what) {
  if (!out.exists) return false;
  for (const std::string& f : files) {
    if (!f.empty() && is_output(out, f)) {
      *what = f;
      return true;
    }
  }
  std::vector<std::string> named;  // stdin is read once, by the scan itself
  for (const std::string& a : args) {
    if (a == "-") continue;
    if (a.size() > 1 && a[0] == '@' && is_output(out, a.substr(1))) {
      *what = a.substr(1) + " (a list of inputs)";
      return true;
    }
    named.push_back(a);
  }
  std::istringstream no_stdin;
  ExpandOptions options;
  options.empty_directory_is_error = false;
  InputSource source(named, no_stdin, options);
  for (Input input; source.next(&input);) {
    if (!input.is_url && input.error.empty() && is_output(out, input.spec)) {
      *what = input.spec;
      return true;
    }
  }
  return false;
}

}  // namespace credcheck
