// The hall commands' decoders: round trips of every type, and hostile frames refused with the
// right code and field.
#include <gtest/gtest.h>

#include <string>

#include "plenum/protocol/envelope.hpp"
#include "plenum/protocol/messages_hall.hpp"

namespace plenum::protocol {
namespace {

decoded<hall_request_message> decode_text(const std::string& text) {
  auto f = parse_request(text);
  if (!f) return std::move(f).error();
  return decode_hall_request(*f);
}

void expect_refused(const std::string& text, errc code, const std::string& field) {
  auto r = decode_text(text);
  ASSERT_FALSE(r) << text;
  EXPECT_EQ(r.error().code, make_error_code(code)) << text << " " << r.error().message();
  EXPECT_EQ(r.error().field, field) << text;
  EXPECT_EQ(r.error().request_id, std::optional<std::uint64_t>(3)) << text;
}

crypto::signature some_signature() { return *crypto::signature::from_hex(std::string(128, 'a')); }

TEST(MessagesHall, EveryTypeRoundTrips) {
  const std::vector<hall_request> all = {
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
                          {"甲", "乙", "丙", "丁", "戊", "己", "庚"},
                          false,
                          {},
                          false,
                          {}},
      create_vote_request{"v2",
                          "s1",
                          "i3",
                          "satisfaction",
                          "满意度测评",
                          false,
                          "",
                          0,
                          {},
                          false,
                          {"决议执行", "提案办理"},
                          false,
                          {{"resolution", "r1"}, {"proposal", "p1"}}},
      open_vote_request{"v1"},
      close_vote_request{"v1"},
      start_ceremony_request{"s1", {"S1", "S2", "S3"}, 2},
      get_roster_request{},
      get_my_status_request{std::string("s1")},
      get_ceremony_request{"s1"},
      get_tally_request{"v1"},
      get_roster_proof_request{"v1"},
      get_board_request{10, 50, std::nullopt},
      get_board_request{0, std::nullopt, std::string("basis")},
      export_record_request{},
      sign_result_request{"v1", some_signature()},
      announce_result_request{"v1", some_signature()},
      withdraw_excusal_request{"s1", "D003", "arrived"},
      // Ids left to the congress: absent on the wire.
      create_sitting_request{"", "年会", "2026-03-01"},
      add_item_request{"s1", "", "report", "报告", 0, "chair", std::nullopt},
      submit_proposal_request{"", "修路", "建议修路"},
      prepare_download_request{"record", std::nullopt, std::nullopt},
      prepare_download_request{"vote_sheet", std::string("v1"), std::nullopt},
      prepare_download_request{"sitting_sheet", std::nullopt, std::string("s1")},
      // The proposals' handling and the calendar.
      submit_proposal_request{"", "修路", "建议修路", {"D002", "D003"}},
      set_calendar_request{2026, {"2026-10-01", "2026-10-02"}, {"2026-10-10"}},
      set_calendar_request{2027, {}, {}},
      accept_proposal_request{"P1", "交通运输局", std::nullopt},
      accept_proposal_request{"P1", "交通运输局", std::string("2026-07-06")},
      merge_proposal_request{"P2", "P1"},
      convert_proposal_request{"P3", "转为意见建议"},
      answer_proposal_request{"P1", "计划明年实施。", std::nullopt},
      answer_proposal_request{"P1", "本年度实施。", std::string("镇政府")},
      rate_proposal_request{"P1", "unsatisfied"},
      get_proposals_request{},
  };
  for (const auto& r : all) {
    const std::string text = encode_hall_request(9, r);
    auto back = decode_text(text);
    ASSERT_TRUE(back) << text << " " << back.error().message();
    EXPECT_EQ(back->id, 9u);
    EXPECT_EQ(encode_hall_request(9, back->body), text);
    EXPECT_TRUE(is_hall_request_type(type_of(r)));
  }
  EXPECT_FALSE(is_hall_request_type("cast_ballot"));
}

TEST(MessagesHall, ProposalRequestsAreStrict) {
  expect_refused(R"({"v":1,"id":3,"type":"rate_proposal","proposal_id":"P1"})", errc::invalid_field,
                 "rating");
  expect_refused(R"({"v":1,"id":3,"type":"set_calendar","year":1899})", errc::invalid_field,
                 "year");
  expect_refused(R"({"v":1,"id":3,"type":"set_calendar","year":2026,"holidays":[]})",
                 errc::invalid_field, "holidays");
  expect_refused(R"({"v":1,"id":3,"type":"accept_proposal","proposal_id":"P1","unit":""})",
                 errc::invalid_field, "unit");
  expect_refused(R"({"v":1,"id":3,"type":"submit_proposal","title":"t","text":"x",)"
                 R"("co_signers":["D002",""]})",
                 errc::invalid_field, "co_signers[1]");
}

TEST(MessagesHall, HostileFramesAreRefused) {
  expect_refused(R"({"v":1,"id":3,"type":"open_vote"})", errc::invalid_field, "vote_id");
  expect_refused(R"({"v":1,"id":3,"type":"open_vote","vote_id":""})", errc::invalid_field,
                 "vote_id");
  expect_refused(R"({"v":1,"id":3,"type":"open_vote","vote_id":7})", errc::invalid_field,
                 "vote_id");
  expect_refused(R"({"v":1,"id":3,"type":"open_vote","vote_id":"v","actor":"CH"})",
                 errc::invalid_field, "actor");
  expect_refused(R"({"v":1,"id":3,"type":"open_vote","vote_id":")" + std::string(65, 'x') + R"("})",
                 errc::invalid_field, "vote_id");
  expect_refused(R"({"v":1,"id":3,"type":"nonsense"})", errc::unknown_message_type, "type");
  expect_refused(
      R"({"v":1,"id":3,"type":"import_roster","csv":"x","membership":{"members":10,"women":11,"minority":0}})",
      errc::invalid_field, "membership.women");
  expect_refused(R"({"v":1,"id":3,"type":"import_roster","csv":"x","membership":{"members":10}})",
                 errc::invalid_field, "membership.women");
  expect_refused(R"({"v":1,"id":3,"type":"start_ceremony","sitting_id":"s1","scrutineers":[]})",
                 errc::invalid_field, "scrutineers");
  expect_refused(
      R"({"v":1,"id":3,"type":"start_ceremony","sitting_id":"s1","scrutineers":["S1",""]})",
      errc::invalid_field, "scrutineers[1]");
  expect_refused(
      R"({"v":1,"id":3,"type":"start_ceremony","sitting_id":"s1","scrutineers":["S1"],"k":0})",
      errc::invalid_field, "k");
  expect_refused(
      R"({"v":1,"id":3,"type":"create_vote","vote_id":"v","sitting_id":"s","item_id":"i","kind":"motion","title":"t","open_ballot":"yes"})",
      errc::invalid_field, "open_ballot");
  expect_refused(
      R"({"v":1,"id":3,"type":"create_vote","vote_id":"v","sitting_id":"s","item_id":"i","kind":"motion","title":"t","seats":-1})",
      errc::invalid_field, "seats");
  expect_refused(
      R"({"v":1,"id":3,"type":"add_material","sitting_id":"s","item_id":"i","material_id":"m","title":"t"})",
      errc::invalid_field, "digest");
  expect_refused(
      R"({"v":1,"id":3,"type":"add_material","sitting_id":"s","item_id":"i","material_id":"m","title":"t","text":"a","url":"u"})",
      errc::invalid_field, "url");
  expect_refused(
      R"({"v":1,"id":3,"type":"add_material","sitting_id":"s","item_id":"i","material_id":"m","title":"t","url":"u","digest":"AB"})",
      errc::invalid_field, "digest");
  expect_refused(
      R"({"v":1,"id":3,"type":"assisted_checkin","sitting_id":"s","person":"D1","unix_ms":1.5,"reason":"r","signature":"00"})",
      errc::invalid_field, "unix_ms");
  expect_refused(R"({"v":1,"id":3,"type":"get_board","from_seq":0,"limit":501})",
                 errc::invalid_field, "limit");
  expect_refused(R"({"v":1,"id":3,"type":"get_board","from_seq":0,"limit":null})",
                 errc::invalid_field, "limit");
  expect_refused(R"({"v":1,"id":3,"type":"get_board","from_seq":0,"only":"ballots"})",
                 errc::invalid_field, "only");
  expect_refused(R"({"v":1,"id":3,"type":"acknowledge_warnings","x":1})", errc::invalid_field, "x");
  expect_refused(R"({"v":1,"id":3,"type":"get_roster","sitting_id":""})", errc::invalid_field,
                 "sitting_id");
  expect_refused(R"({"v":1,"id":3,"type":"sign_result","vote_id":"v1","signature":"abcd"})",
                 errc::invalid_field, "signature");
  expect_refused(
      R"({"v":1,"id":3,"type":"announce_result","signature":")" + std::string(128, 'a') + R"("})",
      errc::invalid_field, "vote_id");
}

TEST(MessagesHall, PrepareDownloadTakesAKnownKindWithItsId) {
  auto ok = decode_text(R"({"v":1,"id":3,"type":"prepare_download","kind":"sitting_sheet",)"
                        R"("sitting_id":"s1"})");
  ASSERT_TRUE(ok) << ok.error().message();
  const auto& d = std::get<prepare_download_request>(ok->body);
  EXPECT_EQ(d.kind, "sitting_sheet");
  EXPECT_EQ(d.sitting_id, std::optional<std::string>("s1"));
  EXPECT_FALSE(d.vote_id);
  expect_refused(R"({"v":1,"id":3,"type":"prepare_download"})", errc::invalid_field, "kind");
  expect_refused(R"({"v":1,"id":3,"type":"prepare_download","kind":"minutes"})",
                 errc::invalid_field, "kind");
  expect_refused(R"({"v":1,"id":3,"type":"prepare_download","kind":"vote_sheet"})",
                 errc::invalid_field, "vote_id");
  expect_refused(R"({"v":1,"id":3,"type":"prepare_download","kind":"record","vote_id":"v1"})",
                 errc::invalid_field, "vote_id");
  expect_refused(
      R"({"v":1,"id":3,"type":"prepare_download","kind":"vote_sheet","vote_id":"v1","sitting_id":"s1"})",
      errc::invalid_field, "sitting_id");
  expect_refused(R"({"v":1,"id":3,"type":"prepare_download","kind":"sitting_sheet"})",
                 errc::invalid_field, "sitting_id");
  expect_refused(
      R"({"v":1,"id":3,"type":"prepare_download","kind":"sitting_sheet","sitting_id":""})",
      errc::invalid_field, "sitting_id");
  expect_refused(R"({"v":1,"id":3,"type":"prepare_download","kind":"record","path":"/etc"})",
                 errc::invalid_field, "path");
}

}  // namespace
}  // namespace plenum::protocol
