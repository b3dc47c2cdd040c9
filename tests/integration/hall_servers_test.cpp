// The hall's addresses (--hall-server, server/STANDBY.md) on a plain plenumd with its SQLite log:
// hello names them, says it serves and that the congress key signs; the public state says the
// hall has no standby and which address is this machine's; the pages' CSP lets them connect to
// every machine of the hall, and a page loaded from the other machine may open the WebSocket
// while a foreign page may not.
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>

#include <plenum/clients/https_client.hpp>

#include "hall_client.hpp"
#include "plenumd_process.hpp"
#include "raw_peer.hpp"

namespace plenum::tests {
namespace {

using namespace std::chrono_literals;

TEST(HallServers, APlainPlenumdServesNamesTheHallAndHasNoStandby) {
  temp_dir dir;
  const std::uint16_t port = free_loopback_port();
  const std::string self = "https://127.0.0.1:" + std::to_string(port);
  const std::string other = "https://192.0.2.7:8443";
  clients::launch::plenumd_settings settings;
  settings.port = port;
  settings.threads = 2;
  settings.log_file = dir.path() / "a.log";
  clients::launch::plenumd_process hall(PLENUMD_BINARY, dir.path() / "a",
                                        {"--hall-server", self, "--hall-server", other + "/"},
                                        settings);
  ASSERT_EQ(hall.wait_ready(60s), port) << read_file(dir.path() / "a.log");

  hall_client c(port);
  EXPECT_TRUE(c.hello().serving);
  EXPECT_EQ(c.hello().servers, (std::vector<std::string>{self, other}));
  ASSERT_TRUE(c.hello().signing_pk.has_value());
  EXPECT_EQ(*c.hello().signing_pk, c.hello().congress_pk);

  auto state = c.call("get_state");
  ASSERT_TRUE(state.ok()) << state.code();
  const auto& hall_view = state.fields.at("state").as_object().at("hall").as_object();
  EXPECT_EQ(str(hall_view, "standby"), "none");
  EXPECT_EQ(str(hall_view, "serving"), self);

  clients::tls_options insecure;
  insecure.verify = clients::verify_mode::insecure;
  auto page = clients::https_get("127.0.0.1", port, "/", insecure, 20s);
  ASSERT_TRUE(page) << page.error().message();
  const std::string csp = page->headers.at("content-security-policy");
  EXPECT_NE(csp.find("connect-src 'self' wss://127.0.0.1:" + std::to_string(port) +
                     " wss://192.0.2.7:8443;"),
            std::string::npos)
      << csp;

  EXPECT_TRUE(tls_peer(port).upgrade(other)) << "a page of the hall's other machine";
  EXPECT_TRUE(tls_peer(port).upgrade()) << "no Origin: not a browser";
  EXPECT_FALSE(tls_peer(port).upgrade("https://192.0.2.99:8443")) << "a foreign page";
}

}  // namespace
}  // namespace plenum::tests
