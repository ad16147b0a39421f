// Per-host politeness and health for the multi fetcher: which waiting URL may start now.
// Pure bookkeeping (no network, time passed in), so it is tested without servers.
//
// A host is an origin (scheme://host:port), as robots.txt is. At most `per_host`
// transfers run on one host, and two starts there are at least max(--host-interval,
// Crawl-delay, penalty) apart. The penalty grows while the host fails (0.5 s doubling to
// 30 s, as lychee does on 429) and is cleared by a success. A host whose inputs keep
// ending in network failures (3 in a row, or 1 DNS failure) is down: its remaining
// inputs are given up without being tried.
#pragma once

#include <chrono>
#include <deque>
#include <map>
#include <string>
#include <vector>

#include "checker/fetch/inputs.h"
#include "checker/fetch/robots.h"
#include "checker/fetch/transfer.h"

namespace credcheck {

using SteadyTime = std::chrono::steady_clock::time_point;

struct FetchJob {
  size_t index = 0;
  Input input;
  std::string url;      // fetched now: input.spec, or where its redirects have led
  int hops = 0;         // redirects followed so far
  bool robots = false;  // this host's robots.txt, not an input
  int attempts = 0;     // made so far
  SteadyTime not_before{};
  std::string last_error;  // of the attempt before a retry: the result if the run stops first
  // The last answer of a failed attempt (404, 500, 429...): its final URL, HTTP status and
  // time (UTC), which the input's result keeps when it ends unread.
  std::string answer_url, answer_at;
  long answer_status = 0;
};

struct HostState {
  std::deque<FetchJob> waiting;
  int active = 0;
  SteadyTime next_start{};
  SteadyTime previous_start{};  // next_start before the last take(), for unstart()
  double gap_s = 0;      // --host-interval, or Crawl-delay when longer
  double penalty_s = 0;  // while failing
  int failed_inputs = 0;  // inputs in a row that ended in a network failure
  std::string down;       // why the host was given up; empty while it is not
  std::string robots_note;  // said with "disallowed by robots.txt" when not the file's own rules
  enum class Robots { kUnknown, kFetching, kKnown } robots_state = Robots::kUnknown;
  RobotsRules robots;
};

class HostQueues {
 public:
  HostQueues(int per_host, double interval_s) : per_host_(per_host), interval_s_(interval_s) {}

  HostState& host(const std::string& origin);
  // Queues a job behind the host's others; a robots.txt job goes in front.
  void add(const std::string& origin, FetchJob job);
  // Queues a job to try again in front, not before `at`.
  void retry(const std::string& origin, FetchJob job, SteadyTime at);
  // The next job whose host has room and whose time has come, round-robin over hosts; a
  // host whose robots.txt is being fetched starts nothing else.
  bool take(SteadyTime now, std::string* origin, FetchJob* job);
  // Undoes a take() whose job was not started after all (robots.txt disallows it, the
  // host is down): the slot and the host's start time are given back.
  void unstart(const std::string& origin);
  // When take() may next give something for a reason of time (a gap, a backoff); a
  // default time_point when nothing waits on time.
  SteadyTime next_due(SteadyTime now) const;
  size_t waiting() const { return waiting_; }
  std::vector<std::string> origins() const;

  // Outcomes, for the gap and penalty.
  void finished(const std::string& origin);
  void succeeded(const std::string& origin);
  void attempt_failed(const std::string& origin, Failure f, SteadyTime now);
  // An input ended in failure `f`: true when the host is now down (down = "host unreachable: reason").
  bool input_failed(const std::string& origin, Failure f, const std::string& reason);
  // Takes every waiting job of a host (to give them up).
  std::deque<FetchJob> drain(const std::string& origin);

 private:
  int per_host_;
  double interval_s_;
  std::map<std::string, HostState> hosts_;
  std::string cursor_;  // round-robin: the host after this one goes first
  size_t waiting_ = 0;
};

// The wait before attempt `attempt` (1-based) fails again: 0.5 s doubling, with up to 50%
// jitter, at most 30 s; or Retry-After (seconds, capped at `cap_s`) when the answer gave it.
double retry_wait_s(int attempt, double retry_after_s, double cap_s);

}  // namespace credcheck
