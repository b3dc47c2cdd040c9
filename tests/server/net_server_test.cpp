// The network layer in-process, with a recording handler, driven by plenum_client.
#include <gtest/gtest.h>
#include <unistd.h>

#include <condition_variable>
#include <fstream>
#include <map>
#include <mutex>
#include <thread>

#include <plenum/clients/https_client.hpp>
#include <plenum/clients/ws_client.hpp>

#include "net/http_responder.hpp"
#include "net/http_session.hpp"
#include "net/self_signed.hpp"
#include "net/server.hpp"
#include "net/tls_context.hpp"

namespace plenum::server::net {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
constexpr auto io_timeout = 20s;

class recording_handler final : public ws_handler {
 public:
  void on_open(const std::shared_ptr<connection>& conn) override {
    std::lock_guard lock(mutex_);
    open_.push_back(conn->id());
    changed_.notify_all();
  }
  void on_message(const std::shared_ptr<connection>& conn, std::string text) override {
    if (text == "flood") {
      for (int i = 0; i < 200; ++i) conn->send(std::make_shared<const std::string>(65536, 'x'));
      return;
    }
    if (text == "throw") throw std::runtime_error("handler bug");
    conn->send(std::make_shared<const std::string>("echo:" + text));
  }
  void on_close(const std::shared_ptr<connection>& conn) override {
    std::lock_guard lock(mutex_);
    ++closes_[conn->id()];
    changed_.notify_all();
  }

  template <typename Pred>
  bool wait(Pred pred) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, io_timeout, [&] { return pred(); });
  }

  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<std::uint64_t> open_;  // ids: connections are not kept past on_close
  std::map<std::uint64_t, int> closes_;
};

class net_server_test : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "plenum-net-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    fs::create_directories(dir_ / "web");
    std::ofstream(dir_ / "web" / "index.html") << "<!doctype html><title>t</title>";
    tls_ = ensure_self_signed_certificate(dir_ / "tls");

    server_config config;
    config.endpoint = tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0);
    config.web_root = dir_ / "web";
    config.limits.send_queue_max_bytes = 1024 * 1024;
    server_ = std::make_unique<server>(ioc_, make_server_tls_context(tls_.cert, tls_.key), config,
                                       handler_);
    port_ = server_->local_endpoint().port();
    server_->start();
    for (int i = 0; i < 2; ++i) threads_.emplace_back([this] { ioc_.run(); });
  }

  void TearDown() override {
    server_->stop();
    for (auto& t : threads_) t.join();  // returns only once every session has ended
    server_.reset();
    fs::remove_all(dir_);
  }

  clients::tls_options trusting() const {
    clients::tls_options o;
    o.trust_file = tls_.cert;
    return o;
  }

  fs::path dir_;
  tls_files tls_;
  recording_handler handler_;
  asio::io_context ioc_;
  std::unique_ptr<server> server_;
  std::uint16_t port_ = 0;
  std::vector<std::thread> threads_;
};

TEST_F(net_server_test, BroadcastReachesEveryConnection) {
  auto a = clients::ws_client::connect("127.0.0.1", port_, trusting(), io_timeout);
  auto b = clients::ws_client::connect("127.0.0.1", port_, trusting(), io_timeout);
  ASSERT_TRUE(a && b);
  ASSERT_TRUE(handler_.wait([&] { return handler_.open_.size() == 2; }));
  EXPECT_EQ(server_->sessions().broadcast(std::make_shared<const std::string>("all")), 2u);
  EXPECT_EQ(a->receive(io_timeout).value(), "all");
  EXPECT_EQ(b->receive(io_timeout).value(), "all");
}

TEST_F(net_server_test, MessagesKeepTheirOrderAndCloseIsReportedOnce) {
  auto ws = clients::ws_client::connect("127.0.0.1", port_, trusting(), io_timeout);
  ASSERT_TRUE(ws);
  for (int i = 0; i < 20; ++i) ASSERT_TRUE(ws->send_text(std::to_string(i), io_timeout));
  for (int i = 0; i < 20; ++i)
    EXPECT_EQ(ws->receive(io_timeout).value(), "echo:" + std::to_string(i));
  ASSERT_TRUE(ws->close(io_timeout));
  ASSERT_TRUE(handler_.wait([&] { return handler_.closes_.size() == 1; }));
  std::lock_guard lock(handler_.mutex_);
  EXPECT_EQ(handler_.closes_.begin()->second, 1);
  EXPECT_EQ(handler_.closes_.begin()->first, handler_.open_.at(0));
}

