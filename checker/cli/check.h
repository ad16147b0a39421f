// A read page checked: matched against the originals, run through the pack, made a
// result; and the result of an input that could not be read.
#pragma once

#include <functional>
#include <string>

#include "checker/cli/pipeline.h"

namespace credcheck {

// A ReadControl::prepare that matches each page against `originals` (fingerprint,
// candidates, exact scores) on the worker that read it, so that work runs in parallel
// and `done` stays short. Every OriginalSet is safe to share between threads.
std::function<void(PageRead&)> match_pages(OriginalSet& originals);

// The republishing host of a page: the fetched URL's host, or for files the host of
// `base_url` (--base-url: where the files will be published); empty when neither is
// given. Never the canonical link: syndication partners point it at the original.
std::string page_host(const PageRead& page, const std::string& base_url);

// True when `base_url` is an http(s) URL with a host (what --base-url accepts).
bool base_url_ok(const std::string& base_url);

// Checks one read page against the pack and the originals; `base_url` as for
// page_host(). The page's fields move into the result (without the article text:
// reports carry the credits, not the article).
Result check_page(PageRead&& page, const Pack& pack, OriginalSet& originals,
                  const std::string& base_url);

// A result for an input that could not be read; `doc` is what the server answered, when
// it did (its final URL, HTTP status and time stand in the result).
Result unreadable_result(const Input& input, const std::string& err, const Document& doc = {});

}  // namespace credcheck
