// The verifier on a real exported sitting: a clean record passes every check; each kind of
// tampering of the issue makes it fail and names the check that broke, both when the tamperer
// cannot sign (the chain breaks) and when a malicious server re-signs the whole chain with the
// congress key (the deeper checks catch it).
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>

#include <boost/json/serialize.hpp>
#include <cstdio>
#include <fstream>
#include <functional>
#include <memory>

#include "domain_fixture.hpp"
#include "export/record_export.hpp"
#include "plenum/clients/sheet/fingerprint.hpp"
#include "plenum/clients/sheet/from_record.hpp"
#include "plenum/clients/verify/verifier.hpp"
#include "plenum/crypto/random.hpp"
#include "plenum/crypto/roster_tree.hpp"
#include "plenum/protocol/events.hpp"
#include "plenum/protocol/record.hpp"
#include "plenum/protocol/rules.hpp"
#include "record_suite.hpp"

namespace plenum::verify_test {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;
using clients::verify::verify_report;

class verify_case : public record_suite<> {};

TEST_F(verify_case, CleanRecordPassesEveryCheck) {
  const auto r = verify(clean_);
  EXPECT_TRUE(r.passed()) << dump(r);
  for (const auto& [name, subject, count] :
       std::vector<std::tuple<std::string, std::string, std::uint64_t>>{
           {"ballots", "v1", 9},
           {"ballots", "v2", 9},
           {"receipts", "v1", 9},
           {"checkins", "s1", 9},
           {"enrollments", "", 18},  // every device of the congress proved its key
           {"ceremony", "s1", 7},    // 3 messages, the keys, 3 confirmations
           {"tally", "v1", 5},       // 2 partials and 3 counts
           {"outcome", "v2", 1},
           {"result", "v1", 1},
           {"signers", "v1", 3},  // S1, S2 and the chair's announcement
           {"signers", "v2", 1}}) {
    const auto* c = r.find(name, subject);
    ASSERT_NE(c, nullptr) << name << " " << subject << "\n" << dump(r);
    EXPECT_TRUE(c->passed);
    EXPECT_EQ(c->count, count) << name << " " << subject;
  }
  for (const auto* name : {"chain", "signatures", "head", "events"}) {
    const auto* c = r.find(name);
    ASSERT_NE(c, nullptr) << name;
    EXPECT_TRUE(c->passed) << name;
  }
  EXPECT_TRUE(r.find("roster", "v1")->passed);
  EXPECT_TRUE(r.find("attendance", "s1")->passed);
  EXPECT_EQ(clients::verify::format_check(*r.find("ballots", "v1"))
                .rfind("PASS ballots v1: 9 verified", 0),
            0u);
}

// A record may be exported at any moment: a ceremony still under way that no vote used is
// reported as unfinished, its messages so far checked, and nothing about it fails.
TEST_F(verify_case, RecordExportedDuringTheCeremonyPasses) {
  const auto all = read_events(clean_);
  const auto keygen = [&](std::uint64_t index) {
    return find_event(all, "keygen_submitted", [index](const json::object& p) {
      return p.at("index").to_number<std::uint64_t>() == index;
    });
  };
  const auto confirmed = find_event(all, "keys_confirmed", [](const json::object& p) {
    return p.at("index").to_number<std::uint64_t>() == 2;
  });
  const std::vector<std::pair<std::size_t, std::string>> cuts = {
      {keygen(2), "2 of 3 keygen messages, 0 of 3 confirmations"},
      {keygen(3), "3 of 3 keygen messages, 0 of 3 confirmations"},
      {confirmed, "3 of 3 keygen messages, 2 of 3 confirmations"}};
  for (const auto& [last, expected] : cuts) {
    const auto dir = copy("ceremony-" + std::to_string(last));
    resign_and_write(dir, {all.begin(), all.begin() + static_cast<std::ptrdiff_t>(last) + 1},
                     sitting_->congress_key());
    const auto r = verify(dir);
    EXPECT_TRUE(r.passed()) << dump(r);
    const auto* c = r.find("ceremony", "s1");
    ASSERT_NE(c, nullptr) << dump(r);
    EXPECT_TRUE(c->passed);
    EXPECT_NE(c->detail.find("unfinished"), std::string::npos) << c->detail;
    EXPECT_NE(c->detail.find(expected), std::string::npos) << c->detail;
  }
  // A forged confirmation in an unfinished ceremony still fails.
  auto events = std::vector<protocol::board_event>(
      all.begin(), all.begin() + static_cast<std::ptrdiff_t>(confirmed) + 1);
  auto p = payload_of(events[confirmed]);
  std::string sig(p.at("signature").as_string());
  sig[0] = sig[0] == '0' ? '1' : '0';
  p["signature"] = sig;
  set_payload(events[confirmed], p);
  const auto dir = copy("ceremony-forged");
  resign_and_write(dir, events, sitting_->congress_key());
  expect_fails(verify(dir), {"ceremony", "s1"});
}

TEST_F(verify_case, ForgedPossessionSignatureFailsTheEnrollments) {
  auto events = read_events(clean_);
  const auto i = find_event(events, "device_enrolled");
  auto p = payload_of(events[i]);
  std::string sig(p.at("possession").as_string());
  sig[0] = sig[0] == '0' ? '1' : '0';
  p["possession"] = sig;
  set_payload(events[i], p);
  const auto dir = copy("forged-possession");
  resign_and_write(dir, events, sitting_->congress_key());
  expect_fails(verify(dir), "enrollments");
}

TEST_F(verify_case, CleanRecordChecksEveryProposalEvent) {
  const auto r = verify(clean_);
  const auto* c = r.find("proposals", "");
  ASSERT_NE(c, nullptr) << dump(r);
  EXPECT_TRUE(c->passed) << dump(r);
  // The calendar, the submission, the acceptance, two answers and two ratings.
  EXPECT_EQ(c->count, 7u);
  EXPECT_NE(c->detail.find("followed 1:"), std::string::npos) << c->detail;
}

TEST_F(verify_case, RatingBySomeoneOtherThanTheProposerFailsTheProposals) {
  auto events = read_events(clean_);
  const auto i = find_event(events, "proposal_rated");
  auto p = payload_of(events[i]);
  p["by"] = "D003";  // the co-signer, not the proposer
  set_payload(events[i], p);
  const auto dir = copy("proposal-rated-by-another");
  resign_and_write(dir, events, sitting_->congress_key());
  expect_fails(verify(dir), "proposals");
}

TEST_F(verify_case, AnAnswerBeforeAcceptanceFailsTheProposals) {
  auto events = read_events(clean_);
  const auto accepted = find_event(events, "proposal_accepted");
  events.erase(events.begin() + static_cast<std::ptrdiff_t>(accepted));
  const auto dir = copy("proposal-answered-unaccepted");
  resign_and_write(dir, events, sitting_->congress_key());
  expect_fails(verify(dir), "proposals");
}

TEST_F(verify_case, EnrollmentWithoutPossessionIsReportedNotFailed) {
  auto events = read_events(clean_);
  const auto i = find_event(events, "device_enrolled");
  auto p = payload_of(events[i]);
  p.erase("possession");
  set_payload(events[i], p);
  // Cut after it: a changed early event would change every later result digest.
  events.resize(i + 1);
  const auto dir = copy("no-possession");
  resign_and_write(dir, events, sitting_->congress_key());
  const auto r = verify(dir);
  EXPECT_TRUE(r.passed()) << dump(r);
  const auto* c = r.find("enrollments", "");
  ASSERT_NE(c, nullptr);
  EXPECT_NE(c->detail.find("1 without the device's possession signature"), std::string::npos)
      << c->detail;
}

TEST_F(verify_case, ExportHasReadmeAndResults) {
  for (auto name :
       {protocol::record_readme_file, protocol::record_results_file, protocol::record_header_file,
        protocol::record_events_file, protocol::record_receipts_file})
    EXPECT_TRUE(fs::exists(clean_ / name)) << name;
  std::ifstream csv(clean_ / protocol::record_results_file);
  std::string text((std::istreambuf_iterator<char>(csv)), std::istreambuf_iterator<char>());
  EXPECT_NE(text.find("v1,关于党委工作报告的决议,motion,"), std::string::npos) << text;
  EXPECT_NE(text.find(",for,赞成,6\n"), std::string::npos) << text;
  // Exporting into a directory that is not empty is refused.
  EXPECT_FALSE(server::record_export::export_data_dir(sitting_->data_dir(), clean_));
}

TEST_F(verify_case, PinnedCongressKeyMustMatch) {
  auto rec = clients::verify::load_record(clean_);
  ASSERT_TRUE(rec);
  crypto::seeded_random random("another key");
  const auto other = crypto::secret_key::generate(random).public_part();
  auto r = clients::verify::verify_record(*rec, options(other));
  expect_fails(r, "congress");
  EXPECT_TRUE(clients::verify::verify_record(*rec, options(rec->header.congress_pk)).passed());
}

// Edit a ballot: change one ciphertext of a cast ballot.
json::object edited_ballot_payload(const protocol::board_event& e) {
  auto p = payload_of(e);
  auto& option = p.at("ballot").at("contests").at(0).at("options").at(0).as_object();
  option["beta"] = crypto::point::generator().hex();
  return p;
}

TEST_F(verify_case, EditedBallotBreaksTheChain) {
  const auto dir = copy("edit-ballot");
  auto events = read_events(dir);
  auto& e = events[find_event(events, "ballot_accepted")];
  set_payload(e, edited_ballot_payload(e));
  write_events(dir, events);
  expect_fails(verify(dir), "chain");
}

TEST_F(verify_case, EditedBallotResignedFailsItsProof) {
  const auto dir = copy("edit-ballot-resigned");
  auto events = read_events(dir);
  auto& e = events[find_event(events, "ballot_accepted")];
  set_payload(e, edited_ballot_payload(e));
  resign_and_write(dir, events, sitting_->congress_key());
  const auto r = verify(dir);
  EXPECT_TRUE(r.find("chain")->passed);
  expect_fails(r, {"ballots", "v1"});
  EXPECT_NE(r.find("ballots", "v1")->detail.find("bad_option_proof"), std::string::npos);
}

TEST_F(verify_case, DroppedEventBreaksTheChain) {
  const auto dir = copy("drop");
  auto events = read_events(dir);
  events.erase(events.begin() + static_cast<long>(find_event(events, "ballot_accepted")));
  write_events(dir, events);
  expect_fails(verify(dir), "chain");
}

TEST_F(verify_case, DroppedCheckinResignedFailsTheBallot) {
  const auto dir = copy("drop-resigned");
  auto events = read_events(dir);
  const auto i = find_event(events, "checked_in", [](const json::object& p) {
    return p.at("person").as_string() == "D001";
  });
  events.erase(events.begin() + static_cast<long>(i));
  resign_and_write(dir, events, sitting_->congress_key());
  const auto r = verify(dir);
  EXPECT_TRUE(r.find("chain")->passed);
  expect_fails(r, {"ballots", "v1"});
  expect_fails(r, {"attendance", "s1"});
}

TEST_F(verify_case, ReorderedEventsBreakTheChain) {
  const auto dir = copy("reorder");
  auto events = read_events(dir);
  const auto i = find_event(events, "ballot_accepted");
  std::swap(events[i], events[i + 1]);
  write_events(dir, events);
  expect_fails(verify(dir), "chain");
}

TEST_F(verify_case, ReorderedResignedCheckinAfterBallotFails) {
  const auto dir = copy("reorder-resigned");
  auto events = read_events(dir);
  // Move D001's check-in after D001's first ballot.
  const auto checkin = find_event(events, "checked_in", [](const json::object& p) {
    return p.at("person").as_string() == "D001";
  });
  const auto moved = events[checkin];
  events.erase(events.begin() + static_cast<long>(checkin));
  const auto ballot = find_event(events, "ballot_accepted", [](const json::object& p) {
    return p.at("person").as_string() == "D001";
  });
  events.insert(events.begin() + static_cast<long>(ballot) + 1, moved);
  resign_and_write(dir, events, sitting_->congress_key());
  const auto r = verify(dir);
  EXPECT_TRUE(r.find("chain")->passed);
  expect_fails(r, {"ballots", "v1"});
  EXPECT_NE(r.find("ballots", "v1")->detail.find("no valid check-in before casting"),
            std::string::npos);
}

TEST_F(verify_case, SwappedPartialDecryptionsFailTheTally) {
  const auto dir = copy("swap-partials");
  auto events = read_events(dir);
  auto is_v1 = [](const json::object& p) { return p.at("vote_id").as_string() == "v1"; };
  const auto a = find_event(events, "partial_submitted", is_v1);
  std::size_t b = a + 1;
  while (b < events.size() && events[b].type != "partial_submitted") ++b;
  ASSERT_LT(b, events.size());
  auto pa = payload_of(events[a]);
  auto pb = payload_of(events[b]);
  // Each partial now claims to be the other scrutineer's.
  std::swap(pa["partial"], pb["partial"]);
  pa["partial"].as_object()["index"] = pa.at("index");
  pb["partial"].as_object()["index"] = pb.at("index");
  set_payload(events[a], pa);
  set_payload(events[b], pb);
  resign_and_write(dir, events, sitting_->congress_key());
  const auto r = verify(dir);
  EXPECT_TRUE(r.find("chain")->passed);
  expect_fails(r, {"tally", "v1"});
  EXPECT_NE(r.find("tally", "v1")->detail.find("does not verify"), std::string::npos);
}

TEST_F(verify_case, ChangedCountFailsTheResult) {
  const auto dir = copy("count");
  auto events = read_events(dir);
  const auto i = find_event(events, "vote_decided", [](const json::object& p) {
    return p.at("vote_id").as_string() == "v1";
  });
  auto p = payload_of(events[i]);
  auto& counts = p["counts"].as_array();
  counts[0] = 5;
  counts[1] = 3;
  set_payload(events[i], p);
  write_events(dir, events);
  expect_fails(verify(dir), "chain");
  resign_and_write(dir, events, sitting_->congress_key());
  const auto r = verify(dir);
  EXPECT_TRUE(r.find("chain")->passed);
  expect_fails(r, {"result", "v1"});
  EXPECT_NE(r.find("result", "v1")->detail.find("not the decryption"), std::string::npos);
}

TEST_F(verify_case, ChangedRuleFailsTheOutcome) {
  const auto dir = copy("rule");
  auto events = read_events(dir);
  const auto other = protocol::rule_text(protocol::decision_rule::motion_two_thirds_of_seated());
  for (auto type : {"vote_created", "vote_decided"}) {
    const auto i = find_event(
        events, type, [](const json::object& p) { return p.at("vote_id").as_string() == "v1"; });
    auto p = payload_of(events[i]);
    p["rule"] = other;
    set_payload(events[i], p);
  }
  resign_and_write(dir, events, sitting_->congress_key());
  const auto r = verify(dir);
  EXPECT_TRUE(r.find("chain")->passed);
  expect_fails(r, {"outcome", "v1"});
}

TEST_F(verify_case, CleanRecordCountsTheResultSignatures) {
  const auto r = verify(clean_);
  const auto* v1 = r.find("signers", "v1");
  ASSERT_NE(v1, nullptr) << dump(r);
  EXPECT_NE(v1->detail.find("2 of 2 scrutineers who decrypted signed"), std::string::npos)
      << v1->detail;
  EXPECT_NE(v1->detail.find("announced by CH"), std::string::npos) << v1->detail;
  EXPECT_NE(r.find("signers", "v2")->detail.find("1 of 2"), std::string::npos);
  EXPECT_NE(r.find("signers", "v2")->detail.find("not announced"), std::string::npos);
}

// A scrutineer's signature on v1's result replaced by one over another digest, made with a key
// the tamperer holds and the record names as S1's.
TEST_F(verify_case, ForgedScrutineerSignatureFailsTheSigners) {
  const auto dir = copy("forge-result-signature");
  auto events = read_events(dir);
  const auto i = find_event(events, "result_signed", [](const json::object& p) {
    return p.at("vote_id").as_string() == "v1" && p.at("person").as_string() == "S1";
  });
  auto p = payload_of(events[i]);
  p["signature"] = server::domain::test::congress::make_key("S1").sign(crypto::digest32{}).hex();
  set_payload(events[i], p);
  resign_and_write(dir, events, sitting_->congress_key());
  const auto r = verify(dir);
  EXPECT_TRUE(r.find("chain")->passed);
  EXPECT_TRUE(r.find("result", "v1")->passed) << dump(r);
  expect_fails(r, {"signers", "v1"});
  EXPECT_NE(r.find("signers", "v1")->detail.find("scrutineer 1 (S1): signature does not verify"),
            std::string::npos)
      << r.find("signers", "v1")->detail;
}

// The announcement of v1 re-made by a delegate's key that signs the right digest.
TEST_F(verify_case, AnnouncementByANonChairKeyFailsTheSigners) {
  const auto dir = copy("announce-non-chair");
  auto events = read_events(dir);
  const auto i = find_event(events, "result_announced", [](const json::object& p) {
    return p.at("vote_id").as_string() == "v1";
  });
  const auto decided = find_event(events, "vote_decided", [](const json::object& p) {
    return p.at("vote_id").as_string() == "v1";
  });
  const auto digest =
      *crypto::from_hex_fixed<32>(payload_of(events[decided]).at("result_digest").as_string());
  const auto d001 = server::domain::test::congress::make_key("D001");
  auto p = payload_of(events[i]);
  p["person"] = "D001";
  p["signer_pk"] = d001.public_part().hex();
  p["signature"] = d001.sign(digest).hex();
  set_payload(events[i], p);
  resign_and_write(dir, events, sitting_->congress_key());
  const auto r = verify(dir);
  EXPECT_TRUE(r.find("chain")->passed);
  expect_fails(r, {"signers", "v1"});
  EXPECT_NE(r.find("signers", "v1")->detail.find("not signed by the current key of a chair"),
            std::string::npos)
      << r.find("signers", "v1")->detail;
  // The chair's key with the chair's name but a signer_pk that is not the chair's fails too.
  p["person"] = "CH";
  set_payload(events[i], p);
  resign_and_write(dir, events, sitting_->congress_key());
  expect_fails(verify(dir), {"signers", "v1"});
}

// An announcement without a decrypting scrutineer's signature: S2's result_signed dropped.
TEST_F(verify_case, AnnouncementWithoutEverySignatureFailsTheSigners) {
  const auto dir = copy("announce-unsigned");
  auto events = read_events(dir);
  const auto i = find_event(events, "result_signed", [](const json::object& p) {
    return p.at("vote_id").as_string() == "v1" && p.at("person").as_string() == "S2";
  });
  events.erase(events.begin() + static_cast<long>(i));
  resign_and_write(dir, events, sitting_->congress_key());
  const auto r = verify(dir);
  EXPECT_TRUE(r.find("chain")->passed);
  expect_fails(r, {"signers", "v1"});
  EXPECT_NE(r.find("signers", "v1")->detail.find("announced before scrutineer 2 signed"),
            std::string::npos)
      << r.find("signers", "v1")->detail;
}

TEST_F(verify_case, ForgedCheckinFailsTheCheckins) {
  const auto dir = copy("forge-checkin");
  auto events = read_events(dir);
  // D010 never came; the server invents a check-in for D010 after D008's.
  const auto i = find_event(events, "checked_in", [](const json::object& p) {
    return p.at("person").as_string() == "D008";
  });
  auto forged = events[i];
  auto p = payload_of(forged);
  crypto::seeded_random random("forger");
  const auto forger = crypto::secret_key::generate(random);
  p["person"] = "D010";
  p["device_pk"] = server::domain::test::congress::make_key("D010").public_part().hex();
  p["signature"] = forger.sign(crypto::digest32{}).hex();
  set_payload(forged, p);
  events.insert(events.begin() + static_cast<long>(i) + 1, forged);
  resign_and_write(dir, events, sitting_->congress_key());
  const auto r = verify(dir);
  EXPECT_TRUE(r.find("chain")->passed);
  expect_fails(r, {"checkins", "s1"});
  EXPECT_NE(r.find("checkins", "s1")->detail.find("D010"), std::string::npos);
}

// An edit of the events that changes v1's vote_roster by `forge(payload, its keys)`.
template <typename Forge>
std::function<void(std::vector<protocol::board_event>&)> forge_roster(Forge forge) {
  return [forge](std::vector<protocol::board_event>& events) {
    const auto i = find_event(events, "vote_roster", [](const json::object& p) {
      return p.at("vote_id").as_string() == "v1";
    });
    auto p = payload_of(events[i]);
    std::vector<crypto::public_key> keys;
    for (const auto& k : p.at("roster").as_array())
      keys.push_back(*crypto::public_key::from_hex(k.as_string().c_str()));
    forge(p, keys);
    set_payload(events[i], p);
  };
}

json::array key_list(const std::vector<crypto::public_key>& keys) {
  json::array out;
  for (const auto& k : keys) out.emplace_back(k.hex());
  return out;
}

TEST_F(verify_case, RecordOfFormatTwoCarriesTheRosterApart) {
  const auto events = read_events(clean_);
  const auto roster = find_event(events, "vote_roster", [](const json::object& p) {
    return p.at("vote_id").as_string() == "v1";
  });
  const auto opened = payload_of(events[roster + 1]);
  EXPECT_EQ(opened.at("format").to_number<int>(), 2);
  EXPECT_FALSE(opened.contains("roster"));
  EXPECT_EQ(opened.at("roster_seq").to_number<std::size_t>(), roster);
  EXPECT_TRUE(verify(clean_).find("roster", "v1")->passed);
}

TEST_F(verify_case, ReplacedRosterFailsTheRoster) {
  // A key replaced by an outsider's, with the hash and root made over the forged list.
  const auto r = tampered("roster", forge_roster([](json::object& p, auto& keys) {
                            crypto::seeded_random random("outsider");
                            keys.back() = crypto::secret_key::generate(random).public_part();
                            std::sort(keys.begin(), keys.end());
                            p["roster"] = key_list(keys);
                            p["roster_hash"] = crypto::to_hex(crypto::roster_hash(keys));
                            p["roster_root"] = crypto::to_hex(*crypto::roster_root(keys));
                          }));
  EXPECT_TRUE(r.find("chain")->passed);
  expect_fails(r, {"roster", "v1"});
  EXPECT_NE(r.find("roster", "v1")->detail.find("roster keys are not"), std::string::npos);
}

TEST_F(verify_case, AddedKeyOrChangedRootOfTheRosterFails) {
  const auto added = tampered("roster-added", forge_roster([](json::object& p, auto& keys) {
                                crypto::seeded_random random("added");
                                keys.push_back(crypto::secret_key::generate(random).public_part());
                                std::sort(keys.begin(), keys.end());
                                p["roster"] = key_list(keys);
                              }));
  expect_fails(added, {"roster", "v1"});
  EXPECT_NE(added.find("roster", "v1")->detail.find("vote_roster's roster_hash is not"),
            std::string::npos)
      << added.find("roster", "v1")->detail;
  const auto root = tampered("roster-root", forge_roster([](json::object& p, auto&) {
                               p["roster_root"] = crypto::to_hex(crypto::digest32{});
                             }));
  expect_fails(root, {"roster", "v1"});
  EXPECT_NE(root.find("roster", "v1")->detail.find("vote_roster's roster_root is not"),
            std::string::npos)
      << root.find("roster", "v1")->detail;
}

TEST_F(verify_case, ForgedReceiptFails) {
  const auto dir = copy("receipt");
  std::ifstream in(dir / protocol::record_receipts_file);
  std::string first;
  std::getline(in, first);
  std::string rest((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  in.close();
  auto r0 = protocol::parse_receipt_line(first);
  ASSERT_TRUE(r0);
  r0->board_seq += 1;
  std::ofstream out(dir / protocol::record_receipts_file, std::ios::trunc);
  out << protocol::receipt_line(*r0) << "\n" << rest;
  out.close();
  expect_fails(verify(dir), {"receipts", "v1"});
}

// An event the decoder refuses (here an unknown member, re-signed so the chain holds) fails the
// events check, naming its seq, its type, the member and the reason.
TEST_F(verify_case, RefusedEventIsNamedWithItsSeqAndReason) {
  const auto dir = copy("refused-event");
  auto events = read_events(dir);
  const auto i = find_event(events, "vote_closed");
  auto p = payload_of(events[i]);
  p["ballots_extra"] = 1;
  set_payload(events[i], p);
  resign_and_write(dir, events, sitting_->congress_key());
  const auto r = verify(dir);
  EXPECT_TRUE(r.find("chain")->passed);
  expect_fails(r, "events");
  const std::string expected =
      "seq " + std::to_string(events[i].seq) + " (vote_closed): ballots_extra";
  EXPECT_NE(r.find("events")->detail.find(expected), std::string::npos) << r.find("events")->detail;
}

TEST_F(verify_case, MalformedLineIsNamed) {
  const auto dir = copy("malformed");
  std::ofstream(dir / protocol::record_events_file, std::ios::app) << "{\"seq\":1}\n";
  auto rec = clients::verify::load_record(dir);
  ASSERT_FALSE(rec);
  EXPECT_NE(rec.error().field.find("events.jsonl:"), std::string::npos) << rec.error().message();
}

int run_verifier(const fs::path& dir, const fs::path& output) {
  const std::string cmd = std::string(PLENUM_BINARY_DIR) + "/clients/src/verify/plenum-verify '" +
                          dir.string() + "' --threads 2 > '" + output.string() + "' 2>&1";
  const int status = std::system(cmd.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST_F(verify_case, CommandLineExitStatus) {
  const auto out = sitting_->fresh_dir("cli-output.txt");
  EXPECT_EQ(run_verifier(clean_, out), 0);
  std::ifstream in(out);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(text.find("PASS ballots v1: 9 verified"), std::string::npos) << text;
  EXPECT_NE(text.find("RECORD VERIFIED"), std::string::npos) << text;

  const auto dir = copy("cli-tampered");
  auto events = read_events(dir);
  events.pop_back();
  write_events(dir, events);
  EXPECT_EQ(run_verifier(dir, out), 1);
  std::ifstream in2(out);
  std::string text2((std::istreambuf_iterator<char>(in2)), std::istreambuf_iterator<char>());
  EXPECT_NE(text2.find("FAIL head"), std::string::npos) << text2;
  EXPECT_EQ(run_verifier(sitting_->fresh_dir("missing"), out), 2);
}

// The result sheet of a vote from the exported record: the signers' keys and the announcement,
// as data and through plenum-sheet --record.
TEST_F(verify_case, ResultSheetFromTheRecord) {
  auto rec = clients::verify::load_record(clean_);
  ASSERT_TRUE(rec);
  auto v1 = clients::sheet::vote_sheet_from_record(rec->events, rec->header.congress_pk, "v1");
  ASSERT_TRUE(v1) << v1.error().message();
  using clients::sheet::signer_role;
  ASSERT_EQ(v1->signers.size(), 4u);
  EXPECT_EQ(v1->signers[0].role, signer_role::server);
  EXPECT_EQ(v1->signers[0].key, rec->header.congress_pk);
  EXPECT_EQ(v1->signers[1].role, signer_role::scrutineer);
  EXPECT_EQ(v1->signers[2].role, signer_role::scrutineer);
  EXPECT_EQ(v1->signers[3].role, signer_role::chair);
  EXPECT_EQ(v1->signers[3].key, server::domain::test::congress::make_key("CH").public_part());
  EXPECT_TRUE(v1->announced);
  const auto decided = find_event(rec->events, "vote_decided", [](const json::object& p) {
    return p.at("vote_id").as_string() == "v1";
  });
  EXPECT_EQ(v1->result_digest, payload_of(rec->events[decided]).at("result_digest").as_string());
  auto v2 = clients::sheet::vote_sheet_from_record(rec->events, rec->header.congress_pk, "v2");
  ASSERT_TRUE(v2) << v2.error().message();
  EXPECT_EQ(v2->signers.size(), 2u);
  EXPECT_FALSE(v2->announced);
  EXPECT_EQ(
      clients::sheet::vote_sheet_from_record(rec->events, rec->header.congress_pk, "v9").error(),
      errc::unknown_vote);

  const auto pdf = sitting_->fresh_dir("v1.pdf");
  const auto text = sitting_->fresh_dir("v1.txt");
  const std::string cmd = std::string(PLENUM_BINARY_DIR) +
                          "/clients/src/sheet/plenum-sheet --record '" + clean_.string() +
                          "' --vote v1 '" + pdf.string() + "' && pdftotext -enc UTF-8 '" +
                          pdf.string() + "' '" + text.string() + "'";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  std::ifstream in(text);
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::string compact;
  for (char c : content)
    if (c != ' ' && c != '\n') compact.push_back(c);
  EXPECT_NE(compact.find("结果状态：已宣布"), std::string::npos) << content;
  std::string ch = clients::sheet::fingerprint(v1->signers[3].key);
  ch.erase(std::remove(ch.begin(), ch.end(), ' '), ch.end());
  EXPECT_NE(compact.find(ch), std::string::npos) << content;
}

// The summary sheet of a sitting from the exported record: attendance counted from the roster,
// the excusals and the check-ins, every decided vote; as data and through plenum-sheet --record
// --sitting.
TEST_F(verify_case, SittingSheetFromTheRecord) {
  auto rec = clients::verify::load_record(clean_);
  ASSERT_TRUE(rec);
  const auto& pk = rec->header.congress_pk;
  auto s1 = clients::sheet::sitting_sheet_from_record(rec->events, pk, "s1");
  ASSERT_TRUE(s1) << s1.error().message();
  EXPECT_EQ(
      s1->header.sitting,
      payload_of(rec->events[find_event(rec->events, "sitting_created")]).at("title").as_string());
  EXPECT_EQ(s1->attendance.roster, 10u);
  EXPECT_EQ(s1->attendance.excused, 0u);
  EXPECT_EQ(s1->attendance.seated, 10u);
  EXPECT_EQ(s1->attendance.present, 9u);
  ASSERT_EQ(s1->votes.size(), 2u);
  EXPECT_EQ(s1->votes[0].vote_id, "v1");
  EXPECT_EQ(s1->votes[1].vote_id, "v2");
  EXPECT_TRUE(s1->votes[0].outcome.passed);
  EXPECT_EQ(s1->votes[1].outcome.elected, std::vector<std::string>{"王一"});
  EXPECT_EQ(clients::sheet::sitting_sheet_from_record(rec->events, pk, "s9").error(),
            errc::no_sitting);

  // D010 (never checked in) excused, D001 (checked in) excused and the excusal withdrawn: the
  // sheet counts one excused, nine seated, nine present.
  auto events = rec->events;
  const auto after = find_event(events, "checked_in") + 1;
  auto event = [&](const protocol::congress_event& typed) {
    protocol::board_event e = events[after - 1];
    e.type = protocol::event_type(typed);
    set_payload(e, protocol::event_payload_object(typed));
    return e;
  };
  auto excused_event = [&](const std::string& person) {
    return event(protocol::events::delegate_excused{"s1", person, "病假", "主席", "SEC"});
  };
  events.insert(events.begin() + static_cast<std::ptrdiff_t>(after),
                {excused_event("D010"), excused_event("D001"),
                 event(protocol::events::excusal_withdrawn{"s1", "D001", "病愈到会", "SEC"})});
  auto excused = clients::sheet::sitting_sheet_from_record(events, pk, "s1");
  ASSERT_TRUE(excused) << excused.error().message();
  EXPECT_EQ(excused->attendance.excused, 1u);
  EXPECT_EQ(excused->attendance.seated, 9u);
  EXPECT_EQ(excused->attendance.present, 9u);

  const std::string tool = std::string(PLENUM_BINARY_DIR) + "/clients/src/sheet/plenum-sheet";
  const auto pdf = sitting_->fresh_dir("s1.pdf");
  const auto text = sitting_->fresh_dir("s1.txt");
  const std::string cmd = tool + " --record '" + clean_.string() + "' --sitting s1 '" +
                          pdf.string() + "' && pdftotext -enc UTF-8 '" + pdf.string() + "' '" +
                          text.string() + "'";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  std::ifstream in(text);
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::string compact;
  for (char c : content)
    if (c != ' ' && c != '\n') compact.push_back(c);
  EXPECT_NE(compact.find("表决结果汇总"), std::string::npos) << content;
  EXPECT_NE(compact.find("共2项表决"), std::string::npos) << content;
  EXPECT_NE(compact.find("关于党委工作报告的决议"), std::string::npos) << content;
  EXPECT_NE(compact.find("选举委员"), std::string::npos) << content;
  EXPECT_NE(compact.find(s1->votes[0].result_digest), std::string::npos) << content;

  // An unknown sitting fails with the reason; --vote and --sitting together are a usage error.
  const auto none = sitting_->fresh_dir("s9.pdf");
  EXPECT_NE(std::system((tool + " --record '" + clean_.string() + "' --sitting s9 '" +
                         none.string() + "' 2>/dev/null")
                            .c_str()),
            0);
  EXPECT_FALSE(fs::exists(none));
  const int both = std::system((tool + " --record '" + clean_.string() +
                                "' --vote v1 --sitting s1 '" + none.string() + "' 2>/dev/null")
                                   .c_str());
  ASSERT_TRUE(WIFEXITED(both));
  EXPECT_EQ(WEXITSTATUS(both), 2);
}

}  // namespace
}  // namespace plenum::verify_test
