#include "ballot_kat_support.hpp"

#include <string>

#include "kat.hpp"

namespace plenum::test {

namespace {

std::string text(const boost::json::value& v) { return std::string(v.as_string()); }

std::uint64_t number(const boost::json::value& v) { return v.to_number<std::uint64_t>(); }

std::vector<crypto::raw_proof_entry> raw_proof(const boost::json::value& v) {
  std::vector<crypto::raw_proof_entry> proof;
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

crypto::raw_ballot raw_ballot_from_json(const boost::json::value& v) {
  crypto::raw_ballot b;
  b.vote_id = text(v.at("vote_id"));
  b.ballot_id = text(v.at("ballot_id"));
  b.voter_pk = text(v.at("voter_pk"));
  for (const auto& c : v.at("contests").as_array()) {
    crypto::raw_contest contest;
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

std::vector<crypto::public_key> kat_voter_keys() {
  std::vector<crypto::public_key> keys;
  for (const auto& voter : kat().at("voters").as_array()) {
    keys.push_back(public_key_field(voter.at("pk")));
  }
  return keys;
}

}  // namespace plenum::test
