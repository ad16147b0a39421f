#include "checker/text/prefilter.h"

#include <algorithm>
#include <numeric>

namespace credcheck {

Prefilter::Prefilter(const std::vector<std::string>& patterns)
    : patterns_(static_cast<int>(patterns.size())) {
  for (const std::string& p : patterns) {
    int id;
    if (filter_.Add(p, RE2::Options(), &id) != RE2::NoError) return;  // no filtering
  }
  filter_.Compile(&atoms_);
  // FilteredRE2 lowercases its atoms, so they are searched ignoring case.
  RE2::Options options;
  options.set_literal(true);
  options.set_case_sensitive(false);
  auto set = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  for (const std::string& a : atoms_)
    if (set->Add(a, nullptr) < 0) return;
  if (!atoms_.empty() && !set->Compile()) return;
  atom_set_ = std::move(set);
}

std::vector<int> Prefilter::candidates(std::string_view text) const {
  std::vector<int> out;
  if (!atom_set_) {
    out.resize(static_cast<size_t>(patterns_));
    std::iota(out.begin(), out.end(), 0);
    return out;
  }
  std::vector<int> matched;
  if (!atoms_.empty()) atom_set_->Match(re2::StringPiece(text.data(), text.size()), &matched);
  filter_.AllPotentials(matched, &out);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace credcheck
