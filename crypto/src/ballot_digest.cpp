#include <array>

#include "plenum/crypto/ballot.hpp"
#include "plenum/crypto/hash.hpp"

namespace plenum::crypto {

namespace {

void append_proof(transcript& input, const range_proof& proof) {
  input.u64(proof.size());
  for (const proof_entry& e : proof) input.add(e.c).add(e.z);
}

}  // namespace

digest32 ballot_digest(const ballot& b, const digest32& election_hash) {
  transcript input("ballot");
  input.raw(election_hash).str(b.vote_id).raw(b.ballot_id).raw(b.voter_pk.bytes());
  input.u64(b.contests.size());
  for (const encrypted_contest& contest : b.contests) {
    input.u64(contest.options.size());
    for (const encrypted_option& option : contest.options) {
      input.add(option.ct.alpha).add(option.ct.beta);
      append_proof(input, option.proof);
    }
    append_proof(input, contest.proof);
  }
  input.u64(b.constraint_proofs.size());
  for (const range_proof& proof : b.constraint_proofs) append_proof(input, proof);
  return input.h32();
}

digest32 tracking_code(const digest32& ballot_digest, const signature& sig) {
  return transcript("tracking").raw(ballot_digest).raw(sig.bytes()).h32();
}

std::string tracking_code_display(const digest32& code) {
  static constexpr std::string_view alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  constexpr std::size_t shown_bytes = 10;  // 80 bits: 16 characters of 5 bits
  std::string out;
  out.reserve(19);
  std::uint32_t buffer = 0;
  int bits = 0;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < shown_bytes; ++i) {
    buffer = (buffer << 8) | code[i];
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      if (chars > 0 && chars % 4 == 0) out.push_back('-');
      out.push_back(alphabet[(buffer >> bits) & 0x1f]);
      ++chars;
    }
  }
  return out;
}

digest32 receipt_digest(const digest32& tracking_code, std::uint64_t board_seq,
                        const digest32& board_entry_hash) {
  return transcript("receipt").raw(tracking_code).u64(board_seq).raw(board_entry_hash).h32();
}

std::string_view to_string(ballot_status status) {
  switch (status) {
    case ballot_status::ok:
      return "ok";
    case ballot_status::wrong_vote_id:
      return "wrong_vote_id";
    case ballot_status::malformed:
      return "malformed";
    case ballot_status::invalid_point:
      return "invalid_point";
    case ballot_status::non_canonical_scalar:
      return "non_canonical_scalar";
    case ballot_status::bad_option_proof:
      return "bad_option_proof";
    case ballot_status::bad_contest_proof:
      return "bad_contest_proof";
    case ballot_status::bad_constraint_proof:
      return "bad_constraint_proof";
    case ballot_status::bad_signature:
      return "bad_signature";
  }
  return "?";
}

}  // namespace plenum::crypto
