// The one normaliser. Every comparison in credcheck (credit names, titles, bylines,
// text fingerprints) runs over text passed through here; evidence quotes the page as
// it is, never the normalised form.
#pragma once

#include <string>
#include <string_view>

namespace credcheck {

// Folds for comparison: full-width ASCII forms to ASCII, CJK punctuation to its
// ASCII counterpart (：→: ，→, （→( 【→[ 《→< “→" …), U+3000, NBSP and other Unicode
// spaces to ' ', runs of whitespace collapsed to one ' ', trimmed, and traditional
// Chinese characters mapped to simplified (one character to one, from OpenCC's
// tables, built once per process). Invalid UTF-8 becomes U+FFFD. Linear time.
std::string normalize(std::string_view utf8);

// normalize() as code points, for work done per character (text fingerprints): the same
// folds, without encoding the result only to decode it again.
std::u32string normalize_code_points(std::string_view utf8);

// normalize() with every space and punctuation character removed as well: the form
// used to decide whether two names or titles are the same ("西江日报" == "《西江 日報》").
std::string compact(std::string_view utf8);

// A headline's comparable form: compact() of it once what sites wrap around a headline
// is gone: a trailing segment after a separator that names an outlet ("_某某网",
// " - 某县融媒", "|某某客户端"), a short label before a bar ("独家|") and a short label in
// brackets at either end ("【视频】", "（组图）"). Widths, punctuation and 繁/简 fold as in
// compact(). A changed wording stays a different key. (title_key.cc)
std::string title_key(std::string_view title);

// Whitespace only: U+3000, NBSP and other Unicode spaces to ' ', runs collapsed,
// trimmed. Keeps the characters as printed, for evidence and report fields.
std::string clean_space(std::string_view utf8);

// The text in simplified characters, byte for byte the same length: a character whose
// simplified form encodes longer stays as it is. Patterns run over this view and cut
// values out of the printed text at the same offsets, so fields quote the page.
std::string simplified_view(std::string_view printed);

// Traditional -> simplified for one code point (identity when there is no mapping).
char32_t to_simplified(char32_t cp);

}  // namespace credcheck
