// The digest of a vote's published result (CVP1 §7), signed by the server, by each
// scrutineer who decrypted and by the chair.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "plenum/crypto/bytes.hpp"

namespace plenum::crypto {

/// Everything the result digest covers. `rule` and `outcome` are the exact stored UTF-8 JSON
/// texts (hashed byte for byte, never re-serialized); `counts` are in position order.
struct result_record {
  digest32 election_hash{};
  std::uint64_t board_seq_at_close = 0;
  digest32 board_hash_at_close{};
  std::uint64_t ballots = 0;
  std::uint64_t seated = 0;
  std::uint64_t present = 0;
  std::string rule;
  std::vector<std::uint64_t> counts;
  std::string outcome;
};

/// H32("result", election_hash, LE64(board_seq_at_close), board_hash_at_close, LE64(#ballots),
/// LE64(seated), LE64(present), rule, LE64(#positions), LE64(t_1), …, LE64(t_p), outcome).
[[nodiscard]] digest32 result_digest(const result_record& record);

}  // namespace plenum::crypto
