// credcheck rules list|validate|explain|test: for the people who write packs.
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>

#include "checker/cli/commands.h"
#include "checker/cli/exit_status.h"
#include "checker/cli/originals_option.h"
#include "checker/cli/pipeline.h"
#include "checker/rules/engine.h"
#include "checker/rules/registry.h"

namespace credcheck {
namespace {

struct RulesOptions {
  std::string pack;
  std::string id;
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

int list(const RulesOptions& o, Streams& io) {
  if (o.pack.empty()) {
    for (const auto& [name, kind] : rule_kinds()) io.out << name << "\t" << kind.description << '\n';
    return kExitOk;
  }
  Pack pack;
  if (!load(o, &pack, io)) return kExitUsage;
  for (const auto& rule : pack.rules) {
    const RuleInfo& i = rule->info();
    io.out << i.id << "\t" << i.kind << "\t" << severity_name(i.severity) << "\tclause " << i.clause << '\n';
  }
  return kExitOk;
}

int explain(const RulesOptions& o, Streams& io) {
  Pack pack;
  if (!load(o, &pack, io)) return kExitUsage;
  if (const Rule* rule = find_rule(pack, o.id)) {
    io.out << describe_rule(*rule);
    return kExitOk;
  }
  io.err << "credcheck: " << o.pack << ": no rule '" << o.id << "'\n";
  return kExitUsage;
}

// Reads NAME.expected beside NAME.html: one fired rule id per line, "not_checked: ID"
// for a rule the page must leave unchecked (a host rule on a file without --base-url),
// '#' comments.
bool read_expected(const std::string& page, std::set<std::string>* ids,
                   std::set<std::string>* not_checked) {
  std::filesystem::path p(page);
  std::ifstream f(p.replace_extension(".expected"));
  if (!f) return false;
  static const std::string kNotChecked = "not_checked:";
  for (std::string line; std::getline(f, line);) {
    line.erase(0, line.find_first_not_of(" \t"));
    line.erase(line.find_last_not_of(" \t\r") + 1);
    if (line.empty() || line[0] == '#') continue;
    if (line.rfind(kNotChecked, 0) == 0) {
      std::string id = line.substr(kNotChecked.size());
      id.erase(0, id.find_first_not_of(" \t"));
      not_checked->insert(id);
    } else {
      ids->insert(line);
    }
  }
  return true;
}

std::string joined(const std::set<std::string>& ids) {
  std::string s;
  for (const auto& id : ids) s += (s.empty() ? "" : ", ") + id;
  return "{" + s + "}";
}

int test(const RulesOptions& o, Streams& io) {
  Pack pack;
  if (!load(o, &pack, io)) return kExitUsage;
  std::unique_ptr<OriginalSet> originals;
  std::string err;
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
               std::set<std::string> want, got, want_unchecked, unchecked;
               if (!read_expected(input.spec, &want, &want_unchecked)) {
                 io.out << "FAIL " << input.spec << ": no .expected file beside it\n";
                 ++failed;
                 return;
               }
               if (!ok) {
                 io.out << "FAIL " << input.spec << ": " << e << '\n';
                 ++failed;
                 return;
               }
               Result r = check_page(std::move(page), pack, *originals, o.base_url);
               for (const Finding& f : r.findings) got.insert(f.rule);
               unchecked.insert(r.not_checked.begin(), r.not_checked.end());
               const char* status = !want.empty()           ? "violation"
                                    : !want_unchecked.empty() ? "unchecked"
                                                              : "compliant";
               bool pass = got == want && unchecked == want_unchecked && r.status == status;
               (pass ? passed : failed)++;
               io.out << (pass ? "PASS " : "FAIL ") << input.spec;
               if (!pass)
                 io.out << ": expected " << joined(want) << " not checked " << joined(want_unchecked)
                        << ", got " << joined(got) << " not checked " << joined(unchecked) << " ("
                        << r.status << ": " << r.reason << ")";
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
  CLI::App* list_cmd = rules->add_subcommand("list", "Rule kinds, or the rules of a pack with --rules");
  list_cmd->add_option("--rules", o->pack, "Rule pack (YAML)");
  rules->add_subcommand("validate", "Check a pack; exit 2 with file:line:col on error")
      ->add_option("pack", o->pack, "Rule pack (YAML)")
      ->required();
  CLI::App* explain_cmd = rules->add_subcommand("explain", "What a rule checks and the clause it enforces");
  explain_cmd->add_option("--rules", o->pack, "Rule pack (YAML)")->required();
  explain_cmd->add_option("id", o->id, "Rule id")->required();
  CLI::App* test_cmd = rules->add_subcommand(
      "test", "Run a pack over pages with NAME.expected files (fired rule ids) beside them");
  test_cmd->add_option("--rules", o->pack, "Rule pack (YAML)")->required();
  test_cmd->add_option("--original", o->originals, "A publisher's original; repeatable")->allow_extra_args(false);
  test_cmd->add_option("--originals", o->originals_index, "An index or a list file of originals")
      ->check(originals_file());
  test_cmd->add_option("--base-url", o->base_url, "URL the local files will be published at");
  test_cmd->add_option("inputs", o->inputs, "Pages with .expected files")->required();
  add_fetch_options(test_cmd, &o->fetch, &o->jobs);
  add_page_options(test_cmd, &o->jobs);
  CLI::App* draft_cmd = nullptr;
  Runner draft = add_rules_draft_command(rules, &draft_cmd);
  return [=](Streams& io) {
    if (draft_cmd->parsed()) return draft(io);
    if (list_cmd->parsed()) return list(*o, io);
    if (explain_cmd->parsed()) return explain(*o, io);
    if (test_cmd->parsed()) return test(*o, io);
    Pack pack;  // validate: the one subcommand left
    if (!load(*o, &pack, io)) return static_cast<int>(kExitUsage);
    io.out << o->pack << ": ok, " << pack.rules.size() << " rules\n";
    return static_cast<int>(kExitOk);
  };
}

}  // namespace credcheck
