// credcheck rules list|validate|explain|test: for the people who write packs.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>

#include "checker/cli/check.h"
#include "checker/cli/commands.h"
#include "checker/cli/exit_status.h"
#include "checker/cli/originals.h"
#include "checker/cli/originals_option.h"
#include "checker/cli/pack_fixtures.h"
#include "checker/cli/pipeline.h"
#include "checker/rules/engine.h"
#include "checker/rules/registry.h"

namespace credcheck {
namespace {

struct RulesOptions {
  std::string pack;
  std::string id;
  std::vector<std::string> args;  // explain's PACK RULE (or RULE with --rules)
  std::string dir = "rules";      // list: the folder of packs
  std::vector<std::string> originals;
  std::string originals_index;
  std::string base_url;
  std::vector<std::string> inputs;
  FetchOptions fetch;
  int jobs = 1;
};

bool load(const RulesOptions& o, Pack* pack, Streams& io) {
  std::string err;
  if (load_pack(o.pack, pack, &err)) return true;
  io.err << err << '\n';
  return false;
}

void print_rules(const Pack& pack, const std::string& indent, Streams& io) {
  for (const auto& rule : pack.rules) {
    const RuleInfo& i = rule->info();
    io.out << indent << i.id << "\t" << i.kind << "\t" << severity_name(i.severity) << "\tclause "
           << i.clause << '\n';
  }
}

// Without --rules: every pack in --dir (rules/ by default) with its rules, then the kinds.
int list(const RulesOptions& o, Streams& io) {
  if (!o.pack.empty()) {
    Pack pack;
    if (!load(o, &pack, io)) return kExitUsage;
    print_rules(pack, "", io);
    return kExitOk;
  }
  std::vector<std::string> files;
  std::error_code ec;
  for (std::filesystem::directory_iterator it(o.dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->path().extension() == ".yaml" && it->is_regular_file(ec)) files.push_back(it->path().string());
  std::sort(files.begin(), files.end());
  int status = kExitOk;
  for (const std::string& file : files) {
    Pack pack;
    std::string err;
    if (!load_pack(file, &pack, &err)) {
      io.err << err << '\n';
      status = kExitUsage;
      continue;
    }
    io.out << "pack " << pack.name << "\t" << file << "\t" << pack.rules.size() << " rules\n";
    print_rules(pack, "  ", io);
  }
  if (!files.empty()) io.out << "kinds\n";
  for (const auto& [name, kind] : rule_kinds())
    io.out << (files.empty() ? "" : "  ") << name << "\t" << kind.description << '\n';
  return status;
}

int explain(const RulesOptions& o, Streams& io) {
  Pack pack;
  if (!load(o, &pack, io)) return kExitUsage;
  const Rule* rule = find_rule(pack, o.id);
  if (!rule) {
    io.err << "credcheck: " << o.pack << ": no rule '" << o.id << "'\n";
    return kExitUsage;
  }
  io.out << describe_rule(*rule);
  // One page of the pack's own fixtures it passes and one it fails, when they exist.
  PackFixtures fx;
  std::string err;
  if (!find_pack_fixtures(pack, &fx, &err)) {
    io.out << "examples: none (" << err << ")\n";
    return kExitOk;
  }
  std::string pass, fail;
  for (const std::string& page : fx.pages) {
    Expected e;
    if (!read_expected(page, &e) || e.not_checked.count(o.id)) continue;
    std::string line = page + (e.comment.empty() ? "" : "  # " + e.comment);
    if (e.fired.count(o.id)) {
      if (fail.empty()) fail = line;
    } else if (pass.empty()) {
      pass = line;
    }
  }
  io.out << "passes: " << (pass.empty() ? "(no fixture)" : pass) << '\n'
         << "fails: " << (fail.empty() ? "(no fixture)" : fail) << '\n';
  return kExitOk;
}

std::string joined(const std::set<std::string>& ids) {
  std::string s;
  for (const auto& id : ids) s += (s.empty() ? "" : ", ") + id;
  return "{" + s + "}";
}

int test(RulesOptions o, Streams& io) {
  Pack pack;
  if (!load(o, &pack, io)) return kExitUsage;
  std::string err;
  if (o.inputs.empty()) {  // the pack's own fixtures, with their originals
    PackFixtures fx;
    if (!find_pack_fixtures(pack, &fx, &err)) {
      io.err << "credcheck: " << err << '\n';
      return kExitUsage;
    }
    o.inputs = fx.pages;
    if (o.originals.empty() && o.originals_index.empty()) o.originals = fx.originals;
  }
  std::unique_ptr<OriginalSet> originals;
  if (!load_originals(o.originals, o.originals_index, o.fetch, o.jobs, io.in, &originals, &err)) {
    io.err << "credcheck: " << err << '\n';
    return kExitUsage;
  }
  if (!o.base_url.empty() && !base_url_ok(o.base_url)) {
    io.err << "credcheck: --base-url: expected an http(s) URL with a host, got '" << o.base_url << "'\n";
    return kExitUsage;
  }
  size_t passed = 0, failed = 0;
  read_pages(expand_inputs(o.inputs, io.in), o.fetch, o.jobs,
             [&](size_t, const Input& input, bool ok, PageRead& page, const std::string& e) {
               Expected want;
               std::set<std::string> got, unchecked;
               if (!read_expected(input.spec, &want)) {
                 io.out << "FAIL " << input.spec << ": no .expected file beside it\n";
                 ++failed;
                 return;
               }
               if (!ok) {
                 io.out << "FAIL " << input.spec << ": " << e << '\n';
                 ++failed;
                 return;
               }
               if (!want.base_url.empty() && !base_url_ok(want.base_url)) {
                 io.out << "FAIL " << input.spec << ": base_url '" << want.base_url
                        << "' in its .expected is not an http(s) URL with a host\n";
                 ++failed;
                 return;
               }
               Result r = check_page(std::move(page), pack, *originals,
                                     want.base_url.empty() ? o.base_url : want.base_url);
               for (const Finding& f : r.findings) got.insert(f.rule);
               unchecked.insert(r.not_checked.begin(), r.not_checked.end());
               const char* status = !want.fired.empty()       ? "violation"
                                    : !want.not_checked.empty() ? "unchecked"
                                                                : "compliant";
               bool pass = got == want.fired && unchecked == want.not_checked && r.status == status;
               (pass ? passed : failed)++;
               io.out << (pass ? "PASS " : "FAIL ") << input.spec;
               if (!pass)
                 io.out << ": expected " << joined(want.fired) << " not checked "
                        << joined(want.not_checked) << ", got " << joined(got) << " not checked "
                        << joined(unchecked) << " (" << r.status << ": " << r.reason << ")";
               io.out << '\n';
             });
  io.out << passed << " passed, " << failed << " failed\n";
  return failed ? kExitFindings : kExitOk;
}

}  // namespace

Runner add_rules_command(CLI::App* app) {
  auto o = std::make_shared<RulesOptions>();
  CLI::App* rules = app->add_subcommand("rules", "List, validate, explain and test rule packs");
  rules->require_subcommand(1);
  CLI::App* list_cmd = rules->add_subcommand(
      "list", "The packs in --dir with their rules, and the rule kinds; or one pack's rules with --rules");
  list_cmd->add_option("--rules", o->pack, "Rule pack (YAML)");
  list_cmd->add_option("--dir", o->dir, "Folder of packs (default: rules)");
  rules->add_subcommand("validate", "Check a pack; exit 2 with file:line:col on error")
      ->add_option("pack", o->pack, "Rule pack (YAML)")
      ->required();
  CLI::App* explain_cmd = rules->add_subcommand(
      "explain", "What a rule checks, the clause it enforces, a fixture it passes and one it fails");
  explain_cmd->add_option("--rules", o->pack, "Rule pack (YAML)");
  explain_cmd->add_option("args", o->args, "PACK RULE-ID (or RULE-ID with --rules)")->required();
  CLI::App* test_cmd = rules->add_subcommand(
      "test", "Run a pack over pages with NAME.expected files (fired rule ids) beside them; "
              "with no pages, over the pack's own fixtures");
  test_cmd->add_option("--rules", o->pack, "Rule pack (YAML); or give it as the first argument");
  test_cmd->add_option("--original", o->originals, "A publisher's original; repeatable")->allow_extra_args(false);
  test_cmd->add_option("--originals", o->originals_index, "An index or a list file of originals")
      ->check(originals_file());
  test_cmd->add_option("--base-url", o->base_url, "URL the local files will be published at");
  test_cmd->add_option("inputs", o->inputs, "[PACK] pages with .expected files (none: the pack's fixtures)");
  add_fetch_options(test_cmd, &o->fetch, &o->jobs);
  add_page_options(test_cmd, &o->jobs);
  CLI::App* draft_cmd = nullptr;
  Runner draft = add_rules_draft_command(rules, &draft_cmd);
  return [=](Streams& io) {
    if (draft_cmd->parsed()) return draft(io);
    if (list_cmd->parsed()) return list(*o, io);
    if (explain_cmd->parsed()) {
      // explain PACK RULE, or explain --rules PACK RULE.
      if (o->args.size() != (o->pack.empty() ? 2u : 1u)) {
        io.err << "credcheck: rules explain: expected PACK RULE-ID (or --rules PACK RULE-ID)\n";
        return static_cast<int>(kExitUsage);
      }
      if (o->pack.empty()) o->pack = o->args[0];
      o->id = o->args.back();
      return explain(*o, io);
    }
    if (test_cmd->parsed()) {
      RulesOptions t = *o;
      if (t.pack.empty()) {
        if (t.inputs.empty()) {
          io.err << "credcheck: rules test: expected a pack (PACK or --rules PACK)\n";
          return static_cast<int>(kExitUsage);
        }
        t.pack = t.inputs[0];
        t.inputs.erase(t.inputs.begin());
      }
      return test(std::move(t), io);
    }
    Pack pack;  // validate: the one subcommand left
    if (!load(*o, &pack, io)) return static_cast<int>(kExitUsage);
    io.out << o->pack << ": ok, " << pack.rules.size() << " rules\n";
    return static_cast<int>(kExitOk);
  };
}

}  // namespace credcheck
