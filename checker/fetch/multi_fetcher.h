// Many transfers at once on one libcurl multi handle, on the thread that calls run().
// The caller feeds URL inputs through `pull` and gets each back, fetched or failed,
// through `done`, so pages already fetched are decoded and checked elsewhere while
// other transfers run. Every pulled input comes back exactly once (unless the run is
// stopped: then inputs not yet started are dropped).
//
// Per host (host_queue.h): --per-host transfers, --host-interval and Crawl-delay between
// starts, robots.txt fetched once and honoured (unless ignore_robots), retries with
// backoff on timeouts, lost connections, 429 and 502-504 (Retry-After honoured, capped),
// and a host that keeps failing given up ("host unreachable: …"). Redirects of pages are
// followed here, hop by hop, so each hop is judged by its own host's robots.txt.
#pragma once

#include <curl/curl.h>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "checker/fetch/fetcher.h"
#include "checker/fetch/host_queue.h"
#include "checker/fetch/transfer.h"

namespace credcheck {

struct FetchedInput {
  size_t index = 0;
  Input input;
  bool ok = false;
  Document doc;     // when ok; when not, the response's final URL, status and time, if any
  std::string err;  // when not: "URL: reason"
};

class MultiFetcher {
 public:
  enum class Pull { kGot, kNotNow, kEnd };
  struct Hooks {
    // The next URL input and its index; kNotNow when the caller has no room for more yet
    // (it calls wake() when it has), kEnd when there are no more (or the run stops).
    std::function<Pull(Input*, size_t*)> pull;
    // May one more transfer start (is there room downstream for its body)?
    std::function<bool()> room;
    // True once the run is stopping: nothing more is started.
    std::function<bool()> stopping;
    std::function<void(FetchedInput&&)> done;
  };

  explicit MultiFetcher(const FetchOptions& options);
  ~MultiFetcher();
  MultiFetcher(const MultiFetcher&) = delete;
  MultiFetcher& operator=(const MultiFetcher&) = delete;

  // Runs until pull() ends and every pulled input is done.
  void run(const Hooks& hooks);
  // Thread-safe: the loop looks again at room() and pull().
  void wake();

 private:
  struct Running {
    std::string origin;
    FetchJob job;
    std::unique_ptr<Transfer> transfer;
    CURL* curl = nullptr;
  };

  void admit(const Hooks& hooks);
  void enqueue(const std::string& origin, FetchJob job, const Hooks& hooks, bool hop);
  // A 3xx answer: the job goes on to `to` on that host's queue (its robots.txt and
  // politeness apply), or fails (too many hops, not http/https).
  void follow(FetchJob& job, const std::string& to, const Hooks& hooks);
  void start_ready(const Hooks& hooks);
  void start(const std::string& origin, FetchJob job);
  void finish(CURL* curl, CURLcode rc, const Hooks& hooks);
  void finish_robots(Running& r, const Outcome& o);
  void give_up_host(const std::string& origin, const Hooks& hooks);
  void fail(FetchJob& job, std::string err, const Hooks& hooks);

  TransferSetup setup_;
  const FetchOptions& options_;
  CURLM* multi_ = nullptr;
  HostQueues hosts_;
  std::map<CURL*, Running> running_;
  std::vector<FetchedInput> pending_failures_;  // inputs that could not start, said after the loop's turn
  bool ended_ = false;
};

// The origin ("http://host:port") and the path with its query ("/a?b") of a URL; false
// when it cannot be read.
bool split_url(const std::string& url, std::string* origin, std::string* path);

}  // namespace credcheck
