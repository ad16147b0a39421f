// The article's links, the page's element srcs and the site's name: what rules about
// links to the original, licence links, kept counters and mirrors read.
#include <string_view>
#include <unordered_map>

#include "checker/page/extractors.h"
#include "checker/text/normalize.h"
#include "checker/text/utf8.h"

namespace credcheck {
namespace {

constexpr size_t kMaxLinks = 256;
constexpr size_t kMaxSrcs = 256;
constexpr size_t kMaxLinkText = 2000;
// How far up an anchor's ancestors its block element is looked for (DOMs nest ~2,000
// deep at most; a link sits a few levels inside its paragraph).
constexpr int kMaxClimb = 32;

bool is_src_tag(std::string_view tag) {
  return tag == "img" || tag == "iframe" || tag == "embed" || tag == "source";
}

// The site's name: og:site_name (or application-name), else the suffix of <title>
// after its last separator ("标题_某某网", "Title | Site", "Title - Site").
std::string site_name(const pugi::xml_document& doc, const PageMeta& meta) {
  for (pugi::xml_node m : doc.child("html").child("head").children("meta")) {
    std::string key = utf8::ascii_lower(m.attribute("property").value());
    if (key.empty()) key = utf8::ascii_lower(m.attribute("name").value());
    if (key == "og:site_name" || key == "application-name") {
      std::string v = clean_space(m.attribute("content").value());
      if (!v.empty()) return v;
    }
  }
  const std::string& t = meta.title;
  size_t best = std::string::npos, len = 0;
  for (std::string_view sep : {"_", " | ", "|", " - ", " — ", "－", "——"}) {
    size_t at = t.rfind(sep);
    if (at != std::string::npos && (best == std::string::npos || at > best)) {
      best = at;
      len = sep.size();
    }
  }
  if (best == std::string::npos || best == 0) return {};
  return clean_space(t.substr(best + len));
}

}  // namespace

void extract_links(const pugi::xml_document& doc, const PageContext& ctx, Fields* out) {
  std::unordered_map<const void*, size_t> block_of;
  for (size_t i = 0; i < ctx.pb.blocks.size(); ++i)
    block_of.emplace(ctx.pb.blocks[i].node.internal_object(), i);
  // One iterative walk of the whole document, in order.
  pugi::xml_node n = doc.first_child();
  while (n) {
    if (n.type() == pugi::node_element) {
      std::string_view tag = n.name();
      if (tag == "a" && out->links.size() < kMaxLinks && *n.attribute("href").value()) {
        pugi::xml_node up = n;
        for (int d = 0; up && d < kMaxClimb; ++d, up = up.parent()) {
          auto it = block_of.find(up.internal_object());
          if (it == block_of.end()) continue;
          if (ctx.readable(it->second))
          {
            if (ctx.source) ctx.source->note("links", out->links.size(), n);
            out->links.push_back({node_text(n, kMaxLinkText),
                                  clean_space(n.attribute("href").value())});
          }
          break;
        }
      } else if (is_src_tag(tag) && out->element_srcs.size() < kMaxSrcs) {
        std::string src = clean_space(n.attribute("src").value());
        if (!src.empty()) {
          if (ctx.source) ctx.source->note("element_srcs", out->element_srcs.size(), n);
          out->element_srcs.push_back(std::move(src));
        }
      }
    }
    if (n.first_child()) {
      n = n.first_child();
      continue;
    }
    while (n && !n.next_sibling()) n = n.parent();
    if (n) n = n.next_sibling();
  }
  out->site_name = site_name(doc, ctx.meta);
}

}  // namespace credcheck
