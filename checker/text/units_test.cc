#include "checker/text/units.h"

#include <gtest/gtest.h>

#include <cmath>

namespace credcheck {
namespace {

double bytes(std::string_view text) {
  double b = -12345;
  EXPECT_TRUE(parse_bytes(text, &b)) << text;
  return b;
}

double seconds(std::string_view text) {
  double s = -12345;
  EXPECT_TRUE(parse_seconds(text, &s)) << text;
  return s;
}

TEST(UnitsTest, BytesAreBinary) {
  EXPECT_EQ(bytes("16777216"), 16777216);
  EXPECT_EQ(bytes("512K"), 512 * 1024);
  EXPECT_EQ(bytes("512k"), 512 * 1024);
  EXPECT_EQ(bytes("1M"), 1 << 20);
  EXPECT_EQ(bytes("1MiB"), 1 << 20);
  EXPECT_EQ(bytes("1mib"), 1 << 20);
  EXPECT_EQ(bytes("1G"), 1 << 30);
  EXPECT_EQ(bytes("1.5K"), 1536);
  EXPECT_EQ(bytes("+2K"), 2048);
}

TEST(UnitsTest, BytesKeepOutOfRangeNumbersForTheCaller) {
  EXPECT_TRUE(std::isnan(bytes("nan")));
  EXPECT_TRUE(std::isinf(bytes("inf")));
  EXPECT_EQ(bytes("-1"), -1);
  EXPECT_EQ(bytes("0"), 0);
  EXPECT_TRUE(std::isinf(bytes("1e999")));
}

TEST(UnitsTest, BytesRefuseOtherForms) {
  double b;
  for (const char* bad : {"", "M", "1MB", "1KB", "1 M", "1T", "one", "0x10", "1M2", " 1"})
    EXPECT_FALSE(parse_bytes(bad, &b)) << bad;
}

TEST(UnitsTest, Seconds) {
  EXPECT_EQ(seconds("30"), 30);
  EXPECT_EQ(seconds("3s"), 3);
  EXPECT_EQ(seconds("500ms"), 0.5);
  EXPECT_EQ(seconds("2m"), 120);
  EXPECT_EQ(seconds("2min"), 120);
  EXPECT_EQ(seconds("1.5h"), 5400);
  EXPECT_TRUE(std::isnan(seconds("nan")));
  EXPECT_EQ(seconds("-1"), -1);
  EXPECT_TRUE(std::isinf(seconds("1e307h")));
  double s;
  for (const char* bad : {"", "s", "3 s", "3sec", "3S", "3d", "abc", "3s4"})
    EXPECT_FALSE(parse_seconds(bad, &s)) << bad;
}

TEST(UnitsTest, FormatBytes) {
  EXPECT_EQ(format_bytes(0), "0 bytes");
  EXPECT_EQ(format_bytes(1), "1 byte");
  EXPECT_EQ(format_bytes(1023), "1023 bytes");
  EXPECT_EQ(format_bytes(1024), "1 KiB");
  EXPECT_EQ(format_bytes(1536), "1.5 KiB");
  EXPECT_EQ(format_bytes(4 << 20), "4 MiB");
  EXPECT_EQ(format_bytes((4 << 20) + 1), "4.0 MiB");
  EXPECT_EQ(format_bytes(uint64_t{1} << 30), "1 GiB");
}

TEST(UnitsTest, FormatSeconds) {
  EXPECT_EQ(format_seconds(30), "30 s");
  EXPECT_EQ(format_seconds(0.5), "500 ms");
  EXPECT_EQ(format_seconds(90), "1.5 min");
  EXPECT_EQ(format_seconds(86400), "24 h");
  EXPECT_EQ(format_seconds(NAN), "nan");
}

}  // namespace
}  // namespace credcheck
