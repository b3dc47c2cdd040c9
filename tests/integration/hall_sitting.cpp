#include "hall_sitting.hpp"

#include <gtest/gtest.h>

#include <variant>

#include "plenum/crypto/board.hpp"
#include "plenum/crypto/decryption.hpp"
#include "plenum/crypto/keygen.hpp"
#include "plenum/crypto/random.hpp"
#include "plenum/protocol/codec_ceremony.hpp"
#include "plenum/protocol/codec_decryption.hpp"
#include "plenum/protocol/codec_manifest.hpp"

namespace plenum::tests {

namespace json = boost::json;

hall_reply check_in(hall_client& c, const crypto::secret_key& key, const std::string& sitting_id) {
  const auto now = c.call("ping").fields.at("server_unix_ms").to_number<std::uint64_t>();
  const auto sig = key.sign(crypto::checkin_digest(sitting_id, key.public_part(), now));
  return c.call("checkin",
                {{"sitting_id", sitting_id}, {"unix_ms", now}, {"signature", sig.hex()}});
}

hall_reply add_motion_item(hall_client& c, const std::string& sitting_id,
                           const std::string& item_id, const std::string& vote_id,
                           const std::string& title) {
  auto added = c.call("add_item", {{"sitting_id", sitting_id},
                                   {"item_id", item_id},
                                   {"kind", "report"},
                                   {"title", title},
                                   {"order", 1},
                                   {"responsible", "党委"}});
  if (!added.ok()) return added;
  auto current = c.call("set_current_item", {{"sitting_id", sitting_id}, {"item_id", item_id}});
  if (!current.ok()) return current;
  return c.call("create_vote", {{"vote_id", vote_id},
                                {"sitting_id", sitting_id},
                                {"item_id", item_id},
                                {"kind", "motion"},
                                {"title", title}});
}

std::optional<test_scrutineers> test_scrutineers::run_ceremony(
    std::uint16_t port, const std::string& congress_id, const std::string& sitting_id,
    const std::vector<std::string>& persons, std::uint64_t k,
    const std::map<std::string, crypto::secret_key>& keys, const std::string& seed) {
  std::vector<crypto::public_key> device_pks;
  for (const auto& p : persons) device_pks.push_back(keys.at(p).public_part());
  auto params = crypto::ceremony_params::create(congress_id, sitting_id, device_pks, k);
  EXPECT_TRUE(params) << "the ceremony's parameters";
  if (!params) return std::nullopt;

  std::map<int, hall_client> clients;
  crypto::seeded_random random(seed);
  for (std::size_t i = 0; i < persons.size(); ++i) {
    const int index = static_cast<int>(i) + 1;
    auto& c = clients.emplace(index, hall_client(port)).first->second;
    auto a = c.auth(keys.at(persons[i]));
    EXPECT_TRUE(a.ok()) << persons[i] << " " << a.code();
    auto msg = crypto::make_keygen_message(*params, static_cast<std::uint64_t>(index),
                                           keys.at(persons[i]), random);
    auto r = c.call(
        "keygen", {{"sitting_id", sitting_id}, {"message", protocol::encode_keygen_message(msg)}});
    EXPECT_TRUE(r.ok()) << persons[i] << " keygen " << r.code();
    if (!r.ok()) return std::nullopt;
  }

  std::vector<crypto::keygen_message> messages;
  auto ceremony = clients.at(1).call("get_ceremony", {{"sitting_id", sitting_id}});
  EXPECT_TRUE(ceremony.ok()) << ceremony.code();
  if (!ceremony.ok()) return std::nullopt;
  EXPECT_EQ(crypto::to_hex(params->ceremony_id()),
            str(ceremony.fields.at("ceremony").as_object(), "ceremony_id"));
  for (const auto& m : ceremony.fields.at("ceremony").at("keygen").as_array()) {
    auto decoded = protocol::decode_keygen_message(m);
    EXPECT_TRUE(decoded);
    if (!decoded) return std::nullopt;
    messages.push_back(*decoded);
  }
  EXPECT_EQ(messages.size(), persons.size());
  auto ceremony_keys = crypto::compute_ceremony_keys(*params, messages);
  EXPECT_TRUE(ceremony_keys);
  if (!ceremony_keys) return std::nullopt;

  test_scrutineers out(*params, *ceremony_keys);
  out.clients_ = std::move(clients);
  const auto digest = crypto::key_digest(*params, *ceremony_keys);
  for (std::size_t i = 0; i < persons.size(); ++i) {
    const int index = static_cast<int>(i) + 1;
    const auto& key = keys.at(persons[i]);
    std::vector<crypto::scalar> opened;
    for (const auto& m : messages) {
      auto outcome = crypto::open_share(*params, m, static_cast<std::uint64_t>(index), key);
      EXPECT_TRUE(std::holds_alternative<crypto::scalar>(outcome)) << persons[i];
      if (!std::holds_alternative<crypto::scalar>(outcome)) return std::nullopt;
      opened.push_back(std::get<crypto::scalar>(outcome));
    }
    auto share = crypto::combine_shares(*params, static_cast<std::uint64_t>(index), opened,
                                        ceremony_keys->verification_keys[i]);
    EXPECT_TRUE(share) << persons[i];
    if (!share) return std::nullopt;
    out.shares_.emplace(index, *share);
    out.device_keys_.emplace(index, key);
    const auto sig = crypto::confirm_keys(*params, static_cast<std::uint64_t>(index), key, digest);
    auto r = out.clients_.at(index).call(
        "confirm_key",
        {{"sitting_id", sitting_id},
         {"confirmation", json::object{{"index", index}, {"signature", sig.hex()}}}});
    EXPECT_TRUE(r.ok()) << persons[i] << " confirm_key " << r.code();
    if (!r.ok()) return std::nullopt;
    EXPECT_EQ(r.fields.at("complete").as_bool(), i + 1 == persons.size());
  }
  return out;
}

std::vector<hall_reply> test_scrutineers::decrypt(const std::string& vote_id,
                                                  const crypto::digest32& election_hash,
                                                  const std::vector<int>& indices) {
  std::vector<hall_reply> replies;
  if (indices.empty()) return replies;
  auto tally = clients_.at(indices.front()).call("get_tally", {{"vote_id", vote_id}});
  EXPECT_TRUE(tally.ok()) << tally.code();
  if (!tally.ok()) return {tally};
  std::vector<crypto::ciphertext> aggregates;
  for (const auto& a : tally.fields.at("tally").at("aggregates").as_array()) {
    auto alpha = crypto::point::from_hex(str(a.as_object(), "a"));
    auto beta = crypto::point::from_hex(str(a.as_object(), "b"));
    EXPECT_TRUE(alpha && beta);
    if (!alpha || !beta) return {tally};
    aggregates.push_back({*alpha, *beta});
  }
  for (int index : indices) {
    crypto::seeded_random random("partial " + vote_id + " " + std::to_string(index));
    auto partial =
        crypto::make_partial_decryption(params_, keys_, election_hash, aggregates,
                                        shares_.at(index), device_keys_.at(index), random);
    replies.push_back(clients_.at(index).call(
        "partial_decryption",
        {{"vote_id", vote_id}, {"partial", protocol::encode_partial_decryption(partial)}}));
  }
  return replies;
}

std::optional<vote_basis> read_vote_basis(hall_client& c, const std::string& vote_id) {
  auto state = c.call("get_state");
  EXPECT_TRUE(state.ok()) << state.code();
  if (!state.ok()) return std::nullopt;
  const auto& view = state.fields.at("state").as_object();
  auto manifest = protocol::decode_manifest(view.at("manifests").at(vote_id));
  auto joint = crypto::point::from_hex(str(view, "joint_key"));
  auto election_hash = crypto::from_hex_fixed<32>(str(vote_view(c, vote_id), "election_hash"));
  EXPECT_TRUE(manifest && joint && election_hash) << vote_id;
  if (!manifest || !joint || !election_hash) return std::nullopt;
  return vote_basis{*manifest, *election_hash, *joint};
}

json::object vote_view(hall_client& c, const std::string& vote_id) {
  auto r = c.call("get_state");
  EXPECT_TRUE(r.ok()) << r.code();
  if (!r.ok()) return {};
  for (const auto& v : r.fields.at("state").at("votes").as_array())
    if (str(v.as_object(), "id") == vote_id) return v.as_object();
  return {};
}

}  // namespace plenum::tests
