#include "plenum/protocol/codec_ceremony.hpp"

#include "plenum/protocol/fields.hpp"
#include "try.hpp"

namespace plenum::protocol {

namespace json = boost::json;

namespace {

decoded<crypto::knowledge_proof> decode_knowledge_proof(const json::value& v,
                                                        const field_path& at) {
  PLENUM_TRY(auto r, object_reader::of(v, at));
  PLENUM_CHECK(r.allow_only({"c", "v"}));
  PLENUM_TRY(auto c, r.scalar("c"));
  PLENUM_TRY(auto s, r.scalar("v"));
  return crypto::knowledge_proof{c, s};
}

decoded<crypto::point> decode_commitment(const json::value& v, const field_path& at) {
  return read_point(v, at, identity_rule::reject);
}

decoded<crypto::byte_vector> decode_sealed_share(const json::value& v, const field_path& at) {
  return read_hex(v, at, crypto::sealed_share_size, crypto::sealed_share_size);
}

}  // namespace

decoded<crypto::keygen_message> decode_keygen_message(const json::value& v, const field_path& at) {
  PLENUM_TRY(auto r, object_reader::of(v, at));
  PLENUM_CHECK(r.allow_only({"i", "commitments", "proofs", "sealed", "signature"}));
  crypto::keygen_message out;
  PLENUM_TRY(out.dealer, r.u64("i", 1, max_scrutineers));
  PLENUM_TRY(auto commitments, r.array("commitments", max_scrutineers, 1));
  PLENUM_TRY(out.commitments,
             read_each(commitments.get(), r.path("commitments"), decode_commitment));
  PLENUM_TRY(auto proofs, r.array("proofs", max_scrutineers, 1));
  if (proofs.get().size() != commitments.get().size()) {
    return refuse(errc::invalid_field, r.path("proofs"), "must have one proof per commitment");
  }
  PLENUM_TRY(out.proofs, read_each(proofs.get(), r.path("proofs"), decode_knowledge_proof));
  PLENUM_TRY(auto sealed, r.array("sealed", max_scrutineers, 1));
  PLENUM_TRY(out.sealed_shares, read_each(sealed.get(), r.path("sealed"), decode_sealed_share));
  PLENUM_TRY(out.sig, r.signature("signature"));
  return out;
}

json::object encode_keygen_message(const crypto::keygen_message& m) {
  json::array commitments;
  commitments.reserve(m.commitments.size());
  for (const auto& k : m.commitments) commitments.push_back(json::string(k.hex()));
  json::array proofs;
  proofs.reserve(m.proofs.size());
  for (const auto& p : m.proofs) {
    json::object proof;
    proof.emplace("c", p.c.hex());
    proof.emplace("v", p.v.hex());
    proofs.push_back(std::move(proof));
  }
  json::array sealed;
  sealed.reserve(m.sealed_shares.size());
  for (const auto& s : m.sealed_shares) sealed.push_back(json::string(crypto::to_hex(s)));

  json::object out;
  out.emplace("i", m.dealer);
  out.emplace("commitments", std::move(commitments));
  out.emplace("proofs", std::move(proofs));
  out.emplace("sealed", std::move(sealed));
  out.emplace("signature", m.sig.hex());
  return out;
}

decoded<key_confirmation> decode_key_confirmation(const json::value& v, const field_path& at) {
  PLENUM_TRY(auto r, object_reader::of(v, at));
  PLENUM_CHECK(r.allow_only({"index", "signature"}));
  key_confirmation out;
  PLENUM_TRY(out.index, r.u64("index", 1, max_scrutineers));
  PLENUM_TRY(out.sig, r.signature("signature"));
  return out;
}

json::object encode_key_confirmation(const key_confirmation& c) {
  json::object out;
  out.emplace("index", c.index);
  out.emplace("signature", c.sig.hex());
  return out;
}

}  // namespace plenum::protocol
