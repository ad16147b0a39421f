#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "checker/fetch/clock.h"
#include "checker/fetch/fetcher.h"
#include "checker/fetch/transfer.h"

namespace credcheck {

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
  if (!ec) bytes->reserve(static_cast<size_t>(size));  // one allocation, not a doubling series
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

namespace {

// What a body that is not a page is, from its first bytes; empty when it may be a page.
std::string sniff_not_html(const std::string& bytes) {
  static const struct {
    const char* magic;
    size_t size;
    const char* type;
  } kinds[] = {
      {"%PDF-", 5, "application/pdf"},     {"\x89PNG\r\n\x1a\n", 8, "image/png"},
      {"\xFF\xD8\xFF", 3, "image/jpeg"},    {"GIF87a", 6, "image/gif"},
      {"GIF89a", 6, "image/gif"},           {"PK\x03\x04", 4, "application/zip"},
      {"\x1F\x8B", 2, "application/gzip"},  {"RIFF", 4, "image/webp or audio"},
  };
  for (const auto& k : kinds)
    if (bytes.compare(0, k.size, k.magic, k.size) == 0) return k.type;
  return "";
}

}  // namespace

// A Content-Type that is certainly not a page: its media type, lower-cased; empty when
// the header is absent or names HTML, XML or text (servers label pages loosely).
std::string declared_not_html(const std::string& content_type) {
  std::string type = content_type.substr(0, content_type.find(';'));
  for (char& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  while (!type.empty() && (type.back() == ' ' || type.back() == '\t')) type.pop_back();
  while (!type.empty() && (type.front() == ' ' || type.front() == '\t')) type.erase(0, 1);
  if (type.empty() || type.rfind("text/", 0) == 0 || type.find("html") != std::string::npos ||
      type.find("xml") != std::string::npos)
    return "";
  return type;
}

bool not_html(const Document& doc, std::string* why) {
  std::string type = declared_not_html(doc.content_type);
  if (type.empty()) type = sniff_not_html(doc.bytes);
  if (type.empty()) return false;
  *why = "not HTML (" + type + ")";
  return true;
}

bool load_input(const Input& input, Fetcher* fetcher, const FetchOptions& options,
                Document* doc, std::string* err) {
  if (!input.error.empty()) {
    *err = input.error;
    return false;
  }
  std::string why;
  if (input.is_url) {
    if (!fetcher) {
      *err = input.spec + ": no fetcher for URLs here";
      return false;
    }
    if (!fetcher->fetch(input.spec, doc, err)) return false;
    doc->input = input.spec;
    if (not_html(*doc, &why)) {
      *err = input.spec + ": " + why;
      return false;
    }
    return true;
  }
  Document file;
  if (input.body) {  // the page came on stdin, or out of a WARC file
    file.bytes = *input.body;
    file.input = input.spec;
    file.url = input.url;
    file.content_type = input.content_type;
    file.http_status = input.http_status;
    file.fetched_at = input.fetched_at.empty() ? utc_now_iso8601() : input.fetched_at;
    *doc = std::move(file);
  } else {
    if (!read_file(input.spec, options.max_bytes, &file.bytes, err)) return false;
    std::error_code ec;
    fs::path absolute = fs::absolute(input.spec, ec);
    file.input = input.spec;
    file.url = "file://" + (ec ? fs::path(input.spec) : absolute).lexically_normal().string();
    file.fetched_at = utc_now_iso8601();
    *doc = std::move(file);
  }
  if (not_html(*doc, &why)) {
    *err = input.spec + ": " + why;
    return false;
  }
  return true;
}

}  // namespace credcheck
