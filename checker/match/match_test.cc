#include "checker/match/match.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>

#include <xxhash.h>

#include "checker/text/normalize.h"
#include "checker/text/utf8.h"

namespace credcheck {
namespace {

const char* kArticle =
    "星湖绿道全线贯通后，沿湖步道延伸至十二公里，市民清晨骑行、傍晚散步的身影随处可见。"
    "据介绍，绿道沿线新增驿站六座，配备饮水点和自行车维修工具，方便市民休憩补给。"
    "附近社区居民表示，过去绕湖一圈要走不少断头路，如今一路畅通，周末带孩子来的次数多了。"
    "管理部门还在绿道两侧补种了香樟和紫荆，计划明年春天前完成夜间照明改造，让晚归的跑者也能安心。";
// The same article in traditional characters, as a Hong Kong or Taiwan portal prints it.
const char* kArticleTraditional =
    "星湖綠道全線貫通後，沿湖步道延伸至十二公里，市民清晨騎行、傍晚散步的身影隨處可見。"
    "據介紹，綠道沿線新增驛站六座，配備飲水點和自行車維修工具，方便市民休憩補給。"
    "附近社區居民表示，過去繞湖一圈要走不少斷頭路，如今一路暢通，週末帶孩子來的次數多了。"
    "管理部門還在綠道兩側補種了香樟和紫荊，計劃明年春天前完成夜間照明改造，讓晚歸的跑者也能安心。";

// Text that reads as Chinese characters but is made up: a fixed pseudo-random draw from
// a few hundred common characters, so every seed gives a different "article".
std::string made_up_text(uint32_t seed, size_t chars) {
  static const std::u32string kChars =
      U"的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动"
      U"同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二"
      U"理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社"
      U"义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没"
      U"结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活"
      U"设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放";
  std::string s;
  uint32_t x = seed * 2654435761u + 12345u;
  for (size_t i = 0; i < chars; ++i) {
    x = x * 1664525u + 1013904223u;
    utf8::append(&s, kChars[(x >> 8) % kChars.size()]);
    if (i % 23 == 22) s += "，";
  }
  return s + "。";
}

// The first `n` code points of s.
std::string head(const std::string& s, size_t n) {
  size_t at = 0;
  for (size_t i = 0; i < n && at < s.size(); ++i) utf8::next(s, &at);
  return s.substr(0, at);
}

Original make_original(const std::string& input, const std::string& text) {
  Original o;
  o.input = input;
  o.fields.text = text;
  o.print = fingerprint(text);
  return o;
}

Match match(const std::string& page, MemoryOriginals& set) {
  Match m;
  std::string err;
  EXPECT_TRUE(best_match(fingerprint(page), set, &m, &err)) << err;
  return m;
}

// An archive of made-up articles with kArticle among them.
void archive(MemoryOriginals* set, size_t n = 40) {
  for (uint32_t i = 0; i < n; ++i)
    set->add(make_original("made-up-" + std::to_string(i) + ".html", made_up_text(i, 600)));
  set->add(make_original("lake.html", kArticle));
}

TEST(Fingerprint, IgnoresSpacingPunctuationAndScript) {
  std::string spaced = "星湖绿道全线贯通后 沿湖步道延伸至十二公里";
  std::string plain = "星湖绿道全线贯通后，沿湖步道延伸至十二公里。";
  std::string traditional = "星湖綠道全線貫通後，沿湖步道延伸至十二公里。";
  EXPECT_DOUBLE_EQ(similarity(fingerprint(spaced), fingerprint(plain)), 1.0);
  EXPECT_DOUBLE_EQ(similarity(fingerprint(traditional), fingerprint(plain)), 1.0);
}

TEST(Fingerprint, ShortTextHasNoShingles) {
  EXPECT_TRUE(fingerprint("四个字符").shingles.empty());
  EXPECT_TRUE(fingerprint("四个字符").marks.empty());
  EXPECT_EQ(containment(fingerprint(""), fingerprint(kArticle)), 0.0);
}

TEST(Fingerprint, MarksAreAFewOfTheShinglesAndAnyLongSharedRunHasOne) {
  Fingerprint fp = fingerprint(made_up_text(7, 1000));
  ASSERT_GT(fp.shingles.size(), 900u);
  EXPECT_LT(fp.marks.size(), fp.shingles.size() / 6);
  EXPECT_GT(fp.marks.size(), fp.shingles.size() / 25);
  // Winnowing's guarantee: a shared run of 28 characters shares a mark, wherever it is.
  std::string text = made_up_text(9, 400);
  for (size_t start : {0, 37, 150, 301}) {
    std::string run = head(text.substr(head(text, start).size()), 28);
    Fingerprint a = fingerprint(made_up_text(11, 200) + run + made_up_text(12, 200));
    Fingerprint b = fingerprint(text);
    std::vector<uint64_t> common;
    std::set_intersection(a.marks.begin(), a.marks.end(), b.marks.begin(), b.marks.end(),
                          std::back_inserter(common));
    EXPECT_FALSE(common.empty()) << "run at " << start;
  }
}

// Shingles and winnowing by their definitions: every shingle's hash, sorted with
// std::sort; the smallest hash of every window of 24, each window scanned in full
// (match.cc buckets the hashes and keeps a running minimum instead).
Fingerprint by_definition(const std::string& text) {
  std::u32string cps;
  for (char32_t cp : normalize_code_points(text))
    if (utf8::is_han(cp) || (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z')) cps.push_back(cp);
    else if (cp >= 'A' && cp <= 'Z') cps.push_back(cp + 32);
  std::vector<uint64_t> seq;
  Fingerprint fp;
  for (size_t i = 0; i + 5 <= cps.size(); ++i) seq.push_back(XXH3_64bits(cps.data() + i, 5 * sizeof(char32_t)));
  if (seq.empty()) return fp;
  size_t width = std::min<size_t>(24, seq.size());
  for (size_t w = 0; w + width <= seq.size(); ++w)
    fp.marks.push_back(*std::min_element(seq.begin() + static_cast<long>(w), seq.begin() + static_cast<long>(w + width)));
  for (auto* v : {&fp.marks, &seq}) {
    std::sort(v->begin(), v->end());
    v->erase(std::unique(v->begin(), v->end()), v->end());
  }
  fp.shingles = seq;
  return fp;
}

TEST(Fingerprint, ShinglesAndMarksAreAsDefined) {
  // Repeats make equal hashes inside one window; short texts are under one window; one
  // character repeated, or two alternating, make every hash one of a few.
  std::string repeated = std::string(kArticle) + kArticle + "Open Data 2024 开放数据 Open Data 2024 开放数据";
  std::string same, two;
  for (int i = 0; i < 3000; ++i) same += "啊", two += i % 2 ? "哦" : "啊";
  for (const std::string& text : {made_up_text(3, 1500), made_up_text(5, 20000), made_up_text(4, 30),
                                  std::string(kArticle), repeated, same, two, std::string("星湖绿道全线贯通"),
                                  std::string("五个字符啊")}) {
    Fingerprint want = by_definition(text);
    Fingerprint got = fingerprint(text);
    EXPECT_EQ(got.shingles, want.shingles) << head(text, 20);
    EXPECT_EQ(got.marks, want.marks) << head(text, 20);
    EXPECT_EQ(fingerprint_marks(text).marks, want.marks) << head(text, 20);
    EXPECT_TRUE(fingerprint_marks(text).shingles.empty());
  }
  EXPECT_GT(by_definition(made_up_text(5, 20000)).shingles.size(), 19000u);
  EXPECT_EQ(by_definition(same).shingles.size(), 1u);
  EXPECT_EQ(by_definition(two).shingles.size(), 2u);
}

TEST(Copy, WholeArticleRetitled) {
  MemoryOriginals set;
  archive(&set);
  // The new headline is a field apart; a headline line left in the text changes little.
  Match m = match(std::string("湖边新去处：十二公里绿道等你来\n") + kArticle, set);
  ASSERT_NE(m.original, nullptr);
  EXPECT_EQ(m.original->input, "lake.html");
  EXPECT_GT(m.best.original_in_page, 0.95);
  EXPECT_GT(m.best.page_in_original, 0.8);
}

TEST(Copy, ExcerptOfAThird) {
  MemoryOriginals set;
  archive(&set);
  std::string original = made_up_text(5, 600);  // as archive() indexed it
  std::string excerpt = head(original.substr(head(original, 200).size()), 210);
  Match m = match(excerpt, set);
  ASSERT_NE(m.original, nullptr);
  EXPECT_EQ(m.original->input, "made-up-5.html");
  EXPECT_NEAR(m.best.original_in_page, 0.33, 0.05);
  EXPECT_GT(m.best.page_in_original, 0.95);
}

TEST(Copy, ExcerptOfAThirdWrappedInMoreTextThanItself) {
  MemoryOriginals set;
  archive(&set);
  std::string original = made_up_text(6, 600);  // as archive() indexed it
  std::string page = "编者按：" + made_up_text(100, 250) + head(original, 210) + "相关阅读：" +
                     made_up_text(101, 400);
  Match m = match(page, set);
  ASSERT_NE(m.original, nullptr);
  EXPECT_EQ(m.original->input, "made-up-6.html");
  EXPECT_LT(m.best.page_in_original, 0.5);
  EXPECT_GE(m.best.original_in_page, 0.25);
}

TEST(Copy, TraditionalCharacters) {
  MemoryOriginals set;
  archive(&set);
  Match m = match(kArticleTraditional, set);
  ASSERT_NE(m.original, nullptr);
  EXPECT_EQ(m.original->input, "lake.html");
  EXPECT_DOUBLE_EQ(m.best.similarity, 1.0);
}

TEST(Copy, OtherSitesChromeAndComments) {
  MemoryOriginals set;
  archive(&set);
  std::string page = std::string("首页 本地 社会 财经 体育 娱乐 视频 专题\n当前位置：首页 > 本地新闻\n") +
                     kArticle + "\n网友评论：这条绿道真不错，周末去走走！已有128人点赞\n热门推荐\n" +
                     made_up_text(200, 300) + "\n关于我们 联系我们 广告服务 网站地图";
  Match m = match(page, set);
  ASSERT_NE(m.original, nullptr);
  EXPECT_EQ(m.original->input, "lake.html");
  EXPECT_GT(m.best.original_in_page, 0.95);
}

TEST(NotACopy, SharesOneQuotation) {
  MemoryOriginals set;
  archive(&set);
  std::string page = made_up_text(300, 250) +
                     "有居民说：“过去绕湖一圈要走不少断头路，如今一路畅通，周末带孩子来的次数多了。”" +
                     made_up_text(301, 250);
  Match m = match(page, set);
  EXPECT_EQ(m.original, nullptr);
  ASSERT_NE(m.best.original, nullptr);  // found as a candidate, scored, refused
  EXPECT_EQ(m.best.original->input, "lake.html");
  EXPECT_FALSE(m.best.copy);
}

TEST(NotACopy, ShortPageThatIsOneQuotedSentence) {
  MemoryOriginals set;
  archive(&set);
  Match m = match("附近社区居民表示，过去绕湖一圈要走不少断头路，如今一路畅通。", set);
  EXPECT_EQ(m.original, nullptr);
}

TEST(NotACopy, CommonOfficialPhraseInManyOriginals) {
  // A stock phrase every second article carries is skipped at lookup: it cannot point
  // at one original however many carry it.
  const std::string phrase = "坚持以人民为中心的发展思想，推动经济社会高质量发展";
  MemoryOriginals set;
  for (uint32_t i = 0; i < kCommonMark + 20; ++i)
    set.add(make_original("o" + std::to_string(i), made_up_text(i, 300) + phrase + made_up_text(i + 500, 300)));
  Match m = match(made_up_text(900, 200) + phrase + made_up_text(901, 200), set);
  EXPECT_EQ(m.original, nullptr);
  EXPECT_EQ(m.best.original, nullptr);  // no original was even a candidate
}

TEST(NotACopy, BoilerplateParagraphSeveralOriginalsCarryNamesThemAll) {
  // An announcement three originals carried in full, with a line of their own each: a
  // page carrying the announcement copies none of them in particular.
  const std::string notice = made_up_text(42, 300);
  MemoryOriginals set;
  archive(&set);
  for (int i = 0; i < 3; ++i)
    set.add(make_original("notice-" + std::to_string(i) + ".html",
                          head(made_up_text(60 + i, 40), 20) + notice));
  Match m = match("转发：" + notice + made_up_text(61, 30), set);
  EXPECT_EQ(m.original, nullptr);
  ASSERT_EQ(m.tied.size(), 3u);
  std::vector<std::string> names;
  for (const Overlap& o : m.tied) names.push_back(o.original->input);
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (std::vector<std::string>{"notice-0.html", "notice-1.html", "notice-2.html"}));
}

TEST(Copy, ArticleThatQuotesAnotherOriginalStillMatchesItsOwn) {
  // Original B reuses a paragraph of original A; a copy of B is B's, not a tie.
  MemoryOriginals set;
  archive(&set);
  std::string a = made_up_text(70, 600), b = made_up_text(71, 500) + head(a, 150);
  set.add(make_original("a.html", a));
  set.add(make_original("b.html", b));
  Match m = match(b, set);
  ASSERT_NE(m.original, nullptr);
  EXPECT_EQ(m.original->input, "b.html");
  EXPECT_TRUE(m.tied.empty());
}

TEST(NotACopy, UnrelatedText) {
  MemoryOriginals set;
  archive(&set);
  Match m = match("今年荔枝丰收，果农忙着采摘装箱，电商订单比去年同期增长三成以上。" + made_up_text(999, 500), set);
  EXPECT_EQ(m.original, nullptr);
  EXPECT_LT(m.best.similarity, 0.1);
}

TEST(Match, NoOriginals) {
  MemoryOriginals set;
  Match m = match(kArticle, set);
  EXPECT_EQ(m.original, nullptr);
  EXPECT_EQ(m.best.original, nullptr);
}

// A mark is common by its count over both sets: 30 originals in each with a notice
// make 60, more than kCommonMark, though neither set alone passes it.
TEST(Match, JoinedSetsCountAMarksOriginalsInBoth) {
  const std::string notice = made_up_text(999, 120);
  auto a = std::make_unique<MemoryOriginals>(), b = std::make_unique<MemoryOriginals>();
  for (uint32_t i = 0; i < 30; ++i) {
    a->add(make_original("a" + std::to_string(i), notice + made_up_text(i, 200)));
    b->add(make_original("b" + std::to_string(i), notice + made_up_text(100 + i, 200)));
  }
  uint64_t mark = fingerprint(notice).marks.at(0);
  std::vector<int64_t> ids;
  bool common = false;
  std::string err;
  ASSERT_TRUE(a->postings(mark, kCommonMark, &ids, &common, &err));
  EXPECT_FALSE(common);
  EXPECT_EQ(ids.size(), 30u);
  JoinedOriginals joined(std::move(a), std::move(b));
  ids.clear();
  ASSERT_TRUE(joined.postings(mark, kCommonMark, &ids, &common, &err));
  EXPECT_TRUE(common);
  EXPECT_TRUE(ids.empty());
  ASSERT_TRUE(joined.postings(mark, 100, &ids, &common, &err));
  EXPECT_FALSE(common);
  EXPECT_EQ(ids.size(), 60u);
}

TEST(Match, LookupReadsBoundedPostingsWhateverTheArchiveSize) {
  // Counts work, not time: the postings read per page stay under marks × cap.
  struct Counting : MemoryOriginals {
    size_t read = 0, loaded = 0;
    bool postings(uint64_t mark, size_t cap, std::vector<int64_t>* ids, bool* common, std::string* err) override {
      size_t before = ids->size();  // postings append (postings_of() reads a page's marks into one list)
      bool ok = MemoryOriginals::postings(mark, cap, ids, common, err);
      read += ids->size() - before;
      return ok;
    }
    bool load(int64_t id, std::shared_ptr<const Original>* out, std::string* err) override {
      ++loaded;
      return MemoryOriginals::load(id, out, err);
    }
  };
  const std::string phrase = made_up_text(77, 80);  // in every original: boilerplate
  Counting set;
  for (uint32_t i = 0; i < 500; ++i)
    set.add(make_original(std::to_string(i), phrase + made_up_text(i, 200)));
  Fingerprint page = fingerprint(phrase + made_up_text(3, 200));
  Match m;
  std::string err;
  ASSERT_TRUE(best_match(page, set, &m, &err));
  ASSERT_NE(m.original, nullptr);
  EXPECT_EQ(m.original->input, "3");
  EXPECT_LE(set.read, page.marks.size() * kCommonMark);
  EXPECT_LE(set.loaded, kCandidates);
}

}  // namespace
}  // namespace credcheck
