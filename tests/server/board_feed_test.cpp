// board_feed: a frame on a connection that is behind waits until the feed passed the events it
// follows, in the order the frames came; a newer state view replaces the views waiting; past the
// most frames waiting they all leave; a live connection is sent to at once.
#include "service/board_feed.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "net_fake_connection.hpp"

namespace plenum::server::service {
namespace {

using net::testing::fake_connection;

std::shared_ptr<const std::string> text(const std::string& s) {
  return std::make_shared<const std::string>(s);
}

std::vector<std::string> texts(const fake_connection& c) {
  std::vector<std::string> out;
  for (const auto& t : c.sent()) out.push_back(*t);
  return out;
}

TEST(BoardFeed, ALiveConnectionIsSentToAtOnce) {
  board_feed feed;
  auto conn = std::make_shared<fake_connection>(1);
  EXPECT_FALSE(feed.behind(1));
  EXPECT_EQ(feed.position(1), std::nullopt);
  feed.send_after(conn, 100, text("reply"));
  EXPECT_EQ(texts(*conn), std::vector<std::string>{"reply"});
}

TEST(BoardFeed, FramesWaitUntilTheFeedPassedTheirEventsInTheOrderTheyCame) {
  board_feed feed;
  auto conn = std::make_shared<fake_connection>(1);
  feed.fall_behind(conn, 10);
  EXPECT_TRUE(feed.behind(1));
  EXPECT_EQ(feed.position(1), 10U);
  // Follows events the connection already holds: leaves at once.
  feed.send_after(conn, 10, text("a"));
  feed.send_after(conn, 20, text("b"));
  // Follows fewer events than b, but came after it: waits behind it.
  feed.send_after(conn, 12, text("c"));
  feed.send_after(conn, 30, text("d"));
  EXPECT_EQ(texts(*conn), std::vector<std::string>{"a"});
  feed.advance(1, 15, false);
  EXPECT_EQ(texts(*conn), std::vector<std::string>{"a"});
  feed.advance(1, 25, false);
  EXPECT_EQ(texts(*conn), (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_TRUE(feed.behind(1));
  EXPECT_EQ(feed.position(1), 25U);
  // At the head every frame leaves and the connection is live again.
  feed.advance(1, 28, true);
  EXPECT_EQ(texts(*conn), (std::vector<std::string>{"a", "b", "c", "d"}));
  EXPECT_FALSE(feed.behind(1));
  feed.send_after(conn, 40, text("e"));
  EXPECT_EQ(texts(*conn).back(), "e");
}

TEST(BoardFeed, FallingBehindAgainKeepsThePositionItHas) {
  board_feed feed;
  auto conn = std::make_shared<fake_connection>(1);
  feed.fall_behind(conn, 10);
  feed.fall_behind(conn, 50);
  EXPECT_EQ(feed.position(1), 10U);
}

TEST(BoardFeed, ANewerViewReplacesTheViewsWaiting) {
  board_feed feed;
  auto conn = std::make_shared<fake_connection>(1);
  feed.fall_behind(conn, 0);
  feed.send_after(conn, 5, text("view 1"), true);
  feed.send_after(conn, 6, text("reply"));
  feed.send_after(conn, 7, text("view 2"), true);
  feed.advance(1, 7, true);
  EXPECT_EQ(texts(*conn), (std::vector<std::string>{"reply", "view 2"}));
}

TEST(BoardFeed, PastTheMostWaitingTheyAllLeave) {
  board_feed feed;
  auto conn = std::make_shared<fake_connection>(1);
  feed.fall_behind(conn, 0);
  for (std::size_t i = 0; i < board_feed::max_waiting; ++i)
    feed.send_after(conn, 1, text("r" + std::to_string(i)));
  EXPECT_TRUE(conn->sent().empty());
  feed.send_after(conn, 1, text("one too many"));
  ASSERT_EQ(conn->sent().size(), board_feed::max_waiting + 1);
  EXPECT_EQ(*conn->sent().front(), "r0");
  EXPECT_EQ(*conn->sent().back(), "one too many");
}

TEST(BoardFeed, PastTheMostBytesWaitingTheyAllLeave) {
  // What waits here is not counted against the connection's send-queue limit: a few large
  // replies (a get_state each) must not be held without bound.
  board_feed feed;
  auto conn = std::make_shared<fake_connection>(1);
  feed.fall_behind(conn, 0);
  const std::string large(256 * 1024, 'x');  // a quarter of the bound
  for (int i = 0; i < 4; ++i) feed.send_after(conn, 1, text(large));
  EXPECT_TRUE(conn->sent().empty());
  feed.send_after(conn, 1, text("one byte too many"));
  EXPECT_EQ(conn->sent().size(), 5U);
  // A view replaced frees its bytes: views alone never pass the bound.
  auto viewer = std::make_shared<fake_connection>(2);
  feed.fall_behind(viewer, 0);
  for (int i = 0; i < 8; ++i) feed.send_after(viewer, 1, text(large), true);
  EXPECT_TRUE(viewer->sent().empty());
  feed.advance(2, 1, false);
  EXPECT_EQ(viewer->sent().size(), 1U);
}

TEST(BoardFeed, ForgetSendsOrDropsWhatWaits) {
  board_feed feed;
  auto resubscribed = std::make_shared<fake_connection>(1);
  auto gone = std::make_shared<fake_connection>(2);
  feed.fall_behind(resubscribed, 0);
  feed.fall_behind(gone, 0);
  feed.send_after(resubscribed, 3, text("reply"));
  feed.send_after(gone, 3, text("reply"));
  feed.forget(1, true);
  feed.forget(2, false);
  EXPECT_EQ(texts(*resubscribed), std::vector<std::string>{"reply"});
  EXPECT_TRUE(gone->sent().empty());
  EXPECT_FALSE(feed.behind(1));
  EXPECT_FALSE(feed.behind(2));
}

}  // namespace
}  // namespace plenum::server::service
