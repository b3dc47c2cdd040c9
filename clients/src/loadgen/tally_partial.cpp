#include "tally_partial.hpp"

#include <stdexcept>

#include <plenum/crypto/pin_seal.hpp>
#include <plenum/crypto/random.hpp>

#include <plenum/clients/vote_basis.hpp>

#include "hall_setup.hpp"

namespace plenum::clients::loadgen {

namespace json = boost::json;

crypto::partial_decryption partial_from_tally(const json::object& reply,
                                              const ceremony_record& ceremony,
                                              const key_store& store, const std::string& person,
                                              const crypto::secret_key& key) {
  auto fail = [&](const std::string& what) { throw std::runtime_error(person + ": " + what); };
  const auto* t = reply.if_contains("tally");
  if (t == nullptr || !t->is_object()) fail("get_tally without a tally");
  const auto& to = t->as_object();
  const auto* eh = to.if_contains("election_hash");
  const auto election_hash =
      eh != nullptr && eh->is_string() ? crypto::from_hex_fixed<32>(eh->as_string()) : std::nullopt;
  if (!election_hash) fail("get_tally without an election hash");
  const auto* list = to.if_contains("aggregates");
  if (list == nullptr || !list->is_array()) fail("get_tally without aggregates");
  std::vector<crypto::ciphertext> aggregates;
  for (const auto& a : list->as_array()) {
    const auto* o = a.if_object();
    const auto* ha = o != nullptr ? o->if_contains("a") : nullptr;
    const auto* hb = o != nullptr ? o->if_contains("b") : nullptr;
    auto alpha =
        ha != nullptr && ha->is_string() ? crypto::point::from_hex(ha->as_string()) : std::nullopt;
    auto beta =
        hb != nullptr && hb->is_string() ? crypto::point::from_hex(hb->as_string()) : std::nullopt;
    if (!alpha || !beta) fail("get_tally: an aggregate is not a point");
    aggregates.push_back({*alpha, *beta});
  }
  if (!ceremony.params) fail("no ceremony on its board");
  auto messages = ceremony.all_messages();
  if (!messages) fail("the ceremony on its board is incomplete");
  auto keys = crypto::compute_ceremony_keys(*ceremony.params, *messages);
  if (!keys) fail("the ceremony's keys do not compute");
  auto sealed = store.load_share(person);
  auto share = sealed ? crypto::open_share_with_pin(*sealed, scrutineer_pin) : std::nullopt;
  if (!share) fail("cannot open its share");
  return crypto::make_partial_decryption(*ceremony.params, *keys, *election_hash, aggregates,
                                         *share, key, crypto::system_random());
}

crypto::key_share open_share(const key_store& store, const std::string& person) {
  auto sealed = store.load_share(person);
  auto share = sealed ? crypto::open_share_with_pin(*sealed, scrutineer_pin) : std::nullopt;
  if (!share) throw std::runtime_error(person + ": cannot open its share");
  return std::move(*share);
}

crypto::partial_decryption partial_from_board(const board_record& board, const std::string& vote,
                                              const crypto::key_share& share,
                                              const std::string& person,
                                              const crypto::secret_key& key) {
  auto fail = [&](const std::string& what) { throw std::runtime_error(person + ": " + what); };
  const auto v = board.votes.find(vote);
  if (v == board.votes.end() || !v->second.closed)
    fail("vote " + vote + " not closed on its board");
  const auto c = board.ceremonies.find(v->second.sitting_id);
  if (c == board.ceremonies.end() || !c->second.params) fail("no ceremony on its board");
  auto basis = check_opened_vote_basis(board, vote);
  if (!basis) fail("the vote's basis does not check: " + basis.error().message());
  auto messages = c->second.all_messages();
  if (!messages) fail("the ceremony on its board is incomplete");
  auto keys = crypto::compute_ceremony_keys(*c->second.params, *messages);
  if (!keys) fail("the ceremony's keys do not compute");
  return crypto::make_partial_decryption(*c->second.params, *keys, basis->election_hash,
                                         v->second.aggregates(), share, key,
                                         crypto::system_random());
}

}  // namespace plenum::clients::loadgen
