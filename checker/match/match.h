// Candidate -> the publisher's original it copies, by text fingerprints.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "checker/page/fields.h"

namespace credcheck {

// Sorted, unique hashes (xxhash64) of every 5-character shingle of the text's Han,
// letter and digit characters after normalize() (so traditional matches simplified and
// spacing or punctuation changes do not matter).
struct Fingerprint {
  std::vector<uint64_t> shingles;
};

Fingerprint fingerprint(std::string_view text);

// |a ∩ b| / |a|: how much of a is found in b. 0 when a is empty.
double containment(const Fingerprint& a, const Fingerprint& b);

// A publisher's original, ready to be matched.
struct Original {
  std::string input;  // where it was read from
  std::string url;
  Fields fields;
  Fingerprint print;
};

struct Match {
  const Original* original = nullptr;  // null when none reaches the threshold
  double similarity = 0;               // of the best original, even below the threshold
  const Original* best = nullptr;      // the best original, even below the threshold
};

// The similarity of a candidate to an original is the larger of the two containments
// (a partial excerpt is contained in the original; a page with a long sidebar contains
// the original), so both excerpts and pages with boilerplate match.
double similarity(const Fingerprint& candidate, const Fingerprint& original);

// Picks the original the candidate's text matches best. `threshold` is the lowest
// similarity that counts as a copy.
Match best_match(const Fingerprint& candidate, const std::vector<Original>& originals,
                 double threshold = 0.5);

}  // namespace credcheck
