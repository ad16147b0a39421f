// A rule kind checks one demand of a publisher's notice. Each kind is a class in its own
// file, registered under the name a pack uses (see registry.h).
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "checker/page/fields.h"

namespace credcheck {

enum class Severity { note, warning, error };
const char* severity_name(Severity s);
// "note" | "warning" | "error" -> *out; false for anything else.
bool parse_severity(const std::string& s, Severity* out);

struct Finding {
  std::string rule;      // the pack's rule id
  std::string severity;  // note | warning | error
  std::string clause;    // the notice clause the rule enforces ("1(1)")
  std::string message;   // what is wrong, for a person
  std::string evidence;  // what the page says, as printed (empty when it says nothing)
  std::string expected;  // what the notice demands here
  std::string location;  // where on the page: the field ("source_lines[0]", "bylines", "title")
  // Against --baseline: "new", or "known" (already in the baseline: reported, but it does
  // not fail the run). Empty when the run has no baseline.
  std::string baseline;
  // Where the evidence stands in the HTML source (1-based; the column in UTF-16 code
  // units); 0 when unknown or when there is no evidence (locate.h).
  uint32_t line = 0, column = 0;
};

// What a pack says of its publisher.
struct Publisher {
  std::string name;                // "西江日报"
  std::vector<std::string> names;  // every name that credits the publisher, as written
  std::vector<std::string> hosts;  // the publisher's own hosts: pages there are originals
};

// Everything a rule may look at for one candidate page.
struct CheckContext {
  const Fields& page;
  const Fields* original = nullptr;  // the matched original, or null
  bool originals_given = false;      // were any originals supplied for this run?
  // The republishing host: the fetched URL's, or for a local file the --base-url's. Empty
  // when neither is known; a canonical link never gives one (partners point it at the
  // original as a matter of course).
  std::string host;
  const Publisher& publisher;
  // When originals were given and none matched, for the reason: how many, and the
  // closest one with its similarity (0..1).
  size_t originals_count = 0;
  std::string closest;
  double closest_similarity = 0;
  // The matched original's URL as it was read (empty for a local file): a link to it,
  // like one to its canonical, is a link to the original.
  std::string original_url;
};

// The id, clause, severity and message every rule of a pack has.
struct RuleInfo {
  std::string id;
  std::string kind;
  std::string clause;
  std::string quote;    // the clause's words, quoted from the notice
  std::string message;  // the finding's message, in `lang`
  Severity severity = Severity::error;
  // The message by language ("zh", "en") as the pack gives it, and the language findings
  // are written in (Rule::set_language).
  std::map<std::string, std::string> messages;
  std::string lang = "zh";
  std::string params;   // the kind's parameters as YAML text ("" when none), for `rules explain`
};

class Rule {
 public:
  // What a rule needs before it can decide.
  enum class Needs {
    page,      // the candidate alone
    host,      // the candidate and its host (fetched URL or --base-url); unchecked without one
    original,  // the matched original; unchecked without one
    no_match,  // originals were given and none matched
  };
  static const char* needs_name(Needs n);  // "page" | "host" | "original" | "no_match"

  explicit Rule(RuleInfo info) : info_(std::move(info)) {}
  virtual ~Rule() = default;

  virtual Needs needs() const = 0;
  // Appends this rule's findings for the page. Called only when needs() is met.
  virtual void check(const CheckContext& ctx, std::vector<Finding>* out) const = 0;

  const RuleInfo& info() const { return info_; }

  // Writes findings in `lang` ("zh" | "en"): the message in that language when the pack
  // gives one (else the pack's own), the details and expected texts too.
  void set_language(const std::string& lang);

 protected:
  // A finding pre-filled with the rule's id, clause, severity and message; a non-empty
  // `detail` (what exactly is wrong on this page) is appended to the message.
  Finding finding(const std::string& detail = "") const;
  // The same with the detail in English and in Chinese: the findings' language picks.
  Finding finding(const std::string& en, const std::string& zh) const { return finding(say(en, zh)); }
  // Text in the findings' language.
  const std::string& say(const std::string& en, const std::string& zh) const {
    return info_.lang == "en" ? en : zh;
  }

 private:
  RuleInfo info_;
};

}  // namespace credcheck
