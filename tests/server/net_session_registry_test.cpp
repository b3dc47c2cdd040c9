#include <gtest/gtest.h>

#include <thread>

#include "net/session_registry.hpp"
#include "net_fake_connection.hpp"

namespace plenum::server::net {
namespace {

using testing::fake_connection;

std::shared_ptr<fake_connection> add_connection(session_registry& reg) {
  auto id = reg.next_id();
  auto c = std::make_shared<fake_connection>(id);
  reg.add(id, c, c);
  return c;
}

TEST(session_registry_test, IdsAreFreshAndNonZero) {
  session_registry reg;
  auto a = reg.next_id();
  auto b = reg.next_id();
  EXPECT_NE(a, 0u);
  EXPECT_NE(a, b);
}

TEST(session_registry_test, BroadcastSharesOneBufferWithEveryLiveConnection) {
  session_registry reg;
  auto a = add_connection(reg);
  auto b = add_connection(reg);
  auto msg = std::make_shared<const std::string>("hello");
  EXPECT_EQ(reg.broadcast(msg), 2u);
  ASSERT_EQ(a->sent().size(), 1u);
  ASSERT_EQ(b->sent().size(), 1u);
  EXPECT_EQ(a->sent()[0].get(), msg.get());
  EXPECT_EQ(b->sent()[0].get(), msg.get());
}

TEST(session_registry_test, SkipsExpiredRemovedAndNonWebSocketSessions) {
  session_registry reg;
  auto kept = add_connection(reg);
  auto removed = add_connection(reg);
  reg.remove(removed->id());
  add_connection(reg);  // expires at once: the registry holds only a weak pointer
  auto http_like = std::make_shared<fake_connection>(reg.next_id());
  reg.add(http_like->id(), http_like, {});

  EXPECT_EQ(reg.connections().size(), 1u);
  EXPECT_EQ(reg.broadcast(std::make_shared<const std::string>("x")), 1u);
  EXPECT_EQ(kept->sent().size(), 1u);
  EXPECT_TRUE(removed->sent().empty());
  EXPECT_TRUE(http_like->sent().empty());
  reg.remove(12345);  // unknown ids are ignored
  EXPECT_EQ(reg.size(), 3u);
}

TEST(session_registry_test, BroadcastIfSelectsSubscribers) {
  session_registry reg;
  auto a = add_connection(reg);
  auto b = add_connection(reg);
  auto sent = reg.broadcast_if(std::make_shared<const std::string>("only b"),
                               [&](const connection& c) { return c.id() == b->id(); });
  EXPECT_EQ(sent, 1u);
  EXPECT_TRUE(a->sent().empty());
  ASSERT_EQ(b->sent().size(), 1u);
  EXPECT_EQ(*b->sent()[0], "only b");
}

TEST(session_registry_test, ShutdownAllReachesEverySessionAndLateComers) {
  session_registry reg;
  auto a = add_connection(reg);
  auto http_like = std::make_shared<fake_connection>(reg.next_id());
  reg.add(http_like->id(), http_like, {});
  reg.shutdown_all();
  EXPECT_EQ(a->shutdowns(), 1);
  EXPECT_EQ(http_like->shutdowns(), 1);
  auto late = add_connection(reg);
  EXPECT_EQ(late->shutdowns(), 1);
}

TEST(session_registry_test, ConcurrentAddRemoveAndBroadcast) {
  session_registry reg;
  auto stable = add_connection(reg);
  std::thread churn([&] {
    for (int i = 0; i < 2000; ++i) {
      auto c = add_connection(reg);
      reg.remove(c->id());
    }
  });
  for (int i = 0; i < 2000; ++i) reg.broadcast(std::make_shared<const std::string>("m"));
  churn.join();
  EXPECT_EQ(stable->sent().size(), 2000u);
  EXPECT_EQ(reg.size(), 1u);
}

}  // namespace
}  // namespace plenum::server::net
