// A report file that is whole or absent: written under a temporary name in the same
// folder and renamed into place at the end, so an interrupted or failed run never
// leaves a truncated report over a good one, and two runs writing the same path leave
// one whole report (the last to finish).
#pragma once

#include <fstream>
#include <string>

namespace credcheck {

class ReportFile {
 public:
  ReportFile() = default;
  ~ReportFile();  // removes the temporary file unless commit() succeeded
  ReportFile(const ReportFile&) = delete;
  ReportFile& operator=(const ReportFile&) = delete;

  // Creates PATH.partial-XXXXXX beside PATH. False with *err when the folder cannot take it.
  bool open(const std::string& path, std::string* err);
  std::ostream& stream() { return out_; }
  const std::string& temp_path() const { return temp_; }
  // Flushes, syncs to disk and renames over PATH. False with *err (and the temporary file
  // removed) when any write failed.
  bool commit(std::string* err);
  // Removes the temporary file; PATH is left as it was.
  void discard();

 private:
  std::string path_, temp_;
  std::ofstream out_;
  bool done_ = true;
};

}  // namespace credcheck
