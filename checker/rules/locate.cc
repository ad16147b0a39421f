#include "checker/rules/locate.h"

#include <charconv>
#include <string_view>
#include <vector>

namespace credcheck {
namespace {

constexpr size_t kNone = static_cast<size_t>(-1);

// The items of a listed field as printed, in the order positions are noted.
std::vector<std::string_view> items_of(const Fields& page, std::string_view field) {
  std::vector<std::string_view> out;
  auto all = [&](const std::vector<std::string>& v) {
    for (const std::string& s : v) out.push_back(s);
  };
  if (field == "source_lines") all(page.source_lines);
  else if (field == "bylines") all(page.bylines);
  else if (field == "editors") all(page.editors);
  else if (field == "element_srcs") all(page.element_srcs);
  else if (field == "links") for (const Link& l : page.links) out.push_back(l.href);
  else if (field == "media_credits") for (const MediaCredit& m : page.media_credits) out.push_back(m.src.empty() ? m.near : m.src);
  else if (field == "text") {
    std::string_view t = page.text;
    while (!t.empty()) {
      size_t end = t.find('\n');
      out.push_back(t.substr(0, end));
      if (end == std::string_view::npos) break;
      t.remove_prefix(end + 1);
    }
  }
  return out;
}

// The item the evidence quotes: the first equal to its first part (rules join several
// items with " | "), else the first holding it or held by it.
size_t quoted_item(const std::vector<std::string_view>& items, std::string_view evidence) {
  std::string_view first = evidence.substr(0, evidence.find(" | "));
  for (size_t i = 0; i < items.size(); ++i)
    if (items[i] == first) return i;
  for (size_t i = 0; i < items.size(); ++i)
    if (!items[i].empty() && (items[i].find(first) != std::string_view::npos ||
                              first.find(items[i]) != std::string_view::npos))
      return i;
  return kNone;
}

bool locate_in(const Fields& page, std::string_view field, const std::string& evidence, Finding* f) {
  size_t index = kNone;
  if (size_t b = field.find('['); b != std::string_view::npos) {
    size_t i = 0;
    auto [p, ec] = std::from_chars(field.data() + b + 1, field.data() + field.size(), i);
    if (ec == std::errc() && p < field.data() + field.size() && *p == ']') index = i;
    field = field.substr(0, b);
  }
  auto it = page.positions.find(std::string(field));
  if (it == page.positions.end()) return false;
  if (index == kNone)
    index = field == "title" || field == "original_title" ? 0 : quoted_item(items_of(page, field), evidence);
  if (index >= it->second.size() || it->second[index].line == 0) return false;
  f->line = it->second[index].line;
  f->column = it->second[index].column;
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

}  // namespace

void locate_finding(const Fields& page, Finding* f) {
  if (f->evidence.empty()) return;
  // "text, links": the evidence stands in one of the fields named.
  std::string_view fields = f->location;
  while (!fields.empty()) {
    size_t comma = fields.find(',');
    if (locate_in(page, trim(fields.substr(0, comma)), f->evidence, f)) return;
    if (comma == std::string_view::npos) break;
    fields.remove_prefix(comma + 1);
  }
}

}  // namespace credcheck
