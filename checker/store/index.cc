#include "checker/store/index.h"

#include <sqlite3.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "checker/report/json.h"

namespace credcheck {

namespace {

using namespace store_detail;

// Marks are stored as their top 47 bits: SQLite keeps such an integer in 6 bytes
// instead of 8, a quarter off the postings, and a mark only nominates candidates (the
// exact score is over full 64-bit shingles), so a rare collision costs one extra score.
int64_t stored_mark(uint64_t mark) { return static_cast<int64_t>(mark >> 17); }

// Originals per transaction while building: large enough that commits do not dominate,
// small enough that a failure loses little and the WAL stays small.
constexpr size_t kBatch = 500;

constexpr const char* kSchema =
    "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
    "CREATE TABLE IF NOT EXISTS originals("
    " id INTEGER PRIMARY KEY, input TEXT NOT NULL UNIQUE, url TEXT NOT NULL,"
    " fields TEXT NOT NULL, text TEXT NOT NULL, published TEXT NOT NULL,"
    " indexed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));"
    "CREATE INDEX IF NOT EXISTS originals_url ON originals(url);"
    "CREATE TABLE IF NOT EXISTS marks(mark INTEGER NOT NULL, original INTEGER NOT NULL,"
    " PRIMARY KEY(mark, original)) WITHOUT ROWID;";

bool check_version(sqlite3* db, const std::string& path, std::string* err) {
  std::string v = meta(db, "schema_version");
  if (v == std::to_string(kIndexSchemaVersion)) return true;
  *err = path + ": an originals index of " +
         (v.empty() ? std::string("an older credcheck") : "schema version " + v) +
         " (this credcheck reads version " + std::to_string(kIndexSchemaVersion) +
         "); rebuild it with `credcheck index build`";
  return false;
}

}  // namespace

bool is_index_file(const std::string& path) { return is_sqlite_file(path); }

bool IndexWriter::open(const std::string& path, std::string* err) {
  path_ = path;
  bool existed = is_index_file(path);
  if (!open_db(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &db_, err)) return false;
  // WAL: a scan may read the index while `index add` writes to it.
  // A 64 MB page cache: marks arrive in hash order, scattered over the whole b-tree, and
  // with SQLite's default 2 MB nearly every insert re-reads a page.
  if (!exec(db_.get(), "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536;",
            path, err))
    return false;
  if (existed && !check_version(db_.get(), path, err)) return false;
  if (!exec(db_.get(), kSchema, path, err)) return false;
  std::string version = "INSERT OR IGNORE INTO meta VALUES('schema_version', '" +
                        std::to_string(kIndexSchemaVersion) + "')";
  if (!exec(db_.get(), version.c_str(), path, err)) return false;
  {
    Stmt any;
    if (!prepare(db_.get(), "SELECT EXISTS(SELECT 1 FROM marks)", &any, path, err)) return false;
    staging_ = sqlite3_step(any.get()) == SQLITE_ROW && sqlite3_column_int(any.get(), 0) == 0;
  }
  // The staging table is a TEMP one (its own file): its pages never enter the index
  // file. A build killed before finish() leaves originals without marks; they are staged
  // again here from their stored text.
  if (staging_ && !(exec(db_.get(), "CREATE TEMP TABLE marks_load(mark INTEGER NOT NULL, original INTEGER NOT NULL)",
                         path, err) &&
                    stage_stored_originals(err)))
    return false;
  return prepare(db_.get(), "SELECT id, text FROM originals WHERE input = ?", &find_, path, err) &&
         prepare(db_.get(),
                 "INSERT INTO originals(input, url, fields, text, published) VALUES(?,?,?,?,?)"
                 " ON CONFLICT(input) DO UPDATE SET url=excluded.url, fields=excluded.fields,"
                 " text=excluded.text, published=excluded.published,"
                 " indexed_at=strftime('%Y-%m-%dT%H:%M:%SZ','now') RETURNING id",
                 &upsert_, path, err) &&
         prepare(db_.get(), staging_ ? "INSERT INTO marks_load VALUES(?, ?)" : "INSERT OR IGNORE INTO marks VALUES(?, ?)",
                 &add_mark_, path, err) &&
         prepare(db_.get(), "DELETE FROM marks WHERE mark = ? AND original = ?", &drop_mark_, path, err) &&
         (!staging_ || prepare(db_.get(), "DELETE FROM marks_load WHERE original = ?", &drop_staged_, path, err));
}

bool IndexWriter::stage_stored_originals(std::string* err) {
  Stmt rows, stage;
  if (!prepare(db_.get(), "SELECT id, text FROM originals", &rows, path_, err) ||
      !prepare(db_.get(), "INSERT INTO marks_load VALUES(?, ?)", &stage, path_, err) ||
      !exec(db_.get(), "BEGIN", path_, err))
    return false;
  int rc;
  while ((rc = sqlite3_step(rows.get())) == SQLITE_ROW) {
    int64_t id = sqlite3_column_int64(rows.get(), 0);
    for (uint64_t mark : fingerprint_marks(column_text(rows.get(), 1)).marks) {
      sqlite3_bind_int64(stage.get(), 1, stored_mark(mark));
      sqlite3_bind_int64(stage.get(), 2, id);
      if (sqlite3_step(stage.get()) != SQLITE_DONE) return fail(db_.get(), path_, err);
      sqlite3_reset(stage.get());
    }
  }
  if (rc != SQLITE_DONE) return fail(db_.get(), path_, err);
  rows.reset();
  return exec(db_.get(), "COMMIT", path_, err);
}

// marks_load -> marks in one sorted pass: SQLite's external sorter, then appends to the
// b-tree in key order.
bool IndexWriter::move_staged_marks(std::string* err) {
  return exec(db_.get(),
              "BEGIN;"
              "INSERT OR IGNORE INTO marks SELECT mark, original FROM temp.marks_load ORDER BY mark, original;"
              "DROP TABLE temp.marks_load;"
              "COMMIT;",
              path_, err);
}

bool IndexWriter::begin(std::string* err) {
  if (in_batch_ == 0 && !exec(db_.get(), "BEGIN", path_, err)) return false;
  return true;
}

bool IndexWriter::add(const Original& o, std::string* err) {
  if (!db_) {
    *err = path_ + ": index not open";
    return false;
  }
  if (!begin(err)) return false;
  sqlite3* db = db_.get();
  // A replaced original's old marks go first: recomputed from its old text, so no
  // second index on marks(original) is needed just for this.
  sqlite3_stmt* s = find_.get();
  bind_text(s, 1, o.input);
  if (sqlite3_step(s) == SQLITE_ROW) {
    int64_t id = sqlite3_column_int64(s, 0);
    std::erase_if(pending_, [id](const auto& p) { return p.second == id; });  // same batch
    if (staging_) {  // a scan of the staging table: only when one build names an input twice
      sqlite3_bind_int64(drop_staged_.get(), 1, id);
      if (sqlite3_step(drop_staged_.get()) != SQLITE_DONE) return fail(db, path_, err);
      sqlite3_reset(drop_staged_.get());
    }
    Fingerprint old = fingerprint_marks(staging_ ? std::string() : column_text(s, 1));
    for (uint64_t mark : old.marks) {
      sqlite3_bind_int64(drop_mark_.get(), 1, stored_mark(mark));
      sqlite3_bind_int64(drop_mark_.get(), 2, id);
      if (sqlite3_step(drop_mark_.get()) != SQLITE_DONE) return fail(db, path_, err);
      sqlite3_reset(drop_mark_.get());
    }
  }
  sqlite3_reset(s);
  std::string fields = fields_json(o.fields).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  s = upsert_.get();
  bind_text(s, 1, o.input);
  bind_text(s, 2, o.url);
  bind_text(s, 3, fields);
  bind_text(s, 4, o.fields.text);
  bind_text(s, 5, o.fields.published);
  if (sqlite3_step(s) != SQLITE_ROW) return fail(db, path_, err);
  int64_t id = sqlite3_column_int64(s, 0);
  sqlite3_reset(s);
  for (uint64_t mark : o.print.marks) pending_.emplace_back(stored_mark(mark), id);
  ++added_;
  if (++in_batch_ >= kBatch) return commit(err);
  return true;
}

bool IndexWriter::commit(std::string* err) {
  // A batch's marks go in sorted: neighbouring inserts then land on the same pages.
  std::sort(pending_.begin(), pending_.end());
  for (auto [mark, id] : pending_) {
    sqlite3_bind_int64(add_mark_.get(), 1, mark);
    sqlite3_bind_int64(add_mark_.get(), 2, id);
    if (sqlite3_step(add_mark_.get()) != SQLITE_DONE) return fail(db_.get(), path_, err);
    sqlite3_reset(add_mark_.get());
  }
  pending_.clear();
  in_batch_ = 0;
  return exec(db_.get(), "COMMIT", path_, err);
}

bool IndexWriter::finish(std::string* err) {
  if (!db_) return true;
  if (!begin(err)) return false;
  in_batch_ = 1;  // commit() below ends the transaction begun here
  // The count is kept in meta so a reader never counts rows when it opens the index.
  bool ok = exec(db_.get(), "INSERT OR REPLACE INTO meta VALUES('originals', (SELECT count(*) FROM originals))",
                 path_, err) &&
            commit(err);
  find_.reset();
  upsert_.reset();
  add_mark_.reset();
  drop_mark_.reset();
  drop_staged_.reset();
  ok = ok && (!staging_ || move_staged_marks(err)) && exec(db_.get(), "PRAGMA wal_checkpoint(TRUNCATE)", path_, err);
  db_.reset();
  return ok;
}

bool IndexReader::open(const std::string& path, std::string* err) {
  path_ = path;
  if (!is_index_file(path)) {
    *err = path + ": not an originals index (build one with `credcheck index build`)";
    return false;
  }
  if (!open_db(path, SQLITE_OPEN_READONLY, &db_, err)) return false;
  if (!check_version(db_.get(), path, err)) return false;
  // A fixed page cache (8 MB) and no mmap: a scan's memory must not follow the size of
  // the file, and a mapped file's touched pages would count in the process's RSS.
  if (!exec(db_.get(), "PRAGMA cache_size=-8192; PRAGMA mmap_size=0;", path, err)) return false;
  size_ = static_cast<size_t>(std::strtoull(meta(db_.get(), "originals").c_str(), nullptr, 10));
  return prepare(db_.get(), "SELECT original FROM marks WHERE mark = ? LIMIT ?", &postings_, path, err) &&
         prepare(db_.get(), "SELECT input, url, fields, text FROM originals WHERE id = ?", &load_, path, err) &&
         prepare(db_.get(),
                 "SELECT input, url, fields, text FROM originals WHERE input = ?1 OR url = ?1 LIMIT 1",
                 &find_, path, err) &&
         // One read transaction for the reader's life, begun once the index is known
         // good: outside one, every statement took and released the file's locks and
         // stat'ed the WAL (syscalls per mark of every page). A scan reads the index as
         // it was when it started; an `index add` meanwhile still writes (WAL), its
         // checkpoint waiting for the scan to end.
         exec(db_.get(), "BEGIN", path, err);
}

bool IndexReader::postings(uint64_t mark, size_t cap, std::vector<int64_t>* ids, std::string* err) {
  std::lock_guard lock(mu_);
  return postings_locked(mark, cap, ids, err);
}

bool IndexReader::postings_of(const std::vector<uint64_t>& marks, size_t cap, std::vector<int64_t>* ids,
                              std::vector<size_t>* ends, std::string* err) {
  std::lock_guard lock(mu_);
  for (uint64_t mark : marks) {
    if (!postings_locked(mark, cap, ids, err)) return false;
    ends->push_back(ids->size());
  }
  return true;
}

bool IndexReader::postings_locked(uint64_t mark, size_t cap, std::vector<int64_t>* ids, std::string* err) {
  sqlite3_stmt* s = postings_.get();
  sqlite3_bind_int64(s, 1, stored_mark(mark));
  sqlite3_bind_int64(s, 2, static_cast<int64_t>(cap + 1));
  int rc;
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) ids->push_back(sqlite3_column_int64(s, 0));
  sqlite3_reset(s);
  return rc == SQLITE_DONE || fail(db_.get(), path_, err);
}

