// A rule pack drafted from a publisher's notice (`credcheck rules draft`): one rule per
// demand the notice states, each quoting the sentences it came from; demands that need
// a rule kind credcheck lacks are written commented out; sentences that map to no rule
// are quoted as comments. The text says it is a draft to review.
#pragma once

#include <string>
#include <vector>

#include "checker/notice/demands.h"
#include "checker/notice/notice.h"

namespace credcheck {

struct DraftSource {
  std::string input;                    // what was drafted from, for the header
  Notice notice;
  std::vector<Demand> demands;          // recognise_demands(notice)
  std::vector<std::string> page_names;  // page_site_names(): the site's names on the page
  std::vector<std::string> hosts;       // the publisher's hosts ("www.x.com", ".x.com")
};

struct DraftCounts {
  size_t sentences = 0;
  size_t mapped = 0;    // to at least one rule of a kind credcheck has
  size_t planned = 0;   // only to kinds it does not have yet (written commented out)
  size_t unmapped = 0;  // to nothing (quoted as comments)
};

struct Draft {
  std::string yaml;
  DraftCounts counts;
  std::string publisher;              // the name the pack gives the publisher
  std::vector<std::string> warnings;  // what the reviewer must supply (no name, no host)
};

// The pack's YAML. Needs at least one demand of a kind credcheck has for the pack to be
// valid; draft_has_rules() says whether there is one.
Draft draft_pack(const DraftSource& source);
bool draft_has_rules(const std::vector<Demand>& demands);

// "www.xjrb.com" -> ".xjrb.com" (the site and its subdomains); another host as it is.
std::string publisher_host(std::string host);

}  // namespace credcheck
