#include "domain_fixture.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <stdexcept>
#include "domain/ceremony.hpp"
#include "domain/enrollment.hpp"
#include "plenum/crypto/board.hpp"
#include "plenum/crypto/decryption.hpp"
#include "plenum/crypto/hash.hpp"
#include "plenum/crypto/random.hpp"
#include "plenum/protocol/codec_ceremony.hpp"
#include "plenum/protocol/codec_decryption.hpp"
#include "plenum/protocol/events.hpp"
#include "plenum/protocol/working_calendar.hpp"

namespace plenum::server::domain::test {

namespace json = boost::json;

std::string delegate_number(std::size_t i) {
  std::string n = std::to_string(i);
  while (n.size() < 3) n.insert(0, "0");
  return "D" + n;
}

std::string roster_csv(std::size_t delegates) {
  static const char* occupations[] = {"science", "education", "health", "farming"};
  std::string csv = "number,name,gender,ethnicity,occupation,unit,group,roles,committee\n";
  for (std::size_t i = 1; i <= delegates; ++i) {
    csv += delegate_number(i) + ",代表" + std::to_string(i) + "," + (i % 2 == 0 ? "女" : "男") +
           "," + (i % 10 == 0 ? "回族" : "汉族") + "," + occupations[i % 4] + ",U" +
           std::to_string((i - 1) / 20 + 1) + ",G" + std::to_string((i - 1) / 10 + 1) +
           ",delegate,no\n";
  }
  csv += "CH,主持人,男,汉族,cadre,,,chair,no\n";
  csv += "SE,秘书,女,汉族,cadre,,,secretary,no\n";
  for (int i = 1; i <= 3; ++i)
    csv += "S" + std::to_string(i) + ",监票人" + std::to_string(i) +
           ",男,汉族,cadre,,,scrutineer,no\n";
  csv += "AL,候补代表,女,汉族,farming,U1,G1,alternate,no\n";
  csv += "OB,列席人员,男,汉族,cadre,,,observer,no\n";
  csv += "PR,大屏,男,汉族,other,,,projector,no\n";
  return csv;
}

membership_totals quiet_membership() { return {1000, 400, 50}; }

crypto::secret_key congress::make_key(const std::string& number, int generation) {
  crypto::seeded_random random("device " + number + " " + std::to_string(generation));
  return crypto::secret_key::generate(random);
}

congress::congress(std::size_t delegates) {
  EXPECT_TRUE(
      as_system(create_congress{"congress-demo", "某镇党代会", "2026-01-01", "2030-12-31"}));
  EXPECT_TRUE(as_system(import_roster{roster_csv(delegates), quiet_membership()}));
  crypto::seeded_random codes("codes");
  auto enroll = [&](const std::string& number, bool by_system) {
    auto code = enrollment_code::generate(codes);
    auto salt = generate_salt(codes);
    command issue = issue_enrollment_code{number, code.printable(), crypto::to_hex(salt)};
    auto issued = by_system ? as_system(issue) : as("SE", issue);
    EXPECT_TRUE(issued) << number;
    auto key = make_key(number);
    auto pk = key.public_part();
    auto sig = key.sign(enrollment_digest("congress-demo", number, code, pk));
    auto possession = key.sign(crypto::possession_digest("congress-demo", number, pk));
    EXPECT_TRUE(run(enroll_device{number, code.canonical(), pk, sig, possession}, actor::device()))
        << number;
    keys.insert_or_assign(number, key);
  };
  enroll("SE", true);
  if (!state.warnings_acknowledged()) {
    EXPECT_TRUE(as("SE", acknowledge_warnings{}));
  }
  for (const auto& p : state.persons()) {
    if (p.number != "SE") enroll(p.number, false);
  }
}

void congress::enroll_key(const std::string& number, const crypto::secret_key& key) {
  crypto::seeded_random random("re-enroll " + number);
  auto code = enrollment_code::generate(random);
  auto salt = generate_salt(random);
  ASSERT_TRUE(as("SE", issue_enrollment_code{number, code.printable(), crypto::to_hex(salt)}));
  const auto pk = key.public_part();
  const auto sig = key.sign(enrollment_digest("congress-demo", number, code, pk));
  ASSERT_TRUE(run(enroll_device{number, code.canonical(), pk, sig}, actor::device()));
  keys.insert_or_assign(number, key);
}

result<decision> congress::run(const command& cmd, const actor& who) {
  context ctx{who, now, settings{}};
  auto d = decide(state, cmd, ctx);
  if (!d) return d;
  for (const auto& body : d->events) {
    // What the log stores is text; the state applies what replaying decodes from it.
    const std::string type(protocol::event_type(body));
    const std::string text = protocol::encode_event_payload(body);
    auto decoded = protocol::decode_event_payload(type, text);
    EXPECT_TRUE(decoded) << type << " " << (decoded ? "" : decoded.error().message());
    if (!decoded) return errc::internal;
    EXPECT_EQ(protocol::encode_event_payload(*decoded), text) << type;
    const std::uint64_t seq = state.next_seq();
    head_ = crypto::entry_hash(seq, head_, type, text);
    event e{seq, head_, std::move(*decoded)};
    auto applied = state.apply(e);
    EXPECT_TRUE(applied) << type << " " << (applied ? "" : applied.error().reason);
    log.push_back({seq, type, json::parse(text).as_object(), std::move(e)});
  }
  return d;
}

actor congress::person_actor(const std::string& number) const {
  auto it = keys.find(number);
  if (it == keys.end()) return actor::device();
  auto who = authenticate(state, it->second.public_part());
  if (!who) return actor::device();
  return *who;
}

result<decision> congress::as(const std::string& number, const command& cmd) {
  return run(cmd, person_actor(number));
}

result<decision> congress::as_system(const command& cmd) { return run(cmd, actor::system()); }

result<decision> congress::check_in_now(const std::string& number, const std::string& sitting_id) {
  const auto& key = keys.at(number);
  auto sig = key.sign(
      crypto::checkin_digest(sitting_id, key.public_part(), static_cast<std::uint64_t>(now)));
  return as(number, check_in{sitting_id, now, sig});
}

void congress::prepare_sitting(std::size_t present, const std::string& sitting_id) {
  EXPECT_TRUE(as("CH", create_sitting{sitting_id, "2026年年会", "2026-03-01"}));
  EXPECT_TRUE(as("CH", open_checkin{sitting_id}));
  for (std::size_t i = 1; i <= present; ++i)
    EXPECT_TRUE(check_in_now(delegate_number(i), sitting_id));
}

void congress::deal_keys(const std::string& sitting_id) {
  ASSERT_TRUE(as("CH", start_ceremony{sitting_id, {"S1", "S2", "S3"}, 2}));
  auto params = ceremony_params_of(state, *state.find_sitting(sitting_id));
  ASSERT_TRUE(params);
  crypto::seeded_random random("keygen " + sitting_id);
  for (std::uint64_t i = 1; i <= 3; ++i) {
    const std::string s = "S" + std::to_string(i);
    auto msg = crypto::make_keygen_message(*params, i, keys.at(s), random);
    ASSERT_TRUE(as(s, submit_keygen{sitting_id, msg}));
  }
}

void congress::complete_ceremony(const std::string& sitting_id) {
  deal_keys(sitting_id);
  const sitting& st = *state.find_sitting(sitting_id);
  auto params = ceremony_params_of(state, st);
  auto ckeys = ceremony_keys_of(*st.ceremony);
  ASSERT_TRUE(params && ckeys);
  const auto messages = keygen_messages_of(*st.ceremony);
  ASSERT_EQ(messages.size(), 3u);
  const auto digest = crypto::key_digest(*params, *ckeys);
  for (std::uint64_t l = 1; l <= 3; ++l) {
    const std::string s = "S" + std::to_string(l);
    std::vector<crypto::scalar> opened;
    for (const auto& m : messages) {
      auto outcome = crypto::open_share(*params, m, l, keys.at(s));
      ASSERT_TRUE(std::holds_alternative<crypto::scalar>(outcome));
      opened.push_back(std::get<crypto::scalar>(outcome));
    }
    auto share = crypto::combine_shares(*params, l, opened, ckeys->verification_keys[l - 1]);
    ASSERT_TRUE(share);
    shares[sitting_id].insert_or_assign(l, *share);
    auto sig = crypto::confirm_keys(*params, l, keys.at(s), digest);
    ASSERT_TRUE(as(s, confirm_keys{sitting_id, sig}));
  }
  ASSERT_TRUE(state.find_sitting(sitting_id)->ceremony->complete);
}

crypto::point congress::joint_key(const std::string& sitting_id) const {
  return *state.find_sitting(sitting_id)->ceremony->joint_key;
}

result<decision> congress::decrypt(const std::string& vote_id,
                                   const std::vector<std::uint64_t>& indices) {
  const vote& v = *state.find_vote(vote_id);
  const sitting& st = *state.find_sitting(v.sitting_id);
  auto params = *ceremony_params_of(state, st);
  auto ckeys = *ceremony_keys_of(*st.ceremony);
  const auto aggregates = vote_aggregates(v);
  const auto election_hash = *crypto::from_hex_fixed<32>(v.election_hash);
  crypto::seeded_random random("partials " + vote_id);
  result<decision> last = errc::internal;
  for (auto l : indices) {
    const std::string s = "S" + std::to_string(l);
    auto partial =
        crypto::make_partial_decryption(params, ckeys, election_hash, aggregates,
                                        shares.at(v.sitting_id).at(l), keys.at(s), random);
    last = as(s, submit_partial{vote_id, partial});
    if (!last) return last;
  }
  return last;
}

void congress::open_with_item(const std::string& item_id, const std::string& item_kind,
                              const std::string& sitting_id) {
  ASSERT_TRUE(as("CH", open_sitting{sitting_id}));
  ASSERT_TRUE(
      as("SE", add_item{sitting_id, item_id, item_kind, "议程 " + item_id, 1, "党委书记", ""}));
  ASSERT_TRUE(as("CH", set_current_item{sitting_id, item_id}));
}

void congress::create_motion(const std::string& vote_id, const std::string& item_id,
                             const std::string& title) {
  create_vote v;
  v.vote_id = vote_id;
  v.sitting_id = "s1";
  v.item_id = item_id;
  v.kind = "motion";
  v.title = title;
  ASSERT_TRUE(as("CH", v));
}

void congress::open_motion(const std::string& vote_id, const std::string& item_id,
                           const std::string& title) {
  create_motion(vote_id, item_id, title);
  ASSERT_TRUE(as("CH", open_vote{vote_id}));
}

void congress::cast_each(const std::string& vote_id, std::size_t count,
                         const std::function<crypto::ballot_choices(std::size_t)>& choice) {
  for (std::size_t i = 1; i <= count; ++i) {
    const auto number = delegate_number(i);
    ASSERT_TRUE(as(number, cast_ballot{vote_id, ballot_for(number, vote_id, choice(i))})) << number;
  }
}

void congress::sign_result(const std::string& vote_id, const std::vector<std::string>& signers,
                           bool announce) {
  const vote* v = state.find_vote(vote_id);
  ASSERT_NE(v, nullptr);
  const auto digest = *crypto::from_hex_fixed<32>(v->result_digest);
  for (const auto& s : signers) {
    EXPECT_TRUE(as(s, domain::sign_result{vote_id, keys.at(s).sign(digest)})) << s;
  }
  if (announce) {
    EXPECT_TRUE(as("CH", announce_result{vote_id, keys.at("CH").sign(digest)}));
  }
}

crypto::ballot congress::ballot_for(const std::string& number, const std::string& vote_id,
                                    const crypto::ballot_choices& choices, int seed) {
  const vote* v = state.find_vote(vote_id);
  if (v == nullptr) throw std::runtime_error("no vote " + vote_id);
  crypto::seeded_random random("ballot " + number + vote_id + std::to_string(seed));
  auto election_hash = *crypto::from_hex_fixed<32>(v->election_hash);
  auto b = crypto::make_ballot(v->manifest, election_hash, joint_key(v->sitting_id),
                               keys.at(number), choices, random);
  if (!b) throw std::runtime_error("cannot make a ballot for " + number);
  return *b;
}

std::int64_t beijing(const std::string& date, int hh, int mm) {
  return protocol::civil_date::parse(date)->days() * day_ms + (hh - 8) * 3'600'000LL +
         mm * 60'000LL;
}

private_input private_details(protocol::private_fields fields) {
  private_input in{std::move(fields), {}};
  for (std::size_t i = 0; i < in.salt.size(); ++i) in.salt[i] = static_cast<std::uint8_t>(i + 1);
  return in;
}

void expect_refused(congress& c, const std::string& who, const command& cmd, errc code) {
  const congress_state before = c.state;
  const std::size_t events = c.log.size();
  auto r = c.as(who, cmd);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error(), code) << r.error().message();
  EXPECT_TRUE(c.state == before);
  EXPECT_EQ(c.log.size(), events);
}

}  // namespace plenum::server::domain::test
