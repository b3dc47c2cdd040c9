#include "ballot_kat_support.hpp"

#include <string>

#include "kat.hpp"

namespace plenum::test {

namespace {

std::string text(const boost::json::value& v) { return std::string(v.as_string()); }

std::uint64_t number(const boost::json::value& v) { return v.to_number<std::uint64_t>(); }

std::vector<test::raw_proof_entry> raw_proof(const boost::json::value& v) {
  std::vector<test::raw_proof_entry> proof;
  for (const auto& e : v.as_array()) {
    proof.push_back({text(e.at("c")), text(e.at("z"))});
  }
  return proof;
}

}  // namespace

crypto::manifest manifest_from_json(const boost::json::value& v) {
  crypto::manifest m;
  m.vote_id = text(v.at("vote_id"));
  auto kind = crypto::parse_vote_kind(v.at("kind").as_string());
  if (!kind) throw std::runtime_error("unknown vote kind");
  m.kind = *kind;
  m.title = text(v.at("title"));
  for (const auto& c : v.at("contests").as_array()) {
    crypto::manifest_contest contest{text(c.at("contest_id")),
                                     text(c.at("title")),
                                     number(c.at("min")),
                                     number(c.at("max")),
                                     {}};
    for (const auto& o : c.at("options").as_array()) {
      contest.options.push_back({text(o.at("option_id")), text(o.at("label"))});
    }
    m.contests.push_back(std::move(contest));
  }
  for (const auto& q : v.at("constraints").as_array()) {
    crypto::manifest_constraint constraint{number(q.at("min")), number(q.at("max")), {}};
    for (const auto& p : q.at("positions").as_array()) {
      constraint.positions.push_back({number(p.at(0)), number(p.at(1))});
    }
    m.constraints.push_back(std::move(constraint));
  }
  return m;
}

test::raw_ballot raw_ballot_from_json(const boost::json::value& v) {
  test::raw_ballot b;
  b.vote_id = text(v.at("vote_id"));
  b.ballot_id = text(v.at("ballot_id"));
  b.voter_pk = text(v.at("voter_pk"));
  for (const auto& c : v.at("contests").as_array()) {
    test::raw_contest contest;
    for (const auto& o : c.at("options").as_array()) {
      contest.options.push_back(
          {text(o.at("alpha")), text(o.at("beta")), raw_proof(o.at("proof"))});
    }
    contest.proof = raw_proof(c.at("proof"));
    b.contests.push_back(std::move(contest));
  }
  for (const auto& q : v.at("constraint_proofs").as_array()) {
    b.constraint_proofs.push_back(raw_proof(q));
  }
  b.signature = text(v.at("signature"));
  return b;
}

crypto::ballot_choices choices_from_json(const boost::json::value& v) {
  crypto::ballot_choices choices;
  for (const auto& contest : v.as_array()) {
    auto& row = choices.emplace_back();
    for (const auto& x : contest.as_array()) row.push_back(static_cast<std::uint8_t>(number(x)));
  }
  return choices;
}

std::vector<crypto::public_key> voter_keys_from_json(const boost::json::array& voters) {
  std::vector<crypto::public_key> keys;
  for (const auto& voter : voters) keys.push_back(public_key_field(voter.at("pk")));
  return keys;
}

std::vector<crypto::public_key> kat_voter_keys() {
  return voter_keys_from_json(kat().at("voters").as_array());
}

std::optional<crypto::ballot_status> invalid_ballot_status(std::string_view why) {
  using crypto::ballot_status;
  if (why.starts_with("option proof altered")) return ballot_status::bad_option_proof;
  if (why.starts_with("signature altered")) return ballot_status::bad_signature;
  if (why.starts_with("copied under another delegate's key")) {
    return ballot_status::bad_option_proof;  // the proofs bind voter_pk
  }
  if (why.starts_with("non-canonical scalar")) return ballot_status::non_canonical_scalar;
  if (why.starts_with("identity alpha")) return ballot_status::invalid_point;
  if (why.starts_with("made for another election")) return ballot_status::bad_option_proof;
  if (why.starts_with("over-vote: for and against")) return ballot_status::bad_contest_proof;
  if (why.starts_with("over-vote: 3 approvals")) return ballot_status::bad_constraint_proof;
  return std::nullopt;
}

}  // namespace plenum::test
