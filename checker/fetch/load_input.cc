#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "checker/fetch/clock.h"
#include "checker/fetch/fetcher.h"

namespace credcheck {

namespace {

namespace fs = std::filesystem;

// Reads at most max_bytes + 1 bytes, so a file that grows while read, or a special
// file with no size, is still refused instead of filling memory.
bool read_file(const std::string& path, size_t max_bytes, std::string* bytes, std::string* err) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    *err = path + ": is a directory";
    return false;
  }
  uintmax_t size = fs::file_size(path, ec);
  if (!ec && size > max_bytes) {
    *err = path + ": larger than " + std::to_string(max_bytes) + " bytes";
    return false;
  }
  errno = 0;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *err = path + ": cannot open: " + (errno ? std::strerror(errno) : "unknown error");
    return false;
  }
  bytes->clear();
  char buf[1 << 16];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    bytes->append(buf, static_cast<size_t>(in.gcount()));
    if (bytes->size() > max_bytes) {
      *err = path + ": larger than " + std::to_string(max_bytes) + " bytes";
      return false;
    }
  }
  if (in.bad()) {
    *err = path + ": read error";
    return false;
  }
  return true;
}

}  // namespace

bool load_input(const Input& input, Fetcher& fetcher, const FetchOptions& options,
                Document* doc, std::string* err) {
  if (!input.error.empty()) {
    *err = input.error;
    return false;
  }
  if (input.is_url) {
    if (!fetcher.fetch(input.spec, doc, err)) return false;
    doc->input = input.spec;
    return true;
  }
  Document file;
  if (!read_file(input.spec, options.max_bytes, &file.bytes, err)) return false;
  std::error_code ec;
  fs::path absolute = fs::absolute(input.spec, ec);
  file.input = input.spec;
  file.url = "file://" + (ec ? fs::path(input.spec) : absolute).lexically_normal().string();
  file.fetched_at = utc_now_iso8601();
  *doc = std::move(file);
  return true;
}

}  // namespace credcheck
