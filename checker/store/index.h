// The originals index: the publisher's originals, extracted once by `index build` and
// read back by `scan --originals`, in SQLite.
#pragma once

#include <string>
#include <vector>

#include "checker/match/match.h"

namespace credcheck {

// True when `path` is an SQLite database (by its header), so --originals can take
// either an index or a list of inputs.
bool is_index_file(const std::string& path);

// Adds or replaces (by input) the originals in the index at `path`, creating it if
// needed. Returns false with *err on a database error.
bool store_originals(const std::string& path, const std::vector<Original>& originals,
                     std::string* err);

// Appends every original of the index at `path`.
bool load_index(const std::string& path, std::vector<Original>* originals, std::string* err);

}  // namespace credcheck
