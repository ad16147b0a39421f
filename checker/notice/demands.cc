#include "checker/notice/demands.h"

#include <re2/re2.h>

#include <algorithm>

#include "checker/text/normalize.h"
#include "checker/text/utf8.h"

namespace credcheck {
namespace {

using re2::StringPiece;

bool has(const std::string& text, const RE2& re) { return RE2::PartialMatch(text, re); }

// The demand patterns read `norm` with the publisher's own markings taken out: "凡本网
// 注明…的作品", "本网未注明…" and "本网注明的稿件来源" say what the site does, not what a
// republisher must do, so their 注明 becomes 标记.
std::string demand_text(const std::string& norm) {
  static const RE2 own("((?:凡|未|本网|本站|本报|本刊|本社|本台)[^,.;:\"]{0,6}?)(?:注明|标明)");
  std::string t = norm;
  RE2::GlobalReplace(&t, own, "\\1标记");
  return t;
}

// Does the sentence (or the lead-in of its item) demand anything, and how firmly?
struct Modality {
  bool any = false, hard = false;
};

Modality modality(const NoticeSentence& s) {
  static const RE2 hard("不得|禁止|严禁|请勿|谢绝|未经|必须|须|应当|应(注明|标明|保留|经|取得|在)|务必|务经|需|要求|追究|必究|不允许");
  static const RE2 soft("请|欢迎|建议|希望");
  Modality m;
  for (const std::string* t : {&s.norm, &s.lead_in}) {
    m.hard |= has(*t, hard);
    m.any |= m.hard || has(*t, soft);
  }
  return m;
}

// The text as printed that normalize()s to `piece` (a name cut out of the normalised
// sentence), so a pack quotes 西江日報 as the notice prints it. `piece` itself when
// no such text is found.
std::string printed_form(const std::string& printed, const std::string& piece) {
  size_t want = utf8::length(piece);
  if (want == 0) return piece;
  std::vector<size_t> starts;
  for (size_t i = 0; i < printed.size();) {
    starts.push_back(i);
    utf8::next(printed, &i);
  }
  starts.push_back(printed.size());
  for (size_t a = 0; a + want < starts.size(); ++a) {
    std::string cand = printed.substr(starts[a], starts[a + want] - starts[a]);
    if (normalize(cand) == piece) return cand;
  }
  return piece;
}

// Cuts a captured run of characters after its last function word, so "所有内容为中国西藏
// 新闻网" gives 中国西藏新闻网, and splits "西江日报、西江网" into its names.
std::vector<std::string> name_candidates(const std::string& run) {
  static const RE2 sep("[、,/]|和|与|及|以及");
  static const RE2 lead(".*(?:为|由|是|归|属于|的|凡)");
  std::string s = run;
  RE2::GlobalReplace(&s, sep, "|");
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t end = s.find('|', start);
    if (end == std::string::npos) end = s.size();
    std::string part = s.substr(start, end - start);
    StringPiece p(part);
    if (RE2::Consume(&p, lead)) part = std::string(p.data(), p.size());
    while (!part.empty() && part.front() == ' ') part.erase(0, 1);
    while (!part.empty() && part.back() == ' ') part.pop_back();
    if (!part.empty()) out.push_back(part);
    start = end + 1;
  }
  return out;
}

// Each quoted credit right after a 注明 that asks for a source: "来源:西江日报" gives
// 西江日报; "来源:人民网"或"来源:人民日报" gives both.
std::vector<std::string> credit_wording(StringPiece after) {
  static const RE2 first("(?:来源|出处|稿件来源)?(?:为|于|:)?\\s?\"(?:来源|稿件来源|出处)?:?\\s?([^\"]{1,40})\"");
  static const RE2 more("\\s?(?:或者|或|、|/)\\s?\"(?:来源|稿件来源|出处)?:?\\s?([^\"]{1,40})\"");
  static const RE2 bare("(?:来源|出处)(?:为|于|:)\\s?([\\p{Han}A-Za-z0-9]{1,16}?(?:网|报|社|台|新闻|客户端|频道))");
  std::vector<std::string> names;
  std::string name;
  if (RE2::Consume(&after, first, &name)) {
    names.push_back(name);
    while (names.size() < 8 && RE2::Consume(&after, more, &name)) names.push_back(name);
  } else if (RE2::Consume(&after, bare, &name)) {
    names.push_back(name);
  }
  for (std::string& n : names) {
    while (!n.empty() && n.back() == ' ') n.pop_back();
  }
  return names;
}

struct SourceCredit {
  bool found = false;
  std::vector<std::string> names;  // normalised
};

// A 注明/标明 that asks for a source: after a modal word (须注明, 请注明, 并注明), or
// opening an item whose lead-in demands ("必须做到:(1)注明来源…"). Then what follows
// names the source (来源, 出处, a quoted credit).
SourceCredit source_credit(const std::string& t, const NoticeSentence& s) {
  static const RE2 verb("(注明|标明|署明|写明|标注)");
  static const RE2 modal("(?:须|应|请|需|务必|要|并|同时|均|且)[^,.;]{0,3}$");
  static const RE2 opening("^(?:\\([0-9一二三四五六七八九十]+\\)|[①-⑳])?\\s?$");
  // 转载请注明: (a share widget's "转载请注明：TITLE | SITE") asks for the source too.
  static const RE2 object("^(?:来源|出处|稿件来源|转载自|:?\\s?\"(?:来源|稿件来源|出处)|\\s?:)");
  static const RE2 quoted_outlet("^\\s?\"[^\"]{1,24}(网|报|社|台|新闻)\"");
  SourceCredit out;
  StringPiece rest(t);
  StringPiece v;
  int verbs = 0;  // a sentence asks for its credit once or twice; bounded on hostile text
  while (++verbs <= 16 && RE2::FindAndConsume(&rest, verb, &v)) {
    size_t at = static_cast<size_t>(v.data() - t.data());
    // The few characters before the verb (cut at a character's start).
    size_t from = at > 24 ? at - 24 : 0;
    while (from < at && (static_cast<unsigned char>(t[from]) & 0xC0) == 0x80) ++from;
    std::string before = t.substr(from, at - from);
    bool asked = has(before, modal) || (from == 0 && RE2::FullMatch(before, opening) && !s.lead_in.empty());
    if (!asked) continue;
    if (!RE2::PartialMatch(rest, object) && !RE2::PartialMatch(rest, quoted_outlet)) continue;
    out.found = true;
    for (std::string& n : credit_wording(rest)) out.names.push_back(std::move(n));
  }
  return out;
}

}  // namespace

