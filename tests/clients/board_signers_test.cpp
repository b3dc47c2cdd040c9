// The board as a client reads it after a standby took over (crypto/SPEC.md §6, "Who signs
// entry_hash"): entries and receipts signed by the congress key up to a server_handover the
// congress key certified, by the standby key from it on; anything else breaks the chain.
#include <gtest/gtest.h>

#include <plenum/clients/board.hpp>
#include <plenum/clients/trust_error.hpp>
#include <plenum/clients/vote_basis.hpp>
#include <plenum/crypto/ballot.hpp>
#include <plenum/crypto/board.hpp>
#include <plenum/protocol/events.hpp>

namespace plenum::clients {
namespace {

namespace ev = protocol::events;

crypto::secret_key key_from(std::uint8_t fill) {
  crypto::byte_array<32> seed{};
  seed.fill(fill);
  return crypto::secret_key::from_seed(seed);
}

const crypto::secret_key congress = key_from(0x11);
const crypto::secret_key standby = key_from(0x22);
const crypto::secret_key stranger = key_from(0x33);
const std::string congress_id = "town-congress";

// A chain being written: each event chained onto the last and signed by `signer`.
class chain {
 public:
  protocol::board_event next(std::string type, std::string payload,
                             const crypto::secret_key& signer) {
    protocol::board_event e;
    e.seq = events_.size();
    e.prev_hash = events_.empty() ? crypto::genesis_hash : events_.back().entry_hash;
    e.type = std::move(type);
    e.payload = std::move(payload);
    e.entry_hash = crypto::entry_hash(e.seq, e.prev_hash, e.type, e.payload);
    e.sig = signer.sign(e.entry_hash);
    events_.push_back(e);
    return e;
  }
  protocol::board_event created() {
    return next(std::string(ev::congress_created::type),
                protocol::encode_event_payload(
                    ev::congress_created{congress_id, "Congress", "2026-01-01", "2030-12-31"}),
                congress);
  }
  // An event of a type this client does not read: chained and signed, kept unread.
  protocol::board_event filler(const crypto::secret_key& signer) {
    return next("later_event", "{}", signer);
  }
  protocol::board_event handover(const crypto::secret_key& certifier,
                                 const crypto::public_key& standby_pk, std::uint64_t from_seq,
                                 const crypto::secret_key& signer,
                                 const std::string& id = congress_id) {
    const auto digest = crypto::handover_digest(id, congress.public_part(), standby_pk, from_seq);
    return next(std::string(ev::server_handover::type),
                protocol::encode_event_payload(ev::server_handover{
                    standby_pk, from_seq, certifier.sign(digest), "primary lost power", 1}),
                signer);
  }

