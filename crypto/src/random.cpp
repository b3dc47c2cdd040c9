#include "plenum/crypto/random.hpp"

#include <sodium.h>

#include "plenum/crypto/group.hpp"

namespace plenum::crypto {

namespace {
class system_random_source final : public random_source {
 public:
  void fill(std::span<std::uint8_t> out) override {
    ensure_sodium();
    randombytes_buf(out.data(), out.size());
  }
};
}  // namespace

random_source& system_random() {
  static system_random_source source;
  return source;
}

seeded_random::seeded_random(const byte_array<32>& seed) : key_(seed) { ensure_sodium(); }

seeded_random::seeded_random(std::string_view label) {
  ensure_sodium();
  crypto_generichash(key_.data(), key_.size(), reinterpret_cast<const unsigned char*>(label.data()),
                     label.size(), nullptr, 0);
}

seeded_random::~seeded_random() { sodium_memzero(key_.data(), key_.size()); }

void seeded_random::fill(std::span<std::uint8_t> out) {
  if (out.empty()) return;  // An empty draw consumes nothing, and libsodium wants a buffer.
  // Each call consumes a fresh nonce, so successive calls never repeat a keystream.
  byte_array<8> nonce{};
  for (std::size_t i = 0; i < 8; ++i) nonce[i] = static_cast<std::uint8_t>(block_ >> (8 * i));
  ++block_;
  crypto_stream_chacha20(out.data(), out.size(), nonce.data(), key_.data());
}

}  // namespace plenum::crypto
