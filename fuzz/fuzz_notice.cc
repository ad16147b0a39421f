// A page read for its notice and drafted into a pack (`rules draft`): decode_html,
// read_notice_page, recognise_demands, draft_pack. Never crashes or hangs; every
// sentence and name is valid UTF-8; the counts add up; a draft with a rule loads as a
// pack. Input: "Content-Type value\nbody bytes" (a body without markup is plain text).
#include <unistd.h>

#include <cstdint>
#include <fstream>
#include <string>

#include "checker/decode/decode.h"
#include "checker/notice/demands.h"
#include "checker/notice/notice.h"
#include "checker/rules/draft_pack.h"
#include "checker/rules/pack.h"
#include "fuzz/fuzz_util.h"

using namespace credcheck;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto in = fuzz::split_first_line(fuzz::bytes(data, size));
  Decoded d = decode_html(in.body, in.header);
  NoticePage page;
  std::string err;
  bool read = fuzz::within_budget("read_notice_page",
                                  [&] { return read_notice_page(d.text, &page, &err); });
  if (!read) {
    fuzz::require(!err.empty(), "a refused page says why");
    return 0;
  }
  for (const NoticeSentence& s : page.notice.sentences)
    fuzz::require(fuzz::valid_utf8(s.text) && !s.clause.empty(), "sentences valid, numbered");
  DraftSource src{"fuzz", page.notice, recognise_demands(page.notice), page.site_names, {}};
  for (const Demand& dm : src.demands)
    fuzz::require(dm.sentence < page.notice.sentences.size() && fuzz::all_valid_utf8(dm.names),
                  "demands point at a sentence, names valid UTF-8");
  Draft draft = fuzz::within_budget("draft_pack", [&] { return draft_pack(src); });
  const DraftCounts& c = draft.counts;
  fuzz::require(c.sentences == c.mapped + c.planned + c.unmapped, "counts add up");
  if (!draft_has_rules(src.demands)) return 0;
  static const std::string path = "/tmp/fuzz_notice_" + std::to_string(getpid()) + ".yaml";
  std::ofstream(path, std::ios::binary | std::ios::trunc) << draft.yaml;
  Pack pack;
  bool loaded = load_pack(path, &pack, &err);
  if (!loaded) std::fprintf(stderr, "%s\n%s\n", err.c_str(), draft.yaml.c_str());
  fuzz::require(loaded, "a draft with a rule loads as a pack");
  return 0;
}
