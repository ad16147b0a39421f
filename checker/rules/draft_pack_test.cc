#include "checker/rules/draft_pack.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "checker/rules/pack.h"

namespace credcheck {
namespace {

DraftSource source_of(const std::string& text, std::vector<std::string> hosts = {}) {
  DraftSource s;
  s.input = "notice.txt";
  s.notice = find_notice(lines_of_text(text));
  s.demands = recognise_demands(s.notice);
  s.hosts = std::move(hosts);
  return s;
}

// The draft loaded back as a pack (it must validate).
Pack load(const Draft& d) {
  auto path = std::filesystem::temp_directory_path() /
              ("draft_pack_test_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
               ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".yaml");
  std::ofstream(path) << d.yaml;
  Pack pack;
  std::string err;
  EXPECT_TRUE(load_pack(path.string(), &pack, &err)) << err << "\n" << d.yaml;
  std::filesystem::remove(path);
  return pack;
}

const Rule* rule(const Pack& p, const std::string& id) {
  for (const auto& r : p.rules)
    if (r->info().id == id) return r.get();
  return nullptr;
}

TEST(DraftPack, OneRulePerDemandQuotingItsSentences) {
  Draft d = draft_pack(source_of(
      "甲日报版权声明\n1. 未经甲日报书面授权，不得转载。已授权的，须注明“来源：甲日报”及作者“甲日报全媒体记者XXX”。\n"
      "2. 如修改标题，须注明原标题；请勿建立镜像；本报保留最终解释权。\n3. 如有问题请与本报联系。",
      {"www.jia-daily.example"}));
  Pack p = load(d);
  EXPECT_EQ(p.name, "jia-daily-draft");
  EXPECT_EQ(p.publisher.name, "甲日报");
  EXPECT_EQ(p.publisher.hosts, (std::vector<std::string>{".jia-daily.example"}));
  ASSERT_NE(rule(p, "unauthorized-reprint"), nullptr);
  EXPECT_EQ(rule(p, "unauthorized-reprint")->info().clause, "1");
  const Rule* source = rule(p, "source-credit");
  ASSERT_NE(source, nullptr);
  EXPECT_EQ(source->info().quote, "已授权的，须注明“来源：甲日报”及作者“甲日报全媒体记者XXX”。");
  EXPECT_NE(source->info().params.find("<?甲日报社?>?"), std::string::npos) << source->info().params;
  EXPECT_NE(source->info().params.find("expected: 来源：甲日报"), std::string::npos);
  const Rule* author = rule(p, "author-credit");
  ASSERT_NE(author, nullptr);
  EXPECT_NE(author->info().params.find("affiliation: 甲日报社? ?(全媒体|融媒体?|首席|见习|摄影)?记者"),
            std::string::npos) << author->info().params;
  EXPECT_EQ(rule(p, "original-title")->info().clause, "2");
  // Mirroring is a rule of kind mirror-copy.
  ASSERT_NE(rule(p, "mirroring"), nullptr);
  EXPECT_EQ(rule(p, "mirroring")->info().kind, "mirror-copy");
  EXPECT_EQ(d.counts.sentences, 5u);
  EXPECT_EQ(d.counts.mapped, 4u);
  EXPECT_EQ(d.counts.planned, 0u);
  EXPECT_EQ(d.counts.unmapped, 1u);
  EXPECT_NE(d.yaml.find("#   [2] 本报保留最终解释权。"), std::string::npos) << d.yaml;
  // A trailing line that states no term is not part of the notice.
  EXPECT_EQ(d.yaml.find("如有问题"), std::string::npos);
  EXPECT_EQ(d.yaml.rfind("# DRAFT TO REVIEW.", 0), 0u);
}

TEST(DraftPack, RightsReservedAloneIsAWarningAndAWebsiteIsAcceptedAsItself) {
  Draft d = draft_pack(source_of("乙网版权所有\n转载请注明出处。"));
  Pack p = load(d);
  EXPECT_EQ(rule(p, "unauthorized-reprint")->info().severity, Severity::warning);
  EXPECT_EQ(rule(p, "source-credit")->info().severity, Severity::warning);
  EXPECT_NE(rule(p, "source-credit")->info().params.find("<?乙网>?"), std::string::npos);
  EXPECT_NE(d.yaml.find("no host for the publisher"), std::string::npos);
}

TEST(DraftPack, ForbidAllSaysLicenseesStayEmpty) {
  Draft d = draft_pack(source_of("丙周刊版权所有，所有文章严禁转载。"));
  Pack p = load(d);
  EXPECT_EQ(rule(p, "unauthorized-reprint")->info().message, "丙周刊的作品不得转载");
  EXPECT_NE(d.yaml.find("forbids reprinting and offers no licence"), std::string::npos);
}

TEST(DraftPack, NoNameOrABadHostIsSaidNotGuessed) {
  Draft d = draft_pack(source_of("版权所有 不得转载", {"not a host"}));
  load(d);
  EXPECT_EQ(d.publisher, "未知");
  ASSERT_EQ(d.warnings.size(), 3u);
  EXPECT_NE(d.warnings[0].find("no publisher name"), std::string::npos);
  EXPECT_NE(d.warnings[1].find("'not a host' is not a host"), std::string::npos);
}

TEST(DraftPack, QuotesSurviveYaml) {
  Draft d = draft_pack(source_of("丁网's notice: 未经授权不得转载 'quoted' \"too\""));
  Pack p = load(d);
  EXPECT_EQ(rule(p, "unauthorized-reprint")->info().quote, "丁网's notice: 未经授权不得转载 'quoted' \"too\"");
}

TEST(DraftPack, PlannedKindsAloneMakeNoPack) {
  auto s = source_of("转载须保留电头。");
  ASSERT_EQ(s.demands.size(), 1u);
  EXPECT_FALSE(draft_has_rules(s.demands));
  // Mirroring has its kind (mirror-copy): a ban on it alone is a pack.
  EXPECT_TRUE(draft_has_rules(source_of("请勿建立镜像。").demands));
}

TEST(PublisherHost, WwwMeansTheWholeSite) {
  EXPECT_EQ(publisher_host("www.Example.com"), ".example.com");
  EXPECT_EQ(publisher_host("news.example.com"), "news.example.com");
  EXPECT_EQ(publisher_host("www.com"), "www.com");
}

}  // namespace
}  // namespace credcheck
