// Bytes of a page -> UTF-8, whatever the page declares.
#pragma once

#include <string>
#include <string_view>

namespace credcheck {

struct Decoded {
  std::string text;     // valid UTF-8; undecodable bytes became U+FFFD
  std::string charset;  // canonical lower-case name of what was used: "utf-8", "gb18030", "big5", …
  std::string source;   // where it came from: "bom", "header", "meta", "detected", "default"
};

// Order: BOM, then the charset of `content_type`, then a <meta charset> or
// <meta http-equiv=Content-Type> anywhere in the first 64 KiB (real pages put it past
// byte 1024), then uchardet. A declared charset is used only if a trial decode of the
// page succeeds (pages declare gb2312 and are UTF-8); gb2312/gbk/x-gbk/cp936 decode as
// GB18030. Never fails: the last resort is UTF-8 with replacement characters.
Decoded decode_html(std::string_view bytes, std::string_view content_type);

}  // namespace credcheck
