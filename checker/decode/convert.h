// Byte-level conversion to UTF-8. Private to checker/decode.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace credcheck {

struct Conversion {
  std::string text;     // UTF-8
  size_t errors = 0;    // bytes that could not be decoded (each became U+FFFD)
  bool complete = true; // false: stopped early after more than max_errors errors
};

// Converts `bytes` from charset `from` (an iconv name) to UTF-8 with iconv. A byte that
// does not start a valid sequence, or an incomplete sequence at the end, becomes U+FFFD
// and decoding goes on at the next byte, so the loop always ends. Stops once errors
// exceed `max_errors` (a trial decode passes 0). Returns false if iconv does not know
// `from`.
bool convert_to_utf8(std::string_view bytes, const std::string& from, size_t max_errors,
                     Conversion* out);

struct Utf8Scan {
  size_t errors = 0;     // bytes that are not part of a valid UTF-8 sequence
  size_t multibyte = 0;  // valid sequences of two or more bytes
};

// Checks `bytes` as UTF-8 (with checker/text/utf8.h's rules: no overlongs, surrogates).
Utf8Scan scan_utf8(std::string_view bytes);

}  // namespace credcheck
