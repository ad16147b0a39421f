// credcheck extract: the fields of each input, one JSON object per line.
#include <memory>

#include "checker/cli/commands.h"
#include "checker/cli/exit_status.h"
#include "checker/cli/pipeline.h"
#include "checker/report/json.h"

namespace credcheck {

Runner add_extract_command(CLI::App* app) {
  struct Options {
    std::vector<std::string> inputs;
    FetchOptions fetch;
    FeedOptions feeds;
    int jobs = 1;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app->add_subcommand("extract", "Print the title and credit fields of each page as JSON lines");
  cmd->footer("Exit codes: 0 every input read; 2 usage error or a list that is not one; 3 some "
              "inputs could not be read, or the output could not be written.");
  cmd->add_option("inputs", o->inputs,
                  "Pages: URL, file, directory, @list.txt, or - for stdin (a list, or one HTML "
                  "page); sitemaps and feeds among them are read as lists of pages");
  add_feed_options(cmd, &o->feeds);
  add_fetch_options(cmd, &o->fetch, &o->jobs);
  add_page_options(cmd, &o->jobs);
  return [o](Streams& io) {
    if (o->inputs.empty() && o->feeds.sitemaps.empty() && o->feeds.feeds.empty()) {
      io.err << "credcheck: extract: give the pages to read: INPUT..., --sitemap or --feed\n";
      return static_cast<int>(kExitUsage);
    }
    bool failed = false;
    std::atomic<bool> write_failed{false};
    ExpandOptions expand;
    expand.max_page_bytes = o->fetch.max_bytes;
    InputSource source(o->inputs, io.in, expand);
    FeedExpander lists([&](Input* input) { return source.next(input); }, o->fetch, o->feeds);
    ReadControl control;  // in input order: extract is read by people and diffed
    control.stop = &write_failed;
    control.hash = false;
    read_pages([&](Input* input) { return lists.next(input); }, o->fetch, o->jobs, control,
               [&](size_t, const Input& input, bool ok, PageRead& page, const std::string& err) {
                 nlohmann::ordered_json line;
                 if (ok) {
                   line = {{"input", page.doc.input}, {"url", page.doc.url}, {"charset", page.charset}};
                   line.update(fields_json(page.fields));
                 } else {
                   line = {{"input", input.spec}, {"error", err}};
                   failed = true;
                 }
                 if (!input.listed_in.empty()) line["listed_in"] = input.listed_in;
                 io.out << line.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
                 // Flushed per line, so a failed write (a full disk, `> /dev/full`) is seen
                 // at once and stops the work; a closed pipe ends the process as usual.
                 if (!io.out.flush()) write_failed = true;
               });
    if (!source.error().empty()) {
      io.err << "credcheck: " << source.error() << "\ncredcheck: nothing more was read\n";
      return static_cast<int>(kExitUsage);
    }
    if (write_failed) {
      io.err << "credcheck: writing to standard output failed; the output is incomplete\n";
      return static_cast<int>(kExitIncomplete);
    }
    return static_cast<int>(failed ? kExitIncomplete : kExitOk);
  };
}

}  // namespace credcheck
