#include "checker/fetch/multi_fetcher.h"

#include <algorithm>
#include <cctype>
#include <thread>
#include <ctime>

#include "checker/fetch/clock.h"

namespace credcheck {
namespace {

// A Crawl-delay longer than this is read as this: a site cannot stall a batch for hours.
constexpr double kMaxCrawlDelayS = 60;

SteadyTime now() { return std::chrono::steady_clock::now(); }

}  // namespace

bool split_url(const std::string& url, std::string* origin, std::string* path) {
  CURLU* u = curl_url();
  bool ok = curl_url_set(u, CURLUPART_URL, url.c_str(), 0) == CURLUE_OK;
  char *scheme = nullptr, *host = nullptr, *port = nullptr, *p = nullptr, *query = nullptr;
  ok = ok && curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK &&
       curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK &&
       curl_url_get(u, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT) == CURLUE_OK &&
       curl_url_get(u, CURLUPART_PATH, &p, 0) == CURLUE_OK;
  if (ok) {
    std::string h = host;
    for (char& c : h) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    *origin = std::string(scheme) + "://" + h + ":" + port;
    *path = p;
    if (curl_url_get(u, CURLUPART_QUERY, &query, 0) == CURLUE_OK && query) *path += std::string("?") + query;
  }
  for (char* s : {scheme, host, port, p, query}) curl_free(s);
  curl_url_cleanup(u);
  return ok;
}

MultiFetcher::MultiFetcher(const FetchOptions& options)
    : setup_(options), options_(setup_.options()),
      hosts_(std::max(1, options.per_host), options.host_interval_s) {
  init_curl_once();
  multi_ = curl_multi_init();
  if (multi_) {
    curl_multi_setopt(multi_, CURLMOPT_MAXCONNECTS, static_cast<long>(std::max(1, options_.concurrency) * 2));
    curl_multi_setopt(multi_, CURLMOPT_MAX_TOTAL_CONNECTIONS, static_cast<long>(std::max(1, options_.concurrency)));
  }
}

MultiFetcher::~MultiFetcher() {
  for (auto& [curl, r] : running_) {
    curl_multi_remove_handle(multi_, curl);
    curl_easy_cleanup(curl);
  }
  if (multi_) curl_multi_cleanup(multi_);
}

void MultiFetcher::wake() {
  if (multi_) curl_multi_wakeup(multi_);
}

void MultiFetcher::fail(FetchJob& job, std::string err, const Hooks& hooks) {
  FetchedInput f;
  f.index = job.index;
  f.input = std::move(job.input);
  f.doc.input = f.input.spec;
  f.doc.url = std::move(job.answer_url);
  f.doc.fetched_at = std::move(job.answer_at);
  f.doc.http_status = job.answer_status;
  f.err = std::move(err);
  hooks.done(std::move(f));
}

void MultiFetcher::admit(const Hooks& hooks) {
  const size_t max_waiting = std::max<size_t>(256, static_cast<size_t>(options_.concurrency) * 16);
  while (!ended_ && hosts_.waiting() < max_waiting) {
    FetchJob job;
    Pull p = hooks.pull(&job.input, &job.index);
    if (p == Pull::kEnd) ended_ = true;
    if (p != Pull::kGot) break;
    job.url = job.input.spec;
    std::string origin, path;
    split_url(job.url, &origin, &path);  // unreadable: origin "", libcurl will say why
    enqueue(origin, std::move(job), hooks, false);
  }
}

void MultiFetcher::enqueue(const std::string& origin, FetchJob job, const Hooks& hooks, bool hop) {
  HostState& h = hosts_.host(origin);
  if (!h.down.empty()) {
    fail(job, where(job.input.spec, job.url) + ": " + h.down, hooks);
    return;
  }
  // A redirect goes in front of its new host's queue: its input has waited its turn once.
  if (hop) hosts_.retry(origin, std::move(job), now());
  else hosts_.add(origin, std::move(job));
  if (!options_.ignore_robots && !origin.empty() && h.robots_state == HostState::Robots::kUnknown) {
    FetchJob robots;  // in front of everything: the host starts nothing before it is known
    robots.robots = true;
    robots.input.spec = robots.url = origin + "/robots.txt";
    robots.input.is_url = true;
    hosts_.add(origin, std::move(robots));
    h.robots_state = HostState::Robots::kFetching;
  }
}

void MultiFetcher::follow(FetchJob& job, const std::string& to, const Hooks& hooks) {
  const std::string at = where(job.input.spec, job.url);
  if (job.hops >= options_.max_redirects) {
    fail(job, at + ": more than " + std::to_string(options_.max_redirects) + " redirects", hooks);
    return;
  }
  std::string origin, path;
  if (!is_http_url(to) || !split_url(to, &origin, &path)) {
    fail(job, at + ": protocol refused: only http and https are fetched (a redirect to " + to + ")", hooks);
    return;
  }
  job.url = to;
  ++job.hops;
  job.attempts = 0;
  job.last_error = where(job.input.spec, to) + ": the scan stopped before the redirect was followed";
  enqueue(origin, std::move(job), hooks, true);
}

void MultiFetcher::start_ready(const Hooks& hooks) {
  SteadyTime t = now();
  while (running_.size() < static_cast<size_t>(std::max(1, options_.concurrency)) && hooks.room()) {
    std::string origin;
    FetchJob job;
    if (!hosts_.take(t, &origin, &job)) return;
    if (!job.robots) {
      HostState& h = hosts_.host(origin);
      std::string why;
      std::string o, path;
      if (!h.down.empty()) {
        why = h.down;
      } else if (!options_.ignore_robots && h.robots_state == HostState::Robots::kKnown &&
                 split_url(job.url, &o, &path) && !h.robots.allowed(path)) {
        why = "disallowed by robots.txt" + h.robots_note;
      }
      if (!why.empty()) {
        hosts_.unstart(origin);
        fail(job, where(job.input.spec, job.url) + ": " + why, hooks);
        continue;
      }
    }
    start(origin, std::move(job));
  }
}

void MultiFetcher::start(const std::string& origin, FetchJob job) {
  CURL* curl = curl_easy_init();
  auto t = std::make_unique<Transfer>();
  t->pages_only = !job.robots;
  // robots.txt may be served from elsewhere (RFC 9309 2.3.1.2): libcurl follows its redirects.
  t->manual_redirects = !job.robots;
  t->previous = job.robots ? nullptr : job.input.previous.get();
  if (curl) setup_.configure(curl, job.url, t.get(), job.robots ? kMaxRobotsBytes : options_.max_bytes);
  if (!curl || curl_multi_add_handle(multi_, curl) != CURLM_OK) {
    // Out of memory or handles: this input fails, the batch goes on.
    if (curl) curl_easy_cleanup(curl);
    hosts_.finished(origin);
    if (job.robots) {
      hosts_.host(origin).robots_state = HostState::Robots::kKnown;
      return;
    }
    FetchedInput f;
    f.index = job.index;
    f.err = job.input.spec + ": libcurl could not start a transfer";
    f.input = std::move(job.input);
    pending_failures_.push_back(std::move(f));
    return;
  }
  ++job.attempts;
  running_.emplace(curl, Running{origin, std::move(job), std::move(t), curl});
}

void MultiFetcher::finish_robots(Running& r, const Outcome& o) {
  HostState& h = hosts_.host(r.origin);
  const long status = o.status;
  bool body_usable = o.failure == Failure::kNone ||
                     (o.failure == Failure::kTooLarge && status >= 200 && status < 300);
  if (body_usable) {
    h.robots = RobotsRules::parse(r.transfer->body, kRobotsToken);  // past the cap: the first part
  } else if (retryable(o.failure) && r.job.attempts <= options_.retries) {
    double wait = retry_wait_s(r.job.attempts, retry_after_seconds(o.retry_after, std::time(nullptr)),
                               options_.retry_after_cap_s);
    hosts_.retry(r.origin, std::move(r.job), now() + std::chrono::duration_cast<SteadyTime::duration>(
                                                         std::chrono::duration<double>(wait)));
    return;  // still fetching
  } else if (status >= 500 || status == 429) {
    // RFC 9309 2.3.1.4: an unreachable robots.txt means the whole site is disallowed.
    h.robots = RobotsRules::disallow_all();
    h.robots_note = " (robots.txt answered HTTP " + std::to_string(status) +
                    ", which RFC 9309 reads as disallowing every page)";
  } else if (host_failure(o.failure)) {
    h.down = "host unreachable: " + o.reason + " (fetching its robots.txt)";
  }
  // 4xx, a private address, a refused protocol: as if there were no robots.txt; the
  // pages meet the same refusal themselves and say so.
  if (h.robots.crawl_delay() >= 0)
    h.gap_s = std::max(options_.host_interval_s, std::min(h.robots.crawl_delay(), kMaxCrawlDelayS));
  h.robots_state = HostState::Robots::kKnown;
}

void MultiFetcher::give_up_host(const std::string& origin, const Hooks& hooks) {
  const std::string down = hosts_.host(origin).down;
  for (FetchJob& job : hosts_.drain(origin)) {
    if (job.robots) continue;
    fail(job, where(job.input.spec, job.url) + ": " + down, hooks);
  }
}

void MultiFetcher::finish(CURL* curl, CURLcode rc, const Hooks& hooks) {
  auto node = running_.extract(curl);
  if (node.empty()) return;
  Running& r = node.mapped();
  curl_multi_remove_handle(multi_, curl);
  Outcome o = transfer_outcome(rc, *r.transfer);
  curl_easy_cleanup(curl);
  hosts_.finished(r.origin);
  if (o.failure != Failure::kNone) hosts_.attempt_failed(r.origin, o.failure, now());
  if (r.job.robots) {
    finish_robots(r, o);
    if (!hosts_.host(r.origin).down.empty()) give_up_host(r.origin, hooks);
    return;
  }
  if (o.failure == Failure::kNone && !o.redirect_to.empty()) {
    hosts_.succeeded(r.origin);
    follow(r.job, o.redirect_to, hooks);
    return;
  }
  if (o.failure == Failure::kNone) {
    hosts_.succeeded(r.origin);
    FetchedInput f;
    f.index = r.job.index;
    f.ok = true;
    f.doc.input = r.job.input.spec;
    f.doc.url = o.final_url.empty() ? r.job.input.spec : o.final_url;
    f.doc.bytes = std::move(r.transfer->body);
    f.doc.content_type = o.content_type;
    f.doc.fetched_at = utc_now_iso8601();
    f.doc.http_status = o.status;
    f.doc.etag = std::move(r.transfer->etag);
    f.doc.last_modified = std::move(r.transfer->last_modified);
    f.doc.not_modified = o.not_modified;
    f.input = std::move(r.job.input);
    hooks.done(std::move(f));
    return;
  }
  HostState& h = hosts_.host(r.origin);
  std::string err = where(r.job.input.spec, o.final_url) + ": " + o.reason;
  if (o.status) {  // the server answered: what it answered is evidence too
    r.job.answer_url = o.final_url.empty() ? r.job.input.spec : o.final_url;
    r.job.answer_at = utc_now_iso8601();
    r.job.answer_status = o.status;
  }
  if (retryable(o.failure) && r.job.attempts <= options_.retries && h.down.empty() && !hooks.stopping()) {
    r.job.last_error = err;
    double after = o.status == 429 || o.status == 503 ? retry_after_seconds(o.retry_after, std::time(nullptr)) : -1;
    double wait = retry_wait_s(r.job.attempts, after, options_.retry_after_cap_s);
    hosts_.retry(r.origin, std::move(r.job), now() + std::chrono::duration_cast<SteadyTime::duration>(
                                                         std::chrono::duration<double>(wait)));
    return;
  }
  bool down = hosts_.input_failed(r.origin, o.failure, o.reason);
  fail(r.job, std::move(err), hooks);
  if (down) give_up_host(r.origin, hooks);
}

void MultiFetcher::run(const Hooks& hooks) {
  for (;;) {
    if (hooks.stopping()) {
      ended_ = true;
      // Inputs not started are dropped; one waiting to be tried again ends with its last error.
      for (const std::string& origin : hosts_.origins())
        for (FetchJob& job : hosts_.drain(origin))
          if (!job.robots && (job.attempts > 0 || job.hops > 0)) fail(job, job.last_error, hooks);
    }
    if (!multi_) {  // nothing can be fetched: every input says so
      Input in;
      size_t index;
      while (!ended_) {
        Pull p = hooks.pull(&in, &index);
        if (p == Pull::kEnd) break;
        if (p == Pull::kNotNow) {  // the workers are busy: let them drain
          std::this_thread::sleep_for(std::chrono::milliseconds(5));
          continue;
        }
        FetchJob job{index, in, in.spec};
        fail(job, in.spec + ": libcurl could not start", hooks);
      }
      return;
    }
    admit(hooks);
    start_ready(hooks);
    for (FetchedInput& f : pending_failures_) hooks.done(std::move(f));
    pending_failures_.clear();
    if (ended_ && hosts_.waiting() == 0 && running_.empty()) return;
    int still = 0;
    curl_multi_perform(multi_, &still);
    bool progressed = false;
    int left = 0;
    while (CURLMsg* m = curl_multi_info_read(multi_, &left)) {
      if (m->msg != CURLMSG_DONE) continue;
      finish(m->easy_handle, m->data.result, hooks);
      progressed = true;
    }
    if (progressed) continue;  // room and hosts freed up: start more before waiting
    int wait_ms = 1000;
    SteadyTime t = now(), due = hosts_.next_due(t);
    if (due != SteadyTime{})
      wait_ms = static_cast<int>(std::clamp<long long>(
          std::chrono::duration_cast<std::chrono::milliseconds>(due - t).count() + 1, 0, 1000));
    curl_multi_poll(multi_, nullptr, 0, wait_ms, nullptr);
  }
}

}  // namespace credcheck
