#include "checker/store/index.h"

#include <sqlite3.h>

#include <cstdlib>
#include <filesystem>
#include <thread>

#include "checker/report/json.h"
#include "checker/store/index_format.h"

namespace credcheck {

using namespace store_detail;
using namespace index_format;

bool IndexReader::open(const std::string& path, std::string* err) {
  path_ = path;
  if (!is_index_file(path)) {
    *err = path + ": not an originals index (build one with `credcheck index build`)";
    return false;
  }
  std::unique_ptr<Conn> c;
  if (!connect(&c, err)) return false;
  size_ = static_cast<size_t>(std::strtoull(meta(c->db.get(), "originals").c_str(), nullptr, 10));
  conns_[std::this_thread::get_id()] = std::move(c);
  return true;
}

bool IndexReader::connect(std::unique_ptr<Conn>* out, std::string* err) {
  auto c = std::make_unique<Conn>();
  sqlite3* db = nullptr;
  if (!open_db(path_, SQLITE_OPEN_READONLY, &c->db, err)) return false;
  db = c->db.get();
  if (!check_version(db, path_, err)) return false;
  // A fixed page cache and no mmap: a scan's memory must not follow the size of the
  // file. Mapping the file halved the time of a lookup, but the pages a scan touches
  // count in its RSS, and they are spread over the whole file (bench/match, 100,000
  // originals: 300 MB). 4 MB per connection holds the b-trees' interior pages; the
  // leaves a lookup reads are scattered, and 16 or 64 MB made the scan no faster.
  if (!exec(db, "PRAGMA cache_size=-4096; PRAGMA mmap_size=0;", path_, err)) return false;
  bool ok = prepare(db, "SELECT n, ids FROM postings WHERE mark = ?", &c->postings, path_, err) &&
            prepare(db, "SELECT input, url, fields, text FROM originals WHERE id = ?", &c->load, path_, err) &&
            prepare(db, "SELECT input, url, fields, text FROM originals WHERE input = ?1 OR url = ?1 LIMIT 1",
                    &c->find, path_, err) &&
            // One read transaction for the connection's life: outside one, every
            // statement took and released the file's locks and stat'ed the WAL (syscalls
            // per mark of every page). Each thread of a scan reads the index as it was
            // when that thread first read it; an `index add` meanwhile still writes
            // (WAL), its checkpoint waiting for the scan to end.
            exec(db, "BEGIN", path_, err);
  if (ok) *out = std::move(c);
  return ok;
}

// The calling thread's connection, opened on its first call: threads matching pages at
// once each read through their own, where one shared connection behind a lock made them
// queue (with -j 2, a third of a scan's time against a large index). One thread's reads
// all come from one connection, so a page's postings and the originals they name are
// of one snapshot, even while `index add` commits.
IndexReader::Conn* IndexReader::conn(std::string* err) {
  auto self = std::this_thread::get_id();
  {
    std::lock_guard lock(conns_mu_);
    if (auto it = conns_.find(self); it != conns_.end()) return it->second.get();
  }
  std::unique_ptr<Conn> c;
  if (!connect(&c, err)) return nullptr;
  std::lock_guard lock(conns_mu_);
  return (conns_[self] = std::move(c)).get();
}

bool IndexReader::postings(uint64_t mark, size_t cap, std::vector<int64_t>* ids, bool* common, std::string* err) {
  Conn* c = conn(err);
  return c && postings_in(*c, mark, cap, ids, common, err);
}

bool IndexReader::postings_of(const std::vector<uint64_t>& marks, size_t cap, std::vector<int64_t>* ids,
                              std::string* err) {
  Conn* c = conn(err);
  if (!c) return false;
  bool common = false;
  for (uint64_t mark : marks)
    if (!postings_in(*c, mark, cap, ids, &common, err)) return false;
  return true;
}

bool IndexReader::postings_in(Conn& c, uint64_t mark, size_t cap, std::vector<int64_t>* ids, bool* common,
                              std::string* err) {
  if (c.common_cap != cap) {
    c.known_common.clear();
    c.common_cap = cap;
  }
  const int64_t key = stored_mark(mark);
  if (c.known_common.count(key)) {
    *common = true;
    return true;
  }
  sqlite3_stmt* s = c.postings.get();
  sqlite3_bind_int64(s, 1, key);
  int rc = sqlite3_step(s);
  *common = rc == SQLITE_ROW && static_cast<uint64_t>(sqlite3_column_int64(s, 0)) > cap;
  if (*common && c.known_common.size() < kKnownCommon) c.known_common.insert(key);
  bool ok = rc == SQLITE_DONE || *common ||
            (rc == SQLITE_ROW && decode_ids(static_cast<const unsigned char*>(sqlite3_column_blob(s, 1)),
                                            static_cast<size_t>(sqlite3_column_bytes(s, 1)), ids));
  sqlite3_reset(s);
  if (ok) return true;
  if (rc != SQLITE_ROW) return fail(c.db.get(), path_, err);
  *err = path_ + ": the posting list of mark " + std::to_string(stored_mark(mark)) + " is unreadable; rebuild the index";
  return false;
}

// Steps `s` (bound by the caller) once and copies the row's columns; *found false at
// the end of the rows.
bool IndexReader::step_row(Conn& c, sqlite3_stmt* s, Row* row, bool* found, std::string* err) {
  int rc = sqlite3_step(s);
  *found = rc == SQLITE_ROW;
  if (*found) *row = Row{column_text(s, 0), column_text(s, 1), column_text(s, 2), column_text(s, 3)};
  sqlite3_reset(s);
  return rc == SQLITE_ROW || rc == SQLITE_DONE || fail(c.db.get(), path_, err);
}

// Parsing the fields and fingerprinting the text are most of a load.
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
    Conn* c = conn(err);
    if (!c) return false;
    sqlite3_bind_int64(c->load.get(), 1, id);
    if (!step_row(*c, c->load.get(), &row, &found, err)) return false;
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
    Conn* c = conn(err);
    if (!c) return false;
    bind_text(c->find.get(), 1, key);
    if (!step_row(*c, c->find.get(), &row, &found, err)) return false;
  }
  return found && make_original(std::move(row), out, err);
}

bool IndexReader::stats(IndexStats* st, std::string* err) {
  Conn* c = conn(err);
  if (!c) return false;
  sqlite3* db = c->db.get();
  st->originals = size_;
  std::error_code ec;
  st->bytes = static_cast<long long>(std::filesystem::file_size(path_, ec));
  Stmt s;
  if (!prepare(db,
               "SELECT (SELECT total(n) FROM postings), min(NULLIF(published,'')), max(NULLIF(published,''))"
               " FROM originals",
               &s, path_, err))
    return false;
  if (sqlite3_step(s.get()) != SQLITE_ROW) return fail(db, path_, err);
  st->marks = static_cast<size_t>(sqlite3_column_int64(s.get(), 0));
  st->first_published = column_text(s.get(), 1);
  st->last_published = column_text(s.get(), 2);
  return true;
}

}  // namespace credcheck