#include "checker/store/mark_runs.h"

#include <sqlite3.h>

#include <algorithm>
#include <memory>
#include <queue>

namespace credcheck {
namespace {

using namespace store_detail;

void put_varint(uint64_t v, std::string* out) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

// One run, read through SQLite's incremental blob I/O a chunk at a time: a merge holds
// a chunk per run, not the runs.
class RunReader {
 public:
  static constexpr int kChunk = 64 * 1024;

  bool open(sqlite3* db, int64_t run, const std::string& path, std::string* err) {
    run_ = run;
    if (sqlite3_blob_open(db, "temp", "mark_runs", "pairs", run, 0, &blob_) != SQLITE_OK) return fail(db, path, err);
    size_ = sqlite3_blob_bytes(blob_);
    return true;
  }
  ~RunReader() {
    if (blob_) sqlite3_blob_close(blob_);
  }
  // The next pair into mark/id; false at the end of the run or on a read error (*bad).
  bool next(bool* bad) {
    uint64_t gap = 0, id = 0;
    if (!varint(&gap, bad) || !varint(&id, bad)) return false;
    mark += static_cast<int64_t>(gap);
    this->id = static_cast<int64_t>(id);
    return true;
  }
  int64_t run() const { return run_; }
  int64_t mark = 0, id = 0;

 private:
  bool varint(uint64_t* v, bool* bad) {
    *v = 0;
    for (int shift = 0; shift <= 63; shift += 7) {
      if (at_ == buf_.size() && !refill(bad)) {
        *bad = *bad || shift > 0;  // a run cut inside a varint
        return false;
      }
      auto b = static_cast<unsigned char>(buf_[at_++]);
      *v |= static_cast<uint64_t>(b & 0x7f) << shift;
      if (!(b & 0x80)) return true;
    }
    *bad = true;
    return false;
  }
  bool refill(bool* bad) {
    int n = std::min(kChunk, size_ - read_);
    if (n <= 0) return false;
    buf_.resize(static_cast<size_t>(n));
    if (sqlite3_blob_read(blob_, buf_.data(), n, read_) != SQLITE_OK) {
      *bad = true;
      return false;
    }
    read_ += n;
    at_ = 0;
    return true;
  }
  sqlite3_blob* blob_ = nullptr;
  int64_t run_ = 0;
  int size_ = 0, read_ = 0;
  std::string buf_;
  size_t at_ = 0;
};

}  // namespace

bool MarkRuns::open(sqlite3* db, const std::string& path, std::string* err) {
  db_ = db;
  path_ = path;
  return exec(db, "CREATE TEMP TABLE IF NOT EXISTS mark_runs(run INTEGER PRIMARY KEY, pairs BLOB NOT NULL)", path,
              err);
}

bool MarkRuns::add(int64_t id, const std::vector<int64_t>& marks, std::string* err) {
  for (int64_t mark : marks) pairs_.emplace_back(mark, id);
  return pairs_.size() < run_pairs_ || write_run(err);
}

void MarkRuns::restage(int64_t id) {
  std::erase_if(pairs_, [id](const auto& p) { return p.second == id; });
  fresh_from_[id] = runs_;
}

bool MarkRuns::write_run(std::string* err) {
  if (pairs_.empty()) return true;
  std::sort(pairs_.begin(), pairs_.end());
  std::string blob;
  blob.reserve(pairs_.size() * 5);
  int64_t last = 0;
  for (auto [mark, id] : pairs_) {
    put_varint(static_cast<uint64_t>(mark - last), &blob);
    put_varint(static_cast<uint64_t>(id), &blob);
    last = mark;
  }
  Stmt s;
  if (!prepare(db_, "INSERT INTO temp.mark_runs VALUES(?, ?)", &s, path_, err)) return false;
  sqlite3_bind_int64(s.get(), 1, runs_);
  sqlite3_bind_blob(s.get(), 2, blob.data(), static_cast<int>(blob.size()), SQLITE_STATIC);
  if (sqlite3_step(s.get()) != SQLITE_DONE) return fail(db_, path_, err);
  ++runs_;
  pairs_.clear();
  return true;
}

bool MarkRuns::merge(const std::function<bool(int64_t, const std::vector<int64_t>&)>& write, std::string* err) {
  if (!write_run(err)) return false;
  std::vector<std::unique_ptr<RunReader>> readers;
  auto later = [&](size_t a, size_t b) {
    const RunReader &x = *readers[a], &y = *readers[b];
    return x.mark != y.mark ? x.mark > y.mark : x.id > y.id;
  };
  std::priority_queue<size_t, std::vector<size_t>, decltype(later)> heap(later);
  bool bad = false;
  for (int64_t run = 0; run < runs_; ++run) {
    readers.push_back(std::make_unique<RunReader>());
    if (!readers.back()->open(db_, run, path_, err)) return false;
    if (readers.back()->next(&bad)) heap.push(readers.size() - 1);
    if (bad) break;
  }
  std::vector<int64_t> ids;
  int64_t mark = 0;
  while (!heap.empty() && !bad) {
    size_t r = heap.top();
    heap.pop();
    RunReader& reader = *readers[r];
    if (!ids.empty() && reader.mark != mark) {
      if (!write(mark, ids)) return false;
      ids.clear();
    }
    mark = reader.mark;
    auto fresh = fresh_from_.find(reader.id);
    bool stale = fresh != fresh_from_.end() && reader.run() < fresh->second;
    if (!stale && (ids.empty() || ids.back() != reader.id)) ids.push_back(reader.id);
    if (reader.next(&bad)) heap.push(r);
  }
  if (bad) {
    *err = path_ + ": a staged run of marks is unreadable (temporary storage); run the build again";
    return false;
  }
  return ids.empty() || write(mark, ids);
}

}  // namespace credcheck
