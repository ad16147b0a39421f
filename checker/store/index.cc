#include "checker/store/index.h"

#include <sqlite3.h>

#include <cstring>
#include <fstream>
#include <memory>

#include "checker/report/json.h"

namespace credcheck {
namespace {

struct DbCloser {
  void operator()(sqlite3* db) const { sqlite3_close(db); }
};
struct StmtFinalizer {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using Db = std::unique_ptr<sqlite3, DbCloser>;
using Stmt = std::unique_ptr<sqlite3_stmt, StmtFinalizer>;

constexpr const char* kSchema =
    "CREATE TABLE IF NOT EXISTS originals ("
    " input TEXT PRIMARY KEY, url TEXT NOT NULL, fields TEXT NOT NULL,"
    " shingles BLOB NOT NULL, indexed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));";

bool open_db(const std::string& path, int flags, Db* db, std::string* err) {
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  db->reset(raw);
  if (rc != SQLITE_OK) {
    *err = path + ": " + (raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc));
    return false;
  }
  sqlite3_busy_timeout(raw, 10000);
  return true;
}

bool exec(sqlite3* db, const char* sql, const std::string& path, std::string* err) {
  char* msg = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &msg) != SQLITE_OK) {
    *err = path + ": " + (msg ? msg : "database error");
    sqlite3_free(msg);
    return false;
  }
  return true;
}

bool prepare(sqlite3* db, const char* sql, Stmt* stmt, const std::string& path, std::string* err) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &raw, nullptr) != SQLITE_OK) {
    *err = path + ": " + sqlite3_errmsg(db);
    return false;
  }
  stmt->reset(raw);
  return true;
}

}  // namespace

bool is_index_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  char header[16] = {};
  f.read(header, sizeof header);
  return f.gcount() == sizeof header && std::memcmp(header, "SQLite format 3", 16) == 0;
}

bool store_originals(const std::string& path, const std::vector<Original>& originals,
                     std::string* err) {
  Db db;
  if (!open_db(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &db, err)) return false;
  if (!exec(db.get(), kSchema, path, err) || !exec(db.get(), "BEGIN", path, err)) return false;
  Stmt stmt;
  if (!prepare(db.get(),
               "INSERT OR REPLACE INTO originals(input, url, fields, shingles) VALUES(?,?,?,?)",
               &stmt, path, err))
    return false;
  for (const Original& o : originals) {
    std::string fields = fields_json(o.fields).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    sqlite3_bind_text(stmt.get(), 1, o.input.data(), static_cast<int>(o.input.size()), SQLITE_TRANSIENT);
    sqlite3_bind_text(stmt.get(), 2, o.url.data(), static_cast<int>(o.url.size()), SQLITE_TRANSIENT);
    sqlite3_bind_text(stmt.get(), 3, fields.data(), static_cast<int>(fields.size()), SQLITE_TRANSIENT);
    sqlite3_bind_blob(stmt.get(), 4, o.print.shingles.data(),
                      static_cast<int>(o.print.shingles.size() * sizeof(uint64_t)), SQLITE_TRANSIENT);
    if (sqlite3_step(stmt.get()) != SQLITE_DONE) {
      *err = path + ": " + sqlite3_errmsg(db.get());
      return false;
    }
    sqlite3_reset(stmt.get());
  }
  return exec(db.get(), "COMMIT", path, err);
}

bool load_index(const std::string& path, std::vector<Original>* originals, std::string* err) {
  Db db;
  if (!open_db(path, SQLITE_OPEN_READONLY, &db, err)) return false;
  Stmt stmt;
  if (!prepare(db.get(), "SELECT input, url, fields, shingles FROM originals ORDER BY input", &stmt,
               path, err)) {
    *err += " (not an index built by `credcheck index build`?)";
    return false;
  }
  int rc;
  while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
    Original o;
    auto text = [&](int col) {
      const unsigned char* t = sqlite3_column_text(stmt.get(), col);
      return t ? std::string(reinterpret_cast<const char*>(t)) : std::string();
    };
    o.input = text(0);
    o.url = text(1);
    nlohmann::ordered_json fields = nlohmann::ordered_json::parse(text(2), nullptr, false);
    if (fields.is_discarded()) {
      *err = path + ": original " + o.input + " has unreadable fields; rebuild the index";
      return false;
    }
    o.fields = fields_from_json(fields);
    const void* blob = sqlite3_column_blob(stmt.get(), 3);
    size_t n = static_cast<size_t>(sqlite3_column_bytes(stmt.get(), 3)) / sizeof(uint64_t);
    o.print.shingles.resize(n);
    if (n) std::memcpy(o.print.shingles.data(), blob, n * sizeof(uint64_t));
    originals->push_back(std::move(o));
  }
  if (rc != SQLITE_DONE) {
    *err = path + ": " + sqlite3_errmsg(db.get());
    return false;
  }
  return true;
}

}  // namespace credcheck
