#include "checker/decode/sniff.h"

#include <re2/re2.h>
#include <uchardet/uchardet.h>

#include <algorithm>

namespace credcheck {
namespace {

constexpr size_t kMetaWindow = 64 << 10;
constexpr size_t kDetectWindow = 256 << 10;  // uchardet runs ~2 MB/s on binary junk

RE2::Options latin1_options() {
  RE2::Options o;
  o.set_encoding(RE2::Options::EncodingLatin1);  // bytes, whatever the charset
  o.set_case_sensitive(false);
  o.set_log_errors(false);
  return o;
}

}  // namespace

std::string sniff_bom(std::string_view bytes, size_t* bom_len) {
  static const struct {
    std::string_view mark;
    const char* charset;
  } boms[] = {{"\xEF\xBB\xBF", "utf-8"}, {"\xFF\xFE", "utf-16le"}, {"\xFE\xFF", "utf-16be"}};
  for (const auto& bom : boms) {
    if (bytes.substr(0, bom.mark.size()) == bom.mark) {
      *bom_len = bom.mark.size();
      return bom.charset;
    }
  }
  *bom_len = 0;
  return "";
}

std::string sniff_header(std::string_view content_type) {
  static const RE2 re(R"(charset\s*=\s*["']?\s*([^"'\s;,]+))", latin1_options());
  std::string label;
  RE2::PartialMatch(content_type, re, &label);
  return label;
}

std::vector<std::string> sniff_meta(std::string_view bytes, size_t max_labels) {
  // The first charset= inside each <meta ...> tag: `charset="x"` and
  // `content="text/html; charset=x"` alike.
  static const RE2 re(R"(<meta[\s/][^>]*?charset\s*=\s*["']?\s*([a-z0-9._:\-]+))",
                      latin1_options());
  std::vector<std::string> labels;
  re2::StringPiece window(bytes.data(), std::min(bytes.size(), kMetaWindow));
  std::string label;
  while (labels.size() < max_labels && RE2::FindAndConsume(&window, re, &label)) {
    labels.push_back(label);
  }
  return labels;
}

std::string detect_charset(std::string_view bytes) {
  uchardet_t ud = uchardet_new();
  if (!ud) return "";
  uchardet_handle_data(ud, bytes.data(), std::min(bytes.size(), kDetectWindow));
  uchardet_data_end(ud);
  const char* name = uchardet_get_charset(ud);
  std::string result = name ? name : "";
  uchardet_delete(ud);
  return result;
}

}  // namespace credcheck
