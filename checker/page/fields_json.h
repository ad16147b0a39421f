// The contract's `fields` object as JSON, beside the fields, so `report`, `store` and the
// page workers use one converter without depending on each other.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "checker/page/fields.h"

namespace credcheck {

// The contract's `fields` object (also what `extract` prints, with input/url/charset).
nlohmann::ordered_json fields_json(const Fields& f);

// Reads the `fields` object back (unknown keys ignored, missing ones empty).
Fields fields_from_json(const nlohmann::ordered_json& j);

// The string at `key`, or "" when it is missing or not a string.
std::string json_str(const nlohmann::ordered_json& j, const char* key);

// The strings of the array at `key` (other elements skipped), or none.
std::vector<std::string> json_strings(const nlohmann::ordered_json& j, const char* key);

}  // namespace credcheck
