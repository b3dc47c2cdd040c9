#include <gtest/gtest.h>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "net/self_signed.hpp"
#include "net/tls_context.hpp"

namespace plenum::server::net {
namespace {

namespace fs = std::filesystem;

struct x509_deleter {
  void operator()(X509* x) const { X509_free(x); }
};
using x509_ptr = std::unique_ptr<X509, x509_deleter>;

x509_ptr parse_cert(const std::string& pem) {
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(
      BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())), &BIO_free);
  return x509_ptr(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

class temp : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "plenum-tls-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST(self_signed_test, CertificateIsP256WithLocalNamesAndBoundedValidity) {
  pem_pair pair = make_self_signed_certificate();
  auto cert = parse_cert(pair.cert);
  ASSERT_TRUE(cert);
  EXPECT_EQ(X509_check_host(cert.get(), "localhost", 0, 0, nullptr), 1);
  EXPECT_EQ(X509_check_ip_asc(cert.get(), "127.0.0.1", 0), 1);
  EXPECT_EQ(X509_check_ip_asc(cert.get(), "::1", 0), 1);
  EXPECT_NE(X509_check_host(cert.get(), "example.com", 0, 0, nullptr), 1);
  EXPECT_EQ(X509_check_ca(cert.get()), 0);

  EVP_PKEY* key = X509_get0_pubkey(cert.get());
  ASSERT_NE(key, nullptr);
  EXPECT_TRUE(EVP_PKEY_is_a(key, "EC"));
  char group[64] = {};
  size_t len = 0;
  ASSERT_EQ(EVP_PKEY_get_utf8_string_param(key, "group", group, sizeof group, &len), 1);
  EXPECT_STREQ(group, "prime256v1");

  int days = 0;
  int secs = 0;
  ASSERT_EQ(
      ASN1_TIME_diff(&days, &secs, X509_get0_notBefore(cert.get()), X509_get0_notAfter(cert.get())),
      1);
  EXPECT_LE(days, 825);
  EXPECT_GE(days, 824);
  EXPECT_EQ(X509_verify(cert.get(), key), 1);  // self-signed
  EXPECT_NE(pair.key.find("PRIVATE KEY"), std::string::npos);
}

TEST(self_signed_test, ValidityIsCappedAnd825DaysAtMost) {
  auto cert = parse_cert(make_self_signed_certificate(std::chrono::days(5000)).cert);
  ASSERT_TRUE(cert);
  int days = 0;
  int secs = 0;
  ASSERT_EQ(
      ASN1_TIME_diff(&days, &secs, X509_get0_notBefore(cert.get()), X509_get0_notAfter(cert.get())),
      1);
  EXPECT_LE(days, 825);
}

TEST(self_signed_test, TwoCertificatesDiffer) {
  EXPECT_NE(make_self_signed_certificate().cert, make_self_signed_certificate().cert);
}

using ensure_test = temp;

TEST_F(ensure_test, CreatesOnceWithPrivateKeyModeThenReuses) {
  auto files = ensure_self_signed_certificate(dir_ / "tls");
  EXPECT_EQ(files.cert, dir_ / "tls" / "cert.pem");
  EXPECT_EQ(files.key, dir_ / "tls" / "key.pem");
  struct stat st {};
  ASSERT_EQ(::stat(files.key.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  ASSERT_EQ(::stat((dir_ / "tls").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0700u);
  std::string cert = read_file(files.cert);
  std::string key = read_file(files.key);

  auto again = ensure_self_signed_certificate(dir_ / "tls");
  EXPECT_EQ(read_file(again.cert), cert);
  EXPECT_EQ(read_file(again.key), key);
  EXPECT_FALSE(fs::exists(dir_ / "tls" / "key.pem.tmp"));
}

TEST_F(ensure_test, RefusesHalfAPair) {
  auto files = ensure_self_signed_certificate(dir_ / "tls");
  fs::remove(files.key);
  EXPECT_THROW((void)ensure_self_signed_certificate(dir_ / "tls"), std::runtime_error);
}

using tls_context_test = temp;

TEST_F(tls_context_test, LoadsAMatchingPairAndRefusesAMismatch) {
  auto a = ensure_self_signed_certificate(dir_ / "a");
  auto b = ensure_self_signed_certificate(dir_ / "b");
  ssl::context ctx = make_server_tls_context(a.cert, a.key);
  SSL_CTX* native = ctx.native_handle();
  EXPECT_EQ(SSL_CTX_get_min_proto_version(native), TLS1_2_VERSION);
  EXPECT_NE(SSL_CTX_get_options(native) & SSL_OP_CIPHER_SERVER_PREFERENCE, 0u);
  EXPECT_NE(SSL_CTX_get_options(native) & SSL_OP_NO_COMPRESSION, 0u);
  EXPECT_NE(SSL_CTX_get_options(native) & SSL_OP_NO_RENEGOTIATION, 0u);

  EXPECT_THROW((void)make_server_tls_context(a.cert, b.key), std::runtime_error);
  EXPECT_THROW((void)make_server_tls_context(dir_ / "none.pem", a.key), std::runtime_error);
}

TEST_F(tls_context_test, Tls12CiphersAreEcdheAeadOnly) {
  auto a = ensure_self_signed_certificate(dir_ / "a");
  ssl::context ctx = make_server_tls_context(a.cert, a.key);
  std::unique_ptr<SSL, decltype(&SSL_free)> ssl(SSL_new(ctx.native_handle()), &SSL_free);
  ASSERT_TRUE(ssl);
  STACK_OF(SSL_CIPHER)* ciphers = SSL_get_ciphers(ssl.get());
  ASSERT_NE(ciphers, nullptr);
  int tls12 = 0;
  for (int i = 0; i < sk_SSL_CIPHER_num(ciphers); ++i) {
    const SSL_CIPHER* c = sk_SSL_CIPHER_value(ciphers, i);
    std::string name = SSL_CIPHER_get_name(c);
    if (std::string(SSL_CIPHER_get_version(c)) == "TLSv1.3") continue;
    ++tls12;
    EXPECT_EQ(SSL_CIPHER_get_kx_nid(c), NID_kx_ecdhe) << name;
    EXPECT_TRUE(SSL_CIPHER_is_aead(c)) << name;
    EXPECT_EQ(name.find("CBC"), std::string::npos) << name;
    EXPECT_EQ(name.find("SHA1"), std::string::npos) << name;
  }
  EXPECT_GT(tls12, 0);
}

}  // namespace
}  // namespace plenum::server::net
