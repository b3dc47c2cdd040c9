// A board subscriber that stops reading during a burst of events, against a real plenumd over
// TLS with a small send queue (256 KiB): it is not closed but fed from the log once it reads
// again, every event in seq order without a gap or a repeat, each checked (entry hash,
// signature, chain); a reply that waits for its event's durability reaches it after that event;
// and a subscriber that never reads while asking for more is still closed at the queue's limit.
#include <gtest/gtest.h>
#include <signal.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "hall_client.hpp"
#include "plenum/crypto/board.hpp"
#include "plenum/crypto/random.hpp"
#include "plenum/protocol/codec_board.hpp"
#include "plenumd_process.hpp"
#include "raw_peer.hpp"

namespace plenum::tests {
namespace {

namespace json = boost::json;
using namespace std::chrono_literals;

constexpr auto start_timeout = 120s;
constexpr auto io_timeout = 20s;
// The send queue's limit here: the connection is backlogged past an eighth of it (32 KiB).
constexpr std::size_t send_queue_bytes = 256 * 1024;
// Events issued while the subscriber does not read: several times the queue's limit in bytes.
constexpr int burst_events = 6000;

std::string roster_csv() {
  return "number,name,gender,ethnicity,occupation,unit,group,roles,committee\n"
         "D001,代表,男,汉族,farming,U1,G1,delegate,no\n"
         "X01,旁听,男,汉族,cadre,,,observer,no\n"
         "SE,秘书,女,汉族,cadre,,,secretary,no\n";
}

/// `fields` as a request frame with `id`.
std::string request(std::uint64_t id, const std::string& type, json::object fields = {}) {
  fields["v"] = 1;
  fields["id"] = id;
  fields["type"] = type;
  return json::serialize(fields);
}

/// A raw TLS WebSocket peer with a 4 KiB receive buffer, authenticated as `key`: it reads only
/// when told to.
class slow_peer {
 public:
  slow_peer(std::uint16_t port, const crypto::secret_key& key) : peer_(port, 4096) {
    if (!peer_.upgrade()) throw std::runtime_error("no upgrade");
    auto text = peer_.receive_text(io_timeout);
    if (!text) throw std::runtime_error("no hello");
    auto f = protocol::parse_server_frame(*text);
    if (!f) throw std::runtime_error("bad hello frame");
    auto h = protocol::decode_hello(*f);
    if (!h) throw std::runtime_error("bad hello");
    hello_ = std::move(*h);
    crypto::byte_array<protocol::nonce_bytes> nonce{};
    crypto::system_random().fill(nonce);
    const auto pk = key.public_part();
    const auto digest = crypto::auth_digest(hello_->congress_id, hello_->server_nonce, nonce, pk);
    peer_.send_text(request(1, "auth",
                            {{"device_pk", pk.hex()},
                             {"client_nonce", crypto::to_hex(nonce)},
                             {"signature", key.sign(digest).hex()}}));
    auto reply = next();
    if (!reply || reply->at("type") != "ok") throw std::runtime_error("auth refused");
  }

  void send(const std::string& text) { peer_.send_text(text); }
  /// The next message, parsed; nullopt when none comes or it is no JSON object.
  std::optional<json::object> next() {
    auto text = peer_.receive_text(io_timeout);
    if (!text) return std::nullopt;
    bytes_ += text->size();
    boost::system::error_code ec;
    auto v = json::parse(*text, ec);
    if (ec || !v.is_object()) return std::nullopt;
    return std::move(v.as_object());
  }
  [[nodiscard]] const protocol::hello& hello() const { return *hello_; }
  [[nodiscard]] std::size_t bytes() const { return bytes_; }
  tls_peer& raw() { return peer_; }

 private:
  tls_peer peer_;
  std::optional<protocol::hello> hello_;
  std::size_t bytes_ = 0;
};

class lagging_subscriber_test : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = std::make_unique<temp_dir>();
    std::ofstream(dir_->path() / "roster.csv") << roster_csv();
    server_ = std::make_unique<plenumd_process>(
        PLENUMD_BINARY, data(), log_file(),
        std::vector<std::string>{"--congress-id", "lagging", "--roster",
                                 (dir_->path() / "roster.csv").string(), "--membership", "100,40,5",
                                 "--max-send-queue-bytes", std::to_string(send_queue_bytes)});
    auto port = server_->wait_ready(start_timeout);
    ASSERT_TRUE(port) << read_file(log_file());
    port_ = *port;
    hall_client se(port_);
    crypto::seeded_random random("lagging test SE");
    se_key_ = std::make_unique<crypto::secret_key>(crypto::secret_key::generate(random));
    auto r = enroll(se, "SE", secretary_code(data()), *se_key_);
    ASSERT_TRUE(r.ok()) << r.code();
  }

