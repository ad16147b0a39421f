#include "checker/decode/convert.h"

#include <iconv.h>

#include <cerrno>

#include "checker/text/utf8.h"

namespace credcheck {

bool convert_to_utf8(std::string_view bytes, const std::string& from, size_t max_errors,
                     Conversion* out) {
  iconv_t cd = iconv_open("UTF-8", from.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  out->text.clear();
  out->text.reserve(bytes.size() + bytes.size() / 2);
  out->errors = 0;
  out->complete = true;
  char* src = const_cast<char*>(bytes.data());  // iconv's signature; it only reads
  size_t left = bytes.size();
  char buf[1 << 14];
  while (left > 0) {
    char* dst = buf;
    size_t room = sizeof buf;
    const char* before = src;
    size_t r = iconv(cd, &src, &left, &dst, &room);
    int e = errno;
    out->text.append(buf, static_cast<size_t>(dst - buf));
    bool stuck = src == before && dst == buf;
    if (r != static_cast<size_t>(-1) && !stuck) continue;
    if (r == static_cast<size_t>(-1) && e == E2BIG && !stuck) continue;
    // EILSEQ, EINVAL (incomplete at the end) or no progress: skip one byte.
    utf8::append(&out->text, 0xFFFD);
    ++src;
    --left;
    if (++out->errors > max_errors) {
      out->complete = false;
      break;
    }
  }
  char* dst = buf;
  size_t room = sizeof buf;
  iconv(cd, nullptr, nullptr, &dst, &room);  // ends a stateful encoding's shift state
  out->text.append(buf, static_cast<size_t>(dst - buf));
  iconv_close(cd);
  return true;
}

Utf8Scan scan_utf8(std::string_view bytes) {
  Utf8Scan scan;
  for (size_t i = 0; i < bytes.size();) {
    if (static_cast<unsigned char>(bytes[i]) < 0x80) {
      ++i;
      continue;
    }
    size_t start = i;
    utf8::next(bytes, &i);
    if (i - start == 1) ++scan.errors;  // a valid non-ASCII sequence is 2+ bytes
    else ++scan.multibyte;
  }
  return scan;
}

}  // namespace credcheck
