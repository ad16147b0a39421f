// `report --in SHARDS... --inputs INPUT...`: the merged results checked against every
// input the scan was given. The inputs are expanded again as `scan` expands them, which
// is the one record of the batch that exists even when a shard never ran (a manifest
// written by each shard cannot speak for a shard that did not start).
#pragma once

#include <istream>
#include <ostream>
#include <string>
#include <vector>

#include "checker/report/result.h"

namespace credcheck {

struct InputsCheck {
  std::vector<std::string> missing;  // inputs with no result (an unchecked result is added for each)
  std::vector<std::string> doubled;  // results whose input had a result already
  std::vector<std::string> unknown;  // results for inputs not among `args`
};

// Puts `results` in the order of the inputs `args` name (a WARC file's records stay
// together, in the order read) and adds an unchecked result for every input that has
// none. Returns false with *err when the inputs cannot be expanded (a list that is not one).
bool check_against_inputs(const std::vector<std::string>& args, std::istream& in,
                          std::vector<Result>* results, InputsCheck* check, std::string* err);

// Tells a person what the check found; false when the merge must be refused (results
// doubled, or for inputs the scan was not given: shards of different runs).
bool report_inputs_check(const InputsCheck& check, std::ostream& err);

}  // namespace credcheck
