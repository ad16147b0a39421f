#include "checker/fetch/evidence.h"

#include <openssl/evp.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace credcheck {

namespace fs = std::filesystem;

std::string sha256_hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  // EVP_Digest is one call with no state to leak; it fails only when out of memory.
  if (EVP_Digest(bytes.data(), bytes.size(), digest, &size, EVP_sha256(), nullptr) != 1) return "";
  static const char* hex = "0123456789abcdef";
  std::string out;
  out.reserve(size * 2);
  for (unsigned int i = 0; i < size; ++i) {
    out += hex[digest[i] >> 4];
    out += hex[digest[i] & 15];
  }
  return out;
}

namespace {

// A name no other writer uses at the same time: the process and a counter.
std::string temporary_name(const std::string& final_path) {
  static std::atomic<unsigned long> counter{0};
  return final_path + ".part-" + std::to_string(getpid()) + "-" + std::to_string(counter++);
}

bool write_whole(const std::string& path, std::string_view bytes, std::string* err) {
  std::string tmp = temporary_name(path);
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) {
      *err = tmp + ": cannot create: " + std::strerror(errno);
      return false;
    }
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) {
      std::error_code ec;
      fs::remove(tmp, ec);
      *err = tmp + ": write failed (disk full?)";
      return false;
    }
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) {
    fs::remove(tmp, ec);
    *err = path + ": cannot rename into place: " + ec.message();
    return false;
  }
  return true;
}

}  // namespace

bool PageStore::open(const std::string& dir, std::string* err) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir, ec)) {
    *err = "--save-pages " + dir + ": cannot create the folder" + (ec ? ": " + ec.message() : "");
    return false;
  }
  std::string probe = (fs::path(dir) / ".credcheck-write-test").string();
  std::string why;
  if (!write_whole(probe, "", &why)) {
    *err = "--save-pages " + dir + ": cannot write there: " + why;
    return false;
  }
  fs::remove(probe, ec);
  dir_ = dir;
  return true;
}

std::string PageStore::path_of(const std::string& sha256) const {
  return (fs::path(dir_) / (sha256 + ".html")).string();
}

bool PageStore::save(const std::string& sha256, std::string_view bytes, std::string* err) const {
  if (sha256.size() != 64) {
    *err = "--save-pages: the page has no SHA-256";
    return false;
  }
  std::string path = path_of(sha256);
  std::error_code ec;
  if (fs::exists(path, ec)) return true;  // the same bytes, by their name
  if (!write_whole(path, bytes, err)) {
    *err = "--save-pages: " + *err;
    return false;
  }
  return true;
}

}  // namespace credcheck
