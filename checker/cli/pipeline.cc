#include "checker/cli/pipeline.h"

#include <curl/curl.h>

#include <algorithm>
#include <condition_variable>
#include <map>
#include <mutex>
#include <semaphore>
#include <thread>

#include "checker/decode/decode.h"
#include "checker/fetch/sitemap.h"
#include "checker/page/page_workers.h"
#include "checker/rules/engine.h"
#include "checker/store/index.h"

namespace credcheck {

bool read_page(const Input& input, Fetcher& fetcher, const FetchOptions& options, PageRead* page,
               std::string* err, const PageStore* store, const std::function<void()>& before_parse) {
  if (!input.error.empty()) {
    *err = input.error;
    return false;
  }
  if (!load_input(input, fetcher, options, &page->doc, err)) return false;
  // A list whose URL did not look like one (feed_inputs.h): say how to read its pages.
  if (ListKind kind = sniff_list(page->doc.bytes); kind != ListKind::kNone) {
    *err = input.spec + ": a " + list_kind_name(kind) + ", not a page; give it with " +
           (is_feed(kind) ? "--feed" : "--sitemap") + " to check the pages it lists";
    return false;
  }
  page->sha256 = sha256_hex(page->doc.bytes);
  if (store && store->enabled() && !store->save(page->sha256, page->doc.bytes, err)) {
    *err = input.spec + ": " + *err;
    return false;
  }
  Decoded decoded = decode_html(page->doc.bytes, page->doc.content_type);
  page->charset = decoded.charset;
  std::string().swap(page->doc.bytes);  // the raw bytes are not needed past decoding
  if (before_parse) before_parse();
  std::string parse_err;  // parsed in a bounded page worker (page_workers.h)
  if (!parse_and_extract(decoded.text, &page->fields, &parse_err)) {
    *err = input.spec + ": " + parse_err;
    return false;
  }
  return true;
}

namespace {

// A turn to pull, fetch and decode an input. There are `jobs` turns, and twice as many
// threads when pages parse in workers: a thread gives its turn back while its page is in
// a worker, so another reads the next page meanwhile and no worker waits on the parent
// (bench/extract: 0.78 of gumbo's time with one thread per worker, 0.73 with two), yet
// never more than `jobs` inputs are fetched at once (-j 1 stays one request at a time).
class Turn {
 public:
  explicit Turn(std::counting_semaphore<>& turns) : turns_(&turns) { turns.acquire(); }
  ~Turn() { give_back(); }
  Turn(const Turn&) = delete;
  Turn& operator=(const Turn&) = delete;
  void give_back() {
    if (turns_) turns_->release();
    turns_ = nullptr;
  }

