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

// A ReadControl::prepare that matches each page against `originals` (fingerprint,
// candidates, exact scores) on the worker that read it, so that work runs in parallel
// and `done` stays short. Every OriginalSet is safe to share between threads.
std::function<void(PageRead&)> match_pages(OriginalSet& originals);

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

// The republishing host of a page: the fetched URL's host, or for files the host of
// `base_url` (--base-url: where the files will be published); empty when neither is
// given. Never the canonical link: syndication partners point it at the original.
std::string page_host(const PageRead& page, const std::string& base_url);

// True when `base_url` is an http(s) URL with a host (what --base-url accepts).
bool base_url_ok(const std::string& base_url);

// Checks one read page against the pack and the originals; `base_url` as for
// page_host(). The page's fields move into the result (without the article text:
// reports carry the credits, not the article).
Result check_page(PageRead&& page, const Pack& pack, OriginalSet& originals,
                  const std::string& base_url);

// A result for an input that could not be read; `doc` is what the server answered, when
// it did (its final URL, HTTP status and time stand in the result).
Result unreadable_result(const Input& input, const std::string& err, const Document& doc = {});

}  // namespace credcheck

namespace credcheck {

// Reads the publisher's originals named by `specs` (as --original takes them: files,
// directories, URLs, @lists) and by `index` (--originals: an index built by `index
// build`, or a list file). Any original that cannot be read is an error: a scan against
// an incomplete set of originals would report false misuse. An index is opened, not
// loaded: its originals are read per page as best_match() asks for them.
// `seen`, when given, sees each original read (not those of an index), in order.
bool load_originals(const std::vector<std::string>& specs, const std::string& index,
                    const FetchOptions& options, int jobs, std::istream& in,
                    std::unique_ptr<OriginalSet>* originals, std::string* err,
                    const std::function<void(const Original&)>& seen = {});

// Reads the originals named by `specs` and `feeds` (sitemaps and feeds of the
// publisher's site, expanded as they are read) in parallel and hands each to `take`
// (one at a time, in input order), so `index build` streams them into the index
// without holding them all. With `marks_only` their prints hold the marks alone
// (fingerprint_marks(): all an index stores).
bool for_each_original(const std::vector<std::string>& specs, const FetchOptions& options,
                       int jobs, std::istream& in,
                       const std::function<bool(Original&&, std::string*)>& take, std::string* err,
                       const FeedOptions& feeds = {}, bool marks_only = false);

}  // namespace credcheck
