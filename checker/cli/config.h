// credcheck.yaml (or --config FILE): the scan's options kept in the repository, so a CI
// job's command line stays `credcheck scan`. Keys are the scan's long option names
// (`fail-on` or `fail_on`), plus a few that read better in a file:
//   pack: rules/x.yaml            # --rules
//   originals: [dir/, a.html]     # --original, repeated
//   index: originals.db           # --originals
//   inputs: [site/news/]          # the pages
//   limits: {timeout: 20s, max-bytes: 8M, jobs: 4, page-memory: 512M, page-seconds: 5}
//   reports: {sarif: out.sarif, junit: out.xml}   # or a list of F=FILE
// An option given on the command line wins over the file, a list as a whole. Values are
// read by the same option parsers as the flags; paths are taken as the flags take them
// (relative to the working directory).
#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace credcheck {

// The file a scan reads when --config is not given, if it exists in the working directory.
inline constexpr const char* kDefaultConfig = "credcheck.yaml";

// Applies the file at `path` to the options of `cmd` the command line left unset. False
// with *err as "FILE:LINE:COL: what is wrong" for YAML that does not parse, an unknown
// key (with the keys it knows), a value of the wrong shape, or a value its option refuses.
bool apply_config(CLI::App* cmd, const std::string& path, std::string* err);

}  // namespace credcheck
