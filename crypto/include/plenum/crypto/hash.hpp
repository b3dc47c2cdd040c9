// The CVP1 hash functions H, H32 and Hs (§1): BLAKE2b over framed parts,
//   frame("cvp1") ‖ frame(tag) ‖ frame(p1) ‖ … ‖ frame(pn),  frame(x) = LE64(len(x)) ‖ x.
#pragma once

#include <cstdint>
#include <string_view>

#include "plenum/crypto/bytes.hpp"
#include "plenum/crypto/group.hpp"

namespace plenum::crypto {

/// Collects the framed parts of one hash input, then yields H, H32 or Hs of it.
/// Each call appends exactly one part; a list is its count (`u64`) followed by its items.
class transcript {
 public:
  /// Starts the input `frame("cvp1") ‖ frame(tag)`.
  explicit transcript(std::string_view tag);

  /// Appends the UTF-8 bytes of `text` as one part.
  transcript& str(std::string_view text);
  /// Appends LE64(n) as one part.
  transcript& u64(std::uint64_t n);
  /// Appends raw bytes as one part.
  transcript& raw(byte_span bytes);
  /// Appends a point's or a scalar's 32-byte encoding as one part.
  transcript& add(const point& p) { return raw(p.bytes()); }
  transcript& add(const scalar& s) { return raw(s.bytes()); }

  /// BLAKE2b-512 of the input.
  [[nodiscard]] digest64 h() const;
  /// BLAKE2b-256 of the input (not a truncation of h()).
  [[nodiscard]] digest32 h32() const;
  /// h() reduced modulo q.
  [[nodiscard]] scalar hs() const;

 private:
  byte_vector input_;
};

}  // namespace plenum::crypto
