#include "plenum/crypto/result.hpp"

#include "plenum/crypto/hash.hpp"

namespace plenum::crypto {

digest32 result_digest(const result_record& record) {
  transcript t("result");
  t.raw(record.election_hash)
      .u64(record.board_seq_at_close)
      .raw(record.board_hash_at_close)
      .u64(record.ballots)
      .u64(record.seated)
      .u64(record.present)
      .str(record.rule)
      .u64(record.counts.size());
  for (const std::uint64_t count : record.counts) t.u64(count);
  t.str(record.outcome);
  return t.h32();
}

}  // namespace plenum::crypto
