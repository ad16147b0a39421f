#include "checker/fetch/sitemap.h"

#include <curl/curl.h>
#include <re2/re2.h>
#include <zlib.h>

#include <pugixml.hpp>

#include "checker/fetch/feed_time.h"
#include "checker/text/utf8.h"

namespace credcheck {
namespace {

// "ns:urlset" -> "urlset": sitemaps and feeds are read by local name, so a prefixed
// namespace (or a missing one, as many sites write) reads the same.
std::string_view local_name(const char* name) {
  std::string_view n(name);
  size_t colon = n.rfind(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

ListKind kind_of_root(std::string_view name) {
  if (name == "urlset") return ListKind::kSitemap;
  if (name == "sitemapindex") return ListKind::kSitemapIndex;
  if (name == "rss" || name == "RDF") return ListKind::kRss;  // RSS 2.0 and 1.0
  if (name == "feed") return ListKind::kAtom;
  return ListKind::kNone;
}

std::string trimmed(const char* text) {
  std::string_view s(text);
  const char* ws = " \t\r\n\f\v";
  size_t b = s.find_first_not_of(ws);
  if (b == std::string_view::npos) return "";
  return std::string(s.substr(b, s.find_last_not_of(ws) - b + 1));
}

// Resolves `ref` against an http(s) base; returns `ref` unchanged when it cannot.
std::string resolve(const std::string& base, const std::string& ref) {
  static const RE2 http(R"((?i)^https?://)");
  if (ref.empty() || RE2::PartialMatch(ref, http) || !RE2::PartialMatch(base, http)) return ref;
  std::string out = ref;
  CURLU* u = curl_url();
  char* full = nullptr;
  if (curl_url_set(u, CURLUPART_URL, base.c_str(), 0) == CURLUE_OK &&
      curl_url_set(u, CURLUPART_URL, ref.c_str(), 0) == CURLUE_OK &&
      curl_url_get(u, CURLUPART_URL, &full, 0) == CURLUE_OK && full)
    out = full;
  curl_free(full);
  curl_url_cleanup(u);
  return out;
}

std::optional<int64_t> child_time(pugi::xml_node entry, std::initializer_list<std::string_view> names) {
  for (std::string_view want : names)
    for (pugi::xml_node c : entry.children())
      if (c.type() == pugi::node_element && local_name(c.name()) == want)
        if (auto t = parse_feed_time(trimmed(c.child_value()))) return t;
  return std::nullopt;
}

std::string child_text(pugi::xml_node entry, std::string_view want) {
  for (pugi::xml_node c : entry.children())
    if (c.type() == pugi::node_element && local_name(c.name()) == want) return trimmed(c.child_value());
  return "";
}

// Atom: the entry's alternate link (rel absent or "alternate"), the first one that
// names HTML when several do.
std::string atom_link(pugi::xml_node entry) {
  std::string any;
  for (pugi::xml_node c : entry.children()) {
    if (c.type() != pugi::node_element || local_name(c.name()) != "link") continue;
    std::string rel = c.attribute("rel").value();
    if (!rel.empty() && rel != "alternate") continue;
    std::string href = trimmed(c.attribute("href").value());
    if (href.empty()) continue;
    std::string type = c.attribute("type").value();
    if (type.empty() || type.find("html") != std::string::npos) return href;
    if (any.empty()) any = href;
  }
  return any;
}

// RSS: <link>, else a <guid> that is a permalink (the default for guid).
std::string rss_link(pugi::xml_node item) {
  std::string link = child_text(item, "link");
  if (!link.empty()) return link;
  for (pugi::xml_node c : item.children()) {
    if (c.type() != pugi::node_element || local_name(c.name()) != "guid") continue;
    if (std::string(c.attribute("isPermaLink").value()) == "false") continue;
    return trimmed(c.child_value());
  }
  return "";
}

}  // namespace

const char* list_kind_name(ListKind kind) {
  switch (kind) {
    case ListKind::kSitemap: return "sitemap";
    case ListKind::kSitemapIndex: return "sitemap index";
    case ListKind::kRss: return "RSS feed";
    case ListKind::kAtom: return "Atom feed";
    case ListKind::kNone: break;
  }
  return "";
}

bool is_gzip(std::string_view bytes) {
  return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1F &&
         static_cast<unsigned char>(bytes[1]) == 0x8B;
}

bool gunzip(std::string_view in, size_t max_out, std::string* out, std::string* err) {
  z_stream z{};
  if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) {
    *err = "cannot start gzip decoding";
    return false;
  }
  out->clear();
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(std::min<size_t>(in.size(), UINT32_MAX));
  char buf[1 << 16];
  int rc = Z_OK;
  while (rc != Z_STREAM_END) {
    z.next_out = reinterpret_cast<Bytef*>(buf);
    z.avail_out = sizeof buf;
    rc = inflate(&z, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END) {
      *err = std::string("gzip data is damaged (") + (z.msg ? z.msg : "truncated") + ")";
      inflateEnd(&z);
      return false;
    }
    size_t got = sizeof buf - z.avail_out;
    if (out->size() + got > max_out) {
      *err = "gzip data inflates past " + std::to_string(max_out) + " bytes";
      inflateEnd(&z);
      out->clear();
      return false;
    }
    out->append(buf, got);
    if (rc == Z_OK && got == 0 && z.avail_in == 0) {  // input ended before the stream did
      *err = "gzip data is truncated";
      inflateEnd(&z);
      return false;
    }
  }
  inflateEnd(&z);
  return true;
}

ListKind sniff_list(std::string_view prefix) {
  // Skips the BOM, the XML declaration, comments, processing instructions and a DOCTYPE,
  // then reads the first element's name.
  static const RE2 root(
      R"(^(?:\x{FEFF})?(?:\s+|<\?[^>]*\?>|<!--(?s:.*?)-->|)"
      R"(<![A-Za-z](?:[^>"'\[]|"[^"]*"|'[^']*'|\[(?:[^\]"']|"[^"]*"|'[^']*')*\])*>)*)"
      R"(<([A-Za-z_][\w.\-]*(?::[A-Za-z_][\w.\-]*)?)[\s>/])");
  std::string name;
  if (!RE2::PartialMatch(prefix.substr(0, 4096), root, &name)) return ListKind::kNone;
  return kind_of_root(local_name(name.c_str()));
}

bool parse_list(std::string_view bytes, const std::string& base_url, PageList* list,
                std::string* err) {
  list->kind = ListKind::kNone;
  list->entries.clear();
  pugi::xml_document doc;
  pugi::xml_parse_result parsed = doc.load_buffer(bytes.data(), bytes.size(), pugi::parse_default);
  if (!parsed) {
    *err = std::string("XML error at byte ") + std::to_string(parsed.offset) + ": " + parsed.description();
    return false;
  }
  pugi::xml_node root = doc.document_element();
  ListKind kind = kind_of_root(local_name(root.name()));
  if (kind == ListKind::kNone) {
    *err = "root element <" + std::string(root.name()) + "> is not a sitemap or feed";
    return false;
  }
  list->kind = kind;
  auto add = [&](const std::string& base, const std::string& url, std::optional<int64_t> time) {
    // Invalid UTF-8 is replaced: the URL ends up in reports (JSON) even when refused.
    if (!url.empty()) list->entries.push_back({utf8::sanitize(resolve(base, url)), time});
  };
  if (kind == ListKind::kSitemap || kind == ListKind::kSitemapIndex) {
    std::string_view entry = kind == ListKind::kSitemap ? "url" : "sitemap";
    for (pugi::xml_node e : root.children())
      if (e.type() == pugi::node_element && local_name(e.name()) == entry)
        add(base_url, child_text(e, "loc"), child_time(e, {"lastmod"}));
  } else if (kind == ListKind::kAtom) {
    std::string base = resolve(base_url, trimmed(root.attribute("xml:base").value()));
    if (base.empty()) base = base_url;
    for (pugi::xml_node e : root.children())
      if (e.type() == pugi::node_element && local_name(e.name()) == "entry")
        add(base, atom_link(e), child_time(e, {"updated", "published"}));
  } else {
    // RSS 2.0 puts items in <channel>; RSS 1.0 (RDF) puts them beside it.
    pugi::xml_node channel;
    for (pugi::xml_node c : root.children())
      if (c.type() == pugi::node_element && local_name(c.name()) == "channel") channel = c;
    for (pugi::xml_node parent : {channel, root}) {
      if (!parent) continue;
      for (pugi::xml_node e : parent.children())
        if (e.type() == pugi::node_element && local_name(e.name()) == "item")
          add(base_url, rss_link(e), child_time(e, {"pubDate", "date", "updated", "published"}));
    }
  }
  return true;
}

}  // namespace credcheck
