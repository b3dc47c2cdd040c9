#include "plenum/protocol/error.hpp"

#include <gtest/gtest.h>

namespace plenum {
namespace {

TEST(Error, NamesAndCategories) {
  boost::system::error_code ec = errc::vote_not_open;
  EXPECT_EQ(error_name(ec), "vote_not_open");
  EXPECT_EQ(canonical_of(ec), canonical::failed_precondition);
  EXPECT_EQ(ec.message(), "the vote is not open");
  EXPECT_EQ(error_name(errc::internal), "internal");
  EXPECT_EQ(canonical_of(errc::already_voted), canonical::already_exists);
  EXPECT_EQ(error_name(boost::system::error_code(5, boost::system::generic_category())), "unknown");
}

TEST(Error, ResultCarriesTheCode) {
  result<int> r = boost::system::error_code(errc::bad_proof);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error(), errc::bad_proof);
}

}  // namespace
}  // namespace plenum
