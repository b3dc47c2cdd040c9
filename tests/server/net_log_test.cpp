#include <gtest/gtest.h>

#include "common/log.hpp"

namespace plenum::server::log {
namespace {

std::chrono::system_clock::time_point at(long long millis_since_epoch) {
  return std::chrono::system_clock::time_point(std::chrono::milliseconds(millis_since_epoch));
}

TEST(log_test, FormatsLogfmtLines) {
  // 2026-11-27T06:30:00.123Z
  auto line = format_line(at(1795761000123), level::info, "listening",
                          {{"port", 8443}, {"address", "127.0.0.1"}, {"tls", true}});
  EXPECT_EQ(line,
            "ts=2026-11-27T06:30:00.123Z level=info msg=listening port=8443 address=127.0.0.1 "
            "tls=true\n");
}

TEST(log_test, QuotesAndEscapesValues) {
  auto line = format_line(at(0), level::warn, "ws error",
                          {{"error", "said \"no\" = bye\n"}, {"empty", ""}, {"ctl", "a\x01"}});
  EXPECT_EQ(line,
            "ts=1970-01-01T00:00:00.000Z level=warn msg=\"ws error\" "
            "error=\"said \\\"no\\\" = bye\\n\" empty=\"\" ctl=\"a\\x01\"\n");
}

TEST(log_test, KeepsUtf8AsIs) {
  auto line = format_line(at(0), level::error, "失败", {});
  EXPECT_EQ(line, "ts=1970-01-01T00:00:00.000Z level=error msg=失败\n");
}

TEST(log_test, ParsesLevelsAndFilters) {
  EXPECT_EQ(parse_level("debug"), level::debug);
  EXPECT_EQ(parse_level("warn"), level::warn);
  EXPECT_FALSE(parse_level("verbose"));
  EXPECT_FALSE(parse_level("INFO"));
  set_min_level(level::warn);
  EXPECT_FALSE(enabled(level::info));
  EXPECT_TRUE(enabled(level::error));
  set_min_level(level::info);
  EXPECT_TRUE(enabled(level::info));
  EXPECT_FALSE(enabled(level::debug));
}

}  // namespace
}  // namespace plenum::server::log
