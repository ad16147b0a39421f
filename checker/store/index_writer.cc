#include "checker/store/index.h"

#include <sqlite3.h>

#include <algorithm>

#include "checker/report/json.h"
#include "checker/store/index_format.h"

namespace credcheck {

namespace {

using namespace store_detail;
using namespace index_format;

std::vector<int64_t> stored_marks(const Fingerprint& print) {
  std::vector<int64_t> marks;
  marks.reserve(print.marks.size());
  for (uint64_t mark : print.marks) marks.push_back(stored_mark(mark));
  return marks;
}

// Originals per transaction while building: large enough that commits do not dominate,
// small enough that a failure loses little and the WAL stays small.
constexpr size_t kBatch = 500;

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
    if (!prepare(db_.get(), "SELECT EXISTS(SELECT 1 FROM postings)", &any, path, err)) return false;
    staging_ = sqlite3_step(any.get()) == SQLITE_ROW && sqlite3_column_int(any.get(), 0) == 0;
  }
  // A build killed before finish() leaves originals without marks; they are staged
  // again here from their stored text.
  if (staging_ && !(runs_.open(db_.get(), path, err) && stage_stored_originals(err))) return false;
  return prepare(db_.get(), "SELECT id, text FROM originals WHERE input = ?", &find_, path, err) &&
         prepare(db_.get(),
                 "INSERT INTO originals(input, url, fields, text, published) VALUES(?,?,?,?,?)"
                 " ON CONFLICT(input) DO UPDATE SET url=excluded.url, fields=excluded.fields,"
                 " text=excluded.text, published=excluded.published,"
                 " indexed_at=strftime('%Y-%m-%dT%H:%M:%SZ','now') RETURNING id",
                 &upsert_, path, err) &&
         prepare(db_.get(), "SELECT ids FROM postings WHERE mark = ?", &get_posting_, path, err) &&
         prepare(db_.get(), "INSERT OR REPLACE INTO postings VALUES(?, ?, ?)", &put_posting_, path, err) &&
         prepare(db_.get(), "DELETE FROM postings WHERE mark = ?", &drop_posting_, path, err);
}

bool IndexWriter::stage_stored_originals(std::string* err) {
  Stmt rows;
  if (!prepare(db_.get(), "SELECT id, text FROM originals", &rows, path_, err) || !exec(db_.get(), "BEGIN", path_, err))
    return false;
  int rc;
  while ((rc = sqlite3_step(rows.get())) == SQLITE_ROW)
    if (!runs_.add(sqlite3_column_int64(rows.get(), 0), stored_marks(fingerprint_marks(column_text(rows.get(), 1))), err))
      return false;
  if (rc != SQLITE_DONE) return fail(db_.get(), path_, err);
  rows.reset();
  return exec(db_.get(), "COMMIT", path_, err);
}

bool IndexWriter::read_posting(int64_t mark, std::vector<int64_t>* ids, std::string* err) {
  ids->clear();
  sqlite3_stmt* s = get_posting_.get();
  sqlite3_bind_int64(s, 1, mark);
  int rc = sqlite3_step(s);
  bool ok = rc == SQLITE_DONE ||
            (rc == SQLITE_ROW && decode_ids(static_cast<const unsigned char*>(sqlite3_column_blob(s, 0)),
                                            static_cast<size_t>(sqlite3_column_bytes(s, 0)), ids));
  sqlite3_reset(s);
  if (ok) return true;
  if (rc != SQLITE_ROW) return fail(db_.get(), path_, err);
  *err = path_ + ": the posting list of mark " + std::to_string(mark) + " is unreadable; rebuild the index";
  return false;
}

bool IndexWriter::write_posting(int64_t mark, const std::vector<int64_t>& ids, std::string* err) {
  sqlite3_stmt* s = ids.empty() ? drop_posting_.get() : put_posting_.get();
  sqlite3_bind_int64(s, 1, mark);
  std::string list;
  if (!ids.empty()) {
    list = encode_ids(ids);
    sqlite3_bind_int64(s, 2, static_cast<int64_t>(ids.size()));
    sqlite3_bind_blob(s, 3, list.data(), static_cast<int>(list.size()), SQLITE_STATIC);
  }
  int rc = sqlite3_step(s);
  sqlite3_reset(s);
  return rc == SQLITE_DONE || fail(db_.get(), path_, err);
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
    if (staging_) runs_.restage(id);  // only when one build names an input twice
    Fingerprint old = fingerprint_marks(staging_ ? std::string() : column_text(s, 1));
    std::vector<int64_t> ids;
    for (uint64_t mark : old.marks) {
      if (!read_posting(stored_mark(mark), &ids, err)) return false;
      std::erase(ids, id);
      if (!write_posting(stored_mark(mark), ids, err)) return false;
    }
  }
  sqlite3_reset(s);
  std::string fields = fields_json(o.fields).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  const std::string day = published_day(o.fields.published);  // bound without a copy: lives to the step
  s = upsert_.get();
  bind_text(s, 1, o.input);
  bind_text(s, 2, o.url);
  bind_text(s, 3, fields);
  bind_text(s, 4, o.fields.text);
  bind_text(s, 5, day);
  if (sqlite3_step(s) != SQLITE_ROW) return fail(db, path_, err);
  int64_t id = sqlite3_column_int64(s, 0);
  sqlite3_reset(s);
  if (staging_) {
    if (!runs_.add(id, stored_marks(o.print), err)) return false;
  } else {
    for (uint64_t mark : o.print.marks) pending_.emplace_back(stored_mark(mark), id);
  }
  ++added_;
  if (++in_batch_ >= kBatch) return commit(err);
  return true;
}

bool IndexWriter::commit(std::string* err) {
  // A batch's marks go in sorted: neighbouring writes then land on the same pages, and
  // each mark's list is read and written once per batch.
  std::sort(pending_.begin(), pending_.end());
  std::vector<int64_t> ids;
  for (size_t i = 0; i < pending_.size();) {
    int64_t mark = pending_[i].first;
    if (!read_posting(mark, &ids, err)) return false;
    size_t had = ids.size();
    for (; i < pending_.size() && pending_[i].first == mark; ++i) ids.push_back(pending_[i].second);
    std::inplace_merge(ids.begin(), ids.begin() + static_cast<long>(had), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    if (!write_posting(mark, ids, err)) return false;
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
  // The staged marks into the postings, in one transaction: a kill before its commit
  // leaves originals without marks, staged again by the next writer (open()).
  ok = ok && (!staging_ || (exec(db_.get(), "BEGIN", path_, err) &&
                            runs_.merge([&](int64_t mark, const std::vector<int64_t>& ids) {
                              return write_posting(mark, ids, err);
                            }, err) &&
                            exec(db_.get(), "COMMIT", path_, err)));
  for (Stmt* s : {&find_, &upsert_, &get_posting_, &put_posting_, &drop_posting_}) s->reset();
  // The WAL folded into the file and emptied, so a finished index is one file to copy.
  // Not waiting for readers: a scan holds its read transaction to its end, and waiting
  // for it kept `index add` hanging for the busy timeout. The WAL is folded in by the
  // next writer then.
  sqlite3_busy_timeout(db_.get(), 0);
  ok = ok && exec(db_.get(), "PRAGMA wal_checkpoint(TRUNCATE)", path_, err);
  db_.reset();
  return ok;
}

}  // namespace credcheck
