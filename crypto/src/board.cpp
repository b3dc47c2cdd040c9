#include "plenum/crypto/board.hpp"

#include "plenum/crypto/hash.hpp"

namespace plenum::crypto {

digest32 entry_hash(std::uint64_t seq, const digest32& prev_hash, std::string_view type,
                    std::string_view payload) {
  return transcript("event").u64(seq).raw(prev_hash).str(type).str(payload).h32();
}

digest32 checkin_digest(std::string_view sitting_id, const public_key& delegate_pk,
                        std::uint64_t unix_ms) {
  return transcript("checkin").str(sitting_id).raw(delegate_pk.bytes()).u64(unix_ms).h32();
}

digest32 activity_checkin_digest(std::string_view activity_id, const public_key& delegate_pk,
                                 std::uint64_t unix_ms) {
  return transcript("activity-checkin")
      .str(activity_id)
      .raw(delegate_pk.bytes())
      .u64(unix_ms)
      .h32();
}

digest32 handover_digest(std::string_view congress_id, const public_key& congress_pk,
                         const public_key& standby_pk, std::uint64_t from_seq) {
  return transcript("standby-handover")
      .str(congress_id)
      .raw(congress_pk.bytes())
      .raw(standby_pk.bytes())
      .u64(from_seq)
      .h32();
}

digest32 auth_digest(std::string_view congress_id, byte_span server_nonce, byte_span client_nonce,
                     const public_key& device_pk) {
  return transcript("auth")
      .str(congress_id)
      .raw(server_nonce)
      .raw(client_nonce)
      .raw(device_pk.bytes())
      .h32();
}

digest32 enroll_digest(std::string_view congress_id, std::string_view person_number,
                       std::string_view code, const public_key& device_pk) {
  return transcript("enroll")
      .str(congress_id)
      .str(person_number)
      .str(code)
      .raw(device_pk.bytes())
      .h32();
}

digest32 possession_digest(std::string_view congress_id, std::string_view person_number,
                           const public_key& device_pk) {
  return transcript("possession").str(congress_id).str(person_number).raw(device_pk.bytes()).h32();
}

}  // namespace plenum::crypto
