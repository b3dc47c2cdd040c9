// tests/vectors/cvp1.json, the project's own CVP1 test vectors: the committed file is exactly
// what the generator computes (but for the sealed shares and the signatures over them), and,
// read on its own, every value in it checks.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cstdint>
#include <fstream>
#include <limits>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "ballot_kat_support.hpp"
#include "ballot_parse.hpp"
#include "generate.hpp"
#include "json_text.hpp"
#include "kat.hpp"
#include "kat_ceremony.hpp"
#include "plenum/crypto/ballot.hpp"
#include "plenum/crypto/board.hpp"
#include "plenum/crypto/ceremony.hpp"
#include "plenum/crypto/ceremony_check.hpp"
#include "plenum/crypto/decryption.hpp"
#include "plenum/crypto/discrete_log.hpp"
#include "plenum/crypto/hash.hpp"
#include "plenum/crypto/manifest.hpp"
#include "plenum/crypto/random.hpp"
#include "plenum/crypto/reference_verify.hpp"
#include "plenum/crypto/result.hpp"
#include "plenum/crypto/spoiled_ballot.hpp"
#include "plenum/crypto/tally.hpp"
#include "plenum/protocol/codec_spoil.hpp"
#include "plenum/protocol/rules.hpp"

namespace plenum::crypto {
namespace {

namespace json = boost::json;

const json::object& doc() {
  static const json::value file = test::load_vector_file("cvp1.json");
  return file.as_object();
}
const json::object& file_ceremony() { return doc().at("ceremony").as_object(); }
const json::array& file_votes() { return doc().at("votes").as_array(); }

std::string text(const json::value& v) { return std::string(v.as_string()); }
std::uint64_t number(const json::value& v) { return v.to_number<std::uint64_t>(); }
digest32 digest_field(const json::value& v) {
  auto d = from_hex_fixed<32>(v.as_string());
  if (!d) throw std::runtime_error("malformed digest: " + json::serialize(v));
  return *d;
}

// ---- Comparing the committed file with a fresh generation ----

// Appends to `out` the paths where `a` and `b` differ, skipping the fields that are not
// reproducible. `pattern` is `path` with every index written [].
void differences(const json::value& a, const json::value& b, const std::string& path,
                 const std::string& pattern, std::vector<std::string>& out) {
  for (std::string_view skip : test::vectors::unreproducible_fields) {
    if (pattern == skip) return;
  }
  if (a.is_object() && b.is_object()) {
    const auto& x = a.as_object();
    const auto& y = b.as_object();
    const std::string dot = path.empty() ? "" : ".";
    for (const auto& m : x) {
      const std::string p = path + dot + std::string(m.key());
      const std::string q = pattern + dot + std::string(m.key());
      if (const auto* other = y.if_contains(m.key())) {
        differences(m.value(), *other, p, q, out);
      } else {
        out.push_back(p + " (missing from one side)");
      }
    }
    for (const auto& m : y) {
      if (!x.contains(m.key())) out.push_back(path + dot + std::string(m.key()) + " (extra)");
    }
  } else if (a.is_array() && b.is_array()) {
    const auto& x = a.as_array();
    const auto& y = b.as_array();
    if (x.size() != y.size()) {
      out.push_back(path + " (length)");
      return;
    }
    for (std::size_t i = 0; i < x.size(); ++i) {
      differences(x[i], y[i], path + "[" + std::to_string(i) + "]", pattern + "[]", out);
    }
  } else if (json::serialize(a) != json::serialize(b)) {
    out.push_back(path);
  }
}

std::vector<std::string> differences(const json::value& a, const json::value& b) {
  std::vector<std::string> out;
  differences(a, b, "", "", out);
  return out;
}

TEST(Vectors, CommittedFileIsWhatTheGeneratorComputes) {
  const json::value fresh = test::vectors::generate_vectors();
  const auto diff = differences(json::value(doc()), fresh);
  EXPECT_TRUE(diff.empty()) << diff.size() << " differences, the first: " << diff.front()
                            << "\nregenerate with " << test::vectors::regenerate_command;
}

TEST(Vectors, ComparisonSeesEveryChangeButTheUnreproducibleFields) {
  json::value copy = doc();
  EXPECT_TRUE(differences(json::value(doc()), copy).empty());

  auto& message = copy.at("ceremony").at("messages").as_array()[1].as_object();
  message["sealed"].as_array()[0] = json::string(std::string(160, '0'));
  message["signature"] = json::string(std::string(128, '0'));
  EXPECT_TRUE(differences(json::value(doc()), copy).empty());

  message["commitments"].as_array()[0] = json::string(std::string(64, '0'));
  copy.at("votes").as_array()[2].at("tally").at("counts").as_array()[0] = 9;
  copy.at("board").as_object().erase("enroll");
  copy.as_object()["extra"] = 1;
  EXPECT_EQ(
      differences(json::value(doc()), copy),
      (std::vector<std::string>{"ceremony.messages[1].commitments[0]", "votes[2].tally.counts[0]",
                                "board.enroll (missing from one side)", "extra (extra)"}));
}

TEST(Vectors, CommittedFileIsInTheGeneratorsLayout) {
  std::ifstream in(std::string(PLENUM_VECTORS_DIR) + "/cvp1.json", std::ios::binary);
  ASSERT_TRUE(in.good());
  std::stringstream committed;
  committed << in.rdbuf();
  EXPECT_EQ(test::vectors::indented_json(doc()), committed.str());
  EXPECT_EQ(test::vectors::indented_json(json::parse(R"({"a":[],"b":{},"c":[1,"选"]})")),
            "{\n \"a\": [],\n \"b\": {},\n \"c\": [\n  1,\n  \"选\"\n ]\n}\n");
}

// ---- The file on its own ----

TEST(Vectors, EveryHashIsRecomputed) {
  std::set<std::string> covered;
  for (const auto& entry : doc().at("hash").as_array()) {
    const auto& tag = entry.at("tag").as_string();
    transcript t(tag);
    if (tag.empty()) covered.insert("empty tag");
    for (const auto& part : entry.at("parts").as_array()) {
      const auto& p = part.as_object();
      ASSERT_EQ(p.size(), 1u);
      if (const auto* s = p.if_contains("str")) {
        t.str(s->as_string());
        if (s->as_string().empty()) covered.insert("empty str");
        if (s->as_string().size() > 255) covered.insert("long part");
        if (static_cast<unsigned char>(s->as_string().front()) >= 0x80) covered.insert("utf-8");
      } else if (const auto* n = p.if_contains("int")) {
        const auto value = number(*n);
        t.u64(value);
        if (value == 0) covered.insert("int 0");
        if (value == std::numeric_limits<std::uint64_t>::max()) covered.insert("int max");
      } else {
        const auto bytes = test::hex_field(p.at("hex"));
        t.raw(bytes);
        if (bytes.empty()) covered.insert("empty hex");
        if (bytes.size() > 255) covered.insert("long part");
      }
    }
    SCOPED_TRACE(std::string(tag));
    EXPECT_EQ(to_hex(t.h()), entry.at("H").as_string());
    EXPECT_EQ(to_hex(t.h32()), entry.at("H32").as_string());
    EXPECT_EQ(t.hs().hex(), entry.at("Hs").as_string());
  }
  EXPECT_EQ(covered, (std::set<std::string>{"empty tag", "empty str", "empty hex", "utf-8", "int 0",
                                            "int max", "long part"}));
}

secret_key key_from_seed(const json::value& person) {
  seeded_random source(text(person.at("seed")));
  return secret_key::generate(source);
}

TEST(Vectors, EveryKeyComesFromItsSeed) {
  std::vector<const json::value*> people{&doc().at("server")};
  for (const auto& s : file_ceremony().at("scrutineers").as_array()) people.push_back(&s);
  for (const auto& v : doc().at("voters").as_array()) people.push_back(&v);
  ASSERT_EQ(people.size(), 1u + 3u + 6u);
  std::set<std::string> keys;
  for (const json::value* p : people) {
    const secret_key sk = key_from_seed(*p);
    EXPECT_EQ(to_hex(sk.bytes()), p->at("sk").as_string());
    EXPECT_EQ(sk.public_part().hex(), p->at("pk").as_string());
    keys.insert(text(p->at("pk")));
  }
  EXPECT_EQ(keys.size(), people.size());  // distinct seeds give distinct keys
}

TEST(Vectors, CeremonyChecks) {
  const auto& c = file_ceremony();
  const ceremony_params params = test::ceremony_params_from_json(c);
  ASSERT_EQ(params.n(), 3u);
  ASSERT_EQ(params.k(), 2u);
  EXPECT_EQ(to_hex(params.ceremony_id()), c.at("ceremony_id").as_string());

  const auto messages = test::keygen_messages_from_json(c);
  const ceremony_keys keys = test::ceremony_keys_from_json(c);
  std::vector<signature> confirmations;
  for (const auto& s : c.at("confirmations").as_array()) {
    confirmations.push_back(test::signature_field(s));
  }
  EXPECT_TRUE(check_ceremony(params, messages, keys, confirmations).passed());
  EXPECT_EQ(to_hex(key_digest(params, keys)), c.at("key_digest").as_string());

  // Every sealed share opens with its recipient's key and adds up to the recipient's Z_l.
  for (std::uint64_t l = 1; l <= params.n(); ++l) {
    std::vector<scalar> shares;
    for (const auto& msg : messages) {
      auto outcome = open_share(params, msg, l, test::scrutineer_key_from_json(c, l));
      ASSERT_TRUE(std::holds_alternative<scalar>(outcome))
          << "dealer " << msg.dealer << " to " << l;
      shares.push_back(std::get<scalar>(outcome));
    }
    EXPECT_TRUE(combine_shares(params, l, shares, keys.verification_keys[l - 1]).has_value());
  }

  // The commitments and proofs come from the keygen seeds (the sealing does not).
  const auto& seeds = c.at("keygen_seeds").as_array();
  ASSERT_EQ(seeds.size(), messages.size());
  for (std::uint64_t i = 1; i <= params.n(); ++i) {
    seeded_random source(text(seeds[i - 1]));
    const keygen_message again =
        make_keygen_message(params, i, test::scrutineer_key_from_json(c, i), source);
    EXPECT_EQ(again.commitments, messages[i - 1].commitments);
    for (std::size_t j = 0; j < again.proofs.size(); ++j) {
      EXPECT_EQ(again.proofs[j].c, messages[i - 1].proofs[j].c);
      EXPECT_EQ(again.proofs[j].v, messages[i - 1].proofs[j].v);
    }
    EXPECT_NE(again.sealed_shares, messages[i - 1].sealed_shares);  // fresh ephemeral keys
  }
}

// The joint key and the voters of the file, for the ballot checks.
struct setting {
  digest32 ceremony_id = digest_field(file_ceremony().at("ceremony_id"));
  point joint_key = test::point_field(file_ceremony().at("joint_key"));
  std::vector<public_key> roster = test::voter_keys_from_json(doc().at("voters").as_array());

