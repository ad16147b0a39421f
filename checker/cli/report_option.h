// --report F=FILE (repeatable, on `scan` and `report`): more reports of the same results,
// each written whole or not at all like --output, each refused before any work when its
// path is bad, names another report's file, or is one of the run's inputs.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "checker/cli/output_safety.h"
#include "checker/report/report_file.h"

namespace credcheck {

struct ReportTarget {
  std::string format, path;
};

// "F=FILE" -> *out; false with *err naming what is wrong (no '=', an unknown format, no file).
bool parse_report_target(const std::string& spec, ReportTarget* out, std::string* err);

// Adds --report to `cmd`, validated as it is parsed.
void add_report_option(CLI::App* cmd, std::vector<std::string>* specs);

// The reports of one run, opened before the run starts.
class ExtraReports {
 public:
  // Parses `specs`; refuses a path given twice or equal to `output` (the --output file).
  bool parse(const std::vector<std::string>& specs, const std::string& output, std::string* err);
  // Is any report file one of these inputs (see output_is_read)? *what names both.
  bool any_is_read(const std::vector<std::string>& files, const std::vector<std::string>& args,
                   std::string* what) const;
  // Is this file (an input met while scanning) one of the report files?
  bool is_report(const std::string& path, std::string* which) const;
  // Creates each report's temporary file; false with *err on the first that cannot be.
  bool open(std::string* err);
  const std::vector<ReportTarget>& targets() const { return targets_; }
  std::ostream& stream(size_t i) { return files_[i]->stream(); }
  // Renames every report into place; false with *err naming those that failed.
  bool commit(std::string* err);

 private:
  std::vector<ReportTarget> targets_;
  std::vector<OutputIdentity> ids_;
  std::vector<std::unique_ptr<ReportFile>> files_;
};

}  // namespace credcheck
