#include "checker/store/index_format.h"

#include <cstdint>
#include <cstdio>

#include "checker/store/index.h"
#include "checker/store/sqlite_db.h"

namespace credcheck::index_format {

const char* const kSchema =
    "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
    "CREATE TABLE IF NOT EXISTS originals("
    " id INTEGER PRIMARY KEY, input TEXT NOT NULL UNIQUE, url TEXT NOT NULL,"
    " fields TEXT NOT NULL, text TEXT NOT NULL, published TEXT NOT NULL,"
    " indexed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));"
    "CREATE INDEX IF NOT EXISTS originals_url ON originals(url);"
    "CREATE TABLE IF NOT EXISTS postings(mark INTEGER PRIMARY KEY, n INTEGER NOT NULL, ids BLOB NOT NULL);";

std::string encode_ids(const std::vector<int64_t>& ids) {
  std::string out;
  int64_t last = 0;
  for (int64_t id : ids) {
    auto gap = static_cast<uint64_t>(id - last);
    last = id;
    while (gap >= 0x80) {
      out.push_back(static_cast<char>((gap & 0x7f) | 0x80));
      gap >>= 7;
    }
    out.push_back(static_cast<char>(gap));
  }
  return out;
}

bool decode_ids(const unsigned char* p, size_t size, std::vector<int64_t>* ids) {
  uint64_t last = 0;
  for (size_t i = 0; i < size;) {
    uint64_t gap = 0;
    for (int shift = 0;; shift += 7) {
      if (i == size || shift > 63) return false;
      unsigned char b = p[i++];
      gap |= static_cast<uint64_t>(b & 0x7f) << shift;
      if (!(b & 0x80)) break;
    }
    // Ids are rowids, ascending: a zero gap or one past the largest is not a list.
    if (gap == 0 || gap > static_cast<uint64_t>(INT64_MAX) - last) return false;
    last += gap;
    ids->push_back(static_cast<int64_t>(last));
  }
  return true;
}

std::string published_day(std::string_view s) {
  auto digits = [&](size_t* at, size_t most, int* value) {
    size_t start = *at;
    *value = 0;
    while (*at < s.size() && *at - start < most && s[*at] >= '0' && s[*at] <= '9') *value = *value * 10 + (s[(*at)++] - '0');
    return *at > start && (*at == s.size() || s[*at] < '0' || s[*at] > '9');
  };
  // A separator: - / . or the UTF-8 of 年 or 月.
  auto separator = [&](size_t* at) {
    if (*at < s.size() && (s[*at] == '-' || s[*at] == '/' || s[*at] == '.')) return ++*at, true;
    for (std::string_view cjk : {std::string_view("年"), std::string_view("月")})
      if (s.substr(*at).starts_with(cjk)) return *at += cjk.size(), true;
    return false;
  };
  for (size_t i = 0; i + 4 <= s.size(); ++i) {
    if (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9') continue;
    size_t at = i;
    int year, month, day;
    if (digits(&at, 4, &year) && at - i == 4 && separator(&at) && digits(&at, 2, &month) && separator(&at) &&
        digits(&at, 2, &day) && year >= 1900 && year <= 2200 && month >= 1 && month <= 12 && day >= 1 && day <= 31) {
      char out[11];
      std::snprintf(out, sizeof out, "%04d-%02d-%02d", year, month, day);
      return out;
    }
  }
  return {};
}

bool check_version(sqlite3* db, const std::string& path, std::string* err) {
  std::string v = store_detail::meta(db, "schema_version");
  if (v == std::to_string(kIndexSchemaVersion)) return true;
  *err = path + ": an originals index of " +
         (v.empty() ? std::string("an older credcheck") : "schema version " + v) +
         " (this credcheck reads version " + std::to_string(kIndexSchemaVersion) +
         "); rebuild it with `credcheck index build`";
  return false;
}


}  // namespace credcheck::index_format
