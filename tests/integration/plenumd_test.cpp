// Starts the real plenumd and talks to it over real TLS: HTTPS, WSS, protocol versions,
// limits, shutdown and certificate reuse.
#include <gtest/gtest.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <signal.h>
#include <sys/stat.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include <plenum/clients/https_client.hpp>
#include <plenum/clients/ws_client.hpp>

#include "plenumd_process.hpp"

namespace plenum::tests {
namespace {

using namespace std::chrono_literals;
using clients::tls_options;
using clients::verify_mode;

constexpr auto io_timeout = 20s;
constexpr auto start_timeout = 60s;

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

tls_options insecure() {
  tls_options o;
  o.verify = verify_mode::insecure;
  return o;
}

// One plenumd shared by the tests that do not stop it.
class plenumd_test : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = std::make_unique<temp_dir>();
    server_ = std::make_unique<plenumd_process>(PLENUMD_BINARY, dir_->path() / "data",
                                                dir_->path() / "plenumd.log");
    auto port = server_->wait_ready(start_timeout);
    ASSERT_TRUE(port) << read_file(dir_->path() / "plenumd.log");
    port_ = *port;
  }
  static void TearDownTestSuite() {
    if (server_) {
      EXPECT_EQ(server_->stop(SIGTERM, 30s), 0);
    }
    server_.reset();
    dir_.reset();
  }

  static tls_options trusting() {
    tls_options o;
    o.trust_file = dir_->path() / "data" / "tls" / "cert.pem";
    return o;
  }

  static inline std::unique_ptr<temp_dir> dir_;
  static inline std::unique_ptr<plenumd_process> server_;
  static inline std::uint16_t port_ = 0;
};

TEST_F(plenumd_test, HealthzAnswersOkWithSecurityHeaders) {
  auto res = clients::https_get("localhost", port_, "/healthz", trusting(), io_timeout);
  ASSERT_TRUE(res) << res.error().message();
  EXPECT_EQ(res->status, 200u);
  EXPECT_EQ(res->body, R"({"status":"ok"})");
  EXPECT_EQ(res->header("content-type"), "application/json");
  EXPECT_EQ(res->header("x-content-type-options"), "nosniff");
  EXPECT_NE(res->header("strict-transport-security").find("max-age="), std::string::npos);
  std::string csp = res->header("content-security-policy");
  EXPECT_NE(csp.find("'wasm-unsafe-eval'"), std::string::npos);
  EXPECT_NE(csp.find("default-src 'none'"), std::string::npos);
  EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos);
  EXPECT_EQ(res->tls_version, "TLSv1.3");
}

TEST_F(plenumd_test, ServesTheStartPage) {
  auto res = clients::https_get("localhost", port_, "/", trusting(), io_timeout);
  ASSERT_TRUE(res) << res.error().message();
  EXPECT_EQ(res->status, 200u);
  EXPECT_EQ(res->header("content-type"), "text/html; charset=utf-8");
  EXPECT_EQ(res->header("cache-control"), "no-cache");
  EXPECT_NE(res->body.find("Plenum 代表大会 电子表决系统"), std::string::npos);
  EXPECT_NE(res->body.find("<meta charset=\"utf-8\">"), std::string::npos);

  auto head = clients::https_request("HEAD", "localhost", port_, "/", trusting(), io_timeout);
  ASSERT_TRUE(head) << head.error().message();
  EXPECT_EQ(head->status, 200u);
  EXPECT_TRUE(head->body.empty());
  EXPECT_EQ(head->header("content-length"), std::to_string(res->body.size()));

  auto css = clients::https_get("localhost", port_, "/style.css", trusting(), io_timeout);
  ASSERT_TRUE(css) << css.error().message();
  EXPECT_EQ(css->status, 200u);
  EXPECT_EQ(css->header("content-type"), "text/css; charset=utf-8");
}

TEST_F(plenumd_test, RefusesTraversalAndMissingFiles) {
  for (const char* target : {"/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd",
                             "/..%2f..%2fetc%2fpasswd", "/style.css/../../../etc/passwd"}) {
    auto res = clients::https_get("localhost", port_, target, trusting(), io_timeout);
    ASSERT_TRUE(res) << target << ": " << res.error().message();
    EXPECT_TRUE(res->status == 400u || res->status == 404u) << target << " " << res->status;
    EXPECT_EQ(res->body.find("root:"), std::string::npos) << target;
  }
  auto missing = clients::https_get("localhost", port_, "/no-such-file.js", trusting(), io_timeout);
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404u);
}

