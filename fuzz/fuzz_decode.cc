// decode_html over any bytes: never crashes, always hands on valid UTF-8 and names the
// charset and where it came from. Input: "Content-Type value\nbody bytes".
#include <cstdint>

#include "checker/decode/decode.h"
#include "fuzz/fuzz_util.h"

using namespace credcheck;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto in = fuzz::split_first_line(fuzz::bytes(data, size));
  Decoded d = decode_html(in.body, in.header);
  fuzz::require(fuzz::valid_utf8(d.text), "decode_html text is valid UTF-8");
  fuzz::require(!d.charset.empty(), "decode_html names a charset");
  static const char* const kSources[] = {"bom", "header", "meta", "detected", "default"};
  bool known = false;
  for (const char* s : kSources) known = known || d.source == s;
  fuzz::require(known, "decode_html source is bom|header|meta|detected|default");
  return 0;
}
