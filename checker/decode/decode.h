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
// whole page succeeds without an error (pages declare gb2312 and are UTF-8);
// gb2312/gbk/x-gbk/cp936 decode as GB18030. A page that is valid UTF-8 and has non-ASCII
// text fails every other charset's trial, and is "utf-8" from "detected" when no
// declaration said UTF-8. Never fails: when no charset decodes cleanly, the one with
// the fewest undecodable bytes wins (a GBK page with one stray byte stays GBK), and the
// last resort is UTF-8 with replacement characters, source "default". A BOM (also one
// decoded from the bytes) is not part of `text`.
Decoded decode_html(std::string_view bytes, std::string_view content_type);

}  // namespace credcheck
