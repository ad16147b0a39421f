#include "checker/cli/cli.h"

#include <algorithm>
#include <iostream>
#include <thread>

#include "checker/cli/commands.h"
#include "checker/cli/exit_status.h"
#include "checker/cli/option_values.h"

namespace credcheck {

// Bounds past which a value is a mistake, not a wish: curl takes the timeout in
// milliseconds as a long, and a page is read whole into memory.
constexpr double kMaxTimeoutSeconds = 24 * 3600;
constexpr uint64_t kMaxPageBytes = uint64_t{1} << 30;
constexpr int kMaxJobs = 256;

void add_fetch_options(CLI::App* cmd, FetchOptions* options, int* jobs) {
  add_seconds_option(cmd, "--timeout", &options->timeout_s,
                     "Time allowed for each fetch: 30 (seconds), 30s, 500ms, 2m; at most 24h",
                     kMaxTimeoutSeconds);
  cmd->add_flag("--allow-private", options->allow_private,
                "Allow loopback and private addresses (refused by default)");
  add_bytes_option(cmd, "--max-bytes", &options->max_bytes,
                   "Largest page accepted: bytes, or K, M, G (1024-based: 1M = 1048576); "
                   "at most 1G",
                   kMaxPageBytes);
  *jobs = static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 1u,
                                      static_cast<unsigned>(kMaxJobs)));
  add_count_option(cmd, "-j,--jobs", jobs,
                   "Pages parsed in parallel, 1 to 256 (default: the number of cores)", 1,
                   kMaxJobs);
  add_network_options(cmd, options);
}

namespace {

// always_capture_default() shows an empty list as "=[]": nothing worth showing.
void hide_empty_list_defaults(CLI::App* app) {
  for (CLI::Option* opt : app->get_options())
    if (opt->get_default_str() == "[]") opt->default_str("");
  for (CLI::App* sub : app->get_subcommands({})) hide_empty_list_defaults(sub);
}

}  // namespace

int run_cli(int argc, char** argv, std::istream& in, std::ostream& out, std::ostream& err) {
  CLI::App app{"credcheck: checks that republished news pages credit their source as the "
               "publisher's copyright notice demands"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("credcheck ") + kVersion);
  // Every option's help shows its default ("--format=json"); inherited by subcommands.
  app.option_defaults()->always_capture_default();

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
  hide_empty_list_defaults(&app);

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
