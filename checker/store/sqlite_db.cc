#include "checker/store/sqlite_db.h"

#include <sqlite3.h>

#include <cstring>
#include <fstream>

namespace credcheck::store_detail {

void DbCloser::operator()(sqlite3* db) const { sqlite3_close(db); }
void StmtFinalizer::operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }

bool is_sqlite_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  char header[16] = {};
  f.read(header, sizeof header);
  return f.gcount() == sizeof header && std::memcmp(header, "SQLite format 3", 16) == 0;
}

bool fail(sqlite3* db, const std::string& path, std::string* err) {
  *err = path + ": " + (db ? sqlite3_errmsg(db) : "database error");
  return false;
}

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
  if (sqlite3_prepare_v2(db, sql, -1, &raw, nullptr) != SQLITE_OK) return fail(db, path, err);
  stmt->reset(raw);
  return true;
}

// Not copied (SQLITE_STATIC): every caller binds, steps and resets while `v` lives, and
// rebinds before the next step. An index build binds each original's text and fields once.
void bind_text(sqlite3_stmt* s, int col, const std::string& v) {
  sqlite3_bind_text(s, col, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
}

std::string column_text(sqlite3_stmt* s, int col) {
  const unsigned char* t = sqlite3_column_text(s, col);
  return t ? std::string(reinterpret_cast<const char*>(t), static_cast<size_t>(sqlite3_column_bytes(s, col)))
           : std::string();
}

std::string meta(sqlite3* db, const char* key) {
  sqlite3_stmt* s = nullptr;
  std::string v;
  if (sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = ?", -1, &s, nullptr) == SQLITE_OK) {
    sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
    if (sqlite3_step(s) == SQLITE_ROW) v = column_text(s, 0);
  }
  sqlite3_finalize(s);
  return v;
}

}  // namespace credcheck::store_detail
