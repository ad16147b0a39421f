// Parse + extract in bounded worker processes. gumbo 0.10.1 is archived and some markup
// costs it quadratic time or memory; the pre-pass (html_guard.h) refuses the shapes we
// know, and the workers bound the ones we don't: each page is parsed in a child process
// under an address-space cap and a CPU-time limit, so one page can cost at most its own
// result, never the batch's.
//
// Workers are `posix_spawn`s of this binary in a hidden mode (`credcheck __page-worker`),
// not forks: spawning is safe from the pipeline's threads (a worker that dies is replaced
// mid-batch, from whichever thread met it), and a fresh process caps only its own
// memory, not a copy of the parent's heap (originals, pack). The cost is one exec per
// worker, paid once per pool slot and per replacement.
//
// Wire (a Unix socket per worker, one write and one read each way per page):
//   request:  u64 length, then the page as UTF-8
//   response: u32 kind (0 fields, 1 refused), u64 json length, u64 text length, then
//             the fields as the contract's JSON (fields_json) or the refusal message,
//             then the article `text` as raw bytes (see page_wire.h).
// A worker that runs out of memory exits with kExitOutOfMemory, one over its CPU time
// with kExitTooSlow; the parent turns either into the page's reason and spawns a new one.
#pragma once

#include <sys/types.h>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "checker/page/fields.h"

namespace credcheck {

struct PageWorkerOptions {
  bool isolated = true;                 // false: parse in this process (debugging, fuzzing)
  size_t memory_bytes = size_t{1} << 30;  // address space of each worker (RLIMIT_AS)
  double seconds = 10;                  // CPU time per page
  int workers = 1;                      // processes at most (the pipeline's jobs)
  std::string program = "/proc/self/exe";  // the binary that serves `__page-worker`
};

// The argument that puts the binary in worker mode (main() checks it first).
inline constexpr std::string_view kPageWorkerMode = "__page-worker";

// Serves pages on fd 0 until it closes: `credcheck __page-worker MEMORY_BYTES SECONDS`.
// Returns the process exit code.
int run_page_worker(int argc, char** argv);

// "needed more than 1 GiB", "parsing took more than 10 s": the reasons a page gets.
std::string memory_reason(size_t bytes);
std::string time_reason(double seconds);

// A pool of worker processes, started lazily, reused, replaced when one dies.
// Thread-safe: each call takes an idle worker (or starts one, up to `workers`).
class PageWorkers {
 public:
  explicit PageWorkers(PageWorkerOptions options);
  ~PageWorkers();
  PageWorkers(const PageWorkers&) = delete;
  PageWorkers& operator=(const PageWorkers&) = delete;

  // Parses `html` and extracts its fields (text included) in a worker. False with *err
  // when parse_html refused the page, the page broke a limit, or no worker could run it.
  bool read(std::string_view html, Fields* fields, std::string* err);

  // Processes started so far (replacements included); for tests.
  int started() const;
  // The pid of an idle worker, or -1; for tests that kill one.
  pid_t idle_pid() const;

 private:
  struct Worker;
  std::unique_ptr<Worker> take(std::string* err);
  void give_back(std::unique_ptr<Worker> w);
  void discard(std::unique_ptr<Worker> w, int* status);  // kills, reaps, frees its slot

  PageWorkerOptions options_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<Worker>> idle_;
  int alive_ = 0;
  int started_ = 0;
};

// The process's way of reading a page: through the pool set by configure_page_workers,
// or in this process (parse_html + extract_fields) when none was set or it is not
// isolated. The commands configure it once, before their first page.
void configure_page_workers(const PageWorkerOptions& options);
bool parse_and_extract(std::string_view html, Fields* fields, std::string* err);
// Whether parse_and_extract goes to worker processes (configured and isolated).
bool pages_parse_in_workers();

}  // namespace credcheck
