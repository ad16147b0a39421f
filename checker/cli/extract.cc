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
    int jobs = 1;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app->add_subcommand("extract", "Print the title and credit fields of each page as JSON lines");
  cmd->add_option("inputs", o->inputs, "Pages: URL, file, directory, @list.txt, or - for stdin")->required();
  add_fetch_options(cmd, &o->fetch, &o->jobs);
  add_page_options(cmd, &o->jobs);
  return [o](Streams& io) {
    bool failed = false;
    read_pages(expand_inputs(o->inputs, io.in), o->fetch, o->jobs,
               [&](size_t, const Input& input, bool ok, PageRead& page, const std::string& err) {
                 nlohmann::ordered_json line;
                 if (ok) {
                   line = {{"input", page.doc.input}, {"url", page.doc.url}, {"charset", page.charset}};
                   line.update(fields_json(page.fields));
                 } else {
                   line = {{"input", input.spec}, {"error", err}};
                   failed = true;
                 }
                 io.out << line.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
               });
    return failed ? kExitFindings : kExitOk;
  };
}

}  // namespace credcheck
