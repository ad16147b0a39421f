// `scan --mapper`: credcheck as one task of an engine that splits the inputs itself
// (Hadoop Streaming, Spark RDD.pipe(), GNU parallel --pipe, a Kubernetes indexed job).
// Inputs come as lines on stdin (a URL, file, directory or WARC file; or a JSON object
// {"input": ...}); each result goes to stdout as one JSON line, in input order, as soon
// as it and those before it are done; logs go to stderr.
#pragma once

#include <atomic>
#include <string>

#include "checker/cli/commands.h"
#include "checker/match/match.h"
#include "checker/rules/pack.h"

namespace credcheck {

struct MapperRun {
  std::string base_url;
  FetchOptions fetch;
  int jobs = 1;
  bool quiet = false;
  const std::atomic<bool>* stop = nullptr;  // set by SIGINT/SIGTERM: stop taking lines
};

// The longest line read as an input; a longer one is an unchecked result, not the end.
constexpr size_t kMapperMaxLine = 64 << 10;

// Exit 0 when every line was read and answered (findings and unchecked inputs are data);
// 3 when stdout could not be written or a signal stopped the run.
int run_mapper(const Pack& pack, OriginalSet& originals, const MapperRun& run, Streams& io);

}  // namespace credcheck
