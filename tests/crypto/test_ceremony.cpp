#include "test_ceremony.hpp"

#include <stdexcept>
#include <variant>

#include "plenum/crypto/random.hpp"

namespace plenum::test {

namespace {

std::vector<crypto::secret_key> make_keys(std::uint64_t n, crypto::random_source& random) {
  std::vector<crypto::secret_key> keys;
  for (std::uint64_t l = 0; l < n; ++l) keys.push_back(crypto::secret_key::generate(random));
  return keys;
}

crypto::ceremony_params make_params(const std::vector<crypto::secret_key>& keys, std::uint64_t k) {
  std::vector<crypto::public_key> pks;
  for (const auto& key : keys) pks.push_back(key.public_part());
  auto params = crypto::ceremony_params::create("congress-test", "sitting-test", pks, k);
  if (!params) throw std::runtime_error("test ceremony parameters rejected");
  return *params;
}

template <typename T>
T required(std::optional<T> value, const char* what) {
  if (!value) throw std::runtime_error(what);
  return std::move(*value);
}

}  // namespace

test_ceremony run_test_ceremony(std::uint64_t n, std::uint64_t k, std::string_view seed) {
  crypto::seeded_random random(seed);
  auto keys = make_keys(n, random);
  auto params = make_params(keys, k);
  std::vector<crypto::keygen_message> messages;
  for (std::uint64_t i = 1; i <= n; ++i) {
    messages.push_back(crypto::make_keygen_message(params, i, keys[i - 1], random));
    if (!crypto::check_keygen_message(params, messages.back())) {
      throw std::runtime_error("test ceremony message rejected");
    }
  }
  auto public_keys = required(crypto::compute_ceremony_keys(params, messages), "no keys");
  std::vector<crypto::key_share> shares;
  for (std::uint64_t l = 1; l <= n; ++l) {
    std::vector<crypto::scalar> opened;
    for (const auto& msg : messages) {
      auto outcome = crypto::open_share(params, msg, l, keys[l - 1]);
      if (!std::holds_alternative<crypto::scalar>(outcome)) {
        throw std::runtime_error("test ceremony share rejected");
      }
      opened.push_back(std::get<crypto::scalar>(outcome));
    }
    shares.push_back(
        required(crypto::combine_shares(params, l, opened, public_keys.verification_keys[l - 1]),
                 "combined share does not match its verification key"));
  }
  return {std::move(keys), std::move(params), std::move(messages), std::move(public_keys),
          std::move(shares)};
}

}  // namespace plenum::test
