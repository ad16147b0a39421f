#include "checker/store/index.h"
#include "checker/store/index_format.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <stdlib.h>

#include <filesystem>
#include <thread>

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
    ASSERT_TRUE(w.add(make_original("a" + std::to_string(i), made_up_text(i, 400),
                                    (i % 2 ? "2024-01-0" : "2024年1月") + std::to_string(1 + i % 9) + (i % 2 ? "" : "日")),
                      &err)) << err;
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
    bool common = false;
    ASSERT_TRUE(r.postings(mark, kCommonMark, &ids, &common, &err));
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
  ASSERT_EQ(sqlite3_exec(db, "DELETE FROM postings", nullptr, nullptr, nullptr), SQLITE_OK);
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

TEST(IndexFormat, PostingListsRoundTripAndBadBytesAreRefused) {
  std::vector<int64_t> ids = {1, 2, 3, 130, 131, 20000, 20001, int64_t{1} << 40};
  std::string bytes = index_format::encode_ids(ids);
  EXPECT_LT(bytes.size(), ids.size() * 3);  // small gaps take a byte
  std::vector<int64_t> back;
  ASSERT_TRUE(index_format::decode_ids(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), &back));
  EXPECT_EQ(back, ids);
  back.clear();
  EXPECT_FALSE(index_format::decode_ids(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size() - 1, &back))
      << "a list cut inside its last varint";
  for (std::string bad : {std::string("\x01\x00", 2), std::string("\xff\xff\xff\xff\xff\xff\xff\xff\x7f\x7f"),
                          std::string("\x00", 1)}) {
    back.clear();
    EXPECT_FALSE(index_format::decode_ids(reinterpret_cast<const unsigned char*>(bad.data()), bad.size(), &back))
        << "a zero gap, or ids past INT64_MAX";
  }
  std::string endless(12, '\x80');
  EXPECT_FALSE(index_format::decode_ids(reinterpret_cast<const unsigned char*>(endless.data()), endless.size(), &back));
}

TEST(IndexFormat, PublishedDayFromThePrintedForms) {
  EXPECT_EQ(index_format::published_day("2024-05-01T08:00:00+08:00"), "2024-05-01");
  EXPECT_EQ(index_format::published_day("2024年5月3日 19:30"), "2024-05-03");
  EXPECT_EQ(index_format::published_day("发布时间：2024/05/03"), "2024-05-03");
  EXPECT_EQ(index_format::published_day("2024.5.3"), "2024-05-03");
  EXPECT_EQ(index_format::published_day("05-03 19:30"), "") << "no year";
  EXPECT_EQ(index_format::published_day("10-0812:00"), "");
  EXPECT_EQ(index_format::published_day("2024-13-01"), "") << "no such month";
  EXPECT_EQ(index_format::published_day("12024-05-01"), "") << "not a year";
  EXPECT_EQ(index_format::published_day(""), "");
}