TEST_F(net_server_test, SlowReaderIsDisconnectedWhenItsQueueOverflows) {
  auto ws = clients::ws_client::connect("127.0.0.1", port_, trusting(), io_timeout);
  ASSERT_TRUE(ws);
  ASSERT_TRUE(ws->send_text("flood", io_timeout));  // 200 × 64 KiB, queue limit 1 MiB
  ASSERT_TRUE(handler_.wait([&] { return handler_.closes_.size() == 1; }));
  // The other connections are unaffected.
  auto other = clients::ws_client::connect("127.0.0.1", port_, trusting(), io_timeout);
  ASSERT_TRUE(other);
  ASSERT_TRUE(other->send_text("still here", io_timeout));
  EXPECT_EQ(other->receive(io_timeout).value(), "echo:still here");
}

TEST_F(net_server_test, HandlerExceptionClosesOnlyThatConnection) {
  auto ws = clients::ws_client::connect("127.0.0.1", port_, trusting(), io_timeout);
  ASSERT_TRUE(ws);
  ASSERT_TRUE(ws->send_text("throw", io_timeout));
  auto r = ws->receive(io_timeout);
  ASSERT_FALSE(r);
  ASSERT_TRUE(ws->close_reason());
  EXPECT_EQ(ws->close_reason()->code, 1011);  // internal error
}

TEST_F(net_server_test, StopClosesWebSocketsWithGoingAway) {
  auto ws = clients::ws_client::connect("127.0.0.1", port_, trusting(), io_timeout);
  ASSERT_TRUE(ws);
  ASSERT_TRUE(handler_.wait([&] { return handler_.open_.size() == 1; }));
  server_->stop();
  auto r = ws->receive(io_timeout);
  ASSERT_FALSE(r);
  ASSERT_TRUE(ws->close_reason());
  EXPECT_EQ(ws->close_reason()->code, 1001);
  ASSERT_TRUE(handler_.wait([&] { return handler_.closes_.size() == 1; }));
  // No new connections once stopped.
  EXPECT_FALSE(clients::https_get("127.0.0.1", port_, "/", trusting(), 5s));
}

TEST(origin_test, RefusesCrossSiteWebSocketOrigins) {
  // A browser page of another site must not open a WebSocket to plenumd; non-browser
  // clients send no Origin.
  http::request<http::string_body> req{http::verb::get, "/ws", 11};
  req.set(http::field::host, "localhost:8443");
  req.set(http::field::origin, "https://evil.example");
  EXPECT_FALSE(origin_allowed(req));
  req.set(http::field::origin, "https://LOCALHOST:8443");
  EXPECT_TRUE(origin_allowed(req));
  req.set(http::field::origin, "http://localhost:8443");
  EXPECT_FALSE(origin_allowed(req));
  req.erase(http::field::origin);
  EXPECT_TRUE(origin_allowed(req));
}

TEST(origin_test, AcceptsThePagesOfTheHallsOtherMachine) {
  // A tablet that loaded the apps from machine A connects to B after a failover.
  const std::vector<std::string> hall = {"https://192.168.1.10:8443", "https://192.168.1.11:8443"};
  http::request<http::string_body> req{http::verb::get, "/ws", 11};
  req.set(http::field::host, "192.168.1.11:8443");
  req.set(http::field::origin, "https://192.168.1.10:8443");
  EXPECT_TRUE(origin_allowed(req, hall));
  EXPECT_FALSE(origin_allowed(req));
  req.set(http::field::origin, "https://192.168.1.12:8443");
  EXPECT_FALSE(origin_allowed(req, hall));
  req.set(http::field::origin, "https://192.168.1.10:8444");
  EXPECT_FALSE(origin_allowed(req, hall));
  req.set(http::field::origin, "http://192.168.1.10:8443");
  EXPECT_FALSE(origin_allowed(req, hall));
}

TEST(csp_test, ConnectSrcNamesTheHallsWebSocketAddresses) {
  EXPECT_EQ(content_security_policy_for({}), content_security_policy);
  const std::string csp =
      content_security_policy_for({"https://192.168.1.10:8443", "https://hall-b.local"});
  EXPECT_NE(csp.find("connect-src 'self' wss://192.168.1.10:8443 wss://hall-b.local;"),
            std::string::npos)
      << csp;
  EXPECT_NE(csp.find("default-src 'none';"), std::string::npos);
  EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos);
}

}  // namespace
}  // namespace plenum::server::net
