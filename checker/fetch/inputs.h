// Turns the command line's INPUT arguments into the list of pages to check.
#pragma once

#include <istream>
#include <string>
#include <vector>

namespace credcheck {

struct Input {
  std::string spec;   // the file path or URL, as it will appear in the report's `input`
  bool is_url = false;
  std::string error;  // non-empty: this input cannot be read; it still becomes a result
};

// Expands arguments in order: an http(s) URL; a file; a directory (its *.html/*.htm
// files, recursively, sorted); "@list.txt" (one INPUT per line, blank lines and lines
// starting with '#' skipped, entries expanded the same way but not recursively as @);
// and "-" (the same, read from `in`). An argument that names nothing readable
// becomes one Input with `error` set, so the batch goes on and the report shows it.
std::vector<Input> expand_inputs(const std::vector<std::string>& args, std::istream& in);

}  // namespace credcheck
