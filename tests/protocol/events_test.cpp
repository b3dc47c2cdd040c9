// The one event decoder: every event of a sitting recorded by an earlier version decodes and
// encodes again to the very bytes that were hashed; hostile payloads are refused with the
// member's path; the schema names every type.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "plenum/protocol/codec_board.hpp"
#include "plenum/protocol/events.hpp"
#include "plenum/protocol/record.hpp"

namespace plenum::protocol {
namespace {

namespace json = boost::json;

// The events of the browser sitting recorded before events were typed (tests/vectors/records).
std::vector<board_event> recorded_events() {
  std::ifstream in(std::string(PLENUM_VECTORS_DIR) + "/records/browser-sitting/events.jsonl");
  std::vector<board_event> out;
  std::string line;
  while (std::getline(in, line)) {
    auto e = parse_event_line(line);
    EXPECT_TRUE(e) << line.substr(0, 80);
    if (e) out.push_back(std::move(*e));
  }
  return out;
}

TEST(Events, EveryRecordedEventDecodesAndEncodesToTheSameBytes) {
  const auto events = recorded_events();
  ASSERT_GT(events.size(), 100u);
  std::set<std::string> types;
  for (const auto& e : events) {
    auto decoded = decode_event_payload(e.type, e.payload);
    EXPECT_TRUE(decoded) << e.seq << " " << e.type << ": " << decoded.error().message();
    if (!decoded) continue;
    EXPECT_EQ(event_type(*decoded), e.type);
    EXPECT_EQ(encode_event_payload(*decoded), e.payload) << e.seq << " " << e.type;
    types.insert(e.type);
  }
  EXPECT_GE(types.size(), 27u);
}

// A copy of the first recorded event of `type`, as a JSON object.
json::object recorded(const std::string& type) {
  for (const auto& e : recorded_events())
    if (e.type == type) return json::parse(e.payload).as_object();
  ADD_FAILURE() << "no " << type;
  return {};
}

// Decoded by a reader that holds the enrolled device keys already and keeps ballots' points,
// every recorded event is the event the plain decoder gives, its ballots' keys taken from what
// the reader holds and their points kept; a key the reader does not hold is checked in full,
// and refused alike when it is not a usable key.
TEST(Events, AReaderHoldingTheDeviceKeysDecodesEveryEventAlike) {
  const auto events = recorded_events();
  std::map<crypto::byte_array<32>, crypto::public_key> held;
  std::size_t found = 0;
  crypto::ballot_points_builder points;
  ballot_event_reading known;
  known.known = [&](const crypto::byte_array<32>& bytes) -> const crypto::public_key* {
    auto it = held.find(bytes);
    if (it == held.end()) return nullptr;
    ++found;
    return &it->second;
  };
  known.points = &points;
  std::size_t ballots = 0;
  for (const auto& e : events) {
    auto plain = decode_event_payload(e.type, e.payload);
    auto with_keys = decode_event_payload(e.type, e.payload, known);
    // A ballot event's points kept for the reader's sums; none from any other event.
    EXPECT_EQ(points.finish().empty(), e.type != "ballot_accepted" && e.type != "ballot_spoiled")
        << e.seq << " " << e.type;
    ASSERT_TRUE(plain) << e.seq;
    ASSERT_TRUE(with_keys) << e.seq << " " << e.type << ": " << with_keys.error().message();
    EXPECT_EQ(*with_keys, *plain) << e.seq << " " << e.type;
    EXPECT_EQ(encode_event_payload(*with_keys), e.payload) << e.seq;
    if (const auto* enrolled = std::get_if<events::device_enrolled>(&*plain))
      held.insert_or_assign(enrolled->device_pk.bytes(), enrolled->device_pk);
    if (e.type == "ballot_accepted" || e.type == "ballot_spoiled") ++ballots;
  }
  ASSERT_GT(ballots, 0u);
  EXPECT_EQ(found, 2 * ballots);  // each ballot event's voter_pk and its ballot's

  // A small-order voter_pk the reader does not hold: refused as by the plain decoder.
  json::object bad = recorded("ballot_accepted");
  bad["voter_pk"] = std::string(64, '0');
  const std::string text = json::serialize(bad);
  auto plain = decode_event_payload("ballot_accepted", text);
  auto with_keys = decode_event_payload("ballot_accepted", text, known);
  ASSERT_FALSE(plain);
  ASSERT_FALSE(with_keys);
  EXPECT_EQ(with_keys.error().code, errc::invalid_point);
  EXPECT_EQ(with_keys.error().field, plain.error().field);
  EXPECT_EQ(with_keys.error().message(), plain.error().message());
  // No lookup at all: the plain decoder.
  auto unlooked = decode_event_payload("ballot_accepted", text, ballot_event_reading{});
  ASSERT_FALSE(unlooked);
  EXPECT_EQ(unlooked.error().field, plain.error().field);
}

TEST(Events, ABallotAcceptedIsWrittenAsTheGenericEncoderWritesIt) {
  auto decoded = decode_event_payload("ballot_accepted", recorded("ballot_accepted"));
  ASSERT_TRUE(decoded) << decoded.error().message();
  const auto expect_generic_text = [](const congress_event& e) {
    EXPECT_EQ(encode_event_payload(e), json::serialize(event_payload_object(e)));
  };
  expect_generic_text(*decoded);
  // Identifiers that need escaping, and a ballot of two contests and constraint proofs.
  auto& accepted = std::get<events::ballot_accepted>(*decoded);
  accepted.vote_id = "v\"1\\\n\x01—表决";
  accepted.person = "0\t7/";
  accepted.ballot.vote_id = accepted.vote_id;
  accepted.ballot.contests.push_back(accepted.ballot.contests.front());
  accepted.ballot.constraint_proofs.push_back(accepted.ballot.contests.front().proof);
  accepted.ballot.constraint_proofs.push_back(accepted.ballot.contests.front().proof);
  expect_generic_text(*decoded);
  EXPECT_EQ(decode_event_payload("ballot_accepted", encode_event_payload(*decoded)).value(),
            *decoded);
}

TEST(Events, AnUnknownTypeIsRefused) {
  auto d = decode_event_payload("ballot_stuffed", std::string_view("{}"));
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().code, errc::unknown_message_type);
}

TEST(Events, AnUnknownMemberIsRefusedByName) {
  auto p = recorded("vote_closed");
  p["extra"] = 1;
  auto d = decode_event_payload("vote_closed", p);
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().code, errc::invalid_field);
  EXPECT_EQ(d.error().field, "extra");
}

