// Refusing an --output that would replace one of the run's own inputs.
#pragma once

#include <sys/types.h>

#include <istream>
#include <string>
#include <vector>

#include "checker/fetch/inputs.h"

namespace credcheck {

// The file --output names, when it exists (a report cannot replace a file that is not there).
struct OutputIdentity {
  bool exists = false;
  dev_t dev = 0;
  ino_t ino = 0;
};

OutputIdentity identify_output(const std::string& output);

// Is `path` the output file (same device and inode, so links and other spellings count)?
bool is_output(const OutputIdentity& out, const std::string& path);

// Checks every file the run will read before anything is read: `files` (the pack, the
// originals index) and what `args` expand to (files, directories' pages, @lists and
// their entries; "-" is checked entry by entry as the scan reads it). On a match returns
// true with *what naming the input.
bool output_is_read(const OutputIdentity& out, const std::vector<std::string>& files,
                    const std::vector<std::string>& args, std::string* what);

}  // namespace credcheck
