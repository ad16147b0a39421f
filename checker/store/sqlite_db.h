// What the SQLite files of checker/store share: handles that close themselves and the few
// calls every query makes, with errors as "PATH: message" a person can act on.
#pragma once

#include <memory>
#include <string>

struct sqlite3;
struct sqlite3_stmt;

namespace credcheck::store_detail {

struct DbCloser {
  void operator()(sqlite3* db) const;
};
struct StmtFinalizer {
  void operator()(sqlite3_stmt* s) const;
};
using Db = std::unique_ptr<sqlite3, DbCloser>;
using Stmt = std::unique_ptr<sqlite3_stmt, StmtFinalizer>;

// True when `path` starts with SQLite's file header.
bool is_sqlite_file(const std::string& path);

// *err = "PATH: " + SQLite's last message on db; returns false.
bool fail(sqlite3* db, const std::string& path, std::string* err);
// Opens with `flags` (SQLITE_OPEN_*) and a 10 s busy timeout (another process writing).
bool open_db(const std::string& path, int flags, Db* db, std::string* err);
bool exec(sqlite3* db, const char* sql, const std::string& path, std::string* err);
bool prepare(sqlite3* db, const char* sql, Stmt* stmt, const std::string& path, std::string* err);
// Bound without a copy (SQLITE_STATIC): `v` must outlive the statement's next step, so a
// temporary is refused at compile time.
void bind_text(sqlite3_stmt* s, int col, const std::string& v);
void bind_text(sqlite3_stmt* s, int col, std::string&& v) = delete;
std::string column_text(sqlite3_stmt* s, int col);
// The value for `key` in a `meta(key, value)` table, or "" when absent (or no such table).
std::string meta(sqlite3* db, const char* key);

}  // namespace credcheck::store_detail
