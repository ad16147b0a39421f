// The originals index: the publisher's originals, extracted once by `index build` and
// read on demand by `scan --originals`, in SQLite.
//
// Tables: `meta` (schema_version, originals), `originals` (one row per original: input,
// url, the contract's fields as JSON, the main text, the day published), `postings` (the inverted
// index: one row per winnowed shingle mark, keyed by it, holding the ids of the
// originals that have it, so a lookup is one b-tree seek and one step). A scan opens the file read-only and reads only the postings of a page's marks
// and the rows of its few candidates: nothing is loaded up front, so opening a 100,000-
// original index costs what opening a 10-original one does.
#pragma once

#include <list>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <unordered_set>
#include <string>
#include <thread>
#include <vector>

#include "checker/match/match.h"
#include "checker/store/mark_runs.h"
#include "checker/store/sqlite_db.h"

namespace credcheck {

// True when `path` is an SQLite database (by its header), so --originals can take
// either an index or a list of inputs.
bool is_index_file(const std::string& path);

// The schema this build writes and reads; an index of another version is refused with
// the advice to rebuild it.
constexpr int kIndexSchemaVersion = 3;

// Adds or replaces (by input) originals, creating the index if needed; one transaction
// per batch, so memory stays flat however many originals stream in. Into an index with
// no marks yet (a new one), marks are staged in sorted runs (MarkRuns) and merged into
// the postings once by finish(): writing each batch into the growing b-tree rewrote
// most of its pages per commit, so a build grew with the square of the archive.
class IndexWriter {
 public:
  bool open(const std::string& path, std::string* err);
  bool add(const Original& original, std::string* err);
  // Commits and records the count. The writer is unusable afterwards.
  bool finish(std::string* err);
  size_t added() const { return added_; }

 private:
  bool begin(std::string* err);
  bool commit(std::string* err);
  bool stage_stored_originals(std::string* err);
  // A mark's posting list (empty when none); writing an empty one deletes the row.
  bool read_posting(int64_t mark, std::vector<int64_t>* ids, std::string* err);
  bool write_posting(int64_t mark, const std::vector<int64_t>& ids, std::string* err);
  std::string path_;
  std::vector<std::pair<int64_t, int64_t>> pending_;  // (mark, original) of the open batch
  store_detail::Db db_;
  store_detail::Stmt find_, upsert_, get_posting_, put_posting_, drop_posting_;
  MarkRuns runs_;  // a new index's marks, until finish()
  size_t added_ = 0, in_batch_ = 0;
  bool staging_ = false;  // marks go to runs_ until finish()
};

struct IndexStats {
  size_t originals = 0;
  size_t marks = 0;  // postings
  long long bytes = 0;  // the file on disk
  std::string first_published, last_published;  // "YYYY-MM-DD" (published_day())
};

// An index opened for reading: an OriginalSet for best_match(), safe to share between
// threads (a connection per thread that reads).
class IndexReader : public OriginalSet {
 public:
  bool open(const std::string& path, std::string* err);
  size_t size() const override { return size_; }
  bool postings(uint64_t mark, size_t cap, std::vector<int64_t>* ids, bool* common, std::string* err) override;
  bool postings_of(const std::vector<uint64_t>& marks, size_t cap, std::vector<int64_t>* ids,
                   std::string* err) override;
  bool load(int64_t id, std::shared_ptr<const Original>* out, std::string* err) override;
  // The original read from `input` or published at `url`; false without *err when none.
  bool find(const std::string& input_or_url, std::shared_ptr<const Original>* out, std::string* err);
  bool stats(IndexStats* stats, std::string* err);

 private:
  struct Conn {
    store_detail::Db db;
    store_detail::Stmt postings, load, find;
    // Marks this thread found common (more than common_cap originals): boilerplate
    // recurs from page to page, and a third of a scan's lookups were of marks already
    // found common (bench/match). At most kKnownCommon, about 1 MB.
    std::unordered_set<int64_t> known_common;
    size_t common_cap = 0;
  };
  static constexpr size_t kKnownCommon = size_t{1} << 15;
  struct Row {
    std::string input, url, fields, text;
  };
  bool connect(std::unique_ptr<Conn>* out, std::string* err);
  Conn* conn(std::string* err);  // the calling thread's; null with *err when it cannot open
  bool postings_in(Conn& c, uint64_t mark, size_t cap, std::vector<int64_t>* ids, bool* common, std::string* err);
  bool step_row(Conn& c, sqlite3_stmt* s, Row* row, bool* found, std::string* err);
  bool make_original(Row&& row, std::shared_ptr<const Original>* out, std::string* err);
  bool load_row(int64_t id, std::shared_ptr<const Original>* out, std::string* err);
  std::string path_;
  size_t size_ = 0;
  std::unordered_map<std::thread::id, std::unique_ptr<Conn>> conns_;  // by thread; guarded by conns_mu_
  std::mutex conns_mu_;
  // The originals loaded last, most recent first: pages of one scan keep meeting the
  // same candidates (an article reprinted widely, a boilerplate paragraph many share),
  // and a load is a JSON parse and a fingerprint of the whole text. Bounded by count
  // (kRecent); guarded by recent_mu_.
  static constexpr size_t kRecent = 256;
  std::list<std::pair<int64_t, std::shared_ptr<const Original>>> recent_;
  std::unordered_map<int64_t, decltype(recent_)::iterator> recent_at_;
  std::mutex recent_mu_;
};

}  // namespace credcheck
