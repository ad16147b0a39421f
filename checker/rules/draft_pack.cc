#include "checker/rules/draft_pack.h"

#include <re2/re2.h>

#include <algorithm>
#include <map>
#include <set>

#include "checker/rules/params.h"
#include "checker/rules/registry.h"
#include "checker/text/normalize.h"
#include "checker/text/utf8.h"

namespace credcheck {
namespace {

// A YAML single-quoted scalar: any text on one line, ' doubled.
std::string q(std::string_view s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += "''";
    else if (c == '\n' || c == '\r' || c == '\t') out += ' ';
    else if (static_cast<unsigned char>(c) >= 0x20 || c < 0) out += c;
  }
  return out + "'";
}

std::string flow_list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + q(items[i]);
  return out + "]";
}

bool ends_with(const std::string& s, std::string_view tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// A rule of the draft, from one or more demands.
struct DraftRule {
  const char* id;
  const char* kind;
  bool live;  // a kind credcheck has, with parameters the draft can fill
  std::vector<const Demand*> from;
};

// The rules in the order a pack lists them; the planned kinds use the names issue 13
// gives them, so a reviewer can uncomment them once those kinds exist.
struct Mapping {
  DemandKind demand;
  const char* id;
  const char* kind;
  bool live;
};
const Mapping kMappings[] = {
    {DemandKind::authorisation, "unauthorized-reprint", "licensed-host", true},
    {DemandKind::reprint_forbidden, "unauthorized-reprint", "licensed-host", true},
    {DemandKind::rights_reserved, "unauthorized-reprint", "licensed-host", true},
    {DemandKind::source_credit, "source-credit", "source-credit", true},
    {DemandKind::author_credit, "author-credit", "author-credit", true},
    {DemandKind::media_credit, "media-credit", "media-credit", true},
    {DemandKind::original_title, "original-title", "original-title", true},
    {DemandKind::upstream_source, "upstream-source", "upstream-source", true},
    {DemandKind::name_protected, "name-misuse", "name-misuse", true},
    {DemandKind::mirroring, "mirroring", "mirror-copy", true},
    {DemandKind::link_back, "original-link", "original-link", true},
    {DemandKind::text_unchanged, "text-unchanged", "text-unchanged", false},
    {DemandKind::dateline_kept, "dateline-kept", "dateline-kept", false},
    {DemandKind::licence_notice, "licence-notice", "licence-notice", false},
};

const Mapping& mapping(DemandKind k) {
  for (const Mapping& m : kMappings)
    if (m.demand == k) return m;
  return kMappings[0];
}

std::vector<DraftRule> group_rules(const std::vector<Demand>& demands) {
  // 版权所有 supports a licence or a ban stated elsewhere: then the rule quotes those.
  bool stated = false;
  for (const Demand& d : demands)
    stated |= d.kind == DemandKind::authorisation || d.kind == DemandKind::reprint_forbidden;
  std::vector<DraftRule> rules;
  for (const Mapping& m : kMappings) {
    auto it = std::find_if(rules.begin(), rules.end(),
                           [&](const DraftRule& r) { return std::string(r.id) == m.id; });
    for (const Demand& d : demands) {
      if (d.kind != m.demand || (stated && d.kind == DemandKind::rights_reserved)) continue;
      if (it == rules.end()) {
        rules.push_back({m.id, m.kind, m.live, {}});
        it = rules.end() - 1;
      }
      it->from.push_back(&d);
    }
  }
  return rules;
}

bool has_kind(const DraftRule& r, DemandKind k) {
  for (const Demand* d : r.from)
    if (d->kind == k) return true;
  return false;
}

// Clauses and quotes of the sentences a rule came from, each once, in notice order.
std::vector<size_t> sentences_of(const DraftRule& r) {
  std::set<size_t> s;
  for (const Demand* d : r.from) s.insert(d->sentence);
  return {s.begin(), s.end()};
}

std::string clauses(const DraftRule& r, const Notice& n) {
  std::string out;
  std::set<std::string> seen;
  for (size_t i : sentences_of(r))
    if (seen.insert(n.sentences[i].clause).second)
      out += (out.empty() ? "" : ", ") + n.sentences[i].clause;
  return out;
}

std::string quote(const DraftRule& r, const Notice& n) {
  std::string out;
  for (size_t i : sentences_of(r)) out += (out.empty() ? "" : "……") + n.sentences[i].text;
  return out;
}

// The credit as a source-credit accept pattern (matched against normalize()d names):
// a paper (…报) also as its publisher (…报社) and its editions (电子版, 数字报, 客户端);
// any name also in book-title marks (<…>, from 《…》).
std::vector<std::string> accept_patterns(const std::string& printed) {
  std::string n = RE2::QuoteMeta(compact(printed));
  if (ends_with(compact(printed), "报"))
    return {"<?" + n + "社?>?", "<?" + n + ">? ?(电子版|数字报|客户端)"};
  return {"<?" + n + ">?"};
}

// The affiliation a byline must show: the label's outlet (西江日报 from 西江日报记者),
// its publisher's form (…报社), and the titles papers print before 记者.
std::string affiliation_pattern(const std::string& label) {
  static const RE2 tail("(社)? ?(全媒体|融媒体?|首席|见习|摄影)?记者$");
  std::string base = compact(label);
  RE2::Replace(&base, tail, "");
  std::string n = RE2::QuoteMeta(base);
  return n + (ends_with(base, "报") ? "社?" : "") + " ?(全媒体|融媒体?|首席|见习|摄影)?记者";
}

void add_name(std::vector<std::string>* names, std::set<std::string>* seen, const std::string& n) {
  if (n.empty() || !seen->insert(compact(n)).second) return;
  names->push_back(n);
}

// What a rule of `r.kind` says: its message, its parameters (YAML, indented as in a
// rule) and a comment for the reviewer.
struct KindText {
  std::string message, params, note;
};

KindText kind_text(const DraftRule& r, const Notice& notice, const std::string& name,
                   const std::vector<std::string>& credited) {
  KindText t;
  std::string kind(r.kind);
  if (kind == "licensed-host") {
    bool licensed = has_kind(r, DemandKind::authorisation);
    bool forbidden = has_kind(r, DemandKind::reprint_forbidden);
    t.message = licensed ? "未经" + name + "授权，不得转载"
              : forbidden ? name + "的作品不得转载" : name + "版权所有，转载须经授权";
    t.note = licensed ? "# Hosts holding the publisher's written authorisation; empty: every reprint is reported.\n"
           : forbidden ? "# The notice forbids reprinting and offers no licence: leave licensees empty.\n"
                       : "# The notice only reserves its rights (no terms): a warning, licensees empty.\n";
    t.params = "  licensees: []\n";
  } else if (kind == "source-credit") {
    std::string want = credited.empty() ? name : credited.front();
    // A notice in traditional characters asks for 來源：, as it writes it.
    std::string text = quote(r, notice);
    std::string label = simplified_view(text) != text ? "來源：" : "来源：";
    t.message = "转载须注明来源“" + label + want + "”";
    std::vector<std::string> accept;
    for (const std::string& n : credited.empty() ? std::vector<std::string>{name} : credited)
      for (std::string& p : accept_patterns(n)) accept.push_back(std::move(p));
    t.note = credited.empty() ? "# The notice names no wording: accept is the publisher's name.\n"
                            : "# The credit word for word as the notice asks for it (and its printed forms).\n";
    for (const Demand* d : r.from)
      if (d->indirect) {
        t.note += "# It holds for reprints via another platform too: naming that platform does not satisfy it.\n";
        break;
      }
    t.params = "  accept:\n";
    for (const std::string& p : accept) t.params += "    - " + q(p) + "\n";
    t.params += "  expected: " + q(label + want) + "\n";
  } else if (kind == "author-credit") {
    std::string label;
    for (const Demand* d : r.from)
      if (label.empty()) label = d->author_label;
    if (label.empty()) {
      // 注明作者姓名: the author named, in any byline form.
      t.message = "转载须注明作者姓名";
      t.note = "# The notice asks for the author's name only: any credit line naming each author passes.\n";
      t.params = "  affiliation: '.*'\n  affiliation_label: 作者\n";
    } else {
      t.message = "转载须注明作者信息“" + label + "***”";
      t.params = "  affiliation: " + q(affiliation_pattern(label)) + "\n  affiliation_label: " +
               q(clean_space(label)) + "\n";
    }
  } else if (kind == "media-credit") {
    t.message = "转载须注明相关图片和视频的出处及作者";
  } else if (kind == "original-title") {
    t.message = "修改标题须注明原标题";
  } else if (kind == "upstream-source") {
    t.message = name + "转载的稿件，须保留其注明的稿件来源";
  } else if (kind == "name-misuse") {
    t.message = "以" + name + "名义发布他人稿件";
  } else if (kind == "mirror-copy") {
    t.message = "未经" + name + "授权，不得建立镜像";
  } else if (kind == "original-link") {
    t.message = "转载须附上原文链接";
  } else if (kind == "text-unchanged") {
    t.message = "转载不得修改作品内容";
  } else if (kind == "dateline-kept") {
    t.message = "转载须保留电头";
  } else {
    t.message = "转载须注明许可协议";
  }
  return t;
}

// Every line of `text` with `prefix` before it.
std::string prefixed(const std::string& text, const std::string& prefix) {
  std::string out;
  for (size_t at = 0; at < text.size();) {
    size_t end = text.find('\n', at);
    if (end == std::string::npos) end = text.size() - 1;
    out += prefix + text.substr(at, end - at + 1);
    at = end + 1;
  }
  return out;
}

}  // namespace