 private:
  std::counting_semaphore<>* turns_;
};

// done() as each input finishes: nothing waits for a slower input ahead of it.
void read_unordered(const std::function<bool(Input*)>& next, const FetchOptions& options,
                    size_t jobs, size_t threads, const ReadControl& control, const PageDone& done) {
  const std::atomic<bool>* stop = control.stop;
  std::counting_semaphore<> turns(static_cast<std::ptrdiff_t>(jobs));
  std::mutex pull_mu, done_mu;
  size_t count = 0;
  bool ended = false;
  auto worker = [&] {
    std::unique_ptr<Fetcher> fetcher = make_curl_fetcher(options);
    for (;;) {
      Input input;
      size_t i;
      Turn turn(turns);
      {
        std::lock_guard lock(pull_mu);
        if (ended || (stop && *stop) || !next(&input)) {
          ended = true;
          return;
        }
        i = count++;
      }
      PageRead page;
      std::string err;
      bool ok = read_page(input, *fetcher, options, &page, &err, control.store, [&] { turn.give_back(); });
      turn.give_back();
      if (ok && control.prepare) control.prepare(page);
      std::lock_guard lock(done_mu);
      done(i, input, ok, page, err);
    }
  };
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
}

// done() in input order; workers run at most `window` inputs ahead of the oldest
// unfinished one, so the results held for ordering stay few.
void read_ordered(const std::function<bool(Input*)>& next, const FetchOptions& options,
                  size_t jobs, size_t threads, const ReadControl& control, const PageDone& done) {
  const std::atomic<bool>* stop = control.stop;
  struct Slot {
    Input input;
    bool ok = false;
    PageRead page;
    std::string err;
  };
  // next() runs under its own lock, not `mu`: when it waits for input (a mapper's stdin),
  // finished results must still be flushed.
  std::mutex mu, pull_mu;
  std::condition_variable cv;
  std::map<size_t, Slot> ready;
  size_t count = 0, reserved = 0, flushed = 0;
  bool ended = false, flushing = false, source_done = false;
  const size_t window = jobs * 4;
  std::counting_semaphore<> turns(static_cast<std::ptrdiff_t>(jobs));

  auto worker = [&] {
    std::unique_ptr<Fetcher> fetcher = make_curl_fetcher(options);
    for (;;) {
      Slot slot;
      size_t i = 0;
      Turn turn(turns);
      {
        std::unique_lock lock(mu);
        cv.wait(lock, [&] { return ended || reserved < flushed + window; });
        if (ended || (stop && *stop)) {
          ended = true;
          cv.notify_all();
          return;
        }
        ++reserved;
      }
      bool got;
      {
        std::lock_guard pull(pull_mu);
        got = !source_done && next(&slot.input);
        if (got) i = count++;
        else source_done = true;
      }
      if (!got) {
        std::lock_guard lock(mu);
        ended = true;
        cv.notify_all();
        return;
      }
      slot.ok = read_page(slot.input, *fetcher, options, &slot.page, &slot.err, control.store, [&] { turn.give_back(); });
      turn.give_back();
      if (slot.ok && control.prepare) control.prepare(slot.page);
      std::unique_lock lock(mu);
      ready.emplace(i, std::move(slot));
      if (flushing) continue;  // the thread already flushing will pick it up
      flushing = true;
      while (!ready.empty() && ready.begin()->first == flushed) {
        auto node = ready.extract(ready.begin());
        lock.unlock();
        Slot& s = node.mapped();
        done(node.key(), s.input, s.ok, s.page, s.err);
        lock.lock();
        ++flushed;
        cv.notify_all();
      }
      flushing = false;
    }
  };
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
}

}  // namespace

void read_pages(const std::function<bool(Input*)>& next, const FetchOptions& options, int jobs,
                const ReadControl& control, const PageDone& done) {
  size_t n = static_cast<size_t>(std::max(jobs, 1));
  size_t threads = pages_parse_in_workers() ? 2 * n : n;  // see Turn
  if (control.in_order) read_ordered(next, options, n, threads, control, done);
  else read_unordered(next, options, n, threads, control, done);
}

void read_pages(const std::vector<Input>& inputs, const FetchOptions& options, int jobs,
                const PageDone& done) {
  size_t at = 0;
  auto next = [&](Input* input) {
    if (at >= inputs.size()) return false;
    *input = inputs[at++];
    return true;
  };
  read_pages(next, options, std::min<int>(jobs, static_cast<int>(std::max<size_t>(inputs.size(), 1))),
             ReadControl{}, done);
}

namespace {

std::string host_of(const std::string& url) {
  std::string host;
  CURLU* u = curl_url();
  if (curl_url_set(u, CURLUPART_URL, url.c_str(), 0) == CURLUE_OK) {
    char* h = nullptr;
    if (curl_url_get(u, CURLUPART_HOST, &h, 0) == CURLUE_OK && h) host = h;
    curl_free(h);
  }
  curl_url_cleanup(u);
  for (char& c : host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return host;
}

}  // namespace

std::string page_host(const PageRead& page, const std::string& base_url) {
  if (page.doc.url.rfind("http://", 0) == 0 || page.doc.url.rfind("https://", 0) == 0)
    return host_of(page.doc.url);
  return base_url.empty() ? std::string() : host_of(base_url);
}

bool base_url_ok(const std::string& base_url) {
  return (base_url.rfind("http://", 0) == 0 || base_url.rfind("https://", 0) == 0) &&
         !host_of(base_url).empty();
}

Result check_page(PageRead&& page, const Pack& pack, OriginalSet& originals,
                  const std::string& base_url) {
  Result r;
  r.input = page.doc.input;
  r.url = page.doc.url;
  r.charset = page.charset;
  r.fetched_at = page.doc.fetched_at;
  r.http_status = page.doc.http_status;
  r.sha256 = page.sha256;
  Match m;
  std::string err;
  if (!best_match(fingerprint(page.fields.text), originals, &m, &err)) {
    r.status = "unchecked";
    r.reason = "originals index: " + err;
    r.fields = std::move(page.fields);
    r.fields->text.clear();
    return r;
  }
  if (m.original)
    r.original = OriginalRef{m.original->input, m.original->url, m.original->fields.title,
                             m.best.similarity, m.best.page_in_original, m.best.original_in_page};
  // Originals copied about equally are all named as the closest: the page copies none
  // of them in particular (see best_match()).
  std::string closest = m.best.original ? m.best.original->input : std::string();
  for (size_t i = 1; i < m.tied.size(); ++i) closest += ", " + m.tied[i].original->input;
  CheckContext ctx{page.fields, m.original ? &m.original->fields : nullptr, originals.size() > 0,
                   page_host(page, base_url), pack.publisher, originals.size(),
                   m.original ? std::string() : closest, m.best.similarity};
  if (m.original) ctx.original_url = m.original->url;
  Verdict v = run_pack(pack, ctx);
  r.status = v.status;
  r.reason = v.reason;
  r.findings = std::move(v.findings);
  r.not_checked = std::move(v.not_checked);
  page.fields.text.clear();
  r.fields = std::move(page.fields);
  return r;
}

Result unreadable_result(const Input& input, const std::string& err) {
  Result r;
  r.input = input.spec;
  r.url = input.is_url ? input.spec : input.url;  // a WARC record's target URI
  r.fetched_at = input.fetched_at;
  r.status = "unchecked";
  r.reason = err;
  return r;
}

}  // namespace credcheck

namespace credcheck {

bool load_originals(const std::vector<std::string>& specs, const std::string& index,
                    const FetchOptions& options, int jobs, std::istream& in,
                    std::unique_ptr<OriginalSet>* originals, std::string* err) {
  std::vector<std::string> all = specs;
  std::unique_ptr<IndexReader> reader;
  if (!index.empty()) {
    if (is_index_file(index)) {
      reader = std::make_unique<IndexReader>();
      if (!reader->open(index, err)) return false;
    } else {
      all.push_back("@" + index);
    }
  }
  auto memory = std::make_unique<MemoryOriginals>();
  bool ok = for_each_original(all, options, jobs, in, [&](Original&& o, std::string*) {
    memory->add(std::move(o));
    return true;
  }, err);
  if (!ok) return false;
  if (reader && memory->size() > 0)
    *originals = std::make_unique<JoinedOriginals>(std::move(reader), std::move(memory));
  else if (reader)
    *originals = std::move(reader);
  else
    *originals = std::move(memory);
  return true;
}

bool for_each_original(const std::vector<std::string>& specs, const FetchOptions& options,
                       int jobs, std::istream& in,
                       const std::function<bool(Original&&, std::string*)>& take, std::string* err,
                       const FeedOptions& feeds) {
  InputSource source(specs, in);
  FeedExpander lists([&](Input* input) { return source.next(input); }, options, feeds);
  bool ok = true;
  std::atomic<bool> stop{false};
  ReadControl control;  // in order: `take` sees the originals as they were listed
  control.stop = &stop;
  control.prepare = [](PageRead& page) { page.print = fingerprint(page.fields.text); };
  read_pages([&](Input* input) { return lists.next(input); }, options, jobs, control,
             [&](size_t, const Input& input, bool read, PageRead& page, const std::string& e) {
    if (!ok) return;
    if (!read) {
      *err = "original " + input.spec + ": " + e +
             (input.listed_in.empty() ? "" : " (listed in " + input.listed_in + ")");
      ok = false;
      stop = true;
      return;
    }
    Original o;
    o.input = page.doc.input;
    o.url = page.doc.url;
    o.print = std::move(page.print);
    o.fields = std::move(page.fields);
    ok = take(std::move(o), err);
    if (!ok) stop = true;
  });
  if (ok && !source.error().empty()) {
    *err = source.error();
    return false;
  }
  return ok;
}

}  // namespace credcheck
