// load_pack over any file: a pack loads, or the call returns false with a
// "path:line:col: ..." message and leaves the Pack untouched; never a crash or an
// exception (libFuzzer reports an escaping exception as a crash).
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "checker/rules/pack.h"
#include "fuzz/fuzz_util.h"

using namespace credcheck;

namespace {

// One temp file per process (under $TMPDIR, else /tmp), rewritten for every input.
// Never destroyed, so the exit handler that removes the file can still read its name.
const std::string& temp_path() {
  static const std::string* path = [] {
    const char* dir = std::getenv("TMPDIR");
    std::string tmpl = std::string(dir && *dir ? dir : "/tmp") + "/fuzz_pack_XXXXXX.yaml";
    int fd = mkstemps(tmpl.data(), 5);
    fuzz::require(fd >= 0, "mkstemps");
    close(fd);
    return new std::string(tmpl);
  }();
  static const bool cleanup = std::atexit([] { std::remove(temp_path().c_str()); }) == 0;
  (void)cleanup;
  return *path;
}

void write_file(const std::string& path, std::string_view bytes) {
  FILE* f = std::fopen(path.c_str(), "wb");
  fuzz::require(f != nullptr, "open temp file");
  fuzz::require(std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size(), "write temp file");
  std::fclose(f);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string& path = temp_path();
  write_file(path, fuzz::bytes(data, size));
  Pack pack;
  std::string err;
  if (load_pack(path, &pack, &err)) {
    fuzz::require(!pack.name.empty() && !pack.publisher.name.empty(),
                  "a loaded pack has a name and a publisher name");
    for (const auto& r : pack.rules) fuzz::require(r != nullptr, "a loaded pack has no null rule");
    return 0;
  }
  fuzz::require(err.rfind(path + ":", 0) == 0, "a pack error starts with \"path:\"");
  fuzz::require(pack.name.empty() && pack.rules.empty() && pack.path.empty(),
                "a refused pack leaves *pack untouched");
  return 0;
}
