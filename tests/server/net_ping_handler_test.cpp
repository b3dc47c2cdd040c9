#include <gtest/gtest.h>

#include "app/ping_handler.hpp"
#include "net_fake_connection.hpp"

namespace plenum::server::app {
namespace {

TEST(ping_handler_test, AnswersPingWithPongOfTheSameId) {
  EXPECT_EQ(ping_reply(R"({"type":"ping","id":42})"), R"({"type":"pong","id":42})");
  EXPECT_EQ(ping_reply(R"({"id":18446744073709551615,"type":"ping"})"),
            R"({"type":"pong","id":18446744073709551615})");
}

TEST(ping_handler_test, RejectsOtherMessages) {
  auto unknown = ping_reply(R"({"type":"vote","id":3})");
  EXPECT_NE(unknown.find(R"("type":"error")"), std::string::npos);
  EXPECT_NE(unknown.find(R"("code":"unknown_message_type")"), std::string::npos);
  EXPECT_NE(unknown.find(R"("id":3)"), std::string::npos);

  for (const char* bad : {"", "not json", "[1,2]", "42", R"({"id":1})", R"({"type":7})"}) {
    auto reply = ping_reply(bad);
    EXPECT_NE(reply.find(R"("code":"malformed_message")"), std::string::npos) << bad;
  }
  auto no_id = ping_reply(R"({"type":"ping"})");
  EXPECT_NE(no_id.find(R"("code":"invalid_field")"), std::string::npos);
  auto text_id = ping_reply(R"({"type":"ping","id":"7"})");
  EXPECT_NE(text_id.find(R"("code":"invalid_field")"), std::string::npos);
}

TEST(ping_handler_test, RepliesOnTheSameConnection) {
  ping_handler handler;
  auto conn = std::make_shared<net::testing::fake_connection>(1);
  std::shared_ptr<net::connection> as_conn = conn;
  handler.on_open(as_conn);
  handler.on_message(as_conn, R"({"type":"ping","id":1})");
  handler.on_close(as_conn);
  ASSERT_EQ(conn->sent().size(), 1u);
  EXPECT_EQ(*conn->sent()[0], R"({"type":"pong","id":1})");
}

}  // namespace
}  // namespace plenum::server::app
