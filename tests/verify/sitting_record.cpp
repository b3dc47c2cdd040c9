#include "sitting_record.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <fstream>
#include <random>
#include <sstream>

#include "domain/monthly_report.hpp"
#include "domain_fixture.hpp"
#include "plenum/crypto/ballot.hpp"
#include "plenum/crypto/board.hpp"
#include "plenum/crypto/random.hpp"
#include "plenum/crypto/spoiled_ballot.hpp"
#include "plenum/protocol/codec_ballot.hpp"
#include "plenum/protocol/codec_spoil.hpp"
#include "plenum/protocol/record.hpp"
#include "storage/congress_key_store.hpp"
#include "storage/event_log.hpp"

namespace plenum::verify_test {

namespace fs = std::filesystem;
namespace json = boost::json;
namespace domain = server::domain;

namespace {

crypto::secret_key make_congress_key(const fs::path& data_dir) {
  crypto::seeded_random random("verify test congress key");
  auto key = server::storage::congress_key_store(data_dir).load_or_create(random);
  if (!key) throw std::runtime_error("cannot create the congress key");
  return *key;
}

fs::path make_root() {
  std::random_device rd;
  auto root = fs::temp_directory_path() /
              ("plenum-verify-test-" + std::to_string(rd()) + std::to_string(rd()));
  fs::create_directories(root);
  return root;
}

// Delegate `number` challenges a ballot marking `choices` in open vote `vote_id` (recorded as
// ballot_spoiled, never counted).
void spoil(domain::test::congress& c, const std::string& number, const std::string& vote_id,
           const crypto::ballot_choices& choices) {
  const domain::vote& v = *c.state.find_vote(vote_id);
  crypto::seeded_random random("spoiled " + number + vote_id);
  auto b = crypto::make_opened_ballot(v.manifest, *crypto::from_hex_fixed<32>(v.election_hash),
                                      c.joint_key(), c.keys.at(number), choices, random);
  ASSERT_TRUE(b);
  EXPECT_TRUE(c.as(number, domain::spoil_ballot{vote_id, b->b, b->openings}));
}

// The sitting described in the header, as a list of events.
std::vector<domain::test::logged_event> run_large_sitting(std::size_t delegates) {
  domain::test::congress c{delegates};
  c.prepare_sitting(delegates);
  c.complete_ceremony();
  c.open_with_item("i1", "report");
  c.open_motion("v1", "i1", "关于党委工作报告的决议");
  c.cast_each("v1", delegates, [](std::size_t i) {
    crypto::ballot_choices choice{{0, 0, 0}};
    choice[0][i % 3] = 1;
    return choice;
  });
  EXPECT_TRUE(c.as("CH", domain::close_vote{"v1"}));
  EXPECT_TRUE(c.decrypt("v1", {1, 2}));
  return c.log;
}

void run_satisfaction(domain::test::congress& c) {
  EXPECT_TRUE(
      c.as("SE", domain::add_item{"s1", "i3", "report", "关于上一年度年会决议执行情况的报告", 3,
                                  "党委书记", ""}));
  EXPECT_TRUE(c.as("CH", domain::set_current_item{"s1", "i3"}));
  domain::create_vote satisfaction;
  satisfaction.vote_id = "v3";
  satisfaction.sitting_id = "s1";
  satisfaction.item_id = "i3";
  satisfaction.kind = "satisfaction";
  satisfaction.title = "满意度测评";
  satisfaction.members = {"修缮村道决议的执行", "民主评议问题的整改"};
  EXPECT_TRUE(c.as("CH", satisfaction));
  EXPECT_TRUE(c.as("CH", domain::open_vote{"v3"}));
  c.cast_each("v3", 9, [](std::size_t i) {
    crypto::ballot_choices b{{0, 0, 0}, {0, 0, 0}};
    b[0][i <= 4 ? 0 : i == 5 ? 1 : 2] = 1;
    if (i <= 7) b[1][i <= 2 ? 0 : i <= 4 ? 1 : 2] = 1;
    return b;
  });
  EXPECT_TRUE(c.as("CH", domain::close_vote{"v3"}));
  EXPECT_TRUE(c.decrypt("v3", {1, 2}));
  c.sign_result("v3", {"S1", "S2"}, true);
}

// The accepted proposal P1 put on the agenda (item i4) and decided by motion v4 (8 of 9 for).
void run_proposal_decided(domain::test::congress& c) {
  EXPECT_TRUE(
      c.as("CH", domain::add_item{"s1", "i4", "proposal", "关于修路的提案", 4, "镇长", "P1"}));
  EXPECT_TRUE(c.as("CH", domain::set_current_item{"s1", "i4"}));
  c.open_motion("v4", "i4", "关于修路的提案的决议");
  c.cast_each("v4", 9, [](std::size_t i) {
    return i <= 8 ? crypto::ballot_choices{{1, 0, 0}} : crypto::ballot_choices{{0, 1, 0}};
  });
  EXPECT_TRUE(c.as("CH", domain::close_vote{"v4"}));
  EXPECT_TRUE(c.decrypt("v4", {1, 2}));
  EXPECT_FALSE(c.state.find_proposal("P1")->resolution_id.empty());
}

// October 2026 between meetings: group G1 of all ten delegates holds activity A1 on 12 October
// (D001 signs in, D002 recorded present, D003 excused); D001 keeps member C1 and resident C2;
// opinion O1 logged and routed on the 12th and extended by 5 working days, O2 logged on the
// 12th and never routed (overdue at October's end).
void run_between_meetings(domain::test::congress& c) {
  c.now = 1'791'770'400'000;  // 2026-10-12 10:00 in Beijing
  std::vector<std::string> members;
  for (std::size_t i = 1; i <= 10; ++i) members.push_back(domain::test::delegate_number(i));
  EXPECT_TRUE(c.as("SE", domain::form_group{"G1", "第一代表小组", "area", members}));
  EXPECT_TRUE(c.as("SE", domain::plan_activity{
                             "A1", "group_activity", "G1", "走访群众", "2026-10-12", "东村", {}}));
  const auto& key = c.keys.at("D001");
  EXPECT_TRUE(c.as("D001", domain::activity_check_in{
                               "A1", c.now,
                               key.sign(crypto::activity_checkin_digest(
                                   "A1", key.public_part(), static_cast<std::uint64_t>(c.now)))}));
  EXPECT_TRUE(c.as("SE", domain::record_attendance{"A1", "D002", "present", "未带平板"}));
  EXPECT_TRUE(c.as("SE", domain::record_attendance{"A1", "D003", "excused", "外出"}));
  EXPECT_TRUE(c.as("SE", domain::record_activity_held{"A1", "收集意见两条"}));
  domain::private_input name{{{"name", "王建国"}}, {}};
  EXPECT_TRUE(c.as("D001", domain::register_contact{"C1", "member", "D001", name}));
  EXPECT_TRUE(c.as("D001", domain::register_contact{"C2", "resident", "C1", name}));
  domain::private_input words{{{"text", "路灯坏了"}}, {}};
  EXPECT_TRUE(c.as("D001", domain::log_opinion{"O1", "C2", "2026-10-12", "道路交通", words}));
  EXPECT_TRUE(c.as("D001", domain::log_opinion{"O2", "C2", "2026-10-12", "环境卫生", words}));
  EXPECT_TRUE(c.as("SE", domain::route_opinion{"O1", "交通局", "2026-10-12"}));
  EXPECT_TRUE(c.as("SE", domain::extend_opinion{"O1", 5, "需要现场勘查"}));
}

std::vector<domain::test::logged_event> run_sitting(
    std::size_t delegates, bool satisfaction, bool proposal_decided, months later,
    std::map<std::string, std::string>& first_formats) {
  if (delegates != 10) return run_large_sitting(delegates);
  domain::test::congress c{10};
  c.prepare_sitting(8);
  const auto d9 = c.keys.at("D009").public_part();
  const auto sig =
      c.keys.at("SE").sign(crypto::checkin_digest("s1", d9, static_cast<std::uint64_t>(c.now)));
  EXPECT_TRUE(c.as("SE", domain::assisted_check_in{"s1", "D009", c.now, "平板故障", sig}));
  c.complete_ceremony();
  c.open_with_item("i1", "report");

  c.open_motion("v1", "i1", "关于党委工作报告的决议");
  spoil(c, "D001", "v1", {{0, 1, 0}});  // challenged: 反对; then D001 casts 赞成
  c.cast_each("v1", 9, [](std::size_t i) {
    return i <= 6   ? crypto::ballot_choices{{1, 0, 0}}
           : i <= 8 ? crypto::ballot_choices{{0, 1, 0}}
                    : crypto::ballot_choices{{0, 0, 1}};
  });
  EXPECT_TRUE(c.as("CH", domain::close_vote{"v1"}));
  EXPECT_TRUE(c.decrypt("v1", {1, 2}));
  c.sign_result("v1", {"S1", "S2"}, true);

  EXPECT_TRUE(c.as("SE", domain::add_item{"s1", "i2", "election", "选举委员", 2, "党委书记", ""}));
  EXPECT_TRUE(c.as("CH", domain::set_current_item{"s1", "i2"}));
  domain::create_vote election;
  election.vote_id = "v2";
  election.sitting_id = "s1";
  election.item_id = "i2";
  election.kind = "election";
  election.title = "选举委员";
  election.seats = 1;
  election.candidates = {"王一", "李二"};
  EXPECT_TRUE(c.as("CH", election));
  EXPECT_TRUE(c.as("CH", domain::open_vote{"v2"}));
  spoil(c, "D003", "v2", {{0, 1}, {1, 0}});  // challenged: 王一 不赞成, 李二 赞成
  c.cast_each("v2", 9, [](std::size_t i) {
    return i <= 6   ? crypto::ballot_choices{{1, 0}, {0, 1}}
           : i <= 8 ? crypto::ballot_choices{{0, 1}, {1, 0}}
                    : crypto::ballot_choices{{0, 0}, {0, 0}};
  });
  EXPECT_TRUE(c.as("CH", domain::close_vote{"v2"}));
  EXPECT_TRUE(c.decrypt("v2", {1, 2}));
  EXPECT_EQ(c.state.find_vote("v2")->elected.size(), 1u);
  c.sign_result("v2", {"S2"}, false);
  if (satisfaction) run_satisfaction(c);
  // After the sitting, a proposal's whole handling: accepted, answered, rated 不满意, answered
  // again, rated 满意.
  EXPECT_TRUE(c.as("SE", domain::set_calendar{2026, {"2026-10-01"}, {"2026-10-10"}}));
  EXPECT_TRUE(
      c.as("D002", domain::submit_proposal{"P1", "关于修路的提案", "建议硬化村道。", {"D003"}}));
  EXPECT_TRUE(c.as("SE", domain::accept_proposal{"P1", "交通运输局"}));
  EXPECT_TRUE(c.as("SE", domain::answer_proposal{"P1", "计划明年实施。"}));
  EXPECT_TRUE(c.as("D002", domain::rate_proposal{"P1", "unsatisfied"}));
  EXPECT_TRUE(c.as("SE", domain::answer_proposal{"P1", "已安排本年度实施。"}));
  EXPECT_TRUE(c.as("D002", domain::rate_proposal{"P1", "satisfied"}));
  if (proposal_decided) run_proposal_decided(c);
  if (later != months::none) {
    c.now = 1'791'766'800'000;  // 2026-10-12 09:00 in Beijing
    EXPECT_TRUE(c.as("D004", domain::submit_proposal{"P2", "关于学校的提案", "建议修缮校舍。"}));
    EXPECT_TRUE(c.as("SE", domain::accept_proposal{"P2", "教育局", "2026-10-23"}));
    EXPECT_TRUE(c.as("D005", domain::submit_proposal{"P3", "关于集市的提案", "建议规范摊位。"}));
    EXPECT_TRUE(c.as("SE", domain::convert_proposal{"P3", "属于日常管理意见"}));
    run_between_meetings(c);
  }
  if (later == months::reported) {
    c.now = 1'795'309'200'000;  // 2026-11-22 09:00 in Beijing
    for (const char* m : {"2026-03", "2026-09", "2026-10"}) {
      first_formats[m] = crypto::to_hex(domain::report_digest(
          domain::monthly_report(c.state, *domain::report_month::parse(m), 1)));
      EXPECT_TRUE(c.as("SE", domain::issue_monthly_report{m}));
    }
  }
  return c.log;
}

}  // namespace

sitting_record::sitting_record(std::size_t delegates, bool satisfaction, bool proposal_decided,
                               months later)
    : root_(make_root()), data_dir_(root_ / "data"), key_(make_congress_key(data_dir_)) {
  const auto events =
      run_sitting(delegates, satisfaction, proposal_decided, later, first_format_digests_);
  auto log = server::storage::event_log::open(data_dir_ / "events.db", key_);
  if (!log) throw std::runtime_error("cannot open the event log: " + log.error().message);
  for (const auto& e : events) {
    auto appended = (*log)->append(e.type, json::serialize(e.payload), [](auto) {});
    if (!appended) throw std::runtime_error("cannot append");
  }
  if ((*log)->flush()) throw std::runtime_error("cannot flush");
}

sitting_record::~sitting_record() {
  std::error_code ec;
  fs::remove_all(root_, ec);
}

fs::path sitting_record::fresh_dir(const std::string& name) const { return root_ / name; }

std::vector<protocol::board_event> read_events(const fs::path& dir) {
  std::ifstream in(dir / protocol::record_events_file);
  std::vector<protocol::board_event> out;
  std::string line;
  while (std::getline(in, line)) {
    auto e = protocol::parse_event_line(line);
    if (!e) throw std::runtime_error("unreadable event line");
    out.push_back(std::move(*e));
  }
  return out;
}

void write_events(const fs::path& dir, const std::vector<protocol::board_event>& events) {
  std::ofstream out(dir / protocol::record_events_file, std::ios::trunc);
  for (const auto& e : events) out << protocol::event_line(e) << "\n";
}

void resign_and_write(const fs::path& dir, std::vector<protocol::board_event> events,
                      const crypto::secret_key& key) {
  resign_and_write(dir, std::move(events), key, key, 0);
}

void resign_and_write(const fs::path& dir, std::vector<protocol::board_event> events,
                      const crypto::secret_key& congress, const crypto::secret_key& standby,
                      std::size_t standby_from) {
  crypto::digest32 prev = crypto::genesis_hash;
  std::ofstream receipts(dir / protocol::record_receipts_file, std::ios::trunc);
  for (std::size_t i = 0; i < events.size(); ++i) {
    auto& e = events[i];
    const crypto::secret_key& key = i >= standby_from ? standby : congress;
    e.seq = i;
    e.prev_hash = prev;
    e.entry_hash = crypto::entry_hash(e.seq, e.prev_hash, e.type, e.payload);
    e.sig = key.sign(e.entry_hash);
    prev = e.entry_hash;
    if (e.type == "ballot_accepted") {
      auto tracking =
          crypto::from_hex_fixed<32>(payload_of(e).at("tracking_code").as_string().c_str());
      protocol::receipt r{*tracking, e.seq, e.entry_hash, {}};
      r.sig = key.sign(crypto::receipt_digest(r.tracking_code, r.board_seq, r.board_entry_hash));
      receipts << protocol::receipt_line(r) << "\n";
    }
  }
  write_events(dir, events);
  std::ifstream in(dir / protocol::record_header_file);
  std::stringstream text;
  text << in.rdbuf();
  auto header = protocol::parse_record_header(text.str());
  if (!header) throw std::runtime_error("unreadable congress.json");
  header->events = events.size();
  header->head_hash = prev;
  std::ofstream out(dir / protocol::record_header_file, std::ios::trunc);
  out << protocol::record_header_text(*header);
}

json::object payload_of(const protocol::board_event& e) {
  return json::parse(e.payload).as_object();
}

void set_payload(protocol::board_event& e, const json::object& payload) {
  e.payload = json::serialize(payload);
}

std::size_t find_event(const std::vector<protocol::board_event>& events, const std::string& type,
                       const std::function<bool(const json::object&)>& pred) {
  for (std::size_t i = 0; i < events.size(); ++i)
    if (events[i].type == type && (!pred || pred(payload_of(events[i])))) return i;
  ADD_FAILURE() << "no " << type << " event";
  return 0;
}

}  // namespace plenum::verify_test