bool outlet_name(const std::string& name) {
  // "本网" "该网" "其他媒体": words for a publisher that name none.
  static const RE2 suffix("(报|網|网|社|台|刊|新闻|新聞|频道|客户端|在线|传媒|周刊|杂志|广播)$");
  static const RE2 not_a_name("^(本|该|其|此|各|他|别|某|任何|其它|其他|相关|有关|网络|媒体|网站)|记者|\\*|\\s");
  std::string n = normalize(name);
  size_t len = utf8::length(n);
  return len >= 2 && len <= 12 && has(n, suffix) && !has(n, not_a_name);
}

const char* demand_name(DemandKind k) {
  switch (k) {
    case DemandKind::rights_reserved: return "rights-reserved";
    case DemandKind::authorisation: return "authorisation";
    case DemandKind::reprint_forbidden: return "reprint-forbidden";
    case DemandKind::source_credit: return "source-credit";
    case DemandKind::author_credit: return "author-credit";
    case DemandKind::media_credit: return "media-credit";
    case DemandKind::original_title: return "original-title";
    case DemandKind::upstream_source: return "upstream-source";
    case DemandKind::name_protected: return "name-protected";
    case DemandKind::mirroring: return "mirroring";
    case DemandKind::link_back: return "link-back";
    case DemandKind::text_unchanged: return "text-unchanged";
    case DemandKind::dateline_kept: return "dateline-kept";
    case DemandKind::licence_notice: return "licence-notice";
  }
  return "?";
}

