// credcheck scan: the pack over every input, a report, and the exit code.
#include <atomic>
#include <filesystem>
#include <iostream>
#include <memory>

#include "checker/cli/cache_option.h"
#include "checker/cli/check.h"
#include "checker/cli/commands.h"
#include "checker/cli/config.h"
#include "checker/cli/exit_status.h"
#include "checker/cli/mapper.h"
#include "checker/cli/originals.h"
#include "checker/cli/originals_option.h"
#include "checker/cli/output_safety.h"
#include "checker/cli/pipeline.h"
#include "checker/cli/progress.h"
#include "checker/cli/report_option.h"
#include "checker/cli/shard_option.h"
#include "checker/cli/stop_signals.h"
#include "checker/report/baseline.h"
#include "checker/report/report_file.h"
#include "checker/report/sink.h"
#include "checker/store/index.h"

namespace credcheck {
namespace {

struct ScanOptions {
  std::string pack;
  std::vector<std::string> originals;
  std::string originals_index;
  std::string format = "json";
  bool format_given = false;
  std::string output;
  std::vector<std::string> reports;  // --report F=FILE
  std::string fail_on = "error";
  std::string base_url;
  std::string save_pages;  // --save-pages DIR
  std::string baseline;    // --baseline FILE
  std::string config;      // --config FILE (else credcheck.yaml, when there is one)
  std::string lang;        // --lang zh|en; empty: the pack's
  std::string cache;       // --cache FILE: conditional rescans (cache_option.h)
  bool allow_empty = false;
  bool quiet = false;
  bool dry_run = false;  // --dry-run: check the options, read and write nothing
  std::vector<std::string> inputs;
  FetchOptions fetch;
  FeedOptions feeds;
  int jobs = 1;
  ShardOptions shard;
  bool mapper = false;
};

// --mapper reads its inputs from stdin and writes JSON lines to stdout: the options that
// name inputs, reports or a share of the inputs do not apply.
bool mapper_options_ok(const ScanOptions& o, std::string* err) {
  if (!o.inputs.empty()) *err = "--mapper reads its inputs from stdin; give no INPUT arguments";
  else if (!o.output.empty() || !o.reports.empty())
    *err = "--mapper writes JSON lines to stdout; --output and --report do not apply (redirect stdout)";
  else if (o.format_given && o.format != "jsonl") *err = "--mapper writes JSON lines; --format " + o.format + " does not apply";
  else if (!o.cache.empty())
    *err = "--mapper checks each line it is given; --cache applies to scan's own inputs";
  else if (!o.shard.shard.empty() || !o.shard.shards.empty())
    *err = "--mapper scans the lines it is given; the engine feeding it splits the inputs, not --shard";
  else
    for (const std::string& spec : o.originals)
      if (spec == "-") *err = "--original -: stdin holds the --mapper inputs";
  return err->empty();
}

int run_scan(const ScanOptions& o, Streams& io) {
  Severity fail_on;
  if (!parse_severity(o.fail_on, &fail_on)) {
    io.err << "credcheck: --fail-on: expected note, warning or error, got '" << o.fail_on << "'\n";
    return kExitUsage;
  }
  if (!o.base_url.empty() && !base_url_ok(o.base_url)) {
    io.err << "credcheck: --base-url: expected an http(s) URL with a host, got '" << o.base_url << "'\n";
    return kExitUsage;
  }
  // (The pack and the inputs were required before: add_scan_command.)
  if (std::string e; o.mapper && !mapper_options_ok(o, &e)) {
    io.err << "credcheck: " << e << '\n';
    return kExitUsage;
  }
  Shard shard;
  if (std::string e; !resolve_shard(o.shard, &shard, &e)) {
    io.err << "credcheck: " << e << '\n';
    return kExitUsage;
  }
  // Before anything is read: a report must never replace one of the run's own inputs.
  OutputIdentity out_id = identify_output(o.output);
  ExtraReports reports;
  {
    std::string err;
    if (!reports.parse(o.reports, o.output, &err)) {
      io.err << "credcheck: " << err << '\n';
      return kExitUsage;
    }
    std::vector<std::string> args = o.inputs;
    for (const auto* lists : {&o.feeds.sitemaps, &o.feeds.feeds})
      for (const std::string& l : *lists)
        if (!is_http_url(l)) args.push_back(l);
    args.insert(args.end(), o.originals.begin(), o.originals.end());
    if (!o.originals_index.empty() && !is_index_file(o.originals_index))
      args.push_back("@" + o.originals_index);
    std::string what;
    if (output_is_read(out_id, {o.pack, o.originals_index, o.cache}, args, &what)) {
      io.err << "credcheck: --output " << o.output << " is also an input (" << what
             << "); the report would replace it. Write the report somewhere else.\n";
      return kExitUsage;
    }
    if (reports.any_is_read({o.pack, o.originals_index, o.cache}, args, &what)) {
      io.err << "credcheck: " << what << "; the report would replace it. Write the report somewhere else.\n";
      return kExitUsage;
    }
  }
  if (o.dry_run) {
    io.err << "credcheck: scan: the options are valid (--dry-run: nothing was read or written)\n";
    return kExitOk;
  }
  std::string err;
  Pack pack;
  if (!load_pack(o.pack, &pack, &err)) {
    io.err << err << '\n';
    return kExitUsage;
  }
  if (!o.lang.empty()) set_pack_language(&pack, o.lang);
  StopOnSignals signals;  // from here on a signal ends the run with what is done
  std::atomic<bool>& stopping = *StopOnSignals::stop();
  // Create the report's temporary file before scanning so a bad path is refused before any work.
  ReportFile file;
  if (!o.output.empty() && !file.open(o.output, &err)) {
    io.err << "credcheck: --output " << err << '\n';
    return kExitUsage;
  }
  if (!reports.open(&err)) {
    io.err << "credcheck: " << err << '\n';
    return kExitUsage;
  }
  Baseline baseline;
  if (!o.baseline.empty() && !baseline.load(o.baseline, &err)) {
    io.err << "credcheck: --baseline " << err << '\n';
    return kExitUsage;
  }
  PageStore store;
  if (!o.save_pages.empty() && !store.open(o.save_pages, &err)) {
    io.err << "credcheck: " << err << '\n';
    return kExitUsage;
  }
  RescanCache cache;
  if (!o.cache.empty() && !cache.open(o.cache, &err)) {
    io.err << "credcheck: --cache " << err << '\n';
    return kExitUsage;
  }
  CheckKey key;  // what a cached result depends on besides its page
  std::unique_ptr<OriginalSet> originals;
  if (!load_originals(o.originals, o.originals_index, o.fetch, o.jobs, io.in, &originals, &err,
                      [&](const Original& original) {
                        if (cache.enabled()) key.add_original(original);
                      })) {
    io.err << "credcheck: " << err << '\n';
    return kExitUsage;
  }
  if (cache.enabled() && !cache.set_key(key, o.pack, o.lang, o.base_url, o.originals_index, &err)) {
    io.err << "credcheck: --cache: " << err << '\n';
    return kExitUsage;
  }
  if (StopOnSignals::signal() != 0) {
    io.err << "credcheck: stopped by " << signal_name(StopOnSignals::signal()) << " while reading the originals\n";
    return kExitIncomplete;
  }
  if (o.mapper)
    return run_mapper(pack, *originals, MapperRun{o.base_url, o.fetch, o.jobs, o.quiet, &stopping}, io);
  const bool to_stdout = o.output.empty();
  // A person at a terminal gets the readable summary; pipes and files get what they asked
  // for (JSON unless --format says otherwise).
  std::string format = o.format;
  const bool out_on_terminal = to_stdout && &io.out == &std::cout && isatty(STDOUT_FILENO);
  if (!o.format_given && out_on_terminal) format = "text";
  std::ostream& out = to_stdout ? io.out : file.stream();
  ResultSink sink(format, out);
  for (size_t i = 0; i < reports.targets().size(); ++i)
    sink.also(reports.targets()[i].format, reports.stream(i));
  if (!sink.open(&err)) {
    io.err << "credcheck: " << err << '\n';
    return kExitUsage;
  }

  ExpandOptions expand;
  expand.empty_directory_is_error = false;  // an empty batch is refused as a whole, below
  expand.max_page_bytes = o.fetch.max_bytes;
  expand.shard = shard;
  InputSource source(o.inputs, io.in, expand);
  FeedExpander lists([&](Input* input) { return source.next(input); }, o.fetch, o.feeds);
  std::string fatal;  // ends the scan with exit 2: the inputs themselves are wrong
  std::atomic<size_t> total{0};  // read where the source is (under the pullers' lock), shown elsewhere
  auto next = [&](Input* input) {
    bool more = lists.next(input);
    total = lists.expanded() ? 0 : source.known_total();
    if (!more) return false;
    cache.look_up(input);
    if (!input->is_url && !input->body && is_output(out_id, input->spec)) {
      fatal = "--output " + o.output + " is also an input (" + input->spec +
              "); the report would replace it. Write the report somewhere else.";
      return false;
    }
    std::string which;
    if (!input->is_url && !input->body && reports.is_report(input->spec, &which)) {
      fatal = which + " is also an input (" + input->spec +
              "); the report would replace it. Write the report somewhere else.";
      return false;
    }
    return true;
  };
  Progress progress(io.err, !o.quiet && &io.err == &std::cerr && isatty(STDERR_FILENO));
  bool findings = false;
  ReadControl control;
  control.in_order = false;  // results are written as they finish; JSON is re-ordered from the spill
  control.stop = &stopping;
  control.store = &store;
  control.prepare = match_pages(*originals);  // matching in parallel, not in `done`
  read_pages(next, o.fetch, o.jobs, control,
             [&](size_t index, const Input& input, bool ok, PageRead& page, const std::string& e) {
               Result r = ok ? cache.result(input, std::move(page),
                                            [&](PageRead&& p) {
                                              return check_page(std::move(p), pack, *originals, o.base_url);
                                            })
                             : unreadable_result(input, e, page.doc);
               r.listed_in = input.listed_in;
               if (!o.baseline.empty()) baseline.apply(&r);
               findings |= result_fails(r, fail_on);
               if (out_on_terminal && format == "jsonl") progress.clear();  // lines, not a torn progress line
               if (!sink.add(index, r)) stopping = true;  // the report is lost: stop spending work on it
               const Summary& s = sink.summary();
               progress.update(s.inputs, total, s.unchecked);
             });
  progress.clear();
  cache.finish(io.err);  // a cache that cannot be written loses only work: said, not fatal
  if (fatal.empty()) fatal = source.error();
  if (!fatal.empty()) {
    io.err << "credcheck: " << fatal << "\ncredcheck: nothing more was scanned"
           << (to_stdout && format == "jsonl" ? "" : "; no report was written") << '\n';
    return kExitUsage;
  }
  const Summary& s = sink.summary();
  for (const std::string& note : source.notes()) io.err << "credcheck: " << note << '\n';
  // A shard may own none of a few inputs: that is an empty share, not an empty batch.
  if (s.inputs == 0 && source.other_shards() > 0 && !o.quiet)
    io.err << "credcheck: shard " << shard.name() << " holds none of the " << source.other_shards()
           << " inputs\n";
  if (s.inputs == 0 && source.other_shards() == 0 && StopOnSignals::signal() == 0 && sink.error().empty() &&
      !o.allow_empty) {
    io.err << "credcheck: nothing to scan: the inputs named no pages"
           << " (pass --allow-empty if an empty batch is expected)\n";
    return kExitUsage;
  }
  ReportHeader header;
  header.version = kVersion;
  header.pack = pack.name;
  header.lang = o.lang.empty() ? pack.lang : o.lang;
  for (const auto& rule : pack.rules) header.rules.push_back(rule->info());
  if (o.fetch.ignore_robots) header.notes.push_back("robots.txt ignored (--ignore-robots)");
  bool written = sink.finish(header, &err) && (to_stdout || file.commit(&err));
  if (!written) {
    io.err << "credcheck: " << err << (to_stdout ? " (standard output)" : "") << '\n';
  } else if (!reports.commit(&err)) {  // each message names its file
    io.err << "credcheck: " << err << '\n';
    written = false;
  }
  if (StopOnSignals::signal() != 0) {
    io.err << "credcheck: stopped by " << signal_name(StopOnSignals::signal()) << " after " << s.inputs
           << " inputs";
    if (total > 0) io.err << " of " << total;
    io.err << " were done; " << (written ? "the report holds those" : "no report was written")
           << '\n';
  }
  if (!o.quiet) {
    io.err << "credcheck: " << s.inputs << " inputs: " << s.compliant << " compliant, " << s.violations
           << " with violations, " << s.unchecked << " unchecked";
    if (s.baseline)
      io.err << "; findings: " << s.new_findings << " new, " << s.known_findings << " known, "
             << s.resolved_findings << " resolved";
    if (o.fetch.ignore_robots) io.err << "; robots.txt ignored";
    if (cache.enabled()) io.err << "; " << cache.reused() << " reused from the cache";
    if (!o.output.empty() && written) io.err << "; report: " << o.output;
    for (const ReportTarget& t : reports.targets())
      if (written) io.err << "; " << t.format << ": " << t.path;
    io.err << '\n';
  }
  if (findings) return kExitFindings;
  if (s.unchecked > 0 || !written || StopOnSignals::signal() != 0) return kExitIncomplete;
  return kExitOk;
}

}  // namespace

Runner add_scan_command(CLI::App* app) {
  auto o = std::make_shared<ScanOptions>();
  CLI::App* cmd = app->add_subcommand("scan", "Check republished pages against a rule pack");
  cmd->footer(
      "Exit codes: 0 every input checked, no finding at or above --fail-on; 1 findings at or "
      "above --fail-on; 2 usage, configuration or pack error, or nothing to scan; 3 no such "
      "finding, but some inputs could not be checked, the scan was interrupted (SIGINT, "
      "SIGTERM) or the report could not be written.");
  // --rules and the inputs are required, but a config file may give them: checked in the runner.
  cmd->add_option("--rules", o->pack, "Rule pack (YAML); required here or as `pack:` in the config");
  cmd->add_option("--config", o->config,
                  std::string("Options from a YAML file (default: ") + kDefaultConfig +
                      " in the working directory, if there); flags win over it");
  cmd->add_option("--original", o->originals, "A publisher's original (file, directory, URL, @list); repeatable")
      ->allow_extra_args(false);
  cmd->add_option("--originals", o->originals_index, "An index from `index build`, or a list file of originals")
      ->check(originals_file());
  cmd->add_option("-f,--format", o->format,
                  "Report format (default: text on a terminal, json otherwise)")
      ->check(CLI::IsMember(report_formats()))
      ->each([o](const std::string&) { o->format_given = true; });
  cmd->add_option("-o,--output", o->output,
                  "Write the report here (whole or not at all: written beside it, then renamed) "
                  "instead of stdout");
  add_report_option(cmd, &o->reports);
  cmd->add_option("--fail-on", o->fail_on, "Lowest severity that fails the run (note|warning|error)")
      ->check(CLI::IsMember({"note", "warning", "error"}))
      ->capture_default_str();
  cmd->add_option("--base-url", o->base_url,
                  "URL the local files will be published at: its host is their host (a canonical "
                  "link never is)");
  cmd->add_option("--lang", o->lang, "Language of the findings' messages and of the report's labels and reasons: zh or en (default: the pack's)")
      ->check(CLI::IsMember({"zh", "en"}));
  cmd->add_option("--baseline", o->baseline,
                  "An earlier JSON or JSONL report: findings already in it (same input, rule and "
                  "evidence) are marked known and do not fail the run");
  cmd->add_option("--save-pages", o->save_pages,
                  "Keep every page's bytes as fetched in this folder, named <sha256>.html (the "
                  "report's sha256)");
  cmd->add_flag("--allow-empty", o->allow_empty,
                "An empty batch (no pages in the inputs) is an empty report and exit 0, not exit 2");
  cmd->add_flag("--dry-run", o->dry_run,
                "Check the command line (and config file) and stop: no pack, page or report is "
                "read or written (for CI files: does this command parse?)");
  cmd->add_flag("-q,--quiet", o->quiet, "No progress line and no summary on stderr; errors only");
  cmd->add_option("inputs", o->inputs,
                  "Pages: URL, file, directory, WARC file (.warc, .warc.gz), @list.txt, or - for "
                  "stdin (a list, or one HTML page); sitemaps and feeds among them are read as "
                  "lists of pages");
  add_feed_options(cmd, &o->feeds);
  cmd->add_flag("--mapper", o->mapper,
                "Inputs as lines (or {\"input\": ...} JSON lines) on stdin, one JSON line per "
                "result on stdout in input order, as they are done; exit 0 when the batch ran");
  add_fetch_options(cmd, &o->fetch, &o->jobs);
  add_cache_option(cmd, &o->cache);
  auto configure_pages = add_page_options(cmd, &o->jobs);
  add_shard_options(cmd, &o->shard);
  return [o, cmd, configure_pages](Streams& io) {
    std::string path = o->config;
    std::error_code ec;
    if (path.empty() && std::filesystem::is_regular_file(kDefaultConfig, ec)) path = kDefaultConfig;
    if (!path.empty()) {
      std::string err;
      if (!apply_config(cmd, path, &err)) {
        io.err << "credcheck: " << err << '\n';
        return static_cast<int>(kExitUsage);
      }
      configure_pages();  // --jobs and the page limits may have come from the file
    }
    bool no_inputs = o->inputs.empty() && o->feeds.sitemaps.empty() && o->feeds.feeds.empty() && !o->mapper;
    if (o->pack.empty() || no_inputs) {
      io.err << "credcheck: scan: "
             << (o->pack.empty() ? "--rules PACK"
                                 : "INPUT (URL, file, directory, WARC, @list or -; or --sitemap, "
                                   "--feed, or --mapper to read them from stdin)")
             << " is required (on the command line, or as `" << (o->pack.empty() ? "pack" : "inputs")
             << ":` in " << (path.empty() ? std::string(kDefaultConfig) + " or --config FILE" : path) << ")\n";
      return static_cast<int>(kExitUsage);
    }
    return run_scan(*o, io);
  };
}

}  // namespace credcheck
