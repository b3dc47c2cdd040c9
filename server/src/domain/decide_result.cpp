// The signatures on a decided vote's result (CVP1 §7): each scrutineer whose partial
// decryption was combined signs result_digest after checking it, then the chair announces it
// with a signature over the same digest.
#include "domain/decide_internal.hpp"
#include "plenum/crypto/bytes.hpp"

namespace plenum::server::domain::detail {

namespace json = boost::json;

namespace {

// The acting scrutineer's index in the ceremony of the vote's sitting (by person and the key
// it was appointed with), or 0.
std::uint64_t ceremony_index(const congress_state& state, const vote& v, const context& ctx) {
  const sitting* s = state.find_sitting(v.sitting_id);
  if (s == nullptr || !s->ceremony || !ctx.who.device_key) return 0;
  const auto& c = *s->ceremony;
  for (std::size_t i = 0; i < c.scrutineers.size() && i < c.keys.size(); ++i)
    if (c.scrutineers[i] == ctx.who.person_id && c.keys[i] == *ctx.who.device_key) return i + 1;
  return 0;
}

// Whether `sig` is the actor's device key's signature over the vote's result_digest.
boost::system::error_code check_signature(const vote& v, const context& ctx,
                                          const crypto::signature& sig) {
  auto digest = crypto::from_hex_fixed<32>(v.result_digest);
  if (!digest || !ctx.who.device_key) return errc::internal;
  if (!ctx.who.device_key->verify(*digest, sig)) return errc::bad_signature;
  return {};
}

}  // namespace

result<decision> handle(const congress_state& state, const sign_result& c, const context& ctx) {
  if (ctx.who.who != actor::kind::person || !ctx.who.device_key) return errc::permission_denied;
  const vote* v = state.find_vote(c.vote_id);
  if (v == nullptr) return errc::unknown_vote;
  const std::uint64_t index = ceremony_index(state, *v, ctx);
  if (index == 0) return errc::not_a_scrutineer;
  if (v->state != vote::status::decided) return errc::vote_not_decided;
  if (!v->partials.contains(index)) return errc::did_not_decrypt;
  if (v->result_signatures.contains(index)) return errc::result_already_signed;
  if (auto ec = check_signature(*v, ctx, c.signature)) return ec;
  return single(
      events::result_signed{c.vote_id, ctx.who.person_id, index, *ctx.who.device_key, c.signature});
}

result<decision> handle(const congress_state& state, const announce_result& c, const context& ctx) {
  if (auto ec = require_role(ctx, {role::chair})) return ec;
  if (!ctx.who.device_key) return errc::permission_denied;
  const vote* v = state.find_vote(c.vote_id);
  if (v == nullptr) return errc::unknown_vote;
  if (v->state != vote::status::decided) return errc::vote_not_decided;
  if (v->announcement) return errc::result_already_announced;
  for (const auto& [index, partial] : v->partials)
    if (!v->result_signatures.contains(index)) return errc::result_not_signed;
  if (auto ec = check_signature(*v, ctx, c.signature)) return ec;
  return single(
      events::result_announced{c.vote_id, ctx.who.person_id, *ctx.who.device_key, c.signature});
}

}  // namespace plenum::server::domain::detail