  static void TearDownTestSuite() {
    if (server_) {
      EXPECT_EQ(server_->stop(SIGTERM, 60s), 0) << read_file(log_file());
    }
    server_.reset();
    dir_.reset();
  }

  static std::filesystem::path data() { return dir_->path() / "data"; }
  static std::filesystem::path log_file() { return dir_->path() / "plenumd.log"; }

  /// The secretary on a connection of its own.
  static hall_client secretary() {
    hall_client c(port_);
    auto a = c.auth(*se_key_);
    EXPECT_TRUE(a.ok()) << a.code();
    return c;
  }

  /// The number of durable events (a fresh subscription's next_seq).
  static std::uint64_t durable_events() {
    hall_client c(port_);
    auto r = c.call("subscribe", {{"topics", json::array{"board"}}});
    EXPECT_TRUE(r.ok()) << r.code();
    return r.fields.at("next_seq").to_number<std::uint64_t>();
  }

  /// `n` events, issued one after another by the secretary.
  static void issue_events(hall_client& se, int n) {
    for (int i = 0; i < n; ++i) {
      auto r = se.call("issue_enrollment_code", {{"person", "X01"}});
      ASSERT_TRUE(r.ok()) << r.code();
    }
  }

  static inline std::unique_ptr<temp_dir> dir_;
  static inline std::unique_ptr<plenumd_process> server_;
  static inline std::uint16_t port_ = 0;
  static inline std::unique_ptr<crypto::secret_key> se_key_;
};

TEST_F(lagging_subscriber_test, FedFromTheLogInOrderWithItsRepliesAfterTheirEvents) {
  slow_peer slow(port_, *se_key_);
  slow.send(request(2, "subscribe", {{"topics", json::array{"board", "state"}}}));
  std::optional<json::object> subscribed;
  while (!subscribed) {
    auto m = slow.next();
    ASSERT_TRUE(m) << "no subscribe reply";
    if (m->contains("id")) subscribed = std::move(m);
  }
  ASSERT_EQ(subscribed->at("type"), "ok");
  const auto first = subscribed->at("next_seq").to_number<std::uint64_t>();

  // The subscriber reads nothing from here on while the burst is pushed.
  auto se = secretary();
  ASSERT_NO_FATAL_FAILURE(issue_events(se, burst_events));
  // Its own command (whose reply waits for the event's durability), a view of the state and a
  // ping, with nothing else appended meanwhile: the command's event is seq `own`.
  const auto own = durable_events();
  slow.send(request(3, "issue_enrollment_code", {{"person", "X01"}}));
  ASSERT_TRUE(eventually([&] { return durable_events() == own + 1; }, io_timeout));
  slow.send(request(4, "get_state"));
  slow.send(request(5, "ping"));
  ASSERT_NO_FATAL_FAILURE(issue_events(se, burst_events / 10));
  const auto head = durable_events();

  // Now it reads: every event from `first` to the head, each checked and chained, and the
  // replies of 3 and 4 after the command's event.
  std::optional<protocol::board_event> last;
  std::uint64_t received = 0;
  std::optional<std::uint64_t> command_reply_after, view_reply_after;
  bool pinged = false;
  while (received < head - first || !command_reply_after || !view_reply_after || !pinged) {
    auto m = slow.next();
    ASSERT_TRUE(m) << "after " << received << " events; log:\n" << read_file(log_file());
    const std::uint64_t next_seq = first + received;
    if (const auto* id = m->if_contains("id")) {
      ASSERT_EQ(m->at("type"), "ok") << json::serialize(*m);
      const auto n = id->to_number<std::uint64_t>();
      if (n == 3) command_reply_after = next_seq;
      if (n == 4) view_reply_after = next_seq;
      if (n == 5) pinged = true;
      continue;
    }
    if (m->at("type") != "board_events") continue;
    for (const auto& v : m->at("events").as_array()) {
      auto e = protocol::decode_board_event(v);
      ASSERT_TRUE(e) << json::serialize(v);
      ASSERT_EQ(e->seq, first + received) << "a gap or a repeat";
      EXPECT_TRUE(slow.hello().congress_pk.verify(e->entry_hash, e->sig)) << e->seq;
      if (last) {
        EXPECT_EQ(e->prev_hash, last->entry_hash) << e->seq;
      }
      last = std::move(*e);
      ++received;
    }
  }
  EXPECT_EQ(received, head - first);
  // The queue's limit would have dropped a subscriber pushed all of this live.
  EXPECT_GT(slow.bytes(), send_queue_bytes);
  const auto log = read_file(log_file());
  EXPECT_NE(log.find("subscriber behind"), std::string::npos) << "it was never fed from the log";
  EXPECT_NE(log.find("subscriber live again"), std::string::npos);
  EXPECT_GT(*command_reply_after, own) << "the reply came before its event";
  EXPECT_GT(*view_reply_after, own) << "the view came before the event it counts";
  EXPECT_EQ(log.find("send queue over its limit"), std::string::npos);

  // Live again: the next event is pushed at once.
  ASSERT_NO_FATAL_FAILURE(issue_events(se, 1));
  for (;;) {
    auto m = slow.next();
    ASSERT_TRUE(m) << "no live push";
    if (m->at("type") != "board_events") continue;
    const auto& events = m->at("events").as_array();
    ASSERT_FALSE(events.empty());
    EXPECT_EQ(events.front().at("seq").to_number<std::uint64_t>(), head);
    break;
  }
}

