// credcheck report: re-render and merge saved results (JSON reports or JSONL shards).
#include <algorithm>
#include <fstream>
#include <memory>
#include <sstream>

#include "checker/cli/commands.h"
#include "checker/cli/exit_status.h"
#include "checker/cli/report_inputs.h"
#include "checker/cli/report_option.h"
#include "checker/report/baseline.h"
#include "checker/report/format.h"
#include "checker/report/report_file.h"

namespace credcheck {
namespace {

// Results of one file, in input order: a scan's JSONL is written as inputs finish and
// each line carries its input's "index"; a file without indexes keeps its own order.
bool read_results(const std::string& text, ReportHeader* header, std::vector<Result>* results,
                  std::string* err) {
  std::vector<Result> mine;
  std::vector<long long> index;
  if (!results_from_json(text, header, &mine, err, &index)) return false;
  bool indexed = !mine.empty() && std::none_of(index.begin(), index.end(),
                                               [](long long i) { return i < 0; });
  std::vector<size_t> order(mine.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  if (indexed)
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return index[a] < index[b]; });
  for (size_t i : order) results->push_back(std::move(mine[i]));
  return true;
}

}  // namespace

Runner add_report_command(CLI::App* app) {
  struct Options {
    std::vector<std::string> in;
    std::string format = "json";
    std::string output;
    std::vector<std::string> reports;
    std::string fail_on = "error";
    std::vector<std::string> inputs;  // --inputs: the scan's INPUT arguments
    std::string baseline;
    std::string lang;  // --lang; empty: the saved report's
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app->add_subcommand("report", "Re-render and merge saved results");
  cmd->footer("Exit codes: 0 every result checked, no finding at or above --fail-on; 1 findings "
              "at or above --fail-on; 2 a file that is not a report; 3 unchecked results, or the "
              "report could not be written.");
  cmd->add_option("--in", o->in, "JSON reports or JSONL results: --in a.jsonl b.jsonl, or --in repeated")
      ->required();
  cmd->add_option("-f,--format", o->format, "Report format")->check(CLI::IsMember(report_formats()));
  cmd->add_option("-o,--output", o->output,
                  "Write here instead of stdout (whole or not at all: written beside it, then renamed)");
  add_report_option(cmd, &o->reports);
  cmd->add_option("--fail-on", o->fail_on, "Lowest severity that fails (note|warning|error)")
      ->check(CLI::IsMember({"note", "warning", "error"}));
  cmd->add_option("--inputs", o->inputs,
                  "The INPUTs the sharded scan was given: results are put in their order, an "
                  "input with no result is named and reported unchecked, a doubled one refused");
  cmd->add_option("--lang", o->lang,
                  "Language of the report's labels and reasons: zh or en (default: the saved report's; "
                  "findings keep the language they were written in)")
      ->check(CLI::IsMember({"zh", "en"}));
  cmd->add_option("--baseline", o->baseline,
                  "An earlier report: findings already in it are marked known and do not fail");
  return [o](Streams& io) {
    ExtraReports reports;
    {
      std::string err;
      if (!reports.parse(o->reports, o->output, &err)) {
        io.err << "credcheck: " << err << '\n';
        return static_cast<int>(kExitUsage);
      }
    }
    ReportHeader header;
    header.version = kVersion;
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
      if (!read_results(text.str(), &h, &results, &err)) {
        io.err << "credcheck: " << path << ": " << err << '\n';
        return static_cast<int>(kExitUsage);
      }
      if (header.pack.empty()) header.pack = h.pack;
      if (&path == &o->in.front()) header.lang = h.lang;
      if (header.rules.empty()) header.rules = std::move(h.rules);
    }
    if (!o->lang.empty()) header.lang = o->lang;
    if (!o->baseline.empty()) {
      Baseline baseline;
      std::string err;
      if (!baseline.load(o->baseline, &err)) {
        io.err << "credcheck: --baseline " << err << '\n';
        return static_cast<int>(kExitUsage);
      }
      for (Result& r : results) baseline.apply(&r);
    }
    if (!o->inputs.empty()) {
      InputsCheck check;
      std::string err;
      if (!check_against_inputs(o->inputs, io.in, &results, &check, &err)) {
        io.err << "credcheck: " << err << '\n';
        return static_cast<int>(kExitUsage);
      }
      if (!report_inputs_check(check, io.err)) return static_cast<int>(kExitUsage);
    }
    // Every input is read before the output is opened, so `--in r.json --output r.json`
    // re-renders in place.
    // (So an --in file may also be a --report file: it is read whole before any is written.)
    ReportFile file;
    std::string err;
    if (!o->output.empty() && !file.open(o->output, &err)) {
      io.err << "credcheck: --output " << err << '\n';
      return static_cast<int>(kExitUsage);
    }
    if (!reports.open(&err)) {
      io.err << "credcheck: " << err << '\n';
      return static_cast<int>(kExitUsage);
    }
    for (size_t i = 0; i < reports.targets().size(); ++i) {
      if (!write_report(reports.targets()[i].format, header, results, reports.stream(i), &err)) {
        io.err << "credcheck: " << err << '\n';
        return static_cast<int>(kExitUsage);
      }
    }
    std::ostream& out = o->output.empty() ? io.out : file.stream();
    if (!write_report(o->format, header, results, out, &err)) {
      io.err << "credcheck: " << err << '\n';
      return static_cast<int>(kExitUsage);
    }
    bool written = o->output.empty() ? static_cast<bool>(out.flush()) : file.commit(&err);
    if (!written)
      io.err << "credcheck: " << (o->output.empty() ? "writing to standard output failed" : err) << '\n';
    std::string report_err;
    if (!reports.commit(&report_err)) {
      io.err << "credcheck: " << report_err << '\n';
      written = false;
    }
    Severity threshold = Severity::error;
    parse_severity(o->fail_on, &threshold);
    bool unchecked = false;
    for (const Result& r : results) {
      if (result_fails(r, threshold)) return static_cast<int>(kExitFindings);
      unchecked |= r.status == "unchecked";
    }
    return static_cast<int>(unchecked || !written ? kExitIncomplete : kExitOk);
  };
}

}  // namespace credcheck
