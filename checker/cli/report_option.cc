#include "checker/cli/report_option.h"

#include <algorithm>

#include "checker/report/format.h"

namespace credcheck {

bool parse_report_target(const std::string& spec, ReportTarget* out, std::string* err) {
  size_t eq = spec.find('=');
  std::vector<std::string> formats = report_formats();
  std::string list;
  for (const std::string& f : formats) list += (list.empty() ? "" : ", ") + f;
  if (eq == std::string::npos) {
    *err = "--report " + spec + ": expected FORMAT=FILE (FORMAT one of " + list + ")";
    return false;
  }
  out->format = spec.substr(0, eq);
  out->path = spec.substr(eq + 1);
  if (std::find(formats.begin(), formats.end(), out->format) == formats.end()) {
    *err = "--report " + spec + ": unknown format '" + out->format + "' (one of " + list + ")";
    return false;
  }
  if (out->path.empty() || out->path == "-") {
    *err = "--report " + spec + ": name the file to write (standard output is --format's)";
    return false;
  }
  return true;
}

void add_report_option(CLI::App* cmd, std::vector<std::string>* specs) {
  cmd->add_option("--report", *specs,
                  "Also write FORMAT=FILE (repeatable: --report sarif=r.sarif --report junit=r.xml), "
                  "each whole or not at all like --output")
      ->allow_extra_args(false)
      ->check([](const std::string& spec) {
        ReportTarget t;
        std::string err;
        return parse_report_target(spec, &t, &err) ? std::string() : err;
      });
}

bool ExtraReports::parse(const std::vector<std::string>& specs, const std::string& output,
                         std::string* err) {
  OutputIdentity main = identify_output(output);
  for (const std::string& spec : specs) {
    ReportTarget t;
    if (!parse_report_target(spec, &t, err)) return false;
    OutputIdentity id = identify_output(t.path);
    bool same_as_output = t.path == output || is_output(main, t.path);
    for (size_t i = 0; i < targets_.size(); ++i) {
      if (targets_[i].path == t.path || is_output(ids_[i], t.path)) {
        *err = "--report " + spec + ": " + t.path + " is already the " + targets_[i].format +
               " report; give each report its own file";
        return false;
      }
    }
    if (!output.empty() && same_as_output) {
      *err = "--report " + spec + ": " + t.path + " is already the --output file; give each report its own file";
      return false;
    }
    targets_.push_back(t);
    ids_.push_back(id);
  }
  return true;
}

bool ExtraReports::any_is_read(const std::vector<std::string>& files,
                               const std::vector<std::string>& args, std::string* what) const {
  for (size_t i = 0; i < targets_.size(); ++i) {
    std::string input;
    if (output_is_read(ids_[i], files, args, &input)) {
      *what = "--report " + targets_[i].format + "=" + targets_[i].path + " is also an input (" +
              input + ")";
      return true;
    }
  }
  return false;
}

bool ExtraReports::is_report(const std::string& path, std::string* which) const {
  for (size_t i = 0; i < targets_.size(); ++i) {
    if (is_output(ids_[i], path)) {
      *which = "--report " + targets_[i].format + "=" + targets_[i].path;
      return true;
    }
  }
  return false;
}

bool ExtraReports::open(std::string* err) {
  for (const ReportTarget& t : targets_) {
    files_.push_back(std::make_unique<ReportFile>());
    if (!files_.back()->open(t.path, err)) {
      *err = "--report " + t.format + "=" + *err;
      return false;
    }
  }
  return true;
}

bool ExtraReports::commit(std::string* err) {
  bool ok = true;
  for (auto& f : files_) {
    std::string one;
    if (!f->commit(&one)) {
      *err += (err->empty() ? "" : "; ") + one;
      ok = false;
    }
  }
  return ok;
}

}  // namespace credcheck
