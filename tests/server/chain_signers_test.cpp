// Who signs a chain (crypto/SPEC.md §6, "Who signs entry_hash"): the congress key until a
// server_handover whose certificate the congress key made, the certified standby key from it
// on. Every forged handover is refused, naming its seq.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "plenum/crypto/board.hpp"
#include "plenum/protocol/events.hpp"
#include "storage/chain_check.hpp"
#include "storage/event_log.hpp"
#include "storage/sqlite_log_store.hpp"
#include "temp_dir.hpp"

namespace plenum::server::storage {
namespace {

namespace ev = protocol::events;

crypto::secret_key test_key(std::uint8_t fill) {
  crypto::byte_array<32> seed{};
  seed.fill(fill);
  return crypto::secret_key::from_seed(seed);
}

const crypto::secret_key congress = test_key(1);
const crypto::secret_key standby = test_key(2);
const crypto::secret_key stranger = test_key(3);
constexpr std::string_view congress_id = "township-congress";

// A chain written event by event, each signed by the key given.
class chain {
 public:
  void add(const protocol::congress_event& body, const crypto::secret_key& signer) {
    stored_event e;
    e.seq = events_.size();
    e.prev_hash = events_.empty() ? crypto::genesis_hash : events_.back().entry_hash;
    e.type = std::string(protocol::event_type(body));
    e.payload = protocol::encode_event_payload(body);
    e.entry_hash = crypto::entry_hash(e.seq, e.prev_hash, e.type, e.payload);
    e.signature = signer.sign(e.entry_hash);
    events_.push_back(std::move(e));
  }

  [[nodiscard]] const std::vector<stored_event>& events() const { return events_; }

  // Checks the chain under the congress key; the error's message, or "" when it checks.
  std::string check(chain_signers* signers = nullptr) const {
    chain_verifier verifier("test", congress.public_part());
    for (const auto& e : events_) {
      event_row row;
      row.seq = static_cast<std::int64_t>(e.seq);
      row.prev_hash = e.prev_hash;
      row.type = e.type;
      row.payload = e.payload;
      row.entry_hash = e.entry_hash;
      row.signature = e.signature.bytes();
      if (auto added = verifier.add(row); !added) return added.error().message;
    }
    if (signers != nullptr) *signers = verifier.signers();
    return "";
  }

