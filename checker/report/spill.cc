#include "checker/report/spill.h"

#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace credcheck {

ResultSpill::~ResultSpill() {
  if (file_) std::fclose(file_);
}

bool ResultSpill::open(std::string* err) {
  const char* dir = getenv("TMPDIR");
  std::string path = std::string(dir && *dir ? dir : "/tmp") + "/credcheck-results-XXXXXX";
  int fd = mkstemp(path.data());
  if (fd < 0) {
    *err = "cannot create a temporary file for the results in " + path.substr(0, path.rfind('/')) +
           ": " + std::strerror(errno) + " (set TMPDIR, or use --format jsonl)";
    return false;
  }
  unlink(path.c_str());
  file_ = fdopen(fd, "w+");
  if (!file_) {
    close(fd);
    *err = std::string("cannot open the results file: ") + std::strerror(errno);
    return false;
  }
  return true;
}

bool ResultSpill::add(size_t index, const Result& r, std::string* err) {
  std::fseek(file_, 0, SEEK_END);
  long long at = ftello(file_);
  std::string line = jsonl_line(r);
  if (at < 0 || std::fwrite(line.data(), 1, line.size(), file_) != line.size()) {
    *err = std::string("writing the results file failed: ") + std::strerror(errno);
    return false;
  }
  where_.emplace_back(index, at);
  return true;
}

ResultVisitor ResultSpill::in_order() {
  return [this](const std::function<void(const Result&)>& each, std::string* err) {
    if (std::fflush(file_) != 0) {
      *err = std::string("writing the results file failed: ") + std::strerror(errno);
      return false;
    }
    std::sort(where_.begin(), where_.end());
    char* line = nullptr;
    size_t cap = 0;
    bool ok = true;
    for (const auto& [index, at] : where_) {
      Result r;
      ssize_t n;
      if (fseeko(file_, at, SEEK_SET) != 0 || (n = getline(&line, &cap, file_)) <= 0) {
        *err = "reading the results file back failed";
        ok = false;
        break;
      }
      auto j = nlohmann::ordered_json::parse(line, line + n, nullptr, false);
      if (j.is_discarded() || !result_from_json(j, &r, err)) {
        *err = "the results file is damaged at input " + std::to_string(index);
        ok = false;
        break;
      }
      each(r);
    }
    free(line);
    return ok;
  };
}

}  // namespace credcheck
