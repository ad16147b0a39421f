// Runs the real credcheck binary for end-to-end tests: no shell, arguments as given,
// stdout and stderr captured through temporary files.
#pragma once

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/files.h"

extern char** environ;

namespace credcheck::test_support {

struct RunResult {
  int code = -1;
  std::string out;
  std::string err;
};

// Exit code of a finished child, or 128 + signal.
inline int exit_code(int status) {
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// Starts CREDCHECK_BINARY with `args` (no shell), its stdin read from `in_path` and its
// stdout and stderr written to `out_path` and `err_path`. Returns its pid, or -1.
inline pid_t spawn_credcheck(const std::vector<std::string>& args, const std::string& in_path,
                             const std::string& out_path, const std::string& err_path) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, in_path.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  std::vector<std::string> argv_s = {CREDCHECK_BINARY};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid;
  if (posix_spawn(&pid, CREDCHECK_BINARY, &actions, nullptr, argv.data(), environ) != 0) pid = -1;
  posix_spawn_file_actions_destroy(&actions);
  return pid;
}

// Runs CREDCHECK_BINARY with `args` in the source directory, feeding `input` on stdin.
inline RunResult run_credcheck(const std::vector<std::string>& args, const std::string& input = "") {
  namespace fs = std::filesystem;
  char dir_template[] = "/tmp/credcheck-e2e-XXXXXX";
  fs::path dir = mkdtemp(dir_template);
  fs::path in = dir / "in", out = dir / "out", err = dir / "err";
  std::ofstream(in, std::ios::binary) << input;
  RunResult r;
  if (pid_t pid = spawn_credcheck(args, in, out, err); pid > 0) {
    int status = 0;
    waitpid(pid, &status, 0);
    r.code = exit_code(status);
  }
  r.out = slurp(out);
  r.err = slurp(err);
  fs::remove_all(dir);
  return r;
}

}  // namespace credcheck::test_support
