#include "plenum/protocol/private_details.hpp"

#include <sodium.h>

#include <algorithm>
#include <boost/json/serialize.hpp>
#include <boost/json/string.hpp>
#include <cctype>

namespace plenum::protocol {

namespace {

constexpr std::string_view digest_tag = "plenum/private-details/v1";

}  // namespace

std::string canonical_private_json(const private_fields& fields) {
  // std::map iterates in bytewise key order already.
  std::string out = "{";
  bool first = true;
  for (const auto& [name, value] : fields) {
    if (!first) out += ',';
    first = false;
    out += boost::json::serialize(boost::json::string(name));
    out += ':';
    out += boost::json::serialize(boost::json::string(value));
  }
  out += '}';
  return out;
}

crypto::digest32 private_details_digest(const crypto::byte_array<private_salt_bytes>& salt,
                                        const private_fields& fields) {
  const std::string text = canonical_private_json(fields);
  crypto_hash_sha256_state state;
  crypto_hash_sha256_init(&state);
  crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(digest_tag.data()),
                            digest_tag.size());
  crypto_hash_sha256_update(&state, salt.data(), salt.size());
  crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(text.data()),
                            text.size());
  crypto::digest32 out{};
  crypto_hash_sha256_final(&state, out.data());
  return out;
}

bool looks_like_id_number(std::string_view text) {
  // Digits in a row, spaces and dashes between them ignored; an X may end an 18-character one.
  std::size_t run = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    const char c = i < text.size() ? text[i] : '\0';
    if (std::isdigit(static_cast<unsigned char>(c))) {
      ++run;
      continue;
    }
    if ((c == ' ' || c == '-') && run > 0) continue;
    if ((c == 'X' || c == 'x') && run == 17) return true;
    if (run >= 15) return true;
    run = 0;
  }
  return false;
}

}  // namespace plenum::protocol
