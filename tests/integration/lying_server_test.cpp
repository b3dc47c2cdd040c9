// What a C++ client checks before it encrypts, against a server that lies: the session roles
// (cast_vote) and plenum-cli refuse a substituted joint key (with the election hash recomputed
// over it or left genuine), a reordered manifest, a roster that leaves the voter out, an
// election hash over another roster, a missing confirmation, a forged or misdirected receipt,
// and another congress key in hello than the one pinned at enrollment; each with its own
// error, and without sending a ballot where the refusal comes before encryption. A genuine
// board passes.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include <plenum/clients/board.hpp>
#include <plenum/clients/key_store.hpp>
#include <plenum/clients/roles.hpp>
#include <plenum/clients/session.hpp>
#include <plenum/clients/trust_error.hpp>
#include <plenum/clients/vote_basis.hpp>
#include <plenum/crypto/ceremony.hpp>
#include <plenum/crypto/keygen.hpp>
#include <plenum/crypto/manifest.hpp>
#include <plenum/crypto/random.hpp>
#include <plenum/crypto/roster_tree.hpp>
#include <plenum/protocol/events.hpp>
#include <plenum/protocol/rules.hpp>

#include "e2e_support.hpp"
#include "lying_server.hpp"

namespace plenum::tests {
namespace {

namespace fs = std::filesystem;
using clients::trust_errc;

// The lies a board can carry; all false is the genuine board.
struct board_lies {
  bool substitute_key = false;          // vote_opened names a key the server knows
  bool hash_over_substitute = false;    // and an election hash recomputed over it
  bool reorder_manifest = false;        // vote_created's options in another order
  bool leave_out_voter = false;         // the roster (and its hashes) without D1
  bool hash_over_other_roster = false;  // election hash over a roster not published
  bool drop_confirmation = false;       // scrutineer 3's keys_confirmed missing
  bool close_vote = false;              // not a lie: the vote closed after opening
  bool format_two = false;  // vote_opened of format 2, its vote_roster not served (a course)
  bool root_over_other_roster = false;  // format 2: roster_root over a roster without D1
};

// A congress with three scrutineers (k = 2), delegates D1 and D2 and one open motion "v1",
// keys all held here, and the boards a server could publish for it.
struct hall {
  std::string congress_id = "township-congress";
  crypto::secret_key congress = crypto::secret_key::generate();
  std::vector<crypto::secret_key> scrutineers{crypto::secret_key::generate(),
                                              crypto::secret_key::generate(),
                                              crypto::secret_key::generate()};
  crypto::secret_key d1 = crypto::secret_key::generate();
  crypto::secret_key d2 = crypto::secret_key::generate();
  crypto::secret_key stranger = crypto::secret_key::generate();  // on no roster
  crypto::ceremony_params params = *crypto::ceremony_params::create(
      congress_id, "s1",
      {scrutineers[0].public_part(), scrutineers[1].public_part(), scrutineers[2].public_part()},
      2);
  std::vector<crypto::keygen_message> messages;
  crypto::ceremony_keys keys;
  crypto::manifest manifest = crypto::motion_manifest("v1", "Motion", "Adopt the report");
  // The key a lying server would publish: it knows the secret x.
  crypto::scalar x = crypto::scalar::random();
  crypto::point substitute = crypto::point::base_mul(x);

  hall() {
    for (std::uint64_t i = 1; i <= 3; ++i)
      messages.push_back(
          crypto::make_keygen_message(params, i, scrutineers[i - 1], crypto::system_random()));
    keys = *crypto::compute_ceremony_keys(params, messages);
  }

  [[nodiscard]] std::vector<crypto::public_key> roster(bool with_d1) const {
    std::vector<crypto::public_key> r{d2.public_part()};
    if (with_d1) r.push_back(d1.public_part());
    std::sort(r.begin(), r.end());
    return r;
  }

  [[nodiscard]] crypto::digest32 genuine_election_hash() const {
    return crypto::election_hash(params.ceremony_id(), keys.joint_key,
                                 crypto::manifest_hash(manifest),
                                 crypto::roster_hash(roster(true)));
  }

