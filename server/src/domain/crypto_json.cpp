#include "domain/crypto_json.hpp"

#include "domain/payload.hpp"

namespace plenum::server::domain {

namespace json = boost::json;

json::object manifest_to_json(const crypto::manifest& m) {
  json::object o;
  o["vote_id"] = m.vote_id;
  o["kind"] = crypto::to_string(m.kind);
  o["title"] = m.title;
  json::array contests;
  for (const auto& c : m.contests) {
    json::object jc;
    jc["contest_id"] = c.contest_id;
    jc["title"] = c.title;
    jc["min"] = c.min;
    jc["max"] = c.max;
    json::array options;
    for (const auto& opt : c.options)
      options.push_back(json::object{{"option_id", opt.option_id}, {"label", opt.label}});
    jc["options"] = std::move(options);
    contests.push_back(std::move(jc));
  }
  o["contests"] = std::move(contests);
  json::array constraints;
  for (const auto& q : m.constraints) {
    json::object jq;
    jq["min"] = q.min;
    jq["max"] = q.max;
    json::array positions;
    for (const auto& p : q.positions)
      positions.push_back(json::array{p.contest_index, p.option_index});
    jq["positions"] = std::move(positions);
    constraints.push_back(std::move(jq));
  }
  o["constraints"] = std::move(constraints);
  return o;
}

crypto::manifest manifest_from_json(const json::object& o) {
  crypto::manifest m;
  m.vote_id = str_field(o, "vote_id");
  auto kind = crypto::parse_vote_kind(str_field(o, "kind"));
  if (!kind) throw malformed_payload("unknown vote kind");
  m.kind = *kind;
  m.title = str_field(o, "title");
  for (const auto& jc : arr_field(o, "contests")) {
    const auto& c = as_obj(jc);
    crypto::manifest_contest contest;
    contest.contest_id = str_field(c, "contest_id");
    contest.title = str_field(c, "title");
    contest.min = u64_field(c, "min");
    contest.max = u64_field(c, "max");
    for (const auto& jo : arr_field(c, "options")) {
      const auto& opt = as_obj(jo);
      contest.options.push_back({str_field(opt, "option_id"), str_field(opt, "label")});
    }
    m.contests.push_back(std::move(contest));
  }
  for (const auto& jq : arr_field(o, "constraints")) {
    const auto& q = as_obj(jq);
    crypto::manifest_constraint constraint;
    constraint.min = u64_field(q, "min");
    constraint.max = u64_field(q, "max");
    for (const auto& jp : arr_field(q, "positions")) {
      if (!jp.is_array() || jp.as_array().size() != 2) throw malformed_payload("bad position");
      constraint.positions.push_back({as_u64(jp.as_array()[0]), as_u64(jp.as_array()[1])});
    }
    m.constraints.push_back(std::move(constraint));
  }
  return m;
}

namespace {

std::vector<crypto::raw_proof_entry> proof_from_json(const json::value& v) {
  std::vector<crypto::raw_proof_entry> proof;
  if (!v.is_array()) throw malformed_payload("proof is not an array");
  for (const auto& e : v.as_array()) {
    const auto& o = as_obj(e);
    proof.push_back({str_field(o, "c"), str_field(o, "z")});
  }
  return proof;
}

}  // namespace

std::optional<crypto::raw_ballot> raw_ballot_from_json(const json::object& o) {
  try {
    crypto::raw_ballot b;
    b.vote_id = str_field(o, "vote_id");
    b.ballot_id = str_field(o, "ballot_id");
    b.voter_pk = str_field(o, "voter_pk");
    for (const auto& jc : arr_field(o, "contests")) {
      const auto& c = as_obj(jc);
      crypto::raw_contest contest;
      for (const auto& jo : arr_field(c, "options")) {
        const auto& opt = as_obj(jo);
        contest.options.push_back({str_field(opt, "alpha"), str_field(opt, "beta"),
                                   proof_from_json(field(opt, "proof"))});
      }
      contest.proof = proof_from_json(field(c, "proof"));
      b.contests.push_back(std::move(contest));
    }
    for (const auto& jq : arr_field(o, "constraint_proofs"))
      b.constraint_proofs.push_back(proof_from_json(jq));
    b.signature = str_field(o, "signature");
    return b;
  } catch (const malformed_payload&) {
    return std::nullopt;
  }
}

}  // namespace plenum::server::domain
