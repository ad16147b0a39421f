#include "checker/store/index_queue.h"

namespace credcheck {

QueuedIndexWriter::~QueuedIndexWriter() {
  std::string ignored;
  finish(&ignored);
}

bool QueuedIndexWriter::open(const std::string& path, std::string* err) {
  if (!writer_.open(path, err)) return false;
  thread_ = std::thread([this] { run(); });
  return true;
}

bool QueuedIndexWriter::add(Original&& original, std::string* err) {
  std::unique_lock lock(mu_);
  cv_.wait(lock, [&] { return failed_ || queue_.size() < kDepth; });
  if (failed_) {
    *err = error_;
    return false;
  }
  queue_.push_back(std::move(original));
  // Only an empty queue can have the writer waiting: a wake per original cost a futex
  // call and a context switch each.
  if (queue_.size() == 1) cv_.notify_all();
  return true;
}

void QueuedIndexWriter::run() {
  std::deque<Original> batch;
  for (;;) {
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [&] { return closing_ || !queue_.empty(); });
      if (queue_.empty()) return;  // closing, and everything is written
      // Everything queued at once: the readers refill the queue while these are written.
      bool was_full = queue_.size() >= kDepth;
      batch.swap(queue_);
      if (was_full) cv_.notify_all();
    }
    for (Original& o : batch) {
      std::string err;
      if (!writer_.add(o, &err)) {
        std::lock_guard lock(mu_);
        failed_ = true;
        error_ = err;
        queue_.clear();
        cv_.notify_all();
        return;
      }
    }
    batch.clear();
  }
}

bool QueuedIndexWriter::finish(std::string* err) {
  if (finished_) return !failed_;
  finished_ = true;
  if (thread_.joinable()) {
    {
      std::lock_guard lock(mu_);
      closing_ = true;
      cv_.notify_all();
    }
    thread_.join();
  }
  // What was written is committed even after a failure: `index add` can finish the job.
  std::string finish_err;
  bool finished = writer_.finish(&finish_err);
  if (failed_) {
    *err = error_;
    return false;
  }
  if (!finished) *err = finish_err;
  return finished;
}

}  // namespace credcheck
