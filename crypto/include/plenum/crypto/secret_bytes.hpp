// A heap byte string that holds a secret: wiped when destroyed or overwritten.
#pragma once

#include <cstdint>
#include <utility>

#include "plenum/crypto/bytes.hpp"

namespace plenum::crypto {

/// Owns secret bytes (an opened share, a derived key) and zeroes them on destruction, so a
/// secret does not linger in freed memory. Move-only: a secret is not copied by accident.
/// Not thread-safe.
class secret_bytes {
 public:
  secret_bytes() = default;
  /// Zero-filled bytes of the given size, to be written into through `data()`.
  explicit secret_bytes(std::size_t size) : bytes_(size) {}
  secret_bytes(secret_bytes&& other) noexcept : bytes_(std::move(other.bytes_)) {
    other.bytes_.clear();
  }
  secret_bytes& operator=(secret_bytes&& other) noexcept {
    if (this != &other) {
      wipe();
      bytes_ = std::move(other.bytes_);
      other.bytes_.clear();
    }
    return *this;
  }
  secret_bytes(const secret_bytes&) = delete;
  secret_bytes& operator=(const secret_bytes&) = delete;
  ~secret_bytes() { wipe(); }

  [[nodiscard]] std::uint8_t* data() { return bytes_.data(); }
  [[nodiscard]] byte_span view() const { return bytes_; }
  [[nodiscard]] std::size_t size() const { return bytes_.size(); }

 private:
  void wipe();
  byte_vector bytes_;
};

}  // namespace plenum::crypto
