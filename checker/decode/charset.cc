#include "checker/decode/charset.h"

#include <iconv.h>
#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <unordered_map>

namespace credcheck {
namespace {

struct Family {
  const char* name;
  const char* iconv;
  std::initializer_list<const char*> labels;
};

// From the WHATWG Encoding Standard's label table (the encodings Chinese news pages
// and their neighbours use), plus a few labels seen in the wild (euc-cn, big5hkscs).
const std::array<Family, 13>& families() {
  static const std::array<Family, 13> table = {{
      {"utf-8", "UTF-8",
       {"unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf-8", "utf8",
        "x-unicode20utf8"}},
      {"gb18030", "GB18030",
       {"chinese", "csgb2312", "csiso58gb231280", "gb2312", "gb_2312", "gb_2312-80", "gbk",
        "iso-ir-58", "x-gbk", "gb18030", "cp936", "ms936", "windows-936", "euc-cn"}},
      {"big5", "BIG5-HKSCS",
       {"big5", "big5-hkscs", "big5hkscs", "cn-big5", "csbig5", "x-x-big5", "cp950"}},
      {"windows-1252", "WINDOWS-1252",
       {"ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819", "iso-8859-1",
        "iso-ir-100", "iso8859-1", "iso88591", "iso_8859-1", "iso_8859-1:1987", "l1", "latin1",
        "us-ascii", "windows-1252", "x-cp1252"}},
      {"shift_jis", "CP932",
       {"csshiftjis", "ms932", "ms_kanji", "shift-jis", "shift_jis", "sjis", "windows-31j",
        "x-sjis"}},
      {"euc-jp", "EUC-JP", {"cseucpkdfmtjapanese", "euc-jp", "x-euc-jp"}},
      {"iso-2022-jp", "ISO-2022-JP", {"csiso2022jp", "iso-2022-jp"}},
      {"euc-kr", "CP949",
       {"cseuckr", "csksc56011987", "euc-kr", "iso-ir-149", "korean", "ks_c_5601-1987",
        "ks_c_5601-1989", "ksc5601", "ksc_5601", "windows-949"}},
      {"utf-16le", "UTF-16LE",
       {"csunicode", "iso-10646-ucs-2", "ucs-2", "unicode", "unicodefeff", "utf-16",
        "utf-16le"}},
      {"utf-16be", "UTF-16BE", {"unicodefffe", "utf-16be"}},
      {"windows-874", "CP874",
       {"dos-874", "iso-8859-11", "iso8859-11", "iso885911", "tis-620", "windows-874"}},
      {"koi8-u", "KOI8-U", {"koi8-ru", "koi8-u"}},
      // Never decoded: UTF-7 and WHATWG's "replacement" labels.
      {"", "",
       {"utf-7", "utf7", "unicode-1-1-utf-7", "csunicode11utf7", "csiso2022kr", "hz-gb-2312",
        "iso-2022-cn", "iso-2022-cn-ext", "iso-2022-kr", "replacement", "x-user-defined"}},
  }};
  return table;
}

const std::unordered_map<std::string, const Family*>& label_index() {
  static const std::unordered_map<std::string, const Family*> index = [] {
    std::unordered_map<std::string, const Family*> m;
    for (const Family& f : families()) {
      for (const char* label : f.labels) m[label] = &f;
    }
    return m;
  }();
  return index;
}

std::string clean_label(std::string_view label) {
  auto junk = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '"' || c == '\'';
  };
  while (!label.empty() && junk(label.front())) label.remove_prefix(1);
  while (!label.empty() && junk(label.back())) label.remove_suffix(1);
  std::string out(label);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; });
  return out;
}

// A label outside the table: used if iconv knows it. Only plain names are tried, so a
// page cannot pass iconv suffixes like "//IGNORE".
bool iconv_knows(const char* name) {
  iconv_t cd = iconv_open("UTF-8", name);
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  iconv_close(cd);
  return true;
}

bool lookup_in_iconv(const std::string& label, Charset* out) {
  static const RE2 plain(R"([a-z0-9][a-z0-9._:\-]{0,39})");
  if (!RE2::FullMatch(label, plain)) return false;
  std::string upper = label;
  std::transform(upper.begin(), upper.end(), upper.begin(),
                 [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c; });
  if (!iconv_knows(upper.c_str())) return false;
  *out = Charset{label, upper};
  return true;
}

}  // namespace

bool lookup_charset(std::string_view label, Charset* out) {
  std::string clean = clean_label(label);
  if (clean.empty()) return false;
  auto it = label_index().find(clean);
  if (it == label_index().end()) return lookup_in_iconv(clean, out);
  if (it->second->name[0] == '\0') return false;
  *out = Charset{it->second->name, it->second->iconv};
  static const bool has_hkscs = iconv_knows("BIG5-HKSCS");
  if (out->iconv == "BIG5-HKSCS" && !has_hkscs) out->iconv = "BIG5";
  return true;
}

Charset utf8_charset() { return Charset{"utf-8", "UTF-8"}; }

}  // namespace credcheck