std::string publisher_host(std::string host) {
  host = utf8::ascii_lower(host);
  if (host.rfind("www.", 0) == 0 && host.find('.', 4) != std::string::npos)
    return host.substr(3);
  return host;
}

bool draft_has_rules(const std::vector<Demand>& demands) {
  for (const Demand& d : demands)
    if (mapping(d.kind).live) return true;
  return false;
}

Draft draft_pack(const DraftSource& src) {
  Draft draft;
  const Notice& notice = src.notice;
  std::vector<DraftRule> rules = group_rules(src.demands);

  // The publisher: the name its credit asks for, else the names it uses, else the page's.
  std::vector<std::string> names;
  std::set<std::string> seen;
  for (const Demand& d : src.demands)
    if (d.kind == DemandKind::source_credit)
      for (const std::string& n : d.names) add_name(&names, &seen, n);
  std::vector<std::string> credited = names;
  for (const std::string& n : notice_names(notice)) add_name(&names, &seen, n);
  for (const Demand& d : src.demands)
    if (d.kind == DemandKind::name_protected)
      for (const std::string& n : d.names) add_name(&names, &seen, n);
  for (const std::string& n : src.page_names) add_name(&names, &seen, n);
  for (size_t i = 0, count = names.size(); i < count; ++i)
    if (ends_with(compact(names[i]), "报")) add_name(&names, &seen, names[i] + "社");
  std::string name = names.empty() ? "" : names.front();
  if (name.empty()) {
    name = "未知";
    draft.warnings.push_back("no publisher name on the page or in the notice: set publisher.name");
  }
  draft.publisher = name;
  std::vector<std::string> hosts;
  for (const std::string& h : src.hosts) {
    std::string p = publisher_host(h);
    if (!valid_host_pattern(p)) {
      draft.warnings.push_back("'" + h + "' is not a host; left out of publisher.hosts");
    } else if (std::find(hosts.begin(), hosts.end(), p) == hosts.end()) {
      hosts.push_back(p);
    }
  }
  if (hosts.empty())
    draft.warnings.push_back("no host for the publisher (no canonical link or URL): add publisher.hosts, or pass --host");

  // Counts: a sentence is mapped when one of its demands has a live rule.
  // (版权所有 beside a licence counts as mapped: the licence rule stands on it.)
  std::vector<int> state(notice.sentences.size(), 0);  // 0 none, 1 planned, 2 live
  for (const Demand& d : src.demands)
    state[d.sentence] = std::max(state[d.sentence], mapping(d.kind).live ? 2 : 1);
  draft.counts.sentences = notice.sentences.size();
  for (int s : state) (s == 2 ? draft.counts.mapped : s == 1 ? draft.counts.planned : draft.counts.unmapped)++;

  std::string y;
  y += "# DRAFT TO REVIEW. Written by `credcheck rules draft` from " + src.input + ".\n";
  y += "# Each rule quotes the notice's sentences it came from; read it against the notice,\n";
  y += "# check the names, hosts and patterns, then delete these comments above `pack:`.\n";
  y += "# The notice: " + std::to_string(draft.counts.sentences) + " sentences; " +
       std::to_string(draft.counts.mapped) + " mapped to rules, " +
       std::to_string(draft.counts.planned) + " to rules left commented out "
       "(parameters to choose), " + std::to_string(draft.counts.unmapped) + " to none (quoted at the end).\n";
  for (const std::string& w : draft.warnings) y += "# TO DO: " + w + "\n";
  std::string slug = hosts.empty() ? name : hosts.front();
  if (!hosts.empty()) {
    slug = slug.substr(slug.front() == '.' ? 1 : 0);
    slug = slug.substr(0, slug.rfind('.'));
    std::replace(slug.begin(), slug.end(), '.', '-');
  }
  std::string title = notice.title.empty() ? "the copyright notice" : notice.title;
  y += "\npack: " + q(slug + "-draft") + "\n";
  y += "notice: " + q(title + " (draft from " + src.input + "; review before use)") + "\n\n";
  y += "publisher:\n  name: " + q(name) + "\n  names: " + flow_list(names) +
       "\n  hosts: " + flow_list(hosts) + "\n\nrules:\n";

  std::string planned;
  for (const DraftRule& r : rules) {
    bool hard = false;
    for (const Demand* d : r.from) hard |= d->hard;
    std::string body;
    body += "- id: " + std::string(r.id) + "\n";
    body += "  kind: " + std::string(r.kind) + "\n";
    body += "  clause: " + q(clauses(r, notice)) + "\n";
    body += std::string("  severity: ") + (hard ? "error" : "warning") + "\n";
    body += "  quote: " + q(quote(r, notice)) + "\n";
    KindText t = kind_text(r, notice, name, credited);
    body += "  message: " + q(t.message) + "\n" + t.params;
    if (r.live) {
      y += "\n" + prefixed(t.note, "  ") + prefixed(body, "  ");
    } else {
      bool exists = find_rule_kind(r.kind) != nullptr;
      planned += "#\n#  " + std::string(exists ? "(kind registered: fill in its parameters, see `credcheck rules list`)"
                                             : "(kind not yet in credcheck)") + "\n";
      planned += prefixed(body, "#  ");
    }
  }
  if (!planned.empty())
    y += "\n# Demands whose rules need parameters a person chooses (the dateline's pattern,\n"
         "# the licence, the tolerance for edits), written commented out: fill them in and uncomment.\n" + planned;
  std::string unmapped;
  for (size_t i = 0; i < notice.sentences.size(); ++i)
    if (state[i] == 0)
      unmapped += "#   [" + notice.sentences[i].clause + "] " + notice.sentences[i].text + "\n";
  if (!unmapped.empty())
    y += "\n# Sentences of the notice that map to no rule (review: does any state a term?):\n" + unmapped;
  draft.yaml = std::move(y);
  return draft;
}

}  // namespace credcheck
