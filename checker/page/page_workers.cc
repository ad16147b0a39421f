#include "checker/page/page_workers.h"

#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <sstream>

#include "checker/page/extract.h"
#include "checker/page/html.h"
#include "checker/page/page_wire.h"

extern char** environ;

namespace credcheck {

using namespace page_wire;

std::string memory_reason(size_t bytes) {
  constexpr size_t kMiB = size_t{1} << 20, kGiB = size_t{1} << 30;
  if (bytes % kGiB == 0) return "needed more than " + std::to_string(bytes / kGiB) + " GiB";
  if (bytes % kMiB == 0) return "needed more than " + std::to_string(bytes / kMiB) + " MiB";
  return "needed more than " + std::to_string(bytes) + " bytes";
}

std::string time_reason(double seconds) {
  std::ostringstream s;
  s << "parsing took more than " << seconds << " s";
  return s.str();
}

struct PageWorkers::Worker {
  pid_t pid = -1;
  int fd = -1;
};

namespace {

// Starts one worker on a socket pair (its fd 0); its stdout goes to stderr, so a stray
// print can never corrupt the wire or the report.
bool spawn_worker(const PageWorkerOptions& o, pid_t* pid, int* fd, std::string* err) {
  int sv[2];
  if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) {
    *err = std::string("cannot start a page worker: socketpair: ") + std::strerror(errno);
    return false;
  }
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, sv[1], 0);
  posix_spawn_file_actions_adddup2(&fa, 2, 1);
  // Nothing else of the parent's (input files, HTTP connections) stays open in a worker.
  posix_spawn_file_actions_addclosefrom_np(&fa, 3);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t none;
  sigemptyset(&none);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK);
  std::ostringstream secs;
  secs.precision(17);
  secs << o.seconds;
  std::string a0 = "credcheck", a1(kPageWorkerMode), a2 = std::to_string(o.memory_bytes),
              a3 = secs.str();
  char* argv[] = {a0.data(), a1.data(), a2.data(), a3.data(), nullptr};
  int rc = posix_spawn(pid, o.program.c_str(), &fa, &attr, argv, environ);
  posix_spawnattr_destroy(&attr);
  posix_spawn_file_actions_destroy(&fa);
  close(sv[1]);
  if (rc != 0) {
    close(sv[0]);
    *err = "cannot start a page worker (" + o.program + "): " + std::strerror(rc);
    return false;
  }
  *fd = sv[0];
  return true;
}

// Why a worker that stopped answering is gone: its limits, or a crash.
std::string death_reason(int status, const PageWorkerOptions& o) {
  if (WIFEXITED(status) && WEXITSTATUS(status) == kExitOutOfMemory)
    return memory_reason(o.memory_bytes);
  if (WIFEXITED(status) && WEXITSTATUS(status) == kExitTooSlow) return time_reason(o.seconds);
  if (WIFSIGNALED(status))
    return "the parser crashed on this page (signal " + std::to_string(WTERMSIG(status)) + ")";
  return "the page worker stopped (exit " +
         std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) + ")";
}

// Waits until fd is readable or the deadline passes; false on timeout.
bool wait_readable(int fd, std::chrono::steady_clock::time_point deadline) {
  for (;;) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    pollfd p{fd, POLLIN, 0};
    int rc = poll(&p, 1, static_cast<int>(std::min<long long>(left.count(), 1 << 30)));
    if (rc > 0) return true;
    if (rc < 0 && errno != EINTR) return true;  // let the read report it
  }
}

}  // namespace

PageWorkers::PageWorkers(PageWorkerOptions options) : options_(std::move(options)) {
  if (options_.workers < 1) options_.workers = 1;
}

PageWorkers::~PageWorkers() {
  for (auto& w : idle_) {
    close(w->fd);  // the worker reads EOF and exits
    waitpid(w->pid, nullptr, 0);
  }
}

