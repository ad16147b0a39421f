#include "checker/text/normalize.h"

#include <opencc/SimpleConverter.hpp>

#include <mutex>
#include <type_traits>
#include <vector>

#include "checker/text/utf8.h"

namespace credcheck {
namespace {

// OpenCC converts at only a few MB/s, so it never sees page text: once per process we
// push every Han code point of the BMP through its t2s tables (each on its own line, so
// no phrase spans two characters) and keep the one-to-one results in a flat table.
const std::vector<char16_t>& simplified_table() {
  static std::vector<char16_t> table;
  static std::once_flag once;
  std::call_once(once, [] {
    table.assign(0x10000, 0);
    std::string all;
    std::vector<char32_t> cps;
    for (char32_t cp = 0x3400; cp <= 0xFAFF; ++cp) {
      if (!utf8::is_han(cp)) continue;
      cps.push_back(cp);
      utf8::append(&all, cp);
      all.push_back('\n');
    }
    std::string out;
    try {
      opencc::SimpleConverter conv("t2s.json");
      out = conv.Convert(all);
    } catch (...) {
      return;  // No OpenCC data: comparisons stay exact, never crash.
    }
    size_t i = 0, line = 0;
    while (i < out.size() && line < cps.size()) {
      size_t end = out.find('\n', i);
      if (end == std::string::npos) end = out.size();
      std::string_view conv(out.data() + i, end - i);
      size_t j = 0;
      if (!conv.empty()) {
        char32_t first = utf8::next(conv, &j);
        if (j == conv.size() && first != cps[line] && first < 0x10000)
          table[cps[line]] = static_cast<char16_t>(first);
      }
      i = end + 1;
      ++line;
    }
    // OpenCC's table has chains (薴 -> 苧 -> 苎): follow each to its end, so both forms
    // fold to one character and normalize() is idempotent. A few steps end any cycle.
    for (char32_t cp : cps) {
      char16_t to = table[cp];
      for (int step = 0; to && table[to] && table[to] != cp && step < 8; ++step) to = table[to];
      table[cp] = to;
    }
  });
  return table;
}

char32_t fold_punct(char32_t cp) {
  if (cp >= 0xFF01 && cp <= 0xFF5E) return cp - 0xFEE0;  // full-width ASCII forms
  switch (cp) {
    case 0x3001: return ',';   // 、
    case 0x3002: return '.';   // 。
    case 0xFF61: return '.';
    case 0x300C: case 0x300D: case 0x300E: case 0x300F:  // 「」『』
    case 0x201C: case 0x201D: case 0x201E: case 0x301D: case 0x301E: return '"';
    case 0x2018: case 0x2019: return '\'';
    case 0x3010: case 0x3016: case 0x3014: case 0x3018: return '[';  // 【〖〔〘
    case 0x3011: case 0x3017: case 0x3015: case 0x3019: return ']';
    case 0x300A: case 0x3008: return '<';  // 《〈
    case 0x300B: case 0x3009: return '>';
    case 0x2014: case 0x2013: case 0x2012: case 0x2015: case 0x2212: return '-';
    case 0x2026: return '.';
    case 0x30FB: case 0xFF65: case 0x2022: return 0x00B7;  // middle dots
    default: return cp;
  }
}

// The folds, written through `out` (a UTF-8 string or code points): normalize() and
// normalize_code_points() are one loop, so they can never disagree.
template <typename Out, typename Keep>
void fold_into(std::string_view s, bool map_chars, Keep keep, Out* out) {
  const std::vector<char16_t>* table = map_chars ? &simplified_table() : nullptr;
  bool pending_space = false;
  for (size_t i = 0; i < s.size();) {
    size_t start = i;
    // ASCII and well-formed 3-byte sequences (CJK) decoded here, without a call per
    // character; anything else, invalid bytes included, as utf8::next() reads it.
    char32_t cp = static_cast<unsigned char>(s[i]);
    if (cp < 0x80) {
      ++i;
    } else if ((cp & 0xF0) == 0xE0 && i + 2 < s.size() && (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80) {
      cp = ((cp & 0x0F) << 12) | (static_cast<char32_t>(s[i + 1] & 0x3F) << 6) | static_cast<char32_t>(s[i + 2] & 0x3F);
      if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) i += 3;
      else cp = utf8::next(s, &i);
    } else {
      cp = utf8::next(s, &i);
    }
    if (cp == 0) continue;
    if (utf8::is_space(cp) || cp < 0x20) {
      pending_space = true;
      continue;
    }
    char32_t was = cp;
    if (map_chars) {
      cp = fold_punct(cp);
      if (cp < 0x10000 && (*table)[cp]) cp = (*table)[cp];
    }
    if (!keep(cp)) continue;
    if (pending_space && !out->empty()) out->push_back(' ');
    pending_space = false;
    if constexpr (std::is_same_v<Out, std::u32string>) {
      out->push_back(cp);
    } else if (cp == was && cp != 0xFFFD) {
      out->append(s.data() + start, i - start);  // kept as it is: its bytes, not re-encoded
    } else {
      utf8::append(out, cp);
    }
  }
}

template <typename Keep>
std::string fold(std::string_view s, bool map_chars, Keep keep) {
  std::string out;
  out.reserve(s.size());
  fold_into(s, map_chars, keep, &out);
  return out;
}

}  // namespace

char32_t to_simplified(char32_t cp) {
  const auto& table = simplified_table();
  return cp < 0x10000 && table[cp] ? table[cp] : cp;
}

std::string simplified_view(std::string_view printed) {
  const auto& table = simplified_table();
  std::string out;
  out.reserve(printed.size());
  for (size_t i = 0; i < printed.size();) {
    size_t start = i;
    char32_t cp = utf8::next(printed, &i);
    char32_t to = cp < 0x10000 && table[cp] ? table[cp] : cp;
    // Only a mapping of the same encoded length keeps every byte offset.
    size_t len = to < 0x80 ? 1 : to < 0x800 ? 2 : to < 0x10000 ? 3 : 4;
    if (to != cp && cp != 0xFFFD && len == i - start) utf8::append(&out, to);
    else out.append(printed.data() + start, i - start);
  }
  return out;
}

std::string normalize(std::string_view s) {
  return fold(s, true, [](char32_t) { return true; });
}

std::u32string normalize_code_points(std::string_view s) {
  std::u32string out;
  out.reserve(s.size() / 2);
  fold_into(s, true, [](char32_t) { return true; }, &out);
  return out;
}

std::string compact(std::string_view s) {
  std::string n = fold(s, true, [](char32_t cp) { return !utf8::is_punct(cp); });
  std::string out;
  out.reserve(n.size());
  for (char c : n)
    if (c != ' ') out.push_back(c);
  return out;
}

std::string clean_space(std::string_view s) {
  return fold(s, false, [](char32_t) { return true; });
}

}  // namespace credcheck
