// attempt_limiter: refused enroll and auth requests per address within a sliding window.
#include "service/attempt_limiter.hpp"

#include <gtest/gtest.h>

namespace plenum::server::service {
namespace {

TEST(AttemptLimiter, BlocksAnAddressPastTheLimitUntilFailuresAgeOut) {
  attempt_limiter limiter({3, std::chrono::milliseconds(1000)});
  EXPECT_TRUE(limiter.allowed("10.0.0.7", 0));
  limiter.failed("10.0.0.7", 0);
  limiter.failed("10.0.0.7", 400);
  EXPECT_TRUE(limiter.allowed("10.0.0.7", 500));
  limiter.failed("10.0.0.7", 600);
  EXPECT_FALSE(limiter.allowed("10.0.0.7", 700));
  // Another tablet of the hall is not affected.
  EXPECT_TRUE(limiter.allowed("10.0.0.8", 700));
  // The first failure ages out at 1000 ms: one more try.
  EXPECT_FALSE(limiter.allowed("10.0.0.7", 999));
  EXPECT_TRUE(limiter.allowed("10.0.0.7", 1000));
  limiter.failed("10.0.0.7", 1000);
  EXPECT_FALSE(limiter.allowed("10.0.0.7", 1001));
  EXPECT_TRUE(limiter.allowed("10.0.0.7", 2600));
}

TEST(AttemptLimiter, AddressOfAPeerName) {
  EXPECT_EQ(attempt_limiter::address_of("127.0.0.1:50312"), "127.0.0.1");
  EXPECT_EQ(attempt_limiter::address_of("[::1]:8443"), "::1");
  EXPECT_EQ(attempt_limiter::address_of("[fe80::1%eth0]:1"), "fe80::1%eth0");
  EXPECT_EQ(attempt_limiter::address_of("host"), "host");
}

}  // namespace
}  // namespace plenum::server::service
