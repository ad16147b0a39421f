// --shard K/N and --shards N (scan): which share of the inputs this process scans.
#pragma once

#include <CLI/CLI.hpp>

#include <string>

#include "checker/fetch/shard.h"

namespace credcheck {

struct ShardOptions {
  std::string shard;   // --shard K/N
  std::string shards;  // --shards N: K from the environment
};

void add_shard_options(CLI::App* cmd, ShardOptions* options);

// The shard to scan (count 1 when neither option is given); false with *err, in words,
// when the options or the environment are wrong.
bool resolve_shard(const ShardOptions& options, Shard* shard, std::string* err);

}  // namespace credcheck
