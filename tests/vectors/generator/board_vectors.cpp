#include "board_vectors.hpp"

#include <boost/json/serialize.hpp>
#include <limits>
#include <string>
#include <utility>

#include "plenum/crypto/board.hpp"
#include "plenum/crypto/random.hpp"
#include "plenum/protocol/codec_board.hpp"
#include "scenario.hpp"
#include "seeds.hpp"

namespace plenum::test::vectors {

namespace json = boost::json;

namespace {

// A check-in time: 2026-11-27 08:00:00 UTC in milliseconds.
constexpr std::uint64_t checkin_unix_ms = 1795766400000;
constexpr std::string_view person_number = "0001";
constexpr std::string_view enrollment_code = "7ZK3M0QHX4TB9C2D";

class chain {
 public:
  explicit chain(const crypto::secret_key& server) : server_(server) {}

  void append(std::string type, const json::object& payload) {
    protocol::board_event e;
    e.seq = events_.size();
    e.prev_hash = head_.hash;
    e.type = std::move(type);
    e.payload = json::serialize(payload);
    e.entry_hash = crypto::entry_hash(e.seq, e.prev_hash, e.type, e.payload);
    e.sig = server_.sign(e.entry_hash);
    head_ = {e.seq, e.entry_hash};
    events_.push_back(protocol::encode_board_event(e));
  }

  [[nodiscard]] const board_head& head() const { return head_; }
  [[nodiscard]] json::array take() { return std::move(events_); }

 private:
  const crypto::secret_key& server_;
  board_head head_{};
  json::array events_;
};

crypto::byte_vector random_bytes(std::string_view what, std::size_t size) {
  crypto::seeded_random source(seed_label(what));
  crypto::byte_vector out(size);
  source.fill(out);
  return out;
}

}  // namespace

board_vectors make_board(const sitting& s, const cast_vote& first) {
  const crypto::secret_key& device = s.delegates.front().key;
  const crypto::public_key device_pk = device.public_part();

  const crypto::digest32 checkin = crypto::checkin_digest(sitting_id, device_pk, checkin_unix_ms);
  const crypto::signature checkin_sig = device.sign(checkin);

  chain events(s.server.key);
  events.append("sitting_opened", {{"sitting_id", sitting_id},
                                   {"title", "第一次全体会议"},
                                   {"seated", seated_count},
                                   {"present", present_count},
                                   {"required", seated_count / 2 + 1}});
  events.append("checked_in", {{"sitting_id", sitting_id},
                               {"person", person_number},
                               {"device_pk", device_pk.hex()},
                               {"unix_ms", checkin_unix_ms},
                               {"signature", checkin_sig.hex()},
                               {"assisted", false}});
  const crypto::ballot& b = first.ballots.front();
  const crypto::digest32 digest = crypto::ballot_digest(b, first.election_hash);
  events.append("ballot_accepted",
                {{"vote_id", b.vote_id},
                 {"person", person_number},
                 {"voter_pk", b.voter_pk.hex()},
                 {"ballot_id", crypto::to_hex(b.ballot_id)},
                 {"digest", crypto::to_hex(digest)},
                 {"tracking_code", crypto::to_hex(crypto::tracking_code(digest, b.sig))}});

  board_vectors out;
  out.head = events.head();
  out.json.emplace("events", events.take());

  out.json.emplace("checkin", json::object{{"sitting_id", sitting_id},
                                           {"delegate_pk", device_pk.hex()},
                                           {"unix_ms", checkin_unix_ms},
                                           {"digest", crypto::to_hex(checkin)},
                                           {"signature", checkin_sig.hex()}});

  const std::string server_nonce_seed = seed_label("board/auth/server-nonce");
  const std::string client_nonce_seed = seed_label("board/auth/client-nonce");
  const crypto::byte_vector server_nonce = random_bytes("board/auth/server-nonce", 32);
  const crypto::byte_vector client_nonce = random_bytes("board/auth/client-nonce", 32);
  const crypto::digest32 auth =
      crypto::auth_digest(congress_id, server_nonce, client_nonce, device_pk);
  out.json.emplace("auth", json::object{{"congress_id", congress_id},
                                        {"server_nonce", crypto::to_hex(server_nonce)},
                                        {"server_nonce_seed", server_nonce_seed},
                                        {"client_nonce", crypto::to_hex(client_nonce)},
                                        {"client_nonce_seed", client_nonce_seed},
                                        {"device_pk", device_pk.hex()},
                                        {"digest", crypto::to_hex(auth)},
                                        {"signature", device.sign(auth).hex()}});

  const crypto::digest32 enroll =
      crypto::enroll_digest(congress_id, person_number, enrollment_code, device_pk);
  out.json.emplace("enroll", json::object{{"congress_id", congress_id},
                                          {"person_number", person_number},
                                          {"code", enrollment_code},
                                          {"device_pk", device_pk.hex()},
                                          {"digest", crypto::to_hex(enroll)},
                                          {"signature", device.sign(enroll).hex()}});
  return out;
}

json::array receipts_json(const sitting& s, const std::vector<cast_vote>& votes,
                          const board_head& head) {
  const board_head places[] = {
      head,
      {0, crypto::digest32{}},
      {std::numeric_limits<std::uint64_t>::max(),
       [] {
         crypto::digest32 ones{};
         ones.fill(0xff);
         return ones;
       }()},
  };
  json::array out;
  for (std::size_t i = 0; i < std::size(places) && i < votes.size(); ++i) {
    const crypto::ballot& b = votes[i].ballots.front();
    protocol::receipt r;
    r.tracking_code =
        crypto::tracking_code(crypto::ballot_digest(b, votes[i].election_hash), b.sig);
    r.board_seq = places[i].seq;
    r.board_entry_hash = places[i].hash;
    const crypto::digest32 digest =
        crypto::receipt_digest(r.tracking_code, r.board_seq, r.board_entry_hash);
    r.sig = s.server.key.sign(digest);
    out.push_back(json::object{{"vote_id", b.vote_id},
                               {"receipt", protocol::encode_receipt(r)},
                               {"digest", crypto::to_hex(digest)}});
  }
  return out;
}

}  // namespace plenum::test::vectors
