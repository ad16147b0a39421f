// Extraction accuracy on 62 real Chinese news pages with hand-made truth
// (../shared/realpages: truth.jsonl and README.md). The pages are a sample of forms
// that recur everywhere; extraction knows nothing about them.
//
// How a field counts as right (every comparison on compact(): no spaces or
// punctuation, traditional folded to simplified):
// - title: equals `title` or one of `title_alt`.
// - authors (pages whose `author` is not null): the extracted names are exactly the
//   truth's names (`author` split at spaces and 、), or exactly those of an `author_alt`.
//   On pages naming no author, any extracted name is "invented".
// - source outlet (pages with a `source_name`): the FIRST extracted source equals
//   `source_name` or one of `source_name_alt`.
// - 原标题 (pages with an `original_title_note`): original_title equals the note's
//   headline (the note without （原标题：…）).
// - photo credits (each credit of `photo_credits`): some media credit and it contain
//   one another, the shorter being at least half the longer.
// - editors (pages with an `editor`): some extracted editor equals it; and no truth
//   editor name is ever among a page's authors.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <re2/re2.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "checker/decode/decode.h"
#include "checker/page/extract.h"
#include "checker/page/html.h"
#include "checker/text/normalize.h"
#include "tests/support/files.h"

namespace credcheck {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using test_support::slurp;

const fs::path kRealPages = fs::path(CREDCHECK_SOURCE_DIR) / "../shared/realpages";

std::string str(const json& j) { return j.is_string() ? j.get<std::string>() : std::string(); }

std::vector<std::string> strs(const json& j) {
  std::vector<std::string> out;
  if (j.is_array())
    for (const auto& x : j)
      if (x.is_string()) out.push_back(x.get<std::string>());
  return out;
}

bool same(const std::string& a, const std::string& b) {
  return !compact(a).empty() && compact(a) == compact(b);
}

bool same_any(const std::string& got, const std::string& want, const std::vector<std::string>& alt) {
  if (same(got, want)) return true;
  for (const auto& a : alt)
    if (same(got, a)) return true;
  return false;
}

std::vector<std::string> name_set(const std::string& s) {
  static const RE2 sep("[\\s、,，&＆]+");
  std::string t = s;
  RE2::GlobalReplace(&t, sep, " ");
  std::vector<std::string> out;
  std::istringstream in(t);
  for (std::string w; in >> w;) out.push_back(compact(w));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<std::string> name_set(const std::vector<std::string>& names) {
  std::string joined;
  for (const auto& n : names) joined += n + " ";
  return name_set(joined);
}

std::string note_headline(const std::string& note) {
  static const RE2 re("^[（(]?\\s*(?:本文)?原(?:标)?题\\s*[:：]\\s*(.*?)\\s*[）)]?$");
  std::string v;
  return RE2::FullMatch(note, re, &v) ? v : note;
}

bool credit_matches(const std::string& got, const std::string& want) {
  std::string g = compact(got), w = compact(want);
  if (g.size() < 4 || w.size() < 4) return false;  // at least two characters each
  const std::string& shorter = g.size() < w.size() ? g : w;
  const std::string& longer = g.size() < w.size() ? w : g;
  return longer.find(shorter) != std::string::npos && shorter.size() * 2 >= longer.size();
}

struct Tally {
  int right = 0, total = 0;
  std::vector<std::string> misses;
  void count(bool ok, const std::string& what) {
    ++total;
    if (ok) ++right;
    else misses.push_back(what);
  }
};

TEST(RealPagesAccuracy, MeetsThresholds) {
  if (!fs::exists(kRealPages / "truth.jsonl")) GTEST_SKIP() << "no " << kRealPages;
  Tally title, authors, source, original, photos, editors;
  int invented = 0, no_author_pages = 0, editor_as_author = 0;
  int spurious_source = 0, spurious_original = 0;
  std::istringstream lines(slurp(kRealPages / "truth.jsonl"));
  for (std::string line; std::getline(lines, line);) {
    if (line.empty()) continue;
    json t = json::parse(line);
    std::string file = str(t["file"]);
    std::string bytes = slurp(kRealPages / "pages" / file);
    ASSERT_FALSE(bytes.empty()) << file;
    Decoded d = decode_html(bytes, "");
    pugi::xml_document doc;
    std::string err;
    ASSERT_TRUE(parse_html(d.text, &doc, &err)) << file << ": " << err;
    Fields f = extract_fields(doc);

    title.count(same_any(f.title, str(t["title"]), strs(t["title_alt"])), file + ": " + f.title);

    if (!str(t["author"]).empty()) {
      bool ok = name_set(f.authors) == name_set(str(t["author"]));
      for (const auto& alt : strs(t["author_alt"])) ok = ok || name_set(f.authors) == name_set(alt);
      authors.count(ok, file + ": " + (f.authors.empty() ? "-" : f.authors.front()));
    } else {
      ++no_author_pages;
      invented += !f.authors.empty();
    }

    if (!str(t["source_name"]).empty()) {
      std::string first = f.sources.empty() ? std::string() : f.sources.front();
      source.count(same_any(first, str(t["source_name"]), strs(t["source_name_alt"])),
                   file + ": " + first);
    } else {
      spurious_source += !f.sources.empty();
    }

    if (!str(t["original_title_note"]).empty()) {
      original.count(f.original_title &&
                         same(*f.original_title, note_headline(str(t["original_title_note"]))),
                     file + ": " + f.original_title.value_or("-"));
    } else {
      spurious_original += f.original_title.has_value();
    }

    for (const auto& want : strs(t["photo_credits"])) {
      bool ok = false;
      for (const auto& m : f.media_credits) ok = ok || credit_matches(m.credit, want);
      photos.count(ok, file + ": " + want);
    }

    std::string editor = str(t["editor"]);
    if (!editor.empty()) {
      bool ok = false;
      for (const auto& e : f.editors) ok = ok || same(e, editor);
      editors.count(ok, file + ": " + editor);
      for (const auto& name : name_set(editor))
        for (const auto& a : f.authors) editor_as_author += compact(a) == name;
    }
  }

  std::printf("\n%-16s %5s %5s  %s\n", "field", "right", "of", "misses");
  auto row = [](const char* name, const Tally& t) {
    std::string misses;
    for (const auto& m : t.misses) misses += (misses.empty() ? "" : "; ") + m;
    std::printf("%-16s %5d %5d  %s\n", name, t.right, t.total, misses.c_str());
  };
  row("title", title);
  row("authors", authors);
  row("source outlet", source);
  row("original_title", original);
  row("photo credits", photos);
  row("editors", editors);
  std::printf("invented authors: %d of %d pages naming none\n", invented, no_author_pages);
  std::printf("editors reported as authors: %d\n", editor_as_author);
  std::printf("sources on pages crediting none: %d; 原标题 on pages without one: %d\n\n",
              spurious_source, spurious_original);

  EXPECT_GE(title.right, 62);
  EXPECT_GE(authors.right, 35);
  // One page closes its text with a lone name in brackets, the form other pages' truth
  // counts as their byline ("（常书香 马丹阳 ）"), yet its truth names no author.
  EXPECT_LE(invented, 1);
  EXPECT_GE(source.right, 49);
  EXPECT_EQ(original.right, original.total);
  EXPECT_GE(original.total, 9);
  EXPECT_GE(photos.right, 24);
  EXPECT_GE(editors.right, 36);
  EXPECT_EQ(editor_as_author, 0);
}

}  // namespace
}  // namespace credcheck
