// text-unchanged: no edits beyond a tolerance (CC BY-ND: "no edits beyond time, place
// and house style"). The page's text and the original's are compared by shingles (the
// matcher's fingerprints, so spacing, punctuation and script do not count) both ways:
// text cut from the original and text added to it are both changes. With
// `unless_stated` (CC BY: "indicate if changes were made"), a page saying it changed
// the work may change it.
#include <algorithm>
#include <memory>

#include "checker/match/match.h"
#include "checker/rules/credit.h"
#include "checker/rules/params.h"
#include "checker/rules/registry.h"
#include "checker/text/normalize.h"

namespace credcheck {
namespace {

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> out;
  for (size_t at = 0; at < text.size();) {
    size_t end = std::min(text.find('\n', at), text.size());
    if (end > at) out.push_back(text.substr(at, end - at));
    at = end + 1;
  }
  return out;
}

class TextUnchangedRule : public Rule {
 public:
  TextUnchangedRule(RuleInfo info, double max_changed, PatternList ignore, bool has_ignore,
                    PatternList stated, bool has_stated)
      : Rule(std::move(info)), max_changed_(max_changed), ignore_(std::move(ignore)),
        has_ignore_(has_ignore), stated_(std::move(stated)), has_stated_(has_stated) {}

  Needs needs() const override { return Needs::original; }

  void check(const CheckContext& ctx, std::vector<Finding>* out) const override {
    std::vector<std::string_view> page = kept(ctx.page.text), orig = kept(ctx.original->text);
    Fingerprint p = fingerprint(joined(page)), o = fingerprint(joined(orig));
    if (o.shingles.empty()) return;  // nothing to compare against
    double cut = 1 - containment(o, p), added = 1 - containment(p, o);
    double changed = std::max(cut, added);
    if (changed <= max_changed_) return;
    // CC BY: changes are allowed when the page says the work was changed.
    if (has_stated_)
      for (std::string_view l : lines_of(ctx.page.text))
        if (stated_.matches(normalize(l))) return;
    Finding f = finding(pct(changed) + " of the text changed (" + pct(cut) + " cut, " + pct(added) +
                            " added), more than " + pct(max_changed_),
                        "正文改动 " + pct(changed) + "（删去 " + pct(cut) + "，增加 " + pct(added) + "），超过 " +
                            pct(max_changed_));
    // The first line of the page the original does not hold, else the first line of the
    // original the page lost.
    std::string page_all = compact(joined(page)), orig_all = compact(joined(orig));
    for (std::string_view l : page)
      if (std::string c = compact(l); !c.empty() && orig_all.find(c) == std::string::npos) {
        f.evidence = std::string(l);
        break;
      }
    if (f.evidence.empty())
      for (std::string_view l : orig)
        if (std::string c = compact(l); !c.empty() && page_all.find(c) == std::string::npos) {
          f.expected = say("the original's text, with: ", "原文的正文，包括：") + std::string(l);
          break;
        }
    if (f.expected.empty())
      f.expected = say("the original's text, changed at most " + pct(max_changed_),
                       "原文的正文，改动不超过 " + pct(max_changed_));
    f.location = "text";
    out->push_back(std::move(f));
  }

 private:
  static std::string pct(double share) {
    return std::to_string(static_cast<int>(share * 100 + 0.5)) + "%";
  }
  static std::string joined(const std::vector<std::string_view>& lines) {
    std::string s;
    for (std::string_view l : lines) (s += l) += '\n';
    return s;
  }
  // The text's lines less those `ignore` allows to differ (a republication notice).
  std::vector<std::string_view> kept(std::string_view text) const {
    std::vector<std::string_view> out;
    for (std::string_view l : lines_of(text))
      if (!has_ignore_ || !ignore_.matches(normalize(l))) out.push_back(l);
    return out;
  }

  double max_changed_;
  PatternList ignore_;
  bool has_ignore_;
  PatternList stated_;  // a line saying the work was changed, which allows changes
  bool has_stated_;
};

std::unique_ptr<Rule> make_text_unchanged(RuleInfo info, const YAML::Node& params,
                                          std::string* err) {
  double max_changed = 0;
  if (!read_fraction(params, "max_changed", true, &max_changed, err)) return nullptr;
  PatternList ignore;
  bool has_ignore = params.IsMap() && params["ignore"].IsDefined();
  if (has_ignore && !ignore.read(params, "ignore", RE2::UNANCHORED, err)) return nullptr;
  PatternList stated;
  bool has_stated = params.IsMap() && params["unless_stated"].IsDefined();
  if (has_stated && !stated.read(params, "unless_stated", RE2::UNANCHORED, err)) return nullptr;
  return std::make_unique<TextUnchangedRule>(std::move(info), max_changed, std::move(ignore),
                                             has_ignore, std::move(stated), has_stated);
}

}  // namespace

CREDCHECK_REGISTER_RULE(text_unchanged, "text-unchanged",
                        "the page's text equals the original's, changed at most `max_changed` "
                        "(lines matching `ignore` aside), unless a line matches `unless_stated`",
                        make_text_unchanged, "max_changed", "ignore", "unless_stated")

}  // namespace credcheck
