// --originals FILE takes an originals index (SQLite, from `index build`) or a list of
// originals (text: one file, directory or URL per line). Anything else is refused
// before the scan starts, with what it looks like instead.
#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace credcheck {

// "" when `path` is an index or reads as a list; else why not, e.g. "page.html is
// neither an originals index nor a list of originals: it is an HTML page (give pages
// with --original)".
std::string check_originals_file(const std::string& path);

// check_originals_file() as a CLI11 check for the --originals option.
CLI::Validator originals_file();

}  // namespace credcheck
