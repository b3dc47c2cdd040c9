#include "plenum/protocol/codec_ballot.hpp"

#include <boost/json/serialize.hpp>

#include "plenum/protocol/codec_manifest.hpp"
#include "plenum/protocol/fields.hpp"
#include "text_append.hpp"
#include "try.hpp"

namespace plenum::protocol {

namespace json = boost::json;

namespace {

decoded<crypto::proof_entry> decode_proof_entry(const json::value& v, const field_path& at) {
  PLENUM_TRY(auto r, object_reader::of(v, at));
  PLENUM_CHECK(r.allow_only({"c", "z"}));
  PLENUM_TRY(auto c, r.scalar("c"));
  PLENUM_TRY(auto z, r.scalar("z"));
  return crypto::proof_entry{c, z};
}

// An option; its points checked by `points` when the caller keeps the ballot's decodings.
decoded<crypto::encrypted_option> decode_option(const json::value& v, const field_path& at,
                                                crypto::ballot_points_builder* points) {
  PLENUM_TRY(auto r, object_reader::of(v, at));
  PLENUM_CHECK(r.allow_only({"alpha", "beta", "proof"}));
  auto read_point = [&](std::string_view key, identity_rule rule) {
    return points != nullptr ? r.point(key, rule, *points) : r.point(key, rule);
  };
  PLENUM_TRY(auto alpha, read_point("alpha", identity_rule::reject));
  PLENUM_TRY(auto beta, read_point("beta", identity_rule::allow));
  PLENUM_TRY(auto proof, r.required("proof"));
  PLENUM_TRY(auto entries, decode_range_proof(proof.get(), r.path("proof")));
  return crypto::encrypted_option{crypto::ciphertext{alpha, beta}, std::move(entries)};
}

decoded<crypto::encrypted_contest> decode_contest(const json::value& v, const field_path& at,
                                                  crypto::ballot_points_builder* points) {
  PLENUM_TRY(auto r, object_reader::of(v, at));
  PLENUM_CHECK(r.allow_only({"options", "proof"}));
  PLENUM_TRY(auto options, r.array("options", crypto::max_options, 1));
  PLENUM_TRY(auto decoded_options, read_each(options.get(), r.path("options"),
                                             [&](const json::value& o, const field_path& o_at) {
                                               return decode_option(o, o_at, points);
                                             }));
  PLENUM_TRY(auto proof, r.required("proof"));
  PLENUM_TRY(auto entries, decode_range_proof(proof.get(), r.path("proof")));
  return crypto::encrypted_contest{std::move(decoded_options), std::move(entries)};
}

json::object encode_proof_entry(const crypto::proof_entry& e) {
  json::object out;
  out.emplace("c", e.c.hex());
  out.emplace("z", e.z.hex());
  return out;
}

}  // namespace

decoded<crypto::range_proof> decode_range_proof(const json::value& v, const field_path& at) {
  PLENUM_TRY(auto entries, read_array(v, at, max_proof_entries, 1));
  return read_each(entries.get(), at, decode_proof_entry);
}

json::array encode_range_proof(const crypto::range_proof& proof) {
  json::array out;
  out.reserve(proof.size());
  for (const auto& e : proof) out.push_back(encode_proof_entry(e));
  return out;
}

namespace {

// The ballot's voter_pk: `known` itself when the bytes are its own, else checked in full.
decoded<crypto::public_key> read_voter_pk(const object_reader& r, const crypto::public_key* known) {
  if (known == nullptr) return r.public_key("voter_pk");
  PLENUM_TRY(auto bytes, r.fixed_hex<crypto::public_key::size>("voter_pk"));
  if (bytes == known->bytes()) return *known;
  return r.public_key("voter_pk");
}

decoded<crypto::ballot> decode_ballot_with(const json::value& v, const field_path& at,
                                           const crypto::public_key* known_voter,
                                           crypto::ballot_points_builder* points) {
  PLENUM_TRY(auto r, object_reader::of(v, at));
  PLENUM_CHECK(r.allow_only(
      {"vote_id", "ballot_id", "voter_pk", "contests", "constraint_proofs", "signature"}));
  PLENUM_TRY(auto vote_id, r.string("vote_id", max_id_bytes));
  PLENUM_TRY(auto ballot_id, r.fixed_hex<32>("ballot_id"));
  PLENUM_TRY(auto voter_pk, read_voter_pk(r, known_voter));
  PLENUM_TRY(auto contests, r.array("contests", crypto::max_contests, 1));
  PLENUM_TRY(auto decoded_contests, read_each(contests.get(), r.path("contests"),
                                              [&](const json::value& c, const field_path& c_at) {
                                                return decode_contest(c, c_at, points);
                                              }));
  PLENUM_TRY(auto constraint_proofs, r.array("constraint_proofs", crypto::max_constraints));
  PLENUM_TRY(auto decoded_constraints,
             read_each(constraint_proofs.get(), r.path("constraint_proofs"), decode_range_proof));
  PLENUM_TRY(auto sig, r.signature("signature"));
  return crypto::ballot{std::move(vote_id),
                        ballot_id,
                        voter_pk,
                        std::move(decoded_contests),
                        std::move(decoded_constraints),
                        sig};
}

}  // namespace

decoded<crypto::ballot> decode_ballot(const json::value& v, const field_path& at) {
  return decode_ballot_with(v, at, nullptr, nullptr);
}

decoded<crypto::ballot> decode_ballot(const json::value& v, const field_path& at,
                                      const crypto::public_key& voter_key) {
  return decode_ballot_with(v, at, &voter_key, nullptr);
}

decoded<crypto::ballot> decode_ballot(const json::value& v, const field_path& at,
                                      const crypto::public_key* voter_key,
                                      crypto::ballot_points_builder* points) {
  return decode_ballot_with(v, at, voter_key, points);
}

json::object encode_ballot(const crypto::ballot& b) {
  json::array contests;
  contests.reserve(b.contests.size());
  for (const auto& c : b.contests) {
    json::array options;
    options.reserve(c.options.size());
    for (const auto& o : c.options) {
      json::object option;
      option.emplace("alpha", o.ct.alpha.hex());
      option.emplace("beta", o.ct.beta.hex());
      option.emplace("proof", encode_range_proof(o.proof));
      options.push_back(std::move(option));
    }
    json::object contest;
    contest.emplace("options", std::move(options));
    contest.emplace("proof", encode_range_proof(c.proof));
    contests.push_back(std::move(contest));
  }
  json::array constraint_proofs;
  constraint_proofs.reserve(b.constraint_proofs.size());
  for (const auto& p : b.constraint_proofs) constraint_proofs.push_back(encode_range_proof(p));

  json::object out;
  out.emplace("vote_id", b.vote_id);
  out.emplace("ballot_id", crypto::to_hex(b.ballot_id));
  out.emplace("voter_pk", b.voter_pk.hex());
  out.emplace("contests", std::move(contests));
  out.emplace("constraint_proofs", std::move(constraint_proofs));
  out.emplace("signature", b.sig.hex());
  return out;
}

namespace {

using detail::append_hex_member;

void append_range_proof(const crypto::range_proof& proof, std::string& out) {
  out += '[';
  for (std::size_t i = 0; i < proof.size(); ++i) {
    if (i != 0) out += ',';
    out += '{';
    append_hex_member(out, "c", proof[i].c.bytes());
    out += ',';
    append_hex_member(out, "z", proof[i].z.bytes());
    out += '}';
  }
  out += ']';
}

}  // namespace

void append_ballot_text(const crypto::ballot& b, std::string& out) {
  out += "{\"vote_id\":";
  out += json::serialize(json::string_view(b.vote_id));
  out += ',';
  append_hex_member(out, "ballot_id", b.ballot_id);
  out += ',';
  append_hex_member(out, "voter_pk", b.voter_pk.bytes());
  out += ",\"contests\":[";
  for (std::size_t c = 0; c < b.contests.size(); ++c) {
    if (c != 0) out += ',';
    out += "{\"options\":[";
    const auto& options = b.contests[c].options;
    for (std::size_t o = 0; o < options.size(); ++o) {
      if (o != 0) out += ',';
      out += '{';
      append_hex_member(out, "alpha", options[o].ct.alpha.bytes());
      out += ',';
      append_hex_member(out, "beta", options[o].ct.beta.bytes());
      out += ",\"proof\":";
      append_range_proof(options[o].proof, out);
      out += '}';
    }
    out += "],\"proof\":";
    append_range_proof(b.contests[c].proof, out);
    out += '}';
  }
  out += "],\"constraint_proofs\":[";
  for (std::size_t i = 0; i < b.constraint_proofs.size(); ++i) {
    if (i != 0) out += ',';
    append_range_proof(b.constraint_proofs[i], out);
  }
  out += "],";
  append_hex_member(out, "signature", b.sig.bytes());
  out += '}';
}

}  // namespace plenum::protocol
