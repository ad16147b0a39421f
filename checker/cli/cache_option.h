// scan --cache FILE: conditional rescans. A URL checked before under the same check key is
// fetched with If-None-Match / If-Modified-Since; when the server answers 304, or sends the
// very bytes checked last time, the earlier result is reused (marked `reused`) instead of
// decoding, parsing and checking the page again. The rows live in checker/store/scan_cache.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <ostream>
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
  // What this scan's results depend on, before the first look_up(): `key` (holding the
  // originals read) and the pack file, --lang, --base-url and an originals index's files.
  bool set_key(CheckKey& key, const std::string& pack, const std::string& lang, const std::string& base_url,
               const std::string& originals_index, std::string* err);
  bool enabled() const { return enabled_; }
  // On the thread that pulls inputs: a URL with a usable row for this key goes out with
  // it (Input::previous), to be fetched conditionally.
  void look_up(Input* input);
  // The result of a page that was read: the earlier one when page.reused, else
  // check(page). New rows (a fresh check, or new validators for a reused one) are queued
  // for the writer; pages that could not be read are not kept (tried again next time).
  // Runs on one thread at a time.
  Result result(const Input& input, PageRead&& page, const std::function<Result(PageRead&&)>& check);
  // Writes what is queued; says on `err` when the cache could not be written (the scan's
  // results are not affected) and when rows could not be read.
  void finish(std::ostream& err);
  // Pages whose result was reused.
  size_t reused() const { return reused_; }

 private:
  ScanCache cache_;
  std::string key_;
  bool enabled_ = false;
  size_t reused_ = 0, unreadable_ = 0;  // reused_: done thread; unreadable_: puller thread
  std::string read_error_;
};

}  // namespace credcheck
