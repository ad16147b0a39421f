#include "checker/decode/decode.h"

#include <gtest/gtest.h>
#include <iconv.h>

#include <cstdint>
#include <string>

#include "checker/decode/charset.h"
#include "checker/decode/sniff.h"
#include "checker/text/utf8.h"

namespace credcheck {
namespace {

// Sentences written for these tests, in the register of a local news page.
const std::string kNews =
    "本报讯 肇庆市端州区今年新建三座社区图书馆，市民凭身份证即可免费借阅。"
    "西江两岸的龙舟队正在加紧训练，准备参加端午节的传统比赛。"
    "记者从市农业农村局获悉，全市早稻收割已完成七成以上，预计本周内全部完成。";
const std::string kNewsTraditional =
    "本報訊 高雄港今年貨櫃裝卸量再創新高，港務公司表示將增設兩座碼頭。"
    "市民對於新開通的輕軌路線普遍感到滿意，通勤時間縮短了不少。";

// Encodes UTF-8 text into `charset` with iconv; the test data must be representable.
std::string encode(const std::string& utf8, const char* charset) {
  iconv_t cd = iconv_open(charset, "UTF-8");
  EXPECT_NE(cd, reinterpret_cast<iconv_t>(-1)) << charset;
  std::string out(utf8.size() * 4 + 16, '\0');
  char* src = const_cast<char*>(utf8.data());
  size_t left = utf8.size();
  char* dst = out.data();
  size_t room = out.size();
  EXPECT_NE(iconv(cd, &src, &left, &dst, &room), static_cast<size_t>(-1)) << charset;
  iconv_close(cd);
  out.resize(out.size() - room);
  return out;
}

std::string page(const std::string& head, const std::string& body) {
  return "<!DOCTYPE html><html><head>" + head + "<title>新聞</title></head><body><p>" + body +
         "</p></body></html>";
}

bool is_valid_utf8(const std::string& s) { return utf8::sanitize(s) == s; }

TEST(Decode, Utf8BomWinsOverHeaderAndIsStripped) {
  Decoded d = decode_html("\xEF\xBB\xBF<p>" + kNews + "</p>", "text/html; charset=gbk");
  EXPECT_EQ(d.charset, "utf-8");
  EXPECT_EQ(d.source, "bom");
  EXPECT_EQ(d.text, "<p>" + kNews + "</p>");
}

TEST(Decode, Utf16Boms) {
  std::string html = "<p>" + kNews + "</p>";
  Decoded le = decode_html("\xFF\xFE" + encode(html, "UTF-16LE"), "");
  EXPECT_EQ(le.charset, "utf-16le");
  EXPECT_EQ(le.source, "bom");
  EXPECT_EQ(le.text, html);
  Decoded be = decode_html("\xFE\xFF" + encode(html, "UTF-16BE"), "text/html; charset=utf-8");
  EXPECT_EQ(be.charset, "utf-16be");
  EXPECT_EQ(be.text, html);
}

TEST(Decode, HeaderCharset) {
  std::string html = page("", kNews);
  Decoded d = decode_html(encode(html, "GBK"), "text/html; charset=\"GBK\"");
  EXPECT_EQ(d.charset, "gb18030");
  EXPECT_EQ(d.source, "header");
  EXPECT_EQ(d.text, html);
}

TEST(Decode, MetaPastByte1024InEveryForm) {
  const std::string filler = "<script>var x = \"" + std::string(3000, 'a') + "\";</script>";
  for (const std::string meta : {
           "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">",
           "<META HTTP-EQUIV=content-type CONTENT='text/html;charset=GB2312'>",
           "<meta charset=gbk>",
           "<meta charset='x-gbk' />",
           "<meta\ncharset = \" cp936 \">",
       }) {
    std::string html = page(filler + meta, kNews);
    Decoded d = decode_html(encode(html, "GBK"), "text/html");
    EXPECT_EQ(d.charset, "gb18030") << meta;
    EXPECT_EQ(d.source, "meta") << meta;
    EXPECT_EQ(d.text, html) << meta;
  }
}

TEST(Decode, MetaOnlyInFirst64KiB) {
  std::string html = page(std::string(70 << 10, ' ') + "<meta charset=\"big5\">", kNews);
  EXPECT_TRUE(sniff_meta(html).empty());
  Decoded d = decode_html(encode(html, "GBK"), "");
  EXPECT_NE(d.source, "meta");
  EXPECT_EQ(d.text, html);  // found by detection instead
}

TEST(Decode, GbkLabelsReadAsGb18030) {
  for (const char* label : {"gb2312", "GBK", "x-gbk", "cp936", "gb_2312-80", "csgb2312",
                            " \"GB2312\" ", "gb18030"}) {
    Charset c;
    ASSERT_TRUE(lookup_charset(label, &c)) << label;
    EXPECT_EQ(c.name, "gb18030") << label;
  }
  // U+20BB7 and the euro sign exist only in GB18030, as four-byte and two-byte codes.
  std::string html = page("<meta charset=gb2312>", "𠮷野家开业优惠价五€起");
  Decoded d = decode_html(encode(html, "GB18030"), "");
  EXPECT_EQ(d.charset, "gb18030");
  EXPECT_EQ(d.text, html);
}

TEST(Decode, LabelsOfOtherCharsets) {
  Charset c;
  ASSERT_TRUE(lookup_charset("Big5", &c));
  EXPECT_EQ(c.name, "big5");
  ASSERT_TRUE(lookup_charset("x-x-big5", &c));
  EXPECT_EQ(c.name, "big5");
  ASSERT_TRUE(lookup_charset("latin1", &c));
  EXPECT_EQ(c.name, "windows-1252");
  ASSERT_TRUE(lookup_charset("UTF8", &c));
  EXPECT_EQ(c.name, "utf-8");
  ASSERT_TRUE(lookup_charset("koi8-r", &c));  // not in the table: iconv knows it
  EXPECT_EQ(c.name, "koi8-r");
  EXPECT_FALSE(lookup_charset("utf-7", &c));
  EXPECT_FALSE(lookup_charset("utf-8//IGNORE", &c));
  EXPECT_FALSE(lookup_charset("no-such-charset", &c));
  EXPECT_FALSE(lookup_charset("", &c));
}

TEST(Decode, DeclaredGb2312ButUtf8) {
  std::string html = page("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">",
                          kNews);
  Decoded d = decode_html(html, "text/html; charset=gbk");
  EXPECT_EQ(d.charset, "utf-8");
  EXPECT_EQ(d.source, "detected");
  EXPECT_EQ(d.text, html);
  // Four characters are twelve bytes that GB18030 also decodes without an error.
  Decoded title = decode_html("<meta charset=gb2312><title>西江日报</title>", "");
  EXPECT_EQ(title.charset, "utf-8");
  EXPECT_EQ(title.text, "<meta charset=gb2312><title>西江日报</title>");
}

TEST(Decode, HeaderSaysUtf8MetaSaysGbk) {
  std::string html = page("<meta charset=\"gbk\">", kNews);
  Decoded d = decode_html(encode(html, "GBK"), "text/html; charset=utf-8");
  EXPECT_EQ(d.charset, "gb18030");
  EXPECT_EQ(d.source, "meta");
  EXPECT_EQ(d.text, html);
}

TEST(Decode, UndeclaredGbkIsDetected) {
  std::string html = page("", kNews + kNews);
  Decoded d = decode_html(encode(html, "GBK"), "text/html");
  EXPECT_EQ(d.charset, "gb18030");
  EXPECT_EQ(d.source, "detected");
  EXPECT_EQ(d.text, html);
}

TEST(Decode, Big5DeclaredAndDetected) {
  std::string html = page("<meta charset=\"big5\">", kNewsTraditional);
  Decoded d = decode_html(encode(html, "BIG5"), "");
  EXPECT_EQ(d.charset, "big5");
  EXPECT_EQ(d.source, "meta");
  EXPECT_EQ(d.text, html);
  std::string bare = page("", kNewsTraditional + kNewsTraditional);
  Decoded guessed = decode_html(encode(bare, "BIG5"), "");
  EXPECT_EQ(guessed.charset, "big5");
  EXPECT_EQ(guessed.source, "detected");
  EXPECT_EQ(guessed.text, bare);
}

TEST(Decode, UndeclaredUtf8AndAscii) {
  Decoded d = decode_html(page("", kNews), "");
  EXPECT_EQ(d.charset, "utf-8");
  EXPECT_EQ(d.source, "detected");
  Decoded ascii = decode_html("<p>plain</p>", "");
  EXPECT_EQ(ascii.charset, "utf-8");
  EXPECT_EQ(ascii.text, "<p>plain</p>");
}

TEST(Decode, MetaUtf16MeansUtf8) {
  Decoded d = decode_html(page("<meta charset=utf-16>", "plain text"), "");
  EXPECT_EQ(d.charset, "utf-8");
  EXPECT_EQ(d.source, "meta");
}

TEST(Decode, Latin1AndShiftJis) {
  Decoded latin = decode_html("<p>caf\xE9</p>", "text/html; charset=ISO-8859-1");
  EXPECT_EQ(latin.charset, "windows-1252");
  EXPECT_EQ(latin.text, "<p>café</p>");
  std::string jp = page("<meta charset=shift_jis>", "東京の天気は晴れです。");
  Decoded sjis = decode_html(encode(jp, "SHIFT_JIS"), "");
  EXPECT_EQ(sjis.charset, "shift_jis");
  EXPECT_EQ(sjis.text, jp);
}

TEST(Decode, InvalidBytesBecomeReplacement) {
  std::string bad = "<p>西江\xFF日报</p>";
  Decoded d = decode_html(bad, "text/html; charset=utf-8");
  EXPECT_EQ(d.charset, "utf-8");
  EXPECT_EQ(d.text, "<p>西江\uFFFD日报</p>");

  // A GBK page with one stray byte and a truncated character at the end stays GBK.
  std::string html = page("<meta charset=gbk>", kNews);
  std::string bytes = encode(html, "GBK");
  bytes.insert(bytes.find("</p>"), "\x80");
  bytes += "\xD6";
  Decoded g = decode_html(bytes, "");
  EXPECT_EQ(g.charset, "gb18030");
  EXPECT_EQ(g.source, "meta");
  std::string expected = html;
  expected.insert(expected.find("</p>"), "\uFFFD");
  EXPECT_EQ(g.text, expected + "\uFFFD");
}

TEST(Decode, EmptyInput) {
  Decoded d = decode_html("", "");
  EXPECT_EQ(d.text, "");
  EXPECT_EQ(d.charset, "utf-8");
  EXPECT_EQ(d.source, "default");
}

TEST(Decode, UnknownAndUnsafeLabelsAreIgnored) {
  std::string html = page("<meta charset=\"no-such\"><meta charset=\"utf-7\"><meta charset=gbk>",
                          kNews);
  Decoded d = decode_html(encode(html, "GBK"), "text/html; charset=UTF-8//IGNORE");
  EXPECT_EQ(d.charset, "gb18030");
  EXPECT_EQ(d.source, "meta");
}

TEST(Decode, GarbageNeverCrashes) {
  uint64_t state = 42;
  auto next_byte = [&state] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<char>(state >> 56);
  };
  const char* types[] = {"", "text/html; charset=gbk", "text/html; charset=big5",
                         "text/html; charset=utf-16", "text/html; charset=iso-2022-jp",
                         "text/html; charset=shift_jis"};
  for (size_t len : {1u, 2u, 3u, 17u, 255u, 4096u, 70000u}) {
    std::string bytes;
    for (size_t i = 0; i < len; ++i) bytes.push_back(next_byte());
    for (const char* type : types) {
      Decoded d = decode_html(bytes, type);
      EXPECT_TRUE(is_valid_utf8(d.text)) << len << " " << type;
      EXPECT_FALSE(d.charset.empty());
    }
  }
  std::string metas;
  for (int i = 0; i < 20000; ++i) metas += "<meta charset=";
  EXPECT_TRUE(is_valid_utf8(decode_html(metas, "").text));
  EXPECT_TRUE(is_valid_utf8(decode_html(std::string(1000, '\0'), "charset=utf-16").text));
}

}  // namespace
}  // namespace credcheck
