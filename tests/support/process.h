// Runs the credcheck binary in the background for end-to-end tests that must watch it as
// it runs: signals, output read as it grows, concurrent runs, a pseudo-terminal.
#pragma once

#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "tests/support/files.h"
#include "tests/support/run_binary.h"

extern char** environ;

namespace credcheck::test_support {

class Child {
 public:
  // Starts CREDCHECK_BINARY with `args`; stdin, stdout and stderr go to/from the paths given.
  Child(const std::vector<std::string>& args, const std::string& in_path,
        const std::string& out_path, const std::string& err_path)
      : pid_(spawn_credcheck(args, in_path, out_path, err_path)) {}
  ~Child() {
    if (pid_ > 0 && code_ < 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;

  bool started() const { return pid_ > 0; }
  void signal(int sig) { kill(pid_, sig); }

  // Waits at most `bound` (a hang detector, not a measurement); -1 if still running,
  // then the child is killed.
  int wait(std::chrono::seconds bound) {
    if (code_ >= 0) return code_;
    auto end = std::chrono::steady_clock::now() + bound;
    int status = 0;
    while (std::chrono::steady_clock::now() < end) {
      if (waitpid(pid_, &status, WNOHANG) == pid_) return code_ = exit_code(status);
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    kill(pid_, SIGKILL);
    waitpid(pid_, &status, 0);
    code_ = -1;
    pid_ = -1;
    return -1;
  }
  bool running() {
    int status = 0;
    if (code_ >= 0) return false;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      code_ = exit_code(status);
      return false;
    }
    return true;
  }

 private:
  pid_t pid_ = -1;
  int code_ = -1;
};

// Polls `ready` every 20 ms until it holds or `bound` passes (a hang detector).
inline bool wait_until(const std::function<bool()>& ready, std::chrono::seconds bound) {
  auto end = std::chrono::steady_clock::now() + bound;
  while (std::chrono::steady_clock::now() < end) {
    if (ready()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return ready();
}

struct TerminalRun {
  int code = -1;
  std::string screen;  // everything written to the terminal (stdout and stderr), as bytes
};

// Runs the binary on a pseudo-terminal: stdin, stdout and stderr are all the terminal
// (so isatty() holds for each), unless `stdout_path` is given, then stdout goes there.
inline TerminalRun run_on_terminal(const std::vector<std::string>& args, std::chrono::seconds bound,
                                   const std::string& stdout_path = "") {
  std::vector<std::string> argv_s = {CREDCHECK_BINARY};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);
  TerminalRun run;
  int master = -1;
  winsize size{40, 200, 0, 0};
  pid_t pid = forkpty(&master, nullptr, nullptr, &size);
  if (pid < 0) return run;
  if (pid == 0) {
    if (!stdout_path.empty()) {
      int fd = open(stdout_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
      dup2(fd, 1);
      close(fd);
    }
    execv(argv[0], argv.data());
    _exit(127);
  }
  auto end = std::chrono::steady_clock::now() + bound;
  char buf[4096];
  for (;;) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(end - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      kill(pid, SIGKILL);
      break;
    }
    pollfd p{master, POLLIN, 0};
    if (poll(&p, 1, static_cast<int>(std::min<long>(left.count(), 200))) > 0) {
      ssize_t n = read(master, buf, sizeof buf);
      if (n <= 0) break;  // EIO: the child closed the terminal
      run.screen.append(buf, static_cast<size_t>(n));
    }
  }
  close(master);
  int status = 0;
  waitpid(pid, &status, 0);
  run.code = exit_code(status);
  return run;
}

}  // namespace credcheck::test_support
