// What the rule kinds share about credits: does a text name the publisher, is the
// original itself a reprint (clause 2), which host a page is on.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "checker/page/fields.h"
#include "checker/rules/rule.h"

namespace credcheck {

// True when `text` names the publisher: its compact() form contains the compact()
// form of the publisher's name or of any of its names ("来源：《西江日報》" does).
bool names_publisher(const Publisher& publisher, std::string_view text);

// Clause 2: the outlets an original credits when it is itself a reprint, i.e. its
// sources are not empty and none of them names the publisher. Empty for the
// publisher's own items (an original without any source line counts as its own).
std::vector<std::string> upstream_outlets(const Publisher& publisher, const Fields& original);

// Lines joined with " | ", for evidence quoting several lines as printed.
std::string join_lines(const std::vector<std::string>& lines, std::string_view sep = " | ");

// A host as compared: lower-case, without port, brackets or trailing dot.
std::string normalize_host(std::string_view host);

// True when `host` is listed: "example.com" matches itself only; ".example.com" and
// "*.example.com" match example.com and every subdomain of it.
bool host_listed(const std::vector<std::string>& patterns, std::string_view host);

}  // namespace credcheck
