// What the tests that run a sitting on a real plenumd do the same way: a delegate's signed
// check-in, the key ceremony with the crypto library acting as the scrutineers, the open vote's
// basis as a tablet reads it, and the scrutineers' partial decryptions of a closed vote.
// Failures are reported as gtest failures where they happen; the functions return what they
// could make (nullopt or a failed reply) so that the caller can stop.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "hall_client.hpp"
#include "plenum/crypto/ceremony.hpp"
#include "plenum/crypto/ceremony_params.hpp"
#include "plenum/crypto/key_share.hpp"
#include "plenum/crypto/manifest.hpp"
#include "plenum/crypto/sign.hpp"

namespace plenum::tests {

/// Checks in over `c` (authenticated as the holder of `key`) to `sitting_id`, signing the
/// check-in digest at the server's time as a tablet does.
hall_reply check_in(hall_client& c, const crypto::secret_key& key, const std::string& sitting_id);

/// Over the chair's `c`: adds report item `item_id` titled `title` (order 1, responsible 党委) to
/// `sitting_id`, makes it the current item and creates motion `vote_id` on it with the same
/// title. Returns the first refusal, or create_vote's reply.
hall_reply add_motion_item(hall_client& c, const std::string& sitting_id,
                           const std::string& item_id, const std::string& vote_id,
                           const std::string& title);

/// The scrutineers of one sitting after its key ceremony: their connections, their shares and
/// the ceremony's public keys.
class test_scrutineers {
 public:
  /// Runs the key ceremony of `sitting_id`, which the chair has started with `persons` (in
  /// order: index i + 1 is persons[i]) and threshold `k`: each sends its keygen message over
  /// its own connection, then all read the messages back, open their shares and confirm.
  /// `keys` holds every person's device key; `seed` makes the run repeatable.
  static std::optional<test_scrutineers> run_ceremony(
      std::uint16_t port, const std::string& congress_id, const std::string& sitting_id,
      const std::vector<std::string>& persons, std::uint64_t k,
      const std::map<std::string, crypto::secret_key>& keys, const std::string& seed);

  [[nodiscard]] const crypto::ceremony_params& params() const { return params_; }
  [[nodiscard]] const crypto::ceremony_keys& keys() const { return keys_; }
  /// The connection of the scrutineer with index `index` (1-based).
  hall_client& client(int index) { return clients_.at(index); }

  /// Reads the closed vote's tally over the first of `indices` and sends the partial
  /// decryptions of the scrutineers `indices`, in order; returns their replies.
  std::vector<hall_reply> decrypt(const std::string& vote_id, const crypto::digest32& election_hash,
                                  const std::vector<int>& indices);

 private:
  test_scrutineers(crypto::ceremony_params params, crypto::ceremony_keys keys)
      : params_(std::move(params)), keys_(std::move(keys)) {}

  crypto::ceremony_params params_;
  crypto::ceremony_keys keys_;
  std::map<int, hall_client> clients_;
  std::map<int, crypto::key_share> shares_;
  std::map<int, crypto::secret_key> device_keys_;
};

/// An open vote as a tablet reads it from `get_state`: its manifest, election hash and the
/// joint key.
struct vote_basis {
  crypto::manifest manifest;
  crypto::digest32 election_hash{};
  crypto::point joint_key;
};

/// The basis of `vote_id` read over `c`; nullopt (with a gtest failure) when it is incomplete.
std::optional<vote_basis> read_vote_basis(hall_client& c, const std::string& vote_id);

/// The state of `vote_id` in `get_state` over `c` (an empty object when it is not there).
boost::json::object vote_view(hall_client& c, const std::string& vote_id);

}  // namespace plenum::tests