 private:
  std::vector<protocol::board_event> events_;
};

// A board of the congress key holding `c`'s events so far.
board_record board_of(const std::vector<protocol::board_event>& events) {
  board_record b(congress.public_part());
  for (const auto& e : events) EXPECT_TRUE(b.add(e)) << "seq " << e.seq;
  return b;
}

TEST(BoardSigners, FromAVerifiedHandoverOnTheStandbyKeySigns) {
  chain c;
  board_record b(congress.public_part());
  ASSERT_TRUE(b.add(c.created()));
  ASSERT_TRUE(b.add(c.filler(congress)));
  ASSERT_TRUE(b.add(c.handover(congress, standby.public_part(), 1, standby)));
  ASSERT_TRUE(b.add(c.filler(standby)));
  EXPECT_EQ(b.events.size(), 4U);
  ASSERT_TRUE(b.signers.standby().has_value());
  EXPECT_EQ(*b.signers.standby(), standby.public_part());
  EXPECT_EQ(b.signers.handover_seq(), 2U);
  EXPECT_EQ(b.signers.of(1), congress.public_part());
  EXPECT_EQ(b.signers.of(2), standby.public_part());
  EXPECT_EQ(b.signers.of(9), standby.public_part());
  EXPECT_EQ(b.congress_pk, congress.public_part()) << "the pinned key stays the congress key";
}

TEST(BoardSigners, AfterTheHandoverTheCongressKeyNoLongerSigns) {
  chain c;
  board_record b(congress.public_part());
  ASSERT_TRUE(b.add(c.created()));
  ASSERT_TRUE(b.add(c.handover(congress, standby.public_part(), 1, standby)));
  auto refused = b.add(c.filler(congress));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error(), make_error_code(errc::broken_chain));
  EXPECT_EQ(b.events.size(), 2U);
}

TEST(BoardSigners, TheStandbyKeyWithoutAHandoverBreaksTheChain) {
  chain c;
  board_record b(congress.public_part());
  ASSERT_TRUE(b.add(c.created()));
  EXPECT_FALSE(b.add(c.filler(standby)));
  EXPECT_EQ(b.events.size(), 1U);
  EXPECT_FALSE(b.signers.standby().has_value());
}

TEST(BoardSigners, AHandoverTheCongressKeyDidNotCertifyIsRefusedAndForgotten) {
  struct forged_case {
    const char* what;
    std::function<protocol::board_event(chain&)> make;
  };
  const std::vector<forged_case> cases{
      {"another key's certificate",
       [](chain& c) { return c.handover(stranger, standby.public_part(), 1, standby); }},
      {"another congress",
       [](chain& c) { return c.handover(congress, standby.public_part(), 1, standby, "other"); }},
      {"before its from_seq",
       [](chain& c) { return c.handover(congress, standby.public_part(), 5, standby); }},
      {"the congress key named as the standby's",
       [](chain& c) { return c.handover(congress, congress.public_part(), 1, congress); }},
      {"signed by the congress key, not the standby key it certifies",
       [](chain& c) { return c.handover(congress, standby.public_part(), 1, congress); }},
  };
  for (const auto& forged : cases) {
    chain c;
    board_record b(congress.public_part());
    ASSERT_TRUE(b.add(c.created()));
    EXPECT_FALSE(b.add(forged.make(c))) << forged.what;
    EXPECT_EQ(b.events.size(), 1U) << forged.what;
    EXPECT_FALSE(b.signers.standby().has_value()) << forged.what;
  }
}

TEST(BoardSigners, ASecondHandoverIsRefused) {
  chain c;
  board_record b(congress.public_part());
  ASSERT_TRUE(b.add(c.created()));
  ASSERT_TRUE(b.add(c.handover(congress, standby.public_part(), 1, standby)));
  EXPECT_FALSE(b.add(c.handover(congress, stranger.public_part(), 1, stranger)));
  EXPECT_EQ(*b.signers.standby(), standby.public_part());
}

TEST(BoardSigners, AReceiptVerifiesUnderTheSignerOfItsSeq) {
  chain c;
  std::vector<protocol::board_event> events{c.created(), c.filler(congress)};
  events.push_back(c.handover(congress, standby.public_part(), 2, standby));
  events.push_back(c.filler(standby));
  const board_record before = board_of({events[0], events[1]});
  const board_record after = board_of(events);
  crypto::digest32 code{};
  code.fill(7);
  auto receipt = [&](std::uint64_t seq, const crypto::secret_key& signer) {
    const auto& entry = events[seq].entry_hash;
    return protocol::receipt{code, seq, entry,
                             signer.sign(crypto::receipt_digest(code, seq, entry))};
  };
  EXPECT_TRUE(check_receipt(after.signers, receipt(1, congress), code));
  EXPECT_TRUE(check_receipt(after.signers, receipt(3, standby), code));
  // The congress key cannot sign for a seq from the handover on (a forked chain's receipt).
  EXPECT_EQ(check_receipt(after.signers, receipt(3, congress), code).error(),
            make_error_code(trust_errc::receipt_forged));
  // The standby answers a repeated ballot the primary stored before the handover with its own
  // key (the congress key is on the lost machine).
  EXPECT_TRUE(check_receipt(after.signers, receipt(1, standby), code));
  EXPECT_EQ(check_receipt(after.signers, receipt(1, stranger), code).error(),
            make_error_code(trust_errc::receipt_forged));
  // Before the board's handover is read, the standby's receipt is not relied on.
  EXPECT_EQ(check_receipt(before.signers, receipt(3, standby), code).error(),
            make_error_code(trust_errc::receipt_forged));
  EXPECT_EQ(check_receipt(congress.public_part(), receipt(3, standby), code).error(),
            make_error_code(trust_errc::receipt_forged));
}

}  // namespace
}  // namespace plenum::clients
