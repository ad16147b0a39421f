// The stages wired together: an input becomes fields, and fields plus the pack and the
// originals become a result. The commands call these; nothing here parses arguments.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "checker/fetch/feed_inputs.h"
#include "checker/fetch/evidence.h"
#include "checker/fetch/fetcher.h"
#include "checker/match/match.h"
#include "checker/report/result.h"
#include "checker/rules/pack.h"

namespace credcheck {

struct PageRead {
  Document doc;
  std::string sha256;  // of doc.bytes as fetched (doc.bytes is dropped after decoding)
  std::string charset;
  Fields fields;
  Fingerprint print;  // of fields.text, when a ReadControl::prepare computed it
  // The page is the one Input::previous describes (--cache): the server answered 304 Not
  // Modified, or sent the same bytes (same SHA-256). It was not decoded or parsed: the
  // earlier result stands (fields empty; doc holds this fetch's time and validators).
  bool reused = false;
  // The page matched against the originals on the worker that read it (match_pages()):
  // check_page() takes this instead of matching on the thread that delivers results.
  bool matched = false;
  bool match_ok = false;  // false: match_err says why the originals could not be read
  Match match;
  std::string match_err;
};

// fetch -> decode -> parse -> extract for one input (URLs through `fetcher`, which may
// be null when there are none). Returns false with *err (a message naming the input)
// when the page cannot be read or parsed. With `store` enabled the bytes are also kept
// there under their SHA-256 (--save-pages); a page that cannot be kept is not read (its
// evidence would be lost).
bool read_page(const Input& input, Fetcher* fetcher, const FetchOptions& options, PageRead* page,
               std::string* err, const PageStore* store = nullptr);

using PageDone = std::function<void(size_t index, const Input&, bool ok, PageRead&,
                                    const std::string& err)>;

struct ReadControl {
  // true: `done` runs in input order, workers at most jobs×4 inputs ahead of the oldest
  // unfinished one. false: `done` runs as each input finishes, so a slow input delays only
  // its own result; `index` says where it belongs.
  bool in_order = true;
  // Once set, no new input is started; inputs already started finish (SIGINT, a report
  // that can no longer be written).
  const std::atomic<bool>* stop = nullptr;
  // Runs on the worker that read the page, outside every lock, before `done`: per-page
  // work that need not wait its turn (index build fingerprints the originals here, so
  // that work is parallel and `done` stays short).
  std::function<void(PageRead&)> prepare;
  // Whether each page's bytes are hashed (PageRead::sha256): results carry the hash as
  // evidence; extract prints none and skips the cost.
  bool hash = true;
  // --save-pages: every page read is kept here (see read_page()).
  const PageStore* store = nullptr;
};

// Reads the inputs `next` yields: URLs are fetched by one multi fetcher (options.concurrency
// transfers, per-host politeness, robots.txt, retries; multi_fetcher.h) on the calling
// thread while `jobs` workers decode, parse and extract what is fetched and read files.
// Inputs are pulled only as there is room, so a list is read as the scan goes and memory
// stays flat. `done` runs on one thread at a time.
void read_pages(const std::function<bool(Input*)>& next, const FetchOptions& options, int jobs,
                const ReadControl& control, const PageDone& done);

// The same over a list in memory, in input order.
void read_pages(const std::vector<Input>& inputs, const FetchOptions& options, int jobs,
                const PageDone& done);

}  // namespace credcheck
