// A record after a standby took over (crypto/SPEC.md §6, "Who signs entry_hash"): the board
// signed by the congress key up to the server_handover and by the standby key it certifies from
// it on verifies, with plenum-verify too; a forged handover fails `signatures`.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <fstream>

#include "export/record_export.hpp"
#include "export/standby_certificate.hpp"
#include "plenum/crypto/board.hpp"
#include "plenum/protocol/events.hpp"
#include "plenum/protocol/record.hpp"
#include "record_suite.hpp"
#include "storage/event_log.hpp"

namespace plenum::verify_test {
namespace {

namespace json = boost::json;
namespace ev = protocol::events;
namespace storage = server::storage;

crypto::secret_key key_from(std::uint8_t fill) {
  crypto::byte_array<32> seed{};
  seed.fill(fill);
  return crypto::secret_key::from_seed(seed);
}

class handover_record : public record_suite<> {
 protected:
  // The index of the calendar that follows the sitting: the standby takes over just before it,
  // so the calendar and the proposal's handling after it are the standby's.
  static std::size_t takeover_index(const std::vector<protocol::board_event>& events) {
    return find_event(events, "calendar_set", [](const json::object&) { return true; });
  }

  // A server_handover to `standby_pk` from `from_seq`, certified by `certifier` for the
  // congress of the record (or `congress_id` when given).
  static protocol::board_event handover(const std::vector<protocol::board_event>& events,
                                        const crypto::secret_key& certifier,
                                        const crypto::public_key& standby_pk,
                                        std::uint64_t from_seq, std::string congress_id = "") {
    if (congress_id.empty())
      congress_id = std::string(payload_of(events.front()).at("congress_id").as_string());
    const auto digest = crypto::handover_digest(congress_id, sitting_->congress_key().public_part(),
                                                standby_pk, from_seq);
    protocol::board_event e;
    e.type = std::string(ev::server_handover::type);
    e.payload = protocol::encode_event_payload(ev::server_handover{
        standby_pk, from_seq, certifier.sign(digest), "主机断电", 1'800'000'000'000});
    return e;
  }

  // A copy named `name` with `inserted` at `at` and signed by the standby key from `standby_from`.
  static std::filesystem::path written(const std::string& name, protocol::board_event inserted,
                                       std::size_t at, std::size_t standby_from) {
    const auto dir = copy(name);
    auto events = read_events(dir);
    events.insert(events.begin() + static_cast<std::ptrdiff_t>(at), std::move(inserted));
    resign_and_write(dir, events, sitting_->congress_key(), standby_, standby_from);
    return dir;
  }

  static std::string signatures_detail(const clients::verify::verify_report& r) {
    const auto* c = r.find("signatures", "");
    return c == nullptr ? "" : c->detail;
  }

