// The pre-pass over raw bytes that runs before gumbo sees a page. gumbo 0.10.1 is
// archived and some shapes of markup cost it quadratic time or memory, so one linear
// scan (no allocation per tag beyond a stack of open names, capped at the nesting
// limit) estimates what gumbo would build and refuses a page over a bound; the
// pipeline reports it `unchecked` with the message, for `scan` and `extract` alike.
// Refusing, not trimming: a trimmed page could lose its credit lines and give a
// confident but wrong verdict.
//
// What costs gumbo what (measured on this machine, gumbo alone, max_errors = 0):
//   nested <div>:             3,000 deep 19 ms; 10,000 0.37 s; 30,000 8.2 s
//   nested <ul><li>:          3,000 deep 75 ms; 10,000 2.6 s; 30,000 > 20 s
//   attributes on one tag:    1,000 1 ms; 10,000 0.52 s; 30,000 9.4 s (distinct names)
//   nested <b> (no text):     10,000 46 ms; 30,000 0.6 s; 100,000 5.8 s
//   <p><b id=N>x (each <b> reopened in every later block): 1,000 0.29 s and 186 MB;
//                             10,000 runs out of 6 GB
//   1,000,000 <p>x</p> under 1,000 open <div>: 1.9 s; under 3,000: 4.3 s (each tag
//                             walks the open elements); 1,000,000 stray </p> under
//                             3,000 open <span>: 3.9 s
//   1,000,000 elements cost gumbo about 380 MB.
// Just under the default limits (parse_html, guard included): 1,999 nested <div>
// 4 ms; 98,000 <p> under 500 <div> 0.17 s; 8 MB of <p> with 100 attributes each
// 0.85 s and 331 MB; 200 reopened <b> then 800 blocks 0.09 s. The 28 real pages and
// the fixtures stay far below every bound (largest: nesting 26, 3,042 start tags, 11
// attributes, 3 open formatting elements; html_guard_test.cc prints them).
//
// The nesting is an estimate, not gumbo's tree: it follows the insertion modes that
// change what nests (implied end tags, scopes, tables, select, svg/math, templates,
// framesets, raw text) and leans towards counting more. Compared with gumbo on random
// tag soup (html_guard_test.cc) it is at most a level behind. Shapes repeated many
// times have gained gumbo a level or more a repetition that the scan did not see
// (<isindex> closing a <p>, </h1> closing a <button>, every unknown name being one tag
// to gumbo 0.10.1, a marker left in its list by </table>); fuzz/fuzz_html_shape
// searches for the next one. The pass is the cheap first refusal, not the last bound:
// pages are parsed in worker processes under a CPU and memory limit (page_workers.h).
//
// The pass also marks what gumbo would read as text and extraction drops (the contents
// of scripts and styles, a third of a news page's bytes): parse_html gives gumbo the
// page without them but for their line breaks (measured: extract's CPU down by ~30%).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "checker/page/html.h"

namespace credcheck {

// What the pre-pass saw. Nesting estimates gumbo's stack of open elements (plus the
// formatting elements it would reopen); an end tag or an implied end tag closes the
// nearest open element of its name among the top 16.
struct HtmlScan {
  size_t start_tags = 0;      // start tags seen (those inside raw text not included)
  size_t implied_elements = 0;  // elements gumbo makes without a start tag (stray </p>, <isindex>)
  size_t max_nesting = 0;     // deepest estimated nesting
  size_t max_attributes = 0;  // most attributes on one tag
  size_t max_formatting = 0;  // most formatting elements left open at once
  unsigned long long nesting_work = 0;     // the nesting summed over every tag
  unsigned long long formatting_work = 0;  // open formatting elements summed over start tags
  // The contents of <script> and <style> elements that gumbo surely reads as text and
  // extraction drops (not JSON, no "<!--" that could start script escapes, at least
  // kTextOnlyBytes long), as [begin, end) byte offsets in page order. parse_html leaves
  // them out of what gumbo parses: a third of a news page's bytes, and gumbo's cost is
  // per character.
  std::vector<std::pair<size_t, size_t>> text_only;
};

inline constexpr size_t kTextOnlyBytes = 64;

// Scans `utf8` (one pass; nothing past max_bytes is read) and fills *scan. Returns
// false with *err naming the first bound broken, in the order attributes, formatting,
// nesting, tags, nesting work, formatting work ("page nests elements 300000 deep
// (limit 2000)").
bool guard_html(std::string_view utf8, const ParseLimits& limits, HtmlScan* scan,
                std::string* err);

}  // namespace credcheck
