// A page end to end up to its fields: decode_html, parse_html, extract_fields. Never
// crashes or hangs, and every field is valid UTF-8 (reports write them as JSON).
// Input: "Content-Type value\nbody bytes".
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "checker/decode/decode.h"
#include "checker/page/extract.h"
#include "checker/page/html.h"
#include "fuzz/fuzz_util.h"

using namespace credcheck;

namespace {

bool fields_valid(const Fields& f) {
  using fuzz::all_valid_utf8;
  using fuzz::valid_utf8;
  bool ok = valid_utf8(f.title) && all_valid_utf8(f.source_lines) && all_valid_utf8(f.sources) &&
            all_valid_utf8(f.bylines) && all_valid_utf8(f.authors) &&
            all_valid_utf8(f.editors) && valid_utf8(f.canonical) && valid_utf8(f.published) &&
            valid_utf8(f.text) && (!f.original_title || valid_utf8(*f.original_title));
  for (const auto& m : f.media_credits)
    ok = ok && (m.kind == "image" || m.kind == "video") && valid_utf8(m.credit) &&
         valid_utf8(m.near) && valid_utf8(m.src);
  return ok;
}

// The fields, or nothing when parse_html refused the page.
std::optional<Fields> read_page(std::string_view input) {
  auto in = fuzz::split_first_line(input);
  Decoded d = decode_html(in.body, in.header);
  pugi::xml_document doc;
  std::string err;
  if (!parse_html(d.text, &doc, &err)) {
    fuzz::require(!err.empty(), "a refused page says why");
    return std::nullopt;
  }
  return extract_fields(doc);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto fields = fuzz::within_budget("decode + parse + extract",
                                    [&] { return read_page(fuzz::bytes(data, size)); });
  if (fields)
    fuzz::require(fields_valid(*fields),
                  "every extracted field is valid UTF-8, media kind image|video");
  return 0;
}
