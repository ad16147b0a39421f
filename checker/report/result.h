// One checked input, as every report format sees it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "checker/page/fields.h"
#include "checker/rules/rule.h"

namespace credcheck {

struct OriginalRef {
  std::string input;
  std::string url;
  std::string title;
  double similarity = 0;        // the larger of the two below
  double page_in_original = 0;  // share of the page's text found in the original
  double original_in_page = 0;  // share of the original's text found in the page
};

struct Result {
  std::string input;
  std::string url;
  std::string charset;
  std::string fetched_at;   // UTC, ISO 8601
  long http_status = 0;     // the final response's status; 0 for files and unread pages
  std::string sha256;       // of the bytes as fetched (before decoding); empty when unread
  std::string listed_in;    // the sitemap or feed that listed the page; empty when given directly
  // --cache: this is an earlier scan's result, reused because the page is unchanged (304,
  // or the same SHA-256); fetched_at and sha256 are that check's, revalidated_at is when
  // this scan confirmed the page unchanged.
  bool reused = false;
  std::string revalidated_at;
  std::string status;  // compliant | violation | unchecked
  std::string reason;
  std::optional<OriginalRef> original;
  std::optional<Fields> fields;  // absent when the page could not be read
  std::vector<Finding> findings;
  std::vector<std::string> not_checked;
  // Compared against --baseline: each finding is marked new or known, and `resolved`
  // counts the baseline's findings for this input that are gone (see baseline.h).
  bool baselined = false;
  size_t resolved = 0;
};

struct Summary {
  size_t inputs = 0, checked = 0, compliant = 0, violations = 0, unchecked = 0;
  // Set when any result was compared against a baseline; then the findings by baseline state.
  bool baseline = false;
  size_t new_findings = 0, known_findings = 0, resolved_findings = 0;
};

Summary summarize(const std::vector<Result>& results);
void add_to_summary(const Result& r, Summary* s);

// Does this result have a finding at or above --fail-on `threshold` that is not known from
// the baseline? (An unchecked input has none: the run's exit code counts it apart, as 3.)
bool result_fails(const Result& r, Severity threshold);

}  // namespace credcheck