TEST_F(plenumd_test, PingPongOverVerifiedWebSocket) {
  for (const char* host : {"localhost", "127.0.0.1"}) {
    auto ws = clients::ws_client::connect(host, port_, trusting(), io_timeout);
    ASSERT_TRUE(ws) << host << ": " << ws.error().message();
    auto hello = ws->receive(io_timeout);  // the hall's greeting comes first
    ASSERT_TRUE(hello) << hello.error().message();
    EXPECT_NE(hello->find(R"("type":"hello")"), std::string::npos) << *hello;
    ASSERT_TRUE(ws->send_text(R"({"v":1,"type":"ping","id":7})", io_timeout));
    auto reply = ws->receive(io_timeout);
    ASSERT_TRUE(reply) << reply.error().message();
    EXPECT_NE(reply->find(R"("type":"ok")"), std::string::npos) << *reply;
    EXPECT_NE(reply->find(R"("id":7)"), std::string::npos) << *reply;

    ASSERT_TRUE(ws->send_text(R"({"v":1,"type":"vote","id":8})", io_timeout));
    auto error = ws->receive(io_timeout);
    ASSERT_TRUE(error) << error.error().message();
    EXPECT_NE(error->find(R"("code":"unknown_message_type")"), std::string::npos) << *error;
    EXPECT_NE(error->find(R"("id":8)"), std::string::npos) << *error;

    EXPECT_TRUE(ws->close(io_timeout));
  }
}

TEST_F(plenumd_test, WebSocketOnlyOnWsPath) {
  auto ws = clients::ws_client::connect("localhost", port_, trusting(), io_timeout, "/other");
  EXPECT_FALSE(ws);
}

TEST_F(plenumd_test, MessageAtTheLimitIsReadAndOneByteMoreClosesTheConnection) {
  auto ws = clients::ws_client::connect("localhost", port_, trusting(), io_timeout);
  ASSERT_TRUE(ws) << ws.error().message();
  ASSERT_TRUE(ws->receive(io_timeout));  // hello
  ASSERT_TRUE(ws->send_text(std::string(256 * 1024, 'x'), io_timeout));
  auto reply = ws->receive(io_timeout);
  ASSERT_TRUE(reply) << reply.error().message();
  EXPECT_NE(reply->find("malformed_message"), std::string::npos);

  ASSERT_TRUE(ws->send_text(std::string(256 * 1024 + 1, 'x'), io_timeout));
  auto closed = ws->receive(io_timeout);
  ASSERT_FALSE(closed);
  ASSERT_TRUE(ws->close_reason());
  EXPECT_EQ(ws->close_reason()->code, 1009);  // message too big
}

TEST_F(plenumd_test, BinaryFrameClosesWithPolicyError) {
  auto ws = clients::ws_client::connect("localhost", port_, trusting(), io_timeout);
  ASSERT_TRUE(ws) << ws.error().message();
  ASSERT_TRUE(ws->receive(io_timeout));  // hello
  ASSERT_TRUE(ws->send_binary(std::string("\x01\x02", 2), io_timeout));
  auto closed = ws->receive(io_timeout);
  ASSERT_FALSE(closed);
  ASSERT_TRUE(ws->close_reason());
  EXPECT_EQ(ws->close_reason()->code, 1008);  // policy violation
}

TEST_F(plenumd_test, RefusesTls11AndAcceptsTls12And13) {
  tls_options old = insecure();
  old.allow_legacy = true;
  old.min_version = TLS1_1_VERSION;
  old.max_version = TLS1_1_VERSION;
  auto refused = clients::https_get("localhost", port_, "/healthz", old, io_timeout);
  ASSERT_FALSE(refused);
  // The server's alert, not the client declining to offer TLS 1.1.
  EXPECT_EQ(ERR_GET_REASON(static_cast<unsigned long>(refused.error().value())),
            SSL_R_TLSV1_ALERT_PROTOCOL_VERSION)
      << refused.error().message();

  for (int version : {TLS1_2_VERSION, TLS1_3_VERSION}) {
    tls_options o = trusting();
    o.min_version = version;
    o.max_version = version;
    auto res = clients::https_get("localhost", port_, "/healthz", o, io_timeout);
    ASSERT_TRUE(res) << version << ": " << res.error().message();
    EXPECT_EQ(res->status, 200u);
    EXPECT_EQ(res->tls_version, version == TLS1_2_VERSION ? "TLSv1.2" : "TLSv1.3");
  }
}

TEST_F(plenumd_test, UntrustedCertificateIsRejectedByVerifyingClient) {
  temp_dir other;
  auto other_server = std::make_unique<plenumd_process>(PLENUMD_BINARY, other.path() / "data",
                                                        other.path() / "plenumd.log");
  auto port = other_server->wait_ready(start_timeout);
  ASSERT_TRUE(port);
  // The first server's certificate does not vouch for the second server's key.
  auto res = clients::https_get("localhost", *port, "/healthz", trusting(), io_timeout);
  EXPECT_FALSE(res);
  // An insecure client still connects: the refusal above was the verification.
  EXPECT_TRUE(clients::https_get("localhost", *port, "/healthz", insecure(), io_timeout));
  EXPECT_EQ(other_server->stop(SIGTERM, 30s), 0);
}