 private:
  std::vector<stored_event> events_;
};

ev::congress_created created() {
  return ev::congress_created{std::string(congress_id), "第一届代表大会", "2026-01-01",
                              "2030-12-31"};
}

ev::activity_held some_event(const std::string& id) {
  return ev::activity_held{id, "走访完成", "SE", 1'800'000'000'000};
}

// The handover to `standby_pk`, certified from `from_seq` on by `certifier` for `id`.
ev::server_handover handover(const crypto::secret_key& certifier, std::uint64_t from_seq,
                             std::string_view id = congress_id,
                             const crypto::public_key& standby_pk = standby.public_part()) {
  const auto digest = crypto::handover_digest(id, congress.public_part(), standby_pk, from_seq);
  return ev::server_handover{standby_pk, from_seq, certifier.sign(digest), "主机断电",
                             1'800'000'000'000};
}

TEST(ChainSigners, TheCertifiedStandbySignsFromTheHandoverOn) {
  chain c;
  c.add(created(), congress);
  c.add(some_event("A1"), congress);
  c.add(handover(congress, 2), standby);
  c.add(some_event("A2"), standby);
  chain_signers signers;
  EXPECT_EQ(c.check(&signers), "");
  ASSERT_TRUE(signers.standby_key);
  EXPECT_EQ(*signers.standby_key, standby.public_part());
  EXPECT_EQ(signers.handover_seq, 2u);
  EXPECT_EQ(signers.congress_id, congress_id);
}

TEST(ChainSigners, ACertificateFromEarlierHoldsForALaterHandover) {
  chain c;
  c.add(created(), congress);
  c.add(some_event("A1"), congress);
  c.add(some_event("A2"), congress);
  c.add(handover(congress, 1), standby);
  EXPECT_EQ(c.check(), "");
}

TEST(ChainSigners, ACertificateNotMadeByTheCongressKeyIsRefused) {
  chain c;
  c.add(created(), congress);
  c.add(handover(stranger, 1), standby);
  c.add(some_event("A1"), standby);
  EXPECT_EQ(c.check(),
            "event log test: seq 1: the server_handover's certificate is not the "
            "congress key's");
}

TEST(ChainSigners, ACertificateForAnotherCongressIsRefused) {
  chain c;
  c.add(created(), congress);
  c.add(handover(congress, 1, "another-congress"), standby);
  EXPECT_NE(c.check().find("seq 1: the server_handover's certificate is not"), std::string::npos);
}

TEST(ChainSigners, AHandoverBeforeTheCertifiedSeqIsRefused) {
  chain c;
  c.add(created(), congress);
  c.add(handover(congress, 5), standby);
  EXPECT_EQ(c.check(),
            "event log test: seq 1: server_handover before seq 5, from which its "
            "certificate holds");
}

TEST(ChainSigners, TheStandbyKeyBeforeTheHandoverIsRefused) {
  chain c;
  c.add(created(), congress);
  c.add(some_event("A1"), standby);
  c.add(handover(congress, 1), standby);
  EXPECT_EQ(c.check(),
            "event log test: seq 1: the server signature does not verify under the "
            "congress key (no server_handover certifies another)");
}

TEST(ChainSigners, TheStandbyKeyWithoutAHandoverIsRefused) {
  chain c;
  c.add(created(), congress);
  c.add(some_event("A1"), congress);
  c.add(some_event("A2"), standby);
  EXPECT_NE(c.check().find("seq 2: the server signature does not verify"), std::string::npos);
}

TEST(ChainSigners, AHandoverSignedByTheCongressKeyIsRefused) {
  chain c;
  c.add(created(), congress);
  c.add(handover(congress, 1), congress);
  EXPECT_EQ(c.check(), "event log test: seq 1: the server signature does not verify");
}

TEST(ChainSigners, TheCongressKeyAfterTheHandoverIsRefused) {
  chain c;
  c.add(created(), congress);
  c.add(handover(congress, 1), standby);
  c.add(some_event("A1"), congress);
  EXPECT_EQ(c.check(), "event log test: seq 2: the server signature does not verify");
}

TEST(ChainSigners, ASecondHandoverIsRefused) {
  chain c;
  c.add(created(), congress);
  c.add(handover(congress, 1), standby);
  c.add(handover(congress, 1), standby);
  EXPECT_EQ(c.check(), "event log test: seq 2: a second server_handover (the first is at seq 1)");
}

TEST(ChainSigners, TheCongressKeyAsStandbyIsRefused) {
  chain c;
  c.add(created(), congress);
  c.add(handover(congress, 1, congress_id, congress.public_part()), congress);
  EXPECT_EQ(c.check(),
            "event log test: seq 1: server_handover names the congress key as the standby's");
}

// Writes `events` into a new SQLite log at `path`, as a store would have them.
void store_chain(const std::filesystem::path& path, const std::vector<stored_event>& events) {
  auto store = sqlite_log_store::open(path, std::chrono::milliseconds(1000));
  ASSERT_TRUE(store) << store.error().message;
  ASSERT_TRUE((*store)->prepare(congress.public_part()));
  std::vector<event_write> batch;
  const std::vector<private_detail_row> no_details;
  for (const auto& e : events) batch.push_back(event_write{&e, &no_details});
  ASSERT_TRUE((*store)->write(batch));
}

event_log_options quiet() {
  event_log_options o;
  o.log_error = [](std::string_view) {};
  return o;
}

TEST(ChainSigners, TheEventLogRefusesTheCongressKeyAfterAHandover) {
  chain c;
  c.add(created(), congress);
  c.add(handover(congress, 1), standby);
  c.add(some_event("A1"), standby);
  test::temp_dir dir;
  const auto path = dir.path() / "events.db";
  store_chain(path, c.events());
  auto log = event_log::open(path, congress, quiet());
  ASSERT_FALSE(log);
  EXPECT_EQ(log.error().code, make_error_code(errc::broken_chain));
  EXPECT_NE(log.error().message.find("this machine's key " + congress.public_part().hex() +
                                     " does not sign this log from seq 3: standby key " +
                                     standby.public_part().hex() +
                                     " signs it since the server_handover at seq 1"),
            std::string::npos)
      << log.error().message;
}

TEST(ChainSigners, TheEventLogOpensWithTheCertifiedStandbyKeyAfterAHandover) {
  chain c;
  c.add(created(), congress);
  c.add(handover(congress, 1), standby);
  test::temp_dir dir;
  const auto path = dir.path() / "events.db";
  store_chain(path, c.events());
  {
    auto log = event_log::open(path, standby, quiet());
    ASSERT_TRUE(log) << log.error().message;
    EXPECT_EQ((*log)->congress_public_key(), congress.public_part());
    EXPECT_EQ((*log)->signing_public_key(), standby.public_part());
    EXPECT_EQ((*log)->signers().handover_seq, 1u);
    auto next =
        (*log)->append("activity_held", protocol::encode_event_payload(some_event("A3")), {});
    ASSERT_TRUE(next);
    EXPECT_TRUE(standby.public_part().verify(next->entry_hash, next->signature));
    EXPECT_FALSE((*log)->flush());
  }
  EXPECT_TRUE(event_log::open(path, standby, quiet())) << "it reopens and verifies";
}

TEST(ChainSigners, TheEventLogRefusesAKeyThatDoesNotSignTheNextSeq) {
  chain c;
  c.add(created(), congress);
  c.add(some_event("A1"), congress);
  test::temp_dir dir;
  const auto path = dir.path() / "events.db";
  store_chain(path, c.events());
  for (const auto* key : {&standby, &stranger}) {
    auto log = event_log::open(path, *key, quiet());
    ASSERT_FALSE(log);
    EXPECT_NE(log.error().message.find("this machine's key " + key->public_part().hex() +
                                       " does not sign this log from seq 2: the congress key " +
                                       congress.public_part().hex() + " signs it"),
              std::string::npos)
        << log.error().message;
  }
}

TEST(ChainSigners, OpenWithHandoverAppendsAHandoverTheChainAccepts) {
  chain c;
  c.add(created(), congress);
  c.add(some_event("A1"), congress);
  c.add(some_event("A2"), congress);
  test::temp_dir dir;
  const auto path = dir.path() / "events.db";
  store_chain(path, c.events());
  {
    auto store = sqlite_log_store::open(path, std::chrono::milliseconds(1000));
    ASSERT_TRUE(store);
    auto log =
        event_log::open_with_handover(std::move(*store), standby, handover(congress, 2), quiet());
    ASSERT_TRUE(log) << log.error().message;
    EXPECT_EQ((*log)->signers().handover_seq, 3u);
    EXPECT_EQ((*log)->head().length, 4u) << "the handover is durable";
    ASSERT_TRUE(
        (*log)->append("activity_held", protocol::encode_event_payload(some_event("A3")), {}));
    EXPECT_FALSE((*log)->flush());
  }
  // The stored chain passes the verifier as it is: the handover at seq 3, A3 at 4.
  auto reopened = event_log::open(path, standby, quiet());
  ASSERT_TRUE(reopened) << reopened.error().message;
  const auto& events = (*reopened)->events();
  ASSERT_EQ(events.size(), 5u);
  EXPECT_EQ(events[3].type, "server_handover");
  for (std::size_t seq = 3; seq < 5; ++seq)
    EXPECT_TRUE(standby.public_part().verify(events[seq].entry_hash, events[seq].signature));
  EXPECT_FALSE(event_log::open(path, congress, quiet()));
}

TEST(ChainSigners, OpenWithHandoverRefusesAHandoverTheChainWouldNotAcceptAndWritesNothing) {
  chain c;
  c.add(created(), congress);
  c.add(some_event("A1"), congress);
  test::temp_dir dir;
  const auto path = dir.path() / "events.db";
  store_chain(path, c.events());
  struct refusal {
    ev::server_handover handover;
    const crypto::secret_key* key;
    std::string reason;
  };
  const std::vector<refusal> refusals{
      {handover(stranger, 1), &standby,
       "seq 2: the server_handover's certificate is not the "
       "congress key's"},
      {handover(congress, 1, "another-congress"), &standby,
       "seq 2: the server_handover's certificate is not the congress key's"},
      {handover(congress, 3), &standby, "seq 2: server_handover before seq 3"},
      {handover(congress, 1), &stranger,
       "seq 2: the server_handover names standby key " + standby.public_part().hex() +
           ", not this machine's key " + stranger.public_part().hex()},
  };
  for (const auto& r : refusals) {
    auto store = sqlite_log_store::open(path, std::chrono::milliseconds(1000));
    ASSERT_TRUE(store);
    auto log = event_log::open_with_handover(std::move(*store), *r.key, r.handover, quiet());
    ASSERT_FALSE(log) << r.reason;
    EXPECT_EQ(log.error().code, make_error_code(errc::broken_chain));
    EXPECT_NE(log.error().message.find(r.reason), std::string::npos) << log.error().message;
  }
  auto unchanged = event_log::open(path, congress, quiet());
  ASSERT_TRUE(unchanged) << unchanged.error().message;
  EXPECT_EQ((*unchanged)->events().size(), 2u);
}

TEST(ChainSigners, OpenWithHandoverRefusesASecondHandover) {
  chain c;
  c.add(created(), congress);
  c.add(handover(congress, 1), standby);
  test::temp_dir dir;
  const auto path = dir.path() / "events.db";
  store_chain(path, c.events());
  auto store = sqlite_log_store::open(path, std::chrono::milliseconds(1000));
  ASSERT_TRUE(store);
  auto log =
      event_log::open_with_handover(std::move(*store), standby, handover(congress, 1), quiet());
  ASSERT_FALSE(log);
  EXPECT_NE(log.error().message.find("the log already holds a server_handover, at seq 1"),
            std::string::npos)
      << log.error().message;
}

}  // namespace
}  // namespace plenum::server::storage
