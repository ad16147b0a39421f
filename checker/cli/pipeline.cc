#include "checker/cli/pipeline.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <thread>

#include "checker/decode/decode.h"
#include "checker/fetch/multi_fetcher.h"
#include "checker/page/page_workers.h"

namespace credcheck {

namespace {

// Checks, keeps (--save-pages), decodes, parses and extracts a page whose bytes are in
// page->doc; `hash`: sets page->sha256 (kept pages are hashed anyway).
bool parse_loaded(const Input& input, const PageStore* store, bool hash, PageRead* page,
                  std::string* err) {
  // A list whose URL did not look like one (feed_inputs.h): say how to read its pages.
  if (ListKind kind = sniff_list(page->doc.bytes); kind != ListKind::kNone) {
    *err = input.spec + ": a " + list_kind_name(kind) + ", not a page; give it with " +
           (is_feed(kind) ? "--feed" : "--sitemap") + " to check the pages it lists";
    return false;
  }
  bool keep = store && store->enabled();
  if (hash || keep) page->sha256 = sha256_hex(page->doc.bytes);
  if (keep && !store->save(page->sha256, page->doc.bytes, err)) {
    *err = input.spec + ": " + *err;
    return false;
  }
  if (input.previous && input.previous->sha256 == page->sha256) {  // --cache: the same bytes
    std::string().swap(page->doc.bytes);
    page->reused = true;
    return true;
  }
  Decoded decoded = decode_html(page->doc.bytes, page->doc.content_type);
  page->charset = decoded.charset;
  std::string().swap(page->doc.bytes);  // the raw bytes are not needed past decoding
  std::string parse_err;  // parsed in a bounded page worker (page_workers.h)
  if (!parse_and_extract(decoded.text, &page->fields, &parse_err)) {
    *err = input.spec + ": " + parse_err;
    return false;
  }
  return true;
}

bool load_and_parse(const Input& input, Fetcher* fetcher, const FetchOptions& options,
                    const PageStore* store, bool hash, PageRead* page, std::string* err) {
  if (!input.error.empty()) {
    *err = input.error;
    return false;
  }
  if (!load_input(input, fetcher, options, &page->doc, err)) return false;
  return parse_loaded(input, store, hash, page, err);
}

// One input on its way to the page workers: a URL the fetch loop has finished (its
// outcome in ok/doc/err), or a file, a page on stdin or an input that is an error, which
// the worker reads itself.
struct Item {
  size_t index = 0;
  Input input;
  bool fetched = false;
  bool ok = false;
  Document doc;
  std::string err;
};

bool read_item(Item& item, const FetchOptions& options, const ReadControl& control,
               PageRead* page, std::string* err) {
  if (!item.fetched)
    return load_and_parse(item.input, nullptr, options, control.store, control.hash, page, err);
  page->doc = std::move(item.doc);  // its URL, status and time stand even when it is unread
  if (!item.ok) {
    *err = item.err;
    return false;
  }
  std::string why;
  if (page->doc.not_modified && item.input.previous) {  // 304: nothing to read
    page->sha256 = item.input.previous->sha256;
    page->reused = true;
    return true;
  }
  if (not_html(page->doc, &why)) {
    *err = item.input.spec + ": " + why;
    return false;
  }
  return parse_loaded(item.input, control.store, control.hash, page, err);
}

}  // namespace

bool read_page(const Input& input, Fetcher* fetcher, const FetchOptions& options, PageRead* page,
               std::string* err, const PageStore* store) {
  return load_and_parse(input, fetcher, options, store, true, page, err);
}

void read_pages(const std::function<bool(Input*)>& next, const FetchOptions& options, int jobs,
                const ReadControl& control, const PageDone& done) {
  using Pull = MultiFetcher::Pull;
  const size_t workers = static_cast<size_t>(std::max(jobs, 1));
  // With page workers, two threads per worker process: one reads, decodes and checks its
  // page while the other's page is in the worker, so no worker waits on the parent
  // (bench/extract: 0.78 of gumbo's time with one thread per worker, 0.73 with two).
  const size_t threads = pages_parse_in_workers() ? 2 * workers : workers;
  const bool ordered = control.in_order;
  const std::atomic<bool>* stop = control.stop;
  // Bodies waiting for a page worker: enough to keep every thread busy, few enough that
  // memory stays flat however many inputs there are.
  const size_t queue_cap = threads * 2;
  // In order: results held until the inputs before them are done, at most this many.
  const size_t window = std::max(threads * 4, static_cast<size_t>(std::max(options.concurrency, 1)) * 2);
  std::mutex mu, done_mu;
  std::condition_variable cv;
  std::deque<Item> queue;
  bool closed = false;
  size_t count = 0, flushed = 0;
  struct Slot {
    Input input;
    bool ok = false;
    PageRead page;
    std::string err;
  };
  std::map<size_t, Slot> ready;
  bool flushing = false;
  MultiFetcher fetcher(options);

  auto push = [&](Item&& item) {
    {
      std::lock_guard lock(mu);
      queue.push_back(std::move(item));
    }
    cv.notify_one();
  };
  MultiFetcher::Hooks hooks;
  // Inputs are pulled on a thread of their own: next() may block (a mapper's stdin, a list
  // on a pipe), and the fetch loop must keep its transfers going and hand their pages on
  // meanwhile, or a result would wait for the next line of input.
  std::mutex in_mu;
  std::condition_variable in_cv;
  std::deque<Input> pulled;
  bool pulled_all = false, quit_pulling = false;
  std::thread puller([&] {
    for (;;) {
      {
        std::unique_lock lock(in_mu);
        in_cv.wait(lock, [&] { return pulled.size() < queue_cap || quit_pulling; });
        if (quit_pulling || (stop && *stop)) break;
      }
      Input input;
      bool got = next(&input);
      {
        std::lock_guard lock(in_mu);
        if (got) pulled.push_back(std::move(input));
        else pulled_all = true;
      }
      fetcher.wake();
      if (!got) return;
    }
    std::lock_guard lock(in_mu);
    pulled_all = true;
  });
  hooks.pull = [&](Input* in, size_t* index) {
    for (;;) {
      if (stop && *stop) return Pull::kEnd;
      {
        std::lock_guard lock(mu);
        if (queue.size() >= queue_cap || (ordered && count >= flushed + window)) return Pull::kNotNow;
      }
      Input input;
      {
        std::lock_guard lock(in_mu);
        if (pulled.empty()) return pulled_all ? Pull::kEnd : Pull::kNotNow;  // woken when one comes
        input = std::move(pulled.front());
        pulled.pop_front();
      }
      in_cv.notify_one();
      size_t i;
      {
        std::lock_guard lock(mu);
        i = count++;
      }
      if (input.is_url && input.error.empty()) {
        *in = std::move(input);
        *index = i;
        return Pull::kGot;
      }
      Item item;
      item.index = i;
      item.input = std::move(input);
      push(std::move(item));
    }
  };
  hooks.room = [&] {
    std::lock_guard lock(mu);
    return queue.size() < queue_cap;
  };
  hooks.stopping = [&] { return stop && *stop; };
  hooks.done = [&](FetchedInput&& f) {
    Item item;
    item.index = f.index;
    item.input = std::move(f.input);
    item.fetched = true;
    item.ok = f.ok;
    item.doc = std::move(f.doc);
    item.err = std::move(f.err);
    push(std::move(item));
  };

  auto worker = [&] {
    for (;;) {
      Item item;
      {
        std::unique_lock lock(mu);
        cv.wait(lock, [&] { return !queue.empty() || closed; });
        if (queue.empty()) return;
        item = std::move(queue.front());
        queue.pop_front();
      }
      fetcher.wake();  // room for another body
      PageRead page;
      std::string err;
      bool ok = read_item(item, options, control, &page, &err);
      if (ok && control.prepare) control.prepare(page);
      if (!ordered) {
        std::lock_guard lock(done_mu);
        done(item.index, item.input, ok, page, err);
        continue;
      }
      std::unique_lock lock(mu);
      ready.emplace(item.index, Slot{std::move(item.input), ok, std::move(page), std::move(err)});
      if (flushing) continue;  // the thread already flushing will pick it up
      flushing = true;
      while (!ready.empty() && ready.begin()->first == flushed) {
        auto node = ready.extract(ready.begin());
        lock.unlock();
        Slot& s = node.mapped();
        done(node.key(), s.input, s.ok, s.page, s.err);
        lock.lock();
        ++flushed;
      }
      flushing = false;
      lock.unlock();
      fetcher.wake();  // the window moved
    }
  };
  std::vector<std::thread> pool;
  for (size_t t = 0; t < threads; ++t) pool.emplace_back(worker);
  fetcher.run(hooks);
  {
    std::lock_guard lock(in_mu);
    quit_pulling = true;  // stopped: no more inputs (one being read still ends its read)
  }
  in_cv.notify_all();
  puller.join();
  {
    std::lock_guard lock(mu);
    closed = true;
  }
  cv.notify_all();
  for (auto& t : pool) t.join();
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

}  // namespace credcheck
