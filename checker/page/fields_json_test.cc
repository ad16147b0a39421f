#include "checker/page/fields_json.h"

#include <gtest/gtest.h>

#include "checker/page/page_testing.h"

namespace credcheck {
namespace {

TEST(FieldsJson, CreditLocationsRoundTrip) {
  Fields f = testing::extract_snippet(
      "<html><head><title>河堤夜跑步道亮灯_某某网</title></head><body><h1>河堤夜跑步道亮灯</h1>"
      "<p>2025-04-13 来源：某江日报</p><div>"
      "<p>入夜后，沿河堤新建的夜跑步道亮起了暖黄色的灯带，不少市民结伴前来散步、慢跑。</p>"
      "<p>据介绍，步道全长六公里，沿途设置了三处补水点和两座公共卫生间，方便市民使用。</p>"
      "</div><p>责任编辑：何文</p></body></html>");
  ASSERT_EQ(f.credit_locations.size(), 2u);
  nlohmann::ordered_json j = fields_json(f);
  ASSERT_TRUE(j.contains("credit_locations"));
  EXPECT_EQ(j["credit_locations"][0]["zone"], "above-body");
  EXPECT_EQ(j["credit_locations"][1]["field"], "editor");
  Fields back = fields_from_json(j);
  ASSERT_EQ(back.credit_locations.size(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(back.credit_locations[i].field, f.credit_locations[i].field);
    EXPECT_EQ(back.credit_locations[i].line, f.credit_locations[i].line);
    EXPECT_EQ(back.credit_locations[i].zone, f.credit_locations[i].zone);
    EXPECT_EQ(back.credit_locations[i].path, f.credit_locations[i].path);
  }
  EXPECT_EQ(back.credit_locations[1].zone, "below-body");
  EXPECT_EQ(back.credit_locations[1].path, "/html/body/p[2]");
}

TEST(FieldsJson, LinksSrcsAndSiteNameRoundTrip) {
  Fields f;
  f.links = {{"原文", "https://a.example/1"}};
  f.element_srcs = {"/c.gif"};
  f.site_name = "某某网";
  Fields back = fields_from_json(fields_json(f));
  ASSERT_EQ(back.links.size(), 1u);
  EXPECT_EQ(back.links[0].text, "原文");
  EXPECT_EQ(back.links[0].href, "https://a.example/1");
  EXPECT_EQ(back.element_srcs, f.element_srcs);
  EXPECT_EQ(back.site_name, "某某网");
}

}  // namespace
}  // namespace credcheck
