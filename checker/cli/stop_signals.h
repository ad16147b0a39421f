// SIGINT and SIGTERM stop a scan cleanly: no new input is started, the inputs running
// finish, and the report is written with what is done. A second signal kills at once
// (SA_RESETHAND), for a fetch that will not end.
#pragma once

#include <signal.h>

#include <atomic>

namespace credcheck {

// Handles both signals while it lives; made anew for each run (it clears what an
// earlier run's signal left).
class StopOnSignals {
 public:
  StopOnSignals();
  ~StopOnSignals();
  StopOnSignals(const StopOnSignals&) = delete;
  StopOnSignals& operator=(const StopOnSignals&) = delete;
  // Set by the first signal; the run's ReadControl::stop.
  static std::atomic<bool>* stop();
  // The signal that stopped the run; 0 when none did.
  static int signal();

 private:
  struct sigaction old_int_ {}, old_term_ {};
};

// "SIGINT", "SIGTERM" or "a signal".
const char* signal_name(int sig);

}  // namespace credcheck