std::vector<Demand> recognise_demands(const Notice& notice) {
  static const RE2 reserved("(?i)版权所有|(版权|著作权)均?(归|属)|all rights reserved");
  static const RE2 licence_needed(
      "未经[^.;]{0,30}?(授权|许可|同意|允许)|(须|需|应|务|必须)(经|获得|取得|事先取得|经过)[^,.;]{0,20}?(授权|许可|同意)");
  // (、 folds to ',': "严禁任何媒体、网站转载" spans one.)
  static const RE2 forbids("(不得|禁止|严禁|请勿|谢绝|拒绝|不允许|不准)[^.;]{0,12}?(转载|转贴|摘编|刊用|转发|复制|使用)");
  // 著作权法's "除著作权人声明不得转载、摘编的以外": others' bans, quoted by a site
  // claiming the statutory licence to reprint.
  static const RE2 others_ban("(除|声明)[^.;]{0,10}(不得|禁止)(转载|摘编)");
  static const RE2 prosecuted("(转载|复制|盗版|翻录)必究");
  static const RE2 reprint_verb("转载|转贴|转发|摘编|刊用|刊登|使用|发布|链接|传播|下载|改编|汇编|引用");
  static const RE2 copy_verb("复制");
  static const RE2 mirror("镜像");
  static const RE2 indirect("间接转载|二次转载|从其他(平台|网站|媒体|渠道)|经由?其他|转载自其他|第三方平台");
  static const RE2 author("作者(信息|署名|姓名)|作者:?\\s?\"|(注明|标明|保留|署上?)[^,.;]{0,4}?(作者|记者|署名)|保留[^,.;]{0,6}?署名");
  static const RE2 author_label("\"([^\"]{0,30}?记者)[^\"]{0,12}\"");
  static const RE2 media("(图片|照片|图像|视频|影像|摄影|图表|音视频|图文)[^,.;]{0,12}?(出处|来源|作者|署名|摄影|摄像|拍摄者|姓名)");
  static const RE2 media_verb("注明|标明|保留|署名|标注");
  static const RE2 original_title("原标题|原题|原文标题");
  static const RE2 title_verb("注明|标明|保留|注出|标注");
  static const RE2 upstream("保留[^,.;]{0,12}?(标记的|注明的|原)[^,.;]{0,8}?(来源|出处)");
  static const RE2 keep_source("保留[^,.;]{0,12}?(来源|出处)");
  static const RE2 reprinted_here("转载稿|转载自|非本网|未标记|转载的");
  static const RE2 misuse("(?:擅自|盗用|冒用|假冒|冒充|借用|滥用|假借)(?:使用|用)?([^,.;]{0,12}?)的?名义");
  static const RE2 link("(附|附上|保留|注明|加上|提供|标注|给出)[^,.;]{0,10}?(链接|网址|超链接|(?i)url)");
  static const RE2 unchanged("(不得|禁止|严禁|请勿|不可|不能)[^,.;]{0,8}?(修改|篡改|歪曲|删改|更改|改动|增删|删节|曲解)|保持(原文|原意|完整)");
  static const RE2 credit_object("(修改|篡改|删改|更改|删除)[^,.;]{0,4}?(来源|出处|作者|署名)");
  static const RE2 dateline("保留[^,.;]{0,10}?电头|电头[^,.;]{0,6}?(保留|不得)");
  static const RE2 licence("(?i)知识共享|creative commons|cc[ -]by|署名-(非商业性使用|禁止演绎|相同方式共享)");

  std::vector<Demand> out;
  for (size_t i = 0; i < notice.sentences.size(); ++i) {
    const NoticeSentence& s = notice.sentences[i];
    Modality m = modality(s);
    std::string t = demand_text(s.norm);
    auto add = [&](DemandKind k) -> Demand& {
      out.push_back(Demand{k, i, m.hard});
      return out.back();
    };
    if (has(t, licence)) add(DemandKind::licence_notice);
    if (!m.any) {
      if (has(t, reserved)) add(DemandKind::rights_reserved).hard = false;
      continue;
    }
    // Copying a site whole (复制或建立镜像) is mirroring; 转载 beside it is reprinting too.
    bool mirrored = has(t, mirror);
    bool reprint = has(t, reprint_verb) || (!mirrored && has(t, copy_verb));
    bool licensed = has(t, licence_needed) && reprint;
    if (licensed) add(DemandKind::authorisation);
    else if ((has(t, forbids) && reprint && !has(t, others_ban)) || has(t, prosecuted))
      add(DemandKind::reprint_forbidden);
    else if (has(t, reserved)) add(DemandKind::rights_reserved).hard = false;
    if (mirrored) add(DemandKind::mirroring);

    bool upstream_kept = has(t, upstream) || (has(t, keep_source) && has(t, reprinted_here));
    if (upstream_kept) add(DemandKind::upstream_source);
    SourceCredit credit = source_credit(t, s);
    if (credit.found || (!upstream_kept && has(t, keep_source))) {
      Demand& d = add(DemandKind::source_credit);
      d.indirect = has(t, indirect);
      for (const std::string& n : credit.names) d.names.push_back(printed_form(s.text, n));
    }
    if (has(t, author)) {
      Demand& d = add(DemandKind::author_credit);
      std::string label;
      if (RE2::PartialMatch(t, author_label, &label)) d.author_label = printed_form(s.text, label);
    }
    if (has(t, media) && has(t, media_verb)) add(DemandKind::media_credit);
    if (has(t, original_title) && has(t, title_verb)) add(DemandKind::original_title);
    std::string name;
    if (RE2::PartialMatch(t, misuse, &name)) {
      Demand& d = add(DemandKind::name_protected);
      for (const std::string& n : name_candidates(name))
        if (outlet_name(n)) d.names.push_back(printed_form(s.text, n));
    }
    if (has(t, link)) add(DemandKind::link_back);
    if (has(t, unchanged) && !has(t, credit_object)) add(DemandKind::text_unchanged);
    if (has(t, dateline)) add(DemandKind::dateline_kept);
  }
  return out;
}

