// --cache: what a scan remembers of each URL so the next scan can ask "changed since?"
// (conditional rescans). One SQLite file, one row per URL: the validators the server sent
// (ETag, Last-Modified), the SHA-256 of the body that was checked, when it was fetched, the
// key of the check (what else the result depends on: the pack, the originals, the tool's
// version; the caller computes it) and the result as the report writes it (JSON; opaque
// here, so the store does not depend on the report's shape).
//
// WAL, so shards writing one cache do not block each other's reads. Reads (find) are on
// one connection, serialised; writes (put) are queued and committed in batches on a
// thread of their own, so a scan never waits on a commit.
#pragma once

#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <thread>

#include "checker/store/sqlite_db.h"

namespace credcheck {

struct CachedPage {
  std::string url;
  std::string etag;           // as the server sent it, quotes and W/ included
  std::string last_modified;  // as the server sent it (an HTTP date)
  std::string sha256;         // of the body that was checked
  std::string fetched_at;     // when that body was fetched (UTC, ISO 8601)
  std::string check_key;      // what the result depends on besides the page
  std::string result_json;    // the result, as the report writes it
};

// The schema this build reads and writes; a cache of another version is refused with the
// advice to remove it (a cache is only ever a shortcut: nothing is lost with it).
constexpr int kCacheSchemaVersion = 1;

class ScanCache {
 public:
  ~ScanCache();
  // Opens or creates the cache. Refused with a message: a file that is not SQLite, an
  // SQLite file that is not a credcheck cache (an originals index, say), another schema
  // version, a file that cannot be opened for writing.
  bool open(const std::string& path, std::string* err);
  // The row for `url`; false without *err when there is none, with *err when the file
  // cannot be read (a damaged file). Thread-safe.
  bool find(const std::string& url, CachedPage* page, std::string* err);
  // Queues the row (it replaces the URL's row). At most kDepth wait; then the caller
  // waits for the writer. Once the writer has failed, rows are dropped (finish() says why).
  void put(CachedPage page);
  // Writes what is queued, commits and stops the writer. The writer's first error, if any.
  bool finish(std::string* err);
  const std::string& path() const { return path_; }
  size_t written() const { return written_; }

 private:
  static constexpr size_t kDepth = 4096;  // rows waiting: memory stays flat
  static constexpr size_t kBatch = 256;   // rows per transaction at most
  void run();
  bool write(std::deque<CachedPage>& rows, std::string* err);

  std::string path_;
  store_detail::Db read_db_, write_db_;
  store_detail::Stmt find_, upsert_;
  std::mutex read_mu_;
  std::thread thread_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<CachedPage> queue_;
  bool closing_ = false, failed_ = false, finished_ = false;
  std::string error_;
  size_t written_ = 0;
};

}  // namespace credcheck
