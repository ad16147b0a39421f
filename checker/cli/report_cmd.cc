// credcheck report: re-render and merge saved results (JSON reports or JSONL shards).
#include <fstream>
#include <memory>
#include <sstream>

#include "checker/cli/commands.h"
#include "checker/cli/exit_status.h"
#include "checker/report/format.h"

namespace credcheck {

Runner add_report_command(CLI::App* app) {
  struct Options {
    std::vector<std::string> in;
    std::string format = "json";
    std::string output;
    std::string fail_on = "error";
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app->add_subcommand("report", "Re-render and merge saved results");
  cmd->add_option("--in", o->in, "JSON reports or JSONL results: --in a.jsonl b.jsonl, or --in repeated")
      ->required();
  cmd->add_option("-f,--format", o->format, "Report format")->check(CLI::IsMember(report_formats()));
  cmd->add_option("-o,--output", o->output, "Write here instead of stdout");
  cmd->add_option("--fail-on", o->fail_on, "Lowest severity that fails (note|warning|error)")
      ->check(CLI::IsMember({"note", "warning", "error"}));
  return [o](Streams& io) {
    ReportHeader header;
    header.version = "0.1.0";
    std::vector<Result> results;
    for (const std::string& path : o->in) {
      std::ifstream f(path, std::ios::binary);
      if (!f) {
        io.err << "credcheck: " << path << ": cannot read\n";
        return static_cast<int>(kExitUsage);
      }
      std::stringstream text;
      text << f.rdbuf();
      ReportHeader h;
      std::string err;
      if (!results_from_json(text.str(), &h, &results, &err)) {
        io.err << "credcheck: " << path << ": " << err << '\n';
        return static_cast<int>(kExitUsage);
      }
      if (header.pack.empty()) header.pack = h.pack;
    }
    std::ofstream file;
    if (!o->output.empty()) {
      file.open(o->output, std::ios::binary | std::ios::trunc);
      if (!file) {
        io.err << "credcheck: --output " << o->output << ": cannot write there\n";
        return static_cast<int>(kExitUsage);
      }
    }
    std::string err;
    std::ostream& out = o->output.empty() ? io.out : file;
    if (!write_report(o->format, header, results, out, &err)) {
      io.err << "credcheck: " << err << '\n';
      return static_cast<int>(kExitUsage);
    }
    Severity threshold = Severity::error;
    parse_severity(o->fail_on, &threshold);
    for (const Result& r : results)
      if (result_fails(r, threshold)) return static_cast<int>(kExitFindings);
    return static_cast<int>(kExitOk);
  };
}

}  // namespace credcheck
