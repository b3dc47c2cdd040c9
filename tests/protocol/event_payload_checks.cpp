#include "event_payload_checks.hpp"

#include <gtest/gtest.h>

#include <string>

#include "plenum/protocol/events.hpp"

namespace plenum::protocol {

void expect_round_trip(std::string_view type, std::string_view text) {
  auto decoded = decode_event_payload(type, text);
  ASSERT_TRUE(decoded) << type << ": " << decoded.error().message();
  EXPECT_EQ(event_type(*decoded), type);
  EXPECT_EQ(encode_event_payload(*decoded), text);
}

void expect_refused_at(std::string_view type, std::string_view text, std::string_view path) {
  auto decoded = decode_event_payload(type, text);
  ASSERT_FALSE(decoded) << type;
  EXPECT_EQ(decoded.error().code, errc::invalid_field) << decoded.error().message();
  EXPECT_NE(decoded.error().message().find(std::string(path)), std::string::npos)
      << decoded.error().message();
}

}  // namespace plenum::protocol
