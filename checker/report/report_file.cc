#include "checker/report/report_file.h"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace credcheck {

ReportFile::~ReportFile() { discard(); }

bool ReportFile::open(const std::string& path, std::string* err) {
  path_ = path;
  struct stat st;
  if (stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
    *err = path + ": is a directory; name the report file";
    return false;
  }
  temp_ = path + ".partial-XXXXXX";
  int fd = mkstemp(temp_.data());
  if (fd < 0) {
    *err = path + ": cannot write there (" + std::strerror(errno) + ")";
    return false;
  }
  // mkstemp makes the file 0600; a report gets the mode any new file would get.
  mode_t mask = umask(0);
  umask(mask);
  fchmod(fd, 0666 & ~mask);
  close(fd);
  out_.open(temp_, std::ios::binary | std::ios::trunc);
  if (!out_) {
    unlink(temp_.c_str());
    *err = path + ": cannot write there";
    return false;
  }
  done_ = false;
  return true;
}

bool ReportFile::commit(std::string* err) {
  out_.flush();
  bool ok = static_cast<bool>(out_);
  out_.close();
  ok = ok && !out_.fail();
  int saved = errno;
  if (ok) {
    int fd = ::open(temp_.c_str(), O_RDONLY | O_CLOEXEC);
    ok = fd >= 0 && fsync(fd) == 0;
    saved = errno;
    if (fd >= 0) close(fd);
  }
  if (ok && std::rename(temp_.c_str(), path_.c_str()) != 0) {
    ok = false;
    saved = errno;
  }
  if (!ok) {
    *err = "writing the report " + path_ + " failed (" + std::strerror(saved) + "); " +
           "any report already there is left as it was";
    discard();
    return false;
  }
  done_ = true;
  return true;
}

void ReportFile::discard() {
  if (done_) return;
  if (out_.is_open()) out_.close();
  unlink(temp_.c_str());
  done_ = true;
}

}  // namespace credcheck
