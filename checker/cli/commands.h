// The subcommands. Each registers its options on a CLI11 subcommand and returns the
// function that runs it once the command line is parsed.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <iosfwd>
#include <string>

#include "checker/fetch/feed_inputs.h"
#include "checker/fetch/fetcher.h"

namespace credcheck {

struct Streams {
  std::istream& in;
  std::ostream& out;
  std::ostream& err;
};

using Runner = std::function<int(Streams&)>;

// Network options shared by every command that reads inputs.
void add_fetch_options(CLI::App* cmd, FetchOptions* options, int* jobs);
// --concurrency, --per-host, --host-interval, --retries, --ignore-robots, --user-agent,
// --proxy, -H, --cacert, --cookie-file (network_options.cc); add_fetch_options calls it.
void add_network_options(CLI::App* cmd, FetchOptions* options);

// --sitemap, --feed, --since: sitemaps and feeds expanded into their pages (feed_inputs.h).
void add_feed_options(CLI::App* cmd, FeedOptions* options);

// --page-memory, --page-seconds, --parse-in-process: the page workers' limits. Once the
// command line is parsed they configure the process's page workers (one per job). The
// returned function configures them again (after a config file set more options).
std::function<void()> add_page_options(CLI::App* cmd, const int* jobs);

Runner add_extract_command(CLI::App* app);
Runner add_scan_command(CLI::App* app);
Runner add_rules_command(CLI::App* app);
// `rules draft`, added under `rules` (its subcommand in *cmd).
Runner add_rules_draft_command(CLI::App* rules, CLI::App** cmd);
Runner add_report_command(CLI::App* app);
Runner add_index_command(CLI::App* app);

}  // namespace credcheck
