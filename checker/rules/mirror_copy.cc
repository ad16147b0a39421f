// mirror-copy: the page is the publisher's own page served from another host, i.e. one
// page of a mirror ("请勿……建立镜像"). The engine checks one page at a time, so a mirror
// is recognised page by page, from what each mirrored page shows by itself: it copies
// the original whole (both ways at least `min_copied` of the shingles: nothing cut,
// nothing added), and it presents itself as the publisher (its site name, og:site_name
// or <title>'s suffix, names the publisher) while on a host that is not the publisher's
// (the engine passes the publisher's own hosts before any rule runs). A reprint, even a
// full one, carries its own site's name. Each mirrored page of a host is one finding;
// the report's per-page results, grouped by host, show how much of the site is copied.
#include <memory>

#include "checker/match/match.h"
#include "checker/rules/credit.h"
#include "checker/rules/params.h"
#include "checker/rules/registry.h"

namespace credcheck {
namespace {

class MirrorCopyRule : public Rule {
 public:
  MirrorCopyRule(RuleInfo info, double min_copied)
      : Rule(std::move(info)), min_copied_(min_copied) {}

  Needs needs() const override { return Needs::original; }

  void check(const CheckContext& ctx, std::vector<Finding>* out) const override {
    if (ctx.page.site_name.empty() || !names_publisher(ctx.publisher, ctx.page.site_name))
      return;
    Fingerprint p = fingerprint(ctx.page.text), o = fingerprint(ctx.original->text);
    double copied = std::min(containment(o, p), containment(p, o));
    if (o.shingles.empty() || copied < min_copied_) return;
    std::string host = ctx.host.empty() ? "" : normalize_host(ctx.host);
    Finding f = finding("the publisher's page, whole, under the name " + ctx.page.site_name +
                            (host.empty() ? "" : " on " + host),
                        (host.empty() ? "" : host + " 上") + "以“" + ctx.page.site_name + "”之名整页照搬发布者的页面");
    f.evidence = ctx.page.site_name;
    f.expected = say("no copy of the publisher's pages on another host", "其他域名上不得有发布者页面的副本");
    f.location = "site_name";
    out->push_back(std::move(f));
  }

 private:
  double min_copied_;
};

std::unique_ptr<Rule> make_mirror_copy(RuleInfo info, const YAML::Node& params,
                                       std::string* err) {
  double min_copied = 0.9;
  if (!read_fraction(params, "min_copied", false, &min_copied, err)) return nullptr;
  return std::make_unique<MirrorCopyRule>(std::move(info), min_copied);
}

}  // namespace

CREDCHECK_REGISTER_RULE(mirror_copy, "mirror-copy",
                        "the page is the publisher's page whole (its site name, its full text) "
                        "on another host: one page of a mirror",
                        make_mirror_copy, "min_copied")

}  // namespace credcheck
