// The page workers' options, shared by every command that reads pages.
#include <cmath>
#include <memory>

#include "checker/cli/commands.h"
#include "checker/page/page_workers.h"

namespace credcheck {

void add_page_options(CLI::App* cmd, const int* jobs) {
  auto o = std::make_shared<PageWorkerOptions>();
  auto memory = std::make_shared<size_t>(o->memory_bytes);
  cmd->add_option("--page-memory", *memory,
                  "Address space each page may use while parsed, e.g. 512MiB (default 1GiB)")
      ->transform(CLI::AsSizeValue(false))
      ->check(CLI::Range(size_t{64} << 20, size_t{1} << 40), "64MiB to 1TiB");
  cmd->add_option("--page-seconds", o->seconds, "CPU seconds each page may take to parse (default 10)")
      ->check(CLI::Validator(
          [](std::string& s) -> std::string {
            double v = std::strtod(s.c_str(), nullptr);
            return std::isfinite(v) && v >= 0.01 && v <= 3600 ? "" : "expected 0.01 to 3600 seconds";
          },
          "SECONDS"));
  cmd->add_flag("--parse-in-process", [o](int64_t) { o->isolated = false; },
                "Parse pages in this process, without the page limits (debugging)");
  cmd->parse_complete_callback([o, memory, jobs] {
    o->memory_bytes = *memory;
    o->workers = *jobs;
    configure_page_workers(*o);
  });
}

}  // namespace credcheck
