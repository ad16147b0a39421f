// Small UTF-8 helpers shared by every stage.
#pragma once

#include <string>
#include <string_view>

namespace credcheck::utf8 {

// Decodes the code point at s[*i] and advances *i past it. An invalid or truncated
// sequence yields U+FFFD and advances one byte, so a loop over any bytes ends.
char32_t next(std::string_view s, size_t* i);

// Appends cp encoded as UTF-8.
void append(std::string* out, char32_t cp);

// Replaces every invalid sequence with U+FFFD.
std::string sanitize(std::string_view s);

// Number of code points.
size_t length(std::string_view s);

// True for CJK unified ideographs (the characters of names and text).
bool is_han(char32_t cp);

// True for Unicode whitespace, including U+3000 and NBSP.
bool is_space(char32_t cp);

// True for ASCII and CJK/full-width punctuation and symbols.
bool is_punct(char32_t cp);

// `s` with ASCII letters lower-cased (tag, attribute, class and file names, schemes);
// other bytes, UTF-8 included, as they are.
std::string ascii_lower(std::string_view s);

}  // namespace credcheck::utf8
