#include <gtest/gtest.h>

#include "checker/page/page_testing.h"

namespace credcheck {
namespace {

using testing::extract_snippet;

TEST(OriginalTitle, Forms) {
  struct Case {
    const char* html;
    const char* want;
  } cases[] = {
      {"<p>（原标题：星湖夜跑路线新增两公里）</p>", "星湖夜跑路线新增两公里"},
      {"<p>原标题：星湖夜跑路线新增两公里</p><p>正文第一段。</p>", "星湖夜跑路线新增两公里"},
      {"<p>正文。</p><p>本文原标题：《星湖夜跑路线新增两公里》</p>", "星湖夜跑路线新增两公里"},
      {"<p>原题：星湖夜跑路线新增两公里</p>", "星湖夜跑路线新增两公里"},
      {"<p>市民可以在周末参加。（原标题：星湖夜跑路线新增两公里）</p>", "星湖夜跑路线新增两公里"},
      {"<p>（原標題：星湖夜跑路線新增兩公里）</p>", "星湖夜跑路線新增兩公里"},
  };
  for (const auto& c : cases) {
    Fields f = extract_snippet(c.html);
    ASSERT_TRUE(f.original_title.has_value()) << c.html;
    EXPECT_EQ(*f.original_title, c.want) << c.html;
  }
}

TEST(OriginalTitle, MentionsAreNoNote) {
  Fields f = extract_snippet("<p>如修改标题，必须注明原标题。</p><p>他的原标题更长一些。</p>");
  EXPECT_FALSE(f.original_title.has_value());
}

}  // namespace
}  // namespace credcheck
