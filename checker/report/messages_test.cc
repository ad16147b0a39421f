#include "checker/report/messages.h"

#include <gtest/gtest.h>

namespace credcheck {
namespace {

TEST(Messages, LabelsInChineseAndEnglishAsGiven) {
  EXPECT_EQ(label("zh", "unchecked"), "未检查");
  EXPECT_EQ(label("zh", "HTTP status"), "HTTP 状态");
  EXPECT_EQ(label("en", "unchecked"), "unchecked");
  EXPECT_EQ(label("zh", "a label the map lacks"), "a label the map lacks");
}

TEST(Messages, EngineReasonsTranslatedPhraseByPhrase) {
  EXPECT_EQ(reason_text("zh", "violates source-credit, author-credit; no original given: media-credit not checked"),
            "违反 source-credit, author-credit；未给出原文：media-credit 未检查");
  EXPECT_EQ(reason_text("zh", "complies with all 7 rules"), "符合全部 7 条规则");
  EXPECT_EQ(reason_text("zh", "matches none of the 12 originals given (closest a.html, b.html, similarity 31%); "
                              "only unauthorized-reprint checked"),
            "与给定的 12 篇原文均不匹配（最接近 a.html, b.html，相似度 31%）；仅检查了 unauthorized-reprint");
  EXPECT_EQ(reason_text("zh", "no host (a local file without --base-url): unauthorized-reprint not checked"),
            "没有域名（本地文件未给 --base-url）：unauthorized-reprint 未检查");
}

TEST(Messages, FetchReasonsKeepTheirUrl) {
  EXPECT_EQ(reason_text("zh", "https://x.example/a.html: HTTP 404"), "https://x.example/a.html: HTTP 状态 404");
  EXPECT_EQ(reason_text("zh", "https://x.example/: timed out after 30 s"), "https://x.example/: 超时，已等待 30 s");
  EXPECT_EQ(reason_text("zh", "https://x.example/: disallowed by robots.txt"),
            "https://x.example/: robots.txt 不允许抓取");
  // In English, and for a phrase the map lacks, the reason is as the engine wrote it.
  EXPECT_EQ(reason_text("en", "https://x.example/: HTTP 404"), "https://x.example/: HTTP 404");
  EXPECT_EQ(reason_text("zh", "something new"), "something new");
}

}  // namespace
}  // namespace credcheck
