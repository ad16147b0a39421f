#include "checker/page/source_map.h"

#include <algorithm>

namespace credcheck {
namespace {

// How far into an element its text is looked for: bounded, so a huge element with many
// lines costs a bounded walk per line.
constexpr size_t kTextWindow = 64 << 10;
// Notes kept per page (links, srcs and text lines are capped before this).
constexpr size_t kMaxNotes = 4096;

bool is_break(char c) { return c == '\n' || c == '\r'; }

// Line breaks in s: CRLF counts once.
uint32_t breaks_in(std::string_view s) {
  uint32_t n = 0;
  for (size_t i = 0; i < s.size(); ++i)
    if (s[i] == '\n' || (s[i] == '\r' && (i + 1 == s.size() || s[i + 1] != '\n'))) ++n;
  return n;
}

// The first word of text (up to a space), cut to a whole character within 48 bytes.
std::string_view head_of(std::string_view text) {
  size_t end = std::min(text.find(' '), std::min<size_t>(text.size(), 48));
  while (end > 0 && end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

// The first n characters of s.
std::string_view first_chars(std::string_view s, size_t n) {
  size_t end = 0;
  while (end < s.size() && n > 0) {
    ++end;
    while (end < s.size() && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) ++end;
    --n;
  }
  return s.substr(0, end);
}

}  // namespace

size_t utf16_units(std::string_view utf8) {
  size_t n = 0;
  for (char ch : utf8) {
    auto c = static_cast<unsigned char>(ch);
    if ((c & 0xC0) != 0x80) n += c >= 0xF0 ? 2 : 1;
  }
  return n;
}

void SourceMap::reset(std::string_view utf8) {
  src_ = utf8;
  spans_.clear();
  sorted_ = true;
  notes_.clear();
  last_node_ = nullptr;
}

void SourceMap::add(const void* node, uint32_t begin, uint32_t end, uint32_t line) {
  if (!spans_.empty() && spans_.back().node > node) sorted_ = false;
  spans_.push_back({node, begin, end, line});
}

const SourceMap::Span* SourceMap::span_of(const void* node) {
  auto less = [](const Span& a, const Span& b) { return a.node < b.node; };
  if (!sorted_) {  // pugixml mostly allocates nodes in order: usually already sorted
    std::sort(spans_.begin(), spans_.end(), less);
    sorted_ = true;
  }
  auto it = std::lower_bound(spans_.begin(), spans_.end(), Span{node, 0, 0, 0}, less);
  return it != spans_.end() && it->node == node ? &*it : nullptr;
}

void SourceMap::note(const char* field, size_t index, pugi::xml_node n, std::string_view text) {
  if (!n || notes_.size() >= kMaxNotes) return;
  const Span* span = span_of(n.internal_object());
  if (!span || span->line == 0 || span->begin >= src_.size()) return;
  uint32_t offset = span->begin, line = span->line;
  std::string_view head = head_of(text);
  if (!head.empty()) {
    size_t from = span->begin;
    if (last_node_ == span->node && last_found_ > from) from = last_found_;
    size_t end = span->end > span->begin ? std::min<size_t>(span->end, src_.size()) : src_.size();
    end = std::min(end, from + kTextWindow);
    size_t at = from < end ? src_.substr(from, end - from).find(head) : std::string_view::npos;
    if (at == std::string_view::npos && from > span->begin) {  // noted again (title and text)
      from = span->begin;
      end = std::min(end, from + kTextWindow);
      at = src_.substr(from, end - from).find(head);
    }
    // Markup inside the word ("<span>来源：</span><span>西江网</span>"): its first two
    // characters, where the label stands.
    std::string_view two = first_chars(head, 2);
    if (at == std::string_view::npos && two.size() < head.size())
      at = src_.substr(from, end - from).find(two);
    if (at != std::string_view::npos) {
      offset = static_cast<uint32_t>(from + at);
      line += breaks_in(src_.substr(span->begin, offset - span->begin));
      last_node_ = span->node;
      last_found_ = offset + 1;
    }
  }
  notes_.push_back({field, index, offset, line});
}

void SourceMap::write(Fields* out) {
  std::vector<const Note*> order;
  order.reserve(notes_.size());
  for (const Note& n : notes_) order.push_back(&n);
  std::sort(order.begin(), order.end(), [](const Note* a, const Note* b) { return a->offset < b->offset; });
  const Note* prev = nullptr;
  uint32_t prev_column = 0;
  for (const Note* n : order) {
    uint32_t column;
    if (prev && prev->line == n->line) {
      column = prev_column + static_cast<uint32_t>(utf16_units(src_.substr(prev->offset, n->offset - prev->offset)));
    } else {
      size_t start = n->offset;
      while (start > 0 && !is_break(src_[start - 1])) --start;
      if (start == 0 && src_.substr(0, 3) == "\xEF\xBB\xBF") start = std::min<size_t>(3, n->offset);
      column = 1 + static_cast<uint32_t>(utf16_units(src_.substr(start, n->offset - start)));
    }
    std::vector<SourcePos>& list = out->positions[n->field];
    if (list.size() <= n->index) list.resize(n->index + 1);
    list[n->index] = {n->line, column};
    prev = n;
    prev_column = column;
  }
  notes_.clear();
}

}  // namespace credcheck