TEST(Events, AMissingMemberIsRefusedByName) {
  auto p = recorded("checked_in");
  p.erase("signature");
  auto d = decode_event_payload("checked_in", p);
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().field, "signature");
}

TEST(Events, VoteOpenedOfFormatTwoNamesItsRosterAndListsNothing) {
  // Format 1 as recorded: the lists, and none of format 2's members.
  json::object one = recorded("vote_opened");
  ASSERT_TRUE(one.contains("roster"));
  auto without = one;
  without.erase("roster");
  EXPECT_FALSE(decode_event_payload("vote_opened", json::serialize(without)));
  auto mixed = one;
  mixed["roster_seq"] = 5;
  EXPECT_FALSE(decode_event_payload("vote_opened", json::serialize(mixed)));
  // Format 2: roster_seq, roster_count and roster_root instead of the lists.
  json::object two = one;
  two.erase("eligible");
  two.erase("roster");
  two["roster_seq"] = 41;
  two["roster_count"] = 3;
  two["roster_root"] = std::string(64, 'a');
  two["format"] = 2;
  const auto decoded = decode_event_payload("vote_opened", json::serialize(two));
  ASSERT_TRUE(decoded) << decoded.error().field;
  const auto& opened = std::get<events::vote_opened>(*decoded);
  EXPECT_TRUE(opened.lists_roster_apart());
  EXPECT_EQ(opened.roster_seq, 41u);
  EXPECT_TRUE(opened.roster.empty());
  const auto encoded = encode_event_payload(*decoded);
  EXPECT_EQ(json::parse(encoded).as_object(), two);
  EXPECT_EQ(decode_event_payload("vote_opened", encoded).value(), *decoded);
  auto listed = two;
  listed["roster"] = one.at("roster");
  const auto refused = decode_event_payload("vote_opened", json::serialize(listed));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().field, "roster");
  auto unnamed = two;
  unnamed.erase("roster_root");
  const auto no_root = decode_event_payload("vote_opened", json::serialize(unnamed));
  ASSERT_FALSE(no_root);
  EXPECT_EQ(no_root.error().field, "roster_root");
  auto format3 = two;
  format3["format"] = 3;
  EXPECT_FALSE(decode_event_payload("vote_opened", json::serialize(format3)));
}

