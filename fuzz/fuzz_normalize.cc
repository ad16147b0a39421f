// The one normaliser and the text fingerprint over any bytes: valid UTF-8 out, the
// forms agree with one another, and a fingerprint is sorted, unique and contains itself.
#include <algorithm>
#include <cstdint>
#include <string>

#include "checker/match/match.h"
#include "checker/text/normalize.h"
#include "fuzz/fuzz_util.h"

using namespace credcheck;

namespace {

void check_forms(std::string_view in) {
  std::string n = normalize(in), c = compact(in), s = clean_space(in);
  fuzz::require(fuzz::valid_utf8(n) && fuzz::valid_utf8(c) && fuzz::valid_utf8(s),
                "normalize/compact/clean_space give valid UTF-8");
  fuzz::require(n.find("  ") == std::string::npos && s.find("  ") == std::string::npos,
                "spaces are collapsed");
  fuzz::require(n.empty() || (n.front() != ' ' && n.back() != ' '), "normalize trims");
  fuzz::require(s.empty() || (s.front() != ' ' && s.back() != ' '), "clean_space trims");
  fuzz::require(c.find(' ') == std::string::npos, "compact has no spaces");
  fuzz::require(normalize(n) == n, "normalize is idempotent");
  fuzz::require(compact(n) == c, "compact(normalize(x)) == compact(x)");
}

void check_fingerprint(std::string_view in) {
  Fingerprint f = fingerprint(in);
  fuzz::require(std::adjacent_find(f.shingles.begin(), f.shingles.end(),
                                   [](uint64_t a, uint64_t b) { return a >= b; }) ==
                    f.shingles.end(),
                "shingles are sorted and unique");
  double self = containment(f, f);
  fuzz::require(f.shingles.empty() ? self == 0 : self == 1, "a fingerprint contains itself");
  Fingerprint half = fingerprint(in.substr(0, in.size() / 2));
  double part = similarity(half, f);
  fuzz::require(part >= 0 && part <= 1, "similarity is within [0, 1]");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in = fuzz::bytes(data, size);
  check_forms(in);
  check_fingerprint(in);
  return 0;
}
