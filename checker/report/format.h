// Report formats by name: each writes the same results its own way.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "checker/report/json.h"

namespace credcheck {

// Names of the formats `--format` accepts, in the order `--help` lists them.
std::vector<std::string> report_formats();

// Writes the report in `format`. Returns false with *err for an unknown format.
bool write_report(const std::string& format, const ReportHeader& header,
                  const std::vector<Result>& results, std::ostream& out, std::string* err);

}  // namespace credcheck
