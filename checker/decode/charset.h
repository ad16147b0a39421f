// Charset labels, as pages and servers write them, -> the converter decode uses.
// Private to checker/decode.
#pragma once

#include <string>
#include <string_view>

namespace credcheck {

struct Charset {
  std::string name;   // canonical lower-case name, reported as Decoded::charset
  std::string iconv;  // the name iconv_open() knows it by
};

// Looks a label up case-insensitively, ignoring surrounding spaces and quotes. The
// WHATWG label groups map to their encoding: gb2312/gbk/x-gbk/cp936/... -> gb18030
// (a superset that iconv decodes), big5/big5-hkscs/x-x-big5 -> big5 (read as
// BIG5-HKSCS), latin1/ascii/iso-8859-1 -> windows-1252, shift_jis -> CP932, ... Any
// other plain label iconv knows ("koi8-r", "iso-8859-5") is used as it is. Returns
// false for an unknown label, and for UTF-7 and the labels WHATWG maps to its
// "replacement" encoding (they can hide markup).
bool lookup_charset(std::string_view label, Charset* out);

// The UTF-8 charset.
Charset utf8_charset();

}  // namespace credcheck
