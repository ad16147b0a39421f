#include "checker/store/scan_cache.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>

#include "checker/store/index.h"

namespace credcheck {
namespace {

class ScanCacheStore : public ::testing::Test {
 protected:
  void SetUp() override {
    char t[] = "/tmp/credcheck-cache-XXXXXX";
    dir = mkdtemp(t);
    path = dir + "/cache.db";
  }
  void TearDown() override { std::filesystem::remove_all(dir); }
  std::string dir, path;
};

CachedPage row(const std::string& url, const std::string& etag, const std::string& result) {
  return {url, etag, "Tue, 01 Dec 2026 08:00:00 GMT", "ab12", "2026-12-01T08:00:05Z", "key1", result};
}

TEST_F(ScanCacheStore, RowsPutInOneRunAreFoundInTheNext) {
  std::string err;
  {
    ScanCache c;
    ASSERT_TRUE(c.open(path, &err)) << err;
    c.put(row("http://a.example/1", "\"v1\"", R"({"status":"compliant"})"));
    c.put(row("http://a.example/2", "W/\"x\"", R"({"status":"violation"})"));
    ASSERT_TRUE(c.finish(&err)) << err;
    EXPECT_EQ(c.written(), 2u);
  }
  ScanCache c;
  ASSERT_TRUE(c.open(path, &err)) << err;
  CachedPage p;
  ASSERT_TRUE(c.find("http://a.example/2", &p, &err)) << err;
  EXPECT_EQ(p.url, "http://a.example/2");
  EXPECT_EQ(p.etag, "W/\"x\"");
  EXPECT_EQ(p.last_modified, "Tue, 01 Dec 2026 08:00:00 GMT");
  EXPECT_EQ(p.sha256, "ab12");
  EXPECT_EQ(p.fetched_at, "2026-12-01T08:00:05Z");
  EXPECT_EQ(p.check_key, "key1");
  EXPECT_EQ(p.result_json, R"({"status":"violation"})");
  EXPECT_FALSE(c.find("http://a.example/3", &p, &err));
  EXPECT_EQ(err, "");
}

TEST_F(ScanCacheStore, ALaterRowReplacesTheURLsRow) {
  std::string err;
  {
    ScanCache c;
    ASSERT_TRUE(c.open(path, &err)) << err;
    c.put(row("http://a.example/1", "\"v1\"", "first"));
    ASSERT_TRUE(c.finish(&err)) << err;
  }
  {
    ScanCache c;
    ASSERT_TRUE(c.open(path, &err)) << err;
    c.put(row("http://a.example/1", "\"v2\"", "second"));
    ASSERT_TRUE(c.finish(&err)) << err;
  }
  ScanCache c;
  ASSERT_TRUE(c.open(path, &err)) << err;
  CachedPage p;
  ASSERT_TRUE(c.find("http://a.example/1", &p, &err)) << err;
  EXPECT_EQ(p.etag, "\"v2\"");
  EXPECT_EQ(p.result_json, "second");
}

TEST_F(ScanCacheStore, ManyRowsAreWrittenInBatchesAndAllKept) {
  std::string err;
  {
    ScanCache c;
    ASSERT_TRUE(c.open(path, &err)) << err;
    for (int i = 0; i < 5000; ++i) c.put(row("http://a.example/" + std::to_string(i), "e", std::to_string(i)));
    ASSERT_TRUE(c.finish(&err)) << err;
    EXPECT_EQ(c.written(), 5000u);
  }
  ScanCache c;
  ASSERT_TRUE(c.open(path, &err)) << err;
  CachedPage p;
  for (int i : {0, 255, 256, 4095, 4999}) {
    ASSERT_TRUE(c.find("http://a.example/" + std::to_string(i), &p, &err)) << i << err;
    EXPECT_EQ(p.result_json, std::to_string(i));
  }
}

TEST_F(ScanCacheStore, AFileThatIsNotACacheIsRefusedInWords) {
  std::string err;
  std::ofstream(path) << "url,etag\nhttp://a/,x\n";
  ScanCache text;
  EXPECT_FALSE(text.open(path, &err));
  EXPECT_EQ(err, path + ": not a credcheck scan cache (not an SQLite file); name a new file with --cache");
  std::ifstream check(path);
  std::string first;
  std::getline(check, first);
  EXPECT_EQ(first, "url,etag");  // left as it was

  // An originals index is SQLite too, but not a cache: it is neither read nor changed.
  std::string index = dir + "/originals.db2";
  {
    IndexWriter w;
    ASSERT_TRUE(w.open(index, &err)) << err;
    ASSERT_TRUE(w.finish(&err)) << err;
  }
  ScanCache idx;
  EXPECT_FALSE(idx.open(index, &err));
  EXPECT_NE(err.find("not a credcheck scan cache (an SQLite file of something else)"), std::string::npos) << err;
  IndexReader still;
  EXPECT_TRUE(still.open(index, &err)) << err;
}

TEST_F(ScanCacheStore, AnotherSchemaVersionIsRefusedWithAdvice) {
  std::string err;
  {
    ScanCache c;
    ASSERT_TRUE(c.open(path, &err)) << err;
    ASSERT_TRUE(c.finish(&err)) << err;
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "UPDATE meta SET value = '99' WHERE key = 'schema_version'", nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  ScanCache c;
  EXPECT_FALSE(c.open(path, &err));
  EXPECT_EQ(err, path + ": a scan cache of schema version 99 (this credcheck uses version " +
                     std::to_string(kCacheSchemaVersion) +
                     "); remove the file to start a new cache (it only saves work: no result is lost)");
}

TEST_F(ScanCacheStore, ADamagedFileIsAnErrorNotACrash) {
  std::string err;
  {
    ScanCache c;
    ASSERT_TRUE(c.open(path, &err)) << err;
    for (int i = 0; i < 300; ++i) c.put(row("http://a.example/" + std::to_string(i), "e", std::string(500, 'x')));
    ASSERT_TRUE(c.finish(&err)) << err;
  }
  // Keep the header, overwrite the rest of the first pages with garbage.
  {
    std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(100);
    std::string junk(16000, '\xA5');
    f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
  }
  ScanCache c;
  bool opened = c.open(path, &err);
  if (opened) {
    CachedPage p;
    err.clear();
    bool found = c.find("http://a.example/7", &p, &err);
    EXPECT_TRUE(!found && !err.empty()) << "a damaged file read as if whole";
  }
  EXPECT_NE(err.find(path + ": "), std::string::npos) << err;
}

}  // namespace
}  // namespace credcheck
