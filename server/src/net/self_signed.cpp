#include "net/self_signed.hpp"

#include <fcntl.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <memory>
#include <stdexcept>
#include <system_error>

namespace plenum::server::net {
namespace {

template <auto Free>
struct openssl_deleter {
  template <typename T>
  void operator()(T* p) const noexcept {
    Free(p);
  }
};
using pkey_ptr = std::unique_ptr<EVP_PKEY, openssl_deleter<EVP_PKEY_free>>;
using x509_ptr = std::unique_ptr<X509, openssl_deleter<X509_free>>;
using bio_ptr = std::unique_ptr<BIO, openssl_deleter<BIO_free_all>>;
using bn_ptr = std::unique_ptr<BIGNUM, openssl_deleter<BN_free>>;
using ext_ptr = std::unique_ptr<X509_EXTENSION, openssl_deleter<X509_EXTENSION_free>>;

[[noreturn]] void fail(const std::string& what) {
  unsigned long code = ERR_get_error();
  std::string detail;
  if (code != 0) {
    char buf[256];
    ERR_error_string_n(code, buf, sizeof buf);
    detail = std::string(": ") + buf;
  }
  ERR_clear_error();
  throw std::runtime_error("self-signed certificate: " + what + detail);
}

void check(int rc, const char* what) {
  if (rc != 1) fail(what);
}

void add_extension(X509* cert, int nid, const char* value) {
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
  ext_ptr ext{X509V3_EXT_nconf_nid(nullptr, &ctx, nid, value)};
  if (!ext) fail(std::string("extension ") + value);
  check(X509_add_ext(cert, ext.get(), -1), "add extension");
}

std::string bio_to_string(BIO* bio) {
  char* data = nullptr;
  long len = BIO_get_mem_data(bio, &data);
  if (len <= 0 || data == nullptr) fail("empty PEM output");
  return std::string(data, static_cast<std::size_t>(len));
}

void wipe(std::string& s) noexcept {
  OPENSSL_cleanse(s.data(), s.size());
  s.clear();
}

// Writes `data` to `path` through a fresh temporary file with `mode`, then renames it.
void write_file_atomically(const std::filesystem::path& path, const std::string& data,
                           mode_t mode) {
  std::filesystem::path tmp = path;
  tmp += ".tmp";
  ::unlink(tmp.c_str());
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
  if (fd < 0) throw std::system_error(errno, std::generic_category(), "create " + tmp.string());
  std::size_t off = 0;
  while (off < data.size()) {
    ssize_t n = ::write(fd, data.data() + off, data.size() - off);
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      ::close(fd);
      throw std::system_error(err, std::generic_category(), "write " + tmp.string());
    }
    off += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    throw std::system_error(errno, std::generic_category(), "sync " + tmp.string());
  }
  std::filesystem::rename(tmp, path);
}

}  // namespace

pem_pair make_self_signed_certificate(std::chrono::days validity) {
  if (validity > max_certificate_validity) validity = max_certificate_validity;

  pkey_ptr key{EVP_EC_gen("P-256")};
  if (!key) fail("key generation");

  x509_ptr cert{X509_new()};
  if (!cert) fail("X509_new");
  check(X509_set_version(cert.get(), X509_VERSION_3), "version");

  bn_ptr serial{BN_new()};
  if (!serial) fail("BN_new");
  check(BN_rand(serial.get(), 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY), "serial");
  if (BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(cert.get())) == nullptr) {
    fail("serial");
  }

  if (X509_gmtime_adj(X509_getm_notBefore(cert.get()), -60) == nullptr) fail("notBefore");
  long secs = static_cast<long>(std::chrono::seconds(validity).count());
  if (X509_gmtime_adj(X509_getm_notAfter(cert.get()), secs) == nullptr) fail("notAfter");

  X509_NAME* name = X509_get_subject_name(cert.get());
  auto add_name = [name](const char* field, const char* value) {
    check(X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8,
                                     reinterpret_cast<const unsigned char*>(value), -1, -1, 0),
          "subject name");
  };
  add_name("O", "Plenum");
  add_name("CN", "localhost");
  check(X509_set_issuer_name(cert.get(), name), "issuer");
  check(X509_set_pubkey(cert.get(), key.get()), "public key");

  add_extension(cert.get(), NID_basic_constraints, "critical,CA:FALSE");
  add_extension(cert.get(), NID_key_usage, "critical,digitalSignature");
  add_extension(cert.get(), NID_ext_key_usage, "serverAuth");
  add_extension(cert.get(), NID_subject_key_identifier, "hash");
  add_extension(cert.get(), NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1,IP:::1");

  if (X509_sign(cert.get(), key.get(), EVP_sha256()) <= 0) fail("signature");

  pem_pair out;
  bio_ptr cert_bio{BIO_new(BIO_s_mem())};
  if (!cert_bio) fail("BIO_new");
  check(PEM_write_bio_X509(cert_bio.get(), cert.get()), "certificate PEM");
  out.cert = bio_to_string(cert_bio.get());

  bio_ptr key_bio{BIO_new(BIO_s_secmem())};
  if (!key_bio) fail("BIO_new");
  check(PEM_write_bio_PrivateKey(key_bio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr),
        "key PEM");
  out.key = bio_to_string(key_bio.get());
  return out;
}

tls_files ensure_self_signed_certificate(const std::filesystem::path& dir) {
  tls_files files{dir / "cert.pem", dir / "key.pem"};
  bool have_cert = std::filesystem::exists(files.cert);
  bool have_key = std::filesystem::exists(files.key);
  if (have_cert && have_key) return files;
  if (have_cert != have_key) {
    throw std::runtime_error("self-signed certificate: only one of " + files.cert.string() +
                             " and " + files.key.string() +
                             " exists; remove it to make a new pair");
  }

  std::filesystem::create_directories(dir);
  std::filesystem::permissions(dir, std::filesystem::perms::owner_all,
                               std::filesystem::perm_options::replace);
  pem_pair pair = make_self_signed_certificate();
  try {
    write_file_atomically(files.key, pair.key, 0600);
    write_file_atomically(files.cert, pair.cert, 0644);
  } catch (...) {
    wipe(pair.key);
    throw;
  }
  wipe(pair.key);
  return files;
}

}  // namespace plenum::server::net
