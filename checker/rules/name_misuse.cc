// name-misuse (end of clause 2): a page credits the publisher but its text is another
// outlet's, i.e. the publisher's name is used for what it did not publish.
//
// Matching none of the originals given is no evidence: they are rarely the whole archive.
// The rule fires only when the page also shows, alongside the credit to the publisher,
// that the text is another outlet's: that outlet's dateline (新华社北京5月1日电, 南方日报讯),
// its reporter's parenthesised credit (（南方日报记者 陈某）), its byline, or its source line.
// The evidence quotes that line as printed.
#include <re2/re2.h>

#include <memory>
#include <optional>

#include "checker/rules/credit.h"
#include "checker/rules/registry.h"
#include "checker/text/normalize.h"

namespace credcheck {
namespace {

// An outlet's name: a few characters ending the way outlets' names end.
#define OUTLET "(\\p{Han}{1,10}?(?:通讯社|社|报|网|电视台|台|新闻|客户端))"
#define ROLE "(?:全媒体|融媒体?|首席|见习|特约|实习|驻\\p{Han}{1,4})?\\s*(?:记者|通讯员)"

// Patterns run over simplified_view() (printed width: both bracket forms).
const RE2& dateline() {  // at the start of a paragraph
  static const RE2 re("^[\\s\\p{Zs}【\\[（(]*((?:据\\s*)?" OUTLET
                      "\\p{Han}{0,8}?\\s*(?:\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日\\s*)?(?:电|讯|消息))");
  return re;
}
const RE2& reporter_credit() {  // at the start or end of a paragraph
  static const RE2 re("(?:^[\\s\\p{Zs}]*|[。！？!?]\\s*)([（(]\\s*" OUTLET "\\s*" ROLE
                      "[^（）()]{1,30}[）)])");
  return re;
}
const RE2& byline() {  // "新华社记者 周岩松", "文/南方日报记者 陈某", "作者：羊城晚报通讯员 李某"
  static const RE2 re("^\\s*(?:(?:文|作者|撰文|来源)\\s*[/／:：]\\s*)?" OUTLET "\\s*" ROLE);
  return re;
}
const RE2& outlet_only() {
  static const RE2 re("^" OUTLET "$");
  return re;
}
#undef OUTLET
#undef ROLE

// The reprinting page's own words for itself say nothing of another outlet.
bool self_reference(std::string_view outlet) {
  static const RE2 re("^(?:本|该|我|此)(?:报|网|台|刊|社|站)$");
  return RE2::FullMatch(normalize(outlet), re);
}

// Another outlet's line: the outlet, the line as printed, where it is.
struct Other {
  std::string outlet, line, location;
};

std::optional<Other> other_outlet(const Publisher& publisher, const Fields& page) {
  auto other = [&](std::string_view outlet) {
    return !outlet.empty() && !self_reference(outlet) && !names_publisher(publisher, outlet);
  };
  // The text: a dateline or a reporter's credit in one of its paragraphs.
  std::string_view text = page.text;
  while (!text.empty()) {
    size_t end = text.find('\n');
    std::string printed(text.substr(0, end));
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    std::string view = simplified_view(printed);
    auto at = [&](re2::StringPiece piece) {
      return printed.substr(static_cast<size_t>(piece.data() - view.data()), piece.size());
    };
    for (const RE2* re : {&dateline(), &reporter_credit()}) {
      re2::StringPiece line, outlet;
      if (RE2::PartialMatch(view, *re, &line, &outlet) && other(at(outlet)))
        return Other{clean_space(at(outlet)), clean_space(at(line)), "text"};
    }
  }
  for (size_t i = 0; i < page.bylines.size(); ++i) {
    std::string view = simplified_view(page.bylines[i]);
    re2::StringPiece outlet;
    if (!RE2::PartialMatch(view, byline(), &outlet)) continue;
    std::string printed =
        page.bylines[i].substr(static_cast<size_t>(outlet.data() - view.data()), outlet.size());
    if (other(printed)) return Other{printed, page.bylines[i], "bylines[" + std::to_string(i) + "]"};
  }
  // A source naming another outlet (a platform such as 今日头条 is no outlet: clause 1(3)).
  for (const std::string& s : page.sources) {
    if (!RE2::FullMatch(compact(s), outlet_only()) || !other(s)) continue;
    for (size_t i = 0; i < page.source_lines.size(); ++i)
      if (compact(page.source_lines[i]).find(compact(s)) != std::string::npos &&
          !names_publisher(publisher, page.source_lines[i]))
        return Other{s, page.source_lines[i], "source_lines[" + std::to_string(i) + "]"};
    return Other{s, s, "sources"};
  }
  return std::nullopt;
}

// The page's credit to the publisher, as printed: a source line, a byline or a source.
std::optional<std::string> publisher_credit(const Publisher& publisher, const Fields& page) {
  for (const auto* field : {&page.source_lines, &page.bylines, &page.sources})
    for (const std::string& line : *field)
      if (names_publisher(publisher, line)) return line;
  return std::nullopt;
}

class NameMisuseRule : public Rule {
 public:
  using Rule::Rule;

  Needs needs() const override { return Needs::no_match; }

  void check(const CheckContext& ctx, std::vector<Finding>* out) const override {
    std::optional<std::string> credit = publisher_credit(ctx.publisher, ctx.page);
    if (!credit) return;
    std::optional<Other> other = other_outlet(ctx.publisher, ctx.page);
    if (!other) return;  // no evidence: the engine reports the page unchecked, not misused
    Finding f = finding("credits " + ctx.publisher.name + " (" + *credit + ") on text that is " +
                            other->outlet + "'s",
                        "以" + ctx.publisher.name + "名义（" + *credit + "）发布" + other->outlet + "的稿件");
    f.evidence = other->line;
    f.expected = say("no credit to " + ctx.publisher.name + " on an item it did not publish",
                     "非" + ctx.publisher.name + "发布的稿件不得署其名义");
    f.location = other->location;
    out->push_back(std::move(f));
  }
};

std::unique_ptr<Rule> make_name_misuse(RuleInfo info, const YAML::Node&, std::string*) {
  return std::make_unique<NameMisuseRule>(std::move(info));
}

}  // namespace

CREDCHECK_REGISTER_RULE(name_misuse, "name-misuse",
                        "a page crediting the publisher that matches none of its originals shows "
                        "no other outlet's dateline, byline or source",
                        make_name_misuse)

}  // namespace credcheck
