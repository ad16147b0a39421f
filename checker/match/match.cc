#include "checker/match/match.h"

#include <xxhash.h>

#include <algorithm>

#include "checker/text/normalize.h"
#include "checker/text/utf8.h"

namespace credcheck {
namespace {

constexpr size_t kShingle = 5;  // characters; short enough for Chinese phrases to repeat

bool is_word_char(char32_t cp) {
  return utf8::is_han(cp) || (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
         (cp >= 'A' && cp <= 'Z');
}

}  // namespace

Fingerprint fingerprint(std::string_view text) {
  std::string norm = normalize(text);
  // Keep only word characters, as code points: spacing, punctuation and markup left in
  // the text never break a shingle.
  std::vector<char32_t> cps;
  cps.reserve(norm.size() / 2);
  for (size_t i = 0; i < norm.size();) {
    char32_t cp = utf8::next(norm, &i);
    if (is_word_char(cp)) cps.push_back(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
  }
  Fingerprint fp;
  if (cps.size() < kShingle) return fp;
  fp.shingles.reserve(cps.size() - kShingle + 1);
  for (size_t i = 0; i + kShingle <= cps.size(); ++i)
    fp.shingles.push_back(XXH3_64bits(cps.data() + i, kShingle * sizeof(char32_t)));
  std::sort(fp.shingles.begin(), fp.shingles.end());
  fp.shingles.erase(std::unique(fp.shingles.begin(), fp.shingles.end()), fp.shingles.end());
  return fp;
}

double containment(const Fingerprint& a, const Fingerprint& b) {
  if (a.shingles.empty()) return 0;
  size_t common = 0;
  auto i = a.shingles.begin(), j = b.shingles.begin();
  while (i != a.shingles.end() && j != b.shingles.end()) {
    if (*i < *j) ++i;
    else if (*j < *i) ++j;
    else ++common, ++i, ++j;
  }
  return static_cast<double>(common) / static_cast<double>(a.shingles.size());
}

double similarity(const Fingerprint& candidate, const Fingerprint& original) {
  return std::max(containment(candidate, original), containment(original, candidate));
}

Match best_match(const Fingerprint& candidate, const std::vector<Original>& originals,
                 double threshold) {
  Match m;
  for (const Original& o : originals) {
    double s = similarity(candidate, o.print);
    if (!m.best || s > m.similarity) {
      m.best = &o;
      m.similarity = s;
    }
  }
  if (m.best && m.similarity >= threshold) m.original = m.best;
  return m;
}

}  // namespace credcheck
