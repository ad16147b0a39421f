#include "checker/fetch/host_queue.h"

#include <algorithm>
#include <random>

namespace credcheck {
namespace {

constexpr double kFirstPenaltyS = 0.5;
constexpr double kMaxPenaltyS = 30;
constexpr int kDownAfterInputs = 3;

std::chrono::steady_clock::duration seconds(double s) {
  return std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(s));
}

}  // namespace

HostState& HostQueues::host(const std::string& origin) {
  auto [it, fresh] = hosts_.try_emplace(origin);
  if (fresh) it->second.gap_s = interval_s_;
  return it->second;
}

void HostQueues::add(const std::string& origin, FetchJob job) {
  HostState& h = host(origin);
  if (job.robots) h.waiting.push_front(std::move(job));
  else h.waiting.push_back(std::move(job));
  ++waiting_;
}

void HostQueues::retry(const std::string& origin, FetchJob job, SteadyTime at) {
  job.not_before = at;
  // In front, but behind a robots.txt still waiting: the host's pages wait for it, so a
  // page ahead of it would hold the host forever (two redirects to a new host did).
  auto& waiting = host(origin).waiting;
  auto after = waiting.begin();
  while (after != waiting.end() && after->robots) ++after;
  waiting.insert(after, std::move(job));
  ++waiting_;
}

bool HostQueues::take(SteadyTime now, std::string* origin, FetchJob* job) {
  if (waiting_ == 0 || hosts_.empty()) return false;
  auto start = hosts_.upper_bound(cursor_);
  for (size_t n = 0; n < hosts_.size(); ++n, ++start) {
    if (start == hosts_.end()) start = hosts_.begin();
    HostState& h = start->second;
    if (h.waiting.empty() || h.active >= per_host_ || now < h.next_start) continue;
    const FetchJob& front = h.waiting.front();
    if (now < front.not_before) continue;
    if (!front.robots && h.robots_state == HostState::Robots::kFetching) continue;
    *origin = start->first;
    *job = std::move(h.waiting.front());
    h.waiting.pop_front();
    --waiting_;
    ++h.active;
    h.previous_start = h.next_start;
    h.next_start = now + seconds(std::max(h.gap_s, h.penalty_s));
    cursor_ = start->first;
    return true;
  }
  return false;
}

void HostQueues::unstart(const std::string& origin) {
  HostState& h = host(origin);
  if (h.active > 0) --h.active;
  h.next_start = h.previous_start;
}

SteadyTime HostQueues::next_due(SteadyTime now) const {
  SteadyTime due{};
  for (const auto& [origin, h] : hosts_) {
    if (h.waiting.empty() || h.active >= per_host_) continue;
    SteadyTime at = std::max(h.next_start, h.waiting.front().not_before);
    if (at <= now) continue;  // ready now, or held by room/robots: woken otherwise
    if (due == SteadyTime{} || at < due) due = at;
  }
  return due;
}

void HostQueues::finished(const std::string& origin) {
  HostState& h = host(origin);
  if (h.active > 0) --h.active;
}

void HostQueues::succeeded(const std::string& origin) {
  HostState& h = host(origin);
  h.penalty_s = 0;
  h.failed_inputs = 0;
}

void HostQueues::attempt_failed(const std::string& origin, Failure f, SteadyTime now) {
  if (!host_failure(f) && f != Failure::kHttpRetryable) return;  // the page's fault, not the host's
  HostState& h = host(origin);
  h.penalty_s = h.penalty_s == 0 ? kFirstPenaltyS : std::min(h.penalty_s * 2, kMaxPenaltyS);
  h.next_start = std::max(h.next_start, now + seconds(h.penalty_s));
}

bool HostQueues::input_failed(const std::string& origin, Failure f, const std::string& reason) {
  if (!host_failure(f)) return false;
  HostState& h = host(origin);
  if (++h.failed_inputs >= kDownAfterInputs || f == Failure::kDns) {
    if (h.down.empty()) h.down = "host unreachable: " + reason;
    return true;
  }
  return false;
}

std::vector<std::string> HostQueues::origins() const {
  std::vector<std::string> out;
  for (const auto& [origin, h] : hosts_) out.push_back(origin);
  return out;
}

std::deque<FetchJob> HostQueues::drain(const std::string& origin) {
  HostState& h = host(origin);
  std::deque<FetchJob> out;
  out.swap(h.waiting);
  waiting_ -= out.size();
  return out;
}

double retry_wait_s(int attempt, double retry_after_s, double cap_s) {
  if (retry_after_s >= 0) return std::min(retry_after_s, cap_s);
  thread_local std::minstd_rand rng{std::random_device{}()};
  double base = std::min(kFirstPenaltyS * static_cast<double>(1u << std::min(attempt - 1, 10)), kMaxPenaltyS);
  double jitter = std::uniform_real_distribution<double>(0, 0.5)(rng);
  return std::min(base * (1 + jitter), kMaxPenaltyS);
}

}  // namespace credcheck
