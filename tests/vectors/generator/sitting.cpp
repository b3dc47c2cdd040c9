#include "sitting.hpp"

#include <stdexcept>
#include <utility>
#include <variant>

#include "plenum/crypto/random.hpp"
#include "plenum/protocol/codec_ceremony.hpp"
#include "scenario.hpp"
#include "seeds.hpp"

namespace plenum::test::vectors {

namespace json = boost::json;

person make_person(std::string_view what) {
  std::string seed = seed_label(what);
  crypto::seeded_random source(seed);
  crypto::secret_key key = crypto::secret_key::generate(source);
  return {std::move(seed), std::move(key)};
}

json::object person_json(const person& p) {
  json::object out;
  out.emplace("seed", p.seed);
  out.emplace("pk", p.key.public_part().hex());
  out.emplace("sk", crypto::to_hex(p.key.bytes()));
  return out;
}

std::vector<crypto::public_key> sitting::roster() const {
  std::vector<crypto::public_key> out;
  for (const person& d : delegates) out.push_back(d.key.public_part());
  return out;
}

namespace {

template <typename T>
T must(std::optional<T> value, const char* step) {
  if (!value) throw std::runtime_error(std::string("test vectors: ") + step + " failed");
  return std::move(*value);
}

std::vector<person> people(std::string_view kind, std::size_t count) {
  std::vector<person> out;
  for (std::size_t i = 1; i <= count; ++i) {
    out.push_back(make_person(std::string(kind) + "/" + std::to_string(i)));
  }
  return out;
}

crypto::ceremony_params params_of(const std::vector<person>& scrutineers) {
  std::vector<crypto::public_key> keys;
  for (const person& s : scrutineers) keys.push_back(s.key.public_part());
  return must(crypto::ceremony_params::create(congress_id, sitting_id, std::move(keys), threshold),
              "ceremony parameters");
}

// Scrutineer l opens its share from every dealer and combines them into z_l.
crypto::key_share open_shares(const sitting& s, std::uint64_t l) {
  std::vector<crypto::scalar> opened;
  for (const crypto::keygen_message& msg : s.messages) {
    auto outcome = crypto::open_share(s.params, msg, l, s.scrutineers[l - 1].key);
    const auto* share = std::get_if<crypto::scalar>(&outcome);
    if (share == nullptr) throw std::runtime_error("test vectors: a share did not open");
    opened.push_back(*share);
  }
  return must(crypto::combine_shares(s.params, l, opened, s.keys.verification_keys[l - 1]),
              "combining shares");
}

}  // namespace

sitting make_sitting() {
  std::vector<person> scrutineers = people("key/scrutineer", scrutineer_count);
  crypto::ceremony_params params = params_of(scrutineers);
  sitting s{std::move(scrutineers),
            people("key/delegate", seated_count),
            make_person("key/server"),
            std::move(params),
            {},
            {},
            {},
            {},
            {},
            {}};

  for (std::uint64_t i = 1; i <= s.params.n(); ++i) {
    std::string seed = seed_label("keygen/" + std::to_string(i));
    crypto::seeded_random source(seed);
    s.messages.push_back(
        crypto::make_keygen_message(s.params, i, s.scrutineers[i - 1].key, source));
    if (!crypto::check_keygen_message(s.params, s.messages.back())) {
      throw std::runtime_error("test vectors: a keygen message fails its check");
    }
    s.keygen_seeds.push_back(std::move(seed));
  }
  s.keys = must(crypto::compute_ceremony_keys(s.params, s.messages), "ceremony keys");
  s.key_digest = crypto::key_digest(s.params, s.keys);
  for (std::uint64_t l = 1; l <= s.params.n(); ++l) {
    s.confirmations.push_back(
        crypto::confirm_keys(s.params, l, s.scrutineers[l - 1].key, s.key_digest));
    s.shares.push_back(open_shares(s, l));
  }
  return s;
}

json::object ceremony_json(const sitting& s) {
  json::object out;
  out.emplace("congress_id", s.params.congress_id());
  out.emplace("sitting_id", s.params.sitting_id());
  out.emplace("n", s.params.n());
  out.emplace("k", s.params.k());
  json::array scrutineers;
  for (std::size_t i = 0; i < s.scrutineers.size(); ++i) {
    json::object entry;
    entry.emplace("index", static_cast<std::uint64_t>(i + 1));
    for (auto& field : person_json(s.scrutineers[i])) entry.emplace(field.key(), field.value());
    scrutineers.push_back(std::move(entry));
  }
  out.emplace("scrutineers", std::move(scrutineers));
  out.emplace("ceremony_id", crypto::to_hex(s.params.ceremony_id()));
  json::array messages;
  for (const auto& msg : s.messages) messages.push_back(protocol::encode_keygen_message(msg));
  out.emplace("messages", std::move(messages));
  json::array seeds;
  for (const auto& seed : s.keygen_seeds) seeds.push_back(json::string(seed));
  out.emplace("keygen_seeds", std::move(seeds));
  json::array verification;
  for (const auto& z : s.keys.verification_keys) verification.push_back(json::string(z.hex()));
  out.emplace("verification_keys", std::move(verification));
  out.emplace("joint_key", s.keys.joint_key.hex());
  out.emplace("key_digest", crypto::to_hex(s.key_digest));
  json::array confirmations;
  for (const auto& sig : s.confirmations) confirmations.push_back(json::string(sig.hex()));
  out.emplace("confirmations", std::move(confirmations));
  return out;
}

json::array voters_json(const sitting& s) {
  json::array out;
  for (const person& d : s.delegates) out.push_back(person_json(d));
  return out;
}

}  // namespace plenum::test::vectors
