// An IndexWriter on a thread of its own, so `index build` parses the next originals while
// SQLite writes the last ones (the writes were a third of a build done in turn).
#pragma once

#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <thread>

#include "checker/store/index.h"

namespace credcheck {

class QueuedIndexWriter {
 public:
  ~QueuedIndexWriter();
  bool open(const std::string& path, std::string* err);
  // Queues the original (in order; at most kDepth wait, then the caller waits). false with
  // *err once the writer has failed: nothing more is written.
  bool add(Original&& original, std::string* err);
  // Writes what is queued, commits, and stops the thread. The writer's first error, if any.
  bool finish(std::string* err);
  size_t added() const { return writer_.added(); }

 private:
  static constexpr size_t kDepth = 256;
  void run();

  IndexWriter writer_;
  std::thread thread_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Original> queue_;
  bool closing_ = false, failed_ = false, finished_ = false;
  std::string error_;
};

}  // namespace credcheck
