// credcheck rules draft INPUT [--output PACK]: a publisher's notice -> a draft rule pack.
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>

#include "checker/cli/check.h"
#include "checker/cli/commands.h"
#include "checker/cli/exit_status.h"
#include "checker/cli/output_safety.h"
#include "checker/cli/pipeline.h"
#include "checker/decode/decode.h"
#include "checker/notice/demands.h"
#include "checker/notice/notice.h"
#include "checker/rules/draft_pack.h"
#include "checker/rules/params.h"
#include "checker/rules/urls.h"

namespace credcheck {
namespace {

struct DraftOptions {
  std::string input;
  std::string output;
  std::vector<std::string> hosts;
  FetchOptions fetch;
  int jobs = 1;
};

bool write_file(const std::string& path, const std::string& text, std::string* err) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f << text;
  f.close();
  if (!f) *err = path + ": cannot write the pack";
  return static_cast<bool>(f);
}

// The draft must load as a pack: a draft that does not is a bug here, said as one.
bool validates(const std::string& yaml, const std::string& output, size_t* rules, std::string* err) {
  std::string path = output;
  if (path.empty()) {
    std::random_device rd;
    path = (std::filesystem::temp_directory_path() /
            ("credcheck-draft-" + std::to_string(rd()) + ".yaml")).string();
    if (!write_file(path, yaml, err)) return false;
  }
  Pack pack;
  bool ok = load_pack(path, &pack, err);
  if (output.empty()) std::filesystem::remove(path);
  *rules = pack.rules.size();
  return ok;
}

int run_draft(const DraftOptions& o, Streams& io) {
  for (const std::string& h : o.hosts)
    if (!valid_host_pattern(publisher_host(h))) {
      io.err << "credcheck: --host: '" << h << "' is not a host; expected example.com, "
             << ".example.com or *.example.com\n";
      return kExitUsage;
    }
  Input input;
  input.spec = o.input;
  input.is_url = has_http_scheme(o.input);
  if (!o.output.empty()) {
    std::string what;
    if (output_is_read(identify_output(o.output), {}, {o.input}, &what)) {
      io.err << "credcheck: --output " << o.output << " is the input " << what
             << "; write the draft elsewhere\n";
      return kExitUsage;
    }
  }
  PageRead page;
  std::string err;
  std::unique_ptr<Fetcher> fetcher = make_curl_fetcher(o.fetch);
  if (!load_input(input, fetcher.get(), o.fetch, &page.doc, &err)) {
    io.err << "credcheck: " << err << '\n';
    return kExitUsage;
  }
  Decoded text = decode_html(page.doc.bytes, page.doc.content_type);
  NoticePage read;
  if (!read_notice_page(text.text, &read, &err)) {
    io.err << "credcheck: " << o.input << ": " << err << '\n';
    return kExitUsage;
  }
  if (read.notice.sentences.empty()) {
    io.err << "credcheck: " << o.input << ": no copyright notice found (no line outside the "
           << "article states a reprint, copyright or credit term)\n";
    return kExitUsage;
  }
  DraftSource src{o.input, read.notice, recognise_demands(read.notice), read.site_names, {}};
  // The host it was fetched from, and its canonical link's (a file has only the latter).
  if (std::string host = page_host(page, ""); !host.empty()) src.hosts.push_back(host);
  if (std::string host = page_host(PageRead{}, read.canonical); !host.empty()) src.hosts.push_back(host);
  for (const std::string& h : o.hosts) src.hosts.push_back(h);
  Draft draft = draft_pack(src);
  const DraftCounts& c = draft.counts;
  io.err << o.input << ": notice"
         << (read.notice.title.empty() ? "" : " \"" + read.notice.title + "\"") << ": "
         << c.sentences << " sentences, " << c.mapped << " mapped to rules, " << c.planned
         << " to rules left commented out (parameters to choose), " << c.unmapped
         << " not mapped (quoted as comments)\n";
  for (const std::string& w : draft.warnings) io.err << "  to do: " << w << '\n';
  if (!draft_has_rules(src.demands)) {
    io.err << "credcheck: " << o.input << ": the notice states no term credcheck can check; "
           << "no pack written. Its sentences:\n";
    for (const NoticeSentence& s : read.notice.sentences)
      io.err << "  [" << s.clause << "] " << s.text << '\n';
    return kExitUsage;
  }
  if (!o.output.empty() && !write_file(o.output, draft.yaml, &err)) {
    io.err << "credcheck: " << err << '\n';
    return kExitUsage;
  }
  size_t rules = 0;
  if (!validates(draft.yaml, o.output, &rules, &err)) {
    io.err << "credcheck: internal error: the drafted pack does not validate: " << err << '\n';
    return kExitUsage;
  }
  if (o.output.empty()) io.out << draft.yaml;
  else io.err << "wrote " << o.output << " (a draft to review; it validates: " << rules << " rules)\n";
  return kExitOk;
}

}  // namespace

Runner add_rules_draft_command(CLI::App* rules, CLI::App** cmd) {
  auto o = std::make_shared<DraftOptions>();
  *cmd = rules->add_subcommand(
      "draft", "Draft a rule pack from a publisher's notice (a page carrying it, or the notice as text)");
  (*cmd)->add_option("input", o->input, "The notice page: a file or an http(s) URL")->required();
  (*cmd)->add_option("-o,--output", o->output, "Write the pack here (default: standard output)");
  (*cmd)->add_option("--host", o->hosts,
                     "The publisher's own host, when the input does not give it; repeatable")
      ->allow_extra_args(false);
  add_fetch_options(*cmd, &o->fetch, &o->jobs);
  return [o](Streams& io) { return run_draft(*o, io); };
}

}  // namespace credcheck