TEST_F(lagging_subscriber_test, LargeEventsAreFedWithinTheQueuesLimit) {
  // Materials of 30 KB: a page of the feed ends where the connection's room does, so no push
  // passes the 256 KiB queue (64 of them, a chunk of the log, would be 1.9 MB).
  auto se = secretary();
  auto sitting = se.call("create_sitting", {{"title", "材料"}, {"date", "2026-12-07"}});
  ASSERT_TRUE(sitting.ok()) << sitting.code();
  const std::string sitting_id = str(sitting.fields, "sitting_id");
  auto item = se.call("add_item", {{"sitting_id", sitting_id},
                                   {"kind", "report"},
                                   {"title", "工作报告"},
                                   {"responsible", "党委"}});
  ASSERT_TRUE(item.ok()) << item.code();
  const std::string item_id = str(item.fields, "item_id");
  slow_peer slow(port_, *se_key_);
  slow.send(request(2, "subscribe", {{"topics", json::array{"board"}}}));
  std::optional<json::object> subscribed;
  while (!subscribed) {
    auto m = slow.next();
    ASSERT_TRUE(m) << "no subscribe reply";
    if (m->contains("id")) subscribed = std::move(m);
  }
  const auto first = subscribed->at("next_seq").to_number<std::uint64_t>();
  constexpr int materials = 200;
  const std::string text(30 * 1024, 'x');
  for (int i = 0; i < materials; ++i) {
    auto r = se.call("add_material", {{"sitting_id", sitting_id},
                                      {"item_id", item_id},
                                      {"title", "附件 " + std::to_string(i)},
                                      {"text", text}});
    ASSERT_TRUE(r.ok()) << i << " " << r.code();
  }
  const auto head = durable_events();
  std::uint64_t received = 0;
  while (received < head - first) {
    auto m = slow.next();
    ASSERT_TRUE(m) << "after " << received << " events; log:\n" << read_file(log_file());
    if (m->at("type") != "board_events") continue;
    for (const auto& v : m->at("events").as_array()) {
      ASSERT_EQ(v.at("seq").to_number<std::uint64_t>(), first + received) << "a gap or a repeat";
      ++received;
    }
  }
  EXPECT_GT(slow.bytes(), std::size_t{materials} * text.size());
  EXPECT_EQ(read_file(log_file()).find("send queue over its limit"), std::string::npos);
}

TEST_F(lagging_subscriber_test, NeverReadingIsStillClosedAtTheLimit) {
  // Behind, it is pushed nothing live; but the pages of the board it keeps asking for fill its
  // queue until the limit drops it. Meanwhile another subscriber is served.
  slow_peer slow(port_, *se_key_);
  slow.send(request(2, "subscribe", {{"topics", json::array{"board"}}}));
  auto se = secretary();
  ASSERT_NO_FATAL_FAILURE(issue_events(se, 200));
  for (int i = 0; i < 40; ++i)
    slow.send(request(10 + static_cast<std::uint64_t>(i), "get_board",
                      {{"from_seq", 0}, {"limit", 500}}));
  EXPECT_TRUE(slow.raw().drained_until_closed(io_timeout));
  EXPECT_NE(read_file(log_file()).find("send queue over its limit"), std::string::npos);
  EXPECT_TRUE(se.call("ping").ok());
}

}  // namespace
}  // namespace plenum::tests
