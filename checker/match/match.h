// Candidate -> the publisher's original it copies, by text fingerprints.
//
// Two steps, the same for originals in memory (--original) and for an index on disk
// (--originals, checker/store): candidate lookup by a sample of the page's shingles (the
// "marks", chosen by winnowing) in an inverted index, then the exact containment of the
// few candidates' shingles. Lookup reads at most kCommonMark postings per mark and
// scores at most kCandidates originals, so a page costs the same against 10 originals
// as against 100,000.
#pragma once

#include <cstdint>
#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "checker/page/fields.h"

namespace credcheck {

// Sorted, unique hashes (xxhash64) of every 5-character shingle of the text's Han,
// letter and digit characters after normalize() (so traditional matches simplified and
// spacing or punctuation changes do not matter), and the marks: the winnowed subset
// (sorted, unique) that keys the inverted index.
struct Fingerprint {
  std::vector<uint64_t> shingles;
  std::vector<uint64_t> marks;
};

Fingerprint fingerprint(std::string_view text);

// The marks alone (shingles left empty): what the index stores, without sorting every
// shingle of an original that `index build` would throw away.
Fingerprint fingerprint_marks(std::string_view text);

// |a ∩ b| / |a|: how much of a is found in b. 0 when a is empty.
double containment(const Fingerprint& a, const Fingerprint& b);

// A publisher's original, ready to be matched.
struct Original {
  std::string input;  // where it was read from
  std::string url;
  Fields fields;
  Fingerprint print;
};

// How a page and one original overlap.
struct Overlap {
  std::shared_ptr<const Original> original;
  size_t shared = 0;              // shingles in both
  double page_in_original = 0;    // share of the page's shingles found in the original
  double original_in_page = 0;    // share of the original's shingles found in the page
  double similarity = 0;          // the larger of the two
  bool copy = false;              // is_copy()
};

Overlap overlap(const Fingerprint& page, std::shared_ptr<const Original> original);

// A copy: the page carries a quarter or more of the original (an excerpt of "about a
// third", wrapped in any amount of other text), or the page is half or more the
// original's text (a short excerpt with little else). Either way at least
// kMinSharedShingles shingles in common, so one quoted sentence or a stock official
// phrase is never a copy by itself.
bool is_copy(const Overlap& o);

// The legacy measure kept for reports: the larger of the two containments.
double similarity(const Fingerprint& candidate, const Fingerprint& original);

struct Match {
  std::shared_ptr<const Original> original;  // null when the page copies no one original
  Overlap best;                              // the closest original, even when no copy
  // When two or more originals are copied about equally (the page shares text that they
  // share, e.g. an announcement several of them carried), the page is not a copy of one
  // of them: `original` is null and these name them, best first.
  std::vector<Overlap> tied;
};

// Where the originals are: in memory (MemoryOriginals) or in an index (checker/store).
class OriginalSet {
 public:
  virtual ~OriginalSet() = default;
  virtual size_t size() const = 0;
  // Appends the ids of the originals that have `mark`, or none and *common = true when
  // more than `cap` have it: a mark too common to tell originals apart.
  virtual bool postings(uint64_t mark, size_t cap, std::vector<int64_t>* ids, bool* common,
                        std::string* err) = 0;
  // postings() of every mark in turn, appended to *ids (a common mark adds none). One
  // call per page, so a set behind a lock takes it once (the index: it was a lock and a
  // wake per mark, with every thread matching pages at once).
  virtual bool postings_of(const std::vector<uint64_t>& marks, size_t cap, std::vector<int64_t>* ids,
                           std::string* err);
  // The original with id `id`, fields and print filled.
  virtual bool load(int64_t id, std::shared_ptr<const Original>* out, std::string* err) = 0;
};

// Marks found in more originals than this are boilerplate (stock phrases, a notice many
// articles carry): they say nothing about which original a page copies, and skipping
// them bounds the work of one lookup however large the archive.
constexpr size_t kCommonMark = 48;
// Originals scored exactly per page: those sharing the most marks with it. A real copy
// shares far more marks with its original than with any other, so it is always ranked
// near the top; 8 leaves room for ties and near-duplicates in the archive.
constexpr size_t kCandidates = 8;
constexpr size_t kMinSharedShingles = 40;

// Picks the original the page copies. False with *err only when the set cannot be read.
bool best_match(const Fingerprint& page, OriginalSet& originals, Match* match, std::string* err);

// Originals held in memory (--original, tests), with the same inverted index of marks.
class MemoryOriginals : public OriginalSet {
 public:
  MemoryOriginals() = default;
  explicit MemoryOriginals(std::vector<Original> originals);
  void add(Original original);
  size_t size() const override { return originals_.size(); }
  bool postings(uint64_t mark, size_t cap, std::vector<int64_t>* ids, bool* common, std::string* err) override;
  bool load(int64_t id, std::shared_ptr<const Original>* out, std::string* err) override;

 private:
  std::vector<std::shared_ptr<const Original>> originals_;
  std::vector<std::pair<uint64_t, int64_t>> index_;  // (mark, id), sorted lazily
  std::mutex sort_mu_;
  std::atomic<bool> sorted_{true};
};

// Two sets as one (an index and --original files together); ids interleave, so a
// lookup reads both sets' postings for each mark.
class JoinedOriginals : public OriginalSet {
 public:
  JoinedOriginals(std::unique_ptr<OriginalSet> a, std::unique_ptr<OriginalSet> b)
      : a_(std::move(a)), b_(std::move(b)) {}
  size_t size() const override { return a_->size() + b_->size(); }
  bool postings(uint64_t mark, size_t cap, std::vector<int64_t>* ids, bool* common, std::string* err) override;
  bool load(int64_t id, std::shared_ptr<const Original>* out, std::string* err) override;

 private:
  std::unique_ptr<OriginalSet> a_, b_;
};

}  // namespace credcheck
