#include "checker/cli/pipeline.h"

#include <curl/curl.h>

#include <algorithm>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>

#include "checker/decode/decode.h"
#include "checker/page/page_workers.h"
#include "checker/rules/engine.h"
#include "checker/store/index.h"

namespace credcheck {

bool read_page(const Input& input, Fetcher& fetcher, const FetchOptions& options, PageRead* page,
               std::string* err, const PageStore* store) {
  if (!input.error.empty()) {
    *err = input.error;
    return false;
  }
  if (!load_input(input, fetcher, options, &page->doc, err)) return false;
  page->sha256 = sha256_hex(page->doc.bytes);
  if (store && store->enabled() && !store->save(page->sha256, page->doc.bytes, err)) {
    *err = input.spec + ": " + *err;
    return false;
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

namespace {

// done() as each input finishes: nothing waits for a slower input ahead of it.
void read_unordered(const std::function<bool(Input*)>& next, const FetchOptions& options,
                    size_t jobs, const std::atomic<bool>* stop, const PageStore* store,
                    const PageDone& done) {
  std::mutex pull_mu, done_mu;
  size_t count = 0;
  bool ended = false;
  auto worker = [&] {
    std::unique_ptr<Fetcher> fetcher = make_curl_fetcher(options);
    for (;;) {
      Input input;
      size_t i;
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
      bool ok = read_page(input, *fetcher, options, &page, &err, store);
      std::lock_guard lock(done_mu);
      done(i, input, ok, page, err);
    }
  };
  std::vector<std::thread> threads;
  for (size_t t = 1; t < jobs; ++t) threads.emplace_back(worker);
  worker();
  for (auto& t : threads) t.join();
}

// done() in input order; workers run at most `window` inputs ahead of the oldest
// unfinished one, so the results held for ordering stay few.
void read_ordered(const std::function<bool(Input*)>& next, const FetchOptions& options,
                  size_t jobs, const std::atomic<bool>* stop, const PageStore* store,
                  const PageDone& done) {
  struct Slot {
    Input input;
    bool ok = false;
    PageRead page;
    std::string err;
  };
  std::mutex mu;
  std::condition_variable cv;
  std::map<size_t, Slot> ready;
  size_t count = 0, flushed = 0;
  bool ended = false, flushing = false;
  const size_t window = jobs * 4;

  auto worker = [&] {
    std::unique_ptr<Fetcher> fetcher = make_curl_fetcher(options);
    for (;;) {
      Slot slot;
      size_t i;
      {
        std::unique_lock lock(mu);
        cv.wait(lock, [&] { return ended || count < flushed + window; });
        if (ended || (stop && *stop) || !next(&slot.input)) {
          ended = true;
          cv.notify_all();
          return;
        }
        i = count++;
      }
      slot.ok = read_page(slot.input, *fetcher, options, &slot.page, &slot.err, store);
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
  std::vector<std::thread> threads;
  for (size_t t = 1; t < jobs; ++t) threads.emplace_back(worker);
  worker();
  for (auto& t : threads) t.join();
}

}  // namespace

void read_pages(const std::function<bool(Input*)>& next, const FetchOptions& options, int jobs,
                const ReadControl& control, const PageDone& done) {
  size_t n = static_cast<size_t>(std::max(jobs, 1));
  if (control.in_order) read_ordered(next, options, n, control.stop, control.store, done);
  else read_unordered(next, options, n, control.stop, control.store, done);
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
  r.url = input.is_url ? input.spec : "";
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
                       const std::function<bool(Original&&, std::string*)>& take, std::string* err) {
  std::vector<Input> inputs = expand_inputs(specs, in);
  bool ok = true;
  read_pages(inputs, options, jobs, [&](size_t, const Input& input, bool read, PageRead& page,
                                        const std::string& e) {
    if (!ok) return;
    if (!read) {
      *err = "original " + input.spec + ": " + e;
      ok = false;
      return;
    }
    Original o;
    o.input = page.doc.input;
    o.url = page.doc.url;
    o.print = fingerprint(page.fields.text);
    o.fields = std::move(page.fields);
    ok = take(std::move(o), err);
  });
  return ok;
}

}  // namespace credcheck