TEST(Events, ABadPointInsideABallotIsRefusedAtItsPath) {
  auto p = recorded("ballot_accepted");
  auto& option =
      p["ballot"].as_object()["contests"].as_array()[0].as_object()["options"].as_array()[0];
  option.as_object()["alpha"] = std::string(64, 'f');
  auto d = decode_event_payload("ballot_accepted", p);
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().code, errc::invalid_point);
  EXPECT_EQ(d.error().field, "ballot.contests[0].options[0].alpha");
}

TEST(Events, AnAssistedCheckInNamesItsSecretary) {
  auto p = recorded("checked_in");
  p["assisted"] = true;
  auto d = decode_event_payload("checked_in", p);
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().field, "assisted");
}

TEST(Events, ASatisfactionVoteNamesItsSubjectsAndOtherVotesNone) {
  // A recorded vote has no subjects member and still encodes to its bytes (checked above).
  auto p = recorded("vote_created");
  EXPECT_FALSE(p.contains("subjects"));
  p["subjects"] = json::array{json::object{{"kind", "resolution"}, {"id", "r1"}},
                              json::object{{"kind", "rectification"}, {"id", "rc2"}}};
  auto d = decode_event_payload("vote_created", p);
  ASSERT_TRUE(d) << d.error().message();
  const auto& created = std::get<events::vote_created>(*d);
  EXPECT_EQ(created.subjects,
            (std::vector<vote_subject>{{"resolution", "r1"}, {"rectification", "rc2"}}));
  EXPECT_EQ(encode_event_payload(*d), json::serialize(p));
  // A kind that is not an appraised item, a member too many, an empty list.
  p["subjects"].as_array()[1].as_object()["kind"] = "opinion";
  auto bad_kind = decode_event_payload("vote_created", p);
  ASSERT_FALSE(bad_kind);
  EXPECT_EQ(bad_kind.error().field, "subjects[1].kind");
  p["subjects"].as_array()[1].as_object()["kind"] = "proposal";
  p["subjects"].as_array()[1].as_object()["note"] = "x";
  auto extra = decode_event_payload("vote_created", p);
  ASSERT_FALSE(extra);
  EXPECT_EQ(extra.error().field, "subjects[1].note");
  p["subjects"] = json::array{};
  EXPECT_FALSE(decode_event_payload("vote_created", p));
}

TEST(Events, TextThatIsNotStrictJsonIsRefused) {
  auto d = decode_event_payload("vote_closed",
                                std::string_view(R"({"vote_id":"v","vote_id":"w","ballots":1})"));
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().code, errc::malformed_message);
}

// Encodes `e`, decodes the text and encodes again: the same value and the same bytes.
void round_trips(const congress_event& e) {
  const std::string text = encode_event_payload(e);
  auto decoded = decode_event_payload(event_type(e), text);
  ASSERT_TRUE(decoded) << text << ": " << decoded.error().message();
  EXPECT_EQ(*decoded, e) << text;
  EXPECT_EQ(encode_event_payload(*decoded), text);
}

