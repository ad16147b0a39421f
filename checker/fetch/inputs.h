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

// Bounds on what one list ("@list.txt" or "-") may hold, so `yes | credcheck scan -`
// or a binary file given as a list ends with an error instead of exhausting memory.
struct ListLimits {
  size_t max_lines = 10'000'000;  // lines past this are not read; one error Input says so
  size_t max_line_bytes = 64 << 10;  // a longer line becomes an error Input and is skipped
};

// expand_inputs() with explicit list limits (tests use small ones).
std::vector<Input> expand_inputs(const std::vector<std::string>& args, std::istream& in,
                                 const ListLimits& limits);

}  // namespace credcheck
