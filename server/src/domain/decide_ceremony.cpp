// The key ceremony (CVP1 §3) and the partial decryptions that produce a vote's counts (§7).
#include <set>

#include "domain/ceremony.hpp"
#include "domain/decide_internal.hpp"
#include "plenum/crypto/decryption.hpp"
#include "plenum/crypto/discrete_log.hpp"
#include "plenum/crypto/tally.hpp"

namespace plenum::server::domain::detail {

namespace {

// The actor's index among the ceremony's scrutineers (by person and current key), or 0.
std::uint64_t scrutineer_index(const ceremony_record& c, const context& ctx) {
  if (ctx.who.who != actor::kind::person || !ctx.who.device_key) return 0;
  for (std::size_t i = 0; i < c.scrutineers.size(); ++i)
    if (c.scrutineers[i] == ctx.who.person_id && c.keys[i] == *ctx.who.device_key) return i + 1;
  return 0;
}

}  // namespace

result<decision> handle(const congress_state& state, const start_ceremony& c, const context& ctx) {
  if (auto ec = require_role(ctx, {role::chair})) return ec;
  auto s = live_sitting(state, c.sitting_id);
  if (!s) return s.error();
  // A ceremony that did not complete may be restarted (e.g. without a scrutineer whose share
  // was complained about); a complete one is final for the sitting.
  if ((*s)->ceremony && (*s)->ceremony->complete) return errc::ceremony_complete;
  const std::uint64_t n = c.scrutineers.size();
  if (n == 0 || n > 32) return errc::invalid_field;
  std::vector<crypto::public_key> keys;
  std::vector<events::appointed_scrutineer> list;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < n; ++i) {
    const auto& number = c.scrutineers[i];
    const person* p = state.find_person(number);
    if (p == nullptr) return errc::unknown_person;
    if (!p->roles.has(role::scrutineer)) return errc::not_a_scrutineer;
    if (!seen.insert(number).second) return errc::invalid_field;
    const enrollment* en = state.find_enrollment(number);
    if (en == nullptr || !en->device_key) return errc::not_enrolled;
    keys.push_back(*en->device_key);
    list.push_back({i + 1, number, *en->device_key});
  }
  auto params =
      crypto::ceremony_params::create(state.congress()->id, c.sitting_id, keys,
                                      c.k == 0 ? std::nullopt : std::optional<std::uint64_t>(c.k));
  if (!params) return errc::invalid_field;
  return single(events::ceremony_started{c.sitting_id, std::move(list), n, params->k(),
                                         params->ceremony_id()});
}

result<decision> handle(const congress_state& state, const submit_keygen& c, const context& ctx) {
  if (ctx.who.who != actor::kind::person) return errc::permission_denied;
  auto s = live_sitting(state, c.sitting_id);
  if (!s) return s.error();
  const auto& ceremony = (*s)->ceremony;
  if (!ceremony) return errc::no_ceremony;
  const std::uint64_t index = scrutineer_index(*ceremony, ctx);
  if (index == 0) return errc::not_a_scrutineer;
  if (ceremony->complete) return errc::ceremony_complete;
  if (ceremony->keygen.contains(index)) return errc::duplicate_ceremony_message;
  const crypto::keygen_message* message = &c.message;
  auto params = ceremony_params_of(state, **s);
  if (!params) return errc::internal;
  if (message->dealer != index || !crypto::check_keygen_message(*params, *message))
    return errc::bad_ceremony_message;
  events::keygen_submitted e{c.sitting_id, index, ctx.who.person_id, *message, std::nullopt, {}};
  // The last message fixes K and every Z_l, which anyone can recompute from the record.
  if (ceremony->keygen.size() + 1 == ceremony->scrutineers.size()) {
    auto messages = keygen_messages_of(*ceremony);
    messages.push_back(*message);
    std::sort(messages.begin(), messages.end(),
              [](const auto& a, const auto& b) { return a.dealer < b.dealer; });
    auto keys = crypto::compute_ceremony_keys(*params, messages);
    if (!keys) return errc::bad_ceremony_message;
    e.joint_key = keys->joint_key;
    e.verification_keys = keys->verification_keys;
  }
  return single(std::move(e));
}

result<decision> handle(const congress_state& state, const confirm_keys& c, const context& ctx) {
  if (ctx.who.who != actor::kind::person) return errc::permission_denied;
  auto s = live_sitting(state, c.sitting_id);
  if (!s) return s.error();
  const auto& ceremony = (*s)->ceremony;
  if (!ceremony) return errc::no_ceremony;
  const std::uint64_t index = scrutineer_index(*ceremony, ctx);
  if (index == 0) return errc::not_a_scrutineer;
  if (ceremony->complete) return errc::ceremony_complete;
  if (ceremony->confirmations.contains(index)) return errc::duplicate_ceremony_message;
  auto keys = ceremony_keys_of(*ceremony);
  if (!keys) return errc::ceremony_in_progress;
  auto params = ceremony_params_of(state, **s);
  if (!params) return errc::internal;
  if (!crypto::check_confirmation(*params, index, crypto::key_digest(*params, *keys), c.signature))
    return errc::bad_ceremony_message;
  return single(events::keys_confirmed{c.sitting_id, index, ctx.who.person_id, c.signature});
}

result<decision> handle(const congress_state& state, const submit_partial& c, const context& ctx) {
  if (ctx.who.who != actor::kind::person) return errc::permission_denied;
  const vote* v = state.find_vote(c.vote_id);
  if (v == nullptr) return errc::unknown_vote;
  const sitting* s = state.find_sitting(v->sitting_id);
  if (s == nullptr || !s->ceremony) return errc::internal;
  const std::uint64_t index = scrutineer_index(*s->ceremony, ctx);
  if (index == 0) return errc::not_a_scrutineer;
  if (v->state == vote::status::created) return errc::vote_not_open;
  if (v->state == vote::status::open) return errc::vote_still_open;
  if (v->state == vote::status::decided) return errc::result_exists;
  if (v->partials.contains(index)) return errc::duplicate_partial;
  const crypto::partial_decryption* partial = &c.partial;
  auto params = ceremony_params_of(state, *s);
  auto keys = ceremony_keys_of(*s->ceremony);
  auto election_hash = crypto::from_hex_fixed<32>(v->election_hash);
  if (!params || !keys || !election_hash) return errc::internal;
  const auto& aggregates = vote_aggregates(*v);
  if (partial->index != index ||
      !crypto::check_partial_decryption(*params, *keys, *election_hash, aggregates, *partial))
    return errc::bad_partial_decryption;
  decision out = single(events::partial_submitted{c.vote_id, index, ctx.who.person_id, *partial});
  // The k-th valid partial decrypts the counts.
  if (v->partials.size() + 1 == params->k()) {
    std::vector<crypto::partial_decryption> partials;
    for (const auto& [i, p] : v->partials) partials.push_back(p);
    partials.push_back(*partial);
    const std::uint64_t ballots = v->ballots.size();
    const crypto::discrete_log_table table(std::max<std::uint64_t>(ballots, 1));
    auto counts = crypto::decrypt_counts(aggregates, partials, params->k(), ballots, table);
    if (!counts) return errc::decryption_failed;
    auto result = decide_result(state, *v, *counts);
    if (!result) return result.error();
    for (auto& e : result->events) out.events.push_back(std::move(e));
  }
  return out;
}

}  // namespace plenum::server::domain::detail
