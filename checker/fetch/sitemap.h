// Sitemaps, sitemap indexes and RSS/Atom feeds: the lists of pages a site publishes,
// read from untrusted bytes into the page URLs they name.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace credcheck {

enum class ListKind { kNone, kSitemap, kSitemapIndex, kRss, kAtom };

// "sitemap", "sitemap index", "RSS feed", "Atom feed"; "" for kNone.
const char* list_kind_name(ListKind kind);
inline bool is_feed(ListKind k) { return k == ListKind::kRss || k == ListKind::kAtom; }

struct ListEntry {
  std::string url;              // absolute when it could be resolved; as written otherwise
  std::optional<int64_t> time;  // lastmod / updated / published / pubDate, UTC seconds
};

struct PageList {
  ListKind kind = ListKind::kNone;
  std::vector<ListEntry> entries;  // pages, or for an index the sitemaps it names
};

// Starts with the gzip magic bytes?
bool is_gzip(std::string_view bytes);

// Inflates gzip data. The cap is on the DECODED size (a few kilobytes on the wire can
// inflate to gigabytes): past `max_out` bytes it stops with an error.
bool gunzip(std::string_view in, size_t max_out, std::string* out, std::string* err);

// What kind of list the first bytes are (looks at the root element's name only; no
// parse). Used to tell a list from a page without reading the whole of it.
ListKind sniff_list(std::string_view prefix);

// Parses a whole (already inflated) document. Relative URLs are resolved against
// `base_url` when it is an http(s) URL. Entries with no URL are left out. false with
// *err ("XML error at byte 120: …", "root element <html> is not a sitemap or feed")
// when the bytes are not a list.
bool parse_list(std::string_view bytes, const std::string& base_url, PageList* list,
                std::string* err);

}  // namespace credcheck
