#include "plenum/clients/sheet/from_record.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <string>
#include <variant>

#include <plenum/clients/sheet/from_outcome.hpp>
#include <plenum/crypto/result.hpp>

#include "record_events.hpp"

namespace plenum::clients::sheet {

namespace detail {

namespace ev = protocol::events;

namespace {

constexpr std::array<std::string_view, 10> sheet_types = {
    ev::congress_created::type, ev::sitting_created::type, ev::roster_imported::type,
    ev::vote_created::type,     ev::vote_opened::type,     ev::ballot_accepted::type,
    ev::vote_closed::type,      ev::vote_decided::type,    ev::result_signed::type,
    ev::result_announced::type};

constexpr std::array<std::string_view, 4> signers_types = {
    ev::roster_imported::type, ev::vote_decided::type, ev::result_signed::type,
    ev::result_announced::type};

// What the sheet of one vote needs from the events, in board order.
struct vote_events {
  std::string congress;
  std::string sitting_title;
  std::string sitting_date;
  const ev::vote_created* created = nullptr;
  const ev::vote_opened* opened = nullptr;
  const ev::vote_decided* decided = nullptr;
  std::uint64_t ballots = 0;
  std::uint64_t closed_seq = 0;
  crypto::digest32 closed_hash{};
};

result<vote_events> collect(const std::vector<read_event>& events, std::string_view vote_id) {
  vote_events out;
  std::map<std::string, std::pair<std::string, std::string>> sittings;
  for (const auto& e : events) {
    if (const auto* c = std::get_if<ev::congress_created>(&e.event)) {
      out.congress = c->name;
    } else if (const auto* s = std::get_if<ev::sitting_created>(&e.event)) {
      sittings[s->sitting_id] = {s->title, s->date};
    } else if (const auto* created = std::get_if<ev::vote_created>(&e.event)) {
      if (created->vote_id == vote_id) out.created = created;
    } else if (const auto* opened = std::get_if<ev::vote_opened>(&e.event)) {
      if (opened->vote_id == vote_id) out.opened = opened;
    } else if (const auto* ballot = std::get_if<ev::ballot_accepted>(&e.event)) {
      if (ballot->vote_id == vote_id) ++out.ballots;
    } else if (const auto* closed = std::get_if<ev::vote_closed>(&e.event)) {
      if (closed->vote_id != vote_id) continue;
      out.closed_seq = e.seq;
      out.closed_hash = e.entry_hash;
    } else if (const auto* decided = std::get_if<ev::vote_decided>(&e.event)) {
      if (decided->vote_id == vote_id) out.decided = decided;
    }
  }
  if (out.created == nullptr || out.opened == nullptr || out.decided == nullptr)
    return errc::unknown_vote;
  const auto sitting = sittings.find(out.created->sitting_id);
  if (sitting != sittings.end()) {
    out.sitting_title = sitting->second.first;
    out.sitting_date = sitting->second.second;
  }
  return out;
}

}  // namespace

result<std::vector<read_event>> read_events(const std::vector<protocol::board_event>& events,
                                            std::span<const std::string_view> types) {
  std::vector<read_event> out;
  for (const auto& e : events) {
    if (std::find(types.begin(), types.end(), e.type) == types.end()) continue;
    auto decoded = protocol::decode_event_payload(e.type, e.payload);
    if (!decoded) return errc::invalid_field;
    out.push_back(read_event{e.seq, e.entry_hash, std::move(*decoded)});
  }
  return out;
}

std::span<const std::string_view> vote_sheet_types() { return sheet_types; }

std::span<const std::string_view> signer_types() { return signers_types; }

result<record_signers> signers_of(const std::vector<read_event>& events,
                                  const crypto::public_key& congress_pk, std::string_view vote_id) {
  std::map<std::string, std::string> names;  // person number → name, from the last roster
  std::map<std::uint64_t, signer> scrutineers;
  std::vector<signer> chair;
  bool decided = false;
  auto name_of = [&](const std::string& person) {
    auto named = names.find(person);
    return named != names.end() && !named->second.empty() ? named->second : person;
  };
  for (const auto& e : events) {
    if (const auto* roster = std::get_if<ev::roster_imported>(&e.event)) {
      names.clear();
      for (const auto& person : roster->persons) names[person.number] = person.name;
    } else if (const auto* d = std::get_if<ev::vote_decided>(&e.event)) {
      decided = decided || d->vote_id == vote_id;
    } else if (const auto* s = std::get_if<ev::result_signed>(&e.event)) {
      if (s->vote_id != vote_id) continue;
      scrutineers.insert_or_assign(
          s->index, signer{signer_role::scrutineer, name_of(s->person), s->signer_pk});
    } else if (const auto* a = std::get_if<ev::result_announced>(&e.event)) {
      if (a->vote_id != vote_id) continue;
      chair.push_back(signer{signer_role::chair, name_of(a->person), a->signer_pk});
    }
  }
  if (!decided) return errc::unknown_vote;
  record_signers out;
  out.signers.push_back(signer{signer_role::server, "大会服务器", congress_pk});
  for (auto& [index, s] : scrutineers) out.signers.push_back(std::move(s));
  out.announced = !chair.empty();
  for (auto& s : chair) out.signers.push_back(std::move(s));
  return out;
}

result<vote_sheet> vote_sheet_of(const std::vector<read_event>& events,
                                 const crypto::public_key& congress_pk, std::string_view vote_id) {
  auto signers = signers_of(events, congress_pk, vote_id);
  if (!signers) return signers.error();
  auto v = collect(events, vote_id);
  if (!v) return v.error();
  const auto& created = *v->created;
  const auto& opened = *v->opened;
  const auto& decided = *v->decided;
  auto rule = protocol::parse_rule(created.rule);
  if (!rule) return rule.error();
  auto tally = protocol::make_tally_input(created.manifest, decided.counts, v->ballots,
                                          opened.seated, opened.present);
  if (!tally) return tally.error();
  auto outcome = protocol::decide_outcome(*rule, *tally);
  if (!outcome) return outcome.error();
  if (outcome->text != decided.outcome) return errc::invalid_tally;
  crypto::result_record r;
  r.election_hash = opened.election_hash;
  r.board_seq_at_close = v->closed_seq;
  r.board_hash_at_close = v->closed_hash;
  r.ballots = v->ballots;
  r.seated = opened.seated;
  r.present = opened.present;
  r.rule = created.rule;
  r.counts = decided.counts;
  r.outcome = outcome->text;
  const auto digest = crypto::result_digest(r);
  if (decided.result_digest && *decided.result_digest != digest) return errc::invalid_tally;
  const sheet_header header{v->congress, v->sitting_title, v->sitting_date};
  auto sheet = make_vote_sheet(header, created.manifest, *rule, *outcome, signers->signers, digest);
  if (!sheet) return sheet.error();
  sheet->announced = signers->announced;
  return sheet;
}

}  // namespace detail

result<record_signers> signers_from_record(const std::vector<protocol::board_event>& events,
                                           const crypto::public_key& congress_pk,
                                           std::string_view vote_id) {
  auto read = detail::read_events(events, detail::signer_types());
  if (!read) return read.error();
  return detail::signers_of(*read, congress_pk, vote_id);
}

result<vote_sheet> vote_sheet_from_record(const std::vector<protocol::board_event>& events,
                                          const crypto::public_key& congress_pk,
                                          std::string_view vote_id) {
  auto read = detail::read_events(events, detail::vote_sheet_types());
  if (!read) return read.error();
  return detail::vote_sheet_of(*read, congress_pk, vote_id);
}

}  // namespace plenum::clients::sheet
