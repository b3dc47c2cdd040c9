// The one event decoder: every event of a sitting recorded by an earlier version decodes and
// encodes again to the very bytes that were hashed; hostile payloads are refused with the
// member's path; the schema names every type.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <fstream>
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
