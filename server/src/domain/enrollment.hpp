// Enrollment codes (CVP1 §2): a one-time code printed on a person's card binds the public key
// their device made. The record is public, so the log keeps only a salted hash of each code.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "plenum/crypto/bytes.hpp"
#include "plenum/crypto/random.hpp"
#include "plenum/crypto/sign.hpp"

namespace plenum::server::domain {

/// A code as printed: 16 Crockford base32 characters in four groups of four
/// ("7K2M-Q9XD-0PAB-4TNV"), 80 random bits. Holds a secret: wiped on destruction.
class enrollment_code {
 public:
  enrollment_code(const enrollment_code&) = default;
  enrollment_code& operator=(const enrollment_code&) = default;
  ~enrollment_code();

  /// A fresh random code.
  [[nodiscard]] static enrollment_code generate(crypto::random_source& random);
  /// Reads a code as a person may type it: case-insensitive, hyphens and spaces ignored,
  /// I and L read as 1, O as 0. Nullopt unless exactly 16 Crockford characters remain.
  [[nodiscard]] static std::optional<enrollment_code> parse(std::string_view typed);

  /// The canonical 16 characters, without separators (what is hashed and signed).
  [[nodiscard]] const std::string& canonical() const { return text_; }
  /// The printed form with hyphens.
  [[nodiscard]] std::string printable() const;

 private:
  enrollment_code() = default;
  std::string text_;
};

/// The salt stored with a code's hash.
using code_salt = crypto::byte_array<16>;

/// A fresh salt.
[[nodiscard]] code_salt generate_salt(crypto::random_source& random);

/// H32("enroll-code", congress_id, person_number, salt, code): what the log keeps.
[[nodiscard]] crypto::digest32 code_hash(std::string_view congress_id,
                                         std::string_view person_number, const code_salt& salt,
                                         const enrollment_code& code);

/// crypto::enroll_digest of the code's canonical form: H32("enroll", congress_id, person_number,
/// code, device_pk), what the device signs with its new key to prove it holds that key.
[[nodiscard]] crypto::digest32 enrollment_digest(std::string_view congress_id,
                                                 std::string_view person_number,
                                                 const enrollment_code& code,
                                                 const crypto::public_key& device_pk);

}  // namespace plenum::server::domain
