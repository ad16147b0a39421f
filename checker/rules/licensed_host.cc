// licensed-host (clause 1): reprints only on hosts holding written authorisation.
#include <memory>

#include "checker/rules/credit.h"
#include "checker/rules/params.h"
#include "checker/rules/registry.h"

namespace credcheck {
namespace {

class LicensedHostRule : public Rule {
 public:
  LicensedHostRule(RuleInfo info, std::vector<std::string> licensees)
      : Rule(std::move(info)), licensees_(std::move(licensees)) {}

  Needs needs() const override { return Needs::host; }

  void check(const CheckContext& ctx, std::vector<Finding>* out) const override {
    // Runs only with a host (Needs::host): the engine lists it as not checked otherwise.
    std::string host = normalize_host(ctx.host);
    if (host.empty() || host_listed(ctx.publisher.hosts, host) ||
        host_listed(licensees_, host))
      return;
    Finding f = finding("host " + host + " holds no authorisation", "网站" + host + "未获授权");
    f.evidence = host;
    f.expected = licensees_.empty() ? say("a host with the publisher's written authorisation", "获发布者书面授权的网站")
                                    : say("one of: ", "以下之一：") + join_lines(licensees_, ", ");
    f.location = "host";
    out->push_back(std::move(f));
  }

 private:
  std::vector<std::string> licensees_;  // host patterns (see host_listed())
};

std::unique_ptr<Rule> make_licensed_host(RuleInfo info, const YAML::Node& params,
                                         std::string* err) {
  std::vector<std::string> licensees;
  if (!read_host_list(params, "licensees", true, &licensees, err)) return nullptr;
  return std::make_unique<LicensedHostRule>(std::move(info), std::move(licensees));
}

}  // namespace

CREDCHECK_REGISTER_RULE(licensed_host, "licensed-host",
                        "the page's host is the publisher's or one of the `licensees`",
                        make_licensed_host, "licensees")

}  // namespace credcheck
