// scan --cache FILE: conditional rescans. A URL checked before under the same check key is
// fetched with If-None-Match / If-Modified-Since; when the server answers 304, or sends the
// very bytes checked last time, the earlier result is reused (marked `reused`) instead of
// decoding, parsing and checking the page again. The rows live in checker/store/scan_cache.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <string>
#include <string_view>

#include "checker/cli/pipeline.h"
#include "checker/store/scan_cache.h"

namespace credcheck {

void add_cache_option(CLI::App* cmd, std::string* path);

// What a result depends on besides the page: this credcheck's version, the pack file's
// bytes, --lang, --base-url and the originals (each original read: its input, URL, fields
// and text, in order; an index: its file's bytes and its WAL's). A change in any of them
// and every page is fetched whole and checked anew. A 128-bit XXH3 (not a defence against
// forgery: the cache is the operator's own file).
class CheckKey {
 public:
  CheckKey();
  ~CheckKey();
  CheckKey(const CheckKey&) = delete;
  CheckKey& operator=(const CheckKey&) = delete;
  void add(std::string_view label, std::string_view value);
  bool add_file(std::string_view label, const std::string& path, std::string* err);
  void add_original(const Original& original);
  std::string hex() const;

 private:
  void* state_;  // XXH3_state_t
};

class RescanCache {
 public:
  // Opens --cache PATH (refused before any work when it is not a cache of this schema).
  bool open(const std::string& path, std::string* err);
  // What this scan's results depend on (CheckKey::hex()); before the first look_up().
  void set_key(std::string key) { key_ = std::move(key); }
  bool enabled() const { return enabled_; }
  // On the thread that pulls inputs: a URL with a usable row for this key goes out with
  // it (Input::previous), to be fetched conditionally.
  void look_up(Input* input);
  // The result of a page that was read: the earlier one when page.reused, else
  // check(page). New rows (a fresh check, or new validators for a reused one) are queued
  // for the writer; unchecked results are not kept (they are tried again next time).
  // Runs on one thread at a time.
  Result result(const Input& input, PageRead&& page, const std::function<Result(PageRead&&)>& check);
  // Writes what is queued. False with *err when the cache could not be written; the
  // scan's results are not affected.
  bool finish(std::string* err);
  // Pages whose result was reused; URLs whose row could not be read (first such error).
  size_t reused() const { return reused_; }
  size_t unreadable() const { return unreadable_; }
  const std::string& first_read_error() const { return read_error_; }

 private:
  ScanCache cache_;
  std::string key_;
  bool enabled_ = false;
  size_t reused_ = 0, unreadable_ = 0;  // reused_: done thread; unreadable_: puller thread
  std::string read_error_;
};

}  // namespace credcheck
