#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "checker/page/page_testing.h"

namespace credcheck {
namespace {

using testing::extract_snippet;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(Editors, LabelForms) {
  EXPECT_THAT(extract_snippet("<div>责任编辑：梁佳_NF1234</div>").editors,
              ElementsAre("梁佳_NF1234"));
  EXPECT_THAT(extract_snippet("<div>[责任编辑：朱家明 PN054]</div>").editors,
              ElementsAre("朱家明 PN054"));
  EXPECT_THAT(extract_snippet("<div>(责编：萧雨、张妍妍)</div>").editors,
              ElementsAre("萧雨、张妍妍"));
  EXPECT_THAT(extract_snippet("<p>编辑：苏明亮</p>").editors, ElementsAre("苏明亮"));
  EXPECT_THAT(extract_snippet("<div>（责任编辑： HN321）</div>").editors, ElementsAre("HN321"));
  EXPECT_THAT(extract_snippet("<div>责任编辑 :冯丽</div>").editors, ElementsAre("冯丽"));
  EXPECT_THAT(extract_snippet("<td>发布日期：2024-03-06 责任编辑：龙小慧</td>").editors,
              ElementsAre("龙小慧"));
  EXPECT_THAT(extract_snippet("<p>責任編輯：林卓雯</p>").editors, ElementsAre("林卓雯"));
}

TEST(Editors, EditorialWordsAreNoEditors) {
  Fields f = extract_snippet("<li>本报编辑部</li><p>编辑们连夜赶稿。</p><p>主办：高要编辑部</p>");
  EXPECT_THAT(f.editors, IsEmpty());
}

TEST(Editors, EditorsAreNeverAuthors) {
  Fields f = extract_snippet("<p>作者：何文清</p><p>正文。</p><p>编辑：何文清</p>");
  EXPECT_THAT(f.editors, ElementsAre("何文清"));
  EXPECT_THAT(f.authors, IsEmpty());
}

}  // namespace
}  // namespace credcheck
