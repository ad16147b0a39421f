// A tiny HTTP/1.1 server for tests: 127.0.0.1, an ephemeral port, canned routes.
// Each connection gets one response and is closed (Connection: close). Connections are
// served on their own threads, so a slow (delayed) route does not hold up the others;
// the destructor interrupts delays and open reads, and joins every thread.
//
//   LocalHttpServer server;
//   server.add("/a.html", {.body = "<html>…</html>"});
//   server.add("/old", {.status = 301, .location = "/a.html"});
//   fetch(server.url("/old"));
#pragma once

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace credcheck::test_support {

struct Route {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::string body;
  std::string location;                // sent as Location when not empty
  std::chrono::milliseconds delay{0};  // wait this long before answering
  bool send_length = true;             // false: no Content-Length; the body ends at close
  std::vector<std::pair<std::string, std::string>> headers;  // any further headers
};

class LocalHttpServer {
 public:
  LocalHttpServer() { start(); }
  ~LocalHttpServer() { stop(); }
  LocalHttpServer(const LocalHttpServer&) = delete;
  LocalHttpServer& operator=(const LocalHttpServer&) = delete;

  // False when the socket could not be set up; error() says why.
  bool ok() const { return port_ != 0; }
  const std::string& error() const { return error_; }
  int port() const { return port_; }

  // "http://127.0.0.1:PORT" + path.
  std::string url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }

  // Serves `route` for requests to `path` (matched exactly, then without the query).
  void add(const std::string& path, Route route) {
    std::lock_guard<std::mutex> lock(mu_);
    routes_[path] = std::move(route);
  }

  // Serves every file under `dir` as prefix + its relative path ("/" + "a/b.html"),
  // with `content_type`. Returns the number of files added.
  size_t serve_directory(const std::string& dir, const std::string& content_type,
                         const std::string& prefix = "/") {
    namespace fs = std::filesystem;
    size_t added = 0;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      if (!it->is_regular_file(ec)) continue;
      std::ifstream in(it->path(), std::ios::binary);
      std::ostringstream bytes;
      bytes << in.rdbuf();
      Route route;
      route.content_type = content_type;
      route.body = bytes.str();
      add(prefix + fs::relative(it->path(), dir).generic_string(), std::move(route));
      ++added;
    }
    return added;
  }

  // The head of every request received so far ("GET /a HTTP/1.1\r\nHost: …"), in order.
  std::vector<std::string> requests() const {
    std::lock_guard<std::mutex> lock(mu_);
    return requests_;
  }

 private:
  struct Worker {
    std::thread thread;
    std::shared_ptr<std::atomic<bool>> done;
  };

  void start() {
    listen_fd_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (listen_fd_ < 0 || pipe2(wake_, O_CLOEXEC) != 0) return fail("socket/pipe");
    int one = 1;
    setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    socklen_t len = sizeof addr;
    if (bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        listen(listen_fd_, 64) != 0 ||
        getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
      return fail("bind/listen");
    }
    port_ = ntohs(addr.sin_port);
    acceptor_ = std::thread([this] { accept_loop(); });
  }

  void fail(const char* what) { error_ = std::string(what) + " failed: " + std::strerror(errno); }

  void stop() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stopping_ = true;
      for (int fd : open_fds_) shutdown(fd, SHUT_RDWR);  // wakes blocked reads
    }
    cv_.notify_all();
    if (wake_[1] >= 0) {
      char byte = 0;
      (void)!write(wake_[1], &byte, 1);
    }
    if (acceptor_.joinable()) acceptor_.join();
    for (Worker& w : workers_) w.thread.join();
    for (int fd : {listen_fd_, wake_[0], wake_[1]}) {
      if (fd >= 0) close(fd);
    }
  }

  void accept_loop() {
    for (;;) {
      pollfd fds[2] = {{listen_fd_, POLLIN, 0}, {wake_[0], POLLIN, 0}};
      if (poll(fds, 2, -1) < 0 && errno != EINTR) return;
      if (fds[1].revents) return;
      if (!(fds[0].revents & POLLIN)) continue;
      int fd = accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
      if (fd < 0) continue;
      reap_finished();
      std::lock_guard<std::mutex> lock(mu_);
      if (stopping_) {
        close(fd);
        return;
      }
      open_fds_.insert(fd);
      auto done = std::make_shared<std::atomic<bool>>(false);
      workers_.push_back({std::thread([this, fd, done] {
                            serve(fd);
                            *done = true;
                          }),
                          done});
    }
  }

  void reap_finished() {
    for (auto it = workers_.begin(); it != workers_.end();) {
      if (*it->done) {
        it->thread.join();
        it = workers_.erase(it);
      } else {
        ++it;
      }
    }
  }

  void serve(int fd) {
    timeval tv{5, 0};  // a client that never finishes its request cannot hold a thread
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    std::string head = read_head(fd);
    Route route;
    bool found = !head.empty() && lookup(head, &route);
    if (!found) {
      route.status = 404;
      route.content_type = "text/plain";
      route.body = "not found\n";
    }
    bool stopped = false;
    if (route.delay.count() > 0) {
      std::unique_lock<std::mutex> lock(mu_);
      stopped = cv_.wait_for(lock, route.delay, [this] { return stopping_; });
    }
    if (!stopped && !head.empty()) send_all(fd, response(route, head.rfind("HEAD ", 0) == 0));
    {
      std::lock_guard<std::mutex> lock(mu_);
      open_fds_.erase(fd);
    }
    shutdown(fd, SHUT_WR);
    close(fd);
  }

  static std::string read_head(int fd) {
    std::string head;
    char buf[4096];
    while (head.find("\r\n\r\n") == std::string::npos && head.size() < (64 << 10)) {
      ssize_t n = recv(fd, buf, sizeof buf, 0);
      if (n <= 0) return "";
      head.append(buf, static_cast<size_t>(n));
    }
    return head.substr(0, head.find("\r\n\r\n"));
  }

  // Records the request and finds its route by the target of the request line.
  bool lookup(const std::string& head, Route* route) {
    size_t sp1 = head.find(' ');
    size_t sp2 = sp1 == std::string::npos ? sp1 : head.find(' ', sp1 + 1);
    std::string target = sp2 == std::string::npos ? "" : head.substr(sp1 + 1, sp2 - sp1 - 1);
    std::lock_guard<std::mutex> lock(mu_);
    requests_.push_back(head);
    auto it = routes_.find(target);
    if (it == routes_.end()) it = routes_.find(target.substr(0, target.find('?')));
    if (it == routes_.end()) return false;
    *route = it->second;
    return true;
  }

  static std::string response(const Route& r, bool head_only) {
    std::string out = "HTTP/1.1 " + std::to_string(r.status) + " " + reason(r.status) + "\r\n";
    if (!r.content_type.empty()) out += "Content-Type: " + r.content_type + "\r\n";
    if (!r.location.empty()) out += "Location: " + r.location + "\r\n";
    if (r.send_length) out += "Content-Length: " + std::to_string(r.body.size()) + "\r\n";
    for (const auto& [name, value] : r.headers) out += name + ": " + value + "\r\n";
    out += "Connection: close\r\n\r\n";
    if (!head_only) out += r.body;
    return out;
  }

  static const char* reason(int status) {
    switch (status) {
      case 200: return "OK";
      case 301: return "Moved Permanently";
      case 302: return "Found";
      case 404: return "Not Found";
      case 500: return "Internal Server Error";
      default: return "Status";
    }
  }

  static void send_all(int fd, const std::string& data) {
    size_t sent = 0;
    while (sent < data.size()) {
      ssize_t n = send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return;  // the client went away (it gave up, or hit its byte cap)
      sent += static_cast<size_t>(n);
    }
  }

  int listen_fd_ = -1;
  int wake_[2] = {-1, -1};
  int port_ = 0;
  std::string error_;
  std::thread acceptor_;
  std::list<Worker> workers_;  // touched by the acceptor thread, then by stop()

  mutable std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
  std::set<int> open_fds_;
  std::map<std::string, Route> routes_;
  std::vector<std::string> requests_;
};

}  // namespace credcheck::test_support
