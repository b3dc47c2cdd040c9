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
