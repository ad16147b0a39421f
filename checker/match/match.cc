#include "checker/match/match.h"

#include <xxhash.h>

#include <algorithm>

#include "checker/text/normalize.h"
#include "checker/text/utf8.h"

namespace credcheck {
namespace {

constexpr size_t kShingle = 5;  // characters; short enough for Chinese phrases to repeat

// Winnowing window, in shingles: the smallest hash of every window of kWindow
// consecutive shingles is a mark. Any text the page shares with an original in a run of
// kWindow + kShingle - 1 = 28 characters or more is guaranteed a common mark (a
// sentence or two), and about 2 / (kWindow + 1) = 8% of shingles are marks, so the
// index holds ~80 postings for an article of 1,000 characters. MinHash with LSH bands
// was the alternative; it estimates resemblance (Jaccard), which falls to 0.3 or below
// for an excerpt of a third or a page wrapped in as much text again, so it would need
// many more bands to find exactly the copies that matter here. Winnowed marks find
// containment directly.
constexpr size_t kWindow = 24;

bool is_word_char(char32_t cp) {
  return utf8::is_han(cp) || (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
         (cp >= 'A' && cp <= 'Z');
}

void sort_unique(std::vector<uint64_t>* v) {
  std::sort(v->begin(), v->end());
  v->erase(std::unique(v->begin(), v->end()), v->end());
}

// sort_unique() for a page's or an original's shingle hashes, in about linear time:
// xxhash spreads them evenly, so one pass into about n buckets by their top bits leaves
// about one hash per bucket to put in order. A crowded bucket (one shingle repeated all
// through a page, or text made to collide) is sorted with std::sort, so no text costs
// more than n log n. (A candidate original is fingerprinted for every page it might
// match; std::sort was a third of that.)
void sort_unique_hashes(std::vector<uint64_t>* v) {
  const size_t n = v->size();
  if (n < 64) return sort_unique(v);
  int bits = 1;
  while ((size_t{1} << bits) < n && bits < 24) ++bits;
  std::vector<uint32_t> start((size_t{1} << bits) + 1, 0);
  for (uint64_t h : *v) ++start[(h >> (64 - bits)) + 1];
  for (size_t b = 1; b < start.size(); ++b) start[b] += start[b - 1];
  std::vector<uint64_t> out(n);
  std::vector<uint32_t> at(start.begin(), start.end() - 1);
  for (uint64_t h : *v) out[at[h >> (64 - bits)]++] = h;
  for (size_t b = 0; b + 1 < start.size(); ++b) {
    auto first = out.begin() + start[b], last = out.begin() + start[b + 1];
    if (last - first <= 16) {
      for (auto i = first + (first != last); i < last; ++i)
        for (auto j = i; j > first && *(j - 1) > *j; --j) std::iter_swap(j - 1, j);
    } else {
      std::sort(first, last);
    }
  }
  out.erase(std::unique(out.begin(), out.end()), out.end());
  *v = std::move(out);
}

size_t common_count(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  size_t common = 0;
  auto i = a.begin(), j = b.begin();
  while (i != a.end() && j != b.end()) {
    if (*i < *j) ++i;
    else if (*j < *i) ++j;
    else ++common, ++i, ++j;
  }
  return common;
}

}  // namespace

namespace {

// The shingle hashes of `text` in order, and its marks (sorted, unique).
std::vector<uint64_t> shingle_sequence(std::string_view text, std::vector<uint64_t>* marks) {
  // Keep only word characters: spacing, punctuation and markup left in the text never
  // break a shingle.
  std::u32string cps = normalize_code_points(text);
  size_t n = 0;
  for (char32_t cp : cps)
    if (is_word_char(cp)) cps[n++] = cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
  cps.resize(n);
  std::vector<uint64_t> seq;
  if (n < kShingle) return seq;
  seq.reserve(n - kShingle + 1);
  for (size_t i = 0; i + kShingle <= n; ++i)
    seq.push_back(XXH3_64bits(cps.data() + i, kShingle * sizeof(char32_t)));
  // Winnowing in linear time: the window's minimum is kept and rescanned only when it
  // slides out (it changes about every kWindow / 2 shingles, so rescans cost ~2 per
  // shingle, against kWindow for a scan of every window). A text shorter than one
  // window still gets its smallest hash as a mark.
  size_t width = std::min(kWindow, seq.size());
  size_t windows = seq.size() - width + 1;
  marks->reserve(windows * 2 / kWindow + 2);
  size_t min_at = 0;
  for (size_t k = 1; k < width; ++k)
    if (seq[k] <= seq[min_at]) min_at = k;
  marks->push_back(seq[min_at]);
  for (size_t w = 1; w < windows; ++w) {
    size_t last = w + width - 1;
    if (min_at < w) {
      min_at = w;
      for (size_t k = w + 1; k <= last; ++k)
        if (seq[k] <= seq[min_at]) min_at = k;
    } else if (seq[last] <= seq[min_at]) {
      min_at = last;
    }
    if (seq[min_at] != marks->back()) marks->push_back(seq[min_at]);
  }
  sort_unique(marks);
  return seq;
}

}  // namespace

Fingerprint fingerprint(std::string_view text) {
  Fingerprint fp;
  fp.shingles = shingle_sequence(text, &fp.marks);
  sort_unique_hashes(&fp.shingles);
  return fp;
}

Fingerprint fingerprint_marks(std::string_view text) {
  Fingerprint fp;
  shingle_sequence(text, &fp.marks);
  return fp;
}

double containment(const Fingerprint& a, const Fingerprint& b) {
  if (a.shingles.empty()) return 0;
  return static_cast<double>(common_count(a.shingles, b.shingles)) /
         static_cast<double>(a.shingles.size());
}

double similarity(const Fingerprint& candidate, const Fingerprint& original) {
  return std::max(containment(candidate, original), containment(original, candidate));
}

Overlap overlap(const Fingerprint& page, std::shared_ptr<const Original> original) {
  Overlap o;
  const Fingerprint& op = original->print;
  o.shared = common_count(page.shingles, op.shingles);
  if (!page.shingles.empty())
    o.page_in_original = static_cast<double>(o.shared) / static_cast<double>(page.shingles.size());
  if (!op.shingles.empty())
    o.original_in_page = static_cast<double>(o.shared) / static_cast<double>(op.shingles.size());
  o.similarity = std::max(o.page_in_original, o.original_in_page);
  o.original = std::move(original);
  o.copy = is_copy(o);
  return o;
}

bool is_copy(const Overlap& o) {
  // 0.25 of the original: an excerpt of "about a third" loses a few shingles at each
  // cut and to edits, so a third of the characters measures 0.28-0.33. 0.5 of the page:
  // a page whose own words outweigh what it shares is commentary or quotation.
  return o.shared >= kMinSharedShingles && (o.original_in_page >= 0.25 || o.page_in_original >= 0.5);
}

bool best_match(const Fingerprint& page, OriginalSet& originals, Match* match, std::string* err) {
  *match = Match{};
  // Candidate lookup: count, per original, the page's marks it shares (the ids sorted,
  // each run's length: no node allocated per original, as a hash map did).
  std::vector<int64_t> ids;
  if (!originals.postings_of(page.marks, kCommonMark, &ids, err)) return false;
  std::sort(ids.begin(), ids.end());
  std::vector<std::pair<size_t, int64_t>> ranked;
  for (size_t i = 0, j; i < ids.size(); i = j) {
    for (j = i + 1; j < ids.size() && ids[j] == ids[i];) ++j;
    ranked.emplace_back(j - i, ids[i]);
  }
  size_t keep = std::min(ranked.size(), kCandidates);
  // Most shared marks first; ties by id so the choice does not depend on hash order.
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<long>(keep), ranked.end(),
                    [](const auto& a, const auto& b) {
                      return a.first != b.first ? a.first > b.first : a.second < b.second;
                    });
  // Exact containment on the few candidates. Past the first, a candidate sharing under
  // a quarter of the leader's marks (or a single one) is chance: a copy's own original
  // shares most of the page's marks, and originals copied about equally share about as
  // many. Skipping them saves a row read and a fingerprint each.
  std::vector<Overlap> scored;
  for (size_t i = 0; i < keep; ++i) {
    if (i > 0 && ranked[i].first < std::max<size_t>(2, ranked[0].first / 4)) break;
    std::shared_ptr<const Original> o;
    if (!originals.load(ranked[i].second, &o, err)) return false;
    scored.push_back(overlap(page, std::move(o)));
  }
  std::stable_sort(scored.begin(), scored.end(), [](const Overlap& a, const Overlap& b) {
    if (a.copy != b.copy) return a.copy;
    if (a.similarity != b.similarity) return a.similarity > b.similarity;
    return a.original->input < b.original->input;
  });
  if (scored.empty()) return true;
  match->best = scored.front();
  if (!match->best.copy) return true;
  // About equally: within a tenth of the best similarity, and sharing about as many
  // shingles. One copied original that quotes another scores far apart from it.
  for (const Overlap& o : scored)
    if (o.copy && o.similarity >= match->best.similarity * 0.9 &&
        o.shared * 10 >= match->best.shared * 9)
      match->tied.push_back(o);
  if (match->tied.size() == 1) {
    match->tied.clear();
    match->original = match->best.original;
  }
  return true;
}

bool OriginalSet::postings_of(const std::vector<uint64_t>& marks, size_t cap, std::vector<int64_t>* ids,
                              std::string* err) {
  bool common = false;
  for (uint64_t mark : marks)
    if (!postings(mark, cap, ids, &common, err)) return false;
  return true;
}

MemoryOriginals::MemoryOriginals(std::vector<Original> originals) {
  for (Original& o : originals) add(std::move(o));
}

void MemoryOriginals::add(Original original) {
  int64_t id = static_cast<int64_t>(originals_.size());
  for (uint64_t mark : original.print.marks) index_.emplace_back(mark, id);
  originals_.push_back(std::make_shared<const Original>(std::move(original)));
  sorted_ = false;
}

bool MemoryOriginals::postings(uint64_t mark, size_t cap, std::vector<int64_t>* ids, bool* common, std::string*) {
  if (!sorted_) {
    // Sorted on first lookup, not per add: a directory of originals loads in linear time.
    std::lock_guard lock(sort_mu_);
    if (!sorted_) {
      std::sort(index_.begin(), index_.end());
      sorted_ = true;
    }
  }
  auto first = std::lower_bound(index_.begin(), index_.end(), std::make_pair(mark, int64_t{0}));
  auto last = first;
  while (last != index_.end() && last->first == mark && static_cast<size_t>(last - first) <= cap) ++last;
  *common = static_cast<size_t>(last - first) > cap;
  if (!*common)
    for (; first != last; ++first) ids->push_back(first->second);
  return true;
}

bool MemoryOriginals::load(int64_t id, std::shared_ptr<const Original>* out, std::string* err) {
  if (id < 0 || static_cast<size_t>(id) >= originals_.size()) {
    *err = "no original with id " + std::to_string(id);
    return false;
  }
  *out = originals_[static_cast<size_t>(id)];
  return true;
}

bool JoinedOriginals::postings(uint64_t mark, size_t cap, std::vector<int64_t>* ids, bool* common,
                               std::string* err) {
  std::vector<int64_t> a, b;
  if (!a_->postings(mark, cap, &a, common, err)) return false;
  if (*common) return true;
  if (!b_->postings(mark, cap, &b, common, err)) return false;
  *common = *common || a.size() + b.size() > cap;
  if (*common) return true;
  for (int64_t id : a) ids->push_back(id * 2);
  for (int64_t id : b) ids->push_back(id * 2 + 1);
  return true;
}

bool JoinedOriginals::load(int64_t id, std::shared_ptr<const Original>* out, std::string* err) {
  return (id % 2 == 0 ? a_ : b_)->load(id / 2, out, err);
}

}  // namespace credcheck
