#include "plenum/clients/roles.hpp"

#include <algorithm>
#include <plenum/crypto/board.hpp>
#include <plenum/crypto/ceremony.hpp>
#include <plenum/crypto/decryption.hpp>
#include <plenum/crypto/discrete_log.hpp>
#include <plenum/crypto/key_share.hpp>
#include <plenum/crypto/keygen.hpp>
#include <plenum/crypto/random.hpp>
#include <plenum/crypto/result.hpp>
#include <plenum/crypto/tally.hpp>
#include <plenum/protocol/rules.hpp>

#include "plenum/clients/vote_basis.hpp"

namespace plenum::clients {

namespace {

boost::system::error_code invalid() {
  return {static_cast<int>(std::errc::invalid_argument), boost::system::generic_category()};
}

std::vector<std::string_view> split(std::string_view text, char sep) {
  std::vector<std::string_view> out;
  while (!text.empty()) {
    auto at = text.find(sep);
    auto part = text.substr(0, at);
    if (!part.empty()) out.push_back(part);
    if (at == std::string_view::npos) break;
    text.remove_prefix(at + 1);
  }
  return out;
}

const ceremony_record* find_ceremony(const board_record& board, std::string_view sitting_id) {
  auto it = board.ceremonies.find(std::string(sitting_id));
  return it == board.ceremonies.end() ? nullptr : &it->second;
}

}  // namespace

result<void> add_marks(std::string_view text, choice_spec& into) {
  for (auto entry : split(text, ',')) {
    auto eq = entry.find('=');
    if (eq == std::string_view::npos || eq == 0 || eq + 1 == entry.size()) return invalid();
    into[std::string(entry.substr(0, eq))].emplace_back(entry.substr(eq + 1));
  }
  return {};
}

void add_option_marks(std::string_view contests, std::string_view option, choice_spec& into) {
  for (auto c : split(contests, ',')) into[std::string(c)].emplace_back(option);
}

result<crypto::ballot_choices> to_choices(const crypto::manifest& m, const choice_spec& spec) {
  crypto::ballot_choices choices;
  for (const auto& c : m.contests) choices.emplace_back(c.options.size(), 0);
  for (const auto& [contest, options] : spec) {
    std::size_t ci = 0;
    while (ci < m.contests.size() && m.contests[ci].contest_id != contest) ++ci;
    if (ci == m.contests.size()) return errc::malformed_ballot;
    for (const auto& option : options) {
      const auto& opts = m.contests[ci].options;
      std::size_t oi = 0;
      while (oi < opts.size() && opts[oi].option_id != option) ++oi;
      if (oi == opts.size()) return errc::malformed_ballot;
      choices[ci][oi] = 1;
    }
  }
  if (crypto::check_choices(m, choices)) return errc::malformed_ballot;
  return choices;
}

bool receipt_valid(const crypto::public_key& congress_pk, const protocol::receipt& r) {
  return congress_pk.verify(
      crypto::receipt_digest(r.tracking_code, r.board_seq, r.board_entry_hash), r.sig);
}

result<cast_outcome> cast_vote(session& s, const board_record& board, std::string_view vote_id,
                               const crypto::secret_key& voter,
                               const crypto::ballot_choices& choices) {
  auto basis = check_vote_basis(board, vote_id);
  if (!basis) return basis.error();
  if (auto admitted = prove_membership(s, *basis, voter.public_part()); !admitted)
    return admitted.error();
  auto b =
      crypto::make_ballot(basis->manifest, basis->election_hash, basis->joint_key, voter, choices);
  if (!b) return errc::malformed_ballot;
  cast_outcome out;
  out.tracking_code =
      crypto::tracking_code(crypto::ballot_digest(*b, basis->election_hash), b->sig);
  auto fields = s.call(protocol::cast_ballot_request{std::string(vote_id), std::move(*b)});
  if (!fields) return fields.error();
  protocol::frame f{0, "ok", std::move(*fields)};
  auto reply = protocol::decode_reply<protocol::cast_ballot_reply>(f);
  if (!reply) return reply.error().code;
  if (auto checked = confirm_receipt_on_board(s, board, reply->receipt, out.tracking_code);
      !checked)
    return checked.error();
  out.reply = std::move(*reply);
  return out;
}

result<std::uint64_t> check_in(session& s, std::string_view sitting_id,
                               const crypto::secret_key& key) {
  protocol::checkin_request r;
  r.sitting_id = std::string(sitting_id);
  r.unix_ms = s.server_now_ms();
  r.sig = key.sign(crypto::checkin_digest(sitting_id, key.public_part(), r.unix_ms));
  auto fields = s.call(r);
  if (!fields) return fields.error();
  protocol::frame f{0, "ok", std::move(*fields)};
  auto reply = protocol::decode_reply<protocol::checkin_reply>(f);
  if (!reply) return reply.error().code;
  return reply->board_seq;
}

result<std::uint64_t> assisted_check_in(session& s, const board_record& board,
                                        std::string_view sitting_id, std::string_view person,
                                        std::string_view reason,
                                        const crypto::secret_key& secretary) {
  auto it = board.device_keys.find(std::string(person));
  if (it == board.device_keys.end()) return errc::not_enrolled;
  protocol::assisted_checkin_request r;
  r.sitting_id = std::string(sitting_id);
  r.person = std::string(person);
  r.unix_ms = s.server_now_ms();
  r.reason = std::string(reason);
  r.sig = secretary.sign(crypto::checkin_digest(sitting_id, it->second, r.unix_ms));
  auto fields = s.call(protocol::hall_request{std::move(r)});
  if (!fields) return fields.error();
  auto* seq = fields->if_contains("board_seq");
  return seq != nullptr && seq->is_number() ? seq->to_number<std::uint64_t>() : 0;
}

result<void> send_keygen(session& s, const board_record& board, std::string_view sitting_id,
                         std::string_view person, const crypto::secret_key& key) {
  const ceremony_record* c = find_ceremony(board, sitting_id);
  if (c == nullptr) return errc::no_ceremony;
  return send_keygen(s, *c, sitting_id, person, key);
}

result<void> send_keygen(session& s, const ceremony_record& c, std::string_view sitting_id,
                         std::string_view person, const crypto::secret_key& key) {
  if (!c.params) return errc::no_ceremony;
  const std::uint64_t index = c.index_of(person);
  if (index == 0 || c.params->scrutineer(index) != key.public_part()) return errc::not_a_scrutineer;
  auto msg = crypto::make_keygen_message(*c.params, index, key, crypto::system_random());
  auto fields = s.call(protocol::keygen_request{std::string(sitting_id), std::move(msg)});
  if (!fields) return fields.error();
  return {};
}

result<bool> open_shares_and_confirm(session& s, const board_record& board,
                                     std::string_view sitting_id, std::string_view person,
                                     const crypto::secret_key& key, const key_store& store,
                                     std::string_view pin, const crypto::pin_limits& limits) {
  const ceremony_record* c = find_ceremony(board, sitting_id);
  if (c == nullptr) return {boost::system::in_place_error, errc::no_ceremony};
  return open_shares_and_confirm(s, *c, sitting_id, person, key, store, pin, limits);
}

result<bool> open_shares_and_confirm(session& s, const ceremony_record& c,
                                     std::string_view sitting_id, std::string_view person,
                                     const crypto::secret_key& key, const key_store& store,
                                     std::string_view pin, const crypto::pin_limits& limits) {
  if (!c.params) return {boost::system::in_place_error, errc::no_ceremony};
  const auto& params = *c.params;
  const std::uint64_t index = c.index_of(person);
  if (index == 0 || params.scrutineer(index) != key.public_part())
    return {boost::system::in_place_error, errc::not_a_scrutineer};
  auto messages = c.all_messages();
  if (!messages) return {boost::system::in_place_error, errc::ceremony_in_progress};
  std::vector<crypto::scalar> shares;
  for (const auto& m : *messages) {
    if (!crypto::check_keygen_message(params, m))
      return {boost::system::in_place_error, errc::bad_ceremony_message};
    auto opened = crypto::open_share(params, m, index, key);
    if (!std::holds_alternative<crypto::scalar>(opened))
      return {boost::system::in_place_error, errc::bad_ceremony_message};
    shares.push_back(std::get<crypto::scalar>(opened));
  }
  auto keys = crypto::compute_ceremony_keys(params, *messages);
  if (!keys) return {boost::system::in_place_error, errc::bad_ceremony_message};
  auto share = crypto::combine_shares(params, index, shares, keys->verification_keys[index - 1]);
  if (!share) return {boost::system::in_place_error, errc::bad_ceremony_message};
  auto sealed = crypto::seal_share_with_pin(*share, pin, crypto::system_random(), limits);
  if (auto saved = store.save_share(person, sealed); !saved)
    return {boost::system::in_place_error, saved.error()};
  const auto digest = crypto::key_digest(params, *keys);
  protocol::confirm_key_request r;
  r.sitting_id = std::string(sitting_id);
  r.confirmation = {index, crypto::confirm_keys(params, index, key, digest)};
  auto fields = s.call(r);
  if (!fields) return {boost::system::in_place_error, fields.error()};
  protocol::frame f{0, "ok", std::move(*fields)};
  auto reply = protocol::decode_reply<protocol::confirm_key_reply>(f);
  if (!reply) return {boost::system::in_place_error, reply.error().code};
  return reply->complete;
}

result<protocol::partial_decryption_reply> send_partial(
    session& s, const board_record& board, std::string_view vote_id, std::string_view person,
    const crypto::secret_key& key, const key_store& store, std::string_view pin) {
  auto it = board.votes.find(std::string(vote_id));
  if (it == board.votes.end()) return errc::unknown_vote;
  const vote_record& v = it->second;
  if (!v.closed) return errc::vote_still_open;
  const ceremony_record* c = find_ceremony(board, v.sitting_id);
  if (c == nullptr || !c->params) return errc::no_ceremony;
  const std::uint64_t index = c->index_of(person);
  if (index == 0 || c->params->scrutineer(index) != key.public_part())
    return errc::not_a_scrutineer;
  auto messages = c->all_messages();
  if (!messages) return errc::ceremony_in_progress;
  auto keys = crypto::compute_ceremony_keys(*c->params, *messages);
  if (!keys) return errc::bad_ceremony_message;
  auto basis = check_opened_vote_basis(board, vote_id);
  if (!basis) return basis.error();
  auto sealed = store.load_share(person);
  if (!sealed) return sealed.error();
  auto share = crypto::open_share_with_pin(*sealed, pin);
  if (!share || share->index() != index) return errc::bad_partial_decryption;
  const auto aggregates = v.aggregates();
  auto partial = crypto::make_partial_decryption(*c->params, *keys, basis->election_hash,
                                                 aggregates, *share, key, crypto::system_random());
  auto fields =
      s.call(protocol::partial_decryption_request{std::string(vote_id), std::move(partial)});
  if (!fields) return fields.error();
  protocol::frame f{0, "ok", std::move(*fields)};
  auto reply = protocol::decode_reply<protocol::partial_decryption_reply>(f);
  if (!reply) return reply.error().code;
  return *reply;
}

result<crypto::digest32> check_result(const board_record& board, std::string_view vote_id) {
  auto it = board.votes.find(std::string(vote_id));
  if (it == board.votes.end()) return errc::unknown_vote;
  const vote_record& v = it->second;
  if (!v.closed || !v.counts) return errc::vote_not_decided;
  const ceremony_record* c = find_ceremony(board, v.sitting_id);
  if (c == nullptr || !c->params) return errc::no_ceremony;
  auto messages = c->all_messages();
  if (!messages) return errc::ceremony_in_progress;
  auto keys = crypto::compute_ceremony_keys(*c->params, *messages);
  if (!keys) return errc::bad_ceremony_message;
  // The election hash, key, manifest and roster the vote was opened with, as the board
  // proves them (vote_record.election_hash is then the checked one).
  if (auto basis = check_opened_vote_basis(board, vote_id); !basis) return basis.error();
  // The counts, decrypted here from the partials on the board that verify.
  const auto aggregates = v.aggregates();
  std::vector<crypto::partial_decryption> valid;
  for (const auto& partial : v.partial_list)
    if (valid.size() < c->params->k() &&
        crypto::check_partial_decryption(*c->params, *keys, v.election_hash, aggregates, partial))
      valid.push_back(partial);
  if (valid.size() < c->params->k()) return errc::not_enough_partials;
  // The aggregates are over the ballots accepted before the close: there are no others.
  const std::uint64_t ballots = v.tally.ballots();
  if (v.ballots.size() != ballots) return errc::result_mismatch;
  const crypto::discrete_log_table table(std::max<std::uint64_t>(ballots, 1));
  auto counts = crypto::decrypt_counts(aggregates, valid, c->params->k(), ballots, table);
  if (!counts) return errc::decryption_failed;
  // The outcome the vote's own rule gives for them.
  auto rule = protocol::parse_rule(v.rule_text);
  if (!rule) return errc::result_mismatch;
  auto tally = protocol::make_tally_input(v.manifest, *counts, ballots, v.seated, v.present);
  if (!tally) return errc::result_mismatch;
  auto outcome = protocol::decide_outcome(*rule, *tally);
  if (!outcome) return errc::result_mismatch;
  if (*counts != *v.counts || outcome->text != v.outcome_text || v.decided_rule != v.rule_text ||
      v.decided_seq_at_close != v.closed_seq || v.decided_ballots != ballots ||
      v.decided_seated != v.seated || v.decided_present != v.present)
    return errc::result_mismatch;
  crypto::result_record r;
  r.election_hash = v.election_hash;
  r.board_seq_at_close = v.closed_seq;
  r.board_hash_at_close = v.closed_hash;
  r.ballots = ballots;
  r.seated = v.seated;
  r.present = v.present;
  r.rule = v.rule_text;
  r.counts = *counts;
  r.outcome = outcome->text;
  const auto digest = crypto::result_digest(r);
  if (v.published_digest && *v.published_digest != digest) return errc::result_mismatch;
  return digest;
}

namespace {

result<std::uint64_t> board_seq_of(result<boost::json::object> fields) {
  if (!fields) return fields.error();
  auto* seq = fields->if_contains("board_seq");
  return seq != nullptr && seq->is_number() ? seq->to_number<std::uint64_t>() : 0;
}

}  // namespace

result<std::uint64_t> sign_result(session& s, const board_record& board, std::string_view vote_id,
                                  std::string_view person, const crypto::secret_key& key) {
  auto it = board.votes.find(std::string(vote_id));
  if (it == board.votes.end()) return errc::unknown_vote;
  const ceremony_record* c = find_ceremony(board, it->second.sitting_id);
  if (c == nullptr || !c->params) return errc::no_ceremony;
  const std::uint64_t index = c->index_of(person);
  if (index == 0 || c->params->scrutineer(index) != key.public_part())
    return errc::not_a_scrutineer;
  bool decrypted = false;
  for (const auto& p : it->second.partial_list) decrypted = decrypted || p.index == index;
  if (!decrypted) return errc::did_not_decrypt;
  auto digest = check_result(board, vote_id);
  if (!digest) return digest.error();
  return board_seq_of(s.call(protocol::hall_request{
      protocol::sign_result_request{std::string(vote_id), key.sign(*digest)}}));
}

result<std::uint64_t> announce_result(session& s, const board_record& board,
                                      std::string_view vote_id, const crypto::secret_key& chair) {
  auto digest = check_result(board, vote_id);
  if (!digest) return digest.error();
  return board_seq_of(s.call(protocol::hall_request{
      protocol::announce_result_request{std::string(vote_id), chair.sign(*digest)}}));
}

}  // namespace plenum::clients
