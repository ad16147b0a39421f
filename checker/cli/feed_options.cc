// --sitemap, --feed, --since: lists of pages as inputs, for every command that reads pages.
#include <memory>

#include "checker/cli/commands.h"
#include "checker/fetch/feed_time.h"

namespace credcheck {

void add_feed_options(CLI::App* cmd, FeedOptions* options) {
  cmd->add_option("--sitemap", options->sitemaps,
                  "A sitemap or sitemap index (URL or file, .xml or .xml.gz): its pages are read; "
                  "repeatable")
      ->allow_extra_args(false);
  cmd->add_option("--feed", options->feeds, "An RSS or Atom feed (URL or file): its pages are read; repeatable")
      ->allow_extra_args(false);
  cmd->add_option_function<std::string>(
         "--since", [options](const std::string& s) { options->since = parse_since(s); },
         "Only pages of sitemaps and feeds dated at or after DATE (2026-11-01 or "
         "2026-11-01T06:00:00+08:00; no zone: UTC); undated pages are kept")
      ->check(CLI::Validator(
          [](const std::string& s) {
            return parse_since(s) ? std::string()
                                  : "expected a date like 2026-11-01 or 2026-11-01T06:00:00Z, got '" + s + "'";
          },
          "DATE"));
}

}  // namespace credcheck