  static inline const crypto::secret_key standby_ = key_from(0x5b);
  static inline const crypto::secret_key stranger_ = key_from(0x77);
};

TEST_F(handover_record, TheStandbyKeyFromTheHandoverOnVerifies) {
  const auto events = read_events(clean_);
  const auto at = takeover_index(events);
  const auto dir =
      written("after-takeover",
              handover(events, sitting_->congress_key(), standby_.public_part(), at - 3), at, at);
  const auto r = verify(dir, options(sitting_->congress_key().public_part()));
  EXPECT_TRUE(r.passed()) << dump(r);
  EXPECT_NE(signatures_detail(r).find("before seq " + std::to_string(at) +
                                      ", from it on under the standby key"),
            std::string::npos)
      << dump(r);
  EXPECT_LT(at + 5, events.size());

  const auto out = sitting_->fresh_dir("after-takeover.txt");
  const std::string cmd = std::string(PLENUM_BINARY_DIR) + "/clients/src/verify/plenum-verify '" +
                          dir.string() + "' > '" + out.string() + "' 2>&1";
  const int status = std::system(cmd.c_str());
  std::ifstream in(out);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << text;
}

TEST_F(handover_record, ACertificateNotMadeByTheCongressKeyFails) {
  const auto events = read_events(clean_);
  const auto at = takeover_index(events);
  const auto r = verify(written("stranger-certificate",
                                handover(events, stranger_, standby_.public_part(), at), at, at));
  EXPECT_FALSE(r.find("signatures", "")->passed);
  EXPECT_NE(signatures_detail(r).find("seq " + std::to_string(at) +
                                      ": server_handover carries a certificate the congress "
                                      "key did not make"),
            std::string::npos)
      << dump(r);
}

TEST_F(handover_record, ACertificateForAnotherCongressFails) {
  const auto events = read_events(clean_);
  const auto at = takeover_index(events);
  const auto r = verify(written(
      "other-congress",
      handover(events, sitting_->congress_key(), standby_.public_part(), at, "another-congress"),
      at, at));
  EXPECT_NE(signatures_detail(r).find("certificate the congress key did not make"),
            std::string::npos)
      << dump(r);
}

TEST_F(handover_record, AHandoverBeforeItsCertifiedSeqFails) {
  const auto events = read_events(clean_);
  const auto at = takeover_index(events);
  const auto r = verify(
      written("early-handover",
              handover(events, sitting_->congress_key(), standby_.public_part(), at + 1), at, at));
  EXPECT_NE(signatures_detail(r).find("seq " + std::to_string(at) +
                                      ": server_handover comes "
                                      "before seq " +
                                      std::to_string(at + 1)),
            std::string::npos)
      << dump(r);
}

TEST_F(handover_record, TheStandbyKeyBeforeTheHandoverFails) {
  const auto events = read_events(clean_);
  const auto at = takeover_index(events);
  const auto r = verify(written(
      "standby-too-early",
      handover(events, sitting_->congress_key(), standby_.public_part(), at - 5), at, at - 2));
  const auto* c = r.find("signatures", "");
  EXPECT_FALSE(c->passed);
  EXPECT_EQ(c->failed, 2u) << dump(r);
  EXPECT_NE(c->detail.find("(seq " + std::to_string(at - 2) +
                           "): server signature does not "
                           "verify"),
            std::string::npos)
      << dump(r);
}

TEST_F(handover_record, TheStandbyKeyWithoutAHandoverFails) {
  const auto dir = copy("no-handover");
  auto events = read_events(dir);
  const auto at = takeover_index(events);
  resign_and_write(dir, events, sitting_->congress_key(), standby_, at);
  const auto r = verify(dir);
  EXPECT_FALSE(r.find("signatures", "")->passed);
  EXPECT_EQ(r.find("signatures", "")->failed, events.size() - at) << dump(r);
  EXPECT_FALSE(r.passed());
}

TEST_F(handover_record, ASecondHandoverFails) {
  const auto dir = copy("second-handover");
  auto events = read_events(dir);
  const auto at = takeover_index(events);
  const auto h = handover(events, sitting_->congress_key(), standby_.public_part(), at);
  events.insert(events.begin() + static_cast<std::ptrdiff_t>(at), h);
  events.insert(events.begin() + static_cast<std::ptrdiff_t>(at + 1), h);
  resign_and_write(dir, events, sitting_->congress_key(), standby_, at);
  const auto r = verify(dir);
  EXPECT_NE(signatures_detail(r).find("seq " + std::to_string(at + 1) +
                                      ": server_handover is a second handover (the first is at "
                                      "seq " +
                                      std::to_string(at) + ")"),
            std::string::npos)
      << dump(r);
}

TEST_F(handover_record, ACertificateMadeByCertifyStandbyCarriesTheTakeover) {
  auto c = server::certify_standby(sitting_->data_dir(), "", standby_.public_part());
  ASSERT_TRUE(c) << c.error().message;
  auto events = read_events(clean_);
  EXPECT_EQ(c->from_seq, events.size());
  EXPECT_EQ(c->congress_pk, sitting_->congress_key().public_part());
  EXPECT_NE(server::certificate_text(*c).find("\"from_seq\":" + std::to_string(events.size())),
            std::string::npos);
  protocol::board_event h;
  h.type = std::string(ev::server_handover::type);
  h.payload = protocol::encode_event_payload(
      ev::server_handover{c->standby_pk, c->from_seq, c->certificate, "主机断电", 1});
  const auto at = events.size();
  const auto r = verify(written("certified-takeover", h, at, at),
                        options(sitting_->congress_key().public_part()));
  EXPECT_TRUE(r.passed()) << dump(r);

  // The same certificate does not hold one seq earlier.
  const auto early = verify(written("certified-too-early", h, at - 1, at - 1));
  EXPECT_NE(signatures_detail(early).find("comes before seq " + std::to_string(at)),
            std::string::npos)
      << dump(early);

  auto itself =
      server::certify_standby(sitting_->data_dir(), "", sitting_->congress_key().public_part());
  ASSERT_FALSE(itself);
  EXPECT_NE(itself.error().message.find("the standby key given is the congress key"),
            std::string::npos);
}

// The standby machine holds only its own key, yet exports the receipts of the ballots cast
// before it took over: the PostgreSQL log keeps each receipt's signature (table receipts), here
// those of the clean record, which the congress key made.
TEST_F(handover_record, TheStandbyExportsTheReceiptsTheLogKeptForTheCongressKey) {
  std::vector<storage::stored_event> events;
  {
    auto log =
        storage::event_log::open(sitting_->data_dir() / "events.db", sitting_->congress_key());
    ASSERT_TRUE(log) << log.error().message;
    events = (*log)->snapshot();
  }
  server::record_export::kept_receipts kept;
  std::ifstream receipts(clean_ / protocol::record_receipts_file);
  for (std::string line; std::getline(receipts, line);) {
    auto r = protocol::parse_receipt_line(line);
    ASSERT_TRUE(r);
    kept.emplace(r->board_seq, r->sig);
  }
  ASSERT_FALSE(kept.empty()) << "the sitting's ballots";

  const auto congress_pk = sitting_->congress_key().public_part();
  auto created = protocol::decode_event_payload(events.front().type, events.front().payload);
  ASSERT_TRUE(created);
  const auto& congress_id = std::get<ev::congress_created>(*created).congress_id;
  const std::uint64_t at = events.size();
  storage::stored_event h;
  h.seq = at;
  h.prev_hash = events.back().entry_hash;
  h.type = std::string(ev::server_handover::type);
  h.payload = protocol::encode_event_payload(
      ev::server_handover{standby_.public_part(), at,
                          sitting_->congress_key().sign(crypto::handover_digest(
                              congress_id, congress_pk, standby_.public_part(), at)),
                          "主机断电", 1'800'000'000'000});
  h.entry_hash = crypto::entry_hash(h.seq, h.prev_hash, h.type, h.payload);
  h.signature = standby_.sign(h.entry_hash);
  events.push_back(h);

  const std::vector<crypto::secret_key> only_the_standby{standby_};
  const auto missing =
      server::record_export::missing_receipt_key(events, congress_pk, only_the_standby);
  ASSERT_TRUE(missing);
  EXPECT_NE(missing->find("was receipted by the congress key " + congress_pk.hex()),
            std::string::npos)
      << *missing;
  EXPECT_FALSE(server::record_export::write_record(events, congress_pk, only_the_standby,
                                                   sitting_->fresh_dir("no-receipts")));

  EXPECT_FALSE(
      server::record_export::missing_receipt_key(events, congress_pk, only_the_standby, kept));
  const auto dir = sitting_->fresh_dir("standby-export");
  std::filesystem::remove_all(dir);
  auto written =
      server::record_export::write_record(events, congress_pk, only_the_standby, dir, kept);
  ASSERT_TRUE(written) << written.error().message();
  EXPECT_EQ(written->receipts, kept.size());
  const auto r = verify(dir, options(congress_pk));
  EXPECT_TRUE(r.passed()) << dump(r);
}

}  // namespace
}  // namespace plenum::verify_test
