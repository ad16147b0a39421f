#include "checker/cli/option_values.h"

#include <gtest/gtest.h>

namespace credcheck {
namespace {

TEST(OptionValuesTest, SecondsInUnits) {
  double s = 0;
  EXPECT_EQ(check_seconds("--timeout", "3s", 86400, &s), "");
  EXPECT_EQ(s, 3);
  EXPECT_EQ(check_seconds("--timeout", "500ms", 86400, &s), "");
  EXPECT_EQ(s, 0.5);
  EXPECT_EQ(check_seconds("--timeout", "2m", 86400, &s), "");
  EXPECT_EQ(s, 120);
  EXPECT_EQ(check_seconds("--timeout", "24h", 86400, &s), "");
  EXPECT_EQ(s, 86400);
}

TEST(OptionValuesTest, SecondsRefusedInWords) {
  double s = 7;
  EXPECT_EQ(check_seconds("--timeout", "nan", 86400, &s), "--timeout must be > 0 seconds (got nan)");
  EXPECT_EQ(check_seconds("--timeout", "-nan", 86400, &s), "--timeout must be > 0 seconds (got -nan)");
  EXPECT_EQ(check_seconds("--timeout", "0", 86400, &s), "--timeout must be > 0 seconds (got 0)");
  EXPECT_EQ(check_seconds("--timeout", "-3s", 86400, &s), "--timeout must be > 0 seconds (got -3s)");
  EXPECT_EQ(check_seconds("--timeout", "1e300", 86400, &s), "--timeout must be at most 24 h (got 1e300)");
  EXPECT_EQ(check_seconds("--timeout", "inf", 86400, &s), "--timeout must be at most 24 h (got inf)");
  EXPECT_EQ(check_seconds("--timeout", "25h", 86400, &s), "--timeout must be at most 24 h (got 25h)");
  EXPECT_EQ(check_seconds("--timeout", "3 days", 86400, &s),
            "--timeout must be a duration: 30 (seconds), 30s, 500ms, 2m or 1h (got '3 days')");
  EXPECT_EQ(s, 7);  // untouched by every refusal
}

TEST(OptionValuesTest, BytesInBinaryUnits) {
  uint64_t b = 0;
  EXPECT_EQ(check_bytes("--max-bytes", "1M", 1 << 30, &b), "");
  EXPECT_EQ(b, 1u << 20);
  EXPECT_EQ(check_bytes("--max-bytes", "512K", 1 << 30, &b), "");
  EXPECT_EQ(b, 512u << 10);
  EXPECT_EQ(check_bytes("--max-bytes", "1G", 1 << 30, &b), "");
  EXPECT_EQ(b, 1u << 30);
  EXPECT_EQ(check_bytes("--max-bytes", "100", 1 << 30, &b), "");
  EXPECT_EQ(b, 100u);
}

TEST(OptionValuesTest, BytesRefusedInWords) {
  uint64_t b = 7;
  const std::string forms =
      "--max-bytes must be a size: 16777216 (bytes), 512K, 16M or 1G (K, M, G are 1024-based; "
      "KiB, MiB, GiB too)";
  EXPECT_EQ(check_bytes("--max-bytes", "1MB", 1 << 30, &b), forms + " (got '1MB')");
  EXPECT_EQ(check_bytes("--max-bytes", "lots", 1 << 30, &b), forms + " (got 'lots')");
  EXPECT_EQ(check_bytes("--max-bytes", "0", 1 << 30, &b), "--max-bytes must be at least 1 byte (got 0)");
  EXPECT_EQ(check_bytes("--max-bytes", "nan", 1 << 30, &b), "--max-bytes must be at least 1 byte (got nan)");
  EXPECT_EQ(check_bytes("--max-bytes", "-1K", 1 << 30, &b), "--max-bytes must be at least 1 byte (got -1K)");
  EXPECT_EQ(check_bytes("--max-bytes", "2G", 1 << 30, &b), "--max-bytes must be at most 1 GiB (got 2G)");
  EXPECT_EQ(check_bytes("--max-bytes", "1e300", 1 << 30, &b), "--max-bytes must be at most 1 GiB (got 1e300)");
  EXPECT_EQ(check_bytes("--max-bytes", "1.5", 1 << 30, &b), "--max-bytes must be a whole number of bytes (got 1.5)");
  EXPECT_EQ(b, 7u);
}

TEST(OptionValuesTest, Counts) {
  int n = 9;
  EXPECT_EQ(check_count("--jobs", "1", 1, 256, &n), "");
  EXPECT_EQ(n, 1);
  EXPECT_EQ(check_count("--jobs", "256", 1, 256, &n), "");
  EXPECT_EQ(n, 256);
  for (const char* bad : {"0", "257", "-1", "1.5", "nan", "1e300", "", "4x", "99999999999"})
    EXPECT_EQ(check_count("--jobs", bad, 1, 256, &n),
              "--jobs must be a whole number from 1 to 256 (got " + std::string(bad) + ")");
  EXPECT_EQ(n, 256);
}

// The options as CLI11 parses them: the value lands in the target, a refusal is a parse
// error with the message, the help shows the default in the units one would type.
TEST(OptionValuesTest, OptionsParseIntoTheirTargets) {
  CLI::App app;
  double timeout = 30;
  size_t max_bytes = 16 << 20;
  int jobs = 2;
  add_seconds_option(&app, "--timeout", &timeout, "t", 86400);
  add_bytes_option(&app, "--max-bytes", &max_bytes, "b", 1 << 30);
  add_count_option(&app, "-j,--jobs", &jobs, "j", 1, 256);
  std::string help = app.help();
  EXPECT_NE(help.find("--timeout DURATION=30s"), std::string::npos) << help;
  EXPECT_NE(help.find("--max-bytes SIZE=16M"), std::string::npos) << help;
  EXPECT_NE(help.find("-j,--jobs N=2"), std::string::npos) << help;
  app.parse("--timeout 500ms --max-bytes 512K -j 8", false);
  EXPECT_EQ(timeout, 0.5);
  EXPECT_EQ(max_bytes, 512u << 10);
  EXPECT_EQ(jobs, 8);
  try {
    app.parse("--timeout nan", false);
    ADD_FAILURE() << "--timeout nan was accepted";
  } catch (const CLI::ParseError& e) {
    EXPECT_EQ(std::string(e.what()), "--timeout must be > 0 seconds (got nan)");
    EXPECT_NE(e.get_exit_code(), 0);
  }
}

}  // namespace
}  // namespace credcheck

namespace credcheck {
namespace {

TEST(OptionValuesTest, HeadersAndLines) {
  EXPECT_EQ(check_header("--header", "X-Batch: nightly"), "");
  EXPECT_EQ(check_header("--header", "Accept-Language:zh-CN"), "");
  EXPECT_EQ(check_header("--header", "no colon"),
            "--header must be 'Name: value' (a header name of letters, digits and -) (got 'no colon')");
  EXPECT_NE(check_header("--header", "Bad Name: x"), "");
  EXPECT_NE(check_header("--header", ": x"), "");
  EXPECT_EQ(check_header("--header", "X-A: 1\r\nX-Injected: 2"),
            "--header must be one line without control characters");
  EXPECT_EQ(check_line("--user-agent", "ops/1 (+https://a.example)"), "");
  EXPECT_EQ(check_line("--user-agent", ""), "--user-agent must not be empty");
  EXPECT_NE(check_line("--proxy", "http://p\n"), "");
}

}  // namespace
}  // namespace credcheck
