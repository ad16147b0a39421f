#include <re2/re2.h>

#include <string_view>

#include "checker/page/extractors.h"
#include "checker/text/normalize.h"
#include "checker/text/utf8.h"

namespace credcheck {
namespace {

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// og:title and <title> as candidates are compared with them, worked out once: a page
// can offer a hundred thousand candidate lines and a megabyte <title>.
struct TitleKeys {
  explicit TitleKeys(const PageMeta& meta)
      : og(compact(meta.og_title)), title(normalize(meta.title)) {}
  std::string og;     // compact(og:title)
  std::string title;  // normalize(<title>)
};

// A candidate agrees with <title> when it is the whole title or its head followed by
// a separator ("headline_site", "headline - site", "headline|tag_site").
bool agrees_with_title(const std::string& cand, const TitleKeys& keys) {
  std::string c = normalize(cand);
  if (utf8::length(compact(cand)) < 2) return false;
  if (!keys.og.empty() && compact(cand) == keys.og) return true;
  const std::string& t = keys.title;
  if (t.empty() || !starts_with(t, c)) return false;
  std::string_view rest = std::string_view(t).substr(c.size());
  if (rest.empty()) return true;
  static const RE2 sep("^\\s*(?:[_|\\-·:]|--|\\s)");
  return RE2::PartialMatch(rest, sep);
}

// <title> without its site suffix: the part before the first separator (_ | - — ·).
// A hyphen between digits ("1-10月") belongs to the headline.
std::string title_head(const std::string& title) {
  std::u32string cps;
  for (size_t i = 0; i < title.size();) cps.push_back(utf8::next(title, &i));
  auto digit = [&](size_t i) { return i < cps.size() && cps[i] >= '0' && cps[i] <= '9'; };
  size_t cut = cps.size();
  for (size_t i = 1; i < cps.size() && cut == cps.size(); ++i) {
    char32_t c = cps[i];
    if (c == '_' || c == '|' || c == U'｜' || c == U'—' || c == U'–') cut = i;
    else if (c == '-' && !(digit(i - 1) && digit(i + 1))) cut = i;
    else if (c == U'·' && i > 0 && cps[i - 1] == ' ') cut = i;
  }
  std::string head;
  for (size_t i = 0; i < cut; ++i) utf8::append(&head, cps[i]);
  head = clean_space(head);
  return head.empty() ? clean_space(title) : head;
}

size_t block_of(const PageBlocks& pb, const std::string& text, pugi::xml_node inside) {
  std::string want = compact(text);
  for (size_t i = 0; i < pb.blocks.size(); ++i) {
    const Block& b = pb.blocks[i];
    if (b.medium >= 0) continue;
    if (inside) {
      for (pugi::xml_node n = b.node; n; n = n.parent())
        if (n == inside) return i;
      continue;
    }
    if (compact(b.text) == want) return i;
  }
  return kNoBlock;
}

}  // namespace

std::string extract_title(const pugi::xml_document& doc, const PageBlocks& pb,
                          const PageMeta& meta, size_t* block) {
  *block = kNoBlock;
  const TitleKeys keys(meta);
  // A headline is short; nested headings around a long text would otherwise copy it
  // once per level.
  constexpr size_t kMaxHeading = 4096;
  std::vector<std::pair<std::string, pugi::xml_node>> h1, other;
  for (const char* xp : {"//h1", "//h2", "//h3"}) {
    for (const auto& x : doc.select_nodes(xp)) {
      std::string t = node_text(x.node(), kMaxHeading);
      if (utf8::length(compact(t)) < 2) continue;
      (xp[3] == '1' ? h1 : other).emplace_back(t, x.node());
    }
  }
  for (const auto& [t, n] : h1)
    if (agrees_with_title(t, keys)) return *block = block_of(pb, t, n), t;
  if (!meta.og_title.empty()) {
    *block = block_of(pb, meta.og_title, {});
    return meta.og_title;
  }
  for (const auto& [t, n] : other)
    if (agrees_with_title(t, keys)) return *block = block_of(pb, t, n), t;
  for (size_t i = 0; i < pb.blocks.size(); ++i) {
    const Block& b = pb.blocks[i];
    if (b.medium < 0 && b.chars >= 4 && b.chars <= 120 && agrees_with_title(b.text, keys)) {
      *block = i;
      return b.text;
    }
  }
  if (!meta.title.empty()) {
    std::string head = title_head(meta.title);
    *block = block_of(pb, head, {});
    return head;
  }
  if (!h1.empty()) return *block = block_of(pb, h1[0].first, h1[0].second), h1[0].first;
  return {};
}

std::string headline_above_body(const PageBlocks& pb, const ArticleZones& article,
                                size_t* block) {
  // A page with no <title>, og:title or heading still prints its headline as a short
  // line right above the date line that opens the article.
  static const RE2 date("\\d{4}[-/.年]\\d{1,2}[-/.月]\\d{1,2}");
  static const RE2 label("[:：]|。|来源|作者|编辑|记者");
  *block = kNoBlock;
  if (!article.found) return {};
  constexpr size_t kLook = 8;
  size_t stop = article.body_first > kLook ? article.body_first - kLook : 0;
  for (size_t i = article.body_first; i-- > stop;) {
    const Block& b = pb.blocks[i];
    if (b.medium >= 0 || b.chars < 6 || b.chars > 60 || b.link_chars * 2 >= b.chars ||
        RE2::PartialMatch(b.text, date) || RE2::PartialMatch(b.text, label))
      continue;
    bool dated = false;  // the date line right under it
    for (size_t j = i + 1; j < pb.blocks.size() && j <= i + 2; ++j)
      dated = dated || RE2::PartialMatch(pb.blocks[j].text, date);
    if (!dated) continue;
    *block = i;
    return b.text;
  }
  return {};
}

size_t find_body_begin(const PageBlocks& pb, size_t title_block) {
  size_t from = title_block == kNoBlock ? 0 : title_block + 1;
  for (size_t i = from; i < pb.blocks.size(); ++i) {
    const Block& b = pb.blocks[i];
    if (b.medium < 0 && b.chars >= 40 && b.link_chars * 4 < b.chars) return i;
  }
  return pb.blocks.size();
}

std::string node_text(pugi::xml_node root, size_t max_bytes) {
  std::string raw;
  pugi::xml_node n = root.first_child();
  while (n && n != root) {
    if (n.type() == pugi::node_pcdata) raw += n.value();
    if (raw.size() > max_bytes) return {};
    if (n.type() == pugi::node_element && n.first_child()) {
      n = n.first_child();
      continue;
    }
    while (n != root && !n.next_sibling()) n = n.parent();
    if (n == root) break;
    n = n.next_sibling();
  }
  return clean_space(raw);
}

}  // namespace credcheck
