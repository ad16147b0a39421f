// original-link: the page links to the original (CC BY's "source", The Conversation's
// "Read the original article"): an href of the article resolving to the original's URL
// or its canonical.
#include <memory>

#include "checker/rules/credit.h"
#include "checker/rules/params.h"
#include "checker/rules/registry.h"
#include "checker/rules/urls.h"

namespace credcheck {
namespace {

class OriginalLinkRule : public Rule {
 public:
  using Rule::Rule;

  Needs needs() const override { return Needs::original; }

  void check(const CheckContext& ctx, std::vector<Finding>* out) const override {
    std::vector<std::string> targets;
    std::string shown;  // the first http(s) address of the original, for the message
    for (const std::string& u : {ctx.original_url, ctx.original->canonical})
      if (std::string k = url_key(u); !k.empty()) {
        targets.push_back(k);
        if (shown.empty()) shown = u;
      }
    for (const Link& link : ctx.page.links) {
      std::string k = url_key(link.href);
      if (k.empty()) continue;
      for (const std::string& t : targets)
        if (k == t) return;
      // The original's address unknown (a local file without canonical): a link to the
      // publisher's own host is the best the page can be asked for.
      if (targets.empty() && host_listed(ctx.publisher.hosts, url_host(link.href))) return;
    }
    Finding f = targets.empty() ? finding("no link to the publisher's site", "没有指向发布者网站的链接")
                                : finding("no link to the original", "没有指向原文的链接");
    std::vector<std::string> hrefs;
    for (const Link& link : ctx.page.links)
      if (hrefs.size() < 8) hrefs.push_back(link.href);
    f.evidence = join_lines(hrefs);
    std::string to = targets.empty() ? join_lines(ctx.publisher.hosts, ", ") : shown;
    f.expected = say("a link to " + to, "指向 " + to + " 的链接");
    f.location = "links";
    out->push_back(std::move(f));
  }
};

std::unique_ptr<Rule> make_original_link(RuleInfo info, const YAML::Node&, std::string*) {
  return std::make_unique<OriginalLinkRule>(std::move(info));
}

}  // namespace

CREDCHECK_REGISTER_RULE(original_link, "original-link",
                        "the article links to the original (its URL or canonical)",
                        make_original_link)

}  // namespace credcheck
