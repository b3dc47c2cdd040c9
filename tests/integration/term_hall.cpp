#include "term_hall.hpp"

#include <gtest/gtest.h>
#include <signal.h>

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>
#include <fstream>
#include <sstream>

#include <plenum/clients/https_client.hpp>

#include "plenum/crypto/random.hpp"
#include "plenum/protocol/codec_ballot.hpp"

namespace plenum::tests {

namespace json = boost::json;
using namespace std::chrono_literals;

namespace {

std::string roster_csv(int delegates) {
  std::string csv = "number,name,gender,ethnicity,occupation,unit,group,roles,committee\n";
  static const char* occupations[] = {"science", "education", "health", "farming"};
  for (int i = 1; i <= delegates; ++i)
    csv += term_delegate(i) + ",代表" + std::to_string(i) + "," + (i % 2 == 0 ? "女" : "男") + "," +
           (i == delegates ? "回族" : "汉族") + "," + occupations[i % 4] + ",U1,G1,delegate,no\n";
  csv += "AL,候补代表,女,汉族,farming,U1,G1,alternate,no\n";
  csv += "CH,主持人,男,汉族,cadre,,,chair,no\n";
  csv += "SE,秘书,女,汉族,cadre,,,secretary,no\n";
  for (int i = 1; i <= 3; ++i)
    csv += "S" + std::to_string(i) + ",监票人" + std::to_string(i) +
           ",男,汉族,cadre,,,scrutineer,no\n";
  return csv;
}

crypto::secret_key make_key(const std::string& label) {
  crypto::seeded_random random("term hall " + label);
  return crypto::secret_key::generate(random);
}

// The person numbers of a roster CSV (its first column), in order.
std::vector<std::string> roster_numbers(const std::string& csv) {
  std::vector<std::string> numbers;
  std::istringstream lines(csv);
  std::string line;
  std::getline(lines, line);  // the header
  while (std::getline(lines, line))
    if (!line.empty()) numbers.push_back(line.substr(0, line.find(',')));
  return numbers;
}

}  // namespace

std::string term_delegate(int i) {
  return "D0" + std::string(i < 10 ? "0" : "") + std::to_string(i);
}

term_hall::term_hall(int delegates) : term_hall(roster_csv(delegates)) {}

term_hall::term_hall(std::string roster) : dir_(std::make_unique<temp_dir>()) {
  data_ = dir_->path() / "data";
  start(roster, {"--congress-id", congress_id(), "--roster", (dir_->path() / "roster.csv").string(),
                 "--membership", "100,40,5"});
}

term_hall::term_hall(std::string roster, std::string name, std::vector<other_township> others)
    : dir_(std::make_unique<temp_dir>()) {
  data_ = dir_->path() / "data" / "townships" / congress_id();
  std::vector<std::string> args{"--township",
                                congress_id() + "=" + name,
                                "--township-roster",
                                congress_id() + "=" + (dir_->path() / "roster.csv").string(),
                                "--township-membership",
                                congress_id() + "=100,40,5"};
  for (const auto& t : others) {
    const auto file = dir_->path() / (t.id + ".csv");
    std::ofstream(file) << t.roster_csv;
    for (const std::string& a :
         {std::string("--township"), t.id + "=" + t.name, std::string("--township-roster"),
          t.id + "=" + file.string(), std::string("--township-membership"), t.id + "=100,40,5"})
      args.push_back(a);
  }
  start(roster, std::move(args));
}

void term_hall::start(const std::string& roster, std::vector<std::string> args) {
  std::ofstream(dir_->path() / "roster.csv") << roster;
  people_ = roster_numbers(roster);
  server_ = std::make_unique<plenumd_process>(PLENUMD_BINARY, dir_->path() / "data",
                                              dir_->path() / "plenumd.log", std::move(args));
  auto port = server_->wait_ready(120s);
  EXPECT_TRUE(port) << server_log();
  if (!port) return;
  port_ = *port;
  enroll_everyone();
}

term_hall::~term_hall() {
  if (server_ && port_ != 0) {
    EXPECT_EQ(server_->stop(SIGTERM, 60s), 0);
  }
}

std::string term_hall::server_log() const { return read_file(dir_->path() / "plenumd.log"); }

std::filesystem::path term_hall::scratch_dir() const { return dir_->path(); }

std::filesystem::path term_hall::data_dir(const std::string& township) const {
  return township.empty() ? data_ : dir_->path() / "data" / "townships" / township;
}

hall_client term_hall::as(const std::string& person) {
  hall_client c(port_);
  auto a = c.auth(keys_.at(person));
  EXPECT_TRUE(a.ok()) << person << " " << a.code();
  return c;
}

void term_hall::enroll_everyone() {
  hall_client first(port_);
  keys_.emplace("SE", make_key("SE"));
  auto se_enrolled = enroll(first, "SE", secretary_code(data_), keys_.at("SE"));
  EXPECT_TRUE(se_enrolled.ok()) << se_enrolled.code();
  if (!se_enrolled.ok()) return;
  auto se = as("SE");
  // A small roster may warn about its composition; the secretary has seen it.
  (void)se.call("acknowledge_warnings");
  for (const auto& p : people_) {
    if (p == "SE") continue;
    auto issued = se.call("issue_enrollment_code", {{"person", p}});
    EXPECT_TRUE(issued.ok()) << p << " " << issued.code();
    if (!issued.ok()) return;
    keys_.emplace(p, make_key(p));
    hall_client c(port_);
    auto enrolled = enroll(c, p, str(issued.fields, "code"), keys_.at(p));
    EXPECT_TRUE(enrolled.ok()) << p << " " << enrolled.code();
    if (!enrolled.ok()) return;
  }
  enrolled_ = true;
}

std::string term_hall::create_sitting(const std::string& title, const std::string& date) {
  auto r = as("CH").call("create_sitting", {{"title", title}, {"date", date}});
  EXPECT_TRUE(r.ok()) << title << " " << r.code();
  return r.ok() ? str(r.fields, "sitting_id") : std::string();
}

void term_hall::sit(const std::string& sitting, int present) {
  auto ch = as("CH");
  ASSERT_TRUE(ch.call("open_checkin", {{"sitting_id", sitting}}).ok());
  for (int i = 1; i <= present; ++i) {
    auto d = as(term_delegate(i));
    auto r = check_in(d, keys_.at(term_delegate(i)), sitting);
    ASSERT_TRUE(r.ok()) << term_delegate(i) << " " << r.code();
  }
  ASSERT_TRUE(
      ch.call("start_ceremony",
              {{"sitting_id", sitting}, {"scrutineers", json::array{"S1", "S2", "S3"}}, {"k", 2}})
          .ok());
  scrutineers_.reset();
  scrutineers_ = test_scrutineers::run_ceremony(port_, congress_id(), sitting, {"S1", "S2", "S3"},
                                                2, keys_, "term " + sitting);
  ASSERT_TRUE(scrutineers_);
  auto opened = ch.call("open_sitting", {{"sitting_id", sitting}});
  ASSERT_TRUE(opened.ok()) << opened.code();
}

json::object term_hall::decide_vote(const json::object& fields, int voters, const marks& choice,
                                    const std::function<void(const std::string&)>& closed) {
  const std::string vote_id = str(fields, "vote_id");
  auto ch = as("CH");
  auto created = ch.call("create_vote", fields);
  EXPECT_TRUE(created.ok()) << vote_id << " " << created.code();
  if (!created.ok() || !scrutineers_) return {};
  EXPECT_TRUE(ch.call("open_vote", {{"vote_id", vote_id}}).ok());
  auto basis = read_vote_basis(ch, vote_id);
  if (!basis) return {};
  for (int i = 1; i <= voters; ++i) {
    const std::string d = term_delegate(i);
    crypto::seeded_random random("ballot " + vote_id + d);
    auto b = crypto::make_ballot(basis->manifest, basis->election_hash, basis->joint_key,
                                 keys_.at(d), choice(i), random);
    EXPECT_TRUE(b) << d;
    if (!b) return {};
    auto r =
        as(d).call("cast_ballot", {{"vote_id", vote_id}, {"ballot", protocol::encode_ballot(*b)}});
    EXPECT_TRUE(r.ok()) << d << " " << r.code();
  }
  EXPECT_TRUE(ch.call("close_vote", {{"vote_id", vote_id}}).ok());
  if (closed) closed(vote_id);
  for (const auto& r : scrutineers_->decrypt(vote_id, basis->election_hash, {1, 3}))
    EXPECT_TRUE(r.ok()) << vote_id << " partial " << r.code();
  const auto digest = crypto::from_hex_fixed<32>(str(vote_view(ch, vote_id), "result_digest"));
  EXPECT_TRUE(digest) << vote_id << " has no result";
  if (!digest) return {};
  for (int l : {1, 3})
    EXPECT_TRUE(scrutineers_->client(l)
                    .call("sign_result",
                          {{"vote_id", vote_id},
                           {"signature", keys_.at("S" + std::to_string(l)).sign(*digest).hex()}})
                    .ok());
  EXPECT_TRUE(ch.call("announce_result",
                      {{"vote_id", vote_id}, {"signature", keys_.at("CH").sign(*digest).hex()}})
                  .ok());
  return vote_view(ch, vote_id);
}

json::object term_hall::follow_up() {
  auto r = as("SE").call("get_follow_up");
  EXPECT_TRUE(r.ok()) << r.code();
  return r.ok() ? r.fields.at("follow_up").as_object() : json::object{};
}

std::string term_hall::download(hall_client& c, const json::object& request) {
  auto ready = c.call("prepare_download", request);
  EXPECT_TRUE(ready.ok()) << json::serialize(request) << ": " << ready.code() << "\n"
                          << server_log();
  if (!ready.ok()) return {};
  clients::tls_options o;
  o.trust_file = dir_->path() / "data" / "tls" / "cert.pem";
  auto res = clients::https_request("GET", "localhost", port_, str(ready.fields, "url"), o, 60s);
  EXPECT_TRUE(res && res->status == 200u) << json::serialize(request);
  return res && res->status == 200u ? res->body : std::string();
}

std::uint64_t verified_record::count(std::string_view name) const {
  const auto* c = report.find(name);
  return c == nullptr ? 0 : c->count;
}

verified_record term_hall::export_and_verify(hall_client& secretary,
                                             clients::verify::verify_options options) {
  verified_record out;
  auto exported = secretary.call("export_record");
  EXPECT_TRUE(exported.ok()) << exported.code();
  if (!exported.ok()) return out;
  out.dir = str(exported.fields.at("record").as_object(), "dir");
  auto rec = clients::verify::load_record(out.dir);
  EXPECT_TRUE(rec) << out.dir << ": " << rec.error().message();
  if (!rec) return out;
  if (options.threads == 0) options.threads = 2;
  out.report = clients::verify::verify_record(*rec, options);
  for (const auto& c : out.report.checks) out.lines += clients::verify::format_check(c) + "\n";
  return out;
}

verified_record term_hall::verify_export(const std::vector<std::string>& checks) {
  auto se = as("SE");
  auto out = export_and_verify(se);
  EXPECT_TRUE(out.report.passed()) << out.lines;
  for (const auto& name : checks) {
    const auto* c = out.report.find(name);
    EXPECT_NE(c, nullptr) << "no check " << name << "\n" << out.lines;
    if (c != nullptr) {
      EXPECT_TRUE(c->passed) << out.lines;
    }
  }
  return out;
}

void extend_answer_and_report_back(hall_client& se, hall_client& keeper,
                                   const std::string& opinion_id, const std::string& reason,
                                   const std::string& answer) {
  EXPECT_EQ(keeper
                .call("extend_opinion",
                      {{"opinion_id", opinion_id}, {"working_days", 10}, {"reason", "x"}})
                .code(),
            "permission_denied");
  ASSERT_TRUE(se.call("extend_opinion",
                      {{"opinion_id", opinion_id}, {"working_days", 10}, {"reason", reason}})
                  .ok());
  EXPECT_EQ(
      se.call("extend_opinion", {{"opinion_id", opinion_id}, {"working_days", 5}, {"reason", "再"}})
          .code(),
      "opinion_extension_refused");
  ASSERT_TRUE(
      se.call("answer_opinion", {{"opinion_id", opinion_id}, {"details", {{"text", answer}}}})
          .ok());
  ASSERT_TRUE(keeper.call("report_back_opinion", {{"opinion_id", opinion_id}}).ok());
}

}  // namespace plenum::tests