// Steps `s` (bound by the caller, under the lock) once and copies the row's columns;
// *found false at the end of the rows.
bool IndexReader::step_row(sqlite3_stmt* s, Row* row, bool* found, std::string* err) {
  int rc = sqlite3_step(s);
  *found = rc == SQLITE_ROW;
  if (*found) *row = Row{column_text(s, 0), column_text(s, 1), column_text(s, 2), column_text(s, 3)};
  sqlite3_reset(s);
  return rc == SQLITE_ROW || rc == SQLITE_DONE || fail(db_.get(), path_, err);
}

// Called outside the lock: parsing the fields and fingerprinting the text are most of a
// load, and threads matching other pages need the connection meanwhile.
bool IndexReader::make_original(Row&& row, std::shared_ptr<const Original>* out, std::string* err) {
  auto o = std::make_shared<Original>();
  o->input = std::move(row.input);
  o->url = std::move(row.url);
  nlohmann::ordered_json fields = nlohmann::ordered_json::parse(row.fields, nullptr, false);
  if (fields.is_discarded()) {
    *err = path_ + ": original " + o->input + " has unreadable fields; rebuild the index";
    return false;
  }
  o->fields = fields_from_json(fields);
  o->fields.text = std::move(row.text);
  o->print = fingerprint(o->fields.text);
  *out = std::move(o);
  return true;
}