  [[nodiscard]] secret_key voter_key(std::string_view pk) const {
    for (const auto& v : doc().at("voters").as_array()) {
      if (v.at("pk").as_string() == pk) return test::secret_key_field(v.at("sk"));
    }
    throw std::runtime_error("no voter with that key");
  }
};

ballot_status check(const manifest& m, const digest32& election, const point& joint_key,
                    const json::value& ballot_json) {
  test::parsed_ballot parsed = test::parse_ballot(test::raw_ballot_from_json(ballot_json));
  if (!parsed.value) return parsed.status;
  // Both engines (the variable-time one and the reference path) give the same status.
  const ballot_status status = verify_ballot(m, election, joint_key, *parsed.value);
  EXPECT_EQ(reference::verify_ballot(m, election, joint_key, *parsed.value), status);
  return status;
}

TEST(Vectors, OneVoteOfEachKindWithFiveBallots) {
  std::vector<vote_kind> kinds;
  for (const auto& vote : file_votes()) {
    kinds.push_back(test::manifest_from_json(vote.at("manifest")).kind);
    EXPECT_EQ(vote.at("ballots").as_array().size(), 5u);
  }
  EXPECT_EQ(kinds, (std::vector<vote_kind>{vote_kind::motion, vote_kind::election,
                                           vote_kind::appraisal, vote_kind::confidence}));
  const auto& election = file_votes()[1].at("manifest");
  EXPECT_EQ(election.at("contests").as_array().size(), 4u);
  EXPECT_EQ(number(election.at("constraints").as_array()[0].at("max")), 2u);
}

TEST(Vectors, EveryBallotVerifiesAndIsRemadeFromItsSeed) {
  const setting s;
  for (const auto& vote : file_votes()) {
    const manifest m = test::manifest_from_json(vote.at("manifest"));
    SCOPED_TRACE(m.vote_id);
    ASSERT_FALSE(check_manifest(m).has_value());
    const digest32 mh = manifest_hash(m);
    const digest32 rh = roster_hash(s.roster);
    const digest32 eh = election_hash(s.ceremony_id, s.joint_key, mh, rh);
    EXPECT_EQ(to_hex(mh), vote.at("manifest_hash").as_string());
    EXPECT_EQ(to_hex(rh), vote.at("roster_hash").as_string());
    EXPECT_EQ(to_hex(eh), vote.at("election_hash").as_string());

    std::set<std::string> seeds;
    for (const auto& entry : vote.at("ballots").as_array()) {
      test::parsed_ballot parsed =
          test::parse_ballot(test::raw_ballot_from_json(entry.at("ballot")));
      ASSERT_TRUE(parsed.value.has_value()) << to_string(parsed.status);
      const ballot& b = *parsed.value;
      EXPECT_EQ(verify_ballot(m, eh, s.joint_key, b), ballot_status::ok);
      EXPECT_EQ(reference::verify_ballot(m, eh, s.joint_key, b), ballot_status::ok);
      const digest32 digest = ballot_digest(b, eh);
      const digest32 code = tracking_code(digest, b.sig);
      EXPECT_EQ(to_hex(digest), entry.at("digest").as_string());
      EXPECT_EQ(to_hex(code), entry.at("tracking_code").as_string());
      EXPECT_EQ(tracking_code_display(code), entry.at("tracking_code_display").as_string());

      const std::string seed = text(entry.at("seed"));
      seeds.insert(seed);
      seeded_random source(seed);
      const auto again = make_ballot(m, eh, s.joint_key, s.voter_key(b.voter_pk.hex()),
                                     test::choices_from_json(entry.at("choice")), source);
      ASSERT_TRUE(again.has_value());
      EXPECT_EQ(*again, b);
      // Another seed gives another ballot: the seed is what makes it reproducible.
      seeded_random other(seed + "/other");
      EXPECT_NE(make_ballot(m, eh, s.joint_key, s.voter_key(b.voter_pk.hex()),
                            test::choices_from_json(entry.at("choice")), other)
                    ->ballot_id,
                b.ballot_id);
    }
    EXPECT_EQ(seeds.size(), 5u);
  }
}

// Cast or challenge (SPEC.md §14): each vote's spoiled ballot opens to its choice, is remade
// from its seed with the same openings, and a changed value no longer opens.
TEST(Vectors, EverySpoiledBallotOpensToItsChoice) {
  const setting s;
  for (const auto& vote : file_votes()) {
    const manifest m = test::manifest_from_json(vote.at("manifest"));
    SCOPED_TRACE(m.vote_id);
    const digest32 eh =
        election_hash(s.ceremony_id, s.joint_key, manifest_hash(m), roster_hash(s.roster));
    const auto& spoiled = vote.at("spoiled").as_object();
    test::parsed_ballot parsed =
        test::parse_ballot(test::raw_ballot_from_json(spoiled.at("ballot")));
    ASSERT_TRUE(parsed.value.has_value()) << to_string(parsed.status);
    auto openings = protocol::decode_openings(spoiled.at("nonces"));
    ASSERT_TRUE(openings) << openings.error().message();
    opened_ballot opened{*parsed.value, *openings};
    const auto choice = test::choices_from_json(spoiled.at("choice"));
    const spoil_check r = check_spoiled_ballot(m, eh, s.joint_key, opened);
    ASSERT_EQ(r.status, spoil_status::ok) << to_string(r.status);
    EXPECT_EQ(r.choices, choice);
    const digest32 digest = ballot_digest(opened.b, eh);
    EXPECT_EQ(to_hex(digest), spoiled.at("digest").as_string());
    EXPECT_EQ(to_hex(tracking_code(digest, opened.b.sig)), spoiled.at("tracking_code").as_string());
    seeded_random source(text(spoiled.at("seed")));
    const auto again = make_opened_ballot(m, eh, s.joint_key, s.voter_key(opened.b.voter_pk.hex()),
                                          choice, source);
    ASSERT_TRUE(again.has_value());
    EXPECT_EQ(*again, opened);
    opened.openings[0][0].value ^= 1;
    EXPECT_EQ(check_spoiled_ballot(m, eh, s.joint_key, opened).status, spoil_status::bad_nonce);
  }
}

TEST(Vectors, EveryInvalidBallotIsRefusedForItsReason) {
  const setting s;
  std::size_t over_votes = 0;
  for (const auto& vote : file_votes()) {
    const manifest m = test::manifest_from_json(vote.at("manifest"));
    const digest32 eh = digest_field(vote.at("election_hash"));
    std::set<ballot_status> statuses;
    for (const auto& entry : vote.at("invalid").as_array()) {
      const std::string why = text(entry.at("why"));
      SCOPED_TRACE(m.vote_id + ": " + why);
      const auto expected = test::invalid_ballot_status(why);
      ASSERT_TRUE(expected.has_value());
      EXPECT_EQ(to_string(*expected), entry.at("expect").as_string());
      EXPECT_EQ(check(m, eh, s.joint_key, entry.at("ballot")), *expected);
      statuses.insert(*expected);
      if (why.starts_with("over-vote")) ++over_votes;
    }
    EXPECT_GE(vote.at("invalid").as_array().size(), 6u);
    EXPECT_TRUE(statuses.contains(ballot_status::bad_option_proof));
    EXPECT_TRUE(statuses.contains(ballot_status::bad_signature));
    EXPECT_TRUE(statuses.contains(ballot_status::non_canonical_scalar));
    EXPECT_TRUE(statuses.contains(ballot_status::invalid_point));
  }
  EXPECT_EQ(over_votes, 2u);
}

// The key share of scrutineer l, opened from the file's sealed shares.
key_share file_key_share(std::uint64_t l) {
  const auto& c = file_ceremony();
  const ceremony_params params = test::ceremony_params_from_json(c);
  std::vector<scalar> shares;
  for (const auto& msg : test::keygen_messages_from_json(c)) {
    shares.push_back(
        std::get<scalar>(open_share(params, msg, l, test::scrutineer_key_from_json(c, l))));
  }
  return *combine_shares(params, l, shares,
                         test::ceremony_keys_from_json(c).verification_keys[l - 1]);
}

TEST(Vectors, EveryTallyDecryptsToTheChoices) {
  const ceremony_params params = test::ceremony_params_from_json(file_ceremony());
  const ceremony_keys keys = test::ceremony_keys_from_json(file_ceremony());
  for (const auto& v : file_votes()) {
    const auto& vote = v.as_object();
    const manifest m = test::manifest_from_json(vote.at("manifest"));
    SCOPED_TRACE(m.vote_id);
    const digest32 eh = digest_field(vote.at("election_hash"));

    std::vector<std::uint64_t> recount;
    json::array positions;
    for (std::size_t c = 0; c < m.contests.size(); ++c) {
      for (std::size_t o = 0; o < m.contests[c].options.size(); ++o) {
        positions.push_back(json::array{c, o});
        std::uint64_t marks = 0;
        for (const auto& entry : vote.at("ballots").as_array()) {
          marks += number(entry.at("choice").as_array()[c].as_array()[o]);
        }
        recount.push_back(marks);
      }
    }
    EXPECT_TRUE(differences(positions, vote.at("tally").at("positions")).empty());

    tally_accumulator sums(recount.size());
    for (const auto& b : test::kat_ballot_ciphertexts(vote)) ASSERT_TRUE(sums.add(b));
    EXPECT_EQ(sums.aggregates(), test::kat_aggregates(vote));

    const auto partials = test::kat_partials(vote);
    ASSERT_EQ(partials.size(), 2u);
    EXPECT_EQ(partials[0].index, 1u);
    EXPECT_EQ(partials[1].index, 3u);
    const auto& seeds = vote.at("tally").at("partial_seeds").as_array();
    for (std::size_t i = 0; i < partials.size(); ++i) {
      const auto& p = partials[i];
      EXPECT_TRUE(check_partial_decryption(params, keys, eh, sums.aggregates(), p));
      EXPECT_TRUE(reference::check_partial_decryption(params, keys, eh, sums.aggregates(), p));
      seeded_random source(text(seeds[i]));
      const partial_decryption again =
          make_partial_decryption(params, keys, eh, sums.aggregates(), file_key_share(p.index),
                                  test::scrutineer_key_from_json(file_ceremony(), p.index), source);
      EXPECT_EQ(again.sig, p.sig);  // it signs every M, c and v
    }
    const discrete_log_table table(sums.ballots());
    const auto counts =
        decrypt_counts(sums.aggregates(), partials, params.k(), sums.ballots(), table);
    ASSERT_TRUE(counts.has_value());
    EXPECT_EQ(*counts, test::kat_counts(vote));
    EXPECT_EQ(*counts, recount);
    // One partial is below the threshold.
    EXPECT_FALSE(decrypt_counts(sums.aggregates(), std::span(partials).first(1), params.k(),
                                sums.ballots(), table)
                     .has_value());
  }
}

const json::object& board() { return doc().at("board").as_object(); }
public_key server_key() { return test::public_key_field(doc().at("server").at("pk")); }

protocol::tally_input tally_of(const manifest& m, const json::object& result,
                               const std::vector<std::uint64_t>& counts) {
  protocol::tally_input input;
  input.ballots = number(result.at("ballots"));
  input.seated = number(result.at("seated"));
  input.present = number(result.at("present"));
  std::size_t next = 0;
  for (const auto& contest : m.contests) {
    auto& cc = input.contests.emplace_back();
    cc.contest_id = contest.contest_id;
    cc.title = contest.title;
    for (const auto& option : contest.options) {
      cc.options.push_back({option.option_id, option.label, counts.at(next++)});
    }
  }
  return input;
}

TEST(Vectors, EveryResultDigestIsRecomputedAndSigned) {
  const auto& events = board().at("events").as_array();
  for (const auto& v : file_votes()) {
    const auto& vote = v.as_object();
    const manifest m = test::manifest_from_json(vote.at("manifest"));
    SCOPED_TRACE(m.vote_id);
    const auto& result = vote.at("result").as_object();
    result_record record;
    record.election_hash = digest_field(vote.at("election_hash"));
    record.board_seq_at_close = number(result.at("board_seq_at_close"));
    record.board_hash_at_close = digest_field(result.at("board_hash_at_close"));
    record.ballots = number(result.at("ballots"));
    record.seated = number(result.at("seated"));
    record.present = number(result.at("present"));
    record.rule = text(result.at("rule"));
    record.counts = test::kat_counts(vote);
    record.outcome = text(result.at("outcome"));
    const digest32 digest = result_digest(record);
    EXPECT_EQ(to_hex(digest), result.at("digest").as_string());
    EXPECT_TRUE(server_key().verify(digest, test::signature_field(result.at("signature"))));

    EXPECT_EQ(record.ballots, vote.at("ballots").as_array().size());
    EXPECT_EQ(record.seated, doc().at("voters").as_array().size());
    EXPECT_EQ(record.board_seq_at_close, number(events.back().at("seq")));
    EXPECT_EQ(result.at("board_hash_at_close"), events.back().at("entry_hash"));

    const auto rule = protocol::parse_rule(record.rule);  // canonical texts only
    ASSERT_TRUE(rule.has_value());
    const auto outcome = protocol::decide_outcome(*rule, tally_of(m, result, record.counts));
    ASSERT_TRUE(outcome.has_value());
    EXPECT_EQ(outcome->text, record.outcome);

    record.counts[0] += 1;
    EXPECT_NE(result_digest(record), digest);
  }
}

TEST(Vectors, BoardChainLinksAndIsSigned) {
  const auto& events = board().at("events").as_array();
  ASSERT_EQ(events.size(), 3u);
  digest32 prev = genesis_hash;
  for (std::size_t i = 0; i < events.size(); ++i) {
    const auto& e = events[i];
    EXPECT_EQ(number(e.at("seq")), i);
    EXPECT_EQ(digest_field(e.at("prev_hash")), prev);
    const digest32 h = entry_hash(i, prev, text(e.at("type")), text(e.at("payload")));
    EXPECT_EQ(to_hex(h), e.at("entry_hash").as_string());
    EXPECT_TRUE(server_key().verify(h, test::signature_field(e.at("signature"))));
    EXPECT_NE(entry_hash(i, prev, text(e.at("type")), text(e.at("payload")) + " "), h);
    prev = h;
  }

  const auto& checkin = board().at("checkin");
  const public_key delegate = test::public_key_field(checkin.at("delegate_pk"));
  const digest32 c =
      checkin_digest(text(checkin.at("sitting_id")), delegate, number(checkin.at("unix_ms")));
  EXPECT_EQ(to_hex(c), checkin.at("digest").as_string());
  EXPECT_TRUE(delegate.verify(c, test::signature_field(checkin.at("signature"))));
  // The check-in event carries the delegate's own signature.
  const json::value payload = json::parse(events[1].at("payload").as_string());
  EXPECT_EQ(payload.at("signature"), checkin.at("signature"));

  const auto& auth = board().at("auth");
  const public_key device = test::public_key_field(auth.at("device_pk"));
  const auto server_nonce = test::hex_field(auth.at("server_nonce"));
  const auto client_nonce = test::hex_field(auth.at("client_nonce"));
  for (const char* name : {"server_nonce", "client_nonce"}) {
    seeded_random source(text(auth.at(std::string(name) + "_seed")));
    byte_vector nonce(32);
    source.fill(nonce);
    EXPECT_EQ(to_hex(nonce), auth.at(name).as_string());
  }
  const digest32 a = auth_digest(text(auth.at("congress_id")), server_nonce, client_nonce, device);
  EXPECT_EQ(to_hex(a), auth.at("digest").as_string());
  EXPECT_TRUE(device.verify(a, test::signature_field(auth.at("signature"))));
  EXPECT_NE(auth_digest(text(auth.at("congress_id")), client_nonce, server_nonce, device), a);

  const auto& enroll = board().at("enroll");
  const public_key enrolled = test::public_key_field(enroll.at("device_pk"));
  const digest32 d = enroll_digest(text(enroll.at("congress_id")), text(enroll.at("person_number")),
                                   text(enroll.at("code")), enrolled);
  EXPECT_EQ(to_hex(d), enroll.at("digest").as_string());
  EXPECT_TRUE(enrolled.verify(d, test::signature_field(enroll.at("signature"))));
}

TEST(Vectors, ReceiptsNameTheirBallotsAndAreSigned) {
  const auto& receipts = doc().at("receipts").as_array();
  ASSERT_EQ(receipts.size(), 3u);
  std::set<std::uint64_t> seqs;
  for (std::size_t i = 0; i < receipts.size(); ++i) {
    const auto& r = receipts[i].at("receipt");
    const digest32 code = digest_field(r.at("tracking_code"));
    const std::uint64_t seq = number(r.at("board_seq"));
    const digest32 d = receipt_digest(code, seq, digest_field(r.at("board_entry_hash")));
    EXPECT_EQ(to_hex(d), receipts[i].at("digest").as_string());
    EXPECT_TRUE(server_key().verify(d, test::signature_field(r.at("signature"))));
    EXPECT_EQ(receipts[i].at("vote_id"), file_votes()[i].at("manifest").at("vote_id"));
    EXPECT_EQ(r.at("tracking_code"),
              file_votes()[i].at("ballots").as_array()[0].at("tracking_code"));
    seqs.insert(seq);
  }
  EXPECT_EQ(seqs, (std::set<std::uint64_t>{0, 2, std::numeric_limits<std::uint64_t>::max()}));
  const auto& head = board().at("events").as_array().back();
  EXPECT_EQ(receipts[0].at("receipt").at("board_entry_hash"), head.at("entry_hash"));
}

}  // namespace
}  // namespace plenum::crypto
