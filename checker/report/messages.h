// What a report prints, in the report's language (--lang zh|en). The engine and the
// fetch and decode stages word their reasons in English; they are translated here, at the
// report edge, phrase by phrase, so no stage checks the language. A phrase the map does
// not know stays as it is. Findings' messages and details are already in the language
// (the rules write them: Rule::set_language).
#pragma once

#include <string>

namespace credcheck {

// A label (heading, column, summary word) given by its English words, in `lang`. Labels
// the map does not hold come back as given.
std::string label(const std::string& lang, const std::string& en);

// An engine, fetch or decode reason ("violates source-credit; no original given: …",
// "https://x/: HTTP 404") in `lang`.
std::string reason_text(const std::string& lang, const std::string& reason);

}  // namespace credcheck
