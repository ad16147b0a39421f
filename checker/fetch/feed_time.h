// Dates as sitemaps and feeds write them, read into seconds since 1970 (UTC), for --since.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace credcheck {

// W3C datetime / RFC 3339 (sitemap <lastmod>, Atom <updated>): "2026-11-30",
// "2026-11-30T08:00:00+08:00", "2026-11-30 08:00:00"; and RFC 822 (RSS <pubDate>):
// "Mon, 30 Nov 2026 08:00:00 +0800" or "… GMT". A time with no zone is read as UTC.
// nullopt when the text is none of these or names an impossible date.
std::optional<int64_t> parse_feed_time(std::string_view text);

// --since: a W3C date or datetime only (what a person types: 2026-11-01 or
// 2026-11-01T06:00:00Z).
std::optional<int64_t> parse_since(std::string_view text);

}  // namespace credcheck
