// libFuzzer entry point for a ballot as the server meets it: untrusted text, parsed as strict
// JSON, decoded by the ballot codec, then verified by the crypto layer against a fixed vote of
// the kind the ballot names. Any crash or sanitizer report is a finding; so is a ballot that
// decodes but does not encode back to the same JSON, or a valid verdict for a ballot that was
// not signed by the fixture's voter.
#include <boost/json/serialize.hpp>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "ballot_fixture.hpp"
#include "plenum/protocol/codec_ballot.hpp"
#include "plenum/protocol/strict_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const plenum::fuzz::ballot_fixture fixture;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto json = plenum::protocol::parse_strict_json(text);
  if (!json) return 0;
  auto b = plenum::protocol::decode_ballot(*json);
  if (!b) return 0;
  const auto encoded = plenum::protocol::encode_ballot(*b);
  auto again = plenum::protocol::decode_ballot(encoded);
  if (!again || !(*again == *b)) std::abort();
  const auto& vote = fixture.vote_for(b->vote_id);
  const auto status =
      plenum::crypto::verify_ballot(vote.manifest, vote.election_hash, fixture.joint_key(), *b);
  if (status == plenum::crypto::ballot_status::ok &&
      !(b->voter_pk == fixture.voter().public_part()))
    std::abort();
  return 0;
}
