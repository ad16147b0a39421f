// The 西江日报 pack (rules/xijiang-daily.yaml, loaded once) run over a page and an
// original whose fields are built from the input. Never crashes, and the verdict keeps
// run_pack's contract: a known status, "violation" exactly when there are findings,
// every finding from a rule of the pack and valid UTF-8 throughout.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstdint>
#include <string>
#include <vector>

#include "checker/rules/engine.h"
#include "checker/text/normalize.h"
#include "fuzz/fuzz_util.h"

using namespace credcheck;

namespace {

const Pack& xijiang_pack() {
  static const Pack* pack = [] {
    auto* p = new Pack;
    std::string err;
    fuzz::require(load_pack(CREDCHECK_SOURCE_DIR "/rules/xijiang-daily.yaml", p, &err),
                  "rules/xijiang-daily.yaml loads");
    return p;
  }();
  return *pack;
}

// Words of credit lines and the notice: a string is built from these and raw bytes, so
// the fuzzer reaches the rules' matching branches without first guessing UTF-8 names.
constexpr const char* kWords[] = {
    "来源：", "来源:", "西江日报", "西江日報", "《西江日报》", "西江日报社", "西江网",
    "新华社", "人民日报", "记者", "西江日报记者", "新华社记者", "本报记者", "通讯员", "摄",
    "供图", "视频", "原标题：", "责任编辑：", "文/", "图/", "何晓岚", "梁晓敏", "黄志坚",
    " ", "　", "\u00a0", "，", "、", "（", "）", "|", "\n",
    "www.xjrb.com", "http://www.xjrb.com/a.html", "https://news.example/a.html"};

// Fields come out of decode_html and extract_fields, so they are always valid UTF-8.
std::string text(FuzzedDataProvider& in, size_t max_pieces = 4) {
  std::string s;
  size_t n = in.ConsumeIntegralInRange<size_t>(0, max_pieces);
  for (size_t i = 0; i < n && in.remaining_bytes() > 0; ++i)
    s += in.ConsumeBool() ? std::string(in.PickValueInArray(kWords))
                          : in.ConsumeRandomLengthString(60);
  return utf8::sanitize(s);
}

std::vector<std::string> texts(FuzzedDataProvider& in) {
  std::vector<std::string> out(in.ConsumeIntegralInRange<size_t>(0, 4));
  for (auto& s : out) s = text(in);
  return out;
}

Fields consume_fields(FuzzedDataProvider& in) {
  Fields f;
  f.title = text(in);
  f.source_lines = texts(in);
  f.sources = texts(in);
  for (auto& s : f.sources) s = normalize(s);  // extraction's contract
  f.bylines = texts(in);
  f.authors = texts(in);
  f.editors = texts(in);
  f.media_credits.resize(in.ConsumeIntegralInRange<size_t>(0, 3));
  for (auto& m : f.media_credits) {
    m.kind = in.ConsumeBool() ? "image" : "video";
    m.credit = text(in);
    m.near = text(in);
    m.src = text(in, 1);
  }
  if (in.ConsumeBool()) f.original_title = text(in);
  f.canonical = text(in, 2);
  f.published = text(in, 1);
  f.text = text(in, 16);
  return f;
}

std::string consume_host(FuzzedDataProvider& in) {
  switch (in.ConsumeIntegralInRange(0, 3)) {
    case 0: return "";
    case 1: return "www.xjrb.com";
    case 2: return "news.example";
    default: return text(in, 2);
  }
}

void check_verdict(const Pack& pack, const Verdict& v) {
  fuzz::require(v.status == "compliant" || v.status == "violation" || v.status == "unchecked",
                "status is compliant|violation|unchecked");
  fuzz::require((v.status == "violation") == !v.findings.empty(),
                "violation exactly when there are findings");
  fuzz::require(v.status != "unchecked" || !v.not_checked.empty(),
                "unchecked names the rules not checked");
  fuzz::require(fuzz::valid_utf8(v.reason), "reason is valid UTF-8");
  for (const auto& f : v.findings) {
    fuzz::require(find_rule(pack, f.rule) != nullptr, "a finding names a rule of the pack");
    Severity s;
    fuzz::require(parse_severity(f.severity, &s), "a finding has a known severity");
    fuzz::require(fuzz::valid_utf8(f.message) && fuzz::valid_utf8(f.evidence) &&
                      fuzz::valid_utf8(f.expected) && fuzz::valid_utf8(f.location) &&
                      fuzz::valid_utf8(f.clause),
                  "a finding is valid UTF-8");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const Pack& pack = xijiang_pack();
  FuzzedDataProvider in(data, size);
  bool has_original = in.ConsumeBool();
  bool originals_given = has_original || in.ConsumeBool();
  std::string host = consume_host(in);
  Fields original = has_original ? consume_fields(in) : Fields{};
  Fields page = consume_fields(in);
  CheckContext ctx{page, has_original ? &original : nullptr, originals_given, host,
                   pack.publisher};
  check_verdict(pack, run_pack(pack, ctx));
  return 0;
}