// A mark more than kCommonMark originals share comes back as common, with no ids, from a
// new index and after `index add` has added to it; one original fewer brings the ids back.
TEST_F(IndexStore, AMarkTooManyOriginalsShareIsCommonBeforeAndAfterAdds) {
  const std::string notice = made_up_text(999, 120);
  std::string err;
  auto with_notice = [&](uint32_t i) { return make_original("n" + std::to_string(i), notice + made_up_text(i, 200)); };
  {
    IndexWriter w;
    ASSERT_TRUE(w.open(path, &err)) << err;
    for (uint32_t i = 0; i < kCommonMark; ++i) ASSERT_TRUE(w.add(with_notice(i), &err)) << err;
    ASSERT_TRUE(w.finish(&err)) << err;
  }
  uint64_t mark = fingerprint(notice).marks.at(0);
  auto read = [&](std::vector<int64_t>* ids) {
    IndexReader r;
    bool common = false;
    EXPECT_TRUE(r.open(path, &err)) << err;
    EXPECT_TRUE(r.postings(mark, kCommonMark, ids, &common, &err)) << err;
    return common;
  };
  std::vector<int64_t> ids;
  EXPECT_FALSE(read(&ids));
  EXPECT_EQ(ids.size(), kCommonMark);
  {
    IndexWriter w;  // `index add`: lists read and written in place
    ASSERT_TRUE(w.open(path, &err)) << err;
    ASSERT_TRUE(w.add(with_notice(kCommonMark), &err)) << err;
    ASSERT_TRUE(w.finish(&err)) << err;
  }
  ids.clear();
  EXPECT_TRUE(read(&ids));
  EXPECT_TRUE(ids.empty());
  {
    IndexReader r;  // a mark found common once is common again, and not for a larger cap
    ASSERT_TRUE(r.open(path, &err)) << err;
    for (int twice = 0; twice < 2; ++twice) {
      bool common = false;
      ASSERT_TRUE(r.postings(mark, kCommonMark, &ids, &common, &err)) << err;
      EXPECT_TRUE(common);
    }
    bool common = true;
    ASSERT_TRUE(r.postings(mark, 100, &ids, &common, &err)) << err;
    EXPECT_FALSE(common);
    EXPECT_EQ(ids.size(), kCommonMark + 1);
    ids.clear();
  }
  {
    IndexWriter w;  // one of them replaced by a text without the notice
    ASSERT_TRUE(w.open(path, &err)) << err;
    ASSERT_TRUE(w.add(make_original("n3", made_up_text(3, 200)), &err)) << err;
    ASSERT_TRUE(w.finish(&err)) << err;
  }
  ids.clear();
  EXPECT_FALSE(read(&ids));
  EXPECT_EQ(ids.size(), kCommonMark);
}

// Threads matching pages at once each read through their own connection of the reader's
// pool; every one finds its page's original.
TEST_F(IndexStore, ThreadsMatchingAtOnceEachFindTheirOriginal) {
  std::string err;
  IndexWriter w;
  ASSERT_TRUE(w.open(path, &err)) << err;
  for (uint32_t i = 0; i < 200; ++i) ASSERT_TRUE(w.add(make_original("t" + std::to_string(i), made_up_text(i, 300)), &err)) << err;
  ASSERT_TRUE(w.finish(&err)) << err;
  IndexReader r;
  ASSERT_TRUE(r.open(path, &err)) << err;
  std::vector<std::string> found(200);
  std::vector<std::thread> threads;
  for (uint32_t t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (uint32_t i = t; i < 200; i += 4) {
        Match m;
        std::string e;
        if (best_match(fingerprint(made_up_text(i, 300).substr(0, 450)), r, &m, &e) && m.original)
          found[i] = m.original->input;
      }
    });
  for (auto& t : threads) t.join();
  for (uint32_t i = 0; i < 200; ++i) EXPECT_EQ(found[i], "t" + std::to_string(i));
}

// Each thread reads the index as it was when that thread first read it, postings and
// originals alike: an original added meanwhile is found by a thread that starts reading
// after the add, and is neither found nor an error ("missing") for one that read before.
TEST_F(IndexStore, EachThreadReadsOneSnapshotWhileAnAddCommits) {
  std::string err;
  {
    IndexWriter w;
    ASSERT_TRUE(w.open(path, &err)) << err;
    for (uint32_t i = 0; i < 20; ++i) ASSERT_TRUE(w.add(make_original("s" + std::to_string(i), made_up_text(i, 300)), &err)) << err;
    ASSERT_TRUE(w.finish(&err)) << err;
  }
  IndexReader r;
  ASSERT_TRUE(r.open(path, &err)) << err;
  Match m;
  ASSERT_TRUE(best_match(fingerprint(made_up_text(3, 300)), r, &m, &err)) << err;  // this thread has read
  {
    IndexWriter w;  // `index add` while the scan runs
    ASSERT_TRUE(w.open(path, &err)) << err;
    ASSERT_TRUE(w.add(make_original("new", made_up_text(500, 300)), &err)) << err;
    ASSERT_TRUE(w.finish(&err)) << err;
  }
  Fingerprint added = fingerprint(made_up_text(500, 300));
  std::string later_found, later_err;
  std::thread later([&] {
    Match lm;
    if (!best_match(added, r, &lm, &later_err)) return;
    if (lm.original) later_found = lm.original->input;
  });
  later.join();
  EXPECT_EQ(later_err, "");
  EXPECT_EQ(later_found, "new");
  ASSERT_TRUE(best_match(added, r, &m, &err)) << err;
  EXPECT_EQ(m.original, nullptr);
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
