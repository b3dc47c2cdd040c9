#include "kat_ceremony.hpp"

#include <stdexcept>

#include "kat.hpp"

namespace plenum::test {

const boost::json::object& kat_ceremony() { return kat().at("ceremony").as_object(); }

crypto::ceremony_params ceremony_params_from_json(const boost::json::object& c) {
  std::vector<crypto::public_key> keys;
  for (const auto& s : c.at("scrutineers").as_array()) keys.push_back(public_key_field(s.at("pk")));
  auto params = crypto::ceremony_params::create(c.at("congress_id").as_string(),
                                                c.at("sitting_id").as_string(), std::move(keys),
                                                c.at("k").to_number<std::uint64_t>());
  if (!params) throw std::runtime_error("ceremony parameters rejected");
  return *params;
}

crypto::secret_key scrutineer_key_from_json(const boost::json::object& c, std::uint64_t index) {
  for (const auto& s : c.at("scrutineers").as_array()) {
    if (s.at("index").to_number<std::uint64_t>() == index) return secret_key_field(s.at("sk"));
  }
  throw std::runtime_error("no such scrutineer in the ceremony");
}

std::vector<crypto::keygen_message> keygen_messages_from_json(const boost::json::object& c) {
  std::vector<crypto::keygen_message> messages;
  for (const auto& m : c.at("messages").as_array()) {
    crypto::keygen_message msg;
    msg.dealer = m.at("i").to_number<std::uint64_t>();
    for (const auto& k : m.at("commitments").as_array()) msg.commitments.push_back(point_field(k));
    for (const auto& p : m.at("proofs").as_array()) {
      msg.proofs.push_back({scalar_field(p.at("c")), scalar_field(p.at("v"))});
    }
    for (const auto& s : m.at("sealed").as_array()) msg.sealed_shares.push_back(hex_field(s));
    msg.sig = signature_field(m.at("signature"));
    messages.push_back(std::move(msg));
  }
  return messages;
}

crypto::ceremony_keys ceremony_keys_from_json(const boost::json::object& c) {
  crypto::ceremony_keys keys;
  keys.joint_key = point_field(c.at("joint_key"));
  for (const auto& z : c.at("verification_keys").as_array()) {
    keys.verification_keys.push_back(point_field(z));
  }
  return keys;
}

crypto::ceremony_params kat_params() { return ceremony_params_from_json(kat_ceremony()); }

crypto::secret_key kat_scrutineer_key(std::uint64_t index) {
  return scrutineer_key_from_json(kat_ceremony(), index);
}

std::vector<crypto::keygen_message> kat_keygen_messages() {
  return keygen_messages_from_json(kat_ceremony());
}

crypto::ceremony_keys kat_ceremony_keys() { return ceremony_keys_from_json(kat_ceremony()); }

std::vector<std::vector<crypto::ciphertext>> kat_ballot_ciphertexts(
    const boost::json::object& vote) {
  std::vector<std::vector<crypto::ciphertext>> ballots;
  for (const auto& entry : vote.at("ballots").as_array()) {
    std::vector<crypto::ciphertext> positions;
    for (const auto& contest : entry.at("ballot").at("contests").as_array()) {
      for (const auto& option : contest.at("options").as_array()) {
        positions.push_back({point_field(option.at("alpha")), point_field(option.at("beta"))});
      }
    }
    ballots.push_back(std::move(positions));
  }
  return ballots;
}

std::vector<crypto::ciphertext> kat_aggregates(const boost::json::object& vote) {
  std::vector<crypto::ciphertext> aggregates;
  for (const auto& a : vote.at("tally").at("aggregates").as_array()) {
    aggregates.push_back({point_field(a.at("A")), point_field(a.at("B"))});
  }
  return aggregates;
}

std::vector<crypto::partial_decryption> kat_partials(const boost::json::object& vote) {
  std::vector<crypto::partial_decryption> partials;
  for (const auto& p : vote.at("tally").at("partials").as_array()) {
    crypto::partial_decryption partial;
    partial.index = p.at("index").to_number<std::uint64_t>();
    for (const auto& s : p.at("shares").as_array()) {
      partial.shares.push_back(
          {point_field(s.at("M")), scalar_field(s.at("c")), scalar_field(s.at("v"))});
    }
    partial.sig = signature_field(p.at("signature"));
    partials.push_back(std::move(partial));
  }
  return partials;
}

std::vector<std::uint64_t> kat_counts(const boost::json::object& vote) {
  std::vector<std::uint64_t> counts;
  for (const auto& t : vote.at("tally").at("counts").as_array()) {
    counts.push_back(t.to_number<std::uint64_t>());
  }
  return counts;
}

}  // namespace plenum::test
