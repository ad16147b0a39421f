// credcheck scan: the pack over every input, a report, and the exit code.
#include <fstream>
#include <memory>

#include "checker/cli/commands.h"
#include "checker/cli/exit_status.h"
#include "checker/cli/pipeline.h"
#include "checker/report/format.h"

namespace credcheck {
namespace {

struct ScanOptions {
  std::string pack;
  std::vector<std::string> originals;
  std::string originals_index;
  std::string format = "json";
  std::string output;
  std::string fail_on = "error";
  std::vector<std::string> inputs;
  FetchOptions fetch;
  int jobs = 1;
};

int run_scan(const ScanOptions& o, Streams& io) {
  Severity fail_on;
  if (!parse_severity(o.fail_on, &fail_on)) {
    io.err << "credcheck: --fail-on: expected note, warning or error, got '" << o.fail_on << "'\n";
    return kExitUsage;
  }
  std::string err;
  Pack pack;
  if (!load_pack(o.pack, &pack, &err)) {
    io.err << err << '\n';
    return kExitUsage;
  }
  std::vector<Original> originals;
  if (!load_originals(o.originals, o.originals_index, o.fetch, o.jobs, io.in, &originals, &err)) {
    io.err << "credcheck: " << err << '\n';
    return kExitUsage;
  }
  // Open the report before scanning so a bad path is refused before any work.
  std::ofstream file;
  if (!o.output.empty()) {
    file.open(o.output, std::ios::binary | std::ios::trunc);
    if (!file) {
      io.err << "credcheck: --output " << o.output << ": cannot write there\n";
      return kExitUsage;
    }
  }
  std::vector<Result> results;
  bool failed = false;
  read_pages(expand_inputs(o.inputs, io.in), o.fetch, o.jobs,
             [&](size_t, const Input& input, bool ok, PageRead& page, const std::string& e) {
               results.push_back(ok ? check_page(std::move(page), pack, originals) : unreadable_result(input, e));
               failed |= result_fails(results.back(), fail_on);
             });
  ReportHeader header;
  header.version = "0.1.0";
  header.pack = pack.name;
  std::ostream& out = o.output.empty() ? io.out : file;
  if (!write_report(o.format, header, results, out, &err)) {
    io.err << "credcheck: " << err << '\n';
    return kExitUsage;
  }
  out.flush();
  if (!out) {
    io.err << "credcheck: writing the report failed" << (o.output.empty() ? "" : ": " + o.output) << '\n';
    return kExitFindings;
  }
  Summary s = summarize(results);
  io.err << "credcheck: " << s.inputs << " inputs: " << s.compliant << " compliant, " << s.violations
         << " with violations, " << s.unchecked << " unchecked";
  if (!o.output.empty()) io.err << "; report: " << o.output;
  io.err << '\n';
  return failed ? kExitFindings : kExitOk;
}

}  // namespace

Runner add_scan_command(CLI::App* app) {
  auto o = std::make_shared<ScanOptions>();
  CLI::App* cmd = app->add_subcommand("scan", "Check republished pages against a rule pack");
  cmd->add_option("--rules", o->pack, "Rule pack (YAML)")->required();
  cmd->add_option("--original", o->originals, "A publisher's original (file, directory, URL, @list); repeatable")
      ->allow_extra_args(false);
  cmd->add_option("--originals", o->originals_index, "An index from `index build`, or a list file of originals");
  cmd->add_option("-f,--format", o->format, "Report format")->check(CLI::IsMember(report_formats()));
  cmd->add_option("-o,--output", o->output, "Write the report here instead of stdout");
  cmd->add_option("--fail-on", o->fail_on, "Lowest severity that fails the run (note|warning|error)")
      ->check(CLI::IsMember({"note", "warning", "error"}));
  cmd->add_option("inputs", o->inputs, "Pages: URL, file, directory, @list.txt, or - for stdin")->required();
  add_fetch_options(cmd, &o->fetch, &o->jobs);
  add_page_options(cmd, &o->jobs);
  return [o](Streams& io) { return run_scan(*o, io); };
}

}  // namespace credcheck
