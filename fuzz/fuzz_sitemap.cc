// Sitemaps, sitemap indexes and feeds from any bytes (gzip or not): parse_list either
// fails with a reason or names a kind and entries that are non-empty and valid UTF-8;
// gzip never inflates past its cap; dates read or are refused, never crash.
#include <cstdint>
#include <string>

#include "checker/fetch/feed_time.h"
#include "checker/fetch/sitemap.h"
#include "fuzz/fuzz_util.h"

using namespace credcheck;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in = fuzz::bytes(data, size);
  std::string plain, err;
  constexpr size_t kCap = 1 << 20;
  if (is_gzip(in)) {
    bool ok = gunzip(in, kCap, &plain, &err);
    fuzz::require(plain.size() <= kCap, "gunzip stays within its cap");
    fuzz::require(ok || !err.empty(), "a gzip failure says why");
    if (!ok) return 0;
  } else {
    plain.assign(in);
  }
  ListKind sniffed = sniff_list(plain);
  PageList list;
  err.clear();
  bool ok = parse_list(plain, "https://news.example.cn/sitemaps/index.xml", &list, &err);
  fuzz::require(ok ? list.kind != ListKind::kNone : !err.empty(), "a list has a kind; a failure says why");
  fuzz::require(ok || list.entries.empty(), "a failure yields no entries");
  // The first element decides both: a sniffed kind the parse disagrees with is a bug
  // (the parse may fail on later bytes, and a root past the sniff window is not seen).
  // A DOCTYPE's internal subset is skipped by a pattern, not parsed: left out here.
  if (ok && sniffed != ListKind::kNone && plain.find("<!DOCTYPE") == std::string::npos)
    fuzz::require(sniffed == list.kind, "sniff and parse agree on the kind");
  for (const ListEntry& e : list.entries) {
    fuzz::require(!e.url.empty(), "entries have URLs");
    fuzz::require(fuzz::valid_utf8(e.url), "entries are valid UTF-8 (they reach JSON reports)");
    // Resolving percent-encodes (one byte to three) and adds the base.
    fuzz::require(e.url.size() <= 3 * plain.size() + 64, "an entry's URL comes from the bytes");
  }
  fuzz::require(list.entries.size() <= plain.size(), "no more entries than bytes");
  // The bytes as a date, both readers.
  std::string_view head = plain;
  head = head.substr(0, 80);
  (void)parse_feed_time(head);
  (void)parse_since(head);
  return 0;
}
