#include "domain/enrollment.hpp"

#include <sodium.h>

#include "plenum/crypto/board.hpp"
#include "plenum/crypto/hash.hpp"

namespace plenum::server::domain {

namespace {
constexpr std::string_view crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr std::size_t code_length = 16;
}  // namespace

enrollment_code::~enrollment_code() {
  if (!text_.empty()) sodium_memzero(text_.data(), text_.size());
}

enrollment_code enrollment_code::generate(crypto::random_source& random) {
  crypto::byte_array<code_length> bytes{};
  random.fill(bytes);
  enrollment_code code;
  code.text_.reserve(code_length);
  // Each character takes 5 bits of its own byte: 32 divides 256, so the draw is uniform.
  for (auto b : bytes) code.text_.push_back(crockford[b & 31u]);
  sodium_memzero(bytes.data(), bytes.size());
  return code;
}

std::optional<enrollment_code> enrollment_code::parse(std::string_view typed) {
  enrollment_code code;
  for (char c : typed) {
    if (c == '-' || c == ' ') continue;
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c == 'I' || c == 'L') c = '1';
    if (c == 'O') c = '0';
    if (crockford.find(c) == std::string_view::npos) return std::nullopt;
    code.text_.push_back(c);
    if (code.text_.size() > code_length) return std::nullopt;
  }
  if (code.text_.size() != code_length) return std::nullopt;
  return code;
}

std::string enrollment_code::printable() const {
  std::string out;
  for (std::size_t i = 0; i < text_.size(); ++i) {
    if (i != 0 && i % 4 == 0) out.push_back('-');
    out.push_back(text_[i]);
  }
  return out;
}

code_salt generate_salt(crypto::random_source& random) {
  code_salt salt{};
  random.fill(salt);
  return salt;
}

crypto::digest32 code_hash(std::string_view congress_id, std::string_view person_number,
                           const code_salt& salt, const enrollment_code& code) {
  return crypto::transcript("enroll-code")
      .str(congress_id)
      .str(person_number)
      .raw(salt)
      .str(code.canonical())
      .h32();
}

crypto::digest32 enrollment_digest(std::string_view congress_id, std::string_view person_number,
                                   const enrollment_code& code,
                                   const crypto::public_key& device_pk) {
  return crypto::enroll_digest(congress_id, person_number, code.canonical(), device_pk);
}

}  // namespace plenum::server::domain
