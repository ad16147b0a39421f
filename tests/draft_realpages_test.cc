// `rules draft` over the notices at the foot of the 62 real pages (../shared/realpages):
// every notice found drafts a pack that validates. Prints, per page and in all, how many
// sentences were mapped to rules, to rules left commented out (parameters to choose), and to none:
//   build/e2e_test --gtest_filter='RealPagesDraft*'
// What each draft says was checked by hand against its notice (see the report of the
// draft issue); this test keeps the drafts loadable and the counts visible.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "checker/decode/decode.h"
#include "checker/notice/demands.h"
#include "checker/notice/notice.h"
#include "checker/rules/draft_pack.h"
#include "checker/rules/pack.h"
#include "tests/support/files.h"

namespace credcheck {
namespace {

namespace fs = std::filesystem;

const fs::path kPages = fs::path(CREDCHECK_SOURCE_DIR) / "../shared/realpages/pages";

TEST(RealPagesDraft, EveryNoticeFoundDraftsAValidPack) {
  if (!fs::exists(kPages)) GTEST_SKIP() << kPages << " is not beside the checkout";
  std::vector<fs::path> pages;
  for (const auto& e : fs::directory_iterator(kPages))
    if (e.path().extension() == ".html") pages.push_back(e.path());
  std::sort(pages.begin(), pages.end());
  ASSERT_GE(pages.size(), 60u);
  test_support::TempDir dir;
  DraftCounts total;
  size_t with_notice = 0, drafted = 0;
  for (const fs::path& page : pages) {
    std::string bytes = test_support::slurp(page);
    NoticePage read;
    std::string err;
    ASSERT_TRUE(read_notice_page(decode_html(bytes, "").text, &read, &err)) << page << ": " << err;
    std::string name = page.filename().string();
    if (read.notice.sentences.empty()) {
      std::printf("%-60s no notice\n", name.c_str());
      continue;
    }
    ++with_notice;
    DraftSource src{name, read.notice, recognise_demands(read.notice), read.site_names, {}};
    Draft d = draft_pack(src);
    std::printf("%-60s %2zu sentences: %2zu mapped, %zu planned, %2zu not mapped  (%s)\n",
                name.c_str(), d.counts.sentences, d.counts.mapped, d.counts.planned,
                d.counts.unmapped, d.publisher.c_str());
    total.sentences += d.counts.sentences;
    total.mapped += d.counts.mapped;
    total.planned += d.counts.planned;
    total.unmapped += d.counts.unmapped;
    EXPECT_EQ(d.counts.sentences, d.counts.mapped + d.counts.planned + d.counts.unmapped);
    if (!draft_has_rules(src.demands)) continue;
    ++drafted;
    std::string path = dir.file(page.stem().string() + ".yaml", d.yaml);
    Pack pack;
    EXPECT_TRUE(load_pack(path, &pack, &err)) << name << ": " << err << "\n" << d.yaml;
  }
  std::printf("%zu pages: %zu with a notice, %zu drafted; %zu sentences: %zu mapped, %zu planned, "
              "%zu not mapped\n",
              pages.size(), with_notice, drafted, total.sentences, total.mapped, total.planned,
              total.unmapped);
  // Most real pages print at least a 版权所有 line; a floor well under today's count.
  EXPECT_GE(drafted, pages.size() / 2);
}

}  // namespace
}  // namespace credcheck
