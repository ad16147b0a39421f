// What a rights officer can stand on: the SHA-256 of a page's bytes as fetched, and a
// folder that keeps those bytes under that name (--save-pages), so the page can be shown
// as it was when it was checked.
#pragma once

#include <string>
#include <string_view>

namespace credcheck {

// Lower-case hex SHA-256 of `bytes` (OpenSSL's libcrypto, which libcurl already links).
std::string sha256_hex(std::string_view bytes);

// A folder of fetched pages, each stored as DIR/<sha256>.html.
class PageStore {
 public:
  // Creates the folder if needed and checks that a file can be written in it, so a bad
  // --save-pages is refused before any work. False with *err naming the folder.
  bool open(const std::string& dir, std::string* err);
  bool enabled() const { return !dir_.empty(); }
  // Writes `bytes` as DIR/<sha256>.html unless that file already exists (same name, same
  // bytes): written beside it, then renamed, so a reader never sees half a page. Safe from
  // several threads. False with *err.
  bool save(const std::string& sha256, std::string_view bytes, std::string* err) const;
  // Where save() puts the page with this hash.
  std::string path_of(const std::string& sha256) const;

 private:
  std::string dir_;
};

}  // namespace credcheck
