#include "checker/cli/shard_option.h"

#include <charconv>
#include <cstdlib>

namespace credcheck {

void add_shard_options(CLI::App* cmd, ShardOptions* o) {
  cmd->add_option("--shard", o->shard,
                  "Scan only shard K of N (K from 0): inputs split by a hash of their name, so "
                  "N processes scan each input once; merge with `report --in ... --inputs ...`");
  cmd->add_option("--shards", o->shards,
                  "Scan one of N shards, K from the job engine: SLURM_ARRAY_TASK_ID (Slurm job "
                  "array) or JOB_COMPLETION_INDEX (Kubernetes indexed job)");
}

bool resolve_shard(const ShardOptions& o, Shard* shard, std::string* err) {
  *shard = Shard{};
  if (!o.shard.empty() && !o.shards.empty()) {
    *err = "--shard and --shards: give one (--shard K/N names the shard; --shards N takes K "
           "from the job engine's environment)";
    return false;
  }
  if (!o.shard.empty()) return parse_shard(o.shard, shard, err);
  if (!o.shards.empty()) {
    uint64_t n = 0;
    auto [end, ec] = std::from_chars(o.shards.data(), o.shards.data() + o.shards.size(), n);
    if (ec != std::errc() || end != o.shards.data() + o.shards.size() || n == 0) {
      *err = "--shards: expected the number of shards, a whole number from 1, got '" + o.shards + "'";
      return false;
    }
    return shard_from_environment(n, [](const char* name) { return std::getenv(name); }, shard, err);
  }
  return true;
}

}  // namespace credcheck
