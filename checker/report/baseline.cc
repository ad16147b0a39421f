#include "checker/report/baseline.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "checker/report/json.h"

namespace credcheck {

bool Baseline::load(const std::string& path, std::string* err) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *err = path + ": cannot read";
    return false;
  }
  std::stringstream text;
  text << in.rdbuf();
  if (!load_text(text.str(), err)) {
    *err = path + ": " + *err;
    return false;
  }
  return true;
}

bool Baseline::load_text(const std::string& text, std::string* err) {
  ReportHeader header;
  std::vector<Result> results;
  if (!results_from_json(text, &header, &results, err)) return false;
  for (const Result& r : results)
    for (const Finding& f : r.findings) {
      ++by_input_[r.input][Key{f.rule, f.evidence}];
      ++count_;
    }
  return true;
}

void Baseline::apply(Result* r) const {
  r->baselined = true;
  r->resolved = 0;
  auto it = by_input_.find(r->input);
  std::map<Key, size_t> left;
  if (it != by_input_.end()) left = it->second;
  for (Finding& f : r->findings) {
    auto k = left.find(Key{f.rule, f.evidence});
    if (k != left.end() && k->second > 0) {
      --k->second;
      f.baseline = "known";
    } else {
      f.baseline = "new";
    }
  }
  if (!r->fields) return;  // not read: nothing is known to be gone
  for (const auto& [key, n] : left) {
    const std::string& rule = std::get<0>(key);
    bool unchecked = std::find(r->not_checked.begin(), r->not_checked.end(), rule) != r->not_checked.end();
    if (!unchecked) r->resolved += n;
  }
}

}  // namespace credcheck
