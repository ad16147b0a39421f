// Where a finding's evidence stands in the HTML source: the rules name a field
// (Finding::location) and quote the page; this finds the quoted item's line:column
// among the positions extraction noted (Fields::positions).
#pragma once

#include "checker/page/fields.h"
#include "checker/rules/rule.h"

namespace credcheck {

// Sets f->line and f->column when the evidence quotes an item whose place is known.
// Evidence that is empty (a credit not found) or not on the page (the host) has none.
void locate_finding(const Fields& page, Finding* f);

}  // namespace credcheck
