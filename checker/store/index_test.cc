#include "checker/store/index.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <stdlib.h>

#include <filesystem>

namespace credcheck {
namespace {

std::string made_up_text(uint32_t seed, size_t chars) {
  static const char* kChars[] = {"港", "口", "航", "运", "码", "头", "集", "装", "箱", "吞", "吐", "量",
                                 "增", "长", "物", "流", "园", "区", "企", "业", "订", "单", "出", "口",
                                 "制", "造", "产", "品", "销", "售", "市", "场", "需", "求", "价", "格"};
  std::string s;
  uint32_t x = seed * 2654435761u + 7u;
  for (size_t i = 0; i < chars; ++i) {
    x = x * 1664525u + 1013904223u;
    s += kChars[(x >> 8) % (sizeof kChars / sizeof *kChars)];
  }
  return s;
}

Original make_original(const std::string& input, const std::string& text, const std::string& published = "") {
  Original o;
  o.input = input;
  o.url = "https://news.example/" + input;
  o.fields.title = "标题 " + input;
  o.fields.text = text;
  o.fields.published = published;
  o.print = fingerprint(text);
  return o;
}

class IndexStore : public ::testing::Test {
 protected:
  void SetUp() override {
    char t[] = "/tmp/credcheck-store-XXXXXX";
    dir = mkdtemp(t);
    path = dir + "/originals.db";
  }
  void TearDown() override { std::filesystem::remove_all(dir); }
  std::string dir, path;
};

TEST_F(IndexStore, WrittenOriginalsAreFoundByTheirMarksAndLoadedWithTheirFields) {
  std::string err;
  IndexWriter w;
  ASSERT_TRUE(w.open(path, &err)) << err;
  for (uint32_t i = 0; i < 50; ++i)
    ASSERT_TRUE(w.add(make_original("a" + std::to_string(i), made_up_text(i, 400), "2024-01-0" + std::to_string(1 + i % 9)), &err)) << err;
  ASSERT_TRUE(w.finish(&err)) << err;

  IndexReader r;
  ASSERT_TRUE(r.open(path, &err)) << err;
  EXPECT_EQ(r.size(), 50u);
  Match m;
  ASSERT_TRUE(best_match(fingerprint(made_up_text(17, 400).substr(0, 600)), r, &m, &err)) << err;
  ASSERT_NE(m.original, nullptr);
  EXPECT_EQ(m.original->input, "a17");
  EXPECT_EQ(m.original->fields.title, "标题 a17");
  EXPECT_EQ(m.original->url, "https://news.example/a17");

  IndexStats st;
  ASSERT_TRUE(r.stats(&st, &err)) << err;
  EXPECT_EQ(st.originals, 50u);
  EXPECT_EQ(st.first_published, "2024-01-01");
  EXPECT_EQ(st.last_published, "2024-01-09");
  EXPECT_GT(st.marks, 50u);
}

// Originals loaded lately are kept (IndexReader::kRecent): the same candidate met again
// is not parsed and fingerprinted again; past the bound the oldest is loaded afresh.
TEST_F(IndexStore, RecentlyLoadedOriginalsAreKeptUpToABound) {
  std::string err;
  IndexWriter w;
  ASSERT_TRUE(w.open(path, &err)) << err;
  for (uint32_t i = 0; i < 300; ++i)
    ASSERT_TRUE(w.add(make_original("r" + std::to_string(i), made_up_text(i, 60)), &err)) << err;
  ASSERT_TRUE(w.finish(&err)) << err;
  IndexReader r;
  ASSERT_TRUE(r.open(path, &err)) << err;
  std::shared_ptr<const Original> first, again;
  ASSERT_TRUE(r.load(1, &first, &err)) << err;
  ASSERT_TRUE(r.load(1, &again, &err)) << err;
  EXPECT_EQ(first.get(), again.get());
  for (int64_t id = 2; id <= 300; ++id) {
    std::shared_ptr<const Original> o;
    ASSERT_TRUE(r.load(id, &o, &err)) << err;
  }
  ASSERT_TRUE(r.load(1, &again, &err)) << err;
  EXPECT_NE(first.get(), again.get());  // evicted, read again
  EXPECT_EQ(again->input, first->input);
  EXPECT_EQ(again->print.marks, first->print.marks);
}

TEST_F(IndexStore, ReplacingAnOriginalDropsItsOldMarks) {
  std::string err;
  {
    IndexWriter w;
    ASSERT_TRUE(w.open(path, &err)) << err;
    ASSERT_TRUE(w.add(make_original("x", made_up_text(1, 400)), &err)) << err;
    ASSERT_TRUE(w.finish(&err)) << err;
  }
  {
    IndexWriter w;
    ASSERT_TRUE(w.open(path, &err)) << err;
    ASSERT_TRUE(w.add(make_original("x", made_up_text(2, 400)), &err)) << err;
    ASSERT_TRUE(w.finish(&err)) << err;
  }
  IndexReader r;
  ASSERT_TRUE(r.open(path, &err)) << err;
  EXPECT_EQ(r.size(), 1u);
  Fingerprint old_text = fingerprint(made_up_text(1, 400));
  for (uint64_t mark : old_text.marks) {
    std::vector<int64_t> ids;
    ASSERT_TRUE(r.postings(mark, kCommonMark, &ids, &err));
    // A mark the new text happens to share may stay; the others must be gone.
    if (!ids.empty()) {
      Fingerprint now = fingerprint(made_up_text(2, 400));
      EXPECT_TRUE(std::binary_search(now.marks.begin(), now.marks.end(), mark) ||
                  std::any_of(now.marks.begin(), now.marks.end(), [&](uint64_t m) { return (m >> 17) == (mark >> 17); }));
    }
  }
  Match m;
  ASSERT_TRUE(best_match(old_text, r, &m, &err));
  EXPECT_EQ(m.original, nullptr);
  ASSERT_TRUE(best_match(fingerprint(made_up_text(2, 400)), r, &m, &err));
  ASSERT_NE(m.original, nullptr);
}

TEST_F(IndexStore, ReplacedWithinOneNewBuildKeepsOnlyTheLaterMarks) {
  std::string err;
  {
    IndexWriter w;  // a new index: marks are staged until finish()
    ASSERT_TRUE(w.open(path, &err)) << err;
    ASSERT_TRUE(w.add(make_original("x", made_up_text(1, 400)), &err)) << err;
    for (uint32_t i = 10; i < 700; ++i)  // past one batch, so the first x is committed
      ASSERT_TRUE(w.add(make_original("o" + std::to_string(i), made_up_text(i, 300)), &err)) << err;
    ASSERT_TRUE(w.add(make_original("x", made_up_text(2, 400)), &err)) << err;
    ASSERT_TRUE(w.finish(&err)) << err;
  }
  IndexReader r;
  ASSERT_TRUE(r.open(path, &err)) << err;
  EXPECT_EQ(r.size(), 691u);
  Match m;
  ASSERT_TRUE(best_match(fingerprint(made_up_text(1, 400)), r, &m, &err));
  EXPECT_EQ(m.original, nullptr);
  ASSERT_TRUE(best_match(fingerprint(made_up_text(2, 400)), r, &m, &err));
  ASSERT_NE(m.original, nullptr);
  EXPECT_EQ(m.original->input, "x");
  ASSERT_TRUE(best_match(fingerprint(made_up_text(444, 300)), r, &m, &err));
  ASSERT_NE(m.original, nullptr);
  EXPECT_EQ(m.original->input, "o444");
}

TEST_F(IndexStore, ABuildKilledBeforeItsMarksWereMovedIsRepairedByTheNextWriter) {
  std::string err;
  {
    IndexWriter w;
    ASSERT_TRUE(w.open(path, &err)) << err;
    ASSERT_TRUE(w.add(make_original("a", made_up_text(5, 400)), &err)) << err;
    ASSERT_TRUE(w.finish(&err)) << err;
  }
  // What a kill leaves: the originals committed, their marks (staged in a temp table) gone.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "DELETE FROM marks", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  {
    IndexWriter w;
    ASSERT_TRUE(w.open(path, &err)) << err;
    ASSERT_TRUE(w.add(make_original("b", made_up_text(6, 400)), &err)) << err;
    ASSERT_TRUE(w.finish(&err)) << err;
  }
  IndexReader r;
  ASSERT_TRUE(r.open(path, &err)) << err;
  Match m;
  ASSERT_TRUE(best_match(fingerprint(made_up_text(5, 400)), r, &m, &err));
  ASSERT_NE(m.original, nullptr);
  EXPECT_EQ(m.original->input, "a");
  ASSERT_TRUE(best_match(fingerprint(made_up_text(6, 400)), r, &m, &err));
  ASSERT_NE(m.original, nullptr);
  EXPECT_EQ(m.original->input, "b");
}

TEST_F(IndexStore, NotAnIndexAndOtherSchemasAreRefusedInWords) {
  std::string err;
  IndexReader r;
  EXPECT_FALSE(r.open(dir + "/missing.db", &err));
  EXPECT_NE(err.find("not an originals index"), std::string::npos) << err;
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_exec(db, "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT); INSERT INTO meta VALUES('schema_version','99')",
               nullptr, nullptr, nullptr);
  sqlite3_close(db);
  IndexReader r2;
  EXPECT_FALSE(r2.open(path, &err));
  EXPECT_NE(err.find("schema version 99"), std::string::npos) << err;
  IndexWriter w;
  EXPECT_FALSE(w.open(path, &err));
  EXPECT_NE(err.find("rebuild"), std::string::npos) << err;
}

}  // namespace
}  // namespace credcheck