std::vector<std::string> notice_names(const Notice& notice) {
  static const RE2 heading("^([^.;:]{2,30}?)(?:版权|著作权)");  // 、 folds to ','
  static const RE2 quoted("\"(?:来源:|稿件来源:)?([^\"]{2,24})\"");
  static const RE2 reserved("([\\p{Han}A-Za-z]{2,16}) ?版权所有");
  static const RE2 belongs("(?:版权|著作权)均?(?:属|归)(?:于)?([^,.;]{2,30}?)所有");
  static const RE2 unlicensed("未经([\\p{Han}]{2,12}?)(?:的)?(?:书面|特别|事先|正式|同意|许可|授权)");
  static const RE2 misuse("(?:使用|盗用|冒用|假冒|冒充)([\\p{Han}]{2,12}?)名义");
  static const RE2 leading("(?:^|\\s)([\\p{Han}]{2,12}),未经");
  static const RE2 titled("<([^<>]{2,16})>");  // 《江城日报》
  static const RE2 licensor("(?:取得|获得|须经|需经)([\\p{Han}]{2,12}?)(?:的)?(?:书面|特别|事先|正式)?(?:授权|许可|同意)");
  static const RE2 owner("(?:归属于|属于)([\\p{Han}]{2,12}?)(?:所有|\\(|的|$)");
  constexpr size_t kMaxNames = 32;  // a notice names its publisher a few times, not thousands
  std::vector<std::string> out, seen;
  auto take = [&](const std::string& printed, const std::string& run) {
    for (const std::string& n : name_candidates(run)) {
      if (out.size() >= kMaxNames) return;
      if (!outlet_name(n)) continue;
      std::string key = compact(n);
      if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
      seen.push_back(key);
      out.push_back(printed_form(printed, n));
    }
  };
  auto scan = [&](const std::string& printed) {
    std::string norm = normalize(printed);
    std::string run;
    for (const RE2* re : {&quoted, &reserved, &belongs, &unlicensed, &misuse, &leading, &titled,
                          &licensor, &owner}) {
      StringPiece p(norm);
      while (RE2::FindAndConsume(&p, *re, &run)) take(printed, run);
    }
  };
  // No outlet named: the holder the notice names (搜狐公司 版权所有, © 半月谈杂志社), so a
  // reviewer starts from the notice's own words rather than from nothing.
  static const RE2 holder(
      "(?i)(?:©|\\(c\\)|copyright|版权所有:?)\\s?([\\p{Han}]{2,20}?(?:公司|集团|杂志社|报社|中心|委员会|网站))|"
      "([\\p{Han}]{2,20}?(?:公司|集团|杂志社|报社|中心|委员会|网站)) ?版权所有");
  auto holders = [&] {
    for (const NoticeSentence& s : notice.sentences) {
      std::string a, b;
      StringPiece p(s.norm);
      while (out.size() < kMaxNames && RE2::FindAndConsume(&p, holder, &a, &b)) {
        std::string n = a.empty() ? b : a;
        std::string key = compact(n);
        if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
        seen.push_back(key);
        out.push_back(printed_form(s.text, n));
      }
    }
  };
  if (!notice.title.empty()) {
    std::string run;
    if (RE2::PartialMatch(normalize(notice.title), heading, &run)) take(notice.title, run);
  }
  for (const NoticeSentence& s : notice.sentences) scan(s.text);
  if (out.empty()) holders();
  return out;
}

}  // namespace credcheck
