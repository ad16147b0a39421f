// Where a page says (or shows) what charset it is in. Private to checker/decode.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace credcheck {

// The charset name of a byte order mark at the start ("utf-8", "utf-16le",
// "utf-16be") and its length in *bom_len; empty when there is none.
std::string sniff_bom(std::string_view bytes, size_t* bom_len);

// The charset label of a Content-Type value ("text/html; charset=GBK" -> "GBK");
// empty when there is none.
std::string sniff_header(std::string_view content_type);

// The labels of <meta charset=...> and <meta http-equiv="Content-Type"
// content="...; charset=..."> tags in the first 64 KiB, in document order, at most
// `max_labels` of them. Any case and quoting; works on raw bytes in any ASCII-compatible
// charset.
std::vector<std::string> sniff_meta(std::string_view bytes, size_t max_labels = 16);

// uchardet's guess over the first 256 KiB ("GB18030", "UTF-8", "ASCII"); empty when unsure.
std::string detect_charset(std::string_view bytes);

}  // namespace credcheck
