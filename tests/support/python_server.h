// A test server written in Python (tests/support/*.py), started for one test: it prints
// "PORT n" once listening; the destructor kills it. stats() reads its GET /__stats JSON.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "checker/fetch/fetcher.h"

extern char** environ;

namespace credcheck::test_support {

class PythonServer {
 public:
  explicit PythonServer(const std::string& script, const std::vector<std::string>& args = {}) {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) return;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
    std::vector<std::string> argv_s = {"python3", std::string(CREDCHECK_SOURCE_DIR) + "/tests/support/" + script};
    argv_s.insert(argv_s.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_s) argv.push_back(a.data());
    argv.push_back(nullptr);
    if (posix_spawnp(&pid_, "python3", &actions, nullptr, argv.data(), environ) != 0) pid_ = -1;
    posix_spawn_file_actions_destroy(&actions);
    close(fds[1]);
    FILE* out = fdopen(fds[0], "r");
    if (out && pid_ > 0 && std::fscanf(out, "PORT %d", &port_) != 1) port_ = 0;
    if (out) std::fclose(out);
    else close(fds[0]);
  }
  ~PythonServer() {
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }
  PythonServer(const PythonServer&) = delete;
  PythonServer& operator=(const PythonServer&) = delete;

  bool ok() const { return port_ > 0; }
  int port() const { return port_; }
  std::string url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }
  // GET /__stats; null when it cannot be read.
  nlohmann::json stats() const {
    FetchOptions options;
    options.allow_private = true;
    options.timeout_s = 30;
    Document doc;
    std::string err;
    if (!make_curl_fetcher(options)->fetch(url("/__stats"), &doc, &err)) return nullptr;
    return nlohmann::json::parse(doc.bytes, nullptr, false);
  }
  // How many times `path` was asked for.
  int requests(const std::string& path) const {
    nlohmann::json s = stats();
    if (!s.is_object() || !s["requests"].contains(path)) return 0;
    return s["requests"][path].get<int>();
  }

 private:
  pid_t pid_ = -1;
  int port_ = 0;
};

}  // namespace credcheck::test_support
