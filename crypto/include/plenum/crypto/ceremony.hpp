// The recipient side of the key ceremony and its public outcome (CVP1 §3): opening and
// checking one's shares, complaints, the verification keys Z_l, the joint key K, the key
// digest with its confirmations, and a scrutineer's combined share z_l.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <variant>
#include <vector>

#include "plenum/crypto/ceremony_params.hpp"
#include "plenum/crypto/key_share.hpp"
#include "plenum/crypto/keygen.hpp"

namespace plenum::crypto {

/// Scrutineer `accuser`'s signed statement that dealer `accused`'s message (identified by its
/// keygen digest) did not give it a valid share. The ceremony then fails and restarts without
/// the accused. Only the accuser can tell whether the complaint is true.
struct complaint {
  std::uint64_t accuser = 0;
  std::uint64_t accused = 0;
  digest32 message_digest{};
  signature sig;
};

/// H32("complaint", ceremony_id, LE64(accuser), LE64(accused), keygen_digest of the message).
[[nodiscard]] digest32 complaint_digest(const ceremony_params& params, std::uint64_t accuser,
                                        std::uint64_t accused, const digest32& message_digest);

/// Whether `c` names indices of the ceremony and carries the accuser's signature over
/// complaint_digest(). A dealer may accuse itself (its own share did not check out); the
/// consequence is the same as for any complaint.
[[nodiscard]] bool check_complaint(const ceremony_params& params, const complaint& c);

/// What opening one dealer's share yields: the share s_il, or a complaint against the dealer.
using share_outcome = std::variant<scalar, complaint>;

/// Scrutineer `recipient` (holding `recipient_key`) opens its share in `msg` and checks
/// s·G == Σ_j recipient^j·K_ij. Any failure (no share for it, a box that does not open, a
/// non-canonical scalar, a share that does not match the commitments) yields a complaint
/// signed with `recipient_key`. `msg` should have passed check_keygen_message(); a message
/// that fails it is nobody's message and needs no complaint. Throws std::invalid_argument if
/// `recipient` is not an index of `params` or the key is not its key (programmer errors).
[[nodiscard]] share_outcome open_share(const ceremony_params& params, const keygen_message& msg,
                                       std::uint64_t recipient, const secret_key& recipient_key);

/// The n messages ordered by dealer (messages[i-1].dealer == i), each with k commitments.
/// The functions below return nullopt when `messages` is not such a set; they do not repeat
/// check_keygen_message(), which the caller runs on each message first.
using keygen_messages = std::span<const keygen_message>;

/// Z_index = Σ_i Σ_j index^j·K_ij; nullopt also if it is the identity.
[[nodiscard]] std::optional<point> verification_key(const ceremony_params& params,
                                                    keygen_messages messages, std::uint64_t index);

/// K = Σ_i K_i0; nullopt also if it is the identity.
[[nodiscard]] std::optional<point> joint_key(const ceremony_params& params,
                                             keygen_messages messages);

/// The public outcome of a ceremony: K and Z_1 … Z_n.
struct ceremony_keys {
  point joint_key;
  std::vector<point> verification_keys;
};

/// K and every Z_l at once (sums the commitments over dealers first, so it costs k·n scalar
/// multiplications instead of k·n² for n separate verification_key() calls).
[[nodiscard]] std::optional<ceremony_keys> compute_ceremony_keys(const ceremony_params& params,
                                                                 keygen_messages messages);

/// key_digest = H32("key", ceremony_id, K, Z_1, …, Z_n) (no count before the Z list).
[[nodiscard]] digest32 key_digest(const ceremony_params& params, const ceremony_keys& keys);

/// Scrutineer `index`'s confirmation: its signature over key_digest. Throws
/// std::invalid_argument if the key is not scrutineer `index`'s key.
[[nodiscard]] signature confirm_keys(const ceremony_params& params, std::uint64_t index,
                                     const secret_key& key, const digest32& key_digest);

/// Whether `sig` is scrutineer `index`'s signature over `key_digest`; false for an index
/// outside 1..n.
[[nodiscard]] bool check_confirmation(const ceremony_params& params, std::uint64_t index,
                                      const digest32& key_digest, const signature& sig);

/// Scrutineer `index`'s combined share z = Σ_i s_i,index from its opened shares (one per
/// dealer, in dealer order) with the check z·G == Z_index. Nullopt if the count is not n or
/// the check fails.
[[nodiscard]] std::optional<key_share> combine_shares(const ceremony_params& params,
                                                      std::uint64_t index,
                                                      std::span<const scalar> shares,
                                                      const point& verification_key);

}  // namespace plenum::crypto
