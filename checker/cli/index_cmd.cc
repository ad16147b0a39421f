// credcheck index build: extract the publisher's originals once, for `scan --originals`.
#include <memory>

#include "checker/cli/commands.h"
#include "checker/cli/exit_status.h"
#include "checker/cli/pipeline.h"
#include "checker/store/index.h"

namespace credcheck {

Runner add_index_command(CLI::App* app) {
  struct Options {
    std::string db;
    std::vector<std::string> inputs;
    FetchOptions fetch;
    int jobs = 1;
  };
  auto o = std::make_shared<Options>();
  CLI::App* index = app->add_subcommand("index", "Manage the index of the publisher's originals");
  index->require_subcommand(1);
  CLI::App* build = index->add_subcommand("build", "Add originals to an index (created if missing)");
  build->add_option("--db", o->db, "The index file (SQLite)")->required();
  build->add_option("inputs", o->inputs, "Originals: URL, file, directory, @list.txt, or -")->required();
  add_fetch_options(build, &o->fetch, &o->jobs);
  add_page_options(build, &o->jobs);
  return [o](Streams& io) {
    std::vector<Original> originals;
    std::string err;
    if (!load_originals(o->inputs, "", o->fetch, o->jobs, io.in, &originals, &err) ||
        !store_originals(o->db, originals, &err)) {
      io.err << "credcheck: " << err << '\n';
      return static_cast<int>(kExitUsage);
    }
    io.err << "credcheck: indexed " << originals.size() << " originals in " << o->db << '\n';
    return static_cast<int>(kExitOk);
  };
}

}  // namespace credcheck
