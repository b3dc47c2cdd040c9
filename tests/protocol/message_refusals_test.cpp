// Every message's decoder against a fixed catalogue of hostile edits: each top-level member (and
// each member of a nested object) removed or replaced by a value of the wrong type or size, and
// an unknown member added. The answer to each edit (accepted, or the code, field path and
// reason of the refusal) must match message_refusals.txt line for line, so that a change to the
// decoders cannot alter what the wire says. PLENUM_UPDATE_REFUSALS=1 rewrites the file.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "kat.hpp"
#include "plenum/crypto/board.hpp"
#include "plenum/crypto/hash.hpp"
#include "plenum/protocol/codec_ballot.hpp"
#include "plenum/protocol/codec_ceremony.hpp"
#include "plenum/protocol/codec_decryption.hpp"
#include "plenum/protocol/messages.hpp"
#include "plenum/protocol/messages_hall.hpp"
#include "plenum/protocol/replies.hpp"

namespace plenum::protocol {
namespace {

namespace json = boost::json;

const std::string golden_path =
    std::string(PLENUM_VECTORS_DIR) + "/../protocol/message_refusals.txt";

// The decoder's answer to one frame's text, as one line.
using answer_of = std::function<std::string(const std::string&)>;

template <typename T>
std::string describe(const decoded<T>& r) {
  if (r) return "accepted";
  const auto& id = r.error().request_id;
  return r.error().code.message() + " | " + r.error().field + " | " + r.error().reason + " | id " +
         (id ? std::to_string(*id) : "none");
}

std::string answer_request(const std::string& text) { return describe(decode_frame(text)); }

std::string answer_hall(const std::string& text) {
  auto f = parse_request(text);
  if (!f) return "envelope: " + describe(f);
  return describe(decode_hall_request(*f));
}

template <typename T>
std::string answer_reply(const std::string& text) {
  auto f = parse_server_frame(text);
  if (!f) return "envelope: " + describe(f);
  return describe(decode_reply<T>(*f));
}

std::string answer_hello(const std::string& text) {
  auto f = parse_server_frame(text);
  if (!f) return "envelope: " + describe(f);
  return describe(decode_hello(*f));
}

const std::vector<std::pair<std::string, json::value>>& replacements() {
  static const std::vector<std::pair<std::string, json::value>> all = [] {
    std::vector<std::pair<std::string, json::value>> out;
    out.emplace_back("null", json::value(nullptr));
    out.emplace_back("true", json::value(true));
    out.emplace_back("-1", json::value(-1));
    out.emplace_back("1.5", json::value(1.5));
    out.emplace_back("0", json::value(0));
    out.emplace_back("2^53", json::value(std::int64_t{1} << 53));
    out.emplace_back("empty string", json::value(""));
    out.emplace_back("short string", json::value("x"));
    out.emplace_back("65 bytes", json::value(std::string(65, 'x')));
    out.emplace_back("1025 bytes", json::value(std::string(1025, 'x')));
    out.emplace_back("64 hex", json::value(std::string(64, 'a')));
    out.emplace_back("empty array", json::value(json::array{}));
    out.emplace_back("array of a string", json::value(json::array{"x"}));
    out.emplace_back("empty object", json::value(json::object{}));
    return out;
  }();
  return all;
}

// One line per edit of the frame `text` (a JSON object).
void edit_lines(const std::string& label, const std::string& text, const answer_of& answer,
                std::ostringstream& out) {
  const json::object frame = json::parse(text).as_object();
  auto emit = [&](const std::string& edit, const json::object& f) {
    out << label << " | " << edit << " | " << answer(json::serialize(f)) << "\n";
  };
  emit("as is", frame);
  // With every member wrong at once, the refusal names the first member the decoder reads.
  json::object all_null = frame;
  json::object none;
  for (auto& member : all_null) {
    const std::string key(member.key());
    if (key == "v" || key == "id" || key == "type") {
      none[key] = member.value();
    } else {
      member.value() = nullptr;
    }
  }
  emit("all null", all_null);
  emit("none", none);
  json::object extra = frame;
  extra["zz_unknown"] = 1;
  emit("+zz_unknown", extra);
  for (const auto& member : frame) {
    const std::string key(member.key());
    if (key == "v" || key == "id" || key == "type") continue;
    json::object without = frame;
    without.erase(key);
    emit("-" + key, without);
    for (const auto& [name, value] : replacements()) {
      json::object replaced = frame;
      replaced[key] = value;
      emit(key + "=" + name, replaced);
    }
    const json::object* nested = member.value().if_object();
    if (nested == nullptr) continue;
    for (const auto& inner : *nested) {
      const std::string inner_key(inner.key());
      json::object dropped = frame;
      dropped[key].as_object().erase(inner_key);
      emit("-" + key + "." + inner_key, dropped);
      for (const auto& [name, value] : replacements()) {
        json::object replaced = frame;
        replaced[key].as_object()[inner_key] = value;
        emit(key + "." + inner_key + "=" + name, replaced);
      }
    }
    json::object nested_extra = frame;
    nested_extra[key].as_object()["zz_unknown"] = 1;
    emit(key + "+zz_unknown", nested_extra);
  }
}

crypto::signature some_signature() { return *crypto::signature::from_hex(std::string(128, 'a')); }

std::string all_lines() {
  std::ostringstream out;
  const auto key = test::secret_key_field(test::kat().at("voters").at(0).at("sk"));
  const auto pk = key.public_part();
  const crypto::byte_array<32> nonce{1, 2, 3};
  const json::object& vote = test::kat().at("votes").at(0).as_object();
  auto ballot = decode_ballot(vote.at("ballots").at(0).at("ballot"));
  auto keygen = decode_keygen_message(test::kat().at("ceremony").at("messages").at(0));
  auto partial = decode_partial_decryption(vote.at("tally").at("partials").at(0));
  if (!ballot || !keygen || !partial) return "the known answers do not decode\n";

  const std::vector<request> requests = {
      auth_request{pk, nonce, key.sign(nonce)},
      enroll_request{"D-017", "K7Q2-9MXP-0PAB-4TNV", pk, key.sign(nonce)},
      ping_request{},
      subscribe_request{{topic::board, topic::results}, 17},
      subscribe_request{{topic::state}, std::nullopt},
      get_state_request{},
      cast_ballot_request{"vote-1", *ballot},
      checkin_request{"sitting-2026", 1790000000000, key.sign(nonce)},
      keygen_request{"sitting-2026", *keygen},
      confirm_key_request{"sitting-2026", key_confirmation{2, key.sign(nonce)}},
      partial_decryption_request{"vote-1", *partial},
  };
  for (std::size_t i = 0; i < requests.size(); ++i) {
    edit_lines(std::string(type_of(requests[i])) + "#" + std::to_string(i),
               encode_request(3, requests[i]), answer_request, out);
  }

  const std::vector<hall_request> hall = {
      import_roster_request{"number,name\n", 100, 40, 5},
      acknowledge_warnings_request{},
      issue_enrollment_code_request{"D001"},
      create_sitting_request{"s1", "年会", "2026-03-01"},
      open_checkin_request{"s1"},
      close_checkin_request{"s1"},
      assisted_checkin_request{"s1", "D002", 1790000000000, "tablet broken", some_signature()},
      excuse_delegate_request{"s1", "D003", "ill", "chair"},
      open_sitting_request{"s1"},
      close_sitting_request{"s1"},
      add_item_request{"s1", "i1", "proposal", "道路", 2, "", std::string("p1")},
      add_item_request{"s1", "i1", "report", "报告", 1, "chair", std::nullopt},
      add_material_request{"s1", "i1", "m1", "报告", std::string("text"), {}, {}},
      add_material_request{
          "s1", "i1", "m2", "附件", {}, std::string("https://x/y.pdf"), std::string(64, 'b')},
      set_current_item_request{"s1", "i1"},
      submit_proposal_request{"p1", "修路", "建议修路"},
      create_vote_request{"v1",
                          "s1",
                          "i2",
                          "election",
                          "选举",
                          false,
                          "",
                          5,
                          {"甲", "乙", "丙"},
                          false,
                          {},
                          false,
                          {}},
      create_vote_request{"v2",
                          "s1",
                          "i3",
                          "appraisal",
                          "测评",
                          true,
                          "two_thirds",
                          0,
                          {},
                          true,
                          {"A", "B"},
                          true,
                          {}},
      open_vote_request{"v1"},
      close_vote_request{"v1"},
      start_ceremony_request{"s1", {"S1", "S2", "S3"}, 2},
      start_ceremony_request{"s1", {"S1"}, 0},
      get_roster_request{},
      get_roster_request{std::string("s1")},
      get_my_status_request{std::string("s1")},
      get_my_status_request{},
      get_ceremony_request{"s1"},
      get_tally_request{"v1"},
      get_board_request{10, 50, std::nullopt},
      get_board_request{0, std::nullopt, std::nullopt},
      export_record_request{},
      sign_result_request{"v1", some_signature()},
      announce_result_request{"v1", some_signature()},
      withdraw_excusal_request{"s1", "D003", "arrived"},
      prepare_download_request{"vote_sheet", std::string("v1"), std::nullopt},
      prepare_download_request{"sitting_sheet", std::nullopt, std::string("s1")},
  };
  for (std::size_t i = 0; i < hall.size(); ++i) {
    edit_lines(std::string(type_of(hall[i])) + "#" + std::to_string(i),
               encode_hall_request(3, hall[i]), answer_hall, out);
  }

  receipt r;
  r.tracking_code = crypto::entry_hash(1, crypto::genesis_hash, "a", "b");
  r.board_seq = 9;
  r.board_entry_hash = crypto::entry_hash(9, crypto::genesis_hash, "ballot_cast", "{}");
  r.sig = key.sign(crypto::receipt_digest(r.tracking_code, r.board_seq, r.board_entry_hash));
  edit_lines("auth_reply", encode_reply(3, auth_reply{"D-017", {"delegate", "scrutineer"}}),
             answer_reply<auth_reply>, out);
  edit_lines("enroll_reply", encode_reply(3, enroll_reply{"D-017"}), answer_reply<enroll_reply>,
             out);
  edit_lines("ping_reply", encode_reply(3, ping_reply{1790000000000}), answer_reply<ping_reply>,
             out);
  edit_lines("subscribe_reply", encode_reply(3, subscribe_reply{12}), answer_reply<subscribe_reply>,
             out);
  edit_lines("checkin_reply", encode_reply(3, checkin_reply{77}), answer_reply<checkin_reply>, out);
  edit_lines("cast_ballot_reply",
             encode_reply(3, cast_ballot_reply{r, "7ZK3-M0QH-X4TB-9C2D", std::nullopt}),
             answer_reply<cast_ballot_reply>, out);
  edit_lines("confirm_key_reply", encode_reply(3, confirm_key_reply{true}),
             answer_reply<confirm_key_reply>, out);
  edit_lines("partial_decryption_reply", encode_reply(3, partial_decryption_reply{2, 3}),
             answer_reply<partial_decryption_reply>, out);
  edit_lines("hello",
             encode_hello(hello{"congress-demo", crypto::byte_array<32>{4, 5, 6}, pk, 1790000000000,
                                true, std::vector<std::string>{}, std::nullopt}),
             answer_hello, out);
  return out.str();
}

TEST(MessageRefusals, EveryEditIsAnsweredAsRecorded) {
  const std::string actual = all_lines();
  if (std::getenv("PLENUM_UPDATE_REFUSALS") != nullptr) {
    std::ofstream(golden_path) << actual;
  }
  std::ifstream in(golden_path);
  ASSERT_TRUE(in) << golden_path << " not found";
  std::stringstream expected;
  expected << in.rdbuf();
  std::istringstream want(expected.str());
  std::istringstream got(actual);
  std::string want_line;
  std::string got_line;
  std::size_t line = 0;
  std::size_t differences = 0;
  while (std::getline(want, want_line)) {
    ++line;
    if (!std::getline(got, got_line)) {
      ADD_FAILURE() << "line " << line << " missing: " << want_line;
      ++differences;
      break;
    }
    if (got_line != want_line && ++differences <= 20) {
      ADD_FAILURE() << "line " << line << "\n want: " << want_line << "\n got:  " << got_line;
    }
  }
  EXPECT_FALSE(std::getline(got, got_line)) << "extra line: " << got_line;
  EXPECT_EQ(differences, 0u);
  EXPECT_GT(line, 2000u);
}

}  // namespace
}  // namespace plenum::protocol
