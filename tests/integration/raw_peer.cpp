#include "raw_peer.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <openssl/ssl.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <stdexcept>

namespace plenum::tests {

// ---- tcp_peer ----

tcp_peer::tcp_peer(std::uint16_t port, int receive_buffer)
    : fd_(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0)) {
  if (fd_ < 0) throw std::runtime_error("socket failed");
  if (receive_buffer > 0 &&
      ::setsockopt(fd_, SOL_SOCKET, SO_RCVBUF, &receive_buffer, sizeof receive_buffer) != 0) {
    ::close(fd_);
    throw std::runtime_error("SO_RCVBUF failed");
  }
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd_, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0) {
    const int e = errno;
    ::close(fd_);
    throw std::runtime_error("connect failed: errno " + std::to_string(e));
  }
}

tcp_peer::~tcp_peer() {
  if (fd_ >= 0) ::close(fd_);
}

tcp_peer::tcp_peer(tcp_peer&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }

void tcp_peer::write(std::string_view bytes) {
  while (!bytes.empty()) {
    const auto n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) throw std::runtime_error("send failed");
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
}

// ---- tls_peer ----

struct tls_peer::tls {
  SSL_CTX* ctx = nullptr;
  SSL* ssl = nullptr;
  ~tls() {
    if (ssl != nullptr) SSL_free(ssl);
    if (ctx != nullptr) SSL_CTX_free(ctx);
  }
};

tls_peer::tls_peer(std::uint16_t port, int receive_buffer)
    : tcp_(port, receive_buffer), tls_(std::make_unique<tls>()) {
  tls_->ctx = SSL_CTX_new(TLS_client_method());
  if (tls_->ctx == nullptr) throw std::runtime_error("SSL_CTX_new failed");
  SSL_CTX_set_verify(tls_->ctx, SSL_VERIFY_NONE, nullptr);
  tls_->ssl = SSL_new(tls_->ctx);
  if (tls_->ssl == nullptr || SSL_set_fd(tls_->ssl, tcp_.fd()) != 1)
    throw std::runtime_error("SSL_new failed");
  if (SSL_connect(tls_->ssl) != 1) throw std::runtime_error("TLS handshake failed");
}

tls_peer::~tls_peer() = default;

void tls_peer::write(std::string_view bytes) {
  while (!bytes.empty()) {
    std::size_t written = 0;
    if (SSL_write_ex(tls_->ssl, bytes.data(), bytes.size(), &written) != 1)
      throw std::runtime_error("TLS write failed");
    bytes.remove_prefix(written);
  }
}

bool tls_peer::upgrade(std::string_view origin) {
  const std::string origin_line =
      origin.empty() ? std::string() : "Origin: " + std::string(origin) + "\r\n";
  write("GET /ws HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
        origin_line +
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
  // Byte by byte up to the end of the header, so that nothing after it is consumed.
  std::string header;
  while (header.size() < 4 || header.compare(header.size() - 4, 4, "\r\n\r\n") != 0) {
    char c = 0;
    std::size_t got = 0;
    if (SSL_read_ex(tls_->ssl, &c, 1, &got) != 1 || header.size() > 8192) return false;
    header += c;
  }
  return header.rfind("HTTP/1.1 101", 0) == 0;
}

void tls_peer::send_text(std::string_view text) {
  std::string frame;
  frame += static_cast<char>(0x81);  // FIN, text
  const std::size_t n = text.size();
  if (n < 126) {
    frame += static_cast<char>(0x80 | n);
  } else if (n < 65536) {
    frame += static_cast<char>(0x80 | 126);
    frame += static_cast<char>(n >> 8);
    frame += static_cast<char>(n & 0xff);
  } else {
    frame += static_cast<char>(0x80 | 127);
    for (int shift = 56; shift >= 0; shift -= 8) frame += static_cast<char>((n >> shift) & 0xff);
  }
  const std::array<unsigned char, 4> mask = {0x5a, 0x17, 0xc3, 0x8e};
  for (unsigned char m : mask) frame += static_cast<char>(m);
  for (std::size_t i = 0; i < n; ++i)
    frame += static_cast<char>(static_cast<unsigned char>(text[i]) ^ mask[i % 4]);
  write(frame);
}

bool tls_peer::read_exact(char* out, std::size_t n) {
  while (n > 0) {
    std::size_t got = 0;
    if (SSL_read_ex(tls_->ssl, out, n, &got) != 1) return false;
    out += got;
    n -= got;
  }
  return true;
}

std::optional<std::string> tls_peer::receive_text(std::chrono::milliseconds timeout) {
  timeval tv{};
  tv.tv_sec = static_cast<time_t>(timeout.count() / 1000);
  tv.tv_usec = static_cast<suseconds_t>((timeout.count() % 1000) * 1000);
  ::setsockopt(tcp_.fd(), SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  std::string message;
  for (;;) {
    std::array<unsigned char, 2> head{};
    if (!read_exact(reinterpret_cast<char*>(head.data()), head.size())) return std::nullopt;
    const bool fin = (head[0] & 0x80) != 0;
    const int opcode = head[0] & 0x0f;
    std::uint64_t n = head[1] & 0x7f;  // a server's frames are not masked
    if (n >= 126) {
      std::array<unsigned char, 8> ext{};
      const std::size_t bytes = n == 126 ? 2 : 8;
      if (!read_exact(reinterpret_cast<char*>(ext.data()), bytes)) return std::nullopt;
      n = 0;
      for (std::size_t i = 0; i < bytes; ++i) n = (n << 8) | ext[i];
    }
    std::string payload(n, '\0');
    if (!read_exact(payload.data(), payload.size())) return std::nullopt;
    if (opcode == 0x8) return std::nullopt;        // close
    if (opcode == 0x9 || opcode == 0xa) continue;  // ping, pong
    message += payload;
    if (fin) return message;
  }
}

bool tls_peer::drained_until_closed(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  std::array<char, 16384> buf{};
  // A read that would block past the deadline (half a TLS record) comes back to the loop.
  timeval tv{};
  tv.tv_sec = 1;
  ::setsockopt(tcp_.fd(), SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  for (;;) {
    if (SSL_pending(tls_->ssl) == 0) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) return false;
      pollfd p{tcp_.fd(), POLLIN, 0};
      const int r = ::poll(&p, 1, static_cast<int>(left.count()));
      if (r == 0) return false;
      if (r < 0 && errno != EINTR) return false;
      if (r < 0) continue;
    }
    std::size_t got = 0;
    if (SSL_read_ex(tls_->ssl, buf.data(), buf.size(), &got) != 1) {
      const int e = SSL_get_error(tls_->ssl, 0);
      const bool timed_out = e == SSL_ERROR_SYSCALL && (errno == EAGAIN || errno == EWOULDBLOCK);
      if (e == SSL_ERROR_WANT_READ || timed_out) continue;
      return true;  // EOF, reset, or the TLS close: the connection is over
    }
  }
}

}  // namespace plenum::tests