  // The board as published, signed with `signer`; the election hash it publishes is returned
  // in `published_hash`.
  [[nodiscard]] signed_board board(const board_lies& lies, const crypto::secret_key& signer,
                                   crypto::digest32& published_hash) const {
    namespace ev = protocol::events;
    signed_board b(signer);
    b.append(ev::congress_created{congress_id, "Congress", "2026-01-01", "2030-12-31"});
    const std::vector<std::pair<std::string, crypto::public_key>> people{
        {"S1", scrutineers[0].public_part()},
        {"S2", scrutineers[1].public_part()},
        {"S3", scrutineers[2].public_part()},
        {"D1", d1.public_part()},
        {"D2", d2.public_part()}};
    for (const auto& [person, pk] : people)
      b.append(ev::device_enrolled{person, pk, std::nullopt, std::nullopt});
    std::vector<ev::appointed_scrutineer> appointed;
    for (std::uint64_t i = 1; i <= 3; ++i)
      appointed.push_back({i, "S" + std::to_string(i), scrutineers[i - 1].public_part()});
    b.append(ev::ceremony_started{"s1", appointed, 3, 2, params.ceremony_id()});
    for (std::uint64_t i = 1; i <= 3; ++i)
      b.append(ev::keygen_submitted{
          "s1", i, "S" + std::to_string(i), messages[i - 1], std::nullopt, {}});
    const auto digest = crypto::key_digest(params, keys);
    for (std::uint64_t i = 1; i <= (lies.drop_confirmation ? 2U : 3U); ++i)
      b.append(ev::keys_confirmed{"s1", i, "S" + std::to_string(i),
                                  crypto::confirm_keys(params, i, scrutineers[i - 1], digest)});
    crypto::manifest shown = manifest;
    if (lies.reorder_manifest)
      std::swap(shown.contests[0].options[0], shown.contests[0].options[1]);
    b.append(ev::vote_created{
        "v1",
        "s1",
        "i1",
        protocol::vote_kind::motion,
        "Motion",
        true,
        protocol::rule_text(protocol::decision_rule::default_for(protocol::vote_kind::motion)),
        1,
        {},
        false,
        "",
        shown,
        {}});
    const auto voters = roster(!lies.leave_out_voter);
    const crypto::point published_key = lies.substitute_key ? substitute : keys.joint_key;
    const auto mh = crypto::manifest_hash(manifest);
    const auto rh = crypto::roster_hash(voters);
    published_hash = crypto::election_hash(
        params.ceremony_id(), lies.hash_over_substitute ? substitute : keys.joint_key, mh,
        lies.hash_over_other_roster ? crypto::roster_hash(roster(false)) : rh);
    if (lies.substitute_key && !lies.hash_over_substitute) published_hash = genuine_election_hash();
    std::vector<std::string> eligible{"D2"};
    if (!lies.leave_out_voter) eligible.insert(eligible.begin(), "D1");
    if (lies.format_two) {
      // The roster apart, as a tablet's course leaves it out: only vote_opened is served.
      ev::vote_opened opened{
          "v1", voters.size(),        voters.size(), voters.size() / 2 + 1, {}, {}, mh,
          rh,   params.ceremony_id(), published_key, published_hash};
      opened.roster_seq = b.events().size() - 1;  // no vote_roster there: a course leaves it out
      opened.roster_count = voters.size();
      opened.roster_root =
          crypto::roster_root(lies.root_over_other_roster ? roster(false) : voters);
      opened.format = 2;
      b.append(opened);
    } else {
      b.append(ev::vote_opened{"v1", voters.size(), voters.size(), voters.size() / 2 + 1, eligible,
                               voters, mh, rh, params.ceremony_id(), published_key,
                               published_hash});
    }
    if (lies.close_vote) b.append(ev::vote_closed{"v1", 0});
    return b;
  }