bool IndexReader::load(int64_t id, std::shared_ptr<const Original>* out, std::string* err) {
  {
    std::lock_guard lock(recent_mu_);
    if (auto it = recent_at_.find(id); it != recent_at_.end()) {
      recent_.splice(recent_.begin(), recent_, it->second);
      *out = it->second->second;
      return true;
    }
  }
  if (!load_row(id, out, err)) return false;
  std::lock_guard lock(recent_mu_);
  if (recent_at_.count(id)) return true;  // another thread loaded it meanwhile
  recent_.emplace_front(id, *out);
  recent_at_[id] = recent_.begin();
  if (recent_.size() > kRecent) {
    recent_at_.erase(recent_.back().first);
    recent_.pop_back();
  }
  return true;
}

bool IndexReader::load_row(int64_t id, std::shared_ptr<const Original>* out, std::string* err) {
  Row row;
  bool found = false;
  {
    std::lock_guard lock(mu_);
    sqlite3_bind_int64(load_.get(), 1, id);
    if (!step_row(load_.get(), &row, &found, err)) return false;
  }
  if (!found) {
    *err = path_ + ": original " + std::to_string(id) + " is missing; rebuild the index";
    return false;
  }
  return make_original(std::move(row), out, err);
}

bool IndexReader::find(const std::string& key, std::shared_ptr<const Original>* out, std::string* err) {
  Row row;
  bool found = false;
  {
    std::lock_guard lock(mu_);
    bind_text(find_.get(), 1, key);
    if (!step_row(find_.get(), &row, &found, err)) return false;
  }
  return found && make_original(std::move(row), out, err);
}

bool IndexReader::stats(IndexStats* st, std::string* err) {
  std::lock_guard lock(mu_);
  st->originals = size_;
  std::error_code ec;
  st->bytes = static_cast<long long>(std::filesystem::file_size(path_, ec));
  Stmt s;
  if (!prepare(db_.get(),
               "SELECT (SELECT count(*) FROM marks), min(NULLIF(published,'')), max(NULLIF(published,''))"
               " FROM originals",
               &s, path_, err))
    return false;
  if (sqlite3_step(s.get()) != SQLITE_ROW) return fail(db_.get(), path_, err);
  st->marks = static_cast<size_t>(sqlite3_column_int64(s.get(), 0));
  st->first_published = column_text(s.get(), 1);
  st->last_published = column_text(s.get(), 2);
  return true;
}

}  // namespace credcheck
