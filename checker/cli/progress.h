// One progress line on a terminal's stderr, rewritten in place (done/total, pages/s,
// unchecked, time left) and cleared at the end. Silent when disabled (stderr is not a
// terminal, or --quiet), so logs and pipes never see it.
#pragma once

#include <chrono>
#include <ostream>

namespace credcheck {

class Progress {
 public:
  Progress(std::ostream& err, bool enabled) : err_(err), enabled_(enabled) {}
  ~Progress() { clear(); }
  // `total` is 0 while the inputs are still being read (a list streams in).
  void update(size_t done, size_t total, size_t unchecked);
  void clear();

 private:
  using Clock = std::chrono::steady_clock;
  std::ostream& err_;
  bool enabled_;
  bool shown_ = false;
  Clock::time_point start_ = Clock::now();
  Clock::time_point last_{};
};

}  // namespace credcheck