int PageWorkers::started() const {
  std::lock_guard lock(mu_);
  return started_;
}

pid_t PageWorkers::idle_pid() const {
  std::lock_guard lock(mu_);
  return idle_.empty() ? -1 : idle_.back()->pid;
}

std::unique_ptr<PageWorkers::Worker> PageWorkers::take(std::string* err) {
  std::unique_lock lock(mu_);
  cv_.wait(lock, [&] { return !idle_.empty() || alive_ < options_.workers; });
  if (!idle_.empty()) {
    auto w = std::move(idle_.back());
    idle_.pop_back();
    return w;
  }
  ++alive_;
  ++started_;
  lock.unlock();
  auto w = std::make_unique<Worker>();
  if (spawn_worker(options_, &w->pid, &w->fd, err)) return w;
  lock.lock();
  --alive_;
  cv_.notify_one();
  return nullptr;
}

void PageWorkers::give_back(std::unique_ptr<Worker> w) {
  std::lock_guard lock(mu_);
  idle_.push_back(std::move(w));
  cv_.notify_one();
}

void PageWorkers::discard(std::unique_ptr<Worker> w, int* status) {
  kill(w->pid, SIGKILL);
  waitpid(w->pid, status, 0);
  close(w->fd);
  std::lock_guard lock(mu_);
  --alive_;
  cv_.notify_one();
}

bool PageWorkers::read(std::string_view html, Fields* fields, std::string* err) {
  uint64_t size = html.size();
  std::string_view size_bytes(reinterpret_cast<const char*>(&size), sizeof size);
  std::unique_ptr<Worker> w = take(err);
  if (!w) return false;
  bool answered = send_all(w->fd, {size_bytes, html});
  if (!answered) {  // it died while idle (killed from outside): not this page's doing
    int status = 0;
    discard(std::move(w), &status);
    if (!(w = take(err))) return false;
    answered = send_all(w->fd, {size_bytes, html});
  }
  // A backstop on the wall clock for a worker that neither answers nor uses CPU (its
  // own timer bounds the CPU): far above the limit, so a loaded machine never hits it.
  auto deadline = std::chrono::steady_clock::now() +
                  std::chrono::milliseconds(static_cast<long long>((options_.seconds * 10 + 60) * 1000));
  bool late = answered && !wait_readable(w->fd, deadline);
  Reply reply;
  answered = answered && !late && read_reply(w->fd, &reply);
  if (!answered) {  // the worker is gone or stuck: end it, tell why, and free its slot
    int status = 0;
    discard(std::move(w), &status);
    *err = late ? "the page worker gave no answer in " +
                      std::to_string(static_cast<long long>(options_.seconds * 10 + 60)) + " s"
                : death_reason(status, options_);
    return false;
  }
  give_back(std::move(w));
  if (reply.kind == kRefused) {
    *err = std::move(reply.json);
    return false;
  }
  if (!decode_fields(reply, fields)) {
    *err = "the page worker sent fields that are not JSON";
    return false;
  }
  return true;
}

namespace {

std::mutex g_mu;
std::unique_ptr<PageWorkers> g_pool;

}  // namespace

void configure_page_workers(const PageWorkerOptions& options) {
  std::lock_guard lock(g_mu);
  g_pool = options.isolated ? std::make_unique<PageWorkers>(options) : nullptr;
}

bool pages_parse_in_workers() {
  std::lock_guard lock(g_mu);
  return g_pool != nullptr;
}

bool parse_and_extract(std::string_view html, Fields* fields, std::string* err) {
  PageWorkers* pool;
  {
    std::lock_guard lock(g_mu);
    pool = g_pool.get();
  }
  if (pool) return pool->read(html, fields, err);
  pugi::xml_document dom;
  SourceMap source;
  if (!parse_html(html, &dom, err, {}, &source)) return false;
  *fields = extract_fields(dom, &source);
  return true;
}

}  // namespace credcheck
