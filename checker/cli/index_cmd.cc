// credcheck index build|add|stats|show: the publisher's originals, extracted once, for
// `scan --originals`.
#include <iomanip>
#include <memory>

#include "checker/cli/commands.h"
#include "checker/cli/exit_status.h"
#include "checker/cli/originals.h"
#include "checker/cli/pipeline.h"
#include "checker/page/fields_json.h"
#include "checker/store/index.h"
#include "checker/store/index_queue.h"

namespace credcheck {
namespace {

struct IndexOptions {
  std::string db;
  std::vector<std::string> inputs;
  std::string key;  // index show
  FetchOptions fetch;
  FeedOptions feeds;
  int jobs = 1;
};

// Originals are extracted and fingerprinted in parallel and written in order by the
// writer's own thread as they arrive: the build holds no more than the pages in flight
// and the writer's queue, whatever the archive's size.
int build(const IndexOptions& o, bool must_exist, Streams& io) {
  std::string err;
  if (o.inputs.empty() && o.feeds.sitemaps.empty() && o.feeds.feeds.empty()) {
    io.err << "credcheck: index: give the originals: INPUT..., --sitemap or --feed\n";
    return kExitUsage;
  }
  if (must_exist && !is_index_file(o.db)) {
    io.err << "credcheck: " << o.db << ": no originals index there (create one with `credcheck index build`)\n";
    return kExitUsage;
  }
  QueuedIndexWriter writer;
  bool ok = writer.open(o.db, &err) &&
            for_each_original(o.inputs, o.fetch, o.jobs, io.in,
                              [&](Original&& orig, std::string* e) { return writer.add(std::move(orig), e); },
                              &err, o.feeds, /*marks_only=*/true);
  std::string finish_err;
  // Whatever was read is committed even when a later original fails: the run can be
  // repeated with `index add` and replaces by input.
  bool finished = writer.finish(&finish_err);
  if (!ok || !finished) {
    io.err << "credcheck: " << (ok ? finish_err : err) << '\n';
    return kExitUsage;
  }
  io.err << "credcheck: indexed " << writer.added() << " originals in " << o.db << '\n';
  return kExitOk;
}

int stats(const IndexOptions& o, Streams& io) {
  IndexReader reader;
  IndexStats st;
  std::string err;
  if (!reader.open(o.db, &err) || !reader.stats(&st, &err)) {
    io.err << "credcheck: " << err << '\n';
    return kExitUsage;
  }
  io.out << "originals: " << st.originals << '\n'
         << "size on disk: " << st.bytes << " bytes\n"
         << "bytes per original: " << (st.originals ? st.bytes / static_cast<long long>(st.originals) : 0) << '\n'
         << "marks: " << st.marks << '\n'
         << "published: " << (st.first_published.empty() ? "unknown" : st.first_published + " .. " + st.last_published)
         << '\n';
  return kExitOk;
}

int show(const IndexOptions& o, Streams& io) {
  IndexReader reader;
  std::shared_ptr<const Original> orig;
  std::string err;
  if (!reader.open(o.db, &err)) {
    io.err << "credcheck: " << err << '\n';
    return kExitUsage;
  }
  if (!reader.find(o.key, &orig, &err)) {
    io.err << "credcheck: " << (err.empty() ? o.db + ": no original read from or published at " + o.key : err) << '\n';
    return kExitUsage;
  }
  nlohmann::ordered_json j = {{"input", orig->input}, {"url", orig->url}, {"fields", fields_json(orig->fields)},
                              {"text_chars", orig->fields.text.size()}};
  io.out << j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
  return kExitOk;
}

}  // namespace

Runner add_index_command(CLI::App* app) {
  auto o = std::make_shared<IndexOptions>();
  auto which = std::make_shared<std::string>();
  CLI::App* index = app->add_subcommand("index", "Manage the index of the publisher's originals");
  index->require_subcommand(1);
  CLI::App* build_cmd = index->add_subcommand("build", "Add originals to an index (created if missing)");
  CLI::App* add_cmd = index->add_subcommand("add", "Add new originals to an existing index");
  for (CLI::App* c : {build_cmd, add_cmd}) {
    c->add_option("--db", o->db, "The index file (SQLite)")->required();
    c->add_option("inputs", o->inputs,
                  "Originals: URL, file, directory, @list.txt, or -; sitemaps and feeds among "
                  "them are read as lists of originals");
    add_feed_options(c, &o->feeds);
    add_fetch_options(c, &o->fetch, &o->jobs);
    add_page_options(c, &o->jobs);
  }
  CLI::App* stats_cmd = index->add_subcommand("stats", "Originals, size on disk, bytes per original, dates");
  stats_cmd->add_option("--db", o->db, "The index file (SQLite)")->required();
  CLI::App* show_cmd = index->add_subcommand("show", "One original as indexed, by its input or URL");
  show_cmd->add_option("--db", o->db, "The index file (SQLite)")->required();
  show_cmd->add_option("original", o->key, "The original's input (file path as indexed) or URL")->required();
  for (CLI::App* c : {build_cmd, add_cmd, stats_cmd, show_cmd})
    c->callback([which, c] { *which = c->get_name(); });
  return [o, which](Streams& io) {
    if (*which == "stats") return stats(*o, io);
    if (*which == "show") return show(*o, io);
    return build(*o, *which == "add", io);
  };
}

}  // namespace credcheck
