// The page workers' options, shared by every command that reads pages.
#include <memory>

#include "checker/cli/commands.h"
#include "checker/cli/option_values.h"
#include "checker/page/page_workers.h"

namespace credcheck {

std::function<void()> add_page_options(CLI::App* cmd, const int* jobs) {
  auto o = std::make_shared<PageWorkerOptions>();
  auto memory = std::make_shared<size_t>(o->memory_bytes);
  // Below 64M a worker cannot start (its binary and libraries need the address space).
  add_bytes_option(cmd, "--page-memory", memory.get(),
                   "Address space each page may use while parsed (64M to 1T)", uint64_t{1} << 40,
                   uint64_t{64} << 20);
  add_seconds_option(cmd, "--page-seconds", &o->seconds,
                     "CPU time each page may take to parse (at most 1h)", 3600);
  cmd->add_flag("--parse-in-process", [o](int64_t) { o->isolated = false; },
                "Parse pages in this process, without the page limits (debugging)");
  auto configure = [o, memory, jobs] {
    o->memory_bytes = *memory;
    o->workers = *jobs;
    configure_page_workers(*o);
  };
  cmd->parse_complete_callback(configure);
  return configure;
}

}  // namespace credcheck
