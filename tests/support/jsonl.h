// JSON helpers shared by the end-to-end tests that read credcheck's reports.
#pragma once

#include <nlohmann/json.hpp>

#include <sstream>
#include <string>
#include <vector>

namespace credcheck::test_support {

// The JSON objects of JSON Lines text; a line that is not JSON (one being written) is skipped.
inline std::vector<nlohmann::json> lines_of(const std::string& text) {
  std::vector<nlohmann::json> out;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (!j.is_discarded()) out.push_back(j);
  }
  return out;
}

// Results without their fetch times, which differ between two runs.
inline nlohmann::json without_times(nlohmann::json results) {
  for (nlohmann::json& r : results) r.erase("fetched_at");
  return results;
}

}  // namespace credcheck::test_support