TEST_F(plenumd_test, OneTrustFileWithEveryMachinesCertificateTrustsEachMachine) {
  // A hall's primary and standby: two self-signed certificates with the same subject, in one
  // file, in either order.
  temp_dir other;
  auto other_server = std::make_unique<plenumd_process>(PLENUMD_BINARY, other.path() / "data",
                                                        other.path() / "plenumd.log");
  auto port = other_server->wait_ready(start_timeout);
  ASSERT_TRUE(port);
  const std::string first = read_file(dir_->path() / "data" / "tls" / "cert.pem");
  const std::string second = read_file(other.path() / "data" / "tls" / "cert.pem");
  for (const auto& [name, text] : {std::pair{"first-second.pem", first + second},
                                   std::pair{"second-first.pem", second + first}}) {
    std::ofstream(other.path() / name) << text;
    tls_options both;
    both.trust_file = other.path() / name;
    EXPECT_TRUE(clients::https_get("localhost", port_, "/healthz", both, io_timeout)) << name;
    EXPECT_TRUE(clients::https_get("localhost", *port, "/healthz", both, io_timeout)) << name;
    auto ws = clients::ws_client::connect("localhost", *port, both, io_timeout);
    EXPECT_TRUE(ws) << name;
  }
  // A file without the machine's certificate still refuses it.
  tls_options only_other;
  only_other.trust_file = other.path() / "data" / "tls" / "cert.pem";
  EXPECT_FALSE(clients::https_get("localhost", port_, "/healthz", only_other, io_timeout));
  EXPECT_EQ(other_server->stop(SIGTERM, 30s), 0);
}

TEST(plenumd_lifecycle, SigtermClosesWebSocketsAndExitsZeroThenRestartReusesCertificate) {
  temp_dir dir;
  auto data = dir.path() / "data";
  std::string first_cert;
  {
    plenumd_process server(PLENUMD_BINARY, data, dir.path() / "plenumd.log");
    auto port = server.wait_ready(start_timeout);
    ASSERT_TRUE(port) << read_file(dir.path() / "plenumd.log");

    struct stat st {};
    ASSERT_EQ(::stat((data / "tls" / "key.pem").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    first_cert = read_file(data / "tls" / "cert.pem");
    ASSERT_NE(first_cert.find("BEGIN CERTIFICATE"), std::string::npos);

    tls_options o;
    o.trust_file = data / "tls" / "cert.pem";
    auto ws = clients::ws_client::connect("localhost", *port, o, io_timeout);
    ASSERT_TRUE(ws) << ws.error().message();
    ASSERT_TRUE(ws->receive(io_timeout));  // hello
    ASSERT_TRUE(ws->send_text(R"({"v":1,"type":"ping","id":1})", io_timeout));
    ASSERT_TRUE(ws->receive(io_timeout));

    EXPECT_EQ(server.stop(SIGTERM, 30s), 0) << read_file(dir.path() / "plenumd.log");
    auto closed = ws->receive(io_timeout);
    ASSERT_FALSE(closed);
    ASSERT_TRUE(ws->close_reason());
    EXPECT_EQ(ws->close_reason()->code, 1001);  // going away
  }
  {
    plenumd_process server(PLENUMD_BINARY, data, dir.path() / "plenumd.log");
    auto port = server.wait_ready(start_timeout);
    ASSERT_TRUE(port) << read_file(dir.path() / "plenumd.log");
    EXPECT_EQ(read_file(data / "tls" / "cert.pem"), first_cert);
    tls_options o;
    o.trust_file = data / "tls" / "cert.pem";
    auto res = clients::https_get("localhost", *port, "/healthz", o, io_timeout);
    ASSERT_TRUE(res) << res.error().message();
    EXPECT_EQ(res->status, 200u);
    EXPECT_EQ(server.stop(SIGINT, 30s), 0);
  }
}

TEST(plenumd_lifecycle, BadCommandLineExitsNonZero) {
  temp_dir dir;
  plenumd_process server(PLENUMD_BINARY, dir.path() / "data", dir.path() / "plenumd.log",
                         {"--tls-cert", "/nonexistent.pem"});
  EXPECT_FALSE(server.wait_ready(start_timeout));
  EXPECT_EQ(server.stop(SIGTERM, 30s), 2);
}

}  // namespace
}  // namespace plenum::tests
