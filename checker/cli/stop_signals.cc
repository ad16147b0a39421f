#include "checker/cli/stop_signals.h"

#include <unistd.h>

#include <string_view>

namespace credcheck {
namespace {

std::atomic<bool> g_stop{false};
volatile sig_atomic_t g_signal = 0;

// Said at once (write(2) is safe in a handler), so whoever pressed Ctrl-C knows the run
// is ending and how to end it now; the progress line is cleared first on a terminal.
volatile sig_atomic_t g_err_is_tty = 0;
constexpr std::string_view kStopping =
    "credcheck: stopping: no new input starts; the inputs running finish and the report is written "
    "(a second signal quits at once)\n";

void on_signal(int sig) {
  g_signal = sig;
  g_stop.store(true);
  if (g_err_is_tty) (void)!write(STDERR_FILENO, "\r\033[K", 4);
  (void)!write(STDERR_FILENO, kStopping.data(), kStopping.size());
}

}  // namespace

StopOnSignals::StopOnSignals() {
  g_stop = false;
  g_signal = 0;
  g_err_is_tty = isatty(STDERR_FILENO);
  struct sigaction sa {};
  sa.sa_handler = on_signal;
  sa.sa_flags = SA_RESETHAND;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, &old_int_);
  sigaction(SIGTERM, &sa, &old_term_);
}

StopOnSignals::~StopOnSignals() {
  sigaction(SIGINT, &old_int_, nullptr);
  sigaction(SIGTERM, &old_term_, nullptr);
}

std::atomic<bool>* StopOnSignals::stop() { return &g_stop; }

int StopOnSignals::signal() { return g_signal; }

const char* signal_name(int sig) { return sig == SIGINT ? "SIGINT" : sig == SIGTERM ? "SIGTERM" : "a signal"; }

}  // namespace credcheck
