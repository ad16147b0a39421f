#include "checker/store/scan_cache.h"

#include <sqlite3.h>

#include <chrono>
#include <filesystem>

namespace credcheck {
namespace {

using namespace store_detail;

// The kind in meta: an originals index or another program's database is not read as a
// cache (nor overwritten as one).
constexpr const char* kKind = "credcheck-scan-cache";

constexpr const char* kSchema =
    "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
    "CREATE TABLE IF NOT EXISTS pages("
    " url TEXT PRIMARY KEY, etag TEXT NOT NULL, last_modified TEXT NOT NULL,"
    " sha256 TEXT NOT NULL, fetched_at TEXT NOT NULL, check_key TEXT NOT NULL,"
    " result TEXT NOT NULL) WITHOUT ROWID;";

bool check_kind(sqlite3* db, const std::string& path, std::string* err) {
  // A read that fails here (a damaged or encrypted file) says so in SQLite's words.
  Stmt s;
  if (!prepare(db, "SELECT count(*) FROM sqlite_schema", &s, path, err)) return false;
  if (sqlite3_step(s.get()) != SQLITE_ROW) return fail(db, path, err);
  bool empty = sqlite3_column_int(s.get(), 0) == 0;
  s.reset();
  if (empty) return true;  // a new file: created below
  std::string kind = meta(db, "kind"), version = meta(db, "schema_version");
  if (kind != kKind) {
    *err = path + ": not a credcheck scan cache (an SQLite file of something else); name a new file "
                  "with --cache";
    return false;
  }
  if (version != std::to_string(kCacheSchemaVersion)) {
    *err = path + ": a scan cache of schema version " + (version.empty() ? "?" : version) +
           " (this credcheck uses version " + std::to_string(kCacheSchemaVersion) +
           "); remove the file to start a new cache (it only saves work: no result is lost)";
    return false;
  }
  return true;
}

}  // namespace

ScanCache::~ScanCache() {
  std::string ignored;
  finish(&ignored);
}

bool ScanCache::open(const std::string& path, std::string* err) {
  path_ = path;
  std::error_code ec;
  if (std::filesystem::exists(path, ec) && std::filesystem::file_size(path, ec) > 0 && !is_sqlite_file(path)) {
    *err = path + ": not a credcheck scan cache (not an SQLite file); name a new file with --cache";
    return false;
  }
  if (!open_db(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &write_db_, err)) return false;
  sqlite3* w = write_db_.get();
  if (!check_kind(w, path, err)) return false;
  // NORMAL in WAL mode: a commit does not wait for the disk; a crash may lose the last
  // batches, which only means those pages are fetched whole next time.
  if (!exec(w, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", path, err) ||
      !exec(w, kSchema, path, err))
    return false;
  std::string meta_rows = std::string("INSERT OR IGNORE INTO meta VALUES('kind', '") + kKind +
                          "'), ('schema_version', '" + std::to_string(kCacheSchemaVersion) + "')";
  if (!exec(w, meta_rows.c_str(), path, err)) return false;
  if (!prepare(w,
               "INSERT OR REPLACE INTO pages(url, etag, last_modified, sha256, fetched_at, check_key, result)"
               " VALUES(?,?,?,?,?,?,?)",
               &upsert_, path, err))
    return false;
  if (!open_db(path, SQLITE_OPEN_READONLY, &read_db_, err) ||
      !prepare(read_db_.get(),
               "SELECT etag, last_modified, sha256, fetched_at, check_key, result FROM pages WHERE url = ?",
               &find_, path, err))
    return false;
  thread_ = std::thread([this] { run(); });
  return true;
}

bool ScanCache::find(const std::string& url, CachedPage* page, std::string* err) {
  std::lock_guard lock(read_mu_);
  if (!find_) return false;
  sqlite3_stmt* s = find_.get();
  bind_text(s, 1, url);
  int rc = sqlite3_step(s);
  if (rc == SQLITE_ROW) {
    page->url = url;
    page->etag = column_text(s, 0);
    page->last_modified = column_text(s, 1);
    page->sha256 = column_text(s, 2);
    page->fetched_at = column_text(s, 3);
    page->check_key = column_text(s, 4);
    page->result_json = column_text(s, 5);
  } else if (rc != SQLITE_DONE) {
    fail(read_db_.get(), path_, err);
  }
  sqlite3_reset(s);
  return rc == SQLITE_ROW;
}

void ScanCache::put(CachedPage page) {
  if (!thread_.joinable()) return;  // not open
  std::unique_lock lock(mu_);
  cv_.wait(lock, [&] { return failed_ || closing_ || queue_.size() < kDepth; });
  if (failed_ || closing_) return;
  queue_.push_back(std::move(page));
  if (queue_.size() >= kBatch) cv_.notify_all();
}

bool ScanCache::write(std::deque<CachedPage>& rows, std::string* err) {
  sqlite3* db = write_db_.get();
  if (!exec(db, "BEGIN", path_, err)) return false;
  sqlite3_stmt* s = upsert_.get();
  for (const CachedPage& p : rows) {
    int col = 1;
    for (const std::string* v : {&p.url, &p.etag, &p.last_modified, &p.sha256, &p.fetched_at, &p.check_key,
                                 &p.result_json})
      bind_text(s, col++, *v);
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    if (rc != SQLITE_DONE) {
      fail(db, path_, err);
      std::string ignored;
      exec(db, "ROLLBACK", path_, &ignored);
      return false;
    }
  }
  return exec(db, "COMMIT", path_, err);
}

void ScanCache::run() {
  for (;;) {
    std::deque<CachedPage> rows;
    {
      std::unique_lock lock(mu_);
      // A batch when kBatch rows wait, or every second, or at the end.
      cv_.wait_for(lock, std::chrono::seconds(1), [&] { return closing_ || queue_.size() >= kBatch; });
      if (queue_.empty()) {
        if (closing_) return;
        continue;
      }
      size_t n = std::min(queue_.size(), kBatch);
      rows.insert(rows.end(), std::make_move_iterator(queue_.begin()),
                  std::make_move_iterator(queue_.begin() + static_cast<long>(n)));
      queue_.erase(queue_.begin(), queue_.begin() + static_cast<long>(n));
      cv_.notify_all();  // room for put()
    }
    std::string err;
    bool ok = write(rows, &err);
    std::lock_guard lock(mu_);
    if (!ok) {
      failed_ = true;
      error_ = err;
      queue_.clear();
      cv_.notify_all();
      return;
    }
    written_ += rows.size();
  }
}

bool ScanCache::finish(std::string* err) {
  {
    std::lock_guard lock(mu_);
    if (finished_) return !failed_ || (*err = error_, false);
    closing_ = true;
    cv_.notify_all();
  }
  if (thread_.joinable()) thread_.join();
  std::lock_guard lock(mu_);
  finished_ = true;
  find_.reset();
  upsert_.reset();
  read_db_.reset();
  write_db_.reset();  // the last connection closing folds the WAL into the file
  if (failed_) {
    *err = error_;
    return false;
  }
  return true;
}

}  // namespace credcheck
