#include "checker/fetch/feed_inputs.h"

#include <re2/re2.h>

#include <fstream>

namespace credcheck {
namespace {

bool has_page_extension(const std::string& path) {
  static const RE2 page(R"((?i)\.html?$)");
  return RE2::PartialMatch(path, page);
}

}  // namespace

bool url_names_list(const std::string& url) {
  static const RE2 after_host(R"((?i)^https?://[^/?#]*([/?#].*)?$)");
  static const RE2 page(R"((?i)\.(s?html?|php|aspx?|jsp)(?:[?#]|$))");
  static const RE2 list(
      R"((?i)(sitemap|\bfeeds?\b|\brss\b|\batom\b|\.xml(\.gz)?(?:[?#]|$)|\.(rss|atom|rdf)(?:[?#]|$)))");
  std::string rest;
  if (!RE2::FullMatch(url, after_host, &rest) || rest.empty()) return false;
  if (RE2::PartialMatch(rest, page) && !RE2::PartialMatch(rest, R"((?i)sitemap)")) return false;
  return RE2::PartialMatch(rest, list);
}

FeedExpander::FeedExpander(std::function<bool(Input*)> next, const FetchOptions& fetch,
                           FeedOptions options, Fetcher* fetcher)
    : inner_(std::move(next)), fetch_options_(fetch), options_(std::move(options)), fetcher_(fetcher) {
  fetch_options_.max_bytes = std::max(fetch_options_.max_bytes, options_.max_list_bytes);
}

Input FeedExpander::failed(const std::string& spec, bool is_url, const std::string& listed_in,
                           const std::string& message) const {
  Input in;
  in.spec = spec;
  in.is_url = is_url;
  in.error = message;
  in.listed_in = listed_in;
  return in;
}

// The list's bytes, inflated. *not_list: the input is no list after all (a page, or a
// gzip file of something else) and goes on as given.
bool FeedExpander::load(const Input& input, bool sniffed, std::string* bytes, bool* not_list,
                        std::string* err) {
  *not_list = false;
  if (input.is_url) {
    if (!fetcher_) {
      own_fetcher_ = make_curl_fetcher(fetch_options_);
      fetcher_ = own_fetcher_.get();
    }
    Document doc;
    if (!fetcher_->fetch(input.spec, &doc, err)) return false;
    *bytes = std::move(doc.bytes);
  } else if (!read_file(input.spec, options_.max_list_bytes, bytes, err)) {
    return false;
  }
  if (is_gzip(*bytes)) {
    std::string plain;
    if (!gunzip(*bytes, options_.max_list_bytes, &plain, err)) {
      *err = input.spec + ": " + *err;
      return false;
    }
    *bytes = std::move(plain);
  }
  // A name that merely looked like a list's: a page (or gzip of something else).
  if (sniffed && sniff_list(*bytes) == ListKind::kNone) *not_list = true;
  return true;
}

FeedExpander::Opened FeedExpander::open(const Input& input, int depth, Want want, bool sniffed,
                                        Input* error) {
  const std::string& spec = input.spec;
  auto fail = [&](const std::string& message) {
    *error = failed(spec, input.is_url, input.listed_in, message);
    return Opened::kError;
  };
  if (depth > options_.max_depth)
    return fail(spec + ": sitemap indexes nested deeper than " + std::to_string(options_.max_depth) +
                " levels; not read");
  if (!seen_.insert(spec).second)
    return fail(spec + ": already read for this list (a sitemap index names it twice, or loops); not read again");
  std::string bytes, err;
  bool not_list = false;
  if (!load(input, sniffed, &bytes, &not_list, &err)) return fail(err);
  if (not_list) return Opened::kNotList;
  Frame frame;
  PageList list;
  if (!parse_list(bytes, input.is_url ? spec : std::string(), &list, &err))
    return fail(spec + ": not a readable sitemap or feed: " + err);
  std::string().swap(bytes);
  if (want == Want::kSitemap && is_feed(list.kind))
    return fail(spec + ": an " + list_kind_name(list.kind) + ", not a sitemap (give it with --feed)");
  if (want == Want::kFeed && !is_feed(list.kind))
    return fail(spec + ": a " + std::string(list_kind_name(list.kind)) + ", not a feed (give it with --sitemap)");
  frame.name = spec;
  frame.kind = list.kind;
  frame.entries = std::move(list.entries);
  frame.depth = depth;
  stack_.push_back(std::move(frame));
  expanded_ = true;
  return Opened::kPushed;
}

bool FeedExpander::next(Input* input) {
  for (;;) {
    if (!stack_.empty()) {
      Frame& f = stack_.back();
      if (f.at >= f.entries.size()) {
        stack_.pop_back();
        continue;
      }
      ListEntry e = std::move(f.entries[f.at++]);
      const std::string parent = f.name;
      if (!is_http_url(e.url)) {
        *input = failed(e.url, false, parent,
                        parent + ": lists \"" + e.url + "\", which is not an http(s) URL");
        return true;
      }
      if (f.kind == ListKind::kSitemapIndex) {
        Input child;
        child.spec = e.url;
        child.is_url = true;
        child.listed_in = parent;
        if (open(child, f.depth + 1, Want::kSitemap, false, input) == Opened::kError) return true;
        continue;
      }
      if (options_.since && e.time && *e.time < *options_.since) continue;
      if (++urls_ > options_.max_urls) {
        const std::string top = stack_.front().name;
        *input = failed(top, true, "",
                        top + ": lists more than " + std::to_string(options_.max_urls) +
                            " pages; the rest were not read (split the list, or use --since)");
        stack_.clear();
        return true;
      }
      *input = Input{};
      input->spec = std::move(e.url);
      input->is_url = true;
      input->listed_in = parent;
      return true;
    }
    seen_.clear();
    urls_ = 0;
    Input given;
    Want want = Want::kAny;
    bool sniffed = true;
    const size_t forced = options_.sitemaps.size() + options_.feeds.size();
    if (forced_at_ < forced) {
      bool sitemap = forced_at_ < options_.sitemaps.size();
      given.spec = sitemap ? options_.sitemaps[forced_at_] : options_.feeds[forced_at_ - options_.sitemaps.size()];
      ++forced_at_;
      given.is_url = is_http_url(given.spec);
      want = sitemap ? Want::kSitemap : Want::kFeed;
      sniffed = false;
    } else {
      if (!inner_(&given)) return false;
      if (!given.error.empty() || given.body) {
        *input = std::move(given);
        return true;
      }
      bool candidate;
      if (given.is_url) {
        candidate = url_names_list(given.spec);
      } else if (has_page_extension(given.spec)) {
        // Directories of pages are the common case (an archive of 100,000 for `index
        // build`): not opened twice. A list saved as .html is named by read_page().
        candidate = false;
      } else {
        std::ifstream f(given.spec, std::ios::binary);
        char head[4096];
        f.read(head, sizeof head);
        std::string_view prefix(head, static_cast<size_t>(f.gcount()));
        candidate = is_gzip(prefix) || sniff_list(prefix) != ListKind::kNone;
      }
      if (!candidate) {
        *input = std::move(given);
        return true;
      }
    }
    Opened opened = open(given, 0, want, sniffed, input);
    if (opened == Opened::kError) return true;
    if (opened == Opened::kNotList) {
      *input = std::move(given);
      return true;
    }
  }
}

}  // namespace credcheck
