#include "plenum/protocol/codec_decryption.hpp"

#include "plenum/crypto/manifest.hpp"
#include "plenum/protocol/codec_ceremony.hpp"
#include "plenum/protocol/fields.hpp"
#include "try.hpp"

namespace plenum::protocol {

namespace json = boost::json;

namespace {

decoded<crypto::decryption_share> decode_share(const json::value& v, const field_path& at) {
  PLENUM_TRY(auto r, object_reader::of(v, at));
  PLENUM_CHECK(r.allow_only({"M", "c", "v"}));
  PLENUM_TRY(auto m, r.point("M", identity_rule::allow));
  PLENUM_TRY(auto c, r.scalar("c"));
  PLENUM_TRY(auto s, r.scalar("v"));
  return crypto::decryption_share{m, c, s};
}

}  // namespace

decoded<crypto::partial_decryption> decode_partial_decryption(const json::value& v,
                                                              const field_path& at) {
  constexpr std::size_t max_positions = crypto::max_contests * crypto::max_options;
  PLENUM_TRY(auto r, object_reader::of(v, at));
  PLENUM_CHECK(r.allow_only({"index", "shares", "signature"}));
  crypto::partial_decryption out;
  PLENUM_TRY(out.index, r.u64("index", 1, max_scrutineers));
  PLENUM_TRY(auto shares, r.array("shares", max_positions, 1));
  PLENUM_TRY(out.shares, read_each(shares.get(), r.path("shares"), decode_share));
  PLENUM_TRY(out.sig, r.signature("signature"));
  return out;
}

json::object encode_partial_decryption(const crypto::partial_decryption& p) {
  json::array shares;
  shares.reserve(p.shares.size());
  for (const auto& s : p.shares) {
    json::object share;
    share.emplace("M", s.m.hex());
    share.emplace("c", s.c.hex());
    share.emplace("v", s.v.hex());
    shares.push_back(std::move(share));
  }
  json::object out;
  out.emplace("index", p.index);
  out.emplace("shares", std::move(shares));
  out.emplace("signature", p.sig.hex());
  return out;
}

}  // namespace plenum::protocol