  // A server publishing the board with `lies`, signed by the congress key.
  [[nodiscard]] std::unique_ptr<lying_server> serve(const board_lies& lies,
                                                    receipt_lie receipt = receipt_lie::none) const {
    crypto::digest32 hash{};
    auto b = board(lies, congress, hash);
    return std::make_unique<lying_server>(congress_id, congress.public_part(), std::move(b), hash,
                                          receipt);
  }
};

clients::server_address address_of(const lying_server& srv) {
  clients::server_address a;
  a.host = "127.0.0.1";
  a.port = srv.port();
  a.tls.verify = clients::verify_mode::insecure;
  a.timeout = std::chrono::seconds(10);
  return a;
}

// D1 votes "for" through the session library, the congress key pinned as at enrollment.
result<clients::cast_outcome> vote_for(const hall& h, const lying_server& srv) {
  auto s = clients::session::connect(address_of(srv));
  if (!s) return s.error();
  s->pin_congress_key(h.congress.public_part());
  if (auto auth = s->authenticate(h.d1); !auth) return auth.error();
  auto board = clients::read_board(*s);
  if (!board) return board.error();
  auto choices = clients::to_choices(board->votes.at("v1").manifest, {{"motion", {"for"}}});
  if (!choices) return choices.error();
  auto cast = clients::cast_vote(*s, *board, "v1", h.d1, *choices);
  s->close();
  return cast;
}

class LyingServerTest : public ::testing::Test {
 protected:
  // Expects D1's vote through `srv` to be refused with `expected` before any ballot left.
  void expect_refused_before_encrypting(const lying_server& srv, trust_errc expected) {
    auto cast = vote_for(h_, srv);
    ASSERT_FALSE(cast) << "the client cast a ballot";
    EXPECT_EQ(cast.error(), make_error_code(expected)) << cast.error().message();
    EXPECT_FALSE(srv.received("cast_ballot"));
    EXPECT_TRUE(srv.received("get_board"));  // refused after reading, not for lack of a board
  }
  hall h_;
};

TEST_F(LyingServerTest, GenuineBoardPassesAndTheReceiptIsConfirmedOnTheBoard) {
  auto srv = h_.serve({});
  auto cast = vote_for(h_, *srv);
  ASSERT_TRUE(cast) << cast.error().message();
  EXPECT_TRUE(srv->received("cast_ballot"));
  EXPECT_EQ(cast->reply.receipt.tracking_code, cast->tracking_code);
  // The receipt's entry was read after casting: a get_board beyond the board read first.
  const auto reqs = srv->requests();
  EXPECT_EQ(std::count(reqs.begin(), reqs.end(), "get_board"), 2);
}

TEST_F(LyingServerTest, SubstitutedKeyWithRecomputedElectionHashIsRefused) {
  board_lies lies;
  lies.substitute_key = true;
  lies.hash_over_substitute = true;
  expect_refused_before_encrypting(*h_.serve(lies), trust_errc::joint_key_mismatch);
}

TEST_F(LyingServerTest, SubstitutedKeyWithGenuineElectionHashIsRefused) {
  board_lies lies;
  lies.substitute_key = true;
  expect_refused_before_encrypting(*h_.serve(lies), trust_errc::joint_key_mismatch);
}

TEST_F(LyingServerTest, ReorderedManifestIsRefused) {
  board_lies lies;
  lies.reorder_manifest = true;
  expect_refused_before_encrypting(*h_.serve(lies), trust_errc::manifest_mismatch);
}

TEST_F(LyingServerTest, ElectionHashOverAnotherRosterIsRefused) {
  board_lies lies;
  lies.hash_over_other_roster = true;
  expect_refused_before_encrypting(*h_.serve(lies), trust_errc::election_hash_mismatch);
}

TEST_F(LyingServerTest, RosterWithoutThisDeviceIsRefused) {
  board_lies lies;
  lies.leave_out_voter = true;
  expect_refused_before_encrypting(*h_.serve(lies), trust_errc::not_in_roster);
}

// D1's inclusion path in the genuine roster, as get_roster_proof answers it.
boost::json::object proof_of_d1(const hall& h) {
  auto keys = h.roster(true);
  std::sort(keys.begin(), keys.end());
  const auto index = static_cast<std::uint64_t>(
      std::find(keys.begin(), keys.end(), h.d1.public_part()) - keys.begin());
  const auto proof = crypto::roster_inclusion_proof(keys, index);
  boost::json::array path;
  for (const auto& hash : *proof) path.emplace_back(crypto::to_hex(hash));
  return {{"vote_id", "v1"}, {"index", index}, {"count", keys.size()}, {"path", path}};
}

TEST_F(LyingServerTest, FormatTwoWithAGenuineProofPasses) {
  board_lies lies;
  lies.format_two = true;
  auto srv = h_.serve(lies);
  srv->set_roster_proof(proof_of_d1(h_));
  auto cast = vote_for(h_, *srv);
  ASSERT_TRUE(cast) << cast.error().message();
  EXPECT_TRUE(srv->received("get_roster_proof"));
}

TEST_F(LyingServerTest, FormatTwoWithAWrongPathIsRefused) {
  board_lies lies;
  lies.format_two = true;
  auto srv = h_.serve(lies);
  auto proof = proof_of_d1(h_);
  proof["path"].as_array()[0] = crypto::to_hex(crypto::digest32{});
  srv->set_roster_proof(proof);
  expect_refused_before_encrypting(*srv, trust_errc::roster_mismatch);
}

TEST_F(LyingServerTest, FormatTwoWithARootWithoutThisDeviceIsRefused) {
  board_lies lies;
  lies.format_two = true;
  lies.root_over_other_roster = true;
  auto srv = h_.serve(lies);
  srv->set_roster_proof(proof_of_d1(h_));
  expect_refused_before_encrypting(*srv, trust_errc::roster_mismatch);
}

TEST_F(LyingServerTest, FormatTwoWithoutAProofIsNotInTheRoster) {
  board_lies lies;
  lies.format_two = true;
  expect_refused_before_encrypting(*h_.serve(lies), trust_errc::not_in_roster);
}

TEST_F(LyingServerTest, MissingConfirmationIsRefused) {
  board_lies lies;
  lies.drop_confirmation = true;
  expect_refused_before_encrypting(*h_.serve(lies), trust_errc::confirmation_invalid);
}

TEST_F(LyingServerTest, ForgedReceiptIsRefused) {
  auto srv = h_.serve({}, receipt_lie::forged);
  auto cast = vote_for(h_, *srv);
  ASSERT_FALSE(cast);
  EXPECT_EQ(cast.error(), make_error_code(trust_errc::receipt_forged));
}

TEST_F(LyingServerTest, ReceiptForAnotherEntryIsRefused) {
  auto srv = h_.serve({}, receipt_lie::other_entry);
  auto cast = vote_for(h_, *srv);
  ASSERT_FALSE(cast);
  EXPECT_EQ(cast.error(), make_error_code(trust_errc::receipt_not_on_board));
}

TEST_F(LyingServerTest, ReceiptForAnotherBallotIsRefused) {
  auto srv = h_.serve({}, receipt_lie::other_tracking);
  auto cast = vote_for(h_, *srv);
  ASSERT_FALSE(cast);
  EXPECT_EQ(cast.error(), make_error_code(trust_errc::receipt_not_mine));
}

TEST_F(LyingServerTest, AnotherCongressKeyInHelloIsRefusedBeforeAuthenticating) {
  // The whole board re-signed with a key the server made up, and hello naming it.
  const auto other = crypto::secret_key::generate();
  crypto::digest32 hash{};
  auto b = h_.board({}, other, hash);
  lying_server srv(h_.congress_id, other.public_part(), std::move(b), hash);
  auto cast = vote_for(h_, srv);
  ASSERT_FALSE(cast);
  EXPECT_EQ(cast.error(), make_error_code(trust_errc::congress_key_changed));
  EXPECT_FALSE(srv.received("auth"));
  EXPECT_FALSE(srv.received("cast_ballot"));
}

TEST_F(LyingServerTest, TheCheckedBasisIsTheCeremonysKeyNotTheServersWord) {
  auto srv = h_.serve({});
  auto s = clients::session::connect(address_of(*srv));
  ASSERT_TRUE(s);
  ASSERT_TRUE(s->authenticate(h_.d1));
  auto board = clients::read_board(*s);
  ASSERT_TRUE(board);
  auto basis = clients::check_vote_basis(*board, "v1", h_.d1.public_part());
  ASSERT_TRUE(basis) << basis.error().message();
  EXPECT_EQ(basis->joint_key, h_.keys.joint_key);
  EXPECT_EQ(basis->election_hash, h_.genuine_election_hash());
  EXPECT_EQ(crypto::manifest_hash(basis->manifest), crypto::manifest_hash(h_.manifest));
  // A key that is not in the roster is not admitted.
  EXPECT_EQ(basis->admits(h_.stranger.public_part()).error(),
            make_error_code(trust_errc::not_in_roster));
  s->close();
}

TEST_F(LyingServerTest, AClosedVoteIsCheckedAsOpenedForTheScrutineers) {
  // A scrutineer decrypting or signing a closed vote relies on the same basis; no ballot is
  // made for a closed vote.
  board_lies lies;
  lies.close_vote = true;
  auto genuine = h_.serve(lies);
  lies.substitute_key = true;
  lies.hash_over_substitute = true;
  auto lying = h_.serve(lies);
  for (auto* srv : {genuine.get(), lying.get()}) {
    auto s = clients::session::connect(address_of(*srv));
    ASSERT_TRUE(s);
    ASSERT_TRUE(s->authenticate(h_.scrutineers[0]));
    auto board = clients::read_board(*s);
    ASSERT_TRUE(board) << board.error().message();
    EXPECT_EQ(clients::check_vote_basis(*board, "v1").error(), errc::vote_not_open);
    auto basis = clients::check_opened_vote_basis(*board, "v1");
    if (srv == genuine.get()) {
      ASSERT_TRUE(basis) << basis.error().message();
      EXPECT_EQ(basis->joint_key, h_.keys.joint_key);
    } else {
      EXPECT_EQ(basis.error(), make_error_code(trust_errc::joint_key_mismatch));
    }
    s->close();
  }
}

// plenum-cli: the same refusals, in English and Chinese, from a key store it wrote itself.
class LyingServerCliTest : public LyingServerTest {
 protected:
  void SetUp() override {
    scratch_ = fs::temp_directory_path() /
               ("plenum-lying-cli-" + std::to_string(::getpid()) + "-" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(scratch_);
    fs::create_directories(scratch_);
    // D1 enrolls with plenum-cli at the genuine server: the key store then holds D1's new
    // device key and the congress key it pinned.
    auto enroll_at = h_.serve({});
    auto r = cli(*enroll_at, {"enroll", "ABCD-EFGH"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const clients::key_store store(scratch_ / "keys");
    auto pinned = store.load_congress_key("D1");
    ASSERT_TRUE(pinned);
    EXPECT_EQ(*pinned, h_.congress.public_part());
    h_.d1 = *store.load("D1");
  }
  void TearDown() override { fs::remove_all(scratch_); }

  e2e::cli_run cli(const lying_server& srv, std::vector<std::string> args) {
    std::vector<std::string> all{"--server",
                                 "127.0.0.1:" + std::to_string(srv.port()),
                                 "--insecure",
                                 "--keys",
                                 (scratch_ / "keys").string(),
                                 "--as",
                                 "D1"};
    all.insert(all.end(), args.begin(), args.end());
    return e2e::run_cli(all, scratch_);
  }
  fs::path scratch_;
};

TEST_F(LyingServerCliTest, VotesOnAGenuineBoard) {
  auto srv = h_.serve({});
  auto r = cli(*srv, {"vote", "v1", "--choice", "for"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("receipt verified"), std::string::npos) << r.out;
  EXPECT_TRUE(srv->received("cast_ballot"));
}

TEST_F(LyingServerCliTest, RefusesASubstitutedKeyInEnglishAndChinese) {
  board_lies lies;
  lies.substitute_key = true;
  lies.hash_over_substitute = true;
  auto srv = h_.serve(lies);
  auto r = cli(*srv, {"vote", "v1", "--choice", "for"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("joint_key_mismatch"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("not the one the scrutineers generated"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("本次表决的加密公钥与监票人生成的不一致，请勿投票并通知监票人"),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(srv->received("cast_ballot"));
}

TEST_F(LyingServerCliTest, RefusesAnotherCongressKeyThanTheOnePinnedAtEnrollment) {
  const auto other = crypto::secret_key::generate();
  crypto::digest32 hash{};
  auto b = h_.board({}, other, hash);
  lying_server srv(h_.congress_id, other.public_part(), std::move(b), hash);
  auto r = cli(srv, {"vote", "v1", "--choice", "for"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("congress_key_changed"), std::string::npos) << r.err;
  EXPECT_FALSE(srv.received("auth"));
  EXPECT_FALSE(srv.received("cast_ballot"));
}

TEST_F(LyingServerCliTest, RefusesAForgedReceipt) {
  auto srv = h_.serve({}, receipt_lie::forged);
  auto r = cli(*srv, {"vote", "v1", "--choice", "for"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("receipt_forged"), std::string::npos) << r.err;
  EXPECT_EQ(r.out.find("receipt verified"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace plenum::tests
