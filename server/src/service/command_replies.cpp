// The replies of the command pipeline: a receipt for a cast ballot, the openings of a spoiled
// one, and each command's own fields beside its board position. Made under the pipeline's
// mutex, after apply.
#include <boost/json/serialize.hpp>
#include <type_traits>

#include "plenum/crypto/ballot.hpp"
#include "plenum/protocol/codec_spoil.hpp"
#include "plenum/protocol/replies.hpp"
#include "service/command_pipeline.hpp"

namespace plenum::server::service {

namespace json = boost::json;

namespace {

template <typename T>
bool holds(const domain::command& cmd) {
  return std::holds_alternative<T>(cmd);
}

}  // namespace

std::string command_pipeline::receipt_reply(std::uint64_t id, const crypto::digest32& tracking_code,
                                            std::uint64_t seq,
                                            const protocol::board_event* entry) const {
  if (seq >= entry_hashes_.size())
    return protocol::encode_error(id, errc::internal, "the receipt cannot be made");
  protocol::cast_ballot_reply reply;
  protocol::receipt& r = reply.receipt;
  r.tracking_code = tracking_code;
  r.board_seq = seq;
  r.board_entry_hash = entry_hashes_[seq];
  const auto kept = kept_receipts_.find(seq);
  r.sig =
      kept != kept_receipts_.end()
          ? kept->second
          : congress_key_.sign(crypto::receipt_digest(r.tracking_code, seq, r.board_entry_hash));
  reply.tracking_code_display = crypto::tracking_code_display(r.tracking_code);
  if (entry != nullptr) reply.entry = *entry;
  return protocol::encode_reply(id, reply);
}

std::string command_pipeline::spoil_reply(std::uint64_t id, const crypto::digest32& tracking_code,
                                          crypto::ballot_choices choices, std::uint64_t seq) const {
  protocol::spoil_ballot_reply r;
  r.board_seq = seq;
  r.tracking_code = tracking_code;
  r.tracking_code_display = crypto::tracking_code_display(r.tracking_code);
  r.choices = std::move(choices);
  return protocol::encode_reply(id, r);
}

std::string command_pipeline::reply_for(std::uint64_t id, const domain::command& cmd,
                                        const domain::decision& d,
                                        const std::vector<applied_event>& applied) const {
  const std::uint64_t last_seq = applied.empty() ? 0 : applied.back().seq;
  if (holds<domain::cast_ballot>(cmd)) {
    if (d.repeat) return receipt_reply(id, d.repeat->tracking_code, d.repeat->seq, nullptr);
    const auto* accepted =
        applied.empty() ? nullptr
                        : std::get_if<protocol::events::ballot_accepted>(&applied.front().body);
    if (accepted == nullptr) return protocol::encode_error(id, errc::internal, "no receipt");
    const auto& entry = applied.front().entry;
    return receipt_reply(id, accepted->tracking_code, applied.front().seq,
                         entry ? &*entry : nullptr);
  }
  if (holds<domain::spoil_ballot>(cmd)) {
    if (d.repeat) return spoil_reply(id, d.repeat->tracking_code, d.repeat->choices, d.repeat->seq);
    const auto* spoiled =
        applied.empty() ? nullptr
                        : std::get_if<protocol::events::ballot_spoiled>(&applied.front().body);
    if (spoiled == nullptr) return protocol::encode_error(id, errc::internal, "no receipt");
    return spoil_reply(id, spoiled->tracking_code, spoiled->choices, applied.front().seq);
  }
  if (const auto* c = std::get_if<domain::enroll_device>(&cmd)) {
    return protocol::encode_reply(id, protocol::enroll_reply{c->person});
  }
  if (holds<domain::check_in>(cmd)) {
    return protocol::encode_reply(id, protocol::checkin_reply{last_seq});
  }
  if (const auto* c = std::get_if<domain::confirm_keys>(&cmd)) {
    const domain::sitting* s = state_.find_sitting(c->sitting_id);
    const bool complete = s != nullptr && s->ceremony && s->ceremony->complete;
    return protocol::encode_reply(id, protocol::confirm_key_reply{complete});
  }
  if (const auto* c = std::get_if<domain::submit_partial>(&cmd)) {
    const domain::vote* v = state_.find_vote(c->vote_id);
    const domain::sitting* s = v ? state_.find_sitting(v->sitting_id) : nullptr;
    const std::uint64_t needed = s != nullptr && s->ceremony ? s->ceremony->k : 0;
    return protocol::encode_reply(
        id, protocol::partial_decryption_reply{v ? v->partials.size() : 0, needed});
  }
  if (holds<domain::submit_keygen>(cmd)) return protocol::encode_ok(id, {});
  if (const auto* c = std::get_if<domain::issue_enrollment_code>(&cmd)) {
    return protocol::encode_ok(
        id, json::object{{"person", c->person}, {"code", c->code}, {"board_seq", last_seq}});
  }
  if (holds<domain::import_roster>(cmd)) {
    json::array warnings;
    for (const auto& w : state_.warnings())
      warnings.push_back(json::object{{"code", w.code}, {"detail", w.detail}});
    return protocol::encode_ok(id, json::object{{"board_seq", last_seq},
                                                {"persons", state_.persons().size()},
                                                {"warnings", std::move(warnings)}});
  }
  // The command's own reply fields (an id the congress gave) beside the board position.
  json::object fields;
  if (!d.created_id_field.empty()) fields[d.created_id_field] = d.created_id;
  fields["board_seq"] = last_seq;
  return protocol::encode_ok(id, std::move(fields));
}

}  // namespace plenum::server::service
