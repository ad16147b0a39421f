// Which share of the inputs this process scans: `--shard K/N`, or K from the engine's
// environment with `--shards N` (a Slurm job array, a Kubernetes indexed job). An input
// belongs to shard hash(spec) mod N, so every process agrees without talking to the
// others, and a list in another order lands in the same shards.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

namespace credcheck {

struct Shard {
  uint64_t index = 0;  // K, from 0 to count - 1
  uint64_t count = 1;  // N; 1 means no sharding
  bool active() const { return count > 1 || index != 0; }
  std::string name() const { return std::to_string(index) + "/" + std::to_string(count); }
};

// At most this many shards: past it a typo, not a plan.
constexpr uint64_t kMaxShards = 1'000'000;

// "K/N" with 0 <= K < N <= kMaxShards. *err says what was wrong, in words.
bool parse_shard(const std::string& text, Shard* shard, std::string* err);

// `--shards N`: K from JOB_COMPLETION_INDEX (Kubernetes indexed job), else
// SLURM_ARRAY_TASK_ID minus SLURM_ARRAY_TASK_MIN (a Slurm array need not start at 0);
// a Slurm array's SLURM_ARRAY_TASK_COUNT must equal N and its step be 1. `getenv`
// is a parameter so tests give their own environment.
bool shard_from_environment(uint64_t count, const std::function<const char*(const char*)>& getenv,
                            Shard* shard, std::string* err);

// The shard `key` (an input's spec; a WARC file's path for all its records) belongs to.
uint64_t shard_of(const std::string& key, uint64_t count);

}  // namespace credcheck
