// What each sentence of a notice demands of a republisher. Notices on Chinese news
// sites are formulaic (转载请注明来源“XX”, 作者“XX记者***”, 如修改标题须注明原标题,
// 未经书面授权不得转载, 请勿建立镜像): each demand is recognised by the shape of its
// wording, never by a site's own strings.
#pragma once

#include <string>
#include <vector>

#include "checker/notice/notice.h"

namespace credcheck {

enum class DemandKind {
  rights_reserved,     // 版权所有 / 版权均属…所有: no terms, but reprinting needs leave
  authorisation,       // 未经授权不得转载: a licence is needed
  reprint_forbidden,   // 不得转载 with no licence offered
  source_credit,       // 注明来源“来源：XX” (exact wording when quoted)
  author_credit,       // 作者信息“XX记者***”
  media_credit,        // 图片和视频的出处及作者
  original_title,      // 如修改标题，须注明原标题
  upstream_source,     // items the site reprinted: keep the source it shows
  name_protected,      // 擅自使用XX名义
  mirroring,           // 建立镜像
  link_back,           // 附上原文链接
  text_unchanged,      // 不得修改/歪曲原文
  dateline_kept,       // 保留电头
  licence_notice,      // a Creative Commons licence
};

// "source-credit", "link-back", …: for messages and tests.
const char* demand_name(DemandKind k);

struct Demand {
  DemandKind kind;
  size_t sentence = 0;              // index into Notice::sentences
  bool hard = true;                 // 须/必须/不得 (error) rather than 请/欢迎 (warning)
  bool indirect = false;            // source_credit: said of reprints via another platform
  std::vector<std::string> names;   // source_credit: the names in its wording, as printed
                                    // name_protected: the name to protect
  std::string author_label;         // author_credit: "西江日报记者" from “西江日报记者***”
};

// Every demand of every sentence, in sentence order (a sentence may state several).
std::vector<Demand> recognise_demands(const Notice& notice);

// The outlet names the notice uses for its publisher, as printed, in order of first
// use: the names in its heading, quoted credits, 版权所有/版权均属…所有, 未经…授权 and
// …名义. Only names shaped like an outlet (…报, …网, …社, …台, …新闻 …); when the
// notice names none, the holder it names (搜狐公司 版权所有, © 半月谈杂志社).
std::vector<std::string> notice_names(const Notice& notice);

}  // namespace credcheck
