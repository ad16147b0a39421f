// Sitemaps, sitemap indexes and RSS/Atom feeds as inputs: each expands, as the scan
// goes, into the pages it lists, and every page keeps the list it came from.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "checker/fetch/fetcher.h"
#include "checker/fetch/sitemap.h"

namespace credcheck {

struct FeedOptions {
  std::vector<std::string> sitemaps;  // --sitemap: read as a sitemap (or index), whatever its name
  std::vector<std::string> feeds;     // --feed: read as an RSS or Atom feed
  // --since: only pages dated at or after this (UTC seconds). Pages with no readable date
  // are kept: nothing shows them to be old, and dropping them would lose them silently.
  std::optional<int64_t> since;
  int max_depth = 3;               // sitemap indexes inside indexes, beyond the one given
  size_t max_urls = 1'000'000;     // pages from one list given (all its sitemaps together)
  size_t max_list_bytes = 50 << 20;  // one list, decoded (the sitemap protocol's own cap is 50 MB)
};

// Wraps the ordinary inputs (`next`, an InputSource) and expands lists among them:
// - a file whose first bytes are a sitemap or feed (plain or gzip), unless it is named
//   .html/.htm (pages are not opened twice);
// - a URL whose path or query names one (sitemap…, feed, rss, atom, *.xml, *.xml.gz, *.rss,
//   *.atom, *.rdf): fetched here and expanded when its content is a list, passed on as a
//   page otherwise. A page URL of any other shape is not fetched twice to find out; when it
//   proves to be a list, read_page() says so and names --sitemap / --feed.
// - every --sitemap and --feed (before the ordinary inputs).
// One list is held at a time per level of nesting (its URLs, not its DOM), so an index of
// 50,000-URL sitemaps costs one sitemap's URLs of memory. A list that cannot be fetched
// or parsed, nesting past max_depth, a loop, an entry that is not an http(s) URL and
// pages past max_urls each become one Input with `error` naming the list: nothing is lost
// silently. Pages listed by a list never name local files.
class FeedExpander {
 public:
  // `fetcher` fetches the lists; null: a curl fetcher is made on first use from `fetch`
  // (with the byte cap raised to max_list_bytes).
  FeedExpander(std::function<bool(Input*)> next, const FetchOptions& fetch, FeedOptions options,
               Fetcher* fetcher = nullptr);

  bool next(Input* input);
  // True once any input was a list: the number of inputs is then not known in advance.
  bool expanded() const { return expanded_; }

 private:
  enum class Want { kAny, kSitemap, kFeed };
  enum class Opened { kPushed, kNotList, kError };
  struct Frame {
    std::string name;
    ListKind kind;
    std::vector<ListEntry> entries;
    size_t at = 0;
    int depth = 0;
  };

  Opened open(const Input& input, int depth, Want want, bool sniffed, Input* error);
  bool load(const Input& input, bool sniffed, std::string* bytes, bool* not_list, std::string* err);
  Input failed(const std::string& spec, bool is_url, const std::string& listed_in,
               const std::string& message) const;

  std::function<bool(Input*)> inner_;
  FetchOptions fetch_options_;
  FeedOptions options_;
  Fetcher* fetcher_;
  std::unique_ptr<Fetcher> own_fetcher_;
  size_t forced_at_ = 0;
  std::vector<Frame> stack_;
  std::set<std::string> seen_;  // lists read under the current top-level list (loops)
  size_t urls_ = 0;             // pages yielded from the current top-level list
  bool expanded_ = false;
};

// Does this URL's path or query name a sitemap or feed?
bool url_names_list(const std::string& url);

}  // namespace credcheck
