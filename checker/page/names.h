// What a person's name and an outlet's name look like: shared by the byline, source,
// editor and media extractors. Each accepts traditional characters as well.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace credcheck {

// True for a name as bylines print it: 2-4 Han characters (a ·-joined minority name
// up to 12), or a short Latin name; never a word that merely follows 记者 in a
// sentence (记者会, 记者们, 记者表示...) nor one holding a role word (专栏作者).
bool looks_like_person(std::string_view name);

// True when the text ends like an outlet (…报, …网, …社, …台, …新闻, …频道, …客户端).
bool has_outlet_suffix(std::string_view name);

// True for the placeholders sites put in a 来源 slot (网络, 转载文章, 本站, 未知...).
bool generic_source(std::string_view name);

// True when the text starts with one of the commonest Chinese surnames: together
// with looks_like_person(), tells a person in a 来源 slot from a short outlet (商讯).
bool starts_with_surname(std::string_view text);

// Two names printed without a space ("罗科苏盈" -> 罗科, 苏盈): a run of four or six Han
// characters whose halves both start with a common surname. Else the name itself.
std::vector<std::string_view> split_fused(std::string_view name);

// Splits a run of names joined by 、 , ， & / | or spaces into names; a lone token
// may be fused names (see split_fused).
std::vector<std::string> split_names(std::string_view run);

// Cuts `text` at the first label that starts another field (编辑, 作者, 时间, 来源...)
// or at a date, so "证券时报网作者：李在山" yields "证券时报网". Expects simplified text.
std::string cut_at_next_label(std::string_view text);

}  // namespace credcheck
