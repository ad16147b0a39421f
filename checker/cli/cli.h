#pragma once

#include <iosfwd>

namespace credcheck {

// Runs the command line. Returns the contract's exit code (exit_status.h).
int run_cli(int argc, char** argv, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace credcheck
