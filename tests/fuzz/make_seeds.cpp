// Writes the seed corpora of the decode_frame and ballot fuzzers into a directory:
//   plenum-fuzz-seeds OUT_DIR  →  OUT_DIR/decode_frame/*.json, OUT_DIR/ballot/*.json
// The ballots are valid ballots of the fuzz fixture's four votes (so the fuzzer starts from
// inputs that reach the signature check); the frames cover every session request type and
// every hall request type.
#include <boost/json/serialize.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <variant>

#include "ballot_fixture.hpp"
#include "plenum/crypto/board.hpp"
#include "plenum/crypto/ceremony_params.hpp"
#include "plenum/crypto/keygen.hpp"
#include "plenum/crypto/random.hpp"
#include "plenum/protocol/codec_ballot.hpp"
#include "plenum/protocol/messages.hpp"
#include "plenum/protocol/messages_hall.hpp"

namespace {

namespace fs = std::filesystem;
namespace crypto = plenum::crypto;
namespace protocol = plenum::protocol;

void write(const fs::path& file, const std::string& text) {
  std::ofstream out(file, std::ios::binary);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + file.string());
}

// Every alternative of a variant, default-constructed, as a frame: the field names are right
// even where the values are not, which is what a mutator needs.
template <typename Variant, std::size_t... I>
void each_default(const fs::path& dir, std::index_sequence<I...>) {
  (write(dir / ("hall-" + std::string(std::variant_alternative_t<I, Variant>::type) + ".json"),
         protocol::encode_hall_request(I, Variant(std::in_place_index<I>))),
   ...);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: plenum-fuzz-seeds OUT_DIR\n";
    return 2;
  }
  const fs::path out = argv[1];
  fs::create_directories(out / "ballot");
  fs::create_directories(out / "decode_frame");
  const plenum::fuzz::ballot_fixture fixture;
  crypto::seeded_random random("plenum fuzz seeds");

  for (std::size_t i = 0; i < fixture.votes().size(); ++i) {
    const auto& vote = fixture.votes()[i];
    const auto b = fixture.valid_ballot(i, "seed ballot " + std::to_string(i));
    if (crypto::verify_ballot(vote.manifest, vote.election_hash, fixture.joint_key(), b) !=
        crypto::ballot_status::ok)
      throw std::logic_error("a seed ballot does not verify");
    write(out / "ballot" / (vote.manifest.vote_id + ".json"),
          boost::json::serialize(protocol::encode_ballot(b)));
    write(
        out / "decode_frame" / ("cast_ballot-" + vote.manifest.vote_id + ".json"),
        protocol::encode_request(10 + i, protocol::cast_ballot_request{vote.manifest.vote_id, b}));
  }

  const auto& key = fixture.voter();
  const auto pk = key.public_part();
  crypto::byte_array<32> nonce{};
  random.fill(nonce);
  const auto frame = [&](const std::string& name, std::uint64_t id, protocol::request r) {
    write(out / "decode_frame" / (name + ".json"), protocol::encode_request(id, r));
  };
  frame("auth", 1,
        protocol::auth_request{pk, nonce, key.sign(crypto::auth_digest("c", nonce, nonce, pk))});
  frame("enroll", 2,
        protocol::enroll_request{
            "D001", "ABCD-EFGH-JKMN-PQRS", pk,
            key.sign(crypto::enroll_digest("c", "D001", "ABCDEFGHJKMNPQRS", pk))});
  frame("ping", 3, protocol::ping_request{});
  frame("subscribe", 4,
        protocol::subscribe_request{{protocol::topic::board, protocol::topic::state}, 7});
  frame("get_state", 5, protocol::get_state_request{});
  frame("checkin", 6,
        protocol::checkin_request{"s1", 1700000000000,
                                  key.sign(crypto::checkin_digest("s1", pk, 1700000000000))});
  const auto params = crypto::ceremony_params::create("c", "s1", {pk}, 1);
  if (!params) throw std::logic_error("fuzz ceremony parameters");
  frame("keygen", 7,
        protocol::keygen_request{"s1", crypto::make_keygen_message(*params, 1, key, random)});
  frame("confirm_key", 8,
        protocol::confirm_key_request{"s1", protocol::key_confirmation{1, key.sign(nonce)}});
  crypto::partial_decryption partial;
  partial.index = 1;
  partial.shares.push_back({crypto::point::base_mul(crypto::scalar::random(random)),
                            crypto::scalar::random(random), crypto::scalar::random(random)});
  partial.sig = key.sign(nonce);
  frame("partial_decryption", 9, protocol::partial_decryption_request{"v1", partial});

  using hall = protocol::hall_request;
  each_default<hall>(out / "decode_frame", std::make_index_sequence<std::variant_size_v<hall>>{});
  write(
      out / "decode_frame" / "hall-create_sitting-valid.json",
      R"({"v":1,"id":40,"type":"create_sitting","sitting_id":"s1","title":"年会","date":"2026-03-01"})");
  write(out / "decode_frame" / "hall-get_board-valid.json",
        R"({"v":1,"id":41,"type":"get_board","from_seq":0,"limit":10})");
  return 0;
}
