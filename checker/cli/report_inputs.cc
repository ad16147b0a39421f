#include "checker/cli/report_inputs.h"

#include <algorithm>
#include <unordered_map>

#include "checker/fetch/inputs.h"
#include "checker/fetch/warc.h"

namespace credcheck {

bool check_against_inputs(const std::vector<std::string>& args, std::istream& in,
                          std::vector<Result>* results, InputsCheck* check, std::string* err) {
  ExpandOptions expand;
  expand.empty_directory_is_error = false;  // as scan expands them
  expand.open_warc = false;                 // a WARC file is one input here: its records are not read
  InputSource source(args, in, expand);
  struct Leaf {
    std::string spec;
    bool is_url = false;
    bool warc = false;
    size_t results = 0;
  };
  std::vector<Leaf> leaves;
  std::unordered_map<std::string, std::vector<size_t>> where;  // spec -> positions (a spec may repeat)
  for (Input input; source.next(&input);) {
    bool warc = input.error.empty() && !input.is_url && is_warc_path(input.spec);
    where[input.spec].push_back(leaves.size());
    leaves.push_back(Leaf{input.spec, input.is_url, warc});
  }
  if (!source.error().empty()) {
    *err = "--inputs: " + source.error();
    return false;
  }
  const size_t none = leaves.size();
  std::vector<size_t> position(results->size(), none);
  std::unordered_map<std::string, bool> seen_record;  // WARC records: input "file#offset"
  for (size_t i = 0; i < results->size(); ++i) {
    const std::string& name = (*results)[i].input;
    if (auto it = where.find(name); it != where.end()) {
      for (size_t at : it->second) {
        if (leaves[at].results == 0 && !leaves[at].warc) {
          position[i] = at;
          ++leaves[at].results;
          break;
        }
      }
      if (position[i] == none) check->doubled.push_back(name);
      continue;
    }
    size_t hash = name.rfind('#');
    auto it = hash == std::string::npos ? where.end() : where.find(name.substr(0, hash));
    if (it != where.end() && leaves[it->second.front()].warc) {
      if (seen_record[name]) {
        check->doubled.push_back(name);
        continue;
      }
      seen_record[name] = true;
      position[i] = it->second.front();
      ++leaves[position[i]].results;
      continue;
    }
    check->unknown.push_back(name);
  }
  // Results in input order; one input's results (a WARC file's records) keep their order.
  std::vector<size_t> order(results->size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return position[a] < position[b]; });
  std::vector<Result> sorted;
  sorted.reserve(results->size() + leaves.size());
  size_t next = 0;
  auto add_missing_until = [&](size_t limit) {
    for (; next < limit && next < leaves.size(); ++next) {
      const Leaf& leaf = leaves[next];
      if (leaf.results > 0) continue;
      Result r;
      r.input = leaf.spec;
      r.url = leaf.is_url ? leaf.spec : "";
      r.status = "unchecked";
      r.reason = "no result for this input in the merged files: the shard that holds it did not "
                 "finish, or its file was not given to --in" +
                 std::string(leaf.warc ? " (or the WARC file holds no HTML record)" : "");
      check->missing.push_back(leaf.spec);
      sorted.push_back(std::move(r));
    }
  };
  for (size_t i : order) {
    if (position[i] == none) continue;  // doubled or unknown: reported, not merged
    add_missing_until(position[i]);
    if (next == position[i]) ++next;
    sorted.push_back(std::move((*results)[i]));
  }
  add_missing_until(leaves.size());
  *results = std::move(sorted);
  return true;
}

namespace {

void name_some(const char* what, const std::vector<std::string>& names, std::ostream& err) {
  constexpr size_t kShown = 20;
  err << "credcheck: " << names.size() << " " << what << ":";
  for (size_t i = 0; i < names.size() && i < kShown; ++i) err << (i ? ", " : " ") << names[i];
  if (names.size() > kShown) err << ", and " << names.size() - kShown << " more";
  err << '\n';
}

}  // namespace

bool report_inputs_check(const InputsCheck& check, std::ostream& err) {
  if (!check.missing.empty())
    name_some("inputs have no result (their shard did not finish, or its file is not among --in; "
              "they are reported unchecked)", check.missing, err);
  if (!check.doubled.empty())
    name_some("results doubled (the same input in two files: shards of different runs, or one "
              "file given twice)", check.doubled, err);
  if (!check.unknown.empty())
    name_some("results for inputs that --inputs does not name (scanned with other inputs?)",
              check.unknown, err);
  if (!check.doubled.empty() || !check.unknown.empty()) {
    err << "credcheck: the merge is refused: no report was written\n";
    return false;
  }
  return true;
}

}  // namespace credcheck
