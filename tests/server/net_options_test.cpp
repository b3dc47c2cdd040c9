#include <gtest/gtest.h>

#include <stdexcept>

#include "app/options.hpp"

namespace plenum::server::app {
namespace {

TEST(options_test, DefaultsAreSafe) {
  auto o = parse_options({});
  EXPECT_EQ(o.listen, "127.0.0.1");
  EXPECT_EQ(o.port, 8443);
  EXPECT_GE(o.threads, 1u);
  EXPECT_EQ(o.limits.read_message_max, 256u * 1024);
  EXPECT_FALSE(o.ready_file);
  EXPECT_FALSE(o.tls_cert);
  EXPECT_TRUE(o.help.empty());
  EXPECT_FALSE(o.web_root.empty());
}

TEST(options_test, HelpListsEveryOption) {
  auto o = parse_options({"--help"});
  for (const char* name : {"--data-dir", "--listen", "--port", "--web-root", "--threads",
                           "--ready-file", "--tls-cert", "--tls-key", "--max-message-bytes",
                           "--max-send-queue-bytes", "--shutdown-grace-ms", "--log-level"}) {
    EXPECT_NE(o.help.find(name), std::string::npos) << name;
  }
}

TEST(options_test, ReadsValues) {
  auto o = parse_options({"--listen", "0.0.0.0", "--port", "0", "--threads", "3",
                          "--max-message-bytes", "1000", "--tls-cert", "c.pem", "--tls-key",
                          "k.pem", "--ready-file", "r", "--log-level", "debug"});
  EXPECT_EQ(o.listen, "0.0.0.0");
  EXPECT_EQ(o.port, 0);
  EXPECT_EQ(o.threads, 3u);
  EXPECT_EQ(o.limits.read_message_max, 1000u);
  EXPECT_EQ(o.tls_cert, std::filesystem::path("c.pem"));
  EXPECT_EQ(o.tls_key, std::filesystem::path("k.pem"));
  EXPECT_EQ(o.ready_file, std::filesystem::path("r"));
  EXPECT_EQ(o.log_level, log::level::debug);
}

TEST(options_test, SheetToolIsLookedForUnlessNamed) {
  EXPECT_FALSE(parse_options({}).sheet_tool);
  EXPECT_EQ(parse_options({"--sheet-tool", "/opt/plenum/bin/plenum-sheet"}).sheet_tool,
            std::filesystem::path("/opt/plenum/bin/plenum-sheet"));
  EXPECT_NE(parse_options({"--help"}).help.find("--sheet-tool"), std::string::npos);
}

TEST(options_test, EventStoreIsTheSQLiteFileUnlessNamed) {
  EXPECT_FALSE(parse_options({}).event_store);
  EXPECT_EQ(parse_options({"--event-store", "host=10.0.0.1 dbname=plenum"}).event_store,
            "host=10.0.0.1 dbname=plenum");
  EXPECT_NE(parse_options({"--help"}).help.find("--event-store"), std::string::npos);
  EXPECT_THROW((void)parse_options({"--event-store", "dbname=plenum", "--township", "a=A"}),
               std::invalid_argument);
}

TEST(options_test, StandbyFollowsAPostgresLogAndNamesThePrimary) {
  EXPECT_FALSE(parse_options({}).standby);
  auto o = parse_options({"--standby", "--event-store", "host=10.0.0.2 dbname=plenum",
                          "--primary-event-store", "host=10.0.0.1 dbname=plenum"});
  EXPECT_TRUE(o.standby);
  EXPECT_EQ(o.primary_event_store, "host=10.0.0.1 dbname=plenum");
  EXPECT_FALSE(parse_options({"--standby", "--event-store", "dbname=p"}).primary_event_store);
  auto message = [](std::vector<std::string> args) {
    try {
      (void)parse_options(args);
    } catch (const std::invalid_argument& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  EXPECT_EQ(message({"--standby"}),
            "--standby needs --event-store (this machine's PostgreSQL, a standby of the "
            "primary's)");
  EXPECT_EQ(message({"--event-store", "dbname=p", "--primary-event-store", "dbname=q"}),
            "--primary-event-store goes with --standby");
  EXPECT_NE(message({"--standby", "--event-store", "dbname=p", "--init-demo"}), "accepted");
  for (const char* name : {"--standby", "--primary-event-store", "--hall-server"})
    EXPECT_NE(parse_options({"--help"}).help.find(name), std::string::npos) << name;
}

TEST(options_test, HallServersAreHttpsAddressesWithoutPath) {
  auto o = parse_options({"--hall-server", "https://192.168.1.10:8443/", "--hall-server",
                          "https://hall-b.local", "--hall-server", "https://[fe80::1]:8443"});
  EXPECT_EQ(o.hall_servers,
            (std::vector<std::string>{"https://192.168.1.10:8443", "https://hall-b.local",
                                      "https://[fe80::1]:8443"}));
  EXPECT_TRUE(parse_options({}).hall_servers.empty());
  auto message = [](const std::string& address) {
    try {
      (void)parse_hall_server(address);
    } catch (const std::invalid_argument& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  EXPECT_EQ(message("http://192.168.1.10:8443"),
            "--hall-server http://192.168.1.10:8443: must start with https:// (e.g. "
            "https://192.168.1.10:8443)");
  EXPECT_EQ(message("https://192.168.1.10:8443/ws"),
            "--hall-server https://192.168.1.10:8443/ws: must be https://host[:port] with no path");
  EXPECT_EQ(message("https://192.168.1.10:0"),
            "--hall-server https://192.168.1.10:0: the port must be a number from 1 to 65535");
  EXPECT_EQ(message("https://192.168.1.10:99999"),
            "--hall-server https://192.168.1.10:99999: the port must be a number from 1 to 65535");
  EXPECT_EQ(message("https://:8443"), "--hall-server https://:8443: the host is missing");
  EXPECT_EQ(message("https://192.168.1.10:"),
            "--hall-server https://192.168.1.10:: the port is missing after ':'");
  EXPECT_EQ(message("https://hall b"),
            "--hall-server https://hall b: the host may hold letters, digits, '-' and '.' only");
  EXPECT_NE(message("https://[fe80::1"), "accepted");
  EXPECT_NE(message("https://user@hall"), "accepted");
  EXPECT_THROW(
      (void)parse_options({"--hall-server", "https://a:1", "--hall-server", "https://a:1/"}),
      std::invalid_argument);
}

TEST(options_test, RejectsBadCommandLines) {
  using args = std::vector<std::string>;
  for (const auto& bad :
       {args{"--port", "70000"}, args{"--port", "x"}, args{"--threads", "0"},
        args{"--tls-cert", "c.pem"}, args{"--tls-key", "k.pem"}, args{"--log-level", "loud"},
        args{"--max-message-bytes", "0"}, args{"--no-such-option"}, args{"stray"}}) {
    EXPECT_THROW((void)parse_options(bad), std::invalid_argument) << bad[0];
  }
}

}  // namespace
}  // namespace plenum::server::app
