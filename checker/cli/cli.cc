#include "checker/cli/cli.h"

#include <iostream>
#include <thread>

#include "checker/cli/commands.h"
#include "checker/cli/exit_status.h"

namespace credcheck {

void add_fetch_options(CLI::App* cmd, FetchOptions* options, int* jobs) {
  cmd->add_option("--timeout", options->timeout_s, "Seconds allowed for each fetch")
      ->check(CLI::PositiveNumber);
  cmd->add_flag("--allow-private", options->allow_private,
                "Allow loopback and private addresses (refused by default)");
  cmd->add_option("--max-bytes", options->max_bytes, "Largest page accepted, in bytes")
      ->check(CLI::PositiveNumber);
  *jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  cmd->add_option("-j,--jobs", *jobs, "Pages read in parallel")->check(CLI::Range(1, 256));
}

int run_cli(int argc, char** argv, std::istream& in, std::ostream& out, std::ostream& err) {
  CLI::App app{"credcheck: checks that republished news pages credit their source as the "
               "publisher's copyright notice demands"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "credcheck 0.1.0");

  // Subcommands in one table, as ninja keeps its tools.
  struct Command {
    Runner (*add)(CLI::App*);
  };
  static const Command commands[] = {
      {add_scan_command}, {add_extract_command}, {add_rules_command},
      {add_report_command}, {add_index_command},
  };
  std::vector<Runner> runners;
  for (const Command& c : commands) runners.push_back(c.add(&app));

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e, out, err);
    return code == 0 ? kExitOk : kExitUsage;
  }
  Streams streams{in, out, err};
  auto subs = app.get_subcommands();
  for (size_t i = 0; i < app.get_subcommands({}).size(); ++i) {
    CLI::App* sub = app.get_subcommands({})[i];
    if (!subs.empty() && sub == subs.front()) return runners[i](streams);
  }
  return kExitUsage;
}

}  // namespace credcheck