TEST(Events, TheProposalsLifeRoundTrips) {
  round_trips(events::proposal_submitted{"P1", "D001", "修路", "建议……", 5, {"D002", "D003"}});
  round_trips(events::calendar_set{2026, {"2026-10-01", "2026-10-02"}, {"2026-10-10"}, "SE"});
  round_trips(events::calendar_set{2027, {}, {}, "SE"});
  round_trips(events::proposal_accepted{"P1", "交通运输局", "2026-07-06", "SE", 6});
  round_trips(events::proposal_merged{"P2", "P1", "SE", 7});
  round_trips(events::proposal_converted{"P3", "转为意见建议", "SE", 8});
  round_trips(events::proposal_answered{"P1", 1, "交通运输局", "计划明年实施。", "SE", 9});
  round_trips(events::proposal_rated{"P1", 1, "unsatisfied", "D001", 10, "2026-05-04"});
  round_trips(events::proposal_answered{"P1", 2, "镇政府", "本年度实施。", "SE", 11});
  round_trips(events::proposal_rated{"P1", 2, "satisfied", "D001", 12, ""});
}

TEST(Events, AProposalWithoutCoSignersIsWrittenAsBefore) {
  const std::string old_text =
      R"({"proposal_id":"P1","by":"D001","title":"修路","text":"建议","unix_ms":5})";
  auto decoded = decode_event_payload("proposal_submitted", std::string_view(old_text));
  ASSERT_TRUE(decoded) << decoded.error().message();
  EXPECT_TRUE(std::get<events::proposal_submitted>(*decoded).co_signers.empty());
  EXPECT_EQ(encode_event_payload(*decoded), old_text);
  // An empty list would not re-encode to its bytes: refused.
  EXPECT_FALSE(decode_event_payload(
      "proposal_submitted",
      std::string_view(R"({"proposal_id":"P1","by":"D001","title":"修路","text":"建议",)"
                       R"("unix_ms":5,"co_signers":[]})")));
}

TEST(Events, ProposalDatesAndRatingsAreChecked) {
  auto refused_at = [](std::string_view type, std::string_view text, std::string_view field) {
    auto d = decode_event_payload(type, text);
    ASSERT_FALSE(d) << text;
    EXPECT_EQ(d.error().code, errc::invalid_field);
    EXPECT_EQ(d.error().field, field) << text;
  };
  refused_at("proposal_accepted",
             R"({"proposal_id":"P1","unit":"局","deadline":"2026-02-30","by":"SE","unix_ms":1})",
             "deadline");
  refused_at("calendar_set",
             R"({"year":2026,"holidays":["2026-10-01","10/02"],"workdays":[],"by":"SE"})",
             "holidays[1]");
  refused_at("proposal_rated",
             R"({"proposal_id":"P1","round":1,"rating":"good","by":"D001","unix_ms":1})", "rating");
  // Only an unsatisfied first round carries the new deadline.
  refused_at("proposal_rated",
             R"({"proposal_id":"P1","round":1,"rating":"unsatisfied","by":"D001","unix_ms":1})",
             "deadline");
  refused_at("proposal_rated",
             R"({"proposal_id":"P1","round":2,"rating":"unsatisfied","by":"D001","unix_ms":1,)"
             R"("deadline":"2026-05-04"})",
             "deadline");
  refused_at("proposal_answered",
             R"({"proposal_id":"P1","round":3,"unit":"局","text":"x","by":"SE","unix_ms":1})",
             "round");
}

TEST(Events, TheSchemaListsEveryTypeWithItsMembersInOrder) {
  const auto schema = event_schema();
  for (const auto& e : recorded_events()) {
    ASSERT_TRUE(schema.contains(e.type)) << e.type;
    // The members of a recorded payload appear in the schema's order.
    const auto& members = schema.at(e.type).as_array();
    const auto payload = json::parse(e.payload).as_object();
    std::size_t next = 0;
    for (const auto& [key, value] : payload) {
      while (next < members.size() && members[next].at("name").as_string() != key) ++next;
      ASSERT_LT(next, members.size()) << e.type << "." << std::string(key);
    }
  }
  EXPECT_TRUE(schema.contains("ballot_spoiled"));
  EXPECT_TRUE(schema.contains("checkin_closed"));
}

}  // namespace
}  // namespace plenum::protocol
