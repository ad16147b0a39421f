#include "checker/fetch/shard.h"

#include <xxhash.h>

#include <charconv>

namespace credcheck {
namespace {

// A whole decimal number, nothing else (no sign, no spaces, no "0x").
bool parse_count(const std::string& text, uint64_t* value) {
  if (text.empty() || text.size() > 19) return false;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *value);
  return ec == std::errc() && end == text.data() + text.size();
}

}  // namespace

bool parse_shard(const std::string& text, Shard* shard, std::string* err) {
  size_t slash = text.find('/');
  uint64_t k = 0, n = 0;
  if (slash == std::string::npos || !parse_count(text.substr(0, slash), &k) ||
      !parse_count(text.substr(slash + 1), &n)) {
    *err = "--shard: expected K/N, two whole numbers such as 0/4 (shard K of N, K from 0), got '" +
           text + "'";
    return false;
  }
  if (n == 0 || n > kMaxShards) {
    *err = "--shard " + text + ": N must be from 1 to " + std::to_string(kMaxShards);
    return false;
  }
  if (k >= n) {
    *err = "--shard " + text + ": K counts from 0, so it must be below N (the last of " +
           std::to_string(n) + " shards is " + std::to_string(n - 1) + "/" + std::to_string(n) + ")";
    return false;
  }
  *shard = Shard{k, n};
  return true;
}

bool shard_from_environment(uint64_t count, const std::function<const char*(const char*)>& getenv,
                            Shard* shard, std::string* err) {
  err->clear();
  const std::string n = std::to_string(count);
  if (count == 0 || count > kMaxShards) {
    *err = "--shards " + n + ": N must be from 1 to " + std::to_string(kMaxShards);
    return false;
  }
  auto number = [&](const char* name, uint64_t* value) {
    const char* v = getenv(name);
    if (!v) return false;
    if (!parse_count(v, value)) {
      *err = "--shards " + n + ": " + name + "='" + v + "' is not a whole number";
      return false;
    }
    return true;
  };
  uint64_t k = 0;
  std::string from;
  if (number("JOB_COMPLETION_INDEX", &k)) {
    from = "JOB_COMPLETION_INDEX";
  } else if (!err->empty()) {
    return false;
  } else if (number("SLURM_ARRAY_TASK_ID", &k)) {
    from = "SLURM_ARRAY_TASK_ID";
    uint64_t min = 0, tasks = 0, step = 1;
    if (number("SLURM_ARRAY_TASK_MIN", &min)) {
      if (k < min) {
        *err = "--shards " + n + ": SLURM_ARRAY_TASK_ID is below SLURM_ARRAY_TASK_MIN";
        return false;
      }
      k -= min;
    }
    if (number("SLURM_ARRAY_TASK_STEP", &step) && step != 1) {
      *err = "--shards " + n + ": the Slurm array steps by " + std::to_string(step) +
             "; submit it with a step of 1 (--array=0-" + std::to_string(count - 1) + ")";
      return false;
    }
    if (number("SLURM_ARRAY_TASK_COUNT", &tasks) && tasks != count) {
      *err = "--shards " + n + ": the Slurm array has " + std::to_string(tasks) +
             " tasks; give --shards the same number (or submit --array=0-" +
             std::to_string(count - 1) + ")";
      return false;
    }
    if (!err->empty()) return false;
  } else {
    if (err->empty())
      *err = "--shards " + n + ": no shard index in the environment (SLURM_ARRAY_TASK_ID from "
             "a Slurm job array, JOB_COMPLETION_INDEX from a Kubernetes indexed job); "
             "outside those give --shard K/" + n;
    return false;
  }
  if (k >= count) {
    *err = "--shards " + n + ": " + from + " gives shard " + std::to_string(k) + ", but shards of " +
           n + " count from 0 to " + std::to_string(count - 1);
    return false;
  }
  *shard = Shard{k, count};
  return true;
}

uint64_t shard_of(const std::string& key, uint64_t count) {
  if (count <= 1) return 0;
  return XXH3_64bits(key.data(), key.size()) % count;
}

}  // namespace credcheck
