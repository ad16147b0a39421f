// WarcReader over any bytes (plain or gzipped): never crashes or hangs, every record it
// hands on is a page or carries an error, keys name the file, bodies stay under the cap,
// and the counts add up.
#include <cstdint>
#include <sstream>

#include "checker/fetch/warc.h"
#include "fuzz/fuzz_util.h"

using namespace credcheck;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::istringstream in(std::string(fuzz::bytes(data, size)));
  WarcLimits limits;
  limits.max_body_bytes = 4096;
  limits.max_header_bytes = 1024;
  WarcReader reader(in, "f.warc", limits);
  size_t handed = 0, errors = 0;
  fuzz::within_budget("reading the WARC", [&] {
    for (WarcRecord r; reader.next(&r); ++handed) {
      fuzz::require(r.key.rfind("f.warc#", 0) == 0, "record keys start with the file name");
      fuzz::require(r.error.empty() || r.body.empty(), "an error record has no body");
      fuzz::require(r.body.size() <= limits.max_body_bytes, "bodies stay under the cap");
      fuzz::require(r.error.empty() ? r.type == "response" || r.type == "resource" : true,
                    "pages come from response and resource records");
      fuzz::require(fuzz::valid_utf8(r.error), "errors are valid UTF-8");
      errors += !r.error.empty();
      fuzz::require(handed <= size, "no more records than bytes");
    }
    return 0;
  });
  const WarcCounts& c = reader.counts();
  fuzz::require(c.pages + c.damaged == handed, "every record handed on is a page or damaged");
  fuzz::require(c.damaged == errors, "damaged records carry errors");
  fuzz::require(c.pages + c.damaged + c.not_html + c.other == c.records, "the counts add up");
  return 0;
}
