#include "checker/cli/progress.h"

#include <cstdio>
#include <string>

namespace credcheck {

void Progress::update(size_t done, size_t total, size_t unchecked) {
  if (!enabled_) return;
  Clock::time_point now = Clock::now();
  // A few updates a second are enough to read; more would cost the terminal more than
  // the scan. The first is shown at once.
  if (shown_ && now - last_ < std::chrono::milliseconds(200) && done != total) return;
  last_ = now;
  double seconds = std::chrono::duration<double>(now - start_).count();
  double rate = seconds > 0 ? done / seconds : 0;
  char line[160];
  int n = total ? std::snprintf(line, sizeof line, "credcheck: %zu/%zu inputs", done, total)
                : std::snprintf(line, sizeof line, "credcheck: %zu inputs", done);
  n += std::snprintf(line + n, sizeof line - n, ", %.1f pages/s, %zu unchecked", rate, unchecked);
  if (total && rate > 0 && done < total)
    std::snprintf(line + n, sizeof line - n, ", %.0f s left", (total - done) / rate);
  err_ << '\r' << line << "\x1b[K" << std::flush;  // \x1b[K: erase what a longer line left
  shown_ = true;
}

void Progress::clear() {
  if (!shown_) return;
  err_ << "\r\x1b[K" << std::flush;
  shown_ = false;
}

}  // namespace credcheck
