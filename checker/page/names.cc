#include "checker/page/names.h"

#include <re2/re2.h>

#include "checker/text/normalize.h"
#include "checker/text/utf8.h"

namespace credcheck {
namespace {

// Words that follow 记者/作者 in running text but are no names (记者会, 记者了解到...).
bool bad_name_start(char32_t cp) {
  static const std::u32string kBad =
      U"会们站节证注了还在从向称表问说对介透获也就都等及和与的是将已被跟采发一这那今昨近"
      U"日月年本看得到随调现前所部群家协团队";
  return kBad.find(cp) != std::u32string::npos;
}

bool name_separator(char32_t cp) {
  static const std::u32string kSep = U"、,，&＆/／;；|";
  return utf8::is_space(cp) || kSep.find(cp) != std::u32string::npos;
}

void emit_name(const std::u32string& cps, bool lone, std::vector<std::string>* out) {
  std::string name;
  for (char32_t cp : cps) utf8::append(&name, cp);
  if (lone) {
    for (std::string_view part : split_fused(name)) out->emplace_back(part);
  } else if (!name.empty()) {
    out->push_back(std::move(name));
  }
}

}  // namespace

bool looks_like_person(std::string_view printed) {
  static const RE2 role_word("记者|作者|编辑|通讯员|专栏|评论员|报道");
  std::string name = simplified_view(printed);
  if (RE2::PartialMatch(name, role_word)) return false;
  std::u32string cps;
  for (size_t i = 0; i < name.size();) cps.push_back(utf8::next(name, &i));
  if (cps.empty()) return false;
  size_t han = 0, dots = 0, latin = 0;
  for (char32_t cp : cps) {
    if (utf8::is_han(cp)) ++han;
    else if (cp == 0xB7 || cp == 0x30FB || cp == 0x2022) ++dots;
    else if ((cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') || cp == ' ') ++latin;
    else return false;
  }
  if (han > 0 && latin > 0) return false;
  if (latin > 0) return latin >= 3 && latin <= 30;
  if (bad_name_start(cps[0])) return false;
  if (dots > 0) return han >= 3 && han <= 12;
  if (han < 2 || han > 4) return false;
  return !has_outlet_suffix(name);
}

bool has_outlet_suffix(std::string_view name) {
  static const RE2 re(
      "(?:报|网|社|台|刊|志|新闻|频道|客户端|资讯|在线|传媒|日报|晚报|周刊|消息|电视|广播|"
      "中心|局|委|办|处|厅|部|院|政府|公司|集团|号|app|APP|\\+)$");
  return RE2::PartialMatch(simplified_view(name), re);
}

bool generic_source(std::string_view name) {
  static const RE2 re(
      "^(?:网络|互联网|网友|网友投稿|转载|转载文章|本站|本网|原创|未知|其他|其它|综合|"
      "综合整理|网络整理|整理|投稿|来稿|佚名|admin|网络转载|媒体|网站|网络来源|暂无|"
      ".*自媒体|.*用户上传)$");  // a platform's disclaimer: 本文来自某某客户端自媒体
  return RE2::FullMatch(compact(name), re);
}

bool starts_with_surname(std::string_view text) {
  // Common surnames that rarely open an outlet's name (商讯, 时代周报 stay outlets).
  static const std::u32string kSurnames =
      U"王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡"
      U"余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范廖贾夏韦付白邹孟熊秦邱江尹薛闫段雷侯龙史陶"
      U"黎贺顾毛郝龚邵钱严覃武戴莫孔汤温康施牛樊葛邢易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿焦"
      U"俞柳祝舒阮柯纪梅童凌毕裴霍涂苗翁冉骆辛靳管柴蒙鲍喻祁蒲房滕屈饶解牟艾尤卓缪芦褚娄"
      U"窦戚岑费卜晏席瞿佟臧闵苟邬卞姬仇栾隋刁寇甄虞巩邝";
  if (text.empty()) return false;
  size_t i = 0;
  char32_t first = to_simplified(utf8::next(text, &i));
  return kSurnames.find(first) != std::u32string::npos;
}

std::vector<std::string_view> split_fused(std::string_view name) {
  std::vector<size_t> starts;  // byte offset of each code point
  bool all_han = true;
  for (size_t i = 0; i < name.size();) {
    starts.push_back(i);
    char32_t cp = utf8::next(name, &i);
    all_han = all_han && utf8::is_han(cp);
  }
  size_t n = starts.size();
  if (!all_han || (n != 4 && n != 6)) return {name};
  std::string_view first = name.substr(0, starts[n / 2]);
  std::string_view second = name.substr(starts[n / 2]);
  // 罗科苏盈 is 罗科 + 苏盈; 格桑边觉 and 李小飞刀 are one name each.
  if (!starts_with_surname(first) || !starts_with_surname(second)) return {name};
  return {first, second};
}

std::vector<std::string> split_names(std::string_view run) {
  std::vector<std::u32string> tokens(1);
  for (size_t i = 0; i < run.size();) {
    char32_t cp = utf8::next(run, &i);
    if (!name_separator(cp)) tokens.back().push_back(cp);
    else if (!tokens.back().empty()) tokens.emplace_back();
  }
  if (tokens.back().empty()) tokens.pop_back();
  // Only a lone token can be fused names: "罗科苏盈"; in a list, 李小飞刀 is one name.
  std::vector<std::string> out;
  for (const auto& t : tokens) emit_name(t, tokens.size() == 1, &out);
  return out;
}

std::string cut_at_next_label(std::string_view text) {
  static const RE2 re(
      "(责任编辑|责编|编辑|作者|记者|时间|日期|发布(?:时间|日期|于|\\s*[:：])|浏览|点击|字号|举报|分享|来源|原标题|"
      "阅读|评论|打印|关闭|通讯员|摄影|校对|审核|\\d{4}[-/年.]\\d{1,2})");
  re2::StringPiece m;
  re2::StringPiece in(text.data(), text.size());
  if (!RE2::PartialMatch(in, re, &m)) return std::string(text);
  return std::string(text.substr(0, static_cast<size_t>(m.data() - text.data())));
}

}  // namespace credcheck
