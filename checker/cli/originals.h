// The publisher's originals, read for a scan (in memory, or an index opened) or
// streamed into an index.
#pragma once

#include <functional>
#include <istream>
#include <memory>
#include <string>
#include <vector>

#include "checker/cli/pipeline.h"

namespace credcheck {

// Reads the publisher's originals named by `specs` (as --original takes them: files,
// directories, URLs, @lists) and by `index` (--originals: an index built by `index
// build`, or a list file). Any original that cannot be read is an error: a scan against
// an incomplete set of originals would report false misuse. An index is opened, not
// loaded: its originals are read per page as best_match() asks for them.
// `seen`, when given, sees each original read (not those of an index), in order.
bool load_originals(const std::vector<std::string>& specs, const std::string& index,
                    const FetchOptions& options, int jobs, std::istream& in,
                    std::unique_ptr<OriginalSet>* originals, std::string* err,
                    const std::function<void(const Original&)>& seen = {});

// Reads the originals named by `specs` and `feeds` (sitemaps and feeds of the
// publisher's site, expanded as they are read) in parallel and hands each to `take`
// (one at a time, in input order), so `index build` streams them into the index
// without holding them all. With `marks_only` their prints hold the marks alone
// (fingerprint_marks(): all an index stores).
bool for_each_original(const std::vector<std::string>& specs, const FetchOptions& options,
                       int jobs, std::istream& in,
                       const std::function<bool(Original&&, std::string*)>& take, std::string* err,
                       const FeedOptions& feeds = {}, bool marks_only = false);

}  // namespace credcheck
